"""Why Briefing names the wrong speaker or another cue on PolNeAR: each such miss of
benchmarks/attribution.py, grouped by how the claim the benchmark scored stands to the
gold attribution in the sentence's parse.

Run: python benchmarks/attribution_misses.py PATH [--split train|dev] [--cache DIR]
  PATH  a local copy of github.com/networkdynamics/PolNeAR (read, never copied)

The claim scored is the one attribution.py scores (Score.add: the first with a speaker,
then with a cue, then by overlap). The groups:
- right frame, wrong speaker: our cue is the gold cue's word; the speaker is another.
- outer claim swallows: a claim with the gold cue exists, but another claim whose span also
  covers the gold content is scored (conjoined, participle, relative-clause or nested report).
- no frame: the gold cue lies inside the scored claim's span and no claim has it (a word not
  in our lexicon, or a known reporting verb whose frame is dropped or never built).
- we took the inner frame: our cue lies inside the gold content (the gold is the outer one).
- other sentence: the scored claim's cue is in another sentence (quotation continuations,
  gold content in several fragments across sentences).
- flags first: 'according to', a label's colon or dash, a question, a poll or document.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution import (  # noqa: E402
    _WORD,
    Gold,
    Predicted,
    articles,
    ours,
    overlap,
    parsed_article,
    read_gold,
    scored_claim,
)

from briefing.analysis.frames import frame_lemma  # noqa: E402
from briefing.analysis.pipeline import load_pipeline  # noqa: E402

_DOCUMENTS = re.compile(r"\b(poll|survey|polling|report|study|data|document|memo|letter|"
                        r"filing|complaint|statement|video)s?\b", re.I)


def _token_at(parsed: list, at: int) -> Any | None:
    for block, doc in parsed:
        if block.start <= at < block.start + len(block.text):
            return next((t for t in doc if block.start + t.idx <= at
                         < block.start + t.idx + len(t.text)), None)
    return None


def _cue_head(parsed: list, span: tuple[int, int]) -> Any | None:
    """The word of a gold cue span that heads it (its verb, else its first word)."""
    first = _token_at(parsed, span[0])
    if first is None:
        return None
    offset = next(b.start for b, d in parsed if d is first.doc)
    inside = [t for t in first.sent if span[0] <= offset + t.idx < span[1]]
    return next((t for t in inside if t.pos_ == "VERB"), first)


def _path(token: Any, to: Any) -> str | None:
    """The dependency labels from `to` down to `token`, or None when `to` is no ancestor."""
    labels = []
    while token.i != to.i:
        if token.head.i == token.i:
            return None
        labels.append(token.dep_)
        token = token.head
    return ">".join(reversed(labels))


def why(gold: Gold, best: Predicted, hits: list[Predicted], text: str, parsed: list) -> str:
    """The group of one miss (see the module's docstring)."""
    def cue_ok(p: Predicted) -> bool:
        return p.cue_span is not None and any(s <= p.cue_span[0] and p.cue_span[1] <= e
                                              for s, e in gold.cue)

    gold_cue = " ".join(text[s:e] for s, e in gold.cue).lower()
    our_cue = text[best.cue_span[0]:best.cue_span[1]] if best.cue_span else ""
    if "accord" in gold_cue or our_cue.lower() == "according":
        return "according to + another frame"
    if our_cue == ":" or gold_cue.strip() in (":", "—", "-", "–"):
        return "label / colon / dash cue"
    span = (min(s for s, _ in gold.cue), max(e for _, e in gold.cue))
    head = _cue_head(parsed, span)
    ours_at = _token_at(parsed, best.cue_span[0]) if best.cue_span else None
    if head is None or ours_at is None or head.doc is not ours_at.doc or (
            head.sent.start != ours_at.sent.start):
        return "other sentence (quotation continued, gold in fragments)"
    if "?" in head.sent.text:
        return "question"
    if head.i == ours_at.i:
        return "right frame, wrong speaker"
    if any(s <= best.cue_span[0] < e for s, e in gold.content):
        return "we took the inner frame, the gold is the outer"
    if _DOCUMENTS.search(gold.source_text):
        return "poll / report / document is the source"
    below = _path(head, ours_at) or ""
    kind = ("conjoined report" if below.startswith("conj")
            else "nested 'X said Y told Z'" if below.startswith("ccomp")
            else "relative clause report" if "relcl" in below
            else "participle / adverbial report" if "advcl" in below or head.tag_ == "VBG"
            else "other")
    if any(cue_ok(p) for p in hits):
        return f"outer claim swallows: {kind}"
    if best.start <= span[0] < best.end:
        if frame_lemma(head) is None:
            return "no frame: cue word not in our lexicon"
        return f"no frame: {kind}"
    return "right frame elsewhere / disjoint"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, help="a local copy of the PolNeAR repository")
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--cache", type=Path, help="folder to keep parses in between runs")
    args = ap.parse_args()
    nlp = load_pipeline()
    groups: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for text_path, ann in articles(args.path, args.split):
        text = text_path.read_text(encoding="utf-8")
        parsed = parsed_article(nlp, text, args.cache)
        predicted = ours(parsed, text)
        for gold in read_gold(ann):
            hits = [p for p in predicted if overlap((p.start, p.end), gold.content)]
            best = scored_claim(gold, hits)
            if best is None or not gold.cue:
                continue
            named = gold.named
            words = {w.lower() for w in _WORD.findall(gold.source_text)}
            wrong_speaker = named and bool(best.speaker_words) and not any(
                w in words for w in best.speaker_words)
            other_cue = best.cue_span is not None and not any(
                s <= best.cue_span[0] and best.cue_span[1] <= e for s, e in gold.cue)
            if wrong_speaker or other_cue:
                group = why(gold, best, hits, text, parsed)
                groups[group] += 1
                wrong[group] += wrong_speaker
                other[group] += other_cue
    print(f"PolNeAR {args.split}: wrong speaker and other cue, by why")
    print(f"{'why':58} {'misses':>6} {'wrong speaker':>13} {'other cue':>9}")
    for group, n in groups.most_common():
        print(f"{group:58} {n:6d} {wrong[group]:13d} {other[group]:9d}")
    print(f"{'all':58} {sum(groups.values()):6d} {sum(wrong.values()):13d} "
          f"{sum(other.values()):9d}")


if __name__ == "__main__":
    sys.exit(main())
