"""CPU time of opening an article (briefing.opening.open_article: grades followed onto the
cached analysis, orphans listed) in a library of many graded articles.

Run: python benchmarks/open_grades.py [ARTICLES] [SAMPLE]   (default 300, data/cardivex-recall.md)
     python benchmarks/open_grades.py --export [ARTICLES...]  (default 100 200 400)

The sample is analysed once (spaCy); the library holds ARTICLES copies of its text (each
made distinct by a last line), each with that analysis cached, five claim grades and a
reliability given to a source that speaks nowhere: the case where source_grades.py asks
every other article who speaks in it. Prints the median CPU time of 15 openings of one
article: the grades' share of opening, which grows with the library.

--export: the CPU time of `briefing export --all` (export_articles over every article)
on libraries of each size, and its time per article: flat when export is linear in the
library, growing with it when each article looks at every other one.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from briefing.analysis import analyse_document
from briefing.analysis.cache import analysis_key
from briefing.grades import claim_key, set_grade, source_key
from briefing.ingest import load
from briefing.opening import open_article
from briefing.store import Store

RUNS = 15


SAMPLE = Path(__file__).resolve().parent.parent / "data" / "cardivex-recall.md"


def graded_library(store: Store, result: dict, articles: int) -> None:
    """ARTICLES copies of the analysed sample, each graded (see the docstring)."""
    kept = {k: v for k, v in result.items() if k != "text"}
    with store.transaction():
        for i in range(articles):
            aid = store.add_article(f"Copy {i}", result["text"] + f"\n\nCopy {i}.")
            store.save_analysis(analysis_key(store.article(aid).hash, None), kept)
            for claim in kept["claims"][:5]:
                set_grade(store, claim_key(aid, claim), "3", speaker=claim.get("speaker"))
            set_grade(store, source_key(f"Nobody {i}"), "B", speaker=f"Nobody {i}",
                      article_id=aid)


def export_all(sizes: list[int]) -> None:
    from briefing.export import export_articles

    result = analyse_document(load(SAMPLE))
    for articles in sizes:
        with tempfile.TemporaryDirectory() as scratch, \
                Store(Path(scratch) / "b.json") as store:
            graded_library(store, result, articles)
            ids = [a.id for a in store.articles()]
            export_articles(store, ids, Path(scratch) / "out")  # the grades follow once
            start = time.process_time()
            export_articles(store, ids, Path(scratch) / "out")
            spent = time.process_time() - start
        print(f"export --all: {spent:.2f} s CPU for {articles} graded articles, "
              f"{spent / articles * 1000:.1f} ms per article")


def main() -> None:
    if sys.argv[1:2] == ["--export"]:
        export_all([int(n) for n in sys.argv[2:]] or [100, 200, 400])
        return
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    sample = Path(sys.argv[2]) if len(sys.argv) > 2 else SAMPLE
    result = analyse_document(load(sample))
    kept = {k: v for k, v in result.items() if k != "text"}
    with tempfile.TemporaryDirectory() as scratch, Store(Path(scratch) / "b.json") as store:
        graded_library(store, result, articles)
        first = store.articles()[0].id
        times = []
        for _ in range(RUNS):
            start = time.process_time()
            open_article(store, first, None)
            times.append(time.process_time() - start)
    print(f"open_article: {statistics.median(times) * 1000:.1f} ms CPU (median of {RUNS}), "
          f"{articles} graded articles, {len(kept['claims'])} claims each")


if __name__ == "__main__":
    main()
