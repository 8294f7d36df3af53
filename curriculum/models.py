"""The curriculum: providers, modules and the overview that policy makers filter."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.blocks import BodyStreamBlock
from portal.listings import ListingIndexMixin
from portal.models import BasePage

from .prerequisites import find_prerequisite_cycle


@register_snippet
class Provider(models.Model):
    """Who offers a module: a ministry, the ESS, Platform JEP, VNG or another organisation."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    abbreviation = models.CharField(_("afkorting"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("omschrijving"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation"),
        FieldPanel("slug"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")

    def __str__(self):
        return self.abbreviation or self.name


class ModuleTag(TaggedItemBase):
    content_object = ParentalKey("curriculum.ModulePage", on_delete=models.CASCADE, related_name="tagged_items")


class CurriculumIndexPage(ListingIndexMixin, BasePage):
    """The overview of all modules, with filters (declared in curriculum.listings)."""

    listing_name = "modules"
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["curriculum.ModulePage"]
    max_count = 1

    class Meta:
        verbose_name = _("curriculumoverzicht")


class ModulePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # The model's own clean() runs before the form assigns many-to-many values, so the
        # submitted prerequisites are checked here, where they are known.
        prerequisites = cleaned_data.get("prerequisites")
        if prerequisites is not None:
            message = self.instance.prerequisite_cycle_message({module.pk for module in prerequisites})
            if message:
                self.add_error("prerequisites", message)
        return cleaned_data


class ModulePage(BasePage):
    base_form_class = ModulePageForm
    LEVELS = [("basis", _("Basis")), ("verdieping", _("Verdieping")), ("specialistisch", _("Specialistisch"))]
    FORMATS = [
        ("workshop", _("Workshop")),
        ("training", _("Training")),
        ("e-learning", _("E-learning")),
        ("webinar", _("Webinar")),
        ("intervisie", _("Intervisie")),
        ("leerkring", _("Leerkring")),
    ]
    LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]

    learning_goals = StreamField(
        [("goal", blocks.CharBlock(label=_("Leerdoel"), max_length=300))],
        blank=True,
        verbose_name=_("leerdoelen"),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("inhoud"))
    themes = ParentalManyToManyField("portal.Theme", related_name="modules", verbose_name=_("thema's"))
    audiences = ParentalManyToManyField("portal.Audience", related_name="modules", verbose_name=_("doelgroepen"))
    level = models.CharField(_("niveau"), max_length=20, choices=LEVELS)
    format = models.CharField(_("vorm"), max_length=20, choices=FORMATS)
    duration_minutes = models.PositiveIntegerField(_("duur in minuten"))
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="modules", verbose_name=_("aanbieder")
    )
    prerequisites = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="required_for", verbose_name=_("voorkennis (modules)")
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    cost = models.CharField(
        _("kosten"), max_length=200, blank=True, help_text=_("Bijvoorbeeld ‘gratis’ of ‘€ 250 per deelnemer’.")
    )
    language = models.CharField(_("taal"), max_length=5, choices=LANGUAGES, default="nl")
    completion_criteria = models.TextField(_("afronding"), blank=True)
    certificate = models.BooleanField(_("met certificaat"), default=False)
    last_reviewed = models.DateField(_("laatst beoordeeld op"), null=True, blank=True)
    tags = ClusterTaggableManager(through=ModuleTag, blank=True, verbose_name=_("trefwoorden"))

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("learning_goals"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("level"), FieldPanel("format"), FieldPanel("duration_minutes")]),
                FieldPanel("provider"),
                FieldPanel("prerequisites"),
                FieldPanel("tags"),
            ],
            heading=_("Kenmerken"),
        ),
        MultiFieldPanel(
            [FieldPanel("cost"), FieldPanel("language"), FieldPanel("completion_criteria"), FieldPanel("certificate")],
            heading=_("Praktisch"),
        ),
        InlinePanel("sessions", label=_("Geplande bijeenkomsten")),
        InlinePanel("materials", label=_("Materialen")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("last_reviewed")], heading=_("Beheer")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("learning_goals"),
        index.SearchField("body"),
        index.FilterField("level"),
        index.FilterField("format"),
    ]
    parent_page_types = ["curriculum.CurriculumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def clean(self):
        super().clean()
        message = self.prerequisite_cycle_message({module.pk for module in self.prerequisites.all()})
        if message:
            raise ValidationError({"prerequisites": message})

    def prerequisite_cycle_message(self, prerequisite_ids):
        """The editor-facing message when these prerequisites would create a cycle, else None."""
        cycle = find_prerequisite_cycle(self.pk, set(prerequisite_ids), stored_prerequisites)
        if not cycle:
            return None
        titles = dict(ModulePage.objects.filter(pk__in=cycle).values_list("pk", "title"))
        titles[self.pk] = self.title
        chain = " → ".join(titles.get(pk, str(pk)) for pk in cycle)
        return _(
            "Deze voorkennis maakt een kringloop: %(chain)s. Een module kan niet (via andere modules) zichzelf als "
            "voorkennis hebben."
        ) % {"chain": chain}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_sessions"] = self.sessions.filter(starts_at__gte=timezone.now()).order_by("starts_at")
        context["live_prerequisites"] = self.live_related_pages("prerequisites").order_by("title")
        context["materials"] = self.materials.select_related("document")
        # Case studies point at modules (knowledge builds on curriculum), so this is a reverse relation.
        case_studies = getattr(self, "case_studies", None)
        context["related_case_studies"] = (
            case_studies.live().public().select_related("municipality").order_by("title")
            if case_studies is not None
            else []
        )
        return context

    @property
    def duration_display(self):
        return duration_text(self.duration_minutes)

    @property
    def summary_line(self):
        """'Workshop · 3 uur · ESS': what kind of module, how long, by whom (home page, agenda)."""
        parts = (self.get_format_display(), self.duration_display, self.provider)
        return " · ".join(str(part) for part in parts if part)


def duration_text(total_minutes):
    """'1 uur 30 min', '6 uur', '45 min': how every duration of the curriculum is written (modules, paths)."""
    hours, minutes = divmod(total_minutes or 0, 60)
    if hours and minutes:
        return _("%(hours)d uur %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if hours:
        return _("%(hours)d uur") % {"hours": hours}
    return _("%(minutes)d min") % {"minutes": minutes}


def stored_prerequisites(module_ids):
    """The published prerequisite edges of these modules, as {module id: {prerequisite ids}}."""
    edges = {}
    rows = ModulePage.prerequisites.through.objects.filter(from_modulepage_id__in=module_ids)
    for from_id, to_id in rows.values_list("from_modulepage_id", "to_modulepage_id"):
        edges.setdefault(from_id, set()).add(to_id)
    return edges


class ModuleSession(Orderable):
    """A planned session of a module; past ones drop off the page by themselves."""

    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("begint op"))
    location = models.CharField(
        _("plaats"), max_length=200, blank=True, help_text=_("Leeg laten bij een online bijeenkomst.")
    )
    online = models.BooleanField(_("online"), default=False)
    registration_url = models.URLField(_("aanmeldlink"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("online")]),
        FieldPanel("location"),
        FieldPanel("registration_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("geplande bijeenkomst")

    def clean(self):
        if not self.online and not self.location:
            raise ValidationError(_("Vul een plaats in of kies ‘online’."))

    @property
    def place(self):
        return _("Online") if self.online else self.location


class ModuleMaterial(Orderable):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(_("titel"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("materiaal")


class CoursePath(models.Model):
    """A course path (leerlijn): a trainer's ordered selection of modules for a municipality's team."""

    title = models.CharField(_("titel"), max_length=200)
    audience = models.ForeignKey(
        "portal.Audience", on_delete=models.PROTECT, related_name="course_paths", verbose_name=_("doelgroep")
    )
    intro = models.TextField(_("inleiding"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="course_paths",
        verbose_name=_("eigenaar"),
    )
    # Unguessable and revocable; a new link replaces the old one.
    share_token = models.CharField(_("deelcode"), max_length=64, unique=True, null=True, blank=True, editable=False)
    is_curated = models.BooleanField(
        _("gepubliceerd als voorbeeldleerlijn"),
        default=False,
        help_text=_("Alleen redacteuren kunnen een leerlijn voor iedereen zichtbaar maken."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("leerlijn")
        verbose_name_plural = _("leerlijnen")
        permissions = [("curate_coursepath", _("Kan leerlijnen publiceren als voorbeeldleerlijn"))]

    def __str__(self):
        return self.title


class CoursePathStep(models.Model):
    path = models.ForeignKey(CoursePath, on_delete=models.CASCADE, related_name="steps", verbose_name=_("leerlijn"))
    # A module that is deleted later leaves the step in place, marked as no longer available.
    module = models.ForeignKey(
        ModulePage, null=True, on_delete=models.SET_NULL, related_name="course_path_steps", verbose_name=_("module")
    )
    module_title = models.CharField(_("titel van de module"), max_length=255, editable=False)
    note = models.TextField(_("notitie van de trainer"), blank=True, max_length=2000)
    planned_date = models.DateField(_("geplande datum"), null=True, blank=True)
    position = models.PositiveIntegerField(_("positie"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")

    def __str__(self):
        return self.module_title
