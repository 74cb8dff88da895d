"""Admiralty grades (NATO STANAG 2511): source reliability A-F kept on the source (an
outlet or a speaking actor, reused on every article), information credibility 1-6 kept on
each claim. Entered separately; shown together as e.g. "B2"."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Claim, Grade
    from briefing.store import Store

    # A claim as the analysis found it, or as a highlight or a revision keeps it (a dict
    # with its offsets and speaker).
    ClaimLike = Claim | dict

RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
CREDIBILITY = {"1": "confirmed by other sources", "2": "probably true", "3": "possibly true",
               "4": "doubtful", "5": "improbable", "6": "truth cannot be judged"}


def source_key(name: str) -> str:
    return "source:" + " ".join(name.lower().split())


CLAIM_PREFIX = "claim:"
# A claim grade no current claim shows (kept under an orphaned key, with its words):
ORPHANED = "orphaned"  # a new version of the text took its words away (revisions.py)
UNCLAIMED = "unclaimed"  # its words are in the text, no claim holds them (claim_grades.py)
SUPERSEDED = "superseded"  # the claim holding its words has a newer grade (claim_grades.py)
_ORPHAN_WHY = {ORPHANED: "its words are gone from the text",
               UNCLAIMED: "no claim found there now",
               SUPERSEDED: "its claim has a newer grade"}


def _field(claim: ClaimLike, name: str) -> object:
    return claim.get(name) if isinstance(claim, dict) else getattr(claim, name)


def claim_key_prefix(article_id: int) -> str:
    """What the keys of every grade of one article's claims begin with."""
    return f"{CLAIM_PREFIX}{article_id}:"


def claim_key(article_id: int, claim: ClaimLike) -> str:
    """A claim's grade is keyed by its offsets in the article's current text; a new version
    re-keys it (briefing/revisions.py)."""
    return f"{claim_key_prefix(article_id)}{_field(claim, 'start')}:{_field(claim, 'end')}"


def orphaned_claim_key(article_id: int, tag: str) -> str:
    """The key of a grade whose claim's words are gone from the current text (kept, with
    its selector, in case they come back)."""
    return f"{claim_key_prefix(article_id)}{ORPHANED}:{tag}"


def parse_claim_key(key: str) -> tuple[int, tuple[int, int] | None] | None:
    """(article id, (start, end)) of a claim grade's key, (id, None) for an orphaned one;
    None for any other key."""
    if not key.startswith(CLAIM_PREFIX):
        return None
    parts = key[len(CLAIM_PREFIX):].split(":")
    try:
        article_id = int(parts[0])
        if len(parts) == 3 and parts[1] == ORPHANED:
            return article_id, None
        if len(parts) == 3:
            return article_id, (int(parts[1]), int(parts[2]))
    except ValueError:
        pass
    return None


def set_grade(store: Store, key: str, value: str, on_text: str | None = None,
              speaker: str | None = None) -> None:
    """Store a grade. A claim's grade also records the hash of the text its offsets are in
    (`on_text`: the reader's, when that is one of the article's versions; else the current
    one), so that it follows the claim into the article's next version; when it was
    graded, so that of two grades landing on one claim the newest is shown; and the
    claim's `speaker`, which picks between two claims that hold its words equally
    (claim_grades.py)."""
    parsed = parse_claim_key(key)
    article = store.article(parsed[0]) if parsed and parsed[1] else None
    if article is None:
        store.set_value("grades", key, value)
        return
    on = article.version(on_text).hash
    row = {"key": key, "value": value, "text_hash": on,
           "graded": datetime.now(UTC).isoformat(timespec="microseconds")}
    if speaker:
        row["speaker"] = speaker
    store.replace_rows("grades", {key}, [row])


def grade_label(grades: dict[str, str], article_id: int, claim: ClaimLike) -> str | None:
    """'B2': the speaker's reliability and the claim's credibility, '-' for the one unset."""
    speaker = _field(claim, "speaker")
    reliability = grades.get(source_key(speaker)) if speaker else None
    credibility = grades.get(claim_key(article_id, claim))
    if not reliability and not credibility:
        return None
    return f"{reliability or '-'}{credibility or '-'}"


def orphan_grade_label(grades: dict[str, str], row: Grade) -> str:
    """'B2' of a claim grade no claim shows: the reliability of the speaker it was given
    on, if known, and its credibility."""
    speaker = row.extra.get("speaker")
    reliability = grades.get(source_key(str(speaker))) if speaker else None
    return f"{reliability or '-'}{row.value}"


def orphan_grade_why(row: Grade) -> str:
    """Why no claim shows this grade: 'no claim found there now'..."""
    return _ORPHAN_WHY.get(row.status or "", _ORPHAN_WHY[ORPHANED])
