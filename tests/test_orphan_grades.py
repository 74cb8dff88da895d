"""The analyst's answer to a grade no claim shows (briefing/orphan_grades.py): delete it
(undo puts it back) or put it on a claim, a reliability on a claim's speaker; each one
write, refused with a reason when another session changed the grade."""

from __future__ import annotations

import pytest

from briefing.claim_grades import follow_claims, orphaned_grades
from briefing.errors import BriefingError
from briefing.grades import SUPERSEDED, claim_key, orphan_grade_label, set_grade, source_key
from briefing.model import Claim
from briefing.orphan_grades import (
    delete_grade,
    reattach_grade,
    rename_source,
    restore_grade,
    undo_write,
)
from briefing.store import Store
from tests.test_claim_grades import TEXT, _cache, _claim, _open


def _orphan(store: Store) -> tuple[int, object]:
    """An article whose grade on Moscow's denial no claim holds now."""
    aid = store.add_article("T", TEXT)
    set_grade(store, claim_key(aid, _claim("Moscow denied any role.", "Russia")), "4",
              speaker="Russia")
    follow_claims(store, aid, store.article(aid).hash, [_claim('"the cable', "Officials")])
    [orphan] = orphaned_grades(store, aid)
    return aid, orphan


def test_delete_then_restore_puts_the_grade_back_as_stored(db_path):
    with Store(db_path) as store:
        aid, orphan = _orphan(store)
        stored = delete_grade(store, orphan)
        assert orphaned_grades(store, aid) == [] and store.grades() == {}
        with pytest.raises(BriefingError, match="changed in another session"):
            delete_grade(store, orphan)  # gone already
        restore_grade(store, stored)
        assert [r.to_dict() for r in orphaned_grades(store, aid)] == [orphan.to_dict()]


def test_restoring_a_claim_grade_of_an_article_deleted_since_is_refused(db_path):
    """Undo in a reader still open on an article another session deleted: the grade
    would stay in the table with no article to show it."""
    with Store(db_path) as store, Store(db_path) as other:
        aid, orphan = _orphan(store)
        stored = delete_grade(store, orphan)
        other.delete_article(aid)
        with pytest.raises(BriefingError, match="deleted"):
            restore_grade(store, stored)
        assert store.grade_rows() == []


def test_re_attaching_onto_a_graded_claim_keeps_that_grade_as_an_orphan(db_path):
    with Store(db_path) as store:
        aid, orphan = _orphan(store)
        digest = store.article(aid).hash
        officials = _claim('"the cable', "Officials")
        # Given when the analysis named its speaker otherwise.
        set_grade(store, claim_key(aid, officials), "2", speaker="Oslo officials")
        kept = reattach_grade(store, orphan, aid, officials, digest).displaced
        grades = store.grades()
        assert grades[claim_key(aid, officials)] == "4"
        assert (kept.value, kept.status, kept.selector.exact) == ("2", SUPERSEDED, '"the cable')
        assert grades[kept.key] == "2" and len(grades) == 2
        assert kept.extra["speaker"] == "Officials"  # whose reliability its label shows
        [row] = [r for r in store.grade_rows(aid) if r.value == "4"]
        assert row.extra["speaker"] == "Officials" and row.status is None
        # Following the same claims again changes nothing: each stays where it is.
        assert not follow_claims(store, aid, digest, [officials]).changed


def test_re_attaching_refuses_on_a_text_another_session_replaced(db_path):
    with Store(db_path) as store:
        aid, orphan = _orphan(store)
        with pytest.raises(BriefingError, match="text changed"):
            reattach_grade(store, orphan, aid, Claim(0, 5, "", []), "not-the-hash")
        assert [r.to_dict() for r in orphaned_grades(store, aid)] == [orphan.to_dict()]


def test_a_reliability_goes_to_a_speaker_without_one_and_is_refused_by_one_with_one(db_path):
    with Store(db_path) as store:
        set_grade(store, source_key("Tom"), "E", speaker="Tom", article_id=1)
        set_grade(store, source_key("Lin Wen"), "B", speaker="Lin Wen", article_id=1)
        [tom] = [r for r in store.grade_rows() if r.key == source_key("Tom")]
        with pytest.raises(BriefingError, match="Lin Wen has reliability B already"):
            rename_source(store, tom, "Lin Wen", 1)
        rename_source(store, tom, "Thomas Brandt", 1)
        grades = store.grades()
        assert grades == {source_key("Lin Wen"): "B", source_key("Thomas Brandt"): "E"}


def test_a_reliability_given_with_o_takes_the_claim_grades_given_under_its_old_name(db_path):
    """The analyst graded the claim on "the cable" and its speaker, "Oslo officials"; the
    new analysis says "Officials" (no alias says they are the same: the reliability is
    listed) and the analyst gives it to them with o. The claim grade follows the name as
    when an analysis renames a source: should the claim be lost later, its orphan's label
    still shows the reliability ('C2', not '-2')."""
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        cable = _claim('"the cable', "Officials")
        set_grade(store, claim_key(aid, cable), "2", speaker="Oslo officials")
        set_grade(store, source_key("Oslo officials"), "C", speaker="Oslo officials",
                  article_id=aid)
        _cache(store, aid, [cable])
        session = _open(store, aid)
        [listed] = session.orphaned_grades
        session.reattach_source(listed, "Officials").write(store)
        _cache(store, aid, [_claim("Moscow denied any role.", "Russia")])
        orphans = _open(store, aid).orphaned_grades
        assert [orphan_grade_label(store.grades(), r) for r in orphans] == ["C2"]


def test_undoing_a_re_attachment_puts_both_grades_back_as_stored_in_one_write(db_path,
                                                                            commits):
    with Store(db_path) as store:
        aid, orphan = _orphan(store)
        officials = _claim('"the cable', "Officials")
        set_grade(store, claim_key(aid, officials), "2", speaker="Officials")
        before = sorted((r.to_dict() for r in store.grade_rows()), key=lambda r: r["key"])
        done = reattach_grade(store, orphan, aid, officials, store.article(aid).hash)
        commits.count()
        undo_write(store, done.written)
        assert len(commits.paths) == 1
        assert sorted((r.to_dict() for r in store.grade_rows()),
                      key=lambda r: r["key"]) == before


def test_undoing_a_re_attachment_is_refused_once_another_session_regraded_the_claim(db_path):
    with Store(db_path) as store:
        aid, orphan = _orphan(store)
        officials = _claim('"the cable', "Officials")
        done = reattach_grade(store, orphan, aid, officials, store.article(aid).hash)
        set_grade(store, claim_key(aid, officials), "1", speaker="Officials")
        with pytest.raises(BriefingError, match="changed in another session"):
            undo_write(store, done.written)
        assert store.grades() == {claim_key(aid, officials): "1"}


def test_undoing_a_reliability_given_with_o_takes_it_back_to_its_old_name(db_path):
    with Store(db_path) as store:
        set_grade(store, source_key("Tom"), "E", speaker="Tom", article_id=1)
        [tom] = store.grade_rows()
        undo_write(store, rename_source(store, tom, "Thomas Brandt", 1))
        assert [r.to_dict() for r in store.grade_rows()] == [tom.to_dict()]


def test_an_undo_the_store_refuses_leaves_the_re_attachment_shown_and_undoable(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        moscow = _claim("Moscow denied any role.", "Russia")
        set_grade(store, claim_key(aid, moscow), "4", speaker="Russia")
        officials = _claim('"the cable', "Officials")
        _cache(store, aid, [officials])
        session = _open(store, aid)
        [orphan] = session.orphaned_grades
        session.reattach_grade(orphan, officials).write(store)
        set_grade(store, claim_key(aid, officials), "1", speaker="Officials")  # elsewhere
        undo = session.undo()
        assert undo.said.startswith("Undone: re-attaching the grade -4 on “")
        assert session.orphaned_grades == [orphan]
        with pytest.raises(BriefingError, match="changed in another session"):
            undo.write(store)
        undo.revert()  # what the reader does with a write that failed
        assert session.orphaned_grades == [] and len(session.undo_stack) == 1
        assert session.grade_label(officials) == "-4"


UNDO = """
    import json
    from briefing.orphan_grades import Written, undo_write
    undo_write(store, Written(**json.loads(sys.argv[3])))
"""


@pytest.mark.parametrize("when", ["before", "after"])
def test_kill_9_while_undoing_a_re_attachment_leaves_it_done_or_undone(db_path, tmp_path,
                                                                       when):
    import json
    from dataclasses import asdict

    from tests.conftest import run_killed_at_commit

    with Store(db_path) as store:
        aid, orphan = _orphan(store)
        officials = _claim('"the cable', "Officials")
        done = reattach_grade(store, orphan, aid, officials, store.article(aid).hash)
    run_killed_at_commit(db_path, tmp_path, when, UNDO, json.dumps(asdict(done.written)))
    with Store(db_path) as store:
        [row] = store.grade_rows(aid)
        expected = orphan.key if when == "after" else claim_key(aid, officials)
        assert (row.key, row.value) == (expected, "4")
