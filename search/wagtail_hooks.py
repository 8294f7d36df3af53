"""Editors' search tools in the admin: synonyms, and the queries that found nothing.

Popular queries and promoted pages come from wagtail.contrib.search_promotions (Reports > Search terms,
and the 'Promoted search results' menu).
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
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym, UnansweredQuery

REPORT_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"
REPORT_DAYS = 90


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synoniemen")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["terms"]


register_snippet(SynonymViewSet)


@permission_required(REPORT_PERMISSION, raise_exception=True)
def unanswered_queries(request):
    since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)
    rows = (
        UnansweredQuery.objects.filter(date__gte=since).values("query")
        .annotate(total=Sum("count"), last=Max("date")).order_by("-total", "query")[:200]
    )
    return render(request, "search/admin/unanswered_queries.html", {"rows": rows, "days": REPORT_DAYS})


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/zoekopdrachten-zonder-resultaat/", unanswered_queries, name="search_unanswered_queries")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(_("Zoekopdrachten zonder resultaat"), reverse("search_unanswered_queries"), icon_name="warning", order=800)
