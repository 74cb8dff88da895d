"""An article as Briefing holds it: a title, clean text, and metadata.

Kept apart from `briefing.ingest` (which makes Documents from files) so that code that
only passes Documents around, such as the reader's first paint, need not import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Document:
    title: str
    text: str
    meta: dict = field(default_factory=dict)

    @property
    def hash(self) -> str:
        return text_hash(self.text)


def text_hash(text: str) -> str:
    import hashlib  # OpenSSL's start-up is ~1.5 ms, not needed before the first paint

    return hashlib.sha256(text.encode("utf-8")).hexdigest()
