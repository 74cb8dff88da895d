"""The library: every imported briefing, sortable and filterable.

Every database job is asked of the store service and answered by a message to this screen
(StoreAnswer / StoreFailure, dropped if the screen has gone). A change shown before it is
saved (read state, a deleted row) is taken back, with one line saying what was not done
and why ("Not saved: …", "Not deleted: …"), when the write fails.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.widgets.data_table import CellDoesNotExist

from briefing.sanitize import sanitise_line
from briefing.tui.keys import LIBRARY_BINDINGS, LIBRARY_MOTION_BINDINGS
from briefing.tui.messages import StoreAnswer, StoreFailure
from briefing.tui.narrow import fit_footer
from briefing.tui.screens.modals import Confirm, Prompt

if TYPE_CHECKING:
    from briefing.model import Feed, LibraryRow
    from briefing.store import Store

SORTS = (("imported", True), ("published", True), ("title", False), ("highlights", True))
# A DataTable measures every cell it is given (~0.3 ms a row): a library of thousands is
# shown a screenful first, and the rest is added a slice per frame, keys answered between.
FIRST_ROWS = 120
ROWS_PER_STEP = 300


class FeedProgress(Message):
    """Posted by the feed refresh worker as pages arrive (workers never touch widgets)."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total


class FeedsRefreshed(Message):
    def __init__(self, reports: list, error: str | None = None) -> None:
        super().__init__()
        self.reports, self.error = reports, error


UNREAD = "● "
# What a failed job's one line begins with (a change shown before it was saved is taken
# back instead, with "Not saved" or "Not deleted").
FAILED = {"rows": "Library not read", "feeds": "Feeds not read", "import": "Not imported",
          "update": "Not updated", "samples": "Samples not imported"}


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


def delete_if_there(store: Store, article_id: int) -> bool:
    """Delete the article (database thread); False when another session deleted it since
    the library listed it: what the analyst asked for is done, and nothing is put back."""
    with store.transaction():
        if store.article(article_id) is None:
            return False
        store.delete_article(article_id)
    return True


def deletion_question(row: LibraryRow) -> str:
    """What deleting an article takes with it (Store.delete_article), and what stays."""
    grades = f" and {_counted(row.grades, 'claim grade')}" if row.grades else ""
    notes = f"{', ' if grades else ' and '}{_counted(row.notes, 'note')}"
    kept = ""
    if row.reliabilities:
        kept = (" The source reliability given in it stays (sources are graded across "
                "articles)." if row.reliabilities == 1 else
                f" The {row.reliabilities} source reliabilities given in it stay (sources "
                "are graded across articles).")
    return (f"Delete “{sanitise_line(row.title)}” with its {_counted(row.highlights, 'highlight')}"
            f"{notes}{grades}?{kept} (A backup of the database is kept.)")


def _counted(count: int, thing: str) -> str:
    return f"{count} {thing}" if count == 1 else f"{count} {thing}s"


class LibraryScreen(Screen):
    BINDING_GROUP_TITLE = "Library"
    BINDINGS = LIBRARY_BINDINGS

    def __init__(self) -> None:
        super().__init__(id="library")
        self.rows: list[LibraryRow] = []
        self.filter_text = ""
        self.sort_index = 0
        self._fill_generation = 0  # a newer fill (filter typed, sort changed) stops an older
        self.feeds: list[Feed] = []
        # None: every article; "unread": unread ones; an int: one feed's articles.
        self.feed_filter: int | str | None = None
        self.refreshing: str | None = None  # the refresh's progress, shown in the status
        self._shown_count = 0

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

    def on_unmount(self) -> None:
        self._fill_generation += 1  # a slice of rows still queued is for a table now gone

    def reload(self) -> None:
        self.app.service.ask(self, "rows", lambda store: store.library_rows())
        self.app.service.ask(self, "feeds", lambda store: store.feeds())

    def _show_feeds(self, feeds: list[Feed]) -> None:
        self.feeds = feeds
        if isinstance(self.feed_filter, int) and self.feed_filter not in {f.id for f in feeds}:
            self.feed_filter = None
            self._fill_table()

    def _failed(self, message: str) -> None:
        self.app.notify(message, severity="error", markup=False)

    @on(StoreAnswer)
    def _answered(self, message: StoreAnswer) -> None:
        request, result = message.request, message.result
        if request == "rows":
            self._show(result)
        elif request == "feeds":
            self._show_feeds(result)
        elif request == "import":
            self.app.notify(("Already in library: " if result.existing else "Imported: ")
                            + result.title, markup=False)
            self.reload()
        elif request == "update":
            self.app.notify(result.describe(), markup=False)
            self.reload()
        elif request == "samples":
            self._samples_added(result)
        elif request == "delete":
            if not result:  # gone before this session's delete ran
                title = sanitise_line(message.context[0].title)
                self.app.notify(f"Already deleted in another session: “{title}”", markup=False)
            self.reload()  # read state and counts as the store has them now

    @on(StoreFailure)
    def _store_failed(self, message: StoreFailure) -> None:
        if message.request == "read":
            self._read_not_saved(message.context, message.error)
        elif message.request == "delete":
            self._delete_refused(message.context, message.error)
        else:
            self._failed(f"{FAILED.get(message.request, 'Failed')}: {message.error}")

    def _show(self, rows: list[LibraryRow]) -> None:
        self.rows = rows
        self._fill_table()

    def _fill_table(self) -> None:
        table = self.query_one(DataTable)
        key, reverse = SORTS[self.sort_index]
        needle = self.filter_text.casefold()
        shown = [r for r in self.rows if needle in f"{r.title} {r.source or ''}".casefold()
                 and self._in_feed_filter(r)]
        shown.sort(key=lambda r: (getattr(r, key) or "") if key != "highlights" else r.highlights,
                   reverse=reverse)
        current = self._current_id()  # the cursor stays on its article across reloads
        table.clear()
        self._fill_generation += 1
        # The first slice reaches the cursor's article, so the cursor can stay on it.
        at = next((i for i, r in enumerate(shown) if r.id == current), -1)
        self._add_rows(shown, 0, max(FIRST_ROWS, at + FIRST_ROWS // 2), self._fill_generation)
        if current is not None and str(current) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current)))
        self._shown_count = len(shown)
        self._fill_status()

    def _fill_status(self) -> None:
        key = SORTS[self.sort_index][0]
        status = f"{self._shown_count} of {len(self.rows)} briefings · sorted by {key}"
        unread = sum(1 for r in self.rows if not r.read)
        status += f" · {unread} unread" if unread else ""
        status += f" · {self._feed_filter_label()}" if self.feed_filter is not None else ""
        if not self.rows:
            status = "The library is empty: i imports a file, S adds the bundled samples."
        status += f" · {self.refreshing}" if self.refreshing else ""
        self.query_one("#status", Static).update(Text(status, style="dim"))

    def _add_rows(self, shown: list[LibraryRow], start: int, count: int,
                  generation: int) -> None:
        if generation != self._fill_generation:  # a newer fill, or the screen has gone
            return
        table = self.query_one(DataTable)
        for row in shown[start:start + count]:
            unread = not row.read
            table.add_row(
                Text(UNREAD * unread + sanitise_line(row.title), overflow="ellipsis",
                     no_wrap=True, style="bold" if unread else ""),
                Text(sanitise_line(row.source or ""), overflow="ellipsis", no_wrap=True),
                Text((row.published or "")[:10]), Text(str(row.highlights)),
                Text(str(row.notes)), Text("✓" if row.analysed else "·"), key=str(row.id))
        if start + count < len(shown):
            self.call_after_refresh(self._add_rows, shown, start + count, ROWS_PER_STEP,
                                    generation)

    def _current_id(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def action_open(self) -> None:
        article_id = self._current_id()
        if article_id is not None:
            self._set_read(article_id, True)  # opened means read
            self.app.open_article(article_id)

    # -- feeds and read state --------------------------------------------------------------
    def _in_feed_filter(self, row: LibraryRow) -> bool:
        if self.feed_filter is None:
            return True
        if self.feed_filter == "unread":
            return not row.read
        return row.feed == self.feed_filter

    def _feed_filter_label(self) -> str:
        if self.feed_filter == "unread":
            return "unread only"
        feed = next((f for f in self.feeds if f.id == self.feed_filter), None)
        return f"feed: {feed.title}" if feed else ""

    def action_feed_filter(self) -> None:
        """Cycle: every article, unread only, then each feed."""
        choices: list[int | str | None] = [None, "unread", *(f.id for f in self.feeds)]
        at = choices.index(self.feed_filter) if self.feed_filter in choices else 0
        self.feed_filter = choices[(at + 1) % len(choices)]
        self._fill_table()

    def action_toggle_read(self) -> None:
        article_id = self._current_id()
        row = self._row(article_id)
        if row is not None:
            self._set_read(article_id, not row.read)

    def _set_read(self, article_id: int, read: bool) -> None:
        row = self._row(article_id)
        if row is None or row.read == read:
            return
        self._show_read(row, read)  # shown at once; the store follows
        self.app.service.ask(self, "read", lambda s: s.update_article(article_id, read=read),
                             context=(article_id, read))

    def _show_read(self, row: LibraryRow, read: bool) -> None:
        row.read = read
        self._refresh_row(row)
        self._fill_status()

    def _row(self, article_id: int | None) -> LibraryRow | None:
        return next((r for r in self.rows if r.id == article_id), None)

    def _read_not_saved(self, context: tuple[int, bool], error: str) -> None:
        article_id, read = context
        row = self._row(article_id)  # the rows may have been read again meanwhile
        if row is not None and row.read == read:  # not changed again since
            self._show_read(row, not read)
        self._failed(f"Not saved: {error}")

    def _refresh_row(self, row: LibraryRow) -> None:
        table = self.query_one(DataTable)
        try:
            table.update_cell(str(row.id), "title", Text(
                UNREAD * (not row.read) + sanitise_line(row.title), overflow="ellipsis",
                no_wrap=True, style="" if row.read else "bold"))
        except CellDoesNotExist:  # the row is not shown (filtered out, or not added yet)
            pass

    def action_refresh_feeds(self) -> None:
        if self.refreshing:
            return
        if not self.feeds:
            self.app.notify("No feeds yet: briefing feed add URL subscribes to one.",
                            markup=False)
            return
        self.refreshing = "refreshing feeds…"
        self._fill_status()
        self._refresh_feeds()

    @work(thread=True, exclusive=True, group="feeds")
    def _refresh_feeds(self) -> None:
        # A thread of its own with its own Store: the store thread stays free for the
        # reader's writes, and the fetches hold no lock (feeds.update_feeds).
        from briefing.feeds import update_feeds
        from briefing.store import Store

        try:
            with Store(self.app.db_path) as store:
                reports = update_feeds(
                    store, progress=lambda done, total, _what: self.post_message(
                        FeedProgress(done, total)))
        except Exception as exc:  # reported on screen; the worker must not crash the app
            self.post_message(FeedsRefreshed([], str(exc) or exc.__class__.__name__))
            return
        self.post_message(FeedsRefreshed(reports))

    def on_feed_progress(self, message: FeedProgress) -> None:
        self.refreshing = (f"refreshing feeds: {message.done}/{message.total} new items "
                           "fetched" if message.total else "refreshing feeds…")
        self._fill_status()

    def on_feeds_refreshed(self, message: FeedsRefreshed) -> None:
        self.refreshing = None
        if message.error is not None:
            self.app.notify(f"Feeds not refreshed: {message.error}", severity="error",
                            markup=False)
        else:
            arrived = sum(len(r.imported) for r in message.reports)
            failures = [line for r in message.reports for line in r.failures]
            text = f"{arrived} new item{'s' * (arrived != 1)} arrived"
            if failures:
                text += f"; {len(failures)} failed: {failures[0]}"
            self.app.notify(text, severity="warning" if failures else "information",
                            markup=False)
        self.reload()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_import(self) -> None:
        from briefing.library import import_file

        def chosen(path: str | None) -> None:
            if path:
                self.app.service.ask(self, "import", lambda s: import_file(s, typed_path(path)))

        self.app.push_screen(Prompt("Import a file (.txt, .md, .html)", placeholder="path"),
                             chosen)

    def action_update(self) -> None:
        from briefing.library import update_article

        row = self._row(self._current_id())
        if row is None:
            return
        article_id = row.id

        def chosen(path: str | None) -> None:
            if path:
                self.app.service.ask(self, "update",
                                     lambda s: update_article(s, article_id, typed_path(path)))

        self.app.push_screen(Prompt(f"New version of “{row.title}” (article {article_id}) "
                                    "from file", placeholder="path"), chosen)

    def action_samples(self) -> None:
        from briefing.library import import_samples

        self.app.service.ask(self, "samples", import_samples)

    def _samples_added(self, results: list) -> None:
        new = sum(1 for result in results if not result.existing)
        self.app.notify(f"Added {new} sample briefing{'s' if new != 1 else ''}"
                        + (f" ({len(results) - new} already here)" if new < len(results)
                           else ""), markup=False)
        self.reload()

    def action_delete(self) -> None:
        row = self._row(self._current_id())
        if row is None:
            return
        article_id = row.id

        def answered(yes: bool | None) -> None:
            shown = self._row(article_id)  # the rows may have been read again meanwhile
            if not yes or shown is None:
                return
            at = self.rows.index(shown)
            self.rows.remove(shown)  # gone at once; put back if the store refuses
            self._fill_table()
            self.app.service.ask(self, "delete", lambda s: delete_if_there(s, article_id),
                                 context=(shown, at))

        self.app.push_screen(Confirm(deletion_question(row)), answered)

    def _delete_refused(self, context: tuple[LibraryRow, int], error: str) -> None:
        row, at = context
        if self._row(row.id) is None:
            self.rows.insert(min(at, len(self.rows)), row)
            self._fill_table()
        self._failed(f"Not deleted: {error}")

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
