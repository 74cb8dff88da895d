"""The reader's analysis: spaCy runs in another process; a worker thread only waits for it
and relays its progress to the status line, and its result or failure to the screen that
asked, as messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from briefing.tui.messages import AnalysisDone, AnalysisError, AnalysisProgress

if TYPE_CHECKING:
    from textual.screen import Screen

    from briefing.model import Article


def start_analysis(screen: Screen, source: Article) -> None:
    """Analyse `source` for `screen`; a second call cancels the first one's worker."""
    from briefing.tui.widgets.status import StatusLine

    app, status = screen.app, screen.query_one(StatusLine)

    def analyse() -> None:
        from briefing.analysis.cache import AnalysisFailed, analyse_in_child

        worker = get_current_worker()
        early = app.claim_early_analysis(source.text)  # started at launch, if any
        try:
            result = analyse_in_child(
                source, app.model, process=early, cancelled=lambda: worker.is_cancelled,
                progress=lambda done, total: status.post_message(AnalysisProgress(done, total)))
        except AnalysisFailed as exc:
            screen.post_message(AnalysisError(str(exc)))
            return
        if result is not None:
            screen.post_message(AnalysisDone(result))

    screen.run_worker(analyse, name="analyse", group="analysis", exclusive=True, thread=True)
