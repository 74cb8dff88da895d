"""Time from launching `briefing FILE` on an article it has never seen until the Actors pane
is filled, against the floor: a bare Python process that imports spaCy, loads the same
pipeline and parses the same text.

Run: python benchmarks/time_to_insight.py [FILE] [RUNS]   (target: <= 1.1x the floor)
Both are measured side by side in one run, taking turns, so a busy moment on the machine
weighs on both alike. Briefing runs in a 120x40 pseudo-terminal with an empty database and
cache each launch (a new article: nothing stored, nothing to reuse); "filled" is the moment
the pane's title with its count ("Actors (21)") is written to the terminal. The first paint
of the text in those launches is printed too, beside a bare Textual app's (the analysis
process starts at launch and must not delay it).
"""

from __future__ import annotations

import compileall
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _terminal import BARE_APP, Terminal, marker  # noqa: E402

import briefing  # noqa: E402
from briefing.config import model_name, sample_paths  # noqa: E402
from briefing.ingest import load  # noqa: E402

FLOOR = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
nlp(open(sys.argv[2], encoding="utf-8").read())
"""
ACTORS_FILLED = re.compile(rb"Actors \(\d+\)")


def floor_seconds(model: str, text_file: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR, model, str(text_file)], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def briefing_seconds(source: Path, needle: bytes, folder: Path) -> tuple[float, float]:
    """(first paint, actors filled) of one launch on a fresh database and cache."""
    env = {"BRIEFING_DB": str(folder / "db.json"), "XDG_CONFIG_HOME": str(folder / "config"),
           "XDG_CACHE_HOME": str(folder / "cache"), "XDG_DATA_HOME": str(folder / "data")}
    term = Terminal([sys.executable, "-m", "briefing", str(source)], env=env)
    try:
        painted = term.wait_for(needle, timeout=60)
        deadline = time.perf_counter() + 60
        while not ACTORS_FILLED.search(term.output):
            if time.perf_counter() > deadline:
                raise TimeoutError("the Actors pane was never filled")
            term.read(0.02)
        return painted, time.perf_counter() - term.started
    finally:
        term.close()


def bare_paint_seconds(bare: Path, text_file: Path, needle: bytes) -> float:
    term = Terminal([sys.executable, str(bare), str(text_file)])
    try:
        return term.wait_for(needle, timeout=60)
    finally:
        term.close()


def main() -> None:
    compileall.compile_dir(Path(briefing.__file__).parent, quiet=1)
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else sample_paths()[0]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    doc = load(source)
    model = model_name()
    needle = marker(doc.text)
    floors, paints, insights, bare_paints = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        text_file = tmp / "article.txt"
        text_file.write_text(doc.text, encoding="utf-8")
        bare = tmp / "bare.py"
        bare.write_text(BARE_APP)
        floor_seconds(model, text_file)  # warm the disk cache for both
        for run in range(runs):
            floors.append(floor_seconds(model, text_file))
            paint, insight = briefing_seconds(source, needle, tmp / f"run{run}")
            paints.append(paint)
            insights.append(insight)
            bare_paints.append(bare_paint_seconds(bare, text_file, needle))
    floor, insight = statistics.median(floors), statistics.median(insights)
    print(f"article: {source.name} ({len(doc.text):,} chars), pipeline {model}")
    print(f"floor (import spaCy, load, parse; bare process): {floor:.3f} s (median of {runs})")
    print(f"briefing FILE, new article, to the Actors pane filled: {insight:.3f} s")
    paint, bare_paint = statistics.median(paints), statistics.median(bare_paints)
    print(f"briefing FILE, same launches, to the first paint of the text: {paint:.3f} s; "
          f"a bare Textual TextArea app: {bare_paint:.3f} s ({paint / bare_paint:.2f}x)")
    print(f"ratio: {insight / floor:.2f}x (target <= 1.1x)")
    paired = statistics.median(i / f for i, f in zip(insights, floors, strict=True))
    print(f"median of the {runs} side-by-side ratios: {paired:.2f}x")


if __name__ == "__main__":
    main()
