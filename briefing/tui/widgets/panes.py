"""The side panes: Actors, Claims and Notes. Each keeps what it shows and posts a message
when the analyst points at or chooses an item; the reader screen routes those. Prompts are
rich Text, never markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.content import Content
from textual.message import Message
from textual.visual import Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.grades import orphan_grade_label, orphan_grade_why, orphan_grade_words
from briefing.highlights import COLOUR_NAMES
from briefing.model import Actor, ArticleNote, Claim, Flag, Grade, Highlight
from briefing.sanitize import clip_line as clip
from briefing.sanitize import sanitise_line
from briefing.tags import tags_in

if TYPE_CHECKING:
    from briefing.reading import ReadingSession

TYPE_GLYPHS = {"person": "●", "organisation": "■", "country": "◆", "group": "▲", "place": "◇"}
KIND_BADGES = {"attributed": "ATTR", "quantitative": "NUM", "denial": "DENY",
               "speculation": "SPEC", "prediction": "PRED", "event": "EVT"}
# Rich colour names that exist in 16-colour terminals; the glyph carries the type without colour.
TYPE_COLOURS = {"person": "cyan", "organisation": "magenta", "country": "green",
                "group": "yellow", "place": "blue"}
SWATCHES = {1: "yellow", 2: "green", 3: "blue", 4: "red", 5: "magenta"}
ORPHAN_KEYS = "⚠ o re-attach · d delete"  # the Notes pane's subtitle while it lists orphans


class Hanging(Visual):
    """A prompt whose lines wrap under their text, not back at the pane's left edge: each
    wrapped row is indented by `indent` cells (an actor's name after its glyph), or by its
    line's own leading spaces when more (an actor's type and role, a highlight's note).
    Lines that fit are drawn as they are."""

    def __init__(self, prompt: Text, console, indent: int = 0) -> None:
        self.prompt, self.indent = prompt, indent
        self.content = Content.from_rich_text(prompt, console=console)
        self._wrapped: tuple[int, Content] | None = None

    def __str__(self) -> str:
        return str(self.prompt)

    def _at(self, width: int) -> Content:
        if self._wrapped is None or self._wrapped[0] != width:
            rows: list[Content] = []
            for line in self.content.split("\n", allow_blank=True):
                indent = max(self.indent, len(line.plain) - len(line.plain.lstrip(" ")))
                if not indent or indent * 2 > width or line.cell_length <= width:
                    rows.append(line)
                    continue
                first, *rest = line.wrap(width)
                rows.append(first)
                if rest:
                    after = line[len(first.plain):]  # from the space the first row broke at
                    after = after[len(after.plain) - len(after.plain.lstrip(" ")):]
                    rows += [Content(" " * indent) + part for part in after.wrap(width - indent)]
            self._wrapped = (width, Content("\n").join(rows))
        return self._wrapped[1]

    def render_strips(self, width, height, style, options):
        return self._at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules, width: int) -> int:
        return self._at(width).get_height(rules, width)


class Pane(OptionList):
    """An OptionList that keeps the items it shows, and says so when it is empty."""

    HANGING = 0  # cells the wrapped rows of a prompt are indented by (see Hanging)

    def __init__(self, title: str, empty: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.title = title
        self.items: list = []
        self.empty = empty
        self.border_title = Content(title)

    def show_message(self, message: str) -> None:
        self.items = []
        self.set_options([Option(Text(message, style="italic"), disabled=True)])
        self.border_title = Content(self.title)

    def show(self, items: list, prompts: list[Text], count: str | None = None) -> None:
        """`count`: the title's figure when it is not simply len(items)."""
        keep = self.highlighted
        self.items = items
        if not items:
            self.show_message(self.empty)
            if count:
                self.border_title = Content(f"{self.title} ({count})")
            return
        console = self.app.console
        self.set_options([Option(Hanging(p, console, self.HANGING), id=str(i))
                          for i, p in enumerate(prompts)])
        # Content, not a str: a str border title is parsed as markup, and `count` may hold
        # text the user typed.
        self.border_title = Content(f"{self.title} ({count or len(items)})")
        if keep is not None and keep < len(items):
            self.highlighted = keep

    def current(self):
        index = self.highlighted
        if index is None or not self.items or index >= len(self.items):
            return None
        return self.items[index]

    def select_item(self, item) -> None:
        """Highlight `item` without jumping the article (cursor sync)."""
        for i, candidate in enumerate(self.items):
            if candidate is item:
                if self.highlighted != i:
                    self.highlighted = i
                return


class _ItemMessage(Message):
    def __init__(self, pane: Pane, item: object) -> None:
        super().__init__()
        self.pane, self.item = pane, item

    @property
    def control(self) -> Pane:  # so that @on(..., "#actors") picks the pane
        return self.pane


class _ItemPane(Pane):
    """A pane whose items the analyst points at (moving over them) or chooses (enter).
    Pointed is also posted when cursor sync moves an unfocused pane: whoever marks the text
    for it checks that the pane has focus by the time the message arrives."""

    class Pointed(_ItemMessage):
        """The analyst moved onto `item` (or cursor sync did, see the class)."""

    class Chosen(_ItemMessage):
        """The analyst pressed enter on `item`."""

    @on(OptionList.OptionHighlighted)
    def _pointed(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        item = self.current()
        if item is not None:
            self.post_message(self.Pointed(self, item))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.current()
        if item is not None:
            self.post_message(self.Chosen(self, item))


class ActorsPane(_ItemPane):
    """The article's actors; those named in the sentence under the cursor are marked."""

    HANGING = 4  # under the name, after the mark and the glyph

    def __init__(self) -> None:
        super().__init__("Actors", "No actors found.", id="actors")
        self.marked: set[int] = set()  # indexes into the actors shown

    def show_actors(self, actors: list[Actor]) -> None:
        self.marked = set()
        mono = self.app.has_class("-mono")
        self.show(actors, [actor_prompt(a, False, mono) for a in actors])

    def mark(self, marked: set[int]) -> None:
        """Mark these actors, re-drawing only those whose mark changed."""
        if marked == self.marked:
            return
        changed, self.marked = self.marked ^ marked, marked
        mono = self.app.has_class("-mono")
        for i in changed:
            if i < len(self.items):
                prompt = actor_prompt(self.items[i], i in marked, mono)
                self.replace_option_prompt_at_index(i, Hanging(prompt, self.app.console,
                                                               self.HANGING))


class ClaimsPane(_ItemPane):
    """The claims that pass the session's filter, with their grades, after the date flags."""

    def __init__(self) -> None:
        super().__init__("Claims", "No claims found.", id="claims")

    def show_claims(self, session: ReadingSession) -> None:
        flags: list[Flag] = list(session.analysis.flags) if session.analysis else []
        claims = session.shown_claims()
        if session.claim_filter:
            count: str | None = f"{len(claims)} matching {session.claim_filter!r}"
            flags = []
        else:
            count = f"{len(claims)} · ⚑ {len(flags)}" if flags else None
        prompts = [Text("⚑ " + sanitise_line(f.message), style="bold") for f in flags]
        prompts += [claim_prompt(c, session.grade_label(c), session.reliability_given_as(c))
                    for c in claims]
        self.show([*flags, *claims], prompts, count)


class NotesPane(_ItemPane):
    """Highlights in text order, orphans, then article notes."""

    HANGING = 2  # under the quote, after the colour swatch

    def __init__(self) -> None:
        super().__init__("Notes", "No highlights or notes yet: h highlights, a adds a note.",
                         id="notes")

    def show_notes(self, session: ReadingSession) -> None:
        items = session.notes_items()
        mono = self.app.has_class("-mono")
        self.show(items, [orphan_grade_prompt(i, orphan_grade_label(session.grades, i))
                          if isinstance(i, Grade) else note_prompt(i, session.text, mono)
                          for i in items])
        # What can be done with an orphan, where the orphans are (the footer has no room).
        orphans = any(isinstance(i, Grade) or getattr(i, "orphaned", False) for i in items)
        self.border_subtitle = Content(ORPHAN_KEYS if orphans else "")


def actor_prompt(actor: Actor, marked: bool = False, mono: bool = False) -> Text:
    """Name and count on the first line; type and role on the second (narrow panes wrap
    less). `mono`: no colour at all (the glyph's shape and the type word carry the type)."""
    glyph = TYPE_GLYPHS.get(actor.type, "·")
    line = Text()
    line.append("▸ " if marked else "  ", style="bold")
    line.append(f"{glyph} ", style="" if mono else TYPE_COLOURS.get(actor.type, ""))
    line.append(clip(actor.name, 60), style="bold" if marked else "")
    line.append(f" ×{len(actor.mentions)}", style="dim")
    detail = actor.type + (f" · {clip(actor.role, 60)}" if actor.role else "")
    line.append(f"\n    {detail}", style="dim italic")
    return line


def claim_prompt(claim: Claim, grade: str | None = None, given_as: str | None = None
                 ) -> Text:
    """`given_as`: the name the speaker's reliability was given under, when an analysis
    has moved it to the source's new name (said beside the grade, so the move is seen)."""
    line = Text()
    badges = " ".join(KIND_BADGES.get(k, k.upper()) for k in claim.kinds)
    line.append(f"[{badges}]", style="bold")
    if grade:
        line.append(f" {grade}", style="reverse")
    if grade and given_as:
        line.append(f" (reliability given as “{clip(given_as, 30)}”)", style="dim italic")
    if claim.probability:
        p = claim.probability
        line.append(f" {p['low']}-{p['high']}%", style="italic")
    line.append(" ")
    cue = claim.cue_words
    if not claim.speaker and not cue:
        # nobody says it (an event, the writer's own figure): the words alone
        line.append(clip(claim.text, 90))
        return line
    line.append(clip(claim.speaker or "—", 40), style="bold underline")
    if cue:
        # who, how, then what: the content no longer repeats the speaker and the cue
        line.append(" " + clip(cue, 30), style="italic")
    line.append(": " + clip(claim.text, 90))
    return line


def orphan_grade_prompt(row: Grade, label: str) -> Text:
    """A claim grade no claim shows, as orphaned highlights are: its grade, its words and
    why ('grade B2 on “…” — no claim found there now'); a source's reliability no speaker
    holds: 'reliability E of “Tom” — no source of that name speaks now'."""
    line = Text()
    line.append("⚠ Orphaned ", style="bold reverse")
    if row.is_reliability:
        line.append(f"reliability {label}", style="reverse")
        line.append(" of ")
    else:
        line.append(f"grade {label}", style="reverse")
        line.append(" on ")
    line.append("“" + clip(orphan_grade_words(row), 70) + "”", style="italic")
    line.append(f" — {orphan_grade_why(row)}", style="dim")
    return line


def note_prompt(item: Highlight | ArticleNote, text: str, mono: bool = False) -> Text:
    line = Text()
    if isinstance(item, ArticleNote):
        line.append("✎ Article: ", style="bold")
        line.append(clip(item.note, 100))
        return line
    colour = COLOUR_NAMES.get(item.color, "?")
    if item.orphaned:
        line.append("⚠ Orphaned ", style="bold reverse")
        quote = item.selector.exact if item.selector else ""
    else:
        swatch = "" if mono else SWATCHES.get(item.color, "")
        line.append(f"█ {colour} ", style=swatch)
        quote = text[item.start:item.end]
    line.append("“" + clip(quote, 70) + "”", style="italic")
    first = item.original_quote
    if first and " ".join(first.split()) != " ".join(quote.split()):
        # A new version changed the words: what the analyst first marked stays in view.
        line.append("\n  first marked: “" + clip(first, 70) + "”", style="dim")
    if item.note:
        line.append("\n  ✎ " + clip(item.note, 100))
    # Tags typed in the note as #words are already on screen there; list only the others.
    shown = set(tags_in(item.note))
    extra = [t for t in item.tags if t not in shown]
    if extra:
        line.append("  " + clip(" ".join("#" + t for t in extra), 60), style="dim")
    return line

