"""Actor recall, precision, merge and type correctness against hand-labelled gold.

Run: python benchmarks/actors.py [--polnear PATH] [--quiet]
  Always scores the bundled samples' gold (benchmarks/gold/*.json; target 1.000 each).
  With --polnear (a checkout of github.com/networkdynamics/PolNeAR) also scores the gold of
  PolNeAR train articles under benchmarks/gold/polnear/ (targets: recall >= 0.95,
  precision >= 0.93, merges >= 0.9), and, apart, the held-out gold under
  benchmarks/gold/polnear-heldout/: 10 other train articles labelled the same way after the
  rules were written, never used to tune them (the honest figure for unseen text). The
  articles' text is read from the checkout.

A predicted actor matches a gold actor when its name or one of its aliases is one of the
gold actor's aliases (case-insensitive, control characters removed as on import). Recall:
gold actors matched. Precision: predicted actors that match a gold actor, out of those that
match one or none; a predicted actor that only matches an "optional" entry (acceptable but
not required: events, works, bylines, nationalities...) counts as neither right nor wrong.
Merges are right for a gold actor when exactly one predicted actor matches it (its surface
forms were not split) and that actor matches no other gold actor (nothing was merged into
it). Types: of the gold actors with one matching predicted actor, how many have the gold
type.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import cases, norm, polnear_cases  # noqa: E402

from briefing.sanitize import sanitise_line  # noqa: E402


def forms(actor: dict) -> set[str]:
    """Name and aliases as Briefing shows the text: gold aliases are spelled as in the raw
    article, whose control characters (in mojibake) are removed at the import boundary."""
    return {norm(sanitise_line(n)) for n in (actor["name"], *actor.get("aliases", []))}


@dataclass
class Score:
    found_gold: int = 0
    total_gold: int = 0
    right_pred: int = 0
    scored_pred: int = 0
    good_merges: int = 0
    typed: int = 0
    right_types: int = 0

    def add(self, name: str, gold: dict, result: dict, quiet: bool) -> None:
        predicted = result["actors"]
        wanted = gold["actors"]
        optional = gold.get("optional", [])
        matches = {i: [j for j, p in enumerate(predicted) if forms(p) & forms(g)]
                   for i, g in enumerate(wanted)}
        hit = sum(1 for m in matches.values() if m)
        correct = [p for p in predicted if any(forms(p) & forms(g) for g in wanted)]
        neutral = [p for p in predicted if p not in correct
                   and any(forms(p) & forms(o) for o in optional)]
        extra = [p for p in predicted if p not in correct and p not in neutral]
        merged = [i for i, m in matches.items() if len(m) == 1 and sum(
            1 for g in wanted if forms(predicted[m[0]]) & forms(g)) == 1]
        unique = {i: predicted[m[0]] for i, m in matches.items() if len(m) == 1}
        types = sum(1 for i, p in unique.items() if p["type"] == wanted[i]["type"])
        scored = len(correct) + len(extra)
        print(f"{name}: recall {hit}/{len(wanted)}, precision {len(correct)}/{scored}, "
              f"merges {len(merged)}/{len(wanted)}, types {types}/{len(unique)}")
        if not quiet:
            missed = [g["name"] for i, g in enumerate(wanted) if not matches[i]]
            split = [f"{g['name']} -> " + " | ".join(predicted[j]["name"] for j in matches[i])
                     for i, g in enumerate(wanted) if matches[i] and i not in merged]
            mistyped = [f"{p['name']} ({p['type']}, gold {wanted[i]['type']})"
                        for i, p in unique.items() if p["type"] != wanted[i]["type"]]
            for label, items in (("missed", missed), ("extra", [p["name"] for p in extra]),
                                 ("merges", split), ("types", mistyped)):
                if items:
                    print(f"  {label + ':':8}{'; '.join(items)}")
        self.found_gold += hit
        self.total_gold += len(wanted)
        self.right_pred += len(correct)
        self.scored_pred += scored
        self.good_merges += len(merged)
        self.typed += len(unique)
        self.right_types += types

    def report(self, label: str, targets: tuple[float, float, float]) -> None:
        recall, precision, merges = targets
        print(f"{label} actor recall:    {self.found_gold / max(1, self.total_gold):.3f} "
              f"(target >= {recall})")
        print(f"{label} actor precision: {self.right_pred / max(1, self.scored_pred):.3f} "
              f"(target >= {precision})")
        print(f"{label} merges correct:  {self.good_merges / max(1, self.total_gold):.3f} "
              f"(target >= {merges})")
        print(f"{label} types correct:   {self.right_types / max(1, self.typed):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, help="a PolNeAR checkout (its data/train)")
    parser.add_argument("--quiet", action="store_true", help="only the per-file counts")
    args = parser.parse_args()
    samples = Score()
    for name, gold, result in cases():
        samples.add(name, gold, result, args.quiet)
    samples.report("samples", (1.0, 1.0, 1.0))
    if args.polnear is not None:
        polnear = Score()
        for name, gold, result in polnear_cases(args.polnear):
            polnear.add(name, gold, result, args.quiet)
        polnear.report("polnear", (0.95, 0.93, 0.9))
        heldout = Score()
        for name, gold, result in polnear_cases(args.polnear, "polnear-heldout"):
            heldout.add(name, gold, result, args.quiet)
        heldout.report("held-out", (0.95, 0.93, 0.9))


if __name__ == "__main__":
    main()
