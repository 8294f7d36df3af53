"""The API's pydantic models, generated from the declarations: django-ninja reads its parameters and its
OpenAPI description from them.

Items are the listings' fields (portal.listings): each property keeps its declared JSON schema
(WithJsonSchema), so the declaration stays the one place a field is described. Query parameters are the
listings' facets plus paging, language and `gewijzigdSinds`; the numbers and dates are read by the portal's
strict parsers (ASCII digits, range-checked), not by pydantic's lenient ones (which accept "+3" and "1_000").
"""

from typing import Annotated, Any

from django.conf import settings
from django.utils.translation import gettext as _
from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, create_model
from pydantic_core import PydanticCustomError

from portal.listings import LANGUAGE_PARAM, PAGE_PARAM, PAGE_SIZE_PARAM, STRING, openapi_object
from portal.numbers import parse_int

from .resources import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, UPDATED_SINCE_PARAM, BadParameter, updated_since

FILTER_NOTE = " Several values: any of them. Unknown values are ignored"
CLOSED = ConfigDict(extra="forbid")  # additionalProperties: false, as the declarations say


def refused(message):
    # A custom error keeps the message as it is: the problem's detail names the parameter in the visitor's words.
    return PydanticCustomError("bad_parameter", "{message}", {"message": message})


def declared(schema):
    """A property described by its declaration's JSON schema."""
    return Annotated[Any, WithJsonSchema(schema)]


def object_model(name, schema):
    """A model for an object schema of the declarations (portal.listings.openapi_object)."""
    required = set(schema["required"])
    fields = {
        prop: (declared(prop_schema), ... if prop in required else None)
        for prop, prop_schema in schema["properties"].items()
    }
    return create_model(name, __config__=CLOSED, **fields)


def list_model(item, with_ignored=False):
    """The list envelope around `item`: count, page links and the page's results."""
    uri = {"type": ["string", "null"], "format": "uri"}
    properties = {
        "count": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        "next": uri,
        "previous": uri,
    }
    fields = {prop: (declared(prop_schema), ...) for prop, prop_schema in properties.items()}
    fields["results"] = (list[item], ...)
    if with_ignored:
        fields["ignored"] = (list[IGNORED], ...)
    return create_model(f"{item.__name__}List", __config__=CLOSED, **fields)


PROBLEM = object_model(
    "Problem",
    openapi_object(
        {
            "type": {"type": "string"},
            "title": STRING,
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": STRING,
        }
    ),
)
IGNORED = object_model("Ignored", openapi_object({"filter": STRING, "value": STRING}))


def _whole_number(param, default, maximum=None):
    def parse(raw):
        if raw in ("", None):
            return default
        value = parse_int(raw, minimum=1, maximum=999_999_999)
        if value is None:
            raise refused(_("%(param)s moet een heel getal van 1 of meer zijn.") % {"param": param})
        if maximum is not None and value > maximum:
            raise refused(_("%(param)s is hoogstens %(maximum)d.") % {"param": param, "maximum": maximum})
        return value

    return parse


def _language(raw):
    if raw not in dict(settings.LANGUAGES):
        raise refused(_("%(param)s moet nl of en zijn.") % {"param": LANGUAGE_PARAM})
    return raw


def _moment(raw):
    try:
        return updated_since({UPDATED_SINCE_PARAM: raw})
    except BadParameter as problem:
        raise refused(str(problem)) from None


def _parameter(annotation, parse, schema, alias, description, default=None):
    return (
        Annotated[annotation, BeforeValidator(parse), WithJsonSchema(schema)],
        Field(default, alias=alias, description=description),
    )


LANGUAGE = _parameter(
    str,
    _language,
    {"type": "string", "enum": ["nl", "en"]},
    LANGUAGE_PARAM,
    "Language of the pages: nl (default) or en, where English pages fall back to the Dutch original.",
    default="nl",
)
PAGING = {
    "page": _parameter(
        int,
        _whole_number(PAGE_PARAM, 1),
        {"type": "integer", "minimum": 1},
        PAGE_PARAM,
        "Page number, from 1.",
        default=1,
    ),
    "page_size": _parameter(
        int,
        _whole_number(PAGE_SIZE_PARAM, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        PAGE_SIZE_PARAM,
        f"Items per page (1 to {MAX_PAGE_SIZE}, default {DEFAULT_PAGE_SIZE}).",
        default=DEFAULT_PAGE_SIZE,
    ),
}
UPDATED_SINCE = _parameter(
    Any,
    _moment,
    {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]},
    UPDATED_SINCE_PARAM,
    "Only pages published or updated since this date or moment (ISO 8601, years 1900-2200).",
)


def _facets(listing, reported):
    # Values are strings: an unknown value is ignored (and reported), not refused. The listing's own filter
    # reads them from the query (portal.listings); these fields describe them.
    note = FILTER_NOTE + (" and listed under `ignored`." if reported else ".")
    return {
        f"facet_{position}": (
            list[str],
            Field([], alias=facet.param, description=facet.description + "." + note),
        )
        for position, facet in enumerate(listing.facets)
    }


def query_model(name, listing=None, paged=True, since=False, reported=True):
    """The query parameters of one operation: paging, language, the listing's facets, gewijzigdSinds."""
    fields = {**(PAGING if paged else {}), "language": LANGUAGE}
    if listing is not None:
        fields.update(_facets(listing, reported))
    if since:
        fields["updated_since"] = UPDATED_SINCE
    return create_model(name, __config__=ConfigDict(populate_by_name=False), **fields)
