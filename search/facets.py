"""The search page's kinds of page and facets, read from the listings' declarations when asked for.

Each content app says in its listing how the search page knows its pages (`portal.listings.InSearch`): the
kind, its label and words, its own facets. This module adds what every document has by what pages hold
(themes, audiences, tags, municipality and province), the kind and the year. A content type registered
later (a test's throw-away page type) is searchable with its facets without an edit here.
"""

from django.utils.translation import gettext_lazy as _

from knowledge.listings import MUNICIPALITY, PROVINCE
from portal import listings
from portal.facets import AUDIENCES, TAGS, THEMES
from portal.listings import ChoiceFacet, InSearch, ValueFacet
from portal.numbers import parse_int

# A page no listing declares (a standard page, a theme page).
OTHER_PAGES = InSearch("page", _("Pagina"))
KIND_PARAM = "soort"
YEAR_PARAM = "jaar"


class YearFacet(ValueFacet):
    def labels(self, values):
        return {str(value): str(value) for value in values if parse_int(str(value), minimum=1900, maximum=2100)}


# What every page holds by what it has (search.documents reads each), keyed by the name in the documents.
SHARED_FACETS = {
    "themes": THEMES,
    "audiences": AUDIENCES,
    "tags": TAGS,
    "province": PROVINCE,
    "municipality": MUNICIPALITY,
}
YEAR = YearFacet(YEAR_PARAM, _("Jaar"), "year", "Year", descending=True)


def kinds():
    """{kind: InSearch} of every kind the search page knows, pages no listing declares last."""
    found = {declared.kind: declared for declared in listings.in_search().values()}
    return {**found, OTHER_PAGES.kind: OTHER_PAGES}


def kind_of(model):
    """What the search page knows of pages of this model (OTHER_PAGES when no listing declares it)."""
    return listings.in_search().get(model, OTHER_PAGES)


def document_name(facet):
    """The name under which a listing's own facet is filed in the documents: its lookup ('evidence_level')."""
    return facet.lookup.replace("__", "_")


def own_facets():
    """{name in the documents: facet} of the facets the listings add to the search page."""
    return {document_name(facet): facet for declared in kinds().values() for facet in declared.facets}


def search_facets():
    """The search page's facets in the order it shows them, keyed by their name in the documents."""
    kind = ChoiceFacet(
        KIND_PARAM,
        _("Soort"),
        "type",
        "Content type",
        choices=tuple((declared.kind, declared.label) for declared in kinds().values()),
    )
    return {"type": kind, **SHARED_FACETS, **own_facets(), "year": YEAR}


def facet_names():
    """Every facet the engines keep as exact values. "language" is a filter only: the service keeps every
    search to the visitor's language."""
    return [*search_facets(), "language"]
