"""Whole-process time of `briefing analyze` on a long input, against the same spaCy
pipeline run raw (`spacy.load(...)(text)` in a fresh interpreter) on the same text.

Run: python benchmarks/analyze.py [SIZE_KB]   (target: at most 1.2x raw spaCy)
Also prints the actor and claim layers' own time at 1x and 2x the size (linearity).
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
from _text import long_text, sample_paragraphs  # noqa: E402

from briefing.config import model_name  # noqa: E402
from briefing.ingest import load  # noqa: E402

RAW = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
nlp(text)
"""


def timed(argv: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def layer_seconds(text: str) -> float:
    from briefing.analysis.actors import find_actors
    from briefing.analysis.claims import find_claims
    from briefing.analysis.pipeline import load_pipeline, parse

    parsed = list(parse(load_pipeline(), text))
    started = time.perf_counter()
    find_claims(parsed, text, find_actors(parsed, text))
    return time.perf_counter() - started


def main() -> None:
    size = int(sys.argv[1]) * 1024 if len(sys.argv) > 1 else 200 * 1024
    rng = random.Random(5)
    text = long_text(sample_paragraphs(), size, rng)
    model = model_name()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text("Long briefing\n\n" + text, encoding="utf-8")
        raw_file = Path(folder) / "raw.py"
        raw_file.write_text(RAW)
        body = load(path).text
        plain = Path(folder) / "body.txt"
        plain.write_text(body, encoding="utf-8")
        raw = timed([sys.executable, str(raw_file), model, str(plain)])
        ours = timed([sys.executable, "-m", "briefing", "analyze", str(path), "--json"])
    one, two = layer_seconds(body), layer_seconds(body + "\n\n" + body)
    print(f"input: {len(body):,} characters, pipeline {model}")
    print(f"raw spaCy (whole process):         {raw:.2f} s")
    print(f"briefing analyze (whole process):  {ours:.2f} s")
    print(f"ratio: {ours / raw:.2f}x (target <= 1.2x)")
    print(f"actor + claim layers: {one:.3f} s at 1x, {two:.3f} s at 2x "
          f"(ratio {two / one:.2f}; linear is 2.0)")


if __name__ == "__main__":
    main()
