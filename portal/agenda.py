"""The agenda: every upcoming gathering the portal knows of, from the apps that hold them.

Events (knowledge) and the planned sessions of modules (curriculum) live in different apps; each registers a
source here when it is ready, so the home page, the events overview and the iCalendar feed list them together
while the portal imports neither app. A source returns `AgendaItem`s of live, public pages in the visitor's
language, starting at or after the moment it is given.
"""

import dataclasses
from datetime import date, datetime, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from . import caching

_SOURCES = []
_OVERVIEWS = []  # page types that show the whole agenda (the events overview)

AGENDA = caching.Entry("agenda", ("language", "day"), timeout=3600)  # a safety net: publishing renews it
FEED_DAYS_BACK = 30  # calendar programs keep what they saw; a feed also shows what just happened
UID_DOMAIN = "kennisportaal-sociale-stabiliteit"


@dataclasses.dataclass(frozen=True)
class AgendaItem:
    uid: str  # stable for the life of the gathering: calendar programs update rather than duplicate
    title: str
    kind: str  # what it is, for people: "Bijeenkomst", "Module"
    starts_at: datetime | date  # a date: an all-day event (a course path's planned step)
    ends_at: datetime | date | None
    place: str
    url: str  # the page that describes it, without the host
    registration_url: str = ""
    description: str = ""
    language: str = ""  # of the page (a Dutch one in an English agenda where it has no translation)


def register(source, overview=None):
    """Add a source: a function of a moment that returns the AgendaItems starting at or after it; `overview`:
    the page type that lists the whole agenda, if this app has one (the home page links it)."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    if overview is not None and overview not in _OVERVIEWS:
        _OVERVIEWS.append(overview)
    return source


def overview_page(home_page):
    """The live, public page below `home_page` that lists the whole agenda, or None."""
    for model in _OVERVIEWS:
        page = model.objects.child_of(home_page).live().public().first()
        if page is not None:
            return page
    return None


def items_from(moment):
    """Every source's items starting at or after `moment`, earliest first (one list, uncached)."""
    found = [item for source in _SOURCES for item in source(moment)]
    return sorted(found, key=lambda item: (item.starts_at, item.title))


def upcoming(language, limit=None, now=None):
    """What has not started yet, earliest first (from the shared cache; see `_cached_from`)."""
    now = now or timezone.now()
    items = [item for item in _cached_from(language, now, days_back=0) if item.starts_at >= now]
    return items if limit is None else items[:limit]


def for_feed(language, now=None):
    """The feed's items: the upcoming ones and those of the last FEED_DAYS_BACK days."""
    return _cached_from(language, now or timezone.now(), days_back=FEED_DAYS_BACK)


def _cached_from(language, now, days_back):
    """Items from the start of the day (minus `days_back`) in the shared cache, renewed when a page it shows is
    published (the sources record their listings) and on the next day; callers drop what started since."""
    day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days_back)
    return AGENDA.get_or_build(lambda: items_from(day), language=language, day=day.isoformat())


def calendar(items, name, absolute):
    """The items as an iCalendar (RFC 5545) document; `absolute` makes a page's path a full URL. The icalendar
    library escapes, folds long lines and writes dates as all-day values."""
    document = Calendar()
    document.add("prodid", f"-//{UID_DOMAIN}//agenda//NL")
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    document.add("x-wr-calname", name)
    stamp = timezone.now()
    for item in items:
        event = Event()
        event.add("uid", f"{item.uid}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.starts_at)
        # Without an end, calendars show a point in time; a session of unknown length is shown as two hours.
        event.add("dtend", item.ends_at or item.starts_at + timedelta(hours=2))
        event.add("summary", item.title)
        if item.place:
            event.add("location", item.place)
        event.add("url", absolute(item.url))
        description = "\n\n".join(
            part for part in (item.kind, item.description, absolute(item.url), item.registration_url) if part
        )
        event.add("description", description)
        document.add_component(event)
    return document.to_ical()
