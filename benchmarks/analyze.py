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


def layer_seconds(text: str) -> tuple[float, float, float]:
    """(parse, actor layer, claim layer) seconds on `text`, in this process."""
    from briefing.analysis.actors import find_actors
    from briefing.analysis.claims import find_claims
    from briefing.analysis.pipeline import load_pipeline, parse

    nlp = load_pipeline()
    started = time.perf_counter()
    parsed = list(parse(nlp, text))
    parsing = time.perf_counter() - started
    started = time.perf_counter()
    actors = find_actors(parsed, text)
    actor_layer = time.perf_counter() - started
    started = time.perf_counter()
    find_claims(parsed, text, actors)
    return parsing, actor_layer, time.perf_counter() - started


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
    # Best of three per size: one run is at the mercy of the garbage collector and the
    # other core's load, which is what a linearity check must not measure.
    runs1 = [layer_seconds(body) for _ in range(3)]
    runs2 = [layer_seconds(body + "\n\n" + body) for _ in range(3)]
    parse1, actors1, claims1 = min(runs1, key=lambda r: r[1] + r[2])
    _, actors2, claims2 = min(runs2, key=lambda r: r[1] + r[2])
    one, two = actors1 + claims1, actors2 + claims2
    print(f"input: {len(body):,} characters, pipeline {model}")
    print(f"raw spaCy (whole process):         {raw:.2f} s")
    print(f"briefing analyze (whole process):  {ours:.2f} s")
    print(f"ratio: {ours / raw:.2f}x (target <= 1.2x)")
    print(f"actor + claim layers (best of 3): {one:.3f} s at 1x, {two:.3f} s at 2x "
          f"(ratio {two / one:.2f}; linear is 2.0)")
    total = parse1 + actors1 + claims1
    print(f"claims layer: {claims1:.3f} s of {total:.2f} s analysis = "
          f"{claims1 / total * 100:.1f}% (target <= 10%)")


if __name__ == "__main__":
    main()
