"""Every reader and library action: one list with ids, so the footer, the help screen and the
command palette come from it and users can remap keys (settings.json "keymap": {id: keys})."""

from __future__ import annotations

from textual.binding import Binding

READER_BINDINGS: list[Binding] = [
    Binding("question_mark", "help", "Help", id="help"),
    Binding("slash", "search", "Search", id="search"),
    Binding("n", "next_match", "Next", id="next"),
    Binding("N", "previous_match", "Previous", id="previous", show=False),
    Binding("h", "highlight", "Highlight", id="highlight"),
    *(Binding(str(i), f"colour({i})", f"Colour {i}", id=f"colour-{i}", show=False)
      for i in range(1, 6)),
    Binding("a", "note", "Note", id="note"),
    Binding("A", "article_note", "Article note", id="article-note", show=False),
    Binding("d", "delete", "Delete", id="delete"),
    Binding("u", "undo", "Undo", id="undo", show=False),
    Binding("e", "export", "Export", id="export"),
    Binding("y", "copy", "Copy", id="copy", show=False),
    Binding("t", "tag", "Tag", id="tag", show=False),
    Binding("r", "grade", "Grade", id="grade", show=False),
    Binding("F", "filter_claims", "Filter claims", id="filter-claims", show=False),
    Binding("x", "toggle_layer('actors')", "Actors layer", id="layer-actors", show=False),
    Binding("c", "toggle_layer('claims')", "Claims layer", id="layer-claims", show=False),
    Binding("H", "toggle_layer('highlights')", "Highlights layer", id="layer-highlights",
            show=False),
    Binding("o", "reattach", "Re-attach orphan", id="reattach", show=False),
    Binding("tab", "cycle_pane(1)", "Next pane", id="next-pane", show=False),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", id="previous-pane", show=False),
    Binding("escape", "clear_walk", "Clear search", id="clear-search", show=False),
    Binding("L", "library", "Library", id="library"),
    Binding("q", "quit", "Quit", id="quit"),
]

ARTICLE_BINDINGS: list[Binding] = [
    Binding("j", "cursor_down", "Down", id="down", show=False),
    Binding("k", "cursor_up", "Up", id="up", show=False),
    # h highlights, so left is the arrow or backspace (as in vim); l and the arrow go right.
    Binding("left,backspace", "cursor_left", "Left", id="left", show=False),
    Binding("l,right", "cursor_right", "Right", id="right", show=False),
    Binding("w", "cursor_word_right", "Word right", id="word-right", show=False),
    Binding("b", "cursor_word_left", "Word left", id="word-left", show=False),
    Binding("g", "top", "Top", id="top", show=False),
    Binding("G", "bottom", "Bottom", id="bottom", show=False),
    Binding("ctrl+d", "half_page(1)", "Half page down", id="half-down", show=False),
    Binding("ctrl+u", "half_page(-1)", "Half page up", id="half-up", show=False),
    Binding("v", "toggle_select", "Select", id="select"),
    Binding("escape", "clear_selection", "Clear selection", id="clear-selection", show=False),
]

# The library's list moves as the reader's text does (same ids, so a remap moves both).
LIBRARY_MOTION_BINDINGS: list[Binding] = [
    Binding("j", "cursor_down", "Down", id="down", show=False),
    Binding("k", "cursor_up", "Up", id="up", show=False),
    Binding("g", "scroll_top", "Top", id="top", show=False),
    Binding("G", "scroll_bottom", "Bottom", id="bottom", show=False),
    Binding("home", "scroll_top", "Top", id="list-home", show=False),
    Binding("end", "scroll_bottom", "Bottom", id="list-end", show=False),
    Binding("ctrl+d", "half_page(1)", "Half page down", id="half-down", show=False),
    Binding("ctrl+u", "half_page(-1)", "Half page up", id="half-up", show=False),
]

LIBRARY_BINDINGS: list[Binding] = [
    Binding("enter", "open", "Open", id="open"),
    Binding("i", "import", "Import", id="import"),
    Binding("U", "update", "New version", id="update", show=False),
    Binding("S", "samples", "Add samples", id="samples", show=False),
    Binding("D,delete", "delete", "Delete", id="delete-article"),
    Binding("f", "filter", "Filter", id="filter"),
    Binding("slash", "search", "Search all", id="search-all"),
    Binding("a", "actors", "Actors", id="actor-index"),
    Binding("s", "sort", "Sort", id="sort"),
    Binding("R", "refresh_feeds", "Feeds", id="refresh-feeds"),
    Binding("F", "feed_filter", "Feed", id="feed-filter", show=False),
    Binding("m", "toggle_read", "Read/unread", id="toggle-read", show=False),
    Binding("question_mark", "help", "Help", id="library-help"),
    Binding("q", "quit", "Quit", id="library-quit"),
]

DESCRIPTIONS = {
    "left": "character left (h is highlight)", "right": "character right",
    "word-right": "start of the next word", "word-left": "start of the previous word",
    "clear-selection": "clear the selection", "clear-search": "clear the search or walk "
    "(after the selection)",
    "help": "this screen", "search": "search the article; n/N walk the matches",
    "next": "next search match, or next mention of the chosen actor",
    "previous": "previous search match or mention", "undo": "undo the last delete",
    "library": "back to the library", "quit": "quit Briefing",
    "layer-actors": "actor mentions on/off", "layer-claims": "claim tints on/off",
    "layer-highlights": "your highlights on/off",
    "highlight": "highlight the selection, or the sentence under the cursor",
    "note": "note on the highlight (or sentence) under the cursor; ctrl+s saves",
    "article-note": "a note on the whole article",
    "delete": "delete the highlight (asks first if it has a note; u undoes)",
    "export": "export this article to Markdown", "copy": "copy the highlight as Markdown",
    "tag": "tag the highlight under the cursor",
    "grade": "grade the claim under the cursor (1-6), then its speaker (A-F)",
    "filter-claims": "show only claims of a kind, speaker or grade (e.g. denial, B2)",
    "select": "start a selection that motion extends (shift+arrows too)",
    "next-pane": "cycle Article, Actors, Claims, Notes; enter jumps to the item",
    "reattach": "re-attach the orphan chosen in Notes to the selection",
    "filter": "filter the list by title or source",
    "search-all": "search text, highlights, notes, claims and actors of every briefing",
    "actor-index": "every actor across the library, with its claims",
    "update": "replace the article's text with a new version (re-anchors highlights)",
    "refresh-feeds": "fetch every feed's new entries in the background (● marks unread)",
    "feed-filter": "show all, unread only, or one feed's articles (cycles)",
    "toggle-read": "mark the article read or unread (opening it marks it read)",
    "samples": "add the bundled sample briefings",
}
