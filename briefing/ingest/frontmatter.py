"""Metadata at the top of a file: YAML front matter (Markdown), or a plain header block of
`Key: value` lines (wire exports, emailed briefings, notes) -> Briefing's metadata."""

from __future__ import annotations

import re

from briefing.errors import BriefingError

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                           re.DOTALL)
# Front matter keys people use, mapped to Briefing's metadata names.
_KEYS = {"title": "title", "date": "published", "published": "published",
         "source": "source", "site_name": "source", "sitename": "source",
         "url": "url", "source_url": "url", "link": "url", "canonical": "url",
         "canonical_url": "url", "permalink": "url",
         "author": "author", "authors": "author", "tags": "tags"}


def split_front_matter(content: str, name: str) -> tuple[dict, str]:
    found = _FRONT_MATTER.match(content)
    if not found:
        return {}, content
    data = _simple_mapping(found.group(1))
    if data is None:
        try:
            data = _yaml_mapping(found.group(1), name)
        except BriefingError:
            # "title: Weekly Assessment: Red Sea" is not YAML, but its meaning is plain.
            data = _simple_mapping(found.group(1), lenient=True)
            if data is None:
                raise
    meta: dict = {}
    if isinstance(data, dict):
        for key, value in data.items():
            target = _KEYS.get(str(key).lower())
            if not target or value in (None, "", []):
                continue
            if target in meta and str(key).lower() != target:
                continue  # "source" itself wins over "site_name", "url" over "canonical"
            if target == "tags":
                meta[target] = value
            elif isinstance(value, list):  # authors: [Anna Berg, Lars Eide]
                meta[target] = ", ".join(str(v) for v in value if v not in (None, ""))
            else:
                meta[target] = str(value)
    return meta, content[found.end():]


_SIMPLE_LINE = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+([^'\"\[\]{}&*!|>%@`#,][^#]*?)[ \t]*$")


def _simple_mapping(block: str, lenient: bool = False) -> dict | None:
    """Plain `key: value` lines (what most front matter is) without importing a YAML
    parser on the start-up path; None when anything needs real YAML. `lenient` also takes
    values with ": " in them (everything after the first ": " is the value)."""
    data: dict = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        match = _SIMPLE_LINE.match(line)
        if not match or (": " in match.group(2) and not lenient):
            return None
        data[match.group(1)] = match.group(2).strip().strip("'\"") if lenient else match.group(2)
    return data


def _yaml_mapping(block: str, name: str) -> object:
    import yaml

    try:
        return yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise BriefingError(f"{name}: front matter is not valid YAML{where}") from None


# Keys a plain header block may use: the front matter keys plus what emails and wire
# exports write. A block counts only when every line is one of these.
_HEADER_KEYS = {**_KEYS, "subject": "title", "headline": "title", "byline": "author",
                "by": "author", "publisher": "source", "outlet": "source",
                "dateline": "published"}
_HEADER_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z _-]{0,20}?)[ \t]*:[ \t]+(\S.*?)[ \t]*$")
_MAX_HEADER_LINES = 12


def split_header_block(content: str) -> tuple[dict, str]:
    """A block of at least two `Key: value` lines opening the file, every key a known one
    (Title, Source, Date, Author, URL, Subject...), ended by a blank line: its metadata and
    the rest. Anything else (a first line that merely has a colon) is left as text."""
    lines = content.lstrip("\ufeff").split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    meta: dict = {}
    end = start
    while end < len(lines) and lines[end].strip() and end - start < _MAX_HEADER_LINES:
        found = _HEADER_LINE.match(lines[end].rstrip("\r"))
        key = _HEADER_KEYS.get(found.group(1).strip().lower().replace(" ", "_")) if found else None
        if key is None:
            return {}, content
        if key == "tags":
            meta[key] = [t.strip().lstrip("#") for t in found.group(2).split(",") if t.strip()]
        else:
            meta.setdefault(key, found.group(2))
        end += 1
    if end - start < 2 or end >= len(lines) or lines[end].strip():
        return {}, content
    return meta, "\n".join(lines[end + 1:])
