"""Search and actor-index speed on a library of 500 articles and 10,000 annotations.

Run: python benchmarks/search.py   (target: median search under 50 ms)
Articles are built from the bundled samples' paragraphs; each gets a stored analysis (the
samples' real analyses, re-based) so claims and actors are searched too.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from briefing import config
from briefing.actor_index import build_index
from briefing.analysis import analyse, cache_key
from briefing.anchoring import capture
from briefing.ingest import load, text_hash
from briefing.search import SearchIndex
from briefing.store import Store, analyses_table_name, articles_table_name

QUERIES = ["cable", "Kallio", "grain prices", "#sabotage", "denied", "export controls",
           "NATO", "zzz-no-match", "the", "million euros"]


def build(path: Path, rng: random.Random) -> None:
    samples = [load(p) for p in config.sample_paths()]
    analyses = {d.hash: analyse(d.text) for d in samples}
    with Store(path) as store, store.raw_tables() as tables:
        for a in range(1, 501):
            doc = samples[a % len(samples)]
            text = f"Dispatch {a}. " + doc.text  # distinct texts, same analysis shape
            shift = len(f"Dispatch {a}. ")
            digest = text_hash(text)
            tables.setdefault(articles_table_name(a), {})[str(a)] = {
                "title": f"{doc.title} ({a})", "text": text, "hash": digest, "revisions": [],
                "imported": ""}
            base = analyses[doc.hash]
            key = cache_key(digest, config.model_name())
            tables[analyses_table_name(key)] = {"1": {"key": key, "result": {
                "actors": [dict(x, mentions=[[s + shift, e + shift] for s, e in x["mentions"]])
                           for x in base["actors"]],
                "claims": [dict(c, start=c["start"] + shift, end=c["end"] + shift)
                           for c in base["claims"]]}}}
            table = tables.setdefault(f"annotations.{a}", {})
            for h in range(20):
                start = rng.randrange(shift, len(text) - 60)
                table[str((a - 1) * 20 + h + 1)] = {
                    "article_id": a, "start": start, "end": start + 40,
                    "note": f"note {h} #sabotage" if h % 7 == 0 else f"note {h}",
                    "tags": ["sabotage"] if h % 7 == 0 else [], "color": 1,
                    "status": "anchored", "selector": capture(text, start, start + 40).to_dict(),
                    "text_hash": digest, "created": "", "updated": ""}


def main() -> None:
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lib.json"
        build(path, rng)
        with Store(path) as store:
            started = time.perf_counter()
            index = SearchIndex(store)
            index_seconds = time.perf_counter() - started
            times = []
            for _ in range(5):
                for query in QUERIES:
                    started = time.perf_counter()
                    index.search(query)
                    times.append(time.perf_counter() - started)
            started = time.perf_counter()
            actors = build_index(store)
            actor_seconds = time.perf_counter() - started
            annotations = len(store.all_annotations())
    print(f"library: 500 articles, {annotations:,} annotations")
    print(f"search index build: {index_seconds * 1000:.0f} ms (once per database version)")
    print(f"median search: {statistics.median(times) * 1000:.1f} ms, "
          f"slowest {max(times) * 1000:.1f} ms (target median < 50 ms)")
    print(f"actor index build: {actor_seconds * 1000:.0f} ms ({len(actors)} actors)")


if __name__ == "__main__":
    main()
