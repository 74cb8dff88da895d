"""Admiralty grades (NATO STANAG 2511): source reliability A-F kept on the source (an
outlet or a speaking actor, reused on every article), information credibility 1-6 kept on
each claim. Entered separately; shown together as e.g. "B2"."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from briefing.sanitize import clip_line

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


SOURCE_PREFIX = "source:"


def source_key(name: str) -> str:
    return SOURCE_PREFIX + source_name_key(name)


def source_name_key(name: str) -> str:
    """A name as a source's reliability is keyed by it: case and spacing ignored."""
    return " ".join(name.lower().split())


def source_name(row: Grade) -> str:
    """The name of the source a reliability row grades, as the analyst saw it (rows stored
    before the name was kept: as keyed, in lower case)."""
    return str(row.extra.get("name") or row.key[len(SOURCE_PREFIX):])


# Kept on a reliability row an analysis moved to the source's new name: the name the
# analyst gave it under (source_grades.py).
RENAMED_FROM = "renamed_from"


def graded_now() -> str:
    """When a grade is given: of two grades landing on one claim the newest is kept."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


CLAIM_PREFIX = "claim:"
# A claim grade no current claim shows (kept under an orphaned key, with its words):
ORPHANED = "orphaned"  # a new version of the text took its words away (revisions.py)
UNCLAIMED = "unclaimed"  # its words are in the text, no claim holds them (claim_grades.py)
SUPERSEDED = "superseded"  # the claim holding its words has a newer grade (claim_grades.py)
_ORPHAN_WHY = {ORPHANED: "its words are gone from the text",
               UNCLAIMED: "no claim found there now",
               SUPERSEDED: "its claim has a newer grade"}
# Why no claim shows a source's reliability (source_grades.py; worked out, not stored):
_SOURCE_WHY = {UNCLAIMED: "no source of that name speaks now",
               SUPERSEDED: "the source it was renamed to has another reliability"}


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
              speaker: str | None = None, article_id: int | None = None) -> None:
    """Store a grade. A claim's grade also records the hash of the text its offsets are in
    (`on_text`: the reader's, when that is one of the article's versions; else the current
    one), so that it follows the claim into the article's next version; when it was
    graded, so that of two grades landing on one claim the newest is shown; and the
    claim's `speaker`, which picks between two claims that hold its words equally
    (claim_grades.py). A source's reliability records its name as shown (`speaker`) and
    the article it was given in (`article_id`), whose Notes list it if a new analysis
    renames the source out of reach (source_grades.py)."""
    if key.startswith(SOURCE_PREFIX) and (speaker or article_id is not None):
        row = {"key": key, "value": value, "graded": graded_now()}
        if speaker:
            row["name"] = speaker
        if article_id is not None:
            row["article"] = article_id
        store.replace_rows("grades", {key}, [row])
        return
    parsed = parse_claim_key(key)
    article = store.article(parsed[0]) if parsed and parsed[1] else None
    if article is None:
        store.set_value("grades", key, value)
        return
    on = article.version(on_text).hash
    row = {"key": key, "value": value, "text_hash": on,
           "graded": graded_now()}
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
    on, if known, and its credibility; 'E' of a source's reliability."""
    if row.is_reliability:
        return row.value
    speaker = row.extra.get("speaker")
    reliability = grades.get(source_key(str(speaker))) if speaker else None
    return f"{reliability or '-'}{row.value}"


def orphan_grade_why(row: Grade) -> str:
    """Why no claim shows this grade: 'no claim found there now'..."""
    if row.is_reliability:
        renamed = row.extra.get("renamed_to")
        if row.status == SUPERSEDED and renamed:
            return f"now {renamed}, who has another reliability"
        return _SOURCE_WHY.get(row.status or "", _SOURCE_WHY[UNCLAIMED])
    return _ORPHAN_WHY.get(row.status or "", _ORPHAN_WHY[ORPHANED])


def grade_named(grades: dict[str, str], row: Grade) -> str:
    """'grade -4 on “…”', 'reliability E of “Tom”' (clipped: for a question or a notice)."""
    words = clip_line(orphan_grade_words(row), 80)
    if row.is_reliability:
        return f"reliability {row.value} of “{words}”"
    return f"grade {orphan_grade_label(grades, row)} on “{words}”"


def orphan_grade_words(row: Grade) -> str:
    """What an orphaned grade was given on: a claim's words, or a source's name."""
    if row.is_reliability:
        return source_name(row)
    return row.selector.exact if row.selector else ""
