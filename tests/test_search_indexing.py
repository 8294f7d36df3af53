"""Indexing follows publishing, rebuilds swap the alias while searches go on, outages fall back, bad input is no 500."""

import io
import threading

import pytest
from django.core.management import call_command
from django.http import QueryDict
from django.test import override_settings
from wagtail.models import Page

from search import documents, engines, service
from search.engines.database import edit_distance
from search.engines.elasticsearch import ElasticsearchEngine, index_body
from search.models import PendingIndexUpdate, SearchDocument, UnansweredQuery
from search.query import parse_query
from tests.factories import ModulePageFactory
from tests.search_engines import elasticsearch_url
from tests.test_search_contract import search, titles

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: connection refused at once


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# Plain functions, no engine


def test_page_to_document_holds_text_facets_and_stems(curriculum):
    page = ModulePageFactory(parent=curriculum, title="Radicalisering herkennen", intro="Voor jongerenwerkers.")
    page.tags.add("Online")
    page.save()
    document = documents.page_to_document(page.specific)
    assert document["type"] == "module"
    assert document["url"] == f"/curriculum/{page.slug}/"
    assert "radicaliseren" in document["stems"].split()
    # A compound's parts are terms too: 'jongerenwerkers' is found by 'werker'.
    assert {"jongerenwerker", "werker"} <= set(document["stems"].split())
    # What the page is filed under is searchable, in its own field too.
    assert "online" in document["filed_stems"].split() and "online" in document["stems"].split()
    assert document["themes"] and document["audiences"]
    assert document["tags"] == ["online"]
    assert "Voor jongerenwerkers." in document["body"]


def test_drafts_are_not_searchable(curriculum):
    page = ModulePageFactory(parent=curriculum, live=False)
    assert not documents.is_searchable(page)


def test_query_parsing_drops_stop_words_and_expands_synonyms():
    parsed = parse_query("Ondermijning op scholen", [["ondermijning", "georganiseerde criminaliteit"]])
    assert parsed.clauses[0][:2] == (("ondermijnen",), ("organiseren", "criminaliteit"))
    assert parsed.clauses[1] == (("school",),)
    assert parsed.minimum == 2
    assert parse_query("de het een").is_empty
    # Anything that is not our syntax is just words: nothing reaches an engine's parser.
    assert parse_query("title:(a OR").clauses == ((("title",),), (("a",),))


def test_query_questions_keep_their_subject_and_need_most_words():
    parsed = parse_query("hoe ga ik om met spanningen in de wijk")
    assert parsed.clauses == ((("spannen",),), (("wijk",),))
    assert parsed.minimum == 2
    long = parse_query("training signalen radicalisering jongeren school")
    assert len(long.clauses) == 5 and long.minimum == 3
    assert long.relaxed().minimum == 1
    # Filler alone is still a query.
    assert parse_query("tips").clauses == ((("tip",),),)


def test_query_syntax_phrases_exclusions_and_or():
    parsed = parse_query('"sociale stabiliteit" polarisatie -jongeren -"online radicalisering" wijk OR buurt')
    assert parsed.phrases == (("sociaal", "stabiliteit"),)
    assert parsed.excluded == (("jong",), ("online", "radicaliseren"))
    assert parsed.clauses == ((("polariseren",),), (("wijk",), ("buurt",)))
    # A lone minus or an unclosed quote is text, never an error.
    assert parse_query('- "polarisatie').phrases == (("polariseren",),)


def test_query_compounds_match_as_a_whole_or_by_their_parts():
    assert parse_query("jeugdcriminaliteit").clauses == ((("jeugdcriminaliteit",), ("jeugd", "criminaliteit")),)


def test_synonyms_span_the_two_languages():
    groups = [["radicalisation", "radicalisering"]]
    english = parse_query("radicalisation", groups, language="en")
    assert ("radicaliseren",) in english.clauses[0]  # the Dutch term, for Dutch pages
    assert ("radicalis",) in english.clauses[0]  # the English stem


def test_edit_distance_counts_a_swap_once():
    assert edit_distance("polarisatei", "polarisatie") == 1
    assert edit_distance("school", "schol") == 1
    assert edit_distance("abc", "xyz") == 3


def test_analysis_is_built_when_the_index_is_built():
    body = index_body("nl_NL")
    assert body["settings"]["analysis"]["filter"]["dutch_dictionary"]["locale"] == "nl_NL"
    assert "dutch_dictionary" not in index_body("")["settings"]["analysis"]["filter"]


# Publishing and the Elasticsearch transaction rule


def test_database_index_follows_publish_and_unpublish(curriculum):
    page = publish(ModulePageFactory(parent=curriculum, title="Wijkaanpak", live=False))
    assert SearchDocument.objects.filter(pk=page.pk).exists()
    page.unpublish()
    assert not SearchDocument.objects.filter(pk=page.pk).exists()


@pytest.mark.skipif(not elasticsearch_url(), reason="ELASTICSEARCH_URL is not set; .ci/run sets it")
def test_elasticsearch_is_written_only_after_the_commit(curriculum, settings, django_capture_on_commit_callbacks):
    settings.ELASTICSEARCH_URL = elasticsearch_url()
    settings.SEARCH_INDEX_PREFIX = "test_commit_rule"
    elasticsearch = ElasticsearchEngine(settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_PREFIX)
    elasticsearch.delete_all()
    elasticsearch.ensure_index()
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            publish(ModulePageFactory(parent=curriculum, title="Wijkaanpak", live=False))
        assert elasticsearch.document_count() == 0  # not committed (rolled back, in a test)
        for callback in callbacks:
            callback()
        assert elasticsearch.document_count() == 1
    finally:
        elasticsearch.delete_all()


@pytest.mark.skipif(not elasticsearch_url(), reason="ELASTICSEARCH_URL is not set; .ci/run sets it")
def test_a_search_between_the_commit_and_the_index_write_is_not_kept(
    curriculum, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = elasticsearch_url()
    settings.SEARCH_INDEX_PREFIX = "test_stale_window"
    elasticsearch = ElasticsearchEngine(settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_PREFIX)
    elasticsearch.delete_all()
    elasticsearch.ensure_index()

    def visitor_finds():
        return service.search_for_visitor(service.parse_parameters(QueryDict("q=wijkaanpak"))).total

    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            publish(ModulePageFactory(parent=curriculum, title="Wijkaanpak", live=False))
        index_writes = [callback for callback in callbacks if callback.__module__ == "search.indexing"]
        assert index_writes
        for callback in callbacks:
            if callback not in index_writes:
                callback()  # committed: the caches renewed, Elasticsearch not written yet
        assert visitor_finds() == 0  # answered from the index as it was, and stored
        for callback in index_writes:
            callback()
        assert visitor_finds() == 1
    finally:
        elasticsearch.delete_all()


def test_an_unreachable_engine_queues_pages_and_editors_can_still_publish(curriculum, settings, monkeypatch):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    monkeypatch.setattr("search.indexing.after_commit", lambda callback: callback())
    page = publish(ModulePageFactory(parent=curriculum, title="Wijkaanpak", live=False))
    assert page.live
    assert PendingIndexUpdate.objects.filter(page_id=page.pk).exists()
    # The database engine (the fallback) has it already.
    assert SearchDocument.objects.filter(pk=page.pk).exists()


# Rebuild and alias swap


def test_rebuild_command_indexes_live_public_pages_only(curriculum):
    live = ModulePageFactory(parent=curriculum, title="Live module")
    ModulePageFactory(parent=curriculum, title="Concept module", live=False)
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    assert set(SearchDocument.objects.values_list("title", flat=True)) == {"Curriculum", live.title}


def test_rebuild_swaps_the_alias_while_searches_keep_answering(engine, curriculum):
    publish(ModulePageFactory(parent=curriculum, title="Wijkaanpak oud", live=False))
    if isinstance(engine, ElasticsearchEngine):
        engine.refresh_index()
    assert titles(search("wijkaanpak")) == ["Wijkaanpak oud"]
    seen_during_rebuild = []

    def while_new_index_is_filled():
        # The new index is complete but not yet behind the alias: searches still get the old answers.
        seen_during_rebuild.append(titles(search("wijkaanpak")))

    new_document = documents.page_to_document(ModulePageFactory(parent=curriculum, title="Wijkaanpak nieuw").specific)
    engine.rebuild(iter([new_document]), before_switch=while_new_index_is_filled)
    if isinstance(engine, ElasticsearchEngine):
        assert seen_during_rebuild == [["Wijkaanpak oud"]]
    # The database engine rebuilds in one transaction: other connections see the old rows until it commits,
    # which this test's own connection cannot observe.
    assert titles(search("wijkaanpak")) == ["Wijkaanpak nieuw"]
    if isinstance(engine, ElasticsearchEngine):
        assert len(engine.indexes_behind_alias()) == 1


def test_a_failed_rebuild_leaves_the_old_index_serving_and_no_orphan(elasticsearch_engine, curriculum):
    publish(ModulePageFactory(parent=curriculum, title="Wijkaanpak oud", live=False))
    elasticsearch_engine.refresh_index()
    before = elasticsearch_engine.indexes_behind_alias()

    def documents_then_a_failure():
        yield documents.page_to_document(ModulePageFactory(parent=curriculum, title="Wijkaanpak nieuw").specific)
        raise RuntimeError("the database went away halfway")

    with pytest.raises(RuntimeError):
        elasticsearch_engine.rebuild(documents_then_a_failure())
    assert elasticsearch_engine.indexes_behind_alias() == before
    all_indexes = elasticsearch_engine.client.indices.get(index=f"{elasticsearch_engine.alias}_*")
    assert sorted(all_indexes) == before
    assert titles(search("wijkaanpak")) == ["Wijkaanpak oud"]


def test_the_rebuild_builds_each_document_once_for_both_engines(elasticsearch_engine, curriculum, monkeypatch):
    from search import indexing

    for number in range(3):
        ModulePageFactory(parent=curriculum, title=f"Wijkaanpak {number}")
    built = []
    original = indexing.page_to_document
    monkeypatch.setattr(
        indexing, "page_to_document", lambda page, **kwargs: built.append(page.pk) or original(page, **kwargs)
    )
    output = io.StringIO()
    call_command("rebuild_search_index", stdout=output)
    searchable = set(Page.objects.live().public().filter(depth__gt=2).values_list("pk", flat=True))
    assert sorted(built) == sorted(searchable)  # once each, not once per engine
    assert SearchDocument.objects.count() == elasticsearch_engine.document_count() == len(searchable)
    assert (
        "database, elasticsearch: 4 documents indexed" in output.getvalue() and "queries per page" in output.getvalue()
    )


def test_a_rebuild_failing_in_the_database_leaves_elasticsearch_on_its_old_index(
    elasticsearch_engine, curriculum, monkeypatch
):
    from search.engines.database import DatabaseEngine

    publish(ModulePageFactory(parent=curriculum, title="Wijkaanpak oud", live=False))
    elasticsearch_engine.refresh_index()
    before = elasticsearch_engine.indexes_behind_alias()
    ModulePageFactory(parent=curriculum, title="Wijkaanpak nieuw")

    def fails_halfway(self, documents, before_switch=None):
        next(iter(documents))
        raise RuntimeError("the database went away halfway")

    monkeypatch.setattr(DatabaseEngine, "rebuild", fails_halfway)
    with pytest.raises(RuntimeError):
        call_command("rebuild_search_index", stdout=io.StringIO())
    assert elasticsearch_engine.indexes_behind_alias() == before
    assert sorted(elasticsearch_engine.client.indices.get(index=f"{elasticsearch_engine.alias}_*")) == before
    assert titles(search("wijkaanpak")) == ["Wijkaanpak oud"]


def test_searches_running_during_a_rebuild_never_fail(elasticsearch_engine, curriculum):
    engine = elasticsearch_engine
    docs = [
        documents.page_to_document(ModulePageFactory(parent=curriculum, title=f"Wijkaanpak {n}").specific)
        for n in range(30)
    ]
    engine.index(docs)
    stop, failures, answers = threading.Event(), [], []

    def keep_searching():
        query = parse_query("wijkaanpak")
        while not stop.is_set():
            try:
                answers.append(engine.search(engines.SearchRequest(query=query)).total)
            except Exception as error:  # noqa: BLE001 (any failure is what this test looks for)
                failures.append(error)

    thread = threading.Thread(target=keep_searching)
    thread.start()
    try:
        for _ in range(3):
            engine.rebuild(iter(docs))
    finally:
        stop.set()
        thread.join()
    assert not failures
    assert answers and set(answers) == {30}


# Outage fallback


def test_search_page_answers_from_the_database_when_elasticsearch_is_down(curriculum, client, settings):
    publish(ModulePageFactory(parent=curriculum, title="Wijkaanpak", live=False))
    settings.ELASTICSEARCH_URL = UNREACHABLE
    response = client.get("/zoeken/", {"q": "wijkaanpak"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "tijdelijk niet bereikbaar" in html
    assert "Wijkaanpak" in html
    suggestions = client.get("/zoeken/suggesties/", {"q": "wijk"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Wijkaanpak"]


@override_settings(ELASTICSEARCH_URL=UNREACHABLE)
def test_rebuild_command_reports_an_unreachable_engine_clearly(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not reachable"):
        call_command("rebuild_search_index", stdout=open("/dev/null", "w"))


# Bad input


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "a" * 10_000},
        {"q": "\x01\x02\x1f polarisatie \u200b"},
        {"q": "title:(a OR"},
        {"q": "*"},
        {"q": '"unbalanced'},
        {"q": "a AND OR NOT ( ) [ ] { } ~ ^ : \\ /"},
        {"q": "polarisatie", "pagina": "0"},
        {"q": "polarisatie", "pagina": str(10**9)},
        {"q": "polarisatie", "pagina": "-5"},
        {"q": "polarisatie", "pagina": "x" * 5000},
        {"q": "polarisatie", "thema": "bestaat-niet"},
        {"q": "polarisatie", "jaar": "99999999999999999999"},
        {"q": "polarisatie", "sorteer": "'; DROP TABLE"},
        {"q": ["een", "twee"]},
        {"onbekend": "x"},
        {"q": "polarisatie", "soort": ["x"] * 500},
    ],
)
def test_bad_search_input_never_gives_a_server_error(engine, curriculum, client, params):
    publish(ModulePageFactory(parent=curriculum, title="Polarisatie", live=False))
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    assert client.get("/zoeken/suggesties/", {"q": params.get("q", "")}).status_code == 200


def test_search_page_shows_results_facets_and_highlights(curriculum, client):
    publish(ModulePageFactory(parent=curriculum, title="Radicalisering herkennen", live=False))
    html = client.get("/zoeken/", {"q": "radicaliseren"}).content.decode()
    assert "<mark>Radicalisering</mark> herkennen" in html
    assert 'name="soort" value="module"' in html
    assert "1 resultaat voor" in html


def test_queries_are_counted_for_editors(curriculum, client):
    publish(ModulePageFactory(parent=curriculum, title="Polarisatie", live=False))
    client.get("/zoeken/", {"q": "Polarisatie"})
    client.get("/zoeken/", {"q": "iets dat niet bestaat"})
    from wagtail.contrib.search_promotions.models import Query

    assert Query.get("polarisatie").hits == 1
    assert list(UnansweredQuery.objects.values_list("query", "count")) == [("iets dat niet bestaat", 1)]


def test_promoted_pages_show_only_when_visible(curriculum, client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    shown = publish(ModulePageFactory(parent=curriculum, title="Basismodule", live=False))
    hidden = ModulePageFactory(parent=curriculum, title="Concept", live=False)
    query = Query.get("beginnen")
    SearchPromotion.objects.create(query=query, page=shown, sort_order=0, description="Start hier.")
    SearchPromotion.objects.create(query=query, page=hidden, sort_order=1)
    results = service.run_search(service.SearchParameters(text="beginnen"), record=False)
    assert [promotion["title"] for promotion in results.promotions] == ["Basismodule"]


@pytest.mark.parametrize("count", [3, 40])
def test_search_page_queries_stay_constant_as_content_grows(curriculum, client, django_assert_max_num_queries, count):
    from search.documents import page_to_document

    engines.database_engine().index(
        page_to_document(ModulePageFactory(parent=curriculum, title=f"Wijkaanpak {n}").specific) for n in range(count)
    )
    with django_assert_max_num_queries(36):  # 35 at 3 and at 40 matches; the page chrome takes a dozen
        response = client.get("/zoeken/", {"q": "wijkaanpak", "thema": "inclusie", "sorteer": "datum"})
    assert response.status_code == 200


def test_final_editors_see_the_search_report_and_manage_synonyms(django_user_model, client):
    from django.contrib.auth.models import Group

    from search.service import record_query

    record_query("polarisatie", found=True)
    record_query("wijkboa", found=False)
    final_editor = django_user_model.objects.create_user("eind", password="x")
    final_editor.groups.add(Group.objects.get(name="Eindredacteur"))
    editor = django_user_model.objects.create_user("redacteur-x", password="x")
    editor.groups.add(Group.objects.get(name="Redacteur"))

    client.force_login(final_editor)
    html = client.get("/admin/reports/zoekopdrachten/").content.decode()
    assert "polarisatie" in html and "wijkboa" in html
    assert client.get("/admin/snippets/search/synonym/").status_code == 200
    response = client.post("/admin/snippets/search/synonym/add/", {"terms": "buurt, wijk"})
    assert response.status_code == 302
    from search.models import Synonym

    assert Synonym.objects.filter(terms="buurt, wijk").exists()

    client.force_login(editor)
    # Wagtail's admin answers a missing permission with a redirect to the dashboard and a message.
    response = client.get("/admin/reports/zoekopdrachten/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.django_db
def test_elasticsearch_tests_fail_not_skip_when_the_configured_node_is_unreachable(settings, monkeypatch):
    # What every Elasticsearch test's fixture does first: configured but unreachable is an error (pytest
    # reports the test as failed), never pytest.skip.
    from search.engines import EngineUnavailable
    from tests.search_engines import _elasticsearch

    monkeypatch.setenv("ELASTICSEARCH_URL", UNREACHABLE)
    try:
        _elasticsearch(settings, monkeypatch)
    except EngineUnavailable:
        pass
    except pytest.skip.Exception:
        pytest.fail("a configured but unreachable node made the test skip")
    else:
        pytest.fail("a configured but unreachable node went unnoticed")
    monkeypatch.setenv("ELASTICSEARCH_URL", "")
    with pytest.raises(pytest.skip.Exception):  # not configured at all: that one skips
        _elasticsearch(settings, monkeypatch)
