"""Editors' search tools in the admin: synonyms, and a report of popular queries and queries that found nothing.

Promoted pages come from wagtail.contrib.search_promotions ('Promoted search results'); its own
'Search terms' report is for superusers only, so final editors get this report.
"""

import datetime

from django.contrib.auth.decorators import permission_required
from django.db.models import Max, Sum
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.models import QueryDailyHits
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym, UnansweredQuery

REPORT_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"
REPORT_DAYS = 90
REPORT_ROWS = 100


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synoniemen")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["terms"]


register_snippet(SynonymViewSet)


@permission_required(REPORT_PERMISSION, raise_exception=True)
def search_report(request):
    since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)
    popular = (
        QueryDailyHits.objects.filter(date__gte=since)
        .values("query__query_string")
        .annotate(total=Sum("hits"), last=Max("date"))
        .order_by("-total", "query__query_string")[:REPORT_ROWS]
    )
    unanswered = (
        UnansweredQuery.objects.filter(date__gte=since)
        .values("query")
        .annotate(total=Sum("count"), last=Max("date"))
        .order_by("-total", "query")[:REPORT_ROWS]
    )
    return render(
        request, "search/admin/search_report.html", {"popular": popular, "unanswered": unanswered, "days": REPORT_DAYS}
    )


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/zoekopdrachten/", search_report, name="search_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(_("Zoekopdrachten"), reverse("search_report"), icon_name="search", order=800)
