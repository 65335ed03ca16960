# SPDX-License-Identifier: GPL-3.0-or-later
"""A recording stand-in for the X and LinkedIn APIs on 127.0.0.1, for contract tests.

No X or LinkedIn server can run here. This HTTP server records every request and answers as the
published API descriptions say, checking each request against them first; whatever breaks the
documented contract is answered 400 (as the real API would) and listed in `violations`, so a test
can assert there are none. Sources:
- X API v2: POST /2/tweets (https://docs.x.com/x-api/posts/create-post), GET /2/users/me
  (https://docs.x.com/x-api/users/get-my-user), errors as problem documents, rate-limit headers
  (https://docs.x.com/fundamentals/rate-limits).
- LinkedIn Posts API (https://learn.microsoft.com/linkedin/marketing/community-management/shares/
  posts-api): POST /rest/posts with `LinkedIn-Version: YYYYMM` and `X-Restli-Protocol-Version: 2.0.0`,
  201 with the post's URN in `x-restli-id`; commentary in the "little" text format
  (.../shares/little-text-format); GET /v2/userinfo (OpenID Connect, https://learn.microsoft.com/
  linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2).
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOST = "127.0.0.1"
X_USER = {"id": "1460000000000000001", "name": "Example Status", "username": "examplestatus"}
LINKEDIN_MEMBER = {
    "sub": "782bbtaQ",
    "name": "Marta Vidal",
    "given_name": "Marta",
    "family_name": "Vidal",
    "email_verified": True,
    "locale": {"country": "ES", "language": "ca"},
}
LITTLE_RESERVED = set("\\|{}@[]()<>#*_~")
_LINK = re.compile(r"https?://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+")
_URN_AUTHOR = re.compile(r"urn:li:(person|organization):[A-Za-z0-9_-]+")


@dataclass
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    query: str
    headers: dict[str, str]  # names in lower case
    body: bytes

    @property
    def json(self) -> object:
        return json.loads(self.body) if self.body else None


@dataclass
class Answer:
    status: int
    body: object = None  # JSON, or None for an empty body
    headers: dict[str, str] = field(default_factory=dict)


Api = Callable[["Standin", Recorded], Answer]


class Standin:
    """A running stand-in: `requests` recorded, `violations` of the documented contract, scripted answers."""

    def __init__(self, api: Api, *, token: str):
        self.api = api
        self.token = token
        self.requests: list[Recorded] = []
        self.violations: list[str] = []
        self.scripted: list[Answer] = []  # answered instead of the API, first in first out
        self.state: dict[str, object] = {}
        self.ids = itertools.count(1)
        self.lock = threading.Lock()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args):  # quiet
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                recorded = Recorded(
                    self.command,
                    parts.path,
                    parts.query,
                    {name.lower(): value for name, value in self.headers.items()},
                    self.rfile.read(length) if length else b"",
                )
                with standin.lock:
                    standin.requests.append(recorded)
                    answer = standin.scripted.pop(0) if standin.scripted else None
                    if answer is None:
                        answer = standin.api(standin, recorded)
                payload = b"" if answer.body is None else json.dumps(answer.body).encode()
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if payload:
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _handle  # noqa: N815 (http.server names them)

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://{HOST}:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer_next(self, status: int, body: object = None, headers: dict[str, str] | None = None) -> None:
        """The next request gets this answer instead of the API's."""
        self.scripted.append(Answer(status, body, headers or {}))

    def violation(self, text: str) -> None:
        self.violations.append(text)

    def __enter__(self) -> Standin:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- X API v2 ---------------------------------------------------------------------------------


def _x_problem(status: int, title: str, detail: str) -> Answer:
    return Answer(status, {"title": title, "detail": detail, "type": "about:blank", "status": status})


def x_api(standin: Standin, request: Recorded) -> Answer:
    """X API v2 as documented: bearer token, POST /2/tweets, GET /2/users/me."""
    if request.headers.get("authorization") != f"Bearer {standin.token}":
        return _x_problem(401, "Unauthorized", "Unauthorized")
    if request.method == "GET" and request.path == "/2/users/me":
        return Answer(200, {"data": dict(X_USER)})
    if request.method != "POST" or request.path != "/2/tweets":
        return Answer(404, {"errors": [{"message": "Sorry, that page does not exist", "code": 34}]})
    if not request.headers.get("content-type", "").startswith("application/json"):
        standin.violation("POST /2/tweets without Content-Type: application/json")
    body = request.json
    problems = _x_tweet_problems(body, standin)
    if problems:
        for problem in problems:
            standin.violation(problem)
        return Answer(
            400,
            {
                "errors": [{"message": problem} for problem in problems],
                "title": "Invalid Request",
                "detail": "One or more parameters to your request was invalid.",
                "type": "https://api.twitter.com/2/problems/invalid-request",
            },
        )
    texts: set[str] = standin.state.setdefault("texts", set())  # type: ignore[assignment]
    if body["text"] in texts:
        return _x_problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.")
    reply = body.get("reply")
    known: dict[str, str] = standin.state.setdefault("tweets", {})  # type: ignore[assignment]
    if reply and reply["in_reply_to_tweet_id"] not in known:
        return _x_problem(403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.")
    tweet_id = str(1_860_000_000_000_000_000 + next(standin.ids))
    texts.add(body["text"])
    known[tweet_id] = body["text"]
    return Answer(
        201,
        {"data": {"id": tweet_id, "text": body["text"]}},
        {"x-rate-limit-limit": "100", "x-rate-limit-remaining": "99", "x-rate-limit-reset": "1700000000"},
    )


def _x_tweet_problems(body: object, standin: Standin) -> list[str]:
    from twitter_text import parse_tweet

    if not isinstance(body, dict):
        return ["the body is not a JSON object"]
    problems = [f"unknown field {key!r}" for key in body if key not in ("text", "reply")]
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append("text must be a non-empty string")
    elif parse_tweet(text).weightedLength > 280:
        problems.append(f"text is {parse_tweet(text).weightedLength} weighted characters, over 280")
    reply = body.get("reply")
    if reply is not None:
        if not isinstance(reply, dict) or set(reply) - {"in_reply_to_tweet_id", "exclude_reply_user_ids"}:
            problems.append(f"reply must be an object with in_reply_to_tweet_id, not {reply!r}")
        elif not re.fullmatch(r"[0-9]{1,19}", str(reply.get("in_reply_to_tweet_id", ""))) or not isinstance(
            reply.get("in_reply_to_tweet_id"), str
        ):
            problems.append(f"reply.in_reply_to_tweet_id must be a string of digits, not {reply!r}")
    return problems


def seed_tweet(standin: Standin, tweet_id: str, text: str = "an earlier post") -> None:
    """A post that already exists on the account (from an earlier update)."""
    standin.state.setdefault("tweets", {})[tweet_id] = text  # type: ignore[index]


# --- LinkedIn Posts API -----------------------------------------------------------------------


def _linkedin_error(status: int, code: str, message: str) -> Answer:
    return Answer(status, {"status": status, "code": code, "message": message})


def linkedin_api(standin: Standin, request: Recorded) -> Answer:
    """LinkedIn's versioned REST API as documented: POST /rest/posts, GET /v2/userinfo."""
    if request.headers.get("authorization") != f"Bearer {standin.token}":
        return Answer(
            401,
            {
                "status": 401,
                "serviceErrorCode": 65600,
                "code": "INVALID_ACCESS_TOKEN",
                "message": "Invalid access token",
            },
        )
    if request.method == "GET" and request.path == "/v2/userinfo":
        return Answer(200, dict(LINKEDIN_MEMBER))
    if request.method != "POST" or request.path != "/rest/posts":
        return _linkedin_error(404, "NOT_FOUND", f"No virtual resource found for {request.path}")
    version = request.headers.get("linkedin-version", "")
    if not re.fullmatch(r"20[0-9]{2}(0[1-9]|1[0-2])", version):
        standin.violation(f"LinkedIn-Version header missing or not YYYYMM: {version!r}")
        return _linkedin_error(
            400,
            "VERSION_MISSING",
            "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
        )
    if request.headers.get("x-restli-protocol-version") != "2.0.0":
        standin.violation("X-Restli-Protocol-Version: 2.0.0 missing")
    if not request.headers.get("content-type", "").startswith("application/json"):
        standin.violation("POST /rest/posts without Content-Type: application/json")
    problems = _linkedin_post_problems(request.json)
    if problems:
        for problem in problems:
            standin.violation(problem)
        return _linkedin_error(422, "UNPROCESSABLE_ENTITY", "; ".join(problems))
    urn = f"urn:li:share:{7_200_000_000_000_000_000 + next(standin.ids)}"
    return Answer(201, None, {"x-restli-id": urn, "x-linkedin-id": urn})


def _linkedin_post_problems(body: object) -> list[str]:
    if not isinstance(body, dict):
        return ["the body is not a JSON object"]
    allowed = {
        "author",
        "commentary",
        "visibility",
        "distribution",
        "lifecycleState",
        "isReshareDisabledByAuthor",
        "content",
        "contentLandingPage",
        "contentCallToActionLabel",
        "adContext",
        "container",
    }
    problems = [f"unknown field {key!r}" for key in body if key not in allowed]
    for required in ("author", "commentary", "visibility", "distribution", "lifecycleState"):
        if required not in body:
            problems.append(f"{required} is required")
    if not _URN_AUTHOR.fullmatch(str(body.get("author", ""))):
        problems.append(f"author must be a person or organization URN, not {body.get('author')!r}")
    if body.get("visibility") not in ("PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER"):
        problems.append(f"visibility {body.get('visibility')!r} is not one of PUBLIC, CONNECTIONS, LOGGED_IN")
    if body.get("lifecycleState") not in ("PUBLISHED", "DRAFT"):
        problems.append(f"lifecycleState {body.get('lifecycleState')!r} is not PUBLISHED")
    distribution = body.get("distribution")
    if not isinstance(distribution, dict) or distribution.get("feedDistribution") not in ("MAIN_FEED", "NONE"):
        problems.append(f"distribution.feedDistribution must be MAIN_FEED or NONE: {distribution!r}")
    elif not all(
        isinstance(distribution.get(key, []), list) for key in ("targetEntities", "thirdPartyDistributionChannels")
    ):
        problems.append("distribution.targetEntities and thirdPartyDistributionChannels must be arrays")
    commentary = body.get("commentary")
    if not isinstance(commentary, str):
        problems.append("commentary must be a string")
    else:
        if len(commentary) > 3000:
            problems.append(f"commentary is {len(commentary)} characters, over 3000")
        unescaped = unescaped_little(commentary)
        if unescaped:
            problems.append(
                f"commentary has unescaped little-text reserved characters {unescaped!r}: LinkedIn would "
                "cut the post at the first one"
            )
    return problems


def unescaped_little(text: str) -> list[str]:
    """Reserved characters of the little text format not preceded by a backslash escape.

    Links are skipped: they are sent as written so LinkedIn still makes them links (what clients
    observed: escaping inside a link breaks it, e.g. apoorvdarshan/crossposter v1.1.5).
    """
    text = _LINK.sub("", text)
    found = []
    index = 0
    while index < len(text):
        character = text[index]
        if character == "\\" and index + 1 < len(text) and text[index + 1] in LITTLE_RESERVED:
            index += 2
            continue
        if character in LITTLE_RESERVED:
            found.append(character)
        index += 1
    return found


def unescape_little(text: str) -> str:
    """What LinkedIn shows for an escaped commentary."""
    return re.sub(r"\\([\\|{}@\[\]()<>#*_~])", r"\1", text)


def assert_no_secret(error: BaseException, secret: str) -> None:
    """The secret is not in the error, nor in any exception chained to it (text, repr, arguments)."""
    import traceback

    seen: BaseException | None = error
    while seen is not None:
        for text in (str(seen), repr(seen), *traceback.format_exception_only(seen), *map(repr, seen.args)):
            assert secret not in text, f"the secret leaked into {type(seen).__name__}: {text}"
        seen = seen.__cause__ or seen.__context__
