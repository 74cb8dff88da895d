"""A TinyDB storage that survives kill -9, shares a database between processes, and writes
only the tables that changed.

The database is a small manifest file (`briefing.json`) naming one file per table in the
folder beside it (`briefing.json.d/`). A write puts each changed table in a new file
(fsynced), then replaces the manifest atomically (temp file, fsync, rename, folder fsync):
that rename is the commit. A crash before it leaves the old manifest and its old table
files, whole; files no manifest names are swept by the next write. Adding one highlight
to a library of thousands therefore writes kilobytes, not the whole library, and another
process re-reads only the tables that changed (the manifest is cached on its inode, size
and mtime; each table on its file name).

Article texts are not tables: each is a file named by its hash in `briefing.json.d/texts/`,
written once (temp file, fsync, rename) before the commit that first names it, and never
rewritten, so adding an article writes its own text and not every other one. A text a
commit stops naming is removed after that commit (`discard_text_after_commit`). Several
writes can be committed as one (`deferred`): a bulk import writes the manifest once.

A database in the older single-file form (every table inline) is read as it is and turned
into this form by the first write; backups are single files in that form, so any backup
opens as a database. Locking is the caller's job (see `FileLock`): TinyDB does
read-modify-write in several calls, and only the caller knows where the transaction begins
and ends. Readers take no lock: one that finds a table file already swept reads the newer
manifest instead.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from briefing.errors import BriefingError

MANIFEST_MARK = "briefing-tables"  # the manifest's own key; a table never has this name
_READ_ATTEMPTS = 5
_SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9_.-]+\.json")
_TEXT_NAME = re.compile(r"[0-9a-f]{64}")  # a sha256 hex digest: never a path


class CorruptDatabase(Exception):
    """The database file exists but cannot be parsed as a Briefing database."""


class _TableFileGone(Exception):
    """A table file named by the manifest was swept by a writer after we read the manifest."""


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.folder = self.path.with_name(self.path.name + ".d")
        self._key: tuple[int, int, int] | None = None
        self._data: dict[str, Any] | None = None
        # table name -> (the table as last read or written, the file holding it; None while
        # it is only inline in a single-file database). TinyDB builds a new dict for each
        # table it changes and leaves the others as they were, so identity tells what changed.
        self._files: dict[str, tuple[dict, str | None]] = {}
        self.texts = self.folder / "texts"
        self._texts_unsynced = False  # text files written since the last commit
        self._discard: set[str] = set()  # texts to remove once a commit no longer names them
        self._deferring = False
        self._pending: dict[str, Any] | None = None
        self._rewrite_all = False  # a deferred write changed tables in place

    def _stat_key(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def read(self) -> dict[str, Any] | None:
        if self._pending is not None:
            return self._pending  # inside `deferred`: memory is ahead of the disk, by design
        for attempt in range(_READ_ATTEMPTS):
            key = self._stat_key()
            if key is None:
                self._forget()
                return None
            if key == self._key and self._data is not None:
                return self._data
            try:
                data, files = self._load(self.path.read_bytes())
            except _TableFileGone as gone:
                if attempt == _READ_ATTEMPTS - 1:
                    raise CorruptDatabase(f"{gone} is missing") from None
                continue  # a writer committed meanwhile: its manifest names the new files
            self._data, self._key, self._files = data, key, files
            return data
        return None  # not reached

    def _load(self, raw: bytes) -> tuple[dict[str, Any], dict[str, tuple[dict, str | None]]]:
        document = parse_json_object(raw, self.path)
        if MANIFEST_MARK not in document:
            data = check_tables(document, self.path)
            return data, {name: (table, None) for name, table in data.items()}
        names = document.get("tables")
        if not isinstance(names, dict) or not all(
            isinstance(f, str) and _SAFE_FILE_NAME.fullmatch(f) for f in names.values()
        ):
            raise CorruptDatabase(f"{self.path} does not list Briefing tables")
        data, files = {}, {}
        for name, file_name in names.items():
            known = self._files.get(name)
            if known is not None and known[1] == file_name:
                table = known[0]  # unchanged since we last read or wrote it
            else:
                table = self._read_table(self.folder / file_name)
            data[name], files[name] = table, (table, file_name)
        return data, files

    @staticmethod
    def _read_table(path: Path) -> dict:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise _TableFileGone(path) from None
        table = parse_json_object(raw, path)
        if not all(isinstance(doc, dict) for doc in table.values()):
            raise CorruptDatabase(f"{path} does not hold a Briefing table")
        return table

    def write(self, data: dict[str, Any], rewrite_all: bool = False) -> None:
        """Commit `data`. Only tables whose object changed get a new file, unless
        `rewrite_all` (the caller changed tables in place)."""
        if self._deferring:
            self._pending = self._data = data
            self._rewrite_all = self._rewrite_all or rewrite_all
            return
        files: dict[str, tuple[dict, str | None]] = {}
        created: list[Path] = []
        try:
            for name, table in data.items():
                known = self._files.get(name)
                if not rewrite_all and known and known[0] is table and known[1] is not None:
                    files[name] = known
                    continue
                if not created:
                    self.folder.mkdir(mode=0o700, exist_ok=True)
                file_name = f"{_file_stem(name)}.{secrets.token_hex(6)}.json"
                created.append(self.folder / file_name)
                write_new_file(created[-1], _encode(table))
                files[name] = (table, file_name)
            if self._texts_unsynced:
                fsync_dir(self.texts)  # the texts this commit names are durable before it
            if created or self._texts_unsynced:
                fsync_dir(self.folder)  # the new files' names are durable before the commit
            self._texts_unsynced = False
            manifest = {MANIFEST_MARK: 1, "tables": {n: f for n, (_, f) in files.items()}}
            atomic_write(self.path, _encode(manifest))
        except OSError as exc:
            self._abandon(created)
            raise BriefingError(
                f"cannot write database {self.path}: {exc.strerror or exc} (nothing was "
                "changed on disk)") from None
        except BaseException:
            self._abandon(created)
            raise
        self._data, self._key, self._files = data, self._stat_key(), files
        self._sweep({f for _, f in files.values()})
        for digest in self._discard:
            self.text_path(digest).unlink(missing_ok=True)
        self._discard.clear()

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Commit every write made in the block as one, when it ends; if it fails, none of
        them (memory is forgotten, the disk keeps the last commit). The caller holds the
        lock for the whole block. Nested blocks join the outer one."""
        if self._deferring:
            yield
            return
        self._deferring, self._pending, self._rewrite_all = True, None, False
        try:
            yield
        except BaseException:
            self._deferring = False
            if self._pending is not None:
                self._pending = None
                self._abandon([])
            raise
        self._deferring = False
        pending, self._pending = self._pending, None
        if pending is not None:
            self.write(pending, rewrite_all=self._rewrite_all)

    # -- article texts ---------------------------------------------------------------------
    def text_path(self, digest: str) -> Path:
        if not _TEXT_NAME.fullmatch(digest):
            raise CorruptDatabase(f"{self.path} names a text that is not a sha256 digest")
        return self.texts / f"{digest}.txt"

    def put_text(self, digest: str, text: str) -> None:
        """Store `text` under its digest, durable once the next commit's folder sync runs.
        A text already stored is left alone (a file appears under its final name only
        whole, by rename, so one that exists is complete)."""
        path = self.text_path(digest)
        self._discard.discard(digest)
        if path.exists():
            return
        tmp = path.with_name(f".{digest}.{os.getpid()}.tmp")
        try:
            self.texts.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write_synced(tmp, text.encode("utf-8"), os.O_TRUNC)
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise BriefingError(f"cannot write article text to {self.texts}: "
                                f"{exc.strerror or exc} (nothing was changed)") from None
        self._texts_unsynced = True

    def read_text(self, digest: str) -> str:
        path = self.text_path(digest)
        try:
            return path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            raise CorruptDatabase(f"{path} is missing") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CorruptDatabase(f"{path} cannot be read ({exc.__class__.__name__})") from None

    def sweep_texts(self, named: set[str | None]) -> None:
        """Remove stored texts not in `named`, and temp files of texts never finished. The
        caller holds the lock and has no uncommitted writes."""
        try:
            entries = list(os.scandir(self.texts))
        except OSError:
            return
        for entry in entries:
            stem, _, suffix = entry.name.rpartition(".")
            if entry.name.startswith(".") or (suffix == "txt" and stem not in named):
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass

    def discard_text_after_commit(self, digest: str) -> None:
        """Remove a text once the next commit is on disk (before it, the last commit may
        still name it, and a crash must leave that commit whole)."""
        self.text_path(digest)
        self._discard.add(digest)

    @property
    def inline_form(self) -> bool:
        """The database was read in the single-file form (an old database or a backup)."""
        return any(file is None for _, file in self._files.values())

    def _abandon(self, created: list[Path]) -> None:
        # Memory may be ahead of disk: forget it all and re-read next time.
        self._discard.clear()
        self._forget()
        for path in created:
            path.unlink(missing_ok=True)

    def _forget(self) -> None:
        self._key, self._data, self._files = None, None, {}

    def _sweep(self, keep: set[str | None]) -> None:
        """Remove table files the manifest no longer names (replaced ones, and those of a
        write that crashed before its commit). Writers hold the lock, so none is in use by
        a write; a reader that was about to open one re-reads the manifest."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            if entry.name not in keep and (entry.name.endswith((".json", ".tmp"))):
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass

    def snapshot(self, target: Path, data: dict[str, Any] | None = None) -> None:
        """The whole database (or `data`, the caller's fuller copy of it) as one single-file
        JSON at `target` (a backup that opens as a database by itself)."""
        data = self.read() or {} if data is None else data
        parts = [f"{json.dumps(name)}:{_encode_text(table)}" for name, table in data.items()]
        atomic_write(target, ("{" + ",".join(parts) + "}").encode("utf-8"))

    @property
    def key(self) -> tuple[int, int, int] | None:
        """(inode, size, mtime) of the manifest as last read or written."""
        return self._key

    def close(self) -> None:
        self._data = None


def _file_stem(table_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", table_name)[:80] or "table"


def _encode_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _encode(value: Any) -> bytes:
    return _encode_text(value).encode("utf-8")


def parse_json_object(raw: bytes, path: Path) -> dict[str, Any]:
    if not raw.strip():
        # An empty file is what a truncated write looks like; never read it as "no data".
        raise CorruptDatabase(f"{path} is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CorruptDatabase(f"{path} is not valid JSON ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise CorruptDatabase(f"{path} does not hold Briefing tables")
    return data


def check_tables(data: dict[str, Any], path: Path) -> dict[str, Any]:
    if not all(isinstance(t, dict) for t in data.values()):
        raise CorruptDatabase(f"{path} does not hold Briefing tables")
    return data


def write_new_file(path: Path, payload: bytes) -> None:
    """Create `path` (it must not exist) holding `payload`, fsynced."""
    _write_synced(path, payload, os.O_EXCL)


def _write_synced(path: Path, payload: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | mode, 0o600)
    try:
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file, whole."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _write_synced(tmp, payload, os.O_TRUNC)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on folders; the rename is still atomic
    finally:
        os.close(fd)


class FileLock:
    """A re-entrant inter-process lock on a separate `.lock` file (flock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._depth = 0

    def __enter__(self) -> FileLock:
        if self._depth == 0:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd
        self._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
