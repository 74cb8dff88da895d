"""Annotations as W3C Web Annotation JSON (TextQuoteSelector + TextPositionSelector)."""

from __future__ import annotations


def render(article: dict, annotations: list[dict]) -> dict:
    # A plain IRI: the form other annotation tools (Hypothesis, the W3C test suite) anchor on.
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
        if a.get("note"):
            item["body"] = {"type": "TextualBody", "value": a["note"], "format": "text/plain",
                            "purpose": "commenting"}
        if a.get("tags"):
            item.setdefault("bodies", [])
            item["bodies"] = [{"type": "TextualBody", "value": t, "purpose": "tagging"}
                              for t in a["tags"]]
        items.append(item)
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "label": article["title"], "total": len(items), "items": items}

