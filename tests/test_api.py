"""The open-data API: only published, public content (never restricted content, not even in a count),
the overviews' filters, pagination, CORS for GET only, a rate limit, streaming exports, and a property-based
run of schemathesis against the OpenAPI description: no 500, every response as described."""

import csv
import io
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.openapi import openapi_document
from api.views import API
from portal.access import restrict_to_municipal_staff
from portal.models import Audience, Theme

from .factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    CurriculumIndexPageFactory,
    ModulePageFactory,
    MunicipalityFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home_page):
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    polarisation = Theme.objects.get(slug="polarisatie")
    inclusion = Theme.objects.get(slug="inclusie")
    modules = {
        "public": ModulePageFactory(
            parent=curriculum, title="Polarisatie herkennen", themes=[polarisation], format="webinar"
        ),
        "other": ModulePageFactory(parent=curriculum, title="Inclusief beleid", themes=[inclusion]),
        "draft": ModulePageFactory(
            parent=curriculum, title="Concept over polarisatie", themes=[polarisation], live=False
        ),
        "restricted": ModulePageFactory(parent=curriculum, title="Alleen voor gemeenten", themes=[polarisation]),
    }
    modules["public"].tags.add("wijk")
    modules["public"].save()
    modules["restricted"].tags.add("geheim")
    modules["restricted"].save()
    for name in ("public", "other", "restricted"):
        modules[name].save_revision().publish()  # as editors do: with a publication date
    restrict_to_municipal_staff(modules["restricted"])
    case_studies = CaseStudyIndexPageFactory(parent=home_page)
    CaseStudyPageFactory(
        parent=case_studies, title="Dialoog in Amersfoort", municipality=MunicipalityFactory(), tags=["wijk"]
    )
    return modules


def get(client, url, **params):
    response = client.get(url, params)
    return response, (response.json() if response["Content-Type"].split(";")[0].endswith("json") else None)


def test_lists_show_published_public_pages_only(client, content):
    response, data = get(client, "/api/v1/modules")
    assert response.status_code == 200
    assert [item["title"] for item in data["results"]] == ["Polarisatie herkennen", "Inclusief beleid"]
    assert data["count"] == 2
    for name in ("draft", "restricted"):
        assert client.get(f"/api/v1/modules/{content[name].pk}").status_code == 404
    assert client.get(f"/api/v1/modules/{content['public'].pk}").json()["format"] == "webinar"


@pytest.mark.parametrize("pk", [2**31, 2**63 - 1, 10**18 - 1])
def test_an_id_past_what_a_page_id_holds_is_not_found(client, content, pk):
    # Page ids are 32-bit (Wagtail's AutoField); the URL allows 18 digits, and no database refuses the lookup.
    assert client.get(f"/api/v1/modules/{pk}").status_code == 404


def test_restricted_pages_are_not_even_counted_in_tags(client, content):
    tags = {tag["slug"]: tag["count"] for tag in client.get("/api/v1/tags").json()["results"]}
    assert tags == {"wijk": 2}  # one module and one case study; "geheim" is only on the restricted module


def test_filters_are_the_overviews_own(client, content):
    _response, data = get(client, "/api/v1/modules", thema="polarisatie")
    assert [item["title"] for item in data["results"]] == ["Polarisatie herkennen"]
    _response, data = get(client, "/api/v1/modules", thema=["polarisatie", "inclusie"], trefwoord="wijk")
    assert [item["title"] for item in data["results"]] == ["Polarisatie herkennen"]
    _response, data = get(client, "/api/v1/modules", thema="bestaat-niet")
    assert data["count"] == 2 and data["ignored"] == [{"filter": "Thema", "value": "bestaat-niet"}]
    _response, data = get(client, "/api/v1/case-studies", provincie="Utrecht")
    assert [item["municipality"]["cbs_code"] for item in data["results"]] == ["GM0307"]
    assert "contact_email" not in data["results"][0]


def test_updated_since(client, content):
    from django.utils import timezone

    assert get(client, "/api/v1/modules", gewijzigdSinds="2000-01-01")[1]["count"] == 2
    assert (
        get(client, "/api/v1/modules", gewijzigdSinds=(timezone.now() + timezone.timedelta(days=1)).isoformat())[1][
            "count"
        ]
        == 0
    )
    for bad in ("gisteren", "2026-02-30", "0001-01-01T00:00:00+14:00"):
        response, data = get(client, "/api/v1/modules", gewijzigdSinds=bad)
        assert response.status_code == 400 and "gewijzigdSinds" in data["detail"]


def test_pagination_with_stable_order_and_links(client, content):
    _response, first = get(client, "/api/v1/modules", perPagina=1)
    _response, second = get(client, "/api/v1/modules", perPagina=1, pagina=2)
    assert first["results"][0]["id"] < second["results"][0]["id"]
    assert first["next"].endswith("perPagina=1&pagina=2") and second["previous"].endswith("pagina=1")
    assert second["next"] is None
    assert client.get("/api/v1/modules", {"pagina": 3, "perPagina": 1}).status_code == 404
    for bad in ({"pagina": "nul"}, {"perPagina": 1000}, {"perPagina": 0}, {"taal": "fr"}):
        assert client.get("/api/v1/modules", bad).status_code == 400


def test_the_urls_of_version_1_0_redirect_permanently_to_the_same_answer(client, content):
    # Version 1.0 had trailing slashes, exports as modules.csv and snake_case keys (before the API Design Rules).
    pk = content["public"].pk
    moved = {
        "/api/v1/modules/?thema=polarisatie": "/api/v1/modules?thema=polarisatie",
        f"/api/v1/modules/{pk}/": f"/api/v1/modules/{pk}",
        "/api/v1/municipalities/gm0307/": "/api/v1/municipalities/gm0307",
        "/api/v1/themes/": "/api/v1/themes",
        "/api/v1/case-studies.csv?provincie=Utrecht": "/api/v1/case-studies/export.csv?provincie=Utrecht",
        "/api/v1/guidance.json": "/api/v1/guidance/export.json",
        "/api/v1/modules?per_pagina=1&gewijzigd_sinds=2000-01-01": (
            "/api/v1/modules?perPagina=1&gewijzigdSinds=2000-01-01"
        ),
    }
    for old, new in moved.items():
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
        assert response["Access-Control-Allow-Origin"] == "*"
    followed = client.get("/api/v1/modules/?per_pagina=1", follow=True)
    assert followed.status_code == 200 and followed.json()["page_size"] == 1
    assert len(followed.redirect_chain) == 2  # the keys, then the path
    for never_there in ("/api/v1/bestaat-niet/", "/api/v1/themes.csv", "/api/v1/modules/export.csv/x/"):
        assert client.get(never_there).status_code == 404, never_there


def test_cors_is_open_for_reading_only(client, content):
    response = client.get("/api/v1/modules", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/modules", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204 and "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)("/api/v1/modules")
        assert response.status_code == 405 and response.json()["detail"]


def test_the_api_is_rate_limited(client, content, settings):
    settings.API_RATE_LIMIT = (3, 60)
    statuses = [client.get("/api/v1/themes").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/themes")
    assert response["Retry-After"] == "60" and response.json()["detail"]


def test_list_queries_do_not_grow_with_the_page(client, home_page, django_assert_max_num_queries):
    curriculum = CurriculumIndexPageFactory(parent=home_page)
    audiences = list(Audience.objects.all()[:2])
    for _ in range(5):
        ModulePageFactory(parent=curriculum, audiences=audiences).tags.add("wijk")
    with django_assert_max_num_queries(25) as small:
        assert client.get("/api/v1/modules", {"perPagina": 100}).json()["count"] == 5
    for _ in range(45):
        ModulePageFactory(parent=curriculum, audiences=audiences)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/api/v1/modules", {"perPagina": 100}).json()["count"] == 50


# Exports


def streamed(response):
    assert response.streaming  # never built in memory as a whole
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_exports_hold_the_overview_s_selection_as_csv_and_json(client, content):
    response = client.get("/api/v1/modules/export.csv", {"thema": "polarisatie"})
    assert response["Content-Disposition"] == 'attachment; filename="modules.csv"'
    rows = list(csv.reader(io.StringIO(streamed(response)), delimiter=";"))
    assert rows[0][:3] == ["id", "title", "url"] and [row[1] for row in rows[1:]] == ["Polarisatie herkennen"]
    data = json.loads(streamed(client.get("/api/v1/case-studies/export.json")))
    assert [item["title"] for item in data] == ["Dialoog in Amersfoort"]
    # The restricted module's own tag does not reach it either: that tag is no filter option for the public.
    selected = json.loads(streamed(client.get("/api/v1/modules/export.json", {"trefwoord": "geheim"})))
    assert "Alleen voor gemeenten" not in [item["title"] for item in selected]
    assert "Alleen voor gemeenten" not in streamed(client.get("/api/v1/modules/export.csv"))


def test_overview_pages_link_to_the_export_of_their_selection(client, content):
    page = client.get("/curriculum/", {"thema": "polarisatie", "pagina": "1"}).content.decode()
    assert 'href="/api/v1/modules/export.csv?thema=polarisatie"' in page
    assert 'href="/api/v1/modules/export.json?thema=polarisatie"' in page


# The OpenAPI description, and schemathesis against it


def test_the_openapi_description_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.json()["openapi"].startswith("3.1")


schema = schemathesis.openapi.from_dict(openapi_document("http://localhost/api/v1", API))
schema.app = get_wsgi_application()


@pytest.fixture
def keep_the_test_s_connection():
    """Requests go through Django's real WSGI handler, which closes the database connection after each
    request (and with it the test's transaction, on PostgreSQL); Django's own test client switches that
    off the same way while it makes a request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_description_says(case, content, settings, keep_the_test_s_connection):
    settings.API_RATE_LIMIT = (1_000_000, 60)
    case.call_and_validate(checks=[status_code_conformance, content_type_conformance, response_schema_conformance])


def test_every_answer_carries_the_api_version_and_errors_are_problem_details(client, content, settings):
    from api.resources import API_VERSION

    description = client.get("/api/v1/openapi.json")
    answers = {
        "description": description,
        "list": client.get("/api/v1/modules"),
        "bad parameter": client.get("/api/v1/modules", {"perPagina": "²"}),
        "not found": client.get("/api/v1/modules/999999999"),
        "not allowed": client.post("/api/v1/modules"),
        "preflight": client.options("/api/v1/modules"),
        "NUL refused by the portal's middleware": client.get("/api/v1/modules", {"thema": "a\x00"}),
    }
    settings.API_RATE_LIMIT = (1, 60)
    answers["too many"] = [client.get("/api/v1/themes") for _ in range(2)][-1]
    assert {name: response["API-Version"] for name, response in answers.items()} == dict.fromkeys(answers, API_VERSION)
    assert answers["list"]["Access-Control-Expose-Headers"] == "API-Version"
    for name in ("bad parameter", "not found", "not allowed", "NUL refused by the portal's middleware", "too many"):
        response = answers[name]
        problem = response.json()
        assert response["Content-Type"] == "application/problem+json", name
        assert problem["status"] == response.status_code and problem["title"] and problem["detail"], name
    assert answers["bad parameter"].json()["title"] == "Bad Request"
    assert answers["too many"].status_code == 429
    info = description.json()["info"]
    assert info["version"] == API_VERSION and set(info["contact"]) == {"name", "email", "url"}
