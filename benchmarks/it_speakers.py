"""How often a reporting frame's subject "it" gets a speaker on PolNeAR, with samples to
read: 'The ministry issued a statement. It said ...' (briefing/analysis/it_speakers.py).

Run: python benchmarks/it_speakers.py PATH [--split train|dev] [--cache DIR] [--show N]
  PATH   a local copy of github.com/networkdynamics/PolNeAR (read, never copied)

Counts our claims whose frame has the subject "it": resolved (the speaker span is "it" and
a speaker is named) and left without a speaker (the claim opens with "It" and has a cue but
no speaker). --show N prints N resolved ones spread evenly over the split, each with the
text before it, to judge by reading whether the speaker is who "it" is. Only train and dev
are ever read: test is the corpus's held-out set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution import articles, parsed_article  # noqa: E402

from briefing.analysis import analyse_parsed  # noqa: E402
from briefing.analysis.pipeline import load_pipeline  # noqa: E402

_CONTEXT = 400  # characters of text before the claim shown with a sample


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, help="a local copy of the PolNeAR repository")
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--cache", type=Path, help="folder to keep parses in between runs")
    ap.add_argument("--show", type=int, default=0, help="print N resolved samples")
    args = ap.parse_args()
    nlp = load_pipeline()
    resolved: list[tuple[str, str, str, str]] = []
    unresolved = 0
    for text_path, _ in articles(args.path, args.split):
        text = text_path.read_text(encoding="utf-8")
        _, claims, _ = analyse_parsed(parsed_article(nlp, text, args.cache), text, {})
        for claim in claims:
            span = claim.speaker_span
            if span and text[span[0]:span[1]].lower() == "it" and claim.speaker:
                before = text[max(0, claim.start - _CONTEXT):claim.start]
                resolved.append((text_path.stem, claim.speaker, before, claim.text))
            elif (claim.cue_span and not claim.speaker
                  and text[claim.start:claim.start + 3].lower() == "it "):
                unresolved += 1
    total = len(resolved) + unresolved
    print(f"PolNeAR {args.split}: frames with the subject 'it': {total}; "
          f"given a speaker {len(resolved)}, left without {unresolved}")
    if args.show and resolved:
        step = max(1, len(resolved) // args.show)
        for n, (stem, speaker, before, claim) in enumerate(resolved[::step][:args.show], 1):
            context = " ".join(before.split())
            print(f"\n[{n}] {stem} -> {speaker!r}\n    ...{context}\n    >>> {claim}")


if __name__ == "__main__":
    sys.exit(main())
