# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in Mastodon server on 127.0.0.1, checked against Mastodon's published API description.

No Mastodon-compatible server can be installed on these machines (see /work/shared/PEERS.md), so
the publisher's tests talk to this one. It behaves like Mastodon where the publisher depends on
it — instance limits, bearer tokens and scopes, statuses with `Idempotency-Key` and
`in_reply_to_id`, length counted with Mastodon's rules, its error answers and rate limits — and
EVERY request it receives and EVERY response it returns is checked against
`mastodon-openapi.json` (abraham/mastodon-openapi, generated from the official documentation).
A mismatch is recorded in `violations` and answered with a 500, so the test fails loudly.

Length: the stand-in counts with the publisher's `status_length`, whose rules are pinned by unit
tests citing Mastodon's documentation and source; so its 422 "character limit" answer is reached
by making it stricter than the limit it advertises (`enforced_limit`).
"""

from __future__ import annotations

import html
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from openapi_validation import OpenAPIDescription, OpenAPIViolation

from composer.publishers.mastodon import status_length

HOST = "127.0.0.1"
# A verbatim copy of the published description (see specs/README.md), so the tests are self-contained.
DESCRIPTION_PATH = Path(__file__).resolve().with_name("specs") / "mastodon-openapi.json"
# The generated description declares the Idempotency-Key header an object; Mastodon's documentation
# (methods/statuses, "Idempotency-Key") says "any arbitrary string", which is what clients send.
QUIRKS = {
    ("post", "/api/v1/statuses", "header", "Idempotency-Key"): {"type": "string", "minLength": 1},
    # A token without write:statuses gets 403 "This action is outside the authorized scopes" from every
    # Mastodon API controller (Api::BaseController, doorkeeper_forbidden_render); the description lists
    # 403 for some methods (verify_credentials) but not for this one.
    ("post", "/api/v1/statuses", "response", "403"): {"$ref": "urn:openapi-description#/components/schemas/Error"},
}
READ_ACCOUNT_SCOPES = {"read", "read:accounts", "profile"}
READ_STATUS_SCOPES = {"read", "read:statuses"}
WRITE_STATUS_SCOPES = {"write", "write:statuses"}

_description: OpenAPIDescription | None = None
_description_lock = threading.Lock()


def description() -> OpenAPIDescription:
    """Mastodon's API description, loaded once; a clear error when the file is absent."""
    global _description  # noqa: PLW0603  (parsing the 1 MB description once per test session)
    with _description_lock:
        if _description is None:
            if not DESCRIPTION_PATH.is_file():
                raise FileNotFoundError(
                    f"Mastodon's API description is missing at {DESCRIPTION_PATH}: the Mastodon tests check the "
                    "stand-in against it. Restore it from git, or take mastodon-openapi.json from "
                    "github.com/abraham/mastodon-openapi (dist/)."
                )
            _description = OpenAPIDescription.load(DESCRIPTION_PATH, QUIRKS)
        return _description


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Recorded:
    """One request as the stand-in received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None


@dataclass
class Canned:
    """An answer the stand-in gives instead of doing its work, once, to the next matching request."""

    method: str
    path: str
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


class MastodonStandIn:
    """The stand-in server. Configure it, `start()` it (or use `with`), read what it received."""

    def __init__(
        self,
        *,
        token: str,
        username: str = "status",
        max_characters: int = 500,
        url_length: int = 23,
        scopes: tuple[str, ...] = ("write:statuses", "read:accounts"),
        instance_v2: bool = True,
    ):
        description()  # fails here, loudly, when the description is missing
        self.token = token
        self.reader_token = "reader-" + token[::-1]  # read-only, for tests that look at statuses over HTTP
        self.scopes = {token: set(scopes), self.reader_token: {"read"}}
        self.username = username
        self.max_characters = max_characters  # what the instance says
        self.enforced_limit = max_characters  # what it checks (a test may make it stricter than it says)
        self.url_length = url_length
        self.instance_v2 = instance_v2  # False: an instance older than Mastodon 4.0 (no /api/v2/instance)
        self.statuses: dict[str, dict[str, Any]] = {}
        self.requests: list[Recorded] = []
        self.violations: list[str] = []
        self.canned: list[Canned] = []
        self.drop_next_post_answer = False  # make the status, then hang up without answering
        self._idempotency: dict[tuple[str, str], str] = {}
        self._next_id = 113_500_000_000_000_000
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer((HOST, 0), _Handler)
        self._server.daemon_threads = True
        self._server.standin = self  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]
        self.url = f"http://{HOST}:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.account_id = "109000000000000001"

    # --- lifecycle ----------------------------------------------------------------------------

    def start(self) -> MastodonStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> MastodonStandIn:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    # --- what tests read ----------------------------------------------------------------------

    def posts(self) -> list[Recorded]:
        return [r for r in self.requests if r.method == "POST" and r.path == "/api/v1/statuses"]

    def in_order(self) -> list[dict[str, Any]]:
        return sorted(self.statuses.values(), key=lambda status: int(status["id"]))

    def answer_next(self, method: str, path: str, status: int, body: dict[str, Any], **headers: str) -> None:
        self.canned.append(Canned(method, path, status, body, dict(headers)))

    def rate_limit_next_post(self, seconds: int = 120, *, retry_after: bool = False) -> None:
        """A 429 as Mastodon's Rack::Attack gives it (its reset time; Retry-After only if asked)."""
        reset = datetime.now(UTC) + timedelta(seconds=seconds)
        headers = {
            "X-RateLimit-Limit": "300",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": reset.isoformat(timespec="microseconds").replace("+00:00", "Z"),
        }
        if retry_after:
            headers["Retry-After"] = str(seconds)
        self.canned.append(Canned("POST", "/api/v1/statuses", 429, {"error": "Too many requests"}, headers))

    # --- entities -----------------------------------------------------------------------------

    def account(self) -> dict[str, Any]:
        avatar = f"{self.url}/avatars/original/missing.png"
        return {
            "id": self.account_id,
            "username": self.username,
            "acct": self.username,
            "display_name": "Example Status",
            "locked": False,
            "bot": True,
            "group": False,
            "discoverable": True,
            "indexable": False,
            "created_at": "2024-03-01T00:00:00.000Z",
            "note": "<p>Service status</p>",
            "url": f"{self.url}/@{self.username}",
            "uri": f"{self.url}/users/{self.username}",
            "avatar": avatar,
            "avatar_static": avatar,
            "header": f"{self.url}/headers/original/missing.png",
            "header_static": f"{self.url}/headers/original/missing.png",
            "followers_count": 12,
            "following_count": 0,
            "statuses_count": len(self.statuses),
            "emojis": [],
            "fields": [],
        }

    def credential_account(self) -> dict[str, Any]:
        return {
            **self.account(),
            "source": {
                "privacy": "public",
                "sensitive": False,
                "language": "en",
                "note": "Service status",
                "fields": [],
                "follow_requests_count": 0,
                "indexable": False,
            },
            "role": {"id": "-99", "name": "", "color": "", "permissions": "0", "highlighted": False},
        }

    def instance(self) -> dict[str, Any]:
        return {
            "domain": f"{HOST}:{self.port}",
            "title": "Stand-in",
            "version": "4.3.0",
            "source_url": "https://github.com/mastodon/mastodon",
            "description": "A stand-in checked against the API description",
            "usage": {"users": {"active_month": 1}},
            "thumbnail": {"url": f"{self.url}/thumbnail.png"},
            "icon": [],
            "languages": ["en"],
            "api_versions": {"mastodon": 2},
            "configuration": {
                "urls": {"streaming": f"ws://{HOST}:{self.port}"},
                "accounts": {"max_featured_tags": 10, "max_pinned_statuses": 5},
                "statuses": {
                    "max_characters": self.max_characters,
                    "max_media_attachments": 4,
                    "characters_reserved_per_url": self.url_length,
                },
                "media_attachments": {
                    "supported_mime_types": ["image/png"],
                    "image_size_limit": 16777216,
                    "image_matrix_limit": 33177600,
                    "video_size_limit": 103809024,
                    "video_frame_rate_limit": 120,
                    "video_matrix_limit": 8294400,
                },
                "polls": {
                    "max_options": 4,
                    "max_characters_per_option": 50,
                    "min_expiration": 300,
                    "max_expiration": 2629746,
                },
                "translation": {"enabled": False},
            },
            "registrations": {"enabled": False, "approval_required": False, "message": None},
            "contact": {"email": "admin@example.net", "account": None},
            "rules": [],
        }

    def _new_status(self, text: str, visibility: str, language: str | None, reply_to: str | None) -> dict[str, Any]:
        self._next_id += 65536
        status_id = str(self._next_id)
        content = "<p>" + "</p><p>".join(html.escape(p).replace("\n", "<br />") for p in text.split("\n\n")) + "</p>"
        return {
            "id": status_id,
            "created_at": _timestamp(datetime.now(UTC)),
            "in_reply_to_id": reply_to,
            "in_reply_to_account_id": self.account_id if reply_to else None,
            "sensitive": False,
            "spoiler_text": "",
            "visibility": visibility,
            "language": language,
            "uri": f"{self.url}/users/{self.username}/statuses/{status_id}",
            "url": f"{self.url}/@{self.username}/{status_id}",
            "replies_count": 0,
            "reblogs_count": 0,
            "favourites_count": 0,
            "edited_at": None,
            "content": content,
            "reblog": None,
            "application": {"name": "Incident Composer", "website": None},
            "account": self.account(),
            "media_attachments": [],
            "mentions": [],
            "tags": [],
            "emojis": [],
            "card": None,
            "poll": None,
        }

    # --- the API ------------------------------------------------------------------------------

    def _scoped(self, headers: dict[str, str], needed: set[str]) -> tuple[int, dict[str, Any]] | None:
        """None when the bearer token is known and has one of the scopes; else Mastodon's error."""
        authorization = headers.get("authorization", "")
        token = authorization.removeprefix("Bearer ").strip() if authorization.startswith("Bearer ") else ""
        if not token:
            return 401, {"error": "The access token is invalid"}
        if token not in self.scopes:
            return 401, {"error": "The access token is invalid"}
        if not self.scopes[token] & needed:
            return 403, {"error": "This action is outside the authorized scopes"}
        return None

    def handle(
        self, method: str, path: str, headers: dict[str, str], params: dict[str, Any]
    ) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        """(status, JSON body, headers) for a request, or None to hang up without answering."""
        with self._lock:
            for canned in self.canned:
                if canned.method == method and canned.path == path:
                    self.canned.remove(canned)
                    return canned.status, canned.body, canned.headers
            if method == "GET" and path == "/api/v2/instance":
                if not self.instance_v2:
                    return 404, {"error": "Not Found"}, {}
                return 200, self.instance(), {}
            if method == "GET" and path == "/api/v1/accounts/verify_credentials":
                refused = self._scoped(headers, READ_ACCOUNT_SCOPES)
                return (*refused, {}) if refused else (200, self.credential_account(), {})
            if method == "GET" and path.startswith("/api/v1/statuses/"):
                refused = self._scoped(headers, READ_STATUS_SCOPES)
                if refused:
                    return (*refused, {})
                status = self.statuses.get(path.rsplit("/", 1)[1])
                return (200, status, {}) if status else (404, {"error": "Record not found"}, {})
            if method == "POST" and path == "/api/v1/statuses":
                return self._create_status(headers, params)
            return 404, {"error": "Not Found"}, {}

    def _create_status(
        self, headers: dict[str, str], params: dict[str, Any]
    ) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        refused = self._scoped(headers, WRITE_STATUS_SCOPES)
        if refused:
            return (*refused, {})
        token = headers["authorization"].removeprefix("Bearer ").strip()
        key = headers.get("idempotency-key")
        if key and (token, key) in self._idempotency:  # Mastodon: the status made with this key, unchanged
            return 200, self.statuses[self._idempotency[(token, key)]], {}
        text = str(params.get("status") or "")
        if not text.strip():
            return 422, {"error": "Validation failed: Text can't be blank"}, {}
        if status_length(text, url_length=self.url_length) > self.enforced_limit:
            return 422, {"error": f"Validation failed: Text character limit of {self.enforced_limit} exceeded"}, {}
        reply_to = params.get("in_reply_to_id") or None
        if reply_to and reply_to not in self.statuses:
            return 404, {"error": "The post you are trying to reply to does not appear to exist."}, {}
        status = self._new_status(text, str(params.get("visibility") or "public"), params.get("language"), reply_to)
        self.statuses[status["id"]] = status
        if reply_to:
            self.statuses[reply_to]["replies_count"] += 1
        if key:
            self._idempotency[(token, key)] = status["id"]
        if self.drop_next_post_answer:
            self.drop_next_post_answer = False
            return None
        return 200, status, {}


class _Handler(BaseHTTPRequestHandler):
    server_version = "Mastodon-stand-in"

    def log_message(self, *_args) -> None:
        """Quiet: pytest shows what matters."""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        standin: MastodonStandIn = self.server.standin  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        path = urlsplit(self.path).path
        params = self._params(raw, headers)
        with standin._lock:
            standin.requests.append(Recorded(self.command, path, headers, params if raw else None))
        try:
            description().validate_request(self.command, self.path, headers, raw)
        except OpenAPIViolation as violation:
            self._refuse(standin, violation)
            return
        answer = standin.handle(self.command, path, headers, params)
        if answer is None:
            self.close_connection = True  # the answer is lost on the way: the client sees the connection drop
            self.connection.shutdown(2)
            return
        status, body, extra = answer
        payload = json.dumps(body).encode()
        sent_headers = {"Content-Type": "application/json; charset=utf-8", **extra}
        try:
            description().validate_response(self.command, self.path, status, sent_headers, payload)
        except OpenAPIViolation as violation:
            self._refuse(standin, violation)
            return
        self._send(status, payload, sent_headers)

    def _params(self, raw: bytes, headers: dict[str, str]) -> dict[str, Any]:
        """The body's parameters, JSON or form-encoded (Mastodon takes both)."""
        if not raw:
            return {}
        if headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            return {name: values[-1] for name, values in parse_qs(raw.decode()).items()}
        try:
            data = json.loads(raw)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _refuse(self, standin: MastodonStandIn, violation: OpenAPIViolation) -> None:
        with standin._lock:
            standin.violations.append(str(violation))
        self._send(
            500,
            json.dumps({"error": f"stand-in: {violation}"}).encode(),
            {"Content-Type": "application/json; charset=utf-8"},
        )

    def _send(self, status: int, payload: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
