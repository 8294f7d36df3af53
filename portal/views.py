from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from taggit.models import Tag

from . import agenda
from .health import run_checks
from .i18n import active_language_code
from .listings import PAGE_PARAM
from .numbers import parse_int
from .tags import tagged_pages


@never_cache
@require_GET
def healthz(request):
    status, http_status, checks = run_checks()
    return JsonResponse({"status": status, "checks": checks}, status=http_status)


@require_GET
def agenda_feed(request):
    """The agenda (events and module sessions) as an iCalendar feed that calendar programs subscribe to."""
    document = agenda.calendar(
        agenda.for_feed(active_language_code()),
        _("Kennisportaal Sociale Stabiliteit: agenda"),
        request.build_absolute_uri,
    )
    response = HttpResponse(document, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response


TAG_PAGE_SIZE = 20


def tag_page(request, slug):
    """Everything with one tag, across content types."""
    tag = get_object_or_404(Tag, slug=slug[:100])
    number = parse_int(request.GET.get(PAGE_PARAM, ""), 1)
    page_obj = Paginator(tagged_pages(tag), TAG_PAGE_SIZE).get_page(number)
    if not page_obj.paginator.count:
        # A tag that only drafts or private pages carry must not reveal that they exist.
        raise Http404
    return render(request, "portal/tag_page.html", {"tag": tag, "page_obj": page_obj})


ROBOTS_DISALLOWED = ["/admin/", "/django-admin/", "/inloggen/", "/leerlijnen/mijn/", "/leerlijnen/gedeeld/", "/zoeken/"]


def favicon(request):
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("portal/favicon.svg"))


def robots_txt(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED),
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """A server error: the API answers JSON whatever went wrong (its clients parse every answer); pages get
    the portal's 500 page, rendered without the request context that may itself have failed."""
    from django.views.defaults import server_error as page_error

    from portal.problems import problem_response

    if request.path.startswith("/api/"):
        return problem_response(500, "internal server error")
    return page_error(request)
