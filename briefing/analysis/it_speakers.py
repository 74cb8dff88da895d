"""'The ministry issued a statement. It said the border would reopen': who "it" is.

A frame whose subject is "it" (frames.py keeps only an active subject of a reporting verb,
never an expletive) speaks for the most recent singular non-person that was the subject or
speaker of a sentence outside quotations, in the same paragraph or the two before: an
organisation or state named as an actor, or a generic organisation or document head ("the
company", "the report"). A nearer main-clause subject that is a singular thing and cannot
speak ("Inflation rose. It shows ...") stands in the way: then the claim keeps no speaker,
since a wrong name is worse than none.
"""

from __future__ import annotations

from typing import Any

from briefing.analysis.claim import Claim, claim_words
from briefing.analysis.quotes import Quotations
from briefing.analysis.speakers import ActorIndex, lex, speaker_names

_PARAGRAPHS_BACK = 2  # the same paragraph and the two before it
_SPEAKING_TYPES = ("organisation", "place")  # an organisation or a state


class NeuterAntecedents:
    """The recent subjects "it" can point back to, in text order: (offset, paragraph, name),
    name None for a thing that cannot speak."""

    def __init__(self, index: ActorIndex, quotes: Quotations) -> None:
        self.index = index
        self.quotes = quotes
        self.seen: list[tuple[int, int, str | None]] = []

    def note(self, sent: Any, offset: int, paragraph: int) -> None:
        """Record the subjects of a sentence's main clause and of its reporting verbs."""
        for tok in sent:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ == "it":
                continue
            if self.quotes.inside(offset + tok.idx):
                continue  # a name inside a quotation is spoken about, not speaking
            main = tok.head.dep_ == "ROOT" or (tok.head.dep_ == "conj"
                                               and tok.head.head.dep_ == "ROOT")
            kind = self._kind(tok, offset)
            if kind == "speaker":
                names = speaker_names(tok, offset, self.index)
                if len(names) == 1:
                    self.seen.append((offset + tok.idx, paragraph, names[0]))
            elif kind == "thing" and main:
                self.seen.append((offset + tok.idx, paragraph, None))

    def _kind(self, tok: Any, offset: int) -> str:
        """'speaker' (a singular organisation, state or document), 'thing' (a singular
        non-person that cannot speak) or 'other' (persons, plurals, pronouns)."""
        if tok.tag_ in ("NNS", "NNPS") or tok.conjuncts or tok.pos_ == "PRON":
            return "other"
        actor = self.index.at(offset + tok.idx, offset + tok.idx + len(tok.text))
        if actor is not None:
            return "speaker" if actor.type in _SPEAKING_TYPES else "other"
        if tok.ent_type_ in ("PERSON", "NORP") or tok.pos_ == "PROPN":
            return "other"  # a name the actor finder left out: no telling what it is
        lemma = tok.lemma_.lower()
        words = lex()
        if lemma in words["person_nouns"]:
            return "other"
        if (lemma in words["nominal_organisations"] or lemma in words["nominal_named_organisations"]
                or lemma in claim_words()["data_sources"]):
            return "speaker"
        return "thing"

    def resolve(self, at: int, paragraph: int) -> str | None:
        """The name "it" at offset `at` stands for, or None."""
        for start, para, name in reversed(self.seen):
            if start >= at:
                continue
            if para < paragraph - _PARAGRAPHS_BACK:
                return None
            return name
        return None

    def speak_for(self, claims: list[Claim], text: str, paragraph: int) -> None:
        """Give each "it" claim its antecedent's name, or no speaker; a resolved "it" is
        itself the subject the next "it" points back to."""
        for claim in claims:
            span = claim.speaker_span
            if span is None or text[span[0]:span[1]].lower() != "it":
                continue
            name = self.resolve(span[0], paragraph)
            if name is not None:
                claim.speaker = name
                self.seen.append((span[0], paragraph, name))
                self.seen.sort(key=lambda s: s[0])
                continue
            claim.speaker, claim.speaker_span = None, None
            claim.kinds = [k for k in claim.kinds if k != "attributed"]
            if claim.kinds in ([], ["quantitative"]):
                claim.kinds.insert(0, "event")
