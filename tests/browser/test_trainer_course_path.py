"""A trainer's whole job with a course path: log in, build a path of three modules, plan a step on a session of
its module and note something, edit the note (the date survives), reorder with the keyboard and the mouse (the
button stays where it was), print and download the calendar of the still private path, then share it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from icalendar import Calendar

from curriculum.models import ModuleSession
from portal.models import Audience
from tests.factories import CurriculumIndexPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "trainer-browser-test-pw"


@pytest.fixture
def trainer(django_user_model):
    user = django_user_model.objects.create_user("trainer-browser", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Trainer"))
    return user


@pytest.fixture
def three_modules(home_page):
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    audience = [Audience.objects.get(slug="beleidsmedewerkers")]
    modules = [
        ModulePageFactory(parent=curriculum, title=title, audiences=audience, duration_minutes=minutes)
        for title, minutes in (
            ("Alfa: polarisatie herkennen", 240),
            ("Bravo: spanningen duiden", 300),
            ("Charlie: het casusoverleg", 120),
        )
    ]
    # Alfa meets in Zwolle at 9:30 on a weekday a few weeks from now.
    day = timezone.localdate() + datetime.timedelta(days=30)
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    ModuleSession.objects.create(page=modules[0], starts_at=starts_at, location="Zwolle")
    return modules


def session_day(module):
    return timezone.localdate(module.sessions.get().starts_at)


def tab_until_focused(page, element_id, limit=60):
    """Press Tab until the element has focus: proof that the keyboard alone reaches it."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} not reachable with Tab")


def step_titles(page):
    return [text.split(". ", 1)[1] for text in page.locator("ol.steps .step__title").all_inner_texts()]


def test_trainer_builds_reorders_and_shares_a_path(live_server, browser, page, trainer, three_modules, screenshot):
    page.goto(f"{live_server.url}/inloggen/?next=/leerlijnen/mijn/")
    page.get_by_label("Gebruikersnaam").fill(trainer.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/leerlijnen/mijn/")

    page.get_by_role("link", name="Nieuwe leerlijn").click()
    page.get_by_label("Titel").fill("Startprogramma team Noord")
    page.get_by_label("Doelgroep").select_option(label="Beleidsmedewerkers")
    page.get_by_role("button", name="Aanmaken").click()
    page.get_by_role("heading", name="Startprogramma team Noord").wait_for()

    for module in three_modules:
        page.get_by_label("Module", exact=True).select_option(label=f"{module.title} ({module.provider})")
        page.get_by_role("button", name="Toevoegen").click()
        page.get_by_text(f"Module ‘{module.title}’ toegevoegd.").wait_for()
    assert step_titles(page) == ["Alfa: polarisatie herkennen", "Bravo: spanningen duiden", "Charlie: het casusoverleg"]
    # 4 + 5 + 2 hours, written as on the shared page (not "660 minuten").
    assert "Totale duur: 11 uur" in page.locator("main").inner_text()

    # Plan Alfa on the day of its session in Zwolle, then change only the note: the date stays.
    day = session_day(three_modules[0])
    first = page.locator("ol.steps li.step").first
    first.get_by_text("Notitie en datum wijzigen").click()
    first.get_by_label("Geplande datum").fill(day.isoformat())
    first.get_by_label("Notitie").fill("Met het hele team.")
    first.get_by_role("button", name="Stap opslaan").click()
    page.get_by_text("Stap opgeslagen.").wait_for()
    first = page.locator("ol.steps li.step").first
    first.get_by_text("Notitie en datum wijzigen").click()
    assert first.get_by_label("Geplande datum").input_value() == day.isoformat()
    first.get_by_label("Notitie").fill("Met het hele team en de wijkagent.")
    first.get_by_role("button", name="Stap opslaan").click()
    page.get_by_text("Stap opgeslagen.").wait_for()
    first = page.locator("ol.steps li.step").first
    assert "Met het hele team en de wijkagent." in first.inner_text()
    assert "09:30, Zwolle" in first.inner_text()  # planned at the session: its time and place
    first.get_by_text("Notitie en datum wijzigen").click()
    assert first.get_by_label("Geplande datum").input_value() == day.isoformat()

    # The private path prints, and its calendar has the session at its own time, place and length.
    assert page.get_by_role("button", name="Deellink maken").is_visible()  # not shared yet
    page.get_by_role("link", name="Afdrukversie").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Startprogramma team Noord"
    assert "Zwolle" in page.locator("table").inner_text()
    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="Zet de data in uw agenda (iCalendar)").click()
    events = [event for event in Calendar.from_ical(open(download.value.path(), "rb").read()).walk("VEVENT")]
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]) == "1. Alfa: polarisatie herkennen" and str(event["location"]) == "Zwolle"
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert timezone.localtime(start).time() == datetime.time(9, 30) and end - start == datetime.timedelta(hours=4)
    assert "Met het hele team en de wijkagent." in str(event["description"])

    # With the mouse: the pressed "Omlaag" stays where it was on the screen (no jump down the page).
    page.set_viewport_size({"width": 1280, "height": 600})
    middle = page.locator("ol.steps li.step").nth(1)
    middle_id = middle.get_attribute("id")
    page.locator(f"#{middle_id}-down").scroll_into_view_if_needed()
    before = page.locator(f"#{middle_id}-down").bounding_box()["y"]
    with page.expect_navigation():
        page.locator(f"#{middle_id}-down").click()
    assert step_titles(page) == ["Alfa: polarisatie herkennen", "Charlie: het casusoverleg", "Bravo: spanningen duiden"]
    page.wait_for_timeout(300)  # the browser's own scroll to the fragment, if it were to come
    after = page.locator(f"#{middle_id}-up").bounding_box()["y"]
    assert abs(after - before) < 120, (before, after)  # the step moved one row; the page did not jump
    with page.expect_navigation():
        page.locator(f"#{middle_id}-up").click()
    assert step_titles(page) == ["Alfa: polarisatie herkennen", "Bravo: spanningen duiden", "Charlie: het casusoverleg"]
    page.set_viewport_size({"width": 1280, "height": 900})

    # Keyboard only: from the steps heading, Tab to "Omlaag" of the first step and press Enter.
    first_step_id = page.locator("ol.steps li.step").first.get_attribute("id")
    page.locator("#steps").focus()
    tab_until_focused(page, f"{first_step_id}-down")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert step_titles(page) == ["Bravo: spanningen duiden", "Alfa: polarisatie herkennen", "Charlie: het casusoverleg"]
    # Focus stays on the moved step's button, so pressing Enter again moves it further.
    assert page.evaluate("document.activeElement.id") == f"{first_step_id}-down"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert step_titles(page) == ["Bravo: spanningen duiden", "Charlie: het casusoverleg", "Alfa: polarisatie herkennen"]
    screenshot(page, "course-path-edit")

    page.get_by_role("button", name="Deellink maken").click()
    share_url = page.get_by_label("Deellink").input_value()
    assert "/leerlijnen/gedeeld/" in share_url

    logged_out = browser.new_context(viewport={"width": 375, "height": 800})
    visitor = logged_out.new_page()
    visitor.goto(share_url)
    assert visitor.get_by_role("heading", level=1).inner_text() == "Startprogramma team Noord"
    assert step_titles(visitor) == [
        "Bravo: spanningen duiden",
        "Charlie: het casusoverleg",
        "Alfa: polarisatie herkennen",
    ]
    assert visitor.get_by_role("button", name="Omhoog").count() == 0
    assert visitor.get_by_role("link", name="Inloggen").is_visible()
    screenshot(visitor, "course-path-shared-375")
    logged_out.close()
