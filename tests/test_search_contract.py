"""One contract for every search engine: what a visitor of /zoeken/ notices, on the database engine and on
Elasticsearch alike (the Elasticsearch half runs when ELASTICSEARCH_URL is set, as in CI)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.utils.translation import override as translation_override
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from portal.access import restrict_to_municipal_staff
from search import engines, service
from search.engines.database import DatabaseEngine
from search.health import check_search_engine
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    CurriculumIndexPageFactory,
    ModulePageFactory,
    StandardPageFactory,
    ThemeFactory,
)


@pytest.fixture
def case_studies(home_page):
    return CaseStudyIndexPageFactory(parent=home_page)


def search(text, **params):
    query = {"q": text, **params}
    from django.http import QueryDict

    query_dict = QueryDict(mutable=True)
    for key, value in query.items():
        query_dict.setlist(key, value if isinstance(value, list) else [value])
    return service.run_search(service.parse_parameters(query_dict), record=False)


def titles(results):
    from django.utils.html import strip_tags

    return [strip_tags(item.title_html) for item in results.items]


def module(curriculum, publish, title, intro="", live=False, **kwargs):
    page = ModulePageFactory(parent=curriculum, title=title, intro=intro, live=live, **kwargs)
    return publish(page)


# Dutch matching


@pytest.mark.parametrize(
    "query, text, marked",
    [
        ("radicaliseren", "Signalen van radicalisering herkennen", "radicalisering"),
        ("scholen", "Spanningen op school bespreken", "school"),
        ("gemeenten", "Wat elke gemeente kan doen", "gemeente"),
        ("coordinatie", "Coördinatie tussen wijkteam en politie", "Coördinatie"),
        ("Coördinatie", "Betere coordinatie in de wijk", "coordinatie"),
    ],
)
def test_dutch_word_forms_and_accents_match(engine, curriculum, publish, query, text, marked):
    module(curriculum, publish, "Een module", intro=text)
    module(curriculum, publish, "Iets anders", intro="Over begrotingen en subsidies.")
    results = search(query)
    assert titles(results) == ["Een module"]
    # The snippet marks the word as it is written, not its stem.
    assert f"<mark>{marked}</mark>" in results.items[0].snippet_html


def test_a_single_typo_still_finds_the_word(engine, curriculum, publish):
    module(curriculum, publish, "Polarisatie herkennen", intro="Polarisatie in de wijk.")
    results = search("polarisatei")
    assert titles(results) == ["Polarisatie herkennen"]
    assert results.corrected_text == "polarisatie"


def test_nothing_found_offers_bedoelde_u(engine, curriculum, publish):
    theme = ThemeFactory(name="Ander thema", slug="ander-thema")
    own_theme = ThemeFactory(name="Eigen thema", slug="eigen-thema")
    module(curriculum, publish, "Polarisatie herkennen", intro="Polarisatie in de wijk.", themes=[own_theme])
    # With a filter that excludes the only match, the corrected query finds nothing either: suggest it.
    results = search("polarisatei", thema=theme.slug)
    assert results.total == 0
    assert results.did_you_mean == "polarisatie"


def test_editor_synonyms_apply_without_reindexing(engine, curriculum, publish):
    module(curriculum, publish, "Aanpak van georganiseerde criminaliteit", intro="Samen met politie en RIEC.")
    assert titles(search("ondermijning")) == ["Aanpak van georganiseerde criminaliteit"]  # from the initial synonyms
    from search.models import Synonym

    assert search("drugsafval").total == 0
    Synonym.objects.create(terms="drugsafval, georganiseerde criminaliteit")
    assert titles(search("drugsafval")) == ["Aanpak van georganiseerde criminaliteit"]


def test_every_word_must_match(engine, curriculum, publish):
    module(curriculum, publish, "Polarisatie op school", intro="Gesprekken in de klas.")
    module(curriculum, publish, "Polarisatie in de wijk", intro="Buurtbewoners.")
    assert titles(search("polarisatie op school")) == ["Polarisatie op school"]
    assert sorted(titles(search("polarisatie"))) == ["Polarisatie in de wijk", "Polarisatie op school"]


def test_title_matches_rank_first(engine, curriculum, publish):
    module(curriculum, publish, "Iets over gesprekken", intro="Ook over radicalisering.")
    module(curriculum, publish, "Radicalisering bespreken", intro="Gesprekken voeren.")
    assert titles(search("radicalisering"))[0] == "Radicalisering bespreken"


# Facets


def test_facet_counts_or_within_and_across(engine, curriculum, case_studies, publish):
    inclusion = ThemeFactory(name="Inclusie test", slug="inclusie-test")
    polarisation = ThemeFactory(name="Polarisatie test", slug="polarisatie-test")
    module(curriculum, publish, "Wijkaanpak één", themes=[inclusion])
    module(curriculum, publish, "Wijkaanpak twee", themes=[polarisation])
    publish(CaseStudyPageFactory(parent=case_studies, title="Wijkaanpak drie", live=False, themes=[polarisation]))

    results = search("wijkaanpak")
    facets = {facet.param: {option.value: option.count for option in facet.options} for facet in results.facets}
    assert facets["soort"] == {"module": 2, "case_study": 1}
    assert facets["thema"]["inclusie-test"] == 1 and facets["thema"]["polarisatie-test"] == 2
    assert facets["provincie"] == {"Utrecht": 1}

    both = search("wijkaanpak", thema=["inclusie-test", "polarisatie-test"])
    assert both.total == 3  # OR within a facet
    narrowed = search("wijkaanpak", thema=["polarisatie-test"], soort=["module"])
    assert titles(narrowed) == ["Wijkaanpak twee"]  # AND across facets
    facets = {facet.param: {option.value: option.count for option in facet.options} for facet in narrowed.facets}
    # A facet counts without its own selection: choosing 'inclusie' as well would add one module.
    assert facets["thema"] == {"inclusie-test": 1, "polarisatie-test": 1}
    assert facets["soort"] == {"module": 1, "case_study": 1}


def test_unknown_facet_values_are_reported_not_applied(engine, curriculum, publish):
    module(curriculum, publish, "Wijkaanpak")
    results = search("wijkaanpak", thema=["bestaat-niet"], jaar=["abc"], soort=["<script>"])
    assert titles(results) == ["Wijkaanpak"]
    assert ("Thema", "bestaat-niet") in [(str(label), value) for label, value in results.parameters.ignored]
    assert len(results.parameters.ignored) == 3


def test_sort_by_date_and_pages(engine, case_studies, publish):
    for number in range(12):
        publish(
            CaseStudyPageFactory(
                parent=case_studies, title=f"Wijkaanpak {number:02d}", start_year=2010 + number, live=False
            )
        )
    first = search("wijkaanpak")
    assert first.total == 12 and len(first.items) == 10 and first.num_pages == 2
    second = search("wijkaanpak", pagina="2")
    assert len(second.items) == 2
    beyond = search("wijkaanpak", pagina=str(10**9))
    assert beyond.page == 2 and len(beyond.items) == 2
    newest = search("wijkaanpak", sorteer="datum")
    assert titles(newest)[0] == "Wijkaanpak 11"


def test_suggestions_complete_titles(engine, curriculum, publish):
    module(curriculum, publish, "Polarisatie op school")
    module(curriculum, publish, "Begroting")
    assert [s["title"] for s in service.suggestions("pola")] == ["Polarisatie op school"]
    assert [s["title"] for s in service.suggestions("scho")] == ["Polarisatie op school"]
    assert service.suggestions("p") == []


def test_suggestions_keep_to_the_visitors_language_and_keep_titles_with_the_same_ending(engine, curriculum, publish):
    from tests.factories import translate

    dutch = module(curriculum, publish, "Polarisatie in de wijk")
    module(curriculum, publish, "Samenwerken in de wijk")
    translate(dutch, "en", title="Polarisation in the neighbourhood")
    if hasattr(engine, "refresh_index"):
        engine.refresh_index()
    # Both titles end in "in de wijk": the node must not merge them as one suggestion.
    assert sorted(s["title"] for s in service.suggestions("wijk", language="nl")) == [
        "Polarisatie in de wijk",
        "Samenwerken in de wijk",
    ]
    assert [s["title"] for s in service.suggestions("pola", language="nl")] == ["Polarisatie in de wijk"]
    assert [s["title"] for s in service.suggestions("pola", language="en")] == ["Polarisation in the neighbourhood"]


# Leaks


def test_drafts_private_unpublished_and_deleted_pages_never_show(engine, home_page, curriculum, publish, client):
    ModulePageFactory(parent=curriculum, title="Geheim concept", intro="Wijkaanpak", live=False)
    private = module(curriculum, publish, "Geheim besloten", intro="Wijkaanpak")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    restrict_to_municipal_staff(module(curriculum, publish, "Geheim voor gemeenten", intro="Wijkaanpak"))
    unpublished = module(curriculum, publish, "Geheim ingetrokken", intro="Wijkaanpak")
    unpublished.unpublish()
    deleted = module(curriculum, publish, "Geheim verwijderd", intro="Wijkaanpak")
    deleted.delete()
    visible = module(curriculum, publish, "Openbaar", intro="Wijkaanpak")
    # A published page's newer draft stays out of the index as well.
    visible.title = "Geheime nieuwe titel"
    visible.intro = "Wijkaanpak geheimzinnig"
    visible.save_revision()
    if hasattr(engine, "refresh_index"):
        engine.refresh_index()

    results = search("wijkaanpak")
    assert titles(results) == ["Openbaar"]
    assert sum(option.count for facet in results.facets if facet.param == "soort" for option in facet.options) == 1
    assert search("geheim").total == 0
    assert search("geheimzinnig").total == 0
    assert service.suggestions("geheim") == []
    html = client.get("/zoeken/", {"q": "geheim"}).content.decode()
    assert "Geheim" not in html.replace("“geheim”", "")


def test_a_page_under_a_private_parent_is_removed_when_the_parent_is_restricted(engine, home_page, publish):
    section = publish(StandardPageFactory(parent=home_page, title="Afdeling", live=False))
    child = publish(StandardPageFactory(parent=section, title="Wijkaanpak binnen", live=False))
    assert titles(search("wijkaanpak")) == ["Wijkaanpak binnen"]
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="x")
    _run_on_commit_now()
    assert search("wijkaanpak").total == 0
    PageViewRestriction.objects.filter(page=section).delete()
    _run_on_commit_now()
    assert titles(search("wijkaanpak")) == [child.title]


def _run_on_commit_now():
    """Signal receivers outside `publish` queue Elasticsearch writes for the commit; run them here."""
    from django.db import connection

    for _sids, callback, _robust in list(connection.run_on_commit):
        callback()
    connection.run_on_commit.clear()


def test_moving_a_page_updates_its_address(engine, home_page, curriculum, publish):
    page = module(curriculum, publish, "Wijkaanpak")
    other = publish(StandardPageFactory(parent=home_page, title="Elders", slug="elders", live=False))
    page.move(other, pos="last-child")
    _run_on_commit_now()
    assert search("wijkaanpak").items[0].url == f"/elders/{page.slug}/"


# Attached documents


def minimal_pdf(text):
    """A one-page PDF whose text layer holds `text` (ASCII)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> "
        b">>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_text_inside_attached_pdfs_is_found_unless_the_collection_is_private(engine, curriculum, publish):
    public = Document.objects.create(
        title="Handleiding", file=ContentFile(minimal_pdf("Buurtbemiddeling werkt"), "handleiding.pdf")
    )
    secret_collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=secret_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    secret = Document.objects.create(
        title="Intern",
        collection=secret_collection,
        file=ContentFile(minimal_pdf("Vertrouwelijkheidsafspraken"), "intern.pdf"),
    )
    page = ModulePageFactory(parent=curriculum, title="Module met bijlagen", live=False)
    page.materials.create(document=public, title="Handleiding")
    page.materials.create(document=secret, title="Intern")
    publish(page)
    assert titles(search("buurtbemiddeling")) == ["Module met bijlagen"]
    assert search("vertrouwelijkheidsafspraken").total == 0


def test_making_a_collection_private_takes_its_documents_out_at_once(engine, curriculum, publish):
    collection = Collection.get_first_root_node().add_child(name="Werkgroep")
    document = Document.objects.create(
        title="Notulen", collection=collection, file=ContentFile(minimal_pdf("Wijkveiligheidsoverleg"), "notulen.pdf")
    )
    page = ModulePageFactory(parent=curriculum, title="Module met notulen", live=False)
    page.materials.create(document=document, title="Notulen")
    publish(page)
    assert titles(search("wijkveiligheidsoverleg")) == ["Module met notulen"]
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    _run_on_commit_now()
    assert search("wijkveiligheidsoverleg").total == 0
    assert titles(search("notulen")) == ["Module met notulen"]  # the page itself stays findable
    restriction.delete()
    _run_on_commit_now()
    assert titles(search("wijkveiligheidsoverleg")) == ["Module met notulen"]


def test_search_keeps_to_the_visitors_language_and_falls_back_to_dutch(engine, curriculum, publish):
    from django.utils import translation
    from wagtail.models import Locale

    dutch = module(curriculum, publish, "Polarisatie herkennen in de wijk")
    english = dutch.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Recognising polarisation in the neighbourhood"
    english.save()
    publish(english)
    module(curriculum, publish, "Ondermijning en zorg")

    assert titles(search("polarisatie")) == [
        "Polarisatie herkennen in de wijk"
    ]  # the English copy is not a Dutch result
    with translation.override("en"):
        assert titles(search("polarisation")) == ["Recognising polarisation in the neighbourhood"]
        # No English page about it: the Dutch page rather than nothing, and the page says so.
        results = search("ondermijning")
        assert titles(results) == ["Ondermijning en zorg"]
        assert results.other_language == "nl"


def test_a_search_among_given_pages_finds_only_those(engine, curriculum, publish):
    # What a saved search's digest asks: matches among the pages that changed since the last one.
    first = module(curriculum, publish, "Polarisatie herkennen")
    second = module(curriculum, publish, "Polarisatie in de wijk")
    module(curriculum, publish, "Polarisatie op school")
    other = module(curriculum, publish, "Ondermijning en zorg")
    parameters = service.SearchParameters(text="polarisatie", language="nl")

    hits = service.matching_among(parameters, [first.pk, second.pk, other.pk])
    assert sorted(hit.title for hit in hits) == ["Polarisatie herkennen", "Polarisatie in de wijk"]
    assert service.matching_among(parameters, []) == []


def test_aliases_and_synchronised_translations_are_indexed_when_created(engine, home_page, curriculum, publish):
    from wagtail.models import Locale

    original = module(curriculum, publish, "Wijkaanpak met aliassen")
    elsewhere = CurriculumIndexPageFactory(parent=home_page, title="Elders", slug="elders")
    alias = original.create_alias(parent=elsewhere, update_slug="wijkaanpak-alias")
    translation = original.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True, alias=True)
    if hasattr(engine, "refresh_index"):
        engine.refresh_index()
    # Wagtail publishes neither: they are live at once, so they are searchable at once.
    assert sorted(item.url for item in search("wijkaanpak").items) == sorted([original.url, alias.url])
    with translation_override("en"):
        assert [item.url for item in search("wijkaanpak").items] == [translation.url]


def test_a_page_about_the_query_ranks_above_one_that_mentions_it_once(engine, curriculum, publish):
    module(curriculum, publish, "Jaaroverzicht", intro="Thema's dit jaar: armoede, schulden, complotdenken en werk.")
    module(
        curriculum,
        publish,
        "Gesprekken voeren",
        intro=(
            "Complotdenken groeit. Wie met complotdenken te maken krijgt, zoekt het gesprek. "
            "Complotdenken is geen stoornis; complotdenken vraagt geduld."
        ),
    )
    if hasattr(engine, "refresh_index"):
        engine.refresh_index()
    assert titles(search("complotdenken")) == ["Gesprekken voeren", "Jaaroverzicht"]


def test_a_real_word_is_never_corrected_and_the_page_says_one_thing(engine, curriculum, publish, client):
    module(curriculum, publish, "Rollen in het casusoverleg", intro="Wie heeft welke rollen.")
    module(curriculum, publish, "Polarisatie herkennen", intro="Polarisatie in de wijk.")
    if hasattr(engine, "refresh_index"):
        engine.refresh_index()
    # 'rellen' is a Dutch word that no page has: nothing found, and never 'rollen' instead.
    results = search("rellen")
    assert (results.total, results.corrected_text, results.did_you_mean) == (0, "", "")
    # A typo that finds nothing: the corrected query's results, under one heading that names it.
    html = client.get("/zoeken/", {"q": "polarisatei"}).content.decode()
    assert "1 resultaat voor “polarisatie”" in html
    assert "Op “polarisatei” is niets gevonden" in html
    assert "0 resultaten" not in html


# Ranking: what a user notices first (issue 27's misses on the demo site)


def test_the_rare_word_of_a_question_decides_when_no_page_has_all_of_them(engine, curriculum, publish):
    for number in range(6):
        module(curriculum, publish, f"Spanningen duiden {number}", intro="Spanningen herkennen en bespreken.")
    module(
        curriculum,
        publish,
        "Een open dag",
        intro="Na bekladding zochten het bestuur van de moskee en de gemeente elkaar op.",
    )
    assert titles(search("moskee spanningen"))[0] == "Een open dag"


def test_a_municipalitys_own_case_study_outranks_a_module_given_there(engine, curriculum, case_studies, publish):
    from datetime import timedelta

    from django.utils import timezone

    from curriculum.models import ModuleSession
    from portal.models import Theme
    from tests.factories import MunicipalityFactory

    polarisation = Theme.objects.get(slug="polarisatie")
    for town, code in (("Zwolle", "GM0193"), ("Arnhem", "GM0202"), ("Tilburg", "GM0855")):  # a portal's worth
        other = CaseStudyPageFactory(
            parent=case_studies,
            title=f"Wijkaanpak in {town}",
            municipality=MunicipalityFactory(cbs_code=code, name=town),
            themes=[polarisation],
        )
        other.intro = "Polarisatie in de wijk: wat de gemeente deed."
        publish(other)
    for number in range(3):
        module(curriculum, publish, f"Gesprekstechnieken {number}", intro="Het gesprek bij polarisatie en spanningen.")
    given_there = ModulePageFactory(parent=curriculum, title="Polarisatie herkennen en duiden", themes=[polarisation])
    given_there.intro = "Polarisatie herkennen: wat is polarisatie, en wat doet u bij polarisatie in de wijk?"
    given_there.sessions.add(ModuleSession(starts_at=timezone.now() + timedelta(days=9), location="Amersfoort"))
    publish(given_there)
    own = CaseStudyPageFactory(
        parent=case_studies,
        title="Dialoogtafels na een incident",
        municipality=MunicipalityFactory(),
        themes=[polarisation],
    )
    own.intro = "Na een incident brachten de gemeente en welzijnswerk bewoners aan tafel."
    publish(own)
    assert titles(search("polarisatie amersfoort"))[0] == "Dialoogtafels na een incident"


def test_a_question_about_training_brings_the_modules(engine, curriculum, case_studies, publish):
    module(curriculum, publish, "Radicalisering signaleren", intro="Signalen van radicalisering herkennen.")
    mention = CaseStudyPageFactory(parent=case_studies, title="Een netwerk van sleutelfiguren")
    mention.intro = "Sleutelfiguren kregen een training; radicalisering kwam daarbij ter sprake."
    publish(mention)
    assert titles(search("training radicalisering"))[0] == "Radicalisering signaleren"


def test_a_result_shows_the_passage_that_answers_and_a_case_study_its_start_year(engine, case_studies, publish):
    case = CaseStudyPageFactory(parent=case_studies, title="Buurtgesprekken", start_year=2023)
    case.intro = "Een aanpak met bewoners en jongerenwerk."
    case.results = "<p>De moskee opende haar deuren voor de buurt; het gesprek kwam op gang.</p>"
    publish(case)
    item = search("moskee").items[0]
    assert "<mark>moskee</mark>" in item.snippet_html and "Een aanpak met bewoners" not in item.snippet_html
    assert item.year_only and item.date.year == 2023
    # Without a match beyond it, the summary is the snippet.
    assert "Een aanpak met bewoners" in search("jongerenwerk").items[0].snippet_html


class SecondEngine(DatabaseEngine):
    """A throw-away engine named in the setting (the database engine under another name)."""

    name = "second"


def test_the_engines_are_those_the_setting_names(settings, db):
    settings.ELASTICSEARCH_URL = None
    assert [engine.name for engine in engines.writable_engines()] == ["database"]
    settings.SEARCH_ENGINES = [*settings.SEARCH_ENGINES, f"{__name__}.SecondEngine"]
    assert [engine.name for engine in engines.writable_engines()] == ["database", "second"]
    assert engines.primary_engine().name == "second" and engines.database_engine().name == "database"
    assert check_search_engine() == {
        "status": "ok",
        "engine": "second",
        "cluster": "green",
        "pending_updates": 0,
    }


class UnreachableEngine(DatabaseEngine):
    """A throw-away remote engine that never answers (as a node that refuses), counting what it is asked."""

    name = "unreachable"
    asked = 0
    answers = False

    def search(self, request):
        type(self).asked += 1
        if not type(self).answers:
            raise engines.EngineUnreachable("refused")
        return super().search(request)

    def probe(self):
        if not type(self).answers:
            raise engines.EngineUnreachable("refused")


def test_any_remote_engine_is_skipped_for_a_while_after_it_failed(settings, curriculum, publish, monkeypatch):
    # The breaker wraps whatever engine the setting names after the database engine, not just Elasticsearch.
    settings.ELASTICSEARCH_URL = None
    settings.SEARCH_ENGINES = [settings.SEARCH_ENGINES[0], f"{__name__}.UnreachableEngine"]
    monkeypatch.setattr(UnreachableEngine, "asked", 0)
    module(curriculum, publish, "Wijkaanpak bij spanningen")
    for _ in range(3):
        results = search("wijkaanpak")
        assert results.degraded and titles(results) == ["Wijkaanpak bij spanningen"]
    assert UnreachableEngine.asked == 1  # one failure, then the database engine answers without asking it
    with pytest.raises(engines.EngineUnavailable):
        engines.primary_engine().probe()  # an operator's probe tries it whatever the breaker says
    monkeypatch.setattr(UnreachableEngine, "answers", True)
    engines.primary_engine().probe()  # it answers: the breaker closes
    assert not search("wijkaanpak").degraded and UnreachableEngine.asked == 2
