"""HTML -> main text, via trafilatura (imported only when an HTML file arrives)."""

from __future__ import annotations

import html
import re

from briefing.errors import BriefingError


def extract(content: str) -> tuple[str, str, dict]:
    """Return (title, main text, metadata) of an HTML page."""
    import trafilatura

    text = trafilatura.extract(content, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True)
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
    if not title:
        match = re.search(r"<title[^>]*>(.*?)</title>", content, re.I | re.S)
        title = html.unescape(match.group(1)).strip() if match else ""
    if not text:
        raise BriefingError("no article text found in the HTML page")
    # trafilatura puts one paragraph per line; Briefing separates paragraphs by a blank line.
    text = "\n\n".join(line for line in text.splitlines() if line.strip())
    return title, text, meta
