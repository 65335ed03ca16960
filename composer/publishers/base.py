# SPDX-License-Identifier: GPL-3.0-or-later
"""The publisher contract. Read this file as the spec every channel follows.

A publisher is a small object (the `Publisher` protocol at the end of this file) with:

- `id` and `display_name`;
- `api_version`: the major version of this contract it was written for (`API_VERSION`); a
  publisher without it, or written for a version older than `OLDEST_API_VERSION` or newer than
  `API_VERSION`, is listed as unavailable;
- `account_fields`: what an account of this kind needs, secrets marked (a secret goes to the
  OS keyring and nowhere else);
- `policy`: how the channel takes text (length limit and how it is counted, formats,
  whether long text becomes a thread);
- `render(update) -> Post`: the update as this channel will carry it;
- `publish(post, account, credentials, *, report, cancel) -> Receipt`: send it. Synchronous;
  runs in a worker thread, never on the UI thread. It calls `report(fraction, text)` as it
  goes, checks `cancel.is_set()` between steps, and raises one of the PublishError types
  below, whose messages are for the user and never contain a secret;
- `test_connection(account, credentials) -> str`: check the account works without posting.

Optional: `validate_settings(settings)` (the `ValidatesSettings` protocol) checks an account's
settings before they are saved, raising ValueError with a message for the user.

Optional: `existence_check_seconds` (a number, see `existence_check_seconds()` below): for how
long after an attempt the publisher, given `post.meta["retry"]`, finds a post that attempt may
have made instead of posting again (WordPress by its slug, Bluesky by its record key: always;
Mastodon by its Idempotency-Key: for an hour). Absent or 0: it cannot, and a post whose outcome
is unknown waits for the user.

When the request may have reached the server but no answer came (a timeout after sending, a
connection lost mid-answer), a publisher raises `OutcomeUnknown`, never a plain error: the
outbox then keeps the post "uncertain" instead of sending it twice.

Optional (API 2): `personal_messages = True` says the publisher can send a personal message: a
`Post` whose `recipient` is set goes to that one person and nobody else (email can; a social
network or a blog cannot). A publisher without it never gets such a post.

Publishers import no Qt. Built-ins are listed in `registry.py`; third parties register in
the entry-point group `incident_composer.publishers` and import only `composer.publishers.api`.

Changes of this contract:

- API 2 (issue 15, reaching every customer personally): `Post.recipient` (a `Recipient`: name
  and address) makes a post a personal message for that one person; the optional
  `personal_messages` member says a publisher can send one (`sends_personal_messages`). A
  publisher that has it sends a post with a recipient to that recipient alone (no list, no Bcc)
  and every other post as before. Publishers written for API 1 still load and publish ordinary
  posts (a `Post` without a recipient is exactly what they were given before); they are listed
  as unable to send personal messages, and are never handed one (they would post it to their
  whole audience).
- API 1: the first version.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable

# The major version of this contract. A change that breaks publishers written for it raises it.
API_VERSION = 2
# The oldest version still loaded: a publisher written for it publishes ordinary posts only.
OLDEST_API_VERSION = 1

Report = Callable[[float, str], None]


def no_report(_fraction: float, _text: str) -> None:
    """A `report` that ignores progress (command line, tests)."""


@dataclass(frozen=True)
class AccountField:
    name: str
    label: str
    secret: bool = False
    required: bool = True
    kind: str = "text"  # text, url, host, port, email, emails, choice, path
    default: str = ""
    help: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class TextPolicy:
    """How the channel takes text."""

    limit: int | None = None  # None: no practical limit
    counter: str = "characters"  # said to the user: "weighted characters (X rules)"
    formats: tuple[str, ...] = ("text",)  # "text", "markdown", "html"
    threads: bool = False  # long text may become a thread of posts (else: shortened with a link)
    measure: Callable[[str], int] | None = None  # the channel's own length counter; None: graphemes
    source: str = ""  # the short form it starts from: "social-short", "social-medium"; "": the body
    max_parts: int = 25  # the longest thread it will post


@dataclass
class PublishableUpdate:
    """What a publisher needs of an update: the texts, the incident, who signs."""

    incident_id: int
    update_id: int
    title: str
    body: str  # Markdown, the long form
    language: str = "en"
    status: str = "investigating"
    signer: str = ""
    subject: str = ""
    long_url: str = ""  # where the long form lives, for short channels to link to
    first_of_incident: bool = True
    previous_remote_ids: dict[str, str] = field(default_factory=dict)  # account -> id of the last post
    # Short forms written for social channels (template channel id -> text, e.g. "social-short");
    # a social publisher uses its own when present, else the body as plain text.
    texts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Recipient:
    """The one person a personal message is for (API 2)."""

    address: str
    name: str = ""


@dataclass
class Post:
    """The update as one channel will carry it. `parts` has more than one entry for a thread.

    Before `publish`, the publishing service adds to `meta`: `incident_key` (the same for every
    update of one incident) and, when this account already carries the incident, `previous`:
    the receipt of its last post for it (`remote_id`, `url`, `meta`), so a blog appends to the
    same article and a social channel replies in the same thread; and `retry`: False when the
    outbox has never tried this post before, so nothing an earlier attempt left can exist (a
    publisher that looks for such leftovers may skip the look; absent means "look").
    And `correction`, when this update already went out to this account with another text (it
    was edited after publishing): {"of": the first version's receipt, "number": how many versions
    went out before}. A publisher says it is a correction (email: its own Message-ID, "Correction:"
    in the subject, in reply to the original; a blog: a dated note; social: a reply).
    """

    channel: str
    parts: list[str]
    subject: str = ""
    html: str = ""
    meta: dict[str, object] = field(default_factory=dict)
    # API 2: set, this post is a personal message for this one person, sent to nobody else; only a
    # publisher that `sends_personal_messages` is given one. None: the account's usual audience.
    recipient: Recipient | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.parts)


@dataclass
class Receipt:
    """Where it went: the remote id (for threading and retries), a link, when."""

    account: str
    channel: str
    remote_id: str
    url: str
    published_at: datetime
    meta: dict[str, object] = field(default_factory=dict)


@dataclass
class Account:
    """An account's non-secret settings (kept in the store); its secret lives in the keyring."""

    name: str
    kind: str
    settings: dict[str, str] = field(default_factory=dict)


class PublishError(Exception):
    """Publishing failed. The message is for the user and never contains a secret."""

    retryable = False


class AuthRejected(PublishError):
    """The server refused the credentials."""


class NotFound(PublishError):
    """The server, the site or an endpoint is not where the account says."""


class RateLimited(PublishError):
    retryable = True

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class TooLong(PublishError):
    """The text does not fit the channel even as a thread."""


class NetworkError(PublishError):
    """The server could not be reached or did not answer in time."""

    retryable = True


class Rejected(PublishError):
    """The server refused the content."""


class Cancelled(PublishError):
    """The user stopped it before it was sent."""


class OutcomeUnknown(PublishError):
    """The request may have reached the server, but no answer came: the post may or may not be
    out. Never retried blindly (the outbox keeps the job "uncertain")."""


def sends_personal_messages(publisher: object) -> bool:
    """Whether `publisher` can send a post with a `recipient` to that person alone: written for API 2
    or later and saying so (`personal_messages = True`)."""
    version = getattr(publisher, "api_version", 0)
    return isinstance(version, int) and version >= 2 and getattr(publisher, "personal_messages", False) is True


def existence_check_seconds(publisher: object) -> float:
    """For how long after an attempt `publisher` can find the post that attempt may have made (0: never)."""
    value = getattr(publisher, "existence_check_seconds", 0)
    return float(value) if isinstance(value, (int, float)) and value > 0 else 0.0


@runtime_checkable
class Publisher(Protocol):
    """What every publisher is. The data members are read-only: a class attribute satisfies each."""

    @property
    def id(self) -> str: ...

    @property
    def display_name(self) -> str: ...

    @property
    def api_version(self) -> int:
        """`API_VERSION` as it was when the publisher was written."""
        ...

    @property
    def account_fields(self) -> tuple[AccountField, ...]: ...

    @property
    def policy(self) -> TextPolicy: ...

    def render(self, update: PublishableUpdate) -> Post: ...

    def publish(
        self,
        post: Post,
        account: Account,
        credentials: dict[str, str],
        *,
        report: Report = no_report,
        cancel: threading.Event | None = None,
    ) -> Receipt: ...

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        """Check the account works without posting; returns a one-line success message."""
        ...


@runtime_checkable
class ValidatesSettings(Protocol):
    """The optional hook: a publisher that has it checks an account's settings before they are saved."""

    def validate_settings(self, settings: dict[str, str]) -> None:
        """Raise ValueError, with a message for the user and no secret in it, when `settings` cannot work."""
        ...
