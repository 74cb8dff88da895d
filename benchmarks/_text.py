"""Long texts for the benchmarks, built from paragraphs the project ships."""

from __future__ import annotations

import random

from briefing.config import sample_paths
from briefing.ingest import load


def sample_paragraphs() -> list[str]:
    return [p for path in sample_paths() for p in load(path).text.split("\n\n")]


def long_text(paragraphs: list[str], size: int, rng: random.Random,
              tag: str | None = None) -> str:
    """Random paragraphs joined until `size` characters; `tag` (e.g. "[item {n}]") is
    appended to each so no two paragraphs are identical, as in one long report."""
    parts, total = [], 0
    while total < size:
        paragraph = rng.choice(paragraphs)
        if tag:
            paragraph = f"{paragraph} {tag.format(n=len(parts))}"
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts)
