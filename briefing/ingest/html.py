"""HTML -> main text, via trafilatura (imported only when an HTML file arrives)."""

from __future__ import annotations

import html
import re

from briefing.errors import BriefingError
from briefing.ingest.metadata import domain_of, split_site

# A numeric character reference ("&#27;", "&#x8", the ";" is optional in HTML).
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _is_xml_forbidden(code: int) -> bool:
    return (code < 0x20 and code not in (0x9, 0xA, 0xD)) or code in (0xFFFE, 0xFFFF)


def _drop_forbidden_references(content: str) -> str:
    """Remove references to characters XML forbids (ESC, backspace...): lxml puts them in
    the tree, and trafilatura then returns no text at all for the page. A raw one is
    dropped by the parser; a referenced one goes the same way here."""
    def replace(match: re.Match[str]) -> str:
        code = int(match[1], 16) if match[1] else int(match[2])
        return "" if _is_xml_forbidden(code) else match[0]

    return _CHAR_REFERENCE.sub(replace, content) if "&#" in content else content


def extract(content: str) -> tuple[str, str, dict]:
    """Return (title, main text, metadata) of an HTML page."""
    import trafilatura

    content = _drop_forbidden_references(content)
    # Not deduplicate=True: trafilatura then remembers paragraphs across calls for the whole
    # process and drops any seen three times, so the fourth import of a page (or of pages
    # sharing paragraphs) in one session came out empty. Boilerplate is stripped later.
    text = trafilatura.extract(content, include_comments=False, include_tables=False,
                               favor_precision=True)
    meta: dict = {}
    title = ""
    try:
        found = trafilatura.extract_metadata(content)
    except Exception:  # trafilatura's metadata parser can fail on odd pages; text still counts
        found = None
    if found is not None:
        title = found.title or ""
        for key, value in (("published", found.date), ("source", found.sitename),
                           ("url", found.url), ("author", found.author)):
            if value:
                meta[key] = value
    match = re.search(r"<title[^>]*>(.*?)</title>", content, re.I | re.S)
    page_title = " ".join(html.unescape(match.group(1)).split()) if match else ""
    headline, site = split_site(page_title, (meta.get("source", ""),
                                             domain_of(meta.get("url", ""))))
    if site and (not title or headline.casefold() == title.casefold()):
        title = title or headline
        meta.setdefault("source", site)  # "Ports reopen after strike | Harbour Times"
    elif title and page_title.startswith(title + " "):
        title = page_title  # cut at the headline's own dash ("Russia - Ukraine talks ...")
    if not title:
        title = page_title
    if not text:
        raise BriefingError("no article text found in the HTML page")
    # trafilatura puts one paragraph per line; Briefing separates paragraphs by a blank line.
    text = "\n\n".join(line for line in text.splitlines() if line.strip())
    return title, text, meta

