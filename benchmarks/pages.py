"""Many pages in a few queries: for tests that measure how a page's queries grow with the content, and benchmarks.

Factories create a page the way an editor does (tree insert, revision, signals), which costs tens of
milliseconds a page; growing to 500 pages that way was most of the time of the growth tests. These pages
are inserted in bulk instead: live, public, without revisions and without search documents (the tests
using this count queries, they do not search).
"""

import random

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


SEED = 20260206


def paragraphs(rng, count, sentences):
    return "".join(f"<p>{' '.join(rng.choice(sentences) for _ in range(rng.randint(3, 6)))}</p>" for _ in range(count))


def stream(rng, count, sentences):
    return [{"type": "paragraph", "value": paragraphs(rng, 1, sentences), "id": f"p{n}"} for n in range(count)]


def add_generated_pages(total):
    """`total` generated pages with several paragraphs each in the demo's overviews (bulk inserts: seconds)."""
    from taggit.models import Tag

    from benchmarks.corpus import SENTENCES
    from curriculum.models import CurriculumIndexPage, ModulePage, Provider
    from knowledge.models import CaseStudyIndexPage, CaseStudyPage, GuidanceIndexPage, GuidancePage, Municipality
    from portal.models import Audience, Theme

    rng = random.Random(SEED)
    themes, audiences = list(Theme.objects.all()), list(Audience.objects.all())
    municipalities = list(Municipality.objects.exclude(size_class="")) or list(Municipality.objects.all())
    tags = list(Tag.objects.all()) or [Tag.objects.create(name="polarisatie", slug="polarisatie")]
    providers = list(Provider.objects.all())

    specific = {
        CaseStudyPage: (
            CaseStudyIndexPage,
            lambda n: {
                "intro": " ".join(rng.choice(SENTENCES) for _ in range(2)),
                "municipality": municipalities[n % len(municipalities)],
                "start_year": 2015 + n % 11,
                "challenge": paragraphs(rng, 2, SENTENCES),
                "approach": paragraphs(rng, 3, SENTENCES),
                "results": paragraphs(rng, 2, SENTENCES),
                "lessons": paragraphs(rng, 1, SENTENCES),
                "evidence_level": "beschreven",
                "partners": "Gemeente\nPolitie\nWijkteam",
            },
            lambda n: {"themes": themes[n % 4 : n % 4 + 2]},
        ),
        ModulePage: (
            CurriculumIndexPage,
            lambda n: {
                "intro": " ".join(rng.choice(SENTENCES) for _ in range(2)),
                "provider": providers[n % len(providers)],
                "level": "basis",
                "format": "training",
                "duration_minutes": 90 + 30 * (n % 5),
                "body": stream(rng, 4, SENTENCES),
                "learning_goals": stream(rng, 1, SENTENCES),
            },
            lambda n: {"themes": themes[n % 4 : n % 4 + 2], "audiences": audiences[n % 6 : n % 6 + 2]},
        ),
        GuidancePage: (
            GuidanceIndexPage,
            lambda n: {
                "intro": " ".join(rng.choice(SENTENCES) for _ in range(2)),
                "kind": "handreiking",
                "body": stream(rng, 5, SENTENCES),
            },
            lambda n: {"themes": themes[n % 4 : n % 4 + 1], "audiences": audiences[n % 6 : n % 6 + 1]},
        ),
    }
    # Shares as in the search benchmark's corpus: most are case studies, then modules and guidance.
    for model, share in ((CaseStudyPage, 0.4), (ModulePage, 0.3), (GuidancePage, 0.3)):
        index_model, fields, relations = specific[model]
        parent = index_model.objects.get(locale__language_code="nl")
        count, done = int(total * share), 0
        while done < count:
            batch = min(2000, count - done)
            bulk_child_pages(
                parent,
                model,
                batch,
                fields=fields,
                relations=relations,
                tags=lambda n: rng.sample(tags, min(len(tags), 2)),
            )
            done += batch
    # Bulk inserts send no signals; publishing would have renewed the shared caches. (A checkout from before
    # the shared caches has none: the load benchmark also runs against older code, for a "before" column.)
    try:
        from portal import caching
    except ImportError:
        return
    caching.invalidate(caching.ALL)
