"""Password guessing is throttled on the portal's and Wagtail's login forms."""

import pytest

pytestmark = pytest.mark.django_db
PASSWORD = "the-right-password-123"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redacteur", password=PASSWORD)


@pytest.mark.parametrize("url", ["/inloggen/", "/admin/login/"])
def test_too_many_failures_lock_the_account_for_a_while(editor, client, settings, url):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 3
    for _ in range(3):
        assert client.post(url, {"username": "redacteur", "password": "wrong"}).status_code == 200
    # Now even the right password is refused, with a clear page instead of a login.
    response = client.post(url, {"username": "redacteur", "password": PASSWORD})
    assert response.status_code == 429
    assert "Probeer het over 15 minuten opnieuw" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_name_is_matched_case_insensitively(editor, client, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 2
    for name in ("Redacteur", "REDACTEUR"):
        client.post("/inloggen/", {"username": name, "password": "wrong"})
    assert client.post("/inloggen/", {"username": "redacteur", "password": PASSWORD}).status_code == 429


def test_a_successful_login_resets_the_count(editor, client, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 3
    for _ in range(2):
        client.post("/inloggen/", {"username": "redacteur", "password": "wrong"})
    assert client.post("/inloggen/", {"username": "redacteur", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(2):
        client.post("/inloggen/", {"username": "redacteur", "password": "wrong"})
    assert client.post("/inloggen/", {"username": "redacteur", "password": PASSWORD}).status_code == 302


def test_spraying_many_accounts_from_one_address_is_throttled(editor, client, settings):
    settings.LOGIN_FAILURES_PER_CLIENT = 4
    for number in range(4):
        client.post("/inloggen/", {"username": f"someone-{number}", "password": "wrong"})
    assert client.post("/inloggen/", {"username": "redacteur", "password": PASSWORD}).status_code == 429
