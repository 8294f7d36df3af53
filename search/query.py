"""Plain functions that turn what a visitor typed into something every engine can take.

The syntax people know from web search, the same on every engine; anything else is plain text:
- words: a page must match most of them (see `minimum_match`), so a question never fails on one word;
- "exact phrase": required, the words next to each other in this order;
- -word, -"phrase": pages with it are left out;
- a OR b: either one counts as the same word.
"""

import dataclasses
import math
import re
import unicodedata

from . import text

MAX_QUERY_LENGTH = 200
# More terms than this add nothing a visitor means and only cost time.
MAX_QUERY_TERMS = 12
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
OR_OPERATOR = "OR"


def clean_query(raw):
    """Drop control and format characters (NUL breaks SQLite's full-text search), collapse spaces, cap the length."""
    kept = "".join(" " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in raw or "")
    return " ".join(kept.split())[:MAX_QUERY_LENGTH]


def minimum_match(clause_count):
    """How many of a query's words a page must match: all of one or two, then about three in five."""
    if clause_count <= 2:
        return clause_count
    return math.ceil(clause_count * 0.6)


@dataclasses.dataclass(frozen=True)
class ParsedQuery:
    """A visitor's query as the engines take it.

    `clauses`: the words; a page must match at least `minimum` of them. A clause matches when one of its
    alternatives does; an alternative is a tuple of terms that must all occur (a compound's parts, a
    synonym phrase). Synonyms are extra alternatives, applied when searching, so 'ondermijning' also finds
    'georganiseerde criminaliteit' and the index needs no rebuild when editors change synonyms.
    `phrases`: required; each a tuple of terms that must occur next to each other, in order.
    `excluded`: each a tuple of terms (a phrase when longer than one); pages with one of them are left out.
    """

    text: str
    clauses: tuple = ()
    phrases: tuple = ()
    excluded: tuple = ()
    words: tuple = ()  # the meaningful words as typed, folded, for spelling corrections
    language: str = text.DEFAULT_LANGUAGE
    minimum: int = 0

    @property
    def is_empty(self):
        return not self.clauses and not self.phrases

    @property
    def all_terms(self):
        """Every term that counts as a match, for highlighting and ranking."""
        found = {term for clause in self.clauses for alternative in clause for term in alternative}
        found.update(term for phrase in self.phrases for term in phrase)
        return frozenset(found)

    def relaxed(self):
        """The same query needing only one of its words: offered when no page has enough of them."""
        return dataclasses.replace(self, minimum=min(1, len(self.clauses)))

    @property
    def can_relax(self):
        return self.minimum > 1


def parse_query(raw, synonym_groups=(), language=text.DEFAULT_LANGUAGE):
    """Turn query text into clauses, phrases and exclusions of terms.

    `synonym_groups` is a list of lists of phrases; each phrase is analysed in both languages, so an
    editor's group 'radicalisation, radicalisering' lets an English query find Dutch pages.
    """
    language = text.normalise_language(language)
    cleaned = clean_query(raw)
    word_groups, phrases, excluded = [], [], []  # word_groups: lists of words joined by OR
    join_next = False
    for match in TOKEN.finditer(cleaned):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if quoted is not None:
            phrase = tuple(text.term(word, language) for word in text.content_words(quoted, language))
            if phrase:
                (excluded if negated else phrases).append(phrase)
            join_next = False
            continue
        if bare == OR_OPERATOR:
            join_next = bool(word_groups)
            continue
        if bare.startswith("-") and len(bare) > 1 and text.words(bare[1:]):
            excluded.extend((text.term(word, language),) for word in text.content_words(bare[1:], language))
            join_next = False
            continue
        found = text.content_words(bare, language)
        if found:
            if join_next:
                word_groups[-1].extend(found)
            else:
                word_groups.extend([word] for word in found)
        join_next = False

    meaningful = [group for group in word_groups if not all(text.is_filler(word, language) for word in group)]
    if meaningful or phrases:
        word_groups = meaningful
    word_groups = word_groups[:MAX_QUERY_TERMS]
    clauses = _clauses(word_groups, _synonym_alternatives(synonym_groups, language), language)
    return ParsedQuery(
        text=cleaned,
        clauses=clauses,
        phrases=tuple(dict.fromkeys(phrases)),
        excluded=tuple(dict.fromkeys(excluded)),
        words=tuple(word for group in word_groups for word in group),
        language=language,
        minimum=minimum_match(len(clauses)),
    )


def _word_alternatives(word, language):
    """A word's own term, and for a compound its parts together: 'jeugdcriminaliteit' or 'jeugd' + 'criminaliteit'."""
    found = text.word_terms(word, language)
    alternatives = [(found[0],)]
    if len(found) > 1:
        alternatives.append(tuple(found[1:]))
    return alternatives


def _clauses(word_groups, synonyms, language):
    clauses = []
    position = 0
    while position < len(word_groups):
        group = word_groups[position]
        match = None if len(group) > 1 else _longest_synonym_match(word_groups, position, synonyms, language)
        if match:
            length, alternatives = match
            position += length
        else:
            alternatives = [alternative for word in group for alternative in _word_alternatives(word, language)]
            position += 1
        clauses.append(tuple(dict.fromkeys(alternatives)))
    return tuple(dict.fromkeys(clauses))


def _synonym_alternatives(synonym_groups, language):
    """Each group as (its phrases as term tuples in the query's language, every alternative in both languages)."""
    analysed = []
    for group in synonym_groups:
        own = [tuple(text.term(w, language) for w in text.content_words(phrase, language)) for phrase in group]
        both = [
            tuple(text.term(w, lang) for w in text.content_words(phrase, lang))
            for lang in (language, *(other for other in (text.DUTCH, text.ENGLISH) if other != language))
            for phrase in group
        ]
        own = [member for member in own if member]
        if own:
            analysed.append((own, [member for member in dict.fromkeys(both) if member]))
    return analysed


def _longest_synonym_match(word_groups, position, synonyms, language):
    query_terms = [text.term(group[0], language) if len(group) == 1 else None for group in word_groups]
    best = None
    for own, alternatives in synonyms:
        for member in own:
            if tuple(query_terms[position : position + len(member)]) == member and (
                best is None or len(member) > best[0]
            ):
                best = (len(member), alternatives)
    return best
