"""On a phone (375 × 800): cards keep their padding, card titles fit, and a form shows no errors before anyone
has typed in it."""

import pytest

from .accessibility import load_demo_site, tab_to
from .conftest import OUTPUT_DIR

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

INVALID_RED = "rgb(164, 0, 27)"  # --utrecht-form-control-invalid-border-color (theme.css)


def test_cards_forms_and_titles_on_a_phone(browser, live_server, screenshot, monkeypatch):
    load_demo_site(monkeypatch)
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL")
    page = context.new_page()

    # Cards in every kind of list keep their inner padding (the list reset used to take it off the left).
    for path in ("/curriculum/", "/praktijkvoorbeelden/", "/handreikingen/", "/zoeken/?q=polarisatie"):
        page.goto(live_server.url + path)
        paddings = page.evaluate(
            "() => [...document.querySelectorAll('main li.card')]"
            ".map(card => parseFloat(getComputedStyle(card).paddingLeft))"
        )
        assert paddings and min(paddings) >= 8, (path, paddings)

    # No card title runs out of its card: long compounds fit or break at a syllable, not past the edge.
    page.goto(live_server.url + "/leerlijnen/")
    overflowing = page.evaluate(
        "() => [...document.querySelectorAll('.card__title')].filter(t => t.scrollWidth > t.clientWidth + 1).length"
    )
    assert overflowing == 0
    screenshot(page, "phone-course-paths")

    # The submission form: required fields look normal until the visitor has left one wrong.
    page.goto(live_server.url + "/praktijkvoorbeelden/insturen/")
    borders = page.evaluate(
        "() => [...document.querySelectorAll('main input, main textarea, main select')]"
        ".map(field => getComputedStyle(field).borderTopColor)"
    )
    assert borders and INVALID_RED not in borders, borders
    email = page.locator("main input[type=email]").first
    email.fill("geen-adres")
    email.blur()
    assert page.evaluate("field => getComputedStyle(field).borderTopColor", email.element_handle()) == INVALID_RED
    context.close()


PHONE = {"width": 375, "height": 800}
FIRST_RESULT = "main :is(.module-list, .search-results) > li.card"
FIRST_SCREEN = 560  # px from the top of an 800 px screen


def test_overviews_and_search_start_with_results_on_a_phone(browser, live_server, screenshot, monkeypatch):
    load_demo_site(monkeypatch)
    for javascript in (True, False):
        first_screen(browser, live_server, screenshot, javascript)


def first_screen(browser, live_server, screenshot, javascript):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", java_script_enabled=javascript)
    page = context.new_page()
    paths = {
        "modules": "/curriculum/",
        "case-studies": "/praktijkvoorbeelden/",
        "guidance": "/handreikingen/",
        "search": "/zoeken/?q=polarisatie",
        "filtered": "/praktijkvoorbeelden/?thema=polarisatie&thema=inclusie",
        "search-with-a-notice": "/zoeken/?q=polarsatie",  # misspelt: "searched for the corrected spelling"
        "like-mine": "/praktijkvoorbeelden/?lijkt_op=GM0307",  # "examples from municipalities like Amersfoort"
    }
    measured = []
    for name, path in paths.items():
        page.goto(live_server.url + path)
        count_top = page.evaluate("() => document.getElementById('results-heading').getBoundingClientRect().top")
        first_top = page.evaluate(f"() => document.querySelector({FIRST_RESULT!r}).getBoundingClientRect().top")
        measured.append(f"{path}: count at {count_top:.0f} px, first result at {first_top:.0f} px")
        if name in ("search-with-a-notice", "like-mine"):
            assert page.locator("main .notice").is_visible()
        # The number of results and the start of the first result are high on the first screen (the search page
        # has one search box, the header none), with the filters closed, also with chips or a notice above them.
        assert count_top < FIRST_SCREEN and first_top < FIRST_SCREEN, (path, count_top, first_top)
        if javascript:
            screenshot(page, f"phone-first-screen-{name}")
    if javascript:
        # The open filter panel of the overview with the most facets fits in two screens: values without results
        # are not offered, long facets show their first values and the rest behind "more", and it is one form.
        page.goto(live_server.url + "/praktijkvoorbeelden/")
        page.locator(".filter-panel__toggle").click()
        height = page.evaluate("() => document.querySelector('.filter-panel').getBoundingClientRect().height")
        measured.append(f"/praktijkvoorbeelden/: open filter panel {height:.0f} px")
        assert height <= 2 * PHONE["height"], height
        counts = page.locator(".filter-panel .count").all_inner_texts()
        assert counts and "(0)" not in counts
        assert page.locator(".filter-panel form").count() == 1
        screenshot(page, "phone-filter-panel-open")
    context.close()
    # Where they begin, for the record (test-output/phone-first-screen-<with|without>-javascript.txt).
    report = OUTPUT_DIR.parent / f"phone-first-screen-{'with' if javascript else 'without'}-javascript.txt"
    report.write_text(f"375 x 800, JavaScript {'on' if javascript else 'off'}\n" + "\n".join(measured) + "\n")


def test_filter_remove_a_chip_open_the_menu_and_drop_a_filter_with_the_keyboard_and_without_javascript(
    browser, live_server, screenshot, monkeypatch
):
    load_demo_site(monkeypatch)
    context = browser.new_context(viewport=PHONE, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/praktijkvoorbeelden/")
    total = int(page.text_content("#results-heading").split()[0])

    # The filters are closed: their checkboxes are not on the screen until the panel is opened.
    assert not page.locator("#f-thema-1").is_visible()
    tab_to(page, "element => element.matches('.filter-panel__toggle')")
    page.keyboard.press("Enter")
    assert page.locator("#f-thema-1").is_visible()
    tab_to(page, "element => element.id === 'f-thema-2'")  # Polarisatie
    page.keyboard.press("Space")
    tab_to(page, "element => element.matches('.filters__apply button')")
    page.keyboard.press("Enter")
    page.wait_for_url("**thema=polarisatie**")
    filtered = int(page.text_content("#results-heading").split()[0])
    assert 0 < filtered < total
    chip = page.locator(".chips .chip").first
    assert "Thema: Polarisatie" in chip.text_content()
    assert page.text_content(".filter-panel__toggle").split() == ["Filters", "(1", "gekozen)"]
    screenshot(page, "phone-filter-chosen")

    # Removing the chip (with the keyboard) brings every case study back.
    tab_to(page, "element => element.matches('.chips .chip')")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "thema=" not in url)
    assert int(page.text_content("#results-heading").split()[0]) == total
    assert page.locator(".chips").count() == 0

    # The menu: behind a button at the top, opened and closed with the keyboard.
    menu_link = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Handreikingen")
    assert not menu_link.is_visible()
    toggle_top = page.evaluate("() => document.querySelector('.site-menu__toggle').getBoundingClientRect().top")
    assert toggle_top < 100
    page.goto(live_server.url + "/praktijkvoorbeelden/")
    tab_to(page, "element => element.matches('.site-menu__toggle')")
    page.keyboard.press("Enter")
    assert menu_link.is_visible()
    screenshot(page, "phone-menu-open")
    tab_to(page, "element => element.closest('.main-nav') && element.textContent.trim() === 'Handreikingen'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/handreikingen/")

    # A combination without results names each filter, with a link that drops it.
    page.goto(live_server.url + "/curriculum/?thema=polarisatie&niveau=specialistisch&vorm=e-learning")
    assert page.text_content("#results-heading").startswith("0 ")  # no specialist e-learning on polarisation
    advice = page.locator(".no-results a")
    names = advice.all_text_contents()
    assert any("Thema" in name for name in names) and len(names) >= 3, names
    advice.first.click()
    assert "thema=" not in page.url and "niveau=specialistisch" in page.url
    context.close()
