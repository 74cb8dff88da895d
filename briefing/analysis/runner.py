"""Run an analysis in a separate process, reporting progress.

A thread would share the GIL with the UI: spaCy's Python-level work between its C calls is
enough to make keypresses stutter on a long article. A child process (`python -m
briefing.analysis.runner`) costs an interpreter start and a spaCy load per analysis and never
touches the UI's event loop. It speaks JSON lines: the request on stdin; progress, then a
result or an error, on stdout. (multiprocessing is avoided on purpose: Textual replaces
sys.stderr, which multiprocessing's spawn start method passes on as a file descriptor.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path


def _emit(kind: str, *payload: object) -> None:
    sys.stdout.write(json.dumps([kind, *payload], ensure_ascii=False) + "\n")
    sys.stdout.flush()


def child_main() -> int:
    # The pipeline loads first, while the request is still on its way: a reader started
    # this process at launch, before it had read (let alone shown) the file, so spaCy's
    # import and load run beside the parent's start-up instead of after it.
    model = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None
    if len(sys.argv) > 2 and hasattr(os, "nice"):
        os.nice(int(sys.argv[2]))  # started at launch: the reader's first paint comes first
    request: list[dict] = []
    # Read at once on a thread: a request larger than the pipe's buffer must not leave the
    # parent blocked in its write while this process loads spaCy.
    reader = threading.Thread(target=lambda: request.append(json.loads(sys.stdin.read())),
                              daemon=True)
    reader.start()
    try:
        from briefing.analysis import PipelineUnavailable, analyse
        from briefing.analysis.pipeline import load_pipeline

        try:
            _emit("progress", 0, 0)
            try:
                load_pipeline(model)
                from briefing.analysis import actors, claims  # noqa: F401  (their import, too)
            except PipelineUnavailable:
                pass  # said below, once there is a request to answer
            reader.join()
            if not request:
                return 0  # the reader went away (or changed its mind) before asking
            ask = request[0]
            result = analyse(ask["text"], ask.get("title", ""), ask.get("meta"),
                             ask.get("model") or model,
                             progress=lambda done, total: _emit("progress", done, total))
            result.pop("text", None)  # the parent has it; do not ship 1 MB back
            _emit("result", result)
        except PipelineUnavailable as exc:
            _emit("error", str(exc))
    except Exception as exc:  # a bug in analysis must not take the reader down
        _emit("error", f"analysis failed: {exc.__class__.__name__}: {exc}")
    return 0


def has_spare_core(loadavg: Path = Path("/proc/loadavg"), cores: int | None = None) -> bool:
    """Whether another process can run now without taking CPU from this one: a core no
    other work is waiting for. On a busy machine (or one core) an analysis started beside
    the reader's start-up shares its CPU, and the text painted twice as late.

    "Now" is the count of runnable tasks at this instant (Linux's /proc/loadavg, this
    process among them), not the one-minute load average: that average still weighs work
    that ended seconds ago (a build, the previous launch), and said "busy" on an idle
    machine, so the analysis started only after the first paint, ~0.35 s later."""
    cores = cores or os.cpu_count() or 1
    try:
        runnable = int(loadavg.read_text().split()[3].split("/")[0])
    except (OSError, IndexError, ValueError):
        try:  # no /proc (macOS): the average is the best there is
            return os.getloadavg()[0] + 1 <= cores
        except (AttributeError, OSError):
            return False
    return runnable + 1 <= cores


# How much lower than the reader an analysis started at launch runs: on an idle core it loses
# nothing, but while the reader starts up (its output thread, the terminal's) the two share
# the CPU now and then, and at equal priority the first paint came ~40 ms later (1.5x a
# bare Textual app's, against 1.3x). Once the text is known the analysis is what the
# reader waits for, so a process started then runs at the reader's own priority.
EARLY_NICENESS = 10


class AnalysisProcess:
    """One analysis in a child process; iterate `events()` from a worker thread.

    `AnalysisProcess(text, ...)` starts it with its text; `AnalysisProcess.start(model)`
    starts the process (spaCy loading) before the text is known, and `send` gives it."""

    def __init__(self, text: str, title: str = "", meta: dict | None = None,
                 model: str | None = None) -> None:
        self._spawn(model)
        self.send(text, title, meta)

    @classmethod
    def start(cls, model: str | None = None) -> AnalysisProcess:
        process = cls.__new__(cls)
        process._spawn(model, EARLY_NICENESS)
        return process

    def _spawn(self, model: str | None, niceness: int = 0) -> None:
        self.model = model
        self.text: str | None = None
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "briefing.analysis.runner", model or "",
             *([str(niceness)] if niceness else [])],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8")

    def send(self, text: str, title: str = "", meta: dict | None = None) -> None:
        """The text to analyse (once)."""
        self.text = text
        request = {"text": text, "title": title, "model": self.model,
                   "meta": {k: v for k, v in (meta or {}).items()
                            if isinstance(v, (str, int, float, bool))}}
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(json.dumps(request, ensure_ascii=False))
            self._proc.stdin.close()
        except BrokenPipeError:
            pass

    def events(self) -> Iterator[tuple]:
        """('progress', done, total)..., then ('result', dict) or ('error', message)."""
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            try:
                message = tuple(json.loads(line))
            except ValueError:
                continue
            yield message
            if message[0] in ("result", "error"):
                self._proc.wait(timeout=10)
                return
        code = self._proc.wait()
        yield ("error", f"analysis process stopped (exit {code})")

    def cancel(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()


if __name__ == "__main__":
    raise SystemExit(child_main())
