"""Filtering the curriculum overview: parse the URL, filter, count per value, paginate.

Plain Python around querysets, so it can be tested without HTTP. Unknown or malformed values are
ignored and reported, never an error: a shared link keeps working after a value is renamed.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from portal.models import Audience, Theme

from .models import ModulePage, Provider

PAGE_SIZE = 12
MAX_VALUES_PER_FACET = 20
MAX_VALUE_LENGTH = 100
MAX_REPORTED_IGNORED = 10


@dataclass
class FacetOption:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    param: str
    label: str
    field: str  # the lookup that holds the option's value
    options: list = field(default_factory=list)

    @property
    def selected_options(self):
        return [option for option in self.options if option.selected]


def facet_definitions():
    """The overview's facets with their options (three queries, however many modules)."""
    return [
        Facet("thema", _("Thema"), "themes__slug",
              [FacetOption(theme.slug, theme.display_name) for theme in Theme.objects.all()]),
        Facet("doelgroep", _("Doelgroep"), "audiences__slug",
              [FacetOption(audience.slug, audience.display_name) for audience in Audience.objects.all()]),
        Facet("niveau", _("Niveau"), "level", [FacetOption(value, label) for value, label in ModulePage.LEVELS]),
        Facet("vorm", _("Vorm"), "format", [FacetOption(value, label) for value, label in ModulePage.FORMATS]),
        Facet("aanbieder", _("Aanbieder"), "provider__slug",
              [FacetOption(provider.slug, str(provider)) for provider in Provider.objects.all()]),
    ]


def parse_selection(query_dict, facets):
    """Split the URL's values into known selections per facet and ignored values."""
    selection, ignored = {}, []
    for facet in facets:
        known = {option.value for option in facet.options}
        raw_values = query_dict.getlist(facet.param)
        for position, raw in enumerate(raw_values):
            value = raw.strip()
            if position >= MAX_VALUES_PER_FACET or len(value) > MAX_VALUE_LENGTH or value not in known:
                if value and (facet.label, value[:40]) not in ignored and len(ignored) < MAX_REPORTED_IGNORED:
                    ignored.append((facet.label, value[:40]))
                continue
            if value not in selection.get(facet.param, ()):
                selection.setdefault(facet.param, []).append(value)
    return selection, ignored


def apply_selection(queryset, facets, selection, skip=None):
    """Values within one facet widen the result (OR); different facets narrow it (AND)."""
    for facet in facets:
        values = selection.get(facet.param)
        if not values or facet.param == skip:
            continue
        matching = ModulePage.objects.filter(**{f"{facet.field}__in": values}).values("pk")
        queryset = queryset.filter(pk__in=matching)
    return queryset


class ModuleFilter:
    def __init__(self, query_dict):
        self.query_dict = query_dict
        self.facets = facet_definitions()
        self.selection, self.ignored = parse_selection(query_dict, self.facets)
        self.base = ModulePage.objects.live().public()
        self._count_options()

    def _count_options(self):
        # Each facet counts with the other facets applied, so a visitor sees what choosing a
        # value would give (one query per facet).
        for facet in self.facets:
            scoped = apply_selection(self.base, self.facets, self.selection, skip=facet.param)
            counts = dict(
                scoped.order_by().values_list(facet.field).annotate(n=Count("pk", distinct=True)).values_list(facet.field, "n")
            )
            chosen = set(self.selection.get(facet.param, ()))
            for option in facet.options:
                option.count = counts.get(option.value, 0)
                option.selected = option.value in chosen

    @property
    def results(self):
        return (
            apply_selection(self.base, self.facets, self.selection)
            .select_related("provider")
            .prefetch_related("themes")
            .order_by("title")
        )

    @property
    def page(self):
        return Paginator(self.results, PAGE_SIZE).get_page(self.query_dict.get("pagina"))

    @property
    def is_filtered(self):
        return bool(self.selection)
