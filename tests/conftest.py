import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site

# The search-engine fixtures (engine, elasticsearch_engine) for every test module.
pytest_plugins = ["tests.search_engines"]


@pytest.fixture
def home_page(db):
    """The portal's home page, created by the portal's data migration."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def demo_content(db, monkeypatch):
    monkeypatch.setenv("DEMO_EDITOR_PASSWORD", "demo-editor-test-password")
    monkeypatch.setenv("DEMO_TRAINER_PASSWORD", "demo-trainer-test-password")
    monkeypatch.setenv("DEMO_STAFF_PASSWORD", "demo-staff-test-password")
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate limits live in the cache; every test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def database_search_by_default(settings):
    """Tests search with the database engine unless they ask for Elasticsearch (see tests/search_engines.py)."""
    settings.ELASTICSEARCH_URL = None
