"""The API's OpenAPI 3.0 description, built from the declared listings (portal.listings).

Parameters are the listings' facets, items their fields: the description cannot drift from what the
views answer, and schemathesis (tests/test_api.py) checks every response against it.
"""

from django.conf import settings

from portal import listings
from portal.listings import (
    LANGUAGE_PARAM,
    NULLABLE_STRING,
    PAGE_PARAM,
    PAGE_SIZE_PARAM,
    STRING,
    openapi_object,
)

from .resources import (
    API_VERSION,
    DEFAULT_PAGE_SIZE,
    EXPORT_FORMATS,
    MAX_PAGE_SIZE,
    MUNICIPALITIES,
    UPDATED_SINCE_PARAM,
    VERSION_HEADER,
    page_listings,
)

FILTER_NOTE = " Several values: any of them. Unknown values are ignored"


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _list_schema(item, with_ignored=False):
    properties = {
        "count": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        "next": {"type": "string", "format": "uri", "nullable": True},
        "previous": {"type": "string", "format": "uri", "nullable": True},
        "results": {"type": "array", "items": _ref(item)},
    }
    if with_ignored:
        properties["ignored"] = {"type": "array", "items": _ref("Ignored")}
    return openapi_object(properties)


def _query(name, description, schema=None, repeatable=False):
    schema = schema or STRING
    if repeatable:
        schema = {"type": "array", "items": schema}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        "style": "form",
        "explode": True,
    }


def _filters(listing, reported=True):
    # Values are described as strings: an unknown value is ignored (and reported), not refused.
    note = FILTER_NOTE + (" and listed under `ignored`." if reported else ".")
    return [_query(facet.param, facet.description + "." + note, repeatable=True) for facet in listing.facets]


LANGUAGE = _query(
    LANGUAGE_PARAM,
    "Language of the pages: nl (default) or en, where English pages fall back to the Dutch original.",
    {"type": "string", "enum": ["nl", "en"]},
)
COMMON = [
    _query(PAGE_PARAM, "Page number, from 1.", {"type": "integer", "minimum": 1}),
    _query(
        PAGE_SIZE_PARAM,
        f"Items per page (1 to {MAX_PAGE_SIZE}, default {DEFAULT_PAGE_SIZE}).",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
    ),
    LANGUAGE,
]
UPDATED_SINCE = _query(
    UPDATED_SINCE_PARAM,
    "Only pages published or updated since this date or moment (ISO 8601, years 1900-2200).",
    {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]},
)
TERM_SCHEMAS = {
    "Theme": openapi_object({"slug": STRING, "name": STRING, "name_en": NULLABLE_STRING, "description": STRING}),
    "Audience": openapi_object({"slug": STRING, "name": STRING, "name_en": NULLABLE_STRING}),
    "Tag": openapi_object({"slug": STRING, "name": STRING, "count": {"type": "integer", "minimum": 1}}),
}


VERSION = {"headers": {VERSION_HEADER: {"$ref": f"#/components/headers/{VERSION_HEADER}"}}}


def _responses(ok_schema, content_type="application/json", not_found=False):
    error = {"content": {"application/problem+json": {"schema": _ref("Problem")}}, **VERSION}
    responses = {
        "200": {"description": "OK", "content": {content_type: {"schema": ok_schema}}, **VERSION},
        "400": {"description": "A parameter could not be read", **error},
        "429": {"description": "Too many requests; see Retry-After", **error},
    }
    if not_found:
        responses["404"] = {"description": "Not found (or not public)", **error}
    return responses


def openapi_document(server_url):
    schemas = {
        "Problem": openapi_object(
            {
                "type": {"type": "string"},
                "title": STRING,
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "detail": STRING,
            }
        ),
        "Ignored": openapi_object({"filter": STRING, "value": STRING}),
    }
    paths = {}
    for name, listing in page_listings().items():
        item = listing.schema_name
        schemas[item] = listing.schema
        operation = name.replace("-", "_")
        filters = _filters(listing)
        paths[f"/{name}"] = {
            "get": {
                "operationId": f"list_{operation}",
                "summary": f"Published {name.replace('-', ' ')}",
                "parameters": COMMON + filters + [UPDATED_SINCE],
                "responses": _responses(_list_schema(item, with_ignored=True), not_found=True),
            }
        }
        paths[f"/{name}/{{id}}"] = {
            "get": {
                "operationId": f"get_{operation}",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}, LANGUAGE],
                "responses": _responses(_ref(item), not_found=True),
            }
        }
        export_schemas = {"csv": STRING, "json": {"type": "array", "items": _ref(item)}}
        for file_format, content_type in EXPORT_FORMATS.items():
            schema = export_schemas[file_format]
            paths[f"/{name}/export.{file_format}"] = {
                "get": {
                    "operationId": f"export_{operation}_{file_format}",
                    "summary": f"All selected {name.replace('-', ' ')} as {file_format.upper()} (streamed)",
                    "parameters": [LANGUAGE] + filters + [UPDATED_SINCE],
                    "responses": _responses(schema, content_type=content_type),
                }
            }
    schemas.update(TERM_SCHEMAS)
    for name, item in (("themes", "Theme"), ("audiences", "Audience"), ("tags", "Tag")):
        paths[f"/{name}"] = {
            "get": {
                "operationId": f"list_{name}",
                "parameters": COMMON,
                "responses": _responses(_list_schema(item), not_found=True),
            }
        }
    municipalities = listings.get(MUNICIPALITIES)
    schemas[municipalities.schema_name] = municipalities.schema
    paths[f"/{MUNICIPALITIES}"] = {
        "get": {
            "operationId": f"list_{MUNICIPALITIES}",
            "parameters": COMMON + _filters(municipalities, reported=False),
            "responses": _responses(_list_schema(municipalities.schema_name), not_found=True),
        }
    }
    paths[f"/{MUNICIPALITIES}/{{cbs_code}}"] = {
        "get": {
            "operationId": "get_municipality",
            "parameters": [{"name": "cbs_code", "in": "path", "required": True, "schema": STRING}],
            "responses": _responses(_ref(municipalities.schema_name), not_found=True),
        }
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Kennisportaal Sociale Stabiliteit – open data",
            "version": API_VERSION,
            "contact": {
                "name": "Kennisportaal Sociale Stabiliteit",
                "email": settings.API_CONTACT_EMAIL,
                "url": server_url.rsplit("/api/", 1)[0] + "/",
            },
            "description": "Read-only data of the portal: modules of the curriculum, case studies, guidance, themes, "
            "audiences, tags and municipalities. Only published, public content. Filters are the same as on "
            "the portal's overview pages. CORS is open for GET; requests are rate limited per address.",
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "headers": {
                VERSION_HEADER: {
                    "description": "The API's full version (semantic versioning); the URL has its major version.",
                    "schema": {"type": "string", "example": API_VERSION},
                }
            },
        },
    }
