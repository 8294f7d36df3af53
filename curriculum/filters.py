"""The curriculum overview's facets: theme, audience, level, format and provider."""

from django.utils.translation import gettext_lazy as _

from portal.i18n import in_locale
from portal.facets import Facet, FacetedFilter, FacetOption
from portal.models import Audience, Theme

from .models import ModulePage, Provider


class ModuleFilter(FacetedFilter):
    def facet_definitions(self):
        # Three queries for the options, however many modules there are.
        return [
            Facet("thema", _("Thema"), "themes__slug",
                  [FacetOption(theme.slug, theme.display_name) for theme in Theme.objects.all()]),
            Facet("doelgroep", _("Doelgroep"), "audiences__slug",
                  [FacetOption(audience.slug, audience.display_name) for audience in Audience.objects.all()]),
            Facet("niveau", _("Niveau"), "level", [FacetOption(value, label) for value, label in ModulePage.LEVELS]),
            Facet("vorm", _("Vorm"), "format", [FacetOption(value, label) for value, label in ModulePage.FORMATS]),
            Facet("aanbieder", _("Aanbieder"), "provider__slug",
                  [FacetOption(provider.slug, str(provider)) for provider in Provider.objects.all()]),
        ]

    def base_queryset(self):
        return in_locale(ModulePage.objects.live().public())

    def result_queryset(self, queryset):
        return queryset.select_related("provider").prefetch_related("themes").order_by("title")
