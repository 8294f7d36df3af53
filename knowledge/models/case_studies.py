"""Case studies from municipalities: the pages, their domains, tags and attachments."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal import caching
from portal.access import MUNICIPAL_STAFF as MUNICIPAL_STAFF_GROUP
from portal.blocks import RICH_TEXT_FEATURES
from portal.i18n import in_locale, language_code_of
from portal.listings import ListingIndexMixin
from portal.models import BasePage, TaxonomyTerm, Theme

from .municipalities import Municipality

SIMILAR_LIMIT = 4
# A safety net: a published case study renews the lists (portal.caching).
SIMILAR_CASE_STUDIES = caching.Entry("similar-case-studies", ("page", "language"), timeout=3600)


@register_snippet
class Domain(TaxonomyTerm):
    """A domain involved in a case study: sociaal domein, veiligheidsdomein, jeugd, onderwijs, ..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")


class CaseStudyTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items")


class CaseStudyIndexPage(ListingIndexMixin, BasePage):
    """The overview of case studies with filters (declared in knowledge.listings)."""

    listing_name = "case-studies"
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["knowledge.CaseStudyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht praktijkvoorbeelden")


class CaseStudyPage(BasePage):
    """A municipal case study (praktijkvoorbeeld)."""

    EVIDENCE_LEVELS = [
        ("praktijkervaring", _("Praktijkervaring")),
        ("beschreven", _("Beschreven")),
        ("theoretisch-onderbouwd", _("Theoretisch onderbouwd")),
        ("effectief", _("Effectief volgens onderzoek")),
    ]

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="case_studies", verbose_name=_("gemeente")
    )
    other_municipalities = ParentalManyToManyField(
        Municipality, blank=True, related_name="shared_case_studies", verbose_name=_("samenwerkende gemeenten")
    )
    start_year = models.PositiveSmallIntegerField(
        _("startjaar"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("eindjaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Leeg laten als de aanpak nog loopt."),
    )
    themes = ParentalManyToManyField(Theme, related_name="case_studies", verbose_name=_("thema's"))
    domains = ParentalManyToManyField(
        Domain, blank=True, related_name="case_studies", verbose_name=_("betrokken domeinen")
    )
    tags = ClusterTaggableManager(through=CaseStudyTag, blank=True, verbose_name=_("trefwoorden"))
    challenge = RichTextField(_("de opgave"), features=RICH_TEXT_FEATURES)
    approach = RichTextField(_("de aanpak"), features=RICH_TEXT_FEATURES)
    results = RichTextField(_("de resultaten"), blank=True, features=RICH_TEXT_FEATURES)
    lessons = RichTextField(_("geleerde lessen"), blank=True, features=RICH_TEXT_FEATURES)
    partners = models.TextField(_("partners"), blank=True, help_text=_("Eén partner per regel."))
    contact_name = models.CharField(_("naam contactpersoon"), max_length=200, blank=True)
    contact_role = models.CharField(_("functie contactpersoon"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("e-mail contactpersoon"),
        blank=True,
        help_text=_("Alleen zichtbaar voor ingelogde medewerkers van gemeenten."),
    )
    evidence_level = models.CharField(_("mate van onderbouwing"), max_length=30, choices=EVIDENCE_LEVELS)
    evidence_assessed_by = models.CharField(_("beoordeeld door"), max_length=200, blank=True)
    evidence_assessed_on = models.DateField(_("beoordeeld op"), null=True, blank=True)
    evidence_explanation = models.TextField(_("toelichting op de onderbouwing"), blank=True)
    costs = models.TextField(_("kosten en financiering"), blank=True)
    transferability = models.TextField(_("overdraagbaarheid en randvoorwaarden"), blank=True)
    related_modules = ParentalManyToManyField(
        "curriculum.ModulePage", blank=True, related_name="case_studies", verbose_name=_("gerelateerde modules")
    )
    last_reviewed = models.DateField(_("laatst beoordeeld op"), null=True, blank=True)
    archived = models.BooleanField(
        _("gearchiveerd"),
        default=False,
        help_text=_("Verouderd voorbeeld: blijft vindbaar, maar wordt als gearchiveerd getoond."),
    )
    is_example = models.BooleanField(
        _("voorbeeldinhoud"), default=False, help_text=_("Fictief voorbeeld ter illustratie.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("other_municipalities"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading=_("Waar en wanneer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("related_modules"),
            ],
            heading=_("Kenmerken"),
        ),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("partners"),
        MultiFieldPanel(
            [
                FieldPanel("evidence_level"),
                FieldRowPanel([FieldPanel("evidence_assessed_by"), FieldPanel("evidence_assessed_on")]),
                FieldPanel("evidence_explanation"),
            ],
            heading=_("Onderbouwing"),
        ),
        FieldPanel("costs"),
        FieldPanel("transferability"),
        InlinePanel("attachments", label=_("Bijlagen")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("archived"), FieldPanel("is_example")], heading=_("Beheer")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.SearchField("partners"),
        index.FilterField("evidence_level"),
        index.FilterField("archived"),
    ]
    parent_page_types = ["knowledge.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("praktijkvoorbeeld")
        verbose_name_plural = _("praktijkvoorbeelden")

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Het eindjaar ligt vóór het startjaar.")})

    @property
    def period_display(self):
        if not self.end_year:
            return _("%(start)s – heden") % {"start": self.start_year}
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year} – {self.end_year}"

    @property
    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    def citation(self, page_url):
        """A suggested citation, e.g. for reports and council letters."""
        year = (self.first_published_at or timezone.now()).year
        return _(
            "Gemeente %(municipality)s (%(year)s). %(title)s. Praktijkvoorbeeld, Kennisportaal Sociale Stabiliteit. "
            "%(url)s"
        ) % {
            "municipality": self.municipality.name,
            "year": year,
            "title": self.title,
            "url": page_url,
        }

    def similar_case_studies(self, limit=SIMILAR_LIMIT):
        """Case studies like this one: sharing tags (which weigh more, being more specific) or themes.

        Only the case studies that share one are counted (found through the tag and theme tables' indexes),
        not every case study of the portal.
        """
        theme_ids = [theme.pk for theme in self.themes.all()]  # in a preview: the unsaved choice
        tag_ids = [tag.pk for tag in self.tags.all()]
        if not theme_ids and not tag_ids:
            return CaseStudyPage.objects.none()
        sharing = Q(pk__in=CaseStudyTag.objects.filter(tag_id__in=tag_ids).values("content_object_id")) | Q(
            pk__in=CaseStudyPage.themes.through.objects.filter(theme_id__in=theme_ids).values("casestudypage_id")
        )
        return (
            in_locale(CaseStudyPage.objects.filter(sharing).live().public(), self.locale_id)
            .exclude(pk=self.pk)
            .annotate(
                shared_tags=Count("tagged_items__tag", filter=Q(tagged_items__tag__in=tag_ids), distinct=True),
                shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True),
            )
            .filter(Q(shared_tags__gt=0) | Q(shared_themes__gt=0))
            .select_related("municipality")
            .order_by("-shared_tags", "-shared_themes", "archived", "title")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = self.live_related_pages("related_modules")
        context["related_modules"] = modules.select_related("provider").order_by("title")
        context["similar_case_studies"] = SIMILAR_CASE_STUDIES.get_or_build(
            lambda: [
                {
                    "title": case.title,
                    "url": case.get_url(request),
                    "municipality": case.municipality.name if case.municipality_id else "",
                    "language": language_code_of(case.locale_id),
                }
                for case in self.similar_case_studies()
            ],
            page=self.pk,
            language=get_language(),
        )
        context["attachments"] = self.attachments.select_related("document")
        context["show_contact_email"] = can_see_contact_email(request.user)
        context["citation"] = self.citation(request.build_absolute_uri(self.get_url(request)))
        return context


def can_see_contact_email(user):
    """Contact e-mail addresses are for logged-in municipal staff (and editors), not the public."""
    if not user.is_authenticated:
        return False
    if user.has_perm("wagtailadmin.access_admin"):
        return True
    return user.groups.filter(name=MUNICIPAL_STAFF_GROUP).exists()


class CaseStudyAttachment(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(_("titel"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]
