"""Security headers that every visitor's browser gets, on every public page type in both languages, and
no markup on those pages that the policy would block (inline scripts, event-handler attributes)."""

import re

import pytest

from tests.browser.site_pages import public_page_urls

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def assert_public_policy(response, path):
    policy = response["Content-Security-Policy"]
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == "'self'", path
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
    assert directives["frame-ancestors"] == "'none'", path
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", path
    assert response["X-Frame-Options"] == "DENY", path
    assert "camera=()" in response["Permissions-Policy"], path


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_public_page_type_has_the_policy_and_nothing_it_would_block(demo_content, client, language):
    urls = public_page_urls(language)
    assert len(urls) >= 20
    for _name, path in urls:
        response = client.get(path)
        assert_public_policy(response, path)
        html = response.content.decode()
        assert not INLINE_SCRIPT.findall(html), path
        assert not EVENT_HANDLER.findall(html), path
        assert not JAVASCRIPT_URL.findall(html), path


def test_the_checks_recognise_what_the_policy_blocks():
    assert INLINE_SCRIPT.findall("<script>alert(1)</script><script src='/static/a.js'></script>") == ["<script>"]
    assert EVENT_HANDLER.findall('<button type="button" onclick="go()">')
    assert not EVENT_HANDLER.findall('<a href="/" data-on="x" class="once">')
    assert JAVASCRIPT_URL.findall('<a href="javascript:void(0)">')


def test_admin_gets_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "script-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]
