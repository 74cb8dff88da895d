"""Library-wide screens: search everything, and the actor index."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.errors import BriefingError
from briefing.sanitize import sanitise_line
from briefing.tui.messages import AnalysisDone, AnalysisProgress, StoreAnswer, StoreFailure
from briefing.tui.widgets.panes import TYPE_GLYPHS, clip

KIND_LABELS = {"title": "TITLE", "text": "TEXT", "highlight": "HL", "note": "NOTE",
               "article-note": "ANOTE", "claim": "CLAIM", "actor": "ACTOR"}


@dataclass(frozen=True)
class TagHit:
    tag: str
    count: int


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class SearchScreen(Screen):
    """Type to search text, highlights, notes, claims and actors; enter opens the place."""

    BINDINGS = [Binding("escape", "close", "Back", id="search-back"),
                Binding("down", "results", "Results", show=False, id="search-results")]

    class Found(Message, bubble=False):
        """The search worker's hits (or the tag list) for `query`."""

        def __init__(self, query: str, hits: list) -> None:
            super().__init__()
            self.query, self.hits = query, hits

    def __init__(self) -> None:
        super().__init__(id="search")
        self.index = None
        self.hits: list = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Search the library — text, highlights, notes, claims, actors; "
                          "#tag for tags", style="bold"), id="title")
        yield Input(placeholder="type to search…", id="query")
        yield OptionList(id="hits")
        yield Static(Text("Indexing…", style="dim"), id="status")
        yield Footer()

    def on_mount(self) -> None:
        from briefing.search import index_for

        self.query_one(Input).focus()
        self.app.service.ask(self, "index", index_for)

    @on(StoreFailure)
    def _failed(self, message: StoreFailure) -> None:
        self.app.notify(message.error, severity="error", markup=False)

    @on(StoreAnswer)
    def _indexed(self, message: StoreAnswer) -> None:
        self.index = index = message.result
        self.query_one("#status", Static).update(Text(f"{len(index.titles)} briefings indexed",
                                                      style="dim"))
        self._search(self.query_one(Input).value)

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        if self.index is None:
            return
        if query.strip() == "#":
            # The tag list: choosing a tag searches for it.
            tags = [TagHit(tag, count) for tag, count in self.index.tags().items()]
            self.post_message(self.Found(query, tags))
            return
        self.post_message(self.Found(query, self.index.search(query, limit=200)))

    @on(Found)
    def _show(self, message: Found) -> None:
        query, hits = message.query, message.hits
        self.hits = hits
        options = []
        for hit in hits:
            line = Text()
            if isinstance(hit, TagHit):
                line.append("TAG   ", style="bold")
                line.append(f"#{sanitise_line(hit.tag)}  ")
                line.append(_count(hit.count, "use"), style="dim")
                options.append(Option(line))
                continue
            line.append(f"{KIND_LABELS.get(hit.kind, hit.kind):<6}", style="bold")
            line.append(clip(hit.title, 30) + "  ", style="dim")
            line.append(sanitise_line(hit.snippet))
            options.append(Option(line))
        self.query_one("#hits", OptionList).set_options(options)
        status = (f"{len(hits)} results" if query.strip() else
                  "type to search · # alone lists your tags")
        self.query_one("#status", Static).update(Text(status, style="dim"))

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_results()

    def action_results(self) -> None:
        results = self.query_one("#hits", OptionList)
        if self.hits:
            results.focus()
            results.highlighted = results.highlighted or 0

    @on(OptionList.OptionSelected, "#hits")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[event.option_index]
        if isinstance(hit, TagHit):
            box = self.query_one(Input)
            box.value = f"#{hit.tag}"
            box.focus()
            return
        self.app.open_article(hit.article_id, at=hit.start)

    def action_close(self) -> None:
        self.app.pop_screen()


class ActorIndexScreen(Screen):
    """Every actor across the library; enter lists its claims and mentions; enter again
    opens the article there."""

    BINDINGS = [Binding("escape", "close", "Back", id="actors-back"),
                Binding("tab", "focus_next", "Switch list", show=False, id="actors-switch"),
                Binding("A", "analyse_rest", "Analyse the rest", id="actors-analyse")]

    def __init__(self) -> None:
        super().__init__(id="actor-index")
        self.actors: list = []
        self.pending: list = []
        self.places: list[tuple[int, int | None]] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Actors across the library", style="bold"), id="title")
        with Horizontal(id="body"):
            yield OptionList(id="index-actors")
            yield OptionList(id="index-items")
        yield Static(Text("Building the index…", style="dim"), id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#index-actors", OptionList).focus()
        self._rebuild()

    def _rebuild(self) -> None:
        from briefing.actor_index import build_index

        def build(store):
            analysed = store.analysed_hashes()
            pending = [a for a in store.articles() if a.hash not in analysed]
            return build_index(store), pending

        self.app.service.ask(self, "index", build)

    @on(StoreFailure)
    def _failed(self, message: StoreFailure) -> None:
        self.app.notify(message.error, severity="error", markup=False)

    @on(StoreAnswer)
    def _built(self, message: StoreAnswer) -> None:
        actors, self.pending = message.result
        self.actors = actors
        options = []
        for actor in actors:
            line = Text()
            line.append(f"{TYPE_GLYPHS.get(actor.type, '·')} ")
            line.append(clip(actor.name, 40), style="bold")
            line.append(f"  {_count(len(actor.appearances), 'briefing')} · "
                        f"{_count(actor.mention_count, 'mention')} · "
                        f"{_count(len(actor.claims), 'claim')}", style="dim")
            options.append(Option(line))
        listed = self.query_one("#index-actors", OptionList)
        listed.set_options(options)
        if options:
            listed.highlighted = 0  # the first actor's claims show at once, not a blank pane
        status = f"{len(actors)} actors" if actors else "No analysed briefings yet."
        if self.pending:
            status += (f" · {len(self.pending)} briefing{'s' if len(self.pending) != 1 else ''}"
                       " not analysed yet: A analyses them in the background")
        self.query_one("#status", Static).update(Text(status, style="dim"))

    def action_analyse_rest(self) -> None:
        if self.pending:
            self._analyse_pending(list(self.pending))

    @work(thread=True, exclusive=True, group="analyse-library")
    def _analyse_pending(self, articles: list) -> None:
        from briefing.analysis.cache import AnalysisFailed, analyse_in_child, save_analysis

        model = self.app.model
        for number, article in enumerate(articles, 1):
            self.post_message(AnalysisProgress(number, len(articles)))
            try:
                result = analyse_in_child(article, model)
            except AnalysisFailed as exc:
                self.app.call_from_thread(self.app.notify, str(exc), severity="error",
                                          markup=False)
                return
            except BriefingError:
                continue  # deleted by another session since the list was made: nothing to do
            if result is not None:
                self.app.service.call(lambda store, article=article, result=result:
                                      save_analysis(store, article.hash, model, result))
        self.post_message(AnalysisDone({}))

    @on(AnalysisDone)
    def _all_analysed(self) -> None:
        self._rebuild()

    @on(AnalysisProgress)
    def _progress(self, message: AnalysisProgress) -> None:
        self.query_one("#status", Static).update(
            Text(f"Analysing briefing {message.done} of {message.total}…", style="italic"))

    @on(OptionList.OptionHighlighted, "#index-actors")
    @on(OptionList.OptionSelected, "#index-actors")
    def _actor_chosen(self, event) -> None:
        actor = self.actors[event.option_index]
        options, self.places = [], []
        for claim in actor.claims:
            line = Text()
            line.append("SAYS  " if claim["role"] == "speaker" else "ABOUT ", style="bold")
            line.append(clip(claim["title"], 28) + "  ", style="dim")
            line.append(clip(claim["text"], 120))
            options.append(Option(line))
            self.places.append((claim["article_id"], claim["start"]))
        for appearance in actor.appearances:
            line = Text()
            line.append("IN    ", style="bold")
            line.append(clip(appearance.title, 60))
            line.append(f"  ×{len(appearance.mentions)}", style="dim")
            options.append(Option(line))
            first = appearance.mentions[0][0] if appearance.mentions else None
            self.places.append((appearance.article_id, first))
        items = self.query_one("#index-items", OptionList)
        items.set_options(options)
        if isinstance(event, OptionList.OptionSelected):
            items.focus()
            items.highlighted = 0 if options else None

    @on(OptionList.OptionSelected, "#index-items")
    def _open(self, event: OptionList.OptionSelected) -> None:
        article_id, at = self.places[event.option_index]
        self.app.open_article(article_id, at=at)

    def action_close(self) -> None:
        self.app.pop_screen()
