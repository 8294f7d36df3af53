"""Public views of the needs survey (routed by NeedsSurveyPage) and the editors' overview in the admin."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from knowledge.models import municipality_of
from portal import caching
from portal.spreadsheets import csv_download

from .forms import NeedsSurveyForm
from .models import SurveyRound
from .overview import csv_rows, needs_overview, public_summary
from .responses import SurveyClosedError, current_response, submit_response

VIEW_OVERVIEW_PERMISSION = "needs.view_surveyresponse"


def round_summary(request, page, round_slug):
    survey_round = get_object_or_404(SurveyRound, slug=round_slug)
    if not survey_round.is_closed():
        # Results of an open round would steer the answers still to come; they appear once it closes.
        raise Http404
    context = page.get_context(request)
    context.update({"survey_round": survey_round, "summary": cached_public_summary(survey_round)})
    return TemplateResponse(request, "needs/round_summary.html", context)


ANSWERS = "needs-answers"  # the shared caches' dependency on the survey's rounds and answers
# An hour at most: the curriculum's offer in it depends on the date.
SUMMARY = caching.Entry("needs-summary", ("round", "language"), timeout=3600)


def cached_public_summary(survey_round):
    """The round's public summary from the shared cache: renewed when an answer, question or round changes
    (NeedsConfig.ready) or a module is published, so the aggregation runs once, not per visit."""

    def build():
        caching.record(ANSWERS)
        return public_summary(survey_round)

    return SUMMARY.get_or_build(build, round=survey_round.pk, language=get_language())


def answers_changed(**kwargs):
    caching.invalidate(ANSWERS)


def answer_round(request, page, round_slug):
    survey_round = get_object_or_404(SurveyRound, slug=round_slug)
    context = page.get_context(request)
    context["survey_round"] = survey_round
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    municipality = municipality_of(request.user)
    context["municipality"] = municipality
    if municipality is None or not survey_round.is_open():
        # Explain why there is no form: not linked to a municipality, or the round is not open.
        status = 403 if municipality is None else 200
        return TemplateResponse(request, "needs/answer_unavailable.html", context, status=status)

    questions = survey_round.questions.select_related("theme", "audience").order_by("sort_order", "pk")
    existing = current_response(survey_round, municipality)
    form = NeedsSurveyForm(questions, request.POST or None, initial=NeedsSurveyForm.initial_from(existing))
    if request.method == "POST" and form.is_valid():
        try:
            submit_response(survey_round, municipality, request.user, form.answers(), form.cleaned_data["remarks"])
        except SurveyClosedError:
            messages.error(request, _("Deze ronde is gesloten; uw antwoorden zijn niet meer opgeslagen."))
            return redirect(page.url + page.reverse_subpage("index"))
        messages.success(
            request,
            _(
                "Dank u wel. De antwoorden voor gemeente %(municipality)s zijn opgeslagen; u kunt ze tot %(closes)s "
                "aanpassen."
            )
            % {
                "municipality": municipality.name,
                "closes": timezone.localtime(survey_round.closes_at).strftime("%d-%m-%Y %H:%M"),
            },
        )
        return redirect(request.path)
    context.update({"form": form, "existing": existing})
    return TemplateResponse(request, "needs/answer_form.html", context, status=400 if form.errors else 200)


# The editors' side, in Wagtail's admin.


def require_overview_permission(request):
    if not request.user.has_perm(VIEW_OVERVIEW_PERMISSION):
        raise PermissionDenied


def admin_round_list(request):
    require_overview_permission(request)
    rounds = SurveyRound.objects.annotate(
        respondent_count=Count("responses", filter=Q(responses__is_current=True))
    ).order_by("-opens_at")
    now = timezone.now()
    rows = [(survey_round, survey_round.status(now)) for survey_round in rounds]
    return TemplateResponse(request, "needs/admin/round_list.html", {"rows": rows})


def admin_overview(request, pk):
    require_overview_permission(request)
    survey_round = get_object_or_404(SurveyRound, pk=pk)
    overview = needs_overview(survey_round)
    return TemplateResponse(request, "needs/admin/overview.html", {"overview": overview, "survey_round": survey_round})


def admin_overview_csv(request, pk):
    require_overview_permission(request)
    survey_round = get_object_or_404(SurveyRound, pk=pk)
    return csv_download(csv_rows(needs_overview(survey_round)), f"behoeftepeiling-{survey_round.slug}.csv")
