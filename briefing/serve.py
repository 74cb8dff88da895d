"""`briefing serve`: the reader in a browser via textual-serve (no authentication!)."""

from __future__ import annotations

import shlex
import sys

from briefing.errors import BriefingError

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def command(db: str | None) -> str:
    parts = [sys.executable, "-m", "briefing"]
    if db:
        parts += ["--db", db]
    return shlex.join(parts)


def serve(host: str, port: int, db: str | None = None) -> None:
    try:
        from textual_serve.server import Server
    except ImportError:
        raise BriefingError("textual-serve is not installed") from None
    if host not in LOCAL_HOSTS:
        print(f"briefing: WARNING: serving on {host} without authentication; anyone who can "
              f"reach port {port} can read and change your notes. Prefer the default "
              f"127.0.0.1 with an SSH tunnel: ssh -L {port}:localhost:{port} HOST",
              file=sys.stderr)
    import os

    os.environ["BRIEFING_FORCE_TUI"] = "1"
    Server(command(db), host=host, port=port, title="Briefing").serve()
