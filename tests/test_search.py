from __future__ import annotations

import json

from briefing.actor_index import build_index
from briefing.analysis.cache import analyse_and_cache, save_analysis
from briefing.cli import main
from briefing.export import export_article_text
from briefing.search import SearchIndex
from briefing.store import Store

ONE = ("Finnish investigators said on Friday that the cable was cut. Marja Kallio, who leads "
       "the inquiry, said a ship was detained.")
TWO = "Kallio told reporters that the anchor was dragged. Moscow denied any role."


def library(db_path) -> tuple[Store, int, int]:
    store = Store(db_path)
    first = store.add_article(title="Cable cut", text=ONE, source="Wire")
    second = store.add_article(title="Anchor dragged", text=TWO)
    for aid in (first, second):
        analyse_and_cache(store, store.require_article(aid), None)
    start = ONE.index("the cable was cut")
    store.add_annotation(first, start, start + len("the cable was cut"),
                         note="Check the #sabotage angle", tags=["sabotage"])
    store.add_note(second, "Follow up with the navy #sabotage")
    return store, first, second


def test_search_hits_every_kind_of_content(db_path):
    store, first, second = library(db_path)
    index = SearchIndex(store)
    kinds = {h.kind for h in index.search("cable")}
    assert {"title", "text", "highlight", "claim"} <= kinds
    assert {h.kind for h in index.search("sabotage angle")} == {"note"}
    assert "article-note" in {h.kind for h in index.search("follow up with the navy")}
    actor_hits = [h for h in index.search("Kallio") if h.kind == "actor"]
    assert {h.article_id for h in actor_hits} == {first, second}
    text_hit = next(h for h in index.search("anchor was dragged") if h.kind == "text")
    assert TWO[text_hit.start:].startswith("anchor was dragged")


def test_tag_search_and_listing(db_path):
    store, first, second = library(db_path)
    index = SearchIndex(store)
    hits = index.search("#sabotage")
    assert {(h.kind, h.article_id) for h in hits} >= {("highlight", first),
                                                      ("article-note", second)}
    assert index.tags() == {"sabotage": 2}


def test_actor_index_merges_across_articles(db_path):
    store, first, second = library(db_path)
    actors = {a.name: a for a in build_index(store)}
    kallio = actors["Marja Kallio"]
    assert "Kallio" not in actors
    assert {a.article_id for a in kallio.appearances} == {first, second}
    assert any(c["role"] == "speaker" and c["article_id"] == second for c in kallio.claims)
    assert actors["Russia"].claims and "Moscow" in actors["Russia"].aliases


def test_grades_persist_and_export(db_path):
    store, first, _ = library(db_path)
    store.set_value("grades", "source:marja kallio", "B")
    claim = next(c for c in store.analysis_for_hash(store.article(first)["hash"])["claims"]
                 if c.get("speaker") == "Marja Kallio")
    store.set_value("grades", f"claim:{first}:{claim['start']}:{claim['end']}", "2")
    store.close()
    with Store(db_path) as again:
        assert again.get_value("grades", "source:marja kallio") == "B"
        exported = export_article_text(again, first)
    assert "**Marja Kallio** said (attributed · B2)" in exported  # speaker, cue, kinds, grade
    assert "#sabotage" in exported


def test_cli_search_actors_tags(db_path, capsys):
    store, first, _ = library(db_path)
    store.close()
    assert main(["--db", str(db_path), "search", "cable", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert any(h["kind"] == "highlight" and h["article_id"] == first for h in hits)
    assert main(["--db", str(db_path), "search", "zzzz-nothing"]) == 1
    capsys.readouterr()
    assert main(["--db", str(db_path), "actors", "--json"]) == 0
    names = [a["name"] for a in json.loads(capsys.readouterr().out)]
    assert "Marja Kallio" in names
    assert main(["--db", str(db_path), "tags"]) == 0
    assert "#sabotage" in capsys.readouterr().out


def test_index_is_reused_until_the_database_changes(db_path):
    from briefing.search import index_for

    store, first, _ = library(db_path)
    index = index_for(store)
    assert index_for(store) is index
    store.add_note(first, "a new note about pipelines")
    fresh = index_for(store)
    assert fresh is not index and fresh.search("pipelines")


def test_library_rows_count_highlights_notes_and_analyses(db_path):
    store, first, second = library(db_path)
    plain = store.add_article(title="Not analysed", text="Nothing to see here today.")
    rows = {r.id: r for r in store.library_rows()}
    assert (rows[first].highlights, rows[first].notes, rows[first].analysed) == (1, 0, True)
    assert (rows[second].highlights, rows[second].notes) == (0, 1)
    assert rows[plain].analysed is False


def test_actor_index_counts_each_briefing_once(db_path):
    # One briefing whose analysis lists "Putin" apart from "Vladimir Putin" (an analysis
    # cached by an earlier version), another naming him in full: across the library they
    # are one actor, seen in two briefings, not three.
    store = Store(db_path)
    first = store.add_article(title="Summit", text="Vladimir Putin met envoys. Putin left.")
    second = store.add_article(title="Talks", text="Vladimir Putin spoke.")
    person = {"type": "person", "role": None}
    analyses = {
        first: [{**person, "name": "Vladimir Putin", "aliases": ["Vladimir Putin"],
                 "mentions": [[0, 14]]},
                {**person, "name": "Putin", "aliases": ["Putin"], "mentions": [[27, 32]]}],
        second: [{**person, "name": "Vladimir Putin", "aliases": ["Vladimir Putin"],
                  "mentions": [[0, 14]]}],
    }
    for aid, actors in analyses.items():
        article = store.article(aid)
        save_analysis(store, article["hash"], None,
                      {"title": article["title"], "actors": actors, "claims": []})
    putin = {a.name: a for a in build_index(store)}["Vladimir Putin"]
    assert sorted(a.article_id for a in putin.appearances) == [first, second]
    assert putin.mention_count == 3 and putin.to_dict()["briefings"][0]["mentions"] == 2
