"""A trainer logs in, builds a path of three modules, reorders it with the keyboard and shares it."""

import pytest
from django.contrib.auth.models import Group

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
    return [
        ModulePageFactory(parent=curriculum, title=title, audiences=audience)
        for title in ("Alfa: polarisatie herkennen", "Bravo: spanningen duiden", "Charlie: het casusoverleg")
    ]


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
