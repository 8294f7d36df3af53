"""Many pages in a few queries: for tests that measure how a page's queries grow with the content, and benchmarks.

Factories create a page the way an editor does (tree insert, revision, signals), which costs tens of
milliseconds a page; growing to 500 pages that way was most of the time of the growth tests. These pages
are inserted in bulk instead: live, public, without revisions and without search documents (the tests
using this count queries, they do not search).
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page


def bulk_child_pages(parent, model, count, fields, relations=None, tags=None):
    """`count` live pages of `model` under `parent`.

    `fields(n)` gives the n-th page's own fields, `relations(n)` {many-to-many field: [objects]},
    `tags(n)` a list of taggit tags.
    """
    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    first = parent.numchild + 1
    positions = range(first, first + count)
    pages = Page.objects.bulk_create(
        Page(
            title=f"{model._meta.verbose_name} {n}",
            draft_title=f"{model._meta.verbose_name} {n}",
            slug=f"bulk-{n}",
            content_type=content_type,
            live=True,
            first_published_at=now,
            last_published_at=now,
            path=Page._get_path(parent.path, parent.depth + 1, n),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}bulk-{n}/",
            locale_id=parent.locale_id,
        )
        for n in positions
    )
    # Multi-table inheritance has no bulk_create: insert the page type's own rows for the rows above.
    specific = [model(page_ptr_id=page.pk, **fields(n)) for page, n in zip(pages, positions, strict=True)]
    model._base_manager._insert(specific, fields=model._meta.local_concrete_fields, using="default")
    for name in relations(first) if relations else {}:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            through(**{f"{source}_id": page.pk, f"{target}_id": related.pk})
            for page, n in zip(pages, positions, strict=True)
            for related in relations(n)[name]
        )
    if tags:
        through = model.tags.through
        through.objects.bulk_create(
            through(content_object_id=page.pk, tag=tag)
            for page, n in zip(pages, positions, strict=True)
            for tag in tags(n)
        )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    return pages
