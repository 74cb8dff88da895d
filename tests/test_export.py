from __future__ import annotations

import json

import pytest
import yaml
from markdown_it import MarkdownIt

from briefing.errors import BriefingError
from briefing.export import export_articles
from briefing.export.markdown import BEGIN, END
from briefing.export.paths import slug
from briefing.store import Store

HOSTILE_TEXT = (
    "# Not a heading\n\n"
    "> not a quote\n\n"
    "- not a list\n"
    "1. not a numbered list\n\n"
    "<script>alert(1)</script> and <b>bold</b>\n\n"
    "```\nnot a fence\n```\n\n"
    "[ref]: http://evil.example/\n\n"
    "A [link](http://evil.example) and ![img](http://evil.example/x.png) #hashtag\n\n"
    "Setext underline\n===\n\n"
    "    indented code\n\n"
    "Ordinary closing sentence."
)


def md():
    return MarkdownIt("commonmark")


def build(db_path, title="A title", text=HOSTILE_TEXT, note="# note heading\n<i>x</i>\n[r]: /x"):
    store = Store(db_path)
    aid = store.add_article(title=title, text=text, source="Wire", url="https://e.org/a",
                            published="2024-07-07")
    store.add_annotation(aid, 0, len(text), note=note, color=2, tags=["tag1"])
    store.add_annotation(aid, text.index("Ordinary"), len(text), note="plain")
    store.add_note(aid, "## article note heading?\nsecond line")
    return store, aid


def tokens_outside_quotes(tokens):
    depth = 0
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth == 0:
            yield token


def test_front_matter_is_yaml_with_metadata(db_path, tmp_path):
    store, aid = build(db_path, title='Title: with "quotes"\nand newline')
    [path] = export_articles(store, [aid], tmp_path / "out")
    text = path.read_text()
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == 'Title: with "quotes" and newline'
    assert front["source"] == "Wire" and front["url"] == "https://e.org/a"
    assert front["published"] == "2024-07-07" and front["highlights"] == 2
    assert front["tags"] == ["tag1"] and front["briefing_id"] == aid


def test_hostile_quotes_and_notes_stay_inert(db_path, tmp_path):
    store, aid = build(db_path)
    [path] = export_articles(store, [aid], tmp_path / "out")
    body = path.read_text().split("---\n", 2)[2]
    tokens = md().parse(body)
    headings = [t for t in tokens if t.type == "heading_open"]
    heading_texts = [tokens[i + 1].content for i, t in enumerate(tokens)
                     if t.type == "heading_open"]
    assert heading_texts == ["A title", "Highlights", "Article notes"]
    assert len(headings) == 3
    kinds = {t.type for t in tokens}
    inline_kinds = {c.type for t in tokens if t.children for c in t.children}
    html = [t.content.strip() for t in tokens if t.type == "html_block"]
    assert html == [BEGIN, END]  # only Briefing's own region markers
    assert "html_inline" not in inline_kinds
    assert "fence" not in kinds and "code_block" not in kinds
    assert "link_open" not in inline_kinds and "image" not in inline_kinds
    env: dict = {}
    md().parse(body, env)
    assert not env.get("references")  # no link definition survived


def test_every_highlight_line_is_inside_its_blockquote(db_path, tmp_path):
    store, aid = build(db_path)
    [path] = export_articles(store, [aid], tmp_path / "out")
    body = path.read_text().split("---\n", 2)[2]
    tokens = md().parse(body)
    quoted = []
    depth = 0
    for token in tokens:
        depth += token.type == "blockquote_open"
        depth -= token.type == "blockquote_close"
        if depth and token.type == "inline":
            quoted.append(token.content)
    joined = "\n".join(quoted)
    for phrase in ("Not a heading", "not a list", "not a fence", "indented code",
                   "Ordinary closing sentence."):
        assert phrase in joined
    for token in tokens_outside_quotes(tokens):
        assert "not a fence" not in (token.content or "")


def test_block_ids_and_locators(db_path, tmp_path):
    store, aid = build(db_path)
    [path] = export_articles(store, [aid], tmp_path / "out")
    text = path.read_text()
    assert text.count(" ^hl-") == 2
    assert f"`briefing:{aid}/1`" in text


def test_reexport_keeps_user_edits_outside_region(db_path, tmp_path):
    store, aid = build(db_path)
    [path] = export_articles(store, [aid], tmp_path / "out")
    original = path.read_text()
    edited = original.replace(BEGIN, "My own intro paragraph.\n\n" + BEGIN)
    edited += "\n## My analysis\n\nKeep this.\n"
    edited = edited.replace("# A title", "# A title EDITED INSIDE")  # inside: replaced
    path.write_text(edited)
    store.add_annotation(aid, 2, 10, note="new one")
    [again] = export_articles(store, [aid], tmp_path / "out")
    text = again.read_text()
    assert "My own intro paragraph." in text and "## My analysis\n\nKeep this." in text
    assert "EDITED INSIDE" not in text and "new one" in text
    assert text.count(BEGIN) == 1 and text.count(END) == 1


def test_existing_file_without_region_is_refused_without_force(db_path, tmp_path):
    store, aid = build(db_path)
    [path] = export_articles(store, [aid], tmp_path / "out")
    path.write_text("my own file\n")
    with pytest.raises(BriefingError, match="--force"):
        export_articles(store, [aid], tmp_path / "out")
    assert path.read_text() == "my own file\n"
    export_articles(store, [aid], tmp_path / "out", force=True)
    assert BEGIN in path.read_text()


@pytest.mark.parametrize("title", ["../../etc/passwd", "/abs/path", "..", ".hidden",
                                   "-rf", "CON", "a/b\\c", "x" * 400, "é" * 200, ""])
def test_hostile_titles_stay_inside_the_folder(db_path, tmp_path, title):
    store = Store(db_path)
    aid = store.add_article(title=title or "t", text=f"Body for {title!r}.")
    out = tmp_path / "out"
    [path] = export_articles(store, [aid], out)
    assert path.parent == out.resolve()
    assert len(path.name.encode()) <= 120
    assert not path.name.startswith((".", "-"))


def test_slug_is_nfc():
    assert slug("cafe\u0301") == "caf\u00e9"


def test_symlink_is_not_written_through(db_path, tmp_path):
    store, aid = build(db_path)
    out = tmp_path / "out"
    [path] = export_articles(store, [aid], out)
    target = tmp_path / "victim.txt"
    target.write_text("precious")
    path.unlink()
    path.symlink_to(target)
    with pytest.raises(BriefingError, match="symbolic link"):
        export_articles(store, [aid], out, force=True)
    assert target.read_text() == "precious"


def test_web_annotation_json(db_path, tmp_path):
    store, aid = build(db_path)
    [path] = export_articles(store, [aid], tmp_path / "out", fmt="json")
    data = json.loads(path.read_text())
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    item = data["items"][0]
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"].startswith("# Not a heading")
    assert selectors["TextPositionSelector"]["start"] == 0
    assert item["target"]["source"] == "https://e.org/a"  # the article's URL
    # Tags are TextualBody items with purpose "tagging" in `body`, beside the comment.
    comment, tag = item["body"]
    assert comment["purpose"] == "commenting" and comment["value"].startswith("# note heading")
    assert tag == {"type": "TextualBody", "value": "tag1", "purpose": "tagging"}
    assert "bodies" not in item
    plain = data["items"][1]  # a note and no tag: one body
    assert plain["body"]["value"] == "plain" and plain["motivation"] == "commenting"


def test_orphans_are_listed(db_path, tmp_path):
    store, aid = build(db_path)
    [first] = [a for a in store.annotations(aid) if a.note == "plain"]
    store.set_anchors(aid, {first.id: None}, store.article(aid)["hash"])
    [path] = export_articles(store, [aid], tmp_path / "out")
    text = path.read_text()
    assert "## Orphaned" in text and "Ordinary closing sentence." in text


def test_cli_export_all(db_path, tmp_path):
    from briefing.cli import main

    store, aid = build(db_path)
    store.add_article(title="Second", text="Another body.")
    store.close()
    assert main(["--db", str(db_path), "export", "--all", "-o", str(tmp_path / "vault")]) == 0
    assert len(list((tmp_path / "vault").glob("*.md"))) == 2


def test_export_names_are_readable_stable_and_carry_the_id(db_path, tmp_path):
    store, aid = build(db_path, title="Territory's Governor Resigns: a [Timeline] #1 | AP")
    out = tmp_path / "vault"
    [path] = export_articles(store, [aid], out)
    assert path.name == f"Territory's Governor Resigns a Timeline 1 AP (briefing {aid}).md"
    assert export_articles(store, [aid], out) == [path]  # the same name every time
    assert [p.name for p in out.iterdir()] == [path.name]


def test_reexport_renames_an_export_with_the_earlier_name(db_path, tmp_path):
    store, aid = build(db_path, title="Territory's Governor Resigns")
    out = tmp_path / "vault"
    [path] = export_articles(store, [aid], out)
    earlier = out / f"Territory s Governor Resigns ({aid}).md"
    path.rename(earlier)
    earlier.write_text(earlier.read_text() + "\nMy own conclusions.\n")
    [again] = export_articles(store, [aid], out)
    assert again == path and not earlier.exists()
    assert "My own conclusions." in again.read_text()


def _with_actors(db_path):
    from briefing.analysis import cache_key

    store, aid = build(db_path)
    store.add_annotation(aid, 0, 5, tags=["north korea", "sources", "2024"])
    actors = [{"name": "Marja Kallio", "type": "person", "mentions": [[0, 5]], "aliases": []},
              {"name": "Evil]] [x](http://e.org) #t|a <b>", "type": "organisation",
               "mentions": [[6, 9]], "aliases": []}]
    store.save_analysis(cache_key(store.article(aid)["hash"], "any-model"),
                        {"actors": actors, "claims": [], "flags": []})
    return store, aid


def test_vault_export_links_actors_and_uses_vault_tags(db_path, tmp_path):
    from briefing.cli import main

    store, aid = _with_actors(db_path)
    store.close()
    assert main(["--db", str(db_path), "export", str(aid), "--vault", "-o",
                 str(tmp_path / "vault")]) == 0
    [path] = (tmp_path / "vault").glob("*.md")
    text = path.read_text()
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["actors"] == ["[[Marja Kallio]]", "[[Evil x http e.org t a b]]"]
    assert front["tags"] == ["north-korea", "sources", "tag1"]  # no spaces, no bare number
    assert "| [[Marja Kallio]] | person | 1 |" in text
    assert "| [[Evil x http e.org t a b]] | organisation | 1 |" in text
    # Nothing in an actor's link becomes a Markdown link, HTML or a table cell of its own.
    tokens = md().parse(text.split(BEGIN)[1])
    assert not [t for t in tokens if t.type == "inline" for c in t.children or []
                if c.type in ("link_open", "html_inline")]


def test_vault_export_is_a_setting_too_and_off_by_default(db_path, tmp_path):
    from briefing import config

    store, aid = _with_actors(db_path)
    [path] = export_articles(store, [aid], tmp_path / "plain")
    assert "[[" not in path.read_text() and "- Marja Kallio" in path.read_text()
    config.Settings(export_vault=True).save()
    assert config.export_vault() is True
    [path] = export_articles(store, [aid], tmp_path / "vault", vault=config.export_vault())
    assert "- '[[Marja Kallio]]'" in path.read_text()


def test_a_claim_is_exported_as_speaker_cue_and_content_without_repeating(db_path):
    """#14: the export names who and how once, then quotes only what is claimed."""
    from briefing.analysis import cache_key
    from briefing.export import export_article_text

    text = ('"It leaves our farmers behind," the senator said. Taxes will rise, according to '
            'X. Ordinary words.')
    store, aid = build(db_path, text=text)
    quote = '"It leaves our farmers behind,"'
    claims = [{"start": 0, "end": len(quote), "text": quote, "kinds": ["attributed"],
               "speaker": "Maria Cantwell", "cue": "said", "cue_span": [46, 50],
               "speaker_span": [34, 45]},
              {"start": 51, "end": 66, "text": "Taxes will rise", "kinds": ["attributed"],
               "speaker": "X", "cue": "According", "cue_span": [68, 77],
               "speaker_span": [81, 82]},
              {"start": 51, "end": 66, "text": "Taxes will rise", "kinds": ["attributed"],
               "speaker": "Jane Roe", "cue": ":", "cue_span": [50, 51]}]
    store.save_analysis(cache_key(store.article(aid)["hash"], "any-model"),
                        {"actors": [], "claims": claims, "flags": []})
    out = export_article_text(store, aid).split("## Claims")[1].split("## Actors")[0]
    assert "- **Maria Cantwell** said (attributed)" in out
    assert '  > "It leaves our farmers behind,"\n' in out  # the content, marks and all, unescaped
    assert "the senator said" not in out
    assert "- **X** according to (attributed)" in out
    assert "- **Jane Roe** (attributed)" in out  # a label's colon is no word to show


@pytest.mark.parametrize("line", ["# heading", "> quote", "- item", "+ item", "* item",
                                  "=== setext", "___", "```fence", "~~~fence", "<div>x</div>",
                                  "| a | b |", "[ref]: /evil", "$$ math", "%% comment",
                                  ": definition", "{: .attr}", "^block", "![img](/x)"])
def test_a_line_that_could_open_a_block_is_escaped_to_a_paragraph(line):
    from briefing.export.markdown import escape_line

    escaped = escape_line(line)
    assert escaped.startswith("\\")
    types = [t.type for t in md().parse(escaped)]
    assert types == ["paragraph_open", "inline", "paragraph_close"], (line, escaped)


@pytest.mark.parametrize("line", ['"We will fight it," she said', "“Curly,” he said",
                                  "'Single'", "(an aside)", "...and then"])
def test_a_line_opening_with_a_quotation_mark_or_bracket_is_left_as_written(line):
    from briefing.export.markdown import escape_line

    assert escape_line(line) == line


def test_the_front_matter_counts_every_orphan_the_export_lists(db_path, tmp_path):
    """`orphaned:` counts what the Orphaned section lists: a highlight whose words are
    gone, a claim grade no claim holds and a reliability no speaker holds (it counted the
    highlights only, and said 1 over a section of three)."""
    from briefing.analysis.cache import analysis_key
    from briefing.grades import claim_key, set_grade, source_key
    from briefing.model import Analysis, Claim

    text = "Officials said the pier was closed. Nobody else spoke. The ferry sailed late."
    with Store(db_path) as store:
        aid = store.add_article("Pier", text)
        late = store.add_annotation(aid, text.index("The ferry"), len(text))
        store.set_anchors(aid, {late: None}, store.article(aid).hash)
        nobody = Claim(text.index("Nobody"), text.index(" The ferry"), "Nobody else spoke.",
                       ["attributed"], "Nobody")
        set_grade(store, claim_key(aid, nobody), "3", speaker="Nobody")
        set_grade(store, source_key("Harbour Office"), "E", speaker="Harbour Office",
                  article_id=aid)
        said = Claim(0, text.index(" Nobody"), text[:text.index(" Nobody")], ["attributed"],
                     "Officials")
        store.save_analysis(analysis_key(store.article(aid).hash, None),
                            Analysis("test", claims=[said]).to_dict())
        [path] = export_articles(store, [aid], tmp_path / "out")
    exported = path.read_text()
    front = yaml.safe_load(exported.split("---\n")[1])
    orphans = exported.split("## Orphaned")[1].split("## Article notes")[0]
    for listed in ("> The ferry sailed late.", "- -3 on “Nobody else spoke.”",
                   "- Reliability E of “Harbour Office”"):
        assert f"\n{listed}" in orphans, orphans
    assert (front["highlights"], front["orphaned"]) == (0, 3)
