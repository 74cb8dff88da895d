"""Files, HTML and stdin -> clean, sanitised article text plus metadata.

Offsets everywhere in Briefing index the `text` this package returns.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from briefing.document import Document, text_hash
from briefing.errors import BriefingError
from briefing.ingest.boilerplate import strip_boilerplate
from briefing.ingest.decode import decode, read_bytes
from briefing.ingest.frontmatter import split_front_matter, split_header_block
from briefing.ingest.layout import tidy_paragraphs, unwrap
from briefing.sanitize import sanitise, sanitise_line

MAX_BYTES = 10 * 1024 * 1024  # documented in the README
_MAX_TITLE = 200
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

__all__ = ["Document", "MAX_BYTES", "clean_text", "load", "load_web", "text_hash"]


def load(path: str | Path) -> Document:
    """Read a .txt/.md/.html file (or `-` for stdin) into a clean Document.

    Raises BriefingError with a one-line reason for anything that cannot be imported.
    """
    if str(path) == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        name, suffix = "stdin", ""
    else:
        path = Path(path)
        raw = read_bytes(path, MAX_BYTES)
        name, suffix = path.stem, path.suffix.lower()
    if len(raw) > MAX_BYTES:
        raise BriefingError(f"{name}: larger than the {MAX_BYTES // (1024 * 1024)} MB limit")
    content = decode(raw, name)
    is_html = suffix in _HTML_SUFFIXES or (not suffix and _looks_like_html(content))
    doc = _document(content, name, is_html, front_matter=suffix != ".txt")
    if str(path) != "-":
        doc.meta.setdefault("file", str(Path(path).resolve()))
    return doc


_WEB_HTML = ("text/html", "application/xhtml+xml")
_WEB_TEXT = ("text/plain", "text/markdown", "text/x-markdown")


def load_web(raw: bytes, url: str, content_type: str, charset: str | None = None,
             fallback_title: str | None = None, fallback_meta: dict | None = None) -> Document:
    """A fetched page (HTML, or plain text / Markdown) -> a clean Document whose `url` is
    `url`. `fallback_title` and `fallback_meta` (a feed entry's title, date, author) fill
    only what the page itself does not say."""
    content = None
    if charset:
        try:
            content = raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            content = None  # a wrong or unknown charset label: guess as for files
    if content is None:
        content = decode(raw, url)
    if content_type in _WEB_HTML or (content_type in ("", "application/octet-stream")
                                     and _looks_like_html(content)):
        is_html = True
    elif content_type in _WEB_TEXT or not content_type:
        is_html = False
    else:
        raise BriefingError(f"{url}: not a web page or text ({content_type})")
    doc = _document(content, url, is_html, front_matter=content_type != "text/plain",
                    fallback_title=fallback_title, fallback_meta=fallback_meta)
    doc.meta["url"] = url
    return doc


def _document(content: str, name: str, is_html: bool, front_matter: bool,
              fallback_title: str | None = None, fallback_meta: dict | None = None) -> Document:
    if is_html:
        from briefing.ingest.html import extract

        title, body, meta = extract(content)
        doc = clean_text(body, title=title or fallback_title,
                         meta={**(fallback_meta or {}), **meta}, unwrap_lines=False)
    else:
        meta, body = split_front_matter(content, name) if front_matter else ({}, content)
        if not meta:
            meta, body = split_header_block(body)
        doc = clean_text(body, title=meta.pop("title", None) or fallback_title,
                         meta={**(fallback_meta or {}), **meta})
    if not doc.text:
        raise BriefingError(f"{name}: no text left after cleaning")
    if not doc.title:
        doc.title = sanitise_line(name.replace("_", " ").replace("-", " ")) or "Untitled"
    return doc


def _looks_like_html(content: str) -> bool:
    head = content[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def clean_text(
    raw: str, title: str | None = None, meta: dict | None = None, unwrap_lines: bool = True
) -> Document:
    """Sanitise, re-flow, strip web leftovers and split off the title line."""
    meta = {k: _clean_meta(v) for k, v in (meta or {}).items() if v not in (None, "")}
    text = sanitise(raw)
    if unwrap_lines:
        text = unwrap(text)
    cleaned = strip_boilerplate(text)
    for key, value in cleaned.meta.items():
        meta.setdefault(key, value)
    body = tidy_paragraphs(cleaned.text)
    if title:
        title = sanitise_line(str(title))
        body = _drop_repeated_title(body, title)
    else:
        title, body, issuer = _split_title(body)
        if issuer:
            meta.setdefault("source", issuer)
        cleaned_again = strip_boilerplate(body)  # a source/date line often follows the title
        for key, value in cleaned_again.meta.items():
            meta.setdefault(key, value)
        body = tidy_paragraphs(cleaned_again.text)
    return Document(title=title or "", text=body, meta=meta)


def _clean_meta(value: object) -> object:
    if isinstance(value, str):
        return sanitise_line(value)
    if isinstance(value, list):
        return [_clean_meta(v) for v in value]
    return str(value) if not isinstance(value, (int, float, bool, dict)) else value


_HEADING = re.compile(r"^#{1,6}\s+")
_HEADER_LINES = 4  # an issuer block above a headline is at most this many short lines


def _split_title(body: str) -> tuple[str, str, str | None]:
    """(title, rest of the body, issuer). The first line is the title when it reads like a
    headline (short, no final period), unless an all-capitals headline follows a short
    issuer block (a press release's "Ministry of ... / Press Office" lines), which is then
    returned as the issuer."""
    lines = body.split("\n")
    shown = [i for i, line in enumerate(lines) if line.strip()][:_HEADER_LINES + 1]
    for position, i in enumerate(shown[1:], 1):
        line = lines[i].strip()
        if len(lines[shown[position - 1]]) > _MAX_TITLE or len(line) > _MAX_TITLE:
            break
        if line.isupper() and len(line.split()) >= 3:
            issuer = " · ".join(lines[j].strip() for j in shown[:position])
            rest = "\n".join(lines[i + 1:]).lstrip("\n")
            return sanitise_line(line), rest, issuer
    first, _, rest = body.partition("\n")
    candidate = _HEADING.sub("", first).strip()
    if (
        rest.strip()
        and 0 < len(candidate) <= _MAX_TITLE
        and not candidate.endswith((".", ",", ";", ":"))
        or first.startswith("# ")
    ):
        return sanitise_line(candidate), rest.lstrip("\n"), None
    return "", body, None


def _drop_repeated_title(body: str, title: str) -> str:
    first, _, rest = body.partition("\n")
    if _HEADING.sub("", first).strip().casefold() == title.casefold():
        return rest.lstrip("\n")
    return body
