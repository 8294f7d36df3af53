"""Dutch text handling shared by every engine: folding, tokenising, stop words and stemming.

Elasticsearch's test distribution has no Dutch stemmer or ASCII folding (analysis-common is absent), and
SQLite has neither; so the application folds and stems, and every engine indexes the same stemmed terms.
"""

import functools
import re
import unicodedata

import snowballstemmer

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

WORD_PATTERN = re.compile(r"[0-9a-z]+")
MAX_WORD_LENGTH = 40


@functools.cache
def _stemmer():
    # snowballstemmer uses PyStemmer's C implementation when it is installed.
    return snowballstemmer.stemmer("dutch")


def fold(text):
    """Lower case without accents: 'Coördinatie' becomes 'coordinatie'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def words(text):
    """The folded words of a text, in order, stop words included (for suggestions and highlighting)."""
    return [word for word in WORD_PATTERN.findall(fold(text)) if len(word) <= MAX_WORD_LENGTH]


@functools.lru_cache(maxsize=200_000)
def stem(word):
    """The Dutch Snowball stem of one folded word: 'radicalisering' and 'radicaliseren' both give 'radicaliser'."""
    return _stemmer().stemWord(word)


def is_stop_word(word):
    return word in DUTCH_STOP_WORDS


def stems(text):
    """The stems of a text's words without stop words, in order (duplicates kept, for ranking)."""
    return [stem(word) for word in words(text) if word not in DUTCH_STOP_WORDS]


def stem_text(text):
    """Stems joined by spaces: what the engines store in their stemmed fields."""
    return " ".join(stems(text))
