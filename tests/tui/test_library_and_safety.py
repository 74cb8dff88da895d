from __future__ import annotations

from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.modals import Confirm, Prompt
from briefing.tui.screens.reader import ReaderScreen
from tests.conftest import DATA
from tests.tui.conftest import loaded_reader, open_dialog, wait_for

HOSTILE = (
    "[bold]Markup[/] and [/] and [@click=app.quit]click me[/] and [$accent]var[/]\n\n"
    "Escapes: \x1b]0;owned\x07 \x1b[2J \x1b]52;c;ZXZpbA==\x07 \x9b31m and \u202eevil\u202c.\n\n"
    "Officials in [red]Moscow[/red] said the [link=http://x]deal[/link] was done."
)


async def library(pilot) -> LibraryScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen)
                   and pilot.app.screen.rows)
    return pilot.app.screen


def library_db(tmp_path):
    path = tmp_path / "lib.json"
    from briefing.library import import_file

    with Store(path) as store:
        for name in ("baltic-cable-damage.md", "sahel-grain-corridor.md"):
            import_file(store, DATA / name)
    return path


async def test_library_lists_filters_sorts_and_opens(tmp_path):
    app = BriefingApp(db_path=library_db(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        table = screen.query_one("DataTable")
        assert table.row_count == 2
        await pilot.press("f", *"sahel")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter")  # back to the table
        await pilot.press("s")
        assert screen.sort_index == 1
        await open_dialog(pilot, "enter", ReaderScreen)
        await wait_for(pilot, lambda: pilot.app.screen.article is not None)
        assert pilot.app.screen.article.title.startswith("UN Warns")


async def test_library_delete_asks_first(tmp_path):
    path = library_db(tmp_path)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        await open_dialog(pilot, "D", Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert len(screen.rows) == 2
        await open_dialog(pilot, "D", Confirm)
        await pilot.press("y")
        await wait_for(pilot, lambda: len(screen.rows) == 1)
    with Store(path) as store:
        assert len(store.articles()) == 1


async def test_library_delete_says_the_claim_grades_go_and_the_reliabilities_stay(tmp_path):
    from briefing.grades import claim_key, set_grade, source_key

    path = library_db(tmp_path)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        chosen = screen._current_id()
        with Store(path) as store:  # another session grades it meanwhile
            for start in (0, 10):
                set_grade(store, claim_key(chosen, {"start": start, "end": 20}), "2")
            set_grade(store, source_key("Somebody"), "B", speaker="Somebody",
                      article_id=chosen)
        screen.reload()
        await wait_for(pilot, lambda: screen._row(chosen).grades == 2)
        await open_dialog(pilot, "D", Confirm)
        question = str(pilot.app.screen.question)
        assert "0 highlights, 0 notes and 2 claim grades?" in question, question
        assert "The source reliability given in it stays" in question
        await pilot.press("y")
        await wait_for(pilot, lambda: len(screen.rows) == 1)
    with Store(path) as store:
        assert store.grades() == {source_key("Somebody"): "B"}


async def test_library_import_prompt(tmp_path):
    path = library_db(tmp_path)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        await open_dialog(pilot, "i", Prompt)
        await pilot.press(*str(DATA / "chip-export-controls.md"), "enter")
        await wait_for(pilot, lambda: len(screen.rows) == 3)
        await open_dialog(pilot, "i", Prompt)
        await pilot.press(*"/no/such/file.txt", "enter")
        await pilot.pause(0.2)
        assert len(screen.rows) == 3  # an error notification, nothing else


async def test_hostile_article_shows_literally_in_every_pane(tmp_path, sample_analysis):
    path = tmp_path / "hostile.json"
    from briefing.analysis.cache import analyse_and_cache
    from briefing.ingest import clean_text
    from briefing.library import import_document

    doc = clean_text(HOSTILE, title="[b]Title[/b] [/] \x1b]0;x\x07")
    with Store(path) as store:
        article_id = import_document(store, doc).article_id
        analyse_and_cache(store, store.require_article(article_id), None)
        store.add_annotation(article_id, 0, 20, note="[/] note [@click=app.quit]x[/]")
        store.add_note(article_id, "[bold]article note[/] \x1b[31m")
    app = BriefingApp(db_path=path, article_id=article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await wait_for(pilot, lambda: screen.session.highlights)
        assert "[@click=app.quit]click me[/]" in screen.view.text
        assert "\x1b" not in screen.view.text and "\x9b" not in screen.view.text
        shown = pilot.app.export_screenshot()
        assert "[@click=app.quit]click" in shown and "[b]Title[/b]" in shown
        assert "\x1b" not in shown
        for pane in ("actors", "claims", "notes"):
            screen.pane(pane).focus()
            await pilot.press("down", "enter")
            await pilot.pause()
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen)
                       and pilot.app.screen.rows)
        assert pilot.app.is_running  # no [@click=app.quit] fired, no markup error
        assert "[b]Title[/b]" in pilot.app.export_screenshot()


async def test_analysis_runs_in_background_and_fills_panes(tmp_path):
    from briefing.library import import_file

    path = tmp_path / "fresh.json"
    with Store(path) as store:
        article_id = import_file(store, DATA / "chip-export-controls.md").article_id
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.article is not None)
        screen = pilot.app.screen
        assert screen.analysis is None  # text first, analysis later
        assert "Analysing" in str(screen.query_one("#status").render())
        await pilot.press("j", "j")  # keys work while spaCy runs
        assert screen.view.cursor_offset > 0
        await wait_for(pilot, lambda: screen.analysis is not None, timeout=60)
        assert any(a.name == "China" for a in screen.pane("actors").items)
        pilot.app.service.flush()
    with Store(path) as store:
        assert store.analysis_for_hash(store.article(article_id)["hash"]) is not None


async def test_search_screen_opens_the_reader_at_the_hit(reader_db):
    from briefing.tui.screens.finder import SearchScreen

    path, article_id = reader_db
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        await library(pilot)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SearchScreen)
                       and pilot.app.screen.index is not None)
        await pilot.press(*"anchor was dragged")
        await wait_for(pilot, lambda: pilot.app.screen.hits)
        hit = next(h for h in pilot.app.screen.hits if h.kind == "text")
        pilot.app.screen.query_one("#hits").highlighted = pilot.app.screen.hits.index(hit)
        pilot.app.screen.query_one("#hits").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.article is not None)
        await pilot.pause()
        reader = pilot.app.screen
        assert reader.text[reader.view.cursor_offset:].startswith("anchor was dragged")


async def test_actor_index_lists_claims_and_opens_article(reader_db):
    from briefing.tui.screens.finder import ActorIndexScreen

    path, _ = reader_db
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        await library(pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ActorIndexScreen)
                       and pilot.app.screen.actors)
        screen = pilot.app.screen
        # The first actor is chosen at once: its claims show without a keypress.
        await wait_for(pilot, lambda: screen.places)
        assert screen.query_one("#index-actors").highlighted == 0
        index = next(i for i, a in enumerate(screen.actors) if a.name == "Kristjan Lepp")
        actors_list = screen.query_one("#index-actors")
        actors_list.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert screen.places and pilot.app.focused is screen.query_one("#index-items")
        article_id, at = screen.places[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.article is not None)
        await pilot.pause()
        assert pilot.app.screen.view.cursor_offset == at


async def test_no_pipeline_says_so_and_the_reader_keeps_working(tmp_path):
    from briefing.library import import_file

    path = tmp_path / "nopipe.json"
    with Store(path) as store:
        article_id = import_file(store, DATA / "sahel-grain-corridor.md").article_id
    app = BriefingApp(db_path=path, article_id=article_id, model="no_such_pipeline_xyz")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and "no_such_pipeline_xyz" in str(
                           pilot.app.screen.query_one("#status").render()), timeout=60)
        screen = pilot.app.screen
        status = str(screen.query_one("#status").render())
        assert "analysis unavailable" in status and "\n" not in status.strip()
        await pilot.press("h")  # highlighting still works without analysis
        await wait_for(pilot, lambda: screen.session.highlights and screen.session.highlights[0].id)


async def test_actor_index_analyses_the_rest_in_the_background(tmp_path):
    from briefing.library import import_file
    from briefing.tui.screens.finder import ActorIndexScreen

    path = tmp_path / "rest.json"
    with Store(path) as store:
        import_file(store, DATA / "sahel-grain-corridor.md")
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        await library(pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ActorIndexScreen)
                       and pilot.app.screen.pending)
        await pilot.press("A")
        await wait_for(pilot, lambda: pilot.app.screen.actors, timeout=60)
        assert any(a.name == "Amadou Sissoko" for a in pilot.app.screen.actors)
        assert not pilot.app.screen.pending


async def test_an_article_gone_meanwhile_does_not_stop_analysing_the_rest(tmp_path,
                                                                         monkeypatch):
    """'A' works from the list it was shown: an article another session deleted since
    (its text no longer readable) is skipped, not a crash of the worker and the app."""
    import briefing.analysis.cache as cache
    from briefing.errors import BriefingError
    from briefing.library import import_file
    from briefing.tui.screens.finder import ActorIndexScreen

    path = tmp_path / "rest.json"
    with Store(path) as store:
        gone = import_file(store, DATA / "baltic-cable-damage.md").article_id
        import_file(store, DATA / "sahel-grain-corridor.md")
    real = cache.analyse_in_child

    def analyse(article, model):
        if article.id == gone:
            raise BriefingError(f"no article with id {gone}")
        return real(article, model)

    monkeypatch.setattr(cache, "analyse_in_child", analyse)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        await library(pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ActorIndexScreen)
                       and len(pilot.app.screen.pending) == 2)
        await pilot.press("A")
        await wait_for(pilot, lambda: pilot.app.screen.actors, timeout=60)
        assert any(a.name == "Amadou Sissoko" for a in pilot.app.screen.actors)
        assert [a.id for a in pilot.app.screen.pending] == [gone]


async def test_search_lists_tags_and_a_tag_filters(tmp_path):
    from briefing.library import import_file
    from briefing.tui.screens.finder import SearchScreen, TagHit

    path = tmp_path / "tags.json"
    with Store(path) as store:
        aid = import_file(store, DATA / "sahel-grain-corridor.md").article_id
        store.add_annotation(aid, 0, 20, note="see #famine", tags=["famine"])
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        await library(pilot)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SearchScreen)
                       and pilot.app.screen.index is not None)
        await pilot.press("#")
        await wait_for(pilot, lambda: pilot.app.screen.hits)
        assert pilot.app.screen.hits == [TagHit("famine", 1)]
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: pilot.app.screen.hits
                       and not isinstance(pilot.app.screen.hits[0], TagHit))
        assert {h.kind for h in pilot.app.screen.hits} == {"highlight", "note"}


async def test_notifications_are_sanitised_plain_text(reader_db):
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test() as pilot:
        await loaded_reader(pilot)
        pilot.app.notify("[@click=app.quit]bad[/] \x1b]52;c;eA==\x07 file", markup=True)
        await pilot.pause()
        [note] = list(pilot.app._notifications)
        assert note.message == "[@click=app.quit]bad[/] file" and note.markup is False
        assert pilot.app.is_running


async def test_unreadable_database_leaves_a_readable_read_only_reader(tmp_path):
    from briefing.ingest import load

    path = tmp_path / "broken.json"
    path.write_text("{broken")
    doc = load(DATA / "sahel-grain-corridor.md")
    async with BriefingApp(db_path=path, document=doc).run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.read_only)
        screen = pilot.app.screen
        assert "Read-only" in str(screen.query_one("#status").render())
        assert screen.view.text.startswith("DAKAR")
        await pilot.press("h")
        assert screen.session.highlights == []
        await wait_for(pilot, lambda: screen.analysis is not None, timeout=60)
        assert "Read-only" in str(screen.query_one("#status").render())
    assert path.read_text() == "{broken"  # left exactly as it was


async def test_a_file_read_in_the_reader_reopens_from_the_cache(tmp_path):
    from briefing import opened_files

    source = tmp_path / "article.md"
    source.write_text((DATA / "baltic-cable-damage.md").read_text(encoding="utf-8"))
    opened = opened_files.open_file(str(source))
    assert not opened.from_cache
    app = BriefingApp(db_path=tmp_path / "db.json", opened=opened)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.article is not None)
        # Kept once the article is stored (on the database thread).
        await wait_for(pilot, lambda: opened_files.open_file(str(source)).from_cache)
    again = opened_files.open_file(str(source))
    assert again.document == opened.document


async def _open_new_version(reader_db, answer: str):
    from briefing.ingest import load

    path, article_id = reader_db
    with Store(path) as store:
        text = store.article(article_id)["text"]
        start = text.index("Detective Superintendent")
        store.add_annotation(article_id, start, start + len("Detective Superintendent"))
    revised = load(DATA / "baltic-cable-damage.rev2.md")
    app = BriefingApp(db_path=path, document=revised)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, Confirm))
        assert "new version" in pilot.app.screen.question and "1 highlight" in \
            pilot.app.screen.question
        await pilot.press(answer)
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.article is not None)
        screen = pilot.app.screen
        shown = [screen.text[h.start:h.end] for h in screen.session.highlights]
        opened = screen.article_id
    with Store(path) as store:
        return article_id, opened, shown, [a.id for a in store.articles()]


async def test_opening_a_new_version_offers_to_move_the_highlights(reader_db):
    original, opened, shown, articles = await _open_new_version(reader_db, "y")
    assert opened == original and articles == [original]  # updated in place, not added
    assert shown == ["Detective Superintendent"]  # the highlight followed the new text


async def test_declining_keeps_both_versions(reader_db):
    original, opened, shown, articles = await _open_new_version(reader_db, "n")
    assert opened != original and sorted(articles) == sorted([original, opened])
    assert shown == []


async def test_library_moves_with_the_readers_keys(tmp_path):
    path = library_db(tmp_path)
    with Store(path) as store:
        from briefing.library import import_file

        import_file(store, DATA / "chip-export-controls.md")
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        table = screen.query_one("DataTable")
        await wait_for(pilot, lambda: table.row_count == 3)
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("k")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.cursor_row == 2
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == 2
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("ctrl+d")
        assert table.cursor_row == 2  # half a page is more than three rows
        await pilot.press("ctrl+u")
        assert table.cursor_row == 0


async def test_new_version_names_the_article_and_keeps_the_cursor_on_it(tmp_path):
    path = library_db(tmp_path)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        table = screen.query_one("DataTable")
        await pilot.press("j")
        chosen = screen._current_id()
        title = next(r.title for r in screen.rows if r.id == chosen)
        await open_dialog(pilot, "U", Prompt)
        assert title in str(pilot.app.screen.label) and f"article {chosen}" in \
            str(pilot.app.screen.label)
        source = DATA / ("baltic-cable-damage.rev2.md" if "Baltic" in title
                         else "chip-export-controls.md")
        await pilot.press(*str(source), "enter")
        await wait_for(pilot, lambda: pilot.app.screen is screen)
        with Store(path) as store:
            await wait_for(pilot, lambda: store.article(chosen)["text"] != "")
        await pilot.pause(0.3)
        assert table.cursor_row == 1 and screen._current_id() == chosen  # not the top row


async def test_l_from_a_search_hit_returns_to_the_library(reader_db):
    from briefing.tui.screens.finder import SearchScreen

    path, _ = reader_db
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        home = await library(pilot)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SearchScreen)
                       and pilot.app.screen.index is not None)
        await pilot.press(*"anchor was dragged")
        await wait_for(pilot, lambda: pilot.app.screen.hits)
        pilot.app.screen.query_one("#hits").highlighted = 0
        pilot.app.screen.query_one("#hits").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.article is not None)
        await pilot.press("L")
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, ReaderScreen))
        await pilot.pause()
        assert pilot.app.screen is home


async def test_import_prompt_expands_the_home_folder(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    (home / "chip.md").write_text((DATA / "chip-export-controls.md").read_text("utf-8"))
    monkeypatch.setenv("HOME", str(home))
    path = library_db(tmp_path)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        await open_dialog(pilot, "i", Prompt)
        await pilot.press(*"~/chip.md", "enter")
        await wait_for(pilot, lambda: len(screen.rows) == 3)
        await open_dialog(pilot, "i", Prompt)  # a dropped file's quotes are taken off too
        await pilot.press(*"'~/chip.md'", "enter")
        await pilot.pause(0.3)
        assert len(screen.rows) == 3


async def test_an_empty_library_offers_the_samples(tmp_path):
    from briefing.config import sample_paths

    async with BriefingApp(db_path=tmp_path / "empty.json").run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        await wait_for(pilot, lambda: "empty" in str(screen.query_one("#status").render()))
        assert "S adds the bundled samples" in str(screen.query_one("#status").render())
        await pilot.press("S")
        await wait_for(pilot, lambda: len(screen.rows) == len(sample_paths()))


async def test_an_analysis_started_at_launch_fills_the_panes(tmp_path, monkeypatch):
    # `briefing FILE` on a new article starts spaCy before the UI: the reader must use that
    # process, not start a second one after the text is stored.
    from briefing.analysis import runner
    from briefing.ingest import load

    doc = load(DATA / "chip-export-controls.md")
    early = runner.AnalysisProcess.start()
    early.send(doc.text, doc.title, doc.meta)
    started_later = []
    monkeypatch.setattr(runner.AnalysisProcess, "__init__",
                        lambda self, *a, **k: started_later.append(a))
    app = BriefingApp(db_path=tmp_path / "db.json", document=doc, early_analysis=early)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.analysis is not None, timeout=60)
        assert any(a.name == "China" for a in pilot.app.screen.pane("actors").items)
        assert started_later == [] and app.early_analysis is None


async def test_without_a_launch_analysis_it_starts_once_the_text_is_painted(tmp_path,
                                                                             monkeypatch):
    # On a busy machine nothing starts at launch; the reader starts the analysis as soon
    # as the text is on screen, not after the article is stored, and uses that process.
    from briefing.analysis import runner
    from briefing.ingest import load

    started = []
    real_init = runner.AnalysisProcess.__init__

    def init(process, *args, **kwargs):
        screen = app.screen
        started.append(isinstance(screen, ReaderScreen) and screen.article is None)
        real_init(process, *args, **kwargs)

    monkeypatch.setattr(runner.AnalysisProcess, "__init__", init)
    app = BriefingApp(db_path=tmp_path / "db.json",
                      document=load(DATA / "chip-export-controls.md"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.analysis is not None, timeout=60)
        assert started == [True]  # one process, started before the article was stored


async def test_an_early_analysis_is_stopped_when_the_analysis_was_stored(reader_db):
    from briefing.analysis import runner
    from briefing.ingest import load

    path, _ = reader_db
    doc = load(DATA / "baltic-cable-damage.md")  # already in the library, analysed
    early = runner.AnalysisProcess.start()
    early.send(doc.text, doc.title, doc.meta)
    app = BriefingApp(db_path=path, document=doc, early_analysis=early)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        assert screen.pane("actors").items
        assert app.early_analysis is None and early._proc.poll() is not None  # killed


async def test_the_files_reader_is_gone_back_to_from_the_library_not_opened_again(tmp_path):
    """A reader opened from a file is the first screen: `L` put the library over it, and
    opening that article from the library opened a second reader while the first stayed
    hidden under the library. The reader is gone back to as it was left, and `L` there
    comes back to the same library."""
    from briefing.ingest import load

    doc = load(DATA / "sahel-grain-corridor.md")
    async with BriefingApp(db_path=tmp_path / "db.json", document=doc).run_test(
            size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.article is not None)
        reader = pilot.app.screen
        reader.view.jump_to(reader.text.index("Famine Early Warning"))
        cursor = reader.view.cursor_offset
        await pilot.press("L")
        first_library = await library(pilot)
        await pilot.press("enter")  # the file's own article, the only row
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
        await pilot.pause()
        assert pilot.app.screen_stack == [reader] and reader.view.cursor_offset == cursor
        await pilot.press("L")
        await wait_for(pilot, lambda: pilot.app.screen is first_library)


def test_the_delete_question_shows_a_stored_title_without_its_escape_sequence():
    """A title stored before sanitising (an older database, another writer) reaches the
    Confirm dialog as one safe line: no escape sequence, no newline."""
    from briefing.model import LibraryRow
    from briefing.tui.screens.library import deletion_question

    row = LibraryRow(id=1, title="Port \x1b[2Jstrike\nends", source=None, published=None,
                     imported=None, highlights=2, notes=1, characters=10, revisions=1,
                     hash="0" * 12, analysed=True, url=None, feed=None, read=True)
    question = deletion_question(row)
    assert "\x1b" not in question and "\n" not in question
    assert question.startswith("Delete “Port") and "strike" in question
