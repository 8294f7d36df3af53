"""The Elasticsearch engine, through elasticsearch-dsl: one index behind an alias for every public content type.

Analysis uses only what the Elasticsearch server core has (standard tokenizer, lowercase, Dutch stop words,
the hunspell dictionary filter); Snowball stems and accent folding come from the application (search.text).
"""

import contextlib
import datetime
import logging

from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch_dsl import MultiSearch, Q, Search

from .. import embeddings
from ..facets import facet_names
from ..text import is_known_word, words
from .base import EngineUnavailable, EngineUnreachable, Hit, SearchEngine, SearchResponse, rank_suggestions

logger = logging.getLogger(__name__)

TEXT_FOR_HIGHLIGHT = 20_000
MAX_FACET_VALUES = 50
SUGGEST_INPUTS = 8
UNAVAILABLE = (TransportConnectionError, ConnectionTimeout, TransportError)


@contextlib.contextmanager
def reaching_the_node():
    """Talk to the node: EngineUnreachable when it refuses or times out (the breaker around this engine,
    search.engines.breaker, then skips it for a while)."""
    try:
        yield
    except UNAVAILABLE as error:
        raise EngineUnreachable(f"{error.__class__.__name__}: {error}") from error


def analysis_settings(hunspell_locale):
    """The Dutch analysis chain, built when an index is created (the dictionary must exist on the node)."""
    filters = {"dutch_stop": {"type": "stop", "stopwords": "_dutch_"}}
    chain = ["lowercase", "dutch_stop"]
    if hunspell_locale:
        filters["dutch_dictionary"] = {
            "type": "hunspell",
            "locale": hunspell_locale,
            "ignore_case": True,
            "dedup": True,
        }
        chain.append("dutch_dictionary")
    return {
        "filter": filters,
        "analyzer": {"dutch_text": {"type": "custom", "tokenizer": "standard", "filter": chain}},
    }


# What a word found in the title and in what a page is filed under adds to its BM25 score in the text.
FIELD_BOOSTS = (("title_stems", 3), ("filed_stems", 3))
FIELD_TIE_BREAKER = 0.3


def facet_mapping():
    """Every facet as exact values (a year too: the values are shown and chosen, never compared)."""
    return {facet: {"type": "keyword"} for facet in facet_names()}


def index_body(hunspell_locale, shards=1, replicas=0):
    return {
        "settings": {
            "number_of_shards": shards,
            "number_of_replicas": replicas,
            "analysis": analysis_settings(hunspell_locale),
        },
        "mappings": {
            "dynamic": "strict",
            # The long texts are searched, not shown: keep them out of _source.
            "_source": {"excludes": ["body", "stems", "title_stems", "filed_stems", "folded", "passages.vector"]},
            "properties": {
                **facet_mapping(),
                "date": {"type": "date"},
                "title": {"type": "text", "analyzer": "dutch_text"},
                "body": {"type": "text", "analyzer": "dutch_text"},
                "summary": {"type": "text", "index": False},
                "excerpt": {"type": "text", "index": False},
                "url": {"type": "keyword", "index": False},
                "title_stems": {"type": "text", "analyzer": "standard", "norms": False},
                "filed_stems": {"type": "text", "analyzer": "standard", "norms": False},
                "stems": {"type": "text", "analyzer": "standard"},
                "folded": {"type": "text", "analyzer": "standard"},
                **PASSAGES_MAPPING,
                # Suggestions in the visitor's language only: the page's language is the context.
                "suggest": {
                    "type": "completion",
                    "analyzer": "standard",
                    "preserve_separators": True,
                    "contexts": [{"name": "language", "type": "category", "path": "language"}],
                },
            },
        },
    }


# Search by meaning (search.embeddings): one nested object per passage, its vector in an int8 HNSW graph; a
# document is as near as its nearest passage, the one inner_hits returns.
PASSAGES_MAPPING = {
    "passages": {
        "type": "nested",
        "properties": {
            "text": {"type": "text", "index": False},
            "vector": {
                "type": "dense_vector",
                "dims": embeddings.DIMENSIONS,
                "index": True,
                "similarity": "cosine",
                "index_options": {"type": "int8_hnsw"},
            },
        },
    }
}
# (alias, facets) whose index has every field mapped (per process: the check is idempotent).
_MAPPINGS_CHECKED = set()
NEAREST_CANDIDATES = 100  # per shard, for the HNSW search: more is more exact and slower


def to_source(document):
    """The Elasticsearch source for a search document."""
    source = {
        key: document[key]
        for key in ("title", "summary", "body", "url", "date", "title_stems", "filed_stems", "stems", "folded")
    }
    source.update({facet: document[facet] for facet in facet_names()})
    source["excerpt"] = document["body"][:TEXT_FOR_HIGHLIGHT]
    if "vectors" in document:
        source["passages"] = [
            {"text": text, "vector": [round(float(value), 5) for value in vector]}
            for text, vector in zip(document["passages"], document["vectors"], strict=True)
        ]
    title_words = words(document["title"])
    # Every word position of the title is a start, so 'school' completes 'Polarisatie op school'.
    source["suggest"] = {
        "input": [" ".join(title_words[start:]) for start in range(min(len(title_words), SUGGEST_INPUTS))]
    }
    return source


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    @classmethod
    def from_settings(cls, settings):
        """Configured by ELASTICSEARCH_URL (and SEARCH_INDEX_PREFIX); without it the portal has no node."""
        if not settings.ELASTICSEARCH_URL:
            return None
        return cls(settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_PREFIX)

    def __init__(self, url, prefix, client=None):
        self.alias = f"{prefix}_pages"
        self.client = client or Elasticsearch(
            url, request_timeout=settings.ELASTICSEARCH_TIMEOUT, max_retries=0, retry_on_timeout=False
        )
        # A write returns once searches see it ("wait_for": at the next refresh, within a second), so the
        # search cache renewed after it (search.indexing) is never rebuilt from the index before the write.
        self.refresh = "true" if settings.SEARCH_REFRESH_AFTER_WRITE else "wait_for"

    # Index management

    def create_index(self, name=None, client=None):
        name = name or f"{self.alias}_{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"
        (client or self.client).indices.create(index=name, **index_body(settings.ELASTICSEARCH_HUNSPELL_LOCALE))
        return name

    def ensure_index(self):
        """Create the index behind the alias when there is none (first start, fresh node)."""
        with reaching_the_node():
            if self.client.indices.exists_alias(name=self.alias):
                checked = (self.alias, tuple(facet_names()))
                if checked not in _MAPPINGS_CHECKED:
                    self._add_new_fields()
                    _MAPPINGS_CHECKED.add(checked)
                return
            if self.client.indices.exists(index=self.alias):
                raise EngineUnavailable(f"'{self.alias}' is an index, not an alias; run rebuild_search_index")
            name = self.create_index()
            self.client.indices.update_aliases(actions=[{"add": {"index": name, "alias": self.alias}}])

    def _add_new_fields(self):
        """An index made before passages or a content type's facet existed gets their mapping (adding a field
        is allowed; changing one is not, so fields the index has stay as they are)."""
        mappings = self.client.indices.get_mapping(index=self.alias)
        existing = {name for index in mappings.values() for name in index["mappings"].get("properties", {})}
        added = {name: field for name, field in {**facet_mapping(), **PASSAGES_MAPPING}.items() if name not in existing}
        if added:
            self.client.indices.put_mapping(index=self.alias, properties=added)

    def indexes_behind_alias(self):
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).keys())
        except NotFoundError:
            return []

    def delete_all(self):
        """Remove the alias and every index of this prefix (tests, and resetting a node)."""
        # Deleting by wildcard is refused (action.destructive_requires_name), so name every index.
        names = list(self.client.indices.get(index=f"{self.alias}_*", ignore_unavailable=True, allow_no_indices=True))
        if names:
            self.client.indices.delete(index=",".join(names), ignore_unavailable=True)

    # Writing

    def index(self, documents):
        actions = [
            {"_op_type": "index", "_index": self.alias, "_id": document["id"], "_source": to_source(document)}
            for document in documents
        ]
        if not actions:
            return
        self.ensure_index()
        self._bulk(actions, refresh=self.refresh)

    def remove(self, page_ids):
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": page_id} for page_id in page_ids]
        if not actions:
            return
        self.ensure_index()
        self._bulk(actions, refresh=self.refresh, raise_on_error=False)

    def _bulk(self, actions, **options):
        try:
            with reaching_the_node():
                helpers.bulk(self.client, actions, chunk_size=1000, max_chunk_bytes=20 * 1024 * 1024, **options)
        except helpers.BulkIndexError as error:
            # The node refused documents (a mapping from before a deploy, before rebuild_search_index ran):
            # the pages are queued like during an outage, and the editor's publication stands.
            reasons = {str(item.get("index", item).get("error", {}).get("type", "")) for item in error.errors}
            raise EngineUnavailable(f"{len(error.errors)} document(s) refused: {', '.join(sorted(reasons))}") from error

    def rebuild(self, documents, before_switch=None):
        """Fill a new index, then move the alias in one atomic step and drop the old index."""
        # An operator's rebuild always tries the node, whatever the breaker says, and waits longer than a
        # visitor's search would: bulk requests of 1,000 documents take seconds on a loaded node.
        client = self.client.options(request_timeout=settings.ELASTICSEARCH_BULK_TIMEOUT)
        with reaching_the_node():
            old_indexes = self.indexes_behind_alias()
            if not old_indexes and client.indices.exists(index=self.alias):
                # An index named like the alias (from an older version) is in the way.
                client.indices.delete(index=self.alias)
            name = self.create_index(client=client)
            try:
                self._fill(client, name, documents)
                if before_switch:
                    before_switch()
                actions = [{"remove": {"index": old, "alias": self.alias}} for old in old_indexes]
                actions.append({"add": {"index": name, "alias": self.alias}})
                client.indices.update_aliases(actions=actions)
            except BaseException:
                # The old index keeps serving; the half-filled one must not stay behind.
                client.indices.delete(index=name, ignore_unavailable=True)
                raise
            for old in old_indexes:
                client.indices.delete(index=old, ignore_unavailable=True)
        return name

    @staticmethod
    def _fill(client, name, documents):
        # No refreshes while filling: much faster; the refresh at the end makes everything visible.
        client.indices.put_settings(index=name, settings={"index": {"refresh_interval": "-1"}})
        actions = (
            {"_op_type": "index", "_index": name, "_id": document["id"], "_source": to_source(document)}
            for document in documents
        )
        for _ok, _item in helpers.streaming_bulk(
            client, actions, chunk_size=1000, max_chunk_bytes=20 * 1024 * 1024, raise_on_error=True
        ):
            pass
        client.indices.put_settings(index=name, settings={"index": {"refresh_interval": "1s"}})
        client.indices.refresh(index=name)

    def refresh_index(self):
        self.client.indices.refresh(index=self.alias)

    # Reading

    def document_count(self):
        try:
            with reaching_the_node():
                return self.client.count(index=self.alias)["count"]
        except NotFoundError:
            return 0

    def _search(self):
        return Search(using=self.client, index=self.alias)

    def search(self, request):
        return self._search_response(self._execute(self._lexical_search(request)))

    def nearest(self, request, vector, limit):
        return self._neighbours(self._execute(self._nearest_search(request, vector, limit)))

    def search_and_nearest(self, request, nearest_request, vector, limit):
        # One round trip: the node runs both searches side by side (the hybrid request costs about the slower
        # of the two, not their sum).
        searches = MultiSearch(using=self.client, index=self.alias)
        searches = searches.add(self._lexical_search(request)).add(self._nearest_search(nearest_request, vector, limit))
        try:
            with reaching_the_node():
                lexical, nearest = searches.execute(raise_on_error=False)
        except NotFoundError as error:
            raise EngineUnavailable(f"index '{self.alias}' does not exist; run rebuild_search_index") from error
        if lexical is None or nearest is None:
            # A search the node refused (a shard failing, the index closed): the database engine answers.
            raise EngineUnavailable("the node refused a search of the multi-search request")
        return self._search_response(lexical), self._neighbours(nearest)

    def _lexical_search(self, request):
        search = self._search().query(self._text_query(request.query))
        if request.page_ids:
            search = search.filter("ids", values=[str(page_id) for page_id in request.page_ids])
        if request.exclude_ids:
            search = search.exclude("ids", values=[str(page_id) for page_id in request.exclude_ids])
        filters = {facet: Q("terms", **{facet: values}) for facet, values in request.filters.items() if values}
        if filters:
            search = search.post_filter(Q("bool", filter=list(filters.values())))
        for facet in facet_names():
            # Each facet counts with every selection but its own (OR within a facet, AND across facets).
            others = [query for name, query in filters.items() if name != facet]
            bucket = search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others))
            bucket.bucket(
                "values", "terms", field=facet, size=MAX_FACET_VALUES, order=[{"_count": "desc"}, {"_key": "asc"}]
            )
        if request.sort == "date":
            search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
        start = (request.page - 1) * request.page_size
        search = search.source(HIT_SOURCE)
        return search.extra(from_=start, size=request.page_size, track_total_hits=True)

    def _search_response(self, response):
        hits = [_hit(hit) for hit in response]
        facets = {
            facet: [
                (str(bucket.key), bucket.doc_count)
                for bucket in getattr(response.aggregations, facet)["values"].buckets
            ]
            for facet in facet_names()
        }
        return SearchResponse(hits=hits, total=response.hits.total.value, facets=facets)

    def _nearest_search(self, request, vector, limit):
        filters = [Q("terms", **{facet: values}) for facet, values in request.filters.items() if values]
        if request.page_ids:
            filters.append(Q("ids", values=[str(page_id) for page_id in request.page_ids]))
        knn = {
            "field": "passages.vector",
            "query_vector": [float(value) for value in vector],
            "k": limit,
            "num_candidates": max(NEAREST_CANDIDATES, limit),
            "filter": [query.to_dict() for query in filters],
            "inner_hits": {"size": 1, "_source": ["passages.text"]},
        }
        return self._search().source(HIT_SOURCE).extra(knn=knn, size=limit)

    def _neighbours(self, response):
        neighbours = []
        for hit in response:
            inner = hit.meta.inner_hits["passages"].hits.hits if "inner_hits" in hit.meta else []
            passage = inner[0]["_source"]["text"] if inner else ""
            # Cosine similarity as Elasticsearch scores it: (1 + cosine) / 2.
            neighbours.append(embeddings.Neighbour(hit=_hit(hit), similarity=2 * hit.meta.score - 1, passage=passage))
        return neighbours

    def _text_query(self, query):
        """Every phrase, none of the exclusions, at least `query.minimum` of the words; ranked by BM25 on the
        terms with title and filed-under matches counting more."""
        clauses = [
            Q(
                "bool",
                should=[Q("bool", must=[Q("term", stems=term) for term in alternative]) for alternative in clause],
                minimum_should_match=1,
            )
            for clause in query.clauses
        ]
        required = [Q("match_phrase", stems=" ".join(phrase)) for phrase in query.phrases]
        if clauses:
            required.append(Q("bool", should=clauses, minimum_should_match=max(1, query.minimum)))
        excluded = [Q("match_phrase", stems=" ".join(terms)) for terms in query.excluded]
        # A word in the title or among what the page is filed under (its municipality, themes) counts more; per
        # word of the question its best alternative (a synonym does not add to the word it stands for).
        boosts = [
            Q(
                "dis_max",
                queries=[
                    Q(
                        "bool",
                        should=[
                            Q("term", **{field: {"value": term, "boost": boost / len(alternative)}})
                            for term in alternative
                        ],
                    )
                    for alternative in clause
                    for field, boost in FIELD_BOOSTS
                ],
                tie_breaker=FIELD_TIE_BREAKER,
            )
            for clause in query.clauses
        ]
        return Q("bool", must=required, must_not=excluded, should=boosts)

    def _execute(self, search):
        try:
            with reaching_the_node():
                return search.execute()
        except NotFoundError as error:
            raise EngineUnavailable(f"index '{self.alias}' does not exist; run rebuild_search_index") from error

    def suggest(self, prefix, limit, language):
        prefix = " ".join(words(prefix))
        if not prefix:
            return []
        # Duplicates are not skipped by the node: it dedups on the matched input, so two titles with the same
        # ending would lose one. The same page matched at two word positions is one suggestion here.
        search = (
            self._search()
            .suggest(
                "titles",
                prefix,
                completion={"field": "suggest", "size": limit * 3, "contexts": {"language": [language]}},
            )
            .source(["title", "url", "type", "date"])
            .extra(size=0)
        )
        response = self._execute(search)
        options = {}
        for option in response.suggest.titles[0].options:
            options.setdefault(option._id, option)
        return rank_suggestions(
            [
                (option._source.title, option._source.url, option._source.type, getattr(option._source, "date", None))
                for option in options.values()
            ],
            prefix,
            limit,
        )

    def corrections(self, query_words):
        # Only words that are neither in the index ('missing' mode) nor words of the language.
        text = " ".join(word for word in query_words if len(word) >= 4 and not is_known_word(word))
        if not text:
            return {}
        search = (
            self._search()
            .suggest(
                "spelling",
                text,
                term={
                    "field": "folded",
                    "suggest_mode": "missing",
                    "max_edits": 2,
                    "prefix_length": 1,
                    "min_word_length": 4,
                },
            )
            .extra(size=0)
        )
        response = self._execute(search)
        found = {}
        for entry in response.suggest.spelling:
            if entry.options:
                found[entry.text] = entry.options[0].text
        return found

    def probe(self):
        """Ask the node whether it answers (the breaker around the engine closes when it does)."""
        try:
            with reaching_the_node():
                self.client.cluster.health(timeout="1s")
        except ApiError as error:
            raise EngineUnavailable(str(error)) from error

    def close(self):
        self.client.close()

    def health(self):
        """The cluster's health (the test node has no "GET /")."""
        try:
            with reaching_the_node():
                return self.client.cluster.health(index=self.alias, timeout="1s")
        except ApiError as error:
            raise EngineUnavailable(str(error)) from error


HIT_SOURCE = ["type", "title", "summary", "excerpt", "url", "date", "language"]


def _hit(hit):
    language = getattr(hit, "language", "")
    if not isinstance(language, str):  # a list in the source (a facet)
        language = language[0] if len(language) else ""
    return Hit(
        id=int(hit.meta.id),
        type=hit.type,
        title=hit.title,
        url=hit.url,
        summary=hit.summary or "",
        text=getattr(hit, "excerpt", "") or "",
        date=_parse_date(getattr(hit, "date", None)),
        language=language,
    )


def _parse_date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
