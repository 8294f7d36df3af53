"""Language analysis shared by every engine: folding, tokenising, stop words, terms and compounds.

Elasticsearch's test distribution has no Dutch stemmer or ASCII folding (analysis-common is absent), and
SQLite has neither; so the application analyses, and every engine indexes the same terms.

Dutch, chosen by measuring on the judged queries (benchmarks/relevance.py, benchmarks/README.md):
1. a dictionary lemma (simplemma): inflection only, from a lexicon, so 'gemeenten' -> 'gemeente' and
   'geradicaliseerde' -> 'radicaliseren', while 'geweld' stays apart from 'wel' (Snowball's 3.x default
   for Dutch cuts 'ge-' and gives 'wel', 'gemeente' -> 'meen'; its Porter variant keeps 'melden' and
   'melding', 'sociaal' and 'sociale' apart);
2. a few derivations that searchers treat as one word, mapped onto the verb: -ing, -ering, -atie,
   -isatie -> -en/-eren ('melding' ~ 'melden', 'radicalisatie' ~ 'radicaliseren'), -heid -> adjective,
   -isme/-istisch -> -ist;
3. compounds split on word frequencies (wordfreq): the whole word and its two parts are all terms, so
   'jeugdcriminaliteit' finds 'criminaliteit' and the reverse. Affixes are never parts ('weerbaar' is
   not 'weer' + 'baar').
English pages and queries: Snowball's English stemmer and English stop words, no compounds.
"""

import functools
import math
import re
import unicodedata

import snowballstemmer

DUTCH, ENGLISH = "nl", "en"
DEFAULT_LANGUAGE = DUTCH

# Snowball's Dutch stop word list, folded.
DUTCH_STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge
    geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen
    maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te
    tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf
    zich zij zijn zo zonder zou
    """.split()
)
# Snowball's English stop word list (the common part), folded and without apostrophes.
ENGLISH_STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below between
    both but by can did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself me more most my myself no nor not of off on
    once only or other our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we were what when
    where which while who whom why will with you your yours yourself yourselves
    """.split()
)
STOP_WORDS = {DUTCH: DUTCH_STOP_WORDS, ENGLISH: ENGLISH_STOP_WORDS}
# Words of a question or a request that say nothing about the subject. Left out of a query when it has
# other words; documents keep them (they are not stop words there).
QUERY_FILLER = {
    DUTCH: frozenset(
        """
        ga gaan gaat kun kunt mag mogen moeten wij we jullie onze ons welke welk waarom waar wanneer hoeveel
        omgaan omga gaat graag zoek zoeken zoekt vind vinden informatie info iets goed goede beste manier
        manieren tips tip voorbeeld voorbeelden doe doet krijg krijgen weet weten waarmee wat
        """.split()
    ),
    ENGLISH: frozenset(
        """
        can could should would how what which why where when find looking look need want best good way ways
        tips tip example examples information info deal dealing handle handling
        """.split()
    ),
}

WORD_PATTERN = re.compile(r"[0-9a-z]+")
MAX_WORD_LENGTH = 40
# Stands between a text's words and its compound parts, and between fields, in every engine's term
# fields, so that no phrase spans them. Longer than any word, so no query produces it.
PHRASE_BREAK = "z" * (MAX_WORD_LENGTH + 1)

# Compound splitting: a part is a word at least this common (Zipf scale: 3 is once per million words).
MIN_PART_ZIPF = 2.5
MIN_MODIFIER_LENGTH = 3
MIN_HEAD_LENGTH = 4
MIN_COMPOUND_LENGTH = 8
LINKING_LETTERS = ("", "s", "e", "en")
# Not words in their own right inside a compound: affixes and function words.
NOT_A_HEAD = frozenset(
    "baar bare heid heden lijk lijke loos loze zaam zame schap schappen achtig achtige isch ische ing ingen "
    "iteit atie tie ster aar aars erij ling lingen tje tjes eren ering ren ring".split()
)
NOT_A_MODIFIER = frozenset(
    "aan achter af be bij door er ge her in mee mis na om on ont onder op over samen te terug toe tegen uit ver "
    "voor weg mede wan".split()
)
MIN_ROOT_LENGTH = 4
# Nouns in -heid whose root is not the adjective a searcher means.
HEID_EXCEPTIONS = frozenset({"overheid", "eenheid", "gelegenheid", "mogelijkheid", "openheid"})


def fold(text):
    """Lower case without accents: 'Coördinatie' becomes 'coordinatie'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def words(text):
    """The folded words of a text, in order, stop words included (for suggestions and highlighting)."""
    return [word for word in WORD_PATTERN.findall(fold(text)) if len(word) <= MAX_WORD_LENGTH]


def normalise_language(language):
    return ENGLISH if (language or "").lower().startswith(ENGLISH) else DUTCH


def is_filler(word, language=DUTCH):
    return word in QUERY_FILLER[normalise_language(language)]


@functools.cache
def _english_stemmer():
    # snowballstemmer uses PyStemmer's C implementation when it is installed.
    return snowballstemmer.stemmer("english")


@functools.cache
def _simplemma():
    import simplemma

    return simplemma


@functools.cache
def _word_frequencies():
    import wordfreq

    return wordfreq


def zipf(word, language=DUTCH):
    """How common a word is, 0 (unknown) to about 8 ('de'), from wordfreq's lists."""
    return _word_frequencies().zipf_frequency(word, normalise_language(language), wordlist="large")


def is_known_word(word, language=DUTCH):
    """A word of the language (in its lexicon or common in its text), not a typo."""
    language = normalise_language(language)
    return zipf(word, language) >= MIN_PART_ZIPF or (language == DUTCH and _simplemma().is_known(word, lang=DUTCH))


@functools.lru_cache(maxsize=200_000)
def lemma(word):
    """The dictionary form of a folded Dutch word; the word itself when the lexicon does not know it."""
    found = _simplemma().lemmatize(word, lang=DUTCH)
    found = fold(found)
    return found if WORD_PATTERN.fullmatch(found) else word


# Derivations a searcher treats as the same word, longest ending first: (ending, replacement).
DERIVATIONS = (
    ("isatie", "iseren"),
    ("isering", "iseren"),
    ("istisch", "ist"),
    ("isme", "ist"),
    ("atie", "eren"),
    ("ering", "eren"),
    ("heid", ""),
    ("ing", "en"),
)


def derive(word):
    """Map a Dutch lemma onto the word its family searches by: 'melding' -> 'melden'."""
    for ending, replacement in DERIVATIONS:
        if not word.endswith(ending):
            continue
        root = word[: -len(ending)]
        if len(root) < MIN_ROOT_LENGTH:
            return word
        if ending == "heid" and (word in HEID_EXCEPTIONS or len(root) < 5):
            return word
        if ending == "ing" and (root[-1] in "aeiou" or (word.endswith("ling") and not word.endswith("eling"))):
            return word  # 'leerling' is a person, not the act of 'leren'; 'regeling' is 'regelen'

        return root + replacement
    return word


@functools.lru_cache(maxsize=200_000)
def dutch_term(word):
    """The index term of one folded Dutch word (not its compound parts)."""
    return derive(lemma(word))


@functools.lru_cache(maxsize=200_000)
def compound_parts(word):
    """(modifier, head) of a Dutch compound, or () when the word is not one.

    Koehn & Knight's rule: split where the parts are common words and together more likely than the whole
    (geometric mean of the parts' frequencies above the whole word's); 's', 'e', 'en' may join them.
    """
    if len(word) < MIN_COMPOUND_LENGTH or not word.isalpha():
        return ()
    whole = zipf(word)
    best, best_score = (), whole
    for cut in range(MIN_MODIFIER_LENGTH, len(word) - MIN_HEAD_LENGTH + 1):
        head = word[cut:]
        if len(head) < MIN_HEAD_LENGTH or head in NOT_A_HEAD:
            continue
        head_zipf = zipf(head)
        if head_zipf < MIN_PART_ZIPF:
            continue
        for link in LINKING_LETTERS:
            if link and not word[:cut].endswith(link):
                continue
            modifier = word[: cut - len(link)] if link else word[:cut]
            if len(modifier) < MIN_MODIFIER_LENGTH or modifier in NOT_A_MODIFIER or modifier in DUTCH_STOP_WORDS:
                continue
            modifier_zipf = zipf(modifier)
            if modifier_zipf < MIN_PART_ZIPF:
                continue
            score = math.sqrt(modifier_zipf * head_zipf)
            if score > best_score:
                best, best_score = (modifier, head), score
    return best


def word_terms(word, language=DUTCH):
    """The index terms of one folded word: its own term, then (Dutch compounds) the terms of its parts."""
    if normalise_language(language) == ENGLISH:
        return (_english_stemmer().stemWord(word),)
    own = dutch_term(word)
    parts = compound_parts(word)
    if not parts:
        return (own,)
    return (own, *dict.fromkeys(dutch_term(part) for part in parts if dutch_term(part) != own))


def term(word, language=DUTCH):
    """The one term of a folded word (compound parts left out): what a query word or a phrase matches on."""
    return word_terms(word, language)[0]


def content_words(text, language=DUTCH):
    """The folded words of a text without stop words."""
    stop_words = STOP_WORDS[normalise_language(language)]
    return [word for word in words(text) if word not in stop_words]


def terms(text, language=DUTCH):
    """The terms of a text in order (duplicates kept, for ranking), then the compound parts' terms.

    Parts go at the end, after a PHRASE_BREAK, so that the words keep their neighbours for phrase queries.
    """
    own, parts = [], []
    for word in content_words(text, language):
        found = word_terms(word, language)
        own.append(found[0])
        parts.extend(found[1:])
    return own + [PHRASE_BREAK] + parts if parts else own


def term_text(*texts, language=DUTCH):
    """The terms of one or more texts (fields) joined by spaces, a PHRASE_BREAK between the fields: what
    the engines store in their term fields."""
    return f" {PHRASE_BREAK} ".join(joined for text in texts if (joined := " ".join(terms(text, language))))
