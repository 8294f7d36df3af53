from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document

from portal.ratelimit import RateLimit, rate_limited

from .attachments import SUBMISSIONS_COLLECTION
from .forms import CaseStudySubmissionForm
from .submission import notify, store_submission


def content_length(request):
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:  # a malformed header is the client's problem, not a server error
        return 0


SUBMISSIONS = RateLimit("case-study-submission", "SUBMISSION_RATE_LIMIT")


@rate_limited(SUBMISSIONS, methods=("POST",))
def submit_case_study(request):
    if request.method == "POST":
        # Refuse a huge upload before reading it, with the same message the form gives.
        if content_length(request) > settings.SUBMISSION_MAX_UPLOAD_SIZE + 1_048_576:
            return HttpResponse(
                _("Het bestand is te groot; het maximum is %(limit)s MB.")
                % {"limit": settings.SUBMISSION_MAX_UPLOAD_SIZE // 1_048_576},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        form = CaseStudySubmissionForm(request.POST, request.FILES)
        if form.is_spam:
            # Look the same to a bot, store nothing.
            return redirect("knowledge:submission_thanks")
        if form.is_valid():
            with transaction.atomic():  # the submission and its mails are kept together, or neither
                page, _revision = store_submission(form.cleaned_data, form.cleaned_data.get("attachment"))
                notify(
                    page,
                    form.cleaned_data["submitter_email"],
                    request.build_absolute_uri(reverse("wagtailadmin_pages:edit", args=[page.pk])),
                )
            return redirect("knowledge:submission_thanks")
    else:
        form = CaseStudySubmissionForm()
    return render(
        request,
        "knowledge/submission_form.html",
        {"form": form, "max_upload_mb": settings.SUBMISSION_MAX_UPLOAD_SIZE // 1_048_576},
    )


def submission_thanks(request):
    return render(request, "knowledge/submission_thanks.html")


def serve_document(request, document_id, document_filename):
    """Wagtail's document download (privacy, ETag, CSP), with submitted files never shown inline: a PDF
    nobody has published yet is a download, also for the moderator who opens it."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.get("Content-Disposition", "").startswith("inline"):
        collection = (
            get_document_model().objects.filter(pk=document_id).values_list("collection__name", flat=True).first()
        )
        if collection == SUBMISSIONS_COLLECTION:
            response["Content-Disposition"] = "attachment" + response["Content-Disposition"].removeprefix("inline")
    return response
