"""The planned sessions of published modules, for the portal's agenda (portal.agenda)."""

from datetime import timedelta

from django.utils.translation import gettext as _

from portal.agenda import AgendaItem
from portal.i18n import in_locale, language_code_of

from .models import ModulePage, ModuleSession


def module_sessions(moment):
    """Sessions starting at or after `moment` of the live, public modules, in the visitor's language."""
    modules = in_locale(ModulePage.objects.live().public())
    sessions = (
        ModuleSession.objects.filter(page__in=modules.values("pk"), starts_at__gte=moment)
        .select_related("page", "page__provider")
        .order_by("starts_at")
    )
    return [
        AgendaItem(
            uid=f"module-session-{session.pk}",
            title=session.page.title,
            kind=_("Module"),
            starts_at=session.starts_at,
            ends_at=session.starts_at + timedelta(minutes=session.page.duration_minutes),
            place=str(session.place),
            url=session.page.url,
            registration_url=session.registration_url,
            description=session.page.summary_line,
            language=language_code_of(session.page.locale_id),
        )
        for session in sessions
    ]
