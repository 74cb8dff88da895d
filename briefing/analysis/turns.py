"""Who speaks for a line without a frame of its own: a transcript turn's label, or a
name and a colon opening the line (a headline, a social-media card)."""

from __future__ import annotations

import re
from typing import Any

from briefing.analysis.actors import is_title_line
from briefing.analysis.claim import Claim, attribute, claim_words, make_claim
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
    if len(words) > 6 or (len(words) == 1 and words[0].isupper()):  # "UPDATE:", "BREAKING:"
        return None
    if _source_label(words) and len(actors) <= 1:
        # "Poll: ...", "Insiders: ...", "WSJ editorial: ...": a source that is no name
        return m.group(1), [start, end], [end, end + 1]
    if any(w[:1].islower() for w in words):
        return None
    # "Port Challenger Ada Lund: ...": the name that ends at the colon is the label's head
    named = index.ending_at(end, start) if len(actors) > 1 else None
    if named is not None:
        return named[1].name, named[0], [end, end + 1]
    if len(actors) != 1:
        return None
    return actors[0].name, [start, end], [end, end + 1]


def _source_label(words: list[str]) -> bool:
    """A label whose last word is a poll, a report or a kind of person ("Poll", "New
    survey", "Senior officials", "Historians")."""
    if "," in " ".join(words) or (len(words) > 2 and any(w[:1].islower() for w in words)):
        return False  # "But beware, Republicans:": a sentence, not a label
    last = words[-1].lower()
    nouns = claim_words()["data_sources"] | speaker_lex()["person_nouns"] | {
        "editorial", "insider", "historian", "source"}
    return last in nouns or (last.endswith("s") and last[:-1] in nouns)


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


# Adverbs a headline may put between its speaker and verb ("Trump Finally Endorses Ryan").
_HEADLINE_ADVERBS = {"just", "finally", "also", "now", "again", "still", "openly", "quietly",
                     "reportedly", "officially", "formally", "publicly"}


def headline_frame(sent: Any, offset: int, index: ActorIndex) -> Claim | None:
    """'Jane Roe Slams Harbour Tolls', 'Port Is Safe, Harbour Board Finds': in a title-case
    line the model tags every word a proper noun, so the frame is found by word order: a
    reporting verb's -s form right after an actor's name (adverbs aside) makes that actor
    speak for the rest of the line, or, at the line's end, for what precedes the name."""
    if not is_title_line(sent.text):
        return None
    doc = sent.doc
    for verb in sent[1:]:
        if not _reports_in_present(verb.lower_):
            continue
        before = verb.i - 1
        while before > sent.start and doc[before].lower_ in _HEADLINE_ADVERBS:
            before -= 1
        end = offset + doc[before].idx + len(doc[before].text)
        found = index.ending_at(end, offset + sent.start_char)
        if found is None:
            continue
        span, speaker = found
        words = [t for t in doc[verb.i + 1:sent.end] if not t.is_punct]
        if not words:  # "..., Harbour Board Finds": the words before the name
            words = [t for t in sent if offset + t.idx < span[0] and not t.is_punct]
        if not words:
            return None
        claim = make_claim(sent, offset, words[0].i, words[-1].i, speaker.name, verb)
        claim.speaker_span = span
        return claim
    return None


def _reports_in_present(word: str) -> bool:
    """'slams', 'praises': the -s form of a reporting verb."""
    reporting = claim_words()["reporting"]
    return word.endswith("s") and (word[:-1] in reporting
                                   or (word.endswith("es") and word[:-2] in reporting))
