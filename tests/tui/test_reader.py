from __future__ import annotations

import gc
import threading

import pytest

from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.modals import Confirm, HelpScreen, NoteEditor, Prompt
from briefing.tui.screens.reader import ReaderScreen
from tests.conftest import DATA
from tests.tui.conftest import loaded_reader, open_dialog, wait_for


def app_for(reader_db, **kwargs) -> BriefingApp:
    path, article_id = reader_db
    return BriefingApp(db_path=path, article_id=article_id, **kwargs)


def stored(reader_db):
    path, article_id = reader_db
    with Store(path) as store:
        return store.annotations(article_id), store.notes(article_id)


async def flush(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    pilot.app.service.flush()
    await pilot.pause()


async def test_reader_shows_text_and_panes_from_cache(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        assert screen.view.text.startswith("HELSINKI, Feb 14 (NWS)")
        names = [a.name for a in screen.pane("actors").items]
        assert "Finland" in names and "Kristjan Lepp" in names
        speakers = {getattr(c, "speaker", None) for c in screen.pane("claims").items}
        assert "Kristjan Lepp" in speakers
        assert "claims" in str(screen.query_one("#status").render())


async def test_h_highlights_sentence_under_cursor_and_persists(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("h")
        await flush(pilot)
        [hl] = screen.session.highlights
        assert screen.text[hl.start:hl.end].startswith("HELSINKI, Feb 14")
        assert screen.text[hl.end - 1] == "."
    annotations, _ = stored(reader_db)
    assert [(a.start, a.end) for a in annotations] == [(hl.start, hl.end)]
    # Reopening shows exactly the same state.
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await wait_for(pilot, lambda: screen.session.highlights)
        assert [(h.start, h.end) for h in screen.session.highlights] == [(hl.start, hl.end)]
        assert len(screen.pane("notes").items) == 1


async def test_visual_selection_with_motion_then_highlight(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("v", "w", "w", "h")
        await flush(pilot)
        [hl] = screen.session.highlights
        assert screen.text[hl.start:hl.end].strip() == "HELSINKI,"
        assert screen.view.visual is False


async def test_note_after_highlighting_a_selection_goes_on_that_highlight(reader_db):
    # v, motion, h, then a: the note belongs to the words just highlighted, not to a new
    # sentence highlight (the cursor used to sit just past the selection's end).
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("v", "w", "w", "h")
        await open_dialog(pilot, "a", NoteEditor)
        await pilot.press(*"why here", "ctrl+s")
        await flush(pilot)
        [hl] = screen.session.highlights
        assert screen.text[hl.start:hl.end].strip() == "HELSINKI,"
        assert hl.note == "why here"


async def test_a_selection_over_spaces_highlights_only_the_words(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        start = screen.text.index("Finnish and")
        screen.view.jump_to(start - 1)  # on the space before "Finnish"
        await pilot.press("v", *["right"] * 9, "h")  # " Finnish a" -> up to the space after
        await flush(pilot)
        [hl] = screen.session.highlights
        assert screen.text[hl.start:hl.end] == "Finnish"


async def test_shift_arrows_select(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press(*["shift+right"] * 8, "h")
        await flush(pilot)
        assert screen.text[screen.session.highlights[0].start:screen.session.highlights[0].end] == \
            "HELSINKI"


async def test_colour_keys_recolour_highlight_under_cursor(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("h", "3")
        await flush(pilot)
        assert screen.session.highlights[0].color == 3
    annotations, _ = stored(reader_db)
    assert annotations[0].color == 3


async def test_keys_pressed_before_the_database_answers_act_on_the_new_highlight(reader_db):
    # A fast typist: "h3" (highlight, recolour it), then delete and undo, all while the
    # database thread is still busy, so the highlight has no stored id yet.
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        gate = threading.Event()
        pilot.app.service.submit(lambda store: gate.wait(5))
        await pilot.press("h", "3", "d", "u", "4")
        gate.set()
        await flush(pilot)
        await wait_for(pilot, lambda: screen.session.highlights and screen.session.highlights[0].id)
        assert [h.color for h in screen.session.highlights] == [4]
    annotations, _ = stored(reader_db)
    assert [a.color for a in annotations] == [4]


async def test_note_editor_saves_with_ctrl_s_and_tags(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await open_dialog(pilot, "a", NoteEditor)
        await pilot.press(*"Check #baltic", "ctrl+s")
        await flush(pilot)
        assert screen.session.highlights[0].note == "Check #baltic"
    annotations, _ = stored(reader_db)
    assert annotations[0].note == "Check #baltic" and annotations[0].tags == ["baltic"]


async def test_escape_with_changes_asks_before_discarding(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await open_dialog(pilot, "a", NoteEditor)
        await pilot.press("x", "escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, Confirm))
        await pilot.press("n")
        assert isinstance(pilot.app.screen, NoteEditor)
        await open_dialog(pilot, "escape", Confirm)
        await pilot.press("y")
        await flush(pilot)
        assert pilot.app.screen is screen
        assert screen.session.highlights[0].note == ""


async def test_article_note(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await open_dialog(pilot, "A", NoteEditor)
        await pilot.press(*"Thin sourcing", "ctrl+s")
        await flush(pilot)
        assert [n.note for n in screen.session.notes] == ["Thin sourcing"]
    _, notes = stored(reader_db)
    assert [n.note for n in notes] == ["Thin sourcing"]


async def test_delete_and_undo(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("h")
        await flush(pilot)
        await pilot.press("d")
        await flush(pilot)
        assert screen.session.highlights == []
        assert stored(reader_db)[0] == []
        await pilot.press("u")
        await flush(pilot)
        assert len(screen.session.highlights) == 1
    assert len(stored(reader_db)[0]) == 1


async def test_search_and_walk_matches(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        assert screen.check_action("next_match", ()) is False  # n/N hidden: nothing to walk
        await open_dialog(pilot, "slash", Prompt)
        await pilot.press(*"cable", "enter")
        await pilot.pause()
        assert screen.check_action("next_match", ()) is True
        matches = [m for m in screen.view.walk]
        assert len(matches) >= 2
        assert screen.view.cursor_offset == matches[0][0]
        assert str(screen.view.border_title) == f"“cable” · 1/{len(matches)} · n/N"
        await pilot.press("n")
        assert screen.view.cursor_offset == matches[1][0]
        assert str(screen.view.border_title) == f"“cable” · 2/{len(matches)} · n/N"
        await pilot.press("N")
        assert screen.view.cursor_offset == matches[0][0]
        # An empty search clears the matches and the position.
        await open_dialog(pilot, "slash", Prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.view.walk and not screen.view.border_title


async def test_motion_keys(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        view = screen.view
        await pilot.press("G")
        assert view.cursor_location[0] == view.document.line_count - 1
        await pilot.press("g")
        assert view.cursor_location == (0, 0)
        await pilot.press("j")
        assert view.cursor_location[0] > 0 or view.cursor_location[1] > 0
        await pilot.press("k", "w")
        assert view.cursor_location == (0, len("HELSINKI,") + 1) or view.cursor_offset > 0
        before = view.cursor_offset
        await pilot.press("ctrl+d")
        assert view.cursor_offset > before
        await pilot.press("ctrl+u")
        assert view.cursor_offset < view.offset((5, 0))
        await pilot.press("pagedown")
        assert view.cursor_offset > before


async def test_tab_cycles_panes_and_enter_on_actor_jumps_and_n_walks(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("tab")
        assert pilot.app.focused is screen.pane("actors")
        actors = screen.pane("actors")
        index = next(i for i, a in enumerate(actors.items) if a.name == "Finland")
        actors.highlighted = index
        await pilot.press("enter")
        mentions = actors.items[index].mentions
        assert pilot.app.focused is screen.view
        assert screen.view.cursor_offset == mentions[0][0]
        await pilot.press("n")
        assert screen.view.cursor_offset == mentions[1][0]
        assert str(screen.view.border_title) == f"Finland · 2/{len(mentions)} · n/N"
        await pilot.press("tab", "tab")
        assert pilot.app.focused is screen.pane("claims")
        await pilot.press("shift+tab")
        assert pilot.app.focused is screen.pane("actors")


async def test_enter_on_claim_jumps_and_marks_speaker_and_cue(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        claims = screen.pane("claims")
        claims.focus()
        index = next(i for i, c in enumerate(claims.items)
                     if getattr(c, "speaker", None) == "Kristjan Lepp")
        claims.highlighted = index
        await pilot.press("enter")
        claim = claims.items[index]
        assert screen.view.cursor_offset == claim.start
        focus = screen.view._layers["focus"]
        assert any(s.style == "article--cue" and (s.start, s.end) == tuple(claim.cue_span)
                   for s in focus)
        # the claim's own words are its content: the speaker and the cue are marked apart
        assert any(s.style == "article--focus" and (s.start, s.end) == (claim.start, claim.end)
                   for s in focus)
        assert not claim.start <= claim.cue_span[0] < claim.end


def test_a_claims_line_names_speaker_and_cue_once_then_the_content():
    from briefing.model import Claim
    from briefing.tui.widgets.panes import claim_prompt

    claim = Claim(0, 31, "“It leaves our farmers behind,”", ["attributed"],
                  speaker="Maria Cantwell", cue="said", cue_span=(47, 51))
    assert claim_prompt(claim).plain == ("[ATTR] Maria Cantwell said: "
                                         "“It leaves our farmers behind,”")
    labelled = Claim(5, 20, "Taxes will rise", ["attributed"], speaker="MILLER", cue=":")
    assert claim_prompt(labelled).plain == "[ATTR] MILLER: Taxes will rise"
    # a claim that still holds its cue (a negated frame keeps its sentence) names no cue twice
    negated = Claim(0, 40, "She did not say what the measures would be", ["attributed"],
                    speaker="Lin Wen", cue="say", cue_span=(12, 15))
    assert claim_prompt(negated).plain == ("[ATTR] Lin Wen: "
                                           "She did not say what the measures would be")
    # nobody says an event: no empty speaker slot before its words
    event = Claim(0, 26, "The cable failed at 04:10.", ["event"])
    assert claim_prompt(event).plain == "[EVT] The cable failed at 04:10."
    unknown = Claim(0, 20, "the port would close", ["attributed"], cue="reportedly",
                    cue_span=(30, 40))
    assert claim_prompt(unknown).plain == "[ATTR] — reportedly: the port would close"


async def test_cursor_movement_syncs_claims_actors_and_notes(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        claim = next(c for c in screen.analysis.claims if c.speaker == "Kristjan Lepp")
        screen.view.jump_to(claim.start + 2)
        await pilot.pause()
        assert screen.pane("claims").current() is claim
        marked = {screen.analysis.actors[i].name for i in screen.pane("actors").marked}
        assert "Kristjan Lepp" in marked
        lepp = next(i for i, a in enumerate(screen.analysis.actors)
                    if a.name == "Kristjan Lepp")
        assert str(screen.pane("actors").get_option_at_index(lepp).prompt).startswith("▸")
        await pilot.press("h")
        await flush(pilot)
        screen.view.jump_to(0)
        await pilot.pause()
        screen.view.jump_to(claim.start + 2)
        await pilot.pause()
        assert screen.pane("notes").current() is screen.session.highlights[0]


async def test_export_key_writes_markdown(reader_db, tmp_path, monkeypatch):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        pilot.app.settings.export_dir = str(tmp_path / "exports")
        await loaded_reader(pilot)
        await pilot.press("h", "e")
        await flush(pilot)
    [exported] = list((tmp_path / "exports").glob("*.md"))
    assert "## Highlights" in exported.read_text()


async def test_copy_puts_markdown_on_clipboard(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        await loaded_reader(pilot)
        await pilot.press("h", "y")
        assert pilot.app.clipboard.startswith("> HELSINKI, Feb 14")


async def test_help_library_and_quit(reader_db):
    from briefing.tui.screens.library import LibraryScreen
    from briefing.tui.screens.reader import ReaderScreen

    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        await loaded_reader(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        await open_dialog(pilot, "L", LibraryScreen)
        library = pilot.app.screen
        await wait_for(pilot, lambda: library.rows)
        # The library's article opens in a reader over it, and L comes back to the library.
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.analysis is not None)
        await pilot.press("L")
        await wait_for(pilot, lambda: pilot.app.screen is library)
        await pilot.press("q")
        await pilot.pause()
    assert pilot.app.return_code == 0


async def test_layers_toggle(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        assert screen.view.enabled["actors"]
        await pilot.press("x")
        assert not screen.view.enabled["actors"]
        drawn = [style for row in range(screen.view.document.line_count)
                 for style in screen.view.styles_on_line(row)]
        assert drawn and all(s[2].startswith("article--claim") for s in drawn)
        await pilot.press("x")
        drawn = [style for row in range(screen.view.document.line_count)
                 for style in screen.view.styles_on_line(row)]
        assert any(s[2].startswith("article--actor") for s in drawn)


async def test_grading_is_stored_and_shown(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        claim = next(c for c in screen.analysis.claims if c.speaker == "Kristjan Lepp")
        screen.view.jump_to(claim.start + 1)
        await open_dialog(pilot, "r", Prompt)
        await pilot.press("2", "enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, Prompt))
        await pilot.press("b", "enter")
        await flush(pilot)
        assert screen.session.grade_label(claim) == "B2"
    path, _ = reader_db
    with Store(path) as store:
        assert store.get_value("grades", "source:kristjan lepp") == "B"


@pytest.mark.parametrize("size", [(80, 24)])
async def test_narrow_terminal_uses_tabs(reader_db, size):
    from textual.widgets import Footer, Tabs

    async with app_for(reader_db).run_test(size=size) as pilot:
        screen = await loaded_reader(pilot)
        assert screen.has_class("narrow")
        footer = screen.query_one(Footer)  # every key fits: no padding, no ^p hint
        assert footer.compact and not footer.show_command_palette
        tabs = screen.query_one(Tabs)
        assert tabs.display
        assert screen.pane("actors").display and not screen.pane("claims").display
        await pilot.press("tab", "tab")
        assert screen.pane("claims").display and not screen.pane("actors").display


async def test_orphans_are_listed_in_notes_and_can_be_reattached(reader_db):
    path, article_id = reader_db
    with Store(path) as store:
        text = store.article(article_id)["text"]
        start = text.index("Fingrid")
        orphan = store.add_annotation(article_id, start, start + 7, note="gone")
        store.set_anchors(article_id, {orphan: None}, store.article(article_id)["hash"])
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await wait_for(pilot, lambda: screen.session.highlights)
        notes = screen.pane("notes")
        assert notes.items[0].status == "orphaned"
        assert "Orphaned" in str(notes.get_option_at_index(0).prompt)
        notes.focus()
        notes.highlighted = 0
        screen.view.jump_to(text.index("Cameroon"))
        await pilot.press("o")
        await flush(pilot)
    with Store(path) as store:
        again = store.annotation(orphan)
        assert again.status == "anchored" and again.start is not None
        assert "Cameroon" in store.article(article_id)["text"][again.start:again.end]


async def test_claims_filter_by_kind_and_grade(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        everything = len(screen.analysis.claims)
        await open_dialog(pilot, "F", Prompt)
        await pilot.press(*"denial", "enter")
        await pilot.pause()
        shown = screen.pane("claims").items
        assert shown and all("denial" in c.kinds for c in shown)
        assert len(shown) < everything
        claim = next(c for c in screen.analysis.claims if c.speaker == "Kristjan Lepp")
        screen._set_grade(f"claim:{screen.article_id}:{claim.start}:{claim.end}", "2")
        screen._set_grade("source:kristjan lepp", "B")
        screen.session.claim_filter = "B2"
        screen._refresh_claims()
        assert {c.speaker for c in screen.pane("claims").items} == {"Kristjan Lepp"}
        assert "B2" in str(screen.pane("claims").get_option_at_index(0).prompt)


async def test_changes_from_another_session_appear(reader_db, monkeypatch):
    import briefing.tui.screens.reader as reader_module

    monkeypatch.setattr(reader_module, "OTHER_SESSIONS_POLL", 0.1)
    path, article_id = reader_db
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("h")
        await flush(pilot)
        with Store(path) as other:  # a second login writing to the same file
            text = other.article(article_id)["text"]
            start = text.index("Fingrid")
            other.add_annotation(article_id, start, start + 7, note="from the other session")
        await wait_for(pilot, lambda: len(screen.session.highlights) == 2)
        assert {h.note for h in screen.session.highlights} == {"", "from the other session"}


async def test_an_article_another_session_deleted_says_so_and_saves_nothing(reader_db,
                                                                             monkeypatch):
    """Its highlights vanished with no word, and every key then failed ('Not saved: no
    article with id N'): the analyst is told once, and the reader keeps what it shows."""
    import briefing.tui.screens.reader as reader_module

    monkeypatch.setattr(reader_module, "OTHER_SESSIONS_POLL", 0.1)
    path, article_id = reader_db
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("h")
        await flush(pilot)
        with Store(path) as other:  # a second login deletes it
            other.delete_article(article_id)
        await wait_for(pilot, lambda: screen.session.read_only is not None)
        assert "deleted in another session" in screen.session.read_only
        assert len(screen.session.highlights) == 1  # still shown, to copy
        await pilot.press("h")
        await flush(pilot)
        assert len(screen.session.highlights) == 1


async def test_tag_key_sets_tags_and_layer_keys_toggle(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("h")
        await flush(pilot)
        await open_dialog(pilot, "t", Prompt)
        await pilot.press(*"#cable sabotage", "enter")
        await flush(pilot)
        assert screen.session.highlights[0].tags == ["cable", "sabotage"]
        for key, layer in (("c", "claims"), ("H", "highlights")):
            await pilot.press(key)
            assert not screen.view.enabled[layer]
            await pilot.press(key)
            assert screen.view.enabled[layer]
    annotations, _ = stored(reader_db)
    assert annotations[0].tags == ["cable", "sabotage"]


async def test_claims_filter_with_markup_is_shown_literally(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        screen.session.claim_filter = "[/][b]x"
        screen._refresh_claims()
        await pilot.pause()
        assert pilot.app.is_running
        assert "[/][b]x" in pilot.app.export_screenshot()


async def test_delete_from_the_notes_pane(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("h")
        await flush(pilot)
        screen.view.jump_to(screen.text.index("Fingrid"))
        notes = screen.pane("notes")
        notes.focus()
        notes.highlighted = 0
        await pilot.press("d")
        await flush(pilot)
        assert screen.session.highlights == [] and screen.session.undo_stack
    assert stored(reader_db)[0] == []


async def test_garbage_collection_resumes_once_the_text_is_on_screen(reader_db):
    # `briefing FILE` pauses the collector for start-up; the reader must switch it back on.
    gc.disable()
    try:
        async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
            screen = await loaded_reader(pilot)
            assert screen.pane("actors").items
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


async def test_deleting_a_highlight_with_a_note_asks_first(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await open_dialog(pilot, "a", NoteEditor)
        await pilot.press(*"Two sources", "ctrl+s")
        await flush(pilot)
        await open_dialog(pilot, "d", Confirm)
        assert "Two sources" in pilot.app.screen.question  # it says which note goes
        await pilot.press("n")
        await flush(pilot)
        assert len(screen.session.highlights) == 1 and len(stored(reader_db)[0]) == 1
        await open_dialog(pilot, "d", Confirm)
        await pilot.press("y")
        await flush(pilot)
        assert screen.session.highlights == [] and stored(reader_db)[0] == []
        # A highlight without a note goes at once, as before.
        await pilot.press("h")
        await flush(pilot)
        await pilot.press("d")
        await flush(pilot)
        assert screen.session.highlights == [] and pilot.app.screen is screen


async def test_w_goes_to_the_start_of_the_next_word_and_backspace_left(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        view = screen.view
        assert screen.text.startswith("HELSINKI, Feb 14 (NWS)")
        await pilot.press("g", "w")
        assert view.cursor_location == (0, len("HELSINKI"))  # the comma: a word of its own
        await pilot.press("w")
        assert view.cursor_location == (0, len("HELSINKI, "))  # "Feb", not after it
        await pilot.press("w", "w")
        assert view.cursor_location == (0, len("HELSINKI, Feb 14 "))  # "(NWS)" starts at "("
        await pilot.press("backspace")
        assert view.cursor_location == (0, len("HELSINKI, Feb 14"))
        await pilot.press("l")
        assert view.cursor_location == (0, len("HELSINKI, Feb 14 "))
        # At the end of a paragraph, w goes on to the first word of the next one.
        first_line = view.document.get_line(0)
        view.move_cursor((0, len(first_line) - 1))
        await pilot.press("w")
        row, column = view.cursor_location
        assert row > 0 and column == 0 and view.document.get_line(row)


async def test_escape_clears_the_search_after_the_selection(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await open_dialog(pilot, "slash", Prompt)
        await pilot.press(*"cable", "enter")
        await pilot.pause()
        assert screen.view.walk and screen.view.border_title
        await pilot.press("v", "w")
        assert screen.view.selected_span
        await pilot.press("escape")  # first the selection ...
        assert screen.view.selected_span is None and screen.view.walk
        await pilot.press("escape")  # ... then the search, with its place on the border
        assert not screen.view.walk and not screen.view.border_title
        assert not screen.view._layers["search"]
        assert screen.check_action("next_match", ()) is False


async def test_the_first_frame_of_a_file_is_already_wrapped(tmp_path):
    # A file opened from the command line is shown before the first layout; its first
    # frame showed each paragraph as one unwrapped line until the Resize re-wrapped it.
    from briefing.ingest import load
    from briefing.tui.widgets.article import ArticleView

    first_frame: list[int] = []
    original = ArticleView.render_line

    def render_line(view, y):
        if not first_frame and view.text and view._frame_is_shown():
            first_frame.append(view.wrapped_document.height)
        return original(view, y)

    doc = load(DATA / "sahel-grain-corridor.md")
    ArticleView.render_line = render_line
    try:
        app = BriefingApp(db_path=tmp_path / "db.json", document=doc)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                           and pilot.app.screen.article is not None)
            await pilot.pause()
            view = pilot.app.screen.view
            assert first_frame == [view.wrapped_document.height]
            assert view.wrapped_document.height > view.document.line_count  # it does wrap
    finally:
        ArticleView.render_line = original


async def test_status_line_keeps_the_next_colour_at_80_columns(reader_db):
    async with app_for(reader_db).run_test(size=(80, 24)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("3")
        await pilot.pause()
        status = screen.query_one("#status")
        line = str(status.render())
        assert line.rstrip().endswith("next highlight: blue (3)")
        assert len(line.rstrip()) <= status.content_region.width
    async with app_for(reader_db).run_test(size=(160, 40)) as pilot:
        screen = await loaded_reader(pilot)
        # The sample has one date flag: "1 date note", not "1 date notes".
        assert "⚑ 1 date note (see Claims)" in str(screen.query_one("#status").render())


async def test_notes_pane_shows_tags_written_in_the_note_once(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await open_dialog(pilot, "a", NoteEditor)
        await pilot.press(*"Check #baltic #cables", "ctrl+s")
        await flush(pilot)
        await open_dialog(pilot, "t", Prompt)
        await pilot.press("ctrl+a", "ctrl+k", *"baltic cables grid", "enter")
        await flush(pilot)
        prompt = str(screen.pane("notes").get_option_at_index(0).prompt)
        assert prompt.count("#baltic") == 1 and prompt.count("#cables") == 1
        assert "#grid" in prompt  # a tag only set with t is still listed


async def test_narrowing_the_terminal_drops_the_palette_hint_from_the_footer(reader_db):
    from textual.widgets import Footer

    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        footer = screen.query_one(Footer)
        await wait_for(pilot, lambda: footer.query(".-command-palette"))
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: screen.has_class("narrow"))
        await pilot.pause()
        assert not footer.query(".-command-palette")  # it cut off Library and Quit
        await pilot.resize_terminal(120, 40)
        await wait_for(pilot, lambda: footer.query(".-command-palette"))


async def test_a_poll_read_before_an_edit_does_not_undo_it_on_screen(reader_db):
    # The poll for other sessions' changes is queued on the database thread; a key pressed
    # after it was queued but before its answer arrived was undone on screen by that
    # older answer (the snapshot test caught "h 2" showing yellow under load).
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        gate = threading.Event()
        pilot.app.service.submit(lambda store: gate.wait(5))
        screen.poll.busy = False
        screen.poll.seen_version = None  # the next read reports the database's state
        screen._poll_other_sessions()  # queued behind the gate: reads no highlight
        await pilot.press("h")  # its write is queued after the read
        gate.set()
        await flush(pilot)
        await wait_for(pilot, lambda: not screen.poll.busy)
        await pilot.pause()
        assert len(screen.session.highlights) == 1 and screen.session.highlights[0].id


LIST_ITEM = ("• Inspectors boarded the tanker at dawn and found the anchor chain cut "
             "through, its links scored along one side")


async def test_a_wrapped_list_item_hangs_under_its_text_and_the_cursor_follows(tmp_path):
    """A list item's wrapped rows started under its bullet; they line up under its text,
    and the cursor, the mouse and up/down keep to the words drawn there."""
    from textual.geometry import Offset

    from briefing.document import Document

    doc = Document("Anchor", f"The tanker was stopped.\n\n{LIST_ITEM}\n\nMore followed.")
    async with BriefingApp(db_path=tmp_path / "db.json", document=doc).run_test(
            size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen)
                       and pilot.app.screen.article is not None)
        view = pilot.app.screen.view
        rows = [view.render_line(y).text.rstrip() for y in range(8)]
        first = next(i for i, row in enumerate(rows) if row.lstrip().startswith("• "))
        indent = rows[first].index("•") + 2
        assert rows[first + 1][:indent].strip() == "" and rows[first + 1][indent] != " "
        assert rows[first + 2][:indent].strip() == "" and rows[first + 2][indent] != " "
        # The cursor on a word of the second row is drawn, and found, where that word is.
        word = rows[first + 1].split()[0]
        view.jump_to(view.text.index(word, view.text.index("•")))
        x, y = view.wrapped_document.location_to_offset(view.cursor_location)
        assert (x, y) == (rows[first + 1].index(word), first + 1)
        assert view.wrapped_document.offset_to_location(Offset(x, y)) == view.cursor_location
        # A click in the indent lands on the row's first word; down keeps to the column.
        assert view.wrapped_document.offset_to_location(Offset(0, y)) == view.cursor_location
        await pilot.press("down")
        x_below, y_below = view.wrapped_document.location_to_offset(view.cursor_location)
        assert (x_below, y_below) == (x, y + 1)


async def test_wrapped_pane_lines_hang_under_their_text(reader_db):
    """An actor's long role wrapped back to the pane's left edge, under the glyphs; it
    hangs under the role, as a long name hangs under the name."""
    async with app_for(reader_db).run_test(size=(80, 24)) as pilot:
        screen = await loaded_reader(pilot)
        pane = screen.pane("actors")
        varga = next(i for i, a in enumerate(pane.items) if a.name == "Elina Varga")
        pane.highlighted = varga  # scrolled into view
        await pilot.pause()
        rows = [pane.render_line(y).text for y in range(pane.size.height)]
        start = next(y for y, row in enumerate(rows) if "person · senior fellow" in row)
        role = rows[start].index("person")
        end = next((y for y in range(start + 1, len(rows)) if "×" in rows[y]), len(rows))
        wrapped = rows[start + 1:end]  # up to the next actor
        assert len(wrapped) >= 2 and "Institute for" in " ".join(r.strip() for r in wrapped)
        assert all(row[:role].strip() == "" and row[role] != " " for row in wrapped)


async def test_deleting_the_article_note_is_undone_by_u_saying_so(reader_db):
    async with app_for(reader_db).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await open_dialog(pilot, "A", NoteEditor)
        await pilot.press(*"Thin sourcing", "ctrl+s")
        await flush(pilot)
        notes = screen.pane("notes")
        notes.focus()
        notes.highlighted = 0
        await open_dialog(pilot, "d", Confirm)
        assert "(u undoes)" in str(pilot.app.screen.question)
        await pilot.press("y")
        await flush(pilot)
        assert screen.session.notes == [] and stored(reader_db)[1] == []
        await wait_for(pilot, lambda: list(pilot.app._notifications)[-1].message
                       == "Article note deleted (u to undo)")
        await pilot.press("u")
        await flush(pilot)
        assert [n.note for n in screen.session.notes] == ["Thin sourcing"]
        await wait_for(pilot, lambda: list(pilot.app._notifications)[-1].message
                       == "Undone: deleting the article note.")
    [back] = stored(reader_db)[1]
    assert back.note == "Thin sourcing" and back.created
