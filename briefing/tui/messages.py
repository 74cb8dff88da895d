"""Messages that background work posts to the widget that asked for it.

The database thread and the analysis worker never touch widgets: they post one of these,
and the widget's handler changes what it shows. Textual drops a message posted to a widget
that has gone (a screen closed while the work ran), so no handler needs to ask whether it
is still mounted.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message


class StoreAnswer(Message, bubble=False):
    """A database job finished: `request` names it, `context` is what the asker passed
    along (an edit to confirm)."""

    def __init__(self, request: str, result: Any, context: Any = None) -> None:
        super().__init__()
        self.request, self.result, self.context = request, result, context


class StoreFailure(Message, bubble=False):
    """A database job failed with a one-line `error`."""

    def __init__(self, request: str, error: str, context: Any = None) -> None:
        super().__init__()
        self.request, self.error, self.context = request, error, context


class AnalysisProgress(Message, bubble=False):
    """`done` of `total` paragraphs parsed (total 0: spaCy is loading)."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)  # only the latest is worth drawing


class AnalysisDone(Message, bubble=False):
    def __init__(self, result: dict) -> None:
        super().__init__()
        self.result = result


class AnalysisError(Message, bubble=False):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
