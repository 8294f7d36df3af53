"""Highlighting in the application, so every engine shows the same snippets with the original words marked.

The engines match on stems; marking the words whose stem matched shows 'radicalisering' for a search on
'radicaliseren', which an engine-side highlighter on an unstemmed field would miss.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import fold, word_terms

WORD = re.compile(r"\w+")
SNIPPET_LENGTH = 260


def marked_words(text, match_terms, language="nl"):
    """(start, end) spans of the words in `text` with a term (or a compound part's term) in `match_terms`."""
    return [
        (found.start(), found.end())
        for found in WORD.finditer(text or "")
        if not match_terms.isdisjoint(word_terms(fold(found.group()), language))
    ]


def highlight(text, match_stems, length=SNIPPET_LENGTH, language="nl"):
    """An HTML-safe excerpt of `text` around the densest run of matches, matched words in <mark>."""
    text = " ".join((text or "").split())
    spans = marked_words(text, match_stems, language) if match_stems else []
    if not spans:
        return mark_safe(escape(_cut(text, length)))
    start = _best_window_start(spans, length)
    start = _word_boundary(text, start)
    end = min(len(text), start + length)
    parts = ["… " if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    end = _word_end(text, end)
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts))


def highlight_title(title, match_stems, language="nl"):
    """The whole title with matched words marked."""
    parts, cursor = [], 0
    for span_start, span_end in marked_words(title, match_stems, language):
        parts.append(escape(title[cursor:span_start]))
        parts.append(f"<mark>{escape(title[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(title[cursor:]))
    return mark_safe("".join(parts))


def _best_window_start(spans, length):
    best_start, best_count = spans[0][0], 0
    for index, (span_start, _end) in enumerate(spans):
        count = sum(1 for other_start, _ in spans[index:] if other_start < span_start + length - 20)
        if count > best_count:
            best_start, best_count = span_start, count
    # A little context before the first match.
    return max(0, best_start - 40)


def _word_boundary(text, position):
    if position <= 0:
        return 0
    space = text.find(" ", position)
    return space + 1 if 0 <= space < position + 20 else position


def _word_end(text, position):
    if position >= len(text):
        return len(text)
    space = text.rfind(" ", 0, position)
    return space if space > position - 20 else position


def _cut(text, length):
    if len(text) <= length:
        return text
    return text[: _word_end(text, length)] + " …"
