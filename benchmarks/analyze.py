"""How long `briefing analyze` takes on a long input, and what share of it each rule layer is.

Run: python benchmarks/analyze.py [SIZE_KB] [--repeats N]      (defaults: 200 KB, 3)

Two kinds of figure, measured differently on purpose:

- Whole process (target: at most 1.2x raw spaCy): wall-clock seconds of `briefing analyze
  FILE --json` in a fresh interpreter against the same spaCy pipeline run raw
  (`spacy.load(...)(text)`) in a fresh interpreter, median of 3 each. This is what the
  user waits for, start-up included, so it is wall time and moves with the machine's load.
- Layers (target: the claims layer at most 10% of the analysis): CPU seconds of this
  process (time.process_time) spent in each step of `analyse`: parsing (spaCy, via
  pipeline.parse), the actor layer (find_actors), the claims layer (find_claims) and the
  date flags (find_flags). CPU time does not count the time the process waits for a core,
  so the shares hold on a busy machine, where wall time swings by +-2 points. Each repeat
  parses the text afresh, so no cache kept on a Doc is warm; each layer's figure is its
  best (least) over the repeats, the least disturbed by the garbage collector and by cache
  misses from the other processes. The "analysis" is the sum of the four. Lexicon tables
  load once per process, as in `briefing analyze`, so the best repeat does not count them.
  The layers run again on the text twice over: the 2x/1x ratio of a layer is 2.0 when it
  is linear in the text's length.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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

LAYERS = ("parse", "actors", "claims", "flags")


def timed(argv: list[str], runs: int = 3) -> float:
    """Median wall-clock seconds of running `argv` as a process."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_layers(nlp: Any, text: str) -> tuple[dict[str, float], tuple[list, list, list[dict]]]:
    """CPU seconds of each layer of `analyse` on `text` (Docs parsed afresh), and what the
    rule layers found (actors, claims, flags), to check they are the work `analyse` does."""
    from briefing.analysis.actors import find_actors
    from briefing.analysis.claims import find_claims
    from briefing.analysis.dates import find_flags
    from briefing.analysis.pipeline import parse

    gc.collect()  # the previous repeat's Docs are not this repeat's garbage
    seconds: dict[str, float] = {}
    started = time.process_time()
    parsed = list(parse(nlp, text))
    seconds["parse"] = time.process_time() - started
    started = time.process_time()
    actors = find_actors(parsed, text)
    seconds["actors"] = time.process_time() - started
    started = time.process_time()
    claims = find_claims(parsed, text, actors, {})
    seconds["claims"] = time.process_time() - started
    started = time.process_time()
    flags = find_flags(parsed, text, {})
    seconds["flags"] = time.process_time() - started
    return seconds, (actors, claims, flags)


def best_layer_seconds(nlp: Any, text: str, repeats: int) -> dict[str, float]:
    """Each layer's least CPU seconds over `repeats` runs on `text`."""
    runs = [run_layers(nlp, text)[0] for _ in range(repeats)]
    return {layer: min(run[layer] for run in runs) for layer in LAYERS}


def share(seconds: dict[str, float], layer: str) -> float:
    """`layer`'s percentage of the whole analysis (all LAYERS)."""
    return seconds[layer] / sum(seconds[name] for name in LAYERS) * 100


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("size_kb", nargs="?", type=int, default=200)
    options.add_argument("--repeats", type=int, default=3, help="best of N per size")
    args = options.parse_args()
    rng = random.Random(5)
    text = long_text(sample_paragraphs(), args.size_kb * 1024, rng)
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

    from briefing.analysis.pipeline import load_pipeline

    nlp = load_pipeline()
    one = best_layer_seconds(nlp, body, args.repeats)
    two = best_layer_seconds(nlp, body + "\n\n" + body, args.repeats)
    print(f"input: {len(body):,} characters, pipeline {model}")
    print(f"raw spaCy (whole process, wall):         {raw:.2f} s")
    print(f"briefing analyze (whole process, wall):  {ours:.2f} s")
    print(f"ratio: {ours / raw:.2f}x (target <= 1.2x)")
    print(f"layers, CPU seconds of this process, best of {args.repeats}:")
    for layer in LAYERS:
        print(f"  {layer:<7} {one[layer]:7.3f} s at 1x {two[layer]:7.3f} s at 2x "
              f"(2x/1x {two[layer] / one[layer]:.2f}; linear is 2.0)")
    rules1 = one["actors"] + one["claims"]
    rules2 = two["actors"] + two["claims"]
    print(f"  actor + claim layers 2x/1x: {rules2 / rules1:.2f} (linear is 2.0)")
    print(f"actor layer:  {one['actors']:.3f} s of {sum(one.values()):.2f} s CPU analysis "
          f"= {share(one, 'actors'):.1f}%")
    print(f"claims layer: {one['claims']:.3f} s of {sum(one.values()):.2f} s CPU analysis "
          f"= {share(one, 'claims'):.1f}% (target <= 10%)")


if __name__ == "__main__":
    main()
