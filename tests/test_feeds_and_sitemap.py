"""Feeds, sitemap and robots.txt list only published, public content."""

import pytest
from wagtail.models import PageViewRestriction

from portal.models import Theme

from .factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    CurriculumIndexPageFactory,
    ModulePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home_page):
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    polarisatie, inclusie = Theme.objects.get(slug="polarisatie"), Theme.objects.get(slug="inclusie")
    pages = {
        "public_module": ModulePageFactory(parent=curriculum, title="Openbare module", themes=[polarisatie]),
        "other_theme": ModulePageFactory(parent=curriculum, title="Module inclusie", themes=[inclusie]),
        "draft_module": ModulePageFactory(parent=curriculum, title="Conceptmodule", themes=[polarisatie], live=False),
        "private_module": ModulePageFactory(parent=curriculum, title="Besloten module", themes=[polarisatie]),
        "public_case": CaseStudyPageFactory(
            parent=CaseStudyIndexPageFactory(parent=home_page), title="Openbaar voorbeeld"
        ),
        "private_page": StandardPageFactory(parent=home_page, title="Besloten pagina", slug="besloten"),
    }
    for key in ("private_module", "private_page"):
        PageViewRestriction.objects.create(page=pages[key], restriction_type=PageViewRestriction.LOGIN)
    return pages


def test_module_feed_lists_published_public_modules_only(content, client):
    response = client.get("/feeds/modules/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "Openbare module" in body and "Module inclusie" in body
    assert "Conceptmodule" not in body and "Besloten module" not in body


def test_theme_feed_follows_one_theme(content, client):
    body = client.get("/feeds/modules/polarisatie/").content.decode()
    assert "Openbare module" in body and "Module inclusie" not in body
    assert "Polarisatie" in body
    assert client.get("/feeds/modules/bestaat-niet/").status_code == 404


def test_atom_and_case_study_feeds(content, client):
    atom = client.get("/feeds/modules/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Openbare module" in atom.content.decode()
    cases = client.get("/feeds/praktijkvoorbeelden/").content.decode()
    assert "Openbaar voorbeeld" in cases


def test_sitemap_lists_published_public_pages_only(content, client):
    body = client.get("/sitemap.xml").content.decode()
    assert "/curriculum/" in body and content["public_module"].slug in body
    for hidden in ("draft_module", "private_module", "private_page"):
        assert f"/{content[hidden].slug}/" not in body, hidden


def test_robots_txt_points_at_the_sitemap_and_keeps_private_areas_out(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body and "Disallow: /leerlijnen/gedeeld/" in body
