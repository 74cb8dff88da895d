"""Markdown files become the prose a reader reads; metadata comes from what the file says."""

from __future__ import annotations

import io
import json
import sys

import pytest
import yaml

from briefing.export import export_article_text
from briefing.ingest import load
from briefing.store import Store


def md(tmp_path, content: str, name: str = "release.md"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return load(path)


def body(tmp_path, content: str):
    """The text of a Markdown file whose title is given, so every line is body."""
    return md(tmp_path, "---\ntitle: Test\n---\n\n" + content).text


def test_link_text_wrapping_across_lines_is_rejoined_and_the_url_kept_aside(tmp_path):
    doc = md(tmp_path, "---\ntitle: T\n---\n\nThe minister secured the release of [six foreign\n"
                       "sailors](https://example.gov/news/sailors-released) on Friday.\n")
    assert doc.text == "The minister secured the release of six foreign sailors on Friday."
    assert doc.meta["links"] == [{"text": "six foreign sailors",
                                  "url": "https://example.gov/news/sailors-released"}]


RENDERED = {
    # Hard wraps at an editor's column, and one clause per line ("semantic line breaks").
    "soft line breaks joined": (
        "The council met on Monday to discuss the budget for the\ncoming year. Members "
        "agreed to delay the vote until\nMarch.\n\nThe mayor said\nthe delay was "
        "regrettable\nbut needed.\n",
        "The council met on Monday to discuss the budget for the coming year. Members agreed "
        "to delay the vote until March.\n\nThe mayor said the delay was regrettable but "
        "needed."),
    "nested lists as bulleted lines": (
        "Measures:\n\n-   first measure\n    -   detail one\n    -   detail two\n"
        "-   second measure\n\n1. one\n2. two\n",
        "Measures:\n\n• first measure\n  • detail one\n  • detail two\n• second measure"
        "\n\n1. one\n2. two"),
    "escapes and entities resolved": (
        "Prices rose \\*sharply\\* in Q1 \\[est.\\] &amp; fell &mdash; again &#8211; in "
        "&quot;Q2&quot;.\n\n\\###\n",
        "Prices rose *sharply* in Q1 [est.] & fell — again – in \"Q2\"."),
    "emphasis gone, also inside words; snake_case stays": (
        "An un**believ**able, *very* __firm__ and _quiet_ re*con*sideration of rule_of_law.\n",
        "An unbelievable, very firm and quiet reconsideration of rule_of_law."),
    "headings and quotes are paragraphs": (
        "Intro line.\n## Background\nThe talks began in May.\n\n> \"We will return,\" she "
        "said.\n> \"Soon.\"\n>\n> Second quoted.\n",
        "Intro line.\n\nBackground\n\nThe talks began in May.\n\n\"We will return,\" she "
        "said. \"Soon.\"\n\nSecond quoted."),
    "tables as rows of separated cells": (
        "| Region | Tonnes | Note |\n|:--|--:|---|\n| North | 1,200 | |\n"
        "| South **coast** | 300 | `est.` |\n",
        "Region · Tonnes · Note\nNorth · 1,200\nSouth coast · 300 · est."),
    "code keeps its lines, no fences": (
        "Run `update --all` first.\n\n```sh\nstep one\n  step two\n```\n",
        "Run update --all first.\n\nstep one\n  step two"),
    "HTML and images leave their words only": (
        "<!-- draft -->\n<div align=\"center\">Issued <b>today</b></div>\n\n"
        "Seen ![a photo](p.jpg) at <span>noon</span>.\n",
        "Issued today\n\nSeen at noon."),
}


@pytest.mark.parametrize("source, expected", RENDERED.values(), ids=RENDERED.keys())
def test_markdown_renders_to_prose(tmp_path, source, expected):
    assert body(tmp_path, source) == expected


def test_a_leading_heading_is_the_title_and_is_not_repeated(tmp_path):
    doc = md(tmp_path, "# Ministry *Opens* Two Field Offices\n\nThe ministry said.\n")
    assert (doc.title, doc.text) == ("Ministry Opens Two Field Offices", "The ministry said.")
    doc = md(tmp_path, "---\ntitle: Field Offices Open\n---\n\n# Field Offices Open\n\nText.\n")
    assert (doc.title, doc.text) == ("Field Offices Open", "Text.")


RELEASE = """\
---
title: Department Announces Winter Storm Relief
---

**WASHINGTON** -- The Department of Coastal Affairs announced on Tuesday a
relief package for [families in forty
counties](https://example.gov/relief) hit by the storm, the largest since
2019.

-   The package includes grants of up to $5,000 per household and
    low-interest loans for small businesses.
-   Applications open on **March 3** at local offices.

\\###
"""


def test_a_hard_wrapped_release_has_no_markdown_left_and_no_broken_sentence(tmp_path):
    doc = md(tmp_path, RELEASE)
    assert doc.text == (
        "WASHINGTON -- The Department of Coastal Affairs announced on Tuesday a relief "
        "package for families in forty counties hit by the storm, the largest since 2019.\n\n"
        "• The package includes grants of up to $5,000 per household and low-interest loans "
        "for small businesses.\n• Applications open on March 3 at local offices.")


WIRE = """\
The minister said on Tuesday that the government would review the
agreement with its neighbours before the end of the year, adding that
- as officials put it - recent talks had been constructive so far.

Officials listed the following measures taken by the ministry this week
- first measure affecting the export of components to third countries
- second measure affecting the licensing of related software and tools
"""


def test_plain_text_wire_copy_is_not_treated_as_markdown(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Review of the agreement\n\n" + WIRE)
    text = load(path).text
    # Its lines keep their dashes (no bullets, no joining as a Markdown paragraph would).
    assert text.count("\n- ") == 3 and "•" not in text
    assert "the licensing of related software and tools" in text.split("\n")[-1]


BOXED = """\
Notice to mariners

****************************************************************
*  Covered vessels must report their position every hour,     *
*  day and night, while inside the exclusion zone.             *
****************************************************************

The **zone** is marked on the chart.
"""


def test_a_box_drawn_in_asterisks_is_not_taken_for_markdown(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(BOXED)
    text = load(path).text
    # Rendered as Markdown, the rows would be bullets and the rules gone.
    assert "*  Covered vessels must report" in text and "•" not in text
    assert text.startswith("*" * 64) and "The **zone** is marked" in text


def test_markdown_in_a_txt_file_or_on_stdin_is_rendered(tmp_path, monkeypatch):
    content = ("## Relief announced\n\nThe [department](https://example.gov) said **on "
               "Tuesday** that aid would follow.\n")
    path = tmp_path / "pasted.txt"
    path.write_text("---\nsource: Desk\n---\n" + content)
    doc = load(path)
    assert (doc.title, doc.text, doc.meta["source"]) == (
        "Relief announced", "The department said on Tuesday that aid would follow.", "Desk")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content.encode())))
    assert load("-").title == "Relief announced"


# -- metadata -----------------------------------------------------------------------------

def test_source_url_gives_the_source_when_none_is_named(tmp_path):
    doc = md(tmp_path, "---\ntitle: Dock strike ends\nsource_url: https://www.portwatch.org/"
                       "2025/strike\n---\n\nText.\n")
    assert (doc.meta["url"], doc.meta["source"]) == ("https://www.portwatch.org/2025/strike",
                                                    "portwatch.org")
    doc = md(tmp_path, "---\ntitle: Dock strike ends\ncanonical: https://news.example.net/a\n"
                       "source: Port Desk\n---\n\nText.\n")
    assert (doc.meta["url"], doc.meta["source"]) == ("https://news.example.net/a", "Port Desk")


def test_the_site_name_is_cut_from_the_title_and_becomes_the_source(tmp_path):
    # The suffix names the site of the URL: cut even though "News" is no part of the domain.
    doc = md(tmp_path, "---\ntitle: Ferry service resumes - Isle Gazette News\n"
                       "url: https://isle-gazette.com/ferry\n---\n\nText.\n")
    assert (doc.title, doc.meta["source"]) == ("Ferry service resumes", "Isle Gazette News")
    # A site's tag line of several parts goes whole; the site is its longest part.
    doc = md(tmp_path, "---\ntitle: Ferry service resumes | Island Post News | Travel | "
                       "Property\n---\n\nText.\n")
    assert (doc.title, doc.meta["source"]) == ("Ferry service resumes", "Island Post News")


@pytest.mark.parametrize("title, known, expected", [
    ("Russia - Ukraine Talks Resume", (), ("Russia - Ukraine Talks Resume", "")),
    ("Ports reopen after strike | Harbour Times", (), ("Ports reopen after strike",
                                                       "Harbour Times")),
    ("Talks resume - Press Review: day two", (), ("Talks resume - Press Review: day two", "")),
    # The end of a headline, not a site: sentence punctuation.
    ("Ministers agree on the budget – Not Yet, Say Unions!", (),
     ("Ministers agree on the budget – Not Yet, Say Unions!", "")),
    ("Harbour strike ends after nine weeks — Finally.", (),
     ("Harbour strike ends after nine weeks — Finally.", "")),
    ("Elections - what comes next - Bay Herald", ("bayherald.com",),
     ("Elections - what comes next", "Bay Herald")),
])
def test_split_site(title, known, expected):
    from briefing.ingest.metadata import split_site

    assert split_site(title, known) == expected


def test_a_named_source_is_kept_when_the_title_carries_another_site(tmp_path):
    doc = md(tmp_path, "---\ntitle: Ferry service resumes | Island Post\nsource: Desk Notes\n"
                       "---\n\nText.\n")
    assert (doc.title, doc.meta["source"]) == ("Ferry service resumes", "Desk Notes")


def test_stdin_title_comes_from_its_first_line(monkeypatch):
    text = ("The ministry said on Monday that the corridor would reopen after inspections by "
            "the army were complete. Aid groups objected.\n\nMore text.")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    doc = load("-")
    assert doc.title == (
        "The ministry said on Monday that the corridor would reopen after inspections…")
    assert doc.text.startswith("The ministry said on Monday")


def test_front_matter_author_list_reaches_the_markdown_export(tmp_path):
    doc = md(tmp_path, "---\ntitle: Dock strike ends\nauthors: [Anna Berg, Lars Eide]\n"
                       "url: https://portwatch.org/a\n---\n\nThe strike ended.\n")
    assert doc.meta["author"] == "Anna Berg, Lars Eide"
    store = Store(tmp_path / "db.json")
    try:
        article_id = store.add_article(title=doc.title, text=doc.text, **doc.meta)
        exported = export_article_text(store, article_id)
        front = yaml.safe_load(exported.split("---\n")[1])
        assert front["author"] == "Anna Berg, Lars Eide"
        store.add_annotation(article_id, 4, 10)
        [item] = json.loads(export_article_text(store, article_id, "json"))["items"]
        assert item["target"]["source"] == "https://portwatch.org/a"
    finally:
        store.close()
