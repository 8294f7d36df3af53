"""A course path's steps as an iCalendar document (portal.agenda writes it): a step planned at a session of its
module at the session's time and place, a step planned on a day without one as an all-day event."""

import datetime

from portal.agenda import AgendaItem, calendar

from .agenda import session_item


def path_calendar(path_view, url):
    """The path's steps that have a day or a session; `url`: the path's address, which every event links to."""
    items = []
    for view in path_view.calendar_steps:
        title = view.module.title if view.available else view.step.module_title
        uid = f"coursepath-{path_view.path.pk}-step-{view.step.pk}"
        session = view.session
        if session is not None:
            description = f"{view.module.summary_line}. {view.step.note}".strip()
            numbered = f"{view.number}. {title}"
            items.append(session_item(session, view.module, uid=uid, title=numbered, url=url, description=description))
            continue
        day = view.step.planned_date
        description = f"{view.module.summary_line}. {view.step.note}".strip() if view.available else view.step.note
        items.append(
            AgendaItem(
                uid=uid,
                title=f"{view.number}. {title}",
                kind="",
                starts_at=day,
                ends_at=day + datetime.timedelta(days=1),
                place="",
                url=url,
                description=description,
            )
        )
    return calendar(items, path_view.path.title, lambda address: address)
