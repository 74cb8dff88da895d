"""Every sentence of a quotation carries the quotation's speaker (quotations as units:
briefing.analysis.quotes)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from briefing.analysis.claim import Claim, attribute, claim_words, make_claim
from briefing.analysis.quotes import Quotation, Quotations
from briefing.analysis.speakers import ActorIndex, lex


@dataclass
class Sentence:
    """A parsed sentence, where its block starts, and the claims found in it."""

    offset: int
    sent: Any
    claims: list[Claim]

    @property
    def start(self) -> int:
        return self.offset + self.sent.start_char

    @property
    def end(self) -> int:
        return self.offset + self.sent.end_char


def speak_for_quotations(sentences: list[Sentence], quotes: Quotations, text: str,
                          index: ActorIndex) -> list[Claim]:
    """Every sentence of a quotation carries the quotation's speaker: the frame that
    introduces it ("..., X said", "X said: ..."), else the nearest frame of its paragraph,
    else a label before a colon ("Director Y: “...”"), else (a paragraph that is only a
    quotation) the speaker of the quotation just before it. Returns the claims added for
    quoted sentences that had none."""
    starts = [s.start for s in sentences]
    frames = [c for s in sentences for c in s.claims
              if c.speaker and c.cue_span and not quotes.inside(c.cue_span[0])]
    frame_starts = [c.cue_span[0] for c in frames]
    added: list[Claim] = []
    previous: tuple[Quotation, Claim] | None = None
    for unit in quotes.units:
        frame = _frame_of(unit, frames, frame_starts, text, index, previous)
        if frame is None:
            continue
        previous = (unit, frame)
        first = bisect.bisect_right(starts, unit.start) - 1
        for sentence in sentences[max(0, first):]:
            if sentence.start >= unit.end:
                break
            added += _quoted_sentence(sentence, unit, frame)
    return added


def _frame_of(unit: Quotation, frames: list[Claim], frame_starts: list[int], text: str,
              index: ActorIndex, previous: tuple[Quotation, Claim] | None) -> Claim | None:
    para_start = text.rfind("\n", 0, unit.start) + 1
    para_end = text.find("\n", unit.end)
    para_end = len(text) if para_end == -1 else para_end
    lo = bisect.bisect_left(frame_starts, para_start)
    hi = bisect.bisect_left(frame_starts, para_end)
    near = frames[lo:hi]
    labelled = text[para_start:unit.start].rstrip()
    if labelled.endswith(":"):
        # "POLLS AGREE - Jane Roe: “...”": a label after a heading's dash speaks, whatever
        # the heading's own frame
        dashed = _colon_label(para_start + len(labelled) - 1, para_start, text, index, True)
        if dashed is not None:
            return dashed
    own = [c for c in near if min(c.end, unit.end - 1) - max(c.start, unit.start + 1) > 3]
    if own:
        return min(own, key=lambda c: _distance(c.cue_span, unit))
    signed = _dash_signature(unit.end, para_end, text, index)
    if signed is not None:
        return signed
    if near:
        if previous is not None and previous[0].end >= para_start and previous[1] in near \
                and not any(_same_sentence(c.cue_span, unit, text) for c in near):
            # '“...,” Jane Roe told the paper, after X stated ... “...”': a second quotation
            # of the paragraph with no frame of its own continues the first one's speaker
            return previous[1]
        # the frame of the quotation's own sentence, else the last one before it
        return min(near, key=lambda c: (not _same_sentence(c.cue_span, unit, text),
                                        c.cue_span[0] > unit.start,
                                        _distance(c.cue_span, unit)))
    before = text[para_start:unit.start].rstrip()
    if not before and para_start > 1:
        # the quotation opens its paragraph: introduced by the end of the previous one?
        prev_end = len(text[:para_start].rstrip())
        prev_start = text.rfind("\n", 0, prev_end) + 1
        before = text[prev_start:prev_end]
        para_start = prev_start
    if before.endswith((":", "—", "–")):
        at = para_start + len(before) - 1
        intro = [c for c in frames[bisect.bisect_left(frame_starts, para_start):
                                   bisect.bisect_left(frame_starts, at)] if c.end >= at - 1]
        if intro:
            return intro[-1]
        return (_colon_label(at, para_start, text, index)
                or _transcript_intro(at, para_start, frames, frame_starts, text))
    if previous is not None and not text[para_start:unit.start].strip():
        earlier, frame = previous
        gap = text[earlier.end:unit.start]
        if gap.count("\n") <= 2 and not gap.strip(" \t\n.,"):
            return frame  # the continuation convention: a paragraph that is only a quote
    return None


_SIGNATURE = re.compile(r"\s*([―—–])\s*([A-Z][^,.;:()\n]{1,60})")
# A signature on the line after the quotation's paragraph: "- Jane Doe." / "—Jane Doe, Ohio".
_SIGNATURE_LINE = re.compile(r"\n[ \t]*\n?[ \t]*([―—–-])[ \t]*([A-Z][^,.;:()\n]{1,60})[^\n]{0,60}$",
                             re.M)


def _dash_signature(quote_end: int, para_end: int, text: str,
                    index: ActorIndex) -> Claim | None:
    """'“...” ― Jane Doe, 34, teacher' (reader comments, epigraphs): the name after a dash
    that closes the quotation's paragraph signs it, or a line of its own after the paragraph
    ('- Jane Doe.': a name in capitals, nothing but a short place or role after it); its
    actor if it names one, else the name as written."""
    m = _SIGNATURE.match(text, quote_end, para_end)
    if m is None and not text[quote_end:para_end].strip(" .,"):
        m = _SIGNATURE_LINE.match(text, para_end)
        if m is not None and not all(w[:1].isupper() for w in m.group(2).split()):
            m = None  # "- Voters stayed home.": a list's item, not a signature
    if m is None or len(m.group(2).split()) > 6:
        return None
    start, end = m.start(2), m.start(2) + len(m.group(2).rstrip())
    return _mark_frame(m.start(1), m.group(1), _signer(start, end, text, index), [start, end])


# Where a colon's label starts: after a sentence's end (not an initial's dot: "Jeffrey M.
# Jones") or after a dash that closes a heading ("POLLS AGREE - Jane Roe: “...”").
_LABEL_BREAK = re.compile(r"(?<!\b[A-Z])[.?!]\s+|\s[-–—―]+\s*")
# "More from Jane Roe:", "From the report:": the source a newsletter quotes next.
_FROM = re.compile(r"^(?:more\s+)?from\s+", re.I)


def _colon_label(colon: int, line_start: int, text: str, index: ActorIndex,
                 after_dash: bool = False) -> Claim | None:
    """'CIA Director Jane Roe: “...”': the actor named just before the colon speaks ('More
    from Jane Roe and Tomas Berg:' both; 'From the report:' the report as written). With
    `after_dash`, only a label that follows a heading's dash ('POLLS AGREE - Jane Roe:'),
    which may also be a name the model did not tag (capitalised words, as written)."""
    label = text[line_start:colon]
    breaks = list(_LABEL_BREAK.finditer(label))
    start = line_start + (breaks[-1].end() if breaks else 0)
    dashed = bool(breaks) and breaks[-1].group().strip()[:1] in "-–—―"
    if colon - start > 80 or (after_dash and not dashed):
        return None
    head = _FROM.sub("", text[start:colon])
    start = colon - len(head)
    persons = [a for a in index.all_in(start, colon) if a.type == "person"]
    actors = persons if len(persons) > 1 and " and " in head else index.all_in(start, colon)[-1:]
    if actors:
        spans = [next(([s, e] for s, e in a.mentions if start <= s < colon), None)
                 for a in actors]
        speaker, span = " and ".join(a.name for a in actors), spans[-1]
    elif _source_words(head) or (dashed and 2 <= len(head.split()) <= 4 and not head.isupper()
                                 and all(w[:1].isupper() for w in head.split())):
        speaker, span = head, [start, colon]  # "the report", a name the model missed
    else:
        return None
    # the mark is the cue: a colon, or the dash of 'When Trump finally wrapped up — “...”'
    return _mark_frame(colon, text[colon], speaker, span)


# "Transcript as follows:", "Partial transcript:", "Video transcript below:".
_TRANSCRIPT = re.compile(r"^(?:\w+\s+){0,2}(transcript)(?:\s+(?:as\s+follows|below|follows))?$",
                         re.I)
_TRANSCRIPT_REACH = 1500  # characters back to the frame that names who is transcribed


def _transcript_intro(colon: int, line_start: int, frames: list[Claim], frame_starts: list[int],
                      text: str) -> Claim | None:
    """'Transcript as follows:' before a quotation with no labels of its own: the words of
    the speaker of the last frame before it (who the story says spoke), cue the colon,
    source span the word 'transcript'."""
    m = _TRANSCRIPT.match(text[line_start:colon].strip())
    if m is None:
        return None
    lead = len(text[line_start:colon]) - len(text[line_start:colon].lstrip())
    word = [line_start + lead + m.start(1), line_start + lead + m.end(1)]
    before = frames[bisect.bisect_left(frame_starts, line_start - _TRANSCRIPT_REACH):
                    bisect.bisect_left(frame_starts, line_start)]
    speaker = next((c.speaker for c in reversed(before) if c.speaker), None)
    if speaker is None:
        return None
    return _mark_frame(colon, text[colon], speaker, word)


def _mark_frame(start: int, mark: str, speaker: str, speaker_span: list[int] | None) -> Claim:
    """A frame whose cue is a mark on the page (a label's colon, a signature's dash) at
    `start`: the quotation it introduces or closes is `speaker`'s."""
    end = start + len(mark)
    return Claim(start=start, end=end, text=mark, kinds=["attributed"], speaker=speaker,
                 cue=mark, cue_span=[start, end], speaker_span=speaker_span)


def _signer(start: int, end: int, text: str, index: ActorIndex) -> str:
    """Who a signature's words name: their actor, else the words as written."""
    actors = index.all_in(start, end)
    return actors[-1].name if actors else text[start:end]


def _source_words(head: str) -> bool:
    """'the report', 'the new survey': a data source named by its noun."""
    words = head.lower().split()
    return 2 <= len(words) <= 4 and words[0] == "the" and words[-1] in claim_words()["data_sources"]


def _same_sentence(span: list[int], unit: Quotation, text: str) -> bool:
    gap = text[min(span[1], unit.end):max(span[0], unit.start)]
    return not any(stop in gap for stop in (". ", "? ", "! ", ".\n"))


def _distance(span: list[int], unit: Quotation) -> int:
    return max(0, unit.start - span[1], span[0] - unit.end)


def _quoted_sentence(sentence: Sentence, unit: Quotation, frame: Claim) -> list[Claim]:
    """Give `sentence`'s part of the quotation the frame's speaker: its speakerless claims
    take it, or a new claim covers the quoted words."""
    inside = [c for c in sentence.claims
              if any(min(c.end, e - 1) - max(c.start, s + 1) > 3 for s, e in unit.pieces)]
    label = frame.speaker_span[0] if frame.cue == ":" and frame.speaker_span else None
    heading = [c for c in inside if label is not None and c.start < label
               and c.cue_span is not None and c.cue_span[1] <= label]
    for claim in heading:
        # "Pollsters agree - Jane Roe: “...”": the heading's frame ends at its dash; the
        # quotation is the label's
        claim.end = claim.start + len(claim.text[:label - claim.start].rstrip(" -–—―"))
        claim.text = claim.text[:claim.end - claim.start]
        inside.remove(claim)
    if any(c.speaker for c in inside):
        return []
    if not sentence.start <= frame.cue_span[0] < sentence.end and any(
            not _mostly_quoted(c, unit) for c in inside):
        # 'They did not offer details, but officials, including employees who signed a
        # ''dissent channel'' memo, have pressed for ...': a few quoted words in the writer's
        # own sentence do not make it the words of a frame in another sentence
        return []
    for claim in inside:
        _speak_as(claim, frame)
    if inside:
        return []
    tokens = [t for t in sentence.sent
              if any(s < sentence.offset + t.idx < e for s, e in unit.pieces)
              and not (t.is_punct and t.text in "\"“”«»'`")]
    if len(tokens) < 3 or tokens[0].text in "([":
        return []  # '"(CROSSTALK.)': a transcript's stage direction says nothing
    claim = make_claim(sentence.sent, sentence.offset, tokens[0].i, tokens[-1].i, frame.speaker,
                   None)
    _speak_as(claim, frame)
    sentence.claims.append(claim)
    return [claim]


def _mostly_quoted(claim: Claim, unit: Quotation) -> bool:
    """At least half of the claim's span lies inside the quotation's marks."""
    quoted = sum(max(0, min(claim.end, e) - max(claim.start, s)) for s, e in unit.pieces)
    return quoted * 2 >= claim.end - claim.start


def _speak_as(claim: Claim, frame: Claim) -> None:
    attribute(claim, frame.speaker or "")
    claim.cue, claim.cue_span = frame.cue, frame.cue_span
    claim.speaker_span = frame.speaker_span
    if "denial" in frame.kinds and "denial" not in claim.kinds:
        claim.kinds.append("denial")  # the quoted words of a denial deny too


# An embedded post's signature closing its paragraph: "... — Jane Roe (@janeroe) May 3, 2016"
# (the plain text a social-media embed leaves on a page), a closing tag and a dot aside.
_POST_SIGNATURE = re.compile(
    r"([―—–-]{1,2})\s*([A-Z][^()\n―—–]{0,60}?)\s*\(@\w{1,30}\)"
    r"\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?\s*(?:</\w+>)?[\s.]*$")


def speak_for_signed_posts(sentences: list[Sentence], text: str, index: ActorIndex) -> None:
    """A paragraph signed like an embedded post ('Text of the post — Jane Roe (@janeroe)
    May 3, 2016') is the signer's: the claims of its sentences before the dash that have no
    speaker (or 'I'/'we') take the signer, cue the dash, and end before the dash."""
    signed: dict[int, Claim | None] = {}
    for sentence in sentences:
        para_start = text.rfind("\n", 0, sentence.start) + 1
        if para_start not in signed:
            signed[para_start] = _post_signature(para_start, text, index)
        signature = signed[para_start]
        if signature is None or sentence.start >= signature.start:
            continue
        for claim in (c for c in sentence.claims if c.start < signature.start):
            if claim.end > signature.start:
                claim.end = len(text[:signature.start].rstrip())
                claim.text = text[claim.start:claim.end]
            if claim.text.isupper():
                continue  # "SIGN UP FOR OUR NEWSLETTER": the page's furniture inside the embed
            if claim.speaker is None or claim.speaker.lower() in lex()["first_person"]:
                _speak_as(claim, signature)


def _post_signature(para_start: int, text: str, index: ActorIndex) -> Claim | None:
    """The signature of a signed paragraph, as a frame whose cue is its dash."""
    para_end = text.find("\n", para_start)
    para_end = len(text) if para_end == -1 else para_end
    m = _POST_SIGNATURE.search(text, para_start, para_end)
    if m is None or len(m.group(2).split()) > 6:
        return None
    start, end = m.start(2), m.end(2)
    return _mark_frame(m.start(1), m.group(1), _signer(start, end, text, index), [start, end])


def speak_for_introduced_paragraphs(sentences: list[Sentence], text: str) -> list[Claim]:
    """'Jane Roe writes:' closing its paragraph introduces the next one, a block quotation
    set without marks: that paragraph's claims with no speaker and no cue (or only 'I'/'we')
    take the frame's speaker and cue, and a sentence of it with no claim gets one. A colon with no
    frame before it ('Here is what we know:') speaks for no one. Returns the claims added."""
    added: list[Claim] = []
    intro: tuple[Claim, int] | None = None  # the frame, and where its paragraph ends
    for sentence in sentences:
        para_start = text.rfind("\n", 0, sentence.start) + 1
        if intro is not None and para_start > intro[1]:
            if text[intro[1]:para_start].strip():
                intro = None  # (another paragraph came between)
            else:
                added += _introduced_sentence(sentence, intro[0])
        frame = _colon_intro(sentence, text)
        if frame is not None:
            line_end = text.find("\n", sentence.end)
            intro = (frame, len(text) if line_end == -1 else line_end)
        elif intro is not None and para_start <= intro[1] and sentence.start > intro[1]:
            intro = None
    return added


def _colon_intro(sentence: Sentence, text: str) -> Claim | None:
    """The frame of a sentence that ends its paragraph with a colon, if it has a speaker
    other than 'I' or 'we' (the writer's "Here is what we know:" quotes no one)."""
    line_end = text.find("\n", sentence.end)
    rest = text[sentence.end:len(text) if line_end == -1 else line_end]
    if rest.strip() or not sentence.sent.text.rstrip().endswith(":"):  # (Span.text last)
        return None
    frames = [c for c in sentence.claims if c.speaker and c.cue_span
              and c.speaker.lower() not in lex()["first_person"]]
    return max(frames, key=lambda c: c.cue_span[0] if c.cue_span else 0, default=None)


def _introduced_sentence(sentence: Sentence, frame: Claim) -> list[Claim]:
    """A sentence of an introduced paragraph speaks as the frame (see above)."""
    for claim in sentence.claims:
        # (a frame of its own whose speaker was lost is not the introduced words)
        if (claim.speaker is None and claim.cue_span is None) or (
                (claim.speaker or "").lower() in lex()["first_person"]):
            _speak_as(claim, frame)
    words = [t for t in sentence.sent if not (t.is_punct or t.is_space)]
    if sentence.claims or len(words) < 3:
        return []
    claim = make_claim(sentence.sent, sentence.offset, sentence.sent[0].i, sentence.sent[-1].i,
                       frame.speaker, None)
    _speak_as(claim, frame)
    sentence.claims.append(claim)
    return [claim]
