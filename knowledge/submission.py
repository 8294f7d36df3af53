"""Case studies submitted by municipalities: store as a draft in moderation, then notify.

Storing comes first and never depends on mail: a submission is kept even when no mail goes out.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from .attachments import submissions_collection
from .models import CaseStudyAttachment, CaseStudyIndexPage, CaseStudyPage

logger = logging.getLogger(__name__)


def as_rich_text(text):
    """Plain text from the form as safe rich text: escaped, one paragraph per blank-line block."""
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join(f"<p>{escape(block).replace(chr(10), '<br/>')}</p>" for block in blocks)


@transaction.atomic
def store_submission(data, attachment=None):
    """Create a draft case study from a submission and put it in the moderation workflow."""
    index = CaseStudyIndexPage.objects.first()
    if index is None:
        raise LookupError("there is no case-study overview page to add the submission to")
    page = CaseStudyPage(
        title=data["title"],
        intro=data["summary"],
        live=False,
        municipality=data["municipality"],
        start_year=data["start_year"],
        end_year=data.get("end_year"),
        challenge=as_rich_text(data["challenge"]),
        approach=as_rich_text(data["approach"]),
        results=as_rich_text(data.get("results")),
        lessons=as_rich_text(data.get("lessons")),
        partners=data.get("partners", ""),
        costs=data.get("costs", ""),
        transferability=data.get("transferability", ""),
        contact_name=data["contact_name"],
        contact_role=data.get("contact_role", ""),
        contact_email=data.get("contact_email", ""),
        evidence_level="praktijkervaring",
        evidence_explanation=_("Ingezonden door %(name)s (%(email)s).")
        % {"name": data["submitter_name"], "email": data["submitter_email"]},
    )
    page.themes = list(data["themes"])
    page.domains = list(data.get("domains") or [])
    page.other_municipalities = [m for m in data.get("other_municipalities") or [] if m != data["municipality"]]
    if data.get("tags"):
        page.tags.add(*data["tags"])
    if attachment:
        page.attachments.add(CaseStudyAttachment(document=store_document(attachment, data["title"])))
    index.add_child(instance=page)
    revision = page.save_revision(log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, None)
    return page, revision


def store_document(upload, title):
    # Only the moderators can read it until the case study is published (knowledge.attachments).
    collection = submissions_collection()
    document = get_document_model()(
        title=_("Bijlage bij ‘%(title)s’") % {"title": title}, file=upload, collection=collection
    )
    document.save()
    return document


def moderator_emails():
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=settings.SUBMISSION_MODERATOR_GROUPS))
    )
    return sorted({user.email for user in users if user.email})


def notify(page, submitter_email, admin_url):
    """Tell the moderators and confirm to the submitter; a failing mail server is logged, not raised."""
    sent = {"moderators": False, "submitter": False}
    try:
        recipients = moderator_emails()
        if recipients:
            send_mail(
                _("Nieuw praktijkvoorbeeld ingezonden: %(title)s") % {"title": page.title},
                _("Er is een praktijkvoorbeeld ingezonden dat op beoordeling wacht:\n\n%(title)s\n%(url)s")
                % {"title": page.title, "url": admin_url},
                None,
                recipients,
            )
            sent["moderators"] = True
    except Exception:  # noqa: BLE001 - any mail failure must leave the stored submission intact
        logger.exception("Could not notify moderators of submission %s", page.pk)
    try:
        send_mail(
            _("Bedankt voor uw praktijkvoorbeeld"),
            _(
                "We hebben uw praktijkvoorbeeld ‘%(title)s’ ontvangen. De redactie beoordeelt het en neemt zo nodig "
                "contact met u op."
            )
            % {"title": page.title},
            None,
            [submitter_email],
        )
        sent["submitter"] = True
    except Exception:  # noqa: BLE001
        logger.exception("Could not confirm submission %s to the submitter", page.pk)
    return sent
