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


def test_soft_line_breaks_inside_a_paragraph_are_joined(tmp_path):
    # Hard wraps at an editor's column, and one clause per line ("semantic line breaks").
    text = body(tmp_path, "The council met on Monday to discuss the budget for the\n"
                          "coming year. Members agreed to delay the vote until\n"
                          "March.\n\nThe mayor said\nthe delay was regrettable\nbut needed.\n")
    assert text == ("The council met on Monday to discuss the budget for the coming year. "
                    "Members agreed to delay the vote until March.\n\n"
                    "The mayor said the delay was regrettable but needed.")


def test_nested_lists_are_bulleted_lines_indented_by_level(tmp_path):
    text = body(tmp_path, "Measures:\n\n-   first measure\n    -   detail one\n"
                          "    -   detail two\n-   second measure\n\n1. one\n2. two\n")
    assert text == ("Measures:\n\n• first measure\n  • detail one\n  • detail two\n"
                    "• second measure\n\n1. one\n2. two")


def test_backslash_escapes_and_entities_are_resolved(tmp_path):
    text = body(tmp_path, "Prices rose \\*sharply\\* in Q1 \\[est.\\] &amp; fell &mdash; "
                          "again &#8211; in &quot;Q2&quot;.\n\n\\###\n")
    assert text == "Prices rose *sharply* in Q1 [est.] & fell — again – in \"Q2\"."


def test_emphasis_markers_go_also_inside_words_but_snake_case_stays(tmp_path):
    text = body(tmp_path, "An un**believ**able, *very* __firm__ and _quiet_ re*con*sideration "
                          "of rule_of_law.\n")
    assert text == "An unbelievable, very firm and quiet reconsideration of rule_of_law."


def test_headings_and_block_quotes_are_their_own_paragraphs(tmp_path):
    text = body(tmp_path, "Intro line.\n## Background\nThe talks began in May.\n\n"
                          "> \"We will return,\" she said.\n> \"Soon.\"\n>\n> Second quoted.\n")
    assert text.split("\n\n") == ["Intro line.", "Background", "The talks began in May.",
                                  "\"We will return,\" she said. \"Soon.\"", "Second quoted."]


def test_tables_read_as_aligned_rows(tmp_path):
    text = body(tmp_path, "| Region | Tonnes |\n|:--|--:|\n| North | 1,200 |\n"
                          "| South **coast** | 300 |\n")
    assert text.split("\n") == ["Region       Tonnes", "North         1,200",
                                "South coast     300"]


def test_code_keeps_its_lines_without_fences(tmp_path):
    text = body(tmp_path, "Run `update --all` first.\n\n```sh\nstep one\n  step two\n```\n")
    assert text == "Run update --all first.\n\nstep one\n  step two"


def test_html_and_images_leave_their_words_only(tmp_path):
    text = body(tmp_path, "<!-- draft -->\n<div align=\"center\">Issued <b>today</b></div>\n\n"
                          "Seen ![a photo](p.jpg) at <span>noon</span>.\n")
    assert text == "Issued today\n\nSeen at noon."


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


def test_markdown_in_a_txt_file_or_on_stdin_is_rendered(tmp_path, monkeypatch):
    content = ("## Relief announced\n\nThe [department](https://example.gov) said **on "
               "Tuesday** that aid would follow.\n")
    path = tmp_path / "pasted.txt"
    path.write_text(content)
    assert load(path).text == "The department said on Tuesday that aid would follow."
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


def test_front_matter_author_list_and_the_author_reach_both_exports(tmp_path):
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
        store.update_article(article_id, author="Anna Berg and Lars Eide")
        [item] = json.loads(export_article_text(store, article_id, "json"))["items"]
        assert item["target"]["source"]["id"] == "https://portwatch.org/a"
        assert item["target"]["source"]["creator"] == [
            {"type": "Person", "name": "Anna Berg"}, {"type": "Person", "name": "Lars Eide"}]
    finally:
        store.close()
