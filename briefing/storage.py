"""A TinyDB storage that survives kill -9 and shares a file between processes.

Stock `JSONStorage` rewrites the file in place (a kill mid-write leaves it short or
unreadable) and takes no lock. This one writes a temp file in the same folder, fsyncs it,
renames it over the database and fsyncs the folder, so the file on disk is always either
the old or the new version. Reads are cached on (inode, size, mtime) so a database that
another process replaced is re-read, and an unchanged one is not parsed again.
Locking is the caller's job (see `FileLock`): TinyDB does read-modify-write in several
calls, and only the caller knows where the transaction begins and ends.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from briefing.errors import BriefingError


class CorruptDatabase(Exception):
    """The database file exists but cannot be parsed as a Briefing database."""


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._key: tuple[int, int, int] | None = None
        self._data: dict[str, Any] | None = None
        # name -> (table object, its JSON): TinyDB builds a new dict for each table it changes
        # and leaves the others as they were, so unchanged tables need not be encoded again.
        self._encoded: dict[str, tuple[dict, str]] = {}

    def _stat_key(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def read(self) -> dict[str, Any] | None:
        key = self._stat_key()
        if key is None:
            self._key, self._data = None, None
            return None
        if key != self._key or self._data is None:
            self._data = parse_database(self.path.read_bytes(), self.path)
            self._key = key
            self._encoded = {}
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        encoded: dict[str, tuple[dict, str]] = {}
        parts = []
        for name, table in data.items():
            cached = self._encoded.get(name)
            if cached is None or cached[0] is not table:
                cached = (table, json.dumps(table, ensure_ascii=False, separators=(",", ":")))
            encoded[name] = cached
            parts.append(f"{json.dumps(name)}:{cached[1]}")
        payload = ("{" + ",".join(parts) + "}").encode("utf-8")
        try:
            atomic_write(self.path, payload)
        except OSError as exc:
            self._key, self._data, self._encoded = None, None, {}
            raise BriefingError(
                f"cannot write database {self.path}: {exc.strerror or exc} (nothing was "
                "changed on disk)") from None
        except BaseException:
            # Memory may be ahead of disk: forget it all and re-read next time.
            self._key, self._data, self._encoded = None, None, {}
            raise
        self._data, self._key, self._encoded = data, self._stat_key(), encoded

    @property
    def key(self) -> tuple[int, int, int] | None:
        """(inode, size, mtime) of the file as last read or written."""
        return self._key

    def close(self) -> None:
        self._data = None


def parse_database(raw: bytes, path: Path) -> dict[str, Any]:
    if not raw.strip():
        # An empty file is what a truncated write looks like; never read it as "no data".
        raise CorruptDatabase(f"{path} is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CorruptDatabase(f"{path} is not valid JSON ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptDatabase(f"{path} does not hold Briefing tables")
    return data


def atomic_write(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file, whole."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)
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
