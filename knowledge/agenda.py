"""Published events, for the portal's agenda (portal.agenda)."""

from django.utils.translation import gettext as _

from portal.agenda import AgendaItem
from portal.i18n import in_locale, language_code_of

from .models import EventPage


def events(moment):
    """Live, public events starting at or after `moment`, in the visitor's language."""
    pages = in_locale(EventPage.objects.live().public()).filter(starts_at__gte=moment).order_by("starts_at")
    return [
        AgendaItem(
            uid=f"event-{page.translation_key}",
            title=page.title,
            kind=_("Bijeenkomst"),
            starts_at=page.starts_at,
            ends_at=page.ends_at,
            place=page.location,
            url=page.url,
            description=page.intro,
            language=language_code_of(page.locale_id),
        )
        for page in pages
    ]
