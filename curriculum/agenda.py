"""The planned sessions of published modules, for the portal's agenda (portal.agenda)."""

from dataclasses import replace
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
    return [session_item(session, session.page) for session in sessions]


def session_item(session, module, **changes):
    """A session of `module` as an agenda item (its time, length and place); `changes` replace fields."""
    item = AgendaItem(
        uid=f"module-session-{session.pk}",
        title=module.title,
        kind=_("Module"),
        starts_at=session.starts_at,
        ends_at=session.starts_at + timedelta(minutes=module.duration_minutes),
        place=str(session.place),
        url=module.url,
        registration_url=session.registration_url,
        description=module.summary_line,
        language=language_code_of(module.locale_id),
    )
    return replace(item, **changes)
