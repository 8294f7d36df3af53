"""Every public page type in Dutch and in English, at 1280 and 375 px: no WCAG 2.1 A/AA violations (axe-core),
the right <html lang>, no sideways scrolling down to 320 px (400% zoom), a screenshot of each under
test-output/screenshots/."""

import pytest

from .accessibility import check_every_page_type, load_demo_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_type_is_accessible(language, browser, live_server, screenshot, monkeypatch):
    load_demo_site(monkeypatch)
    urls, problems = check_every_page_type(browser, live_server, screenshot, language)
    assert len(urls) >= 20
    assert not problems, "\n".join(problems)
