# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m composer` runs the same command as `incident-composer`."""

import sys

from composer.entry import main

sys.exit(main())
