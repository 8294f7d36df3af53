"""Plain functions that turn a page into the search document every engine indexes.

The search app reads the other apps' pages by what they have (themes, a municipality, attached documents),
so none of them has to import search. Only live pages without view restrictions become documents.
"""

import datetime
import functools
import logging

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.models import Locale

from . import text

logger = logging.getLogger(__name__)

# Content types by model label: the key stored in the index and the label on the search page.
CONTENT_TYPES = {
    "curriculum.modulepage": "module",
    "knowledge.casestudypage": "case_study",
    "knowledge.guidancepage": "guidance",
    "knowledge.eventpage": "event",
    "knowledge.eventsessionpage": "event",
    "knowledge.ezineissuepage": "ezine",
    "knowledge.ezinearticlepage": "ezine",
}
DEFAULT_CONTENT_TYPE = "page"
CONTENT_TYPE_LABELS = {
    "module": _("Module"),
    "case_study": _("Praktijkvoorbeeld"),
    "guidance": _("Handreiking of publicatie"),
    "event": _("Bijeenkomst"),
    "ezine": _("E-zine"),
    "page": _("Pagina"),
}
# Facets every engine keeps as exact values, in the order the search page shows them.
# "language" is a filter only: the service keeps every search to the visitor's language.
FACETS = ["type", "themes", "audiences", "tags", "province", "municipality", "evidence_level", "year", "language"]

MAX_BODY_CHARACTERS = 200_000
SUMMARY_CHARACTERS = 300


def is_searchable(page, known_public=False):
    """Whether anyone may see this page: live, not expired, no view restriction on it or above it, routable.

    `known_public` skips the restriction lookup for pages selected with `.public()` already (rebuilds).
    """
    return bool(
        page.live
        and not page.expired
        and page.depth > 2  # the home page is the site itself, not a result
        and (known_public or not page.get_view_restrictions().exists())
        and page.get_url_parts() is not None
    )


def page_to_document(page, document_text=None):
    """The document for a live, public page (pass `page.specific`). `document_text(document)` adds attachments."""
    title = page.title
    summary = _first_text(getattr(page, "intro", ""), page.search_description)
    body_parts = [summary, *_search_field_text(page)]
    if document_text is not None:
        body_parts.extend(document_text(document) for document in attached_documents(page))
    body = " ".join(part for part in body_parts if part)[:MAX_BODY_CHARACTERS]
    date = content_date(page)
    return {
        "id": page.pk,
        "type": CONTENT_TYPES.get(page._meta.label_lower, DEFAULT_CONTENT_TYPE),
        "title": title,
        "summary": summary[:SUMMARY_CHARACTERS],
        "body": body,
        "url": page.get_url_parts()[2],
        "date": date.isoformat() if date else None,
        "year": [date.year] if date else [],
        "themes": _slugs(page, "themes") + _single_slug(page, "theme"),
        "audiences": _slugs(page, "audiences"),
        "tags": _slugs(page, "tags"),
        "province": _municipality_values(page, "province"),
        "municipality": _municipality_values(page, "cbs_code"),
        "evidence_level": [page.evidence_level] if getattr(page, "evidence_level", "") else [],
        "language": [language_code(page.locale_id)],
        "title_stems": text.stem_text(title),
        "stems": text.stem_text(f"{title} {body}"),
        "folded": " ".join(text.words(f"{title} {body}")),
    }


@functools.lru_cache(maxsize=32)
def language_code(locale_id):
    """A locale's language code; locales never change code, so one query per locale per process."""
    return Locale.objects.get(pk=locale_id).language_code


def content_date(page):
    """The date a visitor cares about: publication, start or issue date, else first publication."""
    for attribute in ("publication_date", "issue_date", "starts_at"):
        value = getattr(page, attribute, None)
        if value:
            return value.date() if isinstance(value, datetime.datetime) else value
    start_year = getattr(page, "start_year", None)
    if start_year:
        return datetime.date(start_year, 1, 1)
    published = page.first_published_at or page.last_published_at
    return published.date() if published else None


def attached_documents(page):
    """Wagtail documents attached to the page through its inline panels (materials, attachments, ...)."""
    found = []
    for relation in page._meta.related_objects:
        if not relation.one_to_many:
            continue
        related_model = relation.related_model
        try:
            document_field = related_model._meta.get_field("document")
        except FieldDoesNotExist:
            continue
        if document_field.related_model._meta.label_lower != "wagtaildocs.document":
            continue
        accessor = relation.get_accessor_name()
        found.extend(item.document for item in getattr(page, accessor).all().select_related("document"))
    return found


def _search_field_text(page):
    parts = []
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name in ("title", "intro"):
            continue
        value = field.get_value(page)
        parts.extend(_flatten(value))
    return [strip_tags(part) for part in parts if part]


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [item for element in value for item in _flatten(element)]
    return [str(value)]


def _first_text(*candidates):
    for candidate in candidates:
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    return ""


def _slugs(page, attribute):
    manager = getattr(page, attribute, None)
    if manager is None or not hasattr(manager, "all"):
        return []
    return sorted({item.slug for item in manager.all()})


def _single_slug(page, attribute):
    related = getattr(page, attribute, None)
    return [related.slug] if related is not None and hasattr(related, "slug") else []


def _municipality_values(page, attribute):
    municipalities = []
    if getattr(page, "municipality", None) is not None:
        municipalities.append(page.municipality)
    others = getattr(page, "other_municipalities", None)
    if others is not None:
        municipalities.extend(others.all())
    return sorted({getattr(municipality, attribute) for municipality in municipalities if getattr(municipality, attribute)})
