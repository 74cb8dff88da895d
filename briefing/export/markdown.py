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

from briefing.grades import grade_label
from briefing.highlights import COLOUR_NAMES
from briefing.revisions import version_number
from briefing.sanitize import sanitise, sanitise_line

BEGIN = "<!-- briefing:begin (managed by Briefing; edits here are replaced on export) -->"
END = "<!-- briefing:end -->"

_INLINE = re.compile(r"([\\`*_\[\]<>#|~!&$])")


def escape_inline(text: str) -> str:
    """Backslash-escape every character that could start Markdown or HTML syntax."""
    return _INLINE.sub(r"\\\1", text)


_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape_line(line: str) -> str:
    """One line of untrusted text as inert Markdown: no block can start on it (heading,
    list, quote, fence, setext underline, thematic break, indented code) and nothing inline
    (HTML, links, emphasis) can open."""
    line = escape_inline(sanitise(line).replace("\t", " ")).lstrip()
    if line[:1] in _ASCII_PUNCT and not line.startswith("\\"):
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


def block_id(annotation: dict) -> str:
    seed = f"{annotation['id']}:{annotation.get('created', '')}"
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


def front_matter(article: dict, annotations: list[dict], notes: list[dict],
                 analysis: dict | None, vault: bool = False) -> str:
    """`vault`: actors as [[links]] and tags in the form Obsidian and Logseq accept."""
    tags = sorted({t for a in annotations for t in a.get("tags", [])} |
                  set(article.get("tags", []) if isinstance(article.get("tags"), list) else []))
    names = [a["name"] for a in (analysis or {}).get("actors", [])][:30]
    if vault:
        tags = sorted({t for t in map(vault_tag, tags) if t})
        actors = [link for link in map(wiki_link, names) if link]
    else:
        actors = [sanitise_line(name) for name in names]
    data = {
        "title": sanitise_line(article["title"]),
        "source": sanitise_line(str(article.get("source") or "")) or None,
        "author": sanitise_line(str(article.get("author") or "")) or None,
        "url": sanitise_line(str(article.get("url") or "")) or None,
        "published": sanitise_line(str(article.get("published") or "")) or None,
        "imported": article.get("imported"),
        "briefing_id": article["id"],
        "revision": version_number(article),  # the version of the text the notes are on
        "tags": [sanitise_line(str(t)) for t in tags],
        "actors": actors,
        "highlights": sum(1 for a in annotations if a.get("status") != "orphaned"),
        "orphaned": sum(1 for a in annotations if a.get("status") == "orphaned"),
        "notes": len(notes),
        "claims": len((analysis or {}).get("claims", [])),
    }
    data = {k: v for k, v in data.items() if v is not None}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"


def render_region(article: dict, annotations: list[dict], notes: list[dict],
                  analysis: dict | None, grades: dict | None = None,
                  vault: bool = False) -> str:
    text = article["text"]
    parts = [BEGIN, "", f"# {escape_line(sanitise_line(article['title']))}", "",
             _revision_line(article), ""]
    anchored = [a for a in annotations if a.get("status") != "orphaned"]
    orphaned = [a for a in annotations if a.get("status") == "orphaned"]
    parts += ["## Highlights", ""]
    if not anchored:
        parts += ["_No highlights._", ""]
    for a in anchored:
        parts += _highlight(a, text[a["start"]:a["end"]], article["id"], grades)
    if orphaned:
        parts += ["## Orphaned", "",
                  "_These highlights' words are no longer in the current text._", ""]
        for a in orphaned:
            parts += _highlight(a, a["selector"]["quote"]["exact"], article["id"], grades)
    parts += ["## Article notes", ""]
    parts += [f"- {indented_text(n['note'])}" for n in notes] or ["_No notes._"]
    parts.append("")
    if analysis:
        parts += ["## Claims", ""]
        for c in analysis.get("claims", []):
            speaker = escape_line(sanitise_line(c.get("speaker") or "no speaker"))
            kinds = ", ".join(c.get("kinds", []))
            grade = grade_label(grades or {}, article["id"], c)
            grade_text = f" · {grade}" if grade else ""
            parts += [f"- **{speaker}** ({kinds}{grade_text})", "",
                      _indent(quote_block(c["text"])), ""]
        parts += ["## Actors", "", "| Actor | Type | Mentions |", "|---|---|---|"]
        for actor in analysis.get("actors", []):
            name = (wiki_link(actor["name"]) if vault else "") or escape_line(
                sanitise_line(actor["name"]))
            parts.append(f"| {name} | {actor['type']} | {len(actor['mentions'])} |")
        parts.append("")
    parts.append(END)
    return "\n".join(parts) + "\n"


def _revision_line(article: dict) -> str:
    number = version_number(article)
    if number == 1:
        return "_Notes on revision 1, the text as first imported._"
    since = escape_line(str(article["revisions"][-1].get("replaced") or "?"))
    return (f"_Notes on revision {number} of the text (since {since}; "
            f"`briefing revisions {article['id']}` lists every version)._")


def _indent(block: str) -> str:
    return "\n".join("  " + line for line in block.split("\n"))


def _highlight(a: dict, quote: str, article_id: int, grades: dict | None) -> list[str]:
    colour = COLOUR_NAMES.get(a.get("color", 1), str(a.get("color")))
    where = (f"chars {a['start']}–{a['end']}" if a.get("start") is not None else "orphaned")
    meta = [f"colour: {colour}", f"`briefing:{article_id}/{a['id']}` ({where})"]
    if a.get("tags"):
        meta.append(" ".join("#" + re.sub(r"[^\w/-]", "", t) for t in a["tags"]))
    claim = a.get("claim")
    if claim:
        meta.append("claim: " + escape_line(sanitise_line(
            f"{', '.join(claim.get('kinds', []))} by {claim.get('speaker') or 'no speaker'}")))
        grade = grade_label(grades or {}, article_id, claim) if "start" in claim else None
        if grade:
            meta.append(f"grade: {grade}")
    lines = [quote_block(quote, block_id(a)), ""]
    first = a.get("original_quote")
    if first and " ".join(first.split()) != " ".join(quote.split()):
        lines += [f"- First marked: “{indented_text(first)}”"]
    if a.get("note"):
        lines += [f"- Note: {indented_text(a['note'])}"]
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
