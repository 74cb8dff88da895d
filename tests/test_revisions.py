from __future__ import annotations

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
        assert again.status == "anchored" and again.selector["quote"]["exact"] == "Swedish navy"


def test_importing_a_new_version_points_to_update(db_path, capsys):
    assert main(["--db", str(db_path), "import", str(ORIGINAL)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "import", str(REVISED)]) == 0
    out = capsys.readouterr().out
    assert "new version of article 1" in out and "import --update 1" in out
