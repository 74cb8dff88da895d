"""briefing.model: every model reads the stored form and writes it back unchanged."""

from __future__ import annotations

import json

from briefing.library import import_file
from briefing.model import (
    Actor,
    Analysis,
    ArticleNote,
    Claim,
    Flag,
    Grade,
    Highlight,
    Mention,
)
from briefing.store import Store, articles_table_name
from tests.conftest import DATA, ROOT

SAMPLE = DATA / "baltic-cable-damage.md"
FIXTURES = ROOT / "tests" / "tui" / "fixtures"


def _analysis() -> dict:
    return json.loads((FIXTURES / "baltic-analysis.json").read_text(encoding="utf-8"))


def test_an_analysis_as_stored_round_trips(db_path):
    stored = _analysis()
    with Store(db_path) as store:
        article_id = import_file(store, SAMPLE).article_id
        digest = store.article(article_id)["hash"]
        store.save_analysis(f"{digest}:m:v2", stored)
        raw = store.analysis_for_hash(digest)
        model = store.analysis_of(digest)
    assert model is not None and model.to_dict() == raw == stored
    assert model.actors[0].mentions[0] == Mention(*stored["actors"][0]["mentions"][0])
    assert model.claims[0].text == stored["claims"][0]["text"]
    spoken = next(c for c in stored["claims"] if c.get("speaker_span"))
    typed = next(c for c in model.claims if c.start == spoken["start"])
    assert typed.speaker_span == tuple(spoken["speaker_span"])


def test_articles_highlights_and_notes_as_stored_round_trip(db_path):
    with Store(db_path) as store:
        article_id = import_file(store, SAMPLE).article_id
        text = store.article(article_id)["text"]
        claim = Claim.from_dict(_analysis()["claims"][0])
        plain = store.add_annotation(article_id, 0, 20, color=3)
        noted = store.add_annotation(article_id, 30, 60, note="why #tag", tags=["tag"],
                                     claim=claim.reference())
        store.add_note(article_id, "the whole article")
        store.replace_article_text(article_id, text + "\nMore.")
        store.set_anchors(article_id, {plain: None}, "x")  # orphaned: no offsets
        article = store.article(article_id)
        highlights = store.annotations(article_id)
        notes = store.notes(article_id)
        stored = store._raw()  # as on disk
    raw_article = {**stored[articles_table_name(article_id)][str(article_id)],
                   "id": article_id, "text": text + "\nMore."}
    assert article.to_dict() == raw_article and article.text == text + "\nMore."
    assert article.source == raw_article["source"] and article.revisions[0].text == text
    assert article.characters == len(article.text) and article.read
    raw_highlights = stored[f"annotations.{article_id}"]
    assert {str(h.id): {**h.to_dict(), "id": h.id} for h in highlights} == {
        key: {**doc, "id": int(key)} for key, doc in raw_highlights.items()}
    assert all(list(h.to_dict()) == [*raw_highlights[str(h.id)], "id"] for h in highlights)
    orphan = next(h for h in highlights if h.id == plain)
    assert orphan.orphaned and orphan.start is None and not orphan.covers(0)
    with_claim = next(h for h in highlights if h.id == noted)
    assert with_claim.claim.start == claim.start and with_claim.tags == ["tag"]
    assert with_claim.selector.exact == text[30:60]
    assert [n.to_dict() for n in notes] == [{**doc, "id": int(key)}
                                           for key, doc in stored["notes"].items()]
    assert notes[0].note == "the whole article"


def test_unknown_keys_are_kept():
    """A record a newer Briefing wrote keeps the fields this one does not know."""
    actor = {"name": "A", "type": "person", "aliases": [], "role": None, "mentions": [[1, 2]],
             "wikidata": "Q1"}
    flag = {"kind": "relative_date", "start": 1, "end": 5, "message": "m", "date": "x"}
    note = {"id": 3, "article_id": 1, "note": "n", "pinned": True}
    highlight = {"id": 4, "article_id": 1, "start": 0, "end": 3, "note": "", "color": 2,
                 "tags": [], "status": "anchored", "kind": "question"}
    assert Actor.from_dict(actor).to_dict() == actor
    assert Flag.from_dict(flag).to_dict() == flag
    assert ArticleNote.from_dict(note).to_dict() == note
    assert Highlight.from_dict(highlight).to_dict() == highlight


def test_a_claim_reference_without_offsets_is_kept_as_written():
    """Early highlights stored their claim without offsets: it is not made up, nor lost."""
    old = {"id": 1, "article_id": 1, "start": 0, "end": 3, "note": "", "color": 1, "tags": [],
           "status": "anchored", "claim": {"kinds": ["statement"], "speaker": "X",
                                           "text": "t"}}
    highlight = Highlight.from_dict(old)
    assert highlight.claim is None and highlight.to_dict() == old


def test_grades_and_analyses_from_the_cli_round_trip():
    grade = {"key": "source:reuters", "value": "B"}
    assert Grade.from_dict(grade).to_dict() == grade and Grade.from_dict(grade).is_reliability
    cli = {"title": "T", "meta": {"source": "S"}, "text": "x", "model": "m", "actors": [],
           "claims": [], "flags": [], "seconds": 0.1}
    assert Analysis.from_dict(cli).to_dict() == cli


def test_a_feed_as_stored_round_trips(db_path):
    with Store(db_path) as store:
        feed_id = store.add_feed("https://x.test/feed", "Harbour Wire")
        store.update_feed(feed_id, kind="RSS 2.0", seen=["a"], attempts={"b": 1}, extra=True)
        (feed,) = store.feeds()
        raw = store._raw()["feeds"][str(feed_id)]
    assert feed.to_dict() == {**raw, "id": feed_id}
    assert list(feed.to_dict()) == [*raw, "id"]  # in the order the store wrote them
    assert (feed.title, feed.seen, feed.attempts, feed.extra) == (
        "Harbour Wire", ["a"], {"b": 1}, {"extra": True})


def test_a_highlights_claim_keeps_the_keys_it_was_stored_with():
    """A newer Briefing (or a script) may store more of the claim on a highlight than the
    five reference keys: reading it and writing it back (an undone delete) keeps them, in
    the order they were stored. So does a claim stored as null."""
    with_cue = {"id": 2, "article_id": 1, "start": 0, "end": 9, "note": "", "color": 1,
                "tags": [], "status": "anchored",
                "claim": {"cue": "said", "kinds": ["statement"], "speaker": "X",
                          "text": "X said it", "start": 0, "end": 9, "stance": "assert"}}
    as_null = {"id": 3, "article_id": 1, "start": 0, "end": 3, "note": "", "color": 1,
               "tags": [], "status": "anchored", "claim": None}
    for stored in (with_cue, as_null):
        written = Highlight.from_dict(stored).to_dict()
        assert written == stored and list(written) == list(stored)
        assert json.dumps(written) == json.dumps(stored)


def test_a_highlights_claim_without_its_words_is_kept_not_a_traceback():
    """Offsets but no text: not a claim the reader can place; kept as written."""
    stored = {"article_id": 1, "start": 0, "end": 3, "note": "", "color": 1, "tags": [],
              "status": "anchored", "claim": {"kinds": ["statement"], "start": 0, "end": 3}}
    highlight = Highlight.from_dict(stored)
    assert highlight.claim is None and highlight.to_dict() == stored
