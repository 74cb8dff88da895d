"""A claim's grade stays on its claim in the reader when a new analysis of the same text
finds the claim at other offsets (briefing/claim_grades.py), and a grade no claim holds is
listed in the Notes pane."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

import briefing.analysis
from briefing import config
from briefing.analysis import cache_key
from briefing.grades import claim_key, set_grade, source_key
from briefing.model import Claim
from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.messages import AnalysisDone
from briefing.tui.screens.modals import Confirm, Prompt
from tests.tui.conftest import loaded_reader, open_dialog, wait_for

LEPP = "Kristjan Lepp"
MOSCOW = "responsibility for all previous incidents"  # in the claim a newer analysis misses


def lepp(claims: list) -> Claim | dict:
    """Lepp's first claim (a Claim on screen, a dict in a stored analysis)."""
    return next(c for c in claims
                if (c["speaker"] if isinstance(c, dict) else c.speaker) == LEPP)


def narrowed(analysis: dict, text: str) -> dict:
    """The sample analysis as a newer one finds it: Lepp's first claim starts a word later,
    the other claims a character later, and no claim holds Moscow's denial."""
    claims = []
    first = lepp(analysis["claims"])
    for claim in analysis["claims"]:
        if MOSCOW in claim["text"]:
            continue
        start = text.index(" ", claim["start"]) + 1 if claim is first else claim["start"] + 1
        claims.append(dict(claim, start=start, text=text[start:claim["end"]],
                           cue_span=None, speaker_span=None))
    return {**analysis, "claims": claims}


def prompt_of(screen, claim: Claim) -> str:
    """What the Claims pane shows for `claim`."""
    pane = screen.pane("claims")
    return next(str(pane.get_option_at_index(i).prompt) for i, item in enumerate(pane.items)
                if item is claim)


async def test_a_grade_stays_on_its_claim_after_an_analysis_version_bump(
        reader_db, sample_analysis, monkeypatch):
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        claim = lepp(screen.analysis.claims)
        screen.view.jump_to(claim.start + 1)
        await open_dialog(pilot, "r", Prompt)
        credibility = pilot.app.screen
        await pilot.press("2", "enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, Prompt)
                       and pilot.app.screen is not credibility)  # the speaker's reliability
        await pilot.press("B", "enter")
        await wait_for(pilot, lambda: " B2 " in prompt_of(screen, claim))
        await pilot.app.workers.wait_for_complete()
        pilot.app.service.flush()
    # A new Briefing analyses the text again and finds Lepp's claim at other offsets.
    monkeypatch.setattr(briefing.analysis, "ANALYSIS_VERSION",
                        briefing.analysis.ANALYSIS_VERSION + 1)
    with Store(path) as store:
        article = store.article(article_id)
        newer = narrowed(sample_analysis, article.text)
        store.save_analysis(cache_key(article.hash, config.model_name()), newer)
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        moved = lepp(screen.analysis.claims)
        assert moved.start == lepp(newer["claims"])["start"] != claim.start  # the new one
        assert " B2 " in prompt_of(screen, moved)


async def test_a_fresh_analysis_moves_the_grades_and_lists_the_one_no_claim_holds(
        reader_db, sample_analysis):
    path, article_id = reader_db
    with Store(path) as store:
        text = store.article(article_id).text
        set_grade(store, claim_key(article_id, lepp(sample_analysis["claims"])), "2",
                  speaker=LEPP)
        moscow = next(c for c in sample_analysis["claims"] if MOSCOW in c["text"])
        set_grade(store, claim_key(article_id, moscow), "4", speaker="Russia")
        set_grade(store, "source:russia", "E")
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        assert " -2 " in prompt_of(screen, lepp(screen.analysis.claims))
        told: list[str] = []  # (a toast may expire before a loaded machine gets here)
        notify = pilot.app.notify
        pilot.app.notify = lambda message, **kw: told.append(message) or notify(message, **kw)
        # What the analysis worker posts when the child process answers.
        newer = narrowed(sample_analysis, text)
        screen.post_message(AnalysisDone(newer))
        await wait_for(pilot, lambda: lepp(screen.analysis.claims).start
                       == lepp(newer["claims"])["start"]
                       and " -2 " in prompt_of(screen, lepp(screen.analysis.claims)))
        notes = screen.pane("notes")
        await wait_for(pilot, lambda: notes.items)
        [prompt] = [str(notes.get_option_at_index(i).prompt) for i in range(len(notes.items))]
        assert prompt.startswith("⚠ Orphaned grade E4 on “") and MOSCOW in prompt
        assert prompt.endswith("— no claim found there now")
        assert "New analysis: 1 claim grade is on no claim now (kept, listed in Notes)" in told


async def test_a_grade_given_while_the_grades_are_read_again_stays_on_screen(
        reader_db, sample_analysis):
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        text = screen.text
        held = threading.Event()
        pilot.app.service.submit(lambda store: held.wait(10))  # the database thread is busy
        newer = narrowed(sample_analysis, text)
        screen.post_message(AnalysisDone(newer))
        await wait_for(pilot, lambda: lepp(screen.analysis.claims).start
                       == lepp(newer["claims"])["start"])
        # Graded before the saved analysis's grades are read (and so before they answer).
        claim = lepp(screen.analysis.claims)
        screen._set_grade(screen.session.claim_grade_key(claim), "3", LEPP)
        held.set()
        await pilot.app.workers.wait_for_complete()
        pilot.app.service.flush()
        for _ in range(20):
            await pilot.pause(0.02)
        assert " -3 " in prompt_of(screen, claim)
    with Store(path) as store:
        assert store.grades()[claim_key(article_id, claim)] == "3"


@asynccontextmanager
async def orphaned_grade_reader(reader_db, sample_analysis):
    """The reader with Russia's graded denial orphaned by a new analysis, chosen in Notes
    (focused): yields (pilot, screen, notes pane)."""
    path, article_id = reader_db
    with Store(path) as store:
        moscow = next(c for c in sample_analysis["claims"] if MOSCOW in c["text"])
        set_grade(store, claim_key(article_id, moscow), "4", speaker="Russia")
        text = store.article(article_id).text
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        screen.post_message(AnalysisDone(narrowed(sample_analysis, text)))
        notes = screen.pane("notes")
        await wait_for(pilot, lambda: notes.items)
        notes.focus()
        notes.highlighted = 0
        await pilot.pause()
        yield pilot, screen, notes


async def _settled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    pilot.app.service.flush()
    await pilot.pause()


async def test_delete_on_an_orphaned_grade_asks_then_deletes_it_and_u_undoes(
        reader_db, sample_analysis):
    path, article_id = reader_db
    async with orphaned_grade_reader(reader_db, sample_analysis) as (pilot, screen, notes):
        assert str(notes.border_subtitle) == "⚠ o re-attach · d delete"  # what to do with it
        await open_dialog(pilot, "d", Confirm)
        assert str(pilot.app.screen.question).startswith("Delete the orphaned grade -4 on “")
        await pilot.press("n")  # kept
        await _settled(pilot)
        assert [g.value for g in screen.session.orphaned_grades] == ["4"]
        await open_dialog(pilot, "d", Confirm)
        await pilot.press("y")
        await _settled(pilot)
        assert screen.session.orphaned_grades == [] and str(notes.border_subtitle) == ""
        with Store(path) as store:
            assert store.grade_rows(article_id) == []
        await pilot.press("u")
        await _settled(pilot)
        assert [g.value for g in screen.session.orphaned_grades] == ["4"]
    with Store(path) as store:
        [back] = store.grade_rows(article_id)
        assert (back.value, back.status, back.extra["speaker"]) == ("4", "unclaimed", "Russia")


async def test_o_re_attaches_an_orphaned_grade_to_the_claim_under_the_cursor(
        reader_db, sample_analysis):
    path, article_id = reader_db
    async with orphaned_grade_reader(reader_db, sample_analysis) as (pilot, screen, notes):
        claim = lepp(screen.analysis.claims)
        screen.view.jump_to(claim.start + 1)
        await pilot.press("o")
        await _settled(pilot)
        assert " -4 " in prompt_of(screen, claim)
        assert screen.session.orphaned_grades == [] and not notes.items
    with Store(path) as store:
        [row] = store.grade_rows(article_id)
        assert (row.key, row.value, row.status) == (claim_key(article_id, claim), "4", None)
        assert row.extra["speaker"] == LEPP


async def test_o_on_a_graded_claim_asks_and_keeps_its_grade_as_an_orphan(
        reader_db, sample_analysis):
    path, article_id = reader_db
    async with orphaned_grade_reader(reader_db, sample_analysis) as (pilot, screen, notes):
        claim = lepp(screen.analysis.claims)
        screen._set_grade(screen.session.claim_grade_key(claim), "2", LEPP)
        await _settled(pilot)
        screen.view.jump_to(claim.start + 1)
        await open_dialog(pilot, "o", Confirm)
        assert "has credibility 2 already" in str(pilot.app.screen.question)
        await pilot.press("n")  # nothing changes
        await _settled(pilot)
        assert " -2 " in prompt_of(screen, claim)
        await open_dialog(pilot, "o", Confirm)
        await pilot.press("y")
        await _settled(pilot)
        assert " -4 " in prompt_of(screen, claim)
        [kept] = screen.session.orphaned_grades
        assert kept.value == "2" and kept.key  # as stored, not the placeholder
        assert "Orphaned grade -2 on “" in str(notes.get_option_at_index(0).prompt)
    with Store(path) as store:
        rows = {r.value: r for r in store.grade_rows(article_id)}
        assert rows["4"].key == claim_key(article_id, claim)
        assert rows["2"].status == "superseded" and rows["2"].key == kept.key


async def test_an_orphaned_reliability_is_listed_and_o_gives_it_to_a_claims_speaker(
        reader_db, sample_analysis):
    path, article_id = reader_db
    with Store(path) as store:  # given here to a source no analysis names any more
        set_grade(store, source_key("Ghost Ministry"), "E", speaker="Ghost Ministry",
                  article_id=article_id)
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        notes = screen.pane("notes")
        await wait_for(pilot, lambda: notes.items)
        assert str(notes.get_option_at_index(0).prompt) == (
            "⚠ Orphaned reliability E of “Ghost Ministry” — no source of that name speaks now")
        notes.highlighted = 0
        claim = lepp(screen.analysis.claims)
        screen.view.jump_to(claim.start + 1)
        await pilot.press("o")
        await _settled(pilot)
        assert " E- " in prompt_of(screen, claim) and not notes.items
    with Store(path) as store:
        assert store.grades() == {source_key(LEPP): "E"}


async def test_delete_in_notes_with_nothing_chosen_says_how_to_choose(reader_db, sample_analysis):
    # Notes has focus and lists an orphan, but no item is chosen yet: "d" must not talk
    # about a highlight under the article's cursor, and nothing is deleted
    async with orphaned_grade_reader(reader_db, sample_analysis) as (pilot, screen, notes):
        notes.highlighted = None
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        shown = [n.message for n in pilot.app._notifications]
        assert shown[-1] == "Nothing chosen in Notes: ↑/↓ choose an item, then d deletes it."
        assert [g.value for g in screen.session.orphaned_grades] == ["4"]


async def test_a_reliability_moved_to_a_renamed_source_is_told_once_and_marked(
        reader_db, monkeypatch):
    """A reliability given to "Lepp", whom the analysis names Kristjan Lepp: the reader
    says it moved when the article opens (once), and the Claims pane says beside the grade
    which name it was given under."""
    path, article_id = reader_db
    with Store(path) as store:
        set_grade(store, source_key("Lepp"), "B", speaker="Lepp", article_id=article_id)
    told: list[str] = []
    notify = BriefingApp.notify
    monkeypatch.setattr(BriefingApp, "notify",
                        lambda app, message, **kw: told.append(message) or notify(app, message,
                                                                                  **kw))
    for _ in range(2):
        async with BriefingApp(db_path=path, article_id=article_id).run_test(
                size=(120, 40)) as pilot:
            screen = await loaded_reader(pilot)
            claim = lepp(screen.analysis.claims)
            await wait_for(pilot, lambda s=screen, c=claim: " B- " in prompt_of(s, c))
            assert "B- (reliability given as “Lepp”)" in prompt_of(screen, claim)
    assert told.count("Reliability of “Lepp” now on “Kristjan Lepp” (same source)") == 1


async def test_u_undoes_the_last_of_d_and_o_whichever_it_was(reader_db, sample_analysis,
                                                             monkeypatch):
    """d deletes the orphaned reliability, o puts the orphaned claim grade on Lepp's
    claim; u takes back the o (not the d), saying so, and u again the d."""
    path, article_id = reader_db
    with Store(path) as store:
        set_grade(store, source_key("Ghost Ministry"), "E", speaker="Ghost Ministry",
                  article_id=article_id)
    told: list[str] = []
    notify = BriefingApp.notify
    monkeypatch.setattr(BriefingApp, "notify",
                        lambda app, message, **kw: told.append(message) or notify(app, message,
                                                                                  **kw))
    async with orphaned_grade_reader(reader_db, sample_analysis) as (pilot, screen, notes):
        await wait_for(pilot, lambda: len(notes.items) == 2)
        assert [g.value for g in notes.items] == ["4", "E"]
        notes.highlighted = 1
        await open_dialog(pilot, "d", Confirm)
        await pilot.press("y")
        await _settled(pilot)
        notes.highlighted = 0
        claim = lepp(screen.analysis.claims)
        screen.view.jump_to(claim.start + 1)
        await pilot.press("o")
        await _settled(pilot)
        assert " -4 " in prompt_of(screen, claim) and notes.items == []
        await pilot.press("u")
        await _settled(pilot)
        # told once the undo is saved: the answer comes back from the database thread
        await wait_for(pilot, lambda: told[-1].startswith("Undone: re-attaching the grade "
                                                          "-4 on “"))
        assert [g.value for g in notes.items] == ["4"]
        assert " -4 " not in prompt_of(screen, claim)
        with Store(path) as store:
            [row] = store.grade_rows(article_id)
            assert (row.value, row.status) == ("4", "unclaimed")
            assert source_key("Ghost Ministry") not in store.grades()
        await pilot.press("u")
        await _settled(pilot)
        await wait_for(pilot, lambda: told[-1] == "Undone: deleting the reliability E of "
                                                  "“Ghost Ministry”.")
        assert sorted(g.value for g in notes.items) == ["4", "E"]
        await pilot.press("u")
        assert told[-1] == "Nothing to undo."
    with Store(path) as store:
        assert store.grades()[source_key("Ghost Ministry")] == "E"
        assert [r.value for r in store.grade_rows(article_id)] == ["4"]


async def test_a_delete_the_store_refuses_says_only_why_and_keeps_the_grade_listed(
        reader_db, sample_analysis, monkeypatch):
    """Another session has regraded the orphan since Notes listed it: d is refused. The
    analyst reads one line, what happened and why, not 'deleted' and then 'Not saved'."""
    import briefing.tui.screens.reader as reader_screen

    # (the check for other sessions' changes would otherwise, on a slow machine, take the
    # new grade before d is pressed: then there is nothing to refuse)
    monkeypatch.setattr(reader_screen, "OTHER_SESSIONS_POLL", 3600.0)
    path, article_id = reader_db
    async with orphaned_grade_reader(reader_db, sample_analysis) as (pilot, screen, notes):
        [shown] = screen.session.orphaned_grades
        with Store(path) as store:  # the other session
            store.replace_rows("grades", {shown.key}, [{**shown.to_dict(), "value": "5"}])
        before = len(pilot.app._notifications)
        await open_dialog(pilot, "d", Confirm)
        await pilot.press("y")
        await _settled(pilot)

        def told() -> list[str]:
            return [n.message for n in list(pilot.app._notifications)[before:]]

        await wait_for(pilot, told)  # the refusal comes back from the database thread
        await _settled(pilot)
        assert told() == ["Not deleted: that grade was changed in another session; "
                          "reopen the article"], told()
        assert [g.value for g in screen.session.orphaned_grades] == ["4"]
        await pilot.press("u")
        await pilot.pause()
        assert [n.message for n in pilot.app._notifications][-1] == "Nothing to undo."


async def test_clearing_a_grade_at_r_deletes_it_and_u_puts_it_back_saying_so(reader_db):
    """r shows the grades given; the analyst clears one and presses enter: it is deleted
    (it stayed, silently), said once saved, and u takes back that deletion, the last one
    whatever it was, saying what it undid."""
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        claim = lepp(screen.analysis.claims)
        screen.view.jump_to(claim.start + 1)
        await open_dialog(pilot, "r", Prompt)
        await pilot.press("2", "enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, Prompt)
                       and "reliability" in pilot.app.screen.label)
        await pilot.press("B", "enter")
        await wait_for(pilot, lambda: " B2 " in prompt_of(screen, claim))
        await _settled(pilot)
        await open_dialog(pilot, "r", Prompt)
        await pilot.press("enter")  # credibility 2 kept
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, Prompt)
                       and "reliability" in pilot.app.screen.label)
        assert "empty deletes B" in pilot.app.screen.label
        await pilot.press("backspace", "enter")  # reliability B cleared
        await _settled(pilot)
        assert " -2 " in prompt_of(screen, claim)
        await wait_for(pilot, lambda: list(pilot.app._notifications)[-1].message
                       == f"Reliability B of “{LEPP}” deleted (u to undo)")
        with Store(path) as store:
            assert source_key(LEPP) not in store.grades()
        await pilot.press("u")
        await _settled(pilot)
        assert " B2 " in prompt_of(screen, claim)
        await wait_for(pilot, lambda: list(pilot.app._notifications)[-1].message
                       == f"Undone: deleting the reliability B of “{LEPP}”.")
    with Store(path) as store:
        row = store.reliability(source_key(LEPP))
        assert (row.value, row.extra["name"], row.extra["article"]) == ("B", LEPP, article_id)
        assert store.grades()[claim_key(article_id, claim)] == "2"


async def test_a_grade_another_session_changes_shows_here_and_is_told_once(
        reader_db, monkeypatch):
    """Two sessions on one database: the other one regrades the reliability this reader
    shows as E to D. The check for other sessions' changes shows D on the claim, tells the
    analyst once, and r then offers D (not the stale E) as the grade to keep or delete."""
    import briefing.tui.screens.reader as reader_module

    monkeypatch.setattr(reader_module, "OTHER_SESSIONS_POLL", 0.1)
    path, article_id = reader_db
    with Store(path) as store:
        set_grade(store, source_key(LEPP), "E", speaker=LEPP, article_id=article_id)
    async with BriefingApp(db_path=path, article_id=article_id).run_test(size=(120, 40)) as pilot:
        screen = await loaded_reader(pilot)
        claim = lepp(screen.analysis.claims)
        await wait_for(pilot, lambda: " E- " in prompt_of(screen, claim))
        before = len(pilot.app._notifications)
        with Store(path) as other:  # a second login, or the CLI
            set_grade(other, source_key(LEPP), "D", speaker=LEPP, article_id=article_id)
        await wait_for(pilot, lambda: " D- " in prompt_of(screen, claim))
        await pilot.pause(0.5)  # several more polls: told once still

        told = [n.message for n in list(pilot.app._notifications)[before:]]
        assert told == [f"Another session changed a grade shown here: reliability of "
                        f"“{LEPP}” E → D"], told
        screen.view.jump_to(claim.start + 1)
        await open_dialog(pilot, "r", Prompt)
        await pilot.press("enter")  # the credibility: none given, none asked
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, Prompt)
                       and "reliability" in pilot.app.screen.label)
        assert "empty deletes D" in pilot.app.screen.label
