"""The reader's walks: search matches or an actor's mentions, stepped through with n/N, and
the layer keys.

A mixin of ReaderScreen (reader.py) that uses only its `session` (the text to search) and
its `view` (the article, which draws the layers and keeps the walk).
"""

from __future__ import annotations

from briefing.tui.screens import dialogs
from briefing.tui.widgets.article import Span


class Walking:
    def action_toggle_layer(self, name: str) -> None:
        state = self.view.toggle_layer(name)
        self.notify(f"{name} layer {'on' if state else 'off'}", markup=False)

    def action_search(self) -> None:
        def searched(query: str | None) -> None:
            if not query:
                self.view.set_layer("search", [])
                self._start_walk("", [], 0)
                return
            matches = self.session.find(query)
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
