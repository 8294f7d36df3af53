"""Which case studies are like this one: shared themes and tags, weighted, as plain queries."""

from django.db.models import Count, Q

from portal.i18n import in_locale

SIMILAR_LIMIT = 4


def similar_case_studies(case_study, limit=SIMILAR_LIMIT):
    from .models import CaseStudyPage

    theme_ids = list(case_study.themes.values_list("pk", flat=True))
    tag_ids = list(case_study.tags.values_list("pk", flat=True))
    if not theme_ids and not tag_ids:
        return CaseStudyPage.objects.none()
    return (
        in_locale(CaseStudyPage.objects.live().public(), case_study.locale_id)
        .exclude(pk=case_study.pk)
        .annotate(
            shared_tags=Count("tagged_items__tag", filter=Q(tagged_items__tag__in=tag_ids), distinct=True),
            shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True),
        )
        .filter(Q(shared_tags__gt=0) | Q(shared_themes__gt=0))
        .select_related("municipality")
        # Tags are more specific than themes, so they weigh more.
        .order_by("-shared_tags", "-shared_themes", "archived", "title")[:limit]
    )
