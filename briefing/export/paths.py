"""Safe export file names: a slug of the title plus a short id, always inside the folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from briefing.errors import BriefingError

_MAX_SLUG_BYTES = 100
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}


def slug(title: str) -> str:
    """NFC, only word characters, spaces and dashes, at most ~100 bytes, no leading dot/dash."""
    text = unicodedata.normalize("NFC", title)
    text = re.sub(r"[^\w -]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .-_")
    encoded = text.encode("utf-8")[:_MAX_SLUG_BYTES]
    text = encoded.decode("utf-8", errors="ignore").strip(" .-_")
    if not text or text.lower() in _RESERVED:
        text = f"article {text}".strip()
    return text


def export_name(title: str, article_id: int, suffix: str) -> str:
    return f"{slug(title)} ({article_id}){suffix}"


def inside(folder: Path, name: str) -> Path:
    """folder/name, refusing anything that would resolve outside `folder`."""
    root = folder.resolve()
    if (root / name).is_symlink():
        raise BriefingError(f"{root / name} is a symbolic link; refusing to write through it")
    target = (root / name).resolve()
    if target.parent != root:
        raise BriefingError(f"refusing to write outside {root}: {name!r}")
    return target
