"""Store speed.

1. Open a database of 10,000 annotations over 500 articles; add one annotation
   (targets: open < 0.5 s, add < 30 ms median).
2. Grow a library to 10,000 articles with `briefing import` of Markdown files, 1,000 per
   command (prints each 1,000's time: flat means linear; target <= 150 s in all); then, at
   that size, add one more article and one more annotation (<= 20 ms each), `briefing list`
   and the library screen's first paint in a 120x40 terminal (<= 0.5 s each).

Run: python benchmarks/store.py [--articles N]   (N defaults to 10,000)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing.store import Store, articles_table_name

PARAGRAPH = ("The ministry said on Tuesday that talks with the delegation would resume next week, "
             "although officials in the capital denied that any agreement had been reached. ")


def build(path: Path) -> None:
    with Store(path) as store, store.raw_tables() as tables:
        # One write for the whole build: the benchmark measures use, not bulk loading.
        from briefing.anchoring import capture
        from briefing.ingest import text_hash

        for a in range(1, 501):
            text = f"Article {a}. " + PARAGRAPH * 20
            tables.setdefault(articles_table_name(a), {})[str(a)] = {
                "title": f"Article {a}", "text": text, "hash": text_hash(text), "revisions": [],
                "imported": "2025-01-01T00:00:00+00:00"}
            annotations = tables.setdefault(f"annotations.{a}", {})
            for h in range(20):
                start = 15 + h * 60
                annotations[str((a - 1) * 20 + h + 1)] = {
                    "article_id": a, "start": start, "end": start + 40, "note": f"note {h}",
                    "color": 1 + h % 5, "tags": [], "status": "anchored",
                    "selector": capture(text, start, start + 40).to_dict(),
                    "text_hash": text_hash(text), "created": "", "updated": ""}


def annotations_benchmark() -> None:
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


TOPICS = ("ports", "grain exports", "the pipeline", "cable repairs", "sanctions", "elections",
          "fishing rights", "the border crossing", "rail freight", "the power grid")


def write_briefings(folder: Path, first: int, count: int) -> list[str]:
    """`count` distinct Markdown briefings of about 2 KB each, with front matter."""
    paths = []
    for n in range(first, first + count):
        topic = TOPICS[n % len(TOPICS)]
        body = "\n\n".join(
            f"Paragraph {p} of briefing {n}. Officials said talks on {topic} would resume, "
            f"while a spokesperson for the ministry denied that item {n * 7 + p} was agreed."
            for p in range(12))
        path = folder / f"briefing-{n:05d}.md"
        path.write_text(f"---\ntitle: Briefing {n} on {topic}\nsource: Wire {n % 37}\n"
                        f"published: 2025-{1 + n % 12:02d}-{1 + n % 28:02d}\n---\n\n{body}\n",
                        encoding="utf-8")
        paths.append(str(path))
    return paths


def run_cli(argv: list[str]) -> int:
    from briefing.cli import main as cli_main

    with contextlib.redirect_stdout(io.StringIO()):
        return cli_main(argv)


def fsync_floor(folder: Path) -> float:
    times = []
    for i in range(20):
        path = folder / f"fsync-{i}"
        t0 = time.perf_counter()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.write(fd, b"x" * 2000)
        os.fsync(fd)
        os.close(fd)
        times.append(time.perf_counter() - t0)
        path.unlink()
    return statistics.median(times) * 1000


def library_benchmark(total: int) -> None:
    from briefing.ingest import load
    from briefing.library import import_document

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        db = folder / "library.json"
        files = folder / "files"
        files.mkdir()
        step = 1000
        spent = 0.0
        for first in range(0, total, step):
            paths = write_briefings(files, first, min(step, total - first))
            t0 = time.perf_counter()
            assert run_cli(["--db", str(db), "import", *paths]) == 0
            took = time.perf_counter() - t0
            spent += took
            print(f"import articles {first + 1:>6,}-{first + len(paths):>6,}: {took:6.1f} s "
                  f"({took / len(paths) * 1000:.1f} ms per file)", flush=True)
        print(f"bulk import of {total:,} files: {spent:.1f} s (target <= 150 s for 10,000)")

        extra = [load(p) for p in write_briefings(files, total, 21)]
        adds, notes = [], []
        with Store(db) as store:
            for doc in extra[:1]:
                import_document(store, doc)  # warm: the first lookup reads the tables
            for doc in extra[1:]:
                t0 = time.perf_counter()
                article_id = import_document(store, doc).article_id
                adds.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                store.add_annotation(article_id, 10, 40, note="bench")
                notes.append(time.perf_counter() - t0)
            count = len(store.articles())
        print(f"fsync of a small file on this disk now, median of 20: {fsync_floor(folder):.1f} "
              "ms (adding an article fsyncs 3 files and 3 folders, an annotation 2 and 2)")
        print(f"at {count:,} articles: add one more article (stored, not parsed), median of "
              f"{len(adds)}: {statistics.median(adds) * 1000:.1f} ms (target <= 20 ms)")
        print(f"at {count:,} articles: add one more annotation, median of {len(notes)}: "
              f"{statistics.median(notes) * 1000:.1f} ms (target <= 20 ms)")

        env = {**os.environ, "BRIEFING_DB": str(db), "XDG_CONFIG_HOME": str(folder / "config"),
               "XDG_CACHE_HOME": str(folder / "cache")}
        lists = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "briefing", "list"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            lists.append(time.perf_counter() - t0)
        print(f"`briefing list` at {count:,} articles, whole process, median of 5: "
              f"{statistics.median(lists):.3f} s (target <= 0.5 s)")

        with Store(db) as store:
            t0 = time.perf_counter()
            store.library_rows()
            rows_took = time.perf_counter() - t0
        print(f"library rows (what the screen and `list` show) at {count:,} articles, in "
              f"process: {rows_took * 1000:.0f} ms")
        search_and_actor_index(db, count)
        small = folder / "small.json"
        assert run_cli(["--db", str(small), "import", *write_briefings(files, 0, 10)]) == 0
        for label, database, size in (("10", small, 10), (f"{count:,}", db, count)):
            print(f"library screen at {label} articles, launch to the first screenful, median "
                  f"of 5: {library_paint(folder, database, size):.3f} s (target <= 0.5 s)")


def search_and_actor_index(db: Path, count: int) -> None:
    from briefing.actor_index import build_index
    from briefing.search import SearchIndex

    with Store(db) as store:
        t0 = time.perf_counter()
        index = SearchIndex(store)  # reads every text: one file each
        built = time.perf_counter() - t0
        searches = []
        for query in ("grain exports", "item 7001", "#none", "spokesperson"):
            t0 = time.perf_counter()
            index.search(query)
            searches.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        build_index(store)
        actors = time.perf_counter() - t0
    print(f"at {count:,} articles: search index build {built:.2f} s, median search "
          f"{statistics.median(searches) * 1000:.0f} ms, actor index {actors * 1000:.0f} ms "
          "(no analyses: the benchmark does not run spaCy)")


def library_paint(folder: Path, db: Path, count: int) -> float:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _terminal import Terminal

    env = {"BRIEFING_DB": str(db), "XDG_CONFIG_HOME": str(folder / "config"),
           "XDG_CACHE_HOME": str(folder / "cache")}
    paints = []
    for _ in range(5):
        term = Terminal([sys.executable, "-m", "briefing"], env=env)
        try:
            paints.append(term.wait_for(f"of {count} briefings".encode()))
        finally:
            term.close()
    return statistics.median(paints)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    annotations_benchmark()
    library_benchmark(args.articles)


if __name__ == "__main__":
    main()
