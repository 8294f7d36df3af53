"""Content for municipal staff only, with Wagtail's page privacy: a group restriction on the page.

Wagtail lets superusers through; the editors' groups are in the list so they can check what they
publish. Every listing, search, feed and sitemap selects `.public()` pages, so restricted pages
stay out of all of them for everyone.
"""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

MUNICIPAL_STAFF = "Gemeentelijk medewerker"
READERS_OF_RESTRICTED_CONTENT = [MUNICIPAL_STAFF, "Redacteur", "Eindredacteur"]


def restrict_to_municipal_staff(page):
    restriction, _created = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=READERS_OF_RESTRICTED_CONTENT))
    return restriction
