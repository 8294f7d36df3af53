"""An editor's whole job in the admin, in Chromium, as a person does it: log in with the second factor, preview
every page type in the preview panel, create each content type, choose a municipality by typing, submit for
review; the final editor approves, schedules, publishes and unpublishes; visitors see exactly what is live."""

import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, PageLogEntry, get_page_models

from .accessibility import load_demo_site

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("two_factor"),
]


@pytest.fixture
def two_factor(settings):
    settings.TWO_FACTOR_REQUIRED = True


PASSWORD = "editor-browser-test-pw"
WORKFLOW = "Stuur door naar Redactionele beoordeling"


def member(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    return user


def log_in(browser, live_server, user):
    """A new browser window, logged in to the admin with password and a code from the authenticator app
    (the admin asks for it as in production: the test settings switch it on, see `two_factor`)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    # Wagtail notices edits (and so refreshes the preview) only from two seconds after the form loaded, when it
    # takes the form's first state: a person is slower than that, a test waits for it (see `ready_to_edit`).
    context.add_init_script("document.addEventListener('w-unsaved:watch-edits', () => { window.editsWatched = true })")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.get_by_label("Code").wait_for()
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("Code").fill(f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url("**/admin/**")
    return page


def ready_to_edit(page):
    page.wait_for_function("window.editsWatched === true")
    page.wait_for_timeout(300)  # it may take it twice within a few milliseconds


def open_preview_panel(page):
    """Open the preview panel (Wagtail remembers it open from page to page)."""
    toggle = page.locator("button[data-side-panel-toggle='preview']")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def open_preview(page):
    """Open the preview panel and wait for its first render."""
    open_preview_panel(page)
    page.frame_locator("#w-preview-iframe").locator("main h1").wait_for(timeout=15_000)
    ready_to_edit(page)


def preview_shows(page, text):
    """Wait until the page rendered in the preview panel's frame shows `text` (it follows the form by itself)."""
    page.frame_locator("#w-preview-iframe").locator("main").get_by_text(text).first.wait_for(timeout=15_000)


def rich_text(page, field_id, text):
    page.locator(f"[data-field-wrapper]:has(#{field_id}) [contenteditable=true]").click()
    page.keyboard.type(text)


def choose_municipality(page, typed, name):
    page.locator("[data-field-wrapper]:has(#id_municipality) button", has_text="Kies gemeente").click()
    modal = page.locator(".modal-content")
    modal.get_by_label("Zoeken").fill(typed)
    modal.get_by_role("link", name=name, exact=True).click()
    page.locator("[data-field-wrapper]:has(#id_municipality)").get_by_text(name).wait_for()


def save_and_submit(page):
    page.get_by_role("button", name="Meer acties").first.click()
    page.get_by_role("button", name=WORKFLOW).click()
    page.wait_for_load_state()
    problems = page.locator(".error-message").all_inner_texts()
    assert not problems, f"{page.url}: {problems}"
    page.wait_for_url(lambda url: "/add/" not in url)


def test_every_page_type_previews_in_the_preview_panel(browser, live_server, django_user_model, monkeypatch):
    load_demo_site(monkeypatch)
    editor = member(django_user_model, "redactie-preview", "Redacteur")
    page = log_in(browser, live_server, editor)
    previewed = []
    for model in get_page_models():
        if model is Page or not model.is_creatable:
            continue
        demo = model.objects.live().filter(locale__language_code="nl").order_by("path").first()
        assert demo is not None, f"no demo page of type {model.__name__}"
        page.goto(f"{live_server.url}/admin/pages/{demo.pk}/edit/")
        open_preview(page)
        # The unsaved title shows in the frame: the preview renders the form as it is, not the stored page.
        page.locator("#id_title").press("End")
        page.keyboard.type(" (in bewerking)")
        preview_shows(page, f"{demo.title} (in bewerking)")
        previewed.append(demo.url)
    assert len(previewed) >= 17, previewed
    # Nothing was published: Wagtail keeps the edits as drafts (it saves them by itself), visitors see the pages
    # as they were.
    assert not Page.objects.filter(title__endswith="(in bewerking)").exists()
    visitor = browser.new_context().new_page()
    for url in previewed:
        assert "(in bewerking)" not in visitor.goto(live_server.url + url).text(), url


# Each content type: where it is created and the fields a new one needs (beyond its title).
def fill_case_study(page):
    choose_municipality(page, "amers", "Amersfoort")
    page.fill("#id_start_year", "2026")
    page.get_by_label("Polarisatie").check()
    rich_text(page, "id_challenge", "Spanningen rond een nieuwe opvanglocatie.")
    rich_text(page, "id_approach", "Bewonersavonden met de wijkagent.")
    page.select_option("#id_evidence_level", index=1)


def fill_module(page):
    page.get_by_label("Polarisatie").check()
    page.locator("[data-field-wrapper]:has(#id_audiences) input[type=checkbox]").first.check()
    page.select_option("#id_level", index=1)
    page.select_option("#id_format", index=1)
    page.fill("#id_duration_minutes", "120")
    page.locator("[data-field-wrapper]:has(#id_provider) button.chooser__choose-button").click()
    page.locator(".modal-content a[data-chooser-modal-choice]").first.click()
    page.select_option("#id_language", index=1)


def fill_guidance(page):
    page.select_option("#id_kind", index=1)
    page.get_by_label("Polarisatie").check()
    page.fill("#id_publication_date", timezone.localdate().isoformat())


def fill_event(page):
    page.fill("#id_starts_at", (timezone.localtime() + datetime.timedelta(days=40)).strftime("%Y-%m-%d %H:%M"))


CONTENT_TYPES = [
    ("knowledge.CaseStudyIndexPage", "knowledge", "casestudypage", fill_case_study),
    ("curriculum.CurriculumIndexPage", "curriculum", "modulepage", fill_module),
    ("knowledge.GuidanceIndexPage", "knowledge", "guidancepage", fill_guidance),
    ("knowledge.EventIndexPage", "knowledge", "eventpage", fill_event),
    ("knowledge.EzineIssuePage", "knowledge", "ezinearticlepage", None),
]


def test_editors_create_review_schedule_publish_and_unpublish_each_content_type(
    browser, live_server, django_user_model, monkeypatch
):
    load_demo_site(monkeypatch)
    editor = member(django_user_model, "redactie", "Redacteur")
    final_editor = member(django_user_model, "eindredactie", "Eindredacteur")
    page = log_in(browser, live_server, editor)
    created = {}
    for parent_label, app, model_name, fill in CONTENT_TYPES:
        parent = apps.get_model(parent_label).objects.live().filter(locale__language_code="nl").first()
        title = f"Proef {model_name} van de redactie"
        page.goto(f"{live_server.url}/admin/pages/add/{app}/{model_name}/{parent.pk}/")
        ready_to_edit(page)
        page.fill("#id_title", title)
        page.keyboard.press("Tab")  # leaving the title fills in the slug
        if fill:
            fill(page)
        open_preview_panel(page)
        preview_shows(page, title)  # a new page previews before it was ever saved
        save_and_submit(page)
        created[model_name] = Page.objects.get(title=title)
        assert not created[model_name].live
    visitor = browser.new_context().new_page()
    case_study = created["casestudypage"].specific
    assert case_study.municipality.name == "Amersfoort"

    reviewer = log_in(browser, live_server, final_editor)
    for model_name, draft in created.items():
        reviewer.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
        if model_name == "ezinearticlepage":
            # Scheduled: approved now, live at a moment the scheduler reaches.
            reviewer.locator("[data-side-panel-toggle='status']").click()
            reviewer.get_by_role("button", name="Stel schema in").click()
            go_live = timezone.localtime() + datetime.timedelta(days=1)
            reviewer.fill("#id_go_live_at", go_live.strftime("%Y-%m-%d %H:%M"))
            reviewer.get_by_role("button", name="Schema opslaan").click()
        reviewer.get_by_role("button", name="Meer acties").first.click()
        reviewer.get_by_role("button", name="Goedkeuren en publiceren", exact=True).click()
        reviewer.wait_for_url("**/admin/**")

    for model_name, draft in created.items():
        draft.refresh_from_db()
        if model_name == "ezinearticlepage":
            assert not draft.live and draft.specific.get_latest_revision().approved_go_live_at is not None
            assert visitor.goto(live_server.url + draft.url).status == 404
        else:
            assert draft.live, model_name
            assert draft.title in visitor.goto(live_server.url + draft.url).text()
    # The scheduler's first run after the go-live time publishes the scheduled article.
    article = created["ezinearticlepage"]
    go_live_at = article.specific.get_latest_revision().approved_go_live_at
    with monkeypatch.context() as clock:
        clock.setattr(timezone, "now", lambda: go_live_at + datetime.timedelta(minutes=1))
        call_command("publish_scheduled", stdout=io.StringIO())
    article.refresh_from_db()
    assert article.live and visitor.goto(live_server.url + article.url).status == 200

    # Unpublishing takes a page off the site at once.
    module = created["modulepage"]
    reviewer.goto(f"{live_server.url}/admin/pages/{module.pk}/unpublish/")
    reviewer.get_by_role("button", name="Ja, trek de publicatie in").click()
    reviewer.wait_for_url("**/admin/**")
    module.refresh_from_db()
    assert not module.live and visitor.goto(live_server.url + module.url).status == 404
    actions = set(PageLogEntry.objects.filter(page__in=created.values()).values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.workflow.start", "wagtail.publish", "wagtail.unpublish"} <= actions
