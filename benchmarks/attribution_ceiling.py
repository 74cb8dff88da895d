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
  a per-word rule learned from the corpus does: the ceiling of lexicon work on these claims;
- classifier: a logistic regression trained on train's frameless claims (does the claim
  overlap a gold attribution?) over the words, dependencies and subjects of the claim ranks
  dev's; its precision among the top N shows whether a trained component of the kind the
  reader could afford (linear, over spaCy's parse) can tell which claims are attributions.
  Reaching cue 0.85 with precision >= 0.95 needs about 127 more cues with at most 8 wrong:
  about 94% precision over the first 135 claims (and the right cue word in each).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

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
    features: list[set[str]]  # per claim: what the classifier sees; empty for framed claims


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


def features(parsed: list, claim: Predicted) -> set[str]:
    found = {"bias", f"length={min(6, (claim.end - claim.start) // 40)}"}
    for block, doc in parsed:
        for token in doc:
            if not claim.start <= block.start + token.idx < claim.end:
                continue
            if token.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
                continue
            lemma = token.lemma_.lower()
            found |= {f"lemma={lemma}", f"dep={token.dep_}", f"lemma/dep={lemma}/{token.dep_}"}
            for child in token.children:
                found |= {f"child={child.dep_}", f"lemma/child={lemma}/{child.dep_}"}
                if child.dep_ in ("nsubj", "nsubjpass"):
                    kind = child.ent_type_ or child.pos_
                    found |= {f"subject={kind}", f"lemma/subject={lemma}/{kind}"}
                    if child.pos_ == "PRON":
                        found.add(f"pronoun={child.lower_}")
    return found


def load(root: Path, split: str, nlp: Any, cache: Path | None) -> list[Article]:
    found = []
    for text_path, ann in articles(root, split):
        text = text_path.read_text(encoding="utf-8")
        parsed = parsed_article(nlp, text, cache)
        claims = ours(parsed, text)
        found.append(Article(read_gold(ann), claims,
                             [candidates(parsed, c) if frameless(c) else [] for c in claims],
                             [features(parsed, c) if frameless(c) else set() for c in claims]))
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


def labelled(articles: Iterable[Article]) -> tuple[list[set[str]], np.ndarray]:
    """Each frameless claim's features, and whether it overlaps a gold attribution."""
    rows, labels = [], []
    for article in articles:
        spans = gold_spans(article.golds)
        for claim, seen in zip(article.claims, article.features, strict=True):
            if frameless(claim):
                rows.append(seen)
                labels.append(any(overlap((claim.start, claim.end), s) for s in spans))
    return rows, np.array(labels, dtype=float)


def classifier_precision(train: list[Article], dev: list[Article],
                         tops: tuple[int, ...]) -> list[tuple[int, float]]:
    """Precision of the first N dev frameless claims as ranked by a logistic regression
    trained on train's (features seen at least twice; plain gradient descent)."""
    train_rows, train_labels = labelled(train)
    counts: dict[str, int] = defaultdict(int)
    for row in train_rows:
        for name in row:
            counts[name] += 1
    index = {name: i for i, name in enumerate(n for n, c in counts.items() if c >= 2)}

    def sparse(rows: list[set[str]]) -> tuple[np.ndarray, np.ndarray]:
        pairs = [(i, index[n]) for i, row in enumerate(rows) for n in row if n in index]
        return np.array([i for i, _ in pairs]), np.array([j for _, j in pairs])

    def scores(where: tuple[np.ndarray, np.ndarray], size: int, w: np.ndarray) -> np.ndarray:
        total = np.zeros(size)
        np.add.at(total, where[0], w[where[1]])
        return 1 / (1 + np.exp(-total))

    where = sparse(train_rows)
    weights = np.zeros(len(index))
    for _ in range(300):
        error = scores(where, len(train_labels), weights) - train_labels
        gradient = np.zeros(len(index))
        np.add.at(gradient, where[1], error[where[0]])
        weights -= 5.0 * (gradient / len(train_labels) + 1e-4 * weights)
    dev_rows, dev_labels = labelled(dev)
    ranked = np.argsort(-scores(sparse(dev_rows), len(dev_labels), weights), kind="stable")
    return [(n, float(dev_labels[ranked[:n]].mean())) for n in tops]


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
    ranked = classifier_precision(train, dev, (50, 135, hitting))
    print("classifier       precision of its first " + ", ".join(
        f"{n}: {p:.3f}" for n, p in ranked) + " (about 0.94 over 135 needed)")
    print("targets (dev): speaker >= 0.80, cue >= 0.85, precision >= 0.95")


if __name__ == "__main__":
    main()
