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
from briefing.errors import BriefingError
from briefing.ingest import text_hash
from briefing.model import Analysis, Article, ArticleNote, Highlight
from briefing.sanitize import sanitise, sanitise_line
from briefing.storage import AtomicJSONStorage, CorruptDatabase, FileLock

SCHEMA_VERSION = 2
BACKUPS_KEPT = 10
BACKUP_EVERY_SECONDS = 3600
ANNOTATIONS_PREFIX = "annotations."
ANALYSES_PREFIX = "analyses."
_ANNOTATION_FIELDS = frozenset(
    {"note", "color", "tags", "claim", "grade", "status", "start", "end", "selector", "kind"}
)


class Record(dict):
    """A stored document: keys as attributes too (`rec.title` == `rec["title"]`)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _record(doc: Any) -> Record:
    rec = Record(doc)
    rec["id"] = doc.doc_id
    return rec


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


# Each migration takes the raw tables of version N and returns those of version N + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _split_analyses}


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
    def raw_tables(self) -> Iterator[dict[str, Any]]:
        """The raw tables ({table: {id: document}}) for a bulk load, written in one atomic
        write when the block ends, under the lock (benchmarks build big libraries this way).
        The caller keeps the documents' shape, as the repository methods write it."""
        with self._lock:
            tables = self._storage.read() or {}
            yield tables
            self._storage.write(tables, rewrite_all=True)  # tables may be changed in place

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
            self._storage.write(tables, rewrite_all=True)

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

    def _backup(self, force: bool = False) -> None:
        if not self.path.exists():
            return
        try:
            self.backup_dir.mkdir(exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
            # One self-contained file (the database is a manifest and a folder of tables).
            self._storage.snapshot(self.backup_dir / f"{self.path.stem}.{stamp}.json")
            for old in self.backups()[:-BACKUPS_KEPT]:
                old.unlink(missing_ok=True)
        except OSError:
            if force:
                raise BriefingError(f"cannot back up {self.path} before migrating") from None

    # -- articles --------------------------------------------------------------------------
    def add_article(self, title: str, text: str, **meta: Any) -> int:
        """Store an article and return its id; the same text again returns the existing id.

        Title and text are sanitised first (no escape sequences or controls ever stored).
        """
        title, text = sanitise_line(title), sanitise(text)
        digest = text_hash(text)
        with self._lock:
            existing = self.find_article_by_hash(digest)
            if existing is not None:
                return existing.id
            return self._table("articles").insert(
                {"title": title, "text": text, "hash": digest, "imported": _now(),
                 "revisions": [], **meta}
            )

    def find_article_by_hash(self, digest: str) -> Record | None:
        for doc in self._table("articles").all():
            if doc.get("hash") == digest:
                return _record(doc)
        return None

    def article(self, article_id: int) -> Record | None:
        doc = self._table("articles").get(doc_id=int(article_id))
        return _record(doc) if doc is not None else None

    def require_article(self, article_id: int) -> Record:
        found = self.article(article_id)
        if found is None:
            raise BriefingError(f"no article with id {article_id} in {self.path}")
        return found

    def articles(self) -> list[Record]:
        return [_record(doc) for doc in self._table("articles").all()]

    def read_article(self, article_id: int) -> Article:
        """The article as a model; raises BriefingError when there is none."""
        return Article.from_dict(self.require_article(article_id))

    def read_articles(self) -> list[Article]:
        return [Article.from_dict(r) for r in self.articles()]

    def update_article(self, article_id: int, **fields: Any) -> None:
        with self._lock:
            self.require_article(article_id)
            self._table("articles").update(fields, doc_ids=[int(article_id)])

    def replace_article_text(self, article_id: int, text: str, **fields: Any) -> None:
        """Swap in a new version of the text, keeping the old one as a previous revision."""
        with self._lock:
            old = self.require_article(article_id)
            revisions = list(old.get("revisions", []))
            revisions.append({"text": old["text"], "hash": old["hash"], "replaced": _now()})
            self._table("articles").update(
                {"text": text, "hash": text_hash(text), "revisions": revisions, **fields},
                doc_ids=[int(article_id)],
            )

    def delete_article(self, article_id: int) -> None:
        """Delete an article with its annotations and notes."""
        with self._lock:
            self.require_article(article_id)
            self._db.drop_table(self._annotations_table_name(article_id))
            self._table("notes").remove(lambda doc: doc.get("article_id") == int(article_id))
            self._table("articles").remove(doc_ids=[int(article_id)])

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
        self, article_id: int, start: int, end: int, note: str = "", **fields: Any
    ) -> int:
        """Highlight text[start:end] of an article (with an optional note); return its id."""
        note = sanitise(note)
        fields = _clean_fields(fields)
        with self._lock:
            article = self.require_article(article_id)
            text = article["text"]
            if not (0 <= start < end <= len(text)) or not text[start:end].strip():
                raise BriefingError(
                    f"cannot annotate {start}-{end}: not a non-empty span of article {article_id}"
                )
            doc = {"color": 1, "tags": [], "status": "anchored", **fields,
                   "article_id": int(article_id), "start": start, "end": end, "note": note,
                   "selector": capture(text, start, end).to_dict(), "text_hash": article["hash"],
                   "created": _now(), "updated": _now()}
            return self._insert_annotation(article_id, doc)

    def annotation(self, annotation_id: int) -> Record | None:
        home = self._annotation_home(annotation_id)
        if home is None:
            return None
        return _record(self._table(home).get(doc_id=int(annotation_id)))

    def annotations(self, article_id: int) -> list[Record]:
        found = self._table(self._annotations_table_name(article_id)).all()
        return sorted((_record(d) for d in found), key=lambda r: (r.get("start") or 0, r.id))

    def all_annotations(self) -> list[Record]:
        return [_record(doc) for name in self._db.tables() if name.startswith(ANNOTATIONS_PREFIX)
                for doc in self._table(name).all()]

    def highlights(self, article_id: int) -> list[Highlight]:
        """An article's annotations as models, in text order."""
        return [Highlight.from_dict(r) for r in self.annotations(article_id)]

    def all_highlights(self) -> list[Highlight]:
        return [Highlight.from_dict(r) for r in self.all_annotations()]

    def update_annotation(self, annotation_id: int, **fields: Any) -> None:
        unknown = set(fields) - _ANNOTATION_FIELDS
        if unknown:
            raise BriefingError(f"unknown annotation field(s): {', '.join(sorted(unknown))}")
        fields = _clean_fields(fields)
        with self._lock:
            current = self.annotation(annotation_id)
            if current is None:
                raise BriefingError(f"no annotation with id {annotation_id}")
            if "start" in fields or "end" in fields:
                article = self.require_article(current["article_id"])
                start = fields.get("start", current["start"])
                end = fields.get("end", current["end"])
                if start is not None and end is not None:
                    fields.setdefault("selector", capture(article["text"], start, end).to_dict())
                    fields.setdefault("text_hash", article["hash"])
                    fields.setdefault("status", "anchored")
            fields["updated"] = _now()
            table = self._table(self._annotations_table_name(current["article_id"]))
            table.update(fields, doc_ids=[int(annotation_id)])

    def set_anchors(self, article_id: int, placements: dict[int, tuple[int, int] | None],
                    text_hash_now: str) -> None:
        """Save re-anchored positions (None = orphaned) for many annotations in one write."""
        def apply(table: dict) -> None:
            for doc_id, where in placements.items():
                doc = table.get(doc_id)
                if doc is None:
                    continue
                if where is None:
                    doc.update(status="orphaned", start=None, end=None)
                else:
                    doc.update(status="anchored", start=where[0], end=where[1])
                doc["text_hash"] = text_hash_now

        with self._lock:
            # TinyDB's one-write batch update (private, stable across 4.x, pinned below 5).
            self._table(self._annotations_table_name(article_id))._update_table(apply)

    def delete_annotation(self, annotation_id: int) -> Record:
        """Delete an annotation and return it (so the caller can offer undo)."""
        with self._lock:
            found = self.annotation(annotation_id)
            if found is None:
                raise BriefingError(f"no annotation with id {annotation_id}")
            table = self._table(self._annotations_table_name(found["article_id"]))
            table.remove(doc_ids=[int(annotation_id)])
            return found

    def restore_annotation(self, record: dict) -> int:
        """Put back a deleted annotation (undo); returns its new id."""
        fields = {k: v for k, v in record.items() if k != "id"}
        with self._lock:
            self.require_article(fields["article_id"])
            return self._insert_annotation(fields["article_id"], fields)

    # -- article notes ---------------------------------------------------------------------
    def add_note(self, article_id: int, text: str, **fields: Any) -> int:
        text = sanitise(text)
        with self._lock:
            self.require_article(article_id)
            return self._table("notes").insert(
                {**fields, "article_id": int(article_id), "note": text, "created": _now(),
                 "updated": _now()}
            )

    def all_notes(self) -> list[Record]:
        return [_record(d) for d in self._table("notes").all()]

    def notes(self, article_id: int) -> list[Record]:
        found = self._table("notes").search(lambda d: d.get("article_id") == int(article_id))
        return sorted((_record(d) for d in found), key=lambda r: r.id)

    def article_notes(self, article_id: int) -> list[ArticleNote]:
        return [ArticleNote.from_dict(r) for r in self.notes(article_id)]

    def all_article_notes(self) -> list[ArticleNote]:
        return [ArticleNote.from_dict(r) for r in self.all_notes()]

    def update_note(self, note_id: int, text: str) -> None:
        text = sanitise(text)
        with self._lock:
            if self._table("notes").get(doc_id=int(note_id)) is None:
                raise BriefingError(f"no note with id {note_id}")
            self._table("notes").update({"note": text, "updated": _now()}, doc_ids=[int(note_id)])

    def delete_note(self, note_id: int) -> None:
        with self._lock:
            if self._table("notes").get(doc_id=int(note_id)) is None:
                raise BriefingError(f"no note with id {note_id}")
            self._table("notes").remove(doc_ids=[int(note_id)])

    # -- analysis cache and settings keyed by name -----------------------------------------
    def cached_analysis(self, key: str) -> dict | None:
        for doc in self._table(analyses_table_name(key)).all():
            if doc.get("key") == key:
                return doc.get("result")
        return None

    def analysis_for_hash(self, digest: str) -> dict | None:
        return _latest_result(self._raw().get(f"{ANALYSES_PREFIX}{digest}") or {})

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

    def grades(self) -> dict[str, str]:
        """Every Admiralty grade by key (see briefing/grades.py)."""
        return self.values("grades")

    def set_value(self, table: str, key: str, value: Any) -> None:
        with self._lock:
            t = self._table(table)
            t.remove(lambda d: d.get("key") == key)
            if value is not None:
                t.insert({"key": key, "value": value})
