"""The judged relevance set (benchmarks/relevance_set.py) on each engine, hybrid as the search page asks it:
every query recorded as passing (benchmarks/relevance_recorded.json) must still pass, and nDCG@10 over the
graded judgements must not fall more than 0.02 below the recorded value. A change to the analysis, the query
semantics, the ranking or search by meaning that makes real users' queries worse fails here."""

import pytest

from benchmarks.relevance import (
    NDCG_TOLERANCE,
    build_corpus,
    english_on_dutch_success_at_5,
    evaluate,
    index_everything,
    recorded,
    summary,
)


@pytest.mark.slow
def test_recorded_queries_still_find_their_pages(engine, home_page, settings):
    settings.SEARCH_REFRESH_AFTER_WRITE = True
    keys_by_url = build_corpus()
    index_everything()
    if engine.name == "elasticsearch":
        engine.refresh_index()
    outcomes = {outcome.key: outcome for outcome in evaluate(keys_by_url)}
    must_pass = recorded()["must_pass"]
    assert len(must_pass) >= 250, "the recorded set shrank; re-record only with a reason"
    regressions = [
        f"{key}: got {outcomes[key].ranked[:5]}, want {outcomes[key].must} in the top 3, not {outcomes[key].must_not}"
        for key in must_pass
        if not outcomes[key].passed
    ]
    assert not regressions, "\n".join(regressions)
    found = summary(list(outcomes.values()))
    assert found["ndcg_at_10"] >= recorded()["ndcg_at_10"][engine.name] - NDCG_TOLERANCE
    assert found["zero_results"] < 0.05
    assert english_on_dutch_success_at_5(list(outcomes.values())) >= 0.70
