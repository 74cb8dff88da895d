"""Loading the spaCy pipeline: lazily, once per process, never at import time."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefing import config


class PipelineUnavailable(Exception):
    """No spaCy pipeline could be loaded; the message is one line for the user."""


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Any:
    """The spaCy Language for `name` (default: config.model_name()), cached per process."""
    chosen = name or config.model_name()
    try:
        import spacy

        return spacy.load(chosen)
    except ImportError as exc:
        raise PipelineUnavailable(f"analysis unavailable: spaCy not installed ({exc})") from None
    except OSError:
        raise PipelineUnavailable(
            f"analysis unavailable: spaCy pipeline {chosen!r} is not installed "
            "(set --model or BRIEFING_SPACY_MODEL)"
        ) from None


def pipeline_id(nlp: Any) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


@dataclass(frozen=True)
class Block:
    """One line of the text (a paragraph once hard wraps are undone) and where it starts."""

    start: int
    text: str


_LINE = re.compile(r"[^\n]+")
# A wire dateline: "HELSINKI, Feb 14 (NWS) -", "TOKYO/BEIJING (Reuters) —". It names where the
# story was filed, not an actor or a speaker, and confuses the parse of the first sentence.
DATELINE = re.compile(
    r"^[A-Z][A-Z .'/-]{2,}(?:,[^-–—(\n]{0,30})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]+\s")


def blocks(text: str) -> list[Block]:
    """Non-blank lines: parsed one by one so no mention or claim spans a line break.

    A dateline is blanked with spaces, which keeps every offset of the line unchanged.
    """
    found = []
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        dateline = DATELINE.match(line)
        if dateline:
            line = " " * dateline.end() + line[dateline.end():]
        found.append(Block(m.start(), line))
    return found


def parse(nlp: Any, text: str,
          progress: Callable[[int, int], None] | None = None) -> Iterator[tuple[Block, Any]]:
    """(block, spaCy Doc) for each block of `text`, via nlp.pipe."""
    found = blocks(text)
    step = max(1, len(found) // 50)
    for done, pair in enumerate(zip(found, nlp.pipe(b.text for b in found), strict=True), 1):
        if progress is not None and (done % step == 0 or done == len(found)):
            progress(done, len(found))
        yield pair
