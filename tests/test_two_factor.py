"""Everyone who can reach the admin logs in with a second factor: a code from an authenticator app, or a
single-use backup code. Without it no admin page opens; visitors and trainers are not asked."""

import re

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redactie", password="een-lang-wachtwoord")
    user.groups.add(Group.objects.get(name="Redacteur"))
    return user


def login(client, username="redactie"):
    response = client.post("/admin/login/", {"username": username, "password": "een-lang-wachtwoord"})
    assert response.status_code == 302
    return response


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_new_editor_pairs_an_app_before_the_admin_opens(editor, client):
    login(client)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/tweestapsverificatie/?next=")
    setup = client.get(response["Location"])
    assert setup.status_code == 200 and b"<svg" in setup.content
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.post("/admin/tweestapsverificatie/", {"token": "000000", "next": "/admin/pages/"}).status_code == 200
    assert client.get("/admin/pages/").status_code == 302  # a wrong code opens nothing
    device.refresh_from_db()
    device.throttle_reset()  # as if the editor waited the few seconds django-otp asks after a wrong code
    done = client.post("/admin/tweestapsverificatie/", {"token": current_code(device), "next": "/admin/pages/"})
    codes = re.findall(r"<code>(\w+)</code>", done.content.decode())
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_the_next_login_asks_for_a_code_and_a_backup_code_works_once(editor, client):
    login(client)
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.get("/admin/tweestapsverificatie/")  # nothing to pair: straight on to the check
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/tweestapsverificatie/controle/?next=")
    response = client.post("/admin/tweestapsverificatie/controle/", {"token": current_code(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    from portal.two_factor import _new_backup_codes

    code = _new_backup_codes(editor)[0]
    for expected in (302, 200):  # the first use logs in; the second is refused (the form again)
        client.logout()
        login(client)
        response = client.post("/admin/tweestapsverificatie/controle/", {"token": code, "next": "/admin/"})
        assert response.status_code == expected


def test_guessing_is_slowed_down(editor, client):
    login(client)
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.post("/admin/tweestapsverificatie/controle/", {"token": "123456", "next": "/admin/"})
    # Right after a wrong guess even the right code is refused: guessing a million codes takes forever.
    response = client.post("/admin/tweestapsverificatie/controle/", {"token": current_code(device), "next": "/admin/"})
    assert response.status_code == 200 and "te snel opnieuw" in response.content.decode()


def test_an_outside_next_address_is_ignored(editor, client):
    login(client)
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    response = client.post("/admin/tweestapsverificatie/controle/", {"token": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_django_admin_needs_it_too(django_user_model, client):
    django_user_model.objects.create_superuser("beheer", password="een-lang-wachtwoord")
    login(client, "beheer")
    assert client.get("/django-admin/").status_code == 302
    assert client.get("/django-admin/")["Location"].startswith("/admin/tweestapsverificatie/")


def test_visitors_and_trainers_are_not_asked(client, django_user_model, home_page):
    trainer = django_user_model.objects.create_user("trainer", password="x")
    trainer.groups.add(Group.objects.get(name="Trainer"))
    client.force_login(trainer)
    assert client.get("/").status_code == 200
    assert client.get("/leerlijnen/mijn/").status_code == 200


def test_production_refuses_to_switch_it_off():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import django, os; django.setup()"], capture_output=True, text=True,
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "k" * 20 + "x7Qz" * 10,
             "ALLOWED_HOSTS": "portal.example.nl", "TWO_FACTOR_REQUIRED": "false", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0 and "TWO_FACTOR_REQUIRED cannot be switched off" in result.stderr
