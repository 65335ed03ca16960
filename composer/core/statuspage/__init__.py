# SPDX-License-Identifier: GPL-3.0-or-later
"""The static status page (issue 18): built from what was published, with nothing to load from elsewhere.

`build_site(store, now=...)` gives every file (relative path -> bytes); the same store gives the
same bytes. `site` renders the pages, `data` reads the store, `feeds` writes the Atom feed and the
maintenance calendar, `strings` holds the page's own words in each language.
"""

from composer.core.statuspage.site import (
    SiteError,
    build_site,
    parse_languages,
    publishing_builder,
    render_site,
    user_folder,
)
from composer.core.statuspage.strings import LANGUAGES

__all__ = [
    "LANGUAGES",
    "SiteError",
    "build_site",
    "parse_languages",
    "publishing_builder",
    "render_site",
    "user_folder",
]
