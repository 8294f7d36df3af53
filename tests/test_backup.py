"""`make backup` and `make restore`: a round trip brings back the content and the uploaded files exactly, on
the database the tests run on (CI: SQLite and PostgreSQL)."""

import hashlib
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from wagtail.documents.models import Document
from wagtail.models import Page, Revision

from tests.factories import StandardPageFactory

# Committed data: pg_dump reads the database from another connection.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def media(settings, tmp_path):
    # Files on disk, as in production (the test settings keep them in memory).
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return Path(settings.MEDIA_ROOT)


def snapshot(media_root):
    files = {
        str(path.relative_to(media_root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in media_root.rglob("*")
        if path.is_file()
    }
    return {
        "pages": sorted(Page.objects.values_list("url_path", "title", "live")),
        "revisions": Revision.objects.count(),
        "documents": sorted(Document.objects.values_list("title", "file")),
        "files": files,
    }


def test_a_round_trip_restores_content_and_files(home_page, media, tmp_path):
    for number in range(3):
        StandardPageFactory(
            parent=home_page, title=f"Pagina {number}", slug=f"pagina-{number}"
        ).save_revision().publish()
    document = Document.objects.create(
        title="Handreiking", file=ContentFile(b"%PDF-1.4 handreiking", name="handreiking.pdf")
    )
    before = snapshot(media)
    assert before["files"]

    call_command("backup", str(tmp_path / "backup"), stdout=open("/dev/null", "w"))

    # What a bad day looks like: a page deleted, another renamed, a file gone, a stray page added.
    Page.objects.get(slug="pagina-0").delete()
    Page.objects.filter(slug="pagina-1").update(title="Kapot")
    Path(document.file.path).unlink()
    StandardPageFactory(parent=home_page, title="Later", slug="later")
    assert snapshot(media) != before

    call_command("restore", str(tmp_path / "backup"), "--yes", stdout=open("/dev/null", "w"))
    assert snapshot(media) == before


def test_restore_refuses_what_is_not_a_backup(tmp_path, media):
    with pytest.raises(CommandError, match="no readable backup"):
        call_command("restore", str(tmp_path), "--yes")


def test_backup_refuses_to_overwrite(tmp_path, media):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "x").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "old"))
