"""The one small interface every search engine implements, and the values it speaks in."""

import dataclasses


class EngineUnavailable(Exception):
    """The engine cannot answer now (connection refused, timeout, missing index); the caller falls back."""


class EngineUnreachable(EngineUnavailable):
    """The engine did not answer at all (refused, timed out): its circuit breaker opens (search.engines.breaker)."""


@dataclasses.dataclass(frozen=True)
class SearchRequest:
    query: object  # a search.query.ParsedQuery
    filters: dict = dataclasses.field(default_factory=dict)  # facet name -> list of values (OR within, AND across)
    page: int = 1
    page_size: int = 10
    sort: str = "relevance"  # or "date"
    page_ids: tuple = ()  # when given, only these pages (saved-search digests check just the changed pages)
    exclude_ids: tuple = ()  # never these pages (shown already on the first page of a hybrid ranking)


@dataclasses.dataclass
class Hit:
    id: int
    type: str
    title: str
    url: str
    summary: str
    text: str  # the start of the body, for highlighting in the application
    date: object = None
    language: str = ""
    passage: str = ""  # the passage nearest in meaning to the query, when the embedding found the page


@dataclasses.dataclass
class SearchResponse:
    hits: list
    total: int
    facets: dict  # facet name -> list of (value, count), most frequent first


@dataclasses.dataclass
class Suggestion:
    title: str
    url: str
    type: str


def rank_suggestions(candidates, prefix, limit):
    """The order every engine gives suggestions in: titles that start with what was typed, then the newest,
    then by title. `candidates` are (title, url, type, date) of distinct pages; `prefix` is folded."""
    from ..text import words

    def key(candidate):
        title, _url, _type, date = candidate
        starts = " ".join(words(title)).startswith(prefix)
        return (not starts, -(_ordinal(date)), title)

    return [
        Suggestion(title=title, url=url, type=type_) for title, url, type_, _date in sorted(candidates, key=key)[:limit]
    ]


def _ordinal(date):
    if not date:
        return 0
    if isinstance(date, str):
        import datetime

        try:
            date = datetime.date.fromisoformat(date[:10])
        except ValueError:
            return 0
    return date.toordinal()


class SearchEngine:
    """What the search service needs from an engine. Documents are dicts from search.documents."""

    # Elasticsearch cannot page beyond this without scrolling; the database engine keeps the same limit.
    max_result_window = 10_000

    @classmethod
    def from_settings(cls, settings):
        """The engine as the settings configure it, or None when they do not (search.engines)."""
        return cls()

    def index(self, documents):
        """Add or replace documents."""
        raise NotImplementedError

    def remove(self, page_ids):
        raise NotImplementedError

    def search(self, request):
        """A SearchResponse for a SearchRequest whose query is not empty."""
        raise NotImplementedError

    def nearest(self, request, vector, limit):
        """The `limit` documents nearest in meaning to the query `vector` among those passing `request.filters`
        (not `request.query`): search.embeddings.Neighbour values, nearest first."""
        raise NotImplementedError

    def search_and_nearest(self, request, nearest_request, vector, limit):
        """`search(request)` and `nearest(nearest_request, vector, limit)` together: a remote engine answers
        both in one round trip."""
        return self.search(request), self.nearest(nearest_request, vector, limit)

    def suggest(self, prefix, limit, language):
        """Suggestions (titles of documents in `language`) for what a visitor has typed so far, in the order
        of `rank_suggestions`."""
        raise NotImplementedError

    def corrections(self, words):
        """A mapping of unknown query words to the closest known word, for 'bedoelde u'."""
        raise NotImplementedError

    def rebuild(self, documents, before_switch=None):
        """Index all documents afresh; searches keep being answered from the old index until the switch."""
        raise NotImplementedError

    def document_count(self):
        raise NotImplementedError

    def probe(self):
        """Raise EngineUnavailable unless the engine answers now, whatever a circuit breaker says; when it
        answers, requests go to it again (the embedded engine always answers)."""

    def health(self):
        """The engine's state for /healthz (search.health) as {"status": "green" | "yellow" | "red", ...};
        EngineUnavailable when it cannot say now. The embedded engine is as healthy as its database."""
        return {"status": "green"}

    def close(self):
        """Let go of connections to the engine (a remote one's client)."""
