"""Submitted attachments: private to the moderators until published, then as private as their case study;
office files inspected as the zip archives they are."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge.attachments import PUBLISHED_COLLECTION, STAFF_COLLECTION, SUBMISSIONS_COLLECTION
from knowledge.models import CaseStudyPage
from portal.access import restrict_to_municipal_staff

from .test_submission import PDF, URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_on_disk(settings, tmp_path):
    # Documents are served from files on disk (as in production); the tests' in-memory storage has none.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def index(home_page):
    from .factories import CaseStudyIndexPageFactory

    return CaseStudyIndexPageFactory(parent=home_page)


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(f"user-{group_name or 'none'}", password="x")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def submit(client, name="verslag.pdf", content=PDF):
    response = client.post(URL, form_data(attachment=SimpleUploadedFile(name, content)))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CaseStudyPage.objects.get()
    return page, page.attachments.get().document


def download(client, document):
    return client.get(document.url)


def test_an_unmoderated_attachment_is_not_downloadable_by_visitors(index, client):
    _page, document = submit(client)
    assert document.collection.name == SUBMISSIONS_COLLECTION
    response = download(client, document)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


@pytest.mark.parametrize("group_name", [None, "Trainer", "Gemeentelijk medewerker", "Redacteur"])
def test_only_moderators_read_unmoderated_attachments(index, client, django_user_model, group_name):
    _page, document = submit(client)
    client.force_login(member_of(django_user_model, group_name))
    assert download(client, document).status_code != 200


def test_the_moderator_gets_it_as_a_download_never_inline(index, client, django_user_model):
    _page, document = submit(client)
    client.force_login(member_of(django_user_model, "Eindredacteur"))
    response = download(client, document)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_publishing_makes_it_public_and_unpublishing_private_again(index, client, publish):
    page, document = submit(client)
    publish(page)
    document.refresh_from_db()
    assert document.collection.name == PUBLISHED_COLLECTION
    assert download(client, document).status_code == 200
    page.refresh_from_db()
    page.unpublish()
    document.refresh_from_db()
    assert document.collection.name == SUBMISSIONS_COLLECTION
    assert download(client, document).status_code == 302


def test_a_case_study_for_municipal_staff_keeps_its_attachment_for_them(index, client, django_user_model, publish):
    page, document = submit(client)
    restrict_to_municipal_staff(page)
    publish(page)
    document.refresh_from_db()
    assert document.collection.name == STAFF_COLLECTION
    assert download(client, document).status_code == 302
    client.force_login(member_of(django_user_model, "Gemeentelijk medewerker"))
    assert download(client, document).status_code == 200


def test_restricting_a_published_case_study_restricts_its_attachment(index, client, publish):
    page, document = submit(client)
    publish(page)
    restrict_to_municipal_staff(page)
    document.refresh_from_db()
    assert document.collection.name == STAFF_COLLECTION
    assert download(client, document).status_code == 302


def office_file(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
DOCX = {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w:document/>"}
ODT = {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"}


def test_a_plain_docx_and_odt_are_accepted(index, client):
    submit(client, "verslag.docx", office_file(DOCX))
    CaseStudyPage.objects.all().delete()
    submit(client, "verslag.odt", office_file(ODT))


@pytest.mark.parametrize(
    "name, parts, message",
    [
        ("macro.docx", {**DOCX, "word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"x" * 100}, "bevat macro"),
        (
            "macro.docx",
            {
                **DOCX,
                "[Content_Types].xml": CONTENT_TYPES.replace(
                    b"/>", b">application/vnd.ms-word.document.macroEnabled.main+xml</Types>"
                ),
            },
            "bevat macro",
        ),
        ("activex.docx", {**DOCX, "word/activeX/activeX1.bin": b"x" * 100}, "bevat macro"),
        ("ole.docx", {**DOCX, "word/embeddings/oleObject1.bin": b"x" * 100}, "bevat macro"),
        ("macro.odt", {**ODT, "Basic/Standard/Module1.xml": b"<script:module/>"}, "bevat macro"),
        ("bom.docx", {**DOCX, "word/media/zeros.bin": b"\0" * 20_000_000}, "pakt uit tot veel meer"),
        ("leeg.docx", {"readme.txt": b"hallo"}, "geen Word-document"),
        ("anders.odt", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, "geen OpenDocument"),
    ],
)
def test_unsafe_office_files_are_refused_with_a_reason(index, client, name, parts, message):
    response = client.post(URL, form_data(attachment=SimpleUploadedFile(name, office_file(parts))))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CaseStudyPage.objects.exists()


def test_a_broken_zip_is_refused(index, client):
    response = client.post(URL, form_data(attachment=SimpleUploadedFile("kapot.docx", b"PK\x03\x04" + b"\0" * 200)))
    assert response.status_code == 200
    assert "beschadigd" in response.content.decode()


def test_too_much_unpacked_content_is_refused(index, client, settings):
    settings.SUBMISSION_MAX_UNPACKED_SIZE = 1000
    response = client.post(
        URL,
        form_data(
            attachment=SimpleUploadedFile(
                "groot.docx", office_file({**DOCX, "word/media/foto.bin": bytes(range(256)) * 8})
            )
        ),
    )
    assert "pakt uit tot veel meer" in response.content.decode()
