"""Content for municipal staff only, with Wagtail's page privacy: a group restriction on the page.

Wagtail lets superusers through; the editors' groups are in the list so they can check what they
publish. Every listing, search, feed and sitemap selects `.public()` pages, so restricted pages
stay out of all of them for everyone.
"""

from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import PageViewRestriction

MUNICIPAL_STAFF = "Gemeentelijk medewerker"
READERS_OF_RESTRICTED_CONTENT = [MUNICIPAL_STAFF, "Redacteur", "Eindredacteur"]


def restrict_to_municipal_staff(page):
    restriction, _created = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=READERS_OF_RESTRICTED_CONTENT))
    return restriction


RESTRICTED_SECTIONS_TIMEOUT = 24 * 3600  # a safety net: a restriction's change or a move renews it at once


def restrictions():
    """{"sections": [(path, depth) of every page with a view restriction], "aliases": whether any page is an
    alias} from the shared cache (portal.caching: renewed when a restriction or any page changes)."""
    from wagtail.models import Page

    from portal import caching

    def build():
        caching.record(caching.RESTRICTIONS)
        return {
            "sections": [tuple(row) for row in PageViewRestriction.objects.values_list("page__path", "page__depth")],
            "aliases": Page.objects.filter(alias_of__isnull=False).exists(),
        }

    return caching.get_or_build("page_view_restrictions", build, RESTRICTED_SECTIONS_TIMEOUT)


def restricted_sections():
    return restrictions()["sections"]


def may_be_restricted(page):
    """False when no restriction applies to `page` for certain (no query); else Wagtail must look."""
    cached = restrictions()
    return bool(
        page.alias_of_id or cached["aliases"] or any(page.path.startswith(path) for path, _ in cached["sections"])
    )


def private_q(queryset):
    """Wagtail's `PageQuerySet.private_q` without its query: Wagtail reads every restriction each time a listing
    asks for `.public()` pages (five times on a case study page); the restricted sections rarely change."""
    condition = Q()
    for path, depth in restricted_sections():
        condition |= Q(path__startswith=path) & Q(depth__gte=depth)
    return condition if condition else Q(pk__in=[])


def read_restrictions_from_the_shared_cache():
    from wagtail.query import PageQuerySet

    PageQuerySet.private_q = private_q
