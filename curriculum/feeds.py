from django.utils.translation import gettext_lazy as _

from portal.feeds import PageFeed

from .models import ModulePage


class NewModulesFeed(PageFeed):
    page_model = ModulePage
    title_text = _("Nieuwe modules – Kennisportaal Sociale Stabiliteit")
    description_text = _("Nieuwe en bijgewerkte modules van het rijksbrede curriculum voor gemeenten.")
