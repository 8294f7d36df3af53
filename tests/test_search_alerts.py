"""Saved-search alerts: double opt-in, digests of new and updated public matches only, idempotent sending,
unsubscribing without logging in, and the address gone afterwards."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from portal.access import restrict_to_municipal_staff
from search import alerts
from search.models import SavedSearch

from .factories import ModulePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def module(curriculum, publish, title, **kwargs):
    return publish(ModulePageFactory(parent=curriculum, title=title, live=False, **kwargs))


def subscribe(client, email="beleid@example.org", frequency="daily", **search):
    response = client.post("/zoeken/bericht/", {"q": "polarisatie", "email": email, "frequency": frequency, **search})
    assert response.status_code == 200, response.content.decode()[:500]
    return SavedSearch.objects.get(email=email)


def link_in(message, name):
    return re.search(rf"http://testserver(/zoeken/bericht/{name}/[^/\s]+/)", message.body).group(1)


def confirmed(client, saved_search):
    client.post(link_in(mail.outbox[-1], "bevestigen"))
    saved_search.refresh_from_db()
    return saved_search


def run(now):
    before = len(mail.outbox)
    alerts.send_digests(now=now)
    return mail.outbox[before:]


def test_the_search_page_offers_an_alert_for_its_search(client, curriculum, publish):
    module(curriculum, publish, "Polarisatie herkennen")
    page = client.get("/zoeken/", {"q": "polarisatie", "thema": "polarisatie", "pagina": "1"}).content.decode()
    assert 'href="/zoeken/bericht/?q=polarisatie&amp;thema=polarisatie"' in page
    form = client.get("/zoeken/bericht/", {"q": "polarisatie", "thema": "polarisatie"}).content.decode()
    assert "polarisatie" in form and 'name="email"' in form and 'value="polarisatie"' in form


def test_nothing_is_sent_before_the_address_is_confirmed(client, curriculum, publish):
    saved_search = subscribe(client, thema="polarisatie")
    assert saved_search.confirmed_at is None and saved_search.filters == {"themes": ["polarisatie"]}
    assert len(mail.outbox) == 1 and "/zoeken/bericht/bevestigen/" in mail.outbox[0].body
    module(curriculum, publish, "Polarisatie herkennen")
    assert run(timezone.now() + datetime.timedelta(minutes=1)) == []

    # Opening the link asks; only the button confirms (mail scanners open links too).
    confirm_url = link_in(mail.outbox[0], "bevestigen")
    assert "Ja, bevestigen" in client.get(confirm_url).content.decode()
    saved_search.refresh_from_db()
    assert saved_search.confirmed_at is None
    client.post(confirm_url)
    saved_search.refresh_from_db()
    assert saved_search.confirmed_at is not None


def test_a_digest_holds_new_and_updated_public_matches_only(client, curriculum, publish, home_page):
    updated = module(curriculum, publish, "Polarisatie in de wijk")
    unchanged = module(curriculum, publish, "Polarisatie op school")
    saved_search = confirmed(client, subscribe(client))

    new = module(curriculum, publish, "Polarisatie herkennen")
    publish(updated)  # an editor updates it after the subscription
    module(curriculum, publish, "Ondermijning en zorg")  # new, but does not match
    ModulePageFactory(parent=curriculum, title="Polarisatie: concept", live=False).save_revision()  # a draft
    restricted = module(curriculum, publish, "Polarisatie: alleen voor gemeenten")
    restrict_to_municipal_staff(restricted)
    StandardPageFactory(parent=home_page, title="Polarisatie elders", live=False)  # never published

    sent = run(timezone.now() + datetime.timedelta(minutes=1))
    assert len(sent) == 1
    body = sent[0].body
    assert new.title in body and updated.title in body
    assert (
        unchanged.title not in body
        and "Ondermijning" not in body
        and "concept" not in body
        and "alleen voor gemeenten" not in body
    )
    assert sent[0].to == [saved_search.email]
    unsubscribe_url = link_in(sent[0], "afmelden")
    assert sent[0].extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe_url}>"
    assert sent[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_second_run_in_the_same_period_sends_nothing_twice(client, curriculum, publish):
    saved_search = confirmed(client, subscribe(client, frequency="daily"))
    module(curriculum, publish, "Polarisatie herkennen")
    first = timezone.now()
    assert len(run(first)) == 1
    call_command("send_search_alerts", stdout=open("/dev/null", "w"))  # as cron would, a moment later
    assert run(first + datetime.timedelta(seconds=1)) == []

    # The next day: only what changed since the previous digest.
    later = module(curriculum, publish, "Polarisatie en sociale media")
    next_day = first + datetime.timedelta(days=1)
    sent = run(next_day)
    assert len(sent) == 1 and later.title in sent[0].body and "Polarisatie herkennen" not in sent[0].body
    saved_search.refresh_from_db()
    assert saved_search.last_period == alerts.period_key("daily", next_day)


def test_weekly_digests_go_out_once_a_week(client, curriculum, publish):
    confirmed(client, subscribe(client, frequency="weekly"))
    module(curriculum, publish, "Polarisatie herkennen")
    now = timezone.now()
    assert len(run(now)) == 1
    module(curriculum, publish, "Polarisatie en sociale media")
    monday = timezone.localtime(now) + datetime.timedelta(days=7 - timezone.localtime(now).weekday())
    if alerts.period_key("weekly", now + datetime.timedelta(seconds=2)) == alerts.period_key("weekly", now):
        assert run(now + datetime.timedelta(seconds=2)) == []
    assert len(run(monday)) == 1


def test_unsubscribing_needs_no_login_and_deletes_the_address(client, curriculum, publish):
    saved_search = confirmed(client, subscribe(client, email="weg@example.org"))
    module(curriculum, publish, "Polarisatie herkennen")
    sent = run(timezone.now() + datetime.timedelta(seconds=1))
    unsubscribe_url = link_in(sent[0], "afmelden")

    assert "Afmelden" in client.get(unsubscribe_url).content.decode()
    assert SavedSearch.objects.filter(pk=saved_search.pk).exists()  # opening the link alone changes nothing
    # The mail program's one-click unsubscribe: a POST without a CSRF token or a session.
    response = Client(enforce_csrf_checks=True).post(unsubscribe_url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not SavedSearch.objects.filter(email="weg@example.org").exists()
    assert "afgemeld" in client.get(unsubscribe_url).content.decode()  # the link again: no error
    module(curriculum, publish, "Polarisatie en sociale media")
    assert run(timezone.now() + datetime.timedelta(days=2)) == []


def test_unconfirmed_addresses_are_deleted_after_a_week(client):
    saved_search = subscribe(client, email="vergeten@example.org")
    SavedSearch.objects.filter(pk=saved_search.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    run(timezone.now())
    assert not SavedSearch.objects.filter(email="vergeten@example.org").exists()


@pytest.mark.parametrize(
    "data",
    [
        {"q": "polarisatie", "email": "geen-adres", "frequency": "daily"},
        {"q": "polarisatie", "email": "a@example.org", "frequency": "elk uur"},
        {"q": "", "email": "a@example.org", "frequency": "daily"},
        {"q": "polarisatie", "email": "x" * 300 + "@example.org", "frequency": "daily"},
    ],
)
def test_bad_requests_get_the_form_back_and_store_nothing(client, data):
    response = client.post("/zoeken/bericht/", data)
    assert response.status_code == 400
    assert not SavedSearch.objects.exists() and mail.outbox == []


def test_alert_requests_are_rate_limited(client, settings):
    settings.ALERT_RATE_LIMIT = (2, 3600)
    statuses = [
        client.post(
            "/zoeken/bericht/", {"q": "polarisatie", "email": f"a{n}@example.org", "frequency": "daily"}
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert len(mail.outbox) == 2


def test_an_unknown_confirmation_link_says_so(client):
    response = client.get("/zoeken/bericht/bevestigen/bestaat-niet/")
    assert response.status_code == 404 and "niet (meer) geldig" in response.content.decode()
