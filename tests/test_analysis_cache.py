"""One way to analyse and cache: what the command line saves, the reader finds."""

from __future__ import annotations

from briefing.actor_index import analyse_library
from briefing.analysis.cache import cached_analysis
from briefing.library import import_file
from briefing.store import Store
from tests.conftest import DATA


def test_the_library_analysis_is_the_one_the_reader_reads(db_path):
    with Store(db_path) as store:
        article_id = import_file(store, DATA / "sahel-grain-corridor.md").article_id
        digest = store.article(article_id)["hash"]
        assert cached_analysis(store, digest, None) is None
        assert analyse_library(store) == 1
        assert analyse_library(store) == 0  # cached: not analysed again
        found = cached_analysis(store, digest, None)
        raw = store.analysis_for_hash(digest)
    assert found is not None and "text" not in raw  # the store holds the text once
    assert any(actor.name == "Amadou Sissoko" for actor in found.actors)


def test_a_spare_core_is_judged_by_what_runs_now_not_the_minute_before(tmp_path) -> None:
    from briefing.analysis.runner import has_spare_core

    loadavg = tmp_path / "loadavg"
    # The last minute was busy (average 1.4 of 2 cores) but only this process runs now:
    # the analysis can start beside the reader's start-up.
    loadavg.write_text("1.40 1.10 0.90 1/180 4242\n")
    assert has_spare_core(loadavg, cores=2)
    # An idle minute, but two tasks want the CPU now (this one and another): no core spare.
    loadavg.write_text("0.05 0.10 0.20 2/180 4242\n")
    assert not has_spare_core(loadavg, cores=2)
    assert has_spare_core(loadavg, cores=4)
    # One core: never spare.
    loadavg.write_text("0.00 0.00 0.00 1/180 4242\n")
    assert not has_spare_core(loadavg, cores=1)


def test_an_analysis_started_at_launch_yields_the_cpu_to_the_readers_first_paint() -> None:
    import os

    from briefing.analysis.runner import EARLY_NICENESS, AnalysisProcess

    own = os.getpriority(os.PRIO_PROCESS, 0)
    early = AnalysisProcess.start()  # before the text is known: beside the reader's start-up
    later = AnalysisProcess("Minister Ana Ruiz said the port would reopen.")
    try:
        for process in (early, later):
            # The first line ("loading spaCy") comes once the child has set its priority.
            assert next(process.events())[0] == "progress"
        assert os.getpriority(os.PRIO_PROCESS, early._proc.pid) == min(own + EARLY_NICENESS, 19)
        # Started once the text is on screen, it is what the reader waits for: no lower.
        assert os.getpriority(os.PRIO_PROCESS, later._proc.pid) == own
    finally:
        early.cancel()
        later.cancel()
