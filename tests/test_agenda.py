"""The agenda: events and the planned sessions of modules together on the home page, on /bijeenkomsten/ and in
an iCalendar feed; only what is published and public, only what has not started (the feed also keeps the last
month)."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from curriculum.models import ModuleSession
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    ModulePageFactory,
    translate,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def planned(home_page, curriculum, publish):
    """A published module with a past and two coming sessions, a draft module with one, an event in between."""
    now = timezone.now()
    module = ModulePageFactory(parent=curriculum, title="Polarisatie herkennen")
    module.sessions.add(ModuleSession(starts_at=now - 3 * DAY, location="Zwolle"))
    module.sessions.add(ModuleSession(starts_at=now + 5 * DAY, location="Assen", registration_url="https://x.nl/a"))
    module.sessions.add(ModuleSession(starts_at=now + 40 * DAY, online=True))
    publish(module)
    draft = ModulePageFactory(parent=curriculum, title="Nog niet gepubliceerd", live=False)
    draft.sessions.add(ModuleSession(starts_at=now + 6 * DAY, location="Delft"))
    draft.save()  # the session is in the database; the module is not live
    assert ModuleSession.objects.filter(location="Delft").exists()
    events = EventIndexPageFactory(parent=home_page, slug="bijeenkomsten")
    event = publish(EventPageFactory(parent=events, title="Themadag", starts_at=now + 10 * DAY, location="Amersfoort"))
    EventPageFactory(parent=events, title="Vorige themadag", starts_at=now - 300 * DAY)
    return {"module": module, "draft": draft, "events": events, "event": event}


def titles_in_order(html, titles):
    positions = {title: html.find(title) for title in titles}
    assert all(position >= 0 for position in positions.values()), positions
    return sorted(titles, key=positions.get)


def test_the_events_overview_lists_module_sessions_beside_events_earliest_first(planned, client):
    html = client.get(planned["events"].url).content.decode()
    upcoming = html.split('id="upcoming-heading"')[1].split('id="past-heading"')[0]
    assert titles_in_order(upcoming, ["Assen", "Themadag", "Online"]) == ["Assen", "Themadag", "Online"]
    assert "Polarisatie herkennen" in upcoming and "https://x.nl/a" in upcoming
    assert "Zwolle" not in upcoming  # started three days ago
    assert "Nog niet gepubliceerd" not in html and "Delft" not in html
    assert "Vorige themadag" in html.split('id="past-heading"')[1]
    assert '/agenda.ics"' in html


def test_the_home_page_shows_what_comes_next_and_what_is_new(planned, home_page, client, publish):
    case_studies = CaseStudyIndexPageFactory(parent=home_page)
    publish(CaseStudyPageFactory(parent=case_studies, title="Wijkaanpak in Zwolle"))
    html = client.get(home_page.url).content.decode()
    agenda = html.split('id="agenda-heading"')[1].split("</section>")[0]
    assert titles_in_order(agenda, ["Assen", "Themadag"]) == ["Assen", "Themadag"]
    assert "Nog niet gepubliceerd" not in html
    assert "Nieuwe praktijkvoorbeelden" in html and "Wijkaanpak in Zwolle" in html
    assert "Nieuwe modules" in html and "Polarisatie herkennen" in html

    # What is published later joins the home page at once (the cached sections are renewed); a draft never.
    publish(CaseStudyPageFactory(parent=case_studies, title="Ontmoetingsplekken in Assen"))
    CaseStudyPageFactory(parent=case_studies, title="Concept in Delft", live=False).save_revision()
    html = client.get(home_page.url).content.decode()
    newest = html.split(">Nieuwe praktijkvoorbeelden</h2>")[1].split("</section>")[0]
    assert titles_in_order(newest, ["Ontmoetingsplekken in Assen", "Wijkaanpak in Zwolle"])[0].startswith("Ontmoet")
    assert "Concept in Delft" not in html


def test_a_session_drops_off_the_home_page_once_it_has_started(planned, home_page, client, monkeypatch):
    assert "Assen" in client.get(home_page.url).content.decode()
    later = timezone.now() + 5 * DAY + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    html = client.get(home_page.url).content.decode()
    assert "Assen" not in html.split('id="agenda-heading"')[1].split("</section>")[0]


def test_the_icalendar_feed_has_every_upcoming_session_and_event(planned, client):
    response = client.get("/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    summaries = sorted(str(event["location"]) for event in calendar.walk("VEVENT"))
    assert summaries == ["Amersfoort", "Assen", "Online", "Zwolle"]  # the last month too, never the draft
    assert "Nog niet gepubliceerd" not in events
    event = events["Themadag"]
    assert event.decoded("dtstart") == planned["event"].starts_at.replace(microsecond=0)
    assert str(event["url"]) == "http://testserver" + planned["event"].url
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert len(set(uids)) == 4  # calendar programs update an item by its UID rather than adding it twice
    assert client.get("/agenda.ics").content.count(b"BEGIN:VEVENT") == 4  # the same UIDs on the next visit
    assert set(uids) == {
        str(event["uid"]) for event in Calendar.from_ical(client.get("/agenda.ics").content).walk("VEVENT")
    }


def test_the_english_feed_and_overview_use_english_titles(planned, client):
    translate(planned["module"], title="Recognising polarisation")
    calendar = Calendar.from_ical(client.get("/en/agenda.ics").content)
    summaries = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    assert "Recognising polarisation" in summaries and "Polarisatie herkennen" not in summaries
    assert "Themadag" in summaries  # not translated: the Dutch original


def test_unpublishing_a_module_takes_its_sessions_off_the_agenda(planned, client):
    assert "Assen" in client.get(planned["events"].url).content.decode()
    planned["module"].unpublish()
    assert "Assen" not in client.get(planned["events"].url).content.decode()
    assert b"Assen" not in client.get("/agenda.ics").content
