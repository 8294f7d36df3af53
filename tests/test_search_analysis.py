"""The Dutch analysis (search/text.py): word forms a searcher means as one meet, unrelated words do not."""

import pytest

from search import text

# Independent of the database: CI runs it in the SQLite pass only.
pytestmark = pytest.mark.once


def same(first, second):
    return text.term(first) == text.term(second)


@pytest.mark.parametrize(
    "first, second",
    [
        ("sociaal", "sociale"),
        ("melden", "melding"),
        ("radicaliseren", "geradicaliseerde"),
        ("radicaliseren", "radicalisatie"),
        ("radicalisering", "radicalisatie"),
        ("polarisatie", "gepolariseerd"),
        ("discriminatie", "discrimineren"),
        ("gemeente", "gemeenten"),
        ("school", "scholen"),
        ("wijk", "wijkje"),
        ("signaal", "signalen"),
        ("ondermijning", "ondermijnende"),
        ("extremisme", "extremistische"),
        ("inclusief", "inclusieve"),
        ("weerbaar", "weerbaarheid"),
        ("statushouder", "statushouders"),
        ("begeleiding", "begeleiden"),
        ("samenwerking", "samenwerken"),
        ("regeling", "regelen"),
    ],
)
def test_inflections_and_derivations_meet(first, second):
    assert same(first, second), (text.term(first), text.term(second))


@pytest.mark.parametrize(
    "first, second",
    [
        ("geweld", "wel"),
        ("begeleiding", "beleid"),
        ("weerbaar", "weer"),
        ("gemeente", "menen"),
        ("rellen", "rollen"),
        ("overheid", "over"),
        ("leerling", "leren"),
        ("bestuur", "bestuurder"),
    ],
)
def test_unrelated_words_stay_apart(first, second):
    assert not same(first, second), text.term(first)


@pytest.mark.parametrize(
    "word, parts",
    [
        ("jeugdcriminaliteit", ("jeugd", "criminaliteit")),
        ("buurtbewoners", ("buurt", "bewoner")),
        ("veiligheidshuis", ("veilig", "huis")),
        ("wijkaanpak", ("wijk", "aanpak")),
    ],
)
def test_compounds_give_their_parts(word, parts):
    assert text.word_terms(word)[1:] == parts


@pytest.mark.parametrize("word", ["weerbaar", "polariseren", "signalering", "onderwijs", "ondermijning", "gemeente"])
def test_derived_and_prefixed_words_are_not_compounds(word):
    assert text.compound_parts(word) == ()


def test_english_is_analysed_as_english():
    assert text.term("radicalisation", "en") == text.term("radicalised", "en")
    assert text.terms("the training of teachers", "en") == ["train", "teacher"]


def test_known_words_are_not_typos():
    assert text.is_known_word("rellen") and text.is_known_word("statushouders")
    assert not text.is_known_word("polarisatei")
