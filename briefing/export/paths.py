"""Safe export file names: a slug of the title plus a short id, always inside the folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from briefing.errors import BriefingError

_MAX_SLUG_BYTES = 100
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}


# Characters a file name drops (each run becomes one space). Kept: word characters, spaces
# and the punctuation titles need (apostrophes, commas, full stops, &, +, dashes). Dropped:
# path separators, wildcards, quotes, colons, and what breaks a vault's [[link]] (# ^ [ ] |).
_DROP = r"[^\w '’,.&+–—-]+"
_EARLIER_DROP = r"[^\w -]+"  # what names were made with before: "Territory s Governor"


def slug(title: str, drop: str = _DROP) -> str:
    """NFC, at most ~100 bytes, no leading dot or dash, never a reserved device name."""
    text = unicodedata.normalize("NFC", title)
    text = re.sub(drop, " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .-_")
    encoded = text.encode("utf-8")[:_MAX_SLUG_BYTES]
    text = encoded.decode("utf-8", errors="ignore").strip(" .-_")
    if not text or text.lower() in _RESERVED:
        text = f"article {text}".strip()
    return text


def export_name(title: str, article_id: int, suffix: str) -> str:
    """The title, readable, and the article's id spelled out: a bare "(2)" looked like an
    operating system's duplicate copy. Stable: the same article always gets this name."""
    return f"{slug(title)} (briefing {article_id}){suffix}"


def earlier_export_name(title: str, article_id: int, suffix: str) -> str:
    """The name an export had before: a re-export renames that file rather than leave a
    second copy (and what the analyst wrote around the region goes along)."""
    return f"{slug(title, _EARLIER_DROP)} ({article_id}){suffix}"


def inside(folder: Path, name: str) -> Path:
    """folder/name, refusing anything that would resolve outside `folder`."""
    root = folder.resolve()
    if (root / name).is_symlink():
        raise BriefingError(f"{root / name} is a symbolic link; refusing to write through it")
    target = (root / name).resolve()
    if target.parent != root:
        raise BriefingError(f"refusing to write outside {root}: {name!r}")
    return target
