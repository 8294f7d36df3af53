"""Tags across content types: what carries a tag, and merging two tags.

Every tagged page type has its own TaggedItemBase subclass; they are found through the app
registry, so the portal never imports the apps that define them.
"""

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from taggit.models import TaggedItemBase
from wagtail.models import Page, Revision

from .i18n import in_locale


def tagged_item_models():
    """Through models whose content_object is a real foreign key (taggit's generic TaggedItem is not)."""
    models = []
    for model in apps.get_models():
        if issubclass(model, TaggedItemBase):
            target = model._meta.get_field("content_object").related_model
            if isinstance(target, type):
                models.append(model)
    return models


def tagged_pages(tag):
    """Live, public pages of every type that carry ``tag``, newest first (a query: slice it before reading)."""
    carrying = Q(pk__in=[])
    for through in tagged_item_models():
        if issubclass(through._meta.get_field("content_object").related_model, Page):
            carrying |= Q(pk__in=through.objects.filter(tag=tag).values("content_object_id"))
    return (
        in_locale(Page.objects.filter(carrying).live().public())
        .specific()
        .order_by("-first_published_at", "title", "pk")
    )


@transaction.atomic
def merge_tags(source, target):
    """Move everything tagged ``source`` to ``target`` and delete ``source``; return the number moved.

    Pages keep their tags in draft revisions too, so the latest revision of each page is rewritten
    as well; otherwise publishing an older draft would bring the old tag back.
    """
    if source.pk == target.pk:
        raise ValueError("a tag cannot be merged into itself")
    moved = 0
    for through in tagged_item_models():
        items = through.objects.filter(tag=source)
        already = set(through.objects.filter(tag=target).values_list("content_object_id", flat=True))
        items.filter(content_object_id__in=already).delete()  # it carries both: keep one
        moved += items.update(tag=target)
    for revision in Revision.objects.filter(
        pk__in=Page.objects.exclude(latest_revision=None).values("latest_revision")
    ):
        tagged = revision.content.get("tagged_items") or []
        if any(item.get("tag") == source.pk for item in tagged):
            seen, rewritten = set(), []
            for item in tagged:
                tag_id = target.pk if item.get("tag") == source.pk else item.get("tag")
                if tag_id not in seen:
                    seen.add(tag_id)
                    rewritten.append({**item, "tag": tag_id})
            revision.content["tagged_items"] = rewritten
            revision.save(update_fields=["content"])
    source.delete()
    return moved
