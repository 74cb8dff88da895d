"""A source's reliability follows its speaker when a new analysis names the source
otherwise (briefing/source_grades.py), and one no speaker holds is listed, never hidden."""

from __future__ import annotations

from functools import cached_property

import pytest

from briefing.analysis.cache import analysis_key
from briefing.errors import BriefingError
from briefing.export import export_article_text
from briefing.grades import (
    SUPERSEDED,
    UNCLAIMED,
    orphan_grade_label,
    orphan_grade_why,
    set_grade,
    source_key,
)
from briefing.model import Actor, Analysis, Claim, Mention
from briefing.opening import open_article
from briefing.source_grades import follow_sources
from briefing.store import Store
from tests.conftest import run_killed_at_commit
from tests.test_claim_grades import _open

TEXT = ("Thomas Brandt runs the plant for Velora Pharmaceuticals. Tom said the plant would "
        "close in May. The union said it would strike.")
WORDS = "the plant would close in May"
STRIKE = "it would strike"


def _at(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def _claim(words: str, speaker: str, speaker_words: str | None = None) -> Claim:
    start, end = _at(words)
    span = _at(speaker_words) if speaker_words else None
    return Claim(start, end, TEXT[start:end], ["attributed"], speaker, "said",
                 speaker_span=span)


def _actor(name: str, *words: str, aliases: tuple[str, ...] = ()) -> Actor:
    return Actor(name, "person", list(aliases), mentions=[Mention(*_at(w)) for w in words])


BEFORE = Analysis("v1", actors=[_actor("Tom", "Tom"), _actor("Thomas Brandt", "Thomas Brandt")],
                  claims=[_claim(WORDS, "Tom", "Tom"), _claim(STRIKE, "The union")])
# An analysis version later: "Tom" is Thomas Brandt.
MERGED = Analysis("v2", actors=[_actor("Thomas Brandt", "Thomas Brandt", "Tom",
                                       aliases=("Tom",))],
                  claims=[_claim(WORDS, "Thomas Brandt", "Tom"), _claim(STRIKE, "The union")])


def _cache(store: Store, article_id: int, analysis: Analysis) -> None:
    """An analysis in the cache as an older Briefing saved it (grades not yet followed)."""
    store.save_analysis(analysis_key(store.article(article_id).hash, None), analysis.to_dict())


def _grade_tom(store: Store, article_id: int, value: str = "B") -> None:
    """The analyst grades Tom's reliability in the reader (on his claim)."""
    _cache(store, article_id, BEFORE)
    session = _open(store, article_id)
    tom = session.claims[0]
    session.set_grade(source_key("Tom"), value, tom.speaker).write(store)
    assert session.grade_label(tom) == f"{value}-"


def _grade_toms_claim(store: Store, article_id: int, credibility: str,
                      reliability: str) -> None:
    """The analyst grades Tom's claim and Tom in the reader."""
    _cache(store, article_id, BEFORE)
    session = _open(store, article_id)
    tom = session.claims[0]
    session.set_grade(session.claim_grade_key(tom), credibility, tom.speaker).write(store)
    session.set_grade(source_key("Tom"), reliability, tom.speaker).write(store)


def test_a_reliability_follows_its_speaker_merged_into_a_full_name(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid)
        _cache(store, aid, MERGED)
        session = _open(store, aid)
        brandt = session.claims[0]
        assert brandt.speaker == "Thomas Brandt"
        assert session.grade_label(brandt) == "B-"
        assert session.orphaned_grades == []
        grades = store.grades()
        assert grades[source_key("Thomas Brandt")] == "B" and source_key("Tom") not in grades
        assert ("- **Thomas Brandt** said (attributed · B- · reliability given as “Tom”)"
                in export_article_text(store, aid))


def test_a_reliability_stays_off_the_speaker_its_claim_is_now_said_by(db_path):
    """No alias or mention says Tom is Velora Pharmaceuticals; the claim the analyst graded
    under "Tom" is said by the company now (the new rules corrected its speaker): Tom's
    reliability is not shown as the company's, it is listed, and o gives it if it is."""
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_toms_claim(store, aid, "3", "C")
        renamed = _claim(WORDS, "Velora Pharmaceuticals")
        _cache(store, aid, Analysis("v2", claims=[renamed, _claim(STRIKE, "The union")]))
        session = _open(store, aid)
        velora = session.claims[0]
        assert session.grade_label(velora) == "-3"
        [orphan] = session.orphaned_grades
        assert (orphan.key, orphan.value, orphan.status) == (source_key("Tom"), "C", UNCLAIMED)
        assert source_key("Velora Pharmaceuticals") not in store.grades()
        session.reattach_source(orphan, velora.speaker).write(store)
        assert _open(store, aid).grade_label(velora) == "C3"


def test_an_orphaned_claim_grade_given_under_the_old_name_shows_the_reliability(db_path):
    """Tom's graded claim is found no more, and Tom is Thomas Brandt now: the orphan's
    label still shows the reliability, now under his name ('B4', not '-4')."""
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_toms_claim(store, aid, "4", "B")
        _cache(store, aid, Analysis("v2", actors=MERGED.actors,
                                    claims=[_claim(STRIKE, "Thomas Brandt")]))
        session = _open(store, aid)
        [orphan] = session.orphaned_grades
        assert orphan.extra["speaker"] == "Thomas Brandt"
        assert orphan_grade_label(session.grades, orphan) == "B4"
        assert session.grade_label(session.claims[0]) == "B-"


def test_a_name_still_speaking_in_another_article_is_copied_not_moved(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        other = store.add_article("Other", "Tom said the plant would close in May.")
        store.save_analysis(analysis_key(store.article(other).hash, None), Analysis(
            "v1", claims=[Claim(9, 37, "the plant would close in May", ["attributed"],
                                "Tom")]).to_dict())
        _grade_tom(store, aid)
        _cache(store, aid, MERGED)
        session = _open(store, aid)
        assert session.grade_label(session.claims[0]) == "B-"
        grades = store.grades()
        assert grades[source_key("Tom")] == grades[source_key("Thomas Brandt")] == "B"
        assert _open(store, other).grade_label(Claim(9, 37, "", [], "Tom")) == "B-"


def test_a_reliability_no_speaker_holds_is_listed_in_notes_and_the_export(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid, "E")
        # Nobody is "Tom" now, and nobody speaks under that name.
        _cache(store, aid, Analysis("v2", actors=[_actor("Thomas Brandt", "Thomas Brandt")],
                                    claims=[_claim(STRIKE, "The union")]))
        session = _open(store, aid)
        [orphan] = session.notes_items()
        assert (orphan.key, orphan.value, orphan.status) == (source_key("Tom"), "E", UNCLAIMED)
        assert orphan_grade_why(orphan) == "no source of that name speaks now"
        exported = export_article_text(store, aid)
        assert "- Reliability E of “Tom” — no source of that name speaks now" in exported
        assert store.grades()[source_key("Tom")] == "E"  # kept
        # A later analysis naming him again shows it on his claim.
        _cache(store, aid, BEFORE)
        session = _open(store, aid)
        assert session.orphaned_grades == []
        assert session.grade_label(session.claims[0]) == "E-"


def test_a_new_name_with_its_own_reliability_keeps_it_and_lists_the_old_one(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid, "B")
        set_grade(store, source_key("Thomas Brandt"), "D", speaker="Thomas Brandt",
                  article_id=aid)
        _cache(store, aid, MERGED)
        session = _open(store, aid)
        assert session.grade_label(session.claims[0]) == "D-"
        [orphan] = session.orphaned_grades
        assert (orphan.value, orphan.status) == ("B", SUPERSEDED)
        assert orphan_grade_why(orphan) == "now Thomas Brandt, who has another reliability"
        # The same judgement under both names: nothing to list, the old name goes.
        set_grade(store, source_key("Thomas Brandt"), "B", speaker="Thomas Brandt",
                  article_id=aid)
        assert _open(store, aid).orphaned_grades == []
        assert source_key("Tom") not in store.grades()


def test_following_sources_is_one_commit_and_a_refused_one_changes_nothing(db_path,
                                                                          commits):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid)
        digest = store.article(aid).hash
        before = store.grades()
        commits.refuse()
        with pytest.raises(BriefingError, match="No space left"):
            follow_sources(store, aid, digest, MERGED)
        assert store.grades() == before
        commits.count()
        assert follow_sources(store, aid, digest, MERGED).moved == 1
        assert len(commits.paths) == 1


FOLLOW = """
    from briefing.model import Analysis
    from briefing.source_grades import follow_sources
    follow_sources(store, 1, store.article(1).hash, Analysis.from_dict(eval(sys.argv[3])))
"""


@pytest.mark.parametrize("when", ["before", "after"])
def test_kill_9_while_following_sources_leaves_the_old_name_or_the_new_one(db_path, tmp_path,
                                                                          when):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid)
    run_killed_at_commit(db_path, tmp_path, when, FOLLOW, repr(MERGED.to_dict()))
    with Store(db_path) as store:
        expected = "Tom" if when == "before" else "Thomas Brandt"
        assert [k for k in store.grades() if k.startswith("source:")] == [source_key(expected)]


def test_another_articles_namesake_does_not_take_a_reliability_given_here(db_path):
    """A reliability given to "Tom" in one article is not copied onto another article's
    "Tom Hanks" (whose alias is Tom) while Tom still speaks in the first."""
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid)
        text = "Tom Hanks opened the festival. Tom said the films were late."
        other = store.add_article("Other", text)
        start = text.index("the films")
        store.save_analysis(analysis_key(store.article(other).hash, None), Analysis(
            "v1", actors=[Actor("Tom Hanks", "person", ["Tom"], mentions=[Mention(0, 9)])],
            claims=[Claim(start, start + 20, text[start:start + 20], ["attributed"],
                          "Tom Hanks")]).to_dict())
        session = _open(store, other)
        assert session.grade_label(session.claims[0]) is None
        assert source_key("Tom Hanks") not in store.grades()
        assert session.orphaned_grades == []


def test_a_reliability_stored_before_rows_kept_their_article_moves_once_nobody_has_it(
        db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        store.set_value("grades", source_key("Tom"), "C")  # as an older Briefing kept it
        _cache(store, aid, MERGED)
        session = _open(store, aid)
        assert session.grade_label(session.claims[0]) == "C-"
        assert source_key("Tom") not in store.grades()


def _older(store: Store, article_id: int, analysis: Analysis) -> None:
    """An analysis by an older version of the rules, still stored beside the new one."""
    digest = store.article(article_id).hash
    store.save_analysis(f"{digest}:en_core_web_sm-3.8.0:v1", analysis.to_dict())


def test_a_reliability_stays_off_the_speaker_the_new_rules_give_its_words_to(db_path):
    """The earlier rules took "Cork" for the speaker of the words "Tom"; the new ones give
    that claim, at the same speaker's words, to Thomas Brandt: a correction, not a rename
    (no alias or mention says Cork is Brandt). The D the analyst gave Cork is listed, not
    shown as Brandt's."""
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        cork = Analysis("v1", claims=[_claim(WORDS, "Cork", "Tom"), _claim(STRIKE, "The union")])
        _older(store, aid, cork)
        set_grade(store, source_key("Cork"), "D", speaker="Cork", article_id=aid)
        _cache(store, aid, Analysis("v2", claims=[_claim(WORDS, "Thomas Brandt", "Tom"),
                                                  _claim(STRIKE, "The union")]))
        session = _open(store, aid)
        assert session.grade_label(session.claims[0]) is None
        [orphan] = session.orphaned_grades
        assert (orphan.key, orphan.status) == (source_key("Cork"), UNCLAIMED)


def test_a_name_two_speakers_hold_as_much_goes_to_neither_and_is_listed(db_path):
    """The new analysis gives the alias "Cork" to Thomas Brandt and to the union alike: no
    way to tell which Cork is, so the reliability is listed, not guessed."""
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        union_words = "The union"
        set_grade(store, source_key("Cork"), "D", speaker="Cork", article_id=aid)
        both = [_actor("Thomas Brandt", "Thomas Brandt", aliases=("Cork",)),
                _actor("The union", union_words, aliases=("Cork",))]
        _cache(store, aid, Analysis("v2", actors=both,
                                    claims=[_claim(WORDS, "Thomas Brandt", "Tom"),
                                             _claim(STRIKE, "The union", union_words)]))
        session = _open(store, aid)
        assert [c.speaker for c in session.claims if session.grade_label(c)] == []
        [orphan] = session.orphaned_grades
        assert (orphan.key, orphan.status) == (source_key("Cork"), UNCLAIMED)


def test_opening_and_exporting_ask_the_other_articles_who_speaks_once(db_path, monkeypatch):
    """An orphaned reliability is worked out from every other article's speakers: opening
    (and exporting) the article does that once, not again to list the orphans."""
    import briefing.source_grades as source_grades

    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        set_grade(store, source_key("Cork"), "D", speaker="Cork", article_id=aid)
        _cache(store, aid, BEFORE)
        asked = []
        scan = source_grades.Library._names.func
        monkeypatch.setattr(source_grades.Library, "_names", cached_property(
            lambda library: asked.append(library) or scan(library)))
        source_grades.Library._names.__set_name__(source_grades.Library, "_names")
        [orphan] = _open(store, aid).orphaned_grades
        assert (orphan.key, len(asked)) == (source_key("Cork"), 1)
        assert "Reliability D of “Cork”" in export_article_text(store, aid)
        assert len(asked) == 2


def test_the_name_a_listed_reliability_was_renamed_to_is_inert_in_the_export(db_path):
    """'now X, who has another reliability': X comes from the article's text, and is
    escaped in the export like every speaker's name."""
    name = "Thomas <img src=x onerror=alert(1)> *Brandt*"
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid, "B")
        set_grade(store, source_key(name), "C", speaker=name, article_id=aid)
        _cache(store, aid, Analysis("v2", actors=[_actor(name, "Tom", aliases=("Tom",))],
                                    claims=[_claim(WORDS, name, "Tom")]))
        [orphan] = _open(store, aid).orphaned_grades
        assert orphan.extra["renamed_to"] == name
        [line] = [line for line in export_article_text(store, aid).splitlines()
                  if line.startswith("- Reliability B of")]
        assert line.endswith(r"now Thomas \<img src=x onerror=alert(1)\> \*Brandt\*, who "
                             "has another reliability")


def _notices(store: Store, article_id: int) -> list[str]:
    return [notice for notice, _ in open_article(store, article_id, None).notices()]


def test_a_reliability_moved_to_a_renamed_source_is_told_once_and_shown_as_given(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid)
        _cache(store, aid, MERGED)
        assert _notices(store, aid) == [
            "Reliability of “Tom” now on “Thomas Brandt” (same source)"]
        assert _notices(store, aid) == []  # moved once: not said on every opening
        session = _open(store, aid)
        brandt = session.claims[0]
        assert session.reliability_given_as(brandt) == "Tom"
        assert "(attributed · B- · reliability given as “Tom”)" in export_article_text(store, aid)
        # Graded anew under the name it has now: the mark goes with the old judgement.
        session.set_grade(source_key(brandt.speaker), "C", brandt.speaker).write(store)
        assert session.reliability_given_as(brandt) is None
        assert _open(store, aid).reliability_given_as(brandt) is None


def test_several_reliabilities_moved_to_renamed_sources_are_told_in_one_line(db_path):
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid)
        set_grade(store, source_key("Union"), "D", speaker="Union", article_id=aid)
        union = _actor("The union", "The union", aliases=("Union",))
        _cache(store, aid, Analysis("v2", actors=[*MERGED.actors, union],
                                    claims=MERGED.claims))
        assert _notices(store, aid) == ["2 grades moved to renamed sources: “Tom” → "
                                        "“Thomas Brandt”, “Union” → “The union”"]


def test_a_reliability_no_speaker_holds_is_told_once_until_it_is_shown_again(db_path):
    nobody = Analysis("v2", actors=[_actor("Thomas Brandt", "Thomas Brandt")],
                      claims=[_claim(STRIKE, "The union")])
    lost = "1 reliability is given to no source that speaks here now (kept, listed in Notes)"
    with Store(db_path) as store:
        aid = store.add_article("T", TEXT)
        _grade_tom(store, aid, "E")
        _cache(store, aid, nobody)
        assert _notices(store, aid) == [lost]
        assert _notices(store, aid) == []
        assert len(_open(store, aid).orphaned_grades) == 1  # still listed, not told
        _cache(store, aid, BEFORE)  # named again: shown on his claim
        assert _notices(store, aid) == []
        _cache(store, aid, nobody)  # and gone again: told again
        assert _notices(store, aid) == [lost]


VELORA = _actor("Velora Pharmaceuticals", "Velora Pharmaceuticals")
BRIDGE = "The mayor said the bridge would reopen."


def _old_library(store: Store, legacy_name: str) -> tuple[int, int]:
    """Two analysed articles and a reliability stored as an older Briefing stored it:
    its key and value alone (not where it was given, nor the name as shown), its name
    speaking in neither article."""
    aid = store.add_article("T", TEXT)
    _cache(store, aid, Analysis("v2", actors=[*MERGED.actors, VELORA], claims=MERGED.claims))
    other = store.add_article("Bridge", BRIDGE)
    start = BRIDGE.index("the bridge")
    _cache(store, other, Analysis("v2", actors=[Actor("The mayor", "person", [],
                                                      mentions=[Mention(0, 9)])],
                                  claims=[Claim(start, len(BRIDGE) - 1, BRIDGE[start:-1],
                                                ["attributed"], "The mayor")]))
    store.set_value("grades", source_key(legacy_name), "D")
    return aid, other


def test_an_old_reliability_is_listed_and_given_to_the_one_article_that_names_it(db_path):
    with Store(db_path) as store:
        aid, other = _old_library(store, "Velora Pharmaceuticals")
        [orphan] = _open(store, aid).orphaned_grades
        assert (orphan.key, orphan.value, orphan.status) == (
            source_key("Velora Pharmaceuticals"), "D", UNCLAIMED)
        assert ("- Reliability D of “velora pharmaceuticals” — no source of that name speaks "
                "now") in export_article_text(store, aid)
        assert _open(store, other).orphaned_grades == []  # the bridge article names it not
        [row] = store.reliability_rows()
        assert (row.value, row.extra["article"]) == ("D", aid)  # its article now


def test_an_old_reliability_no_article_names_is_listed_in_every_article(db_path):
    with Store(db_path) as store:
        aid, other = _old_library(store, "Ghost Ministry")
        for article_id in (aid, other):
            [orphan] = _open(store, article_id).orphaned_grades
            assert (orphan.key, orphan.value) == (source_key("Ghost Ministry"), "D")
            assert "- Reliability D of “ghost ministry”" in export_article_text(store,
                                                                               article_id)
        [row] = store.reliability_rows()
        assert "article" not in row.extra  # nothing says where it belongs


def test_a_reliability_given_in_an_article_deleted_since_is_listed_not_dropped(db_path):
    with Store(db_path) as store:
        aid, other = _old_library(store, "Ghost Ministry")
        gone = store.add_article("Gone", "Ghost Ministry said nothing.")
        set_grade(store, source_key("Ghost Ministry"), "E", speaker="Ghost Ministry",
                  article_id=gone)
        store.delete_article(gone)
        [orphan] = _open(store, other).orphaned_grades
        assert (orphan.key, orphan.value) == (source_key("Ghost Ministry"), "E")


def test_export_all_reads_who_speaks_in_the_library_once_not_once_per_article(
        db_path, tmp_path, monkeypatch):
    """Each article's reliability speaks nowhere: working out whether it speaks elsewhere
    asks every article's analysis; `export --all` does that once for the whole library
    (each article asking every other made it quadratic: benchmarks/open_grades.py)."""
    from briefing.export import export_articles

    with Store(db_path) as store:
        ids = []
        for n in range(3):
            aid = store.add_article(f"T{n}", TEXT + f" Copy {n}.")
            _cache(store, aid, BEFORE)
            set_grade(store, source_key(f"Nobody {n}"), "B", speaker=f"Nobody {n}",
                      article_id=aid)
            ids.append(aid)
        asked = []
        read = Store.analyses_by_hash
        monkeypatch.setattr(Store, "analyses_by_hash",
                            lambda self: asked.append(1) or read(self))
        written = export_articles(store, ids, tmp_path / "out")
        assert len(asked) == 1
        for n, path in enumerate(written):
            assert f"- Reliability B of “Nobody {n}”" in path.read_text(encoding="utf-8")
