"""One declaration per listing: the overview, the API, its description and exports, search and theme pages
all read it. A facet added to a listing shows up everywhere without touching anything else."""

import dataclasses

import pytest
from django.core.management import call_command
from django.http import QueryDict

from api.openapi import openapi_document
from api.views import API, build_api
from knowledge.listings import CASE_STUDIES, GUIDANCE
from knowledge.models import Municipality
from portal import checks, listings
from portal.facets import THEMES
from portal.listings import ChoiceFacet, attribute
from portal.models import Theme
from search import service

from .factories import CaseStudyIndexPageFactory, CaseStudyPageFactory, ThemePageFactory

pytestmark = pytest.mark.django_db

ARCHIVED = ChoiceFacet(
    "gearchiveerd", "Gearchiveerd", "archived", "Archived", choices=(("True", "ja"), ("False", "nee"))
)


@pytest.fixture
def case_studies(home_page):
    call_command("import_municipalities", stdout=open("/dev/null", "w"))
    index = CaseStudyIndexPageFactory(parent=home_page)
    old = CaseStudyPageFactory(parent=index, title="Oude aanpak")
    old.archived = True
    old.save_revision().publish()
    CaseStudyPageFactory(parent=index, title="Lopende aanpak")
    return index


@pytest.fixture
def with_archive_facet(monkeypatch):
    """Case studies with one facet more, declared in their listing only (what the README's example does)."""
    extended = dataclasses.replace(
        CASE_STUDIES,
        facets=CASE_STUDIES.facets + (ARCHIVED,),
        fields=CASE_STUDIES.fields + (attribute("is_example", {"type": "boolean"}),),
    )
    monkeypatch.setitem(listings._REGISTRY, CASE_STUDIES.name, extended)
    return extended


def test_a_facet_declared_in_the_listing_filters_and_counts_the_overview(case_studies, with_archive_facet, client):
    html = client.get(case_studies.url + "?gearchiveerd=True").content.decode()
    assert "<legend>Gearchiveerd</legend>" in html
    assert 'name="gearchiveerd" value="True" checked' in html
    assert "Oude aanpak" in html and "Lopende aanpak" not in html
    counts = {
        o.value: o.count
        for f in with_archive_facet.filter(QueryDict("")).facets
        for o in f.options
        if f.param == "gearchiveerd"
    }
    assert counts == {"True": 1, "False": 1}


def test_a_facet_declared_in_the_listing_filters_the_api_and_its_exports(case_studies, with_archive_facet, client):
    listed = client.get("/api/v1/case-studies?gearchiveerd=False").json()
    assert [item["title"] for item in listed["results"]] == ["Lopende aanpak"]
    assert "is_example" in listed["results"][0]
    export = client.get("/api/v1/case-studies/export.csv?gearchiveerd=True")
    exported = b"".join(export.streaming_content).decode("utf-8-sig")
    header, *rows = exported.splitlines()
    assert header.endswith(";is_example") and len(rows) == 1 and "Oude aanpak" in rows[0]


def test_a_facet_declared_in_the_listing_is_in_the_openapi_description(with_archive_facet):
    # The API is built from the declarations when the URLs load; built again, it has the new facet.
    document = openapi_document("http://localhost/api/v1", build_api())
    for path in ("/case-studies", "/case-studies/export.csv", "/case-studies/export.json"):
        assert "gearchiveerd" in [p["name"] for p in document["paths"][path]["get"]["parameters"]]
    assert "is_example" in document["components"]["schemas"]["CaseStudy"]["properties"]


def test_the_api_description_lists_exactly_each_listings_facets():
    document = openapi_document("http://localhost/api/v1", API)
    for listing in listings.registered():
        if not (listing.in_api and listing.is_pages):
            continue
        parameters = [p["name"] for p in document["paths"][f"/{listing.name}"]["get"]["parameters"]]
        facets = [facet.param for facet in listing.facets]
        assert [name for name in parameters if name in facets] == facets
        assert set(document["components"]["schemas"][listing.schema_name]["properties"]) == {
            field.name for field in listing.fields
        }


def test_the_search_page_labels_its_facets_with_the_listings_vocabulary(case_studies):
    theme = Theme.objects.get(slug="polarisatie")
    assert service.facet_labels("themes", ["polarisatie", "bestaat-niet"]) == {"polarisatie": theme.display_name}
    assert service.param_for_facet("themes") == THEMES.param
    amersfoort = Municipality.objects.get(cbs_code="GM0307")
    assert service.facet_labels("municipality", ["GM0307"]) == {"GM0307": amersfoort.name}
    assert service.facet_labels("evidence_level", ["effectief", "x"]) == {"effectief": "Effectief volgens onderzoek"}


def test_theme_pages_gather_through_the_declared_relations(case_studies, home_page, client):
    theme = Theme.objects.get(slug="inclusie")
    theme_page = ThemePageFactory(parent=home_page, theme=theme, slug="inclusie-pagina")
    for page in case_studies.get_children().specific():
        page.themes.set([theme])
        page.save_revision().publish()
    html = client.get(theme_page.url).content.decode()
    assert "Oude aanpak" in html and "Lopende aanpak" in html


def test_a_wrong_relation_fails_loudly_instead_of_emptying_theme_pages(monkeypatch, case_studies, home_page):
    broken = dataclasses.replace(GUIDANCE, facets=(THEMES.on("subjects__slug"),))
    monkeypatch.setitem(listings._REGISTRY, GUIDANCE.name, broken)
    errors = checks.check_listings()
    assert [error.id for error in errors] == ["portal.E001"] and "subjects__slug" in errors[0].msg
    with pytest.raises(Exception, match="subjects"):
        list(listings.gathered([Theme.objects.first()], home_page.locale_id, 12)["guidance_items"])


def test_an_order_or_overview_naming_nothing_is_refused_at_start(monkeypatch):
    monkeypatch.setitem(listings._REGISTRY, GUIDANCE.name, dataclasses.replace(GUIDANCE, order=("popularity",)))
    assert [error.id for error in checks.check_listings()] == ["portal.E002"]
    monkeypatch.delitem(listings._REGISTRY, GUIDANCE.name)
    assert "portal.E003" in [error.id for error in checks.check_listings()]


def test_the_declarations_as_committed_pass_the_check():
    assert checks.check_listings() == []


def test_overviews_and_search_read_facet_values_by_one_rule(case_studies):
    # A known value, an unknown one and one past MAX_VALUE_LENGTH: kept, reported, reported (dropped, not cut).
    query = QueryDict("thema=polarisatie&thema=bestaat-niet&thema=" + "x" * 101)
    overview = CASE_STUDIES.filter(query)
    searched = service.parse_parameters(query)
    assert overview.selection == {"thema": ["polarisatie"]} and searched.filters == {"themes": ["polarisatie"]}
    reported = [("Thema", "bestaat-niet"), ("Thema", "x" * 40)]
    assert [(str(label), value) for label, value in overview.ignored] == reported
    assert [(str(label), value) for label, value in searched.ignored] == reported


def test_soort_means_the_kind_of_page_and_a_guidance_link_with_it_lands_on_publicatietype(demo_content, client):
    from search.facets import search_facets

    # One meaning per parameter across the portal: the search page's kind of page.
    params = [facet.param for facet in search_facets().values()]
    params += [facet.param for listing in listings.registered() for facet in listing.facets]
    assert params.count("soort") == 1 and search_facets()["type"].param == "soort"
    assert GUIDANCE.facet("publicatietype").former_params == ("soort",)
    # Links from before the rename keep working, on the overview and in the API.
    response = client.get("/handreikingen/?soort=factsheet&thema=polarisatie")
    assert response.status_code == 301
    assert response["Location"] == "/handreikingen/?publicatietype=factsheet&thema=polarisatie"
    response = client.get("/api/v1/guidance?soort=factsheet")
    assert response.status_code == 301 and response["Location"] == "/api/v1/guidance?publicatietype=factsheet"
    assert client.get("/handreikingen/?publicatietype=factsheet").status_code == 200
