"""The article pane: a read-only TextArea with vim motion, visual selection and layers.

Layers (actor mentions, claims, the user's highlights, search matches, the focus of the
selected actor or claim) are character ranges styled in `get_line`, Textual's public hook
for styling TextArea lines; only visible lines are ever asked for. Styles come from the
component classes of LayerPalette, so themes (and the monochrome theme's
bold/underline/reverse) set them.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual._wrap import compute_wrap_offsets
from textual.actions import SkipAction
from textual.content import Content
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Offset
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import TextArea

from briefing.model import Actor, Analysis, Claim, Highlight
from briefing.sanitize import sanitise_line
from briefing.tui.keys import ARTICLE_BINDINGS

LAYERS = ("claims", "actors", "highlights", "search", "focus")
_WORD = re.compile(r"\w+|[^\w\s]+")  # vim's words: letters and digits, or other non-blanks


# A list item as the ingest writes it ("• ", or "1. ", nested ones indented): the rows it
# wraps onto line up under its text, not under its bullet.
_LIST_ITEM = re.compile(r" *(?:• |\d{1,3}[.)] )")


def hanging_indent(line: str) -> int:
    """The cells a wrapped row of `line` is indented by: its bullet's width, else 0."""
    found = _LIST_ITEM.match(line)
    return found.end() if found else 0


class _CachedHeightWrappedDocument(WrappedDocument):
    """Textual 8.2's WrappedDocument recomputes its height (a sum over every line) each time
    a line is rendered: O(lines) per line, ~30 ms per PageDown on a 1 MB article. The height
    only changes when the document is re-wrapped, so it is cached until then.

    List items wrap with a hanging indent: their text is wrapped at the width less the
    bullet's, and the rows after the first are drawn (ArticleView.render_line) and pointed
    at (below) that many cells to the right."""

    _height: int | None = None
    hanging: dict[int, int] = {}  # line index -> indent of its wrapped rows (list items)

    @property
    def height(self) -> int:
        if self._height is None:
            self._height = sum(len(offsets) + 1 for offsets in self._wrap_offsets)
        return self._height

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        self._height = None
        super().wrap(width, tab_width)
        self.hanging = {}
        if width:
            self._hang_list_items(width)

    def _hang_list_items(self, width: int) -> None:
        """Wrap the list items again, after their bullets, and rebuild the row maps."""
        lines, changed = self.document.lines, False
        for index, line in enumerate(lines):
            indent = hanging_indent(line)
            if not indent or indent * 2 > width or len(line) <= indent:
                continue
            self.hanging[index] = indent
            offsets = [indent + o for o in compute_wrap_offsets(line[indent:], width - indent,
                                                                tab_size=self._tab_width)]
            if offsets != self._wrap_offsets[index]:
                self._wrap_offsets[index], changed = offsets, True
        if changed:
            rows: list[tuple[int, int]] = []
            starts: list[list[int]] = []
            for index, offsets in enumerate(self._wrap_offsets):
                starts.append(list(range(len(rows), len(rows) + len(offsets) + 1)))
                rows.extend((index, section) for section in range(len(offsets) + 1))
            self._offset_to_line_info, self._line_index_to_offsets = rows, starts

    def location_to_offset(self, location: tuple[int, int]) -> Offset:
        x, y = super().location_to_offset(location)
        row, column = location
        indent = self.hanging.get(row)
        if indent and self._wrap_offsets[row] and column >= self._wrap_offsets[row][0]:
            x += indent
        return Offset(x, y)

    def get_target_document_column(self, line_index: int, x_offset: int, y_offset: int) -> int:
        row = line_index if line_index >= 0 else len(self._wrap_offsets) + line_index
        indent = self.hanging.get(row)
        section = y_offset if y_offset >= 0 else len(self._wrap_offsets[row]) + 1 + y_offset
        if indent and section > 0:  # a wrapped row of a list item: its text starts further in
            x_offset = max(0, x_offset - indent)
        return super().get_target_document_column(line_index, x_offset, y_offset)

    def wrap_range(self, *args, **kwargs):
        self._height = None
        return super().wrap_range(*args, **kwargs)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    style: str  # a component class name


class LayerPalette(Widget):
    """The layers' styles: component classes that themes and briefing.tcss set.

    They live here, not on ArticleView, because Textual resolves every component class of a
    widget again each time its styles update (each time the article gains or loses focus,
    and while the app starts). On this hidden widget, mounted once the text has painted,
    they are resolved when the theme changes and otherwise not at all."""

    COMPONENT_CLASSES = {
        *(f"article--highlight-{i}" for i in range(1, 6)),
        "article--actor-person", "article--actor-organisation", "article--actor-country",
        "article--actor-group", "article--actor-place",
        "article--claim", "article--claim-denial", "article--claim-speculation",
        "article--search", "article--focus", "article--cue",
    }


def _claim_style(claim: Claim) -> str:
    if "denial" in claim.kinds:
        return "article--claim-denial"
    if "speculation" in claim.kinds:
        return "article--claim-speculation"
    return "article--claim"


class ArticleView(TextArea, inherit_bindings=True):
    class Painted(Message):
        """The text given to `set_text` has been drawn for the first time: work that would
        only delay the first frame (side panes, the database) can start."""

    class CursorMoved(Message):
        """The cursor (or the selection's end) moved to `offset` in the text."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    BINDING_GROUP_TITLE = "Article motion"
    BINDINGS = ARTICLE_BINDINGS

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, read_only=True, soft_wrap=True, highlight_cursor_line=False,
                         show_line_numbers=False, show_cursor=True, tab_behavior="focus",
                         **kwargs)
        self.visual = False
        self.enabled = {name: True for name in LAYERS}
        self._layers: dict[str, list[Span]] = {name: [] for name in LAYERS}
        # layer -> line -> [(start column, end column, component class)]
        self._by_line: dict[str, dict[int, list[tuple[int, int, str]]]] = {}
        self._line_starts: list[int] = [0]
        self._awaiting_paint = False
        self._wrapped_width: int | None = None  # the width the document was last wrapped at
        self.palette: LayerPalette | None = None  # set by the screen once it is mounted
        self.walk: list[tuple[int, int]] = []  # what n/N step through
        self.walk_index = -1
        self._walk_label = ""
        self._index_text(text)

    def _set_document(self, text: str, language: str | None) -> None:
        self._wrapped_width = None
        super()._set_document(text, language)
        # Same object, same state, cheaper `height` (see _CachedHeightWrappedDocument). The
        # document was just wrapped, so the cache starts empty and correct.
        self.wrapped_document.__class__ = _CachedHeightWrappedDocument

    # -- text and offsets ------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self.load_text(text)
        self._index_text(text)
        self._rebuild()
        self._awaiting_paint = bool(text)

    def replace_text(self, old: str, text: str) -> None:
        """Show `text`, a new version of `old` (the text shown): the cursor stays on the
        same words; the analysis, the marks and the walk, which pointed into the old text,
        go (the caller sets the highlights again)."""
        from briefing.revisions import follow_offset

        cursor = self.cursor_offset
        self.set_text(text)
        for layer in ("actors", "claims", "focus", "search"):
            self.set_layer(layer, [])
        self.start_walk("", [])
        self.jump_to(follow_offset(old, text, cursor))

    def _rewrap_and_refresh_virtual_size(self) -> None:
        width = self.wrap_width
        if width == self._wrapped_width:
            return  # already wrapped at this width (render_lines did it for the first frame)
        self._wrapped_width = width
        super()._rewrap_and_refresh_virtual_size()

    def render_lines(self, crop):
        # Text set before the first layout (a file opened from the command line) was wrapped
        # at width 0, and the Resize that re-wraps it is handled only after the first frame
        # has been drawn: that frame showed every paragraph as one unwrapped line. Wrap now.
        if self.soft_wrap and self.wrap_width != self._wrapped_width and self.size.width:
            self._rewrap_and_refresh_virtual_size()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self._awaiting_paint and self._frame_is_shown():
            # Lines are rendered as the compositor builds a frame; the message is handled
            # once that frame has been handed to the terminal.
            self._awaiting_paint = False
            self.post_message(self.Painted())
        return strip

    def _render_line(self, y: int) -> Strip:
        strip = super()._render_line(y)
        wrapped = self.wrapped_document
        hanging = getattr(wrapped, "hanging", None)
        row = y + self.scroll_offset.y
        if hanging and row < len(wrapped._offset_to_line_info):
            line_index, section = wrapped._offset_to_line_info[row]
            indent = hanging.get(line_index)
            if indent and section and strip.cell_length > indent:
                # A list item's wrapped row: drawn under its text (see hanging_indent), on
                # the background the row ends with.
                background = list(strip)[-1].style
                strip = Strip.join([Strip.blank(indent, background), strip]).crop(
                    0, strip.cell_length)
        return strip

    def _frame_is_shown(self) -> bool:
        # Textual builds frames while the app starts and inside batch updates, then drops
        # them (App._display); only a frame built outside both reaches the terminal.
        return self.app.is_running and not getattr(self.app, "_batch_count", 0)

    def _index_text(self, text: str) -> None:
        starts = [0]
        at = text.find("\n")
        while at != -1:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._line_starts = starts

    def location(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self._line_starts, offset) - 1
        return row, offset - self._line_starts[row]

    def offset(self, location: tuple[int, int]) -> int:
        row, column = location
        return self._line_starts[min(row, len(self._line_starts) - 1)] + column

    @property
    def cursor_offset(self) -> int:
        return self.offset(self.cursor_location)

    @property
    def selected_span(self) -> tuple[int, int] | None:
        start, end = sorted((self.offset(self.selection.start), self.offset(self.selection.end)))
        return (start, end) if end > start else None

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        event.stop()  # told as an offset, which is what the reader asks about
        self.post_message(self.CursorMoved(self.cursor_offset))

    def jump_to(self, start: int, end: int | None = None, select: bool = False) -> None:
        if select and end is not None:
            self.selection = self.selection.__class__(self.location(start), self.location(end))
        else:
            self.move_cursor(self.location(start))
        self.scroll_cursor_visible(center=True)

    # -- layers ----------------------------------------------------------------------------
    def set_layer(self, name: str, spans: list[Span]) -> None:
        """Replace one layer; only that layer's line index is rebuilt (a 1 MB article has
        thousands of mentions, and the focus layer changes with every pane move)."""
        self._layers[name] = spans
        self._by_line[name] = self._index_spans(spans)
        self._restyle()

    def toggle_layer(self, name: str) -> bool:
        self.enabled[name] = not self.enabled[name]
        self._restyle()
        return self.enabled[name]

    def _index_spans(self, spans: list[Span]) -> dict[int, list[tuple[int, int, str]]]:
        by_line: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for span in spans:
            first, first_col = self.location(span.start)
            last, last_col = self.location(max(span.start, span.end))
            for row in range(first, last + 1):
                start = first_col if row == first else 0
                end = last_col if row == last else 1 << 30
                by_line[row].append((start, end, span.style))
        return dict(by_line)

    def _rebuild(self) -> None:
        self._by_line = {name: self._index_spans(self._layers[name]) for name in LAYERS}
        self._restyle()

    def _restyle(self) -> None:
        self.notify_style_update()
        self.refresh()

    def styles_on_line(self, line_index: int) -> list[tuple[int, int, str]]:
        """(start column, end column, component class) drawn on a line, bottom layer first."""
        return [style for name in LAYERS if self.enabled[name]
                for style in self._by_line.get(name, {}).get(line_index, ())]

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end, style in self.styles_on_line(line_index):
            line.stylize(self._style(style), start, min(end, len(line)))
        return line

    def _style(self, name: str) -> Style:
        if self.palette is None or not self.palette.is_mounted:
            return Style.null()
        return self.palette.get_component_rich_style(name, partial=True)

    # -- motion ----------------------------------------------------------------------------
    def action_cursor_down(self, select: bool = False) -> None:
        super().action_cursor_down(select or self.visual)

    def action_cursor_up(self, select: bool = False) -> None:
        super().action_cursor_up(select or self.visual)

    def action_cursor_left(self, select: bool = False) -> None:
        super().action_cursor_left(select or self.visual)

    def action_cursor_right(self, select: bool = False) -> None:
        super().action_cursor_right(select or self.visual)

    def action_cursor_word_right(self, select: bool = False) -> None:
        """vim's `w`: the start of the next word (a run of letters and digits, or of other
        non-blank characters), on this line or a later one; Textual's own word motion
        stops at the end of the current word."""
        row, column = self.cursor_location
        document = self.document
        line = document.get_line(row)
        here = _WORD.search(line, column)
        if here is not None and here.start() <= column:  # inside a word: skip its rest
            here = _WORD.search(line, here.end())
        while here is None and row < document.line_count - 1:
            row += 1
            line = document.get_line(row)
            here = _WORD.search(line)
        target = (row, here.start()) if here is not None else (row, len(line))
        self.move_cursor(target, select=select or self.visual)

    def action_cursor_word_left(self, select: bool = False) -> None:
        super().action_cursor_word_left(select or self.visual)

    def action_top(self) -> None:
        self.move_cursor((0, 0), select=self.visual)

    def action_bottom(self) -> None:
        last = self.document.line_count - 1
        self.move_cursor((last, len(self.document.get_line(last))), select=self.visual)

    def action_half_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // 2)
        self.move_cursor_relative(rows=direction * rows, select=self.visual)
        self.scroll_cursor_visible(center=True)

    def action_toggle_select(self) -> None:
        self.visual = not self.visual
        if not self.visual:
            self.move_cursor(self.cursor_location)
        self.border_subtitle = "VISUAL" if self.visual else ""

    def action_clear_selection(self) -> None:
        if not self.visual and self.selected_span is None:
            raise SkipAction()  # nothing selected: escape goes on to the screen (the search)
        self.collapse_selection(self.cursor_offset)

    # -- analysis layers -------------------------------------------------------------------
    def show_analysis(self, analysis: Analysis) -> None:
        """Actor mentions tinted by type; claims by kind (denials and speculation apart)."""
        self.set_layer("actors", [Span(s, e, f"article--actor-{a.type}")
                                  for a in analysis.actors for s, e in a.mentions])
        self.set_layer("claims", [Span(c.start, c.end, _claim_style(c)) for c in analysis.claims])

    def show_highlights(self, highlights: list[Highlight]) -> None:
        """The analyst's highlights in their colours (orphans have no place in the text)."""
        self.set_layer("highlights", [Span(h.start, h.end, f"article--highlight-{h.color}")
                                      for h in highlights if not h.orphaned])

    def mark_focus(self, item: Actor | Claim) -> None:
        """Mark what the analyst points at in a side pane: an actor's mentions; a claim,
        with its speaker and cue."""
        if isinstance(item, Claim):
            spans = [Span(item.start, item.end, "article--focus")]
            spans += [Span(*span, "article--cue") for span in (item.speaker_span, item.cue_span)
                      if span]
        else:
            spans = [Span(s, e, "article--focus") for s, e in item.mentions]
        self.set_layer("focus", spans)

    # -- walks: search matches or an actor's mentions, stepped through with n/N -----------
    def start_walk(self, label: str, spans: list[tuple[int, int]], index: int = 0) -> None:
        """Walk `spans` from `index`; the border shows the label and the position, so the
        analyst always knows where in the walk they are."""
        self.walk, self.walk_index, self._walk_label = spans, index, sanitise_line(label)
        if spans:
            self.jump_to(spans[index][0])
            self.focus()
        self._show_walk_position()

    def step_walk(self, step: int) -> None:
        if not self.walk:
            return
        self.walk_index = (self.walk_index + step) % len(self.walk)
        self.jump_to(self.walk[self.walk_index][0])
        self.focus()
        self._show_walk_position()

    def _show_walk_position(self) -> None:
        self.border_title = Content(
            f"{self._walk_label} · {self.walk_index + 1}/{len(self.walk)} · n/N"
        ) if self.walk else None

    def collapse_selection(self, offset: int) -> None:
        """End visual mode and leave the cursor at `offset`, selecting nothing."""
        self.visual = False
        self.border_subtitle = ""
        self.move_cursor(self.location(offset))
