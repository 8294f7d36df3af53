"""Site-wide pages, the shared theme taxonomy and the site settings."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from . import agenda, caching, listings
from .blocks import BodyStreamBlock
from .i18n import active_language_code, in_visitor_language


class TaxonomyTerm(models.Model):
    """A term of one of the portal's shared taxonomies, named in Dutch and English."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    name_en = models.CharField(_("naam (Engels)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The name in the visitor's language, falling back to Dutch."""
        return in_visitor_language(self.name, self.name_en)


@register_snippet
class Theme(TaxonomyTerm):
    """One of the portal's themes; every content type is tagged with one or more of them."""

    description = models.TextField(_("korte omschrijving"), blank=True)

    panels = TaxonomyTerm.panels + [FieldPanel("description")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")


@register_snippet
class Audience(TaxonomyTerm):
    """Who content is for (bestuurders, beleidsmedewerkers, ...); shared by modules, guidance and navigation."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class BasePage(Page):
    """Fields every public page of the portal has."""

    intro = models.TextField(
        _("inleiding"),
        blank=True,
        help_text=_("Eén of twee zinnen bovenaan de pagina; ook gebruikt als samenvatting in overzichten."),
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro

    def live_related_pages(self, name):
        """The live, public pages a many-to-many field of this page points at.

        In a preview (and a revision) the field holds the editor's unsaved choice in memory, as modelcluster's
        FakeQuerySet, which has no `.live()`; the chosen pages are then looked up, so a preview shows what the
        published page would.
        """
        pages = getattr(self, name).all()
        if not isinstance(pages, PageQuerySet):
            model = self._meta.get_field(name).related_model
            pages = model.objects.filter(pk__in=[page.pk for page in pages])
        return pages.live().public()

    def get_view_restrictions(self):
        # Without a query for most pages (portal.wagtail_overrides).
        from .wagtail_overrides import view_restrictions

        return view_restrictions(self, super().get_view_restrictions)


class HomePage(BasePage):
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("homepagina")

    SECTIONS = caching.Entry("home-sections", ("page",), timeout=24 * 3600)  # a safety net: publishing renews them

    AGENDA_LENGTH = 4

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.SECTIONS.get_or_build(lambda: self.sections(request), page=self.pk))
        # Not with the sections: what is upcoming changes when a session starts, not only when a page is published.
        context["agenda"] = agenda.upcoming(active_language_code(), limit=self.AGENDA_LENGTH)
        return context

    def sections(self, request):
        """The ways into the portal: theme pages, the other sections in the menu, audience pages (plain values)."""
        caching.record_listing(Page)  # a newly published section joins them

        def card(page):
            return {"title": page.title, "url": page.get_url(request), "intro": page.intro}

        themes = ThemePage.objects.child_of(self).live().public().select_related("theme").order_by("theme__sort_order")
        sections = self.get_children().live().public().in_menu().not_type(ThemePage, AudiencePage).specific()
        audiences = AudiencePage.objects.child_of(self).live().public().order_by("path")
        overview = agenda.overview_page(self)
        return {
            "agenda_url": overview.get_url(request) if overview is not None else "",
            "newest": listings.newest(self.locale_id, request),
            "theme_pages": [card(page) for page in themes],
            "sections": [card(page) for page in sections],
            "audience_pages": [audience_link(page, request) for page in audiences],
        }


def audience_link(page, request):
    return {"url": page.get_url(request), "role": page.role}


class StandardPage(BasePage):
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]

    class Meta:
        verbose_name = _("standaardpagina")


class GatheredContentMixin:
    """Landing pages that list the content pointing at their terms (a theme, audiences).

    What is gathered is declared by the content apps' listings (portal.listings.gathered): every listing
    with a facet on the term's model, in that listing's order, one language version per page.
    """

    GATHERED_LIMIT = 12

    def gathered_terms(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.gathered(self.gathered_terms(), self.locale_id, self.GATHERED_LIMIT))
        return context


class ThemePage(GatheredContentMixin, BasePage):
    """The landing page of one theme: its modules, case studies, guidance and workshops."""

    # One landing page per theme and language: the English page is a translation of the Dutch one.
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="landing_pages", verbose_name=_("thema"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [FieldPanel("theme"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []  # it gathers its pages; they live in their own sections

    class Meta:
        verbose_name = _("themapagina")

    def gathered_terms(self):
        return [self.theme]

    def clean(self):
        super().clean()
        # One landing page per theme and language (a database constraint cannot span Page's locale column).
        others = ThemePage.objects.filter(theme_id=self.theme_id, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.theme_id and others.exists():
            raise ValidationError({"theme": _("Dit thema heeft in deze taal al een themapagina.")})


class AudiencePage(GatheredContentMixin, BasePage):
    """'Ik ben bestuurder': the way in for one kind of visitor, with the modules and guidance meant for them."""

    role = models.CharField(
        _("rol"), max_length=60, help_text=_("Hoe de bezoeker zichzelf noemt, na ‘Ik ben’: bijvoorbeeld ‘bestuurder’.")
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="audience_pages", verbose_name=_("doelgroepen")
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []  # it gathers its pages; they live in their own sections

    class Meta:
        verbose_name = _("doelgroeppagina")

    def gathered_terms(self):
        return self.audiences.all()


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    organisation_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    contact_address = models.TextField(_("adres"), blank=True)
    footer_text = RichTextField(_("voettekst"), blank=True, features=["bold", "italic", "link"])
    shows_example_content = models.BooleanField(
        _("voorbeeldsite"),
        default=False,
        help_text=_("Elke pagina meldt dat de organisatie, contactgegevens en inhoud fictief zijn (de demo)."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("footer_text"),
        FieldPanel("shows_example_content"),
        InlinePanel("footer_links", label=_("Links in de voettekst")),
    ]

    class Meta:
        verbose_name = _("site-instellingen")


class FooterLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")
    title = models.CharField(_("titel"), max_length=100)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("pagina")
    )
    url = models.URLField(_("of een externe link"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("page"), FieldPanel("url")]

    def __str__(self):
        return self.title

    @property
    def href(self):
        return self.page.url if self.page_id else self.url

    def clean(self):
        if not self.page_id and not self.url:
            raise ValidationError(_("Kies een pagina of vul een externe link in."))


class ScheduledRun(models.Model):
    """One periodic job's run for one slot (portal.background): the unique pair is how two schedulers, on two
    hosts, agree that only one of them enqueues it."""

    job = models.CharField(max_length=200)
    slot = models.DateTimeField()
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_job_and_slot")]
        indexes = [models.Index(fields=["slot"])]

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"
