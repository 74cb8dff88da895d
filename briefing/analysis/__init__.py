"""Analysis of an article: actors and claims, as plain data (no UI)."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from briefing.analysis.pipeline import PipelineUnavailable, load_pipeline, parse, pipeline_id

ANALYSIS_VERSION = 12

__all__ = ["ANALYSIS_VERSION", "PipelineUnavailable", "analyse", "analyse_document",
           "analyse_parsed", "cache_key"]


def cache_key(text_hash: str, model: str) -> str:
    """Where an analysis is cached: per text, pipeline (name and installed version) and
    version of Briefing's own analysis rules, so an upgrade of either re-analyses."""
    return f"{text_hash}:{model}-{_installed_version(model)}:v{ANALYSIS_VERSION}"


@functools.lru_cache(maxsize=8)
def _installed_version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def analyse(text: str, title: str = "", meta: dict | None = None, model: str | None = None,
            progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Actors, claims and flags of `text`. Raises PipelineUnavailable (one-line message).

    `progress(done, total)` is called as paragraphs are parsed.
    """
    nlp = load_pipeline(model)
    started = time.perf_counter()
    parsed = []
    for pair in parse(nlp, text, progress):
        parsed.append(pair)
    actors, claims, flags = analyse_parsed(parsed, text, meta or {})
    return {
        "title": title, "text": text, "model": pipeline_id(nlp),
        "actors": [a.to_dict() for a in actors],
        "claims": [c.to_dict() for c in claims],
        "flags": flags,
        "seconds": round(time.perf_counter() - started, 3),
    }


def analyse_parsed(parsed: list[tuple[Any, Any]], text: str,
                   meta: dict) -> tuple[list[Any], list[Any], list[dict]]:
    """(actors, claims, flags) of a text already parsed into (block, Doc) pairs: the rule
    layers of `analyse`, for callers that parse once and score many times (benchmarks)."""
    from briefing.analysis.actors import find_actors
    from briefing.analysis.claims import find_claims
    from briefing.analysis.dates import find_flags

    actors = find_actors(parsed, text)
    return actors, find_claims(parsed, text, actors, meta), find_flags(parsed, text, meta)


def analyse_document(doc: Any, model: str | None = None) -> dict[str, Any]:
    from briefing.errors import BriefingError

    try:
        result = analyse(doc.text, doc.title, doc.meta, model)
    except PipelineUnavailable as exc:
        raise BriefingError(str(exc)) from None
    return {"title": doc.title, "meta": doc.meta, **{k: v for k, v in result.items()
                                                     if k != "title"}}
