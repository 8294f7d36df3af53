"""Plain functions that turn a page into the search document every engine indexes.

The search app reads the other apps' pages by what they have (themes, a municipality, attached documents),
so none of them has to import search. Only live pages without view restrictions become documents.
"""

import datetime
import logging

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from modelsearch import index
from wagtail.documents import get_document_model

from portal.i18n import language_code_of

from . import text
from .facets import document_name, kind_of, own_facets

logger = logging.getLogger(__name__)

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
    # Where something takes place is text, not what the page is filed under: a module given in Amersfoort is
    # not about Amersfoort, the way Amersfoort's own case study is.
    body_parts = [summary, *_search_field_text(page), *places(page)]
    if document_text is not None:
        body_parts.extend(document_text(document) for document in attached_documents(page))
    body = " ".join(part for part in body_parts if part)[:MAX_BODY_CHARACTERS]
    kind = kind_of(type(page))
    date = content_date(page, kind)
    language = language_code_of(page.locale_id)
    filed = " ".join([*filed_under(page), kind.words])
    # The listing's own facets (a case study's evidence level): a page of another kind has none of them.
    kind_facets = {document_name(facet) for facet in kind.facets}
    own = {name: facet.values_of(page) if name in kind_facets else [] for name, facet in own_facets().items()}
    return {
        "id": page.pk,
        "type": kind.kind,
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
        **own,
        "language": [language],
        # Terms in the page's own language: title, what it is filed under, and everything (title, filed, body).
        "title_stems": text.term_text(title, language=language),
        "filed_stems": text.term_text(filed, language=language),
        "stems": text.term_text(title, filed, body, language=language),
        "folded": " ".join(text.words(f"{title} {body}")),
    }


def filed_under(page):
    """The names of what a page is filed under: themes, audiences, tags, municipalities and their provinces,
    the provider. Searchable, weighted between the title and the text.
    Both names of a term (Dutch and English), so either finds it."""
    names = []
    for attribute in ("themes", "audiences", "domains"):
        manager = getattr(page, attribute, None)
        if manager is not None and hasattr(manager, "all"):
            names.extend(name for item in manager.all() for name in (item.name, getattr(item, "name_en", "")))
    theme = getattr(page, "theme", None)
    if theme is not None and hasattr(theme, "name"):
        names.extend((theme.name, getattr(theme, "name_en", "")))
    tags = getattr(page, "tags", None)
    if tags is not None and hasattr(tags, "all"):
        names.extend(tag.name for tag in tags.all())
    for municipality in _municipalities(page):
        names.extend((municipality.name, municipality.province))
    provider = getattr(page, "provider", None)
    if provider is not None:
        names.extend((provider.name, provider.abbreviation))
    return list(dict.fromkeys(name for name in names if name))


def places(page):
    """Where a module's sessions take place (an event's location is one of its search fields)."""
    sessions = getattr(page, "sessions", None)
    if sessions is None or not hasattr(sessions, "all"):
        return []
    return list(dict.fromkeys(session.location for session in sessions.all() if session.location))


def content_date(page, kind=None):
    """The content's own date: what its kind declares (an e-zine article has its issue's, a case study its
    start year), else its publication, issue or start date. None for pages without one (a module): the
    moment a page happened to be published says nothing to a visitor."""
    kind = kind or kind_of(type(page))
    values = [kind.date(page)] if kind.date else [getattr(page, name, None) for name in DATE_ATTRIBUTES]
    value = next((value for value in values if value), None)
    return value.date() if isinstance(value, datetime.datetime) else value


DATE_ATTRIBUTES = ("publication_date", "issue_date", "starts_at")


# What page_to_document reads beyond the page's own row, by attribute name, for prefetching per page type.
SELECTED = ("municipality", "provider", "theme")
PREFETCHED = ("themes", "audiences", "domains", "other_municipalities", "sessions", "tags")


def pages_for_documents(page_ids):
    """{id: specific page} with everything page_to_document reads fetched per page type: a few queries for a
    batch of pages instead of several per page (rebuilding 100,000 pages)."""
    from collections import defaultdict

    from django.contrib.contenttypes.models import ContentType
    from django.db.models import ForeignObjectRel, Prefetch
    from wagtail.models import Page

    by_type = defaultdict(list)
    for page_id, content_type_id in Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type_id"):
        by_type[content_type_id].append(page_id)
    pages = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        names = {field.name: field for field in model._meta.get_fields()}
        selected = [name for name in SELECTED if name in names and names[name].many_to_one]
        prefetched = [name for name in PREFETCHED if name in names or hasattr(model, name)]
        # What the kind's own facets read through a relation (the first step of their lookups).
        for facet in kind_of(model).facets:
            related = names.get(facet.lookup.split("__")[0])
            if related is not None and related.is_relation:
                reverse = isinstance(related, ForeignObjectRel)
                accessor = related.get_accessor_name() if reverse else related.name
                (selected if related.many_to_one and not reverse else prefetched).append(accessor)
        prefetched += [
            Prefetch(accessor, queryset=related.objects.select_related("document__collection"))
            for accessor, related in _document_relations(model)
        ]
        queryset = model.objects.filter(pk__in=ids).select_related(*selected).prefetch_related(*prefetched)
        pages.update((page.pk, page) for page in queryset)
    return pages


def _document_relations(model):
    """(accessor, related model) of the inline panels that attach Wagtail documents (materials, attachments)."""
    found = []
    for relation in model._meta.related_objects:
        if not relation.one_to_many:
            continue
        try:
            document_field = relation.related_model._meta.get_field("document")
        except FieldDoesNotExist:
            continue
        if document_field.related_model is get_document_model():
            found.append((relation.get_accessor_name(), relation.related_model))
    return found


def attached_documents(page):
    """Wagtail documents attached to the page through its inline panels (materials, attachments, ...)."""
    found = []
    prefetched = getattr(page, "_prefetched_objects_cache", {})
    for accessor, _related in _document_relations(type(page)):
        items = getattr(page, accessor).all()
        found.extend(item.document for item in (items if accessor in prefetched else items.select_related("document")))
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


def _municipalities(page):
    municipalities = []
    if getattr(page, "municipality", None) is not None:
        municipalities.append(page.municipality)
    others = getattr(page, "other_municipalities", None)
    if others is not None:
        municipalities.extend(others.all())
    return municipalities


def _municipality_values(page, attribute):
    return sorted(
        {getattr(municipality, attribute) for municipality in _municipalities(page) if getattr(municipality, attribute)}
    )
