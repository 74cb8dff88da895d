"""Annotations as W3C Web Annotation JSON (TextQuoteSelector + TextPositionSelector)."""

from __future__ import annotations


def render(article: dict, annotations: list[dict]) -> dict:
    # The article's URL when it has one, so other annotation tools can anchor the same
    # highlights (by their quote) on the page; else a URN naming this text.
    source = article.get("url") or f"urn:briefing:article:{article['id']}:{article['hash'][:16]}"
    items = []
    for a in annotations:
        quote = a["selector"]["quote"]
        selectors = [{"type": "TextQuoteSelector", "exact": quote["exact"],
                      "prefix": quote.get("prefix", ""), "suffix": quote.get("suffix", "")}]
        if a.get("start") is not None:
            selectors.append({"type": "TextPositionSelector", "start": a["start"],
                              "end": a["end"]})
        item = {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": f"urn:briefing:annotation:{a['id']}",
            "type": "Annotation",
            "created": a.get("created"),
            "modified": a.get("updated"),
            "motivation": "commenting" if a.get("note") else "highlighting",
            "target": {"source": source, "selector": selectors},
        }
        # The model's own place for tags: one TextualBody each, purpose "tagging", in `body`
        # beside the comment (an array when there is more than one body).
        bodies = []
        if a.get("note"):
            bodies.append({"type": "TextualBody", "value": a["note"], "format": "text/plain",
                           "purpose": "commenting"})
        bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"}
                   for t in a.get("tags") or ()]
        if bodies:
            item["body"] = bodies if len(bodies) > 1 else bodies[0]
        if not a.get("note") and a.get("tags"):
            item["motivation"] = "tagging"
        items.append(item)
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "label": article["title"], "total": len(items), "items": items}

