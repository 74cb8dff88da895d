"""Analyse an article and keep the result: the one place that knows where an analysis is
cached (per text, pipeline and rules version, see `cache_key`) and how it is saved.

The reader and the actor index run the analysis in a child process (`runner.py`, so the UI
never stutters) and save through the database thread; the command line analyses in its own
process, loading spaCy once for the whole library. Both end in `save_analysis` here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing import config
from briefing.analysis import cache_key
from briefing.model import Analysis, Article

if TYPE_CHECKING:
    from briefing.analysis.runner import AnalysisProcess
    from briefing.claim_grades import GradeMoves
    from briefing.store import Store


def analysis_key(text_hash: str, model: str | None) -> str:
    """The cache key of a text's analysis by `model` (None: the configured pipeline)."""
    return cache_key(text_hash, config.model_name(model))


def cached_analysis(store: Store, text_hash: str, model: str | None) -> Analysis | None:
    """The analysis of this text by this pipeline, if one is stored."""
    found = store.cached_analysis(analysis_key(text_hash, model))
    return Analysis.from_dict(found) if found else None


def save_analysis(store: Store, text_hash: str, model: str | None,
                  result: dict) -> GradeMoves | None:
    """Keep `result` for this text and pipeline (without the text, which the store has),
    and move the grades of the article whose text this is onto it: a claim the analysis
    now finds at other offsets keeps its grade (claim_grades.py), a source it names
    otherwise its reliability (source_grades.py). Returns
    what moved (None: no article has this text)."""
    from briefing.claim_grades import follow_grades

    store.save_analysis(analysis_key(text_hash, model),
                        {k: v for k, v in result.items() if k != "text"})
    article = store.find_article_by_hash(text_hash)
    if article is None:
        return None
    return follow_grades(store, article.id, text_hash, Analysis.from_dict(result))


def analyse_in_child(article: Article, model: str | None,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] = lambda: False,
                     process: AnalysisProcess | None = None) -> dict | None:
    """Analyse in a child process (see runner.py), or wait for `process`, one already
    analysing this text; None when cancelled. Raises AnalysisFailed with the one-line
    reason."""
    from briefing.analysis.runner import AnalysisProcess

    if process is None:
        process = AnalysisProcess(article.text, article.title, article.to_dict(), model)
    try:
        for event in process.events():
            if cancelled():
                return None
            if event[0] == "progress" and progress is not None:
                progress(event[1], event[2])
            elif event[0] == "result":
                return event[1]
            elif event[0] == "error":
                raise AnalysisFailed(event[1])
    finally:
        process.cancel()
    return None


class AnalysisFailed(Exception):
    """The analysis could not run (no pipeline, a crash in the child): a one-line reason."""


def analyse_and_cache(store: Store, article: Article, model: str | None) -> dict:
    """Analyse in this process and save the result; returns it. Raises
    PipelineUnavailable (one line) when spaCy or its model is missing."""
    from briefing.analysis import analyse

    result = analyse(article.text, article.title, article.to_dict(), model)
    save_analysis(store, article.hash, model, result)
    return result
