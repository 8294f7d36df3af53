"""JavaScript only enhances: search and facets work without it. On paper a module, a case study and a course
path print without the site's navigation."""

import pytest
from django.core.management import call_command

from tests.factories import CurriculumIndexPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def modules(home_page):
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    for title in ("Polarisatie op school", "Polarisatie in de wijk"):
        ModulePageFactory(parent=curriculum, title=title, intro="Gesprekken over spanningen.")
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    return curriculum


def test_search_and_facets_work_without_javascript(modules, browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_label("Zoeken in het portaal").fill("polarisatie")
    page.get_by_label("Zoeken in het portaal").press("Enter")
    page.wait_for_url("**/zoeken/?q=polarisatie")
    assert page.locator(".search-results li").count() == 2
    page.get_by_label("Module (2)").check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url("**soort=module**")
    assert page.locator(".search-results li").count() == 2
    context.close()


def test_a_module_prints_without_the_site_navigation(modules, browser, live_server, screenshot):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(live_server.url + modules.get_children().first().url)
    page.emulate_media(media="print")
    assert page.get_by_role("heading", level=1).is_visible()
    for chrome in (".site-header", ".main-nav", ".site-footer", ".breadcrumbs"):
        assert not page.locator(chrome).is_visible(), chrome
    screenshot(page, "module-print")
    context.close()
