"""Where a case study's attachments live, so that who may download them follows the page.

A submitted attachment goes into a collection only the moderators can read; once the case study is
published it moves to the public collection, or to the one for municipal staff when the page is for them;
unpublished again, it goes back. Wagtail's document view enforces collection privacy on every download.
Only attachments in these collections move: a document an editor filed elsewhere stays where it is.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Collection, CollectionViewRestriction, Page

from portal.access import READERS_OF_RESTRICTED_CONTENT

from .models import CaseStudyPage

SUBMISSIONS_COLLECTION = "Inzendingen praktijkvoorbeelden"
PUBLISHED_COLLECTION = "Bijlagen praktijkvoorbeelden"
STAFF_COLLECTION = "Bijlagen praktijkvoorbeelden (alleen gemeenten)"
MANAGED_COLLECTIONS = (SUBMISSIONS_COLLECTION, PUBLISHED_COLLECTION, STAFF_COLLECTION)


def collection(name, readers=None):
    """The top-level collection ``name``; with ``readers`` (group names) only they (and superusers) read it."""
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first() or root.add_child(name=name)
    if readers is not None:
        restriction, _created = CollectionViewRestriction.objects.get_or_create(
            collection=found, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=readers))
    return found


def submissions_collection():
    return collection(SUBMISSIONS_COLLECTION, readers=settings.SUBMISSION_MODERATOR_GROUPS)


def collection_for(page):
    if not page.live:
        return submissions_collection()
    if page.get_view_restrictions().exists():
        return collection(STAFF_COLLECTION, readers=READERS_OF_RESTRICTED_CONTENT)
    return collection(PUBLISHED_COLLECTION)


@transaction.atomic
def place_attachments(page):
    """Move the page's attachments into the collection its privacy calls for; returns how many moved."""
    documents = [
        attachment.document
        for attachment in page.attachments.select_related("document__collection")
        if attachment.document.collection.name in MANAGED_COLLECTIONS
    ]
    if not documents:
        return 0
    target = collection_for(page)
    moved = 0
    for document in documents:
        if document.collection_id != target.pk:
            document.collection = target
            document.save(update_fields=["collection"])  # post_save: search re-reads the pages that attach it
            moved += 1
    return moved


# Signal receivers (connected in KnowledgeConfig.ready)


def on_case_study_changed(sender, instance, **kwargs):
    page = instance.specific if hasattr(instance, "specific") else instance
    if isinstance(page, CaseStudyPage):
        place_attachments(page)


def on_view_restriction_changed(sender, instance, origin=None, **kwargs):
    if isinstance(origin, Page) or getattr(origin, "model", None) is not None and issubclass(origin.model, Page):
        return  # the page itself is being deleted
    for page in CaseStudyPage.objects.filter(path__startswith=instance.page.path):
        place_attachments(page)
