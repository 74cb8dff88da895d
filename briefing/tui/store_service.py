"""The reader's database thread: every store call runs here, in order, off the UI loop.

Widgets `ask` for a function of the Store to be run and get a message back (see
messages.py), so a slow disk or a lock held by another session never stalls a key.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from briefing.store import Store

Job = tuple[Callable[["Store"], Any], Callable[[Any], None] | None,
            Callable[[str], None] | None]


class StoreService:
    def __init__(self, path: Path, deliver: Callable[[Callable[[], None]], None],
                 on_error: Callable[[str], None] | None = None) -> None:
        """`deliver(fn)` must run fn on the UI thread. `on_error` hears every failure whose
        job gave no handler of its own, so no failed write goes unreported."""
        self.path = path
        self._deliver = deliver
        self._on_error = on_error
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._store: Store | None = None
        self.submitted = 0  # jobs submitted so far: a read can tell whether writes followed it
        self._thread = threading.Thread(target=self._run, name="briefing-store", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[Store], Any], done: Callable[[Any], None] | None = None,
               failed: Callable[[str], None] | None = None) -> None:
        self.submitted += 1
        self._jobs.put((job, done, failed))

    def ask(self, asker: MessagePump, request: str, job: Callable[[Store], Any],
            context: Any = None) -> None:
        """Run `job`; post its StoreAnswer, or its StoreFailure, to `asker`. An answer to an
        asker that has gone is dropped; a failure then goes to `on_error`, so none is lost."""
        from briefing.tui.messages import StoreAnswer, StoreFailure

        def failed(error: str) -> None:
            if not asker.post_message(StoreFailure(request, error, context)) and self._on_error:
                self._on_error(error)

        self.submit(job, lambda result: asker.post_message(StoreAnswer(request, result, context)),
                    failed)

    def call(self, job: Callable[[Store], Any], timeout: float = 30) -> Any:
        """Run a job and wait for it (for start-up and tests, not for key handlers)."""
        box: dict[str, Any] = {}
        ready = threading.Event()

        def run(store: Store) -> None:
            try:
                box["value"] = job(store)
            except BaseException as exc:  # re-raised in the caller
                box["error"] = exc
            finally:
                ready.set()

        self._jobs.put((run, None, None))
        if not ready.wait(timeout):
            raise BriefingError("the database did not answer in time")
        if "error" in box:
            raise box["error"]
        return box.get("value")

    def flush(self, timeout: float = 30) -> None:
        self.call(lambda store: None, timeout)

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                break
            job, done, failed = item
            try:
                if self._store is None:
                    # Imported here, off the UI thread and after the first paint.
                    from briefing.store import Store

                    self._store = Store(self.path)
                result = job(self._store)
            except BriefingError as exc:
                self._report(failed, str(exc))
                continue
            except Exception as exc:  # keep the thread alive; the UI shows one line
                self._report(failed, f"{exc.__class__.__name__}: {exc}")
                continue
            if done is not None:
                self._deliver(lambda done=done, result=result: done(result))
        if self._store is not None:
            self._store.close()

    def _report(self, failed: Callable[[str], None] | None, message: str) -> None:
        handler = failed or self._on_error
        if handler is not None:
            self._deliver(lambda: handler(message))
