"""The curriculum: module rules, the filtered overview and constant SQL per page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import PageViewRestriction

from benchmarks.pages import bulk_child_pages
from curriculum.listings import MODULES
from curriculum.models import ModulePage, ModuleSession
from curriculum.prerequisites import find_prerequisite_cycle
from portal.models import Audience, Theme

from .factories import ModulePageFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def graph(edges):
    return lambda ids: {node: set(edges.get(node, ())) for node in ids}


# -- the prerequisite rule, as a plain function ------------------------------------------------


def test_no_cycle_in_a_chain():
    assert find_prerequisite_cycle(1, {2}, graph({2: {3}, 3: set()})) is None


def test_module_cannot_require_itself():
    assert find_prerequisite_cycle(1, {1}, graph({})) == [1, 1]


def test_indirect_cycle_is_reported_as_a_path():
    # 1 would require 2; 2 requires 3; 3 requires 1.
    assert find_prerequisite_cycle(1, {2}, graph({2: {3}, 3: {1}})) == [1, 2, 3, 1]


def test_new_module_cannot_close_a_cycle():
    assert find_prerequisite_cycle(None, {2}, graph({2: {1}})) is None


# -- the rule on real modules -----------------------------------------------------------------


def test_prerequisite_cycle_is_refused_with_a_clear_message(curriculum):
    basis = ModulePageFactory(parent=curriculum, title="Basis")
    verdieping = ModulePageFactory(parent=curriculum, title="Verdieping")
    verdieping.prerequisites.set([basis])
    verdieping.save_revision().publish()
    specialist = ModulePageFactory(parent=curriculum, title="Specialist")
    specialist.prerequisites.set([verdieping])
    specialist.save_revision().publish()

    basis.prerequisites.set([specialist])
    with pytest.raises(ValidationError) as error:
        basis.full_clean()
    message = " ".join(error.value.message_dict["prerequisites"])
    assert "Basis → Specialist → Verdieping → Basis" in message


def test_valid_prerequisites_pass(curriculum):
    basis = ModulePageFactory(parent=curriculum)
    verdieping = ModulePageFactory(parent=curriculum)
    verdieping.prerequisites.set([basis])
    verdieping.full_clean()


def test_module_page_shows_upcoming_sessions_only(curriculum, client):
    module = ModulePageFactory(parent=curriculum)
    now = timezone.now()
    module.sessions.add(ModuleSession(starts_at=now - datetime.timedelta(days=1), location="Zwolle"))
    module.sessions.add(ModuleSession(starts_at=now + datetime.timedelta(days=10), location="Assen"))
    module.save_revision().publish()
    html = client.get(module.url).content.decode()
    assert "Assen" in html
    assert "Zwolle" not in html


def test_unpublished_prerequisite_is_not_linked(curriculum, client):
    hidden = ModulePageFactory(parent=curriculum, title="Ingetrokken module")
    module = ModulePageFactory(parent=curriculum)
    module.prerequisites.set([hidden])
    module.save_revision().publish()
    hidden.unpublish()
    assert "Ingetrokken module" not in client.get(module.url).content.decode()


# -- the overview -----------------------------------------------------------------------------


def overview(query=""):
    return MODULES.filter(QueryDict(query))


def test_filters_combine_or_within_and_across_facets(curriculum):
    inclusie, polarisatie = Theme.objects.get(slug="inclusie"), Theme.objects.get(slug="polarisatie")
    bestuurders = Audience.objects.get(slug="bestuurders")
    onderwijs = Audience.objects.get(slug="onderwijs")
    ModulePageFactory(parent=curriculum, title="A", themes=[inclusie], audiences=[bestuurders], level="basis")
    ModulePageFactory(parent=curriculum, title="B", themes=[polarisatie], audiences=[onderwijs], level="verdieping")
    ModulePageFactory(
        parent=curriculum, title="C", themes=[inclusie, polarisatie], audiences=[onderwijs], level="verdieping"
    )

    assert [m.title for m in overview("thema=inclusie&thema=polarisatie").results] == ["A", "B", "C"]
    assert [m.title for m in overview("thema=inclusie&niveau=verdieping").results] == ["C"]
    assert [m.title for m in overview("doelgroep=bestuurders").results] == ["A"]


def test_counts_show_what_choosing_a_value_would_give(curriculum):
    inclusie, polarisatie = Theme.objects.get(slug="inclusie"), Theme.objects.get(slug="polarisatie")
    ModulePageFactory(parent=curriculum, themes=[inclusie], level="basis")
    ModulePageFactory(parent=curriculum, themes=[polarisatie], level="basis")
    ModulePageFactory(parent=curriculum, themes=[polarisatie], level="verdieping")
    module_filter = overview("thema=polarisatie")
    facets = {facet.param: {option.value: option.count for option in facet.options} for facet in module_filter.facets}
    # Within the chosen facet, counts ignore its own selection...
    assert facets["thema"]["inclusie"] == 1 and facets["thema"]["polarisatie"] == 2
    # ...other facets count within the current result.
    assert facets["niveau"] == {"basis": 1, "verdieping": 1, "specialistisch": 0}


def test_unknown_values_are_ignored_and_reported(curriculum):
    ModulePageFactory(parent=curriculum)
    module_filter = overview("thema=bestaat-niet&vorm=&niveau=" + "x" * 500)
    assert module_filter.results.count() == 1
    assert ("Thema", "bestaat-niet") in [(str(label), value) for label, value in module_filter.ignored]


def test_drafts_and_private_modules_stay_out_of_the_overview(curriculum, client):
    ModulePageFactory(parent=curriculum, title="Openbare module")
    ModulePageFactory(parent=curriculum, title="Conceptmodule", live=False)
    private = ModulePageFactory(parent=curriculum, title="Besloten module")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(curriculum.url)
    html = response.content.decode()
    assert "Openbare module" in html
    assert "Conceptmodule" not in html and "Besloten module" not in html
    assert "1 module<" in html


@pytest.mark.parametrize(
    "query",
    [
        "thema=onbekend",
        "pagina=0",
        "pagina=-3",
        "pagina=99999999999999999999",
        "pagina=abc",
        "thema=%01%02",
        "vorm=" + "a" * 5000,
        "&".join(["thema=inclusie"] * 200),
        "aanbieder=<script>alert(1)</script>",
        "niveau[]=basis&doelgroep=%F0%9F%98%80",
    ],
)
def test_overview_survives_bad_input(curriculum, client, query):
    ModulePageFactory(parent=curriculum)
    response = client.get(f"{curriculum.url}?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_filter_state_lives_in_the_url(curriculum, client):
    for _ in range(15):
        ModulePageFactory(parent=curriculum, level="basis")
    html = client.get(f"{curriculum.url}?niveau=basis").content.decode()
    assert 'value="basis" checked' in html
    assert "?niveau=basis&amp;pagina=2" in html


# -- constant SQL as content grows ------------------------------------------------------------


def grow_to(curriculum, total):
    """Ten modules as editors make them, then (in bulk) as many more as the test asks for."""
    providers = [ProviderFactory(slug=f"p{n}") for n in range(3)]
    themes = list(Theme.objects.all())
    audiences = list(Audience.objects.all())
    existing = ModulePage.objects.count()
    if total <= 10:
        for n in range(existing, total):
            ModulePageFactory(
                parent=curriculum,
                provider=providers[n % 3],
                themes=themes[n % 4 : n % 4 + 2],
                audiences=audiences[n % 6 : n % 6 + 2],
            )
        return
    bulk_child_pages(
        curriculum,
        ModulePage,
        total - existing,
        fields=lambda n: {"provider": providers[n % 3], "level": "basis", "format": "training", "duration_minutes": 90},
        relations=lambda n: {"themes": themes[n % 4 : n % 4 + 2], "audiences": audiences[n % 6 : n % 6 + 2]},
    )


def test_overview_queries_stay_constant_from_10_to_500_modules(curriculum, client, django_assert_max_num_queries):
    grow_to(curriculum, 10)
    url = f"{curriculum.url}?thema=inclusie&thema=polarisatie&niveau=basis"
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    grow_to(curriculum, 500)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert MODULES.filter(QueryDict("")).results.count() == 500


def test_module_page_queries_stay_constant_from_10_to_500_modules(curriculum, client, django_assert_max_num_queries):
    grow_to(curriculum, 10)
    module = ModulePage.objects.first()
    module.prerequisites.set(ModulePage.objects.exclude(pk=module.pk)[:3])
    module.tags.add("polarisatie", "school")
    module.save_revision().publish()
    with django_assert_max_num_queries(36) as small:
        assert client.get(module.url).status_code == 200
    grow_to(curriculum, 500)
    module.prerequisites.set(ModulePage.objects.exclude(pk=module.pk)[:40])
    for day in range(1, 20):
        module.sessions.add(ModuleSession(starts_at=timezone.now() + datetime.timedelta(days=day), online=True))
    module.save_revision().publish()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(module.url)
    assert response.content.decode().count("<li><a href=") >= 40


def test_admin_refuses_a_prerequisite_cycle_with_the_chain_named(curriculum, admin_client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    basis = ModulePageFactory(parent=curriculum, title="Basis")
    verdieping = ModulePageFactory(parent=curriculum, title="Verdieping")
    verdieping.prerequisites.set([basis])
    verdieping.save_revision().publish()

    data = nested_form_data(
        {
            "title": "Basis",
            "slug": basis.slug,
            "intro": "",
            "learning_goals": streamfield([]),
            "body": streamfield([]),
            "level": "basis",
            "format": "workshop",
            "duration_minutes": 90,
            "provider": basis.provider_id,
            "tags": "",
            "cost": "",
            "language": "nl",
            "completion_criteria": "",
            "contact_name": "",
            "contact_email": "",
            "last_reviewed": "",
            "sessions": inline_formset([]),
            "materials": inline_formset([]),
        }
    )
    # Multi-valued fields go in as lists, which the test client sends as repeated keys.
    data.update(
        themes=[t.pk for t in basis.themes.all()],
        audiences=[a.pk for a in basis.audiences.all()],
        prerequisites=[verdieping.pk],
    )
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/{basis.pk}/edit/", data)
    assert response.status_code == 200  # the form comes back instead of a redirect
    assert "Basis → Verdieping → Basis" in response.content.decode()
    assert not basis.prerequisites.exists()


def test_trainers_cannot_reach_the_page_editor(curriculum, client, django_user_model):
    from django.contrib.auth.models import Group

    module = ModulePageFactory(parent=curriculum)
    trainer = django_user_model.objects.create_user("trainer", password="x")
    trainer.groups.add(Group.objects.get(name="Trainer"))
    client.force_login(trainer)
    response = client.get(f"/admin/pages/{module.pk}/edit/")
    assert response.status_code in (302, 403)
    assert not trainer.has_perm("wagtailadmin.access_admin")
