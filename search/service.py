"""The search page's logic as plain functions: parse the URL, ask the engine (falling back), label facets.

The search page's views call `parse_parameters`, `search_for_visitor` (which caches `run_search`) and
`suggestions`; they never know which engine answered.
"""

import dataclasses
import logging
import math

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query as PopularQuery
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from portal import caching
from portal.i18n import active_language_code
from portal.listings import PAGE_PARAM, FacetChoices, FacetOption, parse_selection
from portal.models import ThemePage
from portal.numbers import parse_int

from . import embeddings, engines
from .engines import EngineUnavailable, SearchRequest
from .facets import kinds, search_facets
from .highlight import highlight, highlight_title, marked_words
from .models import Synonym, UnansweredQuery
from .query import clean_query, parse_query

logger = logging.getLogger(__name__)

QUERY_PARAM = "q"
SORT_PARAM = "sorteer"


def facet_params():
    """URL parameter (Dutch, visible to visitors) -> facet name in the documents."""
    return {facet.param: name for name, facet in search_facets().items()}


def param_for_facet(name):
    """The URL parameter of a facet by its name in the documents; None for a facet no longer declared."""
    facet = search_facets().get(name)
    return facet.param if facet else None


def facet_label(name):
    return search_facets()[name].label


SORTS = {"relevantie": "relevance", "datum": "date"}
PAGE_SIZE = 10
MAX_SUGGESTIONS = 8
MIN_SUGGEST_LENGTH = 2


@dataclasses.dataclass
class SearchParameters:
    text: str = ""
    filters: dict = dataclasses.field(default_factory=dict)
    page: int = 1
    sort: str = "relevance"
    ignored: list = dataclasses.field(default_factory=list)  # (label, value) the visitor asked for that do not exist
    language: str = ""  # the visitor's language; pages in other languages are not searched (see run_search)


@dataclasses.dataclass
class ResultItem:
    url: str
    title_html: str
    snippet_html: str
    type_label: str
    date: object
    year_only: bool = False  # the date is a year (a case study's start year): shown as the year
    language: str = ""  # the page's language (Dutch pages for an English visitor when none are in English)


@dataclasses.dataclass
class SearchResults:
    parameters: SearchParameters
    items: list = dataclasses.field(default_factory=list)
    total: int = 0
    facets: list = dataclasses.field(default_factory=list)
    page: int = 1
    num_pages: int = 0
    degraded: bool = False  # the configured engine was down; the database answered
    other_language: str = ""  # nothing in the visitor's language: results are in this (the default) language
    corrected_text: str = ""  # nothing was found for the query as typed; results are for this corrected query
    did_you_mean: str = ""  # a correction offered beside the results of the query as typed
    relaxed: bool = False  # no page has enough of the words; results have at least one of them
    theme_links: list = dataclasses.field(default_factory=list)  # a way on when nothing was found
    promotions: list = dataclasses.field(default_factory=list)
    too_short: bool = False  # only stop words or punctuation
    by_meaning: bool = False  # pages found by meaning (search.embeddings) are among the results
    mixed_languages: bool = False  # some results are in another language than the visitor's (found by meaning)

    @property
    def has_query(self):
        return bool(self.parameters.text)

    @property
    def shown_query(self):
        """The query the results are for: the correction when one replaced the query as typed."""
        return self.corrected_text or self.parameters.text

    @property
    def first_number(self):
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def previous_page(self):
        return self.page - 1

    @property
    def next_page(self):
        return self.page + 1


def parse_parameters(query_dict):
    """The visitor's search from the URL; malformed or unknown values are dropped and reported, never an error."""
    parameters = SearchParameters(text=clean_query(query_dict.get(QUERY_PARAM, "")), language=active_language_code())
    parameters.sort = SORTS.get(query_dict.get(SORT_PARAM, ""), "relevance")
    parameters.page = _page_number(query_dict.get(PAGE_PARAM, "1"))
    names = facet_params()
    selection, parameters.ignored = parse_selection(
        query_dict, search_facets().values(), lambda facet, values: facet_labels(names[facet.param], values)
    )
    parameters.filters = {names[param]: values for param, values in selection.items()}
    return parameters


def _page_number(raw):
    # ASCII digits only; a number past the last page shows the last page (the engines clamp it).
    return parse_int(str(raw).strip(), minimum=1) or 1


# Safety nets: an editor's change renews these at once, every publication the results.
SYNONYM_GROUPS = caching.Entry("search-synonyms", timeout=3600)
FACET_LABELS = caching.Entry("search-labels", ("facet", "language"), timeout=3600)
RESULTS = caching.Entry("search-results", ("search",), timeout=600, hashed=True)


def synonym_groups():
    """The editors' synonyms, from the shared cache (renewed when one changes)."""

    def build():
        caching.record(SYNONYMS)
        return [synonym.phrases for synonym in Synonym.objects.all()]

    return SYNONYM_GROUPS.get_or_build(build)


def synonyms_changed(**kwargs):
    caching.invalidate(SYNONYMS)


SYNONYMS = "synonyms"


def run_search(parameters, record=True):
    """Search with the configured engine, or the database engine when that one is unavailable.

    The query as typed is answered whenever it finds anything. Only when it finds nothing: first the
    Dutch pages for a visitor of another language, then pages with fewer of the words, then a corrected
    query (only for words that are neither in the index nor words of the language). A correction that is
    not needed is offered as 'Bedoelde u', never applied.
    """
    results = SearchResults(parameters=parameters)
    visitor_language = parameters.language
    if not parameters.text:
        return results
    synonyms = synonym_groups()
    query = parse_query(parameters.text, synonyms, parameters.language)
    if query.is_empty:
        results.too_short = True
        return results
    results.promotions = promotions_for(parameters.text) if parameters.page == 1 else []
    engine = engines.primary_engine()
    meaning = _meaning_request(query, parameters, visitor_language)
    response, neighbours, engine, results.degraded = _search_and_nearest(engine, query, parameters, meaning)
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if response.total == 0 and parameters.language and parameters.language != default_language:
        # Most pages exist only in Dutch: an English visitor gets those rather than nothing.
        dutch = dataclasses.replace(parameters, language=default_language)
        dutch_query = parse_query(parameters.text, synonyms, default_language)
        dutch_response, dutch_engine, dutch_degraded = _search_with_fallback(engine, dutch_query, dutch)
        if dutch_response.total:
            parameters, query, response, engine, results.degraded = (
                dutch,
                dutch_query,
                dutch_response,
                dutch_engine,
                dutch_degraded,
            )
            results.other_language = default_language
    if response.total == 0 and query.can_relax:
        relaxed = query.relaxed()
        relaxed_response, relaxed_engine, relaxed_degraded = _search_with_fallback(engine, relaxed, parameters)
        if relaxed_response.total:
            query, response, engine, results.degraded = relaxed, relaxed_response, relaxed_engine, relaxed_degraded
            results.relaxed = True
    corrections = _corrections(engine, query.words) if parameters.page == 1 or response.total == 0 else {}
    if corrections:
        corrected_text = " ".join(corrections.get(word, word) for word in query.words)
        if response.total:
            results.did_you_mean = corrected_text
        else:
            corrected_query = parse_query(corrected_text, synonyms, parameters.language)
            corrected_response, _engine, _degraded = _search_with_fallback(engine, corrected_query, parameters)
            if corrected_response.total:
                query, response, results.corrected_text = corrected_query, corrected_response, corrected_text
                results.relaxed = False
            else:
                results.did_you_mean = corrected_text
    hybrid = _nearest_in_meaning(engine, query, parameters, visitor_language, response, neighbours)
    if hybrid is not None:
        results.by_meaning = True
        response, results.degraded = hybrid, results.degraded or hybrid.degraded
    results.total = response.total
    results.num_pages = max(1, math.ceil(min(response.total, engine.max_result_window) / PAGE_SIZE))
    results.page = min(parameters.page, results.num_pages)
    if results.page != parameters.page and response.total:
        # Asked beyond the last page (an old link, or a made-up number): show the last page.
        last = dataclasses.replace(parameters, page=results.page)
        if hybrid is not None:
            response = _nearest_in_meaning(engine, query, last, visitor_language, response, neighbours) or response
        else:
            response, engine, _degraded = _search_with_fallback(engine, query, last)
    results.items = [_result_item(hit, query) for hit in response.hits]
    results.mixed_languages = any(item.language != visitor_language for item in results.items)
    results.facets = facet_views(response.facets, parameters.filters)
    if not results.total:
        results.theme_links = theme_links(parameters.language)
    if record and parameters.page == 1:
        record_query(parameters.text, found=results.total > 0)
    return results


def search_for_visitor(parameters):
    """`run_search` for the search page, with the answer from the shared cache when the same search (text,
    facets, sort, page, language) was answered since the index last changed (portal.caching: `search`, renewed
    by every publication; editors' synonyms and promotions). Every search is still counted (record_query)
    and rate-limited by the view; an answer given while Elasticsearch is down is not kept."""
    what = (parameters.text, sorted(parameters.filters.items()), parameters.page, parameters.sort, parameters.language)

    def build():
        caching.record(caching.SEARCH, SYNONYMS)
        return run_search(parameters, record=False)

    results, state = RESULTS.fetch(build, keep=lambda results: not results.degraded, search=repr(what))
    if state == caching.HIT:
        results = dataclasses.replace(results, parameters=parameters)  # what this visitor typed, ignored included
    if parameters.text and parameters.page == 1:
        record_query(parameters.text, found=results.total > 0)
    return results


def promotions_changed(**kwargs):
    caching.invalidate(caching.SEARCH)


def theme_links(language):
    """The theme pages in the visitor's language: a way on when a search found nothing."""
    pages = ThemePage.objects.live().public().filter(locale__language_code=language).order_by("path")
    if not pages.exists():
        pages = (
            ThemePage.objects.live()
            .public()
            .filter(locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
            .order_by("path")
        )
    return [{"title": page.title, "url": page.url} for page in pages[:12]]


def matching_among(parameters, page_ids, limit=50):
    """Hits of a search among these pages only, newest first: what a saved search's digest reports."""
    if not parameters.text or not page_ids:
        return []
    query = parse_query(parameters.text, synonym_groups(), parameters.language)
    if query.is_empty:
        return []
    parameters = dataclasses.replace(parameters, page=1, sort="date")
    response, _engine, _degraded = _search_with_fallback(
        engines.primary_engine(), query, parameters, page_ids=tuple(page_ids), page_size=min(limit, len(page_ids))
    )
    return response.hits


def _lexical_request(engine, query, parameters, page_ids=(), page_size=PAGE_SIZE, exclude_ids=()):
    page = min(parameters.page, engine.max_result_window // page_size)
    filters = {**parameters.filters, "language": [parameters.language]} if parameters.language else parameters.filters
    return SearchRequest(
        query=query,
        filters=filters,
        page=page,
        page_size=page_size,
        sort=parameters.sort,
        page_ids=page_ids,
        exclude_ids=exclude_ids,
    )


def _search_with_fallback(engine, query, parameters, page_ids=(), page_size=PAGE_SIZE, exclude_ids=()):
    request = _lexical_request(engine, query, parameters, page_ids, page_size, exclude_ids)
    try:
        return engine.search(request), engine, False
    except EngineUnavailable as error:
        logger.warning("Search engine %s unavailable, answering from the database: %s", engine.name, error)
        database = engines.database_engine()
        return database.search(request), database, True


def _meaning_request(query, parameters, visitor_language):
    """What to ask for the pages nearest in meaning, (request, query vector, limit), or None (embeddings off,
    or results sorted by date). A visitor in the default language gets pages in it only (every page has its
    original there); a visitor in another language gets pages in any language, so an English question finds
    the Dutch pages on it."""
    if not embeddings.enabled() or parameters.sort != "relevance":
        return None
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    filters = dict(parameters.filters)
    if visitor_language == default_language:
        filters["language"] = [default_language]
    request = SearchRequest(query=query, filters=filters, page_size=embeddings.NEAREST)
    return request, embeddings.embed_query(parameters.text), embeddings.NEAREST * 2


def _search_and_nearest(engine, query, parameters, meaning):
    """The first search, and with it the nearest in meaning (one round trip to a remote engine):
    (response, neighbours or None, engine that answered, degraded)."""
    if meaning is None:
        response, engine, degraded = _search_with_fallback(engine, query, parameters)
        return response, None, engine, degraded
    request = _lexical_request(engine, query, parameters)
    try:
        return (*engine.search_and_nearest(request, *meaning), engine, False)
    except EngineUnavailable as error:
        logger.warning("Search engine %s unavailable, answering from the database: %s", engine.name, error)
        database = engines.database_engine()
        return (*database.search_and_nearest(request, *meaning), database, True)


@dataclasses.dataclass
class HybridResponse:
    hits: list
    total: int
    facets: dict
    degraded: bool = False


def _nearest_in_meaning(engine, query, parameters, visitor_language, lexical, neighbours):
    """The lexical answer with the `neighbours` (pages nearest in meaning, `_meaning_request`) that join it
    (search.embeddings.joining), or None when none join.

    The fusion orders the first page: the lexical first page with the joining neighbours. Later pages go on
    in the lexical order without what the first page showed."""
    if not neighbours:
        return None
    degraded = False
    first = dataclasses.replace(parameters, page=1)
    head = lexical
    if parameters.page != 1:
        head, engine, head_degraded = _search_with_fallback(engine, query, first)
        degraded = degraded or head_degraded
    head_ids = {hit.id for hit in head.hits}
    neighbours = embeddings.joining(
        _without_translations_shown(neighbours, head.hits), visitor_language, head_ids, head.total
    )
    if not neighbours:
        return None
    fused = embeddings.fuse(head.hits, neighbours)[:PAGE_SIZE]
    outside = tuple(neighbour.hit.id for neighbour in neighbours if neighbour.hit.id not in head_ids)
    added = len(outside)
    if outside and head.total > len(head.hits):
        # A neighbour may match the words further down: count it once.
        matched, _engine, _degraded = _search_with_fallback(engine, query, first, page_ids=outside)
        added -= matched.total
    hits = fused
    if parameters.page > 1:
        later = dataclasses.replace(parameters, page=parameters.page - 1)
        rest, engine, rest_degraded = _search_with_fallback(
            engine, query, later, exclude_ids=tuple(hit.id for hit in fused)
        )
        hits, degraded = rest.hits, degraded or rest_degraded
    return HybridResponse(hits=hits, total=head.total + added, facets=lexical.facets, degraded=degraded)


def _without_translations_shown(neighbours, hits):
    """Neighbours whose page is not shown already as a translation or an alias (an English visitor who found
    the English translation by its words does not need its Dutch original as well)."""
    from wagtail.models import Page

    rows = Page.objects.filter(pk__in=[item.hit.id for item in neighbours] + [hit.id for hit in hits])
    origin = dict(rows.values_list("pk", "alias_of_id"))
    ids = {page_id: origin[page_id] or page_id for page_id in origin}
    keys = dict(Page.objects.filter(pk__in=set(ids.values())).values_list("pk", "translation_key"))
    key_of = {page_id: keys.get(original) for page_id, original in ids.items()}
    shown = {key_of.get(hit.id) for hit in hits}
    kept = []
    for neighbour in neighbours:
        key = key_of.get(neighbour.hit.id)
        if key is None or key not in shown:
            kept.append(neighbour)
            shown.add(key)
    return kept


def _corrections(engine, words):
    try:
        return engine.corrections(words)
    except EngineUnavailable:
        return engines.database_engine().corrections(words)


def _result_item(hit, query):
    terms = query.all_terms
    kind = kinds().get(hit.type)
    return ResultItem(
        url=hit.url,
        title_html=highlight_title(hit.title, terms, query.language),
        snippet_html=highlight(snippet_text(hit, terms, query.language), terms, language=query.language),
        type_label=kind.label if kind else hit.type,
        date=hit.date,
        year_only=bool(kind and kind.dated_by_year),
        language=hit.language or query.language,
    )


def snippet_text(hit, terms, language):
    """The text to cut the snippet from: the page's text after its summary where that text has the words asked
    for (the passage that answers, not the summary every overview shows already); else the passage nearest in
    meaning (a page found by meaning, search.embeddings); else the summary."""
    text, summary = " ".join((hit.text or "").split()), " ".join((hit.summary or "").split())
    rest = text[len(summary) :].lstrip() if summary and text.startswith(summary) else text
    if rest and terms and marked_words(rest, terms, language):
        return rest
    if hit.passage and hit.passage != hit.title:
        return hit.passage
    return summary or text


def facet_views(counts, selected):
    """Facets with labelled options; selected values stay visible (count 0) so they can be deselected."""
    views = []
    declared = search_facets()
    for facet in declared:
        pairs = list(counts.get(facet, []))
        present = {value for value, _count in pairs}
        pairs.extend((value, 0) for value in selected.get(facet, []) if value not in present)
        labels = facet_labels(facet, [value for value, _count in pairs])
        options = [
            FacetOption(value=value, label=labels[value], count=count, selected=value in selected.get(facet, []))
            for value, count in pairs
            if value in labels
        ]
        if facet == "year":
            options.sort(key=lambda option: option.value, reverse=True)
        if options:
            views.append(FacetChoices(declared[facet], options))
    return views


def facet_labels(facet, values):
    """Labels of the values that exist; unknown values are left out.

    Labels already looked up come from the shared cache (per facet and language, renewed when the vocabulary
    changes); only values not seen before are looked up.
    """
    values = [str(value) for value in values]
    parts = {"facet": facet, "language": active_language_code()}
    known = FACET_LABELS.get(**parts) or {}
    missing = [value for value in values if value not in known]
    if missing:
        with caching.building() as dependencies:
            found = search_facets()[facet].labels(missing)
        if found:
            FACET_LABELS.put({**known, **found}, dependencies, **parts)
        known = {**known, **found}
    return {value: known[value] for value in values if value in known}


def promotions_for(text):
    """Pages editors promoted for this query, if those pages are live and public."""
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(text))
        .select_related("page")
        .order_by("sort_order")
    )
    visible_ids = set(
        Page.objects.live()
        .public()
        .filter(pk__in=[p.page_id for p in promotions if p.page_id])
        .values_list("pk", flat=True)
    )
    shown = []
    for promotion in promotions:
        if promotion.page_id and promotion.page_id in visible_ids:
            shown.append(
                {"title": promotion.page.title, "url": promotion.page.url, "description": promotion.description}
            )
        elif not promotion.page_id and promotion.external_link_url:
            shown.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return shown


def record_query(text, found):
    """Count the query for the editors' reports (popular queries, and queries that found nothing)."""
    normalised = normalise_query_string(text)[:200]
    if not normalised:
        return
    try:
        with transaction.atomic():
            PopularQuery.get(normalised).add_hit()
            if not found:
                today = timezone.localdate()
                updated = UnansweredQuery.objects.filter(query=normalised, date=today).update(count=F("count") + 1)
                if not updated:
                    UnansweredQuery.objects.create(query=normalised, date=today, count=1)
    except IntegrityError:
        # Two visitors counted the same new query at once; losing one count is fine.
        logger.info("Concurrent first hit for query %r not counted", normalised)
    except DatabaseError as error:
        # The log is for editors' reports; a visitor's search never fails because a count could not be written.
        logger.warning("Query %r not counted: %s", normalised, error)


def suggestions(prefix, language=None):
    """Titles in the visitor's language completing what they typed, for the search box; the database answers
    when Elasticsearch cannot."""
    prefix = clean_query(prefix)[:60]
    if len(prefix) < MIN_SUGGEST_LENGTH:
        return []
    language = language or active_language_code()
    try:
        found = engines.primary_engine().suggest(prefix, MAX_SUGGESTIONS, language)
    except EngineUnavailable:
        found = engines.database_engine().suggest(prefix, MAX_SUGGESTIONS, language)
    labels = {kind: declared.label for kind, declared in kinds().items()}
    return [
        {"title": suggestion.title, "url": suggestion.url, "type": str(labels.get(suggestion.type, ""))}
        for suggestion in found
    ]
