"""Files (plain text, Markdown, HTML) and stdin -> clean, sanitised article text plus metadata.

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
from briefing.ingest.markdown import SUFFIXES as MARKDOWN_SUFFIXES
from briefing.ingest.markdown import looks_like_markdown
from briefing.ingest.markdown import render as render_markdown
from briefing.ingest.metadata import domain_of, split_site
from briefing.sanitize import sanitise, sanitise_line

MAX_BYTES = 10 * 1024 * 1024  # documented in the README
_MAX_TITLE = 200
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

__all__ = ["Document", "MAX_BYTES", "clean_text", "load", "load_web", "text_hash"]


def load(path: str | Path) -> Document:
    """Read a .txt/.md/.html file (or `-` for stdin) into a clean Document. Markdown (by
    its suffix, or a text that carries Markdown syntax) becomes the prose it renders to.

    Raises BriefingError with a one-line reason for anything that cannot be imported.
    """
    if str(path) == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        name, suffix, shown = "stdin", "", "stdin"
    else:
        path = Path(path)
        raw = read_bytes(path, MAX_BYTES)
        # Errors name the file as the user typed it (empty.txt); a title falls back to its stem.
        name, suffix, shown = path.stem, path.suffix.lower(), path.name
    if len(raw) > MAX_BYTES:
        raise BriefingError(f"{shown}: larger than the {MAX_BYTES // (1024 * 1024)} MB limit")
    content = decode(raw, shown)
    is_html = suffix in _HTML_SUFFIXES or (not suffix and _looks_like_html(content))
    doc = _document(content, shown, suffix, is_html)
    if not doc.title and str(path) == "-":
        doc.title = title_from_text(doc.text)
    if not doc.title:
        doc.title = sanitise_line(name.replace("_", " ").replace("-", " ")) or "Untitled"
    if str(path) != "-":
        doc.meta.setdefault("file", str(Path(path).resolve()))
    return doc


_WEB_HTML = ("text/html", "application/xhtml+xml")
_WEB_TEXT = {"text/plain": ".txt", "text/markdown": ".md", "text/x-markdown": ".md", "": ""}


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
        doc = _document(content, url, "", True, fallback_title, fallback_meta)
    elif content_type in _WEB_TEXT:
        doc = _document(content, url, _WEB_TEXT[content_type], False, fallback_title,
                        fallback_meta)
    else:
        raise BriefingError(f"{url}: not a web page or text ({content_type})")
    doc.title = doc.title or title_from_text(doc.text) or "Untitled"
    doc.meta["url"] = url
    return doc


def _document(content: str, name: str, suffix: str, is_html: bool,
              fallback_title: str | None = None, fallback_meta: dict | None = None) -> Document:
    """Text of any kind -> a Document (its title may be empty: the caller chooses one)."""
    fallback_meta = fallback_meta or {}
    if is_html:
        from briefing.ingest.html import extract

        title, body, meta = extract(content)
        doc = clean_text(body, title=title or fallback_title, meta={**fallback_meta, **meta},
                         unwrap_lines=False)
    else:
        markdown = suffix in MARKDOWN_SUFFIXES or looks_like_markdown(content)
        # A plain .txt opening with "---" has a rule there, not YAML; Markdown has metadata.
        meta, body = (split_front_matter(content, name) if suffix != ".txt" or markdown
                      else ({}, content))
        if not meta:
            meta, body = split_header_block(body)
        title = meta.pop("title", None)
        meta = {**fallback_meta, **meta}
        if markdown:
            rendered = render_markdown(body)
            if rendered.links:
                meta.setdefault("links", rendered.links)
            # Markdown has joined its own wrapped lines; unwrapping again would join lists.
            doc = clean_text(rendered.text, title=title or rendered.heading or fallback_title,
                             meta=meta, unwrap_lines=False)
        else:
            doc = clean_text(body, title=title or fallback_title, meta=meta)
    if not doc.text:
        raise BriefingError(f"{name}: {_why_no_text(content, is_html)}")
    return doc


_TOO_SHORT = 80  # visible characters: under this, a text cleaned to nothing was too short


def _why_no_text(content: str, is_html: bool) -> str:
    """Why a text gave nothing to read, in words the analyst can act on."""
    if is_html:
        from briefing.ingest.html import extract

        content = extract(content)[1]
    visible = sanitise_line(content)
    if not visible:
        return "no text in it (empty, or only spaces and control characters)"
    if len(visible) < _TOO_SHORT:
        count = f"{len(visible)} character{'s' if len(visible) != 1 else ''}"
        return f"too short to read as an article ({count}: “{visible}”)"
    return ("no text left after cleaning (all of it looked like page furniture: menus, "
            "share links, credits)")


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
        headline = _title_without_site(title, meta)
        body = _drop_repeated_title(body, (title, headline))
        title = headline
    else:
        title, body, issuer = _split_title(body)
        if issuer:
            meta.setdefault("source", issuer)
        cleaned_again = strip_boilerplate(body)  # a source/date line often follows the title
        for key, value in cleaned_again.meta.items():
            meta.setdefault(key, value)
        body = tidy_paragraphs(cleaned_again.text)
        title = _title_without_site(title, meta)
    return Document(title=title or "", text=body, meta=meta)


def _title_without_site(title: str, meta: dict) -> str:
    """The headline without the site name pages append to it; the site (or, failing that,
    the domain of the document's URL) becomes the source when none is named."""
    url = meta.get("url")
    domain = domain_of(url) if isinstance(url, str) else ""
    known = tuple(s for s in (meta.get("source"), domain) if isinstance(s, str) and s)
    headline, site = split_site(title, known) if title else (title, "")
    if not meta.get("source") and (site or domain):
        meta["source"] = site or domain
    return headline


_TITLE_WORDS = 12


def title_from_text(text: str) -> str:
    """A title for text that came without one (stdin): its first line, cut to a sentence or
    a dozen words."""
    line = text.lstrip().split("\n", 1)[0].strip()
    sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]
    words = sentence.split()
    if len(words) > _TITLE_WORDS:
        return " ".join(words[:_TITLE_WORDS]).rstrip(",;:") + "…"
    return sentence.rstrip(".")


def _clean_meta(value: object) -> object:
    if isinstance(value, str):
        return sanitise_line(value)
    if isinstance(value, list):
        return [_clean_meta(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean_meta(v) for k, v in value.items()}
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


def _drop_repeated_title(body: str, titles: tuple[str, ...]) -> str:
    first, _, rest = body.partition("\n")
    if _HEADING.sub("", first).strip().casefold() in {t.casefold() for t in titles}:
        return rest.lstrip("\n")
    return body
