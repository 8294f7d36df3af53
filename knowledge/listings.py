"""The knowledge base's listings, declared once: case studies, guidance, workshops, municipalities.

The overviews' filters and counts, the open-data API (parameters, items, OpenAPI, exports), the search
page's facet labels and theme pages all read these declarations.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from portal.facets import AUDIENCES, TAGS, THEMES
from portal.listings import (
    NULLABLE_STRING,
    PAGE_FIELDS,
    STRING,
    ChoiceFacet,
    Field,
    InSearch,
    Listing,
    ListingFilter,
    OnHome,
    TermFacet,
    ValueFacet,
    attribute,
    choice,
    nested,
    register,
    tag_slugs,
    term_slugs,
)

from .models import (
    PROVINCES,
    SIZE_CLASSES,
    URBANISATION_LEVELS,
    CaseStudyPage,
    Domain,
    EventPage,
    EventSessionPage,
    EzineArticlePage,
    EzineIssuePage,
    GuidancePage,
    Municipality,
)

LIKE_MINE_PARAM = "lijkt_op"

PROVINCE = ChoiceFacet("provincie", _("Provincie"), "province", "Province", choices=tuple((p, p) for p in PROVINCES))
SIZE_CLASS = ChoiceFacet(
    "grootte",
    _("Grootte van de gemeente"),
    "size_class",
    "Size class of the municipality",
    choices=tuple((value, label) for _bound, value, label in SIZE_CLASSES),
)
URBANISATION = ChoiceFacet(
    "stedelijkheid", _("Stedelijkheid"), "urbanisation", "Urbanisation level 1-5", choices=tuple(URBANISATION_LEVELS)
)
SAFETY_REGION = ValueFacet(
    "veiligheidsregio", _("Veiligheidsregio"), "safety_region_code", "Safety region code", label_lookup="safety_region"
)
MUNICIPALITY = TermFacet("gemeente", _("Gemeente"), "cbs_code", "CBS code", model=Municipality, key="cbs_code")
DOMAIN = TermFacet("domein", _("Domein"), "domains__slug", "Domain slug", model=Domain)
EVIDENCE_LEVEL = ChoiceFacet(
    "onderbouwing", _("Onderbouwing"), "evidence_level", "Evidence level", choices=tuple(CaseStudyPage.EVIDENCE_LEVELS)
)
START_YEAR = ValueFacet("startjaar", _("Startjaar"), "start_year", "Start year", descending=True)
# "soort" on the search page is the kind of page; here it was the kind of publication until version 1.1.
GUIDANCE_KIND = ChoiceFacet(
    "publicatietype",
    _("Soort publicatie"),
    "kind",
    "Kind of publication",
    choices=tuple(GuidancePage.KINDS),
    former_params=("soort",),
)


def _start_of_year(page):
    return datetime.date(page.start_year, 1, 1) if page.start_year else None


def _issue_date(page):
    """An issue's date; an article has its issue's."""
    issue = page if isinstance(page, EzineIssuePage) else page.get_parent().specific
    return getattr(issue, "issue_date", None)


def _or_none(value):
    return value or None


MUNICIPALITY_FIELDS = (
    attribute("cbs_code", {"type": "string", "pattern": "^GM[0-9]{4}$"}),
    attribute("name", STRING),
    attribute("province", {"type": "string", "enum": PROVINCES}),
    attribute("inhabitants", {"type": ["integer", "null"]}),
    attribute(
        "size_class",
        {"type": ["string", "null"], "enum": [value for _b, value, _l in SIZE_CLASSES] + [None]},
        convert=_or_none,
    ),
    attribute("urbanisation", {"type": ["integer", "null"], "minimum": 1, "maximum": 5}),
    attribute("safety_region_code", NULLABLE_STRING, convert=_or_none),
    attribute("safety_region", NULLABLE_STRING, convert=_or_none),
)

MUNICIPALITIES = register(
    Listing(
        name="municipalities",
        schema_name="Municipality",
        model=Municipality,
        facets=(PROVINCE, SIZE_CLASS),
        order=("cbs_code",),
        fields=MUNICIPALITY_FIELDS,
    )
)


class CaseStudyFilter(ListingFilter):
    """The case studies' facets plus 'municipalities like mine' (similar size and urbanisation)."""

    def narrow(self, queryset):
        self.like_mine = None
        code = self.query_dict.get(LIKE_MINE_PARAM, "").strip().upper()[:10]
        if not code:
            return queryset
        municipality = Municipality.objects.filter(cbs_code=code).first()
        if municipality is None or not municipality.size_class:
            self.ignored.append((_("Gemeenten zoals de mijne"), code))
            return queryset
        self.like_mine = municipality
        return queryset.filter(municipality__in=municipality.similar())

    @property
    def carried_parameters(self):
        return [(LIKE_MINE_PARAM, self.like_mine.cbs_code)] if self.like_mine else []

    @property
    def extra_choices(self):
        if self.like_mine is None:
            return []
        return [(LIKE_MINE_PARAM, self.like_mine.cbs_code, _("Gemeenten zoals"), self.like_mine.name)]

    @property
    def municipalities(self):
        return Municipality.objects.exclude(size_class="").only("cbs_code", "name")

    @property
    def is_filtered(self):
        return bool(self.selection) or self.like_mine is not None


CASE_STUDIES = register(
    Listing(
        name="case-studies",
        schema_name="CaseStudy",
        model=CaseStudyPage,
        facets=(
            THEMES,
            TAGS,
            PROVINCE.through("municipality"),
            SIZE_CLASS.through("municipality"),
            URBANISATION.through("municipality"),
            SAFETY_REGION.through("municipality"),
            DOMAIN,
            EVIDENCE_LEVEL,
            START_YEAR,
        ),
        order=("archived", "-first_published_at", "title"),
        fields=PAGE_FIELDS
        + (
            nested("municipality", MUNICIPALITY_FIELDS, columns=("cbs_code", "name", "province")),
            term_slugs("themes"),
            tag_slugs(),
            choice("evidence_level", CaseStudyPage.EVIDENCE_LEVELS),
            attribute("start_year", {"type": "integer"}),
            attribute("end_year", {"type": ["integer", "null"]}),
            attribute("archived", {"type": "boolean"}),
        ),
        select_related=("municipality",),
        prefetch_related=("themes", "tags"),
        page_size=10,
        filter_class=CaseStudyFilter,
        gathered_as="case_studies",
        in_search=InSearch(
            "case_study",
            _("Praktijkvoorbeeld"),
            words="praktijkvoorbeeld voorbeeld ervaring aanpak case study example practice",
            facets=(EVIDENCE_LEVEL,),
            date=_start_of_year,
            dated_by_year=True,
        ),
        on_home=OnHome(
            _("Nieuwe praktijkvoorbeelden"),
            order=("archived", "-first_published_at", "-pk"),
            describe=lambda page: f"{page.municipality.name} · {page.period_display}",
        ),
    )
)

GUIDANCE = register(
    Listing(
        name="guidance",
        schema_name="Guidance",
        model=GuidancePage,
        facets=(THEMES, AUDIENCES, GUIDANCE_KIND, TAGS),
        order=("-publication_date", "title"),
        fields=PAGE_FIELDS
        + (
            choice("kind", GuidancePage.KINDS),
            term_slugs("themes"),
            term_slugs("audiences"),
            tag_slugs(),
            Field(
                "publication_date",
                {"type": ["string", "null"], "format": "date"},
                lambda page, request: page.publication_date.isoformat() if page.publication_date else None,
            ),
        ),
        prefetch_related=("themes", "audiences", "tags"),
        gathered_as="guidance_items",
        in_search=InSearch(
            "guidance",
            _("Handreiking of publicatie"),
            words="handreiking publicatie factsheet richtlijn guidance publication",
        ),
    )
)

# The workshops of events: listed on theme pages only (no overview of their own, not in the API).
EVENT_SESSIONS = register(
    Listing(
        name="event-sessions",
        schema_name="EventSession",
        model=EventSessionPage,
        facets=(THEMES.on("theme__slug"),),
        order=("title",),
        gathered_as="event_sessions",
        in_api=False,
        in_search=InSearch(
            "event",
            _("Bijeenkomst"),
            words="bijeenkomst evenement themadag event meeting",
            also=(EventPage,),
        ),
    )
)

# E-zine issues: on the home page only (the newest one).
EZINE_ISSUES = register(
    Listing(
        name="ezine-issues",
        schema_name="EzineIssue",
        model=EzineIssuePage,
        facets=(),
        order=("-issue_date",),
        in_api=False,
        in_search=InSearch(
            "ezine",
            _("E-zine"),
            words="e-zine nieuwsbrief artikel newsletter article",
            also=(EzineArticlePage,),
            date=_issue_date,
        ),
        on_home=OnHome(
            _("Laatste e-zine"),
            order=("-issue_date", "-pk"),
            count=1,
            describe=lambda page: page.issue_line,
        ),
    )
)
