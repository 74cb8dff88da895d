"""How far speaker and cue can rise by giving a frame (speaker and cue) to the claims that
have none — the claims PolNeAR counts as attributions and Briefing as a figure, an event or
a plain statement ("Many voters felt betrayed", "The senator ducks on taxes").

Run: python benchmarks/attribution_ceiling.py PATH [--cache DIR]
  PATH   a local copy of github.com/networkdynamics/PolNeAR (train and dev only are read)

Prints, on dev, scored exactly as benchmarks/attribution.py scores (same functions):
- now: Briefing as it is;
- oracle: every frameless claim of ours that overlaps a gold content is given that gold's
  cue and source, and the others are left alone — the most any method can reach while it
  keeps Briefing's claims and only decides which of them are attributions;
- learned lexicon: a word becomes a cue when, on train, of our frameless claims that hold it
  with an active subject, at least 90% overlap a gold content or source span and at least
  half have the word inside a gold cue span (seen at least three times); on dev a frameless
  claim's first such word is its cue and that word's subject its speaker. This is the best
  a per-word rule learned from the corpus does: the ceiling of lexicon work on these claims.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution import (  # noqa: E402
    Gold,
    Predicted,
    Score,
    articles,
    last_word,
    ours,
    overlap,
    parsed_article,
    read_gold,
)

from briefing.analysis.pipeline import load_pipeline  # noqa: E402

MIN_SEEN = 3
MIN_RIGHT = 0.9  # share of the word's claims that overlap a gold span (precision)
MIN_CUE = 0.5  # share of the word's claims whose gold cue is that word


@dataclass
class Candidate:
    """A word of a frameless claim that has an active subject: a possible cue."""

    start: int
    end: int
    lemma: str
    subject: str


@dataclass
class Article:
    golds: list[Gold]
    claims: list[Predicted]
    candidates: list[list[Candidate]]  # per claim; empty for claims that have a frame


def frameless(claim: Predicted) -> bool:
    return not claim.speaker_words and not claim.cue_span


def candidates(parsed: list, claim: Predicted) -> list[Candidate]:
    found = []
    for block, doc in parsed:
        for token in doc:
            at = block.start + token.idx
            if not claim.start <= at < claim.end:
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                found.append(Candidate(at, at + len(token.text), token.lemma_.lower(),
                                       subject.lower_))
    return found


def load(root: Path, split: str, nlp: Any, cache: Path | None) -> list[Article]:
    found = []
    for text_path, ann in articles(root, split):
        text = text_path.read_text(encoding="utf-8")
        parsed = parsed_article(nlp, text, cache)
        claims = ours(parsed, text)
        found.append(Article(read_gold(ann), claims,
                             [candidates(parsed, c) if frameless(c) else [] for c in claims]))
    return found


def gold_spans(golds: list[Gold]) -> list[list[tuple[int, int]]]:
    return [g.content for g in golds] + [g.source for g in golds if g.source]


def learn(train: Iterable[Article]) -> set[str]:
    """The words that pass the thresholds in the module docstring on train."""
    seen: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for article in train:
        spans = gold_spans(article.golds)
        cues = [s for g in article.golds for s in g.cue]
        for claim, words in zip(article.claims, article.candidates, strict=True):
            right = any(overlap((claim.start, claim.end), s) for s in spans)
            for word in {w.lemma: w for w in reversed(words)}.values():
                counts = seen[word.lemma]
                counts[0] += 1
                counts[1] += right
                counts[2] += any(s <= word.start and word.end <= e for s, e in cues)
    return {lemma for lemma, (n, right, cue) in seen.items()
            if n >= MIN_SEEN and right >= MIN_RIGHT * n and cue >= MIN_CUE * n}


def scored(dev: Iterable[Article], framed: Any) -> Score:
    score = Score()
    for article in dev:
        claims = [framed(article, i, c) if frameless(c) else c
                  for i, c in enumerate(article.claims)]
        score.add(article.golds, claims)
    return score


def as_is(article: Article, index: int, claim: Predicted) -> Predicted:
    return claim


def oracle(article: Article, index: int, claim: Predicted) -> Predicted:
    gold = next((g for g in article.golds
                 if g.cue and overlap((claim.start, claim.end), g.content)), None)
    if gold is None:
        return claim
    speaker = last_word(gold.source_text)
    return Predicted(claim.start, claim.end, [speaker] if speaker else [], gold.cue[0])


def lexicon(words: set[str]) -> Any:
    def framed(article: Article, index: int, claim: Predicted) -> Predicted:
        word = next((w for w in article.candidates[index] if w.lemma in words), None)
        if word is None:
            return claim
        return Predicted(claim.start, claim.end, [word.subject], (word.start, word.end))
    return framed


def line(name: str, score: Score) -> str:
    return (f"{name:<16} speaker {score.speaker / score.named:.3f} ({score.speaker}/"
            f"{score.named})   cue {score.cue / score.found:.3f} ({score.cue}/{score.found})   "
            f"precision {score.correct_claims / score.claims:.3f} "
            f"({score.correct_claims}/{score.claims})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, help="a local copy of the PolNeAR repository")
    ap.add_argument("--cache", type=Path, help="folder to keep parses in between runs")
    args = ap.parse_args()
    nlp = load_pipeline()
    train = load(args.path, "train", nlp, args.cache)
    dev = load(args.path, "dev", nlp, args.cache)
    words = learn(train)
    count = sum(frameless(c) for a in dev for c in a.claims)
    hitting = sum(frameless(c) and any(overlap((c.start, c.end), s) for s in gold_spans(a.golds))
                  for a in dev for c in a.claims)
    print(f"PolNeAR dev: {count} claims without speaker or cue, {hitting} of them overlap a "
          "gold attribution")
    print(line("now", scored(dev, as_is)))
    print(line("oracle", scored(dev, oracle)))
    print(line(f"lexicon ({len(words)})", scored(dev, lexicon(words))))
    print(f"learned words: {', '.join(sorted(words))}")
    print("targets (dev): speaker >= 0.80, cue >= 0.85, precision >= 0.95")


if __name__ == "__main__":
    main()
