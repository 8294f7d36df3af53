"""Every public page type of the portal, in one language, as URLs for the browser and HTML checks."""

from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from wagtail.models import Page


def public_page_urls(language):
    """(name, path) for one live, public page of every page type in `language`, and the portal's other views."""
    urls = []
    seen = set()
    pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1).order_by("path")
    for page in pages.specific():
        name = type(page).__name__
        if name not in seen:
            seen.add(name)
            urls.append((name, page.get_url()))
    # The overviews' states that show more than their first page: chosen filters (chips) and a combination
    # without results (the advice to drop a filter).
    found = dict(urls)
    if "CaseStudyIndexPage" in found:
        urls.append(("case-studies-filtered", found["CaseStudyIndexPage"] + "?thema=polarisatie&thema=inclusie"))
    if "CurriculumIndexPage" in found:
        query = "?thema=polarisatie&niveau=specialistisch&vorm=e-learning"
        urls.append(("modules-without-results", found["CurriculumIndexPage"] + query))
    from curriculum.models import CoursePath
    from needs.models import NeedsSurveyPage, SurveyRound

    with translation.override(language):
        course_path = CoursePath.objects.filter(is_curated=True).order_by("pk").first()
        tag = Tag.objects.filter(slug="polarisatie").first() or Tag.objects.order_by("pk").first()
        urls += [
            ("search-results", reverse("search") + "?q=polarisatie"),
            ("search-empty", reverse("search")),
            ("search-alert", reverse("search_alert") + "?q=polarisatie&thema=polarisatie"),
            ("course-paths", reverse("curriculum:curated_paths")),
            ("submission-form", reverse("knowledge:submit_case_study")),
            ("login", reverse("login")),
            ("not-found", ("/en" if language == "en" else "") + "/bestaat-niet/"),
        ]
        if course_path is not None:
            urls.append(("course-path", reverse("curriculum:curated_path", args=[course_path.pk])))
        if tag is not None:
            urls.append(("tag", reverse("tag", args=[tag.slug])))
        survey_page = NeedsSurveyPage.objects.live().filter(locale__language_code=language).first()
        closed_round = SurveyRound.objects.closed().first()
        if survey_page is not None and closed_round is not None:
            urls.append(
                (
                    "needs-survey-summary",
                    survey_page.url + survey_page.reverse_subpage("summary", args=[closed_round.slug]),
                )
            )
    return urls
