"""English pages mark Dutch text: a Dutch page shown in an English page (an overview, the menu, a theme page,
search) carries lang="nl", so that screen readers read it in Dutch; English text carries no such mark; and one
English name per term."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from tests.browser.site_pages import public_page_urls

pytestmark = [pytest.mark.django_db, pytest.mark.once]  # template logic: the SQLite pass is enough


def language_at(element):
    while element is not None:
        if element.has_attr("lang"):
            return element["lang"]
        element = element.parent
    return None


def test_every_link_to_a_dutch_page_on_an_english_page_is_marked_dutch(demo_content, client):
    dutch_urls = {page.url for page in Page.objects.live().public().filter(locale__language_code="nl", depth__gt=2)}
    english_urls = {page.url for page in Page.objects.live().public().filter(locale__language_code="en")}
    unmarked, marked_english = [], []
    for name, url in public_page_urls("en"):
        response = client.get(url)
        soup = BeautifulSoup(response.content, "html.parser")
        for link in soup.select("main a[href], header a[href], footer a[href]"):
            href = link["href"].split("?")[0].split("#")[0]
            if href in dutch_urls and language_at(link) != "nl" and link.get_text(strip=True):
                unmarked.append(f"{name} {url}: {link.get_text(strip=True)!r} -> {href}")
            if href in english_urls and language_at(link) == "nl":
                marked_english.append(f"{name} {url}: {link.get_text(strip=True)!r} -> {href}")
    assert not unmarked, "\n".join(unmarked)
    assert not marked_english, "\n".join(marked_english)


def test_one_english_name_per_theme(demo_content, client):
    html = client.get("/en/").content.decode() + client.get("/en/curriculum/").content.decode()
    assert "organised crime" not in html.lower()
    assert "undermining" in html.lower()
