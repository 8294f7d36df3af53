"""A content type added the way a content app adds one (a page model and its listing, nothing in search/) is
found on the search page with its kind and its own facet, on both engines."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.http import QueryDict
from django.utils.html import strip_tags
from wagtail.models import PAGE_MODEL_CLASSES, Page
from wagtail.search import index

from portal import listings
from portal.listings import PAGE_FIELDS, ChoiceFacet, InSearch, Listing, attribute
from search import service
from search.documents import page_to_document

COLOURS = (("rood", "Rood"), ("blauw", "Blauw"))
COLOUR = ChoiceFacet("kleur", "Kleur", "colour", "Colour", choices=COLOURS)


@pytest.fixture
def sample_page_type(engine):
    """A throw-away page type with a listing that says how search knows it: declared here, as its app would.

    Its table lives in the test's transaction; the model and listing are taken back afterwards."""

    class SamplePage(Page):
        colour = models.CharField(max_length=10, choices=COLOURS)
        body = models.TextField(blank=True)
        search_fields = [*Page.search_fields, index.SearchField("body")]

        class Meta:
            app_label = "portal"

    # Django's cache of content types outlives the test's transaction: it gets back what it held before.
    content_types = {alias: dict(cached) for alias, cached in ContentType.objects._cache.items()}
    # The schema editor's context refuses SQLite inside a transaction; creating one table does not need it.
    editor = connection.schema_editor()
    editor.deferred_sql = []
    editor.create_model(SamplePage)
    for statement in editor.deferred_sql:
        editor.execute(statement)
    listings.register(
        Listing(
            name="samples",
            schema_name="Sample",
            model=SamplePage,
            facets=(COLOUR,),
            order=("title",),
            fields=(*PAGE_FIELDS, attribute("colour", {"type": "string"})),
            in_api=False,
            in_search=InSearch("sample", "Proefstuk", words="proefstuk specimen", facets=(COLOUR,)),
        )
    )
    yield SamplePage
    listings._REGISTRY.pop("samples")
    PAGE_MODEL_CLASSES.remove(SamplePage)
    del apps.all_models["portal"]["samplepage"]
    apps.clear_cache()
    ContentType.objects._cache.clear()
    ContentType.objects._cache.update(content_types)


def search(**params):
    query_dict = QueryDict(mutable=True)
    for key, value in params.items():
        query_dict.setlist(key, value if isinstance(value, list) else [value])
    return service.run_search(service.parse_parameters(query_dict), record=False)


def test_a_new_content_type_is_searchable_with_its_own_facet(sample_page_type, home_page, publish):
    for title, colour in (("Proefstuk wijkaanpak noord", "rood"), ("Proefstuk wijkaanpak zuid", "blauw")):
        page = home_page.add_child(instance=sample_page_type(title=title, colour=colour, body="Buurtgesprekken."))
        publish(page)

    found = search(q="buurtgesprekken")
    assert sorted(strip_tags(item.title_html) for item in found.items) == [
        "Proefstuk wijkaanpak noord",
        "Proefstuk wijkaanpak zuid",
    ]
    assert {item.type_label for item in found.items} == {"Proefstuk"}
    facets = {
        facet.param: {option.value: (option.label, option.count) for option in facet.options} for facet in found.facets
    }
    assert facets["soort"] == {"sample": ("Proefstuk", 2)}
    assert facets["kleur"] == {"blauw": ("Blauw", 1), "rood": ("Rood", 1)}

    narrowed = search(q="buurtgesprekken", kleur="rood")
    assert [strip_tags(item.title_html) for item in narrowed.items] == ["Proefstuk wijkaanpak noord"]
    # The words its kind declares find it too: a question naming the kind of page.
    assert search(q="specimen").total == 2


def test_a_page_of_another_kind_has_none_of_its_facet(sample_page_type, curriculum, publish):
    from tests.factories import ModulePageFactory

    module = publish(ModulePageFactory(parent=curriculum, title="Module zonder kleur"))
    document = page_to_document(module.specific)
    assert document["type"] == "module" and document["colour"] == []
