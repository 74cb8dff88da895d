"""Claim recall, speaker accuracy and kind accuracy against gold files for the samples.

Run: python benchmarks/claims.py [--set unseen|unseen2]   (targets: recall >= 0.85,
  speaker >= 0.8)
  By default scores the bundled samples' gold (benchmarks/gold/*.json); `--set unseen` scores
  benchmarks/gold/unseen/ instead: ten pages of kinds the rules were not written on, labelled
  before any analysis ran on them (see its README.md); `--set unseen2` a second such set
  (benchmarks/gold/unseen2/), which nobody tunes on.

A gold claim is found when a predicted claim's span covers its key phrase (the smallest
such claim is scored). Speaker: the predicted speaker equals the gold one (case-insensitive)
for gold claims that have one. Kinds: every gold kind is among the predicted kinds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import SETS, cases, norm  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", dest="gold_set", choices=SETS, default="samples",
                        help="which gold to score (default: the bundled samples)")
    args = parser.parse_args()
    found = total = speakers_right = speakers_total = kinds_right = 0
    for name, gold, result in cases(args.gold_set):
        text = result["text"]
        misses, wrong = [], []
        for claim in gold["claims"]:
            total += 1
            at = text.find(claim["key"])
            covering = [c for c in result["claims"]
                        if at != -1 and c["start"] <= at and at + len(claim["key"]) <= c["end"]]
            if not covering:
                misses.append(claim["key"])
                continue
            found += 1
            best = min(covering, key=lambda c: c["end"] - c["start"])
            if claim["speaker"] is not None:
                speakers_total += 1
                if norm(best["speaker"]) == norm(claim["speaker"]):
                    speakers_right += 1
                else:
                    wrong.append(f"{claim['key']!r}: {best['speaker']!r} != "
                                 f"{claim['speaker']!r}")
            if set(claim["kinds"]) <= set(best["kinds"]):
                kinds_right += 1
        print(f"{name}: {len(gold['claims']) - len(misses)}/{len(gold['claims'])} found")
        for key in misses:
            print(f"  missed: {key!r}")
        for line in wrong:
            print(f"  speaker: {line}")
    print(f"claim recall:     {found / total:.3f} (target >= 0.85)")
    print(f"speaker accuracy: {speakers_right / max(1, speakers_total):.3f} (target >= 0.8)")
    print(f"kind accuracy:    {kinds_right / max(1, found):.3f}")


if __name__ == "__main__":
    main()
