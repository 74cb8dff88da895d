"""Remove what a pasted web page carries besides the article, and lift its metadata."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

_MAX_WIDGET_LINE = 160
_HEADER_LINES = 6  # a source/date line or byline is only looked for near the top


@dataclass(frozen=True)
class _Rules:
    navigation_words: frozenset[str]
    widgets: tuple[re.Pattern[str], ...]
    tails: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = tomllib.loads((Path(__file__).with_name("boilerplate.toml")).read_text("utf-8"))

    def full(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(rf"(?:{p})", re.IGNORECASE) for p in patterns)

    return _Rules(
        frozenset(data["navigation_words"]), full(data["widget_patterns"]),
        full(data["tail_patterns"]),
    )


_DOMAIN = r"(?P<source>(?:[a-z0-9-]+\.)+[a-z]{2,})"
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_RE = r"(?P<month_name>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})[/.-](?P<m>\d{1,2})[/.-](?P<d>\d{1,2})"),
    re.compile(rf"{_MONTH_RE}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<d>\d{{1,2}})\s+{_MONTH_RE},?\s+(?P<y>\d{{4}})", re.I),
)
_SOURCE_DATE_LINE = re.compile(
    rf"^(?:(?:source|via)\s*:\s*)?{_DOMAIN}\s*[|·,•-]?\s*(?P<rest>.*)$", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^[Bb][Yy]\s+(?P<author>[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5})$")


def parse_date(text: str) -> date | None:
    """The first calendar date written in `text` (ISO, 'July 7, 2024', '7 July 2024')."""
    for pattern in _DATE_PATTERNS:
        found = pattern.search(text)
        if not found:
            continue
        parts = found.groupdict()
        try:
            month = (
                int(parts["m"]) if parts.get("m")
                else next(i for i, name in enumerate(_MONTHS, 1)
                          if name.startswith(parts["month_name"].lower()[:3]))
            )
            return date(int(parts["y"]), month, int(parts["d"]))
        except (ValueError, StopIteration):
            continue
    return None


_DATE_LINE_WORDS = re.compile(
    r"(?:published|updated|posted|on|at|\d{1,2}:\d{2}|am|pm|[ap]\.m\.|utc|gmt|[a-z]{3}day)",
    re.IGNORECASE,
)


def _only_date(text: str) -> date | None:
    """The date when `text` is nothing but a date (with a weekday, time or 'Published')."""
    if len(text) > 60:
        return None
    for pattern in _DATE_PATTERNS:
        found = pattern.search(text)
        if found:
            rest = _DATE_LINE_WORDS.sub("", text[: found.start()] + text[found.end():])
            if not re.search(r"\w", rest):
                return parse_date(found.group(0))
    return None


def is_navigation(line: str) -> bool:
    words = line.lower().split()
    return bool(words) and len(line) <= _MAX_WIDGET_LINE and all(
        w.strip(".:,") in _rules().navigation_words for w in words
    )


def is_widget(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _MAX_WIDGET_LINE and any(
        p.fullmatch(stripped) for p in _rules().widgets
    )


def is_tail_marker(line: str) -> bool:
    stripped = line.strip().rstrip(":")
    return len(stripped) <= 80 and any(p.fullmatch(stripped) for p in _rules().tails)


@dataclass
class Cleaned:
    text: str
    meta: dict = field(default_factory=dict)


def strip_boilerplate(text: str) -> Cleaned:
    """Drop navigation, widgets and the related-links tail; lift source, date and byline."""
    meta: dict = {}
    lines = text.split("\n")
    kept: list[str] = []
    content_lines = 0
    offset = 0
    for line in lines:
        stripped = line.strip()
        offset += len(line) + 1
        if not stripped:
            kept.append("")
            continue
        # A tail marker early in the page is more likely a section heading; keep it there.
        if content_lines >= 2 and offset > 0.4 * len(text) and is_tail_marker(stripped):
            break
        if content_lines < _HEADER_LINES and _lift_header(stripped, meta):
            continue
        if is_navigation(stripped) or is_widget(stripped):
            continue
        kept.append(line)
        content_lines += 1
    return Cleaned("\n".join(kept), meta)


def _lift_header(line: str, meta: dict) -> bool:
    """Move a source/date line or byline into `meta`; True when the line was consumed."""
    found = _SOURCE_DATE_LINE.match(line)
    if found and "source" not in meta:
        rest = found.group("rest")
        when = _only_date(rest) if rest else None
        if when or not rest:
            meta["source"] = found.group("source").lower()
            if when:
                meta.setdefault("published", when.isoformat())
            return True
    when = _only_date(line)
    if when and "published" not in meta:
        meta["published"] = when.isoformat()
        return True
    byline = _BYLINE.match(line)
    if byline and "author" not in meta:
        meta["author"] = byline.group("author")
        return True
    return False
