"""The reader: the article on the left; Actors, Claims and Notes on the right.

The screen composes the widgets and routes messages between them, the reading session
(briefing/reading.py) and the database thread. Opening and the check for other sessions'
changes are briefing/opening.py; the analysis worker is tui/analysis_worker.py; the keys
that edit, grade or walk are the mixins in reader_edits.py, reader_claims.py and
reader_walks.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from briefing.model import Actor, Analysis, Article, ArticleNote, Claim, Grade
from briefing.opening import (
    FileOpening,
    NewVersion,
    Opened,
    OtherSessionsPoll,
    OtherSessionsRead,
    open_article,
)
from briefing.reading import GRADE_LIST_EDIT, Edit, ReadingSession, regraded_notice
from briefing.tui.analysis_worker import start_analysis
from briefing.tui.keys import READER_BINDINGS
from briefing.tui.messages import (
    AnalysisDone,
    AnalysisError,
    StoreAnswer,
    StoreFailure,
)
from briefing.tui.narrow import NARROW_BELOW, fit_footer
from briefing.tui.screens import dialogs
from briefing.tui.screens.reader_claims import ClaimTools
from briefing.tui.screens.reader_edits import AnnotationEditing
from briefing.tui.screens.reader_walks import Walking
from briefing.tui.widgets.article import ArticleView, LayerPalette
from briefing.tui.widgets.panes import ActorsPane, ClaimsPane, NotesPane, Pane
from briefing.tui.widgets.side import SidePanes
from briefing.tui.widgets.status import StatusLine, TitleLine

if TYPE_CHECKING:
    from briefing.claim_grades import GradeMoves

FIRST_PAINT_DEADLINE = 1.0  # seconds: mount the side panes by then even without a paint
OTHER_SESSIONS_POLL = 2.0  # seconds between checks for another session's changes


class ReaderScreen(AnnotationEditing, ClaimTools, Walking, Screen):
    BINDING_GROUP_TITLE = "Reader"
    BINDINGS = READER_BINDINGS

    def __init__(
        self, article_id: int | None, document: Any = None, jump_to: int | None = None,
        on_imported: Callable[[], None] | None = None,
    ) -> None:
        """Open a stored article, or (`document`, a Document) show a file's text at
        once and import it in the background. `jump_to`: an offset to put the cursor at.
        `on_imported` runs on the database thread once the file is stored."""
        super().__init__()
        self.article_id = article_id
        self.document = document
        self._on_imported = on_imported
        self.jump_to_offset = jump_to
        self.article: Article | None = None
        self.session = ReadingSession(None, "")  # given the article's id once it is opened
        self.poll = OtherSessionsPoll()
        self.side = SidePanes()
        self._file: FileOpening | None = None
        self._early_load: Opened | None = None  # opened before the first paint
        self._poll_timer: Any = None

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # Only what the first frame needs; the side panes and footer follow right after it.
        yield TitleLine()
        with Horizontal(id="body"):
            yield ArticleView(id="article")
            yield self.side
        yield StatusLine()
        yield Static(Text(""), id="footer-place")

    async def _mount_rest(self) -> None:
        from textual.widgets import Footer

        side = self.side.build()  # first: the panes being there says the rest is mounted
        with self.app.batch_update():  # one frame: the footer takes its place's row
            palette = LayerPalette()
            await self.mount(palette)
            self.view.palette = palette
            await self.side.mount(*side)
            await self.mount(Footer(), before="#footer-place")
            await self.query_one("#footer-place").remove()
        # A footer mounted after focus was set must be told about the bindings once.
        self.call_after_refresh(self.refresh_bindings)
        self.side.analysis_pending("Analysing…")
        self.pane("notes").show_message("Loading…")
        self._apply_width(self.app.size.width)

    @property
    def text(self) -> str:
        return self.session.text

    @property
    def analysis(self) -> Analysis | None:
        return self.session.analysis

    @property
    def read_only(self) -> str | None:
        """Why nothing can be saved, once the store has failed."""
        return self.session.read_only

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def status_line(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    def pane(self, name: str) -> Pane:
        return self.side.panes[name]

    def on_mount(self) -> None:
        self.view.focus()
        self.set_class(self.app.size.width < NARROW_BELOW, "narrow")
        if self.document is not None:
            # First paint from the file itself: the side panes, the footer and the database
            # (whose thread would compete for the GIL) wait until the text is on screen.
            self._file = FileOpening(self.document, self.app.model, self._on_imported)
            self._show_text(self._file.shown())
        else:
            self._ask_to_open(self._open_stored)
        # In case no paint comes (a screen pushed on top at once): never wait for ever.
        self.set_timer(FIRST_PAINT_DEADLINE, self._after_first_paint)

    @on(ArticleView.Painted)
    async def _after_first_paint(self) -> None:
        if self.side.panes:
            return
        self.app.resume_gc()
        if self._file is not None:
            self.app.start_early_analysis()
        await self._mount_rest()
        if self._file is not None:
            self._ask_to_open(self._file.import_and_open)
        elif self._early_load is not None:
            self._opened(self._early_load)

    def on_resize(self, event) -> None:
        if self.side.panes:
            self._apply_width(event.size.width)
            self.status_line.redraw()

    def _apply_width(self, width: int) -> None:
        self.set_class(width < NARROW_BELOW, "narrow")
        fit_footer(self, width)
        self.side.fit(width < NARROW_BELOW)

    # -- the database thread's answers -----------------------------------------------------
    def _ask_to_open(self, job: Callable[[Any], Opened | NewVersion]) -> None:
        self.app.service.ask(self, "open", job)

    def _open_stored(self, store) -> Opened:
        return open_article(store, self.article_id, self.app.model)

    def _apply(self, edit: Edit) -> None:
        """Show an edit the session has made, and have the database thread write it."""
        if edit.what in ("grade", GRADE_LIST_EDIT):
            self._refresh_claims()
        if edit.what != "grade":
            self._refresh_highlights()
        self.app.service.ask(self, "edit", edit.write, context=edit)

    @on(StoreAnswer)
    def _store_answered(self, message: StoreAnswer) -> None:
        if message.request == "open":
            self._opened(message.result)
        elif message.request == "poll":
            read = self.poll.answered(message.result, self.app.service.submitted)
            if read is not None:
                self._other_session_changed(read)
        elif message.request == "edit":
            message.context.saved(message.result)
            if message.context.said:
                self.app.notify(message.context.said, markup=False)
        elif message.request == "grades":
            edits, grades, orphaned, moves, renamed = message.result
            for notice in moves.notices() if moves is not None else ():
                self.app.notify(notice, markup=False)
            if edits != self.session.grade_edits:
                self._read_grades()  # read again behind the grade given meanwhile
            else:
                self.session.set_grades(grades, orphaned, renamed)
                self._refresh_claims()
                self._refresh_highlights()
        elif message.request == "export":
            self.app.notify(f"Exported to {message.result[0]}", markup=False)

    @on(StoreFailure)
    def _store_failed(self, message: StoreFailure) -> None:
        if message.request == "open":
            self._open_failed(message.error)
        elif message.request == "poll":
            self.poll.failed()
        elif message.request == "edit":  # take the edit back off the screen
            message.context.revert()
            if self.side.panes:
                self._refresh_highlights()
                self._refresh_claims()
            self.app.notify(f"{message.context.refused}: {message.error}", severity="error",
                            markup=False)
        else:
            self.app.notify(f"{message.request.capitalize()} failed: {message.error}",
                            severity="error", markup=False)

    def _opened(self, data: Opened | NewVersion) -> None:
        if isinstance(data, NewVersion):  # replace that article's text, or keep both
            def answered(yes: bool | None) -> None:
                file = self._file
                self._ask_to_open(file.replace_and_open(data.earlier_id) if yes
                                  else file.keep_both_and_open)

            self.app.push_screen(dialogs().Confirm(data.question()), answered)
            return
        if self.text != data.article.text:
            self._show_text(data.article)
        if not self.side.panes:  # the rest follows the first paint of the text
            self._early_load = data
            return
        self._early_load = None
        self.article, self.article_id = data.article, data.article.id
        self.session.load(data)
        self._refresh_highlights()
        if self.jump_to_offset is not None and 0 <= self.jump_to_offset <= len(self.text):
            self.view.jump_to(self.jump_to_offset)
            self.jump_to_offset = None
        for notice, seconds in data.notices():
            self.app.notify(notice, timeout=seconds, markup=False)
        if self._poll_timer is None:
            self._poll_timer = self.set_interval(OTHER_SESSIONS_POLL, self._poll_other_sessions)
        if data.analysis:
            self.app.drop_early_analysis()
            self._apply_analysis(data.analysis)
        else:
            self.status_line.say(Text("Analysing… starting spaCy", style="italic"))
            start_analysis(self, self.article)

    def _open_failed(self, message: str) -> None:
        """No database (unreadable, or another error): the file's text can still be read and
        analysed, but nothing can be saved — and the status line says so until the end."""
        self.session.read_only = message
        self.status_line.read_only = True
        self.status_line.say(Text(message, style="bold"))
        self.app.notify(message, severity="error", markup=False)
        if self._file is not None:
            start_analysis(self, self._file.shown())

    def _deleted_elsewhere(self) -> None:
        """Another session deleted the article: said once; nothing more is saved (every
        edit would be refused: no article with that id)."""
        message = "This article was deleted in another session; nothing here is saved now."
        self.session.read_only = "the article was deleted in another session"
        self.status_line.read_only = True
        self.status_line.say(Text(message, style="bold"))
        self.app.notify(message, severity="warning", markup=False)

    # -- other sessions (a second SSH login, a browser tab) on the same database ------------
    def _poll_other_sessions(self) -> None:
        if self.article_id is None or self.poll.busy or not self.is_current:
            return
        self.app.service.ask(self, "poll", self.poll.read(self.article_id))
        self.poll.queued(self.app.service.submitted)

    def _other_session_changed(self, read: OtherSessionsRead) -> None:
        if read.text_hash is None:  # deleted: what it shows stays, to read and copy
            if self.article is not None and not self.session.read_only:
                self._deleted_elsewhere()
            return
        if self.article is not None and read.replaced(self.article.hash):
            self._ask_to_open(self._open_stored)  # a new text: load it all again
            return
        if self.session.set_annotations(read.highlights, read.notes):
            self._refresh_highlights()
        if read.grades is not None:
            self._other_session_regraded(read.grades, read.renamed_sources or {})

    def _other_session_regraded(self, grades: dict[str, str], renamed: dict[str, str]) -> None:
        """Show the grades another session gave or deleted (a later r or d acts on them),
        tell the analyst which of those shown changed, and read the orphans again."""
        changes = self.session.shown_grade_changes(grades)
        if not self.session.take_grades(grades, renamed):
            return
        self._refresh_claims()
        self.pane("notes").show_notes(self.session)
        if changes:
            self.app.notify(regraded_notice(changes), markup=False)
        self._read_grades()

    def _show_text(self, article: Article) -> None:
        """Show the article's text; when it replaces another text, the cursor stays on the
        same words and what pointed into the old text (analysis, walks) is dropped."""
        old = self.text
        self.session.set_text(article.text)
        self.query_one(TitleLine).show(article)
        if not old:
            self.view.set_text(self.text)
            return
        self.view.replace_text(old, self.text)
        self.refresh_bindings()  # n/N went with the walk
        if self.analysis is not None:
            self.session.drop_analysis()
            self.side.analysis_pending("Analysing…")

    # -- analysis (another process; tui/analysis_worker.py relays it) ----------------------
    @on(AnalysisDone)
    def _analysed(self, message: AnalysisDone) -> None:
        analysis = Analysis.from_dict(message.result)
        if self.article is not None and not self.session.read_only:
            from briefing.analysis.cache import save_analysis

            text_hash, model, result = self.article.hash, self.app.model, message.result
            # Saving moves the claim grades onto this analysis's claims: show them there.
            self._read_grades(lambda store: save_analysis(store, text_hash, model, result),
                              analysis)
        self._apply_analysis(analysis)

    def _read_grades(self, first: Callable[[Any], GradeMoves | None] | None = None,
                     analysis: Analysis | None = None) -> None:
        """Have the database thread run `first` (which may move grades), then read the
        grades for the panes (`analysis`: the one shown, default the session's). A grade
        the analyst gives before the answer is written after that read: the answer then
        asks again (see _store_answered)."""
        from briefing.claim_grades import orphaned_grades

        edits, article_id = self.session.grade_edits, self.article_id
        shown = analysis or self.session.analysis

        def read(store) -> tuple[int, dict[str, str], list, Any, dict[str, str]]:
            moves = first(store) if first is not None else None
            return (edits, store.grades(), orphaned_grades(store, article_id, shown, moves),
                    moves, store.renamed_sources())

        self.app.service.ask(self, "grades", read)

    @on(AnalysisError)
    def _analysis_failed(self, message: AnalysisError) -> None:
        self.status_line.say(Text(message.error, style="bold"))
        self.side.analysis_pending(message.error)

    def _apply_analysis(self, result: Analysis) -> None:
        self.session.set_analysis(result)
        self.view.show_analysis(result)
        self.pane("actors").show_actors(self.session.actors)
        self._refresh_claims()
        self.status_line.show_analysis(result)

    # -- panes: each draws itself from the session; the screen routes what they say --------
    def _refresh_claims(self) -> None:
        self.pane("claims").show_claims(self.session)

    def _refresh_highlights(self) -> None:
        self.view.show_highlights(self.session.highlights)
        self.pane("notes").show_notes(self.session)

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        if self.text:
            self.side.follow(self.session, message.offset)

    @on(ActorsPane.Pointed, "#actors")
    @on(ClaimsPane.Pointed, "#claims")
    def _pointed(self, message: ActorsPane.Pointed | ClaimsPane.Pointed) -> None:
        # Not when cursor sync moved the pane, nor on a date flag: no marks over the text.
        if self.focused is message.pane and isinstance(message.item, Actor | Claim):
            self.view.mark_focus(message.item)

    @on(ActorsPane.Chosen, "#actors")
    def _actor_chosen(self, message: ActorsPane.Chosen) -> None:
        actor = message.item
        if actor.mentions:
            self.view.mark_focus(actor)
            self._start_walk(actor.name, [tuple(m) for m in actor.mentions], 0)

    @on(ClaimsPane.Chosen, "#claims")
    def _claim_chosen(self, message: ClaimsPane.Chosen) -> None:
        self._jump(message.item.start)

    @on(NotesPane.Chosen, "#notes")
    def _note_chosen(self, message: NotesPane.Chosen) -> None:
        item = message.item
        if isinstance(item, ArticleNote):
            self._edit_article_note(item)
        elif isinstance(item, Grade):
            self._tell_orphaned_grade(item)
        elif item.orphaned:
            self.notify("Orphaned: its words are gone. Select new text and press o to "
                        "re-attach it.", markup=False)
        else:
            self._jump(item.start)

    def _jump(self, start: int) -> None:
        self.view.jump_to(start)
        self.view.focus()

    # -- actions ---------------------------------------------------------------------------
    def action_cycle_pane(self, step: int) -> None:
        self.side.focus_next(self.view, step, narrow=self.has_class("narrow"))

    def action_export(self) -> None:
        from briefing.export import export_articles

        folder, article_id = self.app.settings.export_folder(), self.article_id
        vault, model = self.app.settings.export_vault, self.app.model
        # The analysis this reader shows (its pipeline's): the grades print where they show.
        self.app.service.ask(self, "export", lambda store: export_articles(
            store, [article_id], folder, vault=vault, model=model))

    def action_library(self) -> None:
        self.app.open_library()

    def action_help(self) -> None:
        self.app.show_help(self)

    async def action_quit(self) -> None:
        self.app.exit()
