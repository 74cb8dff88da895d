"""Reopening a file shows the cleaned text kept from last time, never a stale or foreign one."""

from __future__ import annotations

import json
import os

import pytest

from briefing import opened_files
from briefing.errors import BriefingError
from briefing.ingest import load
from tests.conftest import DATA

PAGE = (DATA / "baltic-cable-damage.md").read_text(encoding="utf-8")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(PAGE, encoding="utf-8")
    return path


def entry_file(path) -> os.PathLike:
    return opened_files._entry_path(path.resolve())


def test_second_open_of_an_unchanged_file_comes_from_the_cache(article):
    first = opened_files.open_file(str(article))
    assert not first.from_cache
    first.remember()
    second = opened_files.open_file(str(article))
    assert second.from_cache
    assert second.document == load(article)  # exactly what ingesting gives


def test_a_changed_file_is_ingested_again(article):
    opened_files.open_file(str(article)).remember()
    article.write_text(PAGE.replace("Finnish", "Swedish"), encoding="utf-8")
    again = opened_files.open_file(str(article))
    assert not again.from_cache and "Swedish" in again.document.text


def test_changed_ingest_code_ingests_again(article, monkeypatch):
    opened_files.open_file(str(article)).remember()
    monkeypatch.setattr(opened_files, "ingest_fingerprint", lambda: "another version")
    assert not opened_files.open_file(str(article)).from_cache


@pytest.mark.parametrize("tamper", [
    lambda e: {**e, "text": e["text"] + "\x1b]8;;http://x\x07link\x1b]8;;\x07"},
    lambda e: {**e, "title": "\u202eevil"},
    lambda e: {**e, "path": "/somewhere/else.md"},
    lambda e: {**e, "text": 42},
])
def test_an_entry_briefing_did_not_write_is_ignored(article, tamper):
    opened_files.open_file(str(article)).remember()
    entry = json.loads(entry_file(article).read_text(encoding="utf-8"))
    entry_file(article).write_text(json.dumps(tamper(entry)), encoding="utf-8")
    again = opened_files.open_file(str(article))
    assert not again.from_cache and again.document == load(article)


def test_unreadable_cache_entry_is_ignored(article):
    opened_files.open_file(str(article)).remember()
    entry_file(article).write_bytes(b"\x00 not json")
    assert not opened_files.open_file(str(article)).from_cache


def test_missing_file_fails_as_ingest_does(tmp_path):
    with pytest.raises(BriefingError, match="nope.md"):
        opened_files.open_file(str(tmp_path / "nope.md"))


def test_the_cache_keeps_a_bounded_number_of_files(tmp_path, monkeypatch):
    monkeypatch.setattr(opened_files, "KEPT", 3)
    for i in range(5):
        path = tmp_path / f"a{i}.md"
        path.write_text(PAGE.replace("Finnish", f"Finnish{i}"), encoding="utf-8")
        opened_files.open_file(str(path)).remember()
    assert len(list(opened_files._folder().glob("*.json"))) == 3
