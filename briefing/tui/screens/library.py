"""The library: every imported briefing, sortable and filterable."""

from __future__ import annotations

import os

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from briefing.sanitize import sanitise_line
from briefing.tui.keys import LIBRARY_BINDINGS, LIBRARY_MOTION_BINDINGS
from briefing.tui.messages import StoreAnswer, StoreFailure
from briefing.tui.narrow import fit_footer
from briefing.tui.screens.modals import Confirm, Prompt

SORTS = (("imported", True), ("published", True), ("title", False), ("highlights", True))


class ArticleTable(DataTable):
    """The list of briefings, moving with the reader's keys (j/k, g/G, ctrl+d/ctrl+u)."""

    BINDING_GROUP_TITLE = "List motion"
    BINDINGS = LIBRARY_MOTION_BINDINGS

    def action_half_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // 2)
        row = min(max(0, self.cursor_row + direction * rows), max(0, self.row_count - 1))
        self.move_cursor(row=row)


def typed_path(value: str) -> str:
    """A path as typed or dropped into a prompt: `~` expanded, and the quotes a terminal
    adds around a dragged file's name removed."""
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return os.path.expanduser(value)


class LibraryScreen(Screen):
    BINDING_GROUP_TITLE = "Library"
    BINDINGS = LIBRARY_BINDINGS

    def __init__(self) -> None:
        super().__init__(id="library")
        self.rows: list[dict] = []
        self.filter_text = ""
        self.sort_index = 0

    def compose(self) -> ComposeResult:
        yield Static(Text("Briefing — library", style="bold"), id="title")
        yield Input(placeholder="filter (title, source)…", id="filter")
        yield ArticleTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(Text(""), id="status")
        yield Footer()

    def on_mount(self) -> None:
        self._add_columns(self.app.size.width)
        fit_footer(self, self.app.size.width)
        self.query_one("#filter", Input).display = False
        self.query_one(DataTable).focus()
        self.reload()

    def _add_columns(self, width: int) -> None:
        """The title takes what the other columns leave, so nothing is cut at 80 columns."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("Title", width=max(20, width - 52), key="title")
        table.add_column("Source", width=16, key="source")
        table.add_column("Published", width=10, key="published")
        table.add_column("HL", width=3, key="hl")
        table.add_column("Notes", width=5, key="notes")
        table.add_column("✓", width=1, key="analysed")

    def on_resize(self, event) -> None:
        self._add_columns(event.size.width)
        fit_footer(self, event.size.width)
        self._fill_table()

    def reload(self) -> None:
        from briefing.library import library_rows

        self.app.service.ask(self, "rows", library_rows)

    def _failed(self, message: str) -> None:
        self.app.notify(message, severity="error", markup=False)

    @on(StoreFailure)
    def _rows_failed(self, message: StoreFailure) -> None:
        self._failed(message.error)

    @on(StoreAnswer)
    def _show(self, message: StoreAnswer) -> None:
        self.rows = message.result
        self._fill_table()

    def _fill_table(self) -> None:
        table = self.query_one(DataTable)
        key, reverse = SORTS[self.sort_index]
        needle = self.filter_text.casefold()
        shown = [r for r in self.rows if needle in f"{r['title']} {r.get('source') or ''}"
                 .casefold()]
        shown.sort(key=lambda r: (r.get(key) or "") if key != "highlights" else r[key],
                   reverse=reverse)
        current = self._current_id()  # the cursor stays on its article across reloads
        table.clear()
        for row in shown:
            table.add_row(
                Text(sanitise_line(row["title"]), overflow="ellipsis", no_wrap=True),
                Text(sanitise_line(row.get("source") or ""), overflow="ellipsis", no_wrap=True),
                Text((row.get("published") or "")[:10]), Text(str(row["highlights"])),
                Text(str(row["notes"])), Text("✓" if row.get("analysed") else "·"),
                key=str(row["id"]))
        if current is not None and str(current) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current)))
        status = f"{len(shown)} of {len(self.rows)} briefings · sorted by {key}"
        if not self.rows:
            status = "The library is empty: i imports a file, S adds the bundled samples."
        self.query_one("#status", Static).update(Text(status, style="dim"))

    def _current_id(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def action_open(self) -> None:
        article_id = self._current_id()
        if article_id is not None:
            self.app.open_article(article_id)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_import(self) -> None:
        from briefing.library import import_file

        def chosen(path: str | None) -> None:
            if not path:
                return
            self.app.service.submit(
                lambda s: import_file(s, typed_path(path)),
                lambda result: (self.app.notify(
                    ("Already in library: " if result.existing else "Imported: ")
                    + result.title, markup=False), self.reload()),
                lambda m: self.app.notify(m, severity="error", markup=False))

        self.app.push_screen(Prompt("Import a file (.txt, .md, .html)", placeholder="path"),
                             chosen)

    def action_update(self) -> None:
        from briefing.library import update_article

        article_id = self._current_id()
        if article_id is None:
            return
        row = next(r for r in self.rows if r["id"] == article_id)

        def chosen(path: str | None) -> None:
            if not path:
                return
            self.app.service.submit(
                lambda s: update_article(s, article_id, typed_path(path)),
                lambda summary: (self.app.notify(summary.describe(), markup=False),
                                 self.reload()),
                lambda m: self.app.notify(m, severity="error", markup=False))

        self.app.push_screen(Prompt(f"New version of “{row['title']}” (article {article_id}) "
                                    "from file", placeholder="path"), chosen)

    def action_samples(self) -> None:
        from briefing.library import import_samples

        def added(ids: list[int]) -> None:
            self.app.notify(f"Added {len(ids)} sample briefings", markup=False)
            self.reload()

        self.app.service.submit(import_samples, added, self._failed)

    def action_delete(self) -> None:
        article_id = self._current_id()
        if article_id is None:
            return
        row = next(r for r in self.rows if r["id"] == article_id)

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.service.submit(lambda s: s.delete_article(article_id),
                                        lambda _: self.reload(), self._failed)

        self.app.push_screen(Confirm(
            f"Delete “{row['title']}” with its {row['highlights']} highlights and "
            f"{row['notes']} notes? (A backup of the database is kept.)"), answered)

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self._fill_table()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_search(self) -> None:
        self.app.open_search()

    def action_actors(self) -> None:
        self.app.open_actor_index()

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        self._fill_table()

    def action_help(self) -> None:
        self.app.show_help(self)

    def action_quit(self) -> None:
        self.app.exit()
