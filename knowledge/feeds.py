from django.utils.translation import gettext_lazy as _

from portal.feeds import PageFeed

from .models import CaseStudyPage


class NewCaseStudiesFeed(PageFeed):
    page_model = CaseStudyPage
    title_text = _("Nieuwe praktijkvoorbeelden – Kennisportaal Sociale Stabiliteit")
    description_text = _("Nieuwe praktijkvoorbeelden van gemeenten over sociale stabiliteit.")
