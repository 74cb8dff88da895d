"""`briefing serve`: the reader in a browser via textual-serve (no authentication!)."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from briefing.errors import BriefingError

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def command(db: str | None) -> str:
    parts = [sys.executable, "-m", "briefing"]
    if db:
        parts += ["--db", db]
    return shlex.join(parts)


# The page textual-serve ships loads its font from fonts.googleapis.com and has no <title>.
# A reader reached through an SSH tunnel should load nothing from elsewhere: the same font
# ships in textual-serve's static folder, served by the reader itself.
_OUTSIDE_FONT = re.compile(r'<link\s+rel="stylesheet"\s+href="https://fonts\.googleapis\.com'
                           r'[^"]*"\s*/?>')
_LOCAL_FONT = """<style>
      @font-face { font-family: "Roboto Mono"; font-style: normal; font-weight: 100 700;
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf"); }
      @font-face { font-family: "Roboto Mono"; font-style: italic; font-weight: 100 700;
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf"); }
    </style>"""
_OUTSIDE = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//"""
                      r"""|@import|url\(\s*["']?(?:https?:)?//""", re.IGNORECASE)


def page_template(original: str) -> str:
    """textual-serve's page with a <title> and its font from the reader's own server."""
    page = _OUTSIDE_FONT.sub(lambda _: _LOCAL_FONT, original)
    if "<title>" not in page:
        page = page.replace("<head>", "<head>\n    <title>{{ application.name }}</title>", 1)
    if _OUTSIDE.search(page):
        raise BriefingError("this textual-serve version's page loads files from other sites; "
                            "briefing serve refuses to serve it")
    return page


def _template_folder() -> Path:
    """A folder with the page template, written at each start (textual-serve may change)."""
    import textual_serve

    from briefing import config
    from briefing.storage import atomic_write

    original = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    folder = config.cache_dir() / "serve"
    folder.mkdir(parents=True, exist_ok=True)
    page = page_template(original.read_text(encoding="utf-8"))
    atomic_write(folder / "app_index.html", page.encode("utf-8"))
    return folder


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
    Server(command(db), host=host, port=port, title="Briefing",
           templates_path=_template_folder()).serve()
