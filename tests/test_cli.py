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


def test_samples_are_offered_and_imported_on_request(db_path, capsys):
    from briefing.config import sample_paths

    assert main(["--db", str(db_path), "list"]) == 0
    assert "briefing import --samples" in capsys.readouterr().out
    assert main(["--db", str(db_path), "import", "--samples"]) == 0
    assert capsys.readouterr().out.count("\timported\t") == len(sample_paths())
    assert main(["--db", str(db_path), "import"]) == 1
    assert "--samples" in capsys.readouterr().err


def test_search_names_the_briefing_and_the_paragraph(db_path, capsys):
    from briefing.cli import print_hits
    from briefing.search import SearchIndex
    from briefing.store import Store

    assert main(["--db", str(db_path), "import", str(DATA / "baltic-cable-damage.md")]) == 0
    capsys.readouterr()
    title = "Finland and Estonia Investigate Damage to Baltic Sea Power Cable"
    assert main(["--db", str(db_path), "search", "anchor was dragged"]) == 0
    [line] = capsys.readouterr().out.splitlines()  # piped: one line per hit, like rg
    with Store(db_path) as store:
        text = store.articles()[0]["text"]
    paragraphs = text.split("\n\n")
    number = next(i for i, p in enumerate(paragraphs, 1) if "anchor was dragged" in p)
    assert line.startswith(f"{title} [1]:¶{number}:text: ")
    assert main(["--db", str(db_path), "search", "anchor was dragged", "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["title"] == title and hit["paragraph"] == number
    assert hit["line"] == text[:hit["start"]].count("\n") + 1
    # In a terminal: the title once as a heading, then each hit by paragraph.
    with Store(db_path) as store:
        hits = SearchIndex(store).search("cable")
    print_hits(hits, heading=True)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{title} [1]" and out.count(f"{title} [1]") == 1
    assert all(line.startswith("  ") for line in out[1:])


def test_the_analysis_of_a_new_file_starts_before_it_is_read(tmp_path, monkeypatch):
    import briefing.ingest
    from briefing import opened_files
    from briefing.analysis import runner

    events = []

    class Process:
        text = None

        @classmethod
        def start(cls, model=None):
            events.append("analysis started")
            return cls()

        def send(self, text, title, meta):
            events.append("text sent")
            self.text = text

        def cancel(self):
            events.append("cancelled")

    original = briefing.ingest.load  # open_file imports it when it needs it
    monkeypatch.setattr(briefing.ingest, "load",
                        lambda name: (events.append("file read"), original(name))[1])
    monkeypatch.setattr(runner, "AnalysisProcess", Process)
    monkeypatch.setattr(runner, "has_spare_core", lambda: True)
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "db.json"))
    source = tmp_path / "new.md"
    source.write_text((DATA / "sahel-grain-corridor.md").read_text("utf-8"))
    assert main([str(source)]) == 1  # no terminal under pytest: the reader refuses
    assert events == ["analysis started", "file read", "text sent", "cancelled"]
    # A file read before (kept in the cache) is most likely analysed: nothing starts early.
    opened = opened_files.open_file(str(source))
    opened.remember()
    events.clear()
    assert main([str(source)]) == 1
    assert events == []
    # A refused file stops the process it started.
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    events.clear()
    assert main([str(bad)]) == 1
    assert events[0] == "analysis started" and events[-1] == "cancelled"
    # No core to spare (a busy machine): nothing competes with the first paint; the
    # reader starts the analysis once the text is on screen.
    monkeypatch.setattr(runner, "has_spare_core", lambda: False)
    source.write_text(source.read_text("utf-8") + "\nA new paragraph.\n")
    events.clear()
    assert main([str(source)]) == 1
    assert events == ["file read"]
