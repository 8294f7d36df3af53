"""Content for municipal staff only: readable by Gemeentelijk medewerker and the editors, absent for everyone
else from the page itself, listings, theme and tag pages, search, suggestions, feeds and the sitemap."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import QueryDict

from portal.access import restrict_to_municipal_staff
from search import service
from tests.factories import AudiencePageFactory, CurriculumIndexPageFactory, ModulePageFactory, ThemePageFactory

pytestmark = pytest.mark.django_db
RESTRICTED = "Draaiboek casusoverleg radicalisering"


@pytest.fixture
def restricted(home_page):
    theme_page = ThemePageFactory(parent=home_page, slug="thema")
    audience_page = AudiencePageFactory(parent=home_page, slug="ik-ben-beleidsmedewerker")
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    for title in (RESTRICTED, "Openbare module"):
        page = ModulePageFactory(
            parent=curriculum, title=title, themes=[theme_page.theme], audiences=list(audience_page.audiences.all())
        )
        page.tags.add("casusoverleg")
        page.save_revision().publish()
    restrict_to_municipal_staff(page.get_prev_sibling().specific)
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    return page.get_prev_sibling().specific


def login_as(client, django_user_model, group_name):
    user = django_user_model.objects.create_user(f"user-{group_name}", password="x")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


@pytest.mark.parametrize("group_name", ["Gemeentelijk medewerker", "Redacteur", "Eindredacteur"])
def test_municipal_staff_and_editors_read_it(restricted, client, django_user_model, group_name):
    login_as(client, django_user_model, group_name)
    response = client.get(restricted.url)
    assert response.status_code == 200
    assert RESTRICTED in response.content.decode()


def test_visitors_are_asked_to_log_in(restricted, client):
    response = client.get(restricted.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=")


@pytest.mark.parametrize("group_name", [None, "Trainer"])
def test_others_never_see_it(restricted, client, django_user_model, group_name):
    if group_name:
        login_as(client, django_user_model, group_name)
        assert client.get(restricted.url).status_code != 200
    theme_page = restricted.themes.first().landing_pages.get()
    tag = restricted.tags.first()
    for url in [
        "/curriculum/",
        theme_page.url,
        f"/trefwoorden/{tag.slug}/",
        "/sitemap.xml",
        "/feeds/modules/",
        "/zoeken/?q=casusoverleg",
        "/zoeken/?q=draaiboek",
        "/zoeken/suggesties/?q=draai",
        "/ik-ben-beleidsmedewerker/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode().lower()
        assert RESTRICTED.lower() not in body and "draaiboek-casusoverleg" not in body, url  # title or address
        assert "openbare" in body or "zoeken" in url, url  # the public one is there: the check can fail
    parameters = service.parse_parameters(QueryDict("q=draaiboek"))
    assert service.run_search(parameters, record=False).total == 0


def indexed_titles():
    from search.models import SearchDocument

    return set(SearchDocument.objects.values_list("title", flat=True))


def assert_constraints_hold():
    # PostgreSQL checks foreign keys at COMMIT, which a test's transaction never reaches: check them now.
    from django.db import connection

    connection.check_constraints()


def test_deleting_a_restricted_live_page_works_and_leaves_nothing_indexed(restricted):
    restricted.delete()
    assert_constraints_hold()
    assert RESTRICTED not in indexed_titles()


def test_deleting_a_restricted_page_through_the_admin(restricted, admin_client):
    response = admin_client.post(f"/admin/pages/{restricted.pk}/delete/")
    assert response.status_code == 302
    assert_constraints_hold()
    assert RESTRICTED not in indexed_titles()


def test_unpublishing_a_restricted_page_keeps_it_out_of_search(restricted):
    restricted.unpublish()
    assert_constraints_hold()
    assert RESTRICTED not in indexed_titles()


def test_moving_a_restricted_page_keeps_it_out_of_search(restricted, home_page):
    target = CurriculumIndexPageFactory(parent=home_page, slug="ander-curriculum")
    target.save_revision().publish()
    restricted.move(target, pos="last-child")
    assert_constraints_hold()
    assert RESTRICTED not in indexed_titles()


def test_lifting_the_restriction_indexes_the_page(restricted):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.filter(page=restricted).delete()
    assert RESTRICTED in indexed_titles()
