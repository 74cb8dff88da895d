"""What the screen shows: the reader at 80x24 and 120x40 in every shipped theme."""

from __future__ import annotations

import pytest

from briefing.tui.app import BriefingApp
from tests.tui.conftest import loaded_reader, wait_for

THEMES = ["briefing-dark", "briefing-light", "briefing-mono"]
SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES)
def test_reader_snapshot(snap_compare, reader_db, theme, size):
    path, article_id = reader_db
    app = BriefingApp(db_path=path, article_id=article_id, theme_name=theme)

    async def ready(pilot):
        screen = await loaded_reader(pilot)
        # A highlight with a note, so every layer is on screen.
        screen.view.jump_to(screen.text.index("Detective Superintendent"))
        await pilot.press("h", "2")
        await wait_for(pilot, lambda: screen.session.highlights and screen.session.highlights[0].id)
        screen.view.jump_to(0)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=ready)
