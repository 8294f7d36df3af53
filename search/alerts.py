"""Saved-search alerts: subscribe with double opt-in, a daily or weekly digest of what is new, unsubscribe.

Plain functions, so the rules can be tested without HTTP: nothing is sent before the address is
confirmed, a digest holds only live, public pages published or updated since the previous one and
matching the search, and a second run in the same period sends nothing.
"""

import datetime
import secrets

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from . import service
from .models import SavedSearch

UNCONFIRMED_DAYS = 7
MAX_CANDIDATES = 2000  # changed pages looked at per digest, newest first
MAX_ITEMS = 50


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def period_key(frequency, moment):
    """The digest period a moment falls in: the local date, or the ISO week for weekly digests."""
    local = timezone.localtime(moment)
    if frequency == SavedSearch.WEEKLY:
        year, week, _day = local.isocalendar()
        return f"{year}-W{week:02d}"
    return local.date().isoformat()


def parameters_of(saved_search):
    return service.SearchParameters(
        text=saved_search.query, filters=saved_search.filters, language=saved_search.language
    )


def subscribe(email, parameters, frequency):
    """Store an unconfirmed saved search and mail the confirmation link; nothing else is sent until it is used."""
    saved_search = SavedSearch.objects.create(
        email=email,
        query=parameters.text,
        filters=parameters.filters,
        language=parameters.language or "nl",
        frequency=frequency,
        token=secrets.token_urlsafe(32),
    )
    with translation.override(saved_search.language):
        body = render_to_string(
            "search/email/confirm.txt",
            {
                "saved_search": saved_search,
                "confirm_url": absolute(reverse("search_alert_confirm", args=[saved_search.token])),
            },
        )
        subject = translation.gettext("Bevestig uw zoekbericht van het Kennisportaal")
    EmailMessage(subject, body, to=[email]).send()
    return saved_search


def confirm(token, now=None):
    """Confirm a saved search; from now on its digests report what changes. None for an unknown token."""
    now = now or timezone.now()
    saved_search = SavedSearch.objects.filter(token=token).first()
    if saved_search is not None and saved_search.confirmed_at is None:
        saved_search.confirmed_at = saved_search.covered_until = now
        saved_search.save(update_fields=["confirmed_at", "covered_until"])
    return saved_search


def unsubscribe(token):
    """Delete the saved search, address and all; True when there was one."""
    deleted, _details = SavedSearch.objects.filter(token=token).delete()
    return bool(deleted)


def digest_items(saved_search, until):
    """Hits for live, public pages published or updated after the previous digest that match the search."""
    changed = list(
        Page.objects.live()
        .public()
        .filter(last_published_at__gt=saved_search.covered_until, last_published_at__lte=until)
        .order_by("-last_published_at")
        .values_list("pk", flat=True)[:MAX_CANDIDATES]
    )
    return service.matching_among(parameters_of(saved_search), changed, limit=MAX_ITEMS)


def send_digest(saved_search, items):
    with translation.override(saved_search.language):
        unsubscribe_url = absolute(reverse("search_alert_unsubscribe", args=[saved_search.token]))
        search_url = absolute(reverse("search")) + "?" + saved_search_query_string(saved_search)
        body = render_to_string(
            "search/email/digest.txt",
            {
                "saved_search": saved_search,
                "items": [(hit.title, absolute(hit.url)) for hit in items],
                "unsubscribe_url": unsubscribe_url,
                "search_url": search_url,
            },
        )
        subject = translation.gettext("Nieuw op het Kennisportaal: %(query)s") % {"query": saved_search.query}
    message = EmailMessage(
        subject,
        body,
        to=[saved_search.email],
        headers={
            # One click in the mail program unsubscribes (RFC 8058), without logging in.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


def saved_search_query_string(saved_search):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    query[service.QUERY_PARAM] = saved_search.query
    for facet, values in saved_search.filters.items():
        param = service.param_for_facet(facet)
        if param:
            query.setlist(param, values)
    return query.urlencode()


def send_digests(now=None):
    """Send every digest that is due; returns (sent, checked). Safe to run as often as you like. Sending queues
    the mail (portal.background), in the same transaction as the saved search's new period: each digest goes
    out once, and a mail server that is away delays it without losing it."""
    now = now or timezone.now()
    SavedSearch.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - datetime.timedelta(days=UNCONFIRMED_DAYS)
    ).delete()
    sent = checked = 0
    for frequency, _label in SavedSearch.FREQUENCIES:
        key = period_key(frequency, now)
        due = SavedSearch.objects.filter(confirmed_at__isnull=False, frequency=frequency).exclude(last_period=key)
        for pk in due.values_list("pk", flat=True):
            with transaction.atomic():
                # Locked and checked again: two runs at once never both send.
                saved_search = SavedSearch.objects.select_for_update().filter(pk=pk).exclude(last_period=key).first()
                if saved_search is None:
                    continue
                checked += 1
                items = digest_items(saved_search, now)
                if items:
                    send_digest(saved_search, items)
                    saved_search.last_sent_at = now
                    sent += 1
                saved_search.last_period = key
                saved_search.covered_until = now
                saved_search.save(update_fields=["last_period", "covered_until", "last_sent_at"])
    return sent, checked
