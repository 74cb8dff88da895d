"""YAML front matter of Markdown files -> metadata."""

from __future__ import annotations

import re

from briefing.errors import BriefingError

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                           re.DOTALL)
# Front matter keys people use, mapped to Briefing's metadata names.
_KEYS = {"title": "title", "date": "published", "published": "published",
         "source": "source", "url": "url", "source_url": "url", "link": "url",
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
            if target and value not in (None, ""):
                meta[target] = value if target == "tags" else str(value)
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
