"""Text from attached documents (PDF), so a search also finds what is inside them."""

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .models import ExtractedDocumentText

logger = logging.getLogger(__name__)

MAX_PAGES = 200
MAX_CHARACTERS = 100_000


def extract_pdf_text(data, max_pages=MAX_PAGES):
    """The text of a PDF's first pages; empty for a damaged or encrypted file."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return ""
        parts = []
        for page in reader.pages[:max_pages]:
            parts.append(page.extract_text() or "")
            if sum(map(len, parts)) > MAX_CHARACTERS:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError) as error:
        logger.warning("Could not read PDF text: %s", error)
        return ""
    return " ".join(" ".join(parts).split())[:MAX_CHARACTERS]


def document_text(document, extract=False):
    """Kept text of a Wagtail document; empty for documents in a private collection or that are not PDF. None
    for a PDF not read yet (or replaced), unless `extract` reads it here and now: the background task does
    (search.indexing.extract_document_text), so no request waits for a long PDF."""
    if document.collection.get_view_restrictions().exists():
        return ""
    if not document.filename.lower().endswith(".pdf"):
        return ""
    cached = ExtractedDocumentText.objects.filter(document=document).first()
    if cached and cached.file_name == document.file.name and cached.file_size == document.file_size:
        return cached.text
    if not extract:
        return None
    try:
        with document.open_file() as handle:
            data = handle.read()
    except OSError as error:  # storage away for a moment: the task tries again (portal.background)
        logger.warning("Could not open document %s for indexing: %s", document.pk, error)
        raise
    text = extract_pdf_text(data)
    ExtractedDocumentText.objects.update_or_create(
        document=document, defaults={"file_name": document.file.name, "file_size": document.file_size, "text": text}
    )
    return text
