"""briefing.reading: the reader's questions and edits, without a screen."""

from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.model import Actor, Analysis, ArticleNote, Claim, Highlight, Mention
from briefing.reading import ReadingSession, clean_tags, regraded_notice, signature
from briefing.store import Store

TEXT = ("Officials in Oslo said the cable was cut. Moscow denied any role.  \n"
        "Analysts expect more incidents this winter.")


def _claim(phrase: str, kinds: list[str], speaker: str | None = None) -> Claim:
    start = TEXT.index(phrase)
    return Claim(start, start + len(phrase), phrase, kinds, speaker)


def _session() -> ReadingSession:
    session = ReadingSession(1, TEXT)
    oslo, moscow = TEXT.index("Oslo"), TEXT.index("Moscow")
    session.set_analysis(Analysis("m", actors=[
        Actor("Oslo", "place", mentions=[Mention(oslo, oslo + 4)]),
        Actor("Russia", "country", aliases=["Moscow"], mentions=[Mention(moscow, moscow + 6)]),
    ], claims=[
        _claim("Officials in Oslo said the cable was cut.", ["attributed"], "Officials"),
        _claim("Moscow denied any role.", ["denial"], "Russia"),
        _claim("Analysts expect more incidents this winter.", ["prediction"], "Analysts"),
    ]))
    return session


def _highlight(session: ReadingSession, phrase: str, **fields) -> Highlight:
    start = TEXT.index(phrase)
    highlight = Highlight(len(session.highlights) + 1, 1, start, start + len(phrase), **fields)
    session.highlights.append(highlight)
    return highlight


def test_the_shortest_highlight_under_the_cursor_wins_and_orphans_are_never_under_it():
    session = _session()
    outer = _highlight(session, "Officials in Oslo said the cable was cut.")
    inner = _highlight(session, "Oslo")
    _highlight(session, "Moscow", status="orphaned")
    assert session.highlight_at(TEXT.index("Oslo") + 1) is inner
    assert session.highlight_at(0) is outer
    assert session.highlight_at(TEXT.index("Moscow")) is None


def test_claim_at_and_the_claim_a_highlight_is_made_on():
    session = _session()
    assert session.claim_at(TEXT.index("denied")).speaker == "Russia"
    assert session.claim_at(TEXT.index("  \n")) is None
    start = TEXT.index("Moscow denied")
    assert session.claim_for_span(start, start + 13).kinds == ["denial"]
    between = TEXT.index("role.")  # half in one claim, a little in the next
    assert session.claim_for_span(between, TEXT.index("Analysts") + 3) is None


def test_target_span_trims_a_selection_to_its_words_else_takes_the_sentence():
    session = _session()
    start = TEXT.index("role.")
    assert session.target_span((start, start + 8), 0) == (start, start + 5)
    assert session.target_span((start + 5, start + 8), 0) == session.sentence_at(0)
    assert session.target_span(None, TEXT.index("winter")) == (
        TEXT.index("Analysts"), len(TEXT))


def test_actors_near_the_cursor_are_those_named_in_its_sentence():
    session = _session()
    assert session.actors_near(TEXT.index("cable")) == {0}
    assert session.actors_near(TEXT.index("role")) == {1}
    assert session.actors_near(TEXT.index("winter")) == set()


def test_the_claims_filter_matches_kind_speaker_words_and_grade():
    session = _session()
    session.claim_filter = "denial"
    assert [c.speaker for c in session.shown_claims()] == ["Russia"]
    session.claim_filter = "analysts winter"
    assert [c.speaker for c in session.shown_claims()] == ["Analysts"]
    denial = session.claims[1]
    session.set_grade(session.claim_grade_key(denial), "2")
    session.set_grade("source:russia", "E")
    assert session.grade_label(denial) == "E2"
    for query in ("E2", "2"):  # a lone letter also matches words
        session.claim_filter = query
        assert session.shown_claims() == [denial], query


def test_notes_list_highlights_in_text_order_then_orphans_then_article_notes():
    session = _session()
    late = _highlight(session, "winter")
    orphan = _highlight(session, "Moscow", status="orphaned")
    early = _highlight(session, "Oslo")
    note = ArticleNote(9, 1, "overall")
    session.notes.append(note)
    assert session.notes_items() == [early, late, orphan, note]


def test_annotations_from_the_store_replace_the_session_only_when_they_differ():
    session = _session()
    shown = _highlight(session, "Oslo")
    same = Highlight(shown.id, 1, shown.start, shown.end)
    assert not session.set_annotations([same], [])
    assert session.highlights[0] is shown
    changed = Highlight(shown.id, 1, shown.start, shown.end, note="from elsewhere")
    assert session.set_annotations([changed], [])
    assert session.highlights == [changed]


def test_tags_typed_at_the_prompt():
    assert clean_tags("#cable, sabotage #cable ##") == ["cable", "sabotage"]


class BrokenStore:
    """A database every write to which fails (disk full, a lock held too long)."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise BriefingError("disk full")
        return fail


def _every_edit(session: ReadingSession):
    """Each kind of edit, made on a session holding one highlight and one article note."""
    highlight, note = session.highlights[0], session.notes[0]
    orphan = session.highlights[1]
    yield "new highlight", lambda: session.add_highlight(0, 9, 2)[1]
    yield "recolour", lambda: session.recolour(highlight, 4)
    yield "note", lambda: session.set_note(highlight, "see #cable")
    yield "tags", lambda: session.set_tags(highlight, ["a", "b"])
    yield "grade", lambda: session.set_grade("source:russia", "B")
    yield "grade delete", lambda: session.delete_grade("source:russia", "reliability E")
    yield "delete", lambda: session.delete_highlight(highlight)
    yield "re-attach", lambda: session.reattach(orphan, 0, 9)
    yield "article note", lambda: session.add_article_note("new")[1]
    yield "article note edit", lambda: session.edit_article_note(note, "changed")
    yield "article note delete", lambda: session.delete_article_note(note)


def _state(session: ReadingSession) -> tuple:
    return (signature(session.highlights), signature(session.notes), dict(session.grades),
            len(session.undo_stack), [h.claim for h in session.highlights])


@pytest.mark.parametrize("kind", ["new highlight", "recolour", "note", "tags", "grade",
                                  "grade delete", "delete", "re-attach", "article note",
                                  "article note edit", "article note delete"])
def test_a_failed_write_reverts_its_edit(kind):
    session = _session()
    _highlight(session, "Oslo", note="kept", tags=["x"])
    _highlight(session, "Moscow", status="orphaned")
    session.notes.append(ArticleNote(7, 1, "overall"))
    session.grades["source:russia"] = "E"
    before = _state(session)
    make = dict(_every_edit(session))[kind]
    edit = make()
    assert _state(session) != before, "the edit shows at once"
    with pytest.raises(BriefingError):
        edit.write(BrokenStore())
    edit.revert()
    assert _state(session) == before


def test_a_failed_undo_puts_the_deleted_highlight_back_on_the_undo_stack(db_path):
    session = _session()
    with Store(db_path) as store:
        session.article_id = store.add_article("T", TEXT)
        highlight, edit = session.add_highlight(0, 9, 1)
        edit.saved(edit.write(store))
        session.delete_highlight(highlight).write(store)
        undo = session.undo()
        assert session.highlights == [highlight] and not session.undo_stack
        with pytest.raises(BriefingError):
            undo.write(BrokenStore())
        undo.revert()
        assert session.highlights == [] and session.undo_stack


def test_edits_queued_before_an_insert_is_answered_use_its_id(db_path):
    """`h` then `2` at once: the colour job runs before the UI hears the new id."""
    session = _session()
    with Store(db_path) as store:
        session.article_id = store.add_article("T", TEXT)
        highlight, insert = session.add_highlight(0, 9, 1)
        recolour = session.recolour(highlight, 2)
        new_id = insert.write(store)
        recolour.write(store)
        assert highlight.id is None  # the database thread changes nothing on screen
        insert.saved(new_id)
        assert highlight.id == new_id
        assert store.annotation(new_id).color == 2


def test_undo_restores_the_deleted_highlight_whole_with_later_changes(db_path):
    session = _session()
    with Store(db_path) as store:
        session.article_id = store.add_article("T", TEXT)
        highlight, insert = session.add_highlight(0, 9, 1)
        insert.saved(insert.write(store))
        created = store.annotation(highlight.id)
        session.delete_highlight(highlight).write(store)
        assert store.annotations(session.article_id) == []
        undo = session.undo()
        undo.saved(undo.write(store))
        [back] = store.annotations(session.article_id)
        assert back.id == highlight.id and back.selector == created.selector
        assert back.created == created.created


def test_undo_puts_a_deleted_article_note_back_in_its_place(db_path):
    """Notes are listed (and exported) in the order they were written: the note undo puts
    back stands where it stood, not after the ones written after it."""
    session = _session()
    with Store(db_path) as store:
        session.article_id = store.add_article("T", TEXT)
        for text in ("First thought.", "Second thought.", "Third thought."):
            note, insert = session.add_article_note(text)
            insert.saved(insert.write(store))
        first = session.notes[0]
        session.delete_article_note(first).write(store)
        undo = session.undo()
        assert session.notes[0] is first  # shown where it was at once
        undo.saved(undo.write(store))
        assert [n.note for n in store.notes(session.article_id)] == [
            "First thought.", "Second thought.", "Third thought."]


def test_a_highlight_made_on_a_text_another_session_replaced_lands_on_its_words(db_path):
    """The reader shows the text it opened; another session (`import --update`, a feed
    update) may replace it before the reader's poll notices (or while a note dialog stops
    the poll). The highlight's offsets are in the shown text: it must end up on the same
    words in the new one, not on whatever the new text has at those offsets."""
    from briefing.document import Document
    from briefing.library import update_article_text

    session = _session()
    with Store(db_path) as store:
        session.article_id = store.add_article("T", TEXT)
        newer = "Updated at noon: a second cable was found damaged too.\n\n" + TEXT
        update_article_text(store, session.article_id, Document("T", newer))
        start = TEXT.index("Moscow denied")
        _, insert = session.add_highlight(start, start + len("Moscow denied"), 1)
        saved = store.annotation(insert.write(store))
        assert saved.status == "anchored"
        assert newer[saved.start:saved.end] == "Moscow denied"
        assert saved.text_hash == store.article(session.article_id).hash


def test_a_grade_given_on_a_text_another_session_replaced_follows_its_claim(db_path):
    """As for highlights: the claim's offsets (its grade's key) are in the text shown."""
    from briefing.document import Document
    from briefing.grades import claim_key
    from briefing.library import update_article_text

    session = _session()
    with Store(db_path) as store:
        session.article_id = store.add_article("T", TEXT)
        newer = "Updated at noon: a second cable was found damaged too.\n\n" + TEXT
        update_article_text(store, session.article_id, Document("T", newer))
        claim = session.claim_at(TEXT.index("Moscow denied"))
        session.set_grade(session.claim_grade_key(claim), "2").write(store)
        start = newer.index("Moscow denied any role.")
        moved = claim_key(session.article_id, {"start": start, "end": start + len(claim.text)})
        assert store.grades().get(moved) == "2"
        assert session.claim_grade_key(claim) not in store.grades()


def test_an_orphan_reattached_on_a_text_another_session_replaced_lands_on_its_words(db_path):
    """`o` re-attaches an orphan to the selection, whose offsets are in the text shown: if
    another session has replaced that text meanwhile, the highlight must go on the same
    words of the new text (as a new highlight does), not on whatever sits at those offsets."""
    from briefing.document import Document
    from briefing.library import update_article_text

    session = _session()
    with Store(db_path) as store:
        session.article_id = store.add_article("T", TEXT)
        first = TEXT.index("Moscow denied")
        _, insert = session.add_highlight(first, first + len("Moscow denied"), 1)
        highlight_id = insert.write(store)
        store.update_annotation(highlight_id, status="orphaned", start=None, end=None)
        [orphan] = [h for h in store.annotations(session.article_id) if h.id == highlight_id]
        session.highlights = [orphan]
        newer = "Updated at noon: a second cable was found damaged too.\n\n" + TEXT
        update_article_text(store, session.article_id, Document("T", newer))
        session.reattach(orphan, first, first + len("Moscow denied")).write(store)
        saved = store.annotation(highlight_id)
        assert saved.status == "anchored"
        assert newer[saved.start:saved.end] == "Moscow denied"
        assert saved.text_hash == store.article(session.article_id).hash


def test_undo_puts_a_deleted_highlight_back_as_it_was_stored_byte_for_byte(db_path):
    """A highlight a new version moved carries keys in the order re-anchoring added them;
    undo writes the record back with the same keys, values and order (no new shape on
    disk)."""
    import json

    from briefing.document import Document
    from briefing.library import update_article_text

    session = _session()
    with Store(db_path) as store:
        session.article_id = store.add_article("T", TEXT)
        start = TEXT.index("Moscow denied")
        highlight, insert = session.add_highlight(start, start + len("Moscow denied"), 2)
        insert.saved(insert.write(store))
        update_article_text(store, session.article_id,
                            Document("T", "Updated at noon.\n\n" + TEXT))
        table = f"annotations.{session.article_id}"
        before = store._raw()[table][str(highlight.id)]
        session.highlights = store.annotations(session.article_id)
        session.delete_highlight(session.highlights[0]).write(store)
        undo = session.undo()
        new_id = undo.write(store)
        after = store._raw()[table][str(new_id)]
    assert json.dumps(after) == json.dumps(before)


def test_find_ignores_case_and_takes_the_query_literally():
    session = ReadingSession(1, "A cable (the C-Lion1) was cut; the CABLE lay at 80 m.")
    assert session.find("cable") == [(2, 7), (35, 40)]
    assert session.find("(the c-lion1)") == [(8, 21)]  # brackets are not a group
    assert session.find("c.ble") == []  # nor is the dot a wildcard


def test_undoing_a_deleted_grade_regraded_since_is_refused_and_shows_the_new_grade(db_path):
    """A reliability cleared at r, then given anew: u is refused by the store (another
    grade took its place), and the screen shows the new grade still, not none."""
    from briefing.grades import set_grade, source_key

    session = _session()
    key = source_key("Russia")
    with Store(db_path) as store:
        session.article_id = store.add_article("T", TEXT)
        set_grade(store, key, "E", speaker="Russia", article_id=session.article_id)
        session.grades[key] = "E"
        session.delete_grade(key, "reliability E of “Russia”").write(store)
        session.set_grade(key, "C", "Russia").write(store)
        undo = session.undo()
        assert session.grades[key] == "E" and undo.said.startswith("Undone: deleting the")
        with pytest.raises(BriefingError, match="another grade has taken its place"):
            undo.write(store)
        undo.revert()
        assert session.grades[key] == "C" and store.grades()[key] == "C"


def test_grades_another_session_changed_are_taken_and_those_shown_are_told():
    """The check for other sessions' changes brings the store's grades: the session takes
    them (a later r or d acts on them, not on what it showed before) and says which of
    the grades the Claims pane shows changed; a grade of no claim shown is taken silently."""
    session = _session()
    denial = session.claims[1]
    key = session.claim_grade_key(denial)
    session.grades.update({"source:russia": "E", key: "4", "source:nobody here": "A"})
    stored = {"source:russia": "D", key: "4"}  # Russia regraded, the other one deleted
    changes = session.shown_grade_changes(stored)
    assert changes == ["reliability of “Russia” E → D"]
    assert session.take_grades(stored, {})
    assert session.grade_label(denial) == "D4" and session.grades == stored
    assert not session.take_grades(dict(stored), {})  # the same again: nothing to show
    session.claim_filter = "analysts"  # the denial is not shown: its grades are not told
    assert session.shown_grade_changes({key: "2"}) == []
    assert regraded_notice(["reliability of “Russia” E → D"]) == (
        "Another session changed a grade shown here: reliability of “Russia” E → D")
    assert regraded_notice(["a 1 → 2", "b - → 3", "c 4 → -"]) == (
        "Another session changed 3 grades shown here: a 1 → 2; b - → 3; and 1 more")
