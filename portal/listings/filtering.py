"""Filtering an overview by the URL: the one facet parser, counts per option, the results, what was chosen."""

import dataclasses

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponsePermanentRedirect, QueryDict
from django.http.response import MAX_URL_REDIRECT_LENGTH

from .. import caching
from ..i18n import active_language_code, in_locale
from ..numbers import parse_int
from .facets import Facet

PAGE_PARAM = "pagina"
PAGE_SIZE_PARAM = "perPagina"  # the open-data API (lower camelCase, as the API Design Rules ask)
LANGUAGE_PARAM = "taal"  # the open-data API (the pages themselves have their language in the path)
MAX_VALUES_PER_FACET = 20
MAX_VALUE_LENGTH = 100
MAX_REPORTED_IGNORED = 10
# An overview's options, counts and pages, from the shared cache: renewed when a page of the listing's type
# or the vocabulary changes (portal.caching), so an overview never counts or sorts every page per request.
OPTIONS = caching.Entry("listing-options", ("listing", "language"), timeout=3600)
COUNTS = caching.Entry("listing-counts", ("listing", "language", "selection"), timeout=3600, hashed=True)
PAGE_IDS = caching.Entry("listing-page", ("listing", "language", "selection", "page"), timeout=3600, hashed=True)
SHOWN_IGNORED_LENGTH = 40


@dataclasses.dataclass
class FacetOption:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclasses.dataclass
class FacetChoices:
    """A facet as an overview shows it: its options with counts and what is chosen."""

    facet: Facet
    options: list

    @property
    def param(self):
        return self.facet.param

    @property
    def label(self):
        return self.facet.label

    @property
    def selected_options(self):
        return [option for option in self.options if option.selected]


def renamed_query(query_dict, renamed):
    """The query with earlier keys under their current names (`renamed`: {earlier: current}), or None when
    it has none of them: a shared link keeps working, by a permanent redirect, after a parameter is renamed."""
    if not any(old in query_dict for old in renamed):
        return None
    current = QueryDict(mutable=True)
    for key, values in query_dict.lists():
        key = renamed.get(key, key)
        current.setlist(key, current.getlist(key) + values)
    return current


def redirect_to_current(request, renamed):
    """A permanent redirect to this address with earlier keys under their current names; None when it has
    none, or when the new address would be longer than a redirect may be (the earlier keys are then ignored,
    as unknown keys are)."""
    current = renamed_query(request.GET, renamed)
    if current is None:
        return None
    location = f"{request.path}?{current.urlencode()}"
    return HttpResponsePermanentRedirect(location) if len(location) <= MAX_URL_REDIRECT_LENGTH else None


def former_params(facets):
    """{earlier name: current name} of these facets' parameters."""
    return {old: facet.param for facet in facets for old in facet.former_params}


def parse_selection(query_dict, facets, known):
    """The one reading of facet values from a URL, for the overviews, the API and the search page alike.

    Per facet the distinct values that exist, in the URL's order; `known(facet, values)` says which of
    `values` exist. Everything else is ignored and reported as (label, value): unknown values, values past
    MAX_VALUES_PER_FACET and values longer than MAX_VALUE_LENGTH (dropped, never cut to something else), at
    most MAX_REPORTED_IGNORED of them, each shown cut to SHOWN_IGNORED_LENGTH characters.
    """
    selection, ignored = {}, []

    def report(facet, value):
        entry = (facet.label, value[:SHOWN_IGNORED_LENGTH])
        if entry not in ignored and len(ignored) < MAX_REPORTED_IGNORED:
            ignored.append(entry)

    for facet in facets:
        asked = [
            (value, position < MAX_VALUES_PER_FACET and len(value) <= MAX_VALUE_LENGTH)
            for position, value in enumerate(raw.strip() for raw in query_dict.getlist(facet.param))
            if value
        ]
        readable = list(dict.fromkeys(value for value, within_limits in asked if within_limits))
        existing = known(facet, readable) if readable else ()
        for value, within_limits in asked:  # in the URL's order
            if not (within_limits and value in existing):
                report(facet, value)
            elif value not in selection.get(facet.param, ()):
                selection.setdefault(facet.param, []).append(value)
    return selection, ignored


def apply_selection(queryset, facets, selection, skip=None):
    for facet in facets:
        values = selection.get(facet.param)
        if not values or facet.param == skip:
            continue
        # A subquery, so that many-to-many lookups never duplicate rows.
        matching = queryset.model.objects.filter(**{f"{facet.lookup}__in": values}).values("pk")
        queryset = queryset.filter(pk__in=matching)
    return queryset


class ListingFilter:
    """A listing filtered by the URL: selection, counts per option, results in the listing's order, pages.

    Subclasses may narrow the pages beyond the facets (`narrow`, such as 'municipalities like mine').
    """

    def __init__(self, listing, query_dict, count_options=True):
        self.listing = listing
        self.query_dict = query_dict
        live = listing.live()
        self.language = active_language_code()
        options = self._cached(
            OPTIONS,
            lambda: [[tuple(map(str, pair)) for pair in facet.options(live)] for facet in listing.facets],
        )
        self.facets = [
            FacetChoices(facet, [FacetOption(*pair) for pair in pairs])
            for facet, pairs in zip(listing.facets, options, strict=True)
        ]
        known = {choices.param: {option.value for option in choices.options} for choices in self.facets}
        self.selection, self.ignored = parse_selection(query_dict, listing.facets, lambda facet, _v: known[facet.param])
        self.base = self.narrow(in_locale(live) if listing.is_pages else live)
        self.total = None
        self.selection_key = repr((sorted(self.selection.items()), self.carried_parameters))
        if count_options:  # exports and the API need the results only
            counts, self.total = self._cached(COUNTS, self._count_options, selection=self.selection_key)
            for choices in self.facets:
                chosen = set(self.selection.get(choices.param, ()))
                for option in choices.options:
                    option.count = counts[choices.param].get(option.value, 0)
                    option.selected = option.value in chosen

    def narrow(self, queryset):
        return queryset

    def _cached(self, entry, build, **parts):
        def recorded():
            caching.record_listing(self.listing.model)  # renewed when a page of this type is published
            return build()

        return entry.get_or_build(recorded, listing=self.listing.name, language=self.language, **parts)

    @property
    def carried_parameters(self):
        """(name, value) the filter form keeps beyond the facets (a narrowing chosen in another form)."""
        return []

    def _count_options(self):
        """({param: {value: count}}, total): each facet counts with the other facets applied, so a visitor sees
        what choosing a value would give (one query per facet, however much content there is)."""
        counts = {}
        for choices in self.facets:
            facet = choices.facet
            scoped = apply_selection(self.base, self.listing.facets, self.selection, skip=facet.param)
            rows = (
                scoped.order_by()
                .values_list(facet.lookup)
                .annotate(n=Count("pk", distinct=True))
                .values_list(facet.lookup, "n")
            )
            counts[facet.param] = {str(value): n for value, n in rows}  # URL values are strings; some fields are not
        return counts, apply_selection(self.base, self.listing.facets, self.selection).count()

    @property
    def results(self):
        listing = self.listing
        return (
            apply_selection(self.base, listing.facets, self.selection)
            .select_related(*listing.select_related)
            .prefetch_related(*listing.prefetch_related)
            .order_by(*listing.order)
        )

    @property
    def page(self):
        # Django's paginator reads '٣' as 3; only ASCII digits count, anything else is the first page.
        number = parse_int(self.query_dict.get(PAGE_PARAM, ""), 1)
        paginator = Paginator(self.results, self.listing.page_size)
        if self.total is None:
            return paginator.get_page(number)
        paginator.count = self.total  # counted with the facets, in the shared cache
        page = paginator.get_page(number)
        # Which pages are on it, from the shared cache too: sorting thousands of matches per request is what
        # made overviews slow as content grew. Then the page's own rows by primary key, in that order.
        ids = self._cached(
            PAGE_IDS,
            lambda: list(
                apply_selection(self.base, self.listing.facets, self.selection)
                .order_by(*self.listing.order)
                .values_list("pk", flat=True)[page.start_index() - 1 if self.total else 0 : page.end_index()]
            ),
            selection=self.selection_key,
            page=page.number,
        )
        listing = self.listing
        rows = self.listing.model.objects.filter(pk__in=ids)
        if listing.is_pages:
            rows = rows.live()  # a page unpublished a moment ago renews the entry; this is the second lock
        rows = {
            row.pk: row
            for row in rows.select_related(*listing.select_related).prefetch_related(*listing.prefetch_related)
        }
        page.object_list = [rows[pk] for pk in ids if pk in rows]
        return page

    @property
    def extra_choices(self):
        """(param, value, filter label, label) chosen beyond the facets, shown and removable like them."""
        return []

    @property
    def is_filtered(self):
        return bool(self.selection)


# What a visitor chose, shown above the results (overviews and search).


@dataclasses.dataclass(frozen=True)
class AppliedChoice:
    """One chosen filter value, and the query string of the same URL without it (and on its first page)."""

    facet_label: str
    label: str
    remove_query: str


@dataclasses.dataclass(frozen=True)
class AppliedFacet:
    """Every chosen value of one filter, and the query string without that filter: the way out of zero results."""

    label: str
    values: tuple
    remove_query: str


def _without(query_dict, param, value=None):
    query = query_dict.copy()
    query.pop(PAGE_PARAM, None)
    if value is None:
        query.pop(param, None)
    else:
        query.setlist(param, [raw for raw in query.getlist(param) if raw.strip() != value])
    return query.urlencode()


def applied_choices(query_dict, facets, extra=()):
    """(choices, facets): what is chosen in `facets` (objects with `param`, `label` and `options` that have
    `value`, `label`, `selected`), plus `extra` (param, value, facet label, label) chosen outside them, each
    with the query string that drops it."""
    choices, per_facet = [], []
    for facet in facets:
        chosen = [option for option in facet.options if option.selected]
        for option in chosen:
            choices.append(
                AppliedChoice(str(facet.label), option.label, _without(query_dict, facet.param, option.value))
            )
        if chosen:
            labels = tuple(option.label for option in chosen)
            per_facet.append(AppliedFacet(str(facet.label), labels, _without(query_dict, facet.param)))
    for param, value, facet_label, label in extra:
        choices.append(AppliedChoice(str(facet_label), str(label), _without(query_dict, param, value)))
        per_facet.append(AppliedFacet(str(facet_label), (str(label),), _without(query_dict, param)))
    return choices, per_facet
