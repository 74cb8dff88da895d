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
