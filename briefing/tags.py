"""Tags written inside notes: `#tag` (letters, digits, _, - and / for nesting)."""

from __future__ import annotations

import re

_TAG = re.compile(r"(?<![\w#&])#([\w/-]+)")


def tags_in(text: str) -> list[str]:
    """The tags written in `text`, in order, once each."""
    return list(dict.fromkeys(_TAG.findall(text)))
