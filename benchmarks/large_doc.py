"""A 1 MB article with 1,000 stored highlights: first paint, and PageDown latency while the
article's analysis runs (spaCy in its child process).

Run: python benchmarks/large_doc.py
Targets: first paint under 2 s; median PageDown latency under 50 ms.
Latency is measured from writing the key to the pseudo-terminal to the first bytes the
reader paints in answer (120x40).
"""

from __future__ import annotations

import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _terminal import Terminal, marker  # noqa: E402
from _text import long_text, sample_paragraphs  # noqa: E402

from briefing.anchoring import capture  # noqa: E402
from briefing.ingest import load, text_hash  # noqa: E402
from briefing.store import Store  # noqa: E402

PAGE_DOWN = b"\x1b[6~"


def big_text(rng: random.Random) -> str:
    return "Large briefing\n\n" + long_text(sample_paragraphs(), 1_000_000, rng,
                                             "(Update {n}.)")


def add_highlights(db: Path, count: int, rng: random.Random) -> None:
    with Store(db) as store, store.raw_tables() as tables:
        article = store.articles()[0]
        text = article["text"]
        table = tables.setdefault(f"annotations.{article.id}", {})
        step = len(text) // count
        for i in range(count):
            start = i * step + rng.randint(0, step // 2)
            while text[start].isspace():
                start += 1
            end = min(len(text), start + rng.randint(20, 200))
            table[str(i + 1)] = {
                "article_id": article.id, "start": start, "end": end, "note": f"note {i}",
                "color": 1 + i % 5, "tags": [], "status": "anchored",
                "selector": capture(text, start, end).to_dict(),
                "text_hash": text_hash(text), "created": "", "updated": ""}


def add_synthetic_analysis(db: Path, rng: random.Random) -> None:
    """A stored analysis as dense as a real one of this text: ~20,000 actor mentions and
    ~5,000 claims, so the reader's layers and panes are fully loaded."""
    from briefing.analysis.cache import save_analysis

    with Store(db) as store:
        article = store.articles()[0]
        text = article["text"]
        words = [(m.start(), m.end()) for m in re.finditer(r"[A-Z][a-z]+", text)]
        picked = sorted(rng.sample(words, min(20000, len(words))))
        actors = [{"name": f"Actor {i}", "type": rng.choice(["person", "country", "place"]),
                   "aliases": [], "role": None, "mentions": [list(m) for m in picked[i::300]]}
                  for i in range(300)]
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text)][::4]
        claims = [{"start": s, "end": e, "text": text[s:e], "kinds": ["event"],
                   "speaker": None, "cue": None, "hedges": [], "probability": None}
                  for s, e in sentences[:5000]]
        save_analysis(store, article["hash"], None,
                      {"actors": actors, "claims": claims, "flags": [], "model": "synthetic"})


def page_down_latencies(term: Terminal) -> list[float]:
    latencies = []
    for _ in range(40):
        latencies.append(term.keypress_latency(PAGE_DOWN))
        time.sleep(0.05)
    return latencies


def describe(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    return (f"median {statistics.median(ordered) * 1000:.1f} ms, "
            f"p90 {ordered[int(len(ordered) * 0.9)] * 1000:.1f} ms")


def main() -> None:
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = folder / "large.txt"
        source.write_text(big_text(rng), encoding="utf-8")
        env = {"BRIEFING_DB": str(folder / "db.json"), "XDG_CONFIG_HOME": str(folder / "c"),
               "XDG_CACHE_HOME": str(folder / "cache")}
        subprocess.run([sys.executable, "-m", "briefing", "import", str(source)], check=True,
                       env={**__import__("os").environ, **env}, capture_output=True)
        add_highlights(folder / "db.json", 1000, rng)
        text = load(source).text
        term = Terminal([sys.executable, "-m", "briefing", str(source)], env=env)
        try:
            paint = term.wait_for(marker(text), timeout=60)
            time.sleep(1.5)  # highlights loaded, analysis process started
            during = page_down_latencies(term)
            analysing = b"Analysing" in term.output[-200000:]
        finally:
            term.close()
        add_synthetic_analysis(folder / "db.json", rng)
        term = Terminal([sys.executable, "-m", "briefing", str(source)], env=env)
        try:
            paint_again = term.wait_for(marker(text), timeout=60)
            term.wait_for(b"synthetic", timeout=60)  # the stored analysis is on screen
            time.sleep(0.5)
            loaded = page_down_latencies(term)
        finally:
            term.close()
    print(f"article: {len(text):,} characters, 1,000 stored highlights")
    print(f"first paint: {paint:.2f} s (target < 2 s)")
    print(f"first paint when reopened (the cleaned text kept): {paint_again:.2f} s")
    print(f"PageDown latency while analysis runs: {describe(during)} (target median < 50 ms)"
          f"{'' if analysing else ' [analysis had finished]'}")
    print(f"PageDown latency with 20,000 mentions and 5,000 claims shown: {describe(loaded)}")


if __name__ == "__main__":
    main()
