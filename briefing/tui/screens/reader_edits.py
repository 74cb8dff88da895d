"""The reader's annotation editing: highlights, colours, notes, tags, delete/undo, re-attach.

A mixin of ReaderScreen (reader.py) that uses only its `session` (briefing/reading.py),
its `view` (the cursor and selection) and `_apply`: each key asks the session for an
optimistic edit and hands it to `_apply`, which shows it at once and has the store thread
write it; a write that fails is taken back off the screen with a one-line "Not saved: …".
"""

from __future__ import annotations

from briefing.grades import grade_named, orphan_grade_why, source_key
from briefing.model import ArticleNote, Grade, Highlight
from briefing.reading import Edit, clean_tags
from briefing.sanitize import clip_line
from briefing.tui.screens import dialogs
from briefing.tui.widgets.panes import NotesPane
from briefing.tui.widgets.status import StatusLine


def _telling(edit: Edit, said: str) -> Edit:
    """`edit`, told as `said` once its write is saved (refused: 'Not re-attached: why')."""
    edit.said, edit.refused = said, "Not re-attached"
    return edit


class AnnotationEditing:
    def action_highlight(self) -> Highlight | None:
        if self.session.read_only:
            self.notify(f"Read-only: {self.session.read_only}", severity="warning")
            return None
        if self.session.article_id is None:  # not opened (or not stored) yet
            return None
        span = self.session.target_span(self.view.selected_span, self.view.cursor_offset)
        if span is None:
            self.notify("Nothing to highlight here.", markup=False)
            return None
        highlight, edit = self.session.add_highlight(*span, self.session.colour)
        # The cursor goes to the highlight's start, inside it, so that `a`, `t`, `d` or a
        # colour key pressed next acts on it (the end of a selection is just past it).
        self.view.collapse_selection(span[0])
        self._apply(edit)
        return highlight

    def action_colour(self, colour: int) -> None:
        self.session.colour = colour
        under = self.session.highlight_at(self.view.cursor_offset)
        if under is not None:
            self._apply(self.session.recolour(under, colour))
        self.query_one(StatusLine).show_colour(colour)

    def action_note(self) -> None:
        target = self.session.highlight_at(self.view.cursor_offset) or self.action_highlight()
        if target is None:
            return
        quote = self.session.text[target.start : target.end]

        def saved(note: str | None) -> None:
            if note is None:
                return
            self._apply(self.session.set_note(target, note))

        self.app.push_screen(dialogs().NoteEditor("Note on highlight", target.note, quote), saved)

    def action_article_note(self) -> None:
        self._edit_article_note(None)

    def _edit_article_note(self, existing: ArticleNote | None) -> None:
        def saved(note: str | None) -> None:
            if note is None or (not note.strip() and existing is None):
                return
            if existing is not None:
                self._apply(self.session.edit_article_note(existing, note))
            else:
                self._apply(self.session.add_article_note(note)[1])

        self.app.push_screen(
            dialogs().NoteEditor("Article note", existing.note if existing else ""), saved
        )

    def action_delete(self) -> None:
        """Delete the highlight under the cursor or, in the Notes pane, the chosen item
        (a highlight, an orphan, or an article note after confirmation)."""
        in_notes = isinstance(self.focused, NotesPane)
        item = self.focused.current() if in_notes else None
        if in_notes and item is None and self.focused.items:
            self.notify("Nothing chosen in Notes: ↑/↓ choose an item, then d deletes it.",
                        markup=False)
            return
        if isinstance(item, ArticleNote):
            self._delete_article_note(item)
            return
        if isinstance(item, Grade):
            self._delete_orphaned_grade(item)
            return
        target = item if item is not None else self.session.highlight_at(
            self.view.cursor_offset)
        if target is None or target not in self.session.highlights:
            self.notify("No highlight under the cursor.", markup=False)
            return
        if target.note.strip():
            # A note is work: undo exists, but a stray `d` should not be the only guard.
            def answered(yes: bool | None) -> None:
                if yes and target in self.session.highlights:
                    self._delete_highlight(target)

            note = " ".join(target.note.split())
            note = note if len(note) <= 80 else note[:79] + "…"
            self.app.push_screen(dialogs().Confirm(
                f"Delete this highlight and its note “{note}”? (u undoes)"), answered)
            return
        self._delete_highlight(target)

    def _tell_orphaned_grade(self, grade: Grade) -> None:
        """What a grade listed in Notes is: kept, why no claim shows it, and what to do."""
        where = "a claim by the source" if grade.is_reliability else "the claim"
        self.notify(f"Grade kept, shown on no claim: {orphan_grade_why(grade)}. Put the "
                    f"cursor on {where} and press o to re-attach it; d deletes it.",
                    markup=False)

    def _delete_orphaned_grade(self, grade: Grade) -> None:
        """Delete a grade listed in Notes, after the same question a highlight with a note
        asks (u undoes)."""
        def answered(yes: bool | None) -> None:
            if yes and grade in self.session.orphaned_grades:
                self._apply(self.session.delete_orphaned_grade(grade))

        self.app.push_screen(dialogs().Confirm(
            f"Delete the orphaned {grade_named(self.session.grades, grade)}? (u undoes)"), answered)

    def _reattach_grade(self, grade: Grade) -> None:
        """Put an orphaned grade on the claim of the selection, else the one under the
        cursor (a reliability on that claim's speaker). A claim graded already asks
        first, and its grade is kept as an orphan; a speaker with a reliability refuses."""
        session = self.session
        span = self.view.selected_span
        claim = (session.claim_for_span(*span) if span else None) or \
            session.claim_at(self.view.cursor_offset)
        if claim is None:
            self.notify("Put the cursor on a claim (or select one) to re-attach the grade to.",
                        markup=False)
            return
        if grade.is_reliability:
            speaker = claim.speaker
            there = session.grades.get(source_key(speaker)) if speaker else None
            if not speaker:
                self.notify("That claim has no speaker to give the reliability to.",
                            markup=False)
            elif there:
                self.notify(f"{clip_line(speaker, 40)} has reliability {there} already: r "
                            "grades the speaker anew, d deletes the orphan.", markup=False)
            else:
                self._apply(_telling(session.reattach_source(grade, speaker),
                                     f"Reliability {grade.value} re-attached to "
                                     f"{clip_line(speaker, 40)}."))
            return
        there = session.grades.get(session.claim_grade_key(claim))

        def reattach(yes: bool | None = True) -> None:
            if yes and grade in session.orphaned_grades:
                self._apply(_telling(session.reattach_grade(grade, claim),
                                     "Grade re-attached to the claim."))

        if there is None:
            reattach()
            return
        self.app.push_screen(dialogs().Confirm(
            f"This claim has credibility {there} already. Put the orphaned {grade.value} on "
            f"it instead? The {there} is kept, listed in Notes."), reattach)

    def _delete_highlight(self, target: Highlight) -> None:
        self._apply(self.session.delete_highlight(target))

    def _delete_article_note(self, note: ArticleNote) -> None:
        def answered(yes: bool | None) -> None:
            if yes and note in self.session.notes:
                self._apply(self.session.delete_article_note(note))

        self.app.push_screen(dialogs().Confirm("Delete this article note? (u undoes)"),
                             answered)

    def action_undo(self) -> None:
        edit = self.session.undo()
        if edit is None:
            self.notify("Nothing to undo.", markup=False)
            return
        self._apply(edit)  # says what it undid once its write is saved

    def action_tag(self) -> None:
        target = self.session.highlight_at(self.view.cursor_offset)
        if target is None:
            self.notify("No highlight under the cursor.", markup=False)
            return

        def tagged(value: str | None) -> None:
            if value is None:
                return
            self._apply(self.session.set_tags(target, clean_tags(value)))

        self.app.push_screen(
            dialogs().Prompt("Tags (space separated)", " ".join(target.tags)), tagged
        )

    def action_reattach(self) -> None:
        item = self.query_one(NotesPane).current()
        if isinstance(item, Grade):
            self._reattach_grade(item)
            return
        if not isinstance(item, Highlight) or not item.orphaned:
            self.notify("Choose an orphaned highlight or grade in Notes first.",
                        markup=False)
            return
        span = self.view.selected_span or self.session.sentence_at(self.view.cursor_offset)
        if span is None:
            return
        self._apply(_telling(self.session.reattach(item, *span), "Re-attached."))

    def action_copy(self) -> None:
        target = self.session.highlight_at(self.view.cursor_offset)
        if target is None:
            self.notify("No highlight under the cursor.", markup=False)
            return
        from briefing.export.markdown import indented_text, quote_block

        markdown = quote_block(self.session.text[target.start : target.end])
        if target.note:
            markdown += "\n\n" + indented_text(target.note, "")
        self.app.copy_to_clipboard(markdown)
        self.notify("Highlight copied as Markdown (OSC 52)", markup=False)
