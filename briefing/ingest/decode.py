"""Bytes from disk -> str, refusing what is not text."""

from __future__ import annotations

import codecs
from pathlib import Path

from briefing.errors import BriefingError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def read_bytes(path: Path, limit: int) -> bytes:
    try:
        if path.is_dir():
            raise BriefingError(f"{path}: is a folder, not a file")
        size = path.stat().st_size
        if size > limit:
            raise BriefingError(
                f"{path}: {size // 1024} KB is over the {limit // 1048576} MB limit")
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise BriefingError(f"{path}: no such file") from None
    except PermissionError:
        raise BriefingError(f"{path}: permission denied") from None
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read ({exc.strerror or exc})") from None


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) first, UTF-16 by BOM, then Windows-1252, then Latin-1."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    if _is_binary(raw):
        raise BriefingError(f"{name}: looks like a binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # cp1252 is what "Latin-1" files from Windows and old mailers almost always are.
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _is_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    return controls / len(sample) > 0.1
