"""Bad input never breaks the portal: every public URL and form, fed malformed, oversized, unicode-edge and
injection-style values (SQL, Lucene/Elasticsearch query syntax, HTML/JS, path traversal), answers without a
server error, reflects no script, and a GET changes no content."""

from urllib.parse import quote

import pytest
from django.apps import apps

from api.resources import UPDATED_SINCE_PARAM
from knowledge.listings import LIKE_MINE_PARAM
from portal import listings
from portal.numbers import parse_int
from search import service
from tests.browser.site_pages import public_page_urls

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOADS = [
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page; --",
    "1 UNION SELECT password FROM auth_user",
    "title:(*) AND _exists_:body OR body:/.*/ [a TO z] {!} ~2 ^5 \\",
    "*:*",
    "((((((((((((((((((((x",
    SCRIPT,
    ATTRIBUTE,
    "javascript:alert(1)",
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "\u202eevil\u202c",
    "e\u0301\u0301\u0301" * 50,
    "\U0001f600" * 100,
    "\ufeff\u200b\u00a0",
    "x" * 20_000,
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "%",
    "%%32%35",
    "\ud7ff",
    "𝕳𝖊𝖑𝖑𝖔",
    # Whole numbers in other digits: every integer parameter of every public URL gets these too.
    "²",
    "٣",
    "１２",
    "+1",
    "1_000",
]
# Every parameter a public view reads: the declared listings' facets, the search page's, pagination, "like
# mine", login. Read from the declarations, so a facet added to a listing gets every payload too.
PARAMETERS = sorted(
    {facet.param for listing in listings.registered() for facet in listing.facets}
    | set(service.facet_params())
    | {service.QUERY_PARAM, service.SORT_PARAM, listings.PAGE_PARAM, LIKE_MINE_PARAM, "page", "next"}
)
PATH_TEMPLATES = [
    "/trefwoorden/{}/",
    "/feeds/modules/{}/",
    "/feeds/praktijkvoorbeelden/{}/atom/",
    "/leerlijnen/gedeeld/{}/",
    "/leerlijnen/{}/",
    "/curriculum/{}/",
    "/en/{}/",
    "/zoeken/suggesties/?q={}",
    "/documents/{}/x.pdf",
    "/api/v1/modules/{}",
    "/api/v1/municipalities/{}",
    "/api/v1/{}",
    "/behoeftepeiling/{}/",
    "/behoeftepeiling/{}/invullen/",
    "/zoeken/bericht/bevestigen/{}/",
    "/zoeken/bericht/afmelden/{}/",
]
API_URLS = [
    "/api/v1/modules",
    "/api/v1/case-studies",
    "/api/v1/guidance",
    "/api/v1/themes",
    "/api/v1/tags",
    "/api/v1/municipalities",
    "/api/v1/modules/export.csv",
    "/api/v1/case-studies/export.json",
]
API_PARAMETERS = PARAMETERS + [listings.PAGE_SIZE_PARAM, listings.LANGUAGE_PARAM, UPDATED_SINCE_PARAM]
CONTENT_MODELS = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "wagtailcore.PageLogEntry",
    "curriculum.CoursePath",
    "knowledge.CaseStudySubmission",
    "auth.User",
    "taggit.Tag",
    "wagtaildocs.Document",
    "needs.SurveyResponse",
    "search.SavedSearch",
]


def content_counts():
    counts = {}
    for label in CONTENT_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        counts[label] = model.objects.count()
    return counts


def assert_safe(response, where):
    assert response.status_code < 500, f"{where}: HTTP {response.status_code}"
    body = response.content.decode("utf-8", "replace")
    assert SCRIPT not in body and "<img src=x onerror" not in body, f"{where}: input reflected unescaped"


@pytest.fixture
def site(demo_content, settings):
    settings.SEARCH_RATE_LIMIT = settings.SUGGEST_RATE_LIMIT = settings.API_RATE_LIMIT = (100_000, 60)
    settings.ALERT_RATE_LIMIT = (100_000, 3600)
    return demo_content


# The views that read query parameters get every payload; the other pages a few, to show they ignore them.
READS_PARAMETERS = {
    "search-results",
    "search-empty",
    "search-alert",
    "CurriculumIndexPage",
    "CaseStudyIndexPage",
    "GuidanceIndexPage",
    "EventIndexPage",
    "tag",
    "course-paths",
    "login",
    "HomePage",
}
SHORT_LIST = [SCRIPT, ATTRIBUTE, "x" * 20_000, "99999999999999999999999"]


def test_every_public_url_survives_bad_query_parameters(site, client):
    # English pages run the same views as the Dutch ones: the short list shows they are wired the same way.
    urls = {
        path.split("?")[0]: (name, language) for language in ("en", "nl") for name, path in public_page_urls(language)
    }
    before = content_counts()
    for url, (name, language) in sorted(urls.items()):
        for payload in PAYLOADS if name in READS_PARAMETERS and language == "nl" else SHORT_LIST:
            response = client.get(url, {name: payload for name in PARAMETERS})
            assert_safe(response, f"GET {url} with {payload[:40]!r}")
        if name not in READS_PARAMETERS:
            continue
        # Repeated values, a malformed query string and invalid percent-encoding, for the views that read them.
        response = client.get(url, {"thema": PAYLOADS[:8], "q": ["a", "b"], "pagina": ["2", "x"]})
        assert_safe(response, f"GET {url} with repeated values")
        for raw in ("q=%E0%A4%A&pagina=%FF", "q=%&&&==&thema[]=x", "q=" + "%C0%AF" * 200):
            assert_safe(client.get(f"{url}?{raw}"), f"GET {url}?{raw[:30]}")
    assert content_counts() == before, "a GET changed content"


def test_the_api_and_its_exports_survive_bad_parameters(site, client):
    before = content_counts()
    for url in API_URLS:
        for payload in PAYLOADS:
            # An earlier parameter name (soort on guidance) is redirected: the answer is where it leads.
            response = client.get(url, {name: payload for name in API_PARAMETERS}, follow=True)
            if response.streaming:
                response.content = b"".join(response.streaming_content)
            assert_safe(response, f"GET {url} with {payload[:40]!r}")
            assert response["Content-Type"].startswith(("application/json", "application/problem+json", "text/csv")), (
                f"{url}: {response['Content-Type']}"
            )
    assert content_counts() == before, "a GET changed content"


def test_the_needs_survey_and_alert_forms_survive_bad_values(site, client):
    from django.contrib.auth import get_user_model

    from needs.demo import OPEN_ROUND_SLUG
    from needs.models import SurveyRound

    questions = SurveyRound.objects.get(slug=OPEN_ROUND_SLUG).questions.values_list("pk", flat=True)
    client.force_login(get_user_model().objects.get(username="medewerker"))
    for payload in PAYLOADS + NUMBER_PAYLOADS:
        data = {"remarks": payload}
        for pk in questions:
            data.update(
                {
                    f"q{pk}-urgency": payload,
                    f"q{pk}-formats": [payload],
                    f"q{pk}-topics": [payload],
                    f"q{pk}-support": payload,
                }
            )
        response = client.post(f"/behoeftepeiling/{OPEN_ROUND_SLUG}/invullen/", data)
        assert_safe(response, f"POST needs survey with {payload[:40]!r}")
        response = client.post(
            "/zoeken/bericht/", {"q": payload, "email": payload, "frequency": payload, "thema": payload}
        )
        assert_safe(response, f"POST alert with {payload[:40]!r}")


def test_bad_values_in_url_paths_are_not_found_not_errors(site, client):
    for template in PATH_TEMPLATES:
        for payload in PAYLOADS:
            url = template.format(quote(payload, safe=""))
            response = client.get(url)
            assert_safe(response, f"GET {url[:80]}")


def test_forms_survive_bad_values(site, client, settings):
    settings.SUBMISSION_RATE_LIMIT = (100_000, 3600)
    fields = [
        "title",
        "municipality",
        "start_year",
        "end_year",
        "themes",
        "summary",
        "challenge",
        "approach",
        "results",
        "lessons",
        "contact_name",
        "contact_email",
        "submitter_name",
        "submitter_email",
        "tags",
        "costs",
        "transferability",
        "partners",
        "consent",
    ]
    for payload in PAYLOADS:
        response = client.post("/praktijkvoorbeelden/insturen/", {field: payload for field in fields})
        assert_safe(response, f"POST submission with {payload[:40]!r}")
        response = client.post("/inloggen/", {"username": payload, "password": payload, "next": payload})
        assert_safe(response, f"POST login with {payload[:40]!r}")
        if response.status_code == 302:
            assert response["Location"].startswith("/"), "login redirected off-site"


def test_a_submitted_script_is_stored_as_text_and_never_runs(site, client, settings):
    from tests.test_submission import form_data

    settings.SUBMISSION_RATE_LIMIT = (100, 3600)
    data = form_data(title=f"Aanpak {SCRIPT}", summary=ATTRIBUTE, approach=f"<p onclick=alert(1)>{SCRIPT}</p>")
    response = client.post("/praktijkvoorbeelden/insturen/", data)
    assert response.status_code == 302
    from bs4 import BeautifulSoup

    from knowledge.models import CaseStudyPage

    page = CaseStudyPage.objects.get(title__startswith="Aanpak")
    page.get_latest_revision().publish()  # as an editor who overlooked it would
    response = client.get(page.get_url())
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").find("main")
    assert "Aanpak <script>alert(1)</script>" in main.find("h1").get_text()  # shown as the text it is
    assert not main.find_all(["script", "img"])
    assert not [name for element in main.find_all(True) for name in element.attrs if name.startswith("on")]


# Whole numbers as people and scripts mistype them: Unicode digits (superscript, Arabic-Indic, full-width,
# mathematical), signs, spaces, exponents, decimals, underscores and values past 64 bits.
NUMBER_PAYLOADS = [
    "²",
    "٣",
    "１２",
    "𝟙",
    "⁵",
    "+1",
    "-1",
    "-0",
    " 1",
    "1 ",
    "1e3",
    "1.0",
    "1_000",
    "0x10",
    "",
    "18446744073709551616",
    "9223372036854775808",
    "9" * 40,
]
# Every integer a public URL reads from its query string, per URL.
INTEGER_QUERY_PARAMETERS = {
    "/zoeken/?q=radicalisering": ["pagina", "jaar", "startjaar"],
    "/praktijkvoorbeelden/": ["pagina", "startjaar", "jaar", "gemeente", "grootte", "stedelijkheid"],
    "/curriculum/": ["pagina", "jaar"],
    "/trefwoorden/polarisatie/": ["pagina"],
    "/leerlijnen/": ["pagina"],
    "/api/v1/modules": ["pagina", "perPagina"],
    "/api/v1/case-studies": ["pagina", "perPagina", "startjaar"],
    "/api/v1/municipalities": ["pagina", "perPagina"],
}
# Every integer in a URL path.
INTEGER_PATHS = [
    "/api/v1/modules/{}",
    "/api/v1/case-studies/{}",
    "/leerlijnen/{}/",
    "/leerlijnen/{}/afdrukken/",
    "/leerlijnen/{}/agenda.ics",
    "/leerlijnen/mijn/{}/",
    "/leerlijnen/mijn/{}/stappen/",
    "/documents/{}/x.pdf",
]


def test_every_integer_query_parameter_is_strict(site, client):
    for url, parameters in INTEGER_QUERY_PARAMETERS.items():
        for parameter in parameters:
            for payload in NUMBER_PAYLOADS:
                response = client.get(url, {parameter: payload})
                assert_safe(response, f"GET {url} {parameter}={payload!r}")
                if url.startswith("/api/"):
                    assert response["Content-Type"].startswith(("application/json", "application/problem+json")), (
                        f"{url} {parameter}={payload!r}"
                    )


def test_the_api_names_a_bad_page_number(site, client):
    for payload in ["²", "٣", "+1", "1e3", "9" * 40]:
        response = client.get("/api/v1/modules", {"pagina": payload})
        assert response.status_code == 400, payload
        assert "pagina" in response.json()["detail"]


def test_a_page_number_in_other_digits_is_not_read_as_a_number(site, client):
    # '٣' is 3 to int(); to the portal it is no page number, so the first page is shown.
    first = client.get("/praktijkvoorbeelden/", {"pagina": "1"}).content
    assert client.get("/praktijkvoorbeelden/", {"pagina": "٣"}).content == first


def test_every_integer_in_a_url_path_is_strict(site, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="trainer"))
    for template in INTEGER_PATHS:
        for payload in NUMBER_PAYLOADS:
            url = template.format(quote(payload, safe=""))
            assert_safe(client.get(url), f"GET {url}")
            assert_safe(client.post(url, {"action": "delete"}), f"POST {url}")


def test_every_integer_form_field_is_strict(site, client, settings, django_user_model):
    from curriculum.models import CoursePath
    from tests.test_submission import form_data

    settings.SUBMISSION_RATE_LIMIT = (100_000, 3600)
    for payload in NUMBER_PAYLOADS:
        for field in ("municipality", "other_municipalities", "start_year", "end_year", "themes", "domains"):
            response = client.post("/praktijkvoorbeelden/insturen/", {**form_data(), field: payload})
            assert_safe(response, f"POST submission {field}={payload!r}")
            # Surrounding spaces are trimmed, as every form field does; everything else is refused.
            if (
                payload.strip()
                and parse_int(payload.strip()) is None
                and field in ("municipality", "start_year", "themes")
            ):
                assert response.status_code == 200, f"{field}={payload!r} was accepted"
    trainer = django_user_model.objects.get(username="trainer")
    client.force_login(trainer)
    path = CoursePath.objects.filter(owner=trainer).first()
    steps_before = path.steps.count()
    for payload in NUMBER_PAYLOADS:
        response = client.post("/leerlijnen/mijn/nieuw/", {"title": "Pad", "audience": payload})
        assert_safe(response, f"POST new path audience={payload!r}")
        response = client.post(f"/leerlijnen/mijn/{path.pk}/stappen/", {"module": payload})
        assert_safe(response, f"POST step module={payload!r}")
    assert path.steps.count() == steps_before


@pytest.mark.django_db
def test_an_unexpected_error_in_the_api_still_answers_problem_details(client, monkeypatch):
    from api import resources

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(resources, "municipalities", broken)
    import api.views

    monkeypatch.setattr(api.views, "municipalities", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/municipalities")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 500 and response.json()["detail"] == "internal server error"
