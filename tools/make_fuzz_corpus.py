#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# ruff: noqa: E501 - tables of hostile inputs read best one to a line
"""Writes the fuzz corpus under tests/fuzz/corpus (run by tests/fuzz/test_fuzz.py).

    .venv/bin/python tools/make_fuzz_corpus.py        # rewrites the corpus (deterministic)

Deterministic: every file comes from the project's own corpora (tests/core/check_corpus,
tests/core/check_holdout, tests/core/template_golden, the built-in templates, docs/checks.md's
example configuration) or from the hostile files of issue 13, mutated by a random generator
seeded with the output file's name, so the same sources always give the same bytes. One folder
per consumer:

- updates/   update files, for `import` and `check`
- data/      field values, .json and .toml, for `render --data`; the file name starts with the
             template id it is meant for (`investigating-blog-en--...`)
- config/    organisation settings, .toml, for `check --config`
- templates/ user templates (.j2), for `templates list` and `render user:ID`
- recipes/   files too big to keep (just above a size limit): a few lines of JSON the harness
             expands at test time (`{"consumer", "name", "parts": [[text, times], ...]}`)
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fuzz" / "corpus"
SEED = "incident-composer-fuzz-1"
MAX_KEPT = 1_100_000  # bytes: a bigger input is a recipe

IMPOSSIBLE_TIMES = [
    "2026-02-30T10:00:00+01:00",
    "2026-02-29T10:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-11-24T24:00:00Z",
    "2026-11-24T10:61:00Z",
    "2026-11-24T10:00:61Z",
    "2026-11-24T10:00:00+24:00",
    "2026-11-24T10:00:00+25:00",
    "2026-11-24T10:00:00-99:99",
    "0001-01-01T00:00:00+01:00",
    "0001-01-01T00:00:00-23:59",
    "9999-12-31T23:59:59-01:00",
    "9999-12-31T23:59:59.999999-23:59",
    "0000-00-00T00:00:00Z",
    "2026-11-24",
    "2026-11-24T10:00:00",
    "2026-11-24 10:00:00 +0100",
    "'2026-11-24T10:00:00 CET'",
    "1e400",
    "-1",
    "99999999999999999999999",
    "tomorrow",
    "2026-W48-2T10:00Z",
    "20261124T100000Z",
    "2026-11-24T10:00:00Z[Europe/Madrid]",
    "2026-11-24T10:00:00.12345678901234567890Z",
    "''",
    "null",
    "[2026, 11, 24]",
    "{year: 2026}",
    "!!timestamp 2026-02-30",
    "!!timestamp 2026-11-24T10:00:00+01:00",
    "2026-11-24T10:00:00\u221201:00",
    "\uff12\uff10\uff12\uff16-11-24T10:00:00Z",
    "2026-11-24T10:00:00+01:00:00.5",
    "2024-02-29T10:00:00+14:00",
    "1969-12-31T23:59:59Z",
    "2038-01-19T03:14:08Z",
]
HUGE_NUMBERS = [
    "99999999999999999999999",
    str(2**63),
    str(2**63 - 1),
    str(2**64),
    "0",
    "-1",
    "-99999999999999999999999",
    "1.5",
    "1e309",
    "-1e309",
    ".inf",
    ".nan",
    "0x7fffffffffffffffff",
    "0o17",
    "0b101",
    "1_000",
    "'\u0661\u0662\u0663'",
    "'  7  '",
    "[1]",
    "{a: 1}",
    "true",
    "1e20",
    "1.0e3",
    "9" * 5000,
    "'" + "9" * 5000 + "'",
    "!!int " + "9" * 4400,
    "!!float 1e999",
]
STATUSES = [
    "investigating",
    "resolved",
    "RESOLVED",
    "Resolved ",
    "in progress",
    "nope",
    "''",
    "[a]",
    "{a: 1}",
    "1",
    "null",
]
WORDS = [
    "we",
    "are",
    "sorry",
    "the",
    "email",
    "service",
    "is",
    "down",
    "since",
    "10:00",
    "CET",
    "call",
    "+34",
    "930",
    "000",
    "000",
    "next",
    "update",
    "by",
    "11:00",
]
ODD_TEXT = [
    "\u202eevil\u202c",
    "\x00",
    "\x07\x1b[31mred\x1b[0m",
    "\ud83d\ude00" if False else "\U0001f600" * 50,
    "\u200b" * 100,
    "e\u0301" * 200,
    "{{ 7 * 7 }} {% for x in range(9) %}{% endfor %}",
    "<script>alert(1)</script>",
    "'; DROP TABLE incidents; --",
    "%s%s%s%n",
    "\\N{BULLET}",
    "A" * 100_000,
    "\t\t\t",
    "\r\n\r",
    "\ufeff",
    "\ufffe\uffff",
    "\U0010ffff",
]


class Big:
    """A file too big to keep: its parts (text, times), written as a recipe and expanded by the harness."""

    def __init__(self, *parts: tuple[str, int]):
        self.parts = [list(part) for part in parts]


def rep(text: str, times: int) -> tuple[str, int]:
    return (text, times)


def one(text: str) -> tuple[str, int]:
    return (text, 1)


def encoded(files: dict[str, str | bytes | Big]) -> dict[str, bytes | Big]:
    return {
        name: value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        for name, value in files.items()
    }


def rng(name: str) -> random.Random:
    return random.Random(f"{SEED}:{name}")


# -- update files -------------------------------------------------------------------------------


def split_front(text: str) -> tuple[list[str], str]:
    """(front matter lines, body) of a `---` file; ([], text) without front matter."""
    if not text.startswith("---\n"):
        return [], text
    end = text.find("\n---\n", 4)
    if end < 0:
        return [], text
    return text[4:end].split("\n"), text[end + 5 :]


def join_front(lines: list[str], body: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def set_key(text: str, key: str, value: str) -> str:
    lines, body = split_front(text)
    lines = [line for line in lines if not line.startswith(f"{key}:")]
    lines.insert(len(lines) // 2, f"{key}: {value}")
    return join_front(lines, body)


def alias_bomb(levels: int = 9) -> str:
    out = ['bomb0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        refs = ", ".join([f"*a{n - 1}"] * 9)
        out.append(f"bomb{n}: &a{n} [{refs}]")
    return "\n".join(out)


def mutate_bytes(data: bytes, r: random.Random, count: int) -> bytes:
    buf = bytearray(data)
    for _ in range(count):
        if not buf:
            break
        at = r.randrange(len(buf))
        choice = r.random()
        if choice < 0.4:
            buf[at] = r.randrange(256)
        elif choice < 0.6:
            del buf[at : at + r.randrange(1, 20)]
        elif choice < 0.8:
            buf[at:at] = bytes(
                r.choice([b"\x00", b"\xff", b"\xc3", b"---\n", b": ", b"\n", b"&a ", b"*a", b"'", b'"', b"{", b"["])
            )
        else:
            start = r.randrange(len(buf))
            buf[at:at] = buf[start : start + r.randrange(1, 200)]
    return bytes(buf)


def update_mutations(text: str, name: str) -> list[tuple[str, bytes]]:
    """Every mutation of one source update: (suffix, bytes). Some are sampled by the seed."""
    r = rng(name)
    out: list[tuple[str, str | bytes]] = [("as-is", text)]
    key = r.choice(["started", "next_update", "last_update"])
    out.append((f"time-{key}", set_key(text, key, r.choice(IMPOSSIBLE_TIMES))))
    out.append(("impossible-date", set_key(text, "started", "2026-02-30T10:00:00+01:00")))
    which = r.choice(["incident", "update"])
    out.append((f"number-{which}", set_key(text, which, r.choice(HUGE_NUMBERS))))
    out.append(("status", set_key(text, "status", r.choice(STATUSES))))
    lines, body = split_front(text)
    pick = r.random()
    if pick < 0.25:
        out.append(("unterminated", "---\n" + "\n".join(lines) + "\n" + body))
    elif pick < 0.5:
        out.append(("list-front", "---\n- " + "\n- ".join(lines) + "\n---\n" + body))
    elif pick < 0.75:
        out.append(("scalar-front", "---\njust some words\n---\n" + body))
    else:
        out.append(("colon-title", set_key(text, "title", "Email: delayed: again")))
    encodings = ["latin-1", "utf-16", "utf-16-le", "utf-32", "cp1252", "bom", "crlf", "cr", "nul", "invalid"]
    enc = r.choice(encodings)
    raw: bytes
    if enc == "bom":
        raw = b"\xef\xbb\xbf" + text.encode()
    elif enc == "crlf":
        raw = text.replace("\n", "\r\n").encode()
    elif enc == "cr":
        raw = text.replace("\n", "\r").encode()
    elif enc == "nul":
        at = r.randrange(len(text))
        raw = (text[:at] + "\x00" + text[at:]).encode()
    elif enc == "invalid":
        at = r.randrange(len(text))
        raw = text[:at].encode() + b"\xc3\x28\xa0\xa1\xe2\x28\xa1" + text[at:].encode()
    else:
        raw = text.encode(enc, errors="replace")
    out.append((f"enc-{enc}", raw))
    extra = r.choice(
        [
            alias_bomb(),
            "deep: " + "[" * 1000 + "]" * 1000,
            "deep: " + "{a: " * 500 + "1" + "}" * 500,
            "2026-01-01: a date as a key",
            "1: a number as a key",
            "null: a null key",
            "? [a, b]\n: an unhashable key",
            "blob: !!binary aGVsbG8=",
            "set: !!set {a, b}",
            "nan: .nan",
            "odd: !!python/object/apply:os.system ['true']",
            "merge:\n  <<: {a: 1}",
            "tagged: !custom 1",
            "anchor: &only 1",
            "huge: " + "9" * 5000,
            "text: " + json.dumps(r.choice(ODD_TEXT)),
        ]
    )
    lines2, body2 = split_front(text)
    out.append(("extra", join_front([*lines2, *extra.split("\n")], body2) if lines2 else f"---\n{extra}\n---\n{text}"))
    out.append(("bytes", mutate_bytes(text.encode(), r, r.randrange(1, 12))))
    cut = r.randrange(len(text))
    out.append(("truncated", text[:cut]))
    return [
        (suffix, value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")) for suffix, value in out
    ]


def hostile_updates() -> dict[str, bytes | Big]:
    """The files of issue 13, and a few more of the same spirit."""
    base = "---\ntitle: Email delayed\nstatus: investigating\nstarted: 2026-11-24T09:12:00+01:00\n---\nWe are sorry.\n"
    files: dict[str, str | bytes | Big] = {
        "billion-laughs.md": "---\ntitle: Laughs\n" + alias_bomb() + "\n---\nbody\n",
        "billion-laughs-deep.md": "---\ntitle: Laughs\n" + alias_bomb(20) + "\n---\nbody\n",
        "alias-in-title.md": "---\nx: &t Email\ntitle: *t\n---\nbody\n",
        "impossible-date-started.md": set_key(base, "started", "2026-02-30T10:00:00+01:00"),
        "impossible-date-next.md": set_key(base, "next_update", "2026-02-30T10:00:00+01:00"),
        "impossible-date-quoted.md": set_key(base, "started", "'2026-02-30T10:00:00+01:00'"),
        "incident-huge.md": set_key(base, "incident", "99999999999999999999999"),
        "update-huge.md": set_key(base, "update", "99999999999999999999999"),
        "incident-5000-digits.md": set_key(base, "incident", "9" * 5000),
        "unterminated.md": "---\ntitle: Never closed\nstatus: investigating\nWe are sorry.\n",
        "unterminated-only.md": "---\n",
        "only-dashes.md": "---\n---\n",
        "empty.md": "",
        "whitespace.md": " \n\t\n",
        "non-mapping-list.md": "---\n- a\n- b\n---\nbody\n",
        "non-mapping-scalar.md": "---\n42\n---\nbody\n",
        "non-mapping-string.md": "---\njust text\n---\nbody\n",
        "colon-title.md": "---\ntitle: Email: delayed\n---\nbody\n",
        "colon-title-2.md": "---\ntitle: a: b: c\nsigner: Marta: lead\n---\nbody\n",
        "bom.md": "\ufeff" + base,
        "bom-twice.md": "\ufeff\ufeff" + base,
        "nul-in-front.md": base.replace("Email", "Em\x00ail"),
        "nul-in-body.md": base + "\x00\x00\x00",
        "leading-spaces.md": "   \n  " + base,
        "tabs-in-front.md": base.replace("title: ", "title:\t"),
        "dash-body.md": "---\ntitle: x\n---\n---\n---\n",
        "dots-end.md": "---\ntitle: x\n...\nbody\n",
        "toml-front.md": '+++\ntitle = "x"\n+++\nbody\n',
        "json-front.md": '---\n{"title": "x", "incident": 1e999}\n---\nbody\n',
        "own-site-down-yes.md": set_key(base, "own_site_down", "yes"),
        "own-site-down-number.md": set_key(base, "own_site_down", "1"),
        "own-email-down-list.md": set_key(base, "own_email_down", "[true]"),
        "services-mapping.md": set_key(base, "services", "{a: 1}"),
        "services-number.md": set_key(base, "services", "12"),
        "services-nested.md": set_key(base, "services", "[[a], {b: c}, null, 1.5]"),
        "services-many.md": Big(one("---\nservices: ["), rep("s, ", 20_000), one("s]\n---\nbody\n")),
        "severity-odd.md": set_key(base, "severity", "apocalyptic"),
        "severity-list.md": set_key(base, "severity", "[major]"),
        "signer-list.md": set_key(base, "signer", "[a, b]"),
        "title-mapping.md": set_key(base, "title", "{a: b}"),
        "title-huge.md": Big(one("---\ntitle: "), rep("T", 500_000), one("\n---\nbody\n")),
        "title-newlines.md": set_key(base, "title", '"a\\nb\\rc\\u2028d"'),
        "language-odd.md": set_key(base, "language", "../../etc/passwd"),
        "python-tag.md": set_key(base, "title", "!!python/object/apply:os.system ['echo pwned']"),
        "python-name.md": set_key(base, "extra", "!!python/name:os.system"),
        "yaml-directive.md": "---\n%YAML 1.1\n---\ntitle: x\n---\nbody\n",
        "yaml-documents.md": "---\ntitle: a\n---\ntitle: b\n---\nbody\n",
        "deep-100000-flow.md": Big(one("---\ndeep: "), rep("[", 100_000), rep("]", 100_000), one("\n---\nbody\n")),
        "deep-block.md": "---\n" + "".join(" " * n + f"k{n}:\n" for n in range(300)) + "---\nbody\n",
        "long-line-body.md": Big(one(base), rep("x", 900_000), one("\n")),
        "many-lines-body.md": Big(one(base), rep("We are sorry.\n", 60_000)),
        "many-sentences.md": Big(one(base), rep(" ".join(WORDS) + ". ", 5000)),
        "many-times.md": Big(one(base), rep("Next update by 10:00 CET, 11:00 CEST, 12:00 PST. ", 10_000)),
        "many-phones.md": Big(one(base), rep("call +34 930 000 000 or +1 (555) 010-0000 or 0800 123 456 ", 10_000)),
        "many-urls.md": Big(one(base), rep("see https://example.com/a?b=c#d and www.example.org ", 10_000)),
        "many-emails.md": Big(one(base), rep("write to a@b.example or support@example.com ", 10_000)),
        "no-spaces-body.md": Big(one(base), rep("A", 999_000)),
        "markdown-nesting.md": Big(
            one(base), rep(">", 50_000), one(" quote\n"), rep("*", 50_000), one("\n"), rep("[", 50_000), one("\n")
        ),
        "extra-keys-many.md": Big(one("---\n"), rep("k: 1\nk: 2\n", 30_000), one("---\nbody\n")),
        "key-date.md": "---\ntitle: x\n2026-01-01: a date as a key\n---\nbody\n",
        "key-number.md": "---\ntitle: x\n1: one\n2.5: two\n---\nbody\n",
        "key-bool.md": "---\ntitle: x\ntrue: yes\n---\nbody\n",
        "key-null.md": "---\ntitle: x\nnull: nothing\n~: tilde\n---\nbody\n",
        "key-unhashable.md": "---\ntitle: x\n? [a]\n: b\n---\nbody\n",
        "extra-binary.md": "---\ntitle: x\nblob: !!binary aGVsbG8=\n---\nbody\n",
        "extra-set.md": "---\ntitle: x\nset: !!set {a, b}\n---\nbody\n",
        "extra-omap.md": "---\ntitle: x\nomap: !!omap [a: 1, b: 2]\n---\nbody\n",
        "extra-nan.md": "---\ntitle: x\nn: .nan\ni: -.inf\n---\nbody\n",
        "extra-date-nested.md": "---\ntitle: x\nwhen: {at: 2026-11-24T10:00:00Z, day: 2026-11-24, bad: [1, {2026-01-01: x}]}\n---\nbody\n",
        "extra-huge-int.md": "---\ntitle: x\nbig: " + "9" * 4200 + "\n---\nbody\n",
        "latin1.md": base.replace("sorry", "d\xe9sol\xe9s").encode("latin-1"),
        "latin1-body-only.md": base.encode() + "Caf\xe9 cr\xe8me\n".encode("latin-1"),
        "utf16.md": base.encode("utf-16"),
        "utf16-be-nobom.md": base.encode("utf-16-be"),
        "utf32.md": base.encode("utf-32"),
        "invalid-utf8.md": base.encode() + b"\xc3\x28 \xa0\xa1 \xf0\x28\x8c\xbc \xed\xa0\x80\n",
        "overlong-utf8.md": base.encode() + b"\xc0\xaf\xe0\x80\xaf\n",
        "surrogate-bytes.md": base.encode() + b"\xed\xb2\x80\n",
        "binary-garbage.md": bytes(random.Random(SEED).randrange(256) for _ in range(4000)),
        "gzip-header.md": b"\x1f\x8b\x08\x00" + bytes(100),
        "pdf.md": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "crlf.md": base.replace("\n", "\r\n"),
        "cr-only.md": base.replace("\n", "\r"),
        "form-feed.md": base.replace("\n", "\n\f"),
        "unicode-line-sep.md": base.replace("\n", "\u2028"),
        "rtl-override.md": set_key(base, "title", "\u202eevil\u202c"),
        "control-chars.md": set_key(base, "title", '"\\x07\\x1b[31mred"'),
        "emoji.md": set_key(base, "title", "\U0001f525" * 1000),
        "zero-width.md": set_key(base, "title", "\u200b" * 1000),
        "combining.md": set_key(base, "title", "e" + "\u0301" * 5000),
        "started-date-only.md": set_key(base, "started", "2026-11-24"),
        "started-no-zone.md": set_key(base, "started", "2026-11-24T10:00:00"),
        "started-year-1.md": set_key(base, "started", "0001-01-01T00:00:00+01:00"),
        "started-year-9999.md": set_key(base, "started", "9999-12-31T23:59:59-01:00"),
        "next-year-9999.md": set_key(base, "next_update", "9999-12-31T23:59:59-23:59"),
        "last-year-1.md": set_key(base, "last_update", "0001-01-01T00:00:00+14:00"),
        "times-extreme.md": set_key(
            set_key(set_key(base, "started", "0001-01-01T00:00:00+01:00"), "next_update", "9999-12-31T23:59:59-01:00"),
            "last_update",
            "9999-12-31T23:59:59-23:59",
        ),
        "offset-24h.md": set_key(base, "started", "2026-11-24T10:00:00+24:00"),
        "offset-seconds.md": set_key(base, "started", "2026-11-24T10:00:00+01:00:30"),
    }
    return encoded(files)


# -- data files ---------------------------------------------------------------------------------


def template_headers() -> dict[str, dict[str, object]]:
    """Built-in template id -> its parsed header."""
    out = {}
    for path in sorted((ROOT / "resources" / "templates").glob("*/*.j2")):
        source = path.read_text(encoding="utf-8")
        header = source.split("-#}", 1)[0].removeprefix("{#-")
        out[f"{path.stem}-{path.parent.name}"] = tomllib.loads(header)
    return out


def catalogue() -> dict[str, dict[str, object]]:
    return tomllib.loads((ROOT / "resources" / "templates" / "fields.toml").read_text(encoding="utf-8"))


def sample_values(
    template_id: str, header: dict[str, object], fields: dict[str, dict[str, object]]
) -> dict[str, object]:
    language = template_id.rsplit("-", 1)[1]
    meta = header.get("template", {})
    assert isinstance(meta, dict)
    values: dict[str, object] = {}
    for name in meta.get("fields", []):
        example = fields.get(name, {}).get("example")
        if isinstance(example, dict):
            example = example.get(language, example.get("en"))
        values[name] = example if example is not None else "something"
    return values


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {toml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)


def to_toml(values: dict[str, object]) -> str:
    return "".join(f"{json.dumps(str(k), ensure_ascii=False)} = {toml_value(v)}\n" for k, v in values.items())


def data_mutations(
    template_id: str, values: dict[str, object], fields: dict[str, dict[str, object]]
) -> dict[str, bytes | Big]:
    r = rng(template_id)
    out: dict[str, str | bytes | Big] = {}
    names = list(values)
    datetimes = [n for n in names if fields.get(n, {}).get("type") == "datetime"] or names
    for n in range(3):
        changed = dict(values)
        name = r.choice(datetimes)
        changed[name] = r.choice(IMPOSSIBLE_TIMES).strip("'")
        out[f"time{n}.json"] = json.dumps(changed, ensure_ascii=False)
    changed = dict(values)
    changed[r.choice(names)] = r.choice([10**30, -(2**63), 1e308, True, None, [1, 2], {"a": 1}, "", 0.5])
    out["type.json"] = json.dumps(changed)
    changed = dict(values)
    changed[r.choice(names)] = r.choice(ODD_TEXT)
    out["odd-text.json"] = json.dumps(changed, ensure_ascii=r.random() < 0.5)
    changed = dict(values)
    zone = r.choice(["Mars/Olympus", "../../etc/passwd", "", "UTC\x00", "Europe/Madrid" * 100, "+01:00", "CET"])
    changed["zone"] = zone
    out["zone.json"] = json.dumps(changed)
    text = json.dumps(values, ensure_ascii=False)
    out["huge-int.json"] = text[:-1] + ', "title": ' + "9" * 5000 + "}"
    out["bytes.json"] = mutate_bytes(text.encode(), r, r.randrange(1, 8))
    out["truncated.json"] = text[: r.randrange(len(text))]
    enc = r.choice(["latin-1", "utf-16", "cp1252", "utf-32"])
    out[f"enc-{enc}.json"] = text.encode(enc, errors="replace")
    out["plain.toml"] = to_toml(values)
    changed = dict(values)
    changed[r.choice(datetimes)] = r.choice(IMPOSSIBLE_TIMES).strip("'")
    out["time.toml"] = to_toml(changed)
    toml_times = [
        "2026-11-24T10:00:00",
        "2026-11-24",
        "10:00:00",
        "2026-11-24T10:00:00+01:00",
        "1979-05-27T00:32:00.999999-07:00",
    ]
    out["native-time.toml"] = (
        to_toml({k: v for k, v in values.items() if k != datetimes[0]}) + f"{datetimes[0]} = {r.choice(toml_times)}\n"
    )
    tomltext = to_toml(values)
    out["bytes.toml"] = mutate_bytes(tomltext.encode(), r, r.randrange(1, 8))
    out[f"enc-{enc}.toml"] = tomltext.encode(enc, errors="replace")
    out["huge-int.toml"] = tomltext + "big = " + "9" * 5000 + "\n"
    kept = sorted(out)
    if template_id != "investigating-blog-en":  # every mutation for one template, a sample for the others
        kept = ["plain.toml", *r.sample([k for k in kept if k != "plain.toml"], 5)]
    return encoded({f"{template_id}--{suffix}": out[suffix] for suffix in kept})


def hostile_data() -> dict[str, bytes | Big]:
    t = "investigating-blog-en--"
    good = {
        "title": "Email delayed",
        "impact": "you cannot send email",
        "started": "2026-11-24T09:12:00+01:00",
        "next_update": "2026-11-24T10:00:00+01:00",
        "signer_name": "Marta Vidal",
    }
    files: dict[str, str | bytes | Big] = {
        "deep-100000.json": Big(rep("[", 100_000), rep("]", 100_000)),
        "deep-100000-object.json": Big(rep('{"a": ', 100_000), one("1"), rep("}", 100_000)),
        "deep-1000.json": "[" * 1000 + "]" * 1000,
        "deep-array.toml": Big(one("a = "), rep("[", 100_000), rep("]", 100_000), one("\n")),
        "deep-table.toml": "a = " + "{b = " * 5000 + "1" + "}" * 5000 + "\n",
        "latin1.json": json.dumps({"title": "Caf\xe9"}, ensure_ascii=False).encode("latin-1"),
        "latin1.toml": 'title = "Caf\xe9"\n'.encode("latin-1"),
        "utf16.json": json.dumps(good).encode("utf-16"),
        "utf16.toml": to_toml(good).encode("utf-16"),
        "bom.json": b"\xef\xbb\xbf" + json.dumps(good).encode(),
        "bom.toml": b"\xef\xbb\xbf" + to_toml(good).encode(),
        "invalid-utf8.json": b'{"title": "\xc3\x28"}',
        "nul.json": b'{"title": "a\x00b"}',
        "nul-escaped.json": json.dumps({**good, "title": "a\x00b"}),
        "list.json": "[1, 2, 3]",
        "string.json": '"title"',
        "number.json": "1e999",
        "null.json": "null",
        "empty.json": "",
        "empty.toml": "",
        "nan.json": '{"title": NaN, "impact": Infinity}',
        "huge-number.json": '{"title": ' + "9" * 4400 + "}",
        "huge-float.json": '{"title": 1' + "0" * 400 + ".5e99999}",
        "huge-number.toml": "title = " + "9" * 4400 + "\n",
        "duplicate-keys.json": '{"title": "a", "title": "b"}',
        "duplicate-keys.toml": 'title = "a"\ntitle = "b"\n',
        "unknown-fields.json": json.dumps({**good, "nope": 1, "__class__": "x", "": "empty"}),
        "jinja-in-values.json": json.dumps({**good, "title": "{{ 7*7 }}{% for i in range(99999) %}x{% endfor %}"}),
        "html-in-values.json": json.dumps({**good, "title": "<script>alert(1)</script><img src=x onerror=alert(1)>"}),
        "huge-value.json": Big(one(json.dumps(good)[:-1] + ', "impact": "'), rep("x", 900_000), one('"}')),
        "many-keys.json": Big(one("{"), rep('"k": 1, ', 50_000), one('"k": 2}')),
        "toml-local-time.toml": to_toml({k: v for k, v in good.items() if k != "started"}) + "started = 10:00:00\n",
        "toml-date.toml": to_toml({k: v for k, v in good.items() if k != "started"}) + "started = 2026-11-24\n",
        "toml-naive.toml": to_toml({k: v for k, v in good.items() if k != "started"})
        + "started = 2026-11-24T10:00:00\n",
        "toml-impossible.toml": to_toml({k: v for k, v in good.items() if k != "started"})
        + "started = 2026-02-30T10:00:00Z\n",
        "toml-array-of-tables.toml": "[[title]]\na = 1\n",
        "json-trailing.json": json.dumps(good) + "garbage",
        "json-comments.json": "// hello\n" + json.dumps(good),
    }
    return encoded({t + name: value for name, value in files.items()})


# -- configuration files ------------------------------------------------------------------------


def example_config() -> str:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    block = text.split("```toml\n", 1)[1].split("```", 1)[0]
    tomllib.loads(block)
    return block


CONFIG_VALUES = [
    "1e300",
    "-1",
    "0",
    "nan",
    "inf",
    "-inf",
    "true",
    '"30"',
    "[]",
    "{}",
    "9" * 30,
    "9" * 5000,
    "1979-05-27",
    "10:00:00",
    '"\u0000"',
    '"x"',
    "[[1]]",
    "0.0001",
    "-0.0",
    "1_000_000_000_000",
]


def config_mutations(base: str) -> dict[str, bytes | Big]:
    r = rng("config")
    out: dict[str, str | bytes | Big] = {"example.toml": base}
    keys = [line.split("=")[0].strip() for line in base.splitlines() if "=" in line and not line.startswith("#")]
    for n in range(60):
        key = r.choice(keys)
        value = r.choice(CONFIG_VALUES)
        lines = base.splitlines()
        lines = [f"{key} = {value}" if line.split("=")[0].strip() == key else line for line in lines]
        out[f"value{n:02d}-{key}.toml"] = "\n".join(lines) + "\n"
    for n, section in enumerate(["timeliness", "plain_language", "contact", "words", "publishing", "organisation"]):
        for m, replacement in enumerate(['"a string"', "1", "[1, 2]", "[[1]]", "true"]):
            lines = [line for line in base.splitlines()]
            kept, skipping = [], False
            for line in lines:
                if line.strip() == f"[{section}]" or line.startswith(f"[{section}]"):
                    skipping = True
                    continue
                if skipping and line.startswith("["):
                    skipping = False
                if not skipping:
                    kept.append(line)
            out[f"section{n}{m}-{section}.toml"] = f"{section} = {replacement}\n" + "\n".join(kept) + "\n"
    extra = {
        "people-string.toml": 'people = "Marta"\n',
        "people-list-of-numbers.toml": "people = [1, 2]\n",
        "people-name-list.toml": "[[people]]\nname = [1]\n",
        "people-name-table.toml": "[[people]]\nname = {a = 1}\n",
        "people-empty-name.toml": '[[people]]\nname = ""\n',
        "channels-unknown.toml": '[publishing]\nchannels = ["nope", "x"]\n',
        "channels-string.toml": '[publishing]\nchannels = "x"\n',
        "channels-numbers.toml": "[publishing]\nchannels = [1]\n",
        "words-list.toml": "words = [1]\n",
        "words-nested.toml": "[words]\ndeflection = [[1]]\n",
        "phone-region-list.toml": "[contact]\nphone_region = [1]\n",
        "phone-region-odd.toml": '[contact]\nphone_region = "ZZZZ"\n',
        "cadence-huge.toml": "[timeliness]\ncadence_minutes = 1e300\n",
        "cadence-int-huge.toml": "[timeliness]\ncadence_minutes = 9223372036854775807\n",
        "cadence-nan.toml": "[timeliness]\ncadence_minutes = nan\n",
        "cadence-inf.toml": "[timeliness]\ncadence_minutes = inf\n",
        "cadence-zero.toml": "[timeliness]\ncadence_minutes = 0\nfirst_update_warn_minutes = 0\nfirst_update_fail_minutes = 0\n",
        "words-max-huge.toml": "[plain_language]\nmax_sentence_words = 1e400\n",
        "words-max-string.toml": '[plain_language]\nmax_sentence_words = "many"\n',
        "words-max-negative.toml": "[plain_language]\nmax_sentence_words = -5\nmax_average_sentence_words = 0\n",
        "words-max-list.toml": "[plain_language]\nmax_average_sentence_words = [1]\n",
        "deep-array.toml": Big(one("a = "), rep("[", 100_000), rep("]", 100_000), one("\n")),
        "deep-inline.toml": "a = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n",
        "latin1.toml": '[organisation]\nname = "Caf\xe9"\n'.encode("latin-1"),
        "utf16.toml": base.encode("utf-16"),
        "bom.toml": b"\xef\xbb\xbf" + base.encode(),
        "nul.toml": base.encode().replace(b"Example", b"Exa\x00mple"),
        "invalid-utf8.toml": base.encode() + b"\n# \xc3\x28\n",
        "empty.toml": "",
        "json.toml": '{"timeliness": {"cadence_minutes": 30}}',
        "yaml.toml": "timeliness:\n  cadence_minutes: 30\n",
        "huge-string.toml": Big(one('[organisation]\nname = "'), rep("N", 900_000), one('"\n')),
        "many-people.toml": Big(rep('[[people]]\nname = "P"\n', 20_000)),
        "many-words.toml": Big(one("[words]\ndeflection = ["), rep('"w", ', 30_000), one('"w"]\n')),
        "binary.toml": bytes(random.Random(SEED + "c").randrange(256) for _ in range(3000)),
    }
    out.update(extra)
    for n in range(20):
        out[f"bytes{n:02d}.toml"] = mutate_bytes(base.encode(), r, r.randrange(1, 10))
    return encoded(out)


# -- user templates -----------------------------------------------------------------------------


def user_template(body: str, header: str | None = None, stage: str = "investigating", channel: str = "blog") -> str:
    if header is None:
        header = f'[template]\nstage = "{stage}"\nchannel = "{channel}"\nlanguage = "en"\ntitle = "Fuzz"\nfields = ["title"]\n'
    return "{#-\n" + header + "-#}\n" + body


def template_mutations() -> dict[str, bytes | Big]:
    out: dict[str, str | bytes | Big] = {}
    for path in sorted((ROOT / "resources" / "templates").glob("*/*.j2")):
        source = path.read_text(encoding="utf-8")
        name = f"{path.stem}-{path.parent.name}"
        r = rng("template:" + name)
        out[f"{name}--as-is.j2"] = source
        head, sep, body = source.partition("-#}")
        choice = r.randrange(8)
        if choice == 0:
            mutated = head.replace('stage = "', 'stage = "x-', 1) + sep + body
        elif choice == 1:
            mutated = head.replace('channel = "', 'channel = "x-', 1) + sep + body
        elif choice == 2:
            mutated = head + sep + body.replace("}}", "", 1)
        elif choice == 3:
            mutated = head.replace("fields = [", 'fields = ["nope", ', 1) + sep + body
        elif choice == 4:
            mutated = body
        elif choice == 5:
            mutated = head.replace("[template]", "[template", 1) + sep + body
        elif choice == 6:
            mutated = head + sep + body + "{{ undefined_field }}"
        else:
            mutated = mutate_bytes(source.encode(), r, r.randrange(1, 10))
        out[f"{name}--mutated.j2"] = mutated
    hostile_bodies = {
        "recursive-macro": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        "mutual-recursion": "{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}{{ a() }}{% endmacro %}{{ a() }}",
        "doubling-macro": "{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}{{ d('x', 40) }}",
        "doubling-namespace": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "doubling-plus": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}",
        "doubling-list": "{% set ns = namespace(s=[1]) %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}",
        "string-times-billion": "{{ 'A' * 10**9 }}",
        "string-times-big": "{{ 'A' * 999999 * 999999 }}",
        "list-times-big": "{{ ([1] * 1000000)|length }}{{ ([1, 2] * 1000000)|length }}",
        "power-huge": "{{ 10 ** 10 ** 10 }}",
        "power-float": "{{ 10.0 ** 400 }}",
        "nested-ranges": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "range-huge": "{% for i in range(10**12) %}{% endfor %}",
        "range-list": "{{ range(100000)|list|length }}{{ range(100000)|list|join(',')|length }}",
        "lipsum-huge": "{{ lipsum(1000000) }}",
        "lipsum-words": "{{ lipsum(1000, min=100000, max=100000) }}",
        "center-huge": "{{ 'x'|center(1000000000) }}",
        "indent-huge": "{{ 'x\ny'|indent(1000000000) }}",
        "format-width": "{{ '%1000000000d'|format(1) }}",
        "percent-width": "{{ '%1000000000d' % 1 }}",
        "str-format-width": "{{ '{:>1000000000}'.format(1) }}",
        "ljust-huge": "{{ 'x'.ljust(1000000000) }}",
        "zfill-huge": "{{ 'x'.zfill(1000000000) }}",
        "expandtabs-huge": "{{ '\t'.expandtabs(1000000000) }}",
        "wordwrap-huge": "{{ ('a ' * 400000)|wordwrap(1) }}",
        "replace-huge": "{{ ('a' * 100000)|replace('a', 'aaaaaaaaaaaaaaaaaaaa') }}",
        "join-huge": "{{ (['abcdefghij'] * 1000000)|join('abcdefghij') }}",
        "repeat-join": "{{ ('x' * 1000000)|list|join(',') }}",
        "filesizeformat-huge": "{{ (10 ** 60)|filesizeformat }}",
        "int-str-huge": "{{ (9 ** 64)|string }}{{ ('9' * 5000)|int }}",
        "float-huge": "{{ '1e999'|float }}{{ 1e308 * 10 }}",
        "division-zero": "{{ 1 / 0 }}",
        "modulo-zero": "{{ 1 % 0 }}",
        "sandbox-class": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "sandbox-globals": "{{ self._TemplateReference__context }}{{ cycler.__init__.__globals__ }}",
        "sandbox-attr": "{{ title.__len__ }}{{ title|attr('__class__') }}",
        "sandbox-format": "{{ '{0.__class__}'.format(title) }}",
        "sandbox-mutate": "{% set l = [1] %}{{ l.append(2) }}",
        "include": "{% include '/etc/passwd' %}",
        "import": "{% import 'x' as y %}",
        "extends": "{% extends 'x' %}",
        "syntax-error": "{% for %}",
        "unclosed-block": "{% if title %}",
        "unknown-filter": "{{ title|nope }}",
        "unknown-test": "{% if title is nope %}{% endif %}",
        "undefined": "{{ missing_field }}",
        "undefined-attr": "{{ title.nope.nope }}",
        "deep-expression": "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
        "deep-blocks": "{% if true %}" * 3000 + "x" + "{% endif %}" * 3000,
        "long-output": "{% for i in range(100000) %}{{ 'abcdefghijklmnopqrstuvwxyz' }}{% endfor %}",
        "many-lines": "line\n" * 10_000,
        "nul-body": "a\x00b {{ title }}",
        "raw-block": "{% raw %}{{ not rendered }}{% endraw %}",
        "comments-unclosed": "{# never closed",
        "autoescape-toggle": "{% autoescape false %}{{ '<script>' }}{% endautoescape %}",
        "do-ext": "{% do title.upper() %}",
        "filter-chain": "{{ title" + "|upper|lower" * 2000 + " }}",
        "dict-huge": "{{ dict(a=1)|list }}{% set d = {} %}{{ d.update({'a': 1}) }}",
        "loop-recursive": "{% for x in [[[]]] recursive %}{{ loop(x) }}{% endfor %}",
        "loop-recursive-self": "{% set l = [1] %}{% for x in [l, l] recursive %}{{ loop([l, l]) }}{% endfor %}",
        "cycler-huge": "{% set c = cycler(*range(100000)) %}{{ c.next() }}",
        "joiner": "{% set j = joiner('x' * 999999) %}{% for i in range(100) %}{{ j() }}{% endfor %}",
        "title-times": "{{ title * 1000000 }}",
        "truncate-odd": "{{ title|truncate(-5) }}{{ title|truncate(10**20) }}",
        "round-odd": "{{ 1.5|round(10**9) }}{{ 1.5|round(-(10**9)) }}",
        "batch-huge": "{% for b in range(10)|batch(10**12) %}{% endfor %}",
        "slice-huge": "{% for s in range(10)|slice(10**7) %}{% endfor %}",
        "sum-huge": "{{ range(100000)|sum }}{{ [[1]] * 100000|sum(start=[]) }}",
        "tojson-deep": "{% set ns = namespace(v=[]) %}{% for i in range(5000) %}{% set ns.v = [ns.v] %}{% endfor %}{{ ns.v|tojson|length }}",
        "urlize-huge": "{{ ('http://a.b/ ' * 50000)|urlize|length }}",
        "striptags-huge": "{{ ('<a>' * 200000)|striptags }}",
    }
    for name, body in hostile_bodies.items():
        out[f"hostile-{name}.j2"] = user_template(body)
    headers = {
        "no-header": "{{ title }}",
        "header-not-toml": "{#- [template\nstage = -#}{{ title }}",
        "header-template-string": '{#-\ntemplate = "x"\n-#}x',
        "header-template-list": "{#-\ntemplate = [1]\n-#}x",
        "header-fields-number": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\nfields = 5\n-#}x',
        "header-fields-string": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\nfields = "title"\n-#}x',
        "header-fields-tables": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\nfields = [{a = 1}]\n-#}x',
        "header-field-string": '{#-\nfield = "abc"\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n-#}x',
        "header-field-numbers": '{#-\nfield = [1, 2]\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n-#}x',
        "header-field-table": '{#-\n[field]\nname = "x"\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n-#}x',
        "header-field-no-name": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n[[field]]\ntype = "text"\n-#}x',
        "header-field-bad-type": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n[[field]]\nname = "x"\ntype = "blob"\n-#}x',
        "header-field-choices-number": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n[[field]]\nname = "x"\ntype = "choice"\nchoices = 5\nrequired = true\ndefault = "a"\n-#}{{ x }}',
        "header-field-choices-table": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n[[field]]\nname = "x"\ntype = "choice"\nchoices = {a = 1}\ndefault = "a"\n-#}{{ x }}',
        "header-field-default-table": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n[[field]]\nname = "x"\ndefault = {a = 1}\n-#}{{ x }}',
        "header-field-example-huge": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n[[field]]\nname = "x"\ntype = "integer"\nexample = '
        + "9" * 4400
        + "\n-#}{{ x }}",
        "header-field-datetime-example": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n[[field]]\nname = "x"\ntype = "datetime"\nexample = 2026-02-28T10:00:00\n-#}{{ x }}',
        "header-field-datetime-local": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n[[field]]\nname = "x"\ntype = "datetime"\nexample = 10:00:00\n-#}{{ x }}',
        "header-field-zone-bad": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n[[field]]\nname = "z"\ntype = "zone"\nexample = "../../../etc/passwd"\n-#}{{ z }}',
        "header-stage-unknown": '{#-\n[template]\nstage = "degraded"\nchannel = "blog"\nlanguage = "en"\n-#}x',
        "header-stage-number": '{#-\n[template]\nstage = 1\nchannel = "blog"\nlanguage = "en"\n-#}x',
        "header-channel-unknown": '{#-\n[template]\nstage = "investigating"\nchannel = "fax"\nlanguage = "en"\n-#}x',
        "header-email-no-subject": '{#-\n[template]\nstage = "investigating"\nchannel = "email"\nlanguage = "en"\n-#}x',
        "header-email-subject-broken": '{#-\n[template]\nstage = "investigating"\nchannel = "email"\nlanguage = "en"\nsubject = "{{ x"\n-#}x',
        "header-email-subject-recursive": '{#-\n[template]\nstage = "investigating"\nchannel = "email"\nlanguage = "en"\nsubject = "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"\n-#}x',
        "header-email-subject-huge": '{#-\n[template]\nstage = "investigating"\nchannel = "email"\nlanguage = "en"\nsubject = "{{ lipsum(100000) }}"\n-#}x',
        "header-language-odd": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "../x"\n-#}x',
        "header-title-table": '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\ntitle = {a = 1}\n-#}x',
        "header-deep": "{#-\na = " + "[" * 50_000 + "]" * 50_000 + "\n-#}x",
        "header-huge": "{#-\n"
        + "".join(f"k{n} = {n}\n" for n in range(3_000))
        + '[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n-#}x',
        "header-unclosed": '{#-\n[template]\nstage = "investigating"\n',
        "social-short-long": user_template("{{ 'word ' * 100 }}", channel="social-short"),
        "page-html": user_template("<script>{{ title }}</script>", channel="page"),
    }
    out.update({f"broken-{name}.j2": body for name, body in headers.items()})
    out["latin1.j2"] = user_template("Caf\xe9 {{ title }}").encode("latin-1")
    out["utf16.j2"] = user_template("{{ title }}").encode("utf-16")
    out["bom.j2"] = b"\xef\xbb\xbf" + user_template("{{ title }}").encode()
    out["invalid-utf8.j2"] = user_template("{{ title }}").encode() + b"\xc3\x28"
    out["binary.j2"] = bytes(random.Random(SEED + "t").randrange(256) for _ in range(3000))
    out["empty.j2"] = ""
    return encoded(out)


# -- recipes (too big to keep) ------------------------------------------------------------------

BASE = "---\ntitle: Email delayed\nstatus: investigating\nstarted: 2026-11-24T09:12:00+01:00\n---\n"
RECIPES: dict[str, dict[str, object]] = {
    "update-bytes-over-limit": {"consumer": "updates", "name": "over-400kb.md", "parts": [[BASE, 1], ["x", 400_001]]},
    "update-chars-over-limit": {
        "consumer": "updates",
        "name": "over-100k-chars.md",
        "parts": [[BASE, 1], ["\u00e9", 100_001]],
    },
    "update-just-under": {
        "consumer": "updates",
        "name": "just-under.md",
        "parts": [[BASE, 1], ["We are sorry. ", 7_100]],
    },
    "update-no-spaces-just-under": {
        "consumer": "updates",
        "name": "no-spaces-just-under.md",
        "parts": [[BASE, 1], ["A", 99_800]],
    },
    "update-phones-just-under": {
        "consumer": "updates",
        "name": "phones-just-under.md",
        "parts": [[BASE, 1], ["call +34 930 000 000 or +1 (555) 010-0000 or 0800 123 456 ", 1_700]],
    },
    "update-50mb": {"consumer": "updates", "name": "fifty-mb.md", "parts": [[BASE, 1], ["We are sorry. ", 3_600_000]]},
    "update-front-over-limit": {
        "consumer": "updates",
        "name": "front-over.md",
        "parts": [["---\ntitle: ", 1], ["t", 100_001], ["\n---\nbody\n", 1]],
    },
    "data-json-over": {
        "consumer": "data",
        "name": "investigating-blog-en--over-4mb.json",
        "parts": [['{"title": "', 1], ["x", 4_000_001], ['"}', 1]],
    },
    "data-toml-over": {
        "consumer": "data",
        "name": "investigating-blog-en--over-4mb.toml",
        "parts": [['title = "', 1], ["x", 4_000_001], ['"\n', 1]],
    },
    "data-deep-1m": {
        "consumer": "data",
        "name": "investigating-blog-en--deep-1m.json",
        "parts": [["[", 1_000_000], ["]", 1_000_000]],
    },
    "config-over": {
        "consumer": "config",
        "name": "over-4mb.toml",
        "parts": [['[organisation]\nname = "', 1], ["n", 4_000_001], ['"\n', 1]],
    },
    "template-over": {
        "consumer": "templates",
        "name": "over-limit.j2",
        "parts": [
            ['{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\n-#}\n', 1],
            ["text ", 210_000],
        ],
    },
}


def main() -> int:
    if OUT.exists():
        shutil.rmtree(OUT)
    groups: dict[str, dict[str, bytes | Big]] = {"updates": {}, "data": {}, "config": {}, "templates": {}}
    sources = sorted((ROOT / "tests" / "core" / "check_corpus").glob("*.md")) + sorted(
        (ROOT / "tests" / "core" / "check_holdout").glob("*.md")
    )
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for suffix, data in update_mutations(text, path.name):
            groups["updates"][f"{path.parent.name}-{path.stem}--{suffix}.md"] = data
    for path in sorted((ROOT / "tests" / "core" / "template_golden").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        r = rng("golden:" + path.name)
        groups["updates"][f"golden-{path.stem}--as-is.md"] = text.encode()
        suffix, data = r.choice(update_mutations(text, "golden:" + path.name)[1:])
        groups["updates"][f"golden-{path.stem}--{suffix}.md"] = data
    for path in sorted((ROOT / "resources" / "templates").glob("*/*.j2")):
        groups["updates"][f"template-{path.parent.name}-{path.stem}--as-body.md"] = path.read_bytes()
    groups["updates"].update({f"hostile-{name}": data for name, data in hostile_updates().items()})
    fields = catalogue()
    for template_id, header in template_headers().items():
        groups["data"].update(data_mutations(template_id, sample_values(template_id, header, fields), fields))
    groups["data"].update(hostile_data())
    groups["config"] = config_mutations(example_config())
    groups["templates"] = template_mutations()
    total = 0
    recipes = dict(RECIPES)
    for group, files_ in groups.items():
        folder = OUT / group
        folder.mkdir(parents=True)
        for name, data in sorted(files_.items()):
            if isinstance(data, Big):
                recipes[f"{group}-{name}"] = {"consumer": group, "name": name, "parts": data.parts}
                continue
            if len(data) > MAX_KEPT:
                raise SystemExit(f"{group}/{name} is {len(data):,} bytes: make it a recipe")
            (folder / name).write_bytes(data)
            total += len(data)
    folder = OUT / "recipes"
    folder.mkdir()
    for name, recipe in sorted(recipes.items()):
        (folder / f"{name}.json").write_text(json.dumps(recipe, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts = {group: sum(not isinstance(d, Big) for d in files_.values()) for group, files_ in groups.items()}
    print(
        f"{sum(counts.values())} files ({counts}), {len(recipes)} recipes, {total:,} bytes in {OUT.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
