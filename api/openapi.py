"""The API's OpenAPI 3.0 description, built from the same parameter names and fields the views use."""

from curriculum.models import ModulePage
from knowledge.models import PROVINCES, SIZE_CLASSES, CaseStudyPage, GuidancePage

STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}
SLUGS = {"type": "array", "items": STRING}
DATE_TIME = {"type": "string", "format": "date-time", "nullable": True}


def _object(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": required or list(properties),
        "additionalProperties": False,
    }


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


PAGE_PROPERTIES = {
    "id": {"type": "integer", "description": "Stable id of the page (the same for its whole life)."},
    "title": STRING,
    "url": {"type": "string", "format": "uri"},
    "language": {"type": "string", "enum": ["nl", "en"]},
    "translation_key": {"type": "string", "format": "uuid", "description": "Shared by a page and its translations."},
    "intro": STRING,
    "first_published_at": DATE_TIME,
    "last_published_at": DATE_TIME,
}


def _choices(choices):
    return {"type": "string", "enum": [value for value, _label in choices]}


SCHEMAS = {
    "Error": _object({"error": STRING}),
    "Ignored": _object({"filter": STRING, "value": STRING}),
    "Module": _object(
        {
            **PAGE_PROPERTIES,
            "themes": SLUGS,
            "audiences": SLUGS,
            "tags": SLUGS,
            "level": _choices(ModulePage.LEVELS),
            "format": _choices(ModulePage.FORMATS),
            "duration_minutes": {"type": "integer"},
            "provider": _object({"slug": STRING, "name": STRING}),
            "learning_goals": SLUGS,
            "cost": STRING,
            "certificate": {"type": "boolean"},
        }
    ),
    "Municipality": _object(
        {
            "cbs_code": {"type": "string", "pattern": "^GM[0-9]{4}$"},
            "name": STRING,
            "province": {"type": "string", "enum": PROVINCES},
            "inhabitants": {"type": "integer", "nullable": True},
            "size_class": {
                "type": "string",
                "nullable": True,
                "enum": [value for _b, value, _l in SIZE_CLASSES] + [None],
            },
            "urbanisation": {"type": "integer", "nullable": True, "minimum": 1, "maximum": 5},
            "safety_region_code": NULLABLE_STRING,
            "safety_region": NULLABLE_STRING,
        }
    ),
    "CaseStudy": _object(
        {
            **PAGE_PROPERTIES,
            "municipality": _ref("Municipality"),
            "themes": SLUGS,
            "tags": SLUGS,
            "evidence_level": _choices(CaseStudyPage.EVIDENCE_LEVELS),
            "start_year": {"type": "integer"},
            "end_year": {"type": "integer", "nullable": True},
            "archived": {"type": "boolean"},
        }
    ),
    "Guidance": _object(
        {
            **PAGE_PROPERTIES,
            "kind": _choices(GuidancePage.KINDS),
            "themes": SLUGS,
            "audiences": SLUGS,
            "tags": SLUGS,
            "publication_date": {"type": "string", "format": "date", "nullable": True},
        }
    ),
    "Theme": _object({"slug": STRING, "name": STRING, "name_en": NULLABLE_STRING, "description": STRING}),
    "Audience": _object({"slug": STRING, "name": STRING, "name_en": NULLABLE_STRING}),
    "Tag": _object({"slug": STRING, "name": STRING, "count": {"type": "integer", "minimum": 1}}),
}


def _list_schema(item, with_ignored=False):
    properties = {
        "count": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1, "maximum": 100},
        "next": {"type": "string", "format": "uri", "nullable": True},
        "previous": {"type": "string", "format": "uri", "nullable": True},
        "results": {"type": "array", "items": _ref(item)},
    }
    if with_ignored:
        properties["ignored"] = {"type": "array", "items": _ref("Ignored")}
    return _object(properties)


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


COMMON = [
    _query("pagina", "Page number, from 1.", {"type": "integer", "minimum": 1}),
    _query("per_pagina", "Items per page (1 to 100, default 20).", {"type": "integer", "minimum": 1, "maximum": 100}),
    _query(
        "taal",
        "Language of the pages: nl (default) or en, where English pages fall back to the Dutch original.",
        {"type": "string", "enum": ["nl", "en"]},
    ),
]
UPDATED_SINCE = _query(
    "gewijzigd_sinds",
    "Only pages published or updated since this date or moment (ISO 8601, years 1900-2200).",
    {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]},
)
FILTERS = {
    "modules": [
        ("thema", "Theme slug"),
        ("doelgroep", "Audience slug"),
        ("niveau", "Level"),
        ("vorm", "Format"),
        ("aanbieder", "Provider slug"),
        ("trefwoord", "Tag slug"),
    ],
    "case-studies": [
        ("thema", "Theme slug"),
        ("trefwoord", "Tag slug"),
        ("provincie", "Province"),
        ("grootte", "Size class of the municipality"),
        ("stedelijkheid", "Urbanisation level 1-5"),
        ("veiligheidsregio", "Safety region code"),
        ("domein", "Domain slug"),
        ("onderbouwing", "Evidence level"),
        ("startjaar", "Start year"),
    ],
    "guidance": [("thema", "Theme slug"), ("doelgroep", "Audience slug"), ("soort", "Kind"), ("trefwoord", "Tag slug")],
}
ITEMS = {"modules": "Module", "case-studies": "CaseStudy", "guidance": "Guidance"}
FILTER_NOTE = " Several values: any of them. Unknown values are ignored and listed under `ignored`."


def _responses(ok_schema, content_type="application/json", not_found=False):
    error = {"content": {"application/json": {"schema": _ref("Error")}}}
    responses = {
        "200": {"description": "OK", "content": {content_type: {"schema": ok_schema}}},
        "400": {"description": "A parameter could not be read", **error},
        "429": {"description": "Too many requests; see Retry-After", **error},
    }
    if not_found:
        responses["404"] = {"description": "Not found (or not public)", **error}
    return responses


def openapi_document(server_url):
    paths = {}
    for name, item in ITEMS.items():
        filters = [
            _query(param, description + "." + FILTER_NOTE, repeatable=True) for param, description in FILTERS[name]
        ]
        paths[f"/{name}/"] = {
            "get": {
                "operationId": f"list_{name.replace('-', '_')}",
                "summary": f"Published {name.replace('-', ' ')}",
                "parameters": COMMON + filters + [UPDATED_SINCE],
                "responses": _responses(_list_schema(item, with_ignored=True), not_found=True),
            }
        }
        paths[f"/{name}/{{id}}/"] = {
            "get": {
                "operationId": f"get_{name.replace('-', '_')}",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                    COMMON[2],
                ],
                "responses": _responses(_ref(item), not_found=True),
            }
        }
        for file_format, content_type, schema in (
            ("csv", "text/csv", STRING),
            ("json", "application/json", {"type": "array", "items": _ref(item)}),
        ):
            paths[f"/{name}.{file_format}"] = {
                "get": {
                    "operationId": f"export_{name.replace('-', '_')}_{file_format}",
                    "summary": f"All selected {name.replace('-', ' ')} as {file_format.upper()} (streamed)",
                    "parameters": [COMMON[2]] + filters + [UPDATED_SINCE],
                    "responses": _responses(schema, content_type=content_type),
                }
            }
    for name, item in (("themes", "Theme"), ("audiences", "Audience"), ("tags", "Tag")):
        paths[f"/{name}/"] = {
            "get": {
                "operationId": f"list_{name}",
                "parameters": COMMON,
                "responses": _responses(_list_schema(item), not_found=True),
            }
        }
    paths["/municipalities/"] = {
        "get": {
            "operationId": "list_municipalities",
            "parameters": COMMON
            + [
                _query("provincie", "Province." + FILTER_NOTE, repeatable=True),
                _query("grootte", "Size class." + FILTER_NOTE, repeatable=True),
            ],
            "responses": _responses(_list_schema("Municipality"), not_found=True),
        }
    }
    paths["/municipalities/{cbs_code}/"] = {
        "get": {
            "operationId": "get_municipality",
            "parameters": [{"name": "cbs_code", "in": "path", "required": True, "schema": STRING}],
            "responses": _responses(_ref("Municipality"), not_found=True),
        }
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Kennisportaal Sociale Stabiliteit – open data",
            "version": "1.0.0",
            "description": "Read-only data of the portal: modules of the curriculum, case studies, guidance, themes, "
            "audiences, tags and municipalities. Only published, public content. Filters are the same as on "
            "the portal's overview pages. CORS is open for GET; requests are rate limited per address.",
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
