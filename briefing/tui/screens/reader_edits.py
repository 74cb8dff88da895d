"""The reader's annotation editing: highlights, colours, notes, tags, delete/undo, re-attach.

A mixin of ReaderScreen (reader.py): each key asks the reading session (briefing/reading.py)
for an optimistic edit, shows it at once, and has the store thread write it; a write that
fails is taken back off the screen with a one-line "Not saved: …".
"""

from __future__ import annotations

from briefing.model import ArticleNote, Highlight
from briefing.reading import Edit, clean_tags
from briefing.tui.screens import dialogs


class AnnotationEditing:
    def _save(self, edit: Edit) -> None:
        """Write an edit the screen already shows; the answer comes back as a message (see
        ReaderScreen._store_answered)."""
        self.app.service.ask(self, "edit", edit.write, context=edit)

    def _edit_failed(self, edit: Edit, message: str) -> None:
        """The write failed: take the edit back off the screen, and say so in one line."""
        edit.revert()
        if self._panes:
            self._refresh_highlights()
            self._refresh_claims()
        self.app.notify(f"Not saved: {message}", severity="error", markup=False)

    def action_highlight(self) -> Highlight | None:
        if self.read_only:
            self.notify(f"Read-only: {self.read_only}", severity="warning")
            return None
        if self.article is None:
            return None
        span = self.session.target_span(self.view.selected_span, self.view.cursor_offset)
        if span is None:
            self.notify("Nothing to highlight here.", markup=False)
            return None
        highlight, edit = self.session.add_highlight(*span, self.colour)
        # The cursor goes to the highlight's start, inside it, so that `a`, `t`, `d` or a
        # colour key pressed next acts on it (the end of a selection is just past it).
        self.view.collapse_selection(span[0])
        self._refresh_highlights()
        self._save(edit)
        return highlight

    def action_colour(self, colour: int) -> None:
        self.colour = colour
        under = self.session.highlight_at(self.view.cursor_offset)
        if under is not None:
            self._save(self.session.recolour(under, colour))
            self._refresh_highlights()
        self.status_line.show_colour(colour)

    def action_note(self) -> None:
        target = self.session.highlight_at(self.view.cursor_offset) or self.action_highlight()
        if target is None:
            return
        quote = self.text[target.start : target.end]

        def saved(note: str | None) -> None:
            if note is None:
                return
            self._save(self.session.set_note(target, note))
            self._refresh_highlights()

        self.app.push_screen(dialogs().NoteEditor("Note on highlight", target.note, quote), saved)

    def action_article_note(self) -> None:
        self._edit_article_note(None)

    def _edit_article_note(self, existing: ArticleNote | None) -> None:
        def saved(note: str | None) -> None:
            if note is None or (not note.strip() and existing is None):
                return
            if existing is not None:
                self._save(self.session.edit_article_note(existing, note))
            else:
                self._save(self.session.add_article_note(note)[1])
            self._refresh_highlights()

        self.app.push_screen(
            dialogs().NoteEditor("Article note", existing.note if existing else ""), saved
        )

    def action_delete(self) -> None:
        """Delete the highlight under the cursor or, in the Notes pane, the chosen item
        (a highlight, an orphan, or an article note after confirmation)."""
        in_notes = self.focused is self.pane("notes")
        item = self.pane("notes").current() if in_notes else None
        if isinstance(item, ArticleNote):
            self._delete_article_note(item)
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

    def _delete_highlight(self, target: Highlight) -> None:
        self._save(self.session.delete_highlight(target))
        self._refresh_highlights()
        self.notify("Highlight deleted (u to undo)", markup=False)

    def _delete_article_note(self, note: ArticleNote) -> None:
        def answered(yes: bool | None) -> None:
            if yes and note in self.session.notes:
                self._save(self.session.delete_article_note(note))
                self._refresh_highlights()

        self.app.push_screen(dialogs().Confirm("Delete this article note?"), answered)

    def action_undo(self) -> None:
        edit = self.session.undo()
        if edit is None:
            self.notify("Nothing to undo.", markup=False)
            return
        self._save(edit)
        self._refresh_highlights()

    def action_tag(self) -> None:
        target = self.session.highlight_at(self.view.cursor_offset)
        if target is None:
            self.notify("No highlight under the cursor.", markup=False)
            return

        def tagged(value: str | None) -> None:
            if value is None:
                return
            self._save(self.session.set_tags(target, clean_tags(value)))
            self._refresh_highlights()

        self.app.push_screen(
            dialogs().Prompt("Tags (space separated)", " ".join(target.tags)), tagged
        )

    def action_reattach(self) -> None:
        item = self.pane("notes").current()
        if not isinstance(item, Highlight) or not item.orphaned:
            self.notify("Choose an orphaned highlight in Notes first.", markup=False)
            return
        span = self.view.selected_span or self.session.sentence_at(self.view.cursor_offset)
        if span is None:
            return
        self._save(self.session.reattach(item, *span))
        self._refresh_highlights()
        self.notify("Re-attached.", markup=False)
