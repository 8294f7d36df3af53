"""Keyboard only: the skip link, the main navigation, the language switch, the header search box and the
search facets all work without a mouse, with a visible focus."""

import pytest

from .accessibility import load_demo_site, tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def has_text(text):
    return f"element => element.textContent.trim().startsWith({text!r})"


def focus_is_visible(page):
    """A focus indicator: an outline or box shadow on the focused element."""
    return page.evaluate(
        "() => { const style = getComputedStyle(document.activeElement);"
        " return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'; }"
    )


def test_the_portal_works_with_the_keyboard_alone(browser, live_server, screenshot, monkeypatch):
    load_demo_site(monkeypatch)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(live_server.url + "/")

    # The skip link comes first and moves focus to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Main navigation: reach a theme and open it.
    page.goto(live_server.url + "/")
    tab_to(page, "element => element.closest('.main-nav') && element.textContent.trim() === 'Polarisatie'")
    assert focus_is_visible(page)
    screenshot(page, "keyboard-main-navigation")
    page.keyboard.press("Enter")
    page.wait_for_url("**/polarisatie/")
    assert (
        page.get_by_role("navigation", name="Hoofdmenu")
        .get_by_role("link", name="Polarisatie")
        .get_attribute("aria-current")
        == "page"
    )

    # Language switch: the same page in English, and back.
    tab_to(page, "element => element.closest('.language-switch') && element.lang === 'en'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/polarisatie/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Polarisation"
    tab_to(page, "element => element.closest('.language-switch') && element.lang === 'nl'")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith("/polarisatie/") and "/en/" not in url)

    # The header search box on any page.
    tab_to(page, "element => element.id === 'site-search-q'")
    assert focus_is_visible(page)
    page.keyboard.type("polarisatie")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=polarisatie")
    assert page.locator(".search-results li").count() > 1

    # Facets: tick one with the space bar, apply with Enter.
    tab_to(page, "element => element.type === 'checkbox' && element.labels[0].textContent.trim().startsWith('Module')")
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    screenshot(page, "keyboard-facets")
    tab_to(page, has_text("Filters toepassen"))
    page.keyboard.press("Enter")
    page.wait_for_url("**soort=module**")
    types = page.locator(".search-results .meta, .search-results .eyebrow").all_inner_texts()
    assert page.locator(".search-results li").count() >= 1
    assert all("Module" in text for text in types if text.strip()), types
    context.close()
