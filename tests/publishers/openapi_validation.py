# SPDX-License-Identifier: GPL-3.0-or-later
"""Check HTTP requests and responses against an OpenAPI 3.1 description, with jsonschema.

For stand-in servers: every request a client sends and every response a stand-in returns is
checked against the published API description, so neither side can drift into an API of its
own. Checked: the path and method exist; path, query and header parameters are declared and
well typed; a JSON body has only the fields its schema names, each well typed; a bearer token is
present when the operation needs one; the response status is declared and its JSON body matches
the schema for that status. Schemas are checked with JSON Schema Draft 2020-12 (the dialect of
OpenAPI 3.1, format checks on) and `referencing` resolves the description's `$ref`s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DESCRIPTION_URI = "urn:openapi-description"
DIALECTS = (None, "https://spec.openapis.org/oas/3.1/dialect/base", "https://json-schema.org/draft/2020-12/schema")
Location = tuple[str, ...]  # keys from the description's root to a node
Quirks = dict[tuple[str, str, str, str], dict[str, Any]]  # see OpenAPIDescription


class OpenAPIViolation(AssertionError):
    """A request or response that the API description does not allow."""


def _format_checker() -> FormatChecker:
    """jsonschema's checker, plus `date-time` and `uri` when their optional packages are absent.

    jsonschema checks these two formats only with rfc3339-validator / rfc3987 installed; without
    them a malformed timestamp or link would pass silently.
    """
    checker = FormatChecker()
    if "date-time" not in checker.checkers:

        @checker.checks("date-time", raises=ValueError)
        def is_date_time(value: object) -> bool:
            if not isinstance(value, str):
                return True
            if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", value, re.IGNORECASE):
                return False
            datetime.fromisoformat(value.upper().replace("Z", "+00:00"))  # raises on 2024-02-30
            return True

    if "uri" not in checker.checkers:

        @checker.checks("uri")
        def is_uri(value: object) -> bool:
            if not isinstance(value, str):
                return True
            scheme = urlsplit(value).scheme
            return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme)) and not re.search(r"[\s<>\"]", value)

    return checker


def _pointer(location: Location) -> str:
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in location)


@dataclass
class Operation:
    method: str
    template: str
    spec: dict[str, Any]
    path_params: dict[str, str]

    @property
    def location(self) -> Location:
        return ("paths", self.template, self.method)


@dataclass
class OpenAPIDescription:
    """A loaded description.

    `quirks` corrects known gaps of a generated description, one at a time: (method, path template,
    "header"/"query"/"path", name) -> the schema to check that parameter with; (method, path template,
    "response", status code) -> the JSON schema of a response status the description leaves out.
    """

    document: dict[str, Any]
    quirks: Quirks = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, quirks: Quirks | None = None) -> OpenAPIDescription:
        return cls(json.loads(path.read_text(encoding="utf-8")), dict(quirks or {}))

    def __post_init__(self) -> None:
        if not str(self.document.get("openapi", "")).startswith("3.1"):
            raise ValueError("only OpenAPI 3.1 descriptions (JSON Schema 2020-12) are supported")
        if self.document.get("jsonSchemaDialect") not in DIALECTS:
            raise ValueError(f"unsupported JSON Schema dialect {self.document['jsonSchemaDialect']}")
        resource = Resource.from_contents(self.document, default_specification=DRAFT202012)
        self._registry: Registry = Registry().with_resource(DESCRIPTION_URI, resource)
        self._format_checker = _format_checker()
        self._templates: list[tuple[str, re.Pattern[str], list[str]]] = []
        for template in self.document["paths"]:
            names = re.findall(r"\{([^}]+)\}", template)
            pattern = re.sub(r"\\\{[^}]+\\\}", "([^/]+)", re.escape(template))
            self._templates.append((template, re.compile(pattern + r"\Z"), names))
        # A literal segment (/statuses/search) wins over a parameter (/statuses/{id}).
        self._templates.sort(key=lambda item: len(item[2]))

    # --- lookup -------------------------------------------------------------------------------

    def operation(self, method: str, path: str) -> Operation:
        method = method.lower()
        for template, pattern, names in self._templates:
            match = pattern.match(path)
            spec = self.document["paths"][template].get(method) if match else None
            if match and spec is not None:
                return Operation(method, template, spec, dict(zip(names, match.groups(), strict=True)))
        raise OpenAPIViolation(f"{method.upper()} {path}: no such operation in the API description")

    def _resolve(self, node: dict[str, Any], location: Location) -> tuple[dict[str, Any], Location]:
        """Follow `$ref`s to the node they name; the node and its location."""
        while "$ref" in node:
            reference = node["$ref"]
            if not reference.startswith("#/"):
                raise ValueError(f"only references inside the description are supported, not {reference}")
            location = tuple(part.replace("~1", "/").replace("~0", "~") for part in reference[2:].split("/"))
            node = self.document
            for part in location:
                node = node[part]
        return node, location

    def _parameters(self, operation: Operation) -> dict[tuple[str, str], tuple[dict[str, Any], Location]]:
        """(in, name) -> (parameter, its location); header names in lower case."""
        found = {}
        for owner, location in (
            (self.document["paths"][operation.template], ("paths", operation.template)),
            (operation.spec, operation.location),
        ):
            for index, node in enumerate(owner.get("parameters", [])):
                parameter, where = self._resolve(node, (*location, "parameters", str(index)))
                name = parameter["name"].lower() if parameter["in"] == "header" else parameter["name"]
                found[(parameter["in"], name)] = (parameter, where)
        return found

    # --- schema checks ------------------------------------------------------------------------

    @staticmethod
    def at(location: Location) -> dict[str, Any]:
        """The description's schema at `location`, as a schema whose `$ref`s resolve in the description."""
        return {"$ref": f"{DESCRIPTION_URI}#/{_pointer(location)}"}

    def check(self, schema: dict[str, Any], instance: object, where: str, *, closed: bool = False) -> None:
        """`instance` against `schema`; `closed`: no top-level field that the schema does not name."""
        if closed:
            schema = {**schema, "unevaluatedProperties": False}
        validator = Draft202012Validator(schema, registry=self._registry, format_checker=self._format_checker)
        errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
        if errors:
            details = []
            for error in errors[:8]:
                place = "/".join(str(part) for part in error.absolute_path) or "(top)"
                details.append(f"  at {place}: {error.message[:300]}")
                details += [f"    - {sub.message[:200]}" for sub in (error.context or [])[:6]]
            raise OpenAPIViolation(f"{where} does not match the API description:\n" + "\n".join(details))

    @staticmethod
    def _typed(schema: dict[str, Any], raw: list[str]) -> object:
        """A parameter's wire strings as the value its schema describes."""
        kinds = schema.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "array" in kinds:
            return [OpenAPIDescription._typed(schema.get("items", {}), [value]) for value in raw]
        value = raw[-1]
        for kind in kinds:
            if kind == "integer" and re.fullmatch(r"-?\d+", value):
                return int(value)
            if kind == "number" and re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", value):
                return float(value)
            if kind == "boolean" and value in ("true", "false"):
                return value == "true"
        return value

    # --- requests -----------------------------------------------------------------------------

    def validate_request(self, method: str, url: str, headers: Mapping[str, str], body: bytes = b"") -> Operation:
        """Raise OpenAPIViolation unless the description allows this request."""
        parts = urlsplit(url)
        operation = self.operation(method, parts.path)
        where = f"request {method.upper()} {parts.path}"
        headers = {name.lower(): value for name, value in headers.items()}
        declared = self._parameters(operation)

        sent: dict[tuple[str, str], list[str]] = {
            ("path", name): [value] for name, value in operation.path_params.items()
        }
        for name, values in parse_qs(parts.query, keep_blank_values=True).items():
            bare = name.removesuffix("[]")
            if ("query", bare) not in declared:
                raise OpenAPIViolation(f"{where}: query parameter `{name}` is not in the API description")
            sent[("query", bare)] = values
        sent.update({("header", name): [value] for name, value in headers.items() if ("header", name) in declared})

        for (place, name), values in sent.items():
            parameter, location = declared[(place, name)]
            quirk = self.quirks.get((operation.method, operation.template, place, parameter["name"]))
            schema = quirk or parameter.get("schema", {})
            if place == "header" and schema.get("type") == "object":
                raise OpenAPIViolation(
                    f"{where}: header `{parameter['name']}` is declared as an object, which no "
                    "header can carry; add a quirk naming the schema to check it with"
                )
            self.check(
                quirk or self.at((*location, "schema")),
                self._typed(schema, values),
                f"{where}: {place} parameter `{parameter['name']}`",
            )
        for key, (parameter, _) in declared.items():
            if parameter.get("required") and key not in sent:
                raise OpenAPIViolation(f"{where}: required {key[0]} parameter `{parameter['name']}` is missing")

        self._check_security(operation, headers, where)
        self._check_request_body(operation, headers, body, where)
        return operation

    def _check_security(self, operation: Operation, headers: Mapping[str, str], where: str) -> None:
        requirements = operation.spec.get("security", self.document.get("security", []))
        if not requirements or {} in requirements:
            return  # anonymous access allowed
        if not re.fullmatch(r"Bearer [\x21-\x7e]+", headers.get("authorization", "")):
            raise OpenAPIViolation(
                f"{where}: the operation needs an OAuth 2 bearer token and the request has no "
                "`Authorization: Bearer …` header"
            )

    def _check_request_body(self, operation: Operation, headers: Mapping[str, str], body: bytes, where: str) -> None:
        if "requestBody" not in operation.spec:
            if body:
                raise OpenAPIViolation(f"{where}: the operation takes no body and the request has one")
            return
        request_body, location = self._resolve(operation.spec["requestBody"], (*operation.location, "requestBody"))
        if not body:
            if request_body.get("required"):
                raise OpenAPIViolation(f"{where}: the operation needs a body and the request has none")
            return
        media_type = headers.get("content-type", "").split(";")[0].strip().lower()
        content = request_body.get("content", {})
        if media_type not in content:
            raise OpenAPIViolation(
                f"{where}: a body of type `{media_type or 'none'}`; the description accepts "
                f"{', '.join(content) or 'none'}"
            )
        if media_type != "application/json":
            raise OpenAPIViolation(f"{where}: only JSON bodies are checked here, not {media_type}")
        try:
            document = json.loads(body)
        except ValueError as error:
            raise OpenAPIViolation(f"{where}: the body is not JSON ({error})") from None
        self.check(self.at((*location, "content", media_type, "schema")), document, f"{where}: body", closed=True)

    # --- responses ----------------------------------------------------------------------------

    def validate_response(self, method: str, url: str, status: int, headers: Mapping[str, str], body: bytes) -> None:
        """Raise OpenAPIViolation unless the description allows this response to that request."""
        parts = urlsplit(url)
        operation = self.operation(method, parts.path)
        where = f"response {status} to {method.upper()} {parts.path}"
        responses = operation.spec.get("responses", {})
        code = next((c for c in (str(status), f"{str(status)[0]}XX", "default") if c in responses), None)
        quirk = self.quirks.get((operation.method, operation.template, "response", str(status)))
        media_type = {name.lower(): value for name, value in headers.items()}.get("content-type", "")
        media_type = media_type.split(";")[0].strip().lower()
        if code is None and quirk is None:
            raise OpenAPIViolation(
                f"{where}: status {status} is not in the API description (it lists {', '.join(responses)})"
            )
        if code is None:
            schema, content = quirk, {"application/json": quirk}
        else:
            response, location = self._resolve(responses[code], (*operation.location, "responses", code))
            content = response.get("content")
            if not content:
                return  # the description promises no body
            schema = self.at((*location, "content", media_type, "schema"))
        if media_type not in content:
            raise OpenAPIViolation(
                f"{where}: content type `{media_type or 'none'}`; the description says {', '.join(content)}"
            )
        try:
            document = json.loads(body)
        except ValueError as error:
            raise OpenAPIViolation(f"{where}: the body is not JSON ({error})") from None
        self.check(schema, document, f"{where}: body", closed=True)
