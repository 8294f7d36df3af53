"""A policy maker searches: suggestions while typing (keyboard only), results with marked words, facets."""

import pytest
from django.core.management import call_command

from tests.factories import CurriculumIndexPageFactory, ModulePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def modules(home_page):
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    for title, intro in [
        ("Polarisatie op school", "Gesprekken over spanningen in de klas."),
        ("Radicalisering signaleren", "Signalen van radicaliseren herkennen."),
        ("Samenwerking zorg en veiligheid", "Afspraken tussen het sociaal domein en het veiligheidsdomein."),
    ]:
        ModulePageFactory(parent=curriculum, title=title, intro=intro)
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))


def test_suggestions_combobox_works_with_the_keyboard(modules, live_server, page, screenshot):
    page.goto(f"{live_server.url}/zoeken/")
    box = page.get_by_role("combobox")
    box.focus()
    page.keyboard.type("pola", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("option").all_inner_texts()[0].startswith("Polarisatie op school")
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    screenshot(page, "search-suggestions")
    page.keyboard.press("Enter")
    page.wait_for_url("**/curriculum/polarisatie-op-school/")


def test_results_mark_the_words_and_facets_narrow(modules, home_page, live_server, page, screenshot):
    StandardPageFactory(
        parent=home_page, title="Over radicalisering", intro="Wat het portaal over radicalisering biedt."
    )
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    page.goto(f"{live_server.url}/zoeken/?q=radicalisering")
    # What a visitor reads: how many results for the words they typed, those words marked in each result.
    assert page.locator("#results-heading").inner_text() == "2 resultaten voor “radicalisering”"
    results = page.locator(".search-results > li")
    assert sorted(results.locator("h3").all_inner_texts()) == ["Over radicalisering", "Radicalisering signaleren"]
    for position in range(2):
        marked = results.nth(position).locator("h3 mark").all_inner_texts()
        assert [word.lower() for word in marked] == ["radicalisering"]
    # Choosing a facet narrows the results to what it names, and the choice stays checked.
    page.get_by_label("Module (1)").check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url("**soort=module**")
    assert page.get_by_label("Module (1)").is_checked()
    assert page.locator("#results-heading").inner_text() == "1 resultaat voor “radicalisering”"
    assert page.locator(".search-results > li h3").all_inner_texts() == ["Radicalisering signaleren"]
    screenshot(page, "search-results")
