"""What a visitor sees: the Dutch home page and every page type, without leaks or SQL explosions."""

import pytest
from django.http import HttpRequest
from django.test import RequestFactory
from django.utils.html import strip_tags
from django.views.defaults import server_error
from wagtail.models import PageViewRestriction

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_is_dutch(demo_content, client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "<h1>Kennisportaal Sociale Stabiliteit</h1>" in html
    for theme in ("Inclusie", "Polarisatie", "Problematisch gedrag en ondermijning", "Radicalisering en extremisme"):
        assert theme in html
    assert 'href="#main"' in html and 'id="main"' in html  # skip link target exists
    assert 'role="search"' in html


@pytest.mark.parametrize(
    "url, text",
    [
        ("/inclusie/", "Basis inclusief beleid voor gemeenten"),
        ("/polarisatie/", "Dialoogtafels na een incident in de wijk"),
        ("/polarisatie/", "Factsheet polarisatie"),
        ("/praktijkvoorbeelden/insturen/", "Praktijkvoorbeeld insturen"),
        ("/curriculum/", "Het lokale casusoverleg radicalisering"),
        ("/curriculum/casusoverleg-radicalisering/", "Radicalisering signaleren"),
        ("/curriculum/casusoverleg-radicalisering/", "Een regionaal casusoverleg radicalisering"),
        ("/over-het-curriculum/", "rijksbreed curriculum"),
        ("/bijeenkomsten/", "Samen voor sociale stabiliteit"),
        ("/bijeenkomsten/samen-voor-sociale-stabiliteit/", "Polarisatie op school"),
        ("/bijeenkomsten/samen-voor-sociale-stabiliteit/polarisatie-op-school/", "Sprekers"),
        ("/e-zine/", "Terugblik op de themadag"),
        ("/e-zine/themadag-2026/", "In deze editie"),
        ("/e-zine/themadag-2026/terugblik-themadag/", "Amersfoort"),
        ("/toegankelijkheidsverklaring/", "WCAG"),
        ("/praktijkvoorbeelden/", "Weerbare raadsleden"),
        ("/praktijkvoorbeelden/?lijkt_op=GM0307", "en een stedelijkheid als Amersfoort"),
        ("/praktijkvoorbeelden/samenwerken-zorg-veiligheid-persoonsgericht/", "Zo verwijst u naar dit voorbeeld"),
        ("/handreikingen/", "Factsheet polarisatie"),
        ("/handreikingen/toolkit-gesprek-in-de-klas/", "Werkvormen voor docenten"),
        ("/trefwoorden/zorg-en-veiligheid/", "Persoonsgerichte aanpak"),
        ("/leerlijnen/", "Basis sociale stabiliteit voor nieuwe beleidsmedewerkers"),
    ],
)
def test_every_page_type_renders(demo_content, client, url, text):
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_the_home_page_names_the_portal_once_links_the_course_paths_and_there_is_an_icon(demo_content, client):
    from pathlib import Path

    for url, name in (("/", "Kennisportaal Sociale Stabiliteit"), ("/en/", "Knowledge Portal Social Stability")):
        html = client.get(url).content.decode()
        title = html.split("<title>")[1].split("</title>")[0]
        assert title == name, title
        assert 'rel="icon"' in html
    assert 'href="/leerlijnen/"' in client.get("/").content.decode()  # curated course paths, from the home page
    assert 'href="/en/leerlijnen/"' in client.get("/en/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("portal/favicon.svg")
    assert (Path(__file__).resolve().parents[1] / "portal/static/portal/favicon.svg").read_text().startswith("<svg")


def test_footer_shows_contact_and_links(demo_content, client):
    html = client.get("/").content.decode()
    assert "redactie@kennisportaal-sociale-stabiliteit.example" in html
    for title in ("Toegankelijkheidsverklaring", "Privacyverklaring", "Colofon"):
        assert title in html


def test_the_demo_says_in_every_language_that_it_is_fictional(demo_content, client):
    assert "Voorbeeldsite: de organisatie" in client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Example site: the organisation" in english and "(voorbeeld)" not in english
    assert '<p lang="nl">Expertise-unit Sociale Stabiliteit</p>' in english


def test_home_page_queries_do_not_grow_with_content(demo_content, client, django_assert_max_num_queries):
    # One query per page type in the menu sections, none per page (with a cold cache: the site's root paths
    # are looked up too).
    with django_assert_max_num_queries(36) as baseline:  # the agenda and the newest pages included
        client.get("/")
    for _ in range(25):
        StandardPageFactory(parent=demo_content)
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = client.get("/")
    assert response.content.decode().count('class="card"') >= 25


def test_drafts_and_private_pages_stay_out_of_menus(demo_content, client):
    draft = StandardPageFactory(parent=demo_content, title="Conceptpagina", live=False)
    private = StandardPageFactory(parent=demo_content, title="Besloten pagina")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/").content.decode()
    assert "Conceptpagina" not in html
    assert "Besloten pagina" not in html
    assert client.get(draft.url).status_code == 404


def test_unknown_page_answers_404_in_site_style(demo_content, client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_error_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 10_000},
        {"q": "\x1f\u202e\u0007"},
        {"q": "title:(a OR"},
        {"q": "*"},
        {"q": "polarisatie", "page": "0"},
        {"q": "polarisatie", "page": str(10**9)},
        {"q": "polarisatie", "page": "-1"},
        {"q": "polarisatie", "page": "abc"},
        {"q": "<script>alert(1)</script>"},
    ],
)
def test_search_page_survives_bad_input(demo_content, client, params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_finds_published_pages_only(demo_content, client):
    StandardPageFactory(parent=demo_content, title="Polarisatie op school concept", live=False)
    html = strip_tags(client.get("/zoeken/", {"q": "polarisatie op school"}).content.decode())
    assert "Polarisatie op school" in html
    assert "concept" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/leerlijnen/gedeeld/%00/",
        "/trefwoorden/%00/",
        "/curriculum/?thema=%00",
        "/zoeken/?q=a%00b",
        "/praktijkvoorbeelden/?lijkt_op=%00",
    ],
)
def test_nul_characters_get_a_clear_400_everywhere(demo_content, client, url):
    # PostgreSQL cannot handle NUL in a query; without this every such URL would be a server error.
    response = client.get(url)
    assert response.status_code == 400
    assert "ongeldige tekens" in response.content.decode()


def test_nul_in_a_form_post_is_refused_without_changing_data(demo_content, client):
    from curriculum.models import CoursePath

    before = CoursePath.objects.count()
    client.login(request=HttpRequest(), username="trainer", password="demo-trainer-test-password")
    response = client.post("/leerlijnen/mijn/nieuw/", {"title": "Naam\x00", "audience": 1})
    assert response.status_code == 400
    assert CoursePath.objects.count() == before


def test_canonical_and_og_url_name_the_host_the_hreflang_links_use(demo_content, client):
    from knowledge.models import CaseStudyPage

    case = CaseStudyPage.objects.live().filter(locale__language_code="nl").first()
    html = client.get(case.url).content.decode()
    assert f'<link rel="canonical" href="http://testserver{case.url}">' in html
    assert f'<meta property="og:url" content="http://testserver{case.url}">' in html
    assert "http://localhost/" not in html


def test_the_search_page_describes_itself_and_keeps_results_out_of_search_engines(demo_content, client):
    html = client.get("/zoeken/?q=polarisatie").content.decode()
    assert '<meta name="description" content="Zoek in de modules' in html
    assert '<meta name="robots" content="noindex">' in html
    assert '<link rel="canonical" href="http://testserver/zoeken/">' in html
    assert html.count('type="search"') + html.count('inputmode="search"') == 1  # one search box on the page
