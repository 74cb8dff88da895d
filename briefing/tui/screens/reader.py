"""The reader: the article on the left; Actors, Claims and Notes on the right."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from briefing.model import Analysis, Article, ArticleNote, Claim
from briefing.reading import Opened, ReadingSession
from briefing.sanitize import sanitise_line
from briefing.tui.keys import READER_BINDINGS
from briefing.tui.messages import (
    AnalysisDone,
    AnalysisError,
    AnalysisProgress,
    StoreAnswer,
    StoreFailure,
)
from briefing.tui.narrow import NARROW_BELOW, fit_footer
from briefing.tui.screens import dialogs
from briefing.tui.screens.reader_claims import ClaimTools
from briefing.tui.screens.reader_edits import AnnotationEditing
from briefing.tui.widgets.article import ArticleView, LayerPalette, Span
from briefing.tui.widgets.panes import ActorsPane, ClaimsPane, NotesPane, Pane
from briefing.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from textual.widgets import Tabs

FIRST_PAINT_DEADLINE = 1.0  # seconds: mount the side panes by then even without a paint
OTHER_SESSIONS_POLL = 2.0  # seconds between checks for another session's changes


PANES = ("actors", "claims", "notes")


class ReaderScreen(AnnotationEditing, ClaimTools, Screen):
    BINDING_GROUP_TITLE = "Reader"
    BINDINGS = READER_BINDINGS

    def __init__(
        self, article_id: int | None, document: Any = None, jump_to: int | None = None,
        on_imported: Callable[[], None] | None = None,
    ) -> None:
        """Open a stored article, or (`document`, a Document) show a file's text at
        once and import it in the background. `jump_to`: an offset to put the cursor at."""
        super().__init__()
        self.article_id = article_id
        self.document = document
        self._on_imported = on_imported  # run on the database thread once it is stored
        self.jump_to_offset = jump_to
        self.article: Article | None = None
        self.session = ReadingSession(article_id, "")
        self.colour = 1  # of the next highlight
        self._polling = False
        self._seen_version: object = None  # the database version the last poll read
        self._poll_asked = 0  # the service's job count when the last poll was asked
        self._panes: dict[str, ActorsPane | ClaimsPane | NotesPane] = {}
        self.read_only: str | None = None  # why nothing can be saved, when the store failed
        self._tabs: Tabs | None = None
        self._early_load: Opened | None = None  # opened before the first paint
        self._poll_timer: Any = None

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # Only what the first frame needs; the side panes and footer follow right after it,
        # so the text paints as fast as a bare TextArea would. Their places are kept empty
        # meanwhile, so the text does not re-wrap or move when they arrive.
        yield Static(Text(""), id="title")
        with Horizontal(id="body"):
            yield ArticleView(id="article")
            yield Vertical(id="side")
        yield StatusLine()
        yield Static(Text(""), id="footer-place")

    async def _mount_rest(self) -> None:
        from textual.widgets import Footer, Tab, Tabs

        self._tabs = Tabs(
            Tab("Actors", id="tab-actors"),
            Tab("Claims", id="tab-claims"),
            Tab("Notes", id="tab-notes"),
            id="side-tabs",
        )
        self._panes = {"actors": ActorsPane(), "claims": ClaimsPane(), "notes": NotesPane()}
        with self.app.batch_update():  # one frame: the footer takes its place's row
            palette = LayerPalette()
            await self.mount(palette)
            self.view.palette = palette
            await self.query_one("#side", Vertical).mount(self._tabs, *self._panes.values())
            await self.mount(Footer(), before="#footer-place")
            await self.query_one("#footer-place").remove()
        # A footer mounted after focus was set must be told about the bindings once.
        self.call_after_refresh(self.refresh_bindings)
        for name in PANES:
            self.pane(name).show_message("Analysing…" if name != "notes" else "Loading…")
        self._apply_width(self.app.size.width)

    @property
    def text(self) -> str:
        return self.session.text

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    def pane(self, name: str) -> Pane:
        return self._panes[name]

    @property
    def analysis(self) -> Analysis | None:
        return self.session.analysis

    def on_mount(self) -> None:
        self.view.focus()
        self.set_class(self.app.size.width < NARROW_BELOW, "narrow")
        if self.document is not None:
            # First paint from the file itself: the side panes, the footer and the database
            # (whose thread would compete for the GIL) wait until the text is on screen.
            self._show_article(Article(None, self.document.title, self.document.text, "",
                                       meta=dict(self.document.meta)))
        else:
            self._ask_to_open(lambda store: self._open(store, self.article_id))
        # In case no paint comes (a screen pushed on top at once): never wait for ever.
        self.set_timer(FIRST_PAINT_DEADLINE, self._after_first_paint)

    @on(ArticleView.Painted)
    async def _after_first_paint(self) -> None:
        if self._panes:
            return
        self.app.resume_gc()
        if self.document is not None:
            self.app.start_early_analysis()
        await self._mount_rest()
        if self.document is not None:
            self._ask_to_open(self._import_and_open)
        elif self._early_load is not None:
            self._opened(self._early_load)

    def on_resize(self, event) -> None:
        if self._panes:
            self._apply_width(event.size.width)
            self.status_line.redraw()

    def _apply_width(self, width: int) -> None:
        self.set_class(width < NARROW_BELOW, "narrow")
        fit_footer(self, width)
        if width < NARROW_BELOW:
            self._show_tab(self._tabs.active or "tab-actors")

    def _show_tab(self, tab_id: str) -> None:
        for name in PANES:
            self.pane(name).set_class(tab_id == f"tab-{name}", "active")

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        self._show_tab(event.tab.id or "tab-actors")

    # -- opening (jobs run on the database thread and answer with a message) --------------
    def _ask_to_open(self, job) -> None:
        self.app.service.ask(self, "open", job)

    def _open(self, store, article_id: int) -> Opened:
        from briefing.reading import open_article

        return open_article(store, article_id, self.app.model)

    def _import_and_open(self, store) -> Opened | dict[str, Any]:
        from briefing.library import import_document

        result = import_document(store, self.document, ask_first=True)
        if result.article_id is None:  # a new version of an article: ask before storing
            earlier = store.require_article(result.earlier_version)
            return {"new_version_of": earlier.id, "earlier_title": earlier.title,
                    "earlier_highlights": len(store.annotations(earlier.id))}
        return self._stored(store, result.article_id)

    def _stored(self, store, article_id: int) -> Opened:
        if self._on_imported is not None:
            self._on_imported()  # remembers the file (not screen state)
        return self._open(store, article_id)

    def _offer_update(self, data: dict[str, Any]) -> None:
        """The file looks like a new version of an article: replace that article's text
        (moving its highlights), or keep both."""
        from briefing.library import import_document, update_article_text

        earlier, count = data["new_version_of"], data["earlier_highlights"]

        def update(store) -> Opened:
            summary = update_article_text(store, earlier, self.document)
            opened = self._stored(store, earlier)
            opened.update = summary
            return opened

        def keep_both(store) -> Opened:
            return self._stored(store, import_document(store, self.document).article_id)

        def answered(yes: bool | None) -> None:
            self._ask_to_open(update if yes else keep_both)

        highlights = f"{count} highlight{'s' if count != 1 else ''}"
        self.app.push_screen(dialogs().Confirm(
            f"This looks like a new version of “{data['earlier_title']}” (article {earlier}, "
            f"{highlights}). Replace its text with this one and move the highlights? Its "
            "old text is kept as a revision; n keeps both as separate articles."), answered)

    @on(StoreAnswer)
    def _store_answered(self, message: StoreAnswer) -> None:
        if message.request == "open":
            self._opened(message.result)
        elif message.request == "poll":
            self._polled(message.result)
        elif message.request == "edit":
            message.context.saved(message.result)
        elif message.request == "export":
            self.app.notify(f"Exported to {message.result[0]}", markup=False)

    @on(StoreFailure)
    def _store_failed(self, message: StoreFailure) -> None:
        if message.request == "open":
            self._open_failed(message.error)
        elif message.request == "poll":
            self._polling = False
        elif message.request == "edit":
            self._edit_failed(message.context, message.error)
        else:
            self.app.notify(f"{message.request.capitalize()} failed: {message.error}",
                            severity="error", markup=False)

    def _opened(self, data: Opened | dict[str, Any]) -> None:
        if isinstance(data, dict):
            self._offer_update(data)
            return
        if self.text != data.article.text:
            self._show_new_text(data.article)
        if not self._panes:  # the rest follows the first paint of the text
            self._early_load = data
            return
        self._early_load = None
        self.article = data.article
        self.article_id = self.session.article_id = data.article.id
        self.session.set_annotations(data.highlights, data.notes)
        self.session.grades = data.grades
        self._refresh_highlights()
        if self.jump_to_offset is not None and 0 <= self.jump_to_offset <= len(self.text):
            self.view.jump_to(self.jump_to_offset)
            self.jump_to_offset = None
        update = data.update
        if update is not None:
            self.app.notify(f"Article {update.article_id} updated to this version: highlights "
                            f"{update.counts()} (see Notes)", timeout=8)
        summary = data.reanchored
        if summary.changed:
            self.app.notify(f"Text changed: highlights {summary.counts()}", markup=False)
        if self._poll_timer is None:
            self._poll_timer = self.set_interval(OTHER_SESSIONS_POLL, self._poll_other_sessions)
        if data.analysis:
            self.app.drop_early_analysis()
            self._apply_analysis(data.analysis)
        else:
            self._status(Text("Analysing… starting spaCy", style="italic"))
            self._analyse()

    # -- other sessions (a second SSH login, a browser tab) on the same database ------------
    def _poll_other_sessions(self) -> None:
        if self.article_id is None or self._polling or not self.is_current:
            return
        self._polling = True
        article_id, seen = self.article_id, self._seen_version

        def read(store):
            version = store.version()  # a stat of the file: cheap when nothing changed
            if version == seen:
                return None
            article = store.article(article_id)  # None: deleted by another session
            return (version, store.annotations(article_id), store.notes(article_id),
                    article.hash if article else None)

        # Queued behind this session's own writes, so it never undoes one in flight; a job
        # submitted after it (an edit) makes its answer older than the screen (see _polled).
        self.app.service.ask(self, "poll", read)
        self._poll_asked = self.app.service.submitted

    def _polled(self, result) -> None:
        self._polling = False
        if result is None or self.app.service.submitted != self._poll_asked:
            # Nothing new; or this session wrote after the read (its screen already shows
            # that): the read is older than the screen, so the next poll reads again.
            return
        self._seen_version, highlights, notes, digest = result
        if digest and self.article is not None and digest != self.article.hash:
            # A new version of the text (from the library's U, or another session):
            # everything shown points into the old one, so load it all again.
            self._ask_to_open(lambda store: self._open(store, self.article_id))
            return
        if self.session.set_annotations(highlights, notes):
            self._refresh_highlights()

    def _show_article(self, article: Article) -> None:
        self.session.set_text(article.text)
        title = Text(sanitise_line(article.title), style="bold")
        meta = " · ".join(
            sanitise_line(str(article.meta[k])) for k in ("source", "published")
            if article.meta.get(k)
        )
        if meta:
            title.append(f"  {meta}", style="dim")
        self.query_one("#title", Static).update(title)
        self.view.set_text(self.text)

    def _show_new_text(self, article: Article) -> None:
        """Show the article's text; when it replaces another text, the cursor stays on the
        same words and what pointed into the old text (analysis, walks) is dropped."""
        from briefing.revisions import follow_offset

        old, cursor = self.text, self.view.cursor_offset if self.text else 0
        self._show_article(article)
        if not old:
            return
        if self.analysis is not None:
            self.session.drop_analysis()
            for layer in ("actors", "claims", "focus", "search"):
                self.view.set_layer(layer, [])
            for name in ("actors", "claims"):
                self.pane(name).show_message("Analysing…")
        self._start_walk("", [], 0)
        self.view.jump_to(follow_offset(old, self.text, cursor))

    def _failed(self, message: str) -> None:
        self.app.notify(message, severity="error", markup=False)

    def _open_failed(self, message: str) -> None:
        """No database (unreadable, or another error): the file's text can still be read and
        analysed, but nothing can be saved — and the status line says so until the end."""
        self.read_only = message
        self.status_line.read_only = True
        self._status(Text(message, style="bold"))
        self._failed(message)
        if self.document is not None:
            self._analyse()

    @property
    def status_line(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    def _status(self, text: Text, short: Text | None = None) -> None:
        """`short`: what to say instead when `text` does not fit (80 columns)."""
        self.status_line.say(text, short)

    # -- analysis (in another process; this worker thread only waits and relays) ----------
    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(self) -> None:
        from briefing.analysis.cache import AnalysisFailed, analyse_in_child

        worker = get_current_worker()
        source = self.article or Article(None, self.document.title, self.text, "",
                                         meta=dict(self.document.meta))
        early = self.app.claim_early_analysis(self.text)  # started at launch, if any
        try:
            result = analyse_in_child(
                source, self.app.model, process=early, cancelled=lambda: worker.is_cancelled,
                progress=lambda done, total: self.post_message(AnalysisProgress(done, total)))
        except AnalysisFailed as exc:
            self.post_message(AnalysisError(str(exc)))
            return
        if result is not None:
            self.post_message(AnalysisDone(result))

    @on(AnalysisProgress)
    def _progress(self, message: AnalysisProgress) -> None:
        label = ("loading spaCy" if message.total == 0
                 else f"{message.done}/{message.total} paragraphs")
        self._status(Text(f"Analysing… {label}", style="italic"))

    @on(AnalysisDone)
    def _analysed(self, message: AnalysisDone) -> None:
        if self.article is not None and not self.read_only:
            from briefing.analysis.cache import save_analysis

            text_hash, model, result = self.article.hash, self.app.model, message.result
            self.app.service.submit(lambda store: save_analysis(store, text_hash, model, result))
        self._apply_analysis(Analysis.from_dict(message.result))

    @on(AnalysisError)
    def _analysis_failed(self, message: AnalysisError) -> None:
        self._status(Text(message.error, style="bold"))
        for name in ("actors", "claims"):
            self.pane(name).show_message(message.error)

    def _apply_analysis(self, result: Analysis) -> None:
        self.session.set_analysis(result)
        actors, claims = result.actors, result.claims
        self.view.show_analysis(result)
        self._refresh_actors()
        self._refresh_claims()
        flags = result.flags
        counts = Text(f"{len(actors)} actors · {len(claims)} claims", style="dim")
        if flags:
            notes = "date note" if len(flags) == 1 else "date notes"
            counts.append(f" · ⚑ {len(flags)} {notes}", style="bold")
        status = Text.assemble((f"{result.model} · ", "dim"), counts)
        if flags:
            status.append(" (see Claims)", style="bold")
        self._status(status, short=counts)

    # -- panes: each draws itself from the session; the screen routes what they say --------
    def _refresh_actors(self) -> None:
        self._panes["actors"].show_actors(self.session.actors)

    def _refresh_claims(self) -> None:
        self._panes["claims"].show_claims(self.session)

    def _refresh_highlights(self) -> None:
        self.view.set_layer(
            "highlights",
            [Span(h.start, h.end, f"article--highlight-{h.color}")
             for h in self.session.highlights if not h.orphaned],
        )
        self._panes["notes"].show_notes(self.session)

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        if not self.text or not self._panes:
            return
        offset = message.offset
        claim = self.session.claim_at(offset)
        if claim is not None:
            self.pane("claims").select_item(claim)
        self._panes["actors"].mark(self.session.actors_near(offset))
        under = self.session.highlight_at(offset)
        if under is not None:
            self.pane("notes").select_item(under)

    @on(ActorsPane.Pointed, "#actors")
    def _actor_pointed(self, message: ActorsPane.Pointed) -> None:
        if self.focused is not message.pane:
            return  # moved by cursor sync, not by the analyst: no marks over the text
        mentions = message.item.mentions
        self.view.set_layer("focus", [Span(s, e, "article--focus") for s, e in mentions])

    @on(ActorsPane.Chosen, "#actors")
    def _actor_chosen(self, message: ActorsPane.Chosen) -> None:
        actor = message.item
        if not actor.mentions:
            return
        mentions = [tuple(m) for m in actor.mentions]
        self.view.set_layer("focus", [Span(s, e, "article--focus") for s, e in mentions])
        self._start_walk(actor.name, mentions, 0)

    @on(ClaimsPane.Pointed, "#claims")
    def _claim_pointed(self, message: ClaimsPane.Pointed) -> None:
        claim = message.item
        if self.focused is not message.pane or not isinstance(claim, Claim):
            return  # moved by cursor sync, or a date flag: no marks over the text
        spans = [Span(claim.start, claim.end, "article--focus")]
        spans += [Span(*span, "article--cue") for span in (claim.speaker_span, claim.cue_span)
                  if span]
        self.view.set_layer("focus", spans)

    @on(ClaimsPane.Chosen, "#claims")
    def _claim_chosen(self, message: ClaimsPane.Chosen) -> None:
        self._jump(message.item.start, message.item.end)

    @on(NotesPane.Chosen, "#notes")
    def _note_chosen(self, message: NotesPane.Chosen) -> None:
        item = message.item
        if isinstance(item, ArticleNote):
            self._edit_article_note(item)
        elif item.orphaned:
            self.notify(
                "Orphaned: its words are gone. Select new text and press o to re-attach it.",
                markup=False,
            )
        else:
            self._jump(item.start, item.end)

    def _jump(self, start: int, end: int) -> None:
        self.view.jump_to(start)
        self.view.focus()

    # -- actions ---------------------------------------------------------------------------
    def action_cycle_pane(self, step: int) -> None:
        order = [self.view, *(self.pane(n) for n in PANES)]
        focused = self.focused
        index = next((i for i, w in enumerate(order) if w is focused), 0)
        target = order[(index + step) % len(order)]
        if isinstance(target, Pane) and self.has_class("narrow"):
            self._tabs.active = f"tab-{target.id}"
        target.focus()

    def action_toggle_layer(self, name: str) -> None:
        state = self.view.toggle_layer(name)
        self.notify(f"{name} layer {'on' if state else 'off'}", markup=False)

    def action_search(self) -> None:
        def searched(query: str | None) -> None:
            if not query:
                self.view.set_layer("search", [])
                self._start_walk("", [], 0)
                return
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            matches = [m.span() for m in pattern.finditer(self.text)]
            self.view.set_layer("search", [Span(s, e, "article--search") for s, e in matches])
            if not matches:
                self._start_walk("", [], 0)
                self.notify(f"No match for {query!r}", markup=False)
                return
            cursor = self.view.cursor_offset
            first = next((i for i, m in enumerate(matches) if m[0] >= cursor), 0)
            self._start_walk(f"“{query}”", matches, first)

        self.app.push_screen(dialogs().Prompt("Search", placeholder="text to find"), searched)

    def action_clear_walk(self) -> None:
        """escape (once nothing is selected): the search matches or the actor's mentions
        and their position on the border go."""
        self.view.set_layer("search", [])
        self.view.set_layer("focus", [])
        self._start_walk("", [], 0)

    def action_next_match(self) -> None:
        self.view.step_walk(1)

    def action_previous_match(self) -> None:
        self.view.step_walk(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # n/N appear (in the footer too) only while there is something to walk.
        if action in ("next_match", "previous_match"):
            return bool(self.view.walk)
        return True

    def _start_walk(self, label: str, spans: list[tuple[int, int]], index: int) -> None:
        self.view.start_walk(label, spans, index)
        self.refresh_bindings()

    def action_export(self) -> None:
        from briefing.export import export_articles

        folder, article_id = self.app.settings.export_folder(), self.article_id
        vault = self.app.settings.export_vault
        self.app.service.ask(self, "export", lambda store: export_articles(
            store, [article_id], folder, vault=vault))

    def action_copy(self) -> None:
        target = self.session.highlight_at(self.view.cursor_offset)
        if target is None:
            self.notify("No highlight under the cursor.", markup=False)
            return
        from briefing.export.markdown import indented_text, quote_block

        markdown = quote_block(self.text[target.start : target.end])
        if target.note:
            markdown += "\n\n" + indented_text(target.note, "")
        self.app.copy_to_clipboard(markdown)
        self.notify("Highlight copied as Markdown (OSC 52)", markup=False)

    def action_library(self) -> None:
        self.app.open_library()

    def action_help(self) -> None:
        self.app.show_help(self)

    async def action_quit(self) -> None:
        self.app.exit()
