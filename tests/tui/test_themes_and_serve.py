from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from briefing.config import bundled_dir
from briefing.errors import BriefingError
from briefing.tui.app import BriefingApp
from briefing.tui.themes import VARIABLES, load_theme
from tests.tui.conftest import loaded_reader

THEME_FILES = sorted(bundled_dir("themes").glob("*.toml"))


def test_at_least_dark_light_and_monochrome_ship():
    themes = [load_theme(p) for p in THEME_FILES]
    assert {t.name for t in themes} >= {"briefing-dark", "briefing-light", "briefing-mono"}
    assert {t.dark for t in themes} == {True, False}


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.stem)
def test_every_theme_file_loads_with_all_variables(path):
    theme = load_theme(path)
    assert set(VARIABLES) <= set(theme.variables)


@pytest.mark.parametrize(
    "content, field",
    [
        ('name = "x"\n', "primary"),
        ('primary = "#fff"\n', "name"),
        ('name = "x"\nprimary = "not-a-colour"\n', "primary"),
        ('name = "x"\nprimary = "#fff"\nsparkle = 1\n', "sparkle"),
        ('name = "x"\nprimary = "#fff"\n[variables]\nhighlight-1 = "nope"\n',
         "variables.highlight-1"),
        ('name = "x"\nprimary = "#fff"\ndark = "yes"\n', "dark"),
        ("name = [unclosed\n", "TOML"),
    ],
)
def test_broken_theme_names_file_and_field(tmp_path, content, field):
    path = tmp_path / "broken.toml"
    path.write_text(content)
    with pytest.raises(BriefingError) as info:
        load_theme(path)
    assert str(path) in str(info.value) and field in str(info.value)


async def test_broken_user_theme_does_not_stop_the_app(reader_db, tmp_path):
    from briefing import config

    user_themes = config.config_dir() / "themes"
    user_themes.mkdir(parents=True)
    (user_themes / "mine.toml").write_text('name = "mine"\nprimary = "#12345"\n')
    (user_themes / "good.toml").write_text('name = "good"\nprimary = "#123456"\n')
    path, article_id = reader_db
    app = BriefingApp(db_path=path, article_id=article_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded_reader(pilot)
        assert "good" in app.available_themes and "mine" not in app.available_themes
        assert any("mine.toml" in e for e in app.theme_errors)


@pytest.mark.parametrize("theme", ["briefing-light", "nord"])  # ours, and Textual's own
async def test_chosen_theme_is_remembered(reader_db, theme):
    from briefing import config

    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test() as pilot:
        await loaded_reader(pilot)
        pilot.app.theme = theme  # what the palette's theme picker does
        await pilot.pause()
    assert json.loads(config.settings_path().read_text())["theme"] == theme
    async with BriefingApp(db_path=path, article_id=article_id).run_test() as pilot:
        assert pilot.app.theme == theme


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.stem)
def test_highlight_colours_differ_from_the_selection(path):
    # Over SSH the usual terminal has 256 colours (16 with TERM=xterm): two hexes that
    # differ can still become one palette entry, and a highlight that looks like the
    # selection is lost in it.
    from rich.color import Color as RichColor
    from rich.color import ColorSystem
    from textual.color import Color

    theme = load_theme(path)
    if theme.name == "briefing-mono":
        return  # highlights are reverse/bold/underline there, never a background colour
    colours = theme.to_color_system().generate()
    background = Color.parse(colours["background"])
    selection = background + Color.parse(colours["input-selection-background"])
    highlights = [Color.parse(theme.variables[f"highlight-{i}"]) for i in range(1, 6)]
    systems = [ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT]
    if theme.name == "briefing-dark":
        systems.append(ColorSystem.STANDARD)  # the default theme, with TERM=xterm too
    for system in systems:
        def shown(colour: Color, system=system) -> tuple[int, int, int]:
            return tuple(RichColor.parse(colour.hex6).downgrade(system).get_truecolor())

        assert shown(selection) not in {shown(h) for h in highlights}, system
        assert len({shown(h) for h in highlights}) == 5, system


async def test_switching_theme_restyles_the_article_layers(reader_db):
    # Layer styles come from theme variables; a theme chosen while reading must recolour
    # the text at once, and the monochrome theme must drop colour for reverse video.
    from rich.color import Color

    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test() as pilot:
        screen = await loaded_reader(pilot)
        dark = screen.view._style("article--highlight-2")
        pilot.app.theme = "briefing-light"
        await pilot.pause()
        light = screen.view._style("article--highlight-2")
        expected = Color.parse(pilot.app.current_theme.variables["highlight-2"])
        assert light.bgcolor.triplet == expected.triplet and light.bgcolor != dark.bgcolor
        pilot.app.theme = "briefing-mono"
        await pilot.pause()
        assert screen.view._style("article--highlight-2").reverse


async def test_no_color_uses_monochrome(reader_db, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    path, article_id = reader_db
    async with BriefingApp(db_path=path, article_id=article_id).run_test() as pilot:
        assert pilot.app.theme == "briefing-mono" and pilot.app.has_class("-mono")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_on_localhost(tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "--db", str(tmp_path / "db.json"),
                             "serve", "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        page = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and page is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    assert reply.status == 200
                    page = reply.read().decode()
            except OSError:
                time.sleep(0.3)
        assert page is not None, "briefing serve never answered"
        assert "Briefing" in page and "<html" in page.lower()
        assert "<title>Briefing</title>" in page
        # Nothing from another site (the font came from fonts.googleapis.com): every URL
        # the page loads is on this server.
        loaded = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)|url\(["']?([^"')]+)""", page)
        urls = [a or b for a, b in loaded]
        assert urls and all(u.startswith(f"http://127.0.0.1:{port}/") for u in urls), urls
        font = next(u for u in urls if u.endswith(".ttf"))
        with urllib.request.urlopen(font, timeout=5) as reply:
            assert reply.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "WARNING" not in proc.stderr.read()


def test_serve_warns_when_not_on_localhost(tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "--db", str(tmp_path / "db.json"),
                             "serve", "--host", "0.0.0.0", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "WARNING" in line and "ssh -L" in line



def test_reader_exits_when_the_ssh_connection_drops(tmp_path):
    """sshd hangs up (SIGHUP) when a connection drops: the reader must go, not linger."""
    import os
    import pty
    import signal

    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "BRIEFING_DB": str(tmp_path / "db.json")}
    proc = subprocess.Popen([sys.executable, "-m", "briefing",
                             str(bundled_dir("data") / "sahel-grain-corridor.md")],
                            stdin=slave, stdout=slave, stderr=slave, env=env,
                            start_new_session=True)
    os.close(slave)
    try:
        seen = b""
        deadline = time.monotonic() + 30
        while b"Sahel" not in seen and time.monotonic() < deadline:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        assert b"Sahel" in seen, "the reader never painted"
        os.killpg(proc.pid, signal.SIGHUP)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert proc.returncode is not None
