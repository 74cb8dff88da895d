"""Quotations as units: quotation marks paired across sentences and paragraphs.

News convention: a paragraph that opens a quotation without closing it continues the
quotation when the next paragraph opens with a quotation mark; the unit then runs over
both. Straight and curly double quotes, guillemets and the typewriter pair '' ... '' (or
`` ... '') open and close quotations; single quotes are left alone, so nested quotes
('...' inside "...") and apostrophes never break a pairing, except in a text that has no
double mark at all: it quotes in single ones, which then pair (British style).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_OPENERS = {"“": "open", "”": "close", "«": "open", "»": "close", "„": "open"}
# '' or `` used as a double quotation mark (typewriter style), or a straight double quote.
_MARK = re.compile(r"''|``|[\"“”«»„]")
_OPEN_BEFORE = set(" \t([{—–-/:") | {""}


@dataclass
class Quotation:
    """One quotation; `pieces` are its (start, end) ranges, one per paragraph, each from
    the opening mark to the closing mark included (or to the paragraph's end)."""

    pieces: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


class Quotations:
    """Every quotation of a text, with offset lookups that bisect (linear over the text)."""

    def __init__(self, units: list[Quotation]) -> None:
        self.units = units
        pieces = sorted((s, e, n) for n, u in enumerate(units) for s, e in u.pieces)
        self._starts = [s for s, _, _ in pieces]
        self._pieces = pieces

    def unit_at(self, offset: int) -> Quotation | None:
        """The quotation whose marks enclose `offset` (the marks themselves excluded)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0:
            s, e, n = self._pieces[i]
            if s < offset < e:
                return self.units[n]
        return None

    def inside(self, offset: int) -> bool:
        return self.unit_at(offset) is not None

    def local(self, start: int, end: int) -> list[tuple[int, int]]:
        """Pieces within [start, end), relative to `start` (one paragraph's quotations)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [(s - start, min(e, end) - start) for s, e, _ in self._pieces[lo:hi]]


def _opens(text: str, at: int, mark: str) -> bool:
    """Does the mark at `at` open a quotation (when its direction is not written)?"""
    if mark in ("``",) or _OPENERS.get(mark) == "open":
        return True
    if _OPENERS.get(mark) == "close":
        return False
    before = text[at - 1] if at > 0 else ""
    return before in _OPEN_BEFORE or before.isspace()


def _set_wrongly(para: str, at: int, end: int) -> bool:
    """'“It's unusual,“ said Larry Noble': an opening mark right after the quoted words (a
    word or punctuation before it; a space, punctuation or the line's end after it) is a
    closing one set wrongly."""
    before, after = para[at - 1:at], para[end:end + 1]
    return bool(before) and not before.isspace() and (
        not after or after.isspace() or after in ",.;:!?)—–")


# Single quotation marks as British and Commonwealth papers use them ('We will not back
# down,' she said): an opening one after a space, a bracket, a dash or a colon and before a
# word; a closing one after a word or punctuation and before a space, punctuation or the
# line's end (an apostrophe sits between letters: "don't", "Hale's").
_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[{—–/:-]))['‘](?=[^\s'‘’])", re.M)
_SINGLE_CLOSING = re.compile(r"(?<=[^\s'‘’])['’](?=$|[\s,.;:!?)\]—–-])", re.M)


def _single_as_double(text: str) -> str:
    """`text` with its single quotation marks written as double ones (same offsets), for a
    text that quotes in single marks only (it has no double mark at all)."""
    marked = _SINGLE_OPENING.sub("“", text)
    return _SINGLE_CLOSING.sub("”", marked)


def find_quotations(text: str, paragraphs: list[tuple[int, int]]) -> Quotations:
    """The quotations of `text`, whose paragraphs are the (start, end) ranges given. A text
    with no double quotation mark quotes in single ones (British style): those pair."""
    if _MARK.search(text) is None:
        text = _single_as_double(text)
    units: list[Quotation] = []
    carried: Quotation | None = None  # a quotation left open by the previous paragraph
    for p_start, p_end in paragraphs:
        para = text[p_start:p_end]
        open_at: int | None = None
        unit: Quotation | None = None
        nested = 0  # curly quotes opened inside the quotation ('“... what he calls “hell” ...”')
        lead = len(para) - len(para.lstrip())
        for m in _MARK.finditer(para):
            mark, at = m.group(), m.start()
            direction = _OPENERS.get(mark)
            if open_at is not None and direction == "open" and _set_wrongly(para, at, m.end()):
                direction = "close"
            if open_at is not None and direction == "open" and para[at - 1:at].isspace():
                nested += 1
                continue
            if open_at is not None and nested and direction == "close":
                nested -= 1
                continue
            if open_at is None:
                # a closing mark that opens its paragraph is an opening one set wrongly
                if _opens(para, at, mark) or mark == '"' or (mark == "”" and at == lead):
                    open_at = at
                    # the continuation convention: this paragraph reopens the quotation
                    unit = carried if (carried is not None and at == lead) else None
                    carried = None
            elif mark not in ("``",) and direction != "open":
                piece = (p_start + open_at, p_start + m.end())
                if unit is None:
                    unit = Quotation([])
                    units.append(unit)
                unit.pieces.append(piece)
                open_at, unit = None, None
        carried = None
        if open_at is not None:
            # open at the paragraph's end: it runs to the end, and on if the next reopens
            if unit is None:
                unit = Quotation([])
                units.append(unit)
            unit.pieces.append((p_start + open_at, p_end))
            carried = unit
    return Quotations(units)
