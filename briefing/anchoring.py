"""Selectors for a span of text, and finding that span again in a revised text.

A `Selector` is the W3C Web Annotation pair TextQuoteSelector (exact, prefix, suffix) +
TextPositionSelector (start, end). `locate` finds where the span is now:

1. every exact occurrence of the quote, in a whitespace- and quote-normalised copy of the
   text (so re-wrapped lines and curly/straight quotes still match exactly), mapped back to
   real offsets;
2. approximate occurrences (edit distance, edlib's infix mode) searched near the old
   position and near every place the prefix or suffix context still occurs — always, not
   only when exact hits are missing, so an unedited copy elsewhere cannot shadow the lightly
   edited original whose context still agrees;
3. each candidate scored on quote similarity, prefix and suffix agreement and distance from
   the old position; the best is accepted only when quote *and* context are convincing.
   Misplacing is worse than orphaning, so a weak best candidate gives `None`.

With the text the span was captured on (`locate_all`'s `previous`), a span whose paragraph
was not kept verbatim is then checked against a word-by-word alignment of the old text
around it with the new text around where it should be (word_alignment): where at least half
of its words survive, it goes exactly on them (a highlight over a sentence a revision
deleted keeps the sentence left; an edited passage is not taken for its unedited copy);
where they do not, a match on words that stood elsewhere in the old text is refused.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

import edlib

from briefing.word_alignment import WordAlignment

CONTEXT_CHARS = 32
_MAX_EXACT_HITS = 200
_MAX_CONTEXT_HITS = 24
_FUZZY_ERROR_RATE = 0.3
_POSITION_SCALE = 2000.0
_FAR = 0.6  # position score of a candidate _POSITION_SCALE * 2/3 characters from expected
# Weights as in Hypothesis (quote 50, prefix 20, suffix 20) with position counting far more
# (20 instead of 2): position is what separates an edited original from an unedited copy or
# a look-alike sentence elsewhere. In `locate_all` the expected position is corrected by the
# shift of the nearest annotation found unchanged, so insertions above do not weaken it.
_W_QUOTE, _W_PREFIX, _W_SUFFIX, _W_POSITION = 50.0, 20.0, 20.0, 20.0
# The old text around a span searched for, and the new text around where it should be,
# aligned word by word (word_alignment): wide enough for a paragraph or two rewritten around
# it, narrow enough to cost little on a long report (the alignment grows with the square).
_ALIGN_OLD, _ALIGN_NEW = 1500, 3000

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2026": ".",
})
_SPACE_RUN = re.compile(r"\s+")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Selector:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_dict(self) -> dict:
        """The stored form: W3C TextQuoteSelector and TextPositionSelector."""
        return {
            "quote": {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix,
                      "suffix": self.suffix},
            "position": {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        }

    @classmethod
    def from_dict(cls, data: dict) -> Selector:
        quote, position = data["quote"], data["position"]
        return cls(quote["exact"], quote.get("prefix", ""), quote.get("suffix", ""),
                   int(position["start"]), int(position["end"]))


@dataclass(frozen=True)
class Located:
    start: int
    end: int
    method: str  # "exact" | "normalised" | "fuzzy"
    score: float  # 0..1, how well quote, context and position agree


def capture(text: str, start: int, end: int) -> Selector:
    """The selectors for text[start:end]. Raises ValueError for an empty or blank span."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"span {start}-{end} is not inside a text of {len(text)} characters")
    if not text[start:end].strip():
        raise ValueError("cannot anchor a blank span")
    return Selector(text[start:end], text[max(0, start - CONTEXT_CHARS):start],
                    text[end:end + CONTEXT_CHARS], start, end)


def normalise(text: str) -> str:
    return _SPACE_RUN.sub(" ", text.translate(_QUOTES))


class TextIndex:
    """A normalised copy of a text with the map back to real offsets; shared by many lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        translated = text.translate(_QUOTES)
        parts: list[str] = []
        self._norm_starts: list[int] = [0]  # segment i starts at norm offset _norm_starts[i]
        self._orig_starts: list[int] = [0]  # ... and at real offset _orig_starts[i]
        last = 0
        norm_len = 0
        for run in _SPACE_RUN.finditer(translated):
            if run.group() == " ":
                continue
            parts.append(translated[last:run.start()])
            norm_len += run.start() - last
            parts.append(" ")
            norm_len += 1
            last = run.end()
            self._norm_starts.append(norm_len)
            self._orig_starts.append(last)
        parts.append(translated[last:])
        self.norm = "".join(parts)

    def to_orig(self, norm_offset: int) -> int:
        i = bisect.bisect_right(self._norm_starts, norm_offset) - 1
        return min(self._orig_starts[i] + norm_offset - self._norm_starts[i], len(self.text))

    def to_norm(self, orig_offset: int) -> int:
        i = bisect.bisect_right(self._orig_starts, orig_offset) - 1
        return min(self._norm_starts[i] + max(0, orig_offset - self._orig_starts[i]),
                   len(self.norm))


def _find_all(haystack: str, needle: str, limit: int) -> list[int]:
    found: list[int] = []
    if not needle:
        return found
    at = haystack.find(needle)
    while at != -1 and len(found) < limit:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _edlib_safe(*texts: str) -> tuple[str, ...]:
    # edlib refuses more than 256 distinct symbols; rare characters all become one.
    if len(set("".join(texts))) <= 250:
        return texts
    return tuple("".join(c if ord(c) < 128 else "\x7f" for c in t) for t in texts)


def similarity(a: str, b: str) -> float:
    """1 - edit distance / longer length (1.0 for equal strings, incl. two empty ones)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    a, b = _edlib_safe(a, b)
    return 1.0 - edlib.align(a, b, mode="NW", task="distance")["editDistance"] / max(len(a), len(b))


def _distance(quote: str, window: str) -> int:
    """Edit distance, as `similarity` measures it, scaled to characters."""
    return round((1.0 - similarity(quote, window)) * max(len(quote), len(window)))


def _fuzzy_hits(quote: str, norm: str, centre: int, max_errors: int) -> list[tuple[int, int, int]]:
    """Best approximate occurrences of `quote` in a window of `norm` around `centre`."""
    lo = max(0, centre - len(quote) - 2 * CONTEXT_CHARS)
    hi = min(len(norm), centre + 2 * len(quote) + 2 * CONTEXT_CHARS)
    window = norm[lo:hi]
    if not window:
        return []
    q, w = _edlib_safe(quote, window)
    result = edlib.align(q, w, mode="HW", task="locations", k=max_errors)
    if result["editDistance"] < 0:
        return []
    return [(lo + s, lo + e + 1, result["editDistance"]) for s, e in result["locations"][:4]]


class _Candidate:
    __slots__ = ("start", "end", "quote", "prefix", "suffix", "position", "score")

    def __init__(self, start: int, end: int, quote: float, prefix: float, suffix: float,
                 position: float) -> None:
        self.start, self.end = start, end
        self.quote, self.prefix, self.suffix, self.position = quote, prefix, suffix, position
        self.score = (_W_QUOTE * quote + _W_PREFIX * prefix + _W_SUFFIX * suffix
                      + _W_POSITION * position)


def locate(selector: Selector, text: str) -> Located | None:
    """Where the selected span is in `text`, or None when it is gone (an orphan)."""
    return _locate(selector, TextIndex(text))


def locate_all(selectors: Sequence[Selector], text: str,
               previous: str | None = None) -> list[Located | None]:
    """`locate` for many selectors of one text, normalising and indexing the text once.

    Spans found verbatim with their whole context (once in the text) become landmarks; the
    others expect to have moved by as much as the landmark nearest to them did.

    `previous`, the text the selectors were captured on (the store keeps it as a revision),
    makes this exact where it can be: paragraphs kept verbatim map their spans directly, and
    a match inside a kept paragraph that was a *different* paragraph before (a look-alike
    that was always there) is refused instead of taken for the original.
    """
    index = TextIndex(text)
    aligned = ParagraphAlignment(previous, text) if previous is not None else None
    landmarks: list[tuple[int, int]] = []  # (old start, shift)
    results: list[Located | None] = [None] * len(selectors)
    pending = []
    searched = []  # found by their words and context, not through a kept paragraph
    shifts: dict[int, int] = {}  # how far each of those is expected to have moved
    for i, sel in enumerate(selectors):
        found = aligned.kept_span(sel, text) if aligned else None
        if found is None:
            searched.append(i)
            found = _landmark(sel, text, previous)
        if found is not None and aligned and not aligned.may_come_from(found.start, sel):
            found = None
        if found is not None:
            results[i] = found
            landmarks.append((sel.start, found.start - sel.start))
            shifts[i] = found.start - sel.start
        else:
            pending.append(i)
    landmarks.sort()
    olds = [old for old, _ in landmarks]
    for i in pending:
        sel = selectors[i]
        shift = aligned.shift_near(sel.start) if aligned else None
        if shift is None:
            shift = 0
            if landmarks:
                j = bisect.bisect_left(olds, sel.start)
                near = [k for k in (j - 1, j) if 0 <= k < len(landmarks)]
                shift = landmarks[min(near, key=lambda k: abs(olds[k] - sel.start))][1]
        shifts[i] = shift
        found = _locate(sel, index, expected_start=sel.start + shift)
        if found is not None and aligned and not aligned.may_come_from(found.start, sel):
            found = None  # a passage that was already elsewhere in the old text
        results[i] = found
    if previous is not None:
        for i in searched:
            sel = selectors[i]
            words = WordAlignment(previous, text, _QUOTES,
                                  (sel.start - _ALIGN_OLD, sel.end + _ALIGN_OLD),
                                  (sel.start + shifts[i] - _ALIGN_NEW,
                                   sel.end + shifts[i] + _ALIGN_NEW))
            results[i] = _by_alignment(sel, results[i], words, text)
    return results


def _by_alignment(sel: Selector, found: Located | None, words: WordAlignment,
                  text: str) -> Located | None:
    """What the old text's words say of a span found by search: where its surviving words
    are when at least half of it survives (exact, whatever look-alikes the text holds);
    else refuse a match on words that stood elsewhere in the old text (a look-alike)."""
    mapped = words.map_span(sel.start, sel.end)
    if mapped is not None and mapped.kept >= 0.5:
        start, end = mapped.start, mapped.end
        if found is not None and (found.start, found.end) == (start, end):
            return found
        method = "exact" if text[start:end] == sel.exact else "fuzzy"
        return Located(start, end, method, round(mapped.kept, 4))
    if found is not None and words.came_from_elsewhere(found.start, found.end, sel.start,
                                                       sel.end):
        return None
    return found


class ParagraphAlignment:
    """Which paragraphs (lines) of an old text stand verbatim in the new one, and where."""

    def __init__(self, old: str, new: str) -> None:
        import difflib

        old_lines = [(m.start(), m.group()) for m in _LINE.finditer(old)]
        new_lines = [(m.start(), m.group()) for m in _LINE.finditer(new)]
        # autojunk: in a text of 200 lines or more, a line written more than once in a
        # hundred ("Advertisement", "* * *") seeds no match, only extends one beside it;
        # seeding from every copy made the matcher compare each with each (minutes).
        matcher = difflib.SequenceMatcher(None, [t for _, t in old_lines],
                                          [t for _, t in new_lines], autojunk=True)
        # (old start, old end, new start) of every line kept verbatim and in order
        in_order: list[tuple[int, int, int]] = []
        matched_old, matched_new = set(), set()
        for a, b, size in matcher.get_matching_blocks():
            for k in range(size):
                old_start, line = old_lines[a + k]
                in_order.append((old_start, old_start + len(line), new_lines[b + k][0]))
                matched_old.add(a + k)
                matched_new.add(b + k)
        # Lines kept verbatim but moved (the matcher keeps one order only): a line that is
        # unique in both texts is the same paragraph wherever it went.
        self.kept = sorted(in_order + _moved_lines(old_lines, new_lines, matched_old,
                                                   matched_new))
        self._old_starts = [k[0] for k in self.kept]
        # The shift of a paragraph that was edited is judged from those kept in order only:
        # one moved far away says nothing about its neighbours.
        self._in_order = in_order
        self._in_order_starts = [k[0] for k in in_order]
        self.by_new = sorted((new_start, new_start + (end - start), start, end)
                             for start, end, new_start in self.kept)
        self._new_starts = [k[0] for k in self.by_new]

    def _kept_at(self, old_offset: int) -> tuple[int, int, int] | None:
        i = bisect.bisect_right(self._old_starts, old_offset) - 1
        if i >= 0 and self.kept[i][0] <= old_offset < self.kept[i][1]:
            return self.kept[i]
        return None

    def kept_span(self, sel: Selector, text: str) -> Located | None:
        """The span itself when its whole paragraph was kept verbatim."""
        line = self._kept_at(sel.start)
        if line is None or sel.end > line[1]:
            return None
        start = line[2] + sel.start - line[0]
        if text[start:start + len(sel.exact)] != sel.exact:
            return None
        return Located(start, start + len(sel.exact), "exact", 1.0)

    def shift_near(self, old_offset: int) -> int | None:
        """How far the nearest paragraph kept in order before `old_offset` moved."""
        kept = self._in_order
        i = bisect.bisect_right(self._in_order_starts, old_offset) - 1
        if i < 0:
            return kept[0][2] - kept[0][0] if kept else None
        return kept[i][2] - kept[i][0]

    def may_come_from(self, new_offset: int, sel: Selector) -> bool:
        """False when `new_offset` is inside a paragraph kept from another old paragraph."""
        i = bisect.bisect_right(self._new_starts, new_offset) - 1
        if i < 0 or not self.by_new[i][0] <= new_offset < self.by_new[i][1]:
            return True  # new or edited text: the span may well have gone there
        _, _, old_start, old_end = self.by_new[i]
        return old_start <= sel.start < old_end


def _moved_lines(old_lines: list[tuple[int, str]], new_lines: list[tuple[int, str]],
                 matched_old: set[int], matched_new: set[int]) -> list[tuple[int, int, int]]:
    """(old start, old end, new start) of unmatched lines that occur once in each text."""
    def unique(lines: list[tuple[int, str]]) -> dict[str, int]:
        seen: dict[str, int] = {}
        for i, (_, line) in enumerate(lines):
            seen[line] = -1 if line in seen else i
        return seen

    old_unique, new_unique = unique(old_lines), unique(new_lines)
    moved = []
    for line, i in old_unique.items():
        j = new_unique.get(line, -1)
        if i >= 0 and j >= 0 and i not in matched_old and j not in matched_new:
            old_start = old_lines[i][0]
            moved.append((old_start, old_start + len(line), new_lines[j][0]))
    return moved


def _landmark(sel: Selector, text: str, previous: str | None = None) -> Located | None:
    """The span when it stands verbatim, with its whole context, exactly once in `text` —
    and, when the text it was captured on is known, exactly once there too: a passage that
    was repeated word for word with its context (legal boilerplate, a recap) and is now
    unique may be the other copy, the annotated one having been edited."""
    if not sel.exact.strip():
        return None
    whole = sel.prefix + sel.exact + sel.suffix
    at = text.find(whole)
    if at == -1 or text.find(whole, at + 1) != -1:
        return None
    if previous is not None and previous.count(whole) > 1:
        return None
    start = at + len(sel.prefix)
    return Located(start, start + len(sel.exact), "exact", 1.0)


def _locate(sel: Selector, index: TextIndex, expected_start: int | None = None) -> Located | None:
    text, norm = index.text, index.norm
    if not sel.exact.strip():
        return None
    # Fast path: unchanged at the old place with both contexts intact.
    if (text[sel.start:sel.end] == sel.exact
            and text[max(0, sel.start - len(sel.prefix)):sel.start] == sel.prefix
            and text[sel.end:sel.end + len(sel.suffix)] == sel.suffix):
        return Located(sel.start, sel.end, "exact", 1.0)

    quote = normalise(sel.exact).strip()
    prefix = normalise(sel.prefix).lstrip()
    suffix = normalise(sel.suffix).rstrip()
    old_start = sel.start if expected_start is None else expected_start
    expected = index.to_norm(max(0, min(old_start, len(text))))

    def judge(start: int, end: int, distance: int) -> _Candidate:
        got_prefix = norm[max(0, start - len(prefix)):start]
        got_suffix = norm[end:end + len(suffix)]
        p = similarity(prefix.lstrip(), got_prefix.lstrip()) if prefix else float(start <= 1)
        s = similarity(suffix.rstrip(), got_suffix.rstrip()) if suffix else float(
            end >= len(norm) - 1)
        position = 1.0 / (1.0 + abs(start - expected) / _POSITION_SCALE)
        # Edit distance over the longer of quote and match, as `similarity` has it: a short
        # word replaced by a longer one is one edit of the phrase, not a rewrite of it.
        return _Candidate(start, end, 1.0 - distance / max(len(quote), end - start), p, s,
                          position)

    candidates: dict[tuple[int, int], _Candidate] = {}
    exact_hits = _find_all(norm, quote, _MAX_EXACT_HITS)
    for at in exact_hits:
        candidates[(at, at + len(quote))] = judge(at, at + len(quote), 0)

    centres = {expected}
    if len(prefix) >= 8:
        centres.update(at + len(prefix) for at in _find_all(norm, prefix, _MAX_CONTEXT_HITS))
    if len(suffix) >= 8:
        centres.update(max(0, at - len(quote)) for at in
                       _find_all(norm, suffix, _MAX_CONTEXT_HITS))
    max_errors = max(1, int(len(quote) * _FUZZY_ERROR_RATE))
    for centre in centres:
        for start, end, distance in _fuzzy_hits(quote, norm, centre, max_errors):
            # An approximate match may stop short of (or run into) the context around it:
            # judged as found, the original's context would seem edited too.
            fitted = _fit_to_context(prefix, suffix, norm, start, end, len(quote))
            if fitted != (start, end) and fitted[1] > fitted[0]:
                start, end = fitted
                distance = _distance(quote, norm[start:end])
            key = (start, end)
            if key not in candidates:
                candidates[key] = judge(start, end, min(distance, len(quote)))

    for start, end in _between_context(prefix, suffix, norm, expected, len(quote)):
        if (start, end) not in candidates:
            candidates[(start, end)] = judge(start, end,
                                             min(_distance(quote, norm[start:end]), len(quote)))

    # The best candidate that is convincing: a look-alike elsewhere may outscore the
    # original whose context was edited, yet be refused as too far or too different.
    unique = len(exact_hits) == 1
    best = max((c for c in candidates.values() if _convincing(c, quote, unique)),
               key=lambda c: c.score, default=None)
    if best is None:
        return None
    norm_start, norm_end = best.start, best.end
    if best.quote < 1.0:
        norm_start, norm_end = _fit_to_context(prefix, suffix, norm, norm_start, norm_end,
                                               len(quote))
        norm_start, norm_end = _snap_to_words(sel, norm, norm_start, norm_end)
    start, end = index.to_orig(norm_start), index.to_orig(norm_end - 1) + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    method = ("exact" if text[start:end] == sel.exact
              else "normalised" if best.quote == 1.0 else "fuzzy")
    total = _W_QUOTE + _W_PREFIX + _W_SUFFIX + _W_POSITION
    return Located(start, end, method, round(best.score / total, 4))


def _between_context(prefix: str, suffix: str, norm: str, expected: int,
                     length: int) -> list[tuple[int, int]]:
    """Spans that sit exactly between the old prefix and suffix near the expected place:
    a short quote whose words were rewritten is still there when its context is."""
    tail, head = prefix[-16:], suffix[:16]
    if len(tail) < 8 or len(head) < 8:
        return []
    lo = max(0, expected - 2 * length - 200)
    hi = min(len(norm), expected + 2 * length + 200)
    found = []
    at = norm.find(tail, lo, hi)
    while at != -1 and len(found) < 4:
        start = at + len(tail)
        end = norm.find(head, start, start + 2 * length + 16)
        if end != -1 and length // 2 <= end - start:
            while start < end and norm[start] == " ":
                start += 1
            while end > start and norm[end - 1] == " ":
                end -= 1
            if end > start:
                found.append((start, end))
        at = norm.find(tail, at + 1, hi)
    return found


def _fit_to_context(prefix: str, suffix: str, norm: str, start: int, end: int,
                    length: int) -> tuple[int, int]:
    """An approximate match may drop or add a few characters at its edges; where the
    surviving context is found right beside it, the span runs exactly up to that context."""
    slack = max(4, length // 4)
    tail = prefix[-12:]
    if len(tail) >= 6:
        at = norm.rfind(tail, max(0, start - slack - len(tail)), start + slack)
        if at != -1 and at + len(tail) < end:
            start = at + len(tail)
    head = suffix[:12]
    if len(head) >= 6:
        at = norm.find(head, max(start + 1, end - slack), end + slack + len(head))
        if at != -1:
            end = at
    while start < end and norm[start] == " ":
        start += 1
    while end > start and norm[end - 1] == " ":
        end -= 1
    return start, end


def _snap_to_words(sel: Selector, norm: str, start: int, end: int) -> tuple[int, int]:
    """An approximate match can stop inside an edited word; extend it to the word's edge
    when the original span ended (or began) on a word boundary."""
    if not (sel.suffix[:1].isalnum() and sel.exact[-1:].isalnum()):
        while end < len(norm) and norm[end - 1].isalnum() and norm[end].isalnum():
            end += 1
    if not (sel.prefix[-1:].isalnum() and sel.exact[:1].isalnum()):
        while start > 0 and norm[start].isalnum() and norm[start - 1].isalnum():
            start -= 1
    return start, end


def _convincing(best: _Candidate, quote: str, unique: bool) -> bool:
    """Accept only when quote and context together make a misplacement unlikely."""
    context = (best.prefix + best.suffix) / 2
    strongest_side = max(best.prefix, best.suffix)
    near = best.position >= _FAR
    if best.quote == 1.0:
        if context >= 0.9 or (near and (context >= 0.5 or strongest_side >= 0.8)):
            return True
        # Context gone: a long quote that occurs once, where it should be, is still itself;
        # a short one is not.
        return near and unique and len(quote) >= 40
    # An edited quote far from where it should be is more often a look-alike passage (legal
    # boilerplate, a recap) than the original moved: demand near-perfect evidence there.
    if best.position < _FAR and not (best.quote >= 0.95 and context >= 0.95):
        return False
    if best.quote >= 0.8 and (context >= 0.6 or strongest_side >= 0.9):
        return True
    # Rewritten words inside intact context, right where the span should be.
    if best.quote >= 0.5 and min(best.prefix, best.suffix) >= 0.9 and best.position >= 0.8:
        return True
    return best.quote >= 0.9 and len(quote) >= 60 and context >= 0.3
