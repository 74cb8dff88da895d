from __future__ import annotations

import json
from pathlib import Path

from briefing.cli import main
from briefing.library import import_file, reanchor, update_article
from briefing.store import Store
from tests.conftest import DATA

ORIGINAL = DATA / "baltic-cable-damage.md"
REVISED = DATA / "baltic-cable-damage.rev2.md"


def annotate(store, article_id, phrase, note):
    text = store.article(article_id)["text"]
    start = text.index(phrase)
    return store.add_annotation(article_id, start, start + len(phrase), note=note)


def test_update_reanchors_keeps_moves_and_orphans(db_path):
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        kept = annotate(store, aid, "Finnish and Estonian authorities", "kept")
        moved = annotate(store, aid, "baseless speculation by Western media", "moved")
        edited = annotate(store, aid, "his government would ask NATO to increase patrols",
                          "edited")
        removed = annotate(store, aid, "the vessel's crew of 24 includes citizens of India",
                           "removed")
        summary = update_article(store, aid, REVISED)
        assert (summary.kept, summary.moved, summary.orphaned) == (1, 2, 1)
        text = store.article(aid)["text"]
        assert len(store.article(aid)["revisions"]) == 1
        by_id = {a.id: a for a in store.annotations(aid)}
        assert text[by_id[kept].start:by_id[kept].end] == "Finnish and Estonian authorities"
        assert text[by_id[moved].start:by_id[moved].end] == \
            "baseless speculation by Western media"
        assert text[by_id[edited].start:by_id[edited].end] == \
            "his government would formally ask NATO to increase patrols"
        assert by_id[removed].status == "orphaned" and by_id[removed].start is None
        assert by_id[removed].note == "removed"  # orphans are never deleted
        # The new version's header replaces the old one's (the analysis dates from it).
        assert store.article(aid)["published"] == "2025-02-15"


def test_update_cli_prints_summary_and_round_trips(db_path, capsys):
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        annotate(store, aid, "Moscow has rejected responsibility", "note")
    assert main(["--db", str(db_path), "import", "--update", str(aid), str(REVISED)]) == 0
    out = capsys.readouterr().out
    assert "1 moved" in out and "0 orphaned" in out
    with Store(db_path) as store:
        [annotation] = store.annotations(aid)
        text = store.article(aid)["text"]
        assert text[annotation.start:annotation.end] == "Moscow has rejected responsibility"
        assert annotation.text_hash == store.article(aid)["hash"]
        # Opening again does nothing more: the hash matches.
        assert reanchor(store, store.article(aid)).moved == 0


def test_update_with_same_text_changes_nothing(db_path):
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        annotate(store, aid, "Fingrid", "x")
        summary = update_article(store, aid, ORIGINAL)
        assert (summary.moved, summary.orphaned) == (0, 0)
        assert store.article(aid)["revisions"] == []


def test_orphan_can_be_reattached(db_path):
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        orphan = annotate(store, aid, "the vessel's crew of 24 includes citizens of India", "o")
        update_article(store, aid, REVISED)
        assert store.annotation(orphan).status == "orphaned"
        text = store.article(aid)["text"]
        start = text.index("Swedish navy")
        store.update_annotation(orphan, start=start, end=start + len("Swedish navy"))
        again = store.annotation(orphan)
        assert again.status == "anchored" and again.selector.exact == "Swedish navy"


def test_importing_a_new_version_points_to_update(db_path, capsys):
    assert main(["--db", str(db_path), "import", str(ORIGINAL)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "import", str(REVISED)]) == 0
    out = capsys.readouterr().out
    assert "new version of article 1" in out and "import --update 1" in out


# -- a chain of versions (issue #13) ------------------------------------------------------
SPECULATION = "baseless speculation by Western media"
UNRELATED = " Sweden and Denmark are expected to join the talks, officials said."
BORDER_GUARD = ("According to the Finnish Border Guard, the vessel's crew of 24 includes "
                "citizens of India and Georgia.")


def third_version(tmp_path, text: str, name: str = "rev3.md") -> Path:
    """A copy of the second version changed by `text` (the whole Markdown file)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rev3_without_an_unrelated_sentence(tmp_path) -> Path:
    rev2 = REVISED.read_text(encoding="utf-8")
    assert UNRELATED in rev2
    return third_version(tmp_path, rev2.replace(UNRELATED, ""))


def rev3_with_the_border_guard_back(tmp_path) -> Path:
    """The second version with the paragraph it deleted put back where it was."""
    original, rev2 = ORIGINAL.read_text(encoding="utf-8"), REVISED.read_text(encoding="utf-8")
    paragraph = next(p for p in original.split("\n\n") if p.startswith(BORDER_GUARD))
    anchor = "Analysts believe the incident"
    return third_version(tmp_path, rev2.replace(anchor, paragraph + "\n\n" + anchor))


def span_text(store, annotation_id: int) -> str | None:
    annotation = store.annotation(annotation_id)
    if annotation.status == "orphaned":
        return None
    return store.article(annotation.article_id)["text"][annotation.start:annotation.end]


def test_a_second_update_keeps_a_highlight_the_first_one_moved(db_path, tmp_path):
    """The reproduction in #13: rev2 moves the highlight, then a rev3 that only deletes an
    unrelated sentence orphaned it (its selector still described the first text)."""
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        highlight = annotate(store, aid, SPECULATION, "state media line")
        first = update_article(store, aid, REVISED)
        assert (first.moved, first.orphaned) == (1, 0)
        second = update_article(store, aid, rev3_without_an_unrelated_sentence(tmp_path))
        assert second.orphaned == 0 and second.kept + second.moved == 1
        assert span_text(store, highlight) == SPECULATION
        # The selector describes the text the highlight sits on now.
        annotation, text = store.annotation(highlight), store.article(aid)["text"]
        selector = annotation.selector
        assert selector.start == annotation.start
        assert text[annotation.start - len(selector.prefix):annotation.start] == selector.prefix
        assert text[annotation.end:annotation.end + len(selector.suffix)] == selector.suffix
        assert annotation.text_hash == store.article(aid)["hash"]


def test_an_edited_highlight_keeps_what_was_first_marked(db_path, tmp_path):
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        edited = annotate(store, aid, "his government would ask NATO to increase patrols", "")
        update_article(store, aid, REVISED)
        update_article(store, aid, rev3_without_an_unrelated_sentence(tmp_path))
        annotation = store.annotation(edited)
        assert span_text(store, edited) == \
            "his government would formally ask NATO to increase patrols"
        assert annotation.original_quote == "his government would ask NATO to increase patrols"
        assert [h["quote"] for h in annotation.quote_history] == [annotation.original_quote]
        from briefing.export import export_article_text

        exported = export_article_text(store, aid)
        assert "First marked: “his government would ask NATO to increase patrols”" in exported
        assert "revision: 3" in exported and "Notes on revision 3" in exported


def test_an_orphan_comes_back_when_its_words_return(db_path, tmp_path):
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        orphan = annotate(store, aid, "the vessel's crew of 24 includes citizens of India",
                          "crew")
        other = annotate(store, aid, SPECULATION, "")
        assert update_article(store, aid, REVISED).orphaned == 1
        assert store.annotation(orphan).status == "orphaned"
        back = update_article(store, aid, rev3_with_the_border_guard_back(tmp_path))
        assert span_text(store, orphan) == "the vessel's crew of 24 includes citizens of India"
        # Reported as what it is: it came back (it was not on the previous text to move).
        assert back.moved == 0 and (back.restored, back.orphaned) == (1, 0)
        assert store.article(aid)["revision_log"][-1]["changes"] == [
            {"id": orphan, "quote": "the vessel's crew of 24 includes citizens of India",
             "what": "restored"}]
        assert store.annotation(orphan).note == "crew"
        assert span_text(store, other) == SPECULATION


def test_an_orphan_does_not_come_back_on_a_look_alike(db_path):
    """Boilerplate says the same words twice. The first copy's words are rewritten, so
    its highlight is orphaned; when a later version changes every paragraph a little, the
    second copy (there all along) must not be taken for the orphan's words."""
    from briefing.document import Document
    from briefing.library import update_article_text

    clause = "may terminate the contract with thirty days written notice to the other party"
    first = (f"Terms of the supply deal.\n\nThe buyer {clause}, in writing.\n\n"
             f"The seller {clause}, in writing.\n\nDisputes go to arbitration in Geneva.")
    with Store(db_path) as store:
        aid = store.add_article("Supply deal", first)
        orphan = store.add_annotation(aid, first.index(clause), first.index(clause) + len(clause))
        second = first.replace(f"The buyer {clause}", "The buyer can walk away at once")
        assert update_article_text(store, aid, Document("Supply deal", second)).orphaned == 1
        third = second.replace(".\n\n", ". (Updated)\n\n")
        summary = update_article_text(store, aid, Document("Supply deal", third))
        assert store.annotation(orphan).status == "orphaned"
        assert (summary.restored, summary.orphaned) == (0, 1)


def test_grades_follow_their_claim_through_two_updates(db_path, tmp_path):
    from briefing.grades import claim_key, grade_label

    moscow = "Moscow has rejected responsibility for all previous incidents"
    lepp = ("Estonian Prime Minister Kristjan Lepp said his government would ask NATO to "
            "increase patrols in the Gulf of Finland")
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        text = store.article(aid)["text"]

        def claim(words: str, within: str) -> dict:
            start = within.index(words)
            return {"start": start, "end": start + len(words), "text": words,
                    "kinds": ["attributed"], "speaker": "Russia"}

        # As the reader stores them (set_grade adds the text's hash; rows without one are
        # on the text an update replaces).
        store.set_value("grades", claim_key(aid, claim(moscow, text)), "4")
        store.set_value("grades", claim_key(aid, claim(lepp, text)), "2")
        # A highlight made on a claim keeps a reference to it, offsets included.
        start = text.index(moscow)
        highlight = store.add_annotation(aid, start, start + 6, claim=claim(moscow, text))
        update_article(store, aid, REVISED)
        summary = update_article(store, aid, rev3_without_an_unrelated_sentence(tmp_path))
        text = store.article(aid)["text"]
        grades = store.values("grades")
        assert grades[claim_key(aid, claim(moscow, text))] == "4"
        edited = lepp.replace("would ask", "would formally ask")
        assert grades[claim_key(aid, claim(edited, text))] == "2"
        reference = store.annotation(highlight).claim
        assert text[reference.start:reference.end] == moscow
        assert grade_label(grades, aid, reference) == "-4"
        assert summary.grades_orphaned == 0
        # Nothing is left keyed by the first text's offsets.
        first = ORIGINAL.read_text(encoding="utf-8")
        assert claim_key(aid, claim(moscow, first)) not in grades


def test_a_graded_claim_deleted_then_restored_gets_its_grade_back(db_path, tmp_path):
    from briefing.grades import claim_key

    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        text = store.article(aid)["text"]
        start = text.index(BORDER_GUARD)
        key = claim_key(aid, {"start": start, "end": start + len(BORDER_GUARD)})
        store.set_value("grades", key, "1")
        update_article(store, aid, REVISED)
        assert "1" in store.values("grades").values()  # kept while its words are gone
        update_article(store, aid, rev3_with_the_border_guard_back(tmp_path))
        text = store.article(aid)["text"]
        start = text.index(BORDER_GUARD)
        key = claim_key(aid, {"start": start, "end": start + len(BORDER_GUARD)})
        assert store.values("grades").get(key) == "1"
        assert list(store.values("grades")) == [key]


def test_revisions_command_lists_versions_and_what_moved(db_path, tmp_path, capsys):
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        annotate(store, aid, SPECULATION, "")
        annotate(store, aid, "the vessel's crew of 24 includes citizens of India", "")
    rev3 = rev3_with_the_border_guard_back(tmp_path)
    for version in (REVISED, rev3):
        assert main(["--db", str(db_path), "import", "--update", str(aid), str(version)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "revisions", str(aid)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    v1, v2, v3 = (next(i for i, line in enumerate(lines) if line.strip().startswith(f"v{n} "))
                  for n in (1, 2, 3))
    assert "imported" in lines[v1]
    assert "1 moved, 1 orphaned" in lines[v2]
    assert any("moved" in line and SPECULATION in line for line in lines[v2:v3])
    assert any("orphaned" in line and "crew of 24" in line for line in lines[v2:v3])
    assert "back from orphaned" in lines[v3] and "current" in lines[v3]
    assert any("came back" in line and "crew of 24" in line for line in lines[v3:])
    assert main(["--db", str(db_path), "revisions", str(aid), "--json"]) == 0
    versions = json.loads(capsys.readouterr().out)
    assert [v["number"] for v in versions] == [1, 2, 3] and versions[2]["current"]


def test_opening_an_article_whose_highlights_and_grades_are_current_reads_no_earlier_text(
        db_path, monkeypatch):
    from briefing.grades import claim_key, set_grade
    from briefing.opening import open_article
    from briefing.storage import AtomicJSONStorage

    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        annotate(store, aid, "Finnish and Estonian authorities", "kept")
        update_article(store, aid, REVISED)
        text = store.article(aid).text
        at = text.index("Finnish and Estonian authorities")
        set_grade(store, claim_key(aid, {"start": at, "end": at + 10}), "2")
        earlier = store.article(aid).revisions[0].hash
    read: list[str] = []
    real = AtomicJSONStorage.read_text
    monkeypatch.setattr(AtomicJSONStorage, "read_text",
                        lambda self, digest: (read.append(digest), real(self, digest))[1])
    with Store(db_path) as store:  # a new session: nothing read yet
        opened = open_article(store, aid, None)
        assert not opened.reanchored.changed and len(opened.highlights) == 1
        assert read == [opened.article.hash]  # the current text, once
        # Once something is on the earlier text, that text is read to move it.
        store.update_annotations(aid, {opened.highlights[0].id: {"text_hash": earlier,
                                                                 "anchored_on": earlier}})
        read.clear()
        assert open_article(store, aid, None).reanchored.kept == 1
        assert earlier in read


def test_a_highlights_claim_moved_by_an_update_keeps_its_other_keys(db_path):
    """Re-anchoring rewrites the claim's offsets and words, and nothing else of it: keys a
    newer Briefing stored with the claim survive the update."""
    with Store(db_path) as store:
        aid = import_file(store, ORIGINAL).article_id
        text = store.article(aid)["text"]
        phrase = "baseless speculation by Western media"
        start = text.index(phrase)
        claim = {"kinds": ["denial"], "speaker": "X", "text": phrase, "start": start,
                 "end": start + len(phrase), "stance": "reject"}
        highlight_id = store.add_annotation(aid, start, start + len(phrase), claim=claim)
        update_article(store, aid, REVISED)
        moved = store._raw()[f"annotations.{aid}"][str(highlight_id)]["claim"]
        now = store.article(aid)["text"]
    assert moved["stance"] == "reject"
    assert now[moved["start"]:moved["end"]] == phrase and moved["start"] != start


def test_a_highlight_cut_to_the_sentence_left_takes_back_the_one_restored(db_path, tmp_path):
    kept = "The harbour authority reopened the eastern channel to cargo ships on Monday."
    cut = "Divers had found the cable cut."
    rest = "\n\nRepairs will take a month, the operator said.\n"
    first = third_version(tmp_path, f"# Channel\n\n{kept} {cut} Pilots welcomed it.{rest}", "v1.md")
    without = third_version(tmp_path, f"# Channel\n\n{kept} Pilots welcomed it.{rest}", "v2.md")
    with Store(db_path) as store:
        aid = import_file(store, first).article_id
        both = annotate(store, aid, f"{kept} {cut}", "why")
        update_article(store, aid, without)
        assert span_text(store, both) == kept  # what the revision left of it
        update_article(store, aid, first)  # the sentence is back
        assert span_text(store, both) == f"{kept} {cut}"
        assert store.annotation(both).note == "why"


def test_a_highlight_ending_at_the_texts_end_keeps_its_last_word_when_it_is_edited(db_path):
    """The highlight runs to the text's last character; the new version is shorter (its
    final full stop is cut) or ends otherwise: the highlight still ends on the last word
    (it ended a word early: a word edited between two kept runs stands where it was, but
    at the text's end no run follows it). The reader's cursor there stays in the text."""
    from briefing.document import Document
    from briefing.library import update_article_text
    from briefing.revisions import follow_offset

    old = "The council met on Monday. The port stays closed until further notice."
    for new, marked in (
            ("The council met on Monday. The port stays closed until further notice",
             "The port stays closed until further notice"),
            ("The council met on Monday. The port stays closed until further notice!",
             "The port stays closed until further notice!"),
            ("Harbour staff met on Monday. The port stays closed until further notice.",
             "The port stays closed until further notice.")):
        with Store(db_path) as store:
            aid = store.add_article("Port", old)
            kept = store.add_annotation(aid, old.index("The port"), len(old), note="kept")
            update_article_text(store, aid, Document("Port", new))
            highlight = store.annotation(kept)
            assert highlight.status == "anchored"
            assert new[highlight.start:highlight.end] == marked
            store.delete_article(aid)
        assert follow_offset(old, new, len(old) - 1) <= len(new)
        assert follow_offset(old, new, len(old)) == len(new)


def test_a_highlight_from_the_texts_start_keeps_its_first_word_when_it_is_edited(db_path):
    from briefing.document import Document
    from briefing.library import update_article_text

    old = "The council met on Monday. The port stays closed until further notice."
    new = "A council met on Monday. The port stays closed until further notice."
    with Store(db_path) as store:
        aid = store.add_article("Port", old)
        kept = store.add_annotation(aid, 0, old.index(" The port"))
        update_article_text(store, aid, Document("Port", new))
        highlight = store.annotation(kept)
        assert new[highlight.start:highlight.end] == "A council met on Monday."
