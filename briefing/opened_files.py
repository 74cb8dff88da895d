"""Files read before, kept cleaned, so reopening one shows it without ingesting it again.

`briefing FILE` must turn the file into clean text (decode, strip web leftovers, lift the
metadata) before it can paint, and that means importing and running all of
`briefing.ingest` (trafilatura, for a web page). A file read before and unchanged since
yields the same Document, so it is kept in the user's cache folder, one JSON file per path,
and checked against the file's size and mtime and against a fingerprint of the ingest
code itself: an upgrade or an edited rule re-ingests. An entry that is missing, stale,
unreadable or not clean text just means ingesting again; writing one is best effort.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing import __version__, config
from briefing.document import Document
from briefing.sanitize import is_safe

KEPT = 200  # entries; the least recently written go first
_INGEST_CODE = (
    Path(__file__).resolve().parent / "ingest",
    Path(__file__).resolve().parent / "sanitize.py",
    Path(__file__).resolve().parent / "document.py",
)


@dataclass
class OpenedFile:
    document: Document
    from_cache: bool
    path: Path | None  # None for stdin
    stamp: tuple[int, ...] | None  # the file's identity and version before it was read

    def remember(self) -> None:
        """Keep a freshly ingested document for the next time this file is opened."""
        if self.from_cache or self.path is None or self.stamp is None:
            return
        entry = {"path": str(self.path), "stamp": list(self.stamp),
                 "ingest": ingest_fingerprint(), "title": self.document.title,
                 "text": self.document.text, "meta": self.document.meta}
        from briefing.storage import atomic_write  # on the database thread, after the paint

        folder = _folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write(_entry_path(self.path),
                         json.dumps(entry, ensure_ascii=False).encode("utf-8"))
            _prune(folder)
        except (OSError, TypeError, ValueError):
            pass  # a cache: never worth an error


def open_file(name: str, before_ingest: Callable[[], None] | None = None) -> OpenedFile:
    """The Document of a file (or `-`, stdin): from the cache when the file is unchanged,
    else ingested. Raises BriefingError, as `ingest.load`, for what cannot be read.
    `before_ingest` runs first when the file is new or changed (nothing kept for it)."""
    if name == "-":
        from briefing.ingest import load

        if before_ingest is not None:
            before_ingest()
        return OpenedFile(load(name), False, None, None)
    path = Path(name).expanduser().resolve()
    stamp = _stamp(path)
    cached = _cached(path, stamp) if stamp is not None else None
    if cached is not None:
        return OpenedFile(cached, True, path, stamp)
    from briefing.ingest import load

    if before_ingest is not None:
        before_ingest()
    return OpenedFile(load(name), False, path, stamp)


def ingest_fingerprint() -> str:
    """Changes whenever any file of the ingest code changes (or Briefing's version does)."""
    parts = [__version__]
    for item in _INGEST_CODE:
        files = sorted(item.glob("*.*")) if item.is_dir() else [item]
        for file in files:
            if file.suffix in (".py", ".toml"):
                st = file.stat()
                parts.append(f"{file.name}:{st.st_size}:{st.st_mtime_ns}")
    return f"{zlib.crc32('|'.join(parts).encode()):08x}"


def _cached(path: Path, stamp: tuple[int, ...]) -> Document | None:
    try:
        entry = json.loads(_entry_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or (entry.get("path"), entry.get("stamp")) != (
        str(path), list(stamp)
    ) or entry.get("ingest") != ingest_fingerprint():
        return None
    title, text, meta = entry.get("title"), entry.get("text"), entry.get("meta")
    if not (isinstance(title, str) and isinstance(text, str) and isinstance(meta, dict)):
        return None
    if not (text and is_safe(text) and is_safe(title)):
        return None  # not what Briefing wrote: ingest the file instead
    return Document(title=title, text=text, meta=meta)


def _stamp(path: Path) -> tuple[int, ...] | None:
    try:
        st = path.stat()
    except OSError:
        return None  # ingest says why, in its own words
    # Size and both times: an editor's save changes at least one; a new inode, surely.
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _folder() -> Path:
    return config.cache_dir() / "opened"


def _entry_path(path: Path) -> Path:
    # crc32 names the file; the full path inside the entry tells collisions apart.
    return _folder() / f"{zlib.crc32(str(path).encode('utf-8', 'surrogatepass')):08x}.json"


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-KEPT]:
        old.unlink(missing_ok=True)
