"""The API reference read from the OpenAPI schema, for the documentation page (api/pages/docs.py).

The page is rendered on the server from drf-spectacular's schema rather than by Swagger UI: Swagger UI's own markup
fails the page checks every page passes (form controls without names, contrast, nested interactive elements), needs
its start-up script and injected styles reworked for our Content-Security-Policy, and cannot be translated. A
server-side page is ours to make accessible and translatable, works without JavaScript and offline, and stays in
step with the API because it is made from the same schema the download link serves.

`reference(language)` is the schema as the template needs it: the operations grouped by tag (method, path,
parameters, request body, answers) and the records (each schema component's fields). Built once per language and
process: the schema changes only with the code.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from drf_spectacular.generators import SchemaGenerator

from .schema import TAGS

METHODS = ("get", "post", "put", "patch", "delete")
REF = "#/components/schemas/"
ENUM_LINE = re.compile(r"^\* `(?P<value>[^`]*)` - (?P<label>.*)$")
CODE = re.compile(r"`([^`]+)`")
SHOWN_VALUES = 12  # an enum longer than this is cut in the table (the schema has them all)


@dataclass
class Part:
    """A piece of a type's description: text, a link to a record, or an enum value (shown as code)."""

    text: str
    anchor: str = ""
    code: bool = False


@dataclass
class Row:
    name: str
    type: list
    required: bool = False
    description: str = ""
    where: str = ""


@dataclass
class Operation:
    method: str
    path: str
    anchor: str
    description: str
    parameters: list
    body: list | None
    answers: list


@dataclass
class Record:
    name: str
    anchor: str
    description: str
    fields: list = field(default_factory=list)

    @property
    def is_request(self):
        """A request body (drf-spectacular names them "…Request"): its fields may be required."""
        return self.name.endswith("Request")


def _anchor(prefix, name):
    return f"{prefix}-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")


def _inline(text: str):
    """Schema text (a docstring, a help text) as HTML: escaped, with `code` spans and paragraphs kept."""
    text = escape((text or "").strip())
    return mark_safe("<br>".join(CODE.sub(r"<code>\1</code>", line) for line in text.split("\n") if line.strip()))


def _enum_labels(description: str) -> dict:
    return {m["value"]: m["label"] for m in map(ENUM_LINE.match, (description or "").splitlines()) if m}


def _without_enum_lines(description: str) -> str:
    return "\n".join(line for line in (description or "").splitlines() if not ENUM_LINE.match(line)).strip()


class _Reader:
    def __init__(self, schema):
        self.components = schema.get("components", {}).get("schemas", {})

    def resolve(self, schema):
        """(the schema behind a $ref or a one-item allOf, its component name or "")."""
        if "allOf" in schema and len(schema["allOf"]) == 1:
            schema = {**schema["allOf"][0], **{k: v for k, v in schema.items() if k != "allOf"}}
        ref = schema.get("$ref", "")
        if ref.startswith(REF):
            name = ref.removeprefix(REF)
            return {**self.components.get(name, {}), **{k: v for k, v in schema.items() if k != "$ref"}}, name
        return schema, ""

    def is_record(self, name):
        return bool(name) and "enum" not in self.components.get(name, {})

    def type_parts(self, schema) -> list:
        resolved, name = self.resolve(schema)
        if name.startswith("Paginated") and "results" in resolved.get("properties", {}):
            parts = [Part(_("a page of") + " "), *self.type_parts(resolved["properties"]["results"].get("items", {}))]
        elif self.is_record(name):
            parts = [Part(name, _anchor("record", name))]
        elif "enum" in resolved:
            labels = _enum_labels(resolved.get("description", ""))
            values = [v for v in resolved["enum"] if v not in ("", None)]
            parts = [Part(_("one of") + " ")]
            for i, value in enumerate(values[:SHOWN_VALUES]):
                parts += [Part(", ")] if i else []
                parts.append(Part(str(value), code=True))
                label = labels.get(str(value))
                parts += [Part(f" ({label})")] if label and label != str(value) else []
            parts += [Part(", …")] if len(values) > SHOWN_VALUES else []
        elif resolved.get("type") == "array":
            parts = [Part(_("list of") + " "), *self.type_parts(resolved.get("items", {}))]
        elif "oneOf" in resolved or "anyOf" in resolved:
            parts = []
            for i, option in enumerate(resolved.get("oneOf") or resolved.get("anyOf")):
                parts += [Part(" " + _("or") + " ")] if i else []
                parts += self.type_parts(option)
        else:
            kind = resolved.get("type", _("any value"))
            parts = [Part(f"{kind} ({resolved['format']})" if resolved.get("format") else str(kind))]
        if resolved.get("nullable"):
            parts.append(Part(", " + _("or null")))
        return parts

    def fields(self, schema) -> list:
        required = set(schema.get("required", []))
        rows = []
        for name, prop in schema.get("properties", {}).items():
            resolved, _name = self.resolve(prop)
            description = prop.get("description") or (resolved.get("description") if not _name else "") or ""
            if "enum" in resolved:
                description = _without_enum_lines(description)
            title = prop.get("title", "")
            if title and description:
                description = f"{title}. {description}"
            rows.append(
                Row(
                    name=name,
                    type=self.type_parts(prop),
                    required=name in required,
                    description=_inline(description or title),
                )
            )
        return rows

    def body(self, content):
        schema = (content or {}).get("application/json", {}).get("schema")
        return self.type_parts(schema) if schema else None


def _parameter(reader, parameter):
    where = {"path": _("path"), "query": _("query"), "header": _("header")}.get(parameter.get("in"), "")
    return Row(
        name=parameter["name"],
        type=reader.type_parts(parameter.get("schema", {})),
        required=bool(parameter.get("required")),
        description=_inline(parameter.get("description", "")),
        where=where,
    )


def _operations(schema, reader):
    groups = {}
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content")
            answers = [
                (code, _inline(answer.get("description", "")), reader.body(answer.get("content")))
                for code, answer in sorted(operation.get("responses", {}).items())
            ]
            groups.setdefault((operation.get("tags") or ["api"])[0], []).append(
                Operation(
                    method=method.upper(),
                    path=path,
                    anchor=_anchor("op", operation.get("operationId", f"{method}-{path}")),
                    description=_inline(operation.get("description") or operation.get("summary", "")),
                    parameters=[_parameter(reader, p) for p in operation.get("parameters", [])],
                    body=reader.body(body),
                    answers=answers,
                )
            )
    order = list(TAGS)
    ranked = sorted(
        groups.items(), key=lambda item: (order.index(item[0]) if item[0] in order else len(order), item[0])
    )
    return [(str(TAGS.get(tag, tag)), _anchor("tag", tag), operations) for tag, operations in ranked]


@lru_cache(maxsize=8)
def reference(language: str) -> dict:
    """{"groups": [(tag, anchor, [Operation])], "records": [Record], "title", "version"} in `language`."""
    with translation.override(language):
        schema = SchemaGenerator().get_schema(request=None, public=True)
        reader = _Reader(schema)
        records = [
            Record(name, _anchor("record", name), _inline(component.get("description", "")), reader.fields(component))
            for name, component in sorted(reader.components.items())
            if "enum" not in component and not name.startswith("Paginated")
        ]
        return {
            "title": schema["info"]["title"],
            "version": schema["info"]["version"],
            "groups": _operations(schema, reader),
            "records": records,
        }
