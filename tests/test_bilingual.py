"""Dutch first, English alongside: the language switch keeps the visitor on the page, listings show one version
of each page, and nothing a visitor may not see leaks through a translation."""

import pytest
from django.utils import translation

from portal.i18n import in_locale, language_links
from tests.factories import (
    AudiencePageFactory,
    CurriculumIndexPageFactory,
    ModulePageFactory,
    StandardPageFactory,
    ThemePageFactory,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_home(home_page):
    return translate(home_page, title="Knowledge portal")


def switch(client, url):
    """The language switch's links on a page: {language code: href}."""
    from bs4 import BeautifulSoup

    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    nav = soup.select_one("nav.language-switch")
    return {link["hreflang"]: link["href"] for link in nav.select("a[hreflang]")}, soup


def test_the_switch_leads_to_the_same_page_in_the_other_language(english_home, home_page, client):
    about = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    translate(about, title="About us")
    links, soup = switch(client, "/over-ons/")
    assert links == {"en": "/en/over-ons/"}
    assert soup.html["lang"] == "nl"
    links, soup = switch(client, "/en/over-ons/")
    assert links == {"nl": "/over-ons/"}
    assert soup.html["lang"] == "en"
    assert soup.select_one("link[rel=alternate][hreflang=en]")["href"].endswith("/en/over-ons/")


def test_without_a_translation_the_switch_leads_home_and_says_so(english_home, home_page, client):
    StandardPageFactory(parent=home_page, title="Alleen Nederlands", slug="alleen-nederlands")
    links, soup = switch(client, "/alleen-nederlands/")
    assert links == {"en": "/en/"}
    assert "this page has not been translated" in soup.select_one("nav.language-switch a").get_text()
    # A draft translation is not a translation yet.
    translate(home_page.get_children().get(slug="alleen-nederlands").specific, title="Only Dutch", publish=False)
    links, _soup = switch(client, "/alleen-nederlands/")
    assert links == {"en": "/en/"}


def test_views_outside_the_page_tree_keep_their_query(english_home, client):
    links, _soup = switch(client, "/zoeken/?q=polarisatie&soort=module")
    assert links == {"en": "/en/zoeken/?q=polarisatie&soort=module"}


def test_listings_show_one_version_of_each_page(english_home, home_page):
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    translated = ModulePageFactory(parent=curriculum, title="Polarisatie herkennen")
    dutch_only = ModulePageFactory(parent=curriculum, title="Ondermijning")
    english = translate(translated, title="Recognising polarisation")
    from curriculum.models import ModulePage

    with translation.override("en"):
        assert set(in_locale(ModulePage.objects.live()).values_list("pk", flat=True)) == {english.pk, dutch_only.pk}
    with translation.override("nl"):
        assert set(in_locale(ModulePage.objects.live()).values_list("pk", flat=True)) == {translated.pk, dutch_only.pk}


def test_english_theme_and_audience_pages_gather_english_where_translated(english_home, home_page, client):
    theme_page = ThemePageFactory(parent=home_page, slug="thema")
    audience_page = AudiencePageFactory(parent=home_page, slug="voor-bestuurders")
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    module = ModulePageFactory(
        parent=curriculum,
        title="Polarisatie herkennen",
        themes=[theme_page.theme],
        audiences=list(audience_page.audiences.all()),
    )
    ModulePageFactory(
        parent=curriculum,
        title="Ondermijning",
        themes=[theme_page.theme],
        audiences=list(audience_page.audiences.all()),
    )
    ModulePageFactory(parent=curriculum, title="Concept", themes=[theme_page.theme], live=False)
    translate(module, title="Recognising polarisation")
    translate(theme_page, title="Theme")
    translate(audience_page, title="For administrators")
    for url in ("/en/thema/", "/en/voor-bestuurders/"):
        html = client.get(url).content.decode()
        assert "Recognising polarisation" in html and "Polarisatie herkennen" not in html
        assert '<a href="/curriculum/ondermijning/" lang="nl">Ondermijning</a>' in html  # the Dutch original, marked
        assert "Concept" not in html


def test_the_sitemap_lists_published_translations_only(english_home, home_page, client):
    about = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    translate(about, title="About us")
    draft = StandardPageFactory(parent=home_page, title="Concept", slug="concept")
    translate(draft, title="Draft", publish=False)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/over-ons/" in sitemap and "/over-ons/" in sitemap
    assert "/concept/" in sitemap and "/en/concept/" not in sitemap


def test_pages_carry_meta_description_and_open_graph(home_page, client):
    StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons", intro="Wie wij zijn.")
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/over-ons/").content, "html.parser")
    assert soup.select_one("meta[name=description]")["content"] == "Wie wij zijn."
    assert soup.select_one('meta[property="og:title"]')["content"] == "Over ons"
    assert soup.select_one('meta[property="og:url"]')["content"].endswith("/over-ons/")
    assert soup.select_one('meta[property="og:locale"]')["content"] == "nl_NL"
    assert soup.select_one("link[rel=canonical]")["href"].endswith("/over-ons/")


def test_language_links_take_a_fixed_number_of_queries(english_home, home_page, rf, django_assert_max_num_queries):
    page = StandardPageFactory(parent=home_page, slug="x")
    language_links(rf.get("/"), home_page)  # fills the shared cache of restricted sections
    with django_assert_max_num_queries(5):
        links = language_links(rf.get("/x/"), page)
    assert [link["code"] for link in links] == ["nl", "en"]
    with django_assert_max_num_queries(0):  # the next visitor's: from the shared cache
        assert language_links(rf.get("/x/"), page) == links
