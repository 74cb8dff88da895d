"""benchmarks/analyze.py: the layers it times are the work `analyse` does, so the claims
layer's share it prints is a share of the real analysis (timings themselves are not tested)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import analyze  # noqa: E402

from briefing.analysis import analyse  # noqa: E402
from briefing.analysis.pipeline import load_pipeline  # noqa: E402

TEXT = ("The harbour master said on Monday that the new pier would open in May. "
        "Local fishermen doubt it.\n\n"
        "\"We have heard that before,\" one skipper told the council last week.\n")


def test_timed_layers_find_what_analyse_finds() -> None:
    seconds, (actors, claims, flags) = analyze.run_layers(load_pipeline(), TEXT)
    result = analyse(TEXT)
    assert [a.to_dict() for a in actors] == result["actors"]
    assert [c.to_dict() for c in claims] == result["claims"]
    assert flags == result["flags"]
    assert claims, "the text has claims, so the claims layer did work"
    assert set(seconds) == set(analyze.LAYERS)
    assert all(value >= 0 for value in seconds.values())


def test_share_is_of_all_layers() -> None:
    seconds = {"parse": 7.0, "actors": 1.0, "claims": 1.5, "flags": 0.5}
    assert analyze.share(seconds, "claims") == 15.0
