"""How many claim grades a change of analysis leaves on screen, and on which claim.

Two analyses of the same texts, before and after a change of the rules (an ANALYSIS_VERSION
bump, a claim's span becoming its content, another spaCy pipeline), each made by the code
it was run with:

    PYTHONPATH=OLD_TREE python benchmarks/grades_follow.py analyse before/ TEXTS...
    PYTHONPATH=NEW_TREE python benchmarks/grades_follow.py analyse after/ TEXTS...
    python benchmarks/grades_follow.py compare before/ after/ [--legacy]
    python benchmarks/grades_follow.py sources before/ after/

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


def sources(before: Path, after: Path) -> None:
    """A reliability given to every speaker of `before` (in the first text it speaks in),
    then every text's `after` analysis saved and each text opened as the reader opens it
    (briefing/source_grades.py follows renamed speakers): how many reliabilities show on
    a speaker's claims, by their old name or a new one, how many are listed as orphans, how
    many neither (hidden); and each rename, to read."""
    from briefing.analysis.cache import save_analysis
    from briefing.claim_grades import follow_grades, orphaned_grades
    from briefing.grades import (
        RELIABILITY,
        orphan_grade_why,
        set_grade,
        source_key,
        source_name_key,
    )
    from briefing.model import Analysis
    from briefing.store import Store

    letters = list(RELIABILITY)
    with tempfile.TemporaryDirectory() as scratch, Store(Path(scratch) / "b.json") as store:
        texts = []
        for old_file in sorted(before.glob("*.json")):
            new_file = after / old_file.name
            if new_file.exists():
                old, new = (json.loads(f.read_text(encoding="utf-8"))
                            for f in (old_file, new_file))
                texts.append((store.add_article(old_file.stem, old["text"]), old, new))
        given: dict[str, str] = {}  # key -> the name as graded
        for aid, old, _ in texts:
            digest = store.article(aid).hash
            store.save_analysis(f"{digest}:before", {k: v for k, v in old.items() if k != "text"})
            for claim in old["claims"]:
                name = claim.get("speaker")
                if name and source_key(name) not in given:
                    given[source_key(name)] = name
                    set_grade(store, source_key(name), letters[len(given) % len(letters)],
                              speaker=name, article_id=aid)
        # Each reliability remembers the name it was given to (an extra field rides along).
        rows = [r for r in store.grade_rows() if r.is_reliability]
        store.replace_rows("grades", {r.key for r in rows},
                           [{**r.to_dict(), "given_as": r.key} for r in rows])
        speaking = {source_key(c["speaker"]) for _, _, new in texts
                    for c in new["claims"] if c.get("speaker")}
        for aid, _, new in texts:
            save_analysis(store, store.article(aid).hash, None,
                          {k: v for k, v in new.items() if k != "text"})
        orphans: dict[str, str] = {}  # key -> why no claim shows it
        for aid, _, new in texts:  # each text opened once every one is analysed anew
            digest, analysis = store.article(aid).hash, Analysis.from_dict(new)
            follow_grades(store, aid, digest, analysis)
            orphans.update((r.key, orphan_grade_why(r))
                           for r in orphaned_grades(store, aid, analysis) if r.is_reliability)
        held: dict[str, list[str]] = {}  # given key -> the keys holding it now
        for row in store.grade_rows():
            if row.is_reliability:
                held.setdefault(row.extra.get("given_as", row.key), []).append(row.key)
    old_name = renamed = merged = listed = hidden = 0
    renames = []
    for key, name in given.items():
        on_speaker = [k for k in held.get(key, []) if k in speaking]
        if key in on_speaker:
            old_name += 1
        elif on_speaker:
            renamed += 1
            renames.append(f"{name}: now {on_speaker[0][len('source:'):]}")
        elif key not in held:
            merged += 1  # the same grade was given to the name it has now: dropped
        elif key in orphans:
            listed += 1
            renames.append(f"{name}: listed as an orphan ({orphans[key]})")
        else:
            hidden += 1
    by_old = sum(1 for key in given if key in speaking)
    print(f"texts {len(texts)}, reliabilities given {len(given)} (each speaker of before)")
    print(f"shown by their old names before reliabilities followed: {by_old}")
    print(f"after following: on a speaker's claims {old_name + renamed} (under a new name "
          f"{renamed}), merged into an equal grade {merged}, listed as orphans {listed}, "
          f"neither (hidden) {hidden}")
    for line in sorted(renames, key=source_name_key):
        print(f"  {line}")


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
    r = sub.add_parser("sources", help="give every speaker of BEFORE a reliability, follow "
                                       "them onto AFTER")
    r.add_argument("before", type=Path)
    r.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.command == "analyse":
        analyse(args.out, args.texts)
    elif args.command == "sources":
        sources(args.before, args.after)
    else:
        compare(args.before, args.after, args.legacy)


if __name__ == "__main__":
    main()
