"""Re-anchoring accuracy under revisions of known effect, and speed on a 1 MB text.

Corpus: the bundled briefings plus long prose found on the machine (CPython's LICENSE.txt,
Debian's /usr/share/common-licenses). Every revision is applied to a list of characters that
remember where they came from, so the true new span of each annotation is known exactly:
the characters of the old span that survive. A span with under half its characters left is
"deleted" and should be orphaned.

Chain mode: each text is highlighted once, then updated five times in a row through
`update_article_text`, the code path of `import --update` (light edits, inserted paragraphs,
deleted sentences, moved paragraphs, re-wrapping); the highlights are judged after the last
update, beside the same kinds of revision applied once. A sixth version restores the deleted
sentences, whose highlights should come back.

Run: python benchmarks/anchoring.py [--seed N] [PolNeAR/data/train/text] [--only chain]
Targets: correctly placed >= 0.98, misplaced <= 0.005, deleted spans orphaned >= 0.95,
under 5 ms per annotation on a 1 MB text, under 10 ms on a long scraped page with a line
repeated between its paragraphs ("Advertisement"); after five updates: on their exact words >= 0.99,
misplaced <= 0.003, deleted ones orphaned 1.0.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _text import long_text  # noqa: E402

from briefing.anchoring import capture, locate_all  # noqa: E402
from briefing.config import bundled_dir  # noqa: E402
from briefing.ingest import load  # noqa: E402

Chars = list[tuple[str, int | None]]  # (character, index in the original text or None)
WORDS = ("notably", "reportedly", "officials", "several", "regional", "formal", "updated",
         "additional", "preliminary", "senior", "western", "local", "revised")


def corpus() -> list[str]:
    texts = [load(p).text for p in sorted(bundled_dir("data").glob("*.md"))
             if ".rev" not in p.name]
    candidates = [Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
                  Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}."
                  f"{sys.version_info[1]}" / "LICENSE.txt"]
    candidates += [Path("/usr/share/common-licenses") / n for n in
                   ("GPL-3", "GFDL-1.3", "Apache-2.0", "LGPL-3", "MPL-2.0")]
    seen = set()
    for path in candidates:
        if path.is_file() and path.resolve() not in seen:
            seen.add(path.resolve())
            texts.append(load(path).text)  # ingest re-flows the hard-wrapped licences
    return texts


def chars_of(text: str) -> Chars:
    return [(c, i) for i, c in enumerate(text)]


def text_of(chars: Chars) -> str:
    return "".join(c for c, _ in chars)


def paragraph_bounds(chars: Chars) -> list[tuple[int, int]]:
    text = text_of(chars)
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def new_chars(text: str) -> Chars:
    return [(c, None) for c in text]


@dataclass
class Case:
    name: str
    text: str
    spans: list[tuple[int, int]]
    new: Chars


def pick_spans(text: str, rng: random.Random, count: int) -> list[tuple[int, int]]:
    """Word-aligned phrases of 15-150 characters inside one line."""
    words = [m.span() for m in re.finditer(r"\S+", text)]
    spans = []
    for _ in range(count * 20):
        if len(spans) >= count:
            break
        i = rng.randrange(len(words))
        j = i + rng.randint(2, 20)
        if j >= len(words):
            continue
        start, end = words[i][0], words[j][1]
        if not 15 <= end - start <= 150 or "\n" in text[start:end]:
            continue
        if any(s < end and start < e for s, e in spans):
            continue
        spans.append((start, end))
    return spans


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return left + 1 if left >= 0 else 0, right


# -- revisions: each returns the new character list -------------------------------------
def insert_paragraphs(chars: Chars, rng: random.Random, donor: str) -> Chars:
    out = list(chars)
    donor_paras = [p for p in donor.split("\n") if len(p) > 40] or [donor[:200]]
    for _ in range(rng.randint(1, 3)):
        bounds = paragraph_bounds(out)
        at = rng.choice(bounds)[0] if bounds else 0
        out[at:at] = new_chars(rng.choice(donor_paras) + "\n\n")
    return out


def rewrap_and_requote(chars: Chars, rng: random.Random) -> Chars:
    out: Chars = []
    column = 0
    for c, origin in chars:
        if c == "\n":
            column = 0
        elif c == " " and column > 60 + rng.randint(0, 12):
            c, column = "\n", 0
        elif c == " " and rng.random() < 0.02:
            out.append((" ", None))  # a doubled space
        c = {'"': "“", "“": '"', "”": '"', "'": "’", "’": "'"}.get(c, c)
        out.append((c, origin))
        column += 1
    return out


def edit_inside(chars: Chars, start: int, end: int, rng: random.Random) -> Chars:
    """Replace one interior word of old span [start, end) with another word."""
    positions = [i for i, (_, o) in enumerate(chars) if o is not None and start <= o < end]
    if len(positions) < 10:
        return chars
    text = text_of(chars)
    lo, hi = positions[0], positions[-1] + 1
    words = [m.span() for m in re.finditer(r"\w+", text[lo:hi])][1:-1]
    if not words:
        return chars
    ws, we = rng.choice(words)
    out = list(chars)
    out[lo + ws:lo + we] = new_chars(rng.choice(WORDS))
    return out


def delete_sentence(chars: Chars, start: int, end: int) -> Chars:
    text = text_of(chars)
    positions = [i for i, (_, o) in enumerate(chars) if o is not None and start <= o < end]
    s, e = sentence_around(text, positions[0], positions[-1] + 1)
    return chars[:s] + chars[e:]


def copy_elsewhere(chars: Chars, start: int, end: int, rng: random.Random,
                   whole_paragraph: bool) -> Chars:
    text = text_of(chars)
    positions = [i for i, (_, o) in enumerate(chars) if o is not None and start <= o < end]
    lo, hi = positions[0], positions[-1] + 1
    if whole_paragraph:
        lo = text.rfind("\n", 0, lo) + 1
        nl = text.find("\n", hi)
        hi = nl if nl != -1 else len(text)
    copy = text[lo:hi]
    bounds = [b for b in paragraph_bounds(chars) if abs(b[0] - lo) > 300] or [(len(text), 0)]
    at = rng.choice(bounds)[0]
    out = list(chars)
    out[at:at] = new_chars(copy + "\n\n")
    return out


def move_paragraphs(chars: Chars, rng: random.Random) -> Chars:
    bounds = paragraph_bounds(chars)
    if len(bounds) < 3:
        return chars
    s, e = rng.choice(bounds)
    block = chars[s:e] + [("\n", None), ("\n", None)]
    rest = chars[:s] + chars[e:]
    at = rng.choice(paragraph_bounds(rest))[0]
    return rest[:at] + block + rest[at:]


def truth(new: Chars, start: int, end: int) -> tuple[int, int] | None:
    positions = [i for i, (_, o) in enumerate(new) if o is not None and start <= o < end]
    if len(positions) < 0.5 * (end - start):
        return None
    return positions[0], positions[-1] + 1


def build_cases(rng: random.Random) -> list[Case]:
    texts = corpus()
    cases = []
    for text in texts:
        donor = rng.choice([t for t in texts if t is not text] or [text])
        per_text = max(6, min(30, len(text) // 1500))
        for kind in ("inserted", "rewrapped+requoted", "edited-in-span", "sentence-deleted",
                     "passage-duplicated", "copy-then-original-edited", "paragraphs-moved",
                     "mixed"):
            spans = pick_spans(text, rng, per_text)
            if not spans:
                continue
            target = rng.choice(spans)
            chars = chars_of(text)
            if kind == "inserted":
                chars = insert_paragraphs(chars, rng, donor)
            elif kind == "rewrapped+requoted":
                chars = rewrap_and_requote(chars, rng)
            elif kind == "edited-in-span":
                for s, e in rng.sample(spans, max(1, len(spans) // 3)):
                    chars = edit_inside(chars, s, e, rng)
            elif kind == "sentence-deleted":
                for s, e in rng.sample(spans, max(1, len(spans) // 3)):
                    if truth(chars, s, e):
                        chars = delete_sentence(chars, s, e)
            elif kind == "passage-duplicated":
                chars = copy_elsewhere(chars, *target, rng, whole_paragraph=True)
            elif kind == "copy-then-original-edited":
                chars = copy_elsewhere(chars, *target, rng, whole_paragraph=False)
                chars = edit_inside(chars, *target, rng)
            elif kind == "paragraphs-moved":
                for _ in range(2):
                    chars = move_paragraphs(chars, rng)
            else:
                chars = insert_paragraphs(chars, rng, donor)
                chars = move_paragraphs(chars, rng)
                chars = edit_inside(chars, *target, rng)
                other = rng.choice(spans)
                if other != target and truth(chars, *other):
                    chars = delete_sentence(chars, *other)
                chars = rewrap_and_requote(chars, rng)
            cases.append(Case(kind, text, spans, chars))
    return cases


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def accuracy(cases: list[Case], with_previous: bool = False) -> dict[str, float]:
    totals = {"placed": 0, "exact": 0, "misplaced": 0, "false_orphan": 0, "deleted": 0,
              "deleted_orphaned": 0, "kept": 0}
    by_kind: dict[str, list[int]] = {}
    for case in cases:
        new_text = text_of(case.new)
        found = locate_all([capture(case.text, s, e) for s, e in case.spans], new_text,
                           case.text if with_previous else None)
        for (s, e), where in zip(case.spans, found, strict=True):
            expected = truth(case.new, s, e)
            row = by_kind.setdefault(case.name, [0, 0])
            row[1] += 1
            if expected is None:
                totals["deleted"] += 1
                if where is None:
                    totals["deleted_orphaned"] += 1
                    row[0] += 1
                else:
                    totals["misplaced"] += 1
                continue
            totals["kept"] += 1
            if where is None:
                totals["false_orphan"] += 1
            elif overlap((where.start, where.end), expected) >= 0.9:
                totals["placed"] += 1
                totals["exact"] += (where.start, where.end) == expected
                row[0] += 1
            else:
                totals["misplaced"] += 1
    annotations = totals["kept"] + totals["deleted"]
    mode = ("with the previous text (as `import --update` does)" if with_previous
            else "from the new text alone (the public API without `previous`)")
    print(f"corpus: {len(cases)} revised texts, {annotations} annotations "
          f"({totals['kept']} surviving, {totals['deleted']} deleted); {mode}")
    print(f"correctly placed:        {totals['placed'] / max(1, totals['kept']):.4f} "
          "(target >= 0.98)")
    print(f"on their exact words:    {totals['exact'] / max(1, totals['kept']):.4f}")
    print(f"misplaced:               {totals['misplaced'] / max(1, annotations):.4f} "
          "(target <= 0.005)")
    print(f"falsely orphaned:        {totals['false_orphan'] / max(1, totals['kept']):.4f}")
    print(f"deleted spans orphaned:  {totals['deleted_orphaned'] / max(1, totals['deleted']):.4f}"
          " (target >= 0.95)")
    for kind, (good, count) in by_kind.items():
        print(f"  {kind:28} {good}/{count} right")
    return {"placed": totals["placed"] / max(1, totals["kept"]),
            "exact": totals["exact"] / max(1, totals["kept"]),
            "misplaced": totals["misplaced"] / max(1, annotations),
            "deleted_orphaned": totals["deleted_orphaned"] / max(1, totals["deleted"])}


def speed(rng: random.Random) -> None:
    texts = corpus()
    paragraphs = [p for t in texts for p in t.split("\n") if len(p) > 40]
    text = long_text(paragraphs, 1_000_000, rng, "[item {n}]")
    spans = pick_spans(text, rng, 300)
    selectors = [capture(text, s, e) for s, e in spans]
    chars = insert_paragraphs(chars_of(text), rng, texts[0])
    chars = edit_inside(chars, *spans[0], rng)
    new_text = text_of(chars)
    started = time.perf_counter()
    found = locate_all(selectors, new_text)
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    locate_all(selectors, new_text, text)
    with_previous = time.perf_counter() - started
    right = sum(1 for (s, e), w in zip(spans, found, strict=True)
                if w and truth(chars, s, e) and overlap((w.start, w.end), truth(chars, s, e))
                >= 0.9)
    print(f"1 MB text ({len(new_text):,} chars), {len(spans)} annotations: "
          f"{elapsed * 1000 / len(spans):.2f} ms per annotation (target < 5 ms), "
          f"{right}/{len(spans)} placed; with the previous text: "
          f"{with_previous * 1000 / len(spans):.2f} ms per annotation")


# A scraped page repeats a line between its paragraphs ("Advertisement"): the paragraph
# alignment of an update (ParagraphAlignment, with the previous text) once compared every copy
# of that line with every other, 61 s for one update of such a page before difflib's autojunk.
SCRAPED_PARAGRAPHS = 2000
SCRAPED_FILLER = "Advertisement"
# ~2 ms of CPU per annotation (7.6 ms on a machine loaded four times over); the quadratic
# matching it guards against would take ~200 ms (61 s for one update)
SCRAPED_TARGET_MS = 10.0


def scraped_page_speed(rng: random.Random) -> None:
    """ms per annotation, with the previous text, on a page of SCRAPED_PARAGRAPHS paragraphs
    with the filler line between every two, updated: a third of its paragraphs get a
    sentence more, and a new paragraph (with its filler) comes every fiftieth."""
    texts = corpus()
    donors = [p for t in texts for p in t.split("\n") if len(p) > 40]
    paragraphs = [f"{rng.choice(donors)} [item {n}]" for n in range(SCRAPED_PARAGRAPHS)]
    old_parts: list[str] = []
    new_parts: list[str] = []
    moved: list[tuple[int, int, int]] = []  # (old start, old end, new start) per paragraph
    old_at = new_at = 0
    for n, paragraph in enumerate(paragraphs):
        if n % 50 == 25:
            added = f"{rng.choice(donors)} [new {n}]\n\n{SCRAPED_FILLER}\n\n"
            new_parts.append(added)
            new_at += len(added)
        moved.append((old_at, old_at + len(paragraph), new_at))
        revised = paragraph + (" The figures were revised later." if n % 3 == 0 else "")
        tail = "" if n == len(paragraphs) - 1 else f"\n\n{SCRAPED_FILLER}\n\n"
        old_parts.append(paragraph + tail)
        new_parts.append(revised + tail)
        old_at += len(paragraph) + len(tail)
        new_at += len(revised) + len(tail)
    old, new = "".join(old_parts), "".join(new_parts)
    spans = [span for span in pick_spans(old, rng, 300) if SCRAPED_FILLER not in old[slice(*span)]]
    selectors = [capture(old, s, e) for s, e in spans]
    started = time.perf_counter()
    found = locate_all(selectors, new, old)
    elapsed = time.perf_counter() - started
    right = 0
    for (s, e), where in zip(spans, found, strict=True):
        o_start, _, n_start = next(m for m in moved if m[0] <= s < m[1])
        expected = (n_start + s - o_start, n_start + e - o_start)
        right += bool(where) and (where.start, where.end) == expected
    lines = old.count("\n\n") + 1
    print(f"scraped page ({len(old):,} chars, {lines:,} lines, '{SCRAPED_FILLER}' between "
          f"every two), {len(spans)} annotations: {elapsed * 1000 / len(spans):.2f} ms per "
          f"annotation with the previous text (target < {SCRAPED_TARGET_MS:g} ms), "
          f"{right}/{len(spans)} on their words")


# -- chain mode: highlighted once, then five successive updates through the product ------
CHAIN_STEPS = ("light edits", "paragraphs inserted", "sentences deleted", "paragraphs moved",
               "re-wrapped")
_SENTENCE = re.compile(r"[^.\n]+[.](?= |$)", re.MULTILINE)


def origins_in(spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def light_edits(chars: Chars, spans: list[tuple[int, int]], rng: random.Random) -> Chars:
    """A word changed inside a third of the highlights, and a few words elsewhere."""
    for s, e in rng.sample(spans, max(1, len(spans) // 3)):
        chars = edit_inside(chars, s, e, rng)
    inside = origins_in(spans)
    words = [m.span() for m in re.finditer(r"\w{4,}", text_of(chars))]
    outside = [(a, b) for a, b in words
               if all(chars[i][1] is not None and chars[i][1] not in inside for i in range(a, b))]
    out = list(chars)
    picked = rng.sample(outside, min(len(outside), max(2, len(chars) // 2000)))
    for a, b in sorted(picked, reverse=True):
        out[a:b] = new_chars(rng.choice(WORDS))
    return out


@dataclass
class Deletion:
    segment: Chars
    before: int | None  # origin of the character that followed it (where it goes back)


def delete_sentences(chars: Chars, spans: list[tuple[int, int]], rng: random.Random,
                     deletions: list[Deletion]) -> Chars:
    """The sentences of a fifth of the highlights, and two sentences no highlight is in."""
    chosen = [sp for sp in spans if truth(chars, *sp)]
    chosen = rng.sample(chosen, max(1, len(chosen) // 5)) if chosen else []
    cuts: list[tuple[int, int]] = []
    for s, e in chosen:
        positions = [i for i, (_, o) in enumerate(chars) if o is not None and s <= o < e]
        cuts.append(sentence_around(text_of(chars), positions[0], positions[-1] + 1))
    inside = origins_in(spans)
    free = [m.span() for m in _SENTENCE.finditer(text_of(chars))
            if all(chars[i][1] is not None and chars[i][1] not in inside
                   for i in range(*m.span()))]
    cuts += rng.sample(free, min(2, len(free)))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(cuts):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    out = list(chars)
    for a, b in reversed(merged):
        deletions.append(Deletion(out[a:b], out[b][1] if b < len(out) else None))
        del out[a:b]
    return out


def restore_deleted(chars: Chars, deletions: list[Deletion]) -> Chars:
    """Put every deleted sentence back where it was (before the character that followed)."""
    out = list(chars)
    for deletion in deletions:
        at = next((i for i, (_, o) in enumerate(out) if o == deletion.before), None)
        if deletion.before is None:
            at = len(out)
        if at is not None:
            out[at:at] = deletion.segment
    return out


def chain_step(kind: str, chars: Chars, spans: list[tuple[int, int]], rng: random.Random,
               donor: str, deletions: list[Deletion]) -> Chars:
    if kind == "light edits":
        return light_edits(chars, spans, rng)
    if kind == "paragraphs inserted":
        return insert_paragraphs(chars, rng, donor)
    if kind == "sentences deleted":
        return delete_sentences(chars, spans, rng, deletions)
    if kind == "paragraphs moved":
        return move_paragraphs(move_paragraphs(chars, rng), rng)
    return rewrap_and_requote(chars, rng)


class Score:
    def __init__(self) -> None:
        self.surviving = self.exact = self.placed = self.misplaced = 0
        self.deleted = self.deleted_orphaned = 0

    def add(self, expected: tuple[int, int] | None, found: tuple[int, int] | None) -> None:
        if expected is None:
            self.deleted += 1
            self.deleted_orphaned += found is None
            self.misplaced += found is not None
            return
        self.surviving += 1
        if found is None:
            return
        if overlap(found, expected) >= 0.9:
            self.placed += 1
            self.exact += found == expected
        else:
            self.misplaced += 1

    def figures(self) -> tuple[float, float, float, float]:
        return (self.exact / max(1, self.surviving), self.placed / max(1, self.surviving),
                self.misplaced / max(1, self.surviving + self.deleted),
                self.deleted_orphaned / max(1, self.deleted))


class Highlighted:
    """One text in its own database, highlighted once; updated through the product's path."""

    def __init__(self, folder: Path, text: str, spans: list[tuple[int, int]]) -> None:
        from briefing.store import Store

        self.store = Store(folder / "briefing.json")
        self.article_id = self.store.add_article(f"chain {folder.name}", text)
        if self.store.article(self.article_id).text != text:
            raise ValueError("the store cleans this text: offsets would not compare")
        self.ids = [self.store.add_annotation(self.article_id, s, e) for s, e in spans]

    def update(self, text: str) -> None:
        from briefing.document import Document
        from briefing.library import update_article_text  # what `import --update` runs

        update_article_text(self.store, self.article_id, Document("chain", text))

    def score(self, score: Score, chars: Chars, spans: list[tuple[int, int]]) -> None:
        by_id = {a.id: a for a in self.store.annotations(self.article_id)}
        for annotation_id, (s, e) in zip(self.ids, spans, strict=True):
            a = by_id[annotation_id]
            found = None if a.orphaned else (a.start, a.end)
            score.add(truth(chars, s, e), found)


def chain_texts(polnear: Path | None, limit: int) -> list[str]:
    texts = corpus()
    if polnear is not None:
        files = sorted(polnear.glob("*.txt"))[:limit]
        texts += [t for t in (load(f).text for f in files) if len(t) > 1500]
    return texts


def chain(rng: random.Random, polnear: Path | None, limit: int) -> None:
    import tempfile

    texts = chain_texts(polnear, limit)
    after_chain, single, restored = Score(), Score(), Score()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n, text in enumerate(texts):
            donor = rng.choice([t for t in texts[:12] if t is not text] or [text])
            spans = pick_spans(text, rng, max(6, min(30, len(text) // 1500)))
            if not spans:
                continue
            highlighted = Highlighted(Path(tmp) / f"chain{n}", text, spans)
            chars, deletions = chars_of(text), []
            for kind in CHAIN_STEPS:
                chars = chain_step(kind, chars, spans, rng, donor, deletions)
                highlighted.update(text_of(chars))
            highlighted.score(after_chain, chars, spans)
            # A sixth version puts the deleted sentences back: their highlights return.
            back = restore_deleted(chars, deletions)
            highlighted.update(text_of(back))
            highlighted.score(restored, back, spans)
            highlighted.store.close()
            for kind in CHAIN_STEPS:  # each kind alone, one update from the first text
                once = Highlighted(Path(tmp) / f"single{n}-{CHAIN_STEPS.index(kind)}", text,
                                   spans)
                new = chain_step(kind, chars_of(text), spans, rng, donor, [])
                once.update(text_of(new))
                once.score(single, new, spans)
                once.store.close()
    elapsed = time.perf_counter() - started
    source = f" + {polnear}" if polnear else ""
    print(f"chain: {len(texts)} texts (bundled + licences{source}), "
          f"{after_chain.surviving + after_chain.deleted} highlights each made once, then "
          f"{len(CHAIN_STEPS)} successive updates through update_article_text "
          f"({', '.join(CHAIN_STEPS)}); {elapsed:.1f} s")
    print(f"{'':32}{'after 5 updates':>16}{'after 1 update':>16}")
    rows = ("on their exact words (>= 0.99)", "placed (overlap >= 0.9)",
            "misplaced (<= 0.003)", "deleted ones orphaned (1.0)")
    for label, chained, once in zip(rows, after_chain.figures(), single.figures(),
                                    strict=True):
        print(f"{label:32}{chained:>16.4f}{once:>16.4f}")
    print(f"surviving {after_chain.surviving}, deleted {after_chain.deleted} after the chain; "
          f"single updates: {single.surviving} surviving, {single.deleted} deleted")
    exact, _, misplaced, _ = restored.figures()
    print(f"sixth version, deleted sentences restored: {restored.exact}/{restored.surviving} "
          f"on their exact words ({exact:.4f}), misplaced {misplaced:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("polnear", nargs="?", type=Path,
                        help="optional: PolNeAR's data/train/text folder, more real texts "
                             "for the chain (read in place, never copied)")
    parser.add_argument("--polnear-texts", type=int, default=60, metavar="N",
                        help="how many PolNeAR texts the chain uses (default 60)")
    parser.add_argument("--only", choices=("single", "chain", "speed"),
                        help="run one part only")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.only in (None, "single"):
        cases = build_cases(rng)
        accuracy(cases)
        print()
        accuracy(cases, with_previous=True)
        print()
    if args.only in (None, "chain"):
        chain(random.Random(args.seed), args.polnear, args.polnear_texts)
        print()
    if args.only in (None, "speed"):
        speed(rng)
        scraped_page_speed(random.Random(args.seed))


if __name__ == "__main__":
    main()
