"""Listings: each content type's overview declared once.

A `Listing` names the model, its facets, its order and its fields. That one declaration drives the
overview page's filters and counts (`ListingFilter`), the open-data API's parameters, representations,
OpenAPI description and exports (the api app), the search page's facet labels (the search app, through
the shared facets) and what theme and audience pages gather (`gathered`). Content apps declare their
listings in their own `listings.py`; this module imports none of them: they register themselves when
their app is ready, and `portal.checks` verifies every declaration when Django starts.

Unknown or malformed filter values are ignored and reported, never an error: a shared link keeps
working after a value is renamed. Values within one facet widen the result (OR); different facets
narrow it (AND).
"""

import dataclasses
import hashlib
from collections.abc import Callable

from django.core.paginator import Paginator
from django.db.models import Count
from taggit.models import Tag
from wagtail.models import Page

from . import caching
from .i18n import active_language_code, in_locale, language_code_of
from .numbers import parse_int

PAGE_PARAM = "pagina"
PAGE_SIZE_PARAM = "perPagina"  # the open-data API (lower camelCase, as the API Design Rules ask)
LANGUAGE_PARAM = "taal"  # the open-data API (the pages themselves have their language in the path)
MAX_VALUES_PER_FACET = 20
MAX_VALUE_LENGTH = 100
MAX_REPORTED_IGNORED = 10
SHOWN_IGNORED_LENGTH = 40

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}  # OpenAPI 3.1: JSON Schema's own null
SLUGS = {"type": "array", "items": STRING}
DATE_TIME = {"type": ["string", "null"], "format": "date-time"}


# Facets: the vocabulary of the filters.


@dataclasses.dataclass(frozen=True)
class Facet:
    """One filter: its URL parameter (Dutch, what visitors share), label, and the lookup holding the value.

    `options(live)` lists (value, label) for an overview of the live pages `live`; `labels(values)` labels
    those of `values` that exist (the search page's facets). `description` is for the API's documentation.
    """

    param: str
    label: str
    lookup: str
    description: str

    @property
    def schema(self):
        return STRING

    def options(self, live):
        raise NotImplementedError

    def labels(self, values):
        raise NotImplementedError

    def on(self, lookup):
        """The same vocabulary held by another field (a page with one theme rather than several)."""
        return dataclasses.replace(self, lookup=lookup)

    def through(self, relation):
        """The same vocabulary on a related object (a case study's municipality's province)."""
        return dataclasses.replace(self, lookup=f"{relation}__{self.lookup}")


@dataclasses.dataclass(frozen=True)
class TermFacet(Facet):
    """A taxonomy term by slug (theme, audience, domain, provider)."""

    model: type = None
    key: str = "slug"

    @property
    def relation(self):
        """The page's field that points at the term: what theme and audience pages gather through."""
        return self.lookup.rsplit("__", 1)[0]

    def _label(self, term):
        return str(getattr(term, "display_name", term))

    def options(self, live):
        return [(str(getattr(term, self.key)), self._label(term)) for term in self.model.objects.all()]

    def labels(self, values):
        terms = self.model.objects.filter(**{f"{self.key}__in": [str(value) for value in values]})
        return {str(getattr(term, self.key)): self._label(term) for term in terms}


@dataclasses.dataclass(frozen=True)
class ChoiceFacet(Facet):
    """A fixed list of (value, label) pairs, such as a model field's choices."""

    choices: tuple = ()

    @property
    def schema(self):
        return {"type": "string", "enum": [str(value) for value, _label in self.choices]}

    def options(self, live):
        return [(str(value), str(label)) for value, label in self.choices]

    def labels(self, values):
        known = dict(self.options(None))
        return {str(value): known[str(value)] for value in values if str(value) in known}


@dataclasses.dataclass(frozen=True)
class TagFacet(Facet):
    """The tags the live pages carry, by slug."""

    def options(self, live):
        tags = Tag.objects.filter(pk__in=live.values(self.lookup.rsplit("__", 1)[0])).order_by("name")
        return list(tags.values_list("slug", "name"))

    def labels(self, values):
        return dict(Tag.objects.filter(slug__in=[str(value) for value in values]).values_list("slug", "name"))


@dataclasses.dataclass(frozen=True)
class ValueFacet(Facet):
    """The distinct values the live pages have (a start year, a safety region), newest or first first."""

    label_lookup: str = ""
    descending: bool = False

    def options(self, live):
        label_lookup = self.label_lookup or self.lookup
        rows = (
            live.exclude(**{f"{self.lookup}__isnull": True})
            .order_by(("-" if self.descending else "") + self.lookup)
            .values_list(self.lookup, label_lookup)
            .distinct()
        )
        return [(str(value), str(label or value)) for value, label in rows if value != ""]

    def through(self, relation):
        facet = super().through(relation)
        return dataclasses.replace(facet, label_lookup=f"{relation}__{self.label_lookup}" if self.label_lookup else "")

    def labels(self, values):
        return {str(value): str(value) for value in values}


# Fields: what the API, its description and the exports say about one item.


@dataclasses.dataclass(frozen=True)
class Field:
    """One property of an item in the API: its name, OpenAPI schema and how to read it from a page.

    `columns` are its CSV columns: ("",) is the field itself, () leaves it out of the export, and names
    such as ("cbs_code", "name") export those parts of a nested object.
    """

    name: str
    schema: dict
    read: Callable
    columns: tuple = ("",)


def _iso(value):
    return value.isoformat() if value else None


def attribute(name, schema, columns=("",), convert=None):
    def read(item, request):
        value = getattr(item, name)
        return convert(value) if convert else value

    return Field(name, schema, read, columns)


def choice(name, choices):
    return attribute(name, {"type": "string", "enum": [str(value) for value, _label in choices]})


def term_slugs(name):
    return Field(name, SLUGS, lambda item, request: [term.slug for term in getattr(item, name).all()])


def tag_slugs():
    return Field("tags", SLUGS, lambda item, request: sorted(tag.slug for tag in item.tags.all()))


def nested(name, fields, columns=()):
    properties = {field.name: field.schema for field in fields}
    return Field(
        name,
        openapi_object(properties),
        lambda item, request: {field.name: field.read(getattr(item, name), request) for field in fields},
        columns,
    )


def openapi_object(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }


PAGE_FIELDS = (
    Field(
        "id",
        {"type": "integer", "description": "Stable id of the page (the same for its whole life)."},
        lambda page, request: page.pk,
    ),
    attribute("title", STRING),
    Field("url", {"type": "string", "format": "uri"}, lambda page, request: page.get_full_url(request)),
    Field(
        "language",
        {"type": "string", "enum": ["nl", "en"]},
        lambda page, request: page.locale.language_code,
    ),
    Field(
        "translation_key",
        {"type": "string", "format": "uuid", "description": "Shared by a page and its translations."},
        lambda page, request: str(page.translation_key),
        columns=(),
    ),
    attribute("intro", STRING),
    attribute("first_published_at", DATE_TIME, convert=_iso),
    attribute("last_published_at", DATE_TIME, convert=_iso),
)


# Listings.


_REGISTRY = {}


@dataclasses.dataclass(frozen=True)
class OnHome:
    """The home page shows a listing's newest pages: under which heading, in which order, how many, and a line
    about each (`describe(page)`, optional)."""

    heading: str
    order: tuple = ("-first_published_at", "-pk")
    count: int = 3
    describe: Callable = None


@dataclasses.dataclass(frozen=True)
class Listing:
    """A content type's overview: which pages, filtered by which facets, in which order, with which fields.

    `name` is the API's resource name; `schema_name` its item in the OpenAPI description; `gathered_as`
    the context name under which theme and audience pages list these pages (empty: they do not).
    """

    name: str
    schema_name: str
    model: type
    facets: tuple
    order: tuple
    fields: tuple = ()
    select_related: tuple = ()
    prefetch_related: tuple = ()
    page_size: int = 12
    filter_class: type = None
    gathered_as: str = ""
    in_api: bool = True
    on_home: OnHome = None

    @property
    def is_pages(self):
        return hasattr(self.model.objects, "live")

    def live(self):
        """What may be listed: published, public pages (or every row of reference data)."""
        caching.record_listing(self.model)  # a cached page showing this listing is renewed when one is published
        return self.model.objects.live().public() if self.is_pages else self.model.objects.all()

    def filter(self, query_dict, count_options=True):
        return (self.filter_class or ListingFilter)(self, query_dict, count_options=count_options)

    def facet(self, param):
        return next(facet for facet in self.facets if facet.param == param)

    def represent(self, item, request):
        return {field.name: field.read(item, request) for field in self.fields}

    @property
    def csv_columns(self):
        return tuple(f"{field.name}.{part}" if part else field.name for field in self.fields for part in field.columns)

    @property
    def schema(self):
        return openapi_object({field.name: field.schema for field in self.fields})

    def term_facet(self, model):
        """The facet through which these pages point at terms of `model` (Theme, Audience), if any."""
        return next((f for f in self.facets if isinstance(f, TermFacet) and f.model is model), None)


def register(listing):
    """Declare a listing to the portal (overview pages, the API, theme pages find it by name); returns it."""
    _REGISTRY[listing.name] = listing
    return listing


def registered():
    """Every declared listing, in the order the apps declared them."""
    return list(_REGISTRY.values())


def get(name):
    """A declared listing by name; a KeyError names the listing that does not exist."""
    return _REGISTRY[name]


def gathered(terms, locale_id, limit):
    """The live pages of every listing that points at these terms (themes, audiences), per listing.

    A page with two of the terms is listed once; each page once, in the language asked for (see
    portal.i18n.in_locale). A relation that is wrong raises: theme pages never empty silently.
    """
    terms = list(terms)
    result = {}
    for listing in registered():
        if not listing.gathered_as or not terms:
            continue
        facet = listing.term_facet(type(terms[0]))
        if facet is None:
            continue

        def first_ids(listing=listing, facet=facet):
            caching.record_listing(listing.model)
            matching = listing.live().filter(**{f"{facet.relation}__in": terms}).values("pk")
            pages = in_locale(listing.model.objects.filter(pk__in=matching), locale_id)
            return list(pages.order_by(*listing.order).values_list("pk", flat=True)[:limit])

        # Which pages, from the shared cache (renewed when a page of the listing's type is published): ordering
        # thousands of matches per visit is what made theme pages slow as content grew. Then their rows by key.
        terms_key = ",".join(str(term.pk) for term in terms)
        key = f"gathered:{listing.name}:{type(terms[0]).__name__}:{terms_key}:{locale_id}:{limit}"
        ids = caching.get_or_build(key, first_ids, GATHERED_TIMEOUT)
        rows = {row.pk: row for row in listing.model.objects.filter(pk__in=ids).live().select_related("locale")}
        result[listing.gathered_as] = [rows[pk] for pk in ids if pk in rows]
    return result


GATHERED_TIMEOUT = 3600  # a safety net: publishing renews them


def newest(locale_id, request=None):
    """The newest live pages of every listing shown on the home page, as plain values: [{heading, url, overview,
    items}] (`url` and `overview`: the overview page they are in; each item: title, url, intro, description)."""
    found = []
    for listing in registered():
        on_home = listing.on_home
        if on_home is None:
            continue
        pages = in_locale(listing.live(), locale_id).select_related(*listing.select_related)
        pages = list(pages.order_by(*on_home.order)[: on_home.count])
        if pages:
            found.append((on_home, pages))
    # Each section links the overview its pages are in: their parents, in one query.
    parent_paths = [pages[0].path[: -pages[0].steplen] for _on_home, pages in found]
    parents = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
    # The overview in the page's language where it has one (a Dutch issue under the English e-zine overview).
    keys = [parent.translation_key for parent in parents.values()]
    translated = {
        page.translation_key: page for page in Page.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    parents = {path: translated.get(parent.translation_key, parent) for path, parent in parents.items()}
    sections = []
    for (on_home, pages), parent_path in zip(found, parent_paths, strict=True):
        parent = parents[parent_path]
        items = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "intro": page.intro,
                "description": on_home.describe(page) if on_home.describe else "",
                "language": language_code_of(page.locale_id),
            }
            for page in pages
        ]
        sections.append(
            {
                "heading": str(on_home.heading),
                "url": parent.get_url(request),
                "overview": parent.title,
                "language": language_code_of(parent.locale_id),
                "items": items,
            }
        )
    return sections


# Filtering an overview.


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

    # Options and counts come from the shared cache, renewed when a page of the listing's type or the
    # vocabulary changes (portal.caching): an overview never counts every page per request.
    COUNTS_TIMEOUT = 3600

    def __init__(self, listing, query_dict, count_options=True):
        self.listing = listing
        self.query_dict = query_dict
        live = listing.live()
        self.language = language = active_language_code()
        options = self._cached(
            f"listing-options:{listing.name}:{language}",
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
        what = repr((sorted(self.selection.items()), self.carried_parameters)).encode()
        self.selection_key = f"{listing.name}:{language}:{hashlib.sha256(what).hexdigest()[:32]}"
        if count_options:  # exports and the API need the results only
            counts, self.total = self._cached(f"listing-counts:{self.selection_key}", self._count_options)
            for choices in self.facets:
                chosen = set(self.selection.get(choices.param, ()))
                for option in choices.options:
                    option.count = counts[choices.param].get(option.value, 0)
                    option.selected = option.value in chosen

    def narrow(self, queryset):
        return queryset

    def _cached(self, key, build):
        def recorded():
            caching.record_listing(self.listing.model)  # renewed when a page of this type is published
            return build()

        return caching.get_or_build(key, recorded, self.COUNTS_TIMEOUT)

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
            f"listing-page:{self.selection_key}:{page.number}",
            lambda: list(
                apply_selection(self.base, self.listing.facets, self.selection)
                .order_by(*self.listing.order)
                .values_list("pk", flat=True)[page.start_index() - 1 if self.total else 0 : page.end_index()]
            ),
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


class ListingIndexMixin:
    """An overview page of one listing (`listing_name`): its filter and first page in the context."""

    listing_name = ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing_filter = get(self.listing_name).filter(request.GET)
        context.update({"filter": listing_filter, "page_obj": listing_filter.page})
        return context


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
