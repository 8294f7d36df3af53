"""Scheduled publishing and revision history work for editors' pages, and uploaded documents are served safely."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import PageLogEntry

from .factories import CurriculumIndexPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


def test_a_scheduled_module_goes_live_at_its_time_and_not_before(home_page, client):
    module = ModulePageFactory(parent=CurriculumIndexPageFactory(parent=home_page), title="Gepland", live=False)
    module.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = module.save_revision()
    revision.publish()
    module.refresh_from_db()
    assert not module.live and client.get("/curriculum/gepland/").status_code == 404
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    module.refresh_from_db()
    assert not module.live  # not yet its time
    # Time passes: the scheduled moment is now behind us.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    module.refresh_from_db()
    assert module.live and client.get("/curriculum/gepland/").status_code == 200


def test_an_older_revision_can_be_brought_back_and_the_log_says_so(home_page, client, django_user_model):
    editor = django_user_model.objects.create_superuser("eindredactie", password="x")
    module = ModulePageFactory(parent=CurriculumIndexPageFactory(parent=home_page), title="Eerste titel")
    first = module.save_revision(user=editor)
    first.publish(user=editor)
    module.title = "Tweede titel"
    module.save_revision(user=editor).publish(user=editor)
    assert "Tweede titel" in client.get(module.url).content.decode()
    # Revert as the admin does: publish the older revision's content as a new revision.
    first.as_object().save_revision(user=editor, previous_revision=first, log_action=True).publish(
        user=editor, previous_revision=first
    )
    assert "Eerste titel" in client.get(module.url).content.decode()
    actions = list(PageLogEntry.objects.filter(page=module).values_list("action", "user__username"))
    assert ("wagtail.revert", "eindredactie") in actions
    assert module.revisions.count() == 3


@pytest.mark.parametrize(
    "name, disposition", [("handreiking.pdf", "inline"), ("notities.txt", "attachment"), ("tabel.csv", "attachment")]
)
def test_documents_are_served_with_safe_headers(client, name, disposition, settings, tmp_path):
    # Served from disk as in production (the test settings keep files in memory).
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    document = Document.objects.create(title=name, file=ContentFile(b"inhoud", name=name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith(disposition)


def test_editors_cannot_upload_html_or_programs(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    for name in ("pagina.html", "script.svg", "programma.exe"):
        upload = SimpleUploadedFile(name, b"<script>alert(1)</script>")
        response = admin_client.post(
            "/admin/documents/multiple/add/", {"files[]": upload}, headers={"x-requested-with": "XMLHttpRequest"}
        )
        assert not Document.objects.filter(title__startswith=name.split(".")[0]).exists(), name
        assert response.status_code in (200, 400)
