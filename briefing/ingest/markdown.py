"""Markdown -> the plain prose a reader reads, via markdown-it-py (CommonMark, plus tables).

What a rendered page shows is what Briefing keeps: link text without its URL (the URL goes
to the metadata), no emphasis markers, escapes and entities resolved, the lines of a
paragraph joined (a Markdown line break inside a paragraph is only the author's editor
wrapping), headings and quotes as their own paragraphs, list items as bulleted lines, code
and tables as lines. Offsets everywhere index this text, so it must be stable: the same
source always renders to the same text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
BULLET = "•"
_CELL_SEPARATOR = " · "
_SCAN = 200_000  # characters looked at to tell Markdown from plain text


@dataclass
class Rendered:
    text: str
    heading: str | None = None  # the text of a level-1 heading that opens the document
    links: list[dict] = field(default_factory=list)  # {"text", "url"}, first use of each URL


def render(source: str) -> Rendered:
    """The plain text of a Markdown document, the heading that opens it, and its links."""
    from markdown_it.tree import SyntaxTreeNode

    tree = SyntaxTreeNode(_parser().parse(source))
    out = Rendered("")
    blocks = _blocks(tree.children, out)
    first = tree.children[0] if tree.children else None
    if first is not None and first.type == "heading" and first.tag == "h1" and blocks:
        out.heading = blocks[0]
    out.text = "\n\n".join(block for block in blocks if block.strip())
    return out


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Raw HTML stays enabled so tags are parsed as tags (and dropped below), not shown.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


# -- blocks -------------------------------------------------------------------------------

def _blocks(nodes: list[SyntaxTreeNode], out: Rendered) -> list[str]:
    """Top-level blocks, each a paragraph of the text (blank lines between them)."""
    blocks: list[str] = []
    for node in nodes:
        if node.type == "blockquote":
            blocks.extend(_blocks(node.children, out))  # a quote's paragraphs are paragraphs
        else:
            blocks.append("\n".join(_lines(node, out)))
    return blocks


def _lines(node: SyntaxTreeNode, out: Rendered) -> list[str]:
    """The lines one block renders to (inside a list item, blocks are not spaced apart)."""
    kind = node.type
    if kind in ("paragraph", "heading"):
        return _inline(node.children[0], out).split("\n") if node.children else []
    if kind in ("bullet_list", "ordered_list"):
        return _list(node, out)
    if kind == "blockquote":
        return [line for child in node.children for line in _lines(child, out)]
    if kind in ("code_block", "fence"):
        return node.content.rstrip("\n").split("\n")
    if kind == "table":
        return _table(node, out)
    if kind == "html_block":
        return _html_text(node.content).split("\n")
    return []  # thematic breaks, link reference definitions


def _list(node: SyntaxTreeNode, out: Rendered) -> list[str]:
    ordered = node.type == "ordered_list"
    number = int(node.attrs.get("start", 1)) if ordered else 0
    lines: list[str] = []
    for item in node.children:
        marker = f"{number}{node.markup or '.'} " if ordered else f"{BULLET} "
        number += 1
        body = [line for child in item.children for line in _lines(child, out)]
        if not body or item.children[0].type.endswith("_list"):
            body.insert(0, "")  # an empty item, or one that opens with a nested list
        lines.append((marker + body[0]).rstrip())
        # The rest of the item (nested lists, second paragraphs) lines up under its text.
        pad = " " * len(marker)
        lines.extend(pad + line if line else line for line in body[1:])
    return lines


def _table(node: SyntaxTreeNode, out: Rendered) -> list[str]:
    """One line per row, cells joined by " · ". Padded columns looked tidy only where the
    pane was wide enough, and spaCy read a padded row as one long name."""
    rows = [[_inline(cell.children[0], out).replace("\n", " ") if cell.children else ""
             for cell in row.children]
            for section in node.children for row in section.children]
    return [_CELL_SEPARATOR.join(cell for cell in row if cell) for row in rows]


# -- inline ---------------------------------------------------------------------------------

_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _inline(node: SyntaxTreeNode, out: Rendered) -> str:
    parts: list[str] = []
    _inline_into(node, parts, out)
    # Spaces around a joined line (or a dropped tag) collapse as a browser would.
    text = "".join(parts)
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _inline_into(node: SyntaxTreeNode, parts: list[str], out: Rendered) -> None:
    for child in node.children:
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "html_inline":
            if _BREAK_TAG.fullmatch(child.content.strip()):
                parts.append("\n")
        elif kind == "image":
            continue  # a picture's alt text is not part of the prose
        elif kind == "link":
            start = len(parts)
            _inline_into(child, parts, out)
            _remember_link(out, " ".join("".join(parts[start:]).split()),
                           str(child.attrs.get("href", "")))
        else:  # em, strong, s: their text without the markers
            _inline_into(child, parts, out)


def _remember_link(out: Rendered, text: str, url: str) -> None:
    if url.startswith(("http://", "https://", "mailto:")) and all(
            link["url"] != url for link in out.links):
        out.links.append({"text": text, "url": url})


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def _html_text(block: str) -> str:
    """The words of a raw HTML block (a centred paragraph, a comment: usually nothing)."""
    text = _TAG.sub("", _BREAK_TAG.sub("\n", _COMMENT.sub("", block)))
    lines = (" ".join(line.split()) for line in html.unescape(text).split("\n"))
    return "\n".join(line for line in lines if line)


# -- is it Markdown? -----------------------------------------------------------------------

_SIGNS = (
    # (pattern, weight when found once, weight when found more than once)
    (re.compile(r"\[[^\]\n]+(?:\n[^\]\n]+)?\]\((?:https?://|mailto:|/|#)[^)\s]*\)"), 2, 2),
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]+\S+", re.M), 2, 2),
    (re.compile(r"^ {0,3}#{1,6}[ \t]+\w", re.M), 1, 2),
    # Bold words and "-   item" bullets, but not the rows of a box drawn in asterisks.
    (re.compile(r"\*\*\w[^*\n]*?\w\*\*|__\w[^_\n]*?\w__"), 1, 1),
    (re.compile(r"^ {0,3}[-*+] {2,}[A-Za-z\[(\"“](?!.*\*[ \t]*$)", re.M), 1, 1),
    (re.compile(r"^ {0,3}```", re.M), 1, 1),
    (re.compile(r"\\[#*_\[\]`>]"), 1, 1),
)


def looks_like_markdown(text: str) -> bool:
    """True when a text without a Markdown file name carries enough Markdown syntax: a
    link, or two kinds of sign (headings, bold, "-   " bullets, fences, escapes), or
    several headings. Plain text is left to the plain-text path, whose line handling keeps
    wire copy and lists intact."""
    score = 0
    for pattern, once, repeated in _SIGNS:
        found = pattern.findall(text, 0, _SCAN)
        score += repeated if len(found) > 1 else once if found else 0
        if score >= 2:
            return True
    return False
