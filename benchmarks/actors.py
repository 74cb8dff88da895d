"""Actor recall, precision, merge and type correctness against hand-labelled gold.

Run: python benchmarks/actors.py [--set unseen|unseen2] [--polnear PATH] [--quiet]
                                 [--only PREFIX ...]
  Always scores the bundled samples' gold (benchmarks/gold/*.json; target 1.000 each), or
  with `--set unseen` the unseen set instead (benchmarks/gold/unseen/: ten pages of kinds the
  rules were not written on, labelled before any analysis ran on them; see its README.md),
  or with `--set unseen2` a second such set, which nobody tunes on (benchmarks/gold/unseen2/).
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

Roles (the title or position shown under an actor), where the gold lists a person's `roles`
(every role the text gives them; none when it gives none), for the gold persons with one
matching predicted actor: role precision is the shown roles that are right, out of those
shown; role recall is the persons with a gold role whose shown role is right. A shown role
is right when it is one of the gold roles, or the end of one word for word ("candidate" of
"Republican presidential candidate") that keeps its "former".

--only scores just the tuned PolNeAR articles whose names start with one of the prefixes
(a batch of newly labelled articles, say); the samples and the held-out set are scored as
always.

The held-out set prints its summary only: its articles' errors are never read, so that
nothing is tuned to them.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import SETS, cases, norm, polnear_cases  # noqa: E402

from briefing.sanitize import sanitise_line  # noqa: E402


def forms(actor: dict) -> set[str]:
    """Name and aliases as Briefing shows the text: gold aliases are spelled as in the raw
    article, whose control characters (in mojibake) are removed at the import boundary."""
    return {norm(sanitise_line(n)) for n in (actor["name"], *actor.get("aliases", []))}


_QUOTES = str.maketrans({"“": None, "”": None, '"': None, "’": "'", "‘": "'"})
_FORMER = {"former", "ex", "then", "late", "retired", "outgoing"}


def role_words(role: str) -> list[str]:
    return norm(sanitise_line(role).translate(_QUOTES)).strip(" ,.").split()


def role_right(shown: str, gold_roles: list[str]) -> bool:
    """The shown role is a gold role, or the end of one that drops no "former"."""
    words = role_words(shown)
    for gold in map(role_words, gold_roles):
        dropped = gold[:len(gold) - len(words)]
        if gold[len(gold) - len(words):] == words and not any(
                w.strip("-") in _FORMER or w.startswith("ex-") for w in dropped):
            return True
    return False


@dataclass
class Score:
    found_gold: int = 0
    total_gold: int = 0
    right_pred: int = 0
    scored_pred: int = 0
    good_merges: int = 0
    typed: int = 0
    right_types: int = 0
    roles_shown: int = 0
    roles_right: int = 0
    roles_wanted: int = 0
    roles_found: int = 0

    def add(self, name: str, gold: dict, result: dict, quiet: bool, silent: bool = False
            ) -> None:
        """Score one article; print its counts (unless `silent`) and errors (unless
        `quiet` or `silent`)."""
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
        labelled = {i: p for i, p in unique.items() if "roles" in wanted[i]}
        shown = {i: p["role"] for i, p in labelled.items() if p.get("role")}
        right = {i for i, role in shown.items() if role_right(role, wanted[i]["roles"])}
        with_roles = [i for i in labelled if wanted[i]["roles"]]
        if not silent:
            print(f"{name}: recall {hit}/{len(wanted)}, precision {len(correct)}/{scored}, "
                  f"merges {len(merged)}/{len(wanted)}, types {types}/{len(unique)}"
                  + (f", roles {len(right)}/{len(shown)} shown, "
                     f"{len(right & set(with_roles))}/{len(with_roles)} found"
                     if labelled else ""))
        if not (quiet or silent):
            missed = [g["name"] for i, g in enumerate(wanted) if not matches[i]]
            split = [f"{g['name']} -> " + " | ".join(predicted[j]["name"] for j in matches[i])
                     for i, g in enumerate(wanted) if matches[i] and i not in merged]
            mistyped = [f"{p['name']} ({p['type']}, gold {wanted[i]['type']})"
                        for i, p in unique.items() if p["type"] != wanted[i]["type"]]
            wrong_roles = [f"{unique[i]['name']}: {role!r}" for i, role in shown.items()
                           if i not in right]
            unshown = [f"{unique[i]['name']}: {wanted[i]['roles'][0]!r}" for i in with_roles
                       if i not in shown]
            for label, items in (("missed", missed), ("extra", [p["name"] for p in extra]),
                                 ("merges", split), ("types", mistyped),
                                 ("roles", wrong_roles), ("no role", unshown)):
                if items:
                    print(f"  {label + ':':8}{'; '.join(items)}")
        self.found_gold += hit
        self.total_gold += len(wanted)
        self.right_pred += len(correct)
        self.scored_pred += scored
        self.good_merges += len(merged)
        self.typed += len(unique)
        self.right_types += types
        self.roles_shown += len(shown)
        self.roles_right += len(right)
        self.roles_wanted += len(with_roles)
        self.roles_found += len(right & set(with_roles))

    def report(self, label: str, targets: tuple[float, float, float]) -> None:
        recall, precision, merges = targets
        print(f"{label} actor recall:    {self.found_gold / max(1, self.total_gold):.3f} "
              f"(target >= {recall})")
        print(f"{label} actor precision: {self.right_pred / max(1, self.scored_pred):.3f} "
              f"(target >= {precision})")
        print(f"{label} merges correct:  {self.good_merges / max(1, self.total_gold):.3f} "
              f"(target >= {merges})")
        print(f"{label} types correct:   {self.right_types / max(1, self.typed):.3f}")
        if self.roles_shown or self.roles_wanted:
            print(f"{label} role precision:  {self.roles_right / max(1, self.roles_shown):.3f} "
                  f"({self.roles_right}/{self.roles_shown} roles shown are right)")
            print(f"{label} role recall:     {self.roles_found / max(1, self.roles_wanted):.3f} "
                  f"({self.roles_found}/{self.roles_wanted} persons with a role in the text)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", dest="gold_set", choices=SETS, default="samples",
                        help="which project gold to score (default: the bundled samples)")
    parser.add_argument("--polnear", type=Path, help="a PolNeAR checkout (its data/train)")
    parser.add_argument("--quiet", action="store_true", help="only the per-file counts")
    parser.add_argument("--only", nargs="+", metavar="PREFIX", default=[""],
                        help="score only the tuned PolNeAR articles named so")
    args = parser.parse_args()
    project = Score()
    for name, gold, result in cases(args.gold_set):
        project.add(name, gold, result, args.quiet)
    project.report(args.gold_set, (1.0, 1.0, 1.0) if args.gold_set == "samples"
                   else (0.95, 0.93, 0.9))
    if args.polnear is not None:
        polnear = Score()
        for name, gold, result in polnear_cases(args.polnear):
            if not name.startswith(tuple(args.only)):
                continue
            polnear.add(name, gold, result, args.quiet)
        polnear.report("polnear", (0.95, 0.93, 0.9))
        heldout = Score()
        for name, gold, result in polnear_cases(args.polnear, "polnear-heldout"):
            heldout.add(name, gold, result, quiet=True, silent=True)
        heldout.report("held-out", (0.95, 0.93, 0.9))


if __name__ == "__main__":
    main()
