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

# The words people use for a content type ("welke training is er over ...") and both its names, filed with every
# document of that type, so a question naming the kind of page finds pages of that kind. Dutch and English.
CONTENT_TYPE_WORDS = {
    "module": "module training cursus opleiding scholing workshop leergang course",
    "case_study": "praktijkvoorbeeld voorbeeld ervaring aanpak case study example practice",
    "guidance": "handreiking publicatie factsheet richtlijn guidance publication",
    "event": "bijeenkomst evenement themadag event meeting",
    "ezine": "e-zine nieuwsbrief artikel newsletter article",
    "page": "",
}
# Content types whose date is a year (a case study's start year): shown as the year, not as 1 January.
YEAR_DATED_TYPES = {"case_study"}


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
