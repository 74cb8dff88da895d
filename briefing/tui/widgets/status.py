"""The reader's status line: what is happening, then the colour the next highlight gets."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from briefing.highlights import COLOUR_NAMES

_WIDEST_COLOUR = len("  ·  next highlight: magenta (5)")


class StatusLine(Static):
    """Keeps its message and the next colour, and fits them to the terminal's width. Once
    the database has failed, every message says that nothing is saved, so a progress
    message cannot hide it."""

    def __init__(self) -> None:
        super().__init__(Text("Opening…"), id="status")
        self.message = Text("")
        self.short: Text | None = None  # said instead of `message` when that does not fit
        self.colour = 1
        self.read_only = False

    def say(self, message: Text, short: Text | None = None) -> None:
        self.message, self.short = message, short
        self.redraw()

    def show_colour(self, colour: int) -> None:
        self.colour = colour
        self.redraw()

    def redraw(self) -> None:
        width = self.app.size.width
        line = self.message.copy()
        if line.cell_len > width - 2 - _WIDEST_COLOUR and self.short is not None:
            line = self.short.copy()
        if self.read_only:
            line = Text.assemble(("Read-only, nothing is saved · ", "bold"), line)
        colour = Text(f"  ·  next highlight: {COLOUR_NAMES[self.colour]} ({self.colour})",
                      style="dim")
        # The colour the next `h` uses must stay readable at 80 columns: what does not fit
        # is cut from the message before it, not from the colour.
        room = width - 2 - colour.cell_len  # the status line's padding
        if line.cell_len > room:
            line.truncate(max(0, room - 1))
            line.append("…")
        self.update(line + colour)
