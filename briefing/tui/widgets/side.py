"""The reader's side: Actors, Claims and Notes beside the article; in a narrow terminal,
one of them at a time under tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical

from briefing.tui.widgets.panes import ActorsPane, ClaimsPane, NotesPane

if TYPE_CHECKING:
    from textual.widget import Widget
    from textual.widgets import Tabs

    from briefing.reading import ReadingSession

PANES = ("actors", "claims", "notes")


class SidePanes(Vertical):
    """Empty in the first frame, so the text paints as fast as a bare TextArea would; its
    place is kept meanwhile, so the text does not re-wrap or move when the panes arrive."""

    def __init__(self) -> None:
        super().__init__(id="side")
        self.tabs: Tabs | None = None
        self.panes: dict[str, ActorsPane | ClaimsPane | NotesPane] = {}

    def build(self) -> list[Widget]:
        """Make the tabs and the panes (after the first paint); mount what this returns."""
        from textual.widgets import Tab, Tabs

        self.tabs = Tabs(
            Tab("Actors", id="tab-actors"),
            Tab("Claims", id="tab-claims"),
            Tab("Notes", id="tab-notes"),
            id="side-tabs",
        )
        self.panes = {"actors": ActorsPane(), "claims": ClaimsPane(), "notes": NotesPane()}
        return [self.tabs, *self.panes.values()]

    def follow(self, session: ReadingSession, offset: int) -> None:
        """The cursor moved to `offset`: the claim and the highlight under it are chosen in
        their panes (without jumping the article), the actors named in its sentence marked."""
        if not self.panes:
            return
        claim = session.claim_at(offset)
        if claim is not None:
            self.panes["claims"].select_item(claim)
        self.panes["actors"].mark(session.actors_near(offset))
        under = session.highlight_at(offset)
        if under is not None:
            self.panes["notes"].select_item(under)

    def analysis_pending(self, message: str) -> None:
        """What Actors and Claims say while there is no analysis to show, or why not."""
        for name in ("actors", "claims"):
            self.panes[name].show_message(message)

    def focus_next(self, article: Widget, step: int, narrow: bool) -> None:
        """Focus the next (`step` 1) or previous (-1) of the article and the panes; in a
        narrow terminal, the pane's tab comes forward with it."""
        order = [article, *(self.panes[n] for n in PANES)]
        index = next((i for i, w in enumerate(order) if w is self.screen.focused), 0)
        target = order[(index + step) % len(order)]
        if narrow and target is not article:
            self.tabs.active = f"tab-{target.id}"
        target.focus()

    def fit(self, narrow: bool) -> None:
        """Narrow: only the pane of the active tab is shown."""
        if narrow:
            self._show_tab(self.tabs.active or "tab-actors")

    def _show_tab(self, tab_id: str) -> None:
        for name in PANES:
            self.panes[name].set_class(tab_id == f"tab-{name}", "active")

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        self._show_tab(event.tab.id or "tab-actors")
