"""Gold files for the bundled samples, and the analyses they are scored against."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.analysis import analyse
from briefing.config import bundled_dir
from briefing.ingest import load

GOLD = Path(__file__).resolve().parent / "gold"


def cases() -> list[tuple[str, dict, dict]]:
    """(sample name, gold, analysis) for every sample that has a gold file."""
    found = []
    for gold_path in sorted(GOLD.glob("*.json")):
        doc = load(bundled_dir("data") / f"{gold_path.stem}.md")
        found.append((gold_path.stem, json.loads(gold_path.read_text()),
                      analyse(doc.text, doc.title, doc.meta)))
    return found


def norm(name: str | None) -> str:
    return " ".join((name or "").lower().split())
