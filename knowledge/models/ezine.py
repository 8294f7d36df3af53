"""The e-zine: issues and their articles."""

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.i18n import children_in_locale
from portal.models import BasePage


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
