"""Fields: what the API, its description and the exports say about one item (name, JSON schema, reader)."""

import dataclasses
from collections.abc import Callable

from .facets import STRING

NULLABLE_STRING = {"type": ["string", "null"]}  # OpenAPI 3.1: JSON Schema's own null
SLUGS = {"type": "array", "items": STRING}
DATE_TIME = {"type": ["string", "null"], "format": "date-time"}


@dataclasses.dataclass(frozen=True)
class Field:
    """One property of an item in the API: its name, OpenAPI schema and how to read it from a page.

    `columns` are its CSV columns: ("",) is the field itself, () leaves it out of the export, and names
    such as ("cbs_code", "name") export those parts of a nested object.
    """

    name: str
    schema: dict
    read: Callable
    columns: tuple = ("",)


def _iso(value):
    return value.isoformat() if value else None


def attribute(name, schema, columns=("",), convert=None):
    def read(item, request):
        value = getattr(item, name)
        return convert(value) if convert else value

    return Field(name, schema, read, columns)


def choice(name, choices):
    return attribute(name, {"type": "string", "enum": [str(value) for value, _label in choices]})


def term_slugs(name):
    return Field(name, SLUGS, lambda item, request: [term.slug for term in getattr(item, name).all()])


def tag_slugs():
    return Field("tags", SLUGS, lambda item, request: sorted(tag.slug for tag in item.tags.all()))


def nested(name, fields, columns=()):
    properties = {field.name: field.schema for field in fields}
    return Field(
        name,
        openapi_object(properties),
        lambda item, request: {field.name: field.read(getattr(item, name), request) for field in fields},
        columns,
    )


def openapi_object(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }


PAGE_FIELDS = (
    Field(
        "id",
        {"type": "integer", "description": "Stable id of the page (the same for its whole life)."},
        lambda page, request: page.pk,
    ),
    attribute("title", STRING),
    Field("url", {"type": "string", "format": "uri"}, lambda page, request: page.get_full_url(request)),
    Field(
        "language",
        {"type": "string", "enum": ["nl", "en"]},
        lambda page, request: page.locale.language_code,
    ),
    Field(
        "translation_key",
        {"type": "string", "format": "uuid", "description": "Shared by a page and its translations."},
        lambda page, request: str(page.translation_key),
        columns=(),
    ),
    attribute("intro", STRING),
    attribute("first_published_at", DATE_TIME, convert=_iso),
    attribute("last_published_at", DATE_TIME, convert=_iso),
)
