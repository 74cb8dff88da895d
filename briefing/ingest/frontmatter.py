"""YAML front matter of Markdown files -> metadata."""

from __future__ import annotations

import re

import yaml

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
    try:
        data = yaml.safe_load(found.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise BriefingError(f"{name}: front matter is not valid YAML{where}") from None
    meta: dict = {}
    if isinstance(data, dict):
        for key, value in data.items():
            target = _KEYS.get(str(key).lower())
            if target and value not in (None, ""):
                meta[target] = value if target == "tags" else str(value)
    return meta, content[found.end():]
