"""benchmarks/attribution.py --agreement: annotators scored against one another, on a
PolNeAR-shaped folder we write (brat standoff, two annotators of one article)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import attribution  # noqa: E402

TEXT = "The minister has said that taxes would rise. Critics disagreed.\n"


def _ann(source: str, cue: str) -> str:
    """One attribution: source, cue and content as brat T lines tied by an E line."""
    spans = {"Source": source, "Cue": cue, "Content": "taxes would rise"}
    lines, refs = [], []
    for n, (label, words) in enumerate(spans.items(), start=1):
        start = TEXT.index(words)
        lines.append(f"T{n}\t{label} {start} {start + len(words)}\t{words}")
        refs.append(f"{label}:T{n}")
    lines.append("E1\tAttribution:T3 " + " ".join(refs))
    return "\n".join(lines) + "\n"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "paper_2016_tax.txt").write_text(TEXT)
    return tmp_path


def _write(checkout: Path, *anns: str) -> None:
    for n, ann in enumerate(anns):
        (checkout / "data" / "dev" / "attributions" / f"paper_2016_tax_{n:04x}.ann").write_text(ann)


def test_annotators_who_agree_score_one_and_the_cue_word_is_the_head(checkout: Path) -> None:
    _write(checkout, _ann("The minister", "has said"), _ann("The minister", "has said"))
    nlp = attribution.load_pipeline()
    humans, briefing, agreed, count = attribution.agreement(checkout, "dev", nlp, None)
    assert count == 1
    assert (humans.found, humans.speaker, humans.cue, humans.gold) == (2, 2, 2, 2)
    # the annotator's cue word is "said", the head of "has said", as Briefing names one word
    parsed = attribution.parsed_article(nlp, TEXT, None)
    gold = attribution.read_gold(checkout / "data" / "dev" / "attributions"
                                 / "paper_2016_tax_0000.ann")
    [claim] = attribution.annotator(gold, parsed)
    assert TEXT[claim.cue_span[0]:claim.cue_span[1]] == "said"
    assert briefing.gold == 2 and briefing.speaker == 2
    assert agreed.gold == 2  # both annotators marked it


def test_annotators_who_disagree_on_the_source_lose_the_speaker(checkout: Path) -> None:
    _write(checkout, _ann("The minister", "has said"), _ann("Critics", "disagreed"))
    humans, _, agreed, _ = attribution.agreement(checkout, "dev", attribution.load_pipeline(),
                                                 None)
    assert humans.found == 2
    assert agreed.gold == 2  # the content is the same: both marked it, with other sources
    assert humans.speaker == 0 and humans.missed["wrong speaker"] == 2
    assert humans.cue == 0


def test_an_article_with_one_annotator_is_not_scored(checkout: Path) -> None:
    _write(checkout, _ann("The minister", "has said"))
    humans, briefing, agreed, count = attribution.agreement(checkout, "dev",
                                                            attribution.load_pipeline(), None)
    assert count == 0 and humans.gold == 0 and briefing.gold == 0 and agreed.gold == 0


def test_an_attribution_one_annotator_alone_marked_is_not_agreed(checkout: Path) -> None:
    other = _ann("The minister", "has said").replace("taxes would rise", "Critics disagreed")
    other = other.replace(f"Content {TEXT.index('taxes')} {TEXT.index('taxes') + 16}",
                          f"Content {TEXT.index('Critics')} {TEXT.index('Critics') + 17}")
    _write(checkout, _ann("The minister", "has said"), other)
    _, briefing, agreed, _ = attribution.agreement(checkout, "dev",
                                                   attribution.load_pipeline(), None)
    assert briefing.gold == 2 and agreed.gold == 0


def test_of_two_claims_holding_the_gold_content_the_tighter_one_is_scored() -> None:
    text = "Roe said she believes that taxes would rise."
    content = (text.index("taxes"), text.index("rise") + 4)
    gold = attribution.Gold([content])
    believes = text.index("believes")
    said = text.index("said")
    outer = attribution.Predicted(said + 5, len(text) - 1, ["roe"], (said, said + 4))
    inner = attribution.Predicted(content[0], content[1], ["roe"], (believes, believes + 8))
    # Both cover the gold content whole: the one that is that attribution is scored.
    assert attribution.scored_claim(gold, [outer, inner]) is inner
    assert attribution.scored_claim(gold, [inner, outer]) is inner
