"""Actor recall, precision and merge correctness against gold files for the samples.

Run: python benchmarks/actors.py   (targets: recall, precision and merges each >= 0.9)

A predicted actor matches a gold actor when its name or one of its aliases is one of the
gold actor's aliases. Merges are right for a gold actor when exactly one predicted actor
matches it (its surface forms were not split) and that actor matches no other gold actor.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import cases, norm  # noqa: E402


def forms(actor: dict) -> set[str]:
    return {norm(actor["name"]), *(norm(a) for a in actor.get("aliases", []))}


def main() -> None:
    found_gold = total_gold = right_pred = total_pred = good_merges = 0
    for name, gold, result in cases():
        predicted = result["actors"]
        matches = {i: [j for j, p in enumerate(predicted) if forms(p) & forms(g)]
                   for i, g in enumerate(gold["actors"])}
        hit = sum(1 for m in matches.values() if m)
        correct = [p for p in predicted if any(forms(p) & forms(g) for g in gold["actors"])]
        merges = sum(1 for i, m in matches.items() if len(m) == 1 and sum(
            1 for g in gold["actors"] if forms(predicted[m[0]]) & forms(g)) == 1)
        missed = [g["name"] for i, g in enumerate(gold["actors"]) if not matches[i]]
        extra = [p["name"] for p in predicted if p not in correct]
        print(f"{name}: recall {hit}/{len(gold['actors'])}, precision "
              f"{len(correct)}/{len(predicted)}, merges {merges}/{len(gold['actors'])}")
        if missed:
            print(f"  missed: {', '.join(missed)}")
        if extra:
            print(f"  extra:  {', '.join(extra)}")
        found_gold += hit
        total_gold += len(gold["actors"])
        right_pred += len(correct)
        total_pred += len(predicted)
        good_merges += merges
    print(f"actor recall:    {found_gold / total_gold:.3f} (target >= 0.9)")
    print(f"actor precision: {right_pred / max(1, total_pred):.3f} (target >= 0.9)")
    print(f"merges correct:  {good_merges / total_gold:.3f} (target >= 0.9)")


if __name__ == "__main__":
    main()
