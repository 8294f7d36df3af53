"""The facets every listing shares: theme, audience and tag. Each content app's listings add their own."""

from django.utils.translation import gettext_lazy as _

from .listings import TagFacet, TermFacet
from .models import Audience, Theme

THEMES = TermFacet("thema", _("Thema"), "themes__slug", "Theme slug", model=Theme)
AUDIENCES = TermFacet("doelgroep", _("Doelgroep"), "audiences__slug", "Audience slug", model=Audience)
TAGS = TagFacet("trefwoord", _("Trefwoord"), "tagged_items__tag__slug", "Tag slug")
