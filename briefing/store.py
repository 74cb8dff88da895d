"""Briefing's database: TinyDB behind a small repository API.

Every write runs under an inter-process lock across its whole read-modify-write, on a
storage that replaces the file atomically (see `storage.py`), so two sessions on one
database both keep their work and a kill -9 never leaves a half-written file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from briefing.anchoring import capture
from briefing.document import text_hash
from briefing.errors import BriefingError
from briefing.grades import CLAIM_PREFIX, RENAMED_FROM, SOURCE_PREFIX
from briefing.model import (
    Analysis,
    Article,
    ArticleNote,
    Feed,
    Grade,
    Highlight,
    LibraryRow,
)
from briefing.sanitize import sanitise, sanitise_line
from briefing.storage import AtomicJSONStorage, CorruptDatabase, FileLock

SCHEMA_VERSION = 3
BACKUPS_KEPT = 10
BACKUP_EVERY_SECONDS = 3600
ANNOTATIONS_PREFIX = "annotations."
ANALYSES_PREFIX = "analyses."
# Articles (metadata only; texts are files) in tables of this many ids each, so adding one
# rewrites a few hundred records, not the library's.
ARTICLES_PREFIX = "articles."
ARTICLES_PER_TABLE = 500
_DELETED_UP_TO = "deleted_up_to"  # _meta: the highest article id deleted (never reused)
# Set by the store, never taken from an imported document's metadata.
_ARTICLE_OWN_FIELDS = ("title", "hash", "characters", "imported", "revisions", "text", "id")
_ANNOTATION_FIELDS = frozenset(
    {"note", "color", "tags", "claim", "grade", "status", "start", "end", "selector", "kind"}
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _read_model(kind: str, doc_id: int | str, read: Callable[[], Any]) -> Any:
    """A stored record as its model, or a one-line error naming the damaged record (a file
    edited by hand or by another tool) instead of a bare ValueError / KeyError."""
    try:
        return read()
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        detail = f"no {exc}" if isinstance(exc, KeyError) else str(exc)
        raise BriefingError(f"the stored {kind} {doc_id} is damaged ({detail}); "
                            "it was changed outside Briefing") from None


def _stored(kind: str, model: Any, doc: Document) -> Any:
    """The model of a stored annotation, note or feed, carrying its document id."""
    found = _read_model(kind, doc.doc_id, lambda: model.from_dict(doc))
    found.id = doc.doc_id
    return found


def _highlight(doc: Document) -> Highlight:
    return _stored("highlight", Highlight, doc)


def _note(doc: Document) -> ArticleNote:
    return _stored("note", ArticleNote, doc)


def _feed(doc: Document) -> Feed:
    return _stored("feed", Feed, doc)


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """User-typed annotation fields, sanitised like article text."""
    cleaned = dict(fields)
    if isinstance(cleaned.get("note"), str):
        cleaned["note"] = sanitise(cleaned["note"])
    if "tags" in cleaned:
        cleaned["tags"] = [t for t in (sanitise_line(str(t)) for t in cleaned["tags"] or []) if t]
    return cleaned


def _analysed_hash(doc: dict) -> str:
    # analysis.cache_key puts the text hash first: "<hash>:<pipeline>:v<version>"
    return str(doc.get("key", "")).split(":", 1)[0]


def _latest_result(docs: dict) -> dict | None:
    """The newest analysis in a text's table (one per pipeline that analysed it)."""
    return next((d.get("result") for d in reversed(docs.values())), None)


def analyses_table_name(key: str) -> str:
    """The table holding the analysis cached under `key` (for bulk loads via raw_tables)."""
    return f"{ANALYSES_PREFIX}{_analysed_hash({'key': key})}"


def _split_analyses(tables: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 -> 2: one analyses table per analysed text, so saving an analysis writes that
    text's table file, not every analysis in the library."""
    for doc_id, doc in (tables.pop("analyses", None) or {}).items():
        if isinstance(doc, dict) and doc.get("key"):
            tables.setdefault(analyses_table_name(doc["key"]), {})[doc_id] = doc
    return tables


def articles_table_name(article_id: int) -> str:
    return f"{ARTICLES_PREFIX}{int(article_id) // ARTICLES_PER_TABLE}"


def _shard_articles(tables: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 -> 3: articles in tables of ARTICLES_PER_TABLE ids. Their texts are still
    inline here; the store moves every inline text to its file after migrating."""
    for doc_id, doc in (tables.pop("articles", None) or {}).items():
        tables.setdefault(articles_table_name(int(doc_id)), {})[doc_id] = doc
    return tables


# Each migration takes the raw tables of version N and returns those of version N + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _split_analyses, 2: _shard_articles}


class _ArticleLookup:
    """Hash, URL and title+source -> article id for one articles table, rebuilt only when
    that table changes (TinyDB replaces a table's dict on every write to it)."""

    def __init__(self, table: dict) -> None:
        self.table = table
        self.by_hash: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.by_title: dict[tuple[str, Any], int] = {}
        for doc_id, doc in table.items():
            article_id = int(doc_id)
            self.by_hash.setdefault(doc.get("hash"), article_id)
            if doc.get("url"):
                self.by_url.setdefault(doc["url"], article_id)
            self.by_title.setdefault((doc.get("title"), doc.get("source")), article_id)


class _GradesIndex:
    """The grades table as the grade questions ask it, built once per change of the table
    (TinyDB builds a new dict for a table it changes): `export --all` asks of every
    article, and a scan of the whole table each time would make it quadratic."""

    def __init__(self, table: dict) -> None:
        self.table = table  # what it was built from: the index holds while this is current
        self.values: dict[str, Any] = {}
        self.claims: dict[str, list[dict]] = {}  # article id (as in the key) -> its rows
        self.sources: dict[str, dict] = {}
        self.given_in: dict[Any, list[str]] = {}  # "article" (None: not kept) -> keys
        for doc in table.values():
            if "key" not in doc:
                continue
            key = str(doc["key"])
            self.values[doc["key"]] = doc.get("value")
            if key.startswith(SOURCE_PREFIX):
                self.sources[key] = doc
                self.given_in.setdefault(doc.get("article"), []).append(key)
            elif key.startswith(CLAIM_PREFIX):
                self.claims.setdefault(key[len(CLAIM_PREFIX):].split(":", 1)[0], []).append(doc)
        self.homes = frozenset(self.given_in)  # one object while the table is unchanged
        self.renamed = {key: str(doc[RENAMED_FROM]) for key, doc in self.sources.items()
                        if doc.get(RENAMED_FROM)}


class Store:
    """The repository. Use as a context manager: `with Store(path) as store: ...`."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BriefingError(f"cannot create {self.path.parent}: {exc.strerror}") from None
        if self.path.is_dir():
            raise BriefingError(f"{self.path} is a folder, not a database file")
        self.backup_dir = self.path.parent / "backups"
        self._lock = FileLock(self.path.with_name(self.path.name + ".lock"))
        self._storage: AtomicJSONStorage | None = None
        self._lookups: dict[str, _ArticleLookup] = {}
        self._grades_index: _GradesIndex | None = None
        with self._lock:
            self._db = TinyDB(self.path, storage=AtomicJSONStorage)
            self._storage = self._db.storage  # type: ignore[assignment]
            self._check_readable()
            self._prepare_schema()
            self._rotate_backups()

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def version(self) -> object:
        """Changes whenever the database file changes (a write here or in another process):
        what caches built from the store key on."""
        self._storage.read()  # re-reads when the file changed
        return self._storage.key

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the inter-process lock across several operations."""
        with self._lock:
            yield

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold the lock and commit every write of the block as one (a bulk import: one
        manifest write for N articles), or none of them if the block raises."""
        with self._lock, self._storage.deferred():
            yield

    @contextmanager
    def raw_tables(self) -> Iterator[dict[str, Any]]:
        """The raw tables ({table: {id: document}}) for a bulk load, written in one atomic
        write when the block ends, under the lock (benchmarks build big libraries this way).
        The caller keeps the documents' shape, as the repository methods write it."""
        with self._lock:
            tables = self._storage.read() or {}
            yield tables
            self._move_texts_out(tables)
            self._lookups.clear()  # tables may be changed in place
            self._grades_index = None
            self._storage.write(tables, rewrite_all=True)

    def _check_readable(self) -> None:
        """Parse the file now (TinyDB would only fail later, on first use) — into the
        storage's cache, so the first query does not parse it again."""
        try:
            self._storage.read()
        except (CorruptDatabase, OSError) as exc:
            backup = self.newest_backup()
            hint = f"; newest backup: {backup}" if backup else "; no backup found"
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise BriefingError(f"cannot open database {self.path}: {reason}{hint}") from None

    def _table(self, name: str) -> Table:
        table = self._db.table(name, cache_size=0)
        table._next_id = None  # another process may have inserted since: recount under the lock
        return table

    def _prepare_schema(self) -> None:
        meta = self._table("_meta")
        row = meta.get(doc_id=1)
        if row is None:
            meta.insert({"schema": SCHEMA_VERSION, "created": _now()})
            return
        version = int(row.get("schema", 1))
        if version > SCHEMA_VERSION:
            raise BriefingError(
                f"{self.path} was written by a newer Briefing (schema {version}); upgrade Briefing"
            )
        if version < SCHEMA_VERSION:
            self._backup(force=True)
            tables = self._storage.read() or {}
            for step in range(version, SCHEMA_VERSION):
                tables = MIGRATIONS[step](tables)
            tables["_meta"]["1"]["schema"] = SCHEMA_VERSION
            self._move_texts_out(tables)
            self._storage.write(tables, rewrite_all=True)
        elif self._storage.inline_form:  # a backup put back, or a file written by hand
            tables = self._storage.read() or {}
            if self._move_texts_out(tables):
                self._storage.write(tables, rewrite_all=True)

    def _move_texts_out(self, tables: dict[str, Any]) -> bool:
        """Put every text still inline in an article or revision into its own file (after
        a migration, or in a backup opened as the database); True if there was one."""
        moved = False
        for name, table in tables.items():
            if not name.startswith(ARTICLES_PREFIX):
                continue
            for doc in table.values():
                if "characters" not in doc:
                    doc["characters"] = len(doc["text"] if "text" in doc
                                            else self._read_text(doc["hash"]))
                for item in (doc, *doc.get("revisions", [])):
                    if isinstance(item.get("text"), str):
                        text = item.pop("text")
                        item.setdefault("hash", text_hash(text))
                        self._storage.put_text(item["hash"], text)
                        moved = True
        return moved

    # -- backups ---------------------------------------------------------------------------
    def backups(self) -> list[Path]:
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob(f"{self.path.stem}.*.json"))

    def newest_backup(self) -> Path | None:
        found = self.backups()
        return found[-1] if found else None

    def _rotate_backups(self) -> None:
        newest = self.newest_backup()
        if newest is None or time.time() - newest.stat().st_mtime > BACKUP_EVERY_SECONDS:
            self._backup()
            self._sweep_texts()

    def _sweep_texts(self) -> None:
        """Remove text files no article or revision names: those of an import that was
        interrupted or crashed before its commit. Only under the lock (every writer puts its
        texts under it, so none is half-way through a commit), and at most hourly, with the
        backup (it reads every article anyway)."""
        named = {doc.get("hash") for _, table in self._article_tables() for doc in table.values()}
        named |= {r.get("hash") for _, table in self._article_tables()
                  for doc in table.values() for r in doc.get("revisions", [])}
        self._storage.sweep_texts(named)

    def _backup(self, force: bool = False) -> None:
        if not self.path.exists():
            return
        try:
            self.backup_dir.mkdir(exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
            # One self-contained file (the database is a manifest, a folder of tables and
            # the texts' files): the texts go inline.
            self._storage.snapshot(self.backup_dir / f"{self.path.stem}.{stamp}.json",
                                   self._with_texts_inline())
            for old in self.backups()[:-BACKUPS_KEPT]:
                old.unlink(missing_ok=True)
        except OSError:
            if force:
                raise BriefingError(f"cannot back up {self.path} before migrating") from None

    def _with_texts_inline(self) -> dict[str, Any]:
        tables = dict(self._raw())
        for name, table in tables.items():
            if name.startswith(ARTICLES_PREFIX):
                tables[name] = {doc_id: self._inline(doc) for doc_id, doc in table.items()}
        return tables

    def _inline(self, doc: dict) -> dict:
        revisions = [{**r, "text": self._read_text(r["hash"])} if "text" not in r else r
                     for r in doc.get("revisions", [])]
        text = doc["text"] if "text" in doc else self._read_text(doc["hash"])
        return {**doc, "text": text, "revisions": revisions}

    # -- articles --------------------------------------------------------------------------
    def add_article(self, title: str, text: str, **meta: Any) -> int:
        """Store an article and return its id; the same text again returns the existing id.

        Title and text are sanitised first (no escape sequences or controls ever stored).
        The text goes to its own file; the articles table holds only metadata.
        """
        title, text = sanitise_line(title), sanitise(text)
        digest = text_hash(text)
        with self._lock:
            existing = self.find_article_by_hash(digest)
            if existing is not None:
                return existing.id
            self._storage.put_text(digest, text)
            article_id = self._next_article_id()
            fields = {k: v for k, v in meta.items() if k not in _ARTICLE_OWN_FIELDS}
            self._table(articles_table_name(article_id)).insert(Document(
                {"title": title, "hash": digest, "characters": len(text), "imported": _now(),
                 "revisions": [], **fields}, article_id))
            return article_id

    def _article_tables(self) -> list[tuple[str, dict]]:
        """The articles tables (name, raw table), in id order."""
        found = [(name, table) for name, table in self._raw().items()
                 if name.startswith(ARTICLES_PREFIX)]
        return sorted(found, key=lambda item: int(item[0][len(ARTICLES_PREFIX):]))

    def _lookup_tables(self) -> Iterator[_ArticleLookup]:
        for name, table in self._article_tables():
            known = self._lookups.get(name)
            if known is None or known.table is not table:
                known = self._lookups[name] = _ArticleLookup(table)
            yield known

    def _next_article_id(self) -> int:
        # Ids grow with the table number: only the last non-empty table holds the highest.
        last = next((table for _, table in reversed(self._article_tables()) if table), {})
        return 1 + max(*map(int, last), self._highest_deleted_id(), 0)

    def _highest_deleted_id(self) -> int:
        """The highest id of an article deleted: never given again. A reader still open on
        it (another process) puts a highlight, note or grade back on undo by that id, and
        reliabilities keep the id they were given in: all would land on the next import."""
        row = self._raw().get("_meta", {}).get("1", {})
        return int(row.get(_DELETED_UP_TO, 0))

    def _read_text(self, digest: str) -> str:
        try:
            return self._storage.read_text(digest)
        except CorruptDatabase as exc:
            backup = self.newest_backup()
            hint = f"; newest backup: {backup}" if backup else "; no backup found"
            raise BriefingError(f"cannot read an article of {self.path}: {exc}{hint}") from None

    def _article(self, doc_id: int | str, doc: dict) -> Article:
        """The model of a stored article; its text (and its revisions') is read from its
        file when first asked for, so listing ten thousand articles reads none of them."""
        found = _read_model("article", doc_id, lambda: Article.from_dict(doc, self._read_text))
        found.id = int(doc_id)
        return found

    def _find(self, index: str, key: Any) -> Article | None:
        for lookup in self._lookup_tables():
            found = getattr(lookup, index).get(key)
            if found is not None:
                return self._article(found, lookup.table[str(found)])
        return None

    def find_article_by_hash(self, digest: str) -> Article | None:
        return self._find("by_hash", digest)

    def find_article_by_url(self, url: str | None) -> Article | None:
        return self._find("by_url", url) if url else None

    def find_article_by_title(self, title: str, source: Any) -> Article | None:
        """The first article with this title and source (None: no source)."""
        return self._find("by_title", (title, source)) if title else None

    def _article_doc(self, article_id: int) -> dict | None:
        """The stored form of one article (read only: not copied)."""
        return self._raw().get(articles_table_name(article_id), {}).get(str(int(article_id)))

    def article(self, article_id: int) -> Article | None:
        """One article, its text read now (so a missing text file is this call's error, on
        the store's thread, not a later surprise wherever the text is first used)."""
        doc = self._article_doc(article_id)
        if doc is None:
            return None
        found = self._article(article_id, doc)
        found.text  # noqa: B018 - read now, see above
        return found

    def require_article(self, article_id: int) -> Article:
        found = self.article(article_id)
        if found is None:
            raise BriefingError(f"no article with id {article_id} in {self.path}")
        return found

    def article_ids(self) -> set[int]:
        """The id of every article (none of them read)."""
        return {article_id for article_id, _ in self._article_docs()}

    def articles(self) -> list[Article]:
        """Every article, in id order (each text is read only if asked for)."""
        return [self._article(doc_id, doc) for doc_id, doc in self._article_docs()]

    def _article_docs(self) -> Iterator[tuple[int, dict]]:
        """(id, stored form) of every article in id order: not copied, so for reading only."""
        for _, table in self._article_tables():
            for doc_id, doc in sorted(table.items(), key=lambda item: int(item[0])):
                yield int(doc_id), doc

    def library_rows(self) -> list[LibraryRow]:
        """One row per article, what the library screen and `briefing list` show: read from
        the stored form, as cheaply as can be (every launch lists the whole library)."""
        highlights, notes = self._annotation_counts(), self._note_counts()
        analysed, grades = self.analysed_hashes(), self._grades()
        return [LibraryRow(article_id, doc["title"], doc.get("source"), doc.get("published"),
                           doc.get("imported"), highlights.get(article_id, 0),
                           notes.get(article_id, 0), doc.get("characters") or 0,
                           len(doc.get("revisions") or ()), doc["hash"][:12],
                           doc["hash"] in analysed, doc.get("url"), doc.get("feed"),
                           doc.get("read", True),  # only feed entries arrive unread
                           len(grades.claims.get(str(article_id), ())),
                           len(grades.given_in.get(article_id, ())))
                for article_id, doc in self._article_docs()]

    def has_articles(self) -> bool:
        return any(table for _, table in self._article_tables())

    def update_article(self, article_id: int, **fields: Any) -> None:
        if "text" in fields or "hash" in fields:
            raise BriefingError("an article's text changes only through replace_article_text")
        with self._lock:
            self.require_article(article_id)
            self._table(articles_table_name(article_id)).update(fields,
                                                                doc_ids=[int(article_id)])

    def replace_article_text(self, article_id: int, text: str, **fields: Any) -> None:
        """Swap in a new version of the text, keeping the old one as a previous revision."""
        digest = text_hash(text)
        with self._lock:
            self.require_article(article_id)
            old = self._article_doc(article_id)
            revisions = [{k: v for k, v in r.items() if k != "text"}
                         for r in old.get("revisions", [])]
            revisions.append({"hash": old["hash"], "replaced": _now()})
            self._storage.put_text(digest, text)
            self._table(articles_table_name(article_id)).update(
                {"hash": digest, "characters": len(text), "revisions": revisions, **fields},
                doc_ids=[int(article_id)],
            )

    def delete_article(self, article_id: int) -> None:
        """Delete an article with its annotations, notes, claim grades and texts (a text
        another article still names is kept; backups keep theirs), in one commit. Its
        claim grades would otherwise show on the claims of the next article given its id.
        A reliability given in it stays: it grades a source, shown wherever it speaks
        (source_grades.py lists it where the source is named)."""
        with self.batch():
            article = self.require_article(article_id)
            texts = {article.hash, *(r.hash for r in article.revisions)}
            self._db.drop_table(self._annotations_table_name(article_id))
            self._table("notes").remove(lambda doc: doc.get("article_id") == int(article_id))
            self.replace_rows("grades", {row.key for row in self.grade_rows(article_id)}, [])
            self._table(articles_table_name(article_id)).remove(doc_ids=[int(article_id)])
            if int(article_id) > self._highest_deleted_id():
                self._table("_meta").update({_DELETED_UP_TO: int(article_id)}, doc_ids=[1])
            for _, table in self._article_tables():
                for doc in table.values():
                    texts.discard(doc.get("hash"))
                    texts.difference_update(r.get("hash") for r in doc.get("revisions", []))
            for digest in texts:
                self._storage.discard_text_after_commit(digest)

    # -- annotations -----------------------------------------------------------------------
    # One table per article ("annotations.<id>"): a write re-encodes only that article's
    # annotations, which keeps adding one fast in a library of thousands. Ids stay global.
    @staticmethod
    def _annotations_table_name(article_id: int) -> str:
        return f"{ANNOTATIONS_PREFIX}{int(article_id)}"

    def _raw(self) -> dict[str, Any]:
        return self._storage.read() or {}

    def _raw_tables(self, prefix: str) -> Iterator[tuple[str, dict]]:
        """The non-empty raw tables of one family (per-article annotations, per-text
        analyses), by full name."""
        for name, table in self._raw().items():
            if name.startswith(prefix) and table:
                yield name, table

    def _annotation_home(self, annotation_id: int) -> str | None:
        key = str(int(annotation_id))
        return next((name for name, table in self._raw_tables(ANNOTATIONS_PREFIX)
                     if key in table), None)

    def _next_annotation_id(self) -> int:
        return 1 + max((max(map(int, table)) for _, table in
                        self._raw_tables(ANNOTATIONS_PREFIX)), default=0)

    def _insert_annotation(self, article_id: int, doc: dict) -> int:
        new_id = self._next_annotation_id()
        self._table(self._annotations_table_name(article_id)).insert(Document(doc, new_id))
        return new_id

    def add_annotation(
        self, article_id: int, start: int, end: int, note: str = "",
        on_text: str | None = None, **fields: Any
    ) -> int:
        """Highlight text[start:end] of an article (with an optional note); return its id.
        `on_text`: the hash of the text the offsets are in (a reader's, which another
        session may have replaced since): on an earlier version, the highlight is anchored
        there, and re-anchoring (revisions.reanchor) moves it into the current text."""
        note = sanitise(note)
        fields = _clean_fields(fields)
        with self._lock:
            version = self.require_article(article_id).version(on_text)
            text, digest = version.text, version.hash
            if not (0 <= start < end <= len(text)) or not text[start:end].strip():
                raise BriefingError(
                    f"cannot annotate {start}-{end}: not a non-empty span of article {article_id}"
                )
            doc = {"color": 1, "tags": [], "status": "anchored", **fields,
                   "article_id": int(article_id), "start": start, "end": end, "note": note,
                   "selector": capture(text, start, end).to_dict(), "text_hash": digest,
                   "created": _now(), "updated": _now()}
            return self._insert_annotation(article_id, doc)

    def annotation(self, annotation_id: int) -> Highlight | None:
        home = self._annotation_home(annotation_id)
        if home is None:
            return None
        return _highlight(self._table(home).get(doc_id=int(annotation_id)))

    def annotations(self, article_id: int) -> list[Highlight]:
        """An article's highlights, in text order (orphans first)."""
        found = self._table(self._annotations_table_name(article_id)).all()
        return sorted(map(_highlight, found), key=lambda h: (h.start or 0, h.id))

    def all_annotations(self) -> list[Highlight]:
        return [_highlight(doc) for name in self._db.tables()
                if name.startswith(ANNOTATIONS_PREFIX) for doc in self._table(name).all()]

    def _annotation_counts(self) -> dict[int, int]:
        """How many highlights each article has (by article id)."""
        return {int(name[len(ANNOTATIONS_PREFIX):]): len(table)
                for name, table in self._raw_tables(ANNOTATIONS_PREFIX)}

    def update_annotation(self, annotation_id: int, on_text: str | None = None,
                          **fields: Any) -> None:
        """Change an annotation's fields. New offsets (`start`/`end`, a re-attach) are in
        the text whose hash is `on_text` when that is one of the article's versions (a
        reader's, which another session may have replaced), else in the current text."""
        unknown = set(fields) - _ANNOTATION_FIELDS
        if unknown:
            raise BriefingError(f"unknown annotation field(s): {', '.join(sorted(unknown))}")
        fields = _clean_fields(fields)
        with self._lock:
            current = self.annotation(annotation_id)
            if current is None:
                raise BriefingError(f"no annotation with id {annotation_id}")
            if "start" in fields or "end" in fields:
                version = self.require_article(current.article_id).version(on_text)
                text, digest = version.text, version.hash
                start = fields.get("start", current.start)
                end = fields.get("end", current.end)
                if start is not None and end is not None:
                    fields.setdefault("selector", capture(text, start, end).to_dict())
                    fields.setdefault("text_hash", digest)
                    fields.setdefault("status", "anchored")
                    if current.selector is not None and not current.original_quote:
                        # Re-attached elsewhere: what the analyst first marked stays known.
                        fields["original_quote"] = current.selector.exact
            fields["updated"] = _now()
            table = self._table(self._annotations_table_name(current.article_id))
            table.update(fields, doc_ids=[int(annotation_id)])

    def set_anchors(self, article_id: int, placements: dict[int, tuple[int, int] | None],
                    text_hash_now: str) -> None:
        """Save re-anchored positions (None = orphaned) for many annotations in one write."""
        self.update_annotations(article_id, {
            doc_id: ({"status": "orphaned", "start": None, "end": None} if where is None else
                     {"status": "anchored", "start": where[0], "end": where[1]})
            | {"text_hash": text_hash_now}
            for doc_id, where in placements.items()})

    def update_annotations(self, article_id: int, changes: dict[int, dict[str, Any]]) -> None:
        """Merge `changes[id]` into each of an article's annotations, in one write (what
        re-anchoring after a new version saves)."""
        def apply(table: dict) -> None:
            for doc_id, fields in changes.items():
                if doc_id in table:
                    table[doc_id].update(fields)

        with self._lock:
            # TinyDB's one-write batch update (private, stable across 4.x, pinned below 5).
            self._table(self._annotations_table_name(article_id))._update_table(apply)

    def delete_annotation(self, annotation_id: int) -> Highlight:
        """Delete an annotation and return it (so the caller can offer undo)."""
        with self._lock:
            found = self.annotation(annotation_id)
            if found is None:
                raise BriefingError(f"no annotation with id {annotation_id}")
            table = self._table(self._annotations_table_name(found.article_id))
            table.remove(doc_ids=[int(annotation_id)])
            return found

    def restore_annotation(self, highlight: Highlight) -> int:
        """Put back a deleted annotation (undo), as it was stored; returns its new id."""
        fields = highlight.to_dict()
        fields.pop("id", None)
        with self._lock:
            self.require_article(highlight.article_id)
            return self._insert_annotation(highlight.article_id, fields)

    # -- article notes ---------------------------------------------------------------------
    def add_note(self, article_id: int, text: str, **fields: Any) -> int:
        text = sanitise(text)
        with self._lock:
            self.require_article(article_id)
            return self._table("notes").insert(
                {**fields, "article_id": int(article_id), "note": text, "created": _now(),
                 "updated": _now()}
            )

    def all_notes(self) -> list[ArticleNote]:
        return [_note(d) for d in self._table("notes").all()]

    def notes(self, article_id: int) -> list[ArticleNote]:
        found = self._table("notes").search(lambda d: d.get("article_id") == int(article_id))
        return sorted(map(_note, found), key=lambda n: n.id)

    def _note_counts(self) -> dict[int, int]:
        """How many article notes each article has (by article id)."""
        counts: dict[int, int] = {}
        for doc in self._raw().get("notes", {}).values():
            article_id = int(doc["article_id"])
            counts[article_id] = counts.get(article_id, 0) + 1
        return counts

    def update_note(self, note_id: int, text: str) -> None:
        text = sanitise(text)
        with self._lock:
            if self._table("notes").get(doc_id=int(note_id)) is None:
                raise BriefingError(f"no note with id {note_id}")
            self._table("notes").update({"note": text, "updated": _now()}, doc_ids=[int(note_id)])

    def delete_note(self, note_id: int) -> ArticleNote:
        """Delete an article note and return it as stored (so the caller can offer undo)."""
        with self._lock:
            doc = self._table("notes").get(doc_id=int(note_id))
            if doc is None:
                raise BriefingError(f"no note with id {note_id}")
            self._table("notes").remove(doc_ids=[int(note_id)])
            return _note(doc)

    def restore_note(self, note: ArticleNote) -> int:
        """Put back a deleted article note (undo), as it was stored; returns its id: its old
        one while no note has taken it (notes are listed in id order: it keeps its place)."""
        fields = note.to_dict()
        fields.pop("id", None)
        with self._lock:
            self.require_article(note.article_id)
            table = self._table("notes")
            if note.id is not None and table.get(doc_id=int(note.id)) is None:
                return table.insert(Document(fields, int(note.id)))
            return table.insert(fields)

    # -- feeds -----------------------------------------------------------------------------
    def add_feed(self, url: str, title: str) -> int:
        with self._lock:
            known = next((f for f in self.feeds() if f.url == url), None)
            if known is not None:
                raise BriefingError(f"{url} is already feed {known.id}")
            return self._table("feeds").insert(
                {"url": url, "title": sanitise_line(title) or url, "added": _now(),
                 "checked": None, "etag": None, "last_modified": None, "seen": []})

    def feeds(self) -> list[Feed]:
        return [_feed(doc) for doc in self._table("feeds").all()]

    def require_feed(self, feed_id: int) -> Feed:
        doc = self._table("feeds").get(doc_id=int(feed_id))
        if doc is None:
            raise BriefingError(f"no feed with id {feed_id} (briefing feed list shows them)")
        return _feed(doc)

    def update_feed(self, feed_id: int, **fields: Any) -> None:
        if "title" in fields:
            fields["title"] = sanitise_line(str(fields["title"]))
        with self._lock:
            self.require_feed(feed_id)
            self._table("feeds").update(fields, doc_ids=[int(feed_id)])

    def remove_feed(self, feed_id: int) -> Feed:
        """Forget a feed (the articles it brought stay in the library)."""
        with self._lock:
            feed = self.require_feed(feed_id)
            self._table("feeds").remove(doc_ids=[int(feed_id)])
            return feed

    # -- analysis cache and settings keyed by name -----------------------------------------
    def cached_analysis(self, key: str) -> dict | None:
        for doc in self._table(analyses_table_name(key)).all():
            if doc.get("key") == key:
                return doc.get("result")
        return None

    def analysis_for_hash(self, digest: str) -> dict | None:
        return _latest_result(self._raw().get(f"{ANALYSES_PREFIX}{digest}") or {})

    def analyses_for_hash(self, digest: str) -> list[dict]:
        """Every stored analysis of the text with this hash (each pipeline and version
        that analysed it), oldest first."""
        docs = self._raw().get(f"{ANALYSES_PREFIX}{digest}") or {}
        return [d["result"] for d in docs.values() if isinstance(d.get("result"), dict)]

    def analysis_of(self, digest: str) -> Analysis | None:
        """The stored analysis of the text with this hash (any pipeline), as a model."""
        found = self.analysis_for_hash(digest)
        return Analysis.from_dict(found) if found else None

    def analyses_by_hash(self) -> dict[str, dict]:
        """Every stored analysis (any pipeline) by the hash of the text it analysed: one
        pass for code that looks up many articles."""
        return {name[len(ANALYSES_PREFIX):]: _latest_result(docs)
                for name, docs in self._raw_tables(ANALYSES_PREFIX)}

    def analysed_hashes(self) -> set[str]:
        """The text hashes that have a stored analysis (any pipeline)."""
        return set(self.analyses_by_hash())

    def save_analysis(self, key: str, result: dict) -> None:
        with self._lock:
            table = self._table(analyses_table_name(key))
            table.remove(lambda d: d.get("key") == key)
            table.insert({"key": key, "result": result, "saved": _now()})

    def get_value(self, table: str, key: str, default: Any = None) -> Any:
        for doc in self._table(table).all():
            if doc.get("key") == key:
                return doc.get("value", default)
        return default

    def values(self, table: str) -> dict[str, Any]:
        """Every key -> value of a keyed table (settings, grades)."""
        return {d["key"]: d.get("value") for d in self._table(table).all() if "key" in d}

    def _grades(self) -> _GradesIndex:
        table = self._raw().get("grades", {})
        if self._grades_index is None or self._grades_index.table is not table:
            self._grades_index = _GradesIndex(table)
        return self._grades_index

    def grades_version(self) -> object:
        """One object while the grades table is unchanged (here or in another process):
        the reader's check for other sessions' changes copies the grades only when it
        changes, not after every highlight."""
        return self._grades()

    def grades(self) -> dict[str, str]:
        """Every Admiralty grade by key (see briefing/grades.py)."""
        return dict(self._grades().values)

    def grade_rows(self, article_id: int | None = None) -> list[Grade]:
        """Every grade with what it keeps besides its value (a claim's text and selector);
        with `article_id`, only the grades of that article's claims."""
        if article_id is not None:
            return [Grade.from_dict(d) for d in self._grades().claims.get(str(article_id), ())]
        return [Grade.from_dict(d) for d in self._raw().get("grades", {}).values()
                if "key" in d]

    def reliability_rows(self) -> list[Grade]:
        """Every source's reliability (grades.SOURCE_PREFIX), with what it keeps besides."""
        return [Grade.from_dict(d) for d in self._grades().sources.values()]

    def reliability(self, key: str) -> Grade | None:
        """The reliability keyed `key` (grades.source_key), if one is given."""
        found = self._grades().sources.get(key)
        return Grade.from_dict(found) if found is not None else None

    def reliabilities_given_in(self, article: int | None) -> list[Grade]:
        """The reliabilities given in the article `article` (None: those stored before
        reliabilities kept where they were given)."""
        index = self._grades()
        return [Grade.from_dict(index.sources[key]) for key in index.given_in.get(article, ())]

    def renamed_sources(self) -> dict[str, str]:
        """The reliabilities an analysis moved to a source's new name (source_grades.py):
        key -> the name the analyst gave it under, shown beside the grade until they grade
        the source again."""
        return dict(self._grades().renamed)

    def reliability_homes(self) -> frozenset:
        """The articles reliabilities were given in (None: not kept); one object while the
        grades are unchanged."""
        return self._grades().homes

    def replace_rows(self, table: str, remove: set[str], rows: list[dict[str, Any]]) -> None:
        """Drop the rows keyed `remove` and put `rows` (each with its "key") in, in one write."""
        def apply(docs: dict) -> None:
            gone = remove | {row["key"] for row in rows}
            for doc_id in [i for i, d in docs.items() if d.get("key") in gone]:
                del docs[doc_id]
            next_id = max(docs, default=0) + 1
            for offset, row in enumerate(rows):
                docs[next_id + offset] = dict(row)

        if not remove and not rows:
            return
        with self._lock:
            self._table(table)._update_table(apply)

    def set_value(self, table: str, key: str, value: Any) -> None:
        with self._lock:
            t = self._table(table)
            t.remove(lambda d: d.get("key") == key)
            if value is not None:
                t.insert({"key": key, "value": value})

