"""Which words of an old text stand, in order, in a new one: the map a revision gives.

Re-anchoring (anchoring.locate_all) searches for a span's words and context; when the text
the span was captured on is known, this alignment says exactly what became of those words.
It settles the cases a search cannot: a highlight over two sentences of which one was
deleted keeps the surviving sentence (not the next sentence's first word with it), and a
passage repeated word for word elsewhere (legal boilerplate, a recap) is not taken for the
original when the original was edited or deleted.

Words are compared whitespace-free and with quotes and dashes normalised, so re-wrapping
and re-quoting change nothing. Only runs of at least `MIN_RUN` words count as kept: a lone
"the" or "said" matched across a rewritten paragraph says nothing about where a span went.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"\S+")
MIN_RUN = 3
NEAR = 2
# More words than this are not aligned: SequenceMatcher's cost grows with the square of
# the words, and re-anchoring falls back to searching, as it did before.
MAX_WORDS = 20_000
# Nor are windows whose words repeat so much that the old and new words make more equal
# pairs than this: the matcher's cost follows those pairs (a table of small numbers and
# pipes makes ~40 times more than prose, and took 300 ms a highlight). Prose windows make
# under 10,000 (benchmarks/anchoring.py's corpus and chain: at most 9,855).
MAX_EQUAL_PAIRS = 40_000


def _words(text: str, window: tuple[int, int] | None) -> list[tuple[int, int]]:
    """(start, end) of the whole words inside `window` (all of `text` without one); a word
    the window's edge cuts in two is left out."""
    lo, hi = (0, len(text)) if window is None else (max(0, window[0]), min(len(text),
                                                                           window[1]))
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, lo, hi)]
    if words and lo > 0 and not text[lo - 1].isspace() and words[0][0] == lo:
        words.pop(0)
    if words and hi < len(text) and not text[hi].isspace() and words[-1][1] == hi:
        words.pop()
    return words


def _reaches(old: str, old_window: tuple[int, int] | None, new: str,
             new_window: tuple[int, int] | None) -> tuple[bool, bool]:
    """Whether both windows take in their texts' start, and their end (no window: all)."""
    def starts(window: tuple[int, int] | None) -> bool:
        return window is None or window[0] <= 0

    def ends(text: str, window: tuple[int, int] | None) -> bool:
        return window is None or window[1] >= len(text)

    return starts(old_window) and starts(new_window), ends(old, old_window) and ends(
        new, new_window)


def _equal_pairs(old_words: list[str], new_words: list[str]) -> int:
    """How many (old word, new word) pairs are the same word."""
    in_new = Counter(new_words)
    return sum(in_new[word] for word in old_words)


def _trusted(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Runs of `MIN_RUN` words or more, and shorter runs right beside a trusted one (within
    `NEAR` words on both sides): "Trade" before a replaced "Minister" is the same "Trade"
    when what follows the replacement stood there before too."""
    blocks = [b for b in blocks if b[2]]
    trusted = [size >= MIN_RUN for _, _, size in blocks]
    changed = True
    while changed:
        changed = False
        for k, (a, b, size) in enumerate(blocks):
            if trusted[k]:
                continue
            for n in (k - 1, k + 1):
                if not (0 <= n < len(blocks) and trusted[n]):
                    continue
                na, nb, nsize = blocks[n]
                gap_old = na - (a + size) if n > k else a - (na + nsize)
                gap_new = nb - (b + size) if n > k else b - (nb + nsize)
                if 0 <= gap_old <= NEAR and 0 <= gap_new <= NEAR:
                    trusted[k] = changed = True
                    break
    return [block for block, ok in zip(blocks, trusted, strict=True) if ok]


@dataclass(frozen=True)
class Mapped:
    start: int
    end: int
    kept: float  # share of the span's characters (spaces aside) that stand in the new text


class WordAlignment:
    """Old words mapped to new words, through runs of words kept in order."""

    def __init__(self, old: str, new: str, table: dict[int, str] | None = None,
                 old_window: tuple[int, int] | None = None,
                 new_window: tuple[int, int] | None = None) -> None:
        """`table` (for str.translate) makes look-alike characters equal: straight and curly
        quotes, dashes. It must map each character to one character. The windows (character
        ranges, clipped to the texts) limit the alignment to the words inside them."""
        self._old = _words(old, old_window)
        self._new = _words(new, new_window)
        self._old_starts = [s for s, _ in self._old]
        self._new_starts = [s for s, _ in self._new]
        self.old_to_new: dict[int, int] = {}
        self.new_to_old: dict[int, int] = {}
        self.replaced: dict[int, int] = {}
        if max(len(self._old), len(self._new)) > MAX_WORDS:
            return
        table = table or {}
        old_words = [old[s:e].translate(table) for s, e in self._old]
        new_words = [new[s:e].translate(table) for s, e in self._new]
        if _equal_pairs(old_words, new_words) > MAX_EQUAL_PAIRS:
            return
        matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
        trusted = _trusted(matcher.get_matching_blocks())
        for a, b, size in trusted:
            for k in range(size):
                self.old_to_new[a + k] = b + k
                self.new_to_old[b + k] = a + k
        # A word or two replaced one for one between kept runs ("above-average" now
        # "below-average"): the new words stand where the old ones were, though not kept.
        for (a, b, size), (next_a, next_b, _) in zip(trusted, trusted[1:], strict=False):
            gap = next_a - (a + size)
            if 0 < gap <= NEAR and next_b - (b + size) == gap:
                for k in range(gap):
                    self.replaced[a + size + k] = b + size + k
        if trusted:
            self._replaced_at_the_ends(trusted, _reaches(old, old_window, new, new_window))

    def _replaced_at_the_ends(self, trusted: list[tuple[int, int, int]],
                              reaches: tuple[bool, bool]) -> None:
        """The texts' start and end bound a replacement as a kept run does: the last word
        or two edited after the last kept run ("notice." now "notice", the full stop cut),
        or the first before the first one, stand where the old ones were. Without it a
        highlight running to the text's end lost its last word (no run follows it)."""
        at_start, at_end = reaches
        a, b, _ = trusted[0]
        if at_start and 0 < a <= NEAR and a == b:
            for k in range(a):
                self.replaced[k] = k
        a, b, size = trusted[-1]
        tail = len(self._old) - (a + size)
        if at_end and 0 < tail <= NEAR and len(self._new) - (b + size) == tail:
            for k in range(tail):
                self.replaced[a + size + k] = b + size + k

    def _words_in(self, starts: list[int], words: list[tuple[int, int]], start: int,
                  end: int) -> range:
        first = max(0, bisect.bisect_right(starts, start) - 1)
        if first < len(words) and words[first][1] <= start:
            first += 1
        last = bisect.bisect_left(starts, end)
        return range(first, last)

    def map_span(self, start: int, end: int) -> Mapped | None:
        """Where the old span's surviving words are in the new text: from the first kept
        character to the last. None when no word of it was kept."""
        words = self._words_in(self._old_starts, self._old, start, end)
        total = kept = 0
        first = last = None
        for i in words:
            s, e = max(start, self._old[i][0]), min(end, self._old[i][1])
            total += e - s
            j = self.old_to_new.get(i)
            if j is not None:
                kept += e - s
                new_s = self._new[j][0] + (s - self._old[i][0])
                new_e = self._new[j][0] + (e - self._old[i][0])
            elif i in self.replaced:  # the whole new word, where the old one was
                new_s, new_e = self._new[self.replaced[i]]
            else:
                continue
            if first is None:
                first = new_s
            last = new_e
        if first is None or last is None or total == 0:
            return None
        return Mapped(first, last, kept / total)

    def came_from_elsewhere(self, new_start: int, new_end: int, old_start: int,
                            old_end: int) -> bool:
        """True when most of the new span's words were kept from old words outside
        [old_start, old_end): it is text that stood elsewhere before, a look-alike."""
        words = self._words_in(self._new_starts, self._new, new_start, new_end)
        if not words:
            return False
        elsewhere = 0
        for j in words:
            i = self.new_to_old.get(j)
            if i is not None and not (old_start <= self._old[i][0] < old_end
                                      or old_start < self._old[i][1] <= old_end):
                elsewhere += 1
        return elsewhere * 2 > len(words)
