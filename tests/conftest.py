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
def curriculum(home_page):
    """An empty curriculum overview under the home page, for modules."""
    from tests.factories import CurriculumIndexPageFactory

    return CurriculumIndexPageFactory(parent=home_page)


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish like an editor does (a revision, then publish), running what waits for the commit."""

    def publish_page(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish_page


DEMO_PASSWORDS = {
    "DEMO_EDITOR_PASSWORD": "demo-editor-test-password",
    "DEMO_TRAINER_PASSWORD": "demo-trainer-test-password",
    "DEMO_STAFF_PASSWORD": "demo-staff-test-password",
}


def load_demo_content():
    """The demo site as `make run` loads it, indexed by the database engine (never a configured node)."""
    from django.test.utils import override_settings

    with pytest.MonkeyPatch.context() as patch, override_settings(ELASTICSEARCH_URL=None):
        for name, value in DEMO_PASSWORDS.items():
            patch.setenv(name, value)
        call_command("load_demo_content", stdout=open("/dev/null", "w"))
        call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(scope="module")
def demo_content_of_the_module(django_db_setup, django_db_blocker):
    """The demo content, loaded once for a test module inside a transaction that is rolled back after the
    module's last test. Each test runs in a savepoint within it (what Django's TestCase.setUpTestData does),
    so what one test changes never reaches the next, and loading it (seconds) is paid once per module."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            restore_migration_data()  # a transactional test before this module may have emptied the database
            load_demo_content()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo_content(demo_content_of_the_module, db, monkeypatch):
    for name, value in DEMO_PASSWORDS.items():
        monkeypatch.setenv(name, value)
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def committed_demo_content(transactional_db):
    """The demo content for a transactional test (a live server, another process reads it)."""
    return load_demo_content()


@pytest.fixture(autouse=True)
def dutch_unless_asked():
    """Every test starts in Dutch: a request to /en/ leaves English active in the thread (LocaleMiddleware
    activates it and nothing switches back), which would otherwise leak into the next test on the worker."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def data_of_the_migrations(request):
    """The site, home page, themes, locales and synonyms that the data migrations create, for every database
    test. A transactional test (backup, HTML validity) flushes the database when it ends, and with
    `--dist=loadfile` a worker may be sent more files after one: those would find an empty site. Restored from
    the copy Django serialised when it created the test database, inside this test's transaction."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(marker and marker.kwargs.get("transaction"))
    if "db" not in request.fixturenames or transactional:
        return
    request.getfixturevalue("db")
    restore_migration_data()


def restore_migration_data():
    from django.db import connection

    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized and not Site.objects.exists():
        connection.creation.deserialize_db_from_string(serialized)


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


@pytest.fixture
def client_factory():
    """Test clients that each connect from their own address (REMOTE_ADDR), as separate visitors do."""
    from django.test import Client

    return lambda address: Client(REMOTE_ADDR=address)


# The longest test modules first (measured with --durations): with --dist=loadfile each worker takes whole
# modules in collection order, and one of these started last would leave the other worker idle at the end.
LONGEST_FIRST = [
    "tests/test_bad_input.py",
    "tests/browser/test_accessibility.py",
    "tests/test_production_stack.py",
    "tests/test_ci_scripts.py",
    "tests/browser/test_needs_survey.py",
    "tests/test_html_validity.py",
]


def pytest_collection_modifyitems(config, items):
    rank = {path: position for position, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))
