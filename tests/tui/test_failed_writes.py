"""A write the database refuses is taken back off the screen, with one "Not saved" line."""

from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.modals import NoteEditor, Prompt
from tests.tui.conftest import loaded_reader, open_dialog, wait_for


def _shown(screen) -> tuple:
    session = screen.session
    return ([(h.start, h.end, h.color, h.note, tuple(h.tags)) for h in session.highlights],
            len(session.undo_stack), dict(session.grades),
            [str(o.prompt) for o in screen.pane("notes")._options])


async def _lepp_claim(pilot, screen):
    claim = next(c for c in screen.analysis.claims if c.speaker == "Kristjan Lepp")
    screen.view.jump_to(claim.start + 1)
    await open_dialog(pilot, "r", Prompt)
    await pilot.press("2", "enter")


async def _note(pilot, screen):
    await open_dialog(pilot, "a", NoteEditor)
    await pilot.press(*"why", "ctrl+s")


async def _tag(pilot, screen):
    await open_dialog(pilot, "t", Prompt)
    await pilot.press(*"cable", "enter")


# (kind, keys before the store fails, the Store method that fails, what the analyst does)
CASES = [
    ("new highlight", "", "add_annotation", lambda pilot, screen: pilot.press("h")),
    ("recolour", "h", "update_annotation", lambda pilot, screen: pilot.press("3")),
    ("note", "h", "update_annotation", _note),
    ("tag", "h", "update_annotation", _tag),
    ("delete", "h", "delete_annotation", lambda pilot, screen: pilot.press("d")),
    ("undo", "hd", "restore_annotation", lambda pilot, screen: pilot.press("u")),
    ("grade", "", "replace_rows", _lepp_claim),
]


REFUSED = {"delete": "Not deleted", "undo": "Not undone (deleting the highlight)"}
REFUSED = {kind: REFUSED.get(kind, "Not saved") for kind, *_ in CASES}


@pytest.mark.parametrize("kind, before, method, act", CASES, ids=[c[0] for c in CASES])
async def test_a_refused_write_is_taken_back_off_the_screen(reader_db, monkeypatch, kind,
                                                            before, method, act):
    import briefing.tui.screens.reader as reader_module

    # No re-read from the database meanwhile: the screen must put itself right.
    monkeypatch.setattr(reader_module, "OTHER_SESSIONS_POLL", 3600)
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press(*before)
        pilot.app.service.flush()
        await pilot.pause()
        shown = _shown(screen)

        def refuse(self, *args, **kwargs):
            raise BriefingError("database is locked")

        monkeypatch.setattr(Store, method, refuse)
        told_before = len(pilot.app._notifications)
        await act(pilot, screen)
        if isinstance(pilot.app.screen, Prompt):  # grading asks for the speaker next
            await pilot.press("escape")
        pilot.app.service.flush()
        await wait_for(pilot, lambda: any(n.message.endswith(": database is locked")
                                          for n in pilot.app._notifications))
        assert _shown(screen) == shown, kind
        # One line, what was not done and why: never 'deleted' (or 'undone') before it.
        [told] = [n.message for n in list(pilot.app._notifications)[told_before:]]
        assert told == f"{REFUSED[kind]}: database is locked"

