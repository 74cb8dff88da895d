"""The library's feeds: R refreshes in the background, unread marks, feed filter, read state."""

from __future__ import annotations

import threading

from briefing.feeds import add_feed
from briefing.library import import_file
from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.library import UNREAD, LibraryScreen
from briefing.tui.screens.reader import ReaderScreen
from tests.conftest import DATA
from tests.test_feeds import paragraphs, rss
from tests.tui.conftest import wait_for
from tests.web_server import Route


def feed_library(tmp_path, web, gate: threading.Event | None = None):
    items = [{"title": f"Story {n}",
              "link": web.page(f"/s/{n}", f"Feed story {n}", paragraphs(f"story {n}"),
                               gate=gate)} for n in (1, 2)]
    web.routes["/feed"] = Route(rss(items), content_type="application/rss+xml")
    path = tmp_path / "lib.json"
    with Store(path) as store:
        import_file(store, DATA / "baltic-cable-damage.md")
        add_feed(store, web.url("/feed"))
    return path


async def library(pilot) -> LibraryScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen)
                   and pilot.app.screen.rows and pilot.app.screen.feeds)
    return pilot.app.screen


def titles(screen: LibraryScreen) -> list[str]:
    table = screen.query_one("DataTable")
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_r_refreshes_feeds_in_the_background_and_marks_new_items_unread(tmp_path, web):
    pages_held = threading.Event()
    path = feed_library(tmp_path, web, gate=pages_held)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        await pilot.press("R")
        await wait_for(pilot, lambda: web.requests["/s/1"] + web.requests["/s/2"] == 2)
        # The pages are held by the server: the screen still answers keys meanwhile.
        await pilot.press("s")
        assert screen.sort_index == 1 and screen.refreshing is not None
        await pilot.press("s", "s", "s")  # back to "imported", newest first
        pages_held.set()
        await wait_for(pilot, lambda: len(screen.rows) == 3, timeout=20)
        notes = [n.message for n in pilot.app._notifications]
        assert "2 new items arrived" in notes
        assert sorted(t for t in titles(screen) if t.startswith(UNREAD)) == [
            f"{UNREAD}Feed story 1", f"{UNREAD}Feed story 2"]
        assert "2 unread" in str(screen.query_one("#status").render())
        await pilot.press("F")  # unread only
        assert screen.query_one("DataTable").row_count == 2
        await pilot.press("F")  # the feed
        assert screen.query_one("DataTable").row_count == 2
        assert "feed: Harbour Wire" in str(screen.query_one("#status").render())
        await pilot.press("F")  # everything again
        assert screen.query_one("DataTable").row_count == 3


async def test_opening_marks_read_and_m_toggles(tmp_path, web):
    path = feed_library(tmp_path, web)
    from briefing.feeds import update_feeds

    with Store(path) as store:
        update_feeds(store)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        await wait_for(pilot, lambda: screen.query_one("DataTable").row_count == 3)
        row = next(i for i, t in enumerate(titles(screen)) if t.startswith(UNREAD))
        screen.query_one("DataTable").move_cursor(row=row)
        await pilot.press("m")
        await wait_for(pilot, lambda: not titles(screen)[row].startswith(UNREAD))
        assert "1 unread" in str(screen.query_one("#status").render())
        await pilot.press("m")
        await wait_for(pilot, lambda: titles(screen)[row].startswith(UNREAD))
        article_id = screen._current_id()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
        await wait_for(pilot, lambda: Store(path).article(article_id)["read"] is True)
    with Store(path) as store:
        assert [a["read"] for a in store.articles() if a.get("feed")].count(False) == 1


async def test_an_excerpt_says_so_in_the_readers_title_line(tmp_path, sample_analysis):
    """A feed entry imported from its summary (its page could not be fetched) is marked
    as such where the title is shown, not taken for the article."""
    from briefing.analysis.cache import save_analysis
    from briefing.library import import_file

    path = tmp_path / "lib.json"
    with Store(path) as store:
        article_id = import_file(store, DATA / "baltic-cable-damage.md").article_id
        store.update_article(article_id, excerpt="feed summary only: the page could not be "
                                                 "fetched")
        save_analysis(store, store.article(article_id).hash, None, sample_analysis)
    async with BriefingApp(db_path=path, article_id=article_id).run_test(
            size=(160, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
        await wait_for(pilot, lambda: "feed summary only" in str(
            pilot.app.screen.query_one("#title").render()))
