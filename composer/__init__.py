# SPDX-License-Identifier: GPL-3.0-or-later
"""Incident Composer: outage updates that are timely, signed, honest and reachable."""

__version__ = "0.1.0"
APP_ID = "org.incidentcomposer.IncidentComposer"
APP_NAME = "Incident Composer"
