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


def test_a_password_alone_does_not_pair_an_app(editor, client):
    login(client)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/tweestapsverificatie/?next=")
    setup = client.get(response["Location"])
    assert setup.status_code == 200 and b'name="token"' not in setup.content
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert "koppellink" in setup.content.decode()


def test_the_enrolment_link_is_mailed_to_the_accounts_own_address(editor, client, settings):
    from django.core import mail

    editor.email = "redactie@gemeente.nl"
    editor.save()
    login(client)
    response = client.post("/admin/tweestapsverificatie/", {"action": "send"})
    assert "r…@gemeente.nl" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["redactie@gemeente.nl"]]
    link = re.search(r"https?://\S+/koppelen/\S+/", mail.outbox[0].body).group(0)
    assert client.get(link.split("testserver", 1)[1])["Location"] == "/admin/tweestapsverificatie/"
    assert b'name="token"' in client.get("/admin/tweestapsverificatie/").content


def test_in_development_the_page_says_where_the_mail_went(editor, client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # as `make run` has it
    editor.email = "redactie@gemeente.nl"
    editor.save()
    login(client)
    response = client.post("/admin/tweestapsverificatie/", {"action": "send"})
    assert "het venster waarin het portaal draait" in response.content.decode()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # a real mailbox: nothing to say
    assert "het venster waarin" not in client.post("/admin/tweestapsverificatie/", {"action": "send"}).content.decode()


def test_enrolment_mails_are_limited(editor, client):
    from django.core import mail

    editor.email = "redactie@gemeente.nl"
    editor.save()
    login(client)
    for _ in range(5):
        client.post("/admin/tweestapsverificatie/", {"action": "send"})
    assert len(mail.outbox) == 3


def enrolment_path(user):
    from portal.two_factor import enrolment_url

    return enrolment_url(user).split("testserver", 1)[1]


def test_a_link_works_once_and_only_for_its_own_account(editor, client, django_user_model):
    other = django_user_model.objects.create_user("andere-redactie", password="een-lang-wachtwoord")
    other.groups.add(Group.objects.get(name="Redacteur"))
    path = enrolment_path(other)
    login(client)  # logged in as "redactie", with the link of someone else
    client.get(path)
    assert b'name="token"' not in client.get("/admin/tweestapsverificatie/").content
    TOTPDevice.objects.create(user=other, name="app", confirmed=True)
    assert client.get(path).status_code == 410  # paired: the link is used up
    assert client.get("/admin/tweestapsverificatie/koppelen/vervalst/").status_code == 410


def test_an_expired_link_is_refused(editor, client, settings):
    path = enrolment_path(editor)
    settings.TWO_FACTOR_ENROLMENT_HOURS = 0
    import time

    time.sleep(1.1)
    assert client.get(path).status_code == 410


def test_a_new_editor_pairs_an_app_before_the_admin_opens(editor, client):
    client.get(enrolment_path(editor))  # the link first (mailed, or handed out by an administrator) ...
    login(client)  # ... then the password
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
    response = client.post(
        "/admin/tweestapsverificatie/controle/", {"token": current_code(device), "next": "https://evil.example/"}
    )
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
        [sys.executable, "-c", "import django, os; django.setup()"],
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "k" * 20 + "x7Qz" * 10,
            "ALLOWED_HOSTS": "portal.example.nl",
            "TWO_FACTOR_REQUIRED": "false",
            "PATH": "/usr/bin:/bin",
        },
    )
    assert result.returncode != 0 and "TWO_FACTOR_REQUIRED cannot be switched off" in result.stderr


@pytest.fixture
def final_editor(django_user_model):
    user = django_user_model.objects.create_user("eindredactie", password="een-lang-wachtwoord")
    user.groups.add(Group.objects.get(name="Eindredacteur"))
    return user


def test_editor_powers_on_the_public_side_wait_for_the_second_factor(
    final_editor, client, django_user_model, home_page
):
    from curriculum.models import CoursePath
    from portal.models import Audience

    trainer = django_user_model.objects.create_user("trainer", password="x")
    trainer.groups.add(Group.objects.get(name="Trainer"))
    path = CoursePath.objects.create(title="Pad van een trainer", owner=trainer, audience=Audience.objects.first())
    login(client, "eindredactie")
    # Password only: the editor works like any trainer, on their own paths; another trainer's path stays closed.
    assert "Pad van een trainer" not in client.get("/leerlijnen/mijn/").content.decode()
    assert client.get(f"/leerlijnen/mijn/{path.pk}/").status_code == 404
    device = TOTPDevice.objects.create(user=final_editor, name="app", confirmed=True)
    client.post("/admin/tweestapsverificatie/controle/", {"token": current_code(device), "next": "/admin/"})
    assert "Pad van een trainer" in client.get("/leerlijnen/mijn/").content.decode()
    assert client.get(f"/leerlijnen/mijn/{path.pk}/").status_code == 200
    assert 'name="is_curated"' in client.get(f"/leerlijnen/mijn/{path.pk}/").content.decode()
