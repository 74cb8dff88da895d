"""An article with its annotations as Markdown a notes vault can live with.

The file is YAML front matter plus a managed region between two HTML comments. Re-export
replaces the front matter and the region and keeps everything the user wrote outside it.
Article text and notes are escaped so they cannot open headings, lists, HTML, fences, links
or link definitions; every quoted line carries its `>`.
"""

from __future__ import annotations

import hashlib
import re

import yaml

from briefing.grades import (
    grade_label,
    orphan_grade_label,
    orphan_grade_why,
    orphan_grade_words,
    source_key,
)
from briefing.highlights import COLOUR_NAMES
from briefing.model import Analysis, Article, ArticleNote, Grade, Highlight
from briefing.revisions import version_number
from briefing.sanitize import sanitise, sanitise_line

BEGIN = "<!-- briefing:begin (managed by Briefing; edits here are replaced on export) -->"
END = "<!-- briefing:end -->"

_INLINE = re.compile(r"([\\`*_\[\]<>#|~!&$])")


def escape_inline(text: str) -> str:
    """Backslash-escape every character that could start Markdown or HTML syntax."""
    return _INLINE.sub(r"\\\1", text)


# Characters that can open a block, a table, a definition, math or a comment when they
# start a line (CommonMark, GFM, Obsidian/Pandoc); quotation marks, brackets and the like
# open nothing there, and an escaped opening quote would read as \" in every exported claim.
_LINE_OPENERS = set("!#$%*+-:<=>[\\^_`{|~")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape_line(line: str) -> str:
    """One line of untrusted text as inert Markdown: no block can start on it (heading,
    list, quote, fence, setext underline, thematic break, indented code) and nothing inline
    (HTML, links, emphasis) can open."""
    line = escape_inline(sanitise(line).replace("\t", " ")).lstrip()
    if line[:1] in _LINE_OPENERS and not line.startswith("\\"):
        line = "\\" + line
    return _ORDERED.sub(r"\1\\\2", line)


def quote_block(text: str, block_id: str | None = None) -> str:
    """A blockquote in which every line, blank ones included, is quoted."""
    lines = [escape_line(line) for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    out = [f"> {line}" if line else ">" for line in lines]
    if block_id:
        out[-1] += f" ^{block_id}"
    return "\n".join(out)


def indented_text(text: str, indent: str = "  ") -> str:
    """A user's note under a list item: escaped, each line a hard-broken line of the item."""
    lines = [escape_line(line) for line in sanitise(text).split("\n")]
    return ("\\\n" + indent).join(line for line in lines if line) if lines else ""


def block_id(highlight: Highlight) -> str:
    seed = f"{highlight.id}:{highlight.created or ''}"
    return "hl-" + hashlib.sha1(seed.encode()).hexdigest()[:6]


_NOT_IN_LINK = re.compile(r"[^\w '’.,&-]+")  # [ ] # ^ | and anything Markdown or HTML


def wiki_link(name: str) -> str:
    """`[[Name]]`: a vault (Obsidian, Logseq) makes it a page, so its graph joins every
    briefing that names the same actor. Nothing that could end the link or start other
    Markdown or HTML survives in it."""
    name = re.sub(r"\s+", " ", _NOT_IN_LINK.sub(" ", sanitise_line(name))).strip(" .-")
    return f"[[{name}]]" if name else ""


def vault_tag(tag: str) -> str:
    """A tag as vaults accept it: no spaces (a dash instead), letters, digits, _ - /."""
    tag = re.sub(r"[^\w/-]", "", re.sub(r"\s+", "-", sanitise_line(str(tag)).strip()))
    return tag if tag and not tag.isdigit() else ""


def front_matter(article: Article, highlights: list[Highlight], notes: list[ArticleNote],
                 analysis: Analysis | None, vault: bool = False,
                 orphaned_grades: list[Grade] | None = None) -> str:
    """`vault`: actors as [[links]] and tags in the form Obsidian and Logseq accept.
    `orphaned_grades`: the grades the Orphaned section lists (render_region's), counted
    with the orphaned highlights in `orphaned`: every item of that section."""
    own_tags = article.meta.get("tags")
    tags = sorted({t for h in highlights for t in h.tags} |
                  set(own_tags if isinstance(own_tags, list) else []))
    names = [a.name for a in (analysis.actors if analysis else [])][:30]
    if vault:
        tags = sorted({t for t in map(vault_tag, tags) if t})
        actors = [link for link in map(wiki_link, names) if link]
    else:
        actors = [sanitise_line(name) for name in names]
    meta = article.meta
    data = {
        "title": sanitise_line(article.title),
        "source": sanitise_line(str(meta.get("source") or "")) or None,
        "author": sanitise_line(str(meta.get("author") or "")) or None,
        "url": sanitise_line(str(meta.get("url") or "")) or None,
        "published": sanitise_line(str(meta.get("published") or "")) or None,
        "excerpt": sanitise_line(str(meta.get("excerpt") or "")) or None,
        "imported": article.imported,
        "briefing_id": article.id,
        "revision": version_number(article),  # the version the notes are on
        "tags": [sanitise_line(str(t)) for t in tags],
        "actors": actors,
        "highlights": sum(1 for h in highlights if not h.orphaned),
        "orphaned": sum(1 for h in highlights if h.orphaned) + len(orphaned_grades or ()),
        "notes": len(notes),
        "claims": len(analysis.claims) if analysis else 0,
    }
    data = {k: v for k, v in data.items() if v is not None}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"


def render_region(article: Article, highlights: list[Highlight], notes: list[ArticleNote],
                  analysis: Analysis | None, grades: dict[str, str] | None = None,
                  vault: bool = False, orphaned_grades: list[Grade] | None = None,
                  renamed: dict[str, str] | None = None) -> str:
    """`orphaned_grades`: the article's claim grades no claim holds and the reliabilities
    of its sources no speaker holds (claim_grades.orphaned_grades), listed with the
    orphaned highlights. `renamed`: the reliabilities an analysis moved to a source's
    new name, said beside the grade (grades.renamed_sources)."""
    text = article.text
    parts = [BEGIN, "", f"# {escape_line(sanitise_line(article.title))}", "",
             _revision_line(article), ""]
    anchored = [h for h in highlights if not h.orphaned]
    orphaned = [h for h in highlights if h.orphaned]
    parts += ["## Highlights", ""]
    if not anchored:
        parts += ["_No highlights._", ""]
    for h in anchored:
        parts += _highlight(h, text[h.start:h.end], article.id, grades)
    if orphaned or orphaned_grades:
        parts += ["## Orphaned", ""]
    if orphaned:
        parts += ["_These highlights' words are no longer in the current text._", ""]
        for h in orphaned:
            parts += _highlight(h, h.selector.exact if h.selector else "", article.id, grades)
    claim_orphans = [r for r in orphaned_grades or () if not r.is_reliability]
    source_orphans = [r for r in orphaned_grades or () if r.is_reliability]
    if claim_orphans:
        parts += ["_These claim grades are kept but shown on no claim:_", ""]
        for row in claim_orphans:
            words = escape_line(sanitise_line(orphan_grade_words(row)))
            label = escape_inline(orphan_grade_label(grades or {}, row))
            parts.append(f"- {label} on “{words}” — "
                         f"{orphan_grade_why(row)}")
        parts.append("")
    if source_orphans:
        parts += ["_These source reliabilities are kept but shown on no claim:_", ""]
        for row in source_orphans:
            name = escape_line(sanitise_line(orphan_grade_words(row)))
            why = escape_inline(sanitise_line(orphan_grade_why(row)))  # may name a speaker
            parts.append(f"- Reliability {escape_inline(row.value)} of “{name}” — {why}")
        parts.append("")
    parts += ["## Article notes", ""]
    parts += [f"- {indented_text(n.note)}" for n in notes] or ["_No notes._"]
    parts.append("")
    if analysis:
        parts += ["## Claims", ""]
        for c in analysis.claims:
            speaker = escape_line(sanitise_line(c.speaker or "no speaker"))
            cue = f" {escape_line(sanitise_line(c.cue_words))}" if c.cue_words else ""
            kinds = ", ".join(c.kinds)
            grade = grade_label(grades or {}, article.id, c)
            grade_text = f" · {grade}" if grade else ""
            given_as = (renamed or {}).get(source_key(c.speaker)) if c.speaker else None
            if grade and given_as:
                grade_text += f" · reliability given as “{escape_inline(sanitise_line(given_as))}”"
            parts += [f"- **{speaker}**{cue} ({kinds}{grade_text})", "",
                      _indent(quote_block(c.text)), ""]
        parts += ["## Actors", "", "| Actor | Type | Mentions |", "|---|---|---|"]
        for actor in analysis.actors:
            name = (wiki_link(actor.name) if vault else "") or escape_line(
                sanitise_line(actor.name))
            parts.append(f"| {name} | {actor.type} | {len(actor.mentions)} |")
        parts.append("")
    parts.append(END)
    return "\n".join(parts) + "\n"


def _revision_line(article: Article) -> str:
    number = version_number(article)
    if number == 1:
        return "_Notes on revision 1, the text as first imported._"
    since = escape_line(str(article.revisions[-1].replaced or "?"))
    return (f"_Notes on revision {number} of the text (since {since}; "
            f"`briefing revisions {article.id}` lists every version)._")


def _indent(block: str) -> str:
    return "\n".join("  " + line for line in block.split("\n"))


def _highlight(h: Highlight, quote: str, article_id: int | None,
               grades: dict[str, str] | None) -> list[str]:
    colour = COLOUR_NAMES.get(h.color, str(h.color))
    where = f"chars {h.start}–{h.end}" if h.start is not None else "orphaned"
    meta = [f"colour: {colour}", f"`briefing:{article_id}/{h.id}` ({where})"]
    if h.tags:
        meta.append(" ".join("#" + re.sub(r"[^\w/-]", "", t) for t in h.tags))
    claim = h.claim
    if claim:
        meta.append("claim: " + escape_line(sanitise_line(
            f"{', '.join(claim.kinds)} by {claim.speaker or 'no speaker'}")))
        grade = grade_label(grades or {}, article_id, claim)
        if grade:
            meta.append(f"grade: {grade}")
    lines = [quote_block(quote, block_id(h)), ""]
    first = h.original_quote
    if first and " ".join(first.split()) != " ".join(quote.split()):
        lines += [f"- First marked: “{indented_text(first)}”"]
    if h.note:
        lines += [f"- Note: {indented_text(h.note)}"]
    lines += [f"- {' · '.join(meta)}", ""]
    return lines


def merge_into_existing(existing: str, fm: str, region: str) -> str | None:
    """Replace front matter and managed region in `existing`; None if it has no region."""
    begin = existing.find("<!-- briefing:begin")
    end = existing.find(END)
    if begin == -1 or end == -1 or end < begin:
        return None
    body_before = existing[:begin]
    if body_before.startswith("---\n"):
        closing = body_before.find("\n---\n", 4)
        body_before = body_before[closing + 5:] if closing != -1 else body_before
    return fm + body_before + region.rstrip("\n") + existing[end + len(END):]
