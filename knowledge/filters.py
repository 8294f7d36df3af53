"""The case-study overview's facets, the 'municipalities like mine' shortcut, and guidance's facets."""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from portal.facets import Facet, FacetedFilter, FacetOption
from portal.i18n import in_locale
from portal.models import Audience, Theme

from .models import PROVINCES, SIZE_CLASSES, URBANISATION_LEVELS, CaseStudyPage, Domain, GuidancePage, Municipality

LIKE_MINE_PARAM = "lijkt_op"


class CaseStudyFilter(FacetedFilter):
    page_size = 10

    def facet_definitions(self):
        live = CaseStudyPage.objects.live().public()
        tags = Tag.objects.filter(knowledge_casestudytag_items__content_object__in=live).distinct().order_by("name")
        regions = (
            Municipality.objects.exclude(safety_region_code="")
            .order_by("safety_region_code")
            .values_list("safety_region_code", "safety_region")
            .distinct()
        )
        years = live.order_by("-start_year").values_list("start_year", flat=True).distinct()
        return [
            Facet(
                "thema", _("Thema"), "themes__slug", [FacetOption(t.slug, t.display_name) for t in Theme.objects.all()]
            ),
            Facet(
                "trefwoord",
                _("Trefwoord"),
                "tagged_items__tag__slug",
                [FacetOption(tag.slug, tag.name) for tag in tags],
            ),
            Facet("provincie", _("Provincie"), "municipality__province", [FacetOption(p, p) for p in PROVINCES]),
            Facet(
                "grootte",
                _("Grootte van de gemeente"),
                "municipality__size_class",
                [FacetOption(value, str(label)) for _bound, value, label in SIZE_CLASSES],
            ),
            Facet(
                "stedelijkheid",
                _("Stedelijkheid"),
                "municipality__urbanisation",
                [FacetOption(str(value), str(label)) for value, label in URBANISATION_LEVELS],
            ),
            Facet(
                "veiligheidsregio",
                _("Veiligheidsregio"),
                "municipality__safety_region_code",
                [FacetOption(code, name or code) for code, name in regions],
            ),
            Facet(
                "domein",
                _("Domein"),
                "domains__slug",
                [FacetOption(d.slug, d.display_name) for d in Domain.objects.all()],
            ),
            Facet(
                "onderbouwing",
                _("Onderbouwing"),
                "evidence_level",
                [FacetOption(value, str(label)) for value, label in CaseStudyPage.EVIDENCE_LEVELS],
            ),
            Facet("startjaar", _("Startjaar"), "start_year", [FacetOption(str(year), str(year)) for year in years]),
        ]

    def base_queryset(self):
        return in_locale(CaseStudyPage.objects.live().public())

    def narrow(self, queryset):
        """'Municipalities like mine': examples from municipalities of similar size and urbanisation."""
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

    def result_queryset(self, queryset):
        return (
            queryset.select_related("municipality")
            .prefetch_related("themes")
            .order_by("archived", "-first_published_at", "title")
        )

    @property
    def municipalities(self):
        return Municipality.objects.exclude(size_class="").only("cbs_code", "name")

    @property
    def is_filtered(self):
        return bool(self.selection) or self.like_mine is not None


class GuidanceFilter(FacetedFilter):
    """Guidance by theme, audience, kind and tag (the open-data API and its exports)."""

    def facet_definitions(self):
        live = GuidancePage.objects.live().public()
        tags = Tag.objects.filter(knowledge_guidancetag_items__content_object__in=live).distinct().order_by("name")
        return [
            Facet(
                "thema", _("Thema"), "themes__slug", [FacetOption(t.slug, t.display_name) for t in Theme.objects.all()]
            ),
            Facet(
                "doelgroep",
                _("Doelgroep"),
                "audiences__slug",
                [FacetOption(a.slug, a.display_name) for a in Audience.objects.all()],
            ),
            Facet("soort", _("Soort"), "kind", [FacetOption(value, str(label)) for value, label in GuidancePage.KINDS]),
            Facet(
                "trefwoord",
                _("Trefwoord"),
                "tagged_items__tag__slug",
                [FacetOption(tag.slug, tag.name) for tag in tags],
            ),
        ]

    def base_queryset(self):
        return in_locale(GuidancePage.objects.live().public())

    def result_queryset(self, queryset):
        return queryset.prefetch_related("themes").order_by("-publication_date", "title")
