"""The accessibility run of every public page type in one language (tests/browser/test_accessibility.py)."""

from pathlib import Path

from django.core.management import call_command

from .site_pages import public_page_urls

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
# WCAG 2.1 A and AA, which the law asks for, and axe's best practices (unique landmarks, heading order, ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
WIDTHS = {"desktop": 1280, "mobile": 375}
NARROWEST = 320  # 1280 px at 400% zoom
GALLERY_LANGUAGE = "nl"  # docs/screenshots/: the Dutch site (the English one has the same page types)


DEMO_STAFF_PASSWORD = "demo-staff-test-password"


def load_demo_site(monkeypatch):
    monkeypatch.setenv("DEMO_EDITOR_PASSWORD", "demo-editor-test-password")
    monkeypatch.setenv("DEMO_TRAINER_PASSWORD", "demo-trainer-test-password")
    monkeypatch.setenv("DEMO_STAFF_PASSWORD", DEMO_STAFF_PASSWORD)
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))


def tab_to(page, condition, limit=300):
    """Press Tab until the focused element satisfies `condition` (a JS function of the element); a page with
    every filter's checkboxes takes a few hundred presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({condition})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def axe_violations(page):
    if not page.evaluate("typeof axe !== 'undefined'"):  # once per page load, not per check
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the window (0: no sideways scrolling needed)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def check_every_page_type(browser, live_server, screenshot, language):
    urls = public_page_urls(language)
    problems = []
    # One visit per page, then the window resized: media queries apply as they would on a phone, and each
    # page is rendered once instead of once per width. The site's CSP allows no inline script; axe is
    # injected as one, so only the test context bypasses it.
    widest = max(WIDTHS.values())
    context = browser.new_context(viewport={"width": widest, "height": 900}, bypass_csp=True, locale=f"{language}-NL")
    page = context.new_page()
    for name, path in urls:
        response = page.goto(live_server.url + path)
        expected = 404 if name == "not-found" else 200
        if response.status != expected:
            problems.append(f"{path}: HTTP {response.status}")
            continue
        if page.get_attribute("html", "lang") != language:
            problems.append(f"{path}: <html lang> is {page.get_attribute('html', 'lang')!r}")
        for width in WIDTHS.values():
            page.set_viewport_size({"width": width, "height": 900})
            problems.extend(f"{path} at {width}px: {violation}" for violation in axe_violations(page))
            overflow = horizontal_overflow(page)
            if overflow > 0:
                problems.append(f"{path} at {width}px: {overflow}px wider than the window")
            screenshot(page, f"{language}-{width}-{name}", gallery=language == GALLERY_LANGUAGE)
        # 400% zoom: the content must reflow into 320 CSS pixels without scrolling sideways (WCAG 1.4.10).
        page.set_viewport_size({"width": NARROWEST, "height": 640})
        overflow = horizontal_overflow(page)
        if overflow > 0:
            problems.append(f"{path} at {NARROWEST}px: {overflow}px wider than the window")
        page.set_viewport_size({"width": widest, "height": 900})
    context.close()
    return urls, problems
