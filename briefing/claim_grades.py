"""Claim grades follow their claims from one analysis of a text to the next.

A claim's grade is keyed by the claim's offsets (grades.claim_key). A new analysis of the
same text (an ANALYSIS_VERSION bump, another spaCy model, a rule that widens a claim by a
word) may find the same claim at other offsets; the grade's key then matches no claim, and
nothing on screen or in the export shows it. `follow_claims` re-keys every such grade to the
current claim that holds its words (`claim_holding`: the graded speaker's claim first, then
the closest span), in one write. A grade no claim holds is kept as an
orphan with its words (never deleted), shown in the Notes pane and the export's orphans
section, and tried again on every later analysis.

revisions.py moves grades onto a new version of the text; this module onto a new analysis
of the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from briefing.anchoring import Selector, capture
from briefing.document import text_hash
from briefing.grades import (
    ORPHANED,
    SUPERSEDED,
    UNCLAIMED,
    claim_key,
    orphaned_claim_key,
    parse_claim_key,
)
from briefing.model import Analysis, Claim, Grade
from briefing.sanitize import clip_line
from briefing.source_grades import Library, follow_sources, orphaned_sources

if TYPE_CHECKING:
    from briefing.store import Store

# Orphans whose words are still in the text: a later analysis may find a claim on them.
_RETRIED = (UNCLAIMED, SUPERSEDED)


@dataclass
class GradeMoves:
    """One write to the grades table: the keys to drop and the rows to put in."""

    removed: set[str] = field(default_factory=set)
    added: list[dict[str, Any]] = field(default_factory=list)
    moved: int = 0  # re-keyed onto a claim (back from orphaned included)
    orphaned: int = 0  # newly orphaned
    # follow_grades: the reliabilities no speaker holds after it (source_grades.py), so
    # that orphaned_grades need not work them out again.
    orphaned_sources: list[Grade] = field(default_factory=list)
    # follow_grades: (name given under, name now) of each reliability moved to a renamed
    # source, and how many reliabilities no speaker holds since this analysis.
    renamed_sources: list[tuple[str, str]] = field(default_factory=list)
    sources_orphaned: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.removed or self.added)

    def notices(self) -> list[str]:
        """What the reader tells the analyst, once, of the grades this analysis moved or
        left on no claim (the next opening moves nothing, and says nothing)."""
        told = []
        if len(self.renamed_sources) == 1:
            [(old, new)] = self.renamed_sources
            told.append(f"Reliability of {_quoted(old)} now on {_quoted(new)} (same source)")
        elif self.renamed_sources:
            told.append(f"{len(self.renamed_sources)} grades moved to renamed sources: "
                        + ", ".join(f"{_quoted(old)} → {_quoted(new)}"
                                    for old, new in self.renamed_sources[:3])
                        + (", …" if len(self.renamed_sources) > 3 else ""))
        if self.moved:
            grades = "1 claim grade" if self.moved == 1 else f"{self.moved} claim grades"
            told.append(f"New analysis: {grades} moved onto the claim holding its words now")
        if self.orphaned:
            verb = "is" if self.orphaned == 1 else "are"
            told.append(f"New analysis: {_counted(self.orphaned, 'claim grade')} {verb} on "
                        "no claim now (kept, listed in Notes)")
        if self.sources_orphaned:
            # Not "new analysis": an old database's reliability is first found unheld on an
            # opening that analysed nothing.
            verb = "is" if self.sources_orphaned == 1 else "are"
            told.append(f"{_counted(self.sources_orphaned, 'reliability', 'reliabilities')} "
                        f"{verb} given to no source that speaks here now (kept, listed in "
                        "Notes)")
        return told


def _quoted(name: str) -> str:
    """A source's name in a notice: one safe line, in quotation marks."""
    return f"“{clip_line(name, 40)}”"


def _counted(count: int, one: str, many: str | None = None) -> str:
    if not count:
        return ""
    return f"1 {one}" if count == 1 else f"{count} {many or one + 's'}"


def claim_holding(start: int, end: int, claims: list[Claim],
                  speaker: str | None = None) -> Claim | None:
    """The claim that holds the words text[start:end]: of the claims overlapping at least
    half of the shorter of the two spans, one that `speaker` says if there is one, and of
    those the one whose span is closest to the words' (shared characters over the two
    spans' union), then the one sharing most.

    Speaker first: when a sentence's claims change their spans (a claim becoming its
    content), the claim sharing most characters with a grade's words is often another
    speaker's (a preceding claim now running over them), and a credibility the analyst
    gave one speaker's claim must not land on another's (benchmarks/grades_follow.py)."""
    best: Claim | None = None
    best_rank: tuple[bool, float, int] | None = None
    for claim in claims:
        overlap = min(end, claim.end) - max(start, claim.start)
        if overlap <= 0 or 2 * overlap < min(end - start, claim.end - claim.start):
            continue
        union = max(end, claim.end) - min(start, claim.start)
        rank = (speaker is not None and claim.speaker == speaker, overlap / union, overlap)
        if best_rank is None or rank > best_rank:
            best, best_rank = claim, rank
    return best


@dataclass
class _Candidate:
    row: Grade
    span: tuple[int, int]  # the graded words in the current text
    target: str | None = None  # the key of the claim that holds them


def _span(row: Grade, digest: str, text: Callable[[], str]) -> tuple[int, int] | None:
    """Where a claim grade's words are in the current text (hash `digest`): its key's
    offsets, or an orphan's selector; None when its words are gone."""
    parsed = parse_claim_key(row.key)
    if parsed is None:
        return None
    if parsed[1] is not None:
        return parsed[1]
    sel = row.selector
    if row.status in _RETRIED and sel is not None and row.anchored_on == digest \
            and text()[sel.start:sel.end] == sel.exact:
        return sel.start, sel.end
    return None


def _newest_first(candidate: _Candidate) -> tuple[str, bool]:
    """A claim two grades land on keeps the newest (when it was graded; a grade stored
    before grades were dated counts as oldest), else the one already keyed to it."""
    return candidate.row.extra.get("graded") or "", candidate.row.key == candidate.target


def orphan_key(article_id: int, words: str, taken: set[str]) -> str:
    key = orphaned_claim_key(article_id, _tag(words))
    n = 1
    while key in taken:
        n += 1
        key = orphaned_claim_key(article_id, _tag(f"{words}#{n}"))
    return key


def _tag(words: str) -> str:
    return text_hash(words)[:12]


def plan_follow(rows: list[Grade], article_id: int, claims: list[Claim], digest: str,
                text: Callable[[], str],
                earlier: Callable[[], dict[tuple[int, int], str]] = dict) -> GradeMoves:
    """What the claim grades of one article become on its current claims (`claims`, found
    in the text with hash `digest`; `text()` reads that text, only when a grade is orphaned
    or tried again). `earlier()`: the speaker of each claim span of the text's earlier
    analyses, for grades stored before grades kept their claim's speaker."""
    moves = GradeMoves()
    keys = {claim_key(article_id, c): c for c in claims}
    candidates: list[_Candidate] = []
    for row in rows:
        parsed = parse_claim_key(row.key)
        if parsed is None or parsed[0] != article_id or row.text_hash not in (None, digest):
            continue
        if parsed[1] is not None and row.key in keys:
            candidates.append(_Candidate(row, parsed[1], row.key))  # already on its claim
            continue
        span = _span(row, digest, text)
        if span is None:
            continue
        speaker = row.extra.get("speaker") or earlier().get(span)
        claim = claim_holding(*span, claims, speaker)
        target = claim_key(article_id, claim) if claim is not None else None
        candidates.append(_Candidate(row, span, target))
    landing: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        if candidate.target is not None:
            landing.setdefault(candidate.target, []).append(candidate)
    orphans: list[tuple[_Candidate, str]] = []
    for target, here in landing.items():
        here.sort(key=_newest_first, reverse=True)
        winner, *losers = here
        if winner.row.key != target:
            claim = keys[target]
            moves.removed.add(winner.row.key)
            moves.added.append(on_claim_row(winner.row, target, claim.speaker, digest))
            moves.moved += 1
        orphans += [(loser, SUPERSEDED) for loser in losers]
    orphans += [(c, UNCLAIMED) for c in candidates if c.target is None]
    taken = {row.key for row in rows} | {row["key"] for row in moves.added}
    for candidate, why in orphans:
        row = candidate.row
        if row.status == why and parse_claim_key(row.key)[1] is None:
            continue  # already kept as that orphan
        try:
            sel = capture(text(), *candidate.span)
        except ValueError:
            continue  # offsets that were never inside this text: leave the row alone
        key = row.key if row.status in _RETRIED else orphan_key(article_id, sel.exact, taken)
        taken.add(key)
        moves.removed.add(row.key)
        moves.added.append(orphan_row(row, key, why, sel, digest))
        if row.status not in _RETRIED:
            moves.orphaned += 1
    return moves


def _kept(row: Grade) -> dict[str, Any]:
    """What a grade keeps wherever it goes: its value and what it was given besides (when
    it was graded, the speaker of its claim)."""
    return {"value": row.value, **row.extra}


def on_claim_row(row: Grade, key: str, speaker: str | None, digest: str) -> dict[str, Any]:
    """The stored row of grade `row` put on the claim keyed `key` (said by `speaker`) of
    the text with hash `digest`."""
    moved = {**_kept(row), "key": key, "text_hash": digest}
    if speaker:
        moved["speaker"] = speaker
    return moved


def orphan_row(row: Grade, key: str, status: str, sel: Selector, digest: str
               ) -> dict[str, Any]:
    """The stored row of grade `row` kept as an orphan (`status`: why no claim shows it)
    under `key`, with the words `sel` it was on in the text with hash `digest`."""
    return {**_kept(row), "key": key, "status": status, "text_hash": digest,
            "selector": sel.to_dict(), "anchored_on": digest}


def follow_claims(store: Store, article_id: int, digest: str,
                  claims: list[Claim]) -> GradeMoves:
    """Re-key the article's claim grades onto `claims`, the analysis of the text with hash
    `digest`, in one write (a kill -9 leaves every grade under its old key or its new
    one). Nothing is done when that text is not the article's current one: its grades are
    re-anchored onto the current text first (revisions.reanchor)."""
    with store.transaction():
        article = store.article(article_id)
        if article is None or article.hash != digest:
            return GradeMoves()
        moves = plan_follow(store.grade_rows(article_id), article_id, claims, digest,
                            lambda: article.text, cache(lambda: _speakers(store, digest)))
        store.replace_rows("grades", moves.removed, moves.added)
    return moves


def _speakers(store: Store, digest: str) -> dict[tuple[int, int], str]:
    """The speaker of each claim span in the stored analyses of a text (an earlier version
    of the rules or another pipeline; the newest says last): the claim a grade stored
    without its speaker was given on is there, at the grade's offsets, as a rule."""
    found: dict[tuple[int, int], str] = {}
    for result in store.analyses_for_hash(digest):
        for claim in result.get("claims") or []:
            if isinstance(claim, dict) and claim.get("speaker"):
                found[(claim.get("start"), claim.get("end"))] = str(claim["speaker"])
    return found


def follow_grades(store: Store, article_id: int, digest: str, analysis: Analysis,
                  library: Library | None = None) -> GradeMoves:
    """Put the article's grades on `analysis` (of the text with hash `digest`): its claim
    grades on its claims, then the reliabilities of sources it names otherwise on their
    new names (source_grades.py), each in one write. Returns what the claim grades did,
    and the reliabilities left to no speaker. `library`: the rest of the library read
    once for many articles (an export; source_grades.Library)."""
    moves = follow_claims(store, article_id, digest, analysis.claims)
    sources = follow_sources(store, article_id, digest, analysis, library)
    moves.orphaned_sources = sources.orphans
    moves.renamed_sources, moves.sources_orphaned = sources.renamed, sources.newly_orphaned
    return moves


def orphaned_grades(store: Store, article_id: int, analysis: Analysis | None = None,
                    followed: GradeMoves | None = None) -> list[Grade]:
    """The article's claim grades that no claim holds now: those whose words are still in
    the text, then those whose words a new version took away; then, given the analysis
    shown, the reliabilities of this article's sources that no speaker holds now (those
    `followed` lists when follow_grades has just put the grades on that analysis: working
    them out again would ask every other article who speaks in it once more)."""
    rows = [r for r in store.grade_rows(article_id) if r.status in (*_RETRIED, ORPHANED)]
    rows.sort(key=lambda r: (r.status == ORPHANED, r.selector.start if r.selector else 0))
    if followed is not None:
        return rows + followed.orphaned_sources
    if analysis is None:
        return rows
    article = store.article(article_id)
    digest = article.hash if article is not None else ""
    return rows + orphaned_sources(store, article_id, digest, analysis)
