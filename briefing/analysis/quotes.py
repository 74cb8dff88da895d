"""Quotations as units: quotation marks paired across sentences and paragraphs.

News convention: a paragraph that opens a quotation without closing it continues the
quotation when the next paragraph opens with a quotation mark; the unit then runs over
both. Straight and curly double quotes, guillemets and the typewriter pair '' ... '' (or
`` ... '') open and close quotations; single quotes are left alone, so nested quotes
('...' inside "...") and apostrophes never break a pairing. A text that quotes in single
quotes (British style: 'It was fair,' she said) has its single quotes paired instead, an
apostrophe told from a mark by the letters around it.
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


# A single quotation mark that opens (after a space, a bracket or a dash, before a word) or
# closes (after a word or punctuation, before a space or punctuation): "don't", "Roe's" and
# "the crews' wages" (inside words or before one) are apostrophes.
# (not an elision: a decade, "the '90s"; "rock 'n' roll")
_SINGLE_OPEN = re.compile(r"(?<![^\s(\[{—–/-])['‘](?=[\w£$€])(?!\d\ds\b|n['’])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?;:%)])['’](?=$|[\s,.;:!?)\]—–-])")
# A closing single mark right after a sentence's punctuation: ",' she said", ".'"
_SINGLE_AFTER_PUNCTUATION = re.compile(r"[.,!?]['’](?=\s|$)")


def _quotes_in_single_marks(text: str) -> bool:
    """The text quotes in single marks: they close after punctuation (",' she said") at
    least twice, and more often than double quotations are set at all (a nested "..." in
    a British text is the inner quotation), or at least once in a text with no double mark."""
    singles = len(_SINGLE_AFTER_PUNCTUATION.findall(text))
    doubles = len(_MARK.findall(text)) / 2  # two marks a quotation, one a closing single
    return (singles >= 2 and singles > doubles) or (singles >= 1 and doubles == 0)


def _single_quotations(text: str, paragraphs: list[tuple[int, int]]) -> list[Quotation]:
    """Quotations in single marks, paired as find_quotations pairs double ones (a
    paragraph left open continues into the next that opens with a mark)."""
    units: list[Quotation] = []
    carried: Quotation | None = None
    for p_start, p_end in paragraphs:
        para = text[p_start:p_end]
        lead = len(para) - len(para.lstrip())
        opens = [m.start() for m in _SINGLE_OPEN.finditer(para)]
        closes = [m.start() for m in _SINGLE_CLOSE.finditer(para)]
        open_at: int | None = None
        unit: Quotation | None = None
        at = 0
        while True:
            if open_at is None:
                open_at = next((o for o in opens if o >= at), None)
                if open_at is None:
                    break
                unit = carried if (carried is not None and open_at == lead) else None
                carried = None
                at = open_at + 1
                continue
            close = _closing_mark(para, [c for c in closes if c >= at],
                                  next((o for o in opens if o >= at), len(para)))
            if close is None:
                break
            _with_piece(units, unit, (p_start + open_at, p_start + close + 1))
            open_at, unit, at = None, None, close + 1
        carried = None
        if open_at is not None:
            carried = _with_piece(units, unit, (p_start + open_at, p_end))
    return units


def _with_piece(units: list[Quotation], unit: Quotation | None,
                piece: tuple[int, int]) -> Quotation:
    """`unit` with `piece` added; a new quotation, appended to `units`, when there is none
    yet."""
    if unit is None:
        unit = Quotation([])
        units.append(unit)
    unit.pieces.append(piece)
    return unit


def _closing_mark(para: str, closes: list[int], next_open: int) -> int | None:
    """The mark that closes a quotation: among those before the next opening mark (all,
    if none is), the first set after punctuation ("wages have fallen,' she said": the
    "crews'" before it is a plural's apostrophe), else the first."""
    before = [c for c in closes if c < next_open] or closes
    if not before:
        return None
    return next((c for c in before if para[c - 1] in ".,!?;:"), before[0])


def find_quotations(text: str, paragraphs: list[tuple[int, int]]) -> Quotations:
    """The quotations of `text`, whose paragraphs are the (start, end) ranges given."""
    if _quotes_in_single_marks(text):
        return Quotations(_single_quotations(text, paragraphs))
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
                _with_piece(units, unit, (p_start + open_at, p_start + m.end()))
                open_at, unit = None, None
        carried = None
        if open_at is not None:
            # open at the paragraph's end: it runs to the end, and on if the next reopens
            carried = _with_piece(units, unit, (p_start + open_at, p_end))
    return Quotations(units)
