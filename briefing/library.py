"""Library operations that join ingest, anchoring and the store (no UI)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing import config
from briefing.ingest import Document, load
from briefing.revisions import ReanchorSummary, reanchor, update_article_text
from briefing.store import Store

__all__ = ["ImportResult", "ReanchorSummary", "ensure_samples", "import_document",
           "import_file", "library_rows", "reanchor", "update_article", "update_article_text"]


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
    return [result.article_id for result in import_samples(store)]


def import_samples(store: Store) -> list[ImportResult]:
    """Import the bundled sample briefings (those already in the library are kept as they
    are, and say so: `existing`)."""
    results = [import_file(store, p) for p in config.sample_paths()]
    store.set_value("settings", "samples_offered", True)
    return results


def update_article(store: Store, article_id: int, path: str | Path) -> ReanchorSummary:
    """Replace an article's text with a new version (a file): `import --update` and the
    library's U. The reader's new-version prompt has the file loaded already and calls
    `update_article_text`, the one code path all three share."""
    return update_article_text(store, article_id, load(path))


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
