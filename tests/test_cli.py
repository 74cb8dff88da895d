from __future__ import annotations

import json
import subprocess
import sys

import pytest

from briefing.cli import build_parser, main, reader_arguments
from tests.conftest import DATA


def run(*args, stdin=None, env_db=None):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          text=True, input=stdin, timeout=120)


def test_import_list_and_duplicate(db_path, capsys):
    sample = DATA / "chip-export-controls.md"
    assert main(["--db", str(db_path), "import", str(sample)]) == 0
    assert "imported" in capsys.readouterr().out
    assert main(["import", "--db", str(db_path), str(sample)]) == 0
    assert "already in library" in capsys.readouterr().out
    assert main(["list", "--db", str(db_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["title"] for r in rows] == [
        "Beijing Condemns New Dutch and Japanese Chip Export Curbs"]
    assert rows[0]["published"] == "2025-09-22"


@pytest.mark.parametrize(
    "args, message",
    [
        (["import", "/no/such/file.txt"], "no such file"),
        (["export"], "give an article ID or --all"),
        (["export", "42"], "no article with id 42"),
        (["import", "--update", "7", "/no/such.txt"], "no such file"),
    ],
)
def test_failures_are_one_line_without_traceback(db_path, args, message):
    result = run("--db", str(db_path), *args)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.stderr


def test_corrupt_database_is_one_line(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_text("{not json")
    result = run("--db", str(db_path), "list")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and str(db_path) in result.stderr
    assert db_path.read_text() == "{not json"


def test_debug_shows_traceback(db_path):
    result = run("--db", str(db_path), "--debug", "import", "/no/such/file.txt")
    assert result.returncode == 1 and "Traceback" in result.stderr


def test_hostile_file_name_does_not_reach_terminal(db_path, tmp_path):
    result = run("--db", str(db_path), "import", str(tmp_path / "x\x1b]0;owned\x07.txt"))
    assert result.returncode == 1 and "\x1b" not in result.stderr


def test_version_and_help():
    assert "briefing" in run("--version").stdout
    out = run("--help").stdout
    assert "examples:" in out and "BRIEFING_DB" in out


def test_env_database(db_path, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_DB", str(db_path))
    main(["import", str(DATA / "sahel-grain-corridor.md")])
    assert db_path.exists()


def test_reader_refuses_without_terminal(db_path):
    result = run("--db", str(db_path))
    assert result.returncode == 1 and "terminal" in result.stderr


def test_reader_options_before_the_file_are_accepted(db_path):
    result = run("--no-mouse", "--theme", "briefing-light", "--db", str(db_path),
                 str(DATA / "sahel-grain-corridor.md"))
    # No terminal here: the reader refuses politely, after the options were understood.
    assert result.returncode == 1 and "needs a terminal" in result.stderr


def test_plain_file_shortcut_parses_like_the_parser():
    # `briefing FILE` skips argparse for a faster first paint; it must mean the same thing.
    assert vars(reader_arguments("report.txt")) == vars(
        build_parser().parse_args(["open", "report.txt"]))


def test_plain_file_shortcut_reaches_the_reader(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "db.json"))
    result = run(str(DATA / "sahel-grain-corridor.md"))
    assert result.returncode == 1 and "needs a terminal" in result.stderr
    missing = run(str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_import_keeps_going_past_a_bad_file(db_path, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = run("--db", str(db_path), "import", str(bad), str(DATA / "chip-export-controls.md"),
                 "/no/such.txt")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and "binary" in errors[0] and "no such file" in errors[1]
    assert "imported" in result.stdout


def test_an_import_of_many_files_is_one_commit_and_ctrl_c_saves_none(db_path, monkeypatch,
                                                                    capsys):
    import briefing.library as library
    from briefing.store import Store

    files = [str(DATA / "baltic-cable-damage.md"), str(DATA / "sahel-grain-corridor.md")]
    real_import = library.import_file

    def interrupted_on_the_second(store, path):
        if path == files[1]:
            raise KeyboardInterrupt
        return real_import(store, path)

    monkeypatch.setattr(library, "import_file", interrupted_on_the_second)
    assert main(["--db", str(db_path), "import", *files]) == 130
    assert "nothing was imported" in capsys.readouterr().err
    with Store(db_path) as store:
        assert store.articles() == []
    monkeypatch.undo()
    assert main(["--db", str(db_path), "import", *files]) == 0
    with Store(db_path) as store:
        assert len(store.articles()) == 2
