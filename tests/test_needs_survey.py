"""The needs survey: one answer per municipality per round, open and close dates, who may answer and
who may read, the gaps against the curriculum, the CSV export, and a public summary that never
reveals one municipality's answers."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone

from knowledge.models import Municipality, MunicipalStaffMembership
from needs.models import NeedsSurveyPage, QuestionAnswer, SurveyResponse, SurveyRound
from needs.overview import needs_overview, public_summary, suppressed_groups
from needs.responses import SurveyClosedError, submit_response
from portal.access import MUNICIPAL_STAFF, restrict_to_municipal_staff
from portal.models import Audience, Theme

from .factories import (
    ModulePageFactory,
    MunicipalityFactory,
    SurveyQuestionFactory,
    SurveyRoundFactory,
)

pytestmark = pytest.mark.django_db


def need(urgency=2, formats=("e-learning",), topics=(), support=()):
    return {"urgency": urgency, "formats": list(formats), "topics": list(topics), "support": list(support)}


@pytest.fixture
def theme():
    return Theme.objects.get(slug="polarisatie")


@pytest.fixture
def audience():
    return Audience.objects.get(slug="bestuurders")


@pytest.fixture
def survey_round():
    return SurveyRoundFactory(slug="peiling-2027", title="Peiling 2027")


@pytest.fixture
def question(survey_round, theme, audience):
    return SurveyQuestionFactory(round=survey_round, theme=theme, audience=audience)


@pytest.fixture
def amersfoort():
    return MunicipalityFactory()


@pytest.fixture
def utrecht():
    return MunicipalityFactory(cbs_code="GM0344", name="Utrecht", inhabitants=374000, urbanisation=1)


@pytest.fixture
def survey_page(home_page):
    page = NeedsSurveyPage(title="Behoeftepeiling", slug="behoeftepeiling")
    home_page.add_child(instance=page)
    return page


def staff_of(django_user_model, municipality, username=None, in_group=True):
    user = django_user_model.objects.create_user(username or f"medewerker-{municipality.cbs_code}", password="x")
    if in_group:
        user.groups.add(Group.objects.get(name=MUNICIPAL_STAFF))
    if municipality is not None:
        MunicipalStaffMembership.objects.create(user=user, municipality=municipality)
    return user


def answer_url(survey_round):
    return f"/behoeftepeiling/{survey_round.slug}/invullen/"


def form_data(question, urgency="2", formats=("e-learning",), topics=(), support=(), remarks=""):
    prefix = f"q{question.pk}"
    return {
        f"{prefix}-urgency": urgency,
        f"{prefix}-formats": list(formats),
        f"{prefix}-topics": list(topics),
        f"{prefix}-support": list(support),
        "remarks": remarks,
    }


# One answer per municipality per round, with history


def test_a_later_answer_replaces_the_earlier_one_and_keeps_it_as_history(
    survey_round, question, amersfoort, django_user_model
):
    first = submit_response(survey_round, amersfoort, None, {question.pk: need(urgency=1, formats=["webinar"])})
    second = submit_response(survey_round, amersfoort, None, {question.pk: need(urgency=3, formats=["training"])})

    first.refresh_from_db()
    assert not first.is_current and first.replaced_at is not None
    assert second.is_current
    assert SurveyResponse.objects.filter(round=survey_round, municipality=amersfoort).count() == 2
    assert first.answers.get().formats == ["webinar"]  # the history keeps what was said
    overview = needs_overview(survey_round)
    assert overview.respondent_count == 1
    assert overview.respondents[0].earlier_versions == 1
    assert overview.questions[0].urgent_count == 1  # only the current answer counts


def test_the_database_refuses_two_current_answers_for_one_municipality(survey_round, amersfoort):
    SurveyResponse.objects.create(round=survey_round, municipality=amersfoort, submitted_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyResponse.objects.create(round=survey_round, municipality=amersfoort, submitted_at=timezone.now())


def test_colleagues_of_one_municipality_share_one_answer(
    survey_page, survey_round, question, amersfoort, client, django_user_model
):
    for username in ("collega-1", "collega-2"):
        client.force_login(staff_of(django_user_model, amersfoort, username))
        response = client.post(answer_url(survey_round), form_data(question, urgency="3"))
        assert response.status_code == 302
    assert SurveyResponse.objects.filter(municipality=amersfoort, is_current=True).count() == 1
    assert SurveyResponse.objects.filter(municipality=amersfoort).count() == 2


# Open and close dates


@pytest.mark.parametrize("opens, closes", [(1, 10), (-10, -1)], ids=["not yet open", "closed"])
def test_answers_outside_the_open_period_are_refused(question, amersfoort, opens, closes):
    now = timezone.now()
    survey_round = question.round
    survey_round.opens_at, survey_round.closes_at = (
        now + datetime.timedelta(days=opens),
        now + datetime.timedelta(days=closes),
    )
    survey_round.save()
    with pytest.raises(SurveyClosedError):
        submit_response(survey_round, amersfoort, None, {question.pk: need()})
    assert not SurveyResponse.objects.exists()


def test_a_closed_round_shows_no_form_and_stores_nothing(survey_page, question, amersfoort, client, django_user_model):
    survey_round = question.round
    survey_round.opens_at = timezone.now() - datetime.timedelta(days=10)
    survey_round.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    survey_round.save()
    client.force_login(staff_of(django_user_model, amersfoort))

    page = client.get(answer_url(survey_round))
    assert (
        "is gesloten" in page.content.decode()
        and '<form method="post" class="stacked-form survey-form"' not in page.content.decode()
    )
    response = client.post(answer_url(survey_round), form_data(question))
    assert response.status_code == 200
    assert not SurveyResponse.objects.exists()


def test_the_stored_close_date_decides_not_the_form_s_copy_of_the_round(question, amersfoort):
    loaded_with_the_form = SurveyRound.objects.get(pk=question.round.pk)
    # The round closes (or an editor brings the date forward) while someone is filling in the form.
    SurveyRound.objects.filter(pk=question.round.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(SurveyClosedError):
        submit_response(loaded_with_the_form, amersfoort, None, {question.pk: need()})
    assert not SurveyResponse.objects.exists()


def test_the_close_date_must_follow_the_open_date(survey_round):
    from django.core.exceptions import ValidationError

    survey_round.closes_at = survey_round.opens_at
    with pytest.raises(ValidationError):
        survey_round.full_clean()


# Who may answer, and who may read


def test_visitors_are_asked_to_log_in_and_cannot_answer(survey_page, question, client):
    response = client.get(answer_url(question.round))
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    response = client.post(answer_url(question.round), form_data(question))
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()


def test_staff_answer_for_their_own_municipality_only(
    survey_page, question, amersfoort, utrecht, client, django_user_model
):
    client.force_login(staff_of(django_user_model, amersfoort))
    data = form_data(
        question, urgency="3", formats=["training", "webinar"], topics=["Tweede onderwerp"], support=["helpdesk"]
    )
    # A municipality in the request is ignored: the account decides whom the answer is from.
    data["municipality"] = utrecht.pk
    response = client.post(answer_url(question.round), data)
    assert response.status_code == 302

    stored = SurveyResponse.objects.get()
    assert stored.municipality == amersfoort
    answer = stored.answers.get()
    assert (answer.urgency, answer.formats, answer.topics, answer.support) == (
        3,
        ["training", "webinar"],
        ["Tweede onderwerp"],
        ["helpdesk"],
    )


def test_staff_of_another_municipality_never_see_its_answers(
    survey_page, question, amersfoort, utrecht, client, django_user_model
):
    submit_response(
        question.round,
        amersfoort,
        None,
        {question.pk: need(topics=["Tweede onderwerp"])},
        remarks="Alleen voor Amersfoort",
    )
    client.force_login(staff_of(django_user_model, utrecht))
    page = client.get(answer_url(question.round)).content.decode()
    assert "Utrecht" in page
    assert "Alleen voor Amersfoort" not in page and "al ingevuld" not in page
    assert "checked" not in page

    client.force_login(staff_of(django_user_model, amersfoort, "collega-amersfoort"))
    page = client.get(answer_url(question.round)).content.decode()
    assert (
        "Alleen voor Amersfoort" in page and "al ingevuld" in page
    )  # colleagues revise their own municipality's answer


@pytest.mark.parametrize(
    "linked, in_group", [(False, True), (True, False)], ids=["no municipality", "not municipal staff"]
)
def test_accounts_that_cannot_speak_for_a_municipality_get_an_explanation(
    survey_page, question, amersfoort, client, django_user_model, linked, in_group
):
    client.force_login(staff_of(django_user_model, amersfoort if linked else None, "iemand", in_group=in_group))
    response = client.post(answer_url(question.round), form_data(question))
    assert response.status_code == 403
    assert "niet gekoppeld aan een gemeente" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_form_with_missing_or_unknown_answers_is_returned_with_messages(
    survey_page, question, amersfoort, client, django_user_model
):
    client.force_login(staff_of(django_user_model, amersfoort))
    for data in [
        form_data(question, urgency=""),
        form_data(question, urgency="99999999999999999999999"),
        form_data(question, formats=["sprookje"]),
        form_data(question, remarks="x" * 5000),
    ]:
        response = client.post(answer_url(question.round), data)
        assert response.status_code == 400
        assert "nog niet goed ingevuld" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def editor(django_user_model, group_name="Redacteur"):
    user = django_user_model.objects.create_user(f"{group_name.lower()}-x", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize(
    "who, expected",
    [
        ("anonymous", 302),
        ("municipal staff", 302),
        ("Trainer", 302),
        ("Redacteur", 200),
        ("Eindredacteur", 200),
    ],
)
def test_only_editors_read_the_overview_and_the_export(
    survey_round, amersfoort, client, django_user_model, who, expected
):
    if who == "municipal staff":
        client.force_login(staff_of(django_user_model, amersfoort))
    elif who != "anonymous":
        client.force_login(editor(django_user_model, who))
    for url in (
        f"/admin/behoeftepeiling/{survey_round.pk}/",
        f"/admin/behoeftepeiling/{survey_round.pk}/behoeften.csv",
        "/admin/behoeftepeiling/",
    ):
        assert client.get(url).status_code == expected, url


def test_an_editor_without_the_permission_is_refused(survey_round, client, django_user_model):
    user = editor(django_user_model)
    Group.objects.get(name="Redacteur").permissions.filter(codename="view_surveyresponse").delete()
    client.force_login(user)
    assert client.get(f"/admin/behoeftepeiling/{survey_round.pk}/").status_code in (302, 403)


# Gaps: needs set against the published curriculum


def test_a_need_is_a_gap_until_a_matching_module_is_published_and_again_after_unpublishing(
    curriculum, question, amersfoort
):
    submit_response(question.round, amersfoort, None, {question.pk: need(formats=["e-learning"])})

    def e_learning_need():
        needs = needs_overview(question.round).questions[0]
        return needs, next(f for f in needs.formats if f.value == "e-learning")

    needs, e_learning = e_learning_need()
    assert needs.is_gap and e_learning.is_gap and e_learning.count == 1

    # Another theme, another audience, another format, a draft: none of them meets the need.
    ModulePageFactory(
        parent=curriculum,
        format="e-learning",
        themes=[Theme.objects.exclude(pk=question.theme_id).first()],
        audiences=[question.audience],
    )
    ModulePageFactory(
        parent=curriculum,
        format="e-learning",
        themes=[question.theme],
        audiences=[Audience.objects.exclude(pk=question.audience_id).first()],
    )
    webinar = ModulePageFactory(
        parent=curriculum, format="webinar", themes=[question.theme], audiences=[question.audience]
    )
    draft = ModulePageFactory(
        parent=curriculum, format="e-learning", themes=[question.theme], audiences=[question.audience], live=False
    )
    needs, e_learning = e_learning_need()
    assert e_learning.is_gap and not needs.is_gap  # the webinar covers the theme, not the e-learning need
    assert needs.modules == [webinar]

    draft.save_revision().publish()
    needs, e_learning = e_learning_need()
    assert not e_learning.is_gap and [module.pk for module in e_learning.modules] == [draft.pk]

    draft.refresh_from_db()
    draft.unpublish()
    _needs, e_learning = e_learning_need()
    assert e_learning.is_gap


def test_a_module_for_municipal_staff_only_does_not_count_as_offer(curriculum, question, amersfoort):
    submit_response(question.round, amersfoort, None, {question.pk: need(formats=["training"])})
    module = ModulePageFactory(
        parent=curriculum, format="training", themes=[question.theme], audiences=[question.audience]
    )
    restrict_to_municipal_staff(module)
    assert needs_overview(question.round).questions[0].is_gap


def test_the_overview_counts_needs_per_size_class_and_lists_upcoming_sessions(
    curriculum, question, amersfoort, utrecht
):
    from curriculum.models import ModuleSession

    submit_response(question.round, amersfoort, None, {question.pk: need(urgency=3, formats=["training"])})
    submit_response(question.round, utrecht, None, {question.pk: need(urgency=0, formats=[])})
    module = ModulePageFactory(
        parent=curriculum, format="training", themes=[question.theme], audiences=[question.audience]
    )
    ModuleSession.objects.create(page=module, starts_at=timezone.now() + datetime.timedelta(days=7), online=True)
    ModuleSession.objects.create(page=module, starts_at=timezone.now() - datetime.timedelta(days=7), online=True)

    needs = needs_overview(question.round).questions[0]
    assert (needs.need_count, needs.percentage) == (1, 50)
    cells = {cell.value: (cell.count, cell.base) for cell in needs.by_size_class}
    assert cells == {"100-250k": (1, 1), "250k+": (0, 1)}
    training = next(f for f in needs.formats if f.value == "training")
    assert len(training.sessions) == 1 and training.sessions[0].starts_at > timezone.now()


# CSV export


def test_the_csv_export_has_a_row_per_need_with_its_coverage(
    curriculum, survey_round, question, amersfoort, client, django_user_model
):
    submit_response(survey_round, amersfoort, None, {question.pk: need(formats=["e-learning", "training"])})
    ModulePageFactory(
        parent=curriculum,
        title='=HYPERLINK("http://example.org")',
        format="training",
        themes=[question.theme],
        audiences=[question.audience],
    )
    client.force_login(editor(django_user_model))
    response = client.get(f"/admin/behoeftepeiling/{survey_round.pk}/behoeften.csv")

    assert response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="behoeftepeiling-peiling-2027.csv"' == response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Thema", "Doelgroep", "Vorm", "Gemeenten met behoefte", "Percentage van de respondenten"]
    by_format = {row[2]: row for row in rows[1:]}
    assert by_format["E-learning"][3] == "1" and "hiaat" in by_format["E-learning"]
    assert "gedekt" in by_format["Training"]
    # A title that a spreadsheet would run as a formula is written as text.
    assert by_format["Training"][-2].startswith("'=HYPERLINK")


# The public summary


def close(survey_round):
    survey_round.opens_at = timezone.now() - datetime.timedelta(days=30)
    survey_round.closes_at = timezone.now() - datetime.timedelta(days=1)
    survey_round.save()


def many_municipalities(count, inhabitants=30_000, start=9001):
    """Test-only municipalities: GM9xxx codes, which CBS has never issued, with made-up names."""
    return [
        Municipality.objects.create(
            cbs_code=f"GM{start + n:04d}", name=f"Testgemeente {start + n}", province="Utrecht", inhabitants=inhabitants
        )
        for n in range(count)
    ]


def answer_all(survey_round, question, municipalities, **answer):
    for municipality in municipalities:
        SurveyResponse.objects.filter(round=survey_round, municipality=municipality).delete()
        response = SurveyResponse.objects.create(
            round=survey_round,
            municipality=municipality,
            submitted_at=timezone.now(),
            remarks=f"Toelichting van {municipality.name}",
        )
        QuestionAnswer.objects.create(response=response, question=question, **need(**answer))


def test_the_summary_of_an_open_round_is_not_there_yet(survey_page, question, client):
    assert client.get(f"/behoeftepeiling/{question.round.slug}/").status_code == 404


def test_a_round_answered_by_one_municipality_shows_no_results(survey_page, question, amersfoort, client):
    answer_all(question.round, question, [amersfoort], urgency=3, formats=["leerkring"], support=["helpdesk"])
    close(question.round)
    page = client.get(f"/behoeftepeiling/{question.round.slug}/").content.decode()
    assert "Te weinig gemeenten" in page
    assert "Amersfoort" not in page and "Leerkring" not in page and "100%" not in page and "<table" not in page


def test_a_size_class_of_one_is_hidden_and_cannot_be_worked_out_from_the_others(
    survey_page, question, client, settings
):
    settings.NEEDS_SURVEY_MIN_GROUP_SIZE = 5
    small = many_municipalities(6, inhabitants=30_000)  # 20.000–50.000: six municipalities
    middle = many_municipalities(3, inhabitants=70_000, start=9101)  # 50.000–100.000: three
    large = many_municipalities(1, inhabitants=300_000, start=9201)  # 250.000+: one, whose answer must stay private
    answer_all(question.round, question, small, urgency=0, formats=[])
    answer_all(question.round, question, middle, urgency=0, formats=[])
    answer_all(question.round, question, large, urgency=3, formats=["leerkring"])
    close(question.round)

    summary = public_summary(question.round)
    hidden = {cell.value for cell in summary.size_classes if cell.suppressed}
    # 250k+ (1) is below 5; with 50-100k (3) also hidden, the hidden groups together are 4: still below 5,
    # so the next smallest group is hidden too, and the total can no longer be split.
    assert hidden == {"250k+", "50-100k", "20-50k"}
    for cell in summary.questions[0].by_size_class:
        assert cell.suppressed and cell.count == 0 and cell.base == 0
    page = client.get(f"/behoeftepeiling/{question.round.slug}/").content.decode()
    assert "Testgemeente" not in page and "Toelichting van" not in page
    assert "(1 gemeente)" not in page and "(3 gemeenten)" not in page


@pytest.mark.parametrize(
    "bases",
    [
        {"a": 1, "b": 9},
        {"a": 1, "b": 1, "c": 9},
        {"a": 4, "b": 5, "c": 5},
        {"a": 2, "b": 2, "c": 2},
        {"a": 5, "b": 6},
        {"a": 1},
        {"a": 0, "b": 3, "c": 7},
        {"a": 4, "b": 4, "c": 4, "d": 20},
    ],
)
def test_hidden_groups_are_never_smaller_than_the_minimum_together(bases):
    hidden = suppressed_groups(bases, 5)
    shown = set(bases) - hidden
    assert all(bases[group] >= 5 or bases[group] == 0 for group in shown)
    if hidden:
        assert sum(bases[group] for group in hidden) >= 5 or not [g for g in shown if bases[g]]


def test_the_summary_shows_totals_with_a_chart_and_its_table(survey_page, question, client):
    answer_all(question.round, question, many_municipalities(4), urgency=2, formats=["webinar"], support=["advies"])
    answer_all(question.round, question, many_municipalities(6, start=9101), urgency=0, formats=[])
    close(question.round)
    page = client.get(f"/behoeftepeiling/{question.round.slug}/").content.decode()
    assert "10 gemeenten vulden de peiling in" in page
    assert 'role="img" aria-labelledby="needs-chart-caption" aria-describedby="needs-table-caption"' in page
    assert '<caption id="needs-table-caption">' in page
    assert "<td>4</td><td>40%</td>" in page  # the need, in the table as well as in the chart
    assert "Toelichting van" not in page and "Testgemeente" not in page


def test_the_survey_page_lists_open_and_closed_rounds(survey_page, question, client):
    closed = SurveyRoundFactory(title="Oude peiling", slug="oude-peiling")
    close(closed)
    page = client.get("/behoeftepeiling/").content.decode()
    assert f'href="/behoeftepeiling/{question.round.slug}/invullen/"' in page
    assert 'href="/behoeftepeiling/oude-peiling/"' in page


# The editors' side: changes that would lose answers are refused, with a message


def test_a_round_with_answers_cannot_be_deleted(question, amersfoort, client, django_user_model):
    submit_response(question.round, amersfoort, None, {question.pk: need()})
    client.force_login(editor(django_user_model, "Eindredacteur"))
    url = f"/admin/snippets/needs/surveyround/delete/{question.round.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code in (302, 403)
    assert SurveyRound.objects.filter(pk=question.round.pk).exists() and SurveyResponse.objects.exists()


def round_form_data(survey_round, questions, delete=()):
    data = {
        "title": survey_round.title,
        "title_en": "",
        "slug": survey_round.slug,
        "intro": "",
        "opens_at": timezone.localtime(survey_round.opens_at).strftime("%Y-%m-%d %H:%M"),
        "closes_at": timezone.localtime(survey_round.closes_at).strftime("%Y-%m-%d %H:%M"),
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": str(len(questions)),
        "questions-MIN_NUM_FORMS": "1",
        "questions-MAX_NUM_FORMS": "1000",
    }
    for index, question in enumerate(questions):
        data.update(
            {
                f"questions-{index}-id": str(question.pk),
                f"questions-{index}-theme": str(question.theme_id),
                f"questions-{index}-audience": str(question.audience_id),
                f"questions-{index}-text": question.text,
                f"questions-{index}-topics": question.topics,
                f"questions-{index}-ORDER": str(index + 1),
                f"questions-{index}-DELETE": "on" if question in delete else "",
            }
        )
    return data


def test_an_answered_question_cannot_be_removed_from_its_round(question, amersfoort, client, django_user_model):
    other = SurveyQuestionFactory(
        round=question.round, theme=question.theme, audience=Audience.objects.exclude(pk=question.audience_id).first()
    )
    submit_response(question.round, amersfoort, None, {question.pk: need(), other.pk: need()})
    client.force_login(editor(django_user_model, "Eindredacteur"))
    url = f"/admin/snippets/needs/surveyround/edit/{question.round.pk}/"
    response = client.post(url, round_form_data(question.round, [question, other], delete=[other]))
    assert response.status_code == 200
    assert "al beantwoord" in response.content.decode()
    assert QuestionAnswer.objects.count() == 2 and question.round.questions.count() == 2


def test_editors_can_change_an_answered_question_s_wording(question, amersfoort, client, django_user_model):
    submit_response(question.round, amersfoort, None, {question.pk: need()})
    client.force_login(editor(django_user_model, "Eindredacteur"))
    question.text = "Een duidelijker vraag?"
    response = client.post(
        f"/admin/snippets/needs/surveyround/edit/{question.round.pk}/", round_form_data(question.round, [question])
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.text == "Een duidelijker vraag?"


# Performance: the editors' overview does not query per municipality


def test_the_overview_takes_the_same_number_of_queries_for_20_and_342_municipalities(
    curriculum, survey_round, client, django_user_model, django_assert_max_num_queries
):
    questions = [
        SurveyQuestionFactory(round=survey_round, theme=theme, audience=audience)
        for theme in Theme.objects.all()[:4]
        for audience in Audience.objects.all()[:2]
    ]
    for theme in Theme.objects.all()[:3]:
        ModulePageFactory(parent=curriculum, themes=[theme], audiences=list(Audience.objects.all()[:2]))
    municipalities = many_municipalities(342)
    client.force_login(editor(django_user_model))
    url = f"/admin/behoeftepeiling/{survey_round.pk}/"

    def answer(group):
        responses = SurveyResponse.objects.bulk_create(
            SurveyResponse(round=survey_round, municipality=municipality, submitted_at=timezone.now())
            for municipality in group
        )
        QuestionAnswer.objects.bulk_create(
            QuestionAnswer(
                response=response,
                question=question,
                urgency=(response.municipality_id + question.pk) % 4,
                formats=["workshop", "webinar"],
                topics=["Eerste onderwerp"],
                support=["advies"],
            )
            for response in responses
            for question in questions
        )

    answer(municipalities[:20])
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    answer(municipalities[20:])
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert "342 gemeenten hebben geantwoord" in response.content.decode()
