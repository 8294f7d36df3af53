"""Demo accounts without passwords in the environment: a generated one, printed once.

Apart from tests/test_demo_content.py, whose tests share one load of the demo content: this one needs a
database without it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.http import HttpRequest

pytestmark = pytest.mark.django_db


def test_generated_password_is_printed_once_and_works(db, monkeypatch, client):
    monkeypatch.delenv("DEMO_EDITOR_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_TRAINER_PASSWORD", raising=False)
    first = StringIO()
    call_command("load_demo_content", stdout=first)
    line = next(line for line in first.getvalue().splitlines() if "'redacteur', password '" in line)
    password = line.split("password '")[1].split("'")[0]
    assert len(password) >= 12
    assert client.login(request=HttpRequest(), username="redacteur", password=password)
    second = StringIO()
    call_command("load_demo_content", stdout=second)
    assert password not in second.getvalue()


def test_make_run_closes_with_the_addresses_and_the_three_accounts_with_their_passwords(
    db, monkeypatch, tmp_path, settings
):
    """`make run` ends with one short block (manage.py demo_welcome): URLs, and each demo account with the
    password it can log in with (generated ones kept in VAR_DIR on a developer's machine only)."""
    settings.DEBUG, settings.VAR_DIR = True, tmp_path
    monkeypatch.delenv("DEMO_EDITOR_PASSWORD", raising=False)
    monkeypatch.setenv("DEMO_TRAINER_PASSWORD", "trainer-password-from-env")
    monkeypatch.delenv("DEMO_STAFF_PASSWORD", raising=False)
    call_command("load_demo_content", stdout=StringIO())
    output = StringIO()
    call_command("demo_welcome", "--base-url", "http://127.0.0.1:8000", stdout=output)
    block = output.getvalue()
    assert "http://127.0.0.1:8000/admin/" in block and "http://127.0.0.1:8000/en/" in block
    from django.contrib.auth import get_user_model

    accounts = {
        line.split()[0]: line.split()[1] for line in block.splitlines() if line.startswith("    ") and " - " in line
    }
    assert set(accounts) == {"redacteur", "trainer", "medewerker"}
    for username, password in accounts.items():
        assert get_user_model().objects.get(username=username).check_password(password), username
    assert accounts["trainer"] == "trainer-password-from-env"
    assert oct((tmp_path / "demo-passwords.txt").stat().st_mode)[-3:] == "600"
    assert "see above" not in block


def test_generated_passwords_are_not_kept_outside_a_development_checkout(db, monkeypatch, tmp_path, settings):
    settings.DEBUG, settings.VAR_DIR = False, tmp_path
    monkeypatch.delenv("DEMO_EDITOR_PASSWORD", raising=False)
    call_command("load_demo_content", stdout=StringIO())
    assert not (tmp_path / "demo-passwords.txt").exists()
    output = StringIO()
    call_command("demo_welcome", stdout=output)
    assert "DEMO_EDITOR_PASSWORD=... make run" in output.getvalue()


def test_make_run_offers_the_pairing_link_only_until_the_editor_has_paired(db, monkeypatch, settings):
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.TWO_FACTOR_REQUIRED = True
    monkeypatch.setenv("DEMO_EDITOR_PASSWORD", "editor-password-from-env")
    call_command("load_demo_content", stdout=StringIO())
    before = StringIO()
    call_command("demo_welcome", "--base-url", "http://127.0.0.1:8123", stdout=before)
    assert "http://127.0.0.1:8123/admin/tweestapsverificatie/koppelen/" in before.getvalue()
    TOTPDevice.objects.create(user=get_user_model().objects.get(username="redacteur"), confirmed=True)
    after = StringIO()
    call_command("demo_welcome", "--base-url", "http://127.0.0.1:8123", stdout=after)
    assert "koppelen" not in after.getvalue() and "paired earlier" in after.getvalue()
