# SPDX-License-Identifier: GPL-3.0-or-later
"""The interchange file: one update as Markdown with YAML front matter.

    ---
    title: Email delivery delayed
    status: investigating
    started: 2026-11-24T09:12:00+01:00
    next_update: 2026-11-24T10:00:00+01:00
    signer: Marta Vidal, Support lead
    language: en
    ---
    We are sorry: since 09:12 CET ...

Times are ISO 8601 with a zone. `last_update` is the time of the previous public
update (absent: this is the first). `own_site_down: true` / `own_email_down: true`: the
incident takes down our own website / email (the checks then ask for contacts elsewhere).
Keys we do not know are kept and written back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from composer.core.errors import InterchangeError as InterchangeError  # noqa: PLC0414 (re-exported: its old home)
from composer.core.files import write_atomic
from composer.core.i18n import _
from composer.core.model import Incident, Severity, Status, Update, parse_severity, parse_status

if TYPE_CHECKING:
    from frontmatter.default_handlers import YAMLHandler

TIME_KEYS = ("started", "last_update", "next_update")
KNOWN_KEYS = (
    "title",
    "incident",
    "update",
    "status",
    "severity",
    "started",
    "last_update",
    "next_update",
    "signer",
    "language",
    "services",
    "impact",
    "workaround",
    "region",
    "own_site_down",
    "own_email_down",
)
FLAG_KEYS = ("own_site_down", "own_email_down")


@dataclass
class UpdateDocument:
    body: str
    title: str = ""
    incident_id: int | None = None
    # The stored update this file is (an exported file names it): importing or publishing the
    # file changes that update -- once published, publishing it again sends a correction.
    update_id: int | None = None
    status: Status = Status.INVESTIGATING
    severity: Severity | None = None
    started: datetime | None = None
    last_update: datetime | None = None
    next_update: datetime | None = None
    signer: str = ""
    language: str = ""
    services: list[str] = field(default_factory=list)
    impact: str = ""
    workaround: str = ""
    region: str = ""
    own_site_down: bool = False
    own_email_down: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    # -- to and from the model ------------------------------------------------

    @classmethod
    def from_model(cls, incident: Incident, update: Update, last_update: datetime | None) -> UpdateDocument:
        return cls(
            body=update.body,
            title=incident.title,
            incident_id=incident.id,
            update_id=update.id,
            status=update.status,
            severity=incident.severity,
            started=incident.started_at,
            last_update=last_update,
            next_update=update.next_update_at,
            signer=update.signer,
            language=update.language,
            services=list(incident.affected_services),
            impact=incident.customer_impact,
            workaround=incident.workaround,
            region=incident.region,
            own_site_down=incident.own_site_down,
            own_email_down=incident.own_email_down,
            extra=dict(update.extra),
        )

    def to_incident(self) -> Incident:
        incident = Incident(
            title=self.title or _first_line(self.body) or "Untitled incident",
            status=self.status,
            affected_services=list(self.services),
            customer_impact=self.impact,
            workaround=self.workaround,
            region=self.region,
            own_site_down=self.own_site_down,
            own_email_down=self.own_email_down,
        )
        if self.severity is not None:
            incident.severity = self.severity
        elif self.status.is_maintenance:
            incident.severity = Severity.MAINTENANCE
        if self.started is not None:
            incident.started_at = self.started
        return incident

    def to_update(self, incident_id: int | None) -> Update:
        return Update(
            incident_id=incident_id,
            body=self.body,
            status=self.status,
            signer=self.signer,
            language=self.language or "en",
            next_update_at=self.next_update,
            previous_update_at=self.last_update,
            extra=dict(self.extra),
        )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:120]
    return ""


def _time(key: str, value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        raise InterchangeError(
            _("`{key}` is a date without a time: write it like 2026-11-24T14:30:00+01:00").format(key=key)
        )
    else:
        try:
            parsed = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise InterchangeError(
                _("`{key}` is not an ISO 8601 time: {shown} (write it like 2026-11-24T14:30:00+01:00)").format(
                    key=key, shown=_shown(value)
                )
            ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise InterchangeError(
            _("`{key}` has no time zone: {shown} (add one, like +01:00 or Z)").format(
                key=key, shown=_shown(value, quoted=False)
            )
        )
    return parsed


def _shown(value: object, *, quoted: bool = True) -> str:
    """A value as a message quotes it: a long one cut short, so the message stays one short line."""
    text = repr(value) if quoted else str(value)
    return text if len(text) <= 80 else text[:70] + "…" + text[-8:]


def _text(key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise InterchangeError(_("`{key}` must be plain text").format(key=key))
    return str(value)


def _flag(key: str, value: object) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    raise InterchangeError(_("`{key}` must be true or false, not {shown}").format(key=key, shown=_shown(value)))


# An update is a few screens of text: a larger file is a mistake (or an attack), refused before
# it is read whole. Characters of a string, bytes of a file.
# 100,000 characters is some 15,000 words, far longer than any update, and `check` reads that in
# a few seconds (a million took minutes: some rules are not linear in the length of a line).
MAX_UPDATE_SIZE = 100_000


def _front_matter_handler() -> YAMLHandler:
    """python-frontmatter's YAML handler with a safe loader that refuses aliases (`*name`): an
    update's front matter never needs them, and nested aliases expand to billions of items when
    the file is exported again (a "billion laughs" file)."""
    import yaml  # noqa: PLC0415
    from frontmatter.default_handlers import YAMLHandler  # noqa: PLC0415

    class NoAliases(yaml.SafeLoader):
        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            if self.check_event(yaml.AliasEvent):
                event = cast(Any, self).peek_event()  # untyped in types-PyYAML
                raise yaml.MarkedYAMLError(problem="aliases (*name) are not allowed", problem_mark=event.start_mark)
            return super().compose_node(parent, index)

    class Handler(YAMLHandler):
        def load(self, fm: str, **_kwargs: object) -> Any:
            data = yaml.load(fm, Loader=NoAliases)
            if data is None:
                return {}
            if not isinstance(data, dict):  # python-frontmatter would drop it silently
                raise InterchangeError(_("the front matter must be a set of `key: value` lines"))
            for key in data:
                if not isinstance(key, str):  # `2026-01-01: x`, `1: x`, `null: x`
                    raise InterchangeError(
                        _(
                            "the front matter key {shown} is not a name (keys are words like title or status; quote "
                            "it to keep it)"
                        ).format(shown=_shown(key if key is None else str(key)))
                    )
            return data

    return Handler()


def parse_update(text: str) -> UpdateDocument:
    """Read the interchange format from a string."""
    import frontmatter  # noqa: PLC0415 - kept off the path to the first window
    import yaml  # noqa: PLC0415

    if len(text) > MAX_UPDATE_SIZE:
        raise InterchangeError(
            _("the file is over {limit:,} characters: an update is never that long").format(limit=MAX_UPDATE_SIZE)
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8, read with surrogateescape (standard input)
        raise InterchangeError(_("the text is not UTF-8 (save it as UTF-8 and try again)")) from None
    text = text.removeprefix("\ufeff")  # a byte order mark some editors write
    opened = text.lstrip().startswith("---")
    try:
        post = frontmatter.loads(text, handler=_front_matter_handler() if opened else None)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = _(" at line {line}").format(line=mark.line + 1) if mark is not None else ""
        problem = getattr(error, "problem", None) or _("invalid YAML")
        if "mapping values are not allowed" in problem:
            problem += _(' (a value holding ": " needs quotes: title: "Email: delayed")')
        raise InterchangeError(
            _("invalid front matter{where}: {problem}").format(where=where, problem=problem)
        ) from None
    except InterchangeError:
        raise
    except (ValueError, OverflowError) as error:  # a date YAML reads but the calendar has not: 2026-02-30
        raise InterchangeError(
            _("invalid front matter: {shown}").format(shown=_shown(str(error), quoted=False))
        ) from None
    except RecursionError:  # [[[[...]]]] thousands deep
        raise InterchangeError(_("invalid front matter: nested too deeply")) from None
    if opened and not post.metadata and post.content.lstrip().startswith("---"):
        raise InterchangeError(_("the front matter opened by `---` is never closed by a `---` line"))
    meta = dict(post.metadata)
    if not isinstance(post.metadata, dict):
        raise InterchangeError(_("the front matter must be a set of `key: value` lines"))
    doc = UpdateDocument(body=post.content)
    try:
        if "status" in meta and meta["status"] is not None:
            doc.status = parse_status(str(meta["status"]))
        if meta.get("severity"):
            doc.severity = parse_severity(str(meta["severity"]))
    except ValueError as error:
        raise InterchangeError(str(error)) from None
    doc.started, doc.last_update, doc.next_update = (_time(k, meta.get(k)) for k in TIME_KEYS)
    doc.incident_id = _record_id("incident", meta.get("incident"))
    doc.update_id = _record_id("update", meta.get("update"))
    services = meta.get("services") or []
    if isinstance(services, str):
        services = [s.strip() for s in services.split(",") if s.strip()]
    if not isinstance(services, list):
        raise InterchangeError(_("`services` must be a list"))
    doc.services = [str(s) for s in services]
    for key in ("title", "signer", "language", "impact", "workaround", "region"):
        setattr(doc, key, _text(key, meta.get(key)))
    doc.own_site_down, doc.own_email_down = (_flag(k, meta.get(k)) for k in FLAG_KEYS)
    # Plain values (times as ISO text, keys as text), as they are written back and stored.
    doc.extra = {k: _plain(v) for k, v in meta.items() if k not in KNOWN_KEYS}
    return doc


def _record_id(key: str, value: object) -> int | None:
    """An `incident:` or `update:` key: a stored record's id (a positive number SQLite can hold)."""
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InterchangeError(
            _("`{key}` must be an {key} id (a number), not {shown}").format(key=key, shown=_shown(value))
        ) from None
    if not 1 <= number < 2**63:
        raise InterchangeError(
            _("`{key}` must be an {key} id from 1 up, not {shown}").format(key=key, shown=_shown(value))
        )
    return number


def read_update(path: Path) -> UpdateDocument:
    from composer.core.files import ReadRefused, read_text  # noqa: PLC0415

    try:  # UTF-8: up to 4 bytes a character
        text = read_text(path, MAX_UPDATE_SIZE * 4, _("an update is never that long"))
    except ReadRefused as error:
        raise InterchangeError(str(error)) from None
    return parse_update(text)


def _plain(value: object) -> object:
    """YAML-safe form of an extra value (times as ISO strings)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def dump_update(doc: UpdateDocument) -> str:
    """Write the interchange format; empty fields are left out."""
    import yaml  # noqa: PLC0415 - kept off the path to the first window

    meta: dict[str, object] = {
        "title": doc.title,
        "incident": doc.incident_id,
        "update": doc.update_id,
        "status": doc.status.value,
        "severity": doc.severity.value if doc.severity else None,
        "started": doc.started.isoformat() if doc.started else None,
        "last_update": doc.last_update.isoformat() if doc.last_update else None,
        "next_update": doc.next_update.isoformat() if doc.next_update else None,
        "signer": doc.signer,
        "language": doc.language,
        "services": list(doc.services),
        "impact": doc.impact,
        "workaround": doc.workaround,
        "region": doc.region,
        "own_site_down": doc.own_site_down or None,
        "own_email_down": doc.own_email_down or None,
    }
    meta = {k: v for k, v in meta.items() if v not in (None, "", [])}
    meta.update({k: _plain(v) for k, v in doc.extra.items()})
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=False)
    body = doc.body if doc.body.endswith("\n") or not doc.body else doc.body + "\n"
    return f"---\n{head}---\n{body}"


def write_update(path: Path, doc: UpdateDocument) -> None:
    """Write atomically: a half-written export never replaces a good file."""
    write_atomic(path, dump_update(doc))
