"""How many claim grades a change of analysis leaves on screen, and on which claim.

Two analyses of the same texts, before and after a change of the rules (an ANALYSIS_VERSION
bump, a claim's span becoming its content, another spaCy pipeline), each made by the code
it was run with:

    PYTHONPATH=OLD_TREE python benchmarks/grades_follow.py analyse before/ TEXTS...
    PYTHONPATH=NEW_TREE python benchmarks/grades_follow.py analyse after/ TEXTS...
    python benchmarks/grades_follow.py compare before/ after/ [--legacy]

`compare` grades every claim of `before` in a scratch database, saves `after` (which moves
the grades onto its claims: briefing/claim_grades.py) and prints, over all grades:

- shown by their old offsets: what the reader showed before grades followed their claims
  (a grade is shown only on a claim at exactly its offsets);
- shown after following, and kept as orphans (listed in Notes and the export, not lost);
- on another speaker's claim: shown on a claim whose speaker is not the graded claim's;
- on the same cue: of the grades whose claim had a cue ('said') that exactly one `after`
  claim has too, how many landed on that claim (the claim the new rules made of the same
  attribution: an independent check of claim_grades.claim_holding);
- two on one claim: grades that lost their claim to a newer grade there (orphaned).

Texts are plain text or Markdown files (our samples in data/, or a corpus given by path).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path


def analyse(out: Path, texts: list[Path]) -> None:
    """Analyse each text with the code on the path (one spaCy load) into out/NAME.json."""
    import briefing
    from briefing.analysis import ANALYSIS_VERSION, analyse_document
    from briefing.ingest import load

    out.mkdir(parents=True, exist_ok=True)
    for path in texts:
        result = analyse_document(load(path))
        (out / f"{path.name}.json").write_text(json.dumps(result), encoding="utf-8")
    print(f"{len(texts)} texts analysed into {out} by {Path(briefing.__file__).parent} "
          f"(ANALYSIS_VERSION {ANALYSIS_VERSION})")


def _cue(claim: dict) -> tuple[int, int] | None:
    span = claim.get("cue_span")
    return (span[0], span[1]) if span else None


def compare(before: Path, after: Path, legacy: bool = False) -> None:
    """`legacy`: grades as Briefing stored them before they kept their claim's speaker and
    when they were given (every grade in a database from before claim_grades.py)."""
    from briefing.analysis.cache import save_analysis
    from briefing.grades import claim_key, set_grade
    from briefing.store import Store

    grades = exact = shown = orphans = superseded = cued = same_cue = texts = lost = 0
    other_speaker = 0
    with tempfile.TemporaryDirectory() as scratch, Store(Path(scratch) / "b.json") as store:
        for old_file in sorted(before.glob("*.json")):
            new_file = after / old_file.name
            if not new_file.exists():
                continue
            old, new = (json.loads(f.read_text(encoding="utf-8"))
                        for f in (old_file, new_file))
            if old["text"] != new["text"]:
                sys.exit(f"{old_file.name}: the two analyses are of different texts")
            texts += 1
            aid = store.add_article(old_file.stem, old["text"])
            if store.article(aid).text != old["text"]:
                sys.exit(f"{old_file.name}: the text changes when stored (sanitised)")
            graded: dict[str, dict] = {}  # key -> the claim graded
            for i, claim in enumerate(old["claims"]):
                key = claim_key(aid, claim)
                if key not in graded:  # two claims on one span: one grade
                    graded[key] = claim
                    if legacy:
                        store.set_value("grades", key, str(i % 6 + 1))
                    else:
                        set_grade(store, key, str(i % 6 + 1), speaker=claim.get("speaker"))
            # Each grade remembers which claim it was given on (an extra field rides along).
            rows = store.grade_rows(aid)
            store.replace_rows("grades", {r.key for r in rows},
                               [{**r.to_dict(), "graded_as": r.key} for r in rows])
            by_cue: dict[tuple[int, int], list[dict]] = {}
            for claim in new["claims"]:
                if _cue(claim):
                    by_cue.setdefault(_cue(claim), []).append(claim)
            new_keys = {claim_key(aid, c): c for c in new["claims"]}
            grades += len(graded)
            exact += sum(1 for key in graded if key in new_keys)
            # As in the reader's database: the analysis the grades were given on stays
            # cached (under its own version's key) when the new one is saved.
            digest = store.article(aid).hash
            store.save_analysis(f"{digest}:before", {k: v for k, v in old.items() if k != "text"})
            save_analysis(store, digest, None, {k: v for k, v in new.items() if k != "text"})
            after_rows = store.grade_rows(aid)
            lost += len(graded) - len(after_rows)
            for row in after_rows:
                if row.status in ("unclaimed", "superseded"):
                    orphans += 1
                    superseded += row.status == "superseded"
                else:
                    shown += 1
                    other_speaker += new_keys[row.key].get("speaker") != \
                        graded[row.extra["graded_as"]].get("speaker")
                cue = _cue(graded[row.extra["graded_as"]])
                if cue and len(by_cue.get(cue, [])) == 1:
                    cued += 1
                    same_cue += row.key == claim_key(aid, by_cue[cue][0])
    print(f"texts {texts}, claim grades {grades}")
    print(f"shown by their old offsets (before grades followed): {exact / grades:.3f}")
    print(f"shown after following: {shown / grades:.3f}; kept as orphans: {orphans / grades:.3f}"
          f" (of them, two on one claim: {superseded}); lost: {lost}")
    print(f"shown on another speaker's claim: {other_speaker}")
    if cued:
        print(f"on the claim with the same cue: {same_cue / cued:.3f} ({same_cue}/{cued})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyse", help="analyse texts with the code on the path")
    a.add_argument("out", type=Path)
    a.add_argument("texts", type=Path, nargs="+")
    c = sub.add_parser("compare", help="grade every claim of BEFORE, follow them onto AFTER")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--legacy", action="store_true",
                   help="grades without their claim's speaker or date, as stored before")
    args = ap.parse_args()
    if args.command == "analyse":
        analyse(args.out, args.texts)
    else:
        compare(args.before, args.after, args.legacy)


if __name__ == "__main__":
    main()
