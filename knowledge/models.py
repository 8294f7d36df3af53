"""Knowledge base: municipalities, case studies, guidance, events with their sessions, and the e-zine."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal import agenda, caching
from portal.access import MUNICIPAL_STAFF as MUNICIPAL_STAFF_GROUP
from portal.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from portal.i18n import active_language_code, children_in_locale, in_locale, language_code_of
from portal.listings import ListingIndexMixin
from portal.models import BasePage, TaxonomyTerm, Theme

PROVINCES = [
    "Groningen",
    "Fryslân",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
]

SIMILAR_LIMIT = 4
SIMILAR_TIMEOUT = 3600  # a safety net: a published case study renews the lists (portal.caching)

# CBS size classes of municipalities by inhabitants (lower bound, value, label).
SIZE_CLASSES = [
    (0, "0-20k", _("minder dan 20.000 inwoners")),
    (20_000, "20-50k", _("20.000 tot 50.000 inwoners")),
    (50_000, "50-100k", _("50.000 tot 100.000 inwoners")),
    (100_000, "100-250k", _("100.000 tot 250.000 inwoners")),
    (250_000, "250k+", _("250.000 inwoners of meer")),
]

URBANISATION_LEVELS = [
    (1, _("1 – zeer sterk stedelijk")),
    (2, _("2 – sterk stedelijk")),
    (3, _("3 – matig stedelijk")),
    (4, _("4 – weinig stedelijk")),
    (5, _("5 – niet stedelijk")),
]


def size_class_for(inhabitants):
    """The CBS size class value for a number of inhabitants."""
    chosen = SIZE_CLASSES[0][1]
    for lower_bound, value, _label in SIZE_CLASSES:
        if inhabitants is not None and inhabitants >= lower_bound:
            chosen = value
    return chosen


class Municipality(models.Model):  # a snippet: knowledge/wagtail_hooks.py
    """A Dutch municipality (reference data from CBS), so visitors can find 'municipalities like mine'."""

    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM[0-9]{4}\Z", _("Een CBS-gemeentecode is GM gevolgd door vier cijfers."))],
    )
    name = models.CharField(_("naam"), max_length=100)
    province = models.CharField(_("provincie"), max_length=20, choices=[(p, p) for p in PROVINCES])
    inhabitants = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    size_class = models.CharField(
        _("grootteklasse"),
        max_length=10,
        choices=[(value, label) for _b, value, label in SIZE_CLASSES],
        blank=True,
        editable=False,
    )
    urbanisation = models.PositiveSmallIntegerField(
        _("stedelijkheid"), choices=URBANISATION_LEVELS, null=True, blank=True
    )
    safety_region_code = models.CharField(_("code veiligheidsregio"), max_length=4, blank=True)
    safety_region = models.CharField(_("veiligheidsregio"), max_length=100, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("cbs_code"),
        FieldPanel("province"),
        FieldPanel("inhabitants"),
        FieldPanel("urbanisation"),
        FieldPanel("safety_region_code"),
        FieldPanel("safety_region"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.size_class = size_class_for(self.inhabitants) if self.inhabitants is not None else ""
        super().save(*args, **kwargs)

    def similar(self):
        """Municipalities like this one: the same size class and at most one step apart in urbanisation."""
        queryset = Municipality.objects.filter(size_class=self.size_class)
        if self.urbanisation:
            queryset = queryset.filter(urbanisation__range=(self.urbanisation - 1, self.urbanisation + 1))
        return queryset


@register_snippet
class MunicipalStaffMembership(models.Model):
    """Which municipality a member of staff works for, so they can speak for it (e.g. in the needs survey).

    Editors link an account to one municipality; the account also needs the group "Gemeentelijk medewerker"
    (see ``municipality_of``), so removing someone from the group is enough to take the right away.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="municipal_staff_membership",
        verbose_name=_("account"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="staff_memberships", verbose_name=_("gemeente")
    )
    since = models.DateField(_("sinds"), default=datetime.date.today)

    panels = [FieldPanel("user"), FieldPanel("municipality"), FieldPanel("since")]

    class Meta:
        ordering = ["municipality__name", "user__username"]
        verbose_name = _("medewerker van een gemeente")
        verbose_name_plural = _("medewerkers van gemeenten")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} ({self.municipality.name})"


def municipality_of(user):
    """The municipality this account may speak for, or None: municipal staff linked to a municipality."""
    if not user.is_authenticated or not user.is_active:
        return None
    membership = MunicipalStaffMembership.objects.filter(user=user).select_related("municipality").first()
    if membership is None or not user.groups.filter(name=MUNICIPAL_STAFF_GROUP).exists():
        return None
    return membership.municipality


@register_snippet
class Domain(TaxonomyTerm):
    """A domain involved in a case study: sociaal domein, veiligheidsdomein, jeugd, onderwijs, ..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")


class EventIndexPage(BasePage):
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["knowledge.EventPage"]

    class Meta:
        verbose_name = _("overzicht bijeenkomsten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = children_in_locale(self, EventPage.objects.live().public())
        now = timezone.now()
        # Upcoming: every gathering the portal knows of, the planned sessions of modules beside the events.
        context["agenda"] = agenda.upcoming(active_language_code(), now=now)
        context["past_events"] = events.filter(starts_at__lt=now).order_by("-starts_at")
        return context


class EventPage(BasePage):
    """A gathering such as the theme day; its sessions (workshops) are child pages."""

    starts_at = models.DateTimeField(_("begint op"))
    ends_at = models.DateTimeField(_("eindigt op"), null=True, blank=True)
    location = models.CharField(_("locatie"), max_length=200, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("location")],
            heading=_("Wanneer en waar"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("location"), index.SearchField("body")]
    parent_page_types = ["knowledge.EventIndexPage"]
    subpage_types = ["knowledge.EventSessionPage"]

    class Meta:
        verbose_name = _("bijeenkomst")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = (
            children_in_locale(self, EventSessionPage.objects.live().public()).select_related("theme").order_by("path")
        )
        return context


class EventSessionPage(BasePage):
    """A workshop or presentation within an event, with its theme, speakers and a short report."""

    SESSION_KINDS = [("workshop", _("Workshop")), ("plenary", _("Plenair programma"))]

    kind = models.CharField(_("soort"), max_length=20, choices=SESSION_KINDS, default="workshop")
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="event_sessions", verbose_name=_("thema")
    )
    speakers = models.TextField(_("sprekers"), blank=True, help_text=_("Eén spreker per regel: naam, organisatie."))
    report = RichTextField(_("verslag"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("speakers"),
        FieldPanel("report"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("speakers"), index.SearchField("report")]
    parent_page_types = ["knowledge.EventPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")

    @property
    def speaker_list(self):
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]


class EzineIndexPage(BasePage):
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["knowledge.EzineIssuePage"]

    class Meta:
        verbose_name = _("overzicht e-zine")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = children_in_locale(self, EzineIssuePage.objects.live().public()).order_by("-issue_date")
        return context


class EzineIssuePage(BasePage):
    issue_number = models.PositiveSmallIntegerField(_("nummer"))
    issue_date = models.DateField(_("verschenen op"))

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("issue_number"), FieldPanel("issue_date")]),
        FieldPanel("intro"),
    ]
    parent_page_types = ["knowledge.EzineIndexPage"]
    subpage_types = ["knowledge.EzineArticlePage"]

    class Meta:
        verbose_name = _("e-zine-editie")

    @property
    def issue_line(self):
        """'Nummer 2 · januari 2027'."""
        return _("Nummer %(number)s · %(date)s") % {
            "number": self.issue_number,
            "date": formats.date_format(self.issue_date, "F Y"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = children_in_locale(self, EzineArticlePage.objects.live().public()).order_by("path")
        return context


class EzineArticlePage(BasePage):
    author = models.CharField(_("auteur"), max_length=200, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("author"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("author"), index.SearchField("body")]
    parent_page_types = ["knowledge.EzineIssuePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("e-zine-artikel")


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
        context["similar_case_studies"] = caching.get_or_build(
            f"similar-case-studies:{self.pk}:{get_language()}",
            lambda: [
                {
                    "title": case.title,
                    "url": case.get_url(request),
                    "municipality": case.municipality.name if case.municipality_id else "",
                    "language": language_code_of(case.locale_id),
                }
                for case in self.similar_case_studies()
            ],
            SIMILAR_TIMEOUT,
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


class GuidanceTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.GuidancePage", on_delete=models.CASCADE, related_name="tagged_items")


class GuidanceIndexPage(ListingIndexMixin, BasePage):
    """The overview of guidance with filters (declared in knowledge.listings)."""

    listing_name = "guidance"
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["knowledge.GuidancePage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht handreikingen")


class GuidancePage(BasePage):
    """Guidance for municipalities: a handreiking, factsheet, study or toolkit."""

    KINDS = [
        ("handreiking", _("Handreiking")),
        ("factsheet", _("Factsheet")),
        ("onderzoek", _("Onderzoek")),
        ("toolkit", _("Toolkit")),
    ]

    kind = models.CharField(_("soort"), max_length=20, choices=KINDS)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("inhoud"))
    themes = ParentalManyToManyField(Theme, related_name="guidance", verbose_name=_("thema's"))
    audiences = ParentalManyToManyField(
        "portal.Audience", blank=True, related_name="guidance", verbose_name=_("doelgroepen")
    )
    tags = ClusterTaggableManager(through=GuidanceTag, blank=True, verbose_name=_("trefwoorden"))
    publication_date = models.DateField(_("publicatiedatum"), default=datetime.date.today)

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("publication_date"),
            ],
            heading=_("Kenmerken"),
        ),
        InlinePanel("documents", label=_("Documenten")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.FilterField("kind")]
    parent_page_types = ["knowledge.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("handreiking")
        verbose_name_plural = _("handreikingen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = self.documents.select_related("document")
        return context


class GuidanceDocument(Orderable):
    page = ParentalKey(GuidancePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(_("titel"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]
