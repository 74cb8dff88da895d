"""Who speaks for a line without a frame of its own: a transcript turn's label, or a
name and a colon opening the line (a headline, a social-media card)."""

from __future__ import annotations

import re
from typing import Any

from briefing.analysis.claim import Claim, attribute
from briefing.analysis.speakers import ActorIndex
from briefing.analysis.speakers import lex as speaker_lex


class Turns:
    """Transcript turns: a speaker label ("MR. MILLER:", "SENIOR ADMINISTRATION OFFICIAL:")
    governs its paragraph and the unlabelled paragraphs after it, up to the next label, in
    a text that has at least two labels (one label alone may be a headline's "BREAKING:")."""

    def __init__(self, parsed: list[tuple[Any, Any]], index: ActorIndex) -> None:
        self.index = index
        self.transcript = sum(b.turn is not None for b, _ in parsed) >= 2
        self.current: tuple[str, list[int], list[int]] | None = None
        self.asking = False

    def speaker_of(self, block: Any) -> tuple[str, list[int], list[int]] | None:
        """(speaker, label span, colon span) of the turn `block` belongs to, or None."""
        if block.turn is not None:
            self.asking = block.is_question
            label, start, end = block.turn
            actor = self.index.at(start, end)
            if actor is not None and actor.name.lower() in speaker_lex()["person_nouns"]:
                actor = None  # "SENIOR OFFICIAL": a role, not a name
            self.current = (actor.name if actor is not None else label.title(),
                            [start, end], [end, end + 1])
            return self.current
        if not self.transcript:
            self.current, self.asking = None, False
        return self.current


_LABEL = re.compile(r"^\s*([A-Z][^:.!?\n\"“]{1,60}):\s+\S")


def labelled_line(block: Any, index: ActorIndex) -> tuple[str, list[int], list[int]] | None:
    """'Senator Jane Roe: We will not back down' (a headline or a social-media card): a
    line opened by a name and a colon is that actor speaking, cue ":"."""
    m = _LABEL.match(block.text)
    if m is None:
        return None
    start, end = block.start + m.start(1), block.start + m.end(1)
    actors = index.all_in(start, end)
    words = m.group(1).split()
    if (len(actors) != 1 or len(words) > 6 or any(w[:1].islower() for w in words)
            or (len(words) == 1 and words[0].isupper())):  # "UPDATE:", "BREAKING:"
        return None
    return actors[0].name, [start, end], [end, end + 1]


def speak_for_turn(claims: list[Claim], speaker: str, label: list[int],
                    colon: list[int]) -> None:
    """In a transcript turn, the label speaks (cue ":"): for claims with no speaker, and for
    'I'/'we'."""
    for claim in claims:
        if claim.speaker is None or claim.speaker.lower() in speaker_lex()["first_person"]:
            attribute(claim, speaker)
            claim.speaker_span = label
            if claim.cue is None:
                claim.cue, claim.cue_span = ":", colon
