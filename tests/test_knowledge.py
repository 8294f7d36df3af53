"""The knowledge base: municipalities, case studies and their overview, tags, contact privacy."""

import csv
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.http import QueryDict
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from benchmarks.pages import bulk_child_pages
from knowledge.listings import CASE_STUDIES
from knowledge.models import CaseStudyPage, Municipality, size_class_for
from knowledge.municipality_import import parse_municipalities
from portal.models import Theme
from portal.tags import merge_tags, tagged_pages

from .factories import CaseStudyIndexPageFactory, CaseStudyPageFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def index(home_page):
    return CaseStudyIndexPageFactory(parent=home_page)


@pytest.fixture
def municipalities():
    call_command("import_municipalities", stdout=open("/dev/null", "w"))
    return {m.cbs_code: m for m in Municipality.objects.all()}


# -- municipalities -----------------------------------------------------------------------------


def test_demo_subset_holds_only_well_formed_unique_codes():
    with open(ROOT / "knowledge/data/municipalities-demo.csv", encoding="utf-8") as handle:
        codes = [row["Gemeentecode"] for row in csv.DictReader(handle, delimiter=";")]
    assert len(codes) == len(set(codes)) >= 20
    assert all(code.startswith("GM") and len(code) == 6 and code[2:].isdigit() for code in codes)


def test_import_recognises_cbs_column_titles_and_skips_bad_rows():
    export = (
        "Regio's;Codering (GM);Gemeentenaam;Provincienaam;Veiligheidsregiocode (VR);Veiligheidsregionaam\r\n"
        "Amersfoort;GM0307   ;Amersfoort;Utrecht;VR09;Utrecht\r\n"
        "Leeuwarden;GM0080;Leeuwarden;Friesland;VR02;Fryslân\r\n"
        "Nederland;NL01;Nederland;;;\r\n"
    ).encode("cp1252")
    result = parse_municipalities(export)
    assert [row["cbs_code"] for row in result.rows] == ["GM0307", "GM0080"]
    assert result.rows[1]["province"] == "Fryslân"  # old spelling mapped to the official one
    assert result.columns["cbs_code"] == "Codering (GM)"
    assert len(result.skipped) == 1 and "NL01" in result.skipped[0][1]


def test_import_refuses_a_file_without_the_needed_columns(tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("Naam;Aantal\nAmersfoort;1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no column for"):
        call_command("import_municipalities", str(wrong))
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_municipalities", str(tmp_path / "missing.csv"))


def test_import_twice_changes_nothing(municipalities, capsys):
    call_command("import_municipalities")
    assert "0 municipalities were created, 0 updated, 30 unchanged" in capsys.readouterr().out


@pytest.mark.parametrize(
    "inhabitants, size_class",
    [(0, "0-20k"), (19_999, "0-20k"), (20_000, "20-50k"), (249_999, "100-250k"), (931_000, "250k+")],
)
def test_size_classes(inhabitants, size_class):
    assert size_class_for(inhabitants) == size_class


def test_municipalities_like_mine(municipalities):
    similar = {m.name for m in municipalities["GM0307"].similar()}  # Amersfoort: 100-250k, urbanisation 2
    assert {"Amersfoort", "Arnhem", "Zwolle"} <= similar
    assert "Amsterdam" not in similar and "Westerkwartier" not in similar


# -- case studies ---------------------------------------------------------------------------------


def test_end_year_before_start_year_is_refused(index, municipalities):
    case = CaseStudyPageFactory(parent=index)
    case.start_year, case.end_year = 2024, 2020
    with pytest.raises(ValidationError, match="eindjaar"):
        case.full_clean()


def test_case_study_page_shows_citation_related_and_archived_state(index, municipalities, client):
    case = CaseStudyPageFactory(parent=index, title="Dialoogtafels", tags=["dialoog"])
    case.archived = True
    case.save_revision().publish()
    CaseStudyPageFactory(parent=index, title="Buurtgesprekken", tags=["dialoog"])
    html = client.get(case.url).content.decode()
    assert "Gearchiveerd:" in html
    assert (
        "Gemeente Amersfoort (" in html
        and "Dialoogtafels. Praktijkvoorbeeld, Kennisportaal Sociale Stabiliteit. http://testserver/" in html
    )
    assert "Buurtgesprekken" in html  # similar: shares a tag
    # Archived examples stay findable in the overview, marked as such.
    overview = client.get(index.url).content.decode()
    assert "Dialoogtafels" in overview and "Gearchiveerd" in overview


def test_similar_case_studies_prefer_shared_tags_and_skip_drafts(index, municipalities):
    inclusie, polarisatie = Theme.objects.get(slug="inclusie"), Theme.objects.get(slug="polarisatie")
    case = CaseStudyPageFactory(parent=index, themes=[inclusie], tags=["wijk"])
    same_theme = CaseStudyPageFactory(parent=index, title="Zelfde thema", themes=[inclusie])
    same_tag = CaseStudyPageFactory(parent=index, title="Zelfde trefwoord", themes=[polarisatie], tags=["wijk"])
    CaseStudyPageFactory(parent=index, title="Concept", themes=[inclusie], tags=["wijk"], live=False)
    CaseStudyPageFactory(parent=index, title="Niets gemeen", themes=[polarisatie])
    assert [c.title for c in case.similar_case_studies()] == [same_tag.title, same_theme.title]


@pytest.mark.parametrize(
    "user_kind, sees_email",
    [("anonymous", False), ("plain", False), ("municipal_staff", True), ("editor", True)],
)
def test_contact_email_only_for_municipal_staff(
    index, municipalities, client, django_user_model, user_kind, sees_email
):
    case = CaseStudyPageFactory(parent=index)
    case.contact_name, case.contact_email = "Sam de Vries", "sam.devries@example.org"
    case.save_revision().publish()
    if user_kind != "anonymous":
        user = django_user_model.objects.create_user(user_kind, password="x", is_superuser=user_kind == "editor")
        if user_kind == "municipal_staff":
            user.groups.add(Group.objects.get(name="Gemeentelijk medewerker"))
        client.force_login(user)
    html = client.get(case.url).content.decode()
    assert "Sam de Vries" in html
    assert ("sam.devries@example.org" in html) is sees_email


# -- the overview -------------------------------------------------------------------------------


def overview(query):
    return CASE_STUDIES.filter(QueryDict(query))


def test_filters_on_municipality_properties_and_more(index, municipalities):
    m = municipalities
    CaseStudyPageFactory(
        parent=index, title="Amsterdam", municipality=m["GM0363"], start_year=2021, evidence_level="effectief"
    )
    CaseStudyPageFactory(parent=index, title="Zwolle", municipality=m["GM0193"], start_year=2023)
    CaseStudyPageFactory(
        parent=index, title="Westerkwartier", municipality=m["GM1969"], start_year=2023, tags=["platteland"]
    )

    def titles(query):
        return sorted(case.title for case in overview(query).results)

    assert titles("provincie=Noord-Holland&provincie=Overijssel") == ["Amsterdam", "Zwolle"]
    assert titles("grootte=250k%2B") == ["Amsterdam"]
    assert titles("stedelijkheid=5") == ["Westerkwartier"]
    assert titles("veiligheidsregio=VR04") == ["Zwolle"]
    assert titles("onderbouwing=effectief") == ["Amsterdam"]
    assert titles("startjaar=2023") == ["Westerkwartier", "Zwolle"]
    assert titles("trefwoord=platteland") == ["Westerkwartier"]
    assert titles("lijkt_op=GM0307") == ["Zwolle"]  # Amersfoort's size and urbanisation


def test_the_filter_form_keeps_municipalities_like_mine(index, municipalities, client):
    CaseStudyPageFactory(parent=index, title="Zwolle", municipality=municipalities["GM0193"])
    html = client.get(f"{index.url}?lijkt_op=GM0307").content.decode()
    # One form: the municipality is chosen beside the facets, so applying a facet keeps it (and sends it once).
    filters = html[html.index('<form class="filters"') :]
    filters = filters[: filters.index("</form>")]
    assert filters.count('name="lijkt_op"') == 1
    assert '<option value="GM0307" selected>Amersfoort</option>' in filters
    assert "<form" not in filters[1:]


@pytest.mark.parametrize(
    "query",
    [
        "lijkt_op=GM9999",
        "lijkt_op=%01",
        "stedelijkheid=9",
        "startjaar=abc",
        "grootte=" + "x" * 3000,
        "provincie=<script>alert(1)</script>",
        "pagina=-1",
        "pagina=10000000000000000000000",
        "veiligheidsregio[]=VR01",
    ],
)
def test_overview_survives_bad_input(index, municipalities, client, query):
    CaseStudyPageFactory(parent=index)
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_unknown_municipality_is_reported(index, municipalities):
    CaseStudyPageFactory(parent=index)
    case_filter = overview("lijkt_op=GM9999")
    assert case_filter.results.count() == 1
    assert "GM9999" in [value for _label, value in case_filter.ignored]


def test_drafts_and_private_case_studies_stay_out(index, municipalities, client):
    CaseStudyPageFactory(parent=index, title="Openbaar voorbeeld", tags=["geheim"])
    CaseStudyPageFactory(parent=index, title="Concept voorbeeld", live=False, tags=["geheim"])
    private = CaseStudyPageFactory(parent=index, title="Besloten voorbeeld", tags=["geheim"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(index.url).content.decode()
    assert "Openbaar voorbeeld" in html and "Concept voorbeeld" not in html and "Besloten voorbeeld" not in html
    assert 'geheim <span class="count">(1)</span>' in html  # counts ignore drafts and private pages too
    tag_html = client.get("/trefwoorden/geheim/").content.decode()
    assert (
        "Openbaar voorbeeld" in tag_html
        and "Concept voorbeeld" not in tag_html
        and "Besloten voorbeeld" not in tag_html
    )


def grow_to(index, municipalities, total):
    """Ten case studies as editors make them, then (in bulk) as many more as the test asks for."""
    codes = list(municipalities)
    themes = list(Theme.objects.all())
    existing = CaseStudyPage.objects.count()
    if total <= 10:
        for n in range(existing, total):
            CaseStudyPageFactory(
                parent=index,
                municipality=municipalities[codes[n % len(codes)]],
                themes=themes[n % 4 : n % 4 + 2],
                tags=[f"trefwoord-{n % 7}"],
                start_year=2015 + n % 10,
            )
        return
    tags = [Tag.objects.get_or_create(name=f"trefwoord-{n}", slug=f"trefwoord-{n}")[0] for n in range(7)]
    bulk_child_pages(
        index,
        CaseStudyPage,
        total - existing,
        fields=lambda n: {
            "municipality": municipalities[codes[n % len(codes)]],
            "start_year": 2015 + n % 10,
            "challenge": "<p>De opgave.</p>",
            "approach": "<p>De aanpak.</p>",
            "evidence_level": "beschreven",
        },
        relations=lambda n: {"themes": themes[n % 4 : n % 4 + 2]},
        tags=lambda n: [tags[n % 7]],
    )


def test_overview_queries_stay_constant_from_10_to_500(index, municipalities, client, django_assert_max_num_queries):
    grow_to(index, municipalities, 10)
    url = f"{index.url}?thema=polarisatie&provincie=Utrecht&provincie=Gelderland&lijkt_op=GM0307"
    with django_assert_max_num_queries(45) as small:
        assert client.get(url).status_code == 200
    grow_to(index, municipalities, 500)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_case_study_page_queries_stay_constant_from_10_to_500(
    index, municipalities, client, django_assert_max_num_queries
):
    grow_to(index, municipalities, 10)
    case = CaseStudyPage.objects.first()
    with django_assert_max_num_queries(45) as small:
        assert client.get(case.url).status_code == 200
    grow_to(index, municipalities, 500)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(case.url).status_code == 200


# -- tags across content types ------------------------------------------------------------------


def test_tag_page_lists_every_content_type(index, municipalities, client, home_page):
    from .factories import CurriculumIndexPageFactory, ModulePageFactory

    module = ModulePageFactory(parent=CurriculumIndexPageFactory(parent=home_page), title="Module over dialoog")
    module.tags.add("dialoog")
    module.save_revision().publish()
    CaseStudyPageFactory(parent=index, title="Voorbeeld over dialoog", tags=["dialoog"])
    html = client.get("/trefwoorden/dialoog/").content.decode()
    assert "Module over dialoog" in html and "Voorbeeld over dialoog" in html
    assert client.get("/trefwoorden/bestaat-niet/").status_code == 404


def test_tag_pages_come_in_pages_of_twenty(index, municipalities, client):
    grow_to(index, municipalities, 10)
    grow_to(index, municipalities, 200)  # each of the seven tags on more than 20 case studies
    tagged = CaseStudyPage.objects.filter(tagged_items__tag__slug="trefwoord-0").count()
    assert tagged > 20
    first = client.get("/trefwoorden/trefwoord-0/").content.decode()
    assert first.count('<li class="card">') == 20 and f"{tagged} pagina's met dit trefwoord" in first
    assert "pagina=2" in first
    last = client.get(f"/trefwoorden/trefwoord-0/?pagina={(tagged - 1) // 20 + 1}").content.decode()
    assert last.count('<li class="card">') == tagged - 20 * ((tagged - 1) // 20)


def test_tag_only_on_drafts_is_not_revealed(index, municipalities, client):
    CaseStudyPageFactory(parent=index, live=False, tags=["verborgen"])
    assert client.get("/trefwoorden/verborgen/").status_code == 404


def test_merging_tags_loses_no_tagged_item(index, municipalities):
    both = CaseStudyPageFactory(parent=index, title="Beide", tags=["polarisatie", "polarizatie"])
    misspelt = CaseStudyPageFactory(parent=index, title="Spelfout", tags=["polarizatie"])
    draft_revision_owner = CaseStudyPageFactory(parent=index, title="Met concept", tags=["polarizatie"])
    draft_revision_owner.title = "Met concept (bewerkt)"
    draft_revision_owner.save_revision()  # an unpublished draft that still carries the old tag

    source, target = Tag.objects.get(name="polarizatie"), Tag.objects.get(name="polarisatie")
    merge_tags(source, target)

    assert not Tag.objects.filter(name="polarizatie").exists()
    for page in (both, misspelt, draft_revision_owner):
        assert list(CaseStudyPage.objects.get(pk=page.pk).tags.values_list("name", flat=True)) == ["polarisatie"]
    # Publishing the older draft must not bring the merged tag back.
    draft = CaseStudyPage.objects.get(pk=draft_revision_owner.pk).get_latest_revision_as_object()
    assert [tag.name for tag in draft.tags.all()] == ["polarisatie"]
    assert {page.title for page in tagged_pages(target)} == {"Beide", "Spelfout", "Met concept"}


def test_tag_merge_admin_view(index, municipalities, admin_client):
    CaseStudyPageFactory(parent=index, tags=["wijk", "wijken"])
    source, target = Tag.objects.get(name="wijken"), Tag.objects.get(name="wijk")
    response = admin_client.post("/admin/trefwoorden/samenvoegen/", {"source": source.pk, "target": source.pk})
    assert "Kies twee verschillende trefwoorden" in response.content.decode()
    response = admin_client.post(
        "/admin/trefwoorden/samenvoegen/", {"source": source.pk, "target": target.pk}, follow=True
    )
    assert "is samengevoegd met" in response.content.decode()
    assert not Tag.objects.filter(pk=source.pk).exists()


def test_tag_merge_needs_permission(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="x"))
    assert client.get("/admin/trefwoorden/samenvoegen/").status_code in (302, 403)


def test_a_case_study_links_into_the_portal_and_follows_a_moved_module(demo_content, client, publish):
    from curriculum.models import ModulePage
    from knowledge.models import CaseStudyPage

    case = CaseStudyPage.objects.get(slug="wijkteams-signaleren-spanningen", locale__language_code="nl")
    module = ModulePage.objects.get(slug="spanningen-in-de-wijk", locale__language_code="nl")

    def approach():
        html = client.get(case.url).content.decode()
        return html.split("De aanpak</h2>")[1].split("<h2")[0]

    assert f'<a href="{module.url}">{module.title}</a>' in approach()
    module.slug = "signalen-wegen"
    publish(module)  # the rendered text is shared; publishing the linked module at a new address renews it
    assert f'<a href="/curriculum/signalen-wegen/">{module.title}</a>' in approach()
