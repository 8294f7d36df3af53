"""Which page types may live where: the site tree every language follows (home page, its sections, their
pages), enforced by Wagtail's page-type rules so an editor cannot put a module outside the curriculum or
a second case-study overview beside the first."""

import pytest
from wagtail.models import Page, get_page_models

from curriculum.models import CurriculumIndexPage, ModulePage
from knowledge.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    EventIndexPage,
    EventPage,
    EventSessionPage,
    EzineArticlePage,
    EzineIndexPage,
    EzineIssuePage,
    GuidanceIndexPage,
    GuidancePage,
)
from needs.models import NeedsSurveyPage
from portal.models import AudiencePage, HomePage, StandardPage, ThemePage

from .factories import CaseStudyIndexPageFactory, CurriculumIndexPageFactory, StandardPageFactory

SECTIONS = {
    CurriculumIndexPage,
    CaseStudyIndexPage,
    GuidanceIndexPage,
    EventIndexPage,
    EzineIndexPage,
    NeedsSurveyPage,
    ThemePage,
    AudiencePage,
}
# Page type -> the page types it may be created under.
TREE = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage},
    **{section: {HomePage} for section in SECTIONS},
    ModulePage: {CurriculumIndexPage},
    CaseStudyPage: {CaseStudyIndexPage},
    GuidancePage: {GuidanceIndexPage},
    EventPage: {EventIndexPage},
    EventSessionPage: {EventPage},
    EzineIssuePage: {EzineIndexPage},
    EzineArticlePage: {EzineIssuePage},
}


def test_every_page_type_has_its_place_in_the_tree():
    portal_types = {model for model in get_page_models() if model is not Page}
    assert portal_types == set(TREE), "a new page type needs its place in TREE"
    for model, parents in TREE.items():
        assert set(model.allowed_parent_page_models()) == parents, model.__name__


def test_theme_and_audience_pages_have_no_children_of_their_own():
    # They gather content from the sections (portal.listings.gathered); a page under them would be orphaned.
    assert ThemePage.allowed_subpage_models() == [] and AudiencePage.allowed_subpage_models() == []


@pytest.mark.django_db
def test_one_overview_per_listing_per_site(home_page):
    assert CurriculumIndexPage.can_create_at(home_page)
    CurriculumIndexPageFactory(parent=home_page)
    CaseStudyIndexPageFactory(parent=home_page)
    assert not CurriculumIndexPage.can_create_at(home_page)
    assert not CaseStudyIndexPage.can_create_at(home_page)
    assert NeedsSurveyPage.can_create_at(home_page)


@pytest.mark.django_db
def test_editors_cannot_put_a_module_or_section_in_the_wrong_place(home_page):
    about = StandardPageFactory(parent=home_page)
    assert not ModulePage.can_create_at(about)
    assert not ModulePage.can_create_at(home_page)
    assert not CaseStudyIndexPage.can_create_at(about)
    assert StandardPage.can_create_at(about)
    root = Page.get_first_root_node()
    assert not StandardPage.can_create_at(root)
