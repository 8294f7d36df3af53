"""A course path's dated steps as an iCalendar document: one all-day event per step (portal.agenda writes it)."""

import datetime

from portal.agenda import AgendaItem, calendar


def path_calendar(path_view, url):
    """The path's dated steps; `url`: the path's address, which every event links to."""
    items = []
    for view in path_view.dated_steps:
        day = view.step.planned_date
        title = view.module.title if view.available else view.step.module_title
        description = view.step.note
        if view.available:
            module = view.module
            description = f"{module.summary_line}. {description}".strip()
        items.append(
            AgendaItem(
                uid=f"coursepath-{path_view.path.pk}-step-{view.step.pk}",
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
