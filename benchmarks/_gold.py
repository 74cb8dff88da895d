"""Gold files for the bundled samples and for PolNeAR articles, and the analyses they are
scored against."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.analysis import analyse
from briefing.config import bundled_dir
from briefing.ingest import load

GOLD = Path(__file__).resolve().parent / "gold"


# Sets of gold whose texts live in the project: the bundled samples (gold/*.json, texts in
# data/) and the unseen sets (gold/unseen/, gold/unseen2/, each text beside its gold), written
# and labelled after this session's rules, so that they measure whether they generalise.
# unseen2 is the one nobody tunes on: unseen became development data once it was scored.
SETS = ("samples", "unseen", "unseen2")


def case_paths(gold_set: str = "samples") -> list[tuple[Path, Path]]:
    """(gold file, text file) for every text of `gold_set` (one of SETS)."""
    if gold_set == "samples":
        return [(gold_path, bundled_dir("data") / f"{gold_path.stem}.md")
                for gold_path in sorted(GOLD.glob("*.json"))]
    if gold_set not in SETS:
        raise ValueError(f"no gold set {gold_set!r}: one of {', '.join(SETS)}")
    return [(gold_path, gold_path.with_suffix(".md"))
            for gold_path in sorted((GOLD / gold_set).glob("*.json"))]


def cases(gold_set: str = "samples") -> list[tuple[str, dict, dict]]:
    """(text name, gold, analysis) for every text of `gold_set` that has a gold file: by
    default the bundled samples."""
    found = []
    for gold_path, text_path in case_paths(gold_set):
        doc = load(text_path)
        found.append((gold_path.stem, json.loads(gold_path.read_text()),
                      analyse(doc.text, doc.title, doc.meta)))
    return found


def polnear_cases(checkout: Path, gold_set: str = "polnear") -> list[tuple[str, dict, dict]]:
    """(article name, gold, analysis) for every gold file under gold/<gold_set>/.

    Only the labels live in the project; each article's text is read from `checkout`, the
    PolNeAR repository (github.com/networkdynamics/PolNeAR), where the train split is
    data/train/text/.
    """
    found = []
    for gold_path in sorted((GOLD / gold_set).glob("*.json")):
        gold = json.loads(gold_path.read_text())
        article = checkout / "data" / "train" / "text" / gold["article"]
        if not article.is_file():
            raise SystemExit(f"no article {article}: is {checkout} a PolNeAR checkout?")
        doc = load(article)
        found.append((gold_path.stem, gold, analyse(doc.text, doc.title, doc.meta)))
    return found


def norm(name: str | None) -> str:
    return " ".join((name or "").lower().split())
