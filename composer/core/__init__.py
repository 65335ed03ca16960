# SPDX-License-Identifier: GPL-3.0-or-later
"""The whole product without a screen: model, store, interchange. Never imports Qt."""
