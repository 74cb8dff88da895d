"""The reader's title line, and its status line: what is happening, then the colour the
next highlight gets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.widgets import Static

from briefing.highlights import COLOUR_NAMES
from briefing.sanitize import sanitise_line
from briefing.tui.messages import AnalysisProgress

if TYPE_CHECKING:
    from briefing.model import Analysis, Article

_WIDEST_COLOUR = len("  ·  next highlight: magenta (5)")


class TitleLine(Static):
    """The article's title, then its source and date, dimmed."""

    def __init__(self) -> None:
        super().__init__(Text(""), id="title")

    def show(self, article: Article) -> None:
        title = Text(sanitise_line(article.title), style="bold")
        meta = " · ".join(
            sanitise_line(str(article.meta[k])) for k in ("source", "published")
            if article.meta.get(k)
        )
        if meta:
            title.append(f"  {meta}", style="dim")
        if article.meta.get("excerpt"):
            # Not the page's text (a feed entry whose page could not be fetched): said up
            # front, so nobody quotes a teaser as the article.
            title.append(f"  · {sanitise_line(str(article.meta['excerpt']))}", style="bold")
        self.update(title)


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

    @on(AnalysisProgress)
    def _progress(self, message: AnalysisProgress) -> None:
        """Posted by the analysis worker (tui/analysis_worker.py)."""
        label = ("loading spaCy" if message.total == 0
                 else f"{message.done}/{message.total} paragraphs")
        self.say(Text(f"Analysing… {label}", style="italic"))

    def show_analysis(self, analysis: Analysis) -> None:
        """What the analysis found; at 80 columns, the counts without the model's name."""
        flags = analysis.flags
        counts = Text(f"{len(analysis.actors)} actors · {len(analysis.claims)} claims",
                      style="dim")
        if flags:
            notes = "date note" if len(flags) == 1 else "date notes"
            counts.append(f" · ⚑ {len(flags)} {notes}", style="bold")
        status = Text.assemble((f"{analysis.model} · ", "dim"), counts)
        if flags:
            status.append(" (see Claims)", style="bold")
        self.say(status, short=counts)

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
