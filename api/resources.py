"""The API's resources: the declared listings (portal.listings) that are open data, and what they select.

The filters are the overviews' own, so a selection made on an overview page means the same in the
API and its exports.
"""

import datetime

from django.db.models import Count
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from portal import listings
from portal.facets import TAGS
from portal.listings import PAGE_SIZE_PARAM

UPDATED_SINCE_PARAM = "gewijzigdSinds"
# Version 1.0's query keys, from before the API Design Rules' lower camelCase: still understood, by a redirect.
RENAMED_PARAMS = {"per_pagina": PAGE_SIZE_PARAM, "gewijzigd_sinds": UPDATED_SINCE_PARAM}
EXPORT_FORMATS = {"csv": "text/csv", "json": "application/json"}  # {name}/export.csv: all selected, streamed
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 20, 100  # items per page of a list: the views and the OpenAPI description
MUNICIPALITIES = "municipalities"
# The API's full version (semantic versioning): the OpenAPI description's info.version and every response's
# API-Version header (NL GOV API Design Rules, /core/version-header). The URL carries the major one (/v1/).
API_VERSION = "1.2.0"
VERSION_HEADER = "API-Version"
API_PATH_PREFIX = "/api/"


class BadParameter(ValueError):
    """A parameter the API cannot read; the message says which and why (HTTP 400)."""

    status = 400


class NotFound(BadParameter):
    status = 404


def current_path(old_path):
    """Where a version 1.0 path (relative to /api/v1/) answers now, or None when it was no such path:
    `modules/` and `modules/12/` lose the trailing slash, `modules.csv` becomes `modules/export.csv`."""
    stem, dot, extension = old_path.rpartition(".")
    if dot and extension in EXPORT_FORMATS and "/" not in stem:
        return f"{stem}/export.{extension}"
    if old_path.endswith("/") and old_path.strip("/"):
        return old_path.rstrip("/")
    return None


def renamed_params():
    """{earlier key: current key}: version 1.0's keys and the facets' earlier parameters."""
    facets = [facet for listing in listings.registered() if listing.in_api for facet in listing.facets]
    return {**RENAMED_PARAMS, **listings.former_params(facets)}


def page_listings():
    """The page listings the API serves, by name (modules, case studies, guidance)."""
    return {listing.name: listing for listing in listings.registered() if listing.in_api and listing.is_pages}


def page_queryset(listing, query_dict, since=None):
    """The filtered, published, public pages in a stable order (by id), and the values ignored; only those
    published since `since` when given (read from the query by `updated_since`)."""
    listing_filter = listing.filter(query_dict, count_options=False)
    queryset = listing_filter.results.select_related("locale").order_by("pk")
    if since is not None:
        queryset = queryset.filter(last_published_at__gte=since)
    return queryset, listing_filter.ignored


def published_page(listing, pk):
    return (
        listing.live()
        .select_related("locale", *listing.select_related)
        .prefetch_related(*listing.prefetch_related)
        .filter(pk=pk)
        .first()
    )


def updated_since(query_dict):
    raw = query_dict.get(UPDATED_SINCE_PARAM, "").strip()
    if not raw:
        return None
    try:
        moment = parse_datetime(raw[:40])
        day = None if moment else parse_date(raw[:40])
    except (ValueError, OverflowError):  # well-formed but impossible, such as 2026-02-30
        moment = day = None
    if day is not None:
        moment = datetime.datetime.combine(day, datetime.time.min)
    if moment is None:
        raise BadParameter(
            _("%(param)s moet een datum of tijdstip zijn, zoals 2026-01-31 of 2026-01-31T09:00:00+01:00.")
            % {"param": UPDATED_SINCE_PARAM}
        )
    if not 1900 <= moment.year <= 2200:
        # Far-off years cannot be converted between time zones; no page was published then anyway.
        raise BadParameter(_("%(param)s moet tussen 1900 en 2200 liggen.") % {"param": UPDATED_SINCE_PARAM})
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def tags_with_counts():
    """Tags of published, public pages, with how many such pages carry them (restricted pages count for nothing)."""
    counts = {}
    slug_lookup = TAGS.lookup
    name_lookup = TAGS.lookup.rsplit("__", 1)[0] + "__name"
    for listing in page_listings().values():
        if TAGS not in listing.facets:
            continue
        rows = (
            listing.live()
            .exclude(**{f"{slug_lookup}__isnull": True})
            .order_by()
            .values_list(slug_lookup, name_lookup)
            .annotate(pages=Count("pk", distinct=True))
        )
        for slug, name, pages in rows:
            entry = counts.setdefault(slug, {"slug": slug, "name": name, "count": 0})
            entry["count"] += pages
    return sorted(counts.values(), key=lambda entry: entry["slug"])


def municipalities(query_dict):
    return listings.get(MUNICIPALITIES).filter(query_dict, count_options=False).results


def find_municipality(cbs_code):
    return listings.get(MUNICIPALITIES).live().filter(cbs_code=cbs_code.upper()[:6]).first()
