"""Settings read once, keymaps checked, and help and the palette generated from the live
bindings."""

from __future__ import annotations

import json

from briefing import config
from briefing.tui.app import BriefingApp
from briefing.tui.keys import validate_keymap
from briefing.tui.screens.modals import HelpScreen
from tests.tui.conftest import loaded_reader, wait_for


def _write_settings(data: dict) -> None:
    path = config.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_key_given_to_two_actions_is_refused_for_the_later_one():
    keymap, warnings = validate_keymap({"note": "n", "highlight": "m"}, "settings.json")
    assert keymap == {"highlight": "m"}  # "n" stays "next match"
    [warning] = warnings
    for word in ("settings.json", " n ", "'Next' (next)", "'Note' (note)"):
        assert word in warning, word


def test_keys_moved_between_actions_by_one_keymap_are_no_clash():
    keymap, warnings = validate_keymap({"next": "m", "note": "n", "highlight": "m"}, "k")
    assert keymap == {"next": "m", "note": "n"} and len(warnings) == 1
    assert "'Next' (next)" in warnings[0] and "'Highlight' (highlight)" in warnings[0]


def test_the_same_key_on_two_screens_is_no_clash_and_unknown_ids_are_named():
    keymap, warnings = validate_keymap({"filter": "c", "sort": "x", "sparkle": "z"}, "k")
    assert keymap == {"filter": "c", "sort": "x"}  # c and x belong to the reader only
    assert warnings == ["Keymap k: no action has the id 'sparkle'; ignored"]


def test_settings_of_the_wrong_type_are_dropped_with_a_reason(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": 3, "keymap": {"note": 5, "tag": "T"},
                                "export_dir": "~/out", "future": [1]}))
    settings = config.Settings.load(path)
    assert settings.theme is None and settings.keymap == {"tag": "T"}
    assert len(settings.problems) == 2 and all(str(path) in p for p in settings.problems)
    settings.theme = "briefing-light"
    settings.save(path)
    assert json.loads(path.read_text()) == {"future": [1], "theme": "briefing-light",
                                            "keymap": {"tag": "T"}, "export_dir": "~/out"}


async def test_a_clashing_keymap_is_refused_with_a_warning_on_screen(reader_db, monkeypatch):
    _write_settings({"keymap": {"note": "n", "tag": "T"}})
    reads = []
    real_load = config.Settings.load
    monkeypatch.setattr(config.Settings, "load",
                        classmethod(lambda cls, path=None: reads.append(1) or real_load(path)))
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        shown = [n.message for n in pilot.app._notifications]
        assert any("settings.json" in m and " n " in m and "(next)" in m and "(note)" in m
                   for m in shown), shown
        await pilot.press("h", "T")  # the keymap's other entry still applies
        await wait_for(pilot, lambda: pilot.app.screen is not screen)
        await pilot.press("escape")
        await pilot.press("slash")  # a walk, so that n is live
        await pilot.press(*"cable", "enter")
        await wait_for(pilot, lambda: screen.view.walk)
        first = screen.view.walk_index
        await pilot.press("n")  # still the next match, not a note editor
        assert pilot.app.screen is screen and screen.view.walk_index == first + 1
    assert reads == [1]  # settings.json read once


async def test_help_shows_the_keys_the_keymap_gave(reader_db):
    _write_settings({"keymap": {"highlight": "ctrl+h", "note": "n"}})
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        await loaded_reader(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        sections = dict(pilot.app.screen.sections)
        reader = dict(sections["Reader"])
        assert reader["^h"] == "highlight the selection, or the sentence under the cursor"
        assert reader["a"].startswith("note on the highlight")  # n was refused
        assert reader["?"] == "this screen" and reader["/"].startswith("search the article")
        assert "1/2/3/4/5" in reader
        assert {"Article motion", "Anywhere"} <= set(sections)
        assert dict(sections["Anywhere"])["^p"].startswith("command palette")
        commands = [c.title for c in pilot.app.get_system_commands(pilot.app.screen_stack[-2])]
        assert "Highlight" in commands and "Actors layer" not in commands
