"""Office documents (docx, odt) are zip archives: inspect them before anyone downloads one.

Only the archive's directory is read, nothing is unpacked: a file that would unpack to far more than it
weighs (a zip bomb), or that carries macros, ActiveX controls or embedded programs, is refused.
"""

import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

MAX_ENTRIES = 2000
MAX_RATIO = 100  # unpacked size / packed size, per entry and in total; real documents stay far below 20
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Parts that run code when the document is opened: VBA projects, ActiveX, embedded OLE programs, ODF macros.
ACTIVE_PART_MARKERS = ("vbaproject", "vbadata", "activex/", "embeddings/", "basic/", "scripts/")


def problem_with_office_file(upload, extension):
    """A sentence for the submitter when the archive is unsafe or not the document it claims to be; else None."""
    position = upload.tell()
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            names = {entry.filename.lower() for entry in entries}
            if len(entries) > MAX_ENTRIES:
                return _("Het bestand bevat te veel onderdelen om een gewoon document te zijn.")
            unpacked = sum(entry.file_size for entry in entries)
            packed = sum(entry.compress_size for entry in entries) or 1
            if (
                unpacked > settings.SUBMISSION_MAX_UNPACKED_SIZE
                or unpacked / packed > MAX_RATIO
                or any(entry.file_size / max(entry.compress_size, 1) > MAX_RATIO for entry in entries)
            ):
                return _("Het bestand pakt uit tot veel meer dan het weegt; zo'n bestand nemen we niet aan.")
            if any(marker in name for name in names for marker in ACTIVE_PART_MARKERS) or _declares_macros(
                archive, names
            ):
                return _(
                    "Het bestand bevat macro's of ingesloten programma's. Sla het op als gewoon document (of als pdf) "
                    "en probeer het opnieuw."
                )
            if extension == "docx" and not {"[content_types].xml", "word/document.xml"} <= names:
                return _("Dit is geen Word-document (docx).")
            if extension == "odt" and (
                "mimetype" not in names or archive.read("mimetype")[:100].strip() != ODT_MIMETYPE
            ):
                return _("Dit is geen OpenDocument-tekstbestand (odt).")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError):
        return _("Het bestand is beschadigd of geen geldig document.")
    finally:
        upload.seek(position)
    return None


def _declares_macros(archive, names):
    if "[content_types].xml" not in names:
        return False
    content_types = archive.getinfo("[Content_Types].xml") if "[Content_Types].xml" in archive.namelist() else None
    if content_types is None or content_types.file_size > 1_000_000:
        return content_types is not None
    return b"macroenabled" in archive.read(content_types).lower()
