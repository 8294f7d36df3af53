"""Listings: each content type's overview declared once, registered by name; what theme pages and the home
page gather from them."""

import dataclasses
from collections.abc import Callable

from wagtail.models import Page

from .. import caching
from ..i18n import in_locale, language_code_of
from .facets import TermFacet
from .fields import openapi_object
from .filtering import ListingFilter, former_params, redirect_to_current

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
class InSearch:
    """How the search page knows a listing's pages. The search app reads this; no content app imports it.

    `kind` is the key stored with each page in the index, shown as `label`; `words` are what people call such
    a page ("welke training is er over ..."), filed with each so a question naming the kind finds it. `also`
    names more page types of this kind (an event's page beside its workshops). `facets` are the listing's
    own facets the search page offers as well; `date(page)` is the content's own date when the page holds it
    under another name (None: publication, issue or start date); `dated_by_year` shows that date as a year.
    """

    kind: str
    label: str
    words: str = ""
    also: tuple = ()
    facets: tuple = ()
    date: Callable = None
    dated_by_year: bool = False


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
    in_search: InSearch = None

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


def in_search():
    """{page model: InSearch} of every listing the search page knows, in the order the apps declared them."""
    found = {}
    for listing in registered():
        if listing.in_search is not None:
            for model in (listing.model, *listing.in_search.also):
                found[model] = listing.in_search
    return found


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
        ids = GATHERED.get_or_build(
            first_ids,
            listing=listing.name,
            vocabulary=type(terms[0]).__name__,
            terms=",".join(str(term.pk) for term in terms),
            locale=locale_id,
            limit=limit,
        )
        rows = {row.pk: row for row in listing.model.objects.filter(pk__in=ids).live().select_related("locale")}
        result[listing.gathered_as] = [rows[pk] for pk in ids if pk in rows]
    return result


GATHERED = caching.Entry(
    "gathered", ("listing", "vocabulary", "terms", "locale", "limit"), timeout=3600
)  # a safety net: publishing renews them


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


class ListingIndexMixin:
    """An overview page of one listing (`listing_name`): its filter and first page in the context."""

    listing_name = ""

    def serve(self, request, *args, **kwargs):
        # A link with a facet's earlier parameter name (a shared link, a bookmark) lands on the current one.
        redirect = redirect_to_current(request, former_params(get(self.listing_name).facets))
        return redirect or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing_filter = get(self.listing_name).filter(request.GET)
        context.update({"filter": listing_filter, "page_obj": listing_filter.page})
        return context
