"""Editors choose a municipality in the admin by typing part of its name or its CBS code."""

import re

import pytest
from django.urls import reverse

from knowledge.models import Municipality

pytestmark = pytest.mark.django_db


def choices(html):
    return re.findall(r"data-chooser-modal-choice[^>]*>\s*([^<]+?)\s*<", html)


def test_the_municipality_chooser_searches_by_name_and_code(client, django_user_model, settings):
    settings.TWO_FACTOR_REQUIRED = False
    Municipality.objects.create(cbs_code="GM0307", name="Amersfoort", province="Utrecht")
    Municipality.objects.create(cbs_code="GM0193", name="Zwolle", province="Overijssel")
    for number in range(40):  # more than one page of the chooser
        Municipality.objects.create(cbs_code=f"GM9{number:03d}", name=f"Aadorp {number}", province="Drenthe")
    client.force_login(django_user_model.objects.create_superuser("chooser", "c@example.org", "x"))
    chooser = Municipality.snippet_viewset.chooser_viewset

    modal = client.get(reverse(chooser.get_url_name("choose"))).json()["html"]
    assert 'name="q"' in modal and "Amersfoort" not in choices(modal)  # page 1 of 5: not there without typing
    typed = client.get(reverse(chooser.get_url_name("choose_results")), {"q": "amers"}).content.decode()
    assert choices(typed) == ["Amersfoort"]
    by_code = client.get(reverse(chooser.get_url_name("choose_results")), {"q": "GM0193"}).content.decode()
    assert choices(by_code) == ["Zwolle"]
