"""Claim grades follow their claims when a new analysis of the same text finds them at other
offsets (briefing/claim_grades.py), and a grade no claim holds is kept and shown."""

from __future__ import annotations

import pytest

from briefing.analysis.cache import analysis_key
from briefing.claim_grades import GradeMoves, claim_holding, follow_claims, orphaned_grades
from briefing.document import text_hash
from briefing.errors import BriefingError
from briefing.export import export_article_text
from briefing.grades import (
    SUPERSEDED,
    UNCLAIMED,
    claim_key,
    grade_label,
    orphan_grade_label,
    orphan_grade_why,
    set_grade,
    source_key,
)
from briefing.model import Analysis, Claim
from briefing.opening import open_article
from briefing.reading import ReadingSession
from briefing.store import Store
from tests.conftest import run_killed_at_commit

TEXT = ('Officials in Oslo said "the cable was cut on purpose." Moscow denied any role. '
        "Analysts expect more incidents this winter, a spokesman said.")
CUT = '"the cable was cut on purpose."'


def _claim(words: str, speaker: str | None, trim: tuple[int, int] = (0, 0),
           kinds: tuple[str, ...] = ("attributed",)) -> Claim:
    """The claim on `words`, its start moved right by trim[0] and its end left by trim[1]
    (as another analysis finds it)."""
    start = TEXT.index(words) + trim[0]
    end = TEXT.index(words) + len(words) - trim[1]
    return Claim(start, end, TEXT[start:end], list(kinds), speaker)


def _cache(store: Store, article_id: int, claims: list[Claim]) -> None:
    """Put an analysis with these claims in the cache as an older Briefing saved it (no
    follow-up of the grades: what an ANALYSIS_VERSION bump finds on opening)."""
    digest = store.article(article_id).hash
    store.save_analysis(analysis_key(digest, None),
                        Analysis("test", claims=claims).to_dict())


def _open(store: Store, article_id: int) -> ReadingSession:
    """The reader's session as opening the article leaves it (no UI)."""
    opened = open_article(store, article_id, None)
    session = ReadingSession(None, opened.article.text)
    session.load(opened)
    session.set_analysis(opened.analysis)
    return session


def test_a_grade_stays_on_its_claim_when_the_analysis_finds_it_at_other_offsets(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _cache(store, aid, [_claim(CUT, "Officials"), _claim("Moscow denied any role.", "Russia")])
        session = _open(store, aid)
        graded = session.claims[0]
        session.set_grade(session.claim_grade_key(graded), "2").write(store)
        # A new analysis: the claim now starts 1 character later (inside the quote mark)
        # and ends at the closing quote.
        moved = _claim(CUT, "Officials", trim=(1, 1))
        _cache(store, aid, [moved, _claim("Moscow denied any role.", "Russia")])
        session = _open(store, aid)
        assert session.grade_label(session.claims[0]) == "-2"
        assert session.grade_label(session.claims[1]) is None


def test_opening_on_an_analysis_that_finds_no_claim_there_says_so_and_lists_the_grade(
        db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        set_grade(store, claim_key(aid, _claim("Moscow denied any role.", "Russia")), "2")
        _cache(store, aid, [_claim(CUT, "Officials")])
        opened = open_article(store, aid, None)
        assert ("New analysis: 1 claim grade is on no claim now (kept, listed in Notes)",
                None) in opened.notices()
        [orphan] = opened.orphaned_grades
        assert orphan.selector.exact == "Moscow denied any role."
        # Opened again: nothing new to tell.
        assert open_article(store, aid, None).notices() == []


def _grade(store: Store, article_id: int, claim: Claim, value: str) -> str:
    key = claim_key(article_id, claim)
    set_grade(store, key, value, speaker=claim.speaker)
    return key


def _rows(store: Store, article_id: int) -> dict[str, dict]:
    return {r.key: r.to_dict() for r in store.grade_rows(article_id)}


def test_a_grade_moves_to_the_claim_overlapping_its_words_most(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        old = _claim("Moscow denied any role.", "Russia")
        key = _grade(store, aid, old, "3")
        # Two claims overlap the graded words: most of them in the second.
        start = TEXT.index("Moscow")
        little = Claim(start - 8, start + 10, TEXT[start - 8:start + 10], ["attributed"],
                       "Russia")
        most = _claim("denied any role.", "Russia")
        moves = follow_claims(store, aid, store.article(aid).hash, [little, most])
        assert (moves.moved, moves.orphaned) == (1, 0)
        grades = store.grades()
        assert key not in grades
        assert grade_label(grades, aid, most) == "-3"
        assert grade_label(grades, aid, little) is None


def test_a_claim_overlapping_less_than_half_of_the_shorter_span_does_not_take_the_grade():
    start = TEXT.index("Moscow denied any role.")
    claim = _claim("Moscow denied any role. Analysts", None)
    # 'role. Analysts': 6 of its 14 characters are in the claim on 'Moscow denied any role.'
    words = TEXT.index("role."), TEXT.index("Analysts") + len("Analysts")
    assert claim_holding(*words, [_claim("Moscow denied any role.", None)]) is None
    assert claim_holding(start, start + 6, [claim]) is claim


def test_of_the_claims_holding_the_graded_words_the_same_speakers_wins(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        graded = _claim("the cable was cut on purpose.", "Officials")
        _grade(store, aid, graded, "2")
        # Both hold every graded word; the inner one is closer to them but another
        # speaker's (a quote inside a sentence the analysis now reads as two claims).
        inner = _claim('"the cable was cut on purpose."', "Oslo")
        outer = _claim('Officials in Oslo said "the cable was cut on purpose."', "Officials")
        follow_claims(store, aid, store.article(aid).hash, [inner, outer])
        grades = store.grades()
        assert grade_label(grades, aid, outer) == "-2"
        assert grade_label(grades, aid, inner) is None


def test_a_claim_running_over_the_graded_words_does_not_take_another_speakers_grade():
    """Seen when claims became their content: the claim before ran on over the next
    speaker's words and shared more of them than that speaker's own, shorter, claim."""
    graded = _claim("Moscow denied any role.", "Russia")
    running_over = _claim('the cable was cut on purpose." Moscow denied any role.', "Officials")
    own = _claim("denied any role.", "Russia")
    assert claim_holding(graded.start, graded.end, [running_over, own], "Russia") is own


def test_a_grade_stored_without_its_speaker_takes_it_from_the_analysis_it_was_given_on(
        db_path):
    """Grades stored before they kept their claim's speaker: the claim at their offsets in
    the text's earlier analysis (still cached under its version's key) says it."""
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        graded = _claim("Moscow denied any role.", "Russia")
        store.set_value("grades", claim_key(aid, graded), "2")  # as grades were stored
        _cache(store, aid, [graded])
        digest = store.article(aid).hash
        other = _claim('purpose." Moscow denied any role.', "Officials")  # closer to the words
        own = _claim("Moscow denied", "Russia")
        follow_claims(store, aid, digest, [other, own])
        assert grade_label(store.grades(), aid, own) == "-2"


def test_of_one_speakers_claims_the_one_closest_to_the_graded_words_wins():
    graded = _claim("Moscow denied any role.", "Russia")
    wider = _claim('purpose." Moscow denied any role.', "Russia")  # every word, and more
    closer = _claim("Moscow denied any", "Russia")
    assert claim_holding(graded.start, graded.end, [wider, closer], "Russia") is closer


def test_a_grade_no_claim_holds_is_kept_with_its_words_shown_and_comes_back(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        store.set_value("grades", source_key("Russia"), "B")
        graded = _claim("Moscow denied any role.", "Russia")
        _grade(store, aid, graded, "2")
        digest = store.article(aid).hash
        moves = follow_claims(store, aid, digest, [_claim(CUT, "Officials")])
        assert (moves.moved, moves.orphaned) == (0, 1)
        [orphan] = orphaned_grades(store, aid)
        assert orphan.value == "2" and orphan.status == UNCLAIMED
        assert orphan.selector.exact == "Moscow denied any role."
        # Shown with the orphaned highlights: the Notes pane and the export.
        _cache(store, aid, [_claim(CUT, "Officials")])
        session = _open(store, aid)
        assert [i.to_dict() for i in session.notes_items()] == [orphan.to_dict()]
        assert orphan_grade_label(session.grades, orphan) == "B2"
        exported = export_article_text(store, aid)
        assert '- B2 on “Moscow denied any role.” — no claim found there now' in exported
        # Nothing changes while no claim holds it (no write on every opening).
        assert not follow_claims(store, aid, digest, [_claim(CUT, "Officials")]).changed
        # A later analysis that finds a claim there gives the grade back to it.
        back = _claim("Moscow denied any role.", "Russia", trim=(0, 1))
        moves = follow_claims(store, aid, digest, [_claim(CUT, "Officials"), back])
        assert moves.moved == 1
        assert grade_label(store.grades(), aid, back) == "B2"
        assert orphaned_grades(store, aid) == []


def test_two_grades_landing_on_one_claim_keep_the_newest_and_orphan_the_other(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        shorter = _claim("Moscow denied any role.", "Russia", trim=(0, 1))
        _grade(store, aid, shorter, "2")
        # Graded again later, on the claim as another analysis found it.
        _grade(store, aid, _claim("Moscow denied any role.", "Russia"), "5")
        digest = store.article(aid).hash
        moves = follow_claims(store, aid, digest, [shorter])
        assert (moves.moved, moves.orphaned) == (1, 1)
        assert grade_label(store.grades(), aid, shorter) == "-5"
        [orphan] = orphaned_grades(store, aid)
        assert (orphan.value, orphan.status) == ("2", SUPERSEDED)
        assert orphan_grade_why(orphan) == "its claim has a newer grade"
        # The claim graded again: the orphan, older, stays one (and nothing is rewritten).
        _grade(store, aid, shorter, "4")
        assert not follow_claims(store, aid, digest, [shorter]).changed
        assert grade_label(store.grades(), aid, shorter) == "-4"
        assert [r.value for r in orphaned_grades(store, aid)] == ["2"]


def test_following_is_one_commit_and_a_refused_one_changes_nothing(db_path, commits):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade(store, aid, _claim(CUT, "Officials"), "1")
        _grade(store, aid, _claim("Moscow denied any role.", "Russia"), "2")
        _grade(store, aid, _claim("Analysts expect more incidents", "Analysts"), "3")
        before = _rows(store, aid)
        claims = [_claim(CUT, "Officials", trim=(1, 1)),
                  _claim("Moscow denied any role.", "Russia", trim=(7, 0))]
        digest = store.article(aid).hash
        commits.refuse()
        with pytest.raises(BriefingError, match="No space left"):
            follow_claims(store, aid, digest, claims)
        commits.count()
        assert _rows(store, aid) == before
        moves = follow_claims(store, aid, digest, claims)
        assert (moves.moved, moves.orphaned) == (2, 1)
        assert len(commits.paths) == 1
    with Store(db_path) as store:
        assert sorted(r.value for r in store.grade_rows(aid)) == ["1", "2", "3"]


FOLLOW = """
    from briefing.claim_grades import follow_claims
    from briefing.model import Claim
    article = store.article(1)
    start = article.text.index("Moscow")
    follow_claims(store, 1, article.hash, [Claim(start + 7, start + 23, "", [], "Russia")])
"""


@pytest.mark.parametrize("when", ["before", "after"])
def test_kill_9_while_following_leaves_the_old_key_or_the_new_one(db_path, tmp_path, when):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        old = _grade(store, aid, _claim("Moscow denied any role.", "Russia"), "2")
    run_killed_at_commit(db_path, tmp_path, when, FOLLOW)
    with Store(db_path) as store:
        start = TEXT.index("Moscow")
        new = claim_key(aid, {"start": start + 7, "end": start + 23})
        assert list(store.grades()) == ([old] if when == "before" else [new])


def test_a_new_analysis_saved_moves_the_grades_and_one_of_another_text_does_not(db_path):
    from briefing.analysis.cache import save_analysis

    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        key = _grade(store, aid, _claim(CUT, "Officials"), "2")
        moved = _claim(CUT, "Officials", trim=(1, 1))
        other = store.add_article("U", TEXT + " Updated.")
        save_analysis(store, store.article(other).hash, None,
                      Analysis("m", claims=[moved]).to_dict())
        assert list(store.grades()) == [key]  # another article's text: nothing moves
        save_analysis(store, store.article(aid).hash, None,
                      Analysis("m", claims=[moved]).to_dict())
        assert grade_label(store.grades(), aid, moved) == "-2"


def test_a_grade_no_claim_held_follows_its_words_into_a_new_version_and_onto_a_claim(
        db_path):
    from briefing.document import Document
    from briefing.library import update_article_text

    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade(store, aid, _claim("Moscow denied any role.", "Russia"), "2")
        follow_claims(store, aid, store.article(aid).hash, [])
        assert [r.status for r in orphaned_grades(store, aid)] == [UNCLAIMED]
        newer = "Updated at noon: a second cable was found damaged too. " + TEXT
        update_article_text(store, aid, Document("T", newer))
        start = newer.index("Moscow denied any role.")
        claim = Claim(start, start + len("Moscow denied"), "Moscow denied", ["denial"],
                      "Russia")
        follow_claims(store, aid, text_hash(newer), [claim])
        assert grade_label(store.grades(), aid, claim) == "-2"
        assert orphaned_grades(store, aid) == []


def test_the_export_prints_the_grade_the_reader_shows_on_the_same_claim(db_path):
    """Export and reader follow grades onto one analysis: the configured pipeline's, which
    the reader shows, even when another pipeline analysed the text since (before, the
    export took the newest and moved the grade off the claim the reader shows it on)."""
    from briefing.analysis import cache_key

    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _cache(store, aid, [_claim(CUT, "Officials"), _claim("Moscow denied any role.", "Russia")])
        session = _open(store, aid)
        graded = session.claims[0]
        session.set_grade(session.claim_grade_key(graded), "2", graded.speaker).write(store)
        # Another pipeline (`briefing analyze --model ...`) analysed the text later and
        # found no claim on the graded words.
        digest = store.article(aid).hash
        store.save_analysis(cache_key(digest, "other-pipeline"),
                            Analysis("other", claims=[
                                _claim("Moscow denied any role.", "Russia")]).to_dict())
        exported = export_article_text(store, aid)
        session = _open(store, aid)
        shown = session.grade_label(session.claims[0])
        assert shown == "-2"
        assert f"- **Officials** (attributed · {shown})" in exported
        assert "## Orphaned" not in exported and session.orphaned_grades == []


def test_a_notice_shows_a_stored_name_as_one_safe_line():
    # A name read back from the database reaches the screen: no escape sequence, no newline.
    [told] = GradeMoves(renamed_sources=[("Tom\x1b]0;pwned\x07 Roe\n", "Thomas Brandt")]
                        ).notices()
    assert told == "Reliability of “Tom Roe” now on “Thomas Brandt” (same source)"


def test_deleting_an_article_deletes_its_claim_grades_and_keeps_its_reliabilities(db_path):
    """A deleted article's claim grades go with it: no reader or export shows them, and
    the next article imported takes the freed id, whose claims at the same offsets showed
    them (and whose Notes listed its orphans). A reliability given in it is the source's,
    shown wherever the source speaks: it stays (source_grades lists it where named)."""
    with Store(db_path) as store:
        keep = store.add_article("Kept", TEXT + " Kept.")
        gone = store.add_article("Gone", TEXT)
        cut = _claim(CUT, "Officials")
        _grade(store, keep, cut, "1")
        _grade(store, gone, cut, "2")
        _grade(store, gone, _claim("Moscow denied any role.", "Russia"), "5")
        follow_claims(store, gone, store.article(gone).hash, [cut])  # Moscow's: orphaned
        set_grade(store, source_key("Officials"), "B", speaker="Officials", article_id=gone)
        assert len(store.grade_rows(gone)) == 2
        store.delete_article(gone)
        assert store.grade_rows(gone) == []
        assert store.grades() == {claim_key(keep, cut): "1", source_key("Officials"): "B"}
        again = store.add_article("Another", TEXT)
        assert again != gone  # a deleted id is never given again (Store._highest_deleted_id)
        assert grade_label(store.grades(), again, cut) == "B-"  # the source's, no more
        assert orphaned_grades(store, again) == []


DELETE = """
    store.delete_article(2)
"""


@pytest.mark.parametrize("when", ["before", "after"])
def test_kill_9_while_deleting_an_article_leaves_it_with_its_grades_or_neither(
        db_path, tmp_path, when):
    with Store(db_path) as store:
        store.add_article("Kept", TEXT + " Kept.")
        gone = store.add_article("Gone", TEXT)
        key = _grade(store, gone, _claim(CUT, "Officials"), "2")
    run_killed_at_commit(db_path, tmp_path, when, DELETE)
    with Store(db_path) as store:
        kept = store.article(gone) is not None
        assert kept == (when == "before")
        assert list(store.grades()) == ([key] if kept else [])
