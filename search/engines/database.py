"""The embedded engine: the portal's own tables, on SQLite (LIKE over stems) or PostgreSQL (full-text search)."""

import collections
import functools
import math

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection, transaction
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Greatest, Least, Length, Replace

from portal import caching

from .. import embeddings
from ..facets import facet_names
from ..models import SearchDocument, SearchFacetValue, SearchTerm
from ..text import is_known_word, term, words
from .base import Hit, SearchEngine, SearchResponse, rank_suggestions

TEXT_FOR_HIGHLIGHT = 20_000
FTS_TABLE = "search_searchdocument_fts"  # SQLite only, created by migration 0004
MAX_FACET_VALUES = 50
MAX_CORRECTION_DISTANCE = 2


HIT_COLUMNS = ("page_id", "content_type", "title", "url", "summary", "body", "date", "language")


def _hit(row):
    return Hit(
        id=row["page_id"],
        type=row["content_type"],
        title=row["title"],
        url=row["url"],
        summary=row["summary"],
        text=row["body"],
        date=row["date"],
        language=row["language"],
    )


class DatabaseEngine(SearchEngine):
    name = "database"

    @property
    def uses_postgres(self):
        return connection.vendor == "postgresql"

    # Writing

    def index(self, documents):
        documents = list(documents)
        if not documents:
            return
        with transaction.atomic():
            ids = [document["id"] for document in documents]
            old_words = self._words_of(ids)
            self._delete(ids)
            self._write(documents)
            new_words = collections.Counter(
                word for document in documents for word in vocabulary_words(document["title"], document["body"])
            )
            self._adjust_vocabulary(new_words, old_words)

    def remove(self, page_ids):
        with transaction.atomic():
            old_words = self._words_of(page_ids)
            self._delete(page_ids)
            self._adjust_vocabulary(collections.Counter(), old_words)

    def rebuild(self, documents, before_switch=None, batch_size=1000):
        # One transaction: searches on other connections see the old rows until the commit.
        with transaction.atomic():
            SearchFacetValue.objects.all().delete()
            SearchDocument.objects.all().delete()
            SearchTerm.objects.all().delete()
            if self.uses_fts:
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {FTS_TABLE}")
            vocabulary = collections.Counter()
            batch = []
            for document in documents:
                batch.append(document)
                vocabulary.update(vocabulary_words(document["title"], document["body"]))
                if len(batch) >= batch_size:
                    self._write(batch)
                    batch = []
            self._write(batch)
            SearchTerm.objects.bulk_create(
                (SearchTerm(word=word, stem=term(word), document_count=count) for word, count in vocabulary.items()),
                batch_size=5000,
            )
            # Fresh statistics, or the planner keeps the plans of the empty tables for a while.
            with connection.cursor() as cursor:
                for model in (SearchDocument, SearchFacetValue, SearchTerm):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
            if before_switch:
                before_switch()

    @property
    def uses_fts(self):
        return connection.vendor == "sqlite" and _has_fts_table(connection.settings_dict["NAME"])

    def _delete(self, page_ids):
        page_ids = list(page_ids)
        SearchDocument.objects.filter(pk__in=page_ids).delete()
        if self.uses_fts and page_ids:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(page_ids))})", page_ids
                )

    def _write(self, documents):
        if not documents:
            return
        if self.uses_fts:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE}(rowid, stems) VALUES (%s, %s)",
                    [(document["id"], document["stems"]) for document in documents],
                )
        SearchDocument.objects.bulk_create(
            [
                SearchDocument(
                    page_id=document["id"],
                    content_type=document["type"],
                    title=document["title"][:255],
                    summary=document["summary"],
                    body=document["body"][:TEXT_FOR_HIGHLIGHT],
                    url=document["url"][:500],
                    date=document["date"],
                    title_stems=f" {document['title_stems']} ",
                    filed_stems=f" {document['filed_stems']} ",
                    stems=f" {document['stems']} ",
                    title_folded=" ".join(words(document["title"]))[:300],
                    language=document["language"][0] if document["language"] else "",
                    passages=document.get("passages", []),
                    vectors=embeddings.to_bytes(document["vectors"]) if "vectors" in document else None,
                )
                for document in documents
            ]
        )
        SearchFacetValue.objects.bulk_create(
            [
                SearchFacetValue(document_id=document["id"], facet=facet, value=str(value)[:100])
                for document in documents
                for facet in facet_names()
                for value in (document[facet] if isinstance(document[facet], list) else [document[facet]])
            ],
            batch_size=5000,
        )
        if self.uses_postgres:
            # Stems from the application (simple configuration) plus PostgreSQL's own Dutch analysis of the text.
            SearchDocument.objects.filter(pk__in=[document["id"] for document in documents]).update(
                search_vector=SearchVector("title_stems", config="simple", weight="A")
                + SearchVector("filed_stems", config="simple", weight="B")
                + SearchVector("stems", config="simple", weight="C")
            )

    def _words_of(self, page_ids):
        found = collections.Counter()
        for title, body in SearchDocument.objects.filter(pk__in=page_ids).values_list("title", "body"):
            found.update(vocabulary_words(title, body))
        return found

    def _adjust_vocabulary(self, added, removed):
        delta = collections.Counter(added)
        delta.subtract(removed)
        for word, change in delta.items():
            if change > 0:
                updated = SearchTerm.objects.filter(word=word).update(document_count=F("document_count") + change)
                if not updated:
                    SearchTerm.objects.create(word=word, stem=term(word), document_count=change)
            elif change < 0:
                SearchTerm.objects.filter(word=word).update(document_count=F("document_count") + change)
        SearchTerm.objects.filter(document_count__lte=0).delete()

    # Reading

    def document_count(self):
        return SearchDocument.objects.count()

    def search(self, request):
        matching = self._matching(request.query)
        if request.page_ids:
            matching = matching.filter(page_id__in=request.page_ids)
        if request.exclude_ids:
            matching = matching.exclude(page_id__in=request.exclude_ids)
        filtered = self._filter(matching, request.filters)
        total = filtered.count()
        ordered = self._order(filtered, request)
        start = (request.page - 1) * request.page_size
        rows = ordered.values(*HIT_COLUMNS)[start : start + request.page_size]
        hits = [_hit(row) for row in rows]
        return SearchResponse(hits=hits, total=total, facets=self._facet_counts(matching, request.filters))

    def nearest(self, request, vector, limit):
        # Scored in the application: every filtered document's passage vectors are read (int8, 6 KB for a
        # page of 12 passages). Fine for the fallback and for small sites; Elasticsearch has an HNSW index.
        documents = self._filter(SearchDocument.objects.exclude(vectors=None), request.filters)
        if request.page_ids:
            documents = documents.filter(page_id__in=request.page_ids)
        candidates = (
            (page_id, embeddings.from_bytes(vectors), passages)
            for page_id, vectors, passages in documents.values_list("page_id", "vectors", "passages").iterator()
        )
        nearest = embeddings.nearest_of(vector, candidates, limit)
        found = SearchDocument.objects.filter(pk__in=[key for key, *_ in nearest]).values(*HIT_COLUMNS)
        rows = {row["page_id"]: row for row in found}
        return [
            embeddings.Neighbour(hit=_hit(rows[key]), similarity=similarity, passage=passage)
            for key, similarity, passage in nearest
            if key in rows
        ]

    def _matching(self, query):
        """Pages with every phrase, none of the exclusions and at least `query.minimum` of the words.

        When every word is needed (queries of one or two words, the usual case) the index answers the AND of
        them directly; only longer queries count the words matched per candidate.
        """
        every_word = query.minimum >= len(query.clauses)
        documents = SearchDocument.objects.all()
        if self.uses_postgres:
            documents = documents.filter(search_vector=_raw_tsquery(_tsquery_text(query, every_word=every_word)))
            clause_conditions = [Q(search_vector=_raw_tsquery(_ts_clause(clause))) for clause in query.clauses]
        else:
            if self.uses_fts:
                # The FTS5 table has no positions (detail=none): it narrows the candidates, LIKE decides phrases.
                documents = documents.filter(
                    pk__in=RawSQL(
                        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                        [_fts_expression(query, every_word)],
                    )
                )
            elif query.clauses:
                combine = _all_of if every_word else _any_of
                documents = documents.filter(combine(_clause_q(clause) for clause in query.clauses))
            for phrase in query.phrases:
                documents = documents.filter(_phrase_q(phrase))
            for excluded in query.excluded:
                documents = documents.exclude(_phrase_q(excluded))
            clause_conditions = [_clause_q(clause) for clause in query.clauses]
        if not every_word and query.minimum > 1:
            documents = documents.annotate(matched=_count_of(clause_conditions)).filter(matched__gte=query.minimum)
        return documents

    def _filter(self, documents, filters, skip=None):
        for facet, values in filters.items():
            if facet == skip or not values:
                continue
            documents = documents.filter(
                pk__in=SearchFacetValue.objects.filter(facet=facet, value__in=values).values("document_id")
            )
        return documents

    def _order(self, documents, request):
        if request.sort == "date":
            return documents.order_by(F("date").desc(nulls_last=True), "title")
        query = request.query
        if query.minimum >= len(query.clauses):
            matched = Value(len(query.clauses), output_field=IntegerField())  # every match has every word
        elif self.uses_postgres:
            matched = _count_of([Q(search_vector=_raw_tsquery(_ts_clause(clause))) for clause in query.clauses])
        else:
            matched = _count_of([_clause_q(clause) for clause in query.clauses])
        weights = term_weights(query.all_terms, *self._document_frequencies(query.all_terms))
        # The same score on SQLite and PostgreSQL (ts_rank would weigh a title match over a rare word).
        score = relevance(query, weights, term_evidence)
        return documents.annotate(matched_clauses=matched, score=score).order_by(
            "-matched_clauses", "-score", F("date").desc(nulls_last=True), "title"
        )

    def _document_frequencies(self, terms):
        """({term: in how many documents}, how many documents), counted in one query and kept in the shared
        cache until the index changes (portal.caching's `search`): the same words are asked for again and again."""
        terms = sorted(terms)

        def count():
            caching.record(caching.SEARCH)
            counts = {f"t{number}": Count("pk", filter=self._term_condition(word)) for number, word in enumerate(terms)}
            found = SearchDocument.objects.aggregate(total=Count("pk"), **counts)
            return {word: found[f"t{number}"] for number, word in enumerate(terms)}, found["total"]

        return DOCUMENT_FREQUENCIES.get_or_build(count, terms=" ".join(terms))

    def _term_condition(self, word):
        return Q(search_vector=_raw_tsquery(word)) if self.uses_postgres else _term_q("stems", (word,))

    def _facet_counts(self, matching, filters):
        # A facet counts with every selection but its own. Facets without a selection share one scope (all
        # selections), so they are counted in one query; each selected facet needs its own.
        names = facet_names()
        selected = [facet for facet in names if filters.get(facet)]
        unselected = [facet for facet in names if facet not in selected]
        counts = {facet: [] for facet in names}
        groups = [(unselected, self._filter(matching, filters))] + [
            ([facet], self._filter(matching, filters, skip=facet)) for facet in selected
        ]
        for facets, scope in groups:
            rows = (
                SearchFacetValue.objects.filter(facet__in=facets, document__in=scope.values("pk"))
                .values("facet", "value")
                .annotate(count=Count("document_id"))
                .order_by("facet", "-count", "value")
            )
            for row in rows:
                if len(counts[row["facet"]]) < MAX_FACET_VALUES:
                    counts[row["facet"]].append((row["value"], row["count"]))
        return counts

    def suggest(self, prefix, limit, language):
        prefix = " ".join(words(prefix))
        if not prefix:
            return []
        rows = (
            SearchDocument.objects.filter(Q(title_folded__startswith=prefix) | Q(title_folded__contains=f" {prefix}"))
            .filter(pk__in=SearchFacetValue.objects.filter(facet="language", value=language).values("document_id"))
            .annotate(
                starts=Case(
                    When(title_folded__startswith=prefix, then=Value(0)), default=Value(1), output_field=IntegerField()
                )
            )
            .order_by("starts", Coalesce("date", Value(None)).desc(nulls_last=True), "title")
            .values_list("title", "url", "content_type", "date")[:limit]
        )
        return rank_suggestions(list(rows), prefix, limit)

    def corrections(self, words):
        found = {}
        for word in words:
            # Only words that are neither in the index nor Dutch words: 'rellen' is never 'corrected'.
            if len(word) < 4 or is_known_word(word) or SearchTerm.objects.filter(stem=term(word)).exists():
                continue
            candidates = (
                SearchTerm.objects.annotate(length=Length("word"))
                .filter(
                    word__startswith=word[0],
                    length__gte=len(word) - MAX_CORRECTION_DISTANCE,
                    length__lte=len(word) + MAX_CORRECTION_DISTANCE,
                )
                .values_list("word", "document_count")
            )
            scored = [
                (distance, -count, candidate)
                for candidate, count in candidates
                if (distance := edit_distance(word, candidate)) <= MAX_CORRECTION_DISTANCE
            ]
            if scored:
                found[word] = min(scored)[2]
        return found


# Query building, shared by the backends. Terms are [0-9a-z] only (see search.text): safe inside LIKE
# patterns, FTS5 strings and raw tsqueries.


def _term_q(field, terms):
    return Q(**{f"{field}__contains": " " + " ".join(terms) + " "})


def _phrase_q(phrase):
    return _term_q("stems", phrase)


def _clause_q(clause):
    return _any_of(_all_of(_term_q("stems", (term,)) for term in alternative) for alternative in clause)


def _any_of(conditions):
    combined = Q()
    for condition in conditions:
        combined |= condition
    return combined


def _all_of(conditions):
    combined = Q()
    for condition in conditions:
        combined &= condition
    return combined


def _count_of(conditions):
    """How many of the conditions a row meets."""
    count = Value(0, output_field=IntegerField())
    for condition in conditions:
        count = count + Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
    return count


MAX_COUNTED_OCCURRENCES = 5
EVIDENCE_SATURATION = 2.0
# A safety net: every change of the index renews them.
DOCUMENT_FREQUENCIES = caching.Entry("search-document-frequencies", ("terms",), timeout=3600, hashed=True)


def term_evidence(word):
    """How strongly a document is about `word`, from 0 towards 1: in the title counts 3, filed under it 2,
    each time in the text 1 (up to five), saturating as BM25 does (x / (x + 2)), so a page that matches every
    word of the question a little beats one that matches one word a lot."""
    padded = f" {word} "
    occurrences = (Length("stems") - Length(Replace("stems", Value(padded), Value(" ")))) / Value(len(padded) - 1)
    found = (
        Case(When(_term_q("title_stems", (word,)), then=Value(3)), default=Value(0), output_field=IntegerField())
        + Case(When(_term_q("filed_stems", (word,)), then=Value(2)), default=Value(0), output_field=IntegerField())
        + Least(occurrences, Value(MAX_COUNTED_OCCURRENCES), output_field=IntegerField())
    )
    return Cast(found, FloatField()) / (Cast(found, FloatField()) + Value(EVIDENCE_SATURATION))


def relevance(query, weights, evidence):
    """The score of a document for the query: per word of the question its best alternative (a synonym or a
    compound's parts do not add up), the evidence times the word's weight (rarer words count more)."""
    score = Value(0.0, output_field=FloatField())
    for clause in query.clauses:
        # One weight for the word and its alternatives (the most common one's): a rare synonym is no rarer
        # a question than the word the visitor typed.
        weight = Value(float(min(weights[word] for alternative in clause for word in alternative)))
        alternatives = [
            sum((evidence(word) for word in alternative), Value(0.0)) * weight / len(alternative)
            for alternative in clause
        ]
        score = score + (alternatives[0] if len(alternatives) == 1 else Greatest(*alternatives))
    for phrase in query.phrases:
        score = score + sum((evidence(word) * Value(float(weights[word])) for word in phrase), Value(0.0))
    return score


def term_weights(terms, document_frequencies, total_documents):
    """An integer weight per term: its inverse document frequency (a word in few pages says more about them
    than one in half of them); 10 for a term in every page."""
    total = max(total_documents, 1)
    weights = {}
    for found in terms:
        frequency = min(max(document_frequencies.get(found, 1), 1), total)
        weights[found] = round(10 * (1 + math.log(total / frequency)))
    return weights


def _ts_clause(clause):
    return "(" + " | ".join("(" + " & ".join(alternative) + ")" for alternative in clause) + ")"


def _tsquery_text(query, with_exclusions=True, every_word=False):
    parts = []
    if query.clauses:
        parts.append("(" + (" & " if every_word else " | ").join(_ts_clause(clause) for clause in query.clauses) + ")")
    parts.extend("(" + " <-> ".join(phrase) + ")" for phrase in query.phrases)
    if with_exclusions:
        parts.extend("!(" + " <-> ".join(excluded) + ")" for excluded in query.excluded)
    return " & ".join(parts)


def _raw_tsquery(text):
    return SearchQuery(text, config="simple", search_type="raw")


def _fts_expression(query, every_word=False):
    """FTS5 candidates: any (or every) of the words and every word of each phrase (quoted: plain terms, never
    syntax)."""

    def all_of(terms):
        return "(" + " AND ".join(f'"{term}"' for term in terms) + ")"

    def clause(alternatives):
        return "(" + " OR ".join(all_of(alternative) for alternative in alternatives) + ")"

    parts = []
    if query.clauses:
        parts.append(
            "(" + (" AND " if every_word else " OR ").join(clause(alternatives) for alternatives in query.clauses) + ")"
        )
    parts.extend(all_of(phrase) for phrase in query.phrases)
    return " AND ".join(parts)


@functools.cache
def _has_fts_table(database_name):
    return FTS_TABLE in connection.introspection.table_names()


def vocabulary_words(title, body):
    """The distinct words a document adds to the vocabulary (the stored part of its text)."""
    return set(words(f"{title} {body[:TEXT_FOR_HIGHLIGHT]}"))


def edit_distance(first, second):
    """Damerau–Levenshtein distance (adjacent swaps count once: 'polarisatei' is one step from 'polarisatie')."""
    previous_previous, previous = None, list(range(len(second) + 1))
    for i, first_char in enumerate(first, 1):
        current = [i]
        for j, second_char in enumerate(second, 1):
            cost = first_char != second_char
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous_previous is not None
                and i > 1
                and j > 1
                and first_char == second[j - 2]
                and first[i - 2] == second_char
            ):
                value = min(value, previous_previous[j - 2] + 1)
            current.append(value)
        previous_previous, previous = previous, current
    return previous[-1]
