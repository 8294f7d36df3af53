"""Editorial roles from migrations: who may add, edit and publish which page type, and the moderation workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry

from knowledge.models import GuidanceIndexPage, GuidancePage

from .factories import (
    AudiencePageFactory,
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    CurriculumIndexPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    EventSessionPageFactory,
    ModulePageFactory,
    StandardPageFactory,
    ThemePageFactory,
)

pytestmark = pytest.mark.django_db
GROUPS = ["Redacteur", "Eindredacteur", "Trainer", "Gemeentelijk medewerker"]
# group: what it may do with every page type under the home page. An Eindredacteur may delete a page, but
# not one with pages under it (that takes Wagtail's bulk-delete permission, kept for administrators).
ACTIONS = ["add", "edit", "publish", "unpublish", "lock", "delete"]
EXPECTED = {
    "Redacteur": {"add", "edit"},
    "Eindredacteur": {"add", "edit", "publish", "unpublish", "lock", "delete"},
    "Trainer": set(),
    "Gemeentelijk medewerker": set(),
}


@pytest.fixture
def pages(home_page):
    guidance_index = GuidanceIndexPage(title="Handreikingen", slug="handreikingen")
    home_page.add_child(instance=guidance_index)
    guidance = GuidancePage(title="Factsheet", slug="factsheet", kind="factsheet")
    guidance_index.add_child(instance=guidance)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    return {
        "module": ModulePageFactory(parent=CurriculumIndexPageFactory(parent=home_page)),
        "case study": CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home_page)),
        "guidance": guidance,
        "standard page": StandardPageFactory(parent=home_page),
        "event": event,
        "workshop": EventSessionPageFactory(parent=event),
        "theme page": ThemePageFactory(parent=home_page),
        "audience page": AudiencePageFactory(parent=home_page),
    }


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(
        group_name.replace(" ", "-").lower(), email=f"{group_name[:3]}@example.org", password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_groups_exist_from_migrations():
    assert set(GROUPS) <= set(Group.objects.values_list("name", flat=True))


@pytest.mark.parametrize("group_name", GROUPS)
@pytest.mark.parametrize(
    "page_kind",
    ["module", "case study", "guidance", "standard page", "event", "workshop", "theme page", "audience page"],
)
def test_permission_matrix(pages, django_user_model, group_name, page_kind):
    user = member_of(django_user_model, group_name)
    page = pages[page_kind]
    tester = page.permissions_for_user(user)
    allowed = {
        "add": page.get_parent().permissions_for_user(user).can_add_subpage(),
        "edit": tester.can_edit(),
        "publish": tester.can_publish(),
        "unpublish": tester.can_unpublish(),
        "lock": tester.can_lock(),
        "delete": tester.can_delete(),
    }
    expected = EXPECTED[group_name] - ({"delete"} if page.get_children().exists() else set())
    assert {action for action in ACTIONS if allowed[action]} == expected


def test_only_editors_reach_the_admin(django_user_model, client):
    for group_name in GROUPS:
        client.force_login(member_of(django_user_model, group_name))
        status = client.get("/admin/").status_code
        assert (status == 200) is (group_name in ("Redacteur", "Eindredacteur")), group_name


def test_redacteur_submits_and_eindredacteur_approves(pages, django_user_model):
    editor, final_editor = member_of(django_user_model, "Redacteur"), member_of(django_user_model, "Eindredacteur")
    module = pages["module"]
    module.unpublish()
    module.title = "Nieuwe titel"
    module.save_revision(user=editor)
    workflow = module.get_workflow()
    assert workflow.name == "Redactionele beoordeling"
    state = workflow.start(module, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.name == "Eindredactie"
    # The editor cannot approve; the final editor can.
    assert "approve" not in [action[0] for action in task.get_actions(module, editor)]
    assert "approve" in [action[0] for action in task.get_actions(module, final_editor)]
    task.on_action(task_state, final_editor, "approve")
    module.refresh_from_db()
    assert module.live and module.title == "Nieuwe titel"
    actions = set(PageLogEntry.objects.filter(page=module).values_list("action", "user__username"))
    assert ("wagtail.workflow.start", editor.username) in actions
    assert ("wagtail.workflow.approve", final_editor.username) in actions


def test_rejection_keeps_the_page_unpublished_with_a_comment(pages, django_user_model):
    editor, final_editor = member_of(django_user_model, "Redacteur"), member_of(django_user_model, "Eindredacteur")
    case = pages["case study"]
    case.unpublish()
    case.save_revision(user=editor)
    state = case.get_workflow().start(case, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, final_editor, "reject", comment="Bronnen ontbreken")
    case.refresh_from_db()
    assert not case.live
    entry = PageLogEntry.objects.filter(page=case, action="wagtail.workflow.reject").get()
    assert entry.user == final_editor
    task_state.refresh_from_db()
    assert task_state.comment == "Bronnen ontbreken"


def test_wagtails_default_groups_and_workflow_are_mapped_onto_ours():
    from wagtail.models import Workflow, WorkflowPage

    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Editors", "Moderators"}
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert set(WorkflowPage.objects.values_list("workflow__name", flat=True)) == {"Redactionele beoordeling"}


@pytest.mark.parametrize("group_name", ["Redacteur", "Eindredacteur"])
@pytest.mark.parametrize(
    "listing", ["/admin/documents/", "/admin/images/", "/admin/documents/multiple/add/", "/admin/images/multiple/add/"]
)
def test_editors_open_documents_and_images(django_user_model, client, group_name, listing):
    client.force_login(member_of(django_user_model, group_name))
    assert client.get(listing).status_code == 200


def test_a_redacteur_cannot_delete_a_submitted_page(pages, django_user_model, client):
    submitted = pages["case study"]
    submitted.unpublish()
    client.force_login(member_of(django_user_model, "Redacteur"))
    response = client.post(f"/admin/pages/{submitted.pk}/delete/")
    assert response.status_code in (302, 403)
    assert type(submitted).objects.filter(pk=submitted.pk).exists()
    bulk = client.post(f"/admin/bulk/wagtailcore/page/delete/?id={submitted.pk}")
    assert bulk.status_code in (200, 302, 403)
    assert type(submitted).objects.filter(pk=submitted.pk).exists()


def test_an_eindredacteur_deletes_a_page_without_children(pages, django_user_model, client):
    page = pages["case study"]
    client.force_login(member_of(django_user_model, "Eindredacteur"))
    assert client.post(f"/admin/pages/{page.pk}/delete/").status_code == 302
    assert not type(page).objects.filter(pk=page.pk).exists()
