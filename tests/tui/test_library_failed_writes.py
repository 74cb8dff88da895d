"""The library's writes the database refuses: what was shown at once is taken back, with
one line saying what was not done and why."""

from __future__ import annotations

import threading

import pytest

from briefing.errors import BriefingError
from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.library import UNREAD
from briefing.tui.screens.modals import Confirm, Prompt
from tests.conftest import DATA
from tests.tui.conftest import open_dialog, wait_for
from tests.tui.test_library_and_safety import library, library_db


def _shown(screen) -> tuple:
    table = screen.query_one("DataTable")
    return ([(r.id, r.read) for r in screen.rows],
            [str(table.get_row_at(i)[0]) for i in range(table.row_count)])


async def _delete(pilot):
    await open_dialog(pilot, "D", Confirm)
    await pilot.press("y")


async def _import(pilot):
    await open_dialog(pilot, "i", Prompt)
    await pilot.press(*str(DATA / "chip-export-controls.md"), "enter")


async def _update(pilot):
    await open_dialog(pilot, "U", Prompt)
    await pilot.press(*str(DATA / "baltic-cable-damage.rev2.md"), "enter")


# (what, the Store method that fails, what the analyst does, the line that says so)
CASES = [
    ("read toggle", "update_article", lambda pilot: pilot.press("m"), "Not saved"),
    ("delete", "delete_article", _delete, "Not deleted"),
    ("import", "add_article", _import, "Not imported"),
    ("update", "replace_article_text", _update, "Not updated"),
]


@pytest.mark.parametrize("what, method, act, line", CASES, ids=[c[0] for c in CASES])
async def test_a_refused_library_write_is_taken_back_off_the_screen(tmp_path, monkeypatch, what,
                                                                    method, act, line):
    path = library_db(tmp_path)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        await wait_for(pilot, lambda: screen.query_one("DataTable").row_count == 2)
        shown = _shown(screen)

        def refuse(self, *args, **kwargs):
            raise BriefingError("database is locked")

        monkeypatch.setattr(Store, method, refuse)
        await act(pilot)
        pilot.app.service.flush()
        await wait_for(pilot, lambda: any(f"{line}: database is locked" in n.message
                                          for n in pilot.app._notifications))
        await pilot.pause()
        assert _shown(screen) == shown, what
    with Store(path) as store:
        assert [(a.id, a.read) for a in store.articles()] == shown[0]


async def test_the_read_toggle_and_a_delete_show_at_once(tmp_path):
    """Before the store answers: what the rollback above takes back was shown."""
    path = library_db(tmp_path)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        table = screen.query_one("DataTable")
        await wait_for(pilot, lambda: table.row_count == 2)
        busy = threading.Event()
        pilot.app.service.submit(lambda store: busy.wait(10))  # the store answers nothing
        try:
            await pilot.press("m")
            assert str(table.get_row_at(0)[0]).startswith(UNREAD)
            await _delete(pilot)
            await pilot.pause()
            assert table.row_count == 1 and len(screen.rows) == 1
        finally:
            busy.set()
        pilot.app.service.flush()
        await wait_for(pilot, lambda: len(screen.rows) == 1 and table.row_count == 1)
    with Store(path) as store:
        assert len(store.articles()) == 1


async def test_deleting_an_article_another_session_deleted_says_so_and_leaves_it_off(
        tmp_path):
    """The analyst confirms D on a row another session (a second login, the CLI) has
    deleted meanwhile: it was done already, so it is said, and the row is not put back
    as though the article were there still."""
    path = library_db(tmp_path)
    async with BriefingApp(db_path=path).run_test(size=(120, 40)) as pilot:
        screen = await library(pilot)
        table = screen.query_one("DataTable")
        await wait_for(pilot, lambda: table.row_count == 2)
        chosen = screen._current_id()
        title = screen._row(chosen).title
        await open_dialog(pilot, "D", Confirm)
        with Store(path) as other:
            other.delete_article(chosen)
        before = len(pilot.app._notifications)
        await pilot.press("y")
        pilot.app.service.flush()

        def told() -> list[str]:
            return [n.message for n in list(pilot.app._notifications)[before:]]

        await wait_for(pilot, told)
        await pilot.pause()
        assert told() == [f"Already deleted in another session: “{title}”"], told()
        assert [r.id for r in screen.rows] != [] and chosen not in [r.id for r in screen.rows]
        assert table.row_count == 1
