"""Small modal screens: note editor, confirmation, one-line prompt, help."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea


class Confirm(ModalScreen[bool]):
    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question))
            yield Static(Text("y yes · n no", style="dim"))

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class NoteEditor(ModalScreen[str | None]):
    """ctrl+s saves; escape cancels, asking first when there are unsaved changes."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True),
                Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(self, title: str, note: str = "", quote: str = "") -> None:
        super().__init__()
        self.heading, self.original, self.quote = title, note, quote

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog editor"):
            yield Static(Text(self.heading, style="bold"))
            if self.quote:
                quote = " ".join(self.quote.split())
                quote = quote if len(quote) <= 160 else quote[:159] + "…"
                yield Static(Text(f"“{quote}”", style="italic"), classes="quote")
            yield TextArea(self.original, id="note-text", soft_wrap=True)
            yield Static(Text("ctrl+s save · escape cancel · #tag to tag", style="dim"))

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one("#note-text", TextArea).text)

    def action_cancel(self) -> None:
        if self.query_one("#note-text", TextArea).text == self.original:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm("Discard the changes to this note?"), answered)


class Prompt(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, label: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.label, self.value, self.placeholder = label, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.label, style="bold"))
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        from rich.console import Group
        from rich.table import Table

        parts = []
        for title, rows in self.sections:
            table = Table.grid(padding=(0, 2))
            table.add_column(width=14, style="bold", no_wrap=True)
            table.add_column(ratio=1)
            for keys, description in rows:
                table.add_row(Text(keys), Text(description))
            parts += [Text(title, style="bold underline"), table, Text("")]
        parts.append(Text("escape closes this screen", style="dim"))
        with VerticalScroll(classes="dialog help"):
            yield Static(Group(*parts))

    def action_close(self) -> None:
        self.dismiss(None)
