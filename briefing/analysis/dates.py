"""Dates in the text: ones that disagree with the article's published date, and relative
dates ("last month") resolved against the first explicit date or the published one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from briefing.ingest.boilerplate import parse_date

_RELATIVE = {"last month": ("month", -1), "next month": ("month", 1),
             "last year": ("year", -1), "next year": ("year", 1),
             "last week": ("day", -7), "next week": ("day", 7),
             "yesterday": ("day", -1), "tomorrow": ("day", 1)}


def find_flags(parsed: list[tuple[Any, Any]], text: str, meta: dict) -> list[dict]:
    """Dates that disagree with the article's published date; relative dates resolved."""
    flags: list[dict] = []
    explicit: list[tuple[date, int, int]] = []
    relative: list[tuple[str, int, int]] = []
    for block, doc in parsed:
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            start, end = block.start + ent.start_char, block.start + ent.end_char
            when = parse_date(ent.text)
            if when is not None:
                explicit.append((when, start, end))
            key = ent.text.lower().removeprefix("the ")
            if key in _RELATIVE:
                relative.append((key, start, end))
    published = parse_date(str(meta.get("published", ""))) if meta.get("published") else None
    if published:
        for when, start, end in explicit:
            if abs((when - published).days) > 30:
                flags.append({"kind": "date_mismatch", "start": start, "end": end,
                              "message": f"text says {when.isoformat()} but the article is "
                                         f"dated {published.isoformat()} "
                                         f"({abs((when - published).days)} days apart)"})
    reference = explicit[0][0] if explicit else published
    if reference:
        for key, start, end in relative:
            unit, step = _RELATIVE[key]
            resolved = _shift(reference, unit, step)
            flags.append({"kind": "relative_date", "start": start, "end": end,
                          "resolved": resolved,
                          "message": f"'{text[start:end]}' = {resolved} "
                                     f"(relative to {reference.isoformat()})"})
    return flags


def _shift(ref: date, unit: str, step: int) -> str:
    if unit == "day":
        return (ref + timedelta(days=step)).isoformat()
    if unit == "month":
        month = (ref.month - 1 + step) % 12 + 1
        year = ref.year + (ref.month - 1 + step) // 12
        return f"{year:04d}-{month:02d}"
    return f"{ref.year + step:04d}"
