"""Undo hard wrapping so the terminal can re-flow paragraphs.

A line was broken by a wrapper (not by the author) when the next line's first word would
not have fitted on it. That test needs the wrap width, estimated from the text itself, so it
works for 60-, 72- and 80-column sources alike and leaves one-paragraph-per-line text alone.
"""

from __future__ import annotations

import re

_BLOCK_START = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|#|>|\|)")
_MIN_WIDTH, _MAX_WIDTH = 40, 110


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was broken at, or None if it does not look wrapped.

    Evidence comes from lines that continue a paragraph (every line of a block of lines but
    its last): in wrapped text they all end near one column. Headers, sign-offs and
    one-line paragraphs say nothing either way, so they are left out.
    """
    inner: list[int] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line)
            continue
        # Short inner lines (addresses, header blocks) are no evidence either way.
        inner.extend(n for n in (len(b.rstrip()) for b in block[:-1]) if n >= _MIN_WIDTH)
        block = []
    if len(inner) < 2:
        return None
    inner.sort()
    width = inner[int(len(inner) * 0.9) - 1] if len(inner) >= 10 else inner[-1]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    near = sum(1 for n in inner if width - 20 <= n <= width + 2)
    if len(inner) < 4:  # little evidence: every line must be close to one column
        return width if all(width - 10 <= n for n in inner) else None
    return width if near >= 0.6 * len(inner) else None


def _continues(line: str, nxt: str, width: int) -> bool:
    if not line.strip() or not nxt.strip() or _BLOCK_START.match(nxt):
        return False
    first_word = nxt.split()[0]
    return len(line.rstrip()) + 1 + len(first_word) > width - 2


def unwrap(text: str) -> str:
    """Join hard-wrapped lines inside paragraphs with a space; keep paragraph breaks."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    previous = ""  # the previous source line, not the joined one: its length is the evidence
    for line in lines:
        if out and _continues(previous, line, width):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        previous = line
    return "\n".join(out)


def tidy_paragraphs(text: str) -> str:
    """Strip trailing spaces, collapse runs of blank lines, trim the ends."""
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n ")
