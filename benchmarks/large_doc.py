"""A 1 MB article with 1,000 stored highlights: first paint, and PageDown latency while the
article's analysis runs (spaCy in its child process).

Run: python benchmarks/large_doc.py
Targets: first paint under 2 s; median PageDown latency under 50 ms.
Latency is measured from writing the key to the pseudo-terminal to the first bytes the
reader paints in answer (120x40).
"""

from __future__ import annotations

import random
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
    with Store(db) as store, store.transaction():
        article = store.articles()[0]
        text = article["text"]
        tables = store._storage.read()
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
        store._storage.write(tables)


def main() -> None:
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = folder / "large.txt"
        source.write_text(big_text(rng), encoding="utf-8")
        env = {"BRIEFING_DB": str(folder / "db.json"), "XDG_CONFIG_HOME": str(folder / "c")}
        subprocess.run([sys.executable, "-m", "briefing", "import", str(source)], check=True,
                       env={**__import__("os").environ, **env}, capture_output=True)
        add_highlights(folder / "db.json", 1000, rng)
        text = load(source).text
        term = Terminal([sys.executable, "-m", "briefing", str(source)], env=env)
        try:
            paint = term.wait_for(marker(text), timeout=60)
            time.sleep(1.5)  # highlights loaded, analysis process started
            latencies = []
            for _ in range(40):
                latencies.append(term.keypress_latency(PAGE_DOWN))
                time.sleep(0.05)
            analysing = b"Analysing" in term.output[-200000:]
        finally:
            term.close()
    print(f"article: {len(text):,} characters, 1,000 stored highlights")
    print(f"first paint: {paint:.2f} s (target < 2 s)")
    print(f"PageDown latency while analysis runs: median {statistics.median(latencies) * 1000:.1f}"
          f" ms, p90 {sorted(latencies)[int(len(latencies) * 0.9)] * 1000:.1f} ms "
          f"(target median < 50 ms){'' if analysing else ' [analysis had finished]'}")


if __name__ == "__main__":
    main()
