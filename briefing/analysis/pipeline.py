"""Loading the spaCy pipeline: lazily, once per process, never at import time."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefing import config


class PipelineUnavailable(Exception):
    """No spaCy pipeline could be loaded; the message is one line for the user."""


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Any:
    """The spaCy Language for `name` (default: config.model_name()), cached per process."""
    chosen = name or config.model_name()
    try:
        import spacy

        return spacy.load(chosen)
    except ImportError as exc:
        raise PipelineUnavailable(f"analysis unavailable: spaCy not installed ({exc})") from None
    except OSError:
        raise PipelineUnavailable(
            f"analysis unavailable: spaCy pipeline {chosen!r} is not installed "
            "(set --model or BRIEFING_SPACY_MODEL)"
        ) from None


def pipeline_id(nlp: Any) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


@dataclass(frozen=True)
class Block:
    """One line of the text (a paragraph once hard wraps are undone) and where it starts.

    `turn` is the speaker label of a transcript line ("MR. MILLER: ...", "Q: ..."): the
    name as written and where it is, or None.
    """

    start: int
    text: str
    turn: tuple[str, int, int] | None = None

    @property
    def is_question(self) -> bool:
        return self.turn is not None and self.turn[0].upper().rstrip(".") in QUESTION_LABELS

    @property
    def is_answer(self) -> bool:
        """An interview's answer label ("A:", "Answer:"): the interviewee, not a name."""
        return self.turn is not None and self.turn[0].upper().rstrip(".") in ANSWER_LABELS


_LINE = re.compile(r"[^\n]+")
# A wire dateline: "HELSINKI, Feb 14 (NWS) -", "TOKYO/BEIJING (Reuters) —". It names where the
# story was filed, not an actor or a speaker, and confuses the parse of the first sentence.
DATELINE = re.compile(
    r"^[A-Z][A-Z .'/-]{2,}(?:,[^-–—(\n]{0,30})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—―]+\s")


# A transcript turn: "MR. MILLER:", "SECRETARY BLINKEN:", "Q:", "QUESTION:", "Ms. Jean-Pierre:".
TURN = re.compile(
    r"^(?P<label>(?:(?:MR|MS|MRS|DR|Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][A-Za-z.'’-]*"
    r"(?:\s+[A-Z][A-Za-z.'’-]*){0,3}):\s+")
QUESTION_LABELS = {"Q", "QUESTION", "REPORTER", "JOURNALIST"}
# A label in capitals may follow the opening mark of a quoted transcript ('"PENCE: ...').
_QUOTE_OPENING = re.compile(r"[\"“]\s*")
ANSWER_LABELS = {"A", "ANSWER"}
# An interview's labels without their colon: "Q. What ...?" / "A. I think ...", or a bold "Q"
# whose markup was stripped with its colon ("QWhy now?"). Labels only in a text that has at
# least two question and two answer lines ("A. Philip Randolph" alone is a name).
_LOOSE_TURN = re.compile(r"^(?P<label>Q|A)(?:\.\s+|(?=[A-Z][a-z]))")
_INTERVIEW_LINE = re.compile(
    r"^(?:(?P<q>Q|QUESTION|Question)|(?P<a>A|ANSWER|Answer))(?::\s|\.\s|(?=[A-Z][a-z]))",
    re.M)


# The syntax of a Markdown link left in plain text ("[six Americans](https://...)"): its
# brackets and target are blanked so the model sees the link's words, not a URL.
MARKDOWN_LINK = re.compile(r"\[(?=[^\]\n]*\]\()|\]\([^)\s]*\)")


# A list's bullet opening a line ("• Vestas warned ..."): the block starts after it (see
# line_lead).
_BULLET = re.compile(r"^[•◦▪‣][ \t]+(?=\S)")


def blocks(text: str) -> list[Block]:
    """Non-blank lines: parsed one by one so no mention or claim spans a line break.

    A dateline, a transcript speaker label or a Markdown link's syntax is blanked with
    spaces, which keeps every offset of the line unchanged (the label is kept on the Block);
    a line's bullet or time stamp (line_lead) is left before the block's start.
    """
    found = []
    loose = _is_interview(text)
    for m in _LINE.finditer(text):
        line, line_start = m.group(), m.start()
        if not line.strip():
            continue
        lead = line_lead(line)
        line, line_start = line[lead:], line_start + lead
        turn = None
        lead = page_lead(line)
        if not line[lead:].strip():
            continue  # a live page's time stamp or a section title alone on its line
        line = " " * lead + line[lead:]
        dateline = DATELINE.match(line[lead:])
        if dateline:
            line = " " * (lead + dateline.end()) + line[lead + dateline.end():]
        else:
            label = TURN.match(line[lead:]) or (_LOOSE_TURN.match(line) if loose else None)
            skip = lead
            quoted = _QUOTE_OPENING.match(line[lead:]) if label is None else None
            if quoted:
                # '"PENCE: Well, look, ...': a transcript quoted paragraph by paragraph
                skip = lead + quoted.end()
                label = TURN.match(line[skip:])
                if label is not None and not label.group("label").isupper():
                    label = None
            if label and _is_turn_label(label.group("label")):
                turn = (label.group("label"), line_start + skip + label.start("label"),
                        line_start + skip + label.end("label"))
                line = " " * (skip + label.end()) + line[skip + label.end():]
        line = MARKDOWN_LINK.sub(lambda link: " " * len(link.group()), line)
        found.append(Block(line_start, line, turn))
    return found


# A live page's time stamp opening a line: "Dec. 3, 2024, 9:52 a.m. ET", "14:05 GMT —",
# "3 December 2024 14:20 GMT", "Updated 10:15 a.m.". A time (h:mm, or h.mm with am/pm) is
# required, so a figure or a date in a sentence is not one.
_TIME_STAMP = re.compile(
    r"^\s*(?:(?:Updated|Posted|Published|Last updated)\s+(?:at\s+)?)?"
    r"(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?),?\s+(?:\d{4},?\s+)?"
    r"(?:at\s+)?)?"
    r"(?:\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?|\d{1,2}\.\d{2}\s*[AaPp]\.?[Mm]\.?)"
    r"(?:\s+(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|BST|UTC|CET|CEST|EET|EEST"
    r"|IST|JST|KST|HKT|SGT|AEST|AEDT|MSK)\b)?"
    r"(?=[\s:|,–—-]|$)\s*(?:[:|,–—-]+\s*)?")
# A heading's words before a colon that open with a question word ("What they're saying:",
# "How we got here:"): a section title whatever its words.
_QUESTION_HEADING = re.compile(r"^(?:What|Why|How|Where|When|Who)\b[^:.!?\n\"“]{0,40}$")
_HEADING = re.compile(r"^\s*([A-Z][^:.!?\n\"“]{0,40}):\s+(?=\S)")


def line_lead(line: str) -> int:
    """Where `line`'s text starts after a list's bullet and a live page's time stamp opening
    it ("• Vestas warned", "18:42 Greece's minister ...", "14:05 ET: Police said ..."): 0
    for none. The block starts there, so that the model reads the sentence as written (a
    bullet or a time before its first name changes how it tags it: "• Partners", "18:42
    Greece's" taken for names) and no part of a stamp is left to be taken for a speaker's
    label ("ET:"). A time alone on its line is all lead; one going on into lower-case words
    ("9:30 is when the count starts") is the sentence's own."""
    bullet = _BULLET.match(line)
    at = bullet.end() if bullet else 0
    stamp = _TIME_STAMP.match(line[at:])
    if stamp is not None and not _opens_sentence(stamp, line[at:]):
        at += stamp.end()
    return at


def page_lead(line: str) -> int:
    """Where `line` starts once a section title ("The big picture:", "Why it matters:",
    "Transcript:") opening it is skipped: 0 for none. It is the page's furniture: no
    speaker, and no part of the sentence's parse."""
    heading = _HEADING.match(line)
    return heading.end() if heading is not None and _is_section_title(heading.group(1)) else 0


def _opens_sentence(stamp: re.Match, line: str) -> bool:
    """A bare time going on into lower-case words ("9:30 is when the count starts"): the
    sentence's subject, not a stamp (which a mark, a zone, am/pm or a capital follows)."""
    rest = line[stamp.end():stamp.end() + 1]
    return stamp.group().rstrip()[-1:].isdigit() and rest.islower()


def _is_section_title(words: str) -> bool:
    title = " ".join(words.replace("’", "'").lower().split())
    return title in _section_titles() or (
        _QUESTION_HEADING.match(words) is not None and len(words.split()) <= 6)


@lru_cache(maxsize=1)
def _section_titles() -> frozenset[str]:
    from briefing.analysis.lexicon import table

    return frozenset(table("claims")["section_titles"])


def _is_interview(text: str) -> bool:
    """Two question and two answer labels open lines: an interview's Q and A."""
    found = [m.lastgroup for m in _INTERVIEW_LINE.finditer(text)]
    return found.count("q") >= 2 and found.count("a") >= 2


def _is_turn_label(label: str) -> bool:
    """Labels are capitalised names or titles, not the start of a sentence with a colon
    ("Officials said: ..."): all capitals, or a courtesy title, or a question marker."""
    bare = label.rstrip(".")
    return (bare.upper() in QUESTION_LABELS | ANSWER_LABELS or label.isupper()
            or label.split()[0].rstrip(".") in ("Mr", "Ms", "Mrs", "Dr"))


def parse(nlp: Any, text: str,
          progress: Callable[[int, int], None] | None = None) -> Iterator[tuple[Block, Any]]:
    """(block, spaCy Doc) for each block of `text`, via nlp.pipe."""
    found = blocks(text)
    step = max(1, len(found) // 50)
    for done, pair in enumerate(zip(found, nlp.pipe(b.text for b in found), strict=True), 1):
        if progress is not None and (done % step == 0 or done == len(found)):
            progress(done, len(found))
        yield pair
