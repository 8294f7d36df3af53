"""The curriculum's overview, declared once: filters and counts, the API, its exports and theme pages read it."""

from django.utils.translation import gettext_lazy as _

from portal.facets import AUDIENCES, TAGS, THEMES
from portal.listings import (
    PAGE_FIELDS,
    STRING,
    ChoiceFacet,
    Field,
    InSearch,
    Listing,
    OnHome,
    TermFacet,
    attribute,
    choice,
    nested,
    register,
    tag_slugs,
    term_slugs,
)

from .models import ModulePage, Provider

LEVEL = ChoiceFacet("niveau", _("Niveau"), "level", "Level", choices=tuple(ModulePage.LEVELS))
FORMAT = ChoiceFacet("vorm", _("Vorm"), "format", "Format", choices=tuple(ModulePage.FORMATS))
PROVIDER = TermFacet("aanbieder", _("Aanbieder"), "provider__slug", "Provider slug", model=Provider)

MODULES = register(
    Listing(
        name="modules",
        schema_name="Module",
        model=ModulePage,
        facets=(THEMES, AUDIENCES, LEVEL, FORMAT, PROVIDER, TAGS),
        order=("title",),
        fields=PAGE_FIELDS
        + (
            term_slugs("themes"),
            term_slugs("audiences"),
            tag_slugs(),
            choice("level", ModulePage.LEVELS),
            choice("format", ModulePage.FORMATS),
            attribute("duration_minutes", {"type": "integer"}),
            nested("provider", (attribute("slug", STRING), attribute("name", STRING)), columns=("name",)),
            Field(
                "learning_goals",
                {"type": "array", "items": STRING},
                lambda page, request: [str(block.value) for block in page.learning_goals],
                columns=(),
            ),
            attribute("cost", STRING),
            attribute("certificate", {"type": "boolean"}),
        ),
        select_related=("provider",),
        prefetch_related=("themes", "audiences", "tags"),
        gathered_as="modules",
        in_search=InSearch(
            "module", _("Module"), words="module training cursus opleiding scholing workshop leergang course"
        ),
        on_home=OnHome(_("Nieuwe modules"), describe=lambda page: page.summary_line),
    )
)
