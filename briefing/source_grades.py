"""A source's reliability follows its speaker when a new analysis renames it.

A reliability (A-F) is keyed by the speaker's name (grades.source_key) and shown on every
claim that speaker says, in every article. A new analysis may name the same source
otherwise: an ANALYSIS_VERSION bump merges "Tom" into "Thomas Brandt", resolves "the
agency" to "European Medicines Agency". The reliability then shows on no claim. Here, for
one article's analysis, a reliability given in this article (or on a claim graded here)
whose name speaks in none of its claims, but that the analysis gives to one speaker under
another name (an actor's alias or the words of its mentions, the words of a claim's
speaker: renamed_speakers counts them as votes; a claim now said by someone else is no
sign, its speaker may have been corrected), is re-keyed to that speaker's name in one
write: moved when the old name speaks in no other article either, copied when it still
does there; the article's claim grades given under the old name take the new one in the
same write. Another article's reliability is left alone (its "Tom" may not be this one's),
but for a row stored before rows kept where they were given: moved on an alias or mention
alone, once its name speaks nowhere. A reliability this article concerns that no speaker
of the library holds is an orphan: listed in the Notes pane and the export, never hidden,
worked out again on every opening (nothing is stored for it, so a later analysis that
names the source again shows it again).

claim_grades.py does the same for claim grades (keyed by offsets).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from briefing.grades import (
    RENAMED_FROM,
    SOURCE_PREFIX,
    SUPERSEDED,
    UNCLAIMED,
    source_key,
    source_name,
    source_name_key,
)
from briefing.model import Analysis, Grade

if TYPE_CHECKING:
    from briefing.store import Store

# Kept on a reliability row no speaker holds: why (its orphan status), so that the reader
# tells the analyst once, when it becomes an orphan, not on every opening.
UNSHOWN = "unshown"


def _renamed_row(row: Grade, target: str, new_name: str) -> dict[str, Any]:
    """The stored row of reliability `row` under the source's new name `new_name`."""
    extra = {k: v for k, v in row.extra.items() if k != UNSHOWN}
    return {"value": row.value, **extra, "key": target, "name": new_name,
            RENAMED_FROM: str(row.extra.get(RENAMED_FROM) or source_name(row))}


def _marked(row: Grade, status: str | None) -> dict[str, Any]:
    """The stored row of reliability `row` marked as listed for `status` (None: shown)."""
    stored = {"value": row.value, **row.extra, "key": row.key}
    stored.pop("renamed_to", None)  # worked out on every opening, never stored
    if status is None:
        stored.pop(UNSHOWN, None)
    else:
        stored[UNSHOWN] = status
    return stored


@dataclass
class SourceMoves:
    """One write to the grades table, and the reliabilities no speaker holds now."""

    removed: set[str] = field(default_factory=set)
    added: list[dict[str, Any]] = field(default_factory=list)
    moved: int = 0  # re-keyed to the name the source has now
    copied: int = 0  # given to the new name too: the old one still speaks elsewhere
    orphans: list[Grade] = field(default_factory=list)  # status: why no claim shows it
    # (name it was given under, name now) of each reliability moved, copied or merged: the
    # reader tells the analyst once (the write is not done again on the next opening).
    renamed: list[tuple[str, str]] = field(default_factory=list)
    newly_orphaned: int = 0  # orphans not listed before this analysis (marked UNSHOWN)

    @property
    def changed(self) -> bool:
        return bool(self.removed or self.added)


class Library:
    """What plan_sources asks of the rest of the library, each read once when first asked:
    the ids of its articles, and who speaks and who is named in each one's stored analysis
    (the newest of its current text). One Library serves one opening, or a whole
    `export --all`: each article asking every other one who speaks would make that
    quadratic in the library (benchmarks/open_grades.py --export). Built before the
    export's writes, which move grades, not analyses."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._homes: frozenset | None = None
        self._homeless: set = set()

    @cached_property
    def article_ids(self) -> set[int]:
        return self._store.article_ids()

    @cached_property
    def _names(self) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
        """(speakers, names): each name key -> the ids of the articles whose analysis has
        it speak; has it speak, or names an actor so (its name or an alias)."""
        analyses = self._store.analyses_by_hash()
        speakers: dict[str, set[int]] = {}
        named: dict[str, set[int]] = {}
        for article in self._store.articles():
            result = analyses.get(article.hash) or {}
            for claim in result.get("claims") or []:
                if isinstance(claim, dict) and claim.get("speaker"):
                    key = source_name_key(str(claim["speaker"]))
                    speakers.setdefault(key, set()).add(article.id)
                    named.setdefault(key, set()).add(article.id)
            for actor in result.get("actors") or []:
                if isinstance(actor, dict):
                    for name in [actor.get("name"), *(actor.get("aliases") or [])]:
                        if name:
                            named.setdefault(source_name_key(str(name)), set()).add(article.id)
        return speakers, named

    def homeless(self, homes: frozenset) -> set:
        """Of the articles reliabilities were given in (`homes`, Store.reliability_homes),
        those that are none: not kept (None), or deleted since. Worked out again only
        when the grades have changed."""
        if homes is not self._homes:
            self._homes = homes
            self._homeless = {home for home in homes if home not in self.article_ids}
        return self._homeless

    def speaks_elsewhere(self, name: str, article_id: int) -> bool:
        """Whether the name key `name` speaks in an article other than `article_id`."""
        ids = self._names[0].get(name, ())
        return len(ids) > 1 or (bool(ids) and article_id not in ids)

    def named_in(self, name: str) -> set[int]:
        """The articles whose analysis has the name key `name` speak or names an actor so."""
        return self._names[1].get(name, set())


def _named(analysis: Analysis) -> set[str]:
    """The name keys the analysis gives a speaker or an actor (its name or an alias)."""
    return {*_speaking(analysis),
            *(source_name_key(n) for a in analysis.actors for n in (a.name, *a.aliases))}


def _speaking(analysis: Analysis) -> dict[str, str]:
    """The speakers of the analysis's claims: name key -> name as shown."""
    return {source_name_key(c.speaker): c.speaker for c in analysis.claims if c.speaker}


def renamed_speakers(analysis: Analysis, text: str) -> dict[str, str]:
    """Each name key the analysis gives a speaker under another name -> that speaker's
    name. Each sign that the name IS that speaker is a vote: an actor with the name among
    its aliases or the words of its mentions; a claim whose speaker's words (`speaker_span`)
    are the name. The name goes to the speaker with most votes, to none on a tie.

    That a claim graded under the name (or said by it in an earlier analysis) is said by
    someone else now is no such sign: the new rules may have corrected its speaker (the
    words were the European Medicines Agency's, not the Medicines Safety Agency's), and a
    reliability the analyst gave one source must not show as another's. Such a
    reliability is listed instead, and o on the claim gives it to its speaker."""
    speaking = _speaking(analysis)
    votes: dict[str, Counter[str]] = {}

    def holds(old: str, new: str | None) -> None:
        if not new or not old:
            return
        old_key, new_key = source_name_key(old), source_name_key(new)
        if old_key and old_key != new_key and new_key in speaking:
            votes.setdefault(old_key, Counter())[speaking[new_key]] += 1

    for actor in analysis.actors:
        names = {*actor.aliases, *(text[m.start:m.end] for m in actor.mentions)}
        for name in {source_name_key(n): n for n in names}.values():
            holds(name, actor.name)
    for claim in analysis.claims:
        if claim.speaker_span and claim.speaker:
            holds(text[claim.speaker_span[0]:claim.speaker_span[1]], claim.speaker)
    chosen: dict[str, str] = {}
    for old_key, counted in votes.items():
        (first, most), *rest = counted.most_common(2)
        if not rest or rest[0][1] < most:
            chosen[old_key] = first
    return chosen


def plan_sources(rows: list[Grade], article_id: int, analysis: Analysis, text: str,
                 claim_rows: list[Grade], library: Library,
                 stored: Callable[[str], Grade | None] | None = None) -> SourceMoves:
    """What the reliabilities (`rows`: every one this article may concern, see
    _concerned) become on this article's analysis (of `text`); `claim_rows`: the
    article's claim grades; `library`: who speaks in the other articles (asked only when
    a reliability speaks nowhere here); `stored(key)`: the reliability keyed so, if any
    (default: among `rows`)."""
    moves = SourceMoves()
    speaking = _speaking(analysis)
    for row in rows:  # listed once, shown again now: listed anew if it goes again
        if UNSHOWN in row.extra and row.key[len(SOURCE_PREFIX):] in speaking:
            moves.removed.add(row.key)
            moves.added.append(_marked(row, None))
    if all(row.key[len(SOURCE_PREFIX):] in speaking for row in rows):
        return moves  # the common case: every reliability's speaker speaks here
    renamed = renamed_speakers(analysis, text)
    graded_under = {source_name_key(str(r.extra["speaker"])) for r in claim_rows
                    if r.extra.get("speaker")}
    # An orphaned claim grade shows its speaker's reliability already ('B2 on "..."').
    with_orphans = {source_name_key(str(r.extra["speaker"])) for r in claim_rows
                    if r.extra.get("speaker") and r.status is not None}
    by_key = {row.key: row for row in rows}
    if stored is None:
        stored = by_key.get
    now_named: dict[str, str] = {}  # name key -> the name its reliability went to here
    for row in rows:
        name = row.key[len(SOURCE_PREFIX):]
        if name in speaking:
            continue  # shown on its speaker's claims
        # Given here, or on a claim graded here: this article may say who it is now. A
        # row that does not say where it was given (stored before rows did), or was given
        # in an article deleted since, is taken on an alias or mention alone, but only
        # once its name speaks nowhere: copied onto another article's namesake ("Tom"
        # here, "Tom Hanks" there) it would be wrong.
        given_in = row.extra.get("article")
        given_here = given_in == article_id or name in graded_under
        homeless = not given_here and given_in not in library.article_ids
        if not given_here and not homeless:
            continue  # another article's
        still_used = library.speaks_elsewhere(name, article_id)
        new_name = renamed.get(name)
        if still_used and not given_here:
            continue
        if new_name is None and homeless:
            if name not in with_orphans:
                # where it is named: this analysis says for this article (the library's
                # stored one may be another pipeline's)
                elsewhere = library.named_in(name) - {article_id}
                _homeless(moves, row, article_id,
                          elsewhere | {article_id} if name in _named(analysis) else elsewhere)
            continue
        if new_name is not None:
            target = source_key(new_name)
            there = by_key[target] if target in by_key else stored(target)
            if there is None:
                added = _renamed_row(row, target, new_name)
                moves.added.append(added)
                moves.renamed.append((source_name(row), new_name))
                by_key[target] = Grade.from_dict(added)
                now_named[name] = new_name
                if still_used:
                    moves.copied += 1
                else:
                    moves.removed.add(row.key)
                    moves.moved += 1
            elif not still_used and there.value == row.value:
                moves.removed.add(row.key)  # the same judgement, kept under the new name
                moves.renamed.append((source_name(row), new_name))
                now_named[name] = new_name
            elif not still_used and name not in with_orphans:
                _orphan(moves, replace(row, status=SUPERSEDED,
                                       extra={**row.extra, "renamed_to": new_name}))
        elif not still_used and name not in with_orphans:
            # no speaker goes by its name now, or two as much
            _orphan(moves, replace(row, status=UNCLAIMED))
    renamed_claims = given_under(claim_rows, now_named)
    moves.removed.update(r["key"] for r in renamed_claims)
    moves.added += renamed_claims
    return moves


def _orphan(moves: SourceMoves, row: Grade, write: bool = False) -> None:
    """List `row` (its status: why no claim shows it); marked the first time, so that the
    analyst is told once (`write`: its row has changed besides)."""
    moves.orphans.append(row)
    if row.extra.get(UNSHOWN) != row.status:
        moves.newly_orphaned += 1
        write = True
    if write:
        moves.removed.add(row.key)
        moves.added.append(_marked(row, row.status))


def _homeless(moves: SourceMoves, row: Grade, article_id: int, named_in: set[int]) -> None:
    """A reliability that says not where it was given (or was given in an article deleted
    since), whose name no speaker holds: listed in the articles whose analysis names it,
    and given to this one when it is the only one (it then lists it like its own); when
    none names it, nothing says where it belongs, and every article lists it (d deletes
    it, o gives it to a speaker): never hidden."""
    if named_in and article_id not in named_in:
        return  # listed where it is named
    attach = named_in == {article_id}
    extra = {**row.extra, "article": article_id} if attach else row.extra
    _orphan(moves, replace(row, status=UNCLAIMED, extra=extra), write=attach)


def given_under(claim_rows: list[Grade], new_names: dict[str, str]) -> list[dict[str, Any]]:
    """The claim grades among `claim_rows` given under a name whose reliability went to
    another (`new_names`: name key -> that name), under the new name: written with the
    reliability, an orphan's label ('B4 on "..."') shows the reliability where it went,
    and a later analysis puts the grade back on the claim of the speaker as named now."""
    renamed = []
    for row in claim_rows:
        new_name = new_names.get(source_name_key(str(row.extra.get("speaker") or "")))
        if new_name:
            renamed.append({**row.to_dict(), "speaker": new_name})
    return renamed


def _concerned(store: Store, article_id: int, analysis: Analysis, claim_rows: list[Grade],
               library: Library) -> list[Grade]:
    """The reliabilities plan_sources may change for this article, read by key rather than
    all of them (linear `export --all`): given here, or stored without where (or given in
    an article deleted since); under the name of a claim grade's speaker; under the name
    of a speaker here (a mark to take off)."""
    rows = {r.key: r for r in store.reliabilities_given_in(article_id)}
    for home in library.homeless(store.reliability_homes()):
        rows.update((r.key, r) for r in store.reliabilities_given_in(home))
    names = {*_speaking(analysis), *(source_name_key(str(r.extra["speaker"]))
                                     for r in claim_rows if r.extra.get("speaker"))}
    for name in names:
        key = SOURCE_PREFIX + name
        row = store.reliability(key) if key not in rows else None
        if row is not None:
            rows[row.key] = row
    return list(rows.values())


def _plan(store: Store, article_id: int, digest: str, analysis: Analysis,
          library: Library | None) -> SourceMoves:
    library = library or Library(store)
    claim_rows = store.grade_rows(article_id)
    rows = _concerned(store, article_id, analysis, claim_rows, library)
    article = store.article(article_id) if rows else None
    if article is None or article.hash != digest:
        return SourceMoves()
    return plan_sources(rows, article_id, analysis, article.text, claim_rows, library,
                        store.reliability)


def follow_sources(store: Store, article_id: int, digest: str, analysis: Analysis,
                   library: Library | None = None) -> SourceMoves:
    """Re-key the reliabilities this article's `analysis` (of the text with hash `digest`)
    names otherwise, in one write (a kill -9 leaves each under its old name or its new
    one); returns what moved and the orphans. Nothing is done when that text is not the
    article's current one. `library`: one read for many articles (an export)."""
    with store.transaction():
        moves = _plan(store, article_id, digest, analysis, library)
        store.replace_rows("grades", moves.removed, moves.added)
    return moves


def orphaned_sources(store: Store, article_id: int, digest: str,
                     analysis: Analysis | None) -> list[Grade]:
    """The reliabilities this article concerns that no speaker holds now (none without an
    analysis: nothing says who speaks)."""
    if analysis is None:
        return []
    return _plan(store, article_id, digest, analysis, None).orphans
