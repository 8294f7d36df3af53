"""The API's OpenAPI 3.1 description: django-ninja's, generated from the models in api.schemas, with what
the NL GOV API Design Rules ask on top: a contact, the server clients use, errors as problem details
(application/problem+json) and the API-Version header on every response.

schemathesis (tests/test_api.py) checks every response against it; scripts/api-design-rules-lint lints it.
"""

from django.conf import settings

from portal.problems import CONTENT_TYPE as PROBLEM_CONTENT_TYPE

from .resources import API_VERSION, EXPORT_FORMATS, VERSION_HEADER

DESCRIPTION = (
    "Read-only data of the portal: modules of the curriculum, case studies, guidance, themes, audiences, tags "
    "and municipalities. Only published, public content. Filters are the same as on the portal's overview "
    "pages. CORS is open for GET; requests are rate limited per address."
)
RESPONSE_DESCRIPTIONS = {
    400: "A parameter could not be read",
    404: "Not found (or not public)",
    429: "Too many requests; see Retry-After",
}


def openapi_document(server_url, api):
    """The description of `api` (a NinjaAPI, api.views.build_api) for clients of `server_url`."""
    document = dict(api.get_openapi_schema(path_prefix=""))
    document["info"] = {
        **document["info"],
        "description": DESCRIPTION,
        "contact": {
            "name": "Kennisportaal Sociale Stabiliteit",
            "email": settings.API_CONTACT_EMAIL,
            "url": server_url.rsplit("/api/", 1)[0] + "/",
        },
    }
    document["servers"] = [{"url": server_url}]
    version = {VERSION_HEADER: {"$ref": f"#/components/headers/{VERSION_HEADER}"}}
    for path, methods in document["paths"].items():
        # An export (modules/export.csv) answers in its file's format, not in JSON.
        file_format = path.rpartition("/export.")[2] if "/export." in path else None
        for described in methods.values():
            for status, response in described["responses"].items():
                response["headers"] = version
                if file_format and int(status) == 200:
                    response["content"] = {EXPORT_FORMATS[file_format]: response["content"]["application/json"]}
                elif int(status) >= 400:
                    response["description"] = RESPONSE_DESCRIPTIONS.get(int(status), response["description"])
                    response["content"] = {PROBLEM_CONTENT_TYPE: response["content"]["application/json"]}
    document["components"]["headers"] = {
        VERSION_HEADER: {
            "description": "The API's full version (semantic versioning); the URL has its major version.",
            "schema": {"type": "string", "example": API_VERSION},
        }
    }
    return document
