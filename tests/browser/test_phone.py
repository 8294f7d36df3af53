"""On a phone (375 × 800): cards keep their padding, card titles fit, and a form shows no errors before anyone
has typed in it."""

import pytest

from .accessibility import load_demo_site

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
