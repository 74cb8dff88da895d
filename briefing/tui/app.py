"""The Textual application: themes, the database thread, and the two screens."""

from __future__ import annotations

import asyncio
import contextvars
import gc
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from briefing import config
from briefing.tui.keys import validate_keymap
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.store_service import StoreService
from briefing.tui.themes import VARIABLES, available_themes

if TYPE_CHECKING:
    from briefing.analysis.runner import AnalysisProcess

DEFAULT_THEME = "briefing-dark"
GC_PAUSE_LIMIT = 2.0  # seconds: garbage collection resumes by then, first paint or not
MONO_THEME = "briefing-mono"
FIRST_LIBRARY = "library-over-first-reader"  # the installed name of the library `L` opens


class BriefingApp(App):
    CSS_PATH = "briefing.tcss"
    TITLE = "Briefing"
    BINDING_GROUP_TITLE = "Anywhere"
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "palette", show=False, id="palette",
                tooltip="command palette (themes, every action)"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="force-quit",
                tooltip="quit"),
    ]

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
        self.settings = config.Settings.load()  # the one read of settings.json
        self.keymap, keymap_warnings = validate_keymap(
            self._normalize_keymap(self.settings.keymap), str(config.settings_path()))
        self.startup_warnings = [*self.settings.problems, *keymap_warnings]
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
        wanted = self.requested_theme or self.settings.theme or DEFAULT_THEME
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
        if self.keymap:
            self.set_keymap(self.keymap)
        for warning in [*self.startup_warnings, *self.theme_errors]:
            self.notify(warning, severity="warning", timeout=10)

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
        if self.is_mounted and self.settings.theme != theme and not os.environ.get("NO_COLOR"):
            self.settings.theme = theme
            self.settings.save()

    def open_article(self, article_id: int, at: int | None = None) -> None:
        """Open an article, with the cursor at offset `at` when given. A reader of it under
        the screens above (the first screen's, under the library its `L` opened) is gone
        back to as it was left, not opened a second time over them."""
        below = next((s for s in self.screen_stack[:-1]
                      if isinstance(s, ReaderScreen) and s.article_id == article_id), None)
        if below is None:
            self.push_screen(ReaderScreen(article_id, jump_to=at))
            return
        while self.screen is not below:
            self.pop_screen()
        if at is not None and 0 <= at <= len(below.text):
            below.view.jump_to(at)

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
        elif isinstance(self.screen, ReaderScreen) and len(self.screen_stack) == 1:
            # A reader opened straight from a file (or `open ID`) is the first screen, which
            # Textual cannot switch away from: the library goes on top (and the reader stops
            # polling; opening its article there goes back to it, see open_article). It is
            # one library, kept, so that `L` comes back to it as it was left.
            if self.is_screen_installed(FIRST_LIBRARY):
                self.get_screen(FIRST_LIBRARY).reload()
            else:
                self.install_screen(LibraryScreen(), FIRST_LIBRARY)
            self.push_screen(FIRST_LIBRARY)
        else:
            self.push_screen(LibraryScreen())

    def show_help(self, screen: Screen) -> None:
        from briefing.tui.help import help_sections
        from briefing.tui.screens.modals import HelpScreen

        self.push_screen(HelpScreen(help_sections(self, screen, self.keymap)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from briefing.tui.help import palette_bindings

        yield from super().get_system_commands(screen)
        for b in palette_bindings(screen):  # parameterised actions are reached by their keys
            yield SystemCommand(b.description, b.tooltip or b.description,
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

    def claim_early_analysis(self, text: str) -> AnalysisProcess | None:
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
