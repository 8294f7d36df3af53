"""Live preview in the admin: every page type renders in the preview frame, and a preview never reaches a cache."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model, settings):
    settings.TWO_FACTOR_REQUIRED = False  # the second factor has tests of its own (test_two_factor.py)
    user = django_user_model.objects.create_superuser("preview-editor", "preview@example.org", "x")
    client.force_login(user)
    client.raise_request_exception = False  # a server error is reported per page type, not as the first traceback
    return client


def preview(client, page, title):
    """What the editor's preview shows of a draft with a new title (an unpublished revision, rendered as the
    admin renders every preview: from the revision, whose relations live in memory, through the middleware)."""
    page.title = title
    revision = page.save_revision()
    return client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]))


def previewable_page_models():
    return [model for model in get_page_models() if model is not Page and model.is_creatable]


def test_every_page_type_previews_in_the_preview_frame(demo_content, editor_client):
    missing, failures = [], []
    for model in previewable_page_models():
        page = model.objects.live().filter(locale__language_code="nl").order_by("path").first()
        if page is None:
            missing.append(model.__name__)
            continue
        title = f"{page.title} (voorbeeld)"
        response = preview(editor_client, page, title)
        policy = response.get("Content-Security-Policy", "")
        if response.status_code != 200:
            failures.append(f"{model.__name__}: HTTP {response.status_code}")
        elif title not in response.content.decode():
            failures.append(f"{model.__name__}: the preview does not show the changed title")
        elif "frame-ancestors 'self'" not in policy:  # the admin's preview panel shows it in a frame
            failures.append(f"{model.__name__}: the admin may not frame it ({policy!r})")
    assert not missing, f"no demo page of these types to preview: {missing}"
    assert not failures, failures


def test_a_preview_of_a_draft_is_never_cached_for_visitors(demo_content, editor_client, client_factory, settings):
    settings.PAGE_CACHE_SECONDS = 300
    from knowledge.models import CaseStudyPage

    case_study = CaseStudyPage.objects.live().filter(locale__language_code="nl").first()
    visitor = client_factory("192.0.2.44")
    before = visitor.get(case_study.url).content.decode()
    assert "Nog geheim" not in before
    assert "Nog geheim" in preview(editor_client, case_study, "Nog geheim").content.decode()
    assert "Nog geheim" not in visitor.get(case_study.url).content.decode()


def test_a_new_page_previews_with_its_own_parents_breadcrumbs(demo_content, editor_client):
    """Previews of pages not yet saved (no id) in two sections show each one's own ancestors in the breadcrumbs."""
    from knowledge.models import EzineIssuePage
    from portal.models import HomePage

    def preview_new(parent, app, model_name, title):
        url = reverse("wagtailadmin_pages:preview_on_add", args=[app, model_name, parent.pk])
        form = {"title": title, "slug": "proef", "intro": "", "body-count": "0", "author": ""}
        assert editor_client.post(url, form).json()["is_valid"] is True, model_name
        return editor_client.get(url).content.decode()

    home = HomePage.objects.filter(locale__language_code="nl").first()
    issue = EzineIssuePage.objects.live().filter(locale__language_code="nl").first()
    first = preview_new(home, "portal", "standardpage", "Nieuwe pagina")
    assert issue.title not in breadcrumbs_of(first)
    second = preview_new(issue, "knowledge", "ezinearticlepage", "Nieuw artikel")
    assert issue.title in breadcrumbs_of(second)


def breadcrumbs_of(html):
    start = html.index('class="breadcrumbs')
    return html[start : html.index("</nav>", start)]
