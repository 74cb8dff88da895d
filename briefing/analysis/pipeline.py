"""Loading the spaCy pipeline: lazily, once per process, never at import time."""

from __future__ import annotations

import re
from collections.abc import Iterator
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
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


@dataclass(frozen=True)
class Block:
    """One line of the text (a paragraph once hard wraps are undone) and where it starts."""

    start: int
    text: str


_LINE = re.compile(r"[^\n]+")


def blocks(text: str) -> list[Block]:
    """Non-blank lines: parsed one by one so no mention or claim spans a line break."""
    return [Block(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]


def parse(nlp: Any, text: str) -> Iterator[tuple[Block, Any]]:
    """(block, spaCy Doc) for each block of `text`, via nlp.pipe."""
    found = blocks(text)
    yield from zip(found, nlp.pipe(b.text for b in found), strict=True)
