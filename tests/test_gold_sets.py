"""benchmarks/_gold.py: the gold sets the claim and actor benchmarks score, and how each gold
file finds its text (not the scores)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import _gold  # noqa: E402

from briefing.ingest import load  # noqa: E402


def test_the_samples_set_pairs_each_gold_with_its_bundled_sample() -> None:
    pairs = _gold.case_paths()
    assert pairs and all(text.parent.name == "data" and text.stem == gold.stem
                         for gold, text in pairs)


UNSEEN_SETS = ("unseen", "unseen2")


@pytest.mark.parametrize("gold_set", UNSEEN_SETS)
def test_an_unseen_set_reads_each_text_beside_its_gold_and_not_the_samples(
        gold_set: str) -> None:
    pairs = _gold.case_paths(gold_set)
    samples = {gold.stem for gold, _ in _gold.case_paths()}
    assert len(pairs) == 10
    assert all(text == gold.with_suffix(".md") and text.is_file() for gold, text in pairs)
    assert not samples & {gold.stem for gold, _ in pairs}


def test_the_two_unseen_sets_share_no_text() -> None:
    first, second = ({gold.stem for gold, _ in _gold.case_paths(s)} for s in UNSEEN_SETS)
    assert not first & second


@pytest.mark.parametrize("gold_set", UNSEEN_SETS)
def test_every_unseen_key_phrase_occurs_once_in_the_text_briefing_reads(gold_set: str) -> None:
    """A key the scorer cannot find in the imported text would count as a miss however
    good the analysis: each must survive import (front matter, Markdown) exactly once."""
    for gold_path, text_path in _gold.case_paths(gold_set):
        text = load(text_path).text
        for claim in json.loads(gold_path.read_text())["claims"]:
            assert text.count(claim["key"]) == 1, (gold_path.stem, claim["key"])


def test_an_unknown_set_is_refused() -> None:
    with pytest.raises(ValueError, match="no gold set"):
        _gold.case_paths("heldout")
