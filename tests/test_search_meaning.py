"""Search by meaning (search.embeddings): what a visitor notices on both engines, and the rules as plain
functions. The model is the real one (it ships inside its package)."""

import datetime
import io

import numpy
from django.utils.html import strip_tags
from django.utils.translation import override as translation_override

from search import embeddings
from search.engines import Hit
from tests.factories import ModulePageFactory
from tests.test_search_contract import search, titles


def module(curriculum, publish, title, intro="", **kwargs):
    return publish(ModulePageFactory(parent=curriculum, title=title, intro=intro, live=False, **kwargs))


RADICALISATION = (
    "Signalen van radicalisering herkennen",
    "Training voor jeugdprofessionals: welke signalen wijzen erop dat een jongere radicaliseert, en wat doet u "
    "ermee? Met voorbeelden uit de praktijk en het stappenplan voor melden.",
)
BUDGETS = ("Begroting en subsidies", "Hoe de gemeenteraad de begroting vaststelt en subsidies verdeelt.")


def test_an_english_question_finds_the_dutch_page_marked_as_dutch(engine, curriculum, publish):
    module(curriculum, publish, *RADICALISATION)
    module(curriculum, publish, *BUDGETS)
    with translation_override("en"):
        results = search("how do I recognise radicalisation in young people")
    assert titles(results)[:1] == ["Signalen van radicalisering herkennen"]
    assert "Begroting en subsidies" not in titles(results)
    item = results.items[0]
    assert item.language == "nl" and (results.mixed_languages or results.other_language)


def test_a_page_found_by_meaning_shows_the_passage_that_answers(engine, curriculum, publish):
    page = module(curriculum, publish, *RADICALISATION)
    with translation_override("en"):
        results = search("what are the warning signs that a teenager is radicalising")
    assert results.items and results.items[0].url == page.url
    snippet = strip_tags(results.items[0].snippet_html)
    assert "signalen" in snippet.lower()


def test_a_dutch_visitor_gets_pages_by_meaning_only_when_the_words_find_nothing(engine, curriculum, publish):
    module(curriculum, publish, *RADICALISATION)
    module(curriculum, publish, *BUDGETS)
    module(curriculum, publish, "Polarisatie op school", "Gesprekken in de klas over botsende meningen.")
    # A word that is on no page (typed in English): the page about it is found by meaning.
    found = search("radicalisation")
    assert titles(found)[:1] == ["Signalen van radicalisering herkennen"] and found.by_meaning
    # Words that are on a page: only the pages with them, in their order.
    assert titles(search("polarisatie op school")) == ["Polarisatie op school"]


def test_pages_found_by_meaning_are_counted_once_and_never_repeated_on_the_next_page(engine, curriculum, publish):
    for number in range(14):
        module(curriculum, publish, f"Wijkaanpak {number}", "Over de wijkaanpak en spanningen in de buurt.")
    module(curriculum, publish, *RADICALISATION)
    with translation_override("en"):
        # No English page has the word: the Dutch ones found by it, and by meaning those further down as well.
        first = search("wijkaanpak")
        second = search("wijkaanpak", pagina="2")
    assert first.num_pages == 2
    urls = [item.url for item in first.items] + [item.url for item in second.items]
    assert len(urls) == len(set(urls))
    assert first.total == second.total == len(urls)


def test_with_embeddings_off_search_is_lexical(engine, curriculum, publish, settings):
    module(curriculum, publish, *RADICALISATION)
    settings.SEARCH_EMBEDDINGS = False
    with translation_override("en"):
        results = search("how do I recognise radicalisation in young people")
    assert not results.by_meaning


# The rules, as plain functions


def hit(page_id, language="nl", title="Titel"):
    return Hit(id=page_id, type="module", title=title, url=f"/{page_id}/", summary="", text="", language=language)


def test_passages_are_the_title_then_pieces_cut_at_sentence_ends():
    sentence = "Dit is een zin van ongeveer vijftig tekens lang ja. "
    pieces = embeddings.passages("De titel", sentence * 80)
    assert pieces[0] == "De titel"
    assert len(pieces) == embeddings.MAX_PASSAGES
    assert all(len(piece) <= embeddings.PASSAGE_CHARACTERS and piece.endswith(".") for piece in pieces[1:])
    assert embeddings.passages("", "") == []


def test_vectors_survive_storage_as_int8():
    vectors = embeddings.embed(["radicalisering herkennen", "begroting"])
    stored = embeddings.from_bytes(embeddings.to_bytes(vectors))
    assert stored.shape == vectors.shape
    assert abs((stored * vectors).sum(axis=1) - 1).max() < 0.01


def test_who_joins_the_ranking():
    Neighbour = embeddings.Neighbour
    near_dutch = Neighbour(hit(1, "nl"), 0.30)
    nearer_dutch = Neighbour(hit(2, "nl"), 0.45)
    found_by_words = Neighbour(hit(3, "nl"), 0.90)
    far_dutch = Neighbour(hit(4, "nl"), 0.20)
    neighbours = [found_by_words, nearer_dutch, near_dutch, far_dutch]
    # An English visitor: Dutch pages near enough join, whatever the words found; pages the words found stay.
    assert [n.hit.id for n in embeddings.joining(neighbours, "en", {3}, 1)] == [2, 1]
    # A Dutch visitor: a Dutch page joins only when the words found nothing, and must be nearer.
    assert embeddings.joining(neighbours, "nl", {3}, 1) == []
    assert [n.hit.id for n in embeddings.joining(neighbours, "nl", set(), 0)] == [3, 2]


def test_fusion_keeps_the_lexical_order_and_places_neighbours_by_rank():
    lexical = [hit(number) for number in range(1, 11)]
    neighbours = [embeddings.Neighbour(hit(20, "en"), 0.5, passage="De passage")]
    fused = embeddings.fuse(lexical, neighbours)
    ids = [item.id for item in fused]
    assert ids[0] == 1 and ids[1] == 20  # the nearest neighbour beside the first lexical hit
    assert [i for i in ids if i != 20] == list(range(1, 11))
    assert fused[1].passage == "De passage"


def test_a_passage_is_embedded_once_and_again_only_when_its_text_or_the_model_changes(db, monkeypatch):
    embedded = []
    real_embed = embeddings.embed

    def counting(texts):
        embedded.extend(texts)
        return real_embed(texts)

    monkeypatch.setattr(embeddings, "embed", counting)
    first = embeddings.add_embeddings([{"title": "Polarisatie op school", "body": "Gesprekken in de klas."}])
    edited = embeddings.add_embeddings(
        [{"title": "Polarisatie op school", "body": "Gesprekken in de klas over botsende meningen."}]
    )
    assert embedded == [
        "Polarisatie op school",
        "Gesprekken in de klas.",
        "Gesprekken in de klas over botsende meningen.",
    ]
    assert numpy.allclose(first[0]["vectors"][0], edited[0]["vectors"][0], atol=0.01)
    monkeypatch.setattr(embeddings, "MODEL", "another model")
    embeddings.add_embeddings([{"title": "Polarisatie op school", "body": ""}])
    assert embedded[-1:] == ["Polarisatie op school"]


def test_a_rebuild_forgets_the_embeddings_of_text_no_page_has(curriculum, publish):
    from django.core.management import call_command
    from django.utils import timezone

    from search.models import PassageEmbedding

    module(curriculum, publish, *RADICALISATION)
    gone = PassageEmbedding.objects.create(
        digest=embeddings.passage_digest("Tekst van een pagina die niet meer bestaat."),
        vector=embeddings.to_bytes(embeddings.embed(["Tekst van een pagina die niet meer bestaat."])),
        used_at=timezone.now() - datetime.timedelta(days=3),
    )
    call_command("rebuild_search_index", stdout=io.StringIO())
    kept = set(PassageEmbedding.objects.values_list("digest", flat=True))
    assert gone.digest not in kept
    assert embeddings.passage_digest(RADICALISATION[0]) in kept


def test_the_search_page_tells_an_english_visitor_which_results_are_dutch(engine, curriculum, publish, client):
    module(curriculum, publish, *RADICALISATION)
    html = client.get("/en/zoeken/", {"q": "how do I recognise radicalisation in young people"}).content.decode()
    assert "Also pages in Dutch on your question: their language is shown." in html
    result = html.split('<ol class="search-results"', 1)[1].split("</li>", 1)[0]
    assert '<h3 class="card__title" lang="nl">' in result
    assert "Signalen van radicalisering herkennen" in strip_tags(result)
    assert "· Dutch" in result
