"""Editorial roles from migrations: who may add, edit and publish which page type, and the moderation workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry

from knowledge.models import GuidanceIndexPage, GuidancePage

from .factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    CurriculumIndexPageFactory,
    ModulePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db
GROUPS = ["Redacteur", "Eindredacteur", "Trainer", "Gemeentelijk medewerker"]
# group: (may add, may edit, may publish) for every page type under the home page
EXPECTED = {
    "Redacteur": (True, True, False),
    "Eindredacteur": (True, True, True),
    "Trainer": (False, False, False),
    "Gemeentelijk medewerker": (False, False, False),
}


@pytest.fixture
def pages(home_page):
    guidance_index = GuidanceIndexPage(title="Handreikingen", slug="handreikingen")
    home_page.add_child(instance=guidance_index)
    guidance = GuidancePage(title="Factsheet", slug="factsheet", kind="factsheet")
    guidance_index.add_child(instance=guidance)
    return {
        "module": ModulePageFactory(parent=CurriculumIndexPageFactory(parent=home_page)),
        "case study": CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home_page)),
        "guidance": guidance,
        "standard page": StandardPageFactory(parent=home_page),
    }


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.replace(" ", "-").lower(), email=f"{group_name[:3]}@example.org", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_groups_exist_from_migrations():
    assert set(GROUPS) <= set(Group.objects.values_list("name", flat=True))


@pytest.mark.parametrize("group_name", GROUPS)
@pytest.mark.parametrize("page_kind", ["module", "case study", "guidance", "standard page"])
def test_permission_matrix(pages, django_user_model, group_name, page_kind):
    user = member_of(django_user_model, group_name)
    page = pages[page_kind]
    may_add, may_edit, may_publish = EXPECTED[group_name]
    assert page.get_parent().permissions_for_user(user).can_add_subpage() is may_add
    assert page.permissions_for_user(user).can_edit() is may_edit
    assert page.permissions_for_user(user).can_publish() is may_publish


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
