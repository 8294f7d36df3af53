"""The judged relevance set (benchmarks/relevance_set.py) on each engine: every query recorded as passing
(benchmarks/relevance_must_pass.txt) must still pass. A change to the analysis, the query semantics or the
ranking that makes a real user's query worse fails here."""

import pytest

from benchmarks.relevance import build_corpus, evaluate, index_everything, recorded_must_pass, summary


@pytest.mark.slow
def test_recorded_queries_still_find_their_pages(engine, home_page, settings):
    settings.SEARCH_REFRESH_AFTER_WRITE = True
    keys_by_url = build_corpus()
    index_everything()
    if engine.name == "elasticsearch":
        engine.refresh_index()
    outcomes = {outcome.key: outcome for outcome in evaluate(keys_by_url)}
    must_pass = recorded_must_pass()
    assert len(must_pass) >= 140, "the recorded set shrank; re-record only with a reason"
    regressions = [
        f"{key}: got {outcomes[key].ranked[:5]}, want {outcomes[key].must} in the top 3, not {outcomes[key].must_not}"
        for key in must_pass
        if not outcomes[key].passed
    ]
    assert not regressions, "\n".join(regressions)
    assert summary(list(outcomes.values()))["zero_results"] < 0.05
