"""Security headers that every visitor's browser gets."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_forbid_inline_scripts(home_page, client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src"))
    assert script_src == "script-src 'self'"
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_templates_contain_no_inline_script(home_page, client):
    html = client.get("/").content.decode()
    # Every <script> has a src: an inline one would be blocked by the policy above.
    assert html.count("<script") == html.count("<script src=")


def test_admin_gets_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "script-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]
