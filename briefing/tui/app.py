"""The Textual application: themes, the database thread, and the two screens."""

from __future__ import annotations

import asyncio
import contextvars
import gc
import os
from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from briefing import config
from briefing.tui.keys import (
    ARTICLE_BINDINGS,
    DESCRIPTIONS,
    LIBRARY_BINDINGS,
    LIBRARY_MOTION_BINDINGS,
    READER_BINDINGS,
)
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.store_service import StoreService
from briefing.tui.themes import VARIABLES, available_themes

DEFAULT_THEME = "briefing-dark"
GC_PAUSE_LIMIT = 2.0  # seconds: garbage collection resumes by then, first paint or not
MONO_THEME = "briefing-mono"


class BriefingApp(App):
    CSS_PATH = "briefing.tcss"
    TITLE = "Briefing"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="force-quit")]

    def __init__(self, db_path: Path, article_id: int | None = None,
                 theme_name: str | None = None, model: str | None = None,
                 document=None, opened=None, early_analysis=None) -> None:
        """`document` (a Document) opens a file's text at once, importing it after;
        `opened` (an opened_files.OpenedFile) does too, and keeps it for the next time.
        `early_analysis`: an AnalysisProcess of that text, started at launch."""
        super().__init__()
        self.early_analysis = early_analysis
        self.opened = opened
        self.document = opened.document if opened is not None else document
        self.db_path = Path(db_path)
        self.initial_article = article_id
        self.model = model
        self.requested_theme = theme_name
        self.service: StoreService | None = None
        self.theme_errors: list[str] = []
        settings = config.load_settings()
        self.keymap_settings = settings.get("keymap", {})
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ui_context: contextvars.Context | None = None
        self._choose_theme()

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notification is plain, sanitised text: messages carry file names, titles
        and errors, any of which may hold markup or escape sequences."""
        from briefing.sanitize import sanitise_line

        super().notify(sanitise_line(str(message)), title=sanitise_line(title),
                       severity=severity, timeout=timeout, markup=False)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLES)

    def _choose_theme(self) -> None:
        # Before mounting: a theme set later would restyle every widget a second time.
        themes, self.theme_errors = available_themes()
        for theme in themes:
            self.register_theme(theme)
        wanted = self.requested_theme or config.load_settings().get("theme") or DEFAULT_THEME
        if os.environ.get("NO_COLOR"):
            wanted = MONO_THEME
        if wanted not in self.available_themes:
            self.theme_errors.append(f"unknown theme {wanted!r}; using {DEFAULT_THEME}")
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        # `self.theme = wanted` would queue a re-parse of all CSS for after start-up (~15 ms
        # of the first paint), yet nothing has been parsed yet: set the value, and what
        # Textual's theme watcher sets besides it, directly.
        self.set_reactive(BriefingApp.theme, wanted)
        theme = self.current_theme
        self.set_class(True, f"-theme-{wanted}", update=False)
        self.set_class(theme.dark, "-dark-mode", update=False)
        self.set_class(not theme.dark, "-light-mode", update=False)
        self.set_class(wanted == MONO_THEME, "-mono", update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def resume_gc(self) -> None:
        """The first frame is on screen: let the garbage collector run again (the command
        line paused it for start-up). What start-up built lives as long as the app, so it is
        frozen: later collections need not walk it, which keeps them short."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def get_default_screen(self) -> Screen:
        """The first screen: the reader (a file, or an article) or the library. Being the
        app's default screen rather than pushed over Textual's blank one saves that screen's
        set-up and a restyle before the first paint."""
        # Called while the app composes, in the app's own task and context: the database
        # thread starts here, so the first screen can use it from its on_mount.
        self._loop = asyncio.get_running_loop()
        self._ui_context = contextvars.copy_context()
        self.service = StoreService(
            self.db_path, self._deliver,
            on_error=lambda message: self.notify(f"Not saved: {message}", severity="error"))
        if self.document is not None:
            remember = self.opened.remember if self.opened is not None else None
            return ReaderScreen(None, document=self.document, on_imported=remember)
        if self.initial_article is not None:
            return ReaderScreen(self.initial_article)
        from briefing.tui.screens.library import LibraryScreen

        return LibraryScreen()

    def on_mount(self) -> None:
        self.set_timer(GC_PAUSE_LIMIT, self.resume_gc)
        if self.keymap_settings:
            self.set_keymap(self.keymap_settings)
        for error in self.theme_errors:
            self.notify(error, severity="warning", markup=False)

    def _deliver(self, callback) -> None:
        """Run `callback` on the UI loop, from the database thread, without waiting."""
        def run() -> None:
            # Answers that arrive after exit() was asked for are dropped: no screen to show.
            if not self._exit:
                callback()

        if self._loop is not None and not self._loop.is_closed():
            # In the app's context (active app, screen stack), as Textual's own callbacks run.
            self._loop.call_soon_threadsafe(run, context=self._ui_context)

    def watch_theme(self, theme: str) -> None:
        self.set_class(theme == MONO_THEME, "-mono")
        # Any theme the analyst picks is remembered (Textual's own, e.g. nord, too); only
        # the monochrome one forced by NO_COLOR is not a choice.
        if self.is_mounted:
            settings = config.load_settings()
            if settings.get("theme") != theme and not os.environ.get("NO_COLOR"):
                settings["theme"] = theme
                config.save_settings(settings)

    def open_article(self, article_id: int, at: int | None = None) -> None:
        """Open an article, with the cursor at offset `at` when given."""
        self.push_screen(ReaderScreen(article_id, jump_to=at))

    def open_search(self) -> None:
        from briefing.tui.screens.finder import SearchScreen

        self.push_screen(SearchScreen())

    def open_actor_index(self) -> None:
        from briefing.tui.screens.finder import ActorIndexScreen

        self.push_screen(ActorIndexScreen())

    def open_library(self) -> None:
        from briefing.tui.screens.library import LibraryScreen

        library = next((s for s in reversed(self.screen_stack[:-1])
                        if isinstance(s, LibraryScreen)), None)
        if isinstance(self.screen, ReaderScreen) and library is not None:
            # Back to the library the reader was reached from, past the search or actor
            # index it was opened from: `L` means the library, not the previous screen.
            while self.screen is not library:
                self.pop_screen()
            library.reload()
        else:
            # A reader opened straight from a file is the first screen, which Textual cannot
            # switch away from: the library goes on top (and the reader stops polling).
            self.push_screen(LibraryScreen())

    def show_help(self, screen: Screen) -> None:
        def rows(bindings: Iterable[Binding]) -> list[tuple[str, str]]:
            out: list[tuple[str, str]] = []
            for b in bindings:
                if b.id and b.id.startswith("colour-"):
                    if b.id == "colour-1":
                        out.append(("1-5", "highlight colour (recolours the one under "
                                           "the cursor)"))
                    continue
                out.append((self._keys_for(b), DESCRIPTIONS.get(b.id or "", b.description)))
            return out

        if isinstance(screen, ReaderScreen):
            sections = [("Reader", rows(READER_BINDINGS)), ("Article motion", rows(
                ARTICLE_BINDINGS) + [("pgup/pgdn", "page"), ("shift+arrows", "select")])]
        else:
            sections = [("Library", rows(LIBRARY_BINDINGS)), ("List motion", rows(
                LIBRARY_MOTION_BINDINGS) + [("pgup/pgdn", "page")])]
        sections.append(("Anywhere", [("ctrl+p", "command palette (themes, every action)"),
                                      ("ctrl+q", "quit")]))
        from briefing.tui.screens.modals import HelpScreen

        self.push_screen(HelpScreen(sections))

    def _keys_for(self, binding: Binding) -> str:
        keys = self.keymap_settings.get(binding.id, binding.key) if binding.id else binding.key
        names = {"question_mark": "?", "slash": "/", "left": "←", "right": "→"}
        return ",".join(names.get(key, key) for key in keys.split(","))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from briefing.tui.screens.library import LibraryScreen

        yield from super().get_system_commands(screen)
        if isinstance(screen, ReaderScreen):
            bindings = READER_BINDINGS
        elif isinstance(screen, LibraryScreen):
            bindings = LIBRARY_BINDINGS
        else:
            bindings = []
        for b in bindings:
            if "(" in b.action:
                continue  # parameterised actions are reached by their keys
            yield SystemCommand(b.description, DESCRIPTIONS.get(b.id or "", b.description),
                                lambda b=b, s=screen: s.run_action(b.action))

    def start_early_analysis(self) -> None:
        """The text of a new file is on screen: start its analysis now, if it did not start
        at launch, rather than once the article is stored (a file opened before is most
        likely analysed already: nothing starts)."""
        if self.early_analysis is not None or self.document is None or (
                self.opened is not None and self.opened.from_cache):
            return
        from briefing.analysis.runner import AnalysisProcess

        doc = self.document
        self.early_analysis = AnalysisProcess(doc.text, doc.title, doc.meta, self.model)

    def claim_early_analysis(self, text: str):
        """The analysis process started at launch, if it is analysing `text` (the reader
        then waits for it rather than start another); None otherwise."""
        early, self.early_analysis = self.early_analysis, None
        if early is not None and early.text != text:
            early.cancel()
            return None
        return early

    def drop_early_analysis(self) -> None:
        """Not needed (the analysis was stored already): stop it."""
        early, self.early_analysis = self.early_analysis, None
        if early is not None:
            early.cancel()

    def on_unmount(self) -> None:
        self.drop_early_analysis()
        if self.service is not None:
            self.service.close()
