"""Password guessing is throttled on every login form, counted per account name and per client address."""

import pytest
from django.core import mail

from portal.login_throttle import normalise_account_name

pytestmark = pytest.mark.django_db
PASSWORD = "the-right-password-123"
LOGIN_FORMS = [
    "/inloggen/",
    "/en/inloggen/",
    "/admin/login/",
    "/django-admin/login/",
    "/_util/login/",
    "/en/_util/login/",
]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redacteur", email="redacteur@gemeente.nl", password=PASSWORD)


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_too_many_failures_lock_the_account_on_every_login_form(editor, client, settings, url):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        assert client.post(url, {"username": "redacteur", "password": "wrong"}).status_code in (200, 429)
    # Now even the right password is refused, with a clear page instead of a login.
    response = client.post(url, {"username": "redacteur", "password": PASSWORD})
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert (
        "Probeer het over 15 minuten opnieuw" if not url.startswith("/en/") else "15 minutes"
    ) in response.content.decode()
    assert not logged_in(client)


def test_failures_on_one_form_count_on_the_others(editor, client, settings):
    settings.AXES_FAILURE_LIMIT = 4
    for url in LOGIN_FORMS[:4]:
        client.post(url, {"username": "redacteur", "password": "wrong"})
    assert client.post("/_util/login/", {"username": "redacteur", "password": PASSWORD}).status_code == 429


@pytest.mark.parametrize("written", ["REDACTEUR", "Redacteur ", "ｒｅｄａｃｔｅｕｒ", "ＲＥＤＡＣＴＥＵＲ"])
def test_look_alike_account_names_count_as_the_same_account(editor, settings, written, client_factory):
    settings.AXES_FAILURE_LIMIT = 2
    # Each attempt from its own address: only the account counter can stop the last one.
    for number in range(2):
        client_factory(f"192.0.2.{number + 1}").post("/inloggen/", {"username": written, "password": "wrong"})
    response = client_factory("192.0.2.50").post("/inloggen/", {"username": "redacteur", "password": PASSWORD})
    assert response.status_code == 429


def test_normalisation_folds_width_and_case():
    assert normalise_account_name("ｔｒａｉｎｅｒ２") == normalise_account_name(" Trainer2") == "trainer2"


def test_spraying_many_accounts_from_one_address_is_throttled(editor, client, settings):
    settings.AXES_FAILURE_LIMIT = 4
    for number in range(4):
        client.post("/inloggen/", {"username": f"someone-{number}", "password": "wrong"})
    assert client.post("/inloggen/", {"username": "redacteur", "password": PASSWORD}).status_code == 429


def test_a_locked_address_does_not_lock_the_account_for_others(editor, settings, client_factory):
    settings.AXES_FAILURE_LIMIT = 3
    attacker = client_factory("198.51.100.9")
    for number in range(3):
        attacker.post("/inloggen/", {"username": f"someone-{number}", "password": "wrong"})
    colleague = client_factory("192.0.2.20")
    assert colleague.post("/inloggen/", {"username": "redacteur", "password": PASSWORD}).status_code == 302


def test_password_reset_mails_are_limited_per_address(editor, settings, client_factory):
    settings.PASSWORD_RESET_RATE_LIMIT = (2, 3600)
    statuses = [
        client_factory(f"192.0.2.{number + 1}")
        .post("/admin/password_reset/", {"email": "Redacteur@gemeente.nl"})
        .status_code
        for number in range(4)
    ]
    assert statuses[:2] == [302, 302] and statuses[2:] == [429, 429]
    assert len(mail.outbox) == 2


def test_password_reset_mails_are_limited_per_client(editor, settings, client):
    settings.PASSWORD_RESET_RATE_LIMIT = (2, 3600)
    statuses = [
        client.post("/admin/password_reset/", {"email": f"iemand{number}@gemeente.nl"}).status_code
        for number in range(3)
    ]
    assert statuses == [302, 302, 429]
