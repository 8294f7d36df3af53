"""The curriculum overview's facets: theme, audience, level, format, provider and tag."""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from portal.facets import Facet, FacetedFilter, FacetOption
from portal.i18n import in_locale
from portal.models import Audience, Theme

from .models import ModulePage, Provider


class ModuleFilter(FacetedFilter):
    def facet_definitions(self):
        # Four queries for the options, however many modules there are.
        live = ModulePage.objects.live().public()
        tags = Tag.objects.filter(curriculum_moduletag_items__content_object__in=live).distinct().order_by("name")
        return [
            Facet(
                "thema",
                _("Thema"),
                "themes__slug",
                [FacetOption(theme.slug, theme.display_name) for theme in Theme.objects.all()],
            ),
            Facet(
                "doelgroep",
                _("Doelgroep"),
                "audiences__slug",
                [FacetOption(audience.slug, audience.display_name) for audience in Audience.objects.all()],
            ),
            Facet("niveau", _("Niveau"), "level", [FacetOption(value, label) for value, label in ModulePage.LEVELS]),
            Facet("vorm", _("Vorm"), "format", [FacetOption(value, label) for value, label in ModulePage.FORMATS]),
            Facet(
                "aanbieder",
                _("Aanbieder"),
                "provider__slug",
                [FacetOption(provider.slug, str(provider)) for provider in Provider.objects.all()],
            ),
            Facet(
                "trefwoord",
                _("Trefwoord"),
                "tagged_items__tag__slug",
                [FacetOption(tag.slug, tag.name) for tag in tags],
            ),
        ]

    def base_queryset(self):
        return in_locale(ModulePage.objects.live().public())

    def result_queryset(self, queryset):
        return queryset.select_related("provider").prefetch_related("themes").order_by("title")
