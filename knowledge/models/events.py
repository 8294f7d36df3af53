"""Events (the national theme day and others) with their sessions (workshops)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal import agenda
from portal.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from portal.i18n import active_language_code, children_in_locale
from portal.models import BasePage, Theme


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
