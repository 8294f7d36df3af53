"""The API's resources: which published pages each lists, with which filters, as which representation.

The filters are the overviews' own (curriculum.filters, knowledge.filters), so a selection made on
an overview page means the same in the API and its exports.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from taggit.models import Tag

from curriculum.filters import ModuleFilter
from curriculum.models import ModulePage
from knowledge.filters import CaseStudyFilter, GuidanceFilter
from knowledge.models import PROVINCES, SIZE_CLASSES, CaseStudyPage, GuidancePage, Municipality

from . import representations

UPDATED_SINCE_PARAM = "gewijzigd_sinds"


class BadParameter(ValueError):
    """A parameter the API cannot read; the message says which and why (HTTP 400)."""

    status = 400


class NotFound(BadParameter):
    status = 404


@dataclass(frozen=True)
class PageResource:
    name: str
    model: type
    filter_class: type
    represent: object
    select_related: tuple
    prefetch_related: tuple
    csv_columns: tuple

    def queryset(self, query_dict):
        """The filtered, published, public pages in a stable order (by id)."""
        page_filter = self.filter_class(query_dict, count_options=False)
        queryset = page_filter.results.order_by("pk")
        since = updated_since(query_dict)
        if since is not None:
            queryset = queryset.filter(last_published_at__gte=since)
        queryset = queryset.select_related("locale", *self.select_related).prefetch_related(*self.prefetch_related)
        return queryset, page_filter.ignored

    def detail(self, pk):
        return (
            self.model.objects.live()
            .public()
            .select_related("locale", *self.select_related)
            .prefetch_related(*self.prefetch_related)
            .filter(pk=pk)
            .first()
        )


PAGE_COLUMNS = ("id", "title", "url", "language", "intro", "first_published_at", "last_published_at")

MODULES = PageResource(
    "modules",
    ModulePage,
    ModuleFilter,
    representations.module,
    ("provider",),
    ("themes", "audiences", "tags"),
    PAGE_COLUMNS
    + ("themes", "audiences", "tags", "level", "format", "duration_minutes", "provider.name", "cost", "certificate"),
)
CASE_STUDIES = PageResource(
    "case-studies",
    CaseStudyPage,
    CaseStudyFilter,
    representations.case_study,
    ("municipality",),
    ("themes", "tags"),
    PAGE_COLUMNS
    + (
        "municipality.cbs_code",
        "municipality.name",
        "municipality.province",
        "themes",
        "tags",
        "evidence_level",
        "start_year",
        "end_year",
        "archived",
    ),
)
GUIDANCE = PageResource(
    "guidance",
    GuidancePage,
    GuidanceFilter,
    representations.guidance,
    (),
    ("themes", "audiences", "tags"),
    PAGE_COLUMNS + ("kind", "themes", "audiences", "tags", "publication_date"),
)
PAGE_RESOURCES = {resource.name: resource for resource in (MODULES, CASE_STUDIES, GUIDANCE)}


def updated_since(query_dict):
    raw = query_dict.get(UPDATED_SINCE_PARAM, "").strip()
    if not raw:
        return None
    try:
        moment = parse_datetime(raw[:40])
        day = None if moment else parse_date(raw[:40])
    except (ValueError, OverflowError):  # well-formed but impossible, such as 2026-02-30
        moment = day = None
    if day is not None:
        moment = datetime.datetime.combine(day, datetime.time.min)
    if moment is None:
        raise BadParameter(
            _("%(param)s moet een datum of tijdstip zijn, zoals 2026-01-31 of 2026-01-31T09:00:00+01:00.")
            % {"param": UPDATED_SINCE_PARAM}
        )
    if not 1900 <= moment.year <= 2200:
        # Far-off years cannot be converted between time zones; no page was published then anyway.
        raise BadParameter(_("%(param)s moet tussen 1900 en 2200 liggen.") % {"param": UPDATED_SINCE_PARAM})
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def tags_with_counts():
    """Tags of published, public pages, with how many such pages carry them (restricted pages count for nothing)."""
    counts = {}
    for model, relation in (
        (ModulePage, "curriculum_moduletag_items"),
        (CaseStudyPage, "knowledge_casestudytag_items"),
        (GuidancePage, "knowledge_guidancetag_items"),
    ):
        live = model.objects.live().public()
        rows = (
            Tag.objects.filter(**{f"{relation}__content_object__in": live})
            .annotate(pages=Count(f"{relation}__content_object", distinct=True))
            .values_list("slug", "name", "pages")
        )
        for slug, name, pages in rows:
            entry = counts.setdefault(slug, {"slug": slug, "name": name, "count": 0})
            entry["count"] += pages
    return sorted(counts.values(), key=lambda entry: entry["slug"])


def municipalities(query_dict):
    queryset = Municipality.objects.order_by("cbs_code")
    provinces = [value for value in query_dict.getlist("provincie")[:20] if value in PROVINCES]
    if provinces:
        queryset = queryset.filter(province__in=provinces)
    size_classes = {value for _bound, value, _label in SIZE_CLASSES}
    sizes = [value for value in query_dict.getlist("grootte")[:20] if value in size_classes]
    if sizes:
        queryset = queryset.filter(size_class__in=sizes)
    return queryset
