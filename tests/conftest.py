from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Never touch the real user data/config folders."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    os.environ.pop("NO_COLOR", None)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "db" / "briefing.json"


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1 (tests/web_server.py), shut down after the test."""
    from tests.web_server import WebServer

    server = WebServer()
    yield server
    server.close()


_KILLED_AT_COMMIT = """
import os, signal, sys
import briefing.storage as storage

real = storage.atomic_write
def commit(path, payload):
    if sys.argv[2] == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real(path, payload)
    os.kill(os.getpid(), signal.SIGKILL)

from briefing.store import Store
with Store(sys.argv[1]) as store:
    storage.atomic_write = commit
"""


def run_killed_at_commit(db_path: Path, tmp_path: Path, when: str, body: str,
                         *args: str) -> None:
    """Run `body` (Python, indented under `with Store(...) as store:`, its own arguments
    from sys.argv[3]) in a child process killed with SIGKILL just `when` ("before" or
    "after") its first commit reaches the disk."""
    import signal
    import subprocess
    import sys

    script = tmp_path / "killed.py"
    script.write_text(_KILLED_AT_COMMIT + body)
    proc = subprocess.run([sys.executable, str(script), str(db_path), when, *args],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert proc.returncode == -signal.SIGKILL


class Commits:
    """storage.atomic_write, every commit of the store goes through it: refused as on a
    full disk, or counted (`paths`)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import briefing.storage as storage

        self._monkeypatch, self._storage, self._real = monkeypatch, storage, storage.atomic_write
        self.paths: list = []

    def refuse(self) -> None:
        def refused(path, payload):
            raise OSError(28, "No space left on device")

        self._monkeypatch.setattr(self._storage, "atomic_write", refused)

    def count(self) -> None:
        real = self._real
        self._monkeypatch.setattr(self._storage, "atomic_write",
                                  lambda path, payload: self.paths.append(path)
                                  or real(path, payload))


@pytest.fixture
def commits(monkeypatch) -> Commits:
    return Commits(monkeypatch)

