"""Course paths: trainers assemble, reorder and share them; editors curate; nobody sees what is not theirs."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from curriculum import paths
from curriculum.models import CoursePath, ModuleSession
from portal.models import Audience

from .factories import CurriculumIndexPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def audiences():
    return {a.slug: a for a in Audience.objects.all()}


@pytest.fixture
def modules(home_page, audiences):
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    policy = [audiences["beleidsmedewerkers"]]
    basis = ModulePageFactory(parent=curriculum, title="Basis polarisatie", audiences=policy, duration_minutes=60)
    verdieping = ModulePageFactory(
        parent=curriculum, title="Verdieping polarisatie", audiences=policy, duration_minutes=120
    )
    verdieping.prerequisites.set([basis])
    verdieping.save_revision().publish()
    school = ModulePageFactory(
        parent=curriculum, title="Polarisatie op school", audiences=[audiences["onderwijs"]], duration_minutes=90
    )
    return {"basis": basis, "verdieping": verdieping, "school": school}


def make_user(django_user_model, username, group=None, perms=()):
    user = django_user_model.objects.create_user(username, password="correct-horse-battery")
    if group:
        user.groups.add(Group.objects.get(name=group))
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename, content_type__app_label="curriculum"))
    return user


@pytest.fixture
def trainer_a(django_user_model):
    return make_user(django_user_model, "trainer-a", group="Trainer")


@pytest.fixture
def trainer_b(django_user_model):
    return make_user(django_user_model, "trainer-b", group="Trainer")


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "redacteur", perms=["add_coursepath", "change_coursepath", "curate_coursepath"])


@pytest.fixture
def path_a(trainer_a, modules, audiences):
    path = CoursePath.objects.create(title="Leerlijn van A", audience=audiences["beleidsmedewerkers"], owner=trainer_a)
    for name in ("basis", "verdieping"):
        paths.add_step(path, modules[name])
    return path


def as_user(client, user):
    if user is not None:
        client.force_login(user)
    return client


# -- the permission matrix: anonymous, trainer A (owner), trainer B, editor --------------------

MATRIX = [
    # (actor, GET own list status, sees A's path in list, GET A's edit page)
    ("anonymous", 302, False, 302),
    ("trainer_a", 200, True, 200),
    ("trainer_b", 200, False, 404),
    ("editor", 200, True, 200),
]


@pytest.mark.parametrize("actor, list_status, sees_a, edit_status", MATRIX)
def test_who_sees_and_edits_which_path(request, client, path_a, actor, list_status, sees_a, edit_status):
    user = None if actor == "anonymous" else request.getfixturevalue(actor)
    as_user(client, user)
    response = client.get("/leerlijnen/mijn/")
    assert response.status_code == list_status
    if list_status == 200:
        assert ("Leerlijn van A" in response.content.decode()) is sees_a
    assert client.get(f"/leerlijnen/mijn/{path_a.pk}/").status_code == edit_status


@pytest.mark.parametrize("actor", ["anonymous", "trainer_b"])
@pytest.mark.parametrize(
    "url, data",
    [
        ("/leerlijnen/mijn/{pk}/stappen/", {"module": "{module}"}),
        ("/leerlijnen/mijn/{pk}/stappen/{step}/", {"action": "down"}),
        ("/leerlijnen/mijn/{pk}/stappen/{step}/", {"action": "remove"}),
        ("/leerlijnen/mijn/{pk}/delen/", {"action": "create"}),
        ("/leerlijnen/mijn/{pk}/", {"title": "Gekaapt", "audience": "1"}),
        ("/leerlijnen/mijn/{pk}/verwijderen/", {}),
        ("/leerlijnen/mijn/{pk}/dupliceren/", {}),
    ],
)
def test_others_cannot_change_a_path(request, client, path_a, modules, actor, url, data):
    user = None if actor == "anonymous" else request.getfixturevalue(actor)
    as_user(client, user)
    step = path_a.steps.first()
    filled = {key: value.format(module=modules["school"].pk) for key, value in data.items()}
    before = (list(path_a.steps.values_list("pk", "module_id", "position")), CoursePath.objects.count())
    response = client.post(url.format(pk=path_a.pk, step=step.pk), filled)
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert "/inloggen/" in response["Location"]
    path_a.refresh_from_db()
    assert path_a.title == "Leerlijn van A" and path_a.share_token is None
    assert (list(path_a.steps.values_list("pk", "module_id", "position")), CoursePath.objects.count()) == before


@pytest.mark.parametrize("actor, status", [("anonymous", 302), ("trainer_a", 200), ("trainer_b", 404), ("editor", 200)])
@pytest.mark.parametrize("suffix", ["afdrukken/", "agenda.ics"])
def test_a_private_path_prints_and_downloads_for_its_trainer_only(request, client, path_a, actor, status, suffix):
    path_a.steps.update(planned_date=datetime.date(2027, 2, 3))
    as_user(client, None if actor == "anonymous" else request.getfixturevalue(actor))
    response = client.get(f"/leerlijnen/mijn/{path_a.pk}/{suffix}")
    assert path_a.share_token is None and response.status_code == status
    if status == 200:
        assert "Verdieping polarisatie" in response.content.decode().replace("\r\n ", "")


def test_the_edit_form_shows_the_planned_date_as_a_date_field_can(client, trainer_a, path_a):
    step = path_a.steps.first()
    step.planned_date = datetime.date(2027, 2, 3)
    step.save()
    page = as_user(client, trainer_a).get(f"/leerlijnen/mijn/{path_a.pk}/").content.decode()
    assert f'type="date" name="step-{step.pk}-planned_date" value="2027-02-03"' in page


def test_logged_in_user_without_trainer_role_is_refused(client, django_user_model, path_a):
    as_user(client, make_user(django_user_model, "beleidsmedewerker"))
    assert client.get("/leerlijnen/mijn/").status_code == 403


def test_only_editors_publish_a_curated_path(client, trainer_a, editor, path_a, audiences):
    form = {"title": "Leerlijn van A", "audience": audiences["beleidsmedewerkers"].pk, "intro": "", "is_curated": "on"}
    as_user(client, trainer_a).post(f"/leerlijnen/mijn/{path_a.pk}/", form)
    path_a.refresh_from_db()
    assert not path_a.is_curated
    assert "Leerlijn van A" not in client.get("/leerlijnen/").content.decode()
    assert client.get(f"/leerlijnen/{path_a.pk}/").status_code == 404

    as_user(client, editor).post(f"/leerlijnen/mijn/{path_a.pk}/", form)
    path_a.refresh_from_db()
    assert path_a.is_curated
    client.logout()
    assert "Leerlijn van A" in client.get("/leerlijnen/").content.decode()
    assert client.get(f"/leerlijnen/{path_a.pk}/").status_code == 200


# -- building a path --------------------------------------------------------------------------


def step_titles(path):
    return list(path.steps.values_list("module_title", flat=True))


def test_trainer_builds_reorders_and_removes_steps(client, trainer_a, modules, audiences):
    as_user(client, trainer_a)
    response = client.post(
        "/leerlijnen/mijn/nieuw/", {"title": "Team Zuid", "audience": audiences["beleidsmedewerkers"].pk}
    )
    path = CoursePath.objects.get(title="Team Zuid")
    assert path.owner == trainer_a and response["Location"].endswith(f"/leerlijnen/mijn/{path.pk}/")
    for name in ("verdieping", "basis", "school"):
        client.post(f"/leerlijnen/mijn/{path.pk}/stappen/", {"module": modules[name].pk, "note": f"notitie {name}"})
    assert step_titles(path) == ["Verdieping polarisatie", "Basis polarisatie", "Polarisatie op school"]

    basis_step = path.steps.get(module=modules["basis"])
    response = client.post(f"/leerlijnen/mijn/{path.pk}/stappen/{basis_step.pk}/", {"action": "up"})
    assert response["Location"].endswith(f"#step-{basis_step.pk}-up")  # focus stays on the pressed button
    assert step_titles(path) == ["Basis polarisatie", "Verdieping polarisatie", "Polarisatie op school"]

    client.post(f"/leerlijnen/mijn/{path.pk}/stappen/{basis_step.pk}/", {"action": "remove"})
    assert step_titles(path) == ["Verdieping polarisatie", "Polarisatie op school"]
    assert list(path.steps.values_list("position", flat=True)) == [0, 1]


def test_moving_beyond_the_ends_changes_nothing(path_a):
    first, last = path_a.steps.all()
    assert not paths.move_step(path_a, first.pk, -1)
    assert not paths.move_step(path_a, last.pk, +1)
    assert step_titles(path_a) == ["Basis polarisatie", "Verdieping polarisatie"]


def test_unknown_step_action_is_a_bad_request(client, trainer_a, path_a):
    step = path_a.steps.first()
    assert (
        as_user(client, trainer_a)
        .post(f"/leerlijnen/mijn/{path_a.pk}/stappen/{step.pk}/", {"action": "explode"})
        .status_code
        == 400
    )


def test_step_note_and_date_can_be_edited_and_bad_dates_are_refused(client, trainer_a, path_a):
    step = path_a.steps.first()
    url = f"/leerlijnen/mijn/{path_a.pk}/stappen/{step.pk}/"
    as_user(client, trainer_a).post(
        url, {"action": "save", f"step-{step.pk}-note": "Eerst lezen", f"step-{step.pk}-planned_date": "2027-03-04"}
    )
    step.refresh_from_db()
    assert step.note == "Eerst lezen" and step.planned_date == datetime.date(2027, 3, 4)
    response = client.post(url, {"action": "save", f"step-{step.pk}-planned_date": "31-31-2027"}, follow=True)
    assert "kon niet worden opgeslagen" in response.content.decode()
    step.refresh_from_db()
    assert step.planned_date == datetime.date(2027, 3, 4)


def test_draft_modules_cannot_be_added(client, trainer_a, path_a, modules):
    draft = ModulePageFactory(parent=modules["basis"].get_parent(), title="Conceptmodule", live=False)
    as_user(client, trainer_a).post(f"/leerlijnen/mijn/{path_a.pk}/stappen/", {"module": draft.pk})
    assert "Conceptmodule" not in step_titles(path_a)
    assert "Conceptmodule" not in client.get(f"/leerlijnen/mijn/{path_a.pk}/").content.decode()


def test_duplicate_copies_steps_for_the_new_owner(client, trainer_a, trainer_b, path_a):
    path_a.is_curated = True
    path_a.save()
    as_user(client, trainer_b).post(f"/leerlijnen/mijn/{path_a.pk}/dupliceren/")
    copy = CoursePath.objects.get(owner=trainer_b)
    assert copy.title == "Kopie van Leerlijn van A"
    assert step_titles(copy) == step_titles(path_a)
    assert not copy.is_curated and copy.share_token is None


# -- what a path shows: duration, sessions, warnings, unavailable modules ----------------------


def test_path_shows_provider_format_duration_and_next_session(path_a, modules):
    modules["basis"].sessions.add(
        ModuleSession(starts_at=timezone.now() + datetime.timedelta(days=3), location="Zwolle")
    )
    modules["basis"].save_revision().publish()
    view = paths.load_path_view(path_a)
    assert view.total_minutes == 180
    assert view.steps[0].next_session.location == "Zwolle"
    assert view.warnings == []


def test_order_and_audience_warnings(path_a, modules):
    paths.move_step(path_a, path_a.steps.get(module=modules["basis"]).pk, +1)
    paths.add_step(path_a, modules["school"])
    warnings = paths.load_path_view(path_a).warnings
    assert any("komt vóór stap 2" in warning and "Basis polarisatie" in warning for warning in warnings)
    assert any("Polarisatie op school" in warning and "doelgroep" in warning for warning in warnings)
    assert len(warnings) == 2  # a warning, not a refusal: the path keeps all steps
    assert path_a.steps.count() == 3


def test_unpublished_and_deleted_modules_leave_a_marked_step(client, trainer_a, path_a, modules):
    modules["basis"].unpublish()
    modules["verdieping"].delete()
    response = as_user(client, trainer_a).get(f"/leerlijnen/mijn/{path_a.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Deze module is niet meer beschikbaar.") == 2
    assert "Verdieping polarisatie" in html  # the title the trainer chose stays readable
    assert paths.load_path_view(path_a).total_minutes == 0


# -- sharing ----------------------------------------------------------------------------------


def test_a_shared_path_shows_its_recipients_hours_and_minutes_and_not_the_trainers_warnings(
    client, trainer_a, path_a, modules
):
    paths.add_step(path_a, modules["school"])  # for another audience: a warning for the trainer
    assert paths.load_path_view(path_a).warnings
    as_user(client, trainer_a).post(f"/leerlijnen/mijn/{path_a.pk}/delen/", {"action": "create"})
    path_a.refresh_from_db()
    shared = f"/leerlijnen/gedeeld/{path_a.share_token}/"
    as_user(client, trainer_a)
    assert "path-warnings-heading" in client.get(shared).content.decode()  # the trainer still sees them
    client.logout()
    for url in (shared, f"/leerlijnen/gedeeld/{path_a.share_token}/afdrukken/"):
        html = client.get(url).content.decode()
        assert "path-warnings-heading" not in html and "doelgroep" not in html.split("<ol")[0].lower()
        assert "Totale duur: 4 uur 30 min" in html and "minuten" not in html  # 60 + 120 + 90


def test_share_link_is_read_only_unguessable_and_revocable(client, trainer_a, path_a):
    as_user(client, trainer_a).post(f"/leerlijnen/mijn/{path_a.pk}/delen/", {"action": "create"})
    path_a.refresh_from_db()
    first_token = path_a.share_token
    assert len(first_token) >= 40
    client.logout()
    response = client.get(f"/leerlijnen/gedeeld/{first_token}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Basis polarisatie" in html and "Omhoog" not in html and "csrfmiddlewaretoken" not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"

    as_user(client, trainer_a).post(f"/leerlijnen/mijn/{path_a.pk}/delen/", {"action": "renew"})
    path_a.refresh_from_db()
    client.logout()
    assert client.get(f"/leerlijnen/gedeeld/{first_token}/").status_code == 404
    assert client.get(f"/leerlijnen/gedeeld/{path_a.share_token}/").status_code == 200

    as_user(client, trainer_a).post(f"/leerlijnen/mijn/{path_a.pk}/delen/", {"action": "revoke"})
    client.logout()
    assert client.get(f"/leerlijnen/gedeeld/{path_a.share_token}/").status_code == 404
    path_a.refresh_from_db()
    assert path_a.share_token is None


@pytest.mark.parametrize("token", ["x", "a" * 65, "..%2F..%2Fetc%2Fpasswd", "<script>"])
def test_bad_share_tokens_answer_404(client, path_a, token):
    paths.share(path_a)
    assert client.get(f"/leerlijnen/gedeeld/{token}/").status_code == 404


def test_print_view_and_calendar(client, path_a):
    for number, step in enumerate(path_a.steps.all(), start=1):
        step.planned_date = datetime.date(2027, 1, number)
        step.note = "Zaal 2, begane grond; neem laptop mee. " + "Coördinatie vooraf met de wijkagent. " * 4
        step.save()
    token = paths.share(path_a)
    printed = client.get(f"/leerlijnen/gedeeld/{token}/afdrukken/").content.decode()
    assert "<table>" in printed and "Verdieping polarisatie" in printed

    response = client.get(f"/leerlijnen/gedeeld/{token}/agenda.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20270102" in body and "DTEND;VALUE=DATE:20270103" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))  # folded, never inside a character
    unfolded = body.replace("\r\n ", "")
    assert "Zaal 2\\, begane grond\\; neem laptop mee" in unfolded


def test_path_page_queries_do_not_grow_with_steps(client, path_a, modules, django_assert_max_num_queries):
    path_a.is_curated = True
    path_a.save()
    with django_assert_max_num_queries(25) as small:
        client.get(f"/leerlijnen/{path_a.pk}/")
    for _ in range(30):
        paths.add_step(path_a, modules["school"])
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(f"/leerlijnen/{path_a.pk}/")
    assert response.content.decode().count('class="step"') == 32
