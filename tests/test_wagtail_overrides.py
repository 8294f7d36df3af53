"""The portal's replacements of Wagtail lookups (portal.wagtail_overrides) answer as Wagtail's own do, on the
demo tree with more restrictions and an alias: a Wagtail upgrade that changes what Wagtail answers fails here."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from needs.models import NeedsSurveyPage
from portal import wagtail_overrides
from portal.access import restrict_to_municipal_staff
from portal.models import HomePage


@pytest.fixture
def tree(demo_content):
    """The demo tree plus a restricted section with pages under it, a password on one page, and aliases of the
    restricted section (restricted as its original, for Wagtail) and of a page in it (public: Wagtail checks
    an alias's original, not the original's ancestors)."""
    home = Page.objects.get(depth=2, locale__language_code="nl")
    section = (
        home.get_children()
        .live()
        .filter(numchild__gt=0)
        .exclude(pk__in=PageViewRestriction.objects.values("page"))
        .last()
    )
    # The alias first: Wagtail copies a page's restrictions to an alias made later, not to one made before.
    section.specific.create_alias(parent=home, update_slug=f"{section.slug}-alias")
    restrict_to_municipal_staff(section)
    leaf = Page.objects.filter(depth=4).exclude(path__startswith=section.path).live().first()
    PageViewRestriction.objects.create(page=leaf, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    restricted_child = section.get_children().first()
    if restricted_child is not None:
        restricted_child.specific.create_alias(parent=home, update_slug=f"{restricted_child.slug}-alias")
    assert PageViewRestriction.objects.count() >= 3
    return home


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def wagtails_private_q():
    return wagtail_overrides.WAGTAIL_PRIVATE_Q(Page.objects.all())


def test_public_pages_are_those_wagtail_finds_public(tree, django_assert_num_queries):
    assert PageQuerySet.private_q is wagtail_overrides.private_q  # the override is what runs
    wagtail_overrides.restrictions()
    with django_assert_num_queries(0):  # what it is for: no query once the restricted sections are cached
        Page.objects.all().private_q()
    assert ids(Page.objects.public()) == ids(Page.objects.exclude(wagtails_private_q()))
    assert ids(Page.objects.not_public()) == ids(Page.objects.filter(wagtails_private_q()))
    assert ids(Page.objects.not_public())  # the tree has restricted pages: the comparison says something


def test_a_page_has_the_view_restrictions_wagtail_finds(tree):
    pages = list(Page.objects.specific())
    restricted = 0
    for page in pages:
        ours = list(page.get_view_restrictions())
        assert ours == list(Page.get_view_restrictions(page)), page.url_path
        restricted += bool(ours)
    assert restricted >= 3


def paths_to_route():
    """(language, path below the language's home page) of every page, sub-routes of the needs survey, and
    paths that name nothing."""
    found = []
    for home in HomePage.objects.all():
        language = home.locale.language_code
        for page in Page.objects.descendant_of(home, inclusive=True):
            found.append((language, page.url_path[len(home.url_path) :]))
        found += [(language, "bestaat-niet/"), (language, "bestaat/niet/echt/")]
    for survey in NeedsSurveyPage.objects.all():
        home = survey.get_ancestors().type(HomePage).first()
        below = survey.url_path[len(home.url_path) :]
        language = survey.locale.language_code
        found += [(language, f"{below}{round_slug}/") for round_slug in ("bestaat-niet", "x/invullen")]
    return found


def plain(value):
    """A route's arguments comparable across page instances (a routable page's view is a bound method)."""
    if isinstance(value, (tuple, list)):
        return tuple(plain(item) for item in value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return getattr(value, "__func__", value)


def routed(result):
    return None if result is None else (result[0].pk, plain(result[1]), plain(result[2]))


def test_every_path_routes_to_the_page_wagtail_routes_it_to(tree):
    Page.objects.filter(pk=Page.objects.filter(depth=4).live().last().pk).update(live=False)  # and a draft
    factory = RequestFactory()
    site = Site.objects.get(is_default_site=True)
    shortcut, not_found = 0, 0
    checked = paths_to_route()
    for language, path in checked:
        with translation.override(language):
            ours = wagtail_overrides.route(factory.get(f"/{path}", HTTP_HOST=site.hostname), path)
            wagtails = Page.route_for_request(factory.get(f"/{path}", HTTP_HOST=site.hostname), path)
        if ours is NotImplemented:
            continue  # Wagtail routes this one itself
        shortcut += 1
        not_found += ours is None
        assert routed(ours) == routed(wagtails), (language, path)
    assert shortcut == len(checked)  # every path took the shortcut: the comparison covered them all
    assert 5 <= not_found < len(checked) / 2  # two unknown paths per language and the draft
