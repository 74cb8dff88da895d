"""The reader's annotation editing: highlights, colours, notes, tags, delete/undo, re-attach.

A mixin of ReaderScreen (reader.py): it works on the screen's in-memory highlights and
notes, updates the panes at once, and writes through the store thread.
"""

from __future__ import annotations

from briefing.sentences import sentence_at
from briefing.tags import tags_in
from briefing.tui.screens import dialogs


class AnnotationEditing:
    def _target_span(self) -> tuple[int, int] | None:
        span = self.view.selected_span
        if span and self.text[span[0] : span[1]].strip():
            # A selection that runs over a space or a line end highlights only the words.
            start, end = span
            while self.text[start].isspace():
                start += 1
            while self.text[end - 1].isspace():
                end -= 1
            return start, end
        return sentence_at(self.sentences, self.view.cursor_offset)

    def _claim_for_span(self, start: int, end: int) -> dict | None:
        for claim in (self.analysis or {}).get("claims", []):
            overlap = min(end, claim["end"]) - max(start, claim["start"])
            if overlap > 0.5 * (end - start):
                return {
                    "kinds": claim["kinds"],
                    "speaker": claim.get("speaker"),
                    "text": claim["text"],
                    "start": claim["start"],
                    "end": claim["end"],
                }
        return None

    def action_highlight(self) -> dict | None:
        if self.read_only:
            self.notify(f"Read-only: {self.read_only}", severity="warning")
            return None
        if self.article is None:
            return None
        span = self._target_span()
        if span is None:
            self.notify("Nothing to highlight here.", markup=False)
            return None
        start, end = span
        record = {
            "id": None,
            "article_id": self.article_id,
            "start": start,
            "end": end,
            "color": self.colour,
            "note": "",
            "tags": [],
            "status": "anchored",
        }
        claim = self._claim_for_span(start, end)
        if claim:
            record["claim"] = claim
        self.highlights.append(record)
        # The cursor goes to the highlight's start, inside it, so that `a`, `t`, `d` or a
        # colour key pressed next acts on it (the end of a selection is just past it).
        self.view.collapse_selection(start)
        self._refresh_highlights()
        extra = {"claim": claim} if claim else {}

        def save(store):
            # The id is set here, on the store thread, not when the answer reaches the UI:
            # a key pressed meanwhile ("h" then "2") queues a job that needs it.
            record["id"] = store.add_annotation(
                self.article_id, start, end, color=record["color"], **extra
            )

        self.app.service.submit(save, failed=self._write_failed(record))
        return record

    def _write_failed(self, record: dict):
        def failed(message: str) -> None:
            if record in self.highlights:
                self.highlights.remove(record)
                self._refresh_highlights()
            self.app.notify(f"Not saved: {message}", severity="error", markup=False)

        return failed

    def action_colour(self, colour: int) -> None:
        self.colour = colour
        under = self._highlight_at(self.view.cursor_offset)
        if under is not None:
            under["color"] = colour
            self._refresh_highlights()
            self.app.service.submit(lambda s: s.update_annotation(under["id"], color=colour))
        self._show_colour()

    def action_note(self) -> None:
        target = self._highlight_at(self.view.cursor_offset) or self.action_highlight()
        if target is None:
            return
        quote = self.text[target["start"] : target["end"]]

        def saved(note: str | None) -> None:
            if note is None:
                return
            target["note"] = note
            target["tags"] = sorted(set(target.get("tags", [])) | set(tags_in(note)))
            self._refresh_highlights()
            tags = target["tags"]
            self.app.service.submit(
                lambda s: s.update_annotation(target["id"], note=note, tags=tags),
                failed=lambda m: self.app.notify(f"Not saved: {m}", severity="error", markup=False),
            )

        self.app.push_screen(
            dialogs().NoteEditor("Note on highlight", target.get("note", ""), quote), saved
        )

    def action_article_note(self) -> None:
        self._edit_article_note(None)

    def _edit_article_note(self, existing: dict | None) -> None:
        def saved(note: str | None) -> None:
            if note is None or (not note.strip() and existing is None):
                return
            if existing is not None:
                existing["note"] = note
                for n in self.notes:
                    if n.get("id") == existing.get("id"):
                        n["note"] = note
                self.app.service.submit(lambda s: s.update_note(existing["id"], note))
            else:
                record = {"id": None, "article_id": self.article_id, "note": note}
                self.notes.append(record)
                def save(store) -> None:
                    record["id"] = store.add_note(self.article_id, note)  # see action_highlight

                self.app.service.submit(save)
            self._refresh_highlights()

        self.app.push_screen(
            dialogs().NoteEditor("Article note", existing["note"] if existing else ""), saved
        )

    def action_delete(self) -> None:
        """Delete the highlight under the cursor or, in the Notes pane, the chosen item
        (a highlight, an orphan, or an article note after confirmation)."""
        in_notes = self.focused is self.pane("notes")
        item = self.pane("notes").current() if in_notes else None
        if item is not None and item.get("_kind") == "article-note":
            self._delete_article_note(item)
            return
        target = item if item is not None else self._highlight_at(self.view.cursor_offset)
        if target is None or target not in self.highlights:
            self.notify("No highlight under the cursor.", markup=False)
            return
        if (target.get("note") or "").strip():
            # A note is work: undo exists, but a stray `d` should not be the only guard.
            def answered(yes: bool | None) -> None:
                if yes and target in self.highlights:
                    self._delete_highlight(target)

            note = " ".join(target["note"].split())
            note = note if len(note) <= 80 else note[:79] + "…"
            self.app.push_screen(dialogs().Confirm(
                f"Delete this highlight and its note “{note}”? (u undoes)"), answered)
            return
        self._delete_highlight(target)

    def _delete_highlight(self, target: dict) -> None:
        self.highlights.remove(target)
        self.undo_stack.append(target)
        self._refresh_highlights()
        def delete(store) -> None:
            deleted = store.delete_annotation(target["id"])
            # What undo needs to put it back whole (selector, created...), without undoing
            # a change made on screen since: keys already on the record are kept.
            for key, value in dict(deleted).items():
                target.setdefault(key, value)

        self.app.service.submit(delete)
        self.notify("Highlight deleted (u to undo)", markup=False)

    def _delete_article_note(self, item: dict) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.notes = [n for n in self.notes if n.get("id") != item.get("id")]
                self._refresh_highlights()
                self.app.service.submit(lambda s: s.delete_note(item["id"]))

        self.app.push_screen(dialogs().Confirm("Delete this article note?"), answered)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.", markup=False)
            return
        record = self.undo_stack.pop()
        self.highlights.append(record)
        self._refresh_highlights()

        def restore(store) -> None:
            fields = {k: v for k, v in record.items() if k != "id"}
            record["id"] = store.restore_annotation(fields)  # see action_highlight

        self.app.service.submit(restore)

    def action_tag(self) -> None:
        target = self._highlight_at(self.view.cursor_offset)
        if target is None:
            self.notify("No highlight under the cursor.", markup=False)
            return

        def tagged(value: str | None) -> None:
            if value is None:
                return
            tags = sorted({t.lstrip("#") for t in value.replace(",", " ").split() if t.strip("#")})
            target["tags"] = tags
            self._refresh_highlights()
            self.app.service.submit(lambda s: s.update_annotation(target["id"], tags=tags))

        self.app.push_screen(
            dialogs().Prompt("Tags (space separated)", " ".join(target.get("tags", []))), tagged
        )

    def action_reattach(self) -> None:
        item = self.pane("notes").current()
        if item is None or item.get("status") != "orphaned":
            self.notify("Choose an orphaned highlight in Notes first.", markup=False)
            return
        span = self.view.selected_span or sentence_at(self.sentences, self.view.cursor_offset)
        if span is None:
            return
        item.update(start=span[0], end=span[1], status="anchored")
        self._refresh_highlights()
        self.app.service.submit(
            lambda s: s.update_annotation(item["id"], start=span[0], end=span[1])
        )
        self.notify("Re-attached.", markup=False)
