"""New versions of an article, and everything that points into its text following them.

`update_article_text` is the one code path for a new version (`import --update`, the
library's U and the reader's "a new version of …?" prompt all end here). It keeps the old
text as a revision and moves what points into the text: highlights (their notes and tags
ride along), the claim each highlight was made on, and claim grades (keyed by the claim's
offsets, so they are found again with the same selectors and re-keyed).

After every re-anchoring a selector is captured again on the text its span now sits on:
quote, prefix, suffix, position and the text's hash. (Keeping the first capture made every
later update start from the first text's offsets and context, so a chain of updates
orphaned highlights whose words were still on screen.) The quote first highlighted stays
as `original_quote`, and each quote an update replaced is kept in `quote_history`.

A highlight an update cut down to the words it left (a sentence of it deleted) takes its
words back when a later version restores them (`_regrown`).

Orphans keep the last selector that found them, with the hash of the text it describes
(`anchored_on`), and are tried again on every later update: a sentence deleted in one
version and restored in a later one brings its highlight back.

Each update leaves a line in the article's `revision_log` (what stayed, moved, was orphaned
or came back), which `briefing revisions ID` lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from briefing.anchoring import (
    Located,
    Selector,
    TextIndex,
    capture,
    locate_all,
    normalise,
    similarity,
)
from briefing.document import Document, text_hash
from briefing.errors import BriefingError
from briefing.grades import claim_key, orphaned_claim_key, parse_claim_key
from briefing.model import Article, Claim, Grade, Highlight, Revision
from briefing.sanitize import sanitise_line
from briefing.store import Store

HISTORY_KEPT = 10  # earlier quotes kept per highlight
LOGGED_QUOTE = 160  # characters of a quote kept in the revision log
LOGGED_CHANGES = 200  # changes listed per update in the revision log
ORPHAN_CONTEXT = 0.8  # how much of one side's context an orphan needs to come back
ORPHAN_TIE = 0.1  # a look-alike with context this close to the orphan's makes it a guess
CURSOR_WORDS = 40  # characters at the cursor looked for in a new version of the text


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class ReanchorSummary:
    kept: int = 0
    moved: int = 0
    orphaned: int = 0  # orphaned after this update (newly or still)
    article_id: int = 0
    restored: int = 0  # orphans whose words came back
    grades_moved: int = 0
    grades_orphaned: int = 0
    # What moved, was orphaned or came back: {"id", "what", "quote"[, "was"]}
    changes: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> str:
        """'1 kept in place, 2 moved, 1 orphaned' (and what came back, and claim grades)."""
        line = f"{self.kept} kept in place, {self.moved} moved, {self.orphaned} orphaned"
        if self.restored:
            line += f", {self.restored} back from orphaned"
        if self.grades_moved or self.grades_orphaned:
            line += (f"; claim grades: {self.grades_moved} moved, "
                     f"{self.grades_orphaned} orphaned")
        return line

    def describe(self) -> str:
        return f"article {self.article_id}: {self.counts()}"

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.orphaned or self.restored or self.grades_moved
                    or self.grades_orphaned)


# -- the texts a selector may have been captured on ---------------------------------------
class KnownTexts(Mapping[str, str]):
    """Every version of an article's text the store keeps, by hash, oldest first; and a new
    text, last, when one is coming in. Each is read from its file only when a selector has
    to be tried on it: opening an article whose highlights are all on its current text
    reads no earlier one."""

    def __init__(self, article: Article, text: str | None = None) -> None:
        self._versions: dict[str, Revision | Article | str] = dict(article.versions)
        if text is not None:
            digest = text_hash(text)
            self._versions.pop(digest, None)
            self._versions[digest] = text
            self.current = digest
        else:
            self.current = article.hash

    def __getitem__(self, digest: str) -> str:
        version = self._versions[digest]
        return version if isinstance(version, str) else version.text

    def __contains__(self, digest: object) -> bool:
        return digest in self._versions  # without reading the text, as Mapping's would

    def __iter__(self) -> Iterator[str]:
        return iter(self._versions)

    def __reversed__(self) -> Iterator[str]:
        return reversed(self._versions)

    def __len__(self) -> int:
        return len(self._versions)


def _fits(sel: Selector, text: str) -> bool:
    return (text[sel.start:sel.end] == sel.exact
            and text[max(0, sel.start - len(sel.prefix)):sel.start] == sel.prefix
            and text[sel.end:sel.end + len(sel.suffix)] == sel.suffix)


def _captured_on(sel: Selector, hints: Iterable[str | None],
                 texts: KnownTexts) -> str | None:
    """The hash of the text `sel` describes: the hinted one when it fits, else the newest
    that does (selectors stored before they were re-captured describe the first text)."""
    for digest in hints:
        if digest in texts and _fits(sel, texts[digest]):
            return digest
    return next((d for d in reversed(texts) if _fits(sel, texts[d])), None)


@dataclass
class _Target:
    """Something pointing into a text, to be found in the new one."""

    selector: Selector
    on: str | None  # hash of the text the selector describes (None: not known)
    orphan: bool = False  # its words were gone from the text before this one


def _find_all(targets: list[_Target], text: str, texts: KnownTexts) -> list[Located | None]:
    """`locate_all` once per text the selectors were captured on (that text makes
    re-anchoring exact wherever its paragraphs were kept); orphans come back only on
    their own words (`_came_back`)."""
    found: list[Located | None] = [None] * len(targets)
    groups: dict[str | None, list[int]] = {}
    for i, target in enumerate(targets):
        groups.setdefault(target.on, []).append(i)
    for on, indexes in groups.items():
        located = locate_all([targets[i].selector for i in indexes], text,
                             texts.get(on) if on else None)
        for i, where in zip(indexes, located, strict=True):
            found[i] = where
    indexes: dict[str, TextIndex] = {}  # built only when an orphan is found again

    def index_of(digest: str) -> TextIndex:
        if digest not in indexes:
            indexes[digest] = TextIndex(text if digest == "" else texts[digest])
        return indexes[digest]

    for i, (target, where) in enumerate(zip(targets, found, strict=True)):
        if target.orphan and where is not None:
            before = index_of(target.on) if target.on in texts else None
            if not _came_back(target.selector, where, index_of(""), before):
                found[i] = None
    return found


# -- planning: what every annotation and grade becomes in the new text --------------------
@dataclass
class _Plan:
    annotations: dict[int, dict[str, Any]] = field(default_factory=dict)
    grades_removed: set[str] = field(default_factory=set)
    grades_added: list[dict[str, Any]] = field(default_factory=list)
    summary: ReanchorSummary = field(default_factory=ReanchorSummary)


def _claim_target(claim: Claim, hints: list[str | None], texts: KnownTexts) -> _Target | None:
    """The claim a highlight was made on as a target, on the text where its offsets hold
    that claim's words."""
    start, end, words = claim.start, claim.end, claim.text
    for digest in [*hints, *reversed(texts)]:
        text = texts.get(digest) if digest else None
        if text is not None and 0 <= start < end <= len(text) and (
                words is None or text[start:end] == words):
            try:
                return _Target(capture(text, start, end), digest)
            except ValueError:
                return None
    return None


def _context_agreement(sel: Selector, text: str, start: int, end: int) -> float:
    """How well the text beside text[start:end] agrees with the selector's context (the
    better side)."""
    prefix = text[max(0, start - len(sel.prefix)):start]
    suffix = text[end:end + len(sel.suffix)]
    return max(similarity(normalise(sel.prefix), normalise(prefix)),
               similarity(normalise(sel.suffix), normalise(suffix)))


def _rival(sel: Selector, index: TextIndex, own_start: int, agreement: float) -> bool:
    """Whether another occurrence of the quote in `index`'s text has context about as
    good as `agreement`."""
    quote = normalise(sel.exact).strip()
    at = index.norm.find(quote)
    while at != -1:
        start = index.to_orig(at)
        end = index.to_orig(at + len(quote) - 1) + 1
        if start != own_start and _context_agreement(sel, index.text, start, end) \
                >= agreement - ORPHAN_TIE:
            return True
        at = index.norm.find(quote, at + 1)
    return False


def _came_back(sel: Selector, where: Located, index: TextIndex,
               captured_on: TextIndex | None) -> bool:
    """An orphan returns only on its own words with its own context on one side at least,
    and only when no other passage has them with as much context, now or in the text it
    was highlighted on: its words were gone, and a look-alike (legal boilerplate, a recap)
    must not be taken for them."""
    text = index.text
    if normalise(text[where.start:where.end]).strip() != normalise(sel.exact).strip():
        return False
    ours = _context_agreement(sel, text, where.start, where.end)
    if ours < ORPHAN_CONTEXT or _rival(sel, index, where.start, ours):
        return False
    return captured_on is None or not _rival(sel, captured_on, sel.start, 1.0)


def _stale_annotations(annotations: list[Highlight], digest: str) -> list[Highlight]:
    """Those whose selector describes another text than the one with hash `digest`."""
    return [a for a in annotations if a.text_hash != digest and a.selector is not None]


def _plan_annotations(plan: _Plan, stale: list[Highlight], text: str, digest: str,
                      texts: KnownTexts) -> None:
    targets: list[_Target] = []
    claims: list[_Target | None] = []
    for a in stale:
        sel = a.selector
        hints = [a.anchored_on, a.text_hash]
        targets.append(_Target(sel, _captured_on(sel, hints, texts), orphan=a.orphaned))
        claims.append(_claim_target(a.claim, hints, texts) if a.claim is not None else None)
    claim_targets = [c for c in claims if c is not None]
    found = _find_all(targets + claim_targets, text, texts)
    spans, claim_spans = found[:len(targets)], iter(found[len(targets):])
    summary, now = plan.summary, _now()
    for a, target, where, claim in zip(stale, targets, spans, claims, strict=True):
        was_orphan = a.orphaned
        old_quote = target.selector.exact
        if where is None:
            summary.orphaned += 1
            plan.annotations[a.id] = {"status": "orphaned", "start": None, "end": None,
                                      "text_hash": digest,
                                      "anchored_on": target.on or a.anchored_on}
            if not was_orphan:
                summary.changes.append({"id": a.id, "what": "orphaned",
                                        "quote": old_quote[:LOGGED_QUOTE]})
            if claim is not None:
                next(claim_spans)
            continue
        where = _regrown(a, old_quote, where, text)
        sel = capture(text, where.start, where.end)
        fields: dict[str, Any] = {
            "status": "anchored", "start": where.start, "end": where.end,
            "selector": sel.to_dict(), "text_hash": digest, "anchored_on": digest,
            "original_quote": a.original_quote or old_quote,
        }
        if sel.exact != old_quote:
            history = list(a.quote_history or [])
            history.append({"quote": old_quote, "replaced": now})
            fields["quote_history"] = history[-HISTORY_KEPT:]
        if claim is not None:
            moved_claim = next(claim_spans)
            ref = a.claim_reference()
            if moved_claim is None:
                ref.pop("start", None)  # its words are gone: kept as a label, no offsets
                ref.pop("end", None)
            else:
                ref.update(start=moved_claim.start, end=moved_claim.end,
                           text=text[moved_claim.start:moved_claim.end])
            fields["claim"] = ref
        plan.annotations[a.id] = fields
        change = {"id": a.id, "quote": sel.exact[:LOGGED_QUOTE]}
        if sel.exact != old_quote:
            change["was"] = old_quote[:LOGGED_QUOTE]
        if was_orphan:
            summary.restored += 1
            summary.changes.append({**change, "what": "restored"})
        elif (where.start, where.end) == (a.start, a.end):
            summary.kept += 1
        else:
            summary.moved += 1
            summary.changes.append({**change, "what": "moved"})


def _regrown(a: Highlight, quote: str, where: Located, text: str) -> Located:
    """A highlight an earlier version cut down to the words it left ("A. B." to "A." when B
    was deleted) takes its words back when a later version restores them: its last longer
    quote, holding the present one, stands again around where it is found."""
    history = a.quote_history or []
    if not history:
        return where
    longer = history[-1].get("quote") or ""
    if len(longer) <= len(quote) or normalise(quote).strip() not in normalise(longer):
        return where
    lo = max(0, where.end - len(longer))
    at = text.find(longer, lo, where.start + len(longer))
    while at != -1 and at <= where.start:
        if at + len(longer) >= where.end:
            return Located(at, at + len(longer), "exact", where.score)
        at = text.find(longer, at + 1, where.start + len(longer))
    return where


def _stale_grades(rows: list[Grade], article_id: int, digest: str,
                  replaced: str | None) -> list[tuple[Grade, str, tuple[int, int] | None]]:
    """(grade, hash of its text, its claim's offsets) of the article's claim grades on
    another text than the one with hash `digest`. Rows written before grades carried a
    text hash are taken to be on the replaced text."""
    stale = []
    for row in rows:
        parsed = parse_claim_key(row.key)
        if parsed is None or parsed[0] != article_id:
            continue
        on = row.text_hash or replaced
        if on is not None and on != digest:
            stale.append((row, on, parsed[1]))
    return stale


def _plan_grades(plan: _Plan, article_id: int,
                 rows: list[tuple[Grade, str, tuple[int, int] | None]], text: str,
                 digest: str, texts: KnownTexts) -> None:
    """Claim grades are keyed by the claim's offsets: find the claim again and re-key it."""
    stale: list[tuple[Grade, _Target]] = []
    for row, on, span in rows:
        if row.selector is not None:
            sel = row.selector
            source = _captured_on(sel, [row.anchored_on, on], texts)
        elif span is not None and on in texts:
            try:
                sel = capture(texts[on], *span)
            except ValueError:
                continue  # offsets that were never inside that text: leave the row alone
            source = on
        else:
            continue
        stale.append((row, _Target(sel, source, orphan=row.status == "orphaned")))
    if not stale:
        return
    found = _find_all([t for _, t in stale], text, texts)
    for (row, target), where in zip(stale, found, strict=True):
        plan.grades_removed.add(row.key)
        keep = {"value": row.value, **row.extra}
        if where is None:
            key = orphaned_claim_key(article_id, text_hash(
                target.selector.prefix + target.selector.exact)[:12])
            plan.grades_added.append({**keep, "key": key, "status": "orphaned",
                                      "selector": target.selector.to_dict(),
                                      "anchored_on": target.on, "text_hash": digest})
            plan.summary.grades_orphaned += 1
            continue
        key = claim_key(article_id, {"start": where.start, "end": where.end})
        plan.grades_added.append({**keep, "key": key, "text_hash": digest,
                                  "selector": capture(text, where.start, where.end).to_dict()})
        if key != row.key:
            plan.summary.grades_moved += 1


def _plan(store: Store, article: Article, text: str | None, replaced: str | None) -> _Plan:
    """What every annotation and claim grade of `article` becomes on `text` (None: its
    current text). When all of them are on that text already (opening an article, as a
    rule), no text is read here at all."""
    plan = _Plan(summary=ReanchorSummary(article_id=article.id))
    digest = text_hash(text) if text is not None else article.hash
    annotations = _stale_annotations(store.annotations(article.id), digest)
    grades = _stale_grades(store.grade_rows(article.id), article.id, digest, replaced)
    if not annotations and not grades:
        return plan
    texts = KnownTexts(article, text)
    new_text = texts[texts.current]
    if annotations:
        _plan_annotations(plan, annotations, new_text, digest, texts)
    if grades:
        _plan_grades(plan, article.id, grades, new_text, digest, texts)
    return plan


def _apply(store: Store, article_id: int, plan: _Plan) -> None:
    if plan.annotations:
        store.update_annotations(article_id, plan.annotations)
    store.replace_rows("grades", plan.grades_removed, plan.grades_added)


def follow_offset(old: str, new: str, offset: int) -> int:
    """Where `offset` of `old` is in `new`: the words at it, found again (the reader's
    cursor when a new version replaces the text it shows)."""
    start = max(0, min(offset, len(old)))
    while start < len(old) and old[start].isspace():
        start += 1
    end = min(len(old), start + CURSOR_WORDS)
    if start >= end:  # at the end, or on the spaces after the last word: as far from it
        return max(0, len(new) - (len(old) - max(0, min(offset, len(old)))))
    [found] = locate_all([capture(old, start, end)], new, old)
    if found is None:
        return min(offset, len(new))
    return max(0, min(len(new), found.start - (start - offset)))


# -- the public operations ----------------------------------------------------------------
def reanchor(store: Store, article: Article) -> ReanchorSummary:
    """Find every annotation and claim grade of `article` still pointing into an earlier
    text in its current one (after an update that did not finish, or data written before
    selectors followed the text); a no-op when everything is on the current text."""
    with store.transaction():
        plan = _plan(store, article, None, None)
        _apply(store, article.id, plan)
    return plan.summary


def update_article_text(store: Store, article_id: int, doc: Document) -> ReanchorSummary:
    """Replace an article's text with `doc`'s (the old text is kept as a revision), move
    everything that points into it, and log what happened."""
    with store.transaction():
        article = store.require_article(article_id)
        if article.hash == doc.hash:
            return reanchor(store, article)
        other = store.find_article_by_hash(doc.hash)
        if other is not None and other.id != article_id:
            raise BriefingError(f"that text is already article {other.id}")
        plan = _plan(store, article, doc.text, article.hash)
        version = version_number(article) + 1
        entry = {"version": version, "at": _now(), "hash": doc.hash,
                 **{k: v for k, v in asdict(plan.summary).items() if k != "article_id"}}
        # The log lives in the article's record: a bounded list, the counts say the rest.
        entry["changes"] = entry["changes"][:LOGGED_CHANGES]
        log = [*article.revision_log, entry]
        # The text first: if the rest were lost, opening the article re-anchors what is
        # still on the old text (every annotation and grade carries its text's hash).
        # The new version's header (date, source, title...) is the newer one too: the
        # analysis dates relative claims from it. What it does not say is kept.
        header = {**doc.meta, **({"title": sanitise_line(doc.title)} if doc.title else {})}
        store.replace_article_text(article_id, doc.text, revision_log=log, **header)
        _apply(store, article_id, plan)
        return plan.summary


@dataclass
class Version:
    number: int
    date: str | None  # when it arrived (imported, or replaced the one before)
    hash: str
    characters: int
    current: bool
    log: dict[str, Any] | None  # what its update did (None: the first, or not recorded)


def version_number(article: Article) -> int:
    """Which version of its text the article holds now (1: as first imported)."""
    return len(article.revisions) + 1


def versions(article: Article) -> list[Version]:
    """The article's versions, oldest first, with what each update moved or orphaned."""
    logs = {e.get("version"): e for e in article.revision_log}
    texts = [(r.hash, len(r.text)) for r in article.revisions]
    texts.append((article.hash, len(article.text)))
    dates = [article.imported] + [r.replaced for r in article.revisions]
    current = version_number(article)
    return [Version(n, dates[n - 1], digest, size, n == current, logs.get(n))
            for n, (digest, size) in enumerate(texts, start=1)]


_CHANGE_WORDS = {"moved": "moved", "orphaned": "orphaned", "restored": "came back"}


def version_lines(article: Article) -> list[str]:
    """`briefing revisions ID`: one line per version, then what its update changed. Text
    from the article (title, quotes) is sanitised here: these lines go to a terminal."""
    lines = [f"article {article.id}: {sanitise_line(article.title)}"]
    for v in versions(article):
        date = (v.date or "?").replace("T", " ")[:16]
        if v.number == 1:
            what = "imported"
        elif v.log is None:
            what = "updated (moves not recorded)"
        else:
            what = "updated: " + ReanchorSummary(
                **{k: v.log.get(k, 0) for k in ("kept", "moved", "orphaned", "restored",
                                                "grades_moved", "grades_orphaned")}).counts()
        current = "  (current: the notes are on this version)" if v.current else ""
        lines.append(f"  v{v.number}  {date}  {v.characters:,} chars  {what}{current}")
        for change in (v.log or {}).get("changes", []):
            label = _CHANGE_WORDS.get(change.get("what"), sanitise_line(str(change.get("what"))))
            lines.append(f"      {label:9}  #{change.get('id')}  "
                         f"“{sanitise_line(str(change.get('quote', '')))}”")
            if change.get("was"):
                lines.append(f"      {'':9}  {'':{len(str(change.get('id'))) + 1}}  "
                             f"was “{sanitise_line(str(change['was']))}”")
    return lines
