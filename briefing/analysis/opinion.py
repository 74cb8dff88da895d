"""An opinion piece's own voice: the author named in the page's metadata speaks for what the
text asserts outside quotations, when the text argues in the first person (an op-ed, a
column). A news report's unattributed sentences stay the text's own (no speaker).

What becomes the author's: the claims found with no speaker, or with "I"/"we" (cue and all:
"I believe that ..." is attributed by its cue), and the sentences that argue though no
frame, figure or name made them claims: a negation ("There is not enough fish"), a verb of
obligation ("The next deal must ..."), a cause ("They leave because ..."). Narration and
scene-setting ("On paper, the rules look strict") stay no claim.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from briefing.analysis.claim import Claim
from briefing.analysis.lexicon import table
from briefing.analysis.quotes import Quotations
from briefing.analysis.speakers import lex as speaker_lex

# Sentences in the first person singular, outside quotations, that make a text an author's
# argument (a report quotes its "I"; a column or op-ed narrates in it). Two: one may be a
# quotation the quote finder missed.
_FIRST_PERSON_SENTENCES = 2
_FIRST_PERSON_SINGULAR = frozenset(("i", "me", "my", "myself", "mine"))


@lru_cache(maxsize=1)
def _argument_words() -> frozenset[str]:
    return frozenset(table("claims")["argument_words"])


def opinion_author(parsed: list[tuple[Any, Any]], quotes: Quotations,
                   meta: dict[str, Any]) -> str | None:
    """The author the metadata names, when the text argues in the first person outside
    quotations and outside any transcript label; else None."""
    author = str(meta.get("author") or "").strip()
    if not author or any(block.turn is not None for block, _ in parsed):
        return None
    found = 0
    for block, doc in parsed:
        for sent in doc.sents:
            if any(t.lower_ in _FIRST_PERSON_SINGULAR and t.pos_ == "PRON"
                   and not quotes.inside(block.start + t.idx) for t in sent):
                found += 1
                if found >= _FIRST_PERSON_SENTENCES:
                    return author
    return None


def argues(sent: Any, offset: int, quotes: Quotations) -> bool:
    """A sentence outside quotations that states a stance: negated, obliging or giving a
    cause (the words in claims.toml argument_words, or the parser's negation)."""
    if quotes.inside(offset + sent.start_char) or quotes.inside(offset + sent.start_char + 1):
        return False
    words = _argument_words()
    return any(t.dep_ == "neg" or t.lower_ in words for t in sent)


def speak_as_author(claims: list[Claim], author: str, quotes: Quotations) -> None:
    """The author speaks for the claims outside quotations that have an 'I'/'we' (attributed:
    a cue frames them, "I believe") or neither speaker nor cue (the text's own assertion,
    its author named). A frame with no speaker stays so: "We are being asked to ..." is
    asked by someone unnamed, not by the author."""
    first_person = speaker_lex()["first_person"]
    for claim in claims:
        if quotes.inside(claim.start) or quotes.inside(claim.start + 1):
            continue
        if claim.speaker is None and claim.cue is not None:
            continue
        if claim.speaker is not None and claim.speaker.lower() not in first_person:
            continue
        claim.speaker = author
        if claim.cue is not None and "attributed" not in claim.kinds:
            claim.kinds = ["attributed", *[k for k in claim.kinds if k != "event"]]
