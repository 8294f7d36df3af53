"""Guidance: handreikingen with their documents and tags."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.listings import ListingIndexMixin
from portal.models import BasePage, Theme


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
