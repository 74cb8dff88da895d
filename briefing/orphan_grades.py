"""What the analyst does with a grade no claim shows (listed in the Notes pane): delete it
(undo puts it back), or put it on a claim they choose — a claim grade on that claim, a
source's reliability on that claim's speaker. Each is one write of the grades table (a
kill -9 leaves the grade as it was or as it is now), refused with a one-line reason when
another session has changed what it acts on.

claim_grades.py and source_grades.py make orphans; this module is the analyst's answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing.anchoring import capture
from briefing.claim_grades import on_claim_row, orphan_key, orphan_row
from briefing.errors import BriefingError
from briefing.grades import (
    RENAMED_FROM,
    SOURCE_PREFIX,
    SUPERSEDED,
    claim_key,
    graded_now,
    parse_claim_key,
    source_key,
)
from briefing.model import Claim, Grade
from briefing.source_grades import UNSHOWN, given_under

if TYPE_CHECKING:
    from briefing.store import Store

_CHANGED = "that grade was changed in another session; reopen the article"


@dataclass
class Written:
    """What one of the analyst's writes of the grades table did: the rows it took out, as
    stored, and the rows it put in; what undo_write needs to take it back."""

    before: list[dict[str, Any]] = field(default_factory=list)
    after: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Reattached:
    """What reattach_grade did: its write, and the grade the claim had, kept as an orphan
    (None when it had none)."""

    written: Written
    displaced: Grade | None = None


def _write(store: Store, written: Written) -> Written:
    store.replace_rows("grades", {r["key"] for r in written.before},
                       [*written.after])
    return written


def undo_write(store: Store, written: Written) -> None:
    """Take back one write (u after o): the rows it put in go, the rows it took out come
    back as they were stored, in one write. Refused when another session has changed a
    row it put in, or given a grade where one it took out was."""
    with store.transaction():
        rows = {r.key: r.to_dict() for r in store.grade_rows()}
        put_in = {row["key"] for row in written.after}
        if any(rows.get(row["key"]) != Grade.from_dict(row).to_dict() for row in written.after):
            raise BriefingError(_CHANGED)
        if any(row["key"] in rows and row["key"] not in put_in for row in written.before):
            raise BriefingError("another grade has taken its place since; not put back")
        store.replace_rows("grades", put_in, [*written.before])


def _stored(store: Store, key: str) -> Grade | None:
    return next((r for r in store.grade_rows() if r.key == key), None)


def _as_shown(stored: Grade | None, row: Grade) -> Grade:
    """The stored grade the analyst acts on, refused when another session has changed or
    removed it since `row` was shown."""
    if stored is None or stored.value != row.value:
        raise BriefingError(_CHANGED)
    return stored


def delete_grade(store: Store, row: Grade) -> Grade:
    """Delete the grade `row` names; returns it as stored (for undo to put back whole)."""
    with store.transaction():
        stored = _as_shown(_stored(store, row.key), row)
        store.replace_rows("grades", {row.key}, [])
    return stored


def restore_grade(store: Store, row: Grade) -> None:
    """Put a deleted grade back as it was stored (undo); refused once the article of a
    claim grade is deleted (a reader open on it in another session)."""
    with store.transaction():
        claim_of = parse_claim_key(row.key)
        if claim_of is not None and store.article(claim_of[0]) is None:
            raise BriefingError("its article was deleted in another session; not put back")
        if _stored(store, row.key) is not None:
            raise BriefingError("another grade has taken its place since; not put back")
        store.replace_rows("grades", set(), [row.to_dict()])


def reattach_grade(store: Store, row: Grade, article_id: int, claim: Claim,
                   digest: str) -> Reattached:
    """Put the orphaned claim grade `row` on `claim` of the article's text with hash
    `digest` (given now: the newest, should another grade land on that claim later). A
    grade that claim had already is not dropped: it becomes an orphan itself (its claim
    has a newer grade), listed in Notes; returned with what was written."""
    with store.transaction():
        article = store.article(article_id)
        if article is None or article.hash != digest:
            raise BriefingError("the article's text changed in another session; reopen it")
        rows = {r.key: r for r in store.grade_rows(article_id)}
        stored = _as_shown(rows.get(row.key), row)
        target = claim_key(article_id, claim)
        added = [{**on_claim_row(stored, target, claim.speaker, digest),
                  "graded": graded_now()}]
        displaced = rows.get(target)
        if displaced is not None:
            words = capture(article.text, claim.start, claim.end)
            orphan = orphan_row(displaced, orphan_key(article_id, words.exact, set(rows)),
                                SUPERSEDED, words, digest)
            # It was on this claim: its speaker is the claim's now (a rename since it was
            # given included), whose reliability its label shows.
            if claim.speaker:
                orphan["speaker"] = claim.speaker
            added.append(orphan)
        before = [stored.to_dict(), *([displaced.to_dict()] if displaced is not None else [])]
        written = _write(store, Written(before, added))
    return Reattached(written, Grade.from_dict(added[1]) if displaced is not None else None)


def rename_source(store: Store, row: Grade, speaker: str, article_id: int) -> Written:
    """Give the orphaned reliability `row` to `speaker` (a claim's speaker in the article
    `article_id`, whose claim grades given under the old name take the new one, as when
    an analysis renames the source: source_grades.given_under). Refused when that speaker
    has a reliability already: the analyst keeps one or the other themselves (d deletes
    this one, r grades the speaker anew)."""
    target = source_key(speaker)
    with store.transaction():
        stored = _as_shown(_stored(store, row.key), row)
        there = _stored(store, target)
        if there is not None and target != row.key:
            raise BriefingError(f"{speaker} has reliability {there.value} already")
        claim_rows = store.grade_rows(article_id)
        claims = given_under(claim_rows, {row.key[len(SOURCE_PREFIX):]: speaker})
        renamed = {r["key"] for r in claims}
        return _write(store, Written(
            [stored.to_dict(), *(r.to_dict() for r in claim_rows if r.key in renamed)],
            [{"value": stored.value, **_chosen(stored), "key": target, "name": speaker,
              "graded": graded_now()}, *claims]))


def _chosen(row: Grade) -> dict[str, Any]:
    """What a reliability keeps when the analyst gives it to a speaker themselves: not
    the marks of what an analysis did with it (source_grades.py)."""
    return {k: v for k, v in row.extra.items() if k not in (RENAMED_FROM, UNSHOWN)}
