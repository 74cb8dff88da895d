"""A reading session: one article with the analyst's highlights and notes, its analysis and
grades, and the questions the reader asks of them. No UI: the reader screen shows what this
holds and routes keys to it.

Edits are optimistic: each changes the session at once and returns an `Edit` whose `write`
runs on the database thread and whose `revert` puts the session back when that write fails,
so the screen never shows what was not saved.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from briefing.document import text_hash
from briefing.grades import claim_key, grade_label, grade_named, set_grade, source_key
from briefing.model import Analysis, ArticleNote, Claim, Grade, Highlight
from briefing.sanitize import clip_line
from briefing.sentences import sentence_at, sentence_spans
from briefing.tags import tags_in

if TYPE_CHECKING:
    from briefing.opening import Opened
    from briefing.orphan_grades import Reattached, Written
    from briefing.store import Store

LONGEST_MENTION = 200  # characters: how far before a sentence a mention can start
_CLAIM_REACH = 2000  # characters: no claim is longer, so claim_at stops looking back there

Record = Highlight | ArticleNote
GRADE_LIST_EDIT = "orphaned grade"  # an edit of the grades no claim shows: both lists change


@dataclass
class Edit:
    """One optimistic change. `write(store)` saves it (database thread); `revert()` undoes it
    in the session (UI thread) when the write fails; `saved(result)` takes the write's
    result on the UI thread (a new record's id).

    The reader tells the analyst `said` once the write is saved, never before: a write
    the store refuses is told once, as `refused` and the store's reason, so the analyst
    never reads that something was done and then that it was not."""

    what: str
    write: Callable[[Store], Any]
    revert: Callable[[], None]
    saved: Callable[[Any], None] = field(default=lambda result: None)
    said: str = ""  # 'Highlight deleted (u to undo)', 'Undone: deleting the highlight.'
    refused: str = "Not saved"  # 'Not deleted', 'Not undone'


@dataclass
class UndoStep:
    """One action of the analyst's that u takes back (a deletion, a re-attachment): what
    to say it undid, and what makes the edit that undoes it (when u is pressed)."""

    what: str  # 'deleting the highlight', 're-attaching grade 4'
    edit: Callable[[], Edit]


def signature(records: list[Record]) -> list[tuple]:
    """What a reader shows of highlights or notes, to tell whether another session changed
    them."""
    return sorted(
        (r.id or 0, getattr(r, "start", None), getattr(r, "end", None), r.note,
         getattr(r, "color", None), tuple(getattr(r, "tags", ())), getattr(r, "status", None))
        for r in records
    )


REGRADES_TOLD = 2  # grades another session changed named in one notice; the rest counted


def regraded_notice(changes: list[str]) -> str:
    """One line telling the analyst which of the grades shown another session changed
    (ReadingSession.shown_grade_changes)."""
    if len(changes) == 1:
        return f"Another session changed a grade shown here: {changes[0]}"
    named = changes[:REGRADES_TOLD]
    more = len(changes) - len(named)
    return (f"Another session changed {len(changes)} grades shown here: " + "; ".join(named)
            + (f"; and {more} more" if more else ""))


def settling(future: Future, job: Callable[[Store], Any]) -> Callable[[Store], Any]:
    """A write that runs `job` and settles `future` with its result or its error: what a
    job queued after it (an undo, a colour key right after `h`) reads on the database
    thread."""
    def write(store: Store) -> Any:
        try:
            result = job(store)
        except BaseException as exc:
            future.set_exception(exc)
            raise
        future.set_result(result)
        return result

    return write


def clean_tags(value: str) -> list[str]:
    """Tags typed at the tag prompt: space or comma separated, # optional, each once."""
    return sorted({t.lstrip("#") for t in value.replace(",", " ").split() if t.strip("#")})


class ReadingSession:
    def __init__(self, article_id: int | None, text: str) -> None:
        self.article_id = article_id
        self.text = text
        self.highlights: list[Highlight] = []
        self.notes: list[ArticleNote] = []
        self.analysis: Analysis | None = None
        self.grades: dict[str, str] = {}
        self.orphaned_grades: list[Grade] = []  # this article's claim grades no claim holds
        # reliabilities an analysis moved to a renamed source: key -> name given under
        self.renamed_sources: dict[str, str] = {}
        # Grades given here so far: a read of the store begun before the last one does
        # not hold it yet (the reader reads again).
        self.grade_edits = 0
        self.claim_filter = ""
        self.colour = 1  # of the next highlight
        self.read_only: str | None = None  # why nothing can be saved, when the store failed
        # The analyst's deletions and re-attachments, last one last (u takes it back).
        self.undo_stack: list[UndoStep] = []
        self._sentences: list[tuple[int, int]] | None = None
        self._claim_starts: list[int] = []
        self._mentions: list[tuple[int, int, int]] = []  # (start, end, actor index)
        self._mention_starts: list[int] = []
        # Ids of records whose insert is queued: the jobs queued after it (a colour key
        # pressed right after `h`) read them on the database thread, in order.
        self._pending_ids: dict[Record, Future[int]] = {}

    # -- what the session holds ------------------------------------------------------------
    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text, self._sentences = text, None

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Split on first use, not before the first paint."""
        if self._sentences is None:
            self._sentences = sentence_spans(self.text)
        return self._sentences

    def load(self, opened: Opened) -> None:
        """The article as the store holds it: its id, highlights, notes and grades."""
        self.article_id = opened.article.id
        self.set_annotations(opened.highlights, opened.notes)
        self.set_grades(opened.grades, opened.orphaned_grades, opened.renamed_sources)

    def set_grades(self, grades: dict[str, str], orphaned: list[Grade],
                   renamed: dict[str, str] | None = None) -> None:
        """The grades as the store holds them (after they followed a new analysis's claims,
        claim_grades.follow_claims); `renamed`: grades.renamed_sources."""
        self.grades, self.orphaned_grades = grades, orphaned
        self.renamed_sources = renamed or {}

    def take_grades(self, grades: dict[str, str], renamed: dict[str, str]) -> bool:
        """Take the grades the store holds now that another session changed them (the
        check for other sessions' changes); False (and nothing changed) when they are the
        ones held. The orphans are read again by the reader (they need the analysis)."""
        if grades == self.grades and renamed == self.renamed_sources:
            return False
        self.grades, self.renamed_sources = grades, renamed
        return True

    def shown_grade_changes(self, grades: dict[str, str]) -> list[str]:
        """What differs in `grades` from the grades held, among those the Claims pane
        shows: 'reliability of “Tom” E → D', 'credibility of “…” 4 → -' (none: '-', as
        in a grade's label)."""
        shown: dict[str, str] = {}  # key -> how the analyst knows it, in the pane's order
        for claim in self.shown_claims():
            shown.setdefault(self.claim_grade_key(claim),
                             f"credibility of “{clip_line(claim.text, 60)}”")
            if claim.speaker:
                shown.setdefault(source_key(claim.speaker),
                                 f"reliability of “{clip_line(claim.speaker, 40)}”")
        return [f"{named} {self.grades.get(key) or '-'} → {grades.get(key) or '-'}"
                for key, named in shown.items() if self.grades.get(key) != grades.get(key)]

    def set_annotations(self, highlights: list[Highlight], notes: list[ArticleNote]) -> bool:
        """Take what the store holds; False (and nothing changed) when it shows the same."""
        if signature(highlights) == signature(self.highlights) and \
                signature(notes) == signature(self.notes):
            return False
        self.highlights, self.notes = highlights, notes
        return True

    def set_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self._claim_starts = [c.start for c in analysis.claims]
        self._mentions = sorted((m.start, m.end, i) for i, a in enumerate(analysis.actors)
                                for m in a.mentions)
        self._mention_starts = [m[0] for m in self._mentions]

    def drop_analysis(self) -> None:
        """The text changed: the analysis pointed into the old one."""
        self.analysis, self._claim_starts = None, []
        self._mentions, self._mention_starts = [], []

    @property
    def actors(self) -> list:
        return self.analysis.actors if self.analysis else []

    @property
    def claims(self) -> list[Claim]:
        return self.analysis.claims if self.analysis else []

    # -- questions -------------------------------------------------------------------------
    def highlight_at(self, offset: int) -> Highlight | None:
        """The shortest highlight over `offset` (the inner one of two nested)."""
        found = [h for h in self.highlights if h.covers(offset)]
        return min(found, key=lambda h: h.end - h.start) if found else None

    def claim_at(self, offset: int) -> Claim | None:
        claims = self.claims
        i = bisect.bisect_right(self._claim_starts, offset) - 1
        while i >= 0:
            if claims[i].start <= offset < claims[i].end:
                return claims[i]
            if claims[i].end < offset - _CLAIM_REACH:
                break
            i -= 1
        return None

    def target_span(self, selection: tuple[int, int] | None, cursor: int
                    ) -> tuple[int, int] | None:
        """What `h` highlights: the selection's words (not the spaces or line ends it runs
        over), else the sentence under the cursor."""
        if selection and self.text[selection[0]:selection[1]].strip():
            start, end = selection
            while self.text[start].isspace():
                start += 1
            while self.text[end - 1].isspace():
                end -= 1
            return start, end
        return sentence_at(self.sentences, cursor)

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        return sentence_at(self.sentences, offset)

    def find(self, query: str) -> list[tuple[int, int]]:
        """Where `query` occurs in the text, ignoring case (the reader's search)."""
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        return [m.span() for m in pattern.finditer(self.text)]

    def claim_for_span(self, start: int, end: int) -> Claim | None:
        """The claim a new highlight is made on: the first covering most of it."""
        return next((c for c in self.claims if c.overlap(start, end) > 0.5 * (end - start)),
                    None)

    def actors_near(self, offset: int) -> set[int]:
        """The actors (indexes into the analysis) named in the sentence at `offset`."""
        sentence = sentence_at(self.sentences, offset)
        if not sentence:
            return set()
        # Mentions sorted by start: the sentence's are one bisected slice, so a cursor move
        # costs the same on a 1 MB article as on a short one.
        lo = bisect.bisect_left(self._mention_starts, sentence[0] - LONGEST_MENTION)
        hi = bisect.bisect_left(self._mention_starts, sentence[1])
        return {actor for _, end, actor in self._mentions[lo:hi] if end > sentence[0]}

    def grade_label(self, claim: Claim) -> str | None:
        return grade_label(self.grades, self.article_id, claim)

    def reliability_given_as(self, claim: Claim) -> str | None:
        """The name the analyst gave the claim's speaker's reliability under, when an
        analysis has moved it to the name the source has now."""
        return self.renamed_sources.get(source_key(claim.speaker)) if claim.speaker else None

    def claim_passes(self, claim: Claim) -> bool:
        """The claims filter: words that must all match a kind, the speaker, the grade
        ('B2', or 'B' / '2' alone) or the text."""
        if not self.claim_filter:
            return True
        grade = self.grade_label(claim) or ""
        haystack = " ".join([*claim.kinds, claim.speaker or "", claim.text]).lower()
        for word in self.claim_filter.split():
            if word.upper() == grade or (len(word) == 1 and word.upper() in grade):
                continue
            if word.lower() not in haystack:
                return False
        return True

    def shown_claims(self) -> list[Claim]:
        return [c for c in self.claims if self.claim_passes(c)]

    def notes_items(self) -> list[Record | Grade]:
        """The Notes pane: highlights in text order, then orphans (highlights, then claim
        grades no claim holds), then article notes."""
        anchored = sorted((h for h in self.highlights if not h.orphaned), key=lambda h: h.start)
        return [*anchored, *(h for h in self.highlights if h.orphaned), *self.orphaned_grades,
                *self.notes]

    def claim_grade_key(self, claim: Claim) -> str:
        return claim_key(self.article_id, claim)

    # -- edits -----------------------------------------------------------------------------
    def _id_of(self, record: Record) -> Callable[[], int]:
        """The record's database id, read when the job runs (an insert queued before it has
        run by then; if that failed, so does this job)."""
        if record.id is not None:
            known = record.id
            return lambda: known
        pending = self._pending_ids[record]
        return lambda: pending.result(timeout=0)

    def _inserting(self, record: Record, insert: Callable[[Store], int]
                   ) -> tuple[Callable[[Store], int], Callable[[int], None]]:
        """A write that inserts `record`, and the handler that takes its id on the UI
        thread."""
        pending: Future[int] = Future()
        self._pending_ids[record] = pending
        write = settling(pending, insert)

        def saved(new_id: int) -> None:
            record.id = new_id
            if self._pending_ids.get(record) is pending:
                del self._pending_ids[record]

        return write, saved

    def _follow_replaced_text(self, store: Store, shown: str) -> None:
        """After a write whose offsets are in the text shown (hash `shown`): if another
        session has replaced that text since, move what was written onto the same words in
        the current one (the poll then reopens the article on it)."""
        if self.article_id is None:
            return
        article = store.article(self.article_id)
        if article is not None and article.hash != shown:
            from briefing.library import reanchor

            reanchor(store, article)

    def add_highlight(self, start: int, end: int, colour: int) -> tuple[Highlight, Edit]:
        claim = self.claim_for_span(start, end)
        highlight = Highlight(None, self.article_id, start, end, color=colour, claim=claim)
        self.highlights.append(highlight)
        extra = {"claim": claim.reference()} if claim else {}
        shown = text_hash(self.text)  # what the offsets are in; the store may have newer

        def insert(store: Store) -> int:
            new_id = store.add_annotation(self.article_id, start, end, on_text=shown,
                                          color=colour, **extra)
            self._follow_replaced_text(store, shown)
            return new_id

        write, saved = self._inserting(highlight, insert)

        def revert() -> None:
            if highlight in self.highlights:
                self.highlights.remove(highlight)

        return highlight, Edit("highlight", write, revert, saved)

    def _update(self, what: str, highlight: Highlight, **fields: Any) -> Edit:
        """Change fields of a highlight on screen and in the store. New offsets are in the
        text shown, which another session may have replaced since: they are saved on it and
        followed into the current text, as a new highlight's are."""
        before = {name: getattr(highlight, name) for name in fields}
        for name, value in fields.items():
            setattr(highlight, name, value)
        stored_id = self._id_of(highlight)
        # The store sets the status itself when it is given new offsets.
        store_fields = {k: v for k, v in fields.items() if k != "status"}
        shown = text_hash(self.text) if "start" in fields else None

        def write(store: Store) -> None:
            store.update_annotation(stored_id(), on_text=shown, **store_fields)
            if shown is not None:
                self._follow_replaced_text(store, shown)

        def revert() -> None:
            for name, value in before.items():
                setattr(highlight, name, value)

        return Edit(what, write, revert)

    def recolour(self, highlight: Highlight, colour: int) -> Edit:
        return self._update("colour", highlight, color=colour)

    def set_note(self, highlight: Highlight, note: str) -> Edit:
        """The note, and the #tags written in it added to the highlight's tags."""
        tags = sorted(set(highlight.tags) | set(tags_in(note)))
        return self._update("note", highlight, note=note, tags=tags)

    def set_tags(self, highlight: Highlight, tags: list[str]) -> Edit:
        return self._update("tags", highlight, tags=tags)

    def reattach(self, highlight: Highlight, start: int, end: int) -> Edit:
        """Put an orphan on text[start:end] of the text shown."""
        return self._update("re-attach", highlight, start=start, end=end, status="anchored")

    def delete_highlight(self, highlight: Highlight) -> Edit:
        """Delete it; undo() puts it back."""
        index = self.highlights.index(highlight)
        self.highlights.remove(highlight)
        deleted: Future[Highlight] = Future()  # as stored, for undo to put back whole
        entry = UndoStep("deleting the highlight",
                         lambda: self._undo_highlight_deletion(highlight, deleted))
        self.undo_stack.append(entry)
        stored_id = self._id_of(highlight)

        def revert() -> None:
            if entry in self.undo_stack:
                self.undo_stack.remove(entry)
            self.highlights.insert(min(index, len(self.highlights)), highlight)

        return Edit("delete", settling(
            deleted, lambda store: store.delete_annotation(stored_id())), revert,
            said="Highlight deleted (u to undo)", refused="Not deleted")

    def undo(self) -> Edit | None:
        """Take back the analyst's last deletion or re-attachment, whichever it was (its
        `said` tells which); None when there is nothing to undo. Should its write fail,
        it is the last one to undo again."""
        if not self.undo_stack:
            return None
        step = self.undo_stack.pop()
        edit = step.edit()
        revert = edit.revert

        def put_back() -> None:
            revert()
            self.undo_stack.append(step)

        return replace(edit, revert=put_back, said=f"Undone: {step.what}.",
                       refused=f"Not undone ({step.what})")

    def _undo_highlight_deletion(self, highlight: Highlight, deleted: Future) -> Edit:
        self.highlights.append(highlight)
        highlight.id = None

        def record(store: Store) -> int:
            # What was stored (selector, created...) under what the session changed since.
            stored = deleted.result(timeout=0)
            return store.restore_annotation(
                Highlight.from_dict({**stored.to_dict(), **highlight.to_dict()}))

        write, saved = self._inserting(highlight, record)

        def revert() -> None:
            if highlight in self.highlights:
                self.highlights.remove(highlight)

        return Edit("undo", write, revert, saved)

    # -- grades no claim shows (the Notes pane's orphans): delete, undo, re-attach ---------
    def _take_orphan(self, row: Grade) -> Callable[[], None]:
        """Take `row` off the orphans shown; returns what puts it back."""
        index = self.orphaned_grades.index(row)
        self.orphaned_grades.remove(row)
        self.grades.pop(row.key, None)
        self.grade_edits += 1

        def put_back() -> None:
            if row not in self.orphaned_grades:
                self.orphaned_grades.insert(min(index, len(self.orphaned_grades)), row)
            self.grades[row.key] = row.value

        return put_back

    def _drop_orphan(self, row: Grade) -> None:
        """Take `row` off the orphans shown, if it is there still."""
        if row in self.orphaned_grades:
            self.orphaned_grades.remove(row)
        self.grades.pop(row.key, None)

    def delete_orphaned_grade(self, row: Grade) -> Edit:
        """Delete a grade no claim shows; undo() puts it back."""
        put_back = self._take_orphan(row)
        deleted: Future[Grade] = Future()  # as stored, for undo to put back whole
        entry = UndoStep(f"deleting the {grade_named(self.grades, row)}",
                         lambda: self._undo_grade_deletion(row, deleted))
        self.undo_stack.append(entry)

        def delete(store: Store) -> Grade:
            from briefing.orphan_grades import delete_grade

            return delete_grade(store, row)

        def revert() -> None:
            if entry in self.undo_stack:
                self.undo_stack.remove(entry)
            put_back()

        return Edit(GRADE_LIST_EDIT, settling(deleted, delete), revert,
                    said="Grade deleted (u to undo)", refused="Not deleted")

    def _undo_grade_deletion(self, row: Grade, deleted: Future) -> Edit:
        self.orphaned_grades.append(row)
        self.grades[row.key] = row.value
        self.grade_edits += 1

        def write(store: Store) -> None:
            from briefing.orphan_grades import restore_grade

            restore_grade(store, deleted.result(timeout=0))

        def revert() -> None:
            if row in self.orphaned_grades:
                self.orphaned_grades.remove(row)
            self.grades.pop(row.key, None)

        return Edit(GRADE_LIST_EDIT, write, revert)

    def reattach_grade(self, row: Grade, claim: Claim) -> Edit:
        """Put an orphaned claim grade on `claim`. A grade the claim had is kept as an
        orphan (shown at once; its stored key comes with the write's answer). undo()
        puts both back where they were."""
        from briefing.anchoring import capture
        from briefing.grades import SUPERSEDED

        key = self.claim_grade_key(claim)
        before = self.grades.get(key)
        put_back = self._take_orphan(row)
        self.grades[key] = row.value
        displaced: list[Grade] = []  # shown at once, the stored row once written
        if before is not None:
            displaced.append(Grade("", before,
                                   selector=capture(self.text, claim.start, claim.end),
                                   status=SUPERSEDED,
                                   extra={"speaker": claim.speaker} if claim.speaker else {}))
            # with the other claim grades, before the sources' reliabilities
            at = next((i for i, g in enumerate(self.orphaned_grades) if g.is_reliability),
                      len(self.orphaned_grades))
            self.orphaned_grades.insert(at, displaced[0])
        shown, article_id = text_hash(self.text), self.article_id
        reattached: Future[Reattached] = Future()

        def write(store: Store) -> Reattached:
            from briefing.orphan_grades import reattach_grade

            return reattach_grade(store, row, article_id, claim, shown)

        def take_back() -> None:
            """The session as before the re-attachment."""
            if displaced and displaced[0] in self.orphaned_grades:
                self.orphaned_grades.remove(displaced[0])
            if before is None:
                self.grades.pop(key, None)
            else:
                self.grades[key] = before
            put_back()

        def redo() -> None:
            """The session as the re-attachment left it (its undo's write failed)."""
            self._drop_orphan(row)
            self.grades[key] = row.value
            if displaced:
                self.orphaned_grades.append(displaced[0])

        def saved(result: Reattached) -> None:
            if result.displaced is not None and displaced and \
                    displaced[0] in self.orphaned_grades:
                self.orphaned_grades[self.orphaned_grades.index(displaced[0])] = \
                    result.displaced
                displaced[0] = result.displaced

        def undo() -> Edit:
            take_back()
            self.grade_edits += 1
            return self._undoing_write(lambda: reattached.result(timeout=0).written, redo)

        step = UndoStep(f"re-attaching the {grade_named(self.grades, row)}", undo)
        return self._undoable(GRADE_LIST_EDIT, settling(reattached, write), take_back, saved,
                              step)

    def reattach_source(self, row: Grade, speaker: str) -> Edit:
        """Give an orphaned source reliability to `speaker`; undo() takes it back."""
        put_back = self._take_orphan(row)
        key = source_key(speaker)
        self.grades[key] = row.value
        article_id = self.article_id
        written: Future[Written] = Future()

        def write(store: Store) -> Written:
            from briefing.orphan_grades import rename_source

            return rename_source(store, row, speaker, article_id)

        def take_back() -> None:
            self.grades.pop(key, None)
            put_back()

        def redo() -> None:
            self._drop_orphan(row)
            self.grades[key] = row.value

        def undo() -> Edit:
            take_back()
            self.grade_edits += 1
            return self._undoing_write(lambda: written.result(timeout=0), redo)

        step = UndoStep(f"giving the {grade_named(self.grades, row)} to "
                        f"{clip_line(speaker, 40)}", undo)
        return self._undoable(GRADE_LIST_EDIT, settling(written, write), take_back,
                              lambda result: None, step)

    def _undoable(self, what: str, write: Callable[[Store], Any], revert: Callable[[], None],
                  saved: Callable[[Any], None], step: UndoStep) -> Edit:
        """An edit u can take back (`step`), off the undo stack again if its write fails."""
        self.undo_stack.append(step)

        def reverted() -> None:
            if step in self.undo_stack:
                self.undo_stack.remove(step)
            revert()

        return Edit(what, write, reverted, saved)

    def _undoing_write(self, written: Callable[[], Written], redo: Callable[[], None]
                       ) -> Edit:
        """The edit that takes back a write queued before it (`written()`: what it wrote,
        read on the database thread); `redo` puts the session back if that fails."""
        def write(store: Store) -> None:
            from briefing.orphan_grades import undo_write

            undo_write(store, written())

        return Edit(GRADE_LIST_EDIT, write, redo)

    def add_article_note(self, text: str) -> tuple[ArticleNote, Edit]:
        note = ArticleNote(None, self.article_id, text)
        self.notes.append(note)
        write, saved = self._inserting(note, lambda store: store.add_note(self.article_id, text))

        def revert() -> None:
            if note in self.notes:
                self.notes.remove(note)

        return note, Edit("article note", write, revert, saved)

    def edit_article_note(self, note: ArticleNote, text: str) -> Edit:
        before = note.note
        note.note = text
        stored_id = self._id_of(note)

        def revert() -> None:
            note.note = before

        return Edit("article note", lambda store: store.update_note(stored_id(), text), revert)

    def delete_article_note(self, note: ArticleNote) -> Edit:
        """Delete it; undo() puts it back."""
        index = self.notes.index(note)
        self.notes.remove(note)
        stored_id = self._id_of(note)
        deleted: Future[ArticleNote] = Future()  # as stored, for undo to put back whole
        step = UndoStep("deleting the article note",
                        lambda: self._undo_note_deletion(note, deleted, index))

        def revert() -> None:
            self.notes.insert(min(index, len(self.notes)), note)

        edit = self._undoable("delete note", settling(
            deleted, lambda store: store.delete_note(stored_id())), revert,
            lambda result: None, step)
        edit.said, edit.refused = "Article note deleted (u to undo)", "Not deleted"
        return edit

    def _undo_note_deletion(self, note: ArticleNote, deleted: Future, index: int) -> Edit:
        self.notes.insert(min(index, len(self.notes)), note)  # where it was (restore_note)
        note.id = None

        def record(store: Store) -> int:
            # What was stored (created...) under what the session shows.
            stored = deleted.result(timeout=0)
            return store.restore_note(replace(stored, note=note.note))

        write, saved = self._inserting(note, record)

        def revert() -> None:
            if note in self.notes:
                self.notes.remove(note)

        return Edit("undo", write, revert, saved)

    def delete_grade(self, key: str, named: str) -> Edit:
        """Delete the grade keyed `key` the reader shows (r, its value cleared): a claim's
        credibility or a source's reliability, `named` as the analyst is told ('the
        reliability B of “Tom”'); undo() puts it back as stored."""
        from briefing.orphan_grades import delete_grade, restore_grade

        row = Grade(key, self.grades.pop(key))
        given_as = self.renamed_sources.pop(key, None)
        self.grade_edits += 1
        deleted: Future[Grade] = Future()  # as stored, for undo to put back whole

        def put_back() -> None:
            self.grades[key] = row.value
            if given_as is not None:
                self.renamed_sources[key] = given_as

        def undo() -> Edit:
            # What the screen showed before u (a grade given since: the store refuses).
            shown, shown_as = self.grades.get(key), self.renamed_sources.get(key)
            put_back()
            self.grade_edits += 1

            def as_shown() -> None:  # the undo's write failed
                for held, value in ((self.grades, shown), (self.renamed_sources, shown_as)):
                    if value is None:
                        held.pop(key, None)
                    else:
                        held[key] = value

            return Edit("grade", lambda store: restore_grade(store, deleted.result(timeout=0)),
                        as_shown)

        edit = self._undoable("grade", settling(deleted, lambda store: delete_grade(store, row)),
                              put_back, lambda result: None,
                              UndoStep(f"deleting the {named}", undo))
        edit.said, edit.refused = f"{named[0].upper()}{named[1:]} deleted (u to undo)", \
            "Not deleted"
        return edit

    def set_grade(self, key: str, value: str, speaker: str | None = None) -> Edit:
        """Grade a claim (`speaker`: its speaker's name) or a source (`speaker`: its name
        as shown; the row also keeps this article, see grades.set_grade)."""
        before = self.grades.get(key)
        self.grades[key] = value
        given_as = self.renamed_sources.pop(key, None)  # graded anew: under this name
        self.grade_edits += 1

        def revert() -> None:
            if before is None:
                self.grades.pop(key, None)
            else:
                self.grades[key] = before
            if given_as is not None:
                self.renamed_sources[key] = given_as

        # grades.set_grade: a claim's grade also records its text's hash, so that it
        # follows the claim into the article's next version.
        shown = text_hash(self.text)

        def write(store: Store) -> None:
            set_grade(store, key, value, on_text=shown, speaker=speaker,
                      article_id=self.article_id)
            self._follow_replaced_text(store, shown)

        return Edit("grade", write, revert)
