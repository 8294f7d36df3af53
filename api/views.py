"""The open-data API (/api/v1/): read-only JSON, paginated, CORS for GET, rate limited; streaming exports."""

import functools
import hashlib
import json

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse, StreamingHttpResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from portal import caching, listings
from portal.listings import LANGUAGE_PARAM, PAGE_PARAM, PAGE_SIZE_PARAM
from portal.models import Audience, Theme
from portal.numbers import parse_int
from portal.problems import problem_response
from portal.ratelimit import is_limited
from portal.spreadsheets import csv_download

from . import representations
from .openapi import openapi_document
from .resources import (
    DEFAULT_PAGE_SIZE,
    EXPORT_FORMATS,
    MAX_PAGE_SIZE,
    MUNICIPALITIES,
    BadParameter,
    NotFound,
    current_path,
    find_municipality,
    municipalities,
    page_listings,
    page_queryset,
    published_page,
    renamed_query,
    tags_with_counts,
)

EXPORT_CHUNK_SIZE = 500
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def error(status, message):
    return problem_response(status, message)


def api_endpoint(view):
    """Read-only, CORS for everyone on GET, rate limited per client address, errors as JSON."""

    @csrf_exempt  # nothing here changes anything; a POST gets a 405, not a CSRF page
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in READ_METHODS:
            response = error(405, _("De API is alleen te lezen (GET)."))
            response["Allow"] = ", ".join(READ_METHODS)
            return response
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif is_limited(request, "api", *settings.API_RATE_LIMIT):
            response = error(429, _("Te veel verzoeken; probeer het over een minuut opnieuw."))
            response["Retry-After"] = str(settings.API_RATE_LIMIT[1])
        else:
            language = request.GET.get(LANGUAGE_PARAM, "nl")
            renamed = renamed_query(request.GET)
            if renamed is not None:
                response = HttpResponsePermanentRedirect(f"{request.path}?{renamed.urlencode()}")
            elif language not in dict(settings.LANGUAGES):
                response = error(400, _("%(param)s moet nl of en zijn.") % {"param": LANGUAGE_PARAM})
            else:
                response = answer(request, language, view, args, kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
        response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
        response["Access-Control-Max-Age"] = "86400"
        # Every request counts towards its client's rate limit: never answered from the shared page cache.
        patch_cache_control(response, private=True)
        return response

    return wrapper


API_CACHE_TIMEOUT = 600  # a safety net: publishing renews the answers that list or show what changed


def answer(request, language, view, args, kwargs):
    """The view's answer, from the shared cache when the same URL was answered since nothing it shows changed
    (portal.caching; the rate limit above still counts every request). Exports stream and are not kept."""
    key = f"api:{hashlib.sha256(request.get_full_path().encode()).hexdigest()[:40]}"
    stored = caching.get(key)
    if stored is not None:
        content, content_type = stored
        return HttpResponse(content, content_type=content_type)
    with caching.building() as dependencies:
        try:
            with translation.override(language):
                response = view(request, *args, **kwargs)
        except BadParameter as problem:
            return error(problem.status, str(problem))
    if response.status_code == 200 and not response.streaming and request.method == "GET":
        caching.put(key, (response.content, response["Content-Type"]), dependencies, API_CACHE_TIMEOUT)
    return response


def json_response(data, status=200):
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def positive_int(query_dict, param, default, maximum=None):
    raw = query_dict.get(param, "")
    if raw == "":
        return default
    value = parse_int(raw, minimum=1, maximum=999_999_999)
    if value is None:
        raise BadParameter(_("%(param)s moet een heel getal van 1 of meer zijn.") % {"param": param})
    if maximum is not None and value > maximum:
        raise BadParameter(_("%(param)s is hoogstens %(maximum)d.") % {"param": param, "maximum": maximum})
    return value


def paginated(request, items, represent):
    """The list envelope: count, page links and the page's results."""
    page_size = positive_int(request.GET, PAGE_SIZE_PARAM, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    number = positive_int(request.GET, PAGE_PARAM, 1)
    paginator = Paginator(items, page_size, allow_empty_first_page=True)
    try:
        page = paginator.page(number)
    except EmptyPage:
        raise NotFound(
            _("Pagina %(number)d bestaat niet (de laatste is %(pages)d).")
            % {"number": number, "pages": paginator.num_pages}
        ) from None

    def link(to):
        query = request.GET.copy()
        query[PAGE_PARAM] = str(to)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": paginator.count,
        "page": number,
        "page_size": page_size,
        "next": link(number + 1) if page.has_next() else None,
        "previous": link(number - 1) if page.has_previous() else None,
        "results": [represent(item) for item in page.object_list],
    }


@api_endpoint
def index(request):
    return json_response(
        {
            "openapi": request.build_absolute_uri(reverse("api:openapi")),
            "resources": {
                name: request.build_absolute_uri(reverse(f"api:{name}"))
                for name in (*page_listings(), "themes", "audiences", "tags", MUNICIPALITIES)
            },
        }
    )


@api_endpoint
def openapi(request):
    return json_response(openapi_document(request.build_absolute_uri("/api/v1")))


@api_endpoint
def page_list(request, resource_name):
    listing = listings.get(resource_name)
    queryset, ignored = page_queryset(listing, request.GET)
    data = paginated(request, queryset, lambda page: listing.represent(page, request))
    data["ignored"] = [{"filter": str(label), "value": value} for label, value in ignored]
    return json_response(data)


@api_endpoint
def page_detail(request, resource_name, pk):
    listing = listings.get(resource_name)
    page = published_page(listing, pk)  # <id:pk> is at most 18 digits: any database compares it
    if page is None:
        return error(404, _("Niet gevonden."))
    return json_response(listing.represent(page, request))


@api_endpoint
def theme_list(request):
    return json_response(paginated(request, Theme.objects.order_by("sort_order", "name"), representations.theme))


@api_endpoint
def audience_list(request):
    return json_response(
        paginated(request, Audience.objects.order_by("sort_order", "name"), representations.taxonomy_term)
    )


@api_endpoint
def tag_list(request):
    return json_response(paginated(request, tags_with_counts(), lambda entry: entry))


@api_endpoint
def municipality_list(request):
    listing = listings.get(MUNICIPALITIES)
    return json_response(paginated(request, municipalities(request.GET), lambda item: listing.represent(item, request)))


@api_endpoint
def municipality_detail(request, cbs_code):
    found = find_municipality(cbs_code)
    if found is None:
        return error(404, _("Niet gevonden."))
    return json_response(listings.get(MUNICIPALITIES).represent(found, request))


# Exports: the same selection as the overview, every row, streamed in chunks so memory stays flat.


@api_endpoint
def page_export(request, resource_name, file_format):
    listing = listings.get(resource_name)
    queryset, _ignored = page_queryset(listing, request.GET)
    # iterator() with a chunk size keeps the prefetches and never holds more than one chunk of pages.
    pages = queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE)
    language = translation.get_language()

    def represented():
        # A streaming response is consumed after the view returns: keep the request's language.
        with translation.override(language):
            for page in pages:
                yield listing.represent(page, request)

    filename = f"{resource_name}.{file_format}"
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


@api_endpoint
def moved(request, old_path):
    """Version 1.0's URLs (a trailing slash, modules.csv) redirect permanently to the same answer now."""
    new_path = current_path(old_path)
    base = request.path_info[: -len(old_path)]
    try:
        found = new_path is not None and resolve(base + new_path).url_name not in ("moved", "not_found")
    except Resolver404:
        found = False
    if not found:
        return error(404, _("Niet gevonden."))
    location = request.path[: -len(old_path)] + new_path  # old query keys were renamed before (api_endpoint)
    return HttpResponsePermanentRedirect(f"{location}?{request.GET.urlencode()}" if request.GET else location)


@api_endpoint
def not_found(request):
    return error(404, _("Niet gevonden."))
