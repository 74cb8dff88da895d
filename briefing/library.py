"""Library operations that join ingest, anchoring and the store (no UI)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing import config
from briefing.anchoring import Selector, locate_all
from briefing.errors import BriefingError
from briefing.ingest import Document, load
from briefing.store import Record, Store


@dataclass
class ImportResult:
    article_id: int | None  # None: not imported, the caller was to ask first (see below)
    title: str
    existing: bool
    # An older article with the same URL (or title and source): this is probably a new
    # version of it, better brought in with `import --update`.
    earlier_version: int | None = None


def import_document(store: Store, doc: Document, ask_first: bool = False) -> ImportResult:
    """Store `doc` (or find it stored). With `ask_first`, a probable new version of an
    article is not imported: the result names the earlier one and has no article id, so
    the caller can offer `update_article_text` instead."""
    with store.transaction():
        found = store.find_article_by_hash(doc.hash)
        if found is not None:
            return ImportResult(found.id, found["title"], True)
        earlier = _earlier_version(store, doc)
        if earlier is not None and ask_first:
            return ImportResult(None, doc.title, False, earlier)
        article_id = store.add_article(title=doc.title, text=doc.text, **doc.meta)
        return ImportResult(article_id, doc.title, False, earlier)


def _earlier_version(store: Store, doc: Document) -> int | None:
    url, source = doc.meta.get("url"), doc.meta.get("source")
    for article in store.articles():
        if url and article.get("url") == url:
            return article.id
        if doc.title and article["title"] == doc.title and article.get("source") == source:
            return article.id
    return None


def import_file(store: Store, path: str | Path) -> ImportResult:
    return import_document(store, load(path))


def ensure_samples(store: Store) -> list[int]:
    """Import the bundled sample briefings into an empty library (first run)."""
    if store.articles() or store.get_value("settings", "samples_offered"):
        return []
    return import_samples(store)


def import_samples(store: Store) -> list[int]:
    """Import the bundled sample briefings (those already in the library are kept as they
    are); their ids."""
    ids = [import_file(store, p).article_id for p in config.sample_paths()]
    store.set_value("settings", "samples_offered", True)
    return ids


@dataclass
class ReanchorSummary:
    kept: int = 0
    moved: int = 0
    orphaned: int = 0
    article_id: int = 0

    def describe(self) -> str:
        return (f"article {self.article_id}: {self.kept} kept in place, {self.moved} moved, "
                f"{self.orphaned} orphaned")


def reanchor(store: Store, article: Record) -> ReanchorSummary:
    """Find every annotation of `article` in its current text and save the new offsets."""
    summary = ReanchorSummary(article_id=article.id)
    stale = [a for a in store.annotations(article.id) if a.get("text_hash") != article["hash"]]
    if not stale:
        return summary
    # The text they were captured on, when the store still has it, makes re-anchoring exact
    # for every paragraph kept verbatim.
    previous_texts = {r["hash"]: r["text"] for r in article.get("revisions", [])}
    placements: dict[int, tuple[int, int] | None] = {}
    for old_hash in {a.get("text_hash") for a in stale}:
        group = [a for a in stale if a.get("text_hash") == old_hash]
        selectors = [Selector.from_dict(a["selector"]) for a in group]
        found = locate_all(selectors, article["text"], previous_texts.get(old_hash))
        for annotation, where in zip(group, found, strict=True):
            if where is None:
                placements[annotation.id] = None
                summary.orphaned += 1
                continue
            placements[annotation.id] = (where.start, where.end)
            if (where.start, where.end) == (annotation.get("start"), annotation.get("end")):
                summary.kept += 1
            else:
                summary.moved += 1
    store.set_anchors(article.id, placements, article["hash"])
    return summary


def update_article(store: Store, article_id: int, path: str | Path) -> ReanchorSummary:
    """Replace an article's text with a new version (a file) and re-anchor its annotations."""
    return update_article_text(store, article_id, load(path))


def update_article_text(store: Store, article_id: int, doc: Document) -> ReanchorSummary:
    """Replace an article's text with `doc`'s (the old text is kept as a revision) and
    re-anchor its annotations."""
    with store.transaction():
        article = store.require_article(article_id)
        if article["hash"] == doc.hash:
            return reanchor(store, article)
        other = store.find_article_by_hash(doc.hash)
        if other is not None and other.id != article_id:
            raise BriefingError(f"that text is already article {other.id}")
        store.replace_article_text(article_id, doc.text)
        return reanchor(store, store.require_article(article_id))


def library_rows(store: Store) -> list[dict]:
    """One row per article: what the library screen and `briefing list` show."""
    highlights: dict[int, int] = {}
    for annotation in store.all_annotations():
        highlights[annotation["article_id"]] = highlights.get(annotation["article_id"], 0) + 1
    notes: dict[int, int] = {}
    for note in store.all_notes():
        notes[note["article_id"]] = notes.get(note["article_id"], 0) + 1
    analysed = store.analysed_hashes()
    return [{
        "id": article.id, "title": article["title"], "source": article.get("source"),
        "published": article.get("published"), "imported": article.get("imported"),
        "highlights": highlights.get(article.id, 0), "notes": notes.get(article.id, 0),
        "characters": len(article["text"]), "revisions": len(article.get("revisions", [])),
        "hash": article["hash"][:12], "analysed": article["hash"] in analysed,
    } for article in store.articles()]
