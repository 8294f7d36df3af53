"""Content as open data: plain functions from models to JSON-ready dicts and CSV rows, testable without HTTP.

Only published, public pages reach these functions (the resources select them); contact e-mail
addresses and other staff-only fields are never part of a representation.
"""


def _iso(value):
    return value.isoformat() if value else None


def _slugs(related):
    return [item.slug for item in related.all()]


def _tags(page):
    return sorted(tag.slug for tag in page.tags.all())


def page_fields(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "language": page.locale.language_code,
        "translation_key": str(page.translation_key),
        "intro": page.intro,
        "first_published_at": _iso(page.first_published_at),
        "last_published_at": _iso(page.last_published_at),
    }


def module(page, request):
    return {
        **page_fields(page, request),
        "themes": _slugs(page.themes),
        "audiences": _slugs(page.audiences),
        "tags": _tags(page),
        "level": page.level,
        "format": page.format,
        "duration_minutes": page.duration_minutes,
        "provider": {"slug": page.provider.slug, "name": page.provider.name},
        "learning_goals": [str(block.value) for block in page.learning_goals],
        "cost": page.cost,
        "certificate": page.certificate,
    }


def municipality(municipality):
    return {
        "cbs_code": municipality.cbs_code,
        "name": municipality.name,
        "province": municipality.province,
        "inhabitants": municipality.inhabitants,
        "size_class": municipality.size_class or None,
        "urbanisation": municipality.urbanisation,
        "safety_region_code": municipality.safety_region_code or None,
        "safety_region": municipality.safety_region or None,
    }


def case_study(page, request):
    return {
        **page_fields(page, request),
        "municipality": municipality(page.municipality),
        "themes": _slugs(page.themes),
        "tags": _tags(page),
        "evidence_level": page.evidence_level,
        "start_year": page.start_year,
        "end_year": page.end_year,
        "archived": page.archived,
    }


def guidance(page, request):
    return {
        **page_fields(page, request),
        "kind": page.kind,
        "themes": _slugs(page.themes),
        "audiences": _slugs(page.audiences),
        "tags": _tags(page),
        "publication_date": _iso(page.publication_date),
    }


def taxonomy_term(term):
    return {"slug": term.slug, "name": term.name, "name_en": term.name_en or None}


def theme(term):
    return {**taxonomy_term(term), "description": term.description}


def flat_row(representation, columns):
    """A CSV row: nested values joined, so a spreadsheet gets one cell per column."""
    row = []
    for column in columns:
        value = representation
        for part in column.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, list):
            value = "; ".join(str(item) for item in value)
        row.append("" if value is None else value)
    return row
