"""Content as open data: what the API says about terms, and flattening an item into a CSV row.

Pages and municipalities are represented by their listing's declared fields (portal.listings), so the
API, its OpenAPI description and its exports read one declaration. Only published, public items reach
these functions; contact e-mail addresses and other staff-only fields are never declared.
"""

from portal.listings import NULLABLE_STRING, STRING, openapi_object

# What taxonomy_term, theme and the tag list answer, for the API's description (api.schemas).
TERM_SCHEMAS = {
    "Theme": openapi_object({"slug": STRING, "name": STRING, "name_en": NULLABLE_STRING, "description": STRING}),
    "Audience": openapi_object({"slug": STRING, "name": STRING, "name_en": NULLABLE_STRING}),
    "Tag": openapi_object({"slug": STRING, "name": STRING, "count": {"type": "integer", "minimum": 1}}),
}


def taxonomy_term(term):
    return {"slug": term.slug, "name": term.name, "name_en": term.name_en or None}


def theme(term):
    return {**taxonomy_term(term), "description": term.description}


def flat_row(representation, columns):
    """A CSV row: nested values joined, so a spreadsheet gets one cell per column."""
    row = []
    for column in columns:
        value = representation
        for part in column.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, list):
            value = "; ".join(str(item) for item in value)
        row.append("" if value is None else value)
    return row
