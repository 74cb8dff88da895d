"""Annotations as W3C Web Annotation JSON (TextQuoteSelector + TextPositionSelector)."""

from __future__ import annotations

from briefing.model import Article, Highlight


def render(article: Article, highlights: list[Highlight]) -> dict:
    # The article's URL when it has one, so other annotation tools can anchor the same
    # highlights (by their quote) on the page; else a URN naming this text.
    source = article.url or f"urn:briefing:article:{article.id}:{article.hash[:16]}"
    items = []
    for h in highlights:
        quote = h.selector
        selectors = [{"type": "TextQuoteSelector", "exact": quote.exact if quote else "",
                      "prefix": quote.prefix if quote else "",
                      "suffix": quote.suffix if quote else ""}]
        if h.start is not None:
            selectors.append({"type": "TextPositionSelector", "start": h.start, "end": h.end})
        item = {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": f"urn:briefing:annotation:{h.id}",
            "type": "Annotation",
            "created": h.created,
            "modified": h.updated,
            "motivation": "commenting" if h.note else "highlighting",
            "target": {"source": source, "selector": selectors},
        }
        # The model's own place for tags: one TextualBody each, purpose "tagging", in `body`
        # beside the comment (an array when there is more than one body).
        bodies = []
        if h.note:
            bodies.append({"type": "TextualBody", "value": h.note, "format": "text/plain",
                           "purpose": "commenting"})
        bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in h.tags]
        if bodies:
            item["body"] = bodies if len(bodies) > 1 else bodies[0]
        if not h.note and h.tags:
            item["motivation"] = "tagging"
        items.append(item)
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "label": article.title, "total": len(items), "items": items}
