from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from briefing.errors import BriefingError
from briefing.storage import AtomicJSONStorage
from briefing.store import SCHEMA_VERSION, Store

TEXT = "The minister said the talks would resume. Officials denied any deal."


def test_round_trip(db_path):
    with Store(db_path) as store:
        aid = store.add_article(title="Talks", text=TEXT, source="Wire")
        hid = store.add_annotation(aid, 4, 12, note="who?", color=2)
        nid = store.add_note(aid, "Overall: thin sourcing.")
    with Store(db_path) as store:
        article = store.article(aid)
        assert (article.title, article["text"], article.source) == ("Talks", TEXT, "Wire")
        [hl] = store.annotations(aid)
        assert (hl.id, hl.start, hl.end, hl.note, hl.color) == (hid, 4, 12, "who?", 2)
        assert hl.selector.exact == "minister"
        assert [n.note for n in store.notes(aid)] == ["Overall: thin sourcing."]
        store.update_annotation(hid, note="the interior minister")
        store.update_note(nid, "edited")
        assert store.annotation(hid).note == "the interior minister"
        assert store.notes(aid)[0].note == "edited"
        deleted = store.delete_annotation(hid)
        assert store.annotations(aid) == []
        store.restore_annotation(deleted)
        assert [a.note for a in store.annotations(aid)] == ["the interior minister"]
        store.delete_note(nid)
        assert store.notes(aid) == []


def test_same_text_is_not_duplicated(db_path):
    with Store(db_path) as store:
        first = store.add_article(title="A", text=TEXT)
        assert store.add_article(title="B", text=TEXT) == first
        assert len(store.articles()) == 1


def test_bad_spans_are_refused(db_path):
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
        for start, end in ((5, 5), (-1, 3), (0, len(TEXT) + 1), (3, 2)):
            with pytest.raises(BriefingError):
                store.add_annotation(aid, start, end)
        with pytest.raises(BriefingError):
            store.add_annotation(999, 0, 3)


def test_delete_article_removes_its_annotations(db_path):
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
        other = store.add_article(title="B", text=TEXT + " More.")
        store.add_annotation(aid, 0, 3)
        store.add_annotation(other, 0, 3)
        store.delete_article(aid)
        assert store.article(aid) is None
        assert [a.article_id for a in store.all_annotations()] == [other]


def test_an_article_id_deleted_in_another_session_is_never_given_again(db_path):
    """A reader still open on the deleted article (another Store on the file) puts a
    highlight, note or grade back on undo by article id: given to the next import, they
    landed on an article they were never made on."""
    with Store(db_path) as store, Store(db_path) as other:
        kept = store.add_article(title="A", text=TEXT)
        gone = store.add_article(title="B", text=TEXT + " Gone.")
        note = store.delete_note(store.add_note(gone, "Check the budget figure."))
        highlight = store.delete_annotation(store.add_annotation(gone, 0, 3))
        other.delete_article(gone)
        new = other.add_article(title="C", text="A different page altogether.")
        assert new not in (kept, gone)
        with pytest.raises(BriefingError):
            store.restore_note(note)
        with pytest.raises(BriefingError):
            store.restore_annotation(highlight)
        assert store.notes(new) == [] and store.annotations(new) == []
    with Store(db_path) as reopened:  # the id stays spent once the file is closed
        assert reopened.add_article(title="D", text="Yet another page.") == new + 1


def tables_on_disk(db_path) -> dict:
    return AtomicJSONStorage(db_path).read()


def test_schema_version_is_written(db_path):
    Store(db_path).close()
    assert tables_on_disk(db_path)["_meta"]["1"]["schema"] == SCHEMA_VERSION


def test_newer_schema_is_refused(db_path):
    Store(db_path).close()
    data = tables_on_disk(db_path)
    data["_meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    db_path.write_text(json.dumps(data))  # the single-file form, as backups are
    with pytest.raises(BriefingError, match="newer Briefing"):
        Store(db_path)


@pytest.mark.parametrize("content", [b"", b'{"articles": {"1": {"title"', b"\x00\xff garbage",
                                     b"[1, 2, 3]"])
def test_corrupt_file_is_reported_and_left_untouched(db_path, content):
    with Store(db_path) as store:
        store.add_article(title="A", text=TEXT)
    db_path.write_bytes(content)
    before = os.stat(db_path)
    with pytest.raises(BriefingError) as info:
        Store(db_path)
    message = str(info.value)
    assert str(db_path) in message and "backup" in message and "\n" not in message
    assert db_path.read_bytes() == content
    assert os.stat(db_path).st_mtime_ns == before.st_mtime_ns


def test_backups_rotate(db_path, monkeypatch):
    import briefing.store as store_module

    monkeypatch.setattr(store_module, "BACKUP_EVERY_SECONDS", -1)
    for i in range(store_module.BACKUPS_KEPT + 3):
        with Store(db_path) as store:
            store.add_article(title=f"A{i}", text=f"{TEXT} {i}")
    backups = Store(db_path).backups()
    assert len(backups) == store_module.BACKUPS_KEPT
    assert json.loads(backups[-1].read_text())["articles.0"]["1"]["text"] == TEXT + " 0"


def test_another_process_sees_new_writes(db_path):
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
        assert store.annotations(aid) == []
        subprocess.run([sys.executable, "-c", (
            "import sys; from briefing.store import Store\n"
            f"s = Store({str(db_path)!r}); s.add_annotation({aid}, 0, 3, note='other')")],
            check=True)
        assert [a.note for a in store.annotations(aid)] == ["other"]
        # And our next insert does not reuse the other process's id.
        mine = store.add_annotation(aid, 4, 8, note="mine")
        assert sorted(a.note for a in store.annotations(aid)) == ["mine", "other"]
        assert mine != store.annotations(aid)[0].id


WRITER = """
import sys
from briefing.store import Store
path, aid, tag, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
with Store(path) as store:
    for i in range(count):
        store.add_annotation(aid, i % 40, i % 40 + 5, note=f"{tag}-{i}")
        print(i, flush=True)
"""


def test_two_processes_writing_150_each_lose_nothing(db_path, tmp_path):
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    procs = [subprocess.Popen([sys.executable, str(script), str(db_path), str(aid), tag, "150"],
                              stdout=subprocess.DEVNULL) for tag in ("a", "b")]
    assert all(p.wait(timeout=300) == 0 for p in procs)
    with Store(db_path) as store:
        notes = {a.note for a in store.annotations(aid)}
    assert notes == {f"{t}-{i}" for t in "ab" for i in range(150)}


def test_kill_9_never_loses_an_acknowledged_write(db_path, tmp_path):
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    acknowledged: set[str] = set()
    for round_ in range(12):
        proc = subprocess.Popen([sys.executable, str(script), str(db_path), str(aid),
                                 f"r{round_}", "100000"], stdout=subprocess.PIPE, text=True)
        # the kill comes a while after the first acknowledged write, not after the start:
        # a loaded machine may take seconds to start the writer, and then nothing was
        # written before the kill (the test read 14 writes, not over 20, under load)
        first = proc.stdout.readline()
        assert first, "the writer wrote nothing"
        acknowledged.add(f"r{round_}-{first.split()[0]}")
        deadline = time.monotonic() + 0.1 + 0.05 * round_
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line:
                acknowledged.add(f"r{round_}-{line.split()[0]}")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Store(db_path) as store:  # must open cleanly after every kill
            notes = {a.note for a in store.annotations(aid)}
        assert acknowledged <= notes
    assert len(acknowledged) > 20


def test_failed_write_is_one_line_and_changes_nothing(db_path, monkeypatch):
    import briefing.storage as storage

    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
        before = db_path.read_bytes()

        def full_disk(path, payload):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(storage, "atomic_write", full_disk)
        with pytest.raises(BriefingError, match="No space left"):
            store.add_annotation(aid, 0, 3)
        monkeypatch.undo()
        assert db_path.read_bytes() == before
        assert store.annotations(aid) == []  # memory was not left ahead of the disk
        store.add_annotation(aid, 0, 3)
        assert len(store.annotations(aid)) == 1


def test_raw_tables_bulk_load_is_one_write_visible_to_the_api(db_path):
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
        with store.raw_tables() as tables:
            tables["notes"] = {"7": {"article_id": aid, "note": "bulk", "created": "",
                                     "updated": ""}}
        assert [n.note for n in store.notes(aid)] == ["bulk"]
    with Store(db_path) as again:
        assert [n.id for n in again.notes(aid)] == [7]


def table_files(db_path) -> dict[str, int]:
    """{file name: mtime} of the database's table files."""
    folder = db_path.with_name(db_path.name + ".d")
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_adding_a_highlight_writes_only_its_article_table(db_path):
    with Store(db_path) as store:
        first = store.add_article(title="A", text=TEXT)
        second = store.add_article(title="B", text=TEXT + " More.")
        store.add_annotation(second, 0, 3)
        before = table_files(db_path)
        store.add_annotation(first, 0, 3, note="new")
        after = table_files(db_path)
    added, removed = set(after) - set(before), set(before) - set(after)
    assert [name.split(".")[:2] for name in added] == [["annotations", str(first)]]
    assert not removed or all(name.startswith(f"annotations.{first}.") for name in removed)
    # Every other table is the same file, untouched.
    assert all(after[name] == before[name] for name in set(before) & set(after))
    with Store(db_path) as store:
        assert [a.note for a in store.annotations(first)] == ["new"]
        assert len(store.annotations(second)) == 1


def test_single_file_database_and_backups_open_as_databases(db_path, monkeypatch):
    import briefing.store as store_module

    monkeypatch.setattr(store_module, "BACKUP_EVERY_SECONDS", -1)
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
        store.add_annotation(aid, 0, 3, note="kept")
    with Store(db_path) as store:
        backup = store.newest_backup()
    # A backup is one self-contained file; put back in place of the database it opens as
    # one, and the next write turns it into a manifest and table files again.
    db_path.write_bytes(backup.read_bytes())
    with Store(db_path) as store:
        assert [a.note for a in store.annotations(aid)] == ["kept"]
        store.add_annotation(aid, 4, 8, note="more")
    assert "briefing-tables" in json.loads(db_path.read_text())
    with Store(db_path) as store:
        assert sorted(a.note for a in store.annotations(aid)) == ["kept", "more"]


def test_files_left_by_a_crashed_write_are_swept(db_path):
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
        stray = db_path.with_name(db_path.name + ".d") / f"annotations.{aid}.0123456789ab.json"
        stray.write_text('{"1": {"note": "never committed"}}')
        store.add_annotation(aid, 0, 3)
        assert not stray.exists()
        assert [a.note for a in store.annotations(aid)] == [""]


def test_missing_table_file_is_one_line_and_names_it(db_path):
    with Store(db_path) as store:
        store.add_article(title="A", text=TEXT)
    manifest = json.loads(db_path.read_text())
    lost = db_path.with_name(db_path.name + ".d") / manifest["tables"]["articles.0"]
    lost.unlink()
    with pytest.raises(BriefingError) as info:
        Store(db_path)
    message = str(info.value)
    assert lost.name in message and "backup" in message and "\n" not in message


def test_reader_that_finds_a_table_file_swept_reads_the_newer_manifest(db_path):
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
        store.add_annotation(aid, 0, 3, note="old")
    stale_manifest = db_path.read_bytes()
    with Store(db_path) as writer:  # another process commits, sweeping the replaced file
        writer.add_annotation(aid, 4, 8, note="fresh")
    reader = AtomicJSONStorage(db_path)
    with pytest.raises(Exception, match=f"annotations.{aid}") as info:
        reader._load(stale_manifest)
    assert info.type.__name__ == "_TableFileGone"

    class RacingReader(AtomicJSONStorage):
        """Reads the manifest just before the other process committed."""
        stale = [stale_manifest]

        def _load(self, raw):
            return super()._load(self.stale.pop() if self.stale else raw)

    racing = RacingReader(db_path)
    notes = [doc["note"] for doc in racing.read()[f"annotations.{aid}"].values()]
    assert sorted(notes) == ["fresh", "old"] and not RacingReader.stale


def test_schema_1_analyses_are_split_per_text_on_open(db_path):
    # A schema-1 database: every analysis in one table.
    digest_a, digest_b = "a" * 64, "b" * 64
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text(json.dumps({
        "_meta": {"1": {"schema": 1, "created": ""}},
        "analyses": {
            "1": {"key": f"{digest_a}:en_core_web_sm:v1", "result": {"actors": ["A"]}},
            "2": {"key": f"{digest_b}:en_core_web_sm:v1", "result": {"actors": ["B"]}},
        },
    }))
    with Store(db_path) as store:
        assert store.cached_analysis(f"{digest_a}:en_core_web_sm:v1") == {"actors": ["A"]}
        assert store.analyses_by_hash() == {digest_a: {"actors": ["A"]},
                                           digest_b: {"actors": ["B"]}}
        assert store.newest_backup() is not None  # taken before migrating
    tables = tables_on_disk(db_path)
    assert tables["_meta"]["1"]["schema"] == SCHEMA_VERSION and "analyses" not in tables
    assert set(tables) >= {f"analyses.{digest_a}", f"analyses.{digest_b}"}


def test_saving_an_analysis_writes_only_that_texts_table(db_path):
    with Store(db_path) as store:
        store.save_analysis(f"{'a' * 64}:m:v1", {"actors": ["A"]})
        before = table_files(db_path)
        store.save_analysis(f"{'b' * 64}:m:v1", {"actors": ["B"]})
        after = table_files(db_path)
        assert [name.split(".")[:2] for name in set(after) - set(before)] == [
            ["analyses", "b" * 64]]
        assert store.analysis_for_hash("a" * 64) == {"actors": ["A"]}
        assert store.analysed_hashes() == {"a" * 64, "b" * 64}


# -- texts in their own files (schema 3) -------------------------------------------------
def text_files(db_path) -> dict[str, int]:
    """{file name: mtime} of the stored texts."""
    folder = db_path.with_name(db_path.name + ".d") / "texts"
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_adding_an_article_writes_its_own_text_and_no_other(db_path):
    with Store(db_path) as store:
        for i in range(3):
            store.add_article(title=f"A{i}", text=f"{TEXT} {i}")
        before, tables_before = text_files(db_path), table_files(db_path)
        new = store.add_article(title="New", text=f"{TEXT} new")
        after, tables_after = text_files(db_path), table_files(db_path)
        digest = store.article(new)["hash"]
    assert set(after) - set(before) == {f"{digest}.txt"}
    assert all(after[name] == before[name] for name in before)  # no other text rewritten
    # The articles table holds metadata only: no text in any table file.
    folder = db_path.with_name(db_path.name + ".d")
    changed = set(tables_after) - set(tables_before)
    assert all(TEXT not in (folder / name).read_text() for name in tables_after if name in changed)
    assert {n.split(".")[0] for n in changed} == {"articles"}
    with Store(db_path) as store:
        assert store.article(new)["text"] == f"{TEXT} new"
        assert store.article(new)["characters"] == len(f"{TEXT} new")


def test_a_batch_commits_once_and_nothing_if_it_fails(db_path):
    with Store(db_path) as store:
        store.add_article(title="A", text=TEXT)
        manifest_writes = []
        real_write = store._storage.write
        store._storage.write = lambda *a, **k: (manifest_writes.append(1), real_write(*a, **k))
        with store.batch():
            ids = [store.add_article(title=f"B{i}", text=f"{TEXT} {i}") for i in range(20)]
            assert store.article(ids[-1])["title"] == "B19"  # visible inside the batch
            on_disk = tables_on_disk(db_path)  # read as another process would, lock-free
            assert [list(t) for n, t in on_disk.items() if n.startswith("articles.")] == [["1"]]
        assert len(manifest_writes) == 20 + 1  # 20 deferred calls, one real commit
        with pytest.raises(RuntimeError), store.batch():
            store.add_article(title="C", text=f"{TEXT} never")
            raise RuntimeError("interrupted")
        assert len(store.articles()) == 21
    with Store(db_path) as store:
        assert [a.title for a in store.articles()] == ["A"] + [f"B{i}" for i in range(20)]


def test_deleting_an_article_removes_its_text_file_after_the_commit(db_path):
    with Store(db_path) as store:
        keep = store.add_article(title="A", text=TEXT)
        gone = store.add_article(title="B", text=f"{TEXT} gone")
        store.replace_article_text(gone, f"{TEXT} gone, version 2")
        digests = {store.article(gone)["hash"], store.article(gone)["revisions"][0]["hash"]}
        store.delete_article(gone)
        assert set(text_files(db_path)) == {f"{store.article(keep)['hash']}.txt"}
    assert not digests & {name[:-4] for name in text_files(db_path)}


def test_schema_2_database_moves_texts_to_files_on_open(db_path):
    # A schema-2 database: one articles table with every text (and revision) inline.
    from briefing.ingest import text_hash

    old_text, new_text = "The first version. It said one thing.", TEXT
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text(json.dumps({
        "_meta": {"1": {"schema": 2, "created": ""}},
        "articles": {
            "1": {"title": "A", "text": new_text, "hash": text_hash(new_text),
                  "revisions": [{"text": old_text, "hash": text_hash(old_text),
                                 "replaced": ""}], "imported": "", "url": "https://x.test/a"},
            "2": {"title": "B", "text": "Second.", "hash": text_hash("Second."),
                  "revisions": [], "imported": ""},
        },
        "annotations.1": {"1": {"article_id": 1, "start": 4, "end": 12, "note": "n"}},
    }))
    with Store(db_path) as store:
        assert store.newest_backup() is not None  # taken before migrating
        first = store.article(1)
        assert first["text"] == new_text and first["revisions"][0]["text"] == old_text
        assert first["characters"] == len(new_text)
        assert store.find_article_by_url("https://x.test/a").id == 1
        assert [a.note for a in store.annotations(1)] == ["n"]
        assert store.add_article(title="C", text="Third.") == 3
    tables = tables_on_disk(db_path)
    assert tables["_meta"]["1"]["schema"] == SCHEMA_VERSION and "articles" not in tables
    assert "text" not in json.dumps(tables["articles.0"])
    assert len(text_files(db_path)) == 4
    with Store(db_path) as store:
        assert store.article(2)["text"] == "Second."


def test_kill_9_during_bulk_imports_leaves_the_last_commit_whole(db_path, tmp_path):
    script = tmp_path / "importer.py"
    script.write_text(
        "import sys\nfrom briefing.store import Store\n"
        "with Store(sys.argv[1]) as store:\n"
        "    for batch in range(100000):\n"
        "        with store.batch():\n"
        "            for i in range(5):\n"
        "                title = f'{sys.argv[2]}-{batch}-{i}'\n"
        "                store.add_article(title=title, text=f'Text {title}. ' * 50)\n"
        "        print(batch, flush=True)\n")
    acknowledged = 0
    for round_ in range(6):
        proc = subprocess.Popen([sys.executable, str(script), str(db_path), str(round_)],
                                stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 0.3 + 0.1 * round_
        while time.monotonic() < deadline:
            if proc.stdout.readline():
                acknowledged += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Store(db_path) as store:  # opens cleanly; every article's text is readable
            articles = store.articles()
            assert all(a["text"] == f"Text {a.title}. " * 50 for a in articles)
            assert len(articles) % 5 == 0 and len(articles) >= 5 * acknowledged
    assert acknowledged > 3


def test_a_missing_text_file_is_one_line_naming_it_and_the_backup(db_path):
    with Store(db_path) as store:
        aid = store.add_article(title="A", text=TEXT)
        digest = store.article(aid)["hash"]
    (db_path.with_name(db_path.name + ".d") / "texts" / f"{digest}.txt").unlink()
    with Store(db_path) as store:
        assert [a.title for a in store.articles()] == ["A"]  # the list needs no text
        with pytest.raises(BriefingError) as info:
            store.article(aid)
    message = str(info.value)
    assert f"{digest}.txt is missing" in message and "backup" in message and "\n" not in message


def test_texts_of_an_import_that_never_committed_are_swept_with_the_hourly_backup(
        db_path, monkeypatch):
    import briefing.store as store_module

    with Store(db_path) as store:
        kept = store.article(store.add_article(title="A", text=TEXT))["hash"]
        with pytest.raises(KeyboardInterrupt), store.batch():
            store.add_article(title="B", text=f"{TEXT} never committed")
            raise KeyboardInterrupt
    texts = db_path.with_name(db_path.name + ".d") / "texts"
    (texts / f".{'c' * 64}.123.tmp").write_text("half a text")
    assert len(list(texts.iterdir())) == 3
    with Store(db_path):
        assert len(list(texts.iterdir())) == 3  # no backup due: nothing swept
    monkeypatch.setattr(store_module, "BACKUP_EVERY_SECONDS", -1)
    with Store(db_path) as store:
        assert [p.name for p in texts.iterdir()] == [f"{kept}.txt"]
        assert store.article(1)["text"] == TEXT


def test_a_damaged_record_is_named_in_one_line(db_path, capsys):
    """A highlight edited by hand into something unreadable: the error says which record,
    not a bare ValueError."""
    import json

    from briefing.cli import main

    with Store(db_path) as store:
        article_id = store.add_article("Talks", "Officials said the talks would resume. " * 3)
        store.add_annotation(article_id, 0, 9, note="first")
    table = next(db_path.parent.glob(f"{db_path.name}.d/annotations.*.json"))
    data = json.loads(table.read_text())
    record = data["1"]
    record["color"] = "x"
    table.write_text(json.dumps(data))
    assert main(["--db", str(db_path), "export", str(article_id), "-o",
                 str(db_path.parent / "out.md")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing: the stored highlight 1 is damaged (")
    assert err.count("\n") == 1


def test_the_grades_read_by_article_follow_every_write_here_and_in_another_session(db_path):
    """The grades are indexed once per change of their table (a linear export --all): a
    write here or by another session's Store is seen at once."""
    from briefing.grades import claim_key, set_grade, source_key

    with Store(db_path) as store, Store(db_path) as other:
        aid = store.add_article("T", "Officials said the cable was cut.")
        key = claim_key(aid, {"start": 0, "end": 9})
        set_grade(store, key, "2")
        assert [(r.key, r.value) for r in store.grade_rows(aid)] == [(key, "2")]
        set_grade(other, key, "5")
        set_grade(other, source_key("Officials"), "C", speaker="Officials", article_id=aid)
        assert [(r.key, r.value) for r in store.grade_rows(aid)] == [(key, "5")]
        assert [r.value for r in store.reliabilities_given_in(aid)] == ["C"]
        assert store.grades() == {key: "5", source_key("Officials"): "C"}
        assert store.grade_rows(aid + 1) == []
