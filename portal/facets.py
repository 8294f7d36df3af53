"""Faceted filtering for overview pages: parse the URL, filter, count per value, paginate.

Plain Python around querysets, so it can be tested without HTTP. Unknown or malformed values are
ignored and reported, never an error: a shared link keeps working after a value is renamed.
Values within one facet widen the result (OR); different facets narrow it (AND).
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count

from .numbers import parse_int

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


def parse_selection(query_dict, facets):
    """Split the URL's values into known selections per facet and ignored values."""
    selection, ignored = {}, []
    for facet in facets:
        known = {option.value for option in facet.options}
        for position, raw in enumerate(query_dict.getlist(facet.param)):
            value = raw.strip()
            if position >= MAX_VALUES_PER_FACET or len(value) > MAX_VALUE_LENGTH or value not in known:
                if value and (facet.label, value[:40]) not in ignored and len(ignored) < MAX_REPORTED_IGNORED:
                    ignored.append((facet.label, value[:40]))
                continue
            if value not in selection.get(facet.param, ()):
                selection.setdefault(facet.param, []).append(value)
    return selection, ignored


def apply_selection(queryset, facets, selection, skip=None):
    for facet in facets:
        values = selection.get(facet.param)
        if not values or facet.param == skip:
            continue
        # A subquery, so that many-to-many lookups never duplicate rows.
        matching = queryset.model.objects.filter(**{f"{facet.field}__in": values}).values("pk")
        queryset = queryset.filter(pk__in=matching)
    return queryset


class FacetedFilter:
    """Subclasses give ``facet_definitions()``, ``base_queryset()`` and ``result_queryset()``."""

    page_size = 12
    page_param = "pagina"

    def __init__(self, query_dict, count_options=True):
        self.query_dict = query_dict
        self.facets = self.facet_definitions()
        self.selection, self.ignored = parse_selection(query_dict, self.facets)
        self.base = self.narrow(self.base_queryset())
        if count_options:  # exports and the API need the results only
            self._count_options()

    def facet_definitions(self):
        raise NotImplementedError

    def base_queryset(self):
        raise NotImplementedError

    def narrow(self, queryset):
        """Filters beyond the facets (such as 'municipalities like mine'); none by default."""
        return queryset

    def result_queryset(self, queryset):
        return queryset

    def _count_options(self):
        # Each facet counts with the other facets applied, so a visitor sees what choosing a value
        # would give (one query per facet, however much content there is).
        for facet in self.facets:
            scoped = apply_selection(self.base, self.facets, self.selection, skip=facet.param)
            rows = (
                scoped.order_by()
                .values_list(facet.field)
                .annotate(n=Count("pk", distinct=True))
                .values_list(facet.field, "n")
            )
            counts = {str(value): n for value, n in rows}  # URL values are strings; some fields are not
            chosen = set(self.selection.get(facet.param, ()))
            for option in facet.options:
                option.count = counts.get(option.value, 0)
                option.selected = option.value in chosen

    @property
    def results(self):
        return self.result_queryset(apply_selection(self.base, self.facets, self.selection))

    @property
    def page(self):
        # Django's paginator reads '٣' as 3; only ASCII digits count, anything else is the first page.
        return Paginator(self.results, self.page_size).get_page(parse_int(self.query_dict.get(self.page_param, ""), 1))

    @property
    def is_filtered(self):
        return bool(self.selection)
