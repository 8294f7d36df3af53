"""The search page's facets: the listings' own declarations (portal.facets, knowledge.listings) plus the
two only search has, the content type and the year. Keyed by the facet's name in the search documents."""

from django.utils.translation import gettext_lazy as _

from knowledge.listings import EVIDENCE_LEVEL, MUNICIPALITY, PROVINCE
from portal.facets import AUDIENCES, TAGS, THEMES
from portal.listings import ChoiceFacet, ValueFacet
from portal.numbers import parse_int

# The content types' labels, by the key stored in the index.
CONTENT_TYPE_LABELS = {
    "module": _("Module"),
    "case_study": _("Praktijkvoorbeeld"),
    "guidance": _("Handreiking of publicatie"),
    "event": _("Bijeenkomst"),
    "ezine": _("E-zine"),
    "page": _("Pagina"),
}


class YearFacet(ValueFacet):
    def labels(self, values):
        return {str(value): str(value) for value in values if parse_int(str(value), minimum=1900, maximum=2100)}


# In the order the search page shows them.
SEARCH_FACETS = {
    "type": ChoiceFacet("soort", _("Soort"), "type", "Content type", choices=tuple(CONTENT_TYPE_LABELS.items())),
    "themes": THEMES,
    "audiences": AUDIENCES,
    "tags": TAGS,
    "province": PROVINCE,
    "municipality": MUNICIPALITY,
    "evidence_level": EVIDENCE_LEVEL,
    "year": YearFacet("jaar", _("Jaar"), "year", "Year", descending=True),
}
# Facets every engine keeps as exact values. "language" is a filter only: the service keeps every
# search to the visitor's language.
FACETS = [*SEARCH_FACETS, "language"]
