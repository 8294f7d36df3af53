"""The open-data API (/api/v1/) on django-ninja: one operation per resource, generated from the declared
listings (portal.listings), its parameters and OpenAPI description from the models in api.schemas.

The operations are thin: they select with api.resources and represent with the listings' fields. What every
answer shares (read-only methods, CORS, the rate limit, version 1.0's query keys, the shared cache) is
api.middleware.OpenDataMiddleware's; errors are problem details (portal.problems).
"""

import inspect
import json

from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponsePermanentRedirect, JsonResponse, StreamingHttpResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError

from portal import listings
from portal.listings import PAGE_PARAM
from portal.models import Audience, Theme
from portal.problems import problem_response
from portal.spreadsheets import csv_download

from . import representations, schemas
from .openapi import openapi_document
from .resources import (
    API_VERSION,
    EXPORT_FORMATS,
    MUNICIPALITIES,
    BadParameter,
    NotFound,
    current_path,
    find_municipality,
    municipalities,
    page_listings,
    page_queryset,
    published_page,
    tags_with_counts,
)

EXPORT_CHUNK_SIZE = 500
TERMS = {"themes": (Theme, representations.theme), "audiences": (Audience, representations.taxonomy_term)}
ERRORS = {400: schemas.PROBLEM, 404: schemas.PROBLEM, 429: schemas.PROBLEM}


def json_response(data, status=200):
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def paginated(request, items, represent, query):
    """The list envelope: count, page links and the page's results."""
    paginator = Paginator(items, query.page_size, allow_empty_first_page=True)
    try:
        page = paginator.page(query.page)
    except EmptyPage:
        raise NotFound(
            _("Pagina %(number)d bestaat niet (de laatste is %(pages)d).")
            % {"number": query.page, "pages": paginator.num_pages}
        ) from None

    def link(to):
        parameters = request.GET.copy()
        parameters[PAGE_PARAM] = str(to)
        return request.build_absolute_uri(f"{request.path}?{parameters.urlencode()}")

    return {
        "count": paginator.count,
        "page": query.page,
        "page_size": query.page_size,
        "next": link(query.page + 1) if page.has_next() else None,
        "previous": link(query.page - 1) if page.has_previous() else None,
        "results": [represent(item) for item in page.object_list],
    }


def operation(view, query, **path_parameters):
    """`view` with the signature ninja reads: the request, the path's parameters and the query's model."""
    parameters = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    parameters += [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation)
        for name, annotation in path_parameters.items()
    ]
    parameters.append(inspect.Parameter("query", inspect.Parameter.KEYWORD_ONLY, annotation=Query[query]))

    def answer(request, query, **path):
        with translation.override(query.language):
            return view(request, query, **path)

    answer.__signature__ = inspect.Signature(parameters)
    answer.__name__ = view.__name__
    answer.__module__ = view.__module__
    return answer


# The operations.


def page_list(listing):
    def list_pages(request, query):
        queryset, ignored = page_queryset(listing.current(), request.GET, query.updated_since)
        data = paginated(request, queryset, lambda page: listing.current().represent(page, request), query)
        data["ignored"] = [{"filter": str(label), "value": value} for label, value in ignored]
        return json_response(data)

    return list_pages


def page_detail(listing):
    def show_page(request, query, id):
        page = published_page(listing.current(), id)
        if page is None:
            raise NotFound(_("Niet gevonden."))
        return json_response(listing.current().represent(page, request))

    return show_page


def page_export(listing, file_format):
    def export_pages(request, query):
        return export(request, listing.current(), file_format, query.updated_since)

    return export_pages


def export(request, listing, file_format, since=None):
    """Every selected page, streamed in chunks so memory stays flat."""
    queryset, _ignored = page_queryset(listing, request.GET, since)
    # iterator() with a chunk size keeps the prefetches and never holds more than one chunk of pages.
    pages = queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE)
    language = translation.get_language()

    def represented():
        # A streaming response is consumed after the view returns: keep the request's language.
        with translation.override(language):
            for page in pages:
                yield listing.represent(page, request)

    filename = f"{listing.name}.{file_format}"
    if file_format == "csv":
        columns = listing.csv_columns
        rows = (representations.flat_row(item, columns) for item in represented())
        return csv_download(_with_header(columns, rows), filename)

    def chunks():
        yield "["
        for position, representation in enumerate(represented()):
            yield ("," if position else "") + "\n" + json.dumps(representation, ensure_ascii=False)
        yield "\n]\n"

    response = StreamingHttpResponse(chunks(), content_type=f"{EXPORT_FORMATS[file_format]}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _with_header(header, rows):
    yield header
    yield from rows


def term_list(model, represent):
    def list_terms(request, query):
        return json_response(paginated(request, model.objects.order_by("sort_order", "name"), represent, query))

    return list_terms


def tag_list(request, query):
    return json_response(paginated(request, tags_with_counts(), lambda entry: entry, query))


def municipality_list(request, query):
    listing = listings.get(MUNICIPALITIES)
    return json_response(
        paginated(request, municipalities(request.GET), lambda item: listing.represent(item, request), query)
    )


def municipality_detail(request, query, cbs_code):
    found = find_municipality(cbs_code)
    if found is None:
        raise NotFound(_("Niet gevonden."))
    return json_response(listings.get(MUNICIPALITIES).represent(found, request))


def index(request, query):
    return json_response(
        {
            "openapi": request.build_absolute_uri(reverse("api:openapi")),
            "resources": {
                name: request.build_absolute_uri(reverse(f"api:{name}"))
                for name in (*page_listings(), *TERMS, "tags", MUNICIPALITIES)
            },
        }
    )


def openapi(request, query):
    return json_response(openapi_document(request.build_absolute_uri("/api/v1"), API))


class DeclaredListing:
    """A listing by name, read when a request comes: what is registered then is what is answered."""

    def __init__(self, name):
        self.name = name

    def current(self):
        return listings.get(self.name)


def build_api():
    """The API from the declarations as they are now: an operation per listing, term list and export."""
    api = NinjaAPI(
        title="Kennisportaal Sociale Stabiliteit – open data",
        version=API_VERSION,
        urls_namespace="api",
        openapi_url=None,
        docs_url=None,
    )
    api.add_exception_handler(BadParameter, lambda request, problem: problem_response(problem.status, str(problem)))
    api.add_exception_handler(ValidationError, _invalid_parameter)
    add = api.default_router.add_api_operation
    plain = schemas.query_model("Language", paged=False)
    add("", ["GET"], operation(index, plain), url_name="index", include_in_schema=False)
    add("openapi.json", ["GET"], operation(openapi, plain), url_name="openapi", include_in_schema=False)
    for name, listing in page_listings().items():
        declared = DeclaredListing(name)
        operation_name = name.replace("-", "_")
        item = schemas.object_model(listing.schema_name, listing.schema)
        filters = schemas.query_model(f"{listing.schema_name}Filters", listing, since=True)
        add(
            name,
            ["GET"],
            operation(page_list(declared), filters),
            response={200: schemas.list_model(item, with_ignored=True), **ERRORS},
            operation_id=f"list_{operation_name}",
            summary=f"Published {name.replace('-', ' ')}",
            url_name=name,
        )
        add(
            f"{name}/{{id:id}}",
            ["GET"],
            operation(page_detail(declared), plain, id=int),
            response={200: item, **ERRORS},
            operation_id=f"get_{operation_name}",
            summary=f"One published {name.replace('-', ' ')} item",
            url_name=f"{name}-detail",
        )
        exported = schemas.query_model(f"{listing.schema_name}Export", listing, paged=False, since=True)
        for file_format in EXPORT_FORMATS:
            add(
                f"{name}/export.{file_format}",
                ["GET"],
                operation(page_export(declared, file_format), exported),
                response={200: str if file_format == "csv" else list[item], 400: schemas.PROBLEM, 429: schemas.PROBLEM},
                operation_id=f"export_{operation_name}_{file_format}",
                summary=f"All selected {name.replace('-', ' ')} as {file_format.upper()} (streamed)",
                url_name=f"{name}-{file_format}",
            )
    paged = schemas.query_model("Paging")
    for name, (model, represent) in TERMS.items():
        item = schemas.object_model(model.__name__, representations.TERM_SCHEMAS[model.__name__])
        add(
            name,
            ["GET"],
            operation(term_list(model, represent), paged),
            response={200: schemas.list_model(item), **ERRORS},
            operation_id=f"list_{name}",
            summary=f"The portal's {name}",
            url_name=name,
        )
    tag = schemas.object_model("Tag", representations.TERM_SCHEMAS["Tag"])
    add(
        "tags",
        ["GET"],
        operation(tag_list, paged),
        response={200: schemas.list_model(tag), **ERRORS},
        operation_id="list_tags",
        summary="Tags of published pages, with how many pages carry them",
        url_name="tags",
    )
    municipality_listing = listings.get(MUNICIPALITIES)
    municipality = schemas.object_model(municipality_listing.schema_name, municipality_listing.schema)
    add(
        MUNICIPALITIES,
        ["GET"],
        operation(municipality_list, schemas.query_model("MunicipalityFilters", municipality_listing, reported=False)),
        response={200: schemas.list_model(municipality), **ERRORS},
        operation_id=f"list_{MUNICIPALITIES}",
        summary="Dutch municipalities (CBS), with their province and safety region",
        url_name=MUNICIPALITIES,
    )
    add(
        f"{MUNICIPALITIES}/{{cbs_code}}",
        ["GET"],
        operation(municipality_detail, plain, cbs_code=str),
        response={200: municipality, **ERRORS},
        operation_id="get_municipality",
        summary="One municipality by its CBS code",
        url_name="municipality",
    )
    return api


def _invalid_parameter(request, problem):
    """A parameter the models refused: the first complaint, in the portal's words where it has them."""
    first = problem.errors[0]
    detail = first["msg"] if first.get("type") == "bad_parameter" else f"{first['loc'][-1]}: {first['msg']}"
    return problem_response(400, detail)


API = build_api()


@csrf_exempt
def moved(request, old_path):
    """Version 1.0's URLs (a trailing slash, modules.csv) redirect permanently to the same answer now."""
    new_path = current_path(old_path)
    base = request.path_info[: -len(old_path)]
    try:
        found = new_path is not None and resolve(base + new_path).url_name not in ("moved", "not_found")
    except Resolver404:
        found = False
    if not found:
        return problem_response(404, _("Niet gevonden."))
    location = request.path[: -len(old_path)] + new_path  # old query keys were renamed before (the middleware)
    return HttpResponsePermanentRedirect(f"{location}?{request.GET.urlencode()}" if request.GET else location)


@csrf_exempt
def not_found(request):
    return problem_response(404, _("Niet gevonden."))
