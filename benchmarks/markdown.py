"""Markdown releases -> article text: Markdown syntax left, and sentences broken at a wrap.

Run: python benchmarks/markdown.py [DIR ...]   (targets: 0 syntax left, 0 sentences broken)

Corpus: benchmarks/releases/*.md, releases written for this benchmark in the style of
government and agency press releases published as Markdown (front matter, headings,
"-   " bullets, nested lists, bold, links whose text wraps across lines, reference links,
tables, block quotes, escapes such as `\\###`, entities, hard wraps at 72 columns), plus
every .md/.markdown file under each DIR given.

Syntax left: occurrences, in each file's title and text as Briefing loads them, of link
syntax (`](`, `][`, `[x]:` lines), URLs (those the source writes as visible text, an
autolink such as <https://...>, are counted apart: a reader sees them too), `**`, `__`,
headings' leading `#`, backslash escapes, list markers (`-`, `*`, `+` opening a line),
backticks, quote markers (`>` opening a line) and table rules (`|---|`).

Sentences broken: every place the source wraps a paragraph, list item or quote onto its
next line is a wrap point. The words either side of it (markup stripped) must be joined by
a space in the text; it is broken when a line break separates them instead. Wrap points
whose words are not in the text (e.g. the boilerplate they were in was dropped) are
counted as unchecked.
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefing.ingest import load

RELEASES = Path(__file__).resolve().parent / "releases"

SYNTAX = {
    "link syntax": re.compile(r"\]\(|\]\[|^[ \t]*\[[^\]\n]+\]:", re.M),
    "URLs": re.compile(r"(?:https?://|mailto:)[^\s)>\]]+"),
    "**": re.compile(r"\*\*"),
    "__": re.compile(r"__"),
    "leading #": re.compile(r"^[ \t]*#+(?:[ \t]|$)", re.M),
    "backslash escapes": re.compile(r"\\[!-/:-@\[-`{-~]"),
    "list markers": re.compile(r"^[ \t]*[-*+][ \t]+\S", re.M),
    "backticks": re.compile(r"`"),
    "quote markers": re.compile(r"^[ \t]*>", re.M),
    "table rules": re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.M),
}
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")

_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|\||\[[^\]]+\]:|```|~~~|<)")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MARKUP = re.compile(r"[*_`\[\]<>\\]")


@dataclass
class Result:
    syntax: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SYNTAX, 0))
    visible_urls: int = 0
    wraps: int = 0
    broken: int = 0
    unchecked: int = 0
    examples: list[str] = field(default_factory=list)


def wrap_points(source: str) -> list[tuple[str, str]]:
    """(last word before, first word after) of every soft wrap in the Markdown source."""
    lines = _FRONT_MATTER.sub("", source).split("\n")
    points: list[tuple[str, str]] = []
    fenced = False
    for line, nxt in zip(lines, lines[1:], strict=False):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or not line.strip() or not nxt.strip():
            continue
        line, nxt = _unquote(line), _unquote(nxt)
        if (line.endswith(("  ", "\\")) or _BLOCK_START.match(nxt)
                or line.lstrip().startswith(("#", "|")) or re.match(r"^\s*[-=]+\s*$", nxt)):
            continue
        before, after = _words(line)[-1:], _words(nxt)[:1]
        if before and after:
            points.append((before[0], after[0]))
    return points


def _unquote(line: str) -> str:
    return re.sub(r"^\s*(?:>\s?)+", "", line)


def _words(line: str) -> list[str]:
    """The words of a source line as a reader sees them: entities resolved, markup gone."""
    line = html.unescape(line).replace("\u00a0", " ")
    line = re.sub(r"\]\([^)\s]*\)?|\]\[[^\]]*\]", "", line)  # "Fund](https://...)" -> "Fund"
    return [word for word in (_MARKUP.sub("", w).strip("()") for w in line.split()) if word]


def measure(path: Path, result: Result) -> None:
    source = path.read_text(encoding="utf-8")
    doc = load(path)
    shown = f"{doc.title}\n{doc.text}"
    visible = set(_AUTOLINK.findall(source))
    for kind, pattern in SYNTAX.items():
        for found in pattern.finditer(shown):
            if kind == "URLs" and found.group(0).rstrip(".,;") in visible:
                result.visible_urls += 1
                continue
            result.syntax[kind] += 1
            line = shown[shown.rfind("\n", 0, found.start()) + 1:].split("\n")[0]
            result.examples.append(f"{path.name}: {kind}: {line[:90]!r}")
    for before, after in wrap_points(source):
        result.wraps += 1
        joined = re.search(re.escape(before) + r"[ \t]+" + re.escape(after), doc.text)
        split = re.search(re.escape(before) + r"[ \t]*\n\s*" + re.escape(after), doc.text)
        if split and not joined:
            result.broken += 1
            result.examples.append(f"{path.name}: broken at {before!r} / {after!r}")
        elif not joined:
            result.unchecked += 1
            result.examples.append(f"{path.name}: unchecked {before!r} / {after!r}")


def main(folders: list[str]) -> None:
    paths = sorted(RELEASES.glob("*.md"))
    for folder in folders:
        paths += sorted(p for p in Path(folder).rglob("*") if p.suffix in (".md", ".markdown"))
    result = Result()
    for path in paths:
        measure(path, result)
    left = sum(result.syntax.values())
    print(f"files: {len(paths)} ({len(sorted(RELEASES.glob('*.md')))} bundled releases)")
    print(f"Markdown syntax left: {left} (target 0)")
    for kind, count in result.syntax.items():
        print(f"  {kind:18} {count}")
    print(f"URLs the source shows as text (autolinks), kept: {result.visible_urls}")
    print(f"sentences broken at a hard wrap: {result.broken} of {result.wraps} wrap points "
          f"(target 0; {result.unchecked} unchecked)")
    for example in result.examples[:20]:
        print("  " + example)


if __name__ == "__main__":
    main(sys.argv[1:])
