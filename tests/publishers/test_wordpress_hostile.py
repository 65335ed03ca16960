# SPDX-License-Identifier: GPL-3.0-or-later
"""A site that points its API somewhere else must not get the Application Password sent there.

Two real HTTP servers on 127.0.0.1 (http.server, standard library): "the site", whose home page
advertises its REST API with `Link: <http://127.0.0.2:PORT/wp-json/>; rel="https://api.w.org/"`
(what a WordPress behind a proxy with the wrong siteurl sends, or a hostile one), and "elsewhere",
which logs every request's headers. The password is sent to the site's own origin only: elsewhere
logs no request at all, and the user gets one line saying why.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from composer.publishers.base import Account, NotFound
from composer.publishers.wordpress import WordPressPublisher

PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX"


class Recorder(BaseHTTPRequestHandler):
    """Answers every GET; remembers the headers it was sent."""

    seen: list[dict[str, str]]
    link = ""
    api = False  # answers as a WordPress REST index (only "elsewhere" does)

    def do_GET(self):
        self.seen.append(dict(self.headers))
        self.send_response(200)
        if self.link:
            self.send_header("Link", f'<{self.link}>; rel="https://api.w.org/"')
        self.send_header("Content-Type", "application/json" if self.api else "text/html")
        self.end_headers()
        self.wfile.write(b'{"namespaces": ["wp/v2"], "name": "x"}' if self.api else b"<html></html>")

    def log_message(self, *_args):
        pass


def serve(host: str, link: str = "", *, api: bool = False):
    handler = type("Handler", (Recorder,), {"seen": [], "link": link, "api": api})
    server = ThreadingHTTPServer((host, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, handler


@pytest.fixture
def sites():
    elsewhere, elsewhere_log = serve("127.0.0.2", api=True)
    site, site_log = serve("127.0.0.1", link=f"http://127.0.0.2:{elsewhere.server_port}/wp-json/")
    yield site, site_log, elsewhere_log
    for server in (site, elsewhere):
        server.shutdown()
        server.server_close()


def test_a_link_header_to_another_origin_gets_no_password(sites):
    site, site_log, elsewhere_log = sites
    account = Account("blog", "wordpress", {"url": f"http://127.0.0.1:{site.server_port}", "username": "comms"})
    with pytest.raises(NotFound) as refused:
        WordPressPublisher().test_connection(account, {"password": PASSWORD})
    assert elsewhere_log.seen == []  # not a single request, so no Authorization either
    message = str(refused.value)
    assert "which is not" in message and "the password is sent nowhere else" in message
    assert PASSWORD not in message and "\n" not in message
    assert site_log.seen  # the site itself was asked (its own ?rest_route=/ too)
