"""Search and suggestions have a rate limit per client address: past it, a clear 429, not a slower site."""

import pytest

pytestmark = pytest.mark.django_db


def test_searching_too_often_gets_a_clear_429(client, settings):
    settings.SEARCH_RATE_LIMIT = (3, 60)
    for _ in range(3):
        assert client.get("/zoeken/", {"q": "polarisatie"}).status_code == 200
    response = client.get("/zoeken/", {"q": "polarisatie"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Probeer het over 1 minuut opnieuw." in response.content.decode()
    # Another visitor is not affected.
    assert client.get("/zoeken/", {"q": "polarisatie"}, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_suggestions_past_the_limit_answer_429_in_json(client, settings):
    settings.SUGGEST_RATE_LIMIT = (2, 60)
    for _ in range(2):
        assert client.get("/zoeken/suggesties/", {"q": "pol"}).status_code == 200
    response = client.get("/zoeken/suggesties/", {"q": "pol"})
    assert response.status_code == 429
    assert response.json() == {"suggestions": [], "error": "too many requests"}


def test_search_answers_when_its_log_cannot_be_written(client, monkeypatch, curriculum, publish):
    # Under load SQLite may refuse a write ("database is locked"); the visitor's search must not fail for a count.
    from django.db import OperationalError
    from wagtail.contrib.search_promotions.models import Query

    from tests.factories import ModulePageFactory

    publish(ModulePageFactory(parent=curriculum, title="Polarisatie in de wijk"))

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Query, "get", locked)
    response = client.get("/zoeken/", {"q": "polarisatie"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 resultaat voor" in html and "Polarisatie</mark> in de wijk" in html  # the results, not an apology
    assert not Query.objects.exists()
