"""Municipalities submit case studies: stored as drafts in moderation, moderators notified, bots kept out."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import WorkflowState

from knowledge.models import CaseStudyPage
from portal.models import Theme

from .factories import CaseStudyIndexPageFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db
URL = "/praktijkvoorbeelden/insturen/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def index(home_page):
    return CaseStudyIndexPageFactory(parent=home_page)


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("eindredacteur", email="eindredactie@example.org", password="x")
    user.groups.add(Group.objects.get_or_create(name="Eindredacteur")[0])
    return user


def form_data(**overrides):
    municipality = MunicipalityFactory()
    data = {
        "title": "Buurtbemiddeling bij spanningen",
        "municipality": municipality.pk,
        "start_year": 2023,
        "end_year": "",
        "themes": [Theme.objects.get(slug="polarisatie").pk],
        "summary": "Bemiddelaars helpen buren.",
        "challenge": "Conflicten tussen buren liepen op.\n\nSoms met geweld.",
        "approach": "Getrainde vrijwilligers <b>bemiddelen</b>.",
        "contact_name": "Alex Jansen",
        "contact_email": "alex@example.org",
        "submitter_name": "Kim de Boer",
        "submitter_email": "kim@example.org",
        "consent": "on",
        "website": "",
        "tags": "bemiddeling, buren",
        "costs": "Subsidie van de provincie.",
        "transferability": "Vraagt getrainde vrijwilligers.",
    }
    data.update(overrides)
    return data


def test_submission_becomes_a_draft_in_moderation_and_notifies(index, moderator, client):
    response = client.post(URL, form_data(attachment=SimpleUploadedFile("verslag.pdf", PDF, "application/pdf")))
    assert response.status_code == 302 and response["Location"].endswith("/insturen/bedankt/")
    page = CaseStudyPage.objects.get(title="Buurtbemiddeling bij spanningen")
    assert not page.live and page.get_parent().pk == index.pk
    assert page.latest_revision is not None
    assert WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(page.pk)).exists()
    # Submitted text is escaped, never rendered as HTML.
    assert "&lt;b&gt;bemiddelen&lt;/b&gt;" in page.approach and "<p>Soms met geweld.</p>" in page.challenge
    assert page.attachments.count() == 1
    assert sorted(page.tags.names()) == ["bemiddeling", "buren"]
    assert page.costs == "Subsidie van de provincie." and page.transferability == "Vraagt getrainde vrijwilligers."
    assert {tuple(message.to) for message in mail.outbox} == {("eindredactie@example.org",), ("kim@example.org",)}
    # Not public until approved: absent from the overview.
    assert "Buurtbemiddeling" not in client.get(index.url).content.decode()
    assert "Bedankt voor uw praktijkvoorbeeld" in client.get(response["Location"]).content.decode()


def test_submission_is_stored_when_the_mail_server_is_down(index, moderator, client, settings):
    # A real SMTP connection to a closed port: refused at once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = client.post(URL, form_data())
    assert response.status_code == 302
    assert CaseStudyPage.objects.filter(title="Buurtbemiddeling bij spanningen", live=False).exists()


def test_spam_trap_stores_nothing(index, client):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not CaseStudyPage.objects.exists() and not mail.outbox


def test_rate_limit_answers_429_with_a_clear_page(index, client, settings):
    settings.SUBMISSION_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert client.post(URL, form_data(title="")).status_code == 200  # invalid, but counted
    response = client.post(URL, form_data())
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Probeer het over 60 minuten opnieuw" in response.content.decode()
    assert not CaseStudyPage.objects.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("programma.exe", b"MZ\x90\x00", "Alleen pdf-, docx- of odt-bestanden"),
        ("vermomd.pdf", b"MZ\x90\x00not a pdf", "de inhoud moet bij de bestandsnaam passen"),
        ("geen-extensie", PDF, "Alleen pdf-, docx- of odt-bestanden"),
    ],
)
def test_wrong_uploads_are_refused_with_a_clear_message(index, client, name, content, message):
    response = client.post(URL, form_data(attachment=SimpleUploadedFile(name, content)))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CaseStudyPage.objects.exists()


def test_oversized_upload_is_refused(index, client, settings):
    settings.SUBMISSION_MAX_UPLOAD_SIZE = 1_048_576
    response = client.post(URL, form_data(attachment=SimpleUploadedFile("groot.pdf", PDF + b"0" * 1_100_000)))
    assert response.status_code == 200
    assert "Het bestand is te groot" in response.content.decode()
    huge = client.post(URL, form_data(attachment=SimpleUploadedFile("enorm.pdf", PDF + b"0" * 2_200_000)))
    assert huge.status_code == 413
    assert not CaseStudyPage.objects.exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"consent": ""}, "Dit is een verplicht veld"),
        ({"start_year": 2999}, "kan niet in de toekomst liggen"),
        ({"start_year": 2022, "end_year": 2020}, "Het eindjaar ligt vóór het startjaar"),
        ({"municipality": 999999}, "Selecteer een geldige keuze"),
        ({"submitter_email": "geen-adres"}, "geldig e-mailadres"),
        ({"title": "x" * 5000}, "niet meer dan 200 tekens"),
        ({"tags": ",".join(f"t{n}" for n in range(11))}, "hooguit tien trefwoorden"),
    ],
)
def test_invalid_submissions_are_explained(index, client, overrides, message):
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CaseStudyPage.objects.exists()


def test_form_page_renders(index, client):
    html = client.get(URL).content.decode()
    assert 'enctype="multipart/form-data"' in html and 'name="website"' in html


@pytest.mark.parametrize("header", ["abc", "-5", "1e9"])
def test_malformed_content_length_is_no_server_error(index, client, header):
    response = client.post(URL, form_data(title=""), CONTENT_LENGTH=header)
    assert response.status_code < 500
