"""CPU time of the reader's check for other sessions' changes (briefing.opening.
OtherSessionsPoll, run every 2 s while an article is open) in a library of many graded
articles.

Run: python benchmarks/other_sessions_poll.py [ARTICLES]   (default 300)

The library holds ARTICLES articles, each with five claim grades and a source's reliability.
Another session then changes nothing, adds a highlight to another article, or regrades a
source, before each of 30 polls; prints the median CPU time of one poll's read for each.
Nothing changed: a stat of the file. A highlight elsewhere: this article's highlights and
notes, no grade copied. A grade elsewhere: the grades too (what the reader compares with
those it shows).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from briefing.grades import claim_key, set_grade, source_key
from briefing.opening import OtherSessionsPoll
from briefing.store import Store

RUNS = 30


def graded_library(path: Path, articles: int) -> list[int]:
    with Store(path) as store, store.batch():
        ids = []
        for n in range(articles):
            text = "The minister said the port would reopen. " * 40 + f"Article {n}."
            article_id = store.add_article(title=f"Article {n}", text=text)
            ids.append(article_id)
            for g in range(5):
                set_grade(store, claim_key(article_id, {"start": g * 41, "end": g * 41 + 40}),
                          "3")
            set_grade(store, source_key(f"Speaker {n}"), "C", speaker=f"Speaker {n}",
                      article_id=article_id)
    return ids


def poll_ms(path: Path, article_id: int, change: Callable[[Store, int], None]) -> float:
    """Median CPU milliseconds of one poll read after each `change` by another session."""
    samples = []
    with Store(path) as store:
        poll = OtherSessionsPoll()
        for run in range(RUNS):
            with Store(path) as other:
                change(other, run)
            store.version()  # the manifest's re-read is the store's, not the poll's
            job = poll.read(article_id)
            started = time.process_time()
            read = job(store)
            samples.append(time.process_time() - started)
            poll.queued(run)
            poll.answered(read, run)
    return statistics.median(samples) * 1000


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    path = Path(tempfile.mkdtemp()) / "lib.json"
    ids = graded_library(path, articles)
    changes: dict[str, Callable[[Store, int], None]] = {
        "nothing changed": lambda other, run: None,
        "highlight elsewhere": lambda other, run: other.add_annotation(ids[1], run, run + 5),
        "grade elsewhere": lambda other, run: set_grade(
            other, source_key("Speaker 1"), "ABCDEF"[run % 6], speaker="Speaker 1"),
    }
    print(f"{articles} articles, {articles * 6} grades: median CPU ms of one poll read")
    for name, change in changes.items():
        print(f"  {name:20s} {poll_ms(path, ids[0], change):.3f}")


if __name__ == "__main__":
    main()
