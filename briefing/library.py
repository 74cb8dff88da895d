"""Library operations that join ingest, anchoring and the store (no UI)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing import config
from briefing.document import Document
from briefing.revisions import ReanchorSummary, reanchor, update_article_text
from briefing.store import Store

__all__ = ["ImportResult", "ReanchorSummary", "ensure_samples", "import_document",
           "import_file", "reanchor", "update_article", "update_article_text"]


@dataclass
class ImportResult:
    article_id: int | None  # None: not imported, the caller was to ask first (see below)
    title: str
    existing: bool
    # An older article with the same URL (or title and source): this is probably a new
    # version of it, better brought in with `import --update`.
    earlier_version: int | None = None
    # A page fetched again whose text changed: its article took the new version.
    updated: ReanchorSummary | None = None


def import_document(store: Store, doc: Document, ask_first: bool = False) -> ImportResult:
    """Store `doc` (or find it stored). With `ask_first`, a probable new version of an
    article is not imported: the result names the earlier one and has no article id, so
    the caller can offer `update_article_text` instead."""
    with store.transaction():
        found = store.find_article_by_hash(doc.hash)
        if found is not None:
            return ImportResult(found.id, found.title, True)
        earlier = _earlier_version(store, doc)
        if earlier is not None and ask_first:
            return ImportResult(None, doc.title, False, earlier)
        article_id = store.add_article(title=doc.title, text=doc.text, **doc.meta)
        return ImportResult(article_id, doc.title, False, earlier)


def _earlier_version(store: Store, doc: Document) -> int | None:
    found = (store.find_article_by_url(doc.meta.get("url"))
             or store.find_article_by_title(doc.title, doc.meta.get("source")))
    return found.id if found is not None else None


def import_file(store: Store, path: str | Path) -> ImportResult:
    from briefing.ingest import load  # imported when a file comes: `list` needs none of it

    return import_document(store, load(path))


def fetch_document(url: str, fallback_title: str | None = None,
                   fallback_meta: dict | None = None) -> Document:
    """Fetch a web page and extract it as HTML files are (no store involved, so callers
    fetch before they take the database's lock)."""
    from briefing.fetch import check_url, fetch
    from briefing.ingest import load_web

    url = check_url(url)
    page = fetch(url)
    return load_web(page.body, url, page.content_type, page.charset, fallback_title,
                    fallback_meta)


def import_web_document(store: Store, doc: Document) -> ImportResult:
    """Store a fetched page (`doc.meta["url"]`): the same URL with the same text is the
    article already stored; with a changed text, that article takes it as a new version
    (highlights re-anchored); a URL not seen before is imported."""
    with store.transaction():
        known = store.find_article_by_url(doc.meta.get("url"))
        if known is None:
            return import_document(store, doc)
        if known.hash == doc.hash:
            return ImportResult(known.id, known.title, True)
        summary = update_article_text(store, known.id, doc)
        return ImportResult(known.id, known.title, True, updated=summary)


def ensure_samples(store: Store) -> list[int]:
    """Import the bundled sample briefings into an empty library (first run)."""
    if store.has_articles() or store.get_value("settings", "samples_offered"):
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
    from briefing.ingest import load

    return update_article_text(store, article_id, load(path))

