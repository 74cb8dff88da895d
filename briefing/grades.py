"""Admiralty grades (NATO STANAG 2511): source reliability A-F kept on the source (an
outlet or a speaking actor, reused on every article), information credibility 1-6 kept on
each claim. Entered separately; shown together as e.g. "B2"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Claim

RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
CREDIBILITY = {"1": "confirmed by other sources", "2": "probably true", "3": "possibly true",
               "4": "doubtful", "5": "improbable", "6": "truth cannot be judged"}


def source_key(name: str) -> str:
    return "source:" + " ".join(name.lower().split())


def claim_key(article_id: int, claim: Claim) -> str:
    return f"claim:{article_id}:{claim.start}:{claim.end}"


def grade_label(grades: dict[str, str], article_id: int, claim: Claim) -> str | None:
    """'B2': the speaker's reliability and the claim's credibility, '-' for the one unset."""
    speaker = claim.speaker
    reliability = grades.get(source_key(speaker)) if speaker else None
    credibility = grades.get(claim_key(article_id, claim))
    if not reliability and not credibility:
        return None
    return f"{reliability or '-'}{credibility or '-'}"
