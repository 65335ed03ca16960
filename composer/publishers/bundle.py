# SPDX-License-Identifier: GPL-3.0-or-later
"""An update to send by hand, for when nothing can be sent: `incident-composer export ID --bundle DIR`.

When the mail server, the blog and the network are down, the person must still be able to send
the update from a phone, a webmail or another machine. `write_bundle` writes into one folder:

- `update.md`: the interchange file, exactly as `export` writes it;
- `update.html`: the long form as one self-contained page;
- `<channel>.txt`: each publisher's own rendering of the same update the app publishes, the
  parts of a thread numbered and fenced so it is plain what to paste where;
- `update.eml`: the email publisher's message (text and HTML), no recipient, ready to open in
  a mail client;
- `contact.html`: the organisation's other ways to be reached, for a phone;
- `README.txt`: what each file is and how to send it by hand.

Everything is rendered before the folder is touched, so bad input writes nothing. Each file
is written atomically (`composer.core.files.write_atomic`). No Qt, no printing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.errors import HeaderParseError, MessageDefect
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from composer.core.files import write_atomic
from composer.core.i18n import _
from composer.core.lengths import graphemes
from composer.publishers.base import Post, PublishableUpdate, Publisher, PublishError

if TYPE_CHECKING:
    from composer.core.model import Incident, Organisation, Update
    from composer.core.store import Store
    from composer.core.templates import TemplateLibrary

MARKER = "Incident Composer bundle"  # the first words of README.txt: this folder is ours to overwrite
README, UPDATE_MD, UPDATE_HTML, UPDATE_EML, CONTACT_HTML = (
    "README.txt",
    "update.md",
    "update.html",
    "update.eml",
    "contact.html",
)
NO_DOMAIN = "incident-composer.invalid"
FENCE = "====="
_SAFE_CHANNEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_DOMAIN = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+")
_STYLE = """\
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
  max-width: 40rem; margin: 0 auto; padding: 1rem; color: #111; background: #fff; }
h1 { font-size: 1.5rem; line-height: 1.25; }
.meta, .signer { color: #444; }
dt { font-weight: bold; margin-top: 0.75rem; }
dd { margin: 0; font-size: 1.15rem; overflow-wrap: anywhere; }
pre, code { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 0.25rem; }
"""


class BundleError(ValueError):
    """The bundle cannot be written where asked; the message is one line for the user."""


@dataclass
class ChannelFile:
    """One channel's file: its text, and a note for the README when the channel could not render."""

    channel: str
    title: str  # the publisher's display name
    name: str
    text: str
    post: Post | None = None
    problem: str = ""


@dataclass
class Bundle:
    """Everything a bundle holds, rendered, before anything is written (file name -> text)."""

    files: dict[str, str | bytes] = field(default_factory=dict)
    channels: list[ChannelFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # README lines about channels with no file


def write_bundle(
    store: Store,
    incident_id: int,
    directory: Path | str,
    *,
    update_id: int | None = None,
    library: TemplateLibrary | None = None,
    publishers: Mapping[str, Publisher] | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """Write the bundle of one update (the incident's latest unless `update_id`) into `directory`.

    `publishers`: id -> publisher (default: every one that loads). Returns the files written,
    README first. Raises NotFound (no such incident or update), BundleError (the incident has no
    update, or `directory` is not ours to write into), OSError (the disk)."""
    bundle = build_bundle(store, incident_id, update_id=update_id, library=library, publishers=publishers, now=now)
    folder = Path(directory)
    prepare_folder(folder)
    written: list[Path] = []
    # README first: a bundle cut short is still recognised as ours, and written over next time.
    for name in sorted(bundle.files, key=lambda n: n != README):
        path = folder / name
        write_atomic(path, bundle.files[name])
        written.append(path)
    return written


def prepare_folder(folder: Path) -> None:
    """Make `folder`, or check that it is empty or an earlier bundle; BundleError otherwise."""
    if folder.exists() and not folder.is_dir():
        raise BundleError(_("{folder} exists and is not a folder").format(folder=folder))
    if folder.is_dir() and any(folder.iterdir()) and not is_bundle(folder):
        raise BundleError(
            _("{folder} is not empty and holds no earlier bundle; choose a new or empty folder").format(folder=folder)
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BundleError(_("{folder} exists and is not a folder").format(folder=folder)) from None


def is_bundle(folder: Path) -> bool:
    """Whether `folder` holds a bundle written by this app (its README.txt says so on line one)."""
    try:
        with (folder / README).open(encoding="utf-8", errors="replace") as handle:
            return handle.readline().startswith(MARKER)
    except OSError:
        return False


def build_bundle(
    store: Store,
    incident_id: int,
    *,
    update_id: int | None = None,
    library: TemplateLibrary | None = None,
    publishers: Mapping[str, Publisher] | None = None,
    now: datetime | None = None,
) -> Bundle:
    """Every file of the bundle as text, nothing written. Raises NotFound and BundleError."""
    from composer.core.exchange import export_document  # noqa: PLC0415
    from composer.core.interchange import dump_update  # noqa: PLC0415
    from composer.core.outgoing import fill_template_texts  # noqa: PLC0415
    from composer.publishers.publishable import publishable_update  # noqa: PLC0415

    doc = export_document(store, incident_id, update_id)  # NotFound for a wrong incident or update
    incident = store.incident(incident_id)
    stored = store.update(update_id) if update_id is not None else store.latest_update(incident_id)
    if stored is None or stored.id is None:
        raise BundleError(
            _("incident {incident_id} has no update to send yet; write one first").format(incident_id=incident_id)
        )
    organisation = store.organisation()
    interchange = dump_update(doc)  # before the template texts are filled in: as `export` writes it
    doc = fill_template_texts(doc, library)
    update = publishable_update(
        doc,
        incident_id=incident_id,
        update_id=stored.id,
        long_url=organisation.status_page_url,
        organisation=organisation.name,
    )
    if publishers is None:
        from composer.publishers.registry import available  # noqa: PLC0415

        publishers = available()
    moment = now or datetime.now(UTC)

    bundle = Bundle()
    bundle.files[UPDATE_MD] = interchange
    bundle.files[UPDATE_HTML] = update_page(update, stored, organisation)
    for channel, publisher in publishers.items():
        if getattr(publisher, "uploads_site", False):
            continue  # a status page host takes the whole site, not a text to paste
        if not _SAFE_CHANNEL.fullmatch(channel) or channel.lower() == "readme":
            bundle.skipped.append(f"The channel “{channel}” has no file: its name cannot be a file name.")
            continue
        rendered = channel_file(publisher, update, name=f"{channel}.txt")
        bundle.channels.append(rendered)
        bundle.files[rendered.name] = rendered.text
    email_post = _email_post(bundle, publishers, update)
    if email_post is not None:
        bundle.files[UPDATE_EML] = eml(email_post, update, organisation, moment)
    bundle.files[CONTACT_HTML] = contact_page(organisation, incident, stored, update)
    bundle.files[README] = readme(
        bundle, incident, stored, organisation=organisation, email_post=email_post, now=moment
    )
    return bundle


# --- channel files ----------------------------------------------------------------------------


def channel_file(publisher: Publisher, update: PublishableUpdate, *, name: str) -> ChannelFile:
    """The publisher's own rendering of `update` as a file to paste from, or why it cannot render it."""
    title = publisher.display_name
    try:
        post = publisher.render(update)
    except PublishError as error:
        problem = str(error)
    except Exception as error:  # a plugin's bug must not cost the person the other channels
        problem = f"{title} could not render this update: {error}"
    else:
        if post.parts:
            return ChannelFile(publisher.id, title, name, thread_text(publisher, post), post)
        problem = "there is nothing to post"
    text = (
        f"{title}: this update cannot be posted as it is.\n\n"
        f"Why: {problem}\n\n"
        "Fix the update in Incident Composer (shorten it, or write this channel's short text) and\n"
        "write the bundle again, or post update.html's text by hand.\n"
    )
    return ChannelFile(publisher.id, title, name, text, None, problem)


def thread_text(publisher: Publisher, post: Post) -> str:
    """The post's parts, each fenced and numbered: what to paste, and where one post ends.

    Between a part's opening line and its closing line stands exactly that part, then one line
    break the fence adds: `part == text[start:end - 1]`, byte for byte."""
    total = len(post.parts)
    policy = publisher.policy
    measure = policy.measure or graphemes
    lines = [f"{publisher.display_name}: this update as {_posts(total, publisher.id)}."]
    if post.subject:
        lines.append(f"{'Subject' if publisher.id == 'email' else 'Title'}: {' '.join(post.subject.split())}")
    if total > 1:
        lines.append(f"Post 1/{total} first, then each next part as a reply to the one before it.")
    lines.append(f"Copy only the text between the {FENCE} lines; those lines are not part of the post.")
    blocks = ["\n".join(lines) + "\n"]
    for number, part in enumerate(post.parts, 1):
        size = ""
        if policy.limit is not None:
            try:
                size = f" [{measure(part)}/{policy.limit} {policy.counter}]"
            except Exception:  # a plugin's counter: the size is a courtesy, the text is what matters
                size = ""
        blocks.append(
            f"{FENCE} {number}/{total}{size}: copy from the next line {FENCE}\n"
            f"{part}\n"
            f"{FENCE} end of {number}/{total} {FENCE}\n"
        )
    return "\n".join(blocks)


def _posts(count: int, channel: str) -> str:
    if count == 1:
        return "one message" if channel == "email" else "one post"
    return f"{count} posts (a thread)"


def _email_post(bundle: Bundle, publishers: Mapping[str, Publisher], update: PublishableUpdate) -> Post | None:
    """The email publisher's post of `update`: the one email.txt holds, else the built-in's own."""
    for rendered in bundle.channels:
        if rendered.channel == "email":
            return rendered.post
    if "email" in publishers:
        return None  # it could not render it (or its name is not a file name): no message either
    from composer.publishers.email import EmailPublisher  # noqa: PLC0415

    try:
        return EmailPublisher().render(update)
    except PublishError:
        return None


# --- the message ------------------------------------------------------------------------------


def sender(organisation: Organisation) -> tuple[Address | None, str]:
    """The organisation's address as a From (None when it has none or it is not an address) and
    the domain for Message-IDs (ASCII)."""
    _name, spec = parseaddr(" ".join(organisation.email.split()))
    if spec.count("@") != 1 or any(c.isspace() for c in spec):
        return None, NO_DOMAIN
    try:
        address = Address(display_name=" ".join(organisation.name.split()), addr_spec=spec)
    except (ValueError, IndexError, HeaderParseError, MessageDefect):
        return None, NO_DOMAIN
    try:
        domain = spec.rpartition("@")[2].encode("idna").decode("ascii").lower()
    except UnicodeError:
        domain = ""
    return address, domain if _DOMAIN.fullmatch(domain) else NO_DOMAIN


def eml(post: Post, update: PublishableUpdate, organisation: Organisation, now: datetime) -> bytes:
    """A message/rfc822 file of the email publisher's post: text and HTML, no recipient.

    `X-Unsent: 1` makes Outlook open it as a draft to send. Lines end in CRLF, as in mail."""
    from email.policy import SMTP  # noqa: PLC0415

    from composer.publishers.email import html_document  # noqa: PLC0415

    address, domain = sender(organisation)
    message = EmailMessage()
    if address is not None:
        message["From"] = address
    message["Subject"] = " ".join(post.subject.split())
    message["Date"] = format_datetime(now if now.tzinfo else now.replace(tzinfo=UTC))
    message["Message-ID"] = make_msgid(domain=domain)
    message["X-Unsent"] = "1"
    language = update.language or ""
    text = post.text if post.text.endswith("\n") else post.text + "\n"
    message.set_content(text)
    message.add_alternative(html_document(post, language), subtype="html")
    if _LANGUAGE_TAG.fullmatch(language):
        message["Content-Language"] = language
    return message.as_bytes(policy=SMTP)


# --- pages ------------------------------------------------------------------------------------


def _page(title: str, language: str, body: str) -> str:
    lang = f' lang="{escape(language)}"' if _LANGUAGE_TAG.fullmatch(language) else ""
    return (
        f'<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def _when(moment: datetime) -> str:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    utc = moment.astimezone(UTC)
    return f'<time datetime="{escape(utc.isoformat())}">{escape(utc.strftime("%Y-%m-%d %H:%M"))} UTC</time>'


def _link(url: str) -> str:
    """A web address as a link; anything but http(s) as text only (no `javascript:` to click)."""
    url = url.strip()
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return escape(url)
    return f'<a href="{escape(url)}">{escape(url)}</a>'


def update_page(update: PublishableUpdate, stored: Update, organisation: Organisation) -> str:
    """The long form as one page with nothing to load: title, body, signer."""
    from composer.core.model import Status  # noqa: PLC0415
    from composer.core.templates.render import images_as_links, markdown_to_html  # noqa: PLC0415

    body = images_as_links(markdown_to_html(update.body))
    signer = update.signer.strip()
    signature = f'<p class="signer">{escape(signer)}</p>\n' if signer and signer not in update.body else ""
    try:
        status = Status(update.status).label
    except ValueError:
        status = update.status
    where = ""
    if organisation.status_page_url.strip():
        where = f'<p class="meta">Status page: {_link(organisation.status_page_url)}</p>\n'
    return _page(
        update.title,
        update.language,
        f"<article>\n<h1>{escape(update.title)}</h1>\n"
        f'<p class="meta">{escape(status)} · {_when(stored.created_at)}</p>\n'
        f"{body}{signature}</article>\n{where}",
    )


def has_contact(organisation: Organisation) -> bool:
    """Whether the organisation has any way to be reached besides its usual channels."""
    return any(
        value.strip()
        for value in (organisation.phone, organisation.email, organisation.contact_url, organisation.status_page_url)
    )


def contact_page(organisation: Organisation, incident: Incident, stored: Update, update: PublishableUpdate) -> str:
    """How to reach the organisation while its usual channels are down, readable on a phone."""
    name = organisation.name.strip() or "Contact"
    rows: list[tuple[str, str]] = []
    if organisation.phone.strip():
        phone = organisation.phone.strip()
        rows.append(("Phone", f'<a href="tel:{escape(re.sub(r"[^0-9+]", "", phone))}">{escape(phone)}</a>'))
    if organisation.email.strip():
        mail = organisation.email.strip()
        rows.append(("Email", f'<a href="mailto:{escape(mail)}">{escape(mail)}</a>'))
    for label, url in (("Contact page", organisation.contact_url), ("Status page", organisation.status_page_url)):
        if url.strip():
            rows.append((label, _link(url)))
    if update.signer.strip():
        rows.append(("Signed by", escape(update.signer.strip())))
    details = "".join(f"<dt>{escape(label)}</dt>\n<dd>{value}</dd>\n" for label, value in rows)
    reach = f"<p>Our usual channels may be down. You can reach us here:</p>\n<dl>\n{details}</dl>\n" if rows else ""
    return _page(
        f"{name}: how to reach us",
        update.language,
        f"<h1>{escape(name)}</h1>\n{reach}"
        f"<h2>{escape(incident.title)}</h2>\n<dl>\n"
        f"<dt>Status</dt>\n<dd>{escape(incident.status.label)}</dd>\n"
        f"<dt>Last update</dt>\n<dd>{_when(stored.created_at)}</dd>\n</dl>\n",
    )


# --- the README -------------------------------------------------------------------------------


def readme(
    bundle: Bundle,
    incident: Incident,
    stored: Update,
    *,
    organisation: Organisation,
    email_post: Post | None,
    now: datetime,
) -> str:
    """One short paragraph per file: what it is and how to send it by hand."""
    title = " ".join(incident.title.split())
    paragraphs = [
        f"{MARKER}: incident {incident.id} ({title}), update {stored.id}, written "
        f"{now.astimezone(UTC).strftime('%Y-%m-%d %H:%M')} UTC.\n"
        "Everything here is the update as Incident Composer would publish it, to send by hand when\n"
        "nothing can be sent from the app: from a phone, a webmail or another machine.",
        f"{UPDATE_MD}: the update as an Incident Composer file. Import it on another machine with\n"
        f"`incident-composer import {UPDATE_MD}`, then publish it from there.",
        f"{UPDATE_HTML}: the full update as one web page with nothing to load. Open it in a browser to\n"
        "read it or copy from it; put it on any web server or file share as it is.",
    ]
    if email_post is not None:
        subject = " ".join(email_post.subject.split())
        paragraphs.append(
            f"{UPDATE_EML}: the email, text and HTML, with no recipient (subject: {subject}). Open it in a\n"
            "mail client (Outlook opens it as a draft; in Thunderbird use Message > Edit as New Message),\n"
            "add the recipients and send it."
        )
    else:
        paragraphs.append(f"No {UPDATE_EML}: the email could not be made from this update (see email.txt).")
    for rendered in bundle.channels:
        paragraphs.append(_channel_paragraph(rendered))
    paragraphs.extend(bundle.skipped)
    contact = (
        f"{CONTACT_HTML}: a page with the organisation's phone, email and web addresses, and where this\n"
        "incident stands. Send it, print it, or put it anywhere people can still reach."
    )
    if not has_contact(organisation):
        contact += (
            "\nIt has no way to reach you yet: set the organisation's phone, email and web addresses in\n"
            "Incident Composer and write the bundle again."
        )
    paragraphs.append(contact)
    paragraphs.append(
        f"{README}: this file. Writing the bundle again into this folder replaces these files and\nno others."
    )
    return "\n\n".join(paragraphs) + "\n"


def _channel_paragraph(rendered: ChannelFile) -> str:
    if rendered.post is None:
        problem = " ".join(rendered.problem.split())
        return f"{rendered.name}: {rendered.title} cannot take this update as it is: {problem}"
    count = len(rendered.post.parts)
    if rendered.channel == "email":
        how = "paste the subject and the text into a new message in any webmail or mail app"
    elif count > 1:
        how = f"post its {count} parts in order, each as a reply to the one before"
    else:
        how = "paste the text between the ===== lines as one post"
    return f"{rendered.name}: what {rendered.title} would get; {how}."
