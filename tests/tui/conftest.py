from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from briefing.analysis.cache import save_analysis
from briefing.library import import_file
from briefing.store import Store
from tests.conftest import DATA

SAMPLE = DATA / "baltic-cable-damage.md"


FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def sample_analysis() -> dict:
    """A stored analysis of the Baltic sample, so UI tests and snapshots do not change
    whenever the NLP improves (tests/test_actors.py and test_claims.py cover that)."""
    return json.loads((FIXTURES / "baltic-analysis.json").read_text(encoding="utf-8"))


@pytest.fixture
def reader_db(tmp_path, sample_analysis) -> tuple[Path, int]:
    """A database with the Baltic sample imported and its analysis cached."""
    path = tmp_path / "reader.json"
    with Store(path) as store:
        article_id = import_file(store, SAMPLE).article_id
        save_analysis(store, store.article(article_id)["hash"], None, sample_analysis)
    return path, article_id


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds (workers and the database thread)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


async def open_dialog(pilot, key: str, dialog: type) -> None:
    """Press `key` and wait until the dialog it opens is the current screen."""
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, dialog))


async def loaded_reader(pilot):
    from briefing.tui.screens.reader import ReaderScreen

    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                   and pilot.app.screen.analysis is not None)
    return pilot.app.screen
