"""Every reader and library action: one list with ids, so the footer, the help screen and the
command palette come from it (the short description names the action in the footer, the
tooltip says what it does in help and the palette) and users can remap keys
(settings.json "keymap": {id: keys}), checked here before it is applied."""

from __future__ import annotations

from textual.binding import Binding

_COLOURS = Binding.Group("Colour")

READER_BINDINGS: list[Binding] = [
    Binding("question_mark", "help", "Help", id="help", tooltip="this screen"),
    Binding("slash", "search", "Search", id="search",
            tooltip="search the article; n/N walk the matches"),
    Binding("n", "next_match", "Next", id="next",
            tooltip="next search match, or next mention of the chosen actor"),
    Binding("N", "previous_match", "Previous", id="previous", show=False,
            tooltip="previous search match or mention"),
    Binding("h", "highlight", "Highlight", id="highlight",
            tooltip="highlight the selection, or the sentence under the cursor"),
    *(Binding(str(i), f"colour({i})", f"Colour {i}", id=f"colour-{i}", show=False,
              group=_COLOURS,
              tooltip="highlight colour (recolours the one under the cursor)")
      for i in range(1, 6)),
    Binding("a", "note", "Note", id="note",
            tooltip="note on the highlight (or sentence) under the cursor; ctrl+s saves"),
    Binding("A", "article_note", "Article note", id="article-note", show=False,
            tooltip="a note on the whole article"),
    Binding("d", "delete", "Delete", id="delete",
            tooltip="delete the highlight (asks first if it has a note; u undoes), or the "
                    "orphaned grade or article note chosen in Notes (asks first; u undoes)"),
    Binding("u", "undo", "Undo", id="undo", show=False,
            tooltip="undo the last deletion (a highlight, an article note, a grade cleared "
                    "at r or an orphaned grade) or re-attachment of an orphaned grade (o), "
                    "whichever came last; says what it undid"),
    Binding("e", "export", "Export", id="export", tooltip="export this article to Markdown"),
    Binding("y", "copy", "Copy", id="copy", show=False,
            tooltip="copy the highlight as Markdown"),
    Binding("t", "tag", "Tag", id="tag", show=False,
            tooltip="tag the highlight under the cursor"),
    Binding("r", "grade", "Grade", id="grade", show=False,
            tooltip="grade the claim under the cursor (1-6), then its speaker (A-F); "
                    "clearing a grade deletes it (u undoes)"),
    Binding("F", "filter_claims", "Filter claims", id="filter-claims", show=False,
            tooltip="show only claims of a kind, speaker or grade (e.g. denial, B2)"),
    Binding("x", "toggle_layer('actors')", "Actors layer", id="layer-actors", show=False,
            tooltip="actor mentions on/off"),
    Binding("c", "toggle_layer('claims')", "Claims layer", id="layer-claims", show=False,
            tooltip="claim tints on/off"),
    Binding("H", "toggle_layer('highlights')", "Highlights layer", id="layer-highlights",
            show=False, tooltip="your highlights on/off"),
    Binding("o", "reattach", "Re-attach orphan", id="reattach", show=False,
            tooltip="re-attach the orphan chosen in Notes: a highlight to the selection, a "
                    "grade to the claim under the cursor (a reliability to its speaker)"),
    Binding("tab", "cycle_pane(1)", "Next pane", id="next-pane", show=False,
            tooltip="cycle Article, Actors, Claims, Notes; enter jumps to the item"),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", id="previous-pane", show=False),
    Binding("escape", "clear_walk", "Clear search", id="clear-search", show=False,
            tooltip="clear the search or walk (after the selection)"),
    Binding("L", "library", "Library", id="library", tooltip="back to the library"),
    Binding("q", "quit", "Quit", id="quit", tooltip="quit Briefing"),
]

ARTICLE_BINDINGS: list[Binding] = [
    Binding("j", "cursor_down", "Down", id="down", show=False),
    Binding("k", "cursor_up", "Up", id="up", show=False),
    # h highlights, so left is the arrow or backspace (as in vim); l and the arrow go right.
    Binding("left,backspace", "cursor_left", "Left", id="left", show=False,
            tooltip="character left (h is highlight)"),
    Binding("l,right", "cursor_right", "Right", id="right", show=False,
            tooltip="character right"),
    Binding("w", "cursor_word_right", "Word right", id="word-right", show=False,
            tooltip="start of the next word"),
    Binding("b", "cursor_word_left", "Word left", id="word-left", show=False,
            tooltip="start of the previous word"),
    Binding("g", "top", "Top", id="top", show=False),
    Binding("G", "bottom", "Bottom", id="bottom", show=False),
    Binding("ctrl+d", "half_page(1)", "Half page down", id="half-down", show=False),
    Binding("ctrl+u", "half_page(-1)", "Half page up", id="half-up", show=False),
    Binding("pageup", "cursor_page_up", "Page up", id="page-up", show=False),
    Binding("pagedown", "cursor_page_down", "Page down", id="page-down", show=False),
    Binding("v", "toggle_select", "Select", id="select",
            tooltip="start a selection that motion extends (shift+arrows too)"),
    Binding("escape", "clear_selection", "Clear selection", id="clear-selection", show=False,
            tooltip="clear the selection"),
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
    Binding("U", "update", "New version", id="update", show=False,
            tooltip="replace the article's text with a new version (re-anchors highlights)"),
    Binding("S", "samples", "Add samples", id="samples", show=False,
            tooltip="add the bundled sample briefings"),
    Binding("D,delete", "delete", "Delete", id="delete-article"),
    Binding("f", "filter", "Filter", id="filter", tooltip="filter the list by title or source"),
    Binding("slash", "search", "Search all", id="search-all",
            tooltip="search text, highlights, notes, claims and actors of every briefing"),
    Binding("a", "actors", "Actors", id="actor-index",
            tooltip="every actor across the library, with its claims"),
    Binding("s", "sort", "Sort", id="sort"),
    Binding("R", "refresh_feeds", "Feeds", id="refresh-feeds",
            tooltip="fetch every feed's new entries in the background (● marks unread)"),
    Binding("F", "feed_filter", "Feed", id="feed-filter", show=False,
            tooltip="show all, unread only, or one feed's articles (cycles)"),
    Binding("m", "toggle_read", "Read/unread", id="toggle-read", show=False,
            tooltip="mark the article read or unread (opening it marks it read)"),
    Binding("question_mark", "help", "Help", id="library-help", tooltip="this screen"),
    Binding("q", "quit", "Quit", id="library-quit", tooltip="quit Briefing"),
]

# The bindings active together: a key may mean one thing on a screen, another elsewhere.
KEYMAP_SCOPES: list[list[Binding]] = [[*READER_BINDINGS, *ARTICLE_BINDINGS],
                                      [*LIBRARY_BINDINGS, *LIBRARY_MOTION_BINDINGS]]


def split_keys(keys: str) -> list[str]:
    """The keys of a binding or keymap entry ("D,delete")."""
    return [k.strip() for k in keys.split(",") if k.strip()]


def validate_keymap(keymap: dict[str, str], source: str,
                    scopes: list[list[Binding]] = KEYMAP_SCOPES
                    ) -> tuple[dict[str, str], list[str]]:
    """The keymap to apply, and one warning per entry or key refused.

    A key that would mean two actions on one screen goes to the first: a default binding
    the keymap leaves alone, else the keymap's earlier entry. The later one is refused
    (it keeps its other keys, or its default when none is left), and the warning names the
    keymap, the key and both actions. An id may be bound on several screens (the reader's
    and the library's motion keys): its keys are checked on each. `keymap` holds
    normalised key names."""
    owners: list[dict[str, Binding]] = [
        {key: b for b in scope if b.id not in keymap for key in split_keys(b.key)}
        for scope in scopes]
    known = {b.id for scope in scopes for b in scope if b.id}
    accepted: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            warnings.append(f"Keymap {source}: no action has the id {binding_id!r}; ignored")
            continue
        # (the binding with this id, the keys taken on its screen), on each screen it is on
        places = [(b, owner) for owner, scope in zip(owners, scopes, strict=True)
                  for b in scope if b.id == binding_id]
        kept = []
        for key in split_keys(keys):
            clash = next(((b, owner[key]) for b, owner in places
                          if key in owner and owner[key].id != binding_id), None)
            if clash is not None:
                binding, taken = clash
                warnings.append(
                    f"Keymap {source}: {key} is already {taken.description!r} ({taken.id}); "
                    f"not bound to {binding.description!r} ({binding_id})")
                continue
            kept.append(key)
            for b, owner in places:
                owner[key] = b
        if kept:
            accepted[binding_id] = ",".join(kept)
        else:  # its default keys stand, unless the keymap has given them to another
            for b, owner in places:
                for key in split_keys(b.key):
                    owner.setdefault(key, b)
    return accepted, warnings
