"""A member of municipal staff answers the needs survey in a real browser; the form passes axe, and the public
summary of the closed round shows its chart with the table beside it."""

import pytest

from .accessibility import DEMO_STAFF_PASSWORD, axe_violations, horizontal_overflow, load_demo_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def page(browser):
    # axe is injected as an inline script, which the site's CSP forbids: only this test context bypasses it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True, locale="nl-NL")
    yield context.new_page()
    context.close()


def test_municipal_staff_answer_the_open_round(live_server, page, monkeypatch, screenshot):
    from needs.demo import OPEN_ROUND_SLUG
    from needs.models import SurveyResponse

    load_demo_site(monkeypatch)
    page.goto(f"{live_server.url}/behoeftepeiling/")
    page.get_by_role("link", name="Tussenpeiling 2026").click()
    # Visitors are asked to log in first.
    page.wait_for_url("**/inloggen/**")
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill(DEMO_STAFF_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**/behoeftepeiling/{OPEN_ROUND_SLUG}/invullen/")
    assert "namens gemeente Amersfoort" in page.inner_text("main")
    assert axe_violations(page) == []

    # Submitting without answers: the form comes back with messages, nothing is stored.
    page.get_by_role("button", name="Antwoorden opslaan").click()
    assert "nog niet goed ingevuld" in page.inner_text("main")
    assert axe_violations(page) == []

    questions = page.locator("fieldset.survey-question")
    assert questions.count() == 2
    for index in range(questions.count()):
        question = questions.nth(index)
        question.get_by_label("Urgent").check()
        question.get_by_label("E-learning").check()
        question.get_by_label("Helpdesk").check()
    page.get_by_label("Toelichting (optioneel)").fill("Graag ook iets over online polarisatie.")
    screenshot(page, "needs-survey-form")
    page.get_by_role("button", name="Antwoorden opslaan").click()
    assert "Dank u wel" in page.inner_text("main")
    # Back on the form, the answers are there to revise.
    assert page.locator("fieldset.survey-question").first.get_by_label("Urgent").is_checked()

    response = SurveyResponse.objects.get(round__slug=OPEN_ROUND_SLUG, is_current=True)
    assert response.municipality.name == "Amersfoort"
    assert sorted(answer.urgency for answer in response.answers.all()) == [3, 3]


def test_the_public_summary_shows_a_chart_with_a_table(live_server, page, monkeypatch, screenshot):
    from needs.demo import CLOSED_ROUND_SLUG

    load_demo_site(monkeypatch)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/behoeftepeiling/{CLOSED_ROUND_SLUG}/")
    chart = page.get_by_role("img", name="Percentage gemeenten met behoefte, per thema en doelgroep")
    assert chart.is_visible()
    assert page.get_by_role("table", name="Gemeenten met behoefte, per thema en doelgroep").is_visible()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    screenshot(page, "needs-survey-summary-375px")
