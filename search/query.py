"""Plain functions that turn what a visitor typed into something every engine can take."""

import dataclasses
import unicodedata

MAX_QUERY_LENGTH = 200
# More terms than this add nothing a visitor means and only cost time.
MAX_QUERY_TERMS = 12


def clean_query(raw):
    """Drop control and format characters (NUL breaks SQLite's full-text search), collapse spaces, cap the length."""
    kept = "".join(" " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in raw or "")
    return " ".join(kept.split())[:MAX_QUERY_LENGTH]


@dataclasses.dataclass(frozen=True)
class ParsedQuery:
    """A visitor's query as the engines take it.

    Every clause must match; a clause matches when one of its alternatives does; an alternative is a tuple of
    stems that must all occur. Synonyms become extra alternatives, so 'ondermijning' also finds
    'georganiseerde criminaliteit' and the index needs no rebuild when editors change synonyms.
    """

    text: str
    clauses: tuple
    words: tuple

    @property
    def is_empty(self):
        return not self.clauses

    @property
    def all_stems(self):
        """Every stem that counts as a match, for highlighting."""
        return frozenset(stem for clause in self.clauses for alternative in clause for stem in alternative)


def parse_query(raw, synonym_groups=()):
    """Turn cleaned query text into clauses of stems; `synonym_groups` is a list of lists of phrases."""
    from .text import is_stop_word, stem, words

    text = clean_query(raw)
    query_words = [word for word in words(text) if not is_stop_word(word)][:MAX_QUERY_TERMS]
    query_stems = [stem(word) for word in query_words]
    groups = [[tuple(stem(w) for w in words(phrase) if not is_stop_word(w)) for phrase in group] for group in synonym_groups]
    groups = [[member for member in group if member] for group in groups]
    clauses = []
    position = 0
    while position < len(query_stems):
        match = _longest_synonym_match(query_stems, position, groups)
        if match:
            length, group = match
            clauses.append(tuple(dict.fromkeys(group)))
            position += length
        else:
            clauses.append(((query_stems[position],),))
            position += 1
    return ParsedQuery(text=text, clauses=tuple(dict.fromkeys(clauses)), words=tuple(query_words))


def _longest_synonym_match(query_stems, position, groups):
    best = None
    for group in groups:
        for member in group:
            if tuple(query_stems[position:position + len(member)]) == member and (best is None or len(member) > best[0]):
                best = (len(member), group)
    return best
