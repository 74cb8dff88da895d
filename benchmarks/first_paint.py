"""Time from launch to the article text on screen: Briefing vs a bare Textual TextArea app.

Run: python benchmarks/first_paint.py [FILE]   (target: Briefing <= 1.2x the bare app)
Both run in a 120x40 pseudo-terminal; the figure is the median of 15 launches each, the two
apps taking turns so that a busy moment on the machine weighs on both alike. Briefing opens
an article already in its library, from a file it has read before (the usual case: the
cleaned text is kept, see briefing/opened_files.py), analysis not awaited. Its bytecode is
compiled first, as pip does on install (a dev checkout with PYTHONDONTWRITEBYTECODE=1 would
otherwise recompile the package on every launch and time the compiler).
"""

from __future__ import annotations

import compileall
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _terminal import BARE_APP, Terminal, marker  # noqa: E402

import briefing  # noqa: E402
from briefing.config import sample_paths  # noqa: E402
from briefing.ingest import load  # noqa: E402

RUNS = 15


def time_paint(argv: list[str], needle: bytes, env: dict) -> float:
    term = Terminal(argv, env=env)
    try:
        return term.wait_for(needle)
    finally:
        term.close()


def main() -> None:
    compileall.compile_dir(Path(briefing.__file__).parent, quiet=1)
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else sample_paths()[0]
    doc = load(source)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        text_file = folder / "article.txt"
        text_file.write_text(doc.text, encoding="utf-8")
        bare = folder / "bare.py"
        bare.write_text(BARE_APP)
        db = folder / "db.json"
        env = {"BRIEFING_DB": str(db), "XDG_CONFIG_HOME": str(folder / "config"),
               "XDG_CACHE_HOME": str(folder / "cache")}
        needle = marker(doc.text)
        warm = Terminal([sys.executable, "-m", "briefing", str(source)], env=env)
        warm.wait_for(needle)  # imports the article; later launches reopen it ...
        kept = folder / "cache" / "briefing" / "opened"
        deadline = time.perf_counter() + 30
        while not any(kept.glob("*")) and time.perf_counter() < deadline:
            warm.read(0.05)  # ... once it is stored and its cleaned text kept, not before
        if not any(kept.glob("*")):
            raise SystemExit("the first launch never kept the file's cleaned text")
        warm.close()
        bare_times, our_times = [], []
        for _ in range(RUNS):
            bare_times.append(time_paint([sys.executable, str(bare), str(text_file)], needle, env))
            our_times.append(time_paint([sys.executable, "-m", "briefing", str(source)], needle,
                                        env))
        bare_time, ours = statistics.median(bare_times), statistics.median(our_times)
    print(f"article: {source.name} ({len(doc.text):,} chars)")
    print(f"bare Textual TextArea app: {bare_time:.3f} s to first paint (median of {RUNS})")
    print(f"briefing:                  {ours:.3f} s to first paint (median of {RUNS})")
    print(f"ratio: {ours / bare_time:.2f}x (target <= 1.2x)")
    paired = statistics.median(o / b for o, b in zip(our_times, bare_times, strict=True))
    print(f"median of the {RUNS} side-by-side ratios: {paired:.2f}x")


if __name__ == "__main__":
    main()
