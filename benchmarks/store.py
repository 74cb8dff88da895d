"""Store speed: open a database of 10,000 annotations over 500 articles; add one annotation.

Run: python benchmarks/store.py   (targets: open < 0.5 s, add < 30 ms median)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from briefing.store import Store

PARAGRAPH = ("The ministry said on Tuesday that talks with the delegation would resume next week, "
             "although officials in the capital denied that any agreement had been reached. ")


def build(path: Path) -> None:
    with Store(path) as store, store.raw_tables() as tables:
        # One write for the whole build: the benchmark measures use, not bulk loading.
        articles = tables.setdefault("articles", {})
        from briefing.anchoring import capture
        from briefing.ingest import text_hash

        for a in range(1, 501):
            text = f"Article {a}. " + PARAGRAPH * 20
            articles[str(a)] = {"title": f"Article {a}", "text": text, "hash": text_hash(text),
                                "revisions": [], "imported": "2025-01-01T00:00:00+00:00"}
            annotations = tables.setdefault(f"annotations.{a}", {})
            for h in range(20):
                start = 15 + h * 60
                annotations[str((a - 1) * 20 + h + 1)] = {
                    "article_id": a, "start": start, "end": start + 40, "note": f"note {h}",
                    "color": 1 + h % 5, "tags": [], "status": "anchored",
                    "selector": capture(text, start, start + 40).to_dict(),
                    "text_hash": text_hash(text), "created": "", "updated": ""}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        build(path)
        tables = path.with_name(path.name + ".d")  # the manifest names one file per table
        size_mb = (path.stat().st_size + sum(p.stat().st_size for p in tables.iterdir())) / 1e6
        opens = []
        for _ in range(5):
            t0 = time.perf_counter()
            store = Store(path)
            store.annotations(1)
            opens.append(time.perf_counter() - t0)
            store.close()
        adds = []
        with Store(path) as store:
            for i in range(60):
                t0 = time.perf_counter()
                store.add_annotation(1 + i % 500, 20, 60, note=f"bench {i}")
                adds.append(time.perf_counter() - t0)
            count = len(store.all_annotations())
        print(f"database: {count} annotations over 500 articles, {size_mb:.1f} MB")
        print(f"open (incl. first query), median of 5: {statistics.median(opens):.3f} s "
              "(target < 0.5 s)")
        print(f"add one annotation, median of 60: {statistics.median(adds) * 1000:.1f} ms "
              "(target < 30 ms)")


if __name__ == "__main__":
    main()
