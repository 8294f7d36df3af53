"""The client address used for limits: forwarded headers count only from proxies the operator trusts."""

import pytest
from django.test import RequestFactory

from portal.client import client_address

# Independent of the database: CI runs it in the SQLite pass only.
pytestmark = pytest.mark.once


def request_from(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.fixture
def proxies(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1/32", "10.0.0.0/8"]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(request_from("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_a_header_from_an_untrusted_peer_is_ignored(proxies):
    assert client_address(request_from("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_the_trusted_proxy_names_the_client(proxies):
    assert client_address(request_from("127.0.0.1", "198.51.100.1")) == "198.51.100.1"


def test_what_the_client_wrote_itself_is_skipped(proxies):
    # The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it saw.
    assert client_address(request_from("127.0.0.1", "1.2.3.4, 198.51.100.1")) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(proxies):
    assert client_address(request_from("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.1.2.3")) == "198.51.100.1"


def test_garbage_in_the_header_falls_back_to_the_last_trusted_hop(proxies):
    assert client_address(request_from("127.0.0.1", "not-an-address")) == "127.0.0.1"


def test_ipv6_clients(proxies):
    assert client_address(request_from("127.0.0.1", "2001:db8::1")) == "2001:db8::1"


def test_a_bad_setting_stops_the_start(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from portal.settings.env import env_networks

    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/33")
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        env_networks("TRUSTED_PROXIES")


@pytest.mark.django_db
def test_search_limits_count_per_forwarded_client(client, settings, proxies):
    settings.SEARCH_RATE_LIMIT = (2, 60)
    flood = [
        client.get(
            "/zoeken/", {"q": "polarisatie"}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
        ).status_code
        for _ in range(3)
    ]
    assert flood == [200, 200, 429]
    # Another visitor behind the same proxy still gets answers.
    other = client.get("/zoeken/", {"q": "polarisatie"}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.status_code == 200
    # A client cannot escape its limit by writing its own header.
    spoofed = client.get(
        "/zoeken/", {"q": "polarisatie"}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.1"
    )
    assert spoofed.status_code == 429
