"""The reader when what it shows changes in the database: answering y to "a new version
of …?", a text replaced under an open reader (the library's U, another session), and
the check for other sessions' changes racing this session's own edits."""

from __future__ import annotations

from briefing import config
from briefing.analysis import cache_key
from briefing.grades import claim_key, set_grade
from briefing.ingest import load
from briefing.library import update_article
from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.modals import Confirm
from briefing.tui.screens.reader import ReaderScreen
from tests.conftest import DATA
from tests.tui.conftest import loaded_reader, wait_for

REVISED = DATA / "baltic-cable-damage.rev2.md"
SPECULATION = "baseless speculation by Western media"
MOSCOW = "responsibility for all previous incidents"  # the claim's content (#14)
ASKED = "his government would ask NATO to increase patrols"


def analysis_of(text: str, sample_analysis: dict) -> dict:
    """The stored sample analysis, its claims put where their words are in `text` (as the
    analysis of that text would find them), so no spaCy run is needed."""
    claims = [dict(c, start=text.index(c["text"]), end=text.index(c["text"]) + len(c["text"]),
                   cue_span=None, speaker_span=None)
              for c in sample_analysis["claims"] if c["text"] in text]
    return {"model": sample_analysis["model"], "actors": [], "claims": claims, "flags": []}


def prepare(reader_db, sample_analysis) -> tuple[int, int]:
    """A highlight on the state-media line, one on a clause rev2 edits, a graded claim,
    and rev2's analysis in the cache. Returns the two highlights' ids."""
    path, article_id = reader_db
    with Store(path) as store:
        text = store.article(article_id)["text"]
        start = text.index(SPECULATION)
        moved = store.add_annotation(article_id, start, start + len(SPECULATION), note="line")
        start = text.index(ASKED)
        edited = store.add_annotation(article_id, start, start + len(ASKED))
        start = text.index(MOSCOW)
        set_grade(store, claim_key(article_id, {"start": start, "end": start + len(MOSCOW)}),
                  "4")
        revised = load(REVISED)
        store.save_analysis(cache_key(revised.hash, config.model_name()),
                            analysis_of(revised.text, sample_analysis))
    return moved, edited


def shown(screen: ReaderScreen) -> dict[int, str]:
    return {h.id: screen.text[h.start:h.end] for h in screen.session.highlights
            if not h.orphaned}


async def test_answering_y_moves_highlights_grades_and_panes_to_the_new_text(
        reader_db, sample_analysis):
    moved, edited = prepare(reader_db, sample_analysis)
    path, article_id = reader_db
    app = BriefingApp(db_path=path, document=load(REVISED))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, Confirm))
        await pilot.press("y")
        screen = await loaded_reader(pilot)
        await wait_for(pilot, lambda: screen.session.highlights)
        assert screen.article_id == article_id and screen.text == load(REVISED).text
        assert shown(screen) == {moved: SPECULATION,
                                 edited: "his government would formally ask NATO to increase "
                                         "patrols"}
        # The Notes pane shows what was first marked where the words changed.
        notes = screen.pane("notes")
        prompts = {item.id: str(notes.get_option_at_index(i).prompt)
                   for i, item in enumerate(notes.items) if item.id}
        assert f"first marked: “{ASKED}”" in prompts[edited]
        assert "first marked" not in prompts[moved]
        # The grade followed its claim: shown on the claim in the new text.
        claim = next(c for c in screen.analysis.claims if c.text == MOSCOW)
        assert screen.session.grade_label(claim) == "-4"
        index = screen.pane("claims").items.index(claim)
        assert " -4 " in str(screen.pane("claims").get_option_at_index(index).prompt)


async def test_a_new_version_saved_elsewhere_replaces_the_text_under_the_cursor(
        reader_db, sample_analysis, monkeypatch):
    import briefing.tui.screens.reader as reader_module

    monkeypatch.setattr(reader_module, "OTHER_SESSIONS_POLL", 0.1)
    moved, _ = prepare(reader_db, sample_analysis)
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test(
            size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        old_text = screen.text
        screen.view.jump_to(old_text.index("Detective Superintendent") + 3)
        before = screen.text[screen.view.cursor_offset:][:20]
        with Store(path) as other:  # the library's U, or `import --update` elsewhere
            update_article(other, article_id, REVISED)
        await wait_for(pilot, lambda: screen.text != old_text and screen.analysis is not None)
        assert screen.text == load(REVISED).text
        # The cursor is on the same words, every highlight on its words in the new text,
        # and the claims are the new text's.
        assert screen.text[screen.view.cursor_offset:][:20] == before
        assert shown(screen)[moved] == SPECULATION
        for claim in screen.analysis.claims:
            assert screen.text[claim.start:claim.end] == claim.text


async def test_a_poll_read_before_a_local_edit_does_not_undo_it(reader_db, monkeypatch):
    """The check for other sessions' changes reads the database in the queue; when this
    session edits after that read was queued, the read is older than the screen and must
    not replace what the screen shows (it reverted a recolour under load)."""
    import threading

    import briefing.tui.screens.reader as reader_module

    monkeypatch.setattr(reader_module, "OTHER_SESSIONS_POLL", 3600)  # polled by hand below
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test(
            size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        await pilot.press("h")  # a highlight, colour 1, saved
        await wait_for(pilot, lambda: screen.session.highlights[0].id and not screen.poll.busy)
        pilot.app.service.flush()
        gate = threading.Event()
        pilot.app.service.submit(lambda store: gate.wait(5))  # the database is busy
        screen.poll.seen_version = None
        screen._poll_other_sessions()  # a read queued now sees colour 1
        assert screen.poll.busy
        await pilot.press("3")  # recoloured on screen at once, saved after the read
        gate.set()
        pilot.app.service.flush()
        await pilot.pause()
        await wait_for(pilot, lambda: not screen.poll.busy)
        assert [h.color for h in screen.session.highlights] == [3]
    with Store(path) as store:
        assert [a.color for a in store.annotations(article_id)] == [3]
