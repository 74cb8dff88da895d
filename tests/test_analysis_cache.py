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
