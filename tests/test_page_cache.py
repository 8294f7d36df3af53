"""The page cache for anonymous visitors and the shared frame: what they keep, for whom, and what publishing
renews (exactly the pages that show what changed)."""

import pytest
from django.test import override_settings
from wagtail.models import Page

from curriculum.models import ModulePage
from knowledge.models import EzineArticlePage, GuidancePage
from portal.models import ThemePage

pytestmark = pytest.mark.django_db

CACHED = override_settings(PAGE_CACHE_SECONDS=300)


def cache_state(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.headers.get("X-Page-Cache"), response.content.decode()


@pytest.fixture
def module(demo_content):
    return ModulePage.objects.get(slug="polarisatie-herkennen", locale__language_code="nl")


@CACHED
def test_a_second_visit_is_answered_from_the_cache_without_queries(
    demo_content, module, client, django_assert_max_num_queries
):
    assert cache_state(client, module.url)[0] == "miss"
    with django_assert_max_num_queries(0):
        state, html = cache_state(client, module.url)
    assert state == "hit" and module.title in html
    # The policy headers of the first answer come with the stored one.
    assert "Content-Security-Policy" in client.get(module.url).headers


@CACHED
def test_publishing_renews_exactly_the_pages_that_show_it(demo_content, module, client, publish):
    theme_page = ThemePage.objects.get(theme__in=module.themes.all(), locale__language_code="nl")
    showing = [module.url, "/curriculum/", "/curriculum/?niveau=" + module.level, theme_page.url]
    guidance = GuidancePage.objects.filter(locale__language_code="nl").live().first()
    article = EzineArticlePage.objects.live().filter(locale__language_code="nl").first()
    not_showing = [guidance.url, article.url]
    for url in showing + not_showing:
        assert cache_state(client, url)[0] == "miss"
        assert cache_state(client, url)[0] == "hit"
    old_title = module.title
    module.title = "Polarisatie herkennen en duiden (herzien)"
    publish(module)
    for url in showing:
        state, html = cache_state(client, url)
        assert state == "miss", url
        assert "Polarisatie herkennen en duiden (herzien)" in html and f">{old_title}<" not in html, url
    for url in not_showing:
        assert cache_state(client, url)[0] == "hit", url


@CACHED
def test_a_page_published_into_a_listing_appears_in_it(demo_content, module, client, publish):
    assert cache_state(client, "/curriculum/")[0] == "miss"
    assert cache_state(client, "/curriculum/")[0] == "hit"
    copy = module.copy(update_attrs={"title": "Een gloednieuwe module", "slug": "gloednieuwe-module"}, keep_live=False)
    publish(copy)
    state, html = cache_state(client, "/curriculum/")
    assert state == "miss" and "Een gloednieuwe module" in html


@CACHED
def test_unpublished_and_restricted_pages_leave_the_cache_at_once(demo_content, module, client):
    from wagtail.models import PageViewRestriction

    assert cache_state(client, module.url)[0] == "miss"
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(module.url).status_code == 302  # to the login page, never the stored copy
    page = Page.objects.get(pk=module.pk)
    page.unpublish()
    assert client.get(module.url).status_code == 404


@CACHED
def test_the_key_holds_query_and_language(demo_content, client):
    assert cache_state(client, "/curriculum/?niveau=basis")[0] == "miss"
    assert cache_state(client, "/curriculum/?niveau=verdieping")[0] == "miss"
    state, html = cache_state(client, "/en/curriculum/?niveau=basis")
    assert state == "miss" and '<html lang="en"' in html
    assert cache_state(client, "/curriculum/?niveau=basis")[0] == "hit"


@CACHED
def test_never_for_logged_in_visitors_forms_or_searches(demo_content, module, client, django_user_model):
    # A form carries a CSRF token for one visitor: never stored.
    for _visit in range(2):
        response = client.get("/praktijkvoorbeelden/insturen/")
        assert response.status_code == 200 and "X-Page-Cache" not in response.headers
    # Every search is counted and rate-limited: never answered from the cache.
    for _visit in range(2):
        assert "X-Page-Cache" not in client.get("/zoeken/?q=polarisatie").headers
    # A visitor with a session (logged in) or with messages waiting gets the page built for them.
    assert cache_state(client, module.url)[0] == "miss"
    user = django_user_model.objects.create_user("lezer", password="x")
    client.force_login(user)
    response = client.get(module.url)
    assert "X-Page-Cache" not in response.headers and "Uitloggen" in response.content.decode()
    client.logout()
    client.cookies["messages"] = "something"
    assert "X-Page-Cache" not in client.get(module.url).headers


@CACHED
def test_a_failing_shared_cache_serves_pages_uncached(demo_content, module, client, monkeypatch):
    from portal import caching

    class Unreachable:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise ConnectionError("redis is down")

            return fail

    monkeypatch.setattr(caching, "cache", Unreachable())
    for _visit in range(2):
        response = client.get(module.url)
        assert response.status_code == 200 and module.title in response.content.decode()
        assert "X-Page-Cache" not in response.headers


def test_the_menu_follows_publishing_without_a_page_cache(demo_content, client, publish):
    """The frame (menu, footer) is shared by every page and language; publishing a section renames it in all."""
    section = Page.objects.get(slug="curriculum", locale__language_code="nl").specific
    assert f">{section.title}</a></li>" in client.get("/handreikingen/").content.decode()
    section.title = "Leeraanbod"
    publish(section)
    html = client.get("/handreikingen/").content.decode()
    assert ">Leeraanbod</a></li>" in html


def test_a_repeated_search_is_answered_from_the_shared_cache_and_still_counted(
    demo_content, module, client, publish, django_assert_max_num_queries
):
    from wagtail.contrib.search_promotions.models import Query

    with django_assert_max_num_queries(40) as first:
        html = client.get("/zoeken/?q=polarisatie").content.decode()
    with django_assert_max_num_queries(len(first.captured_queries) - 3) as second:
        again = client.get("/zoeken/?q=polarisatie").content.decode()
    assert not any("search_searchdocument" in query["sql"] for query in second.captured_queries)  # no engine query
    assert again.count('<h3 class="card__title">') == html.count('<h3 class="card__title">') > 0
    assert Query.get("polarisatie").hits == 2  # both searches counted
    module.title = "Polarisatie herkennen, vernieuwd"
    publish(module)
    assert "herkennen, vernieuwd" in client.get("/zoeken/?q=polarisatie").content.decode()  # "polarisatie" is marked


@CACHED
def test_a_content_apps_vocabulary_renews_the_pages_that_show_it(
    demo_content, module, client, django_capture_on_commit_callbacks
):
    # Providers and municipalities are the content apps' own vocabulary; each app names them (AppConfig.ready).
    assert cache_state(client, module.url)[0] == "miss"
    assert cache_state(client, module.url)[0] == "hit"
    provider = module.provider
    with django_capture_on_commit_callbacks(execute=True):
        provider.name = "Aanbieder met een nieuwe naam"
        provider.save()
    state, html = cache_state(client, module.url)
    assert state == "miss" and "Aanbieder met een nieuwe naam" in html
