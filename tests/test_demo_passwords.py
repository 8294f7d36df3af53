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
