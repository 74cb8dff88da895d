"""'The ministry issued a statement. It said the border would reopen': who "it" is.

A frame whose subject is "it" (only the active subject of a reporting verb, never an
expletive: frames.speaking_it) speaks for the most recent singular non-person that was the
subject of a main clause or of a reporting verb, outside quotations, in the same paragraph
or the two before: an organisation or state named as an actor, a generic organisation head
("the company") or a document ("the report", kept as written). Persons and plurals are
passed over. Nothing is named when a nearer main-clause subject is a thing that cannot
speak ("Inflation rose. It shows ...") or a name we cannot place, or when another
organisation is named between the antecedent and "it" ("Documents from the committee
circulated after it announced ..."): a wrong name is worse than none.

"They" (and a possessive "their" no clause binds) speaks for the most recent plural subject
of a main clause or a reporting verb in the same reach: a group of persons ("The leaders",
"Senators Roe and Berg", "Analysts at X": resolved as that subject was), never a state or
an actor inside an object or a possessive ("condemned North Korea's launches. They ...").
A plural subject that cannot speak ("Prices rose. They ...") stands in the way.
"""

from __future__ import annotations

from typing import Any

from briefing.analysis.claim import Claim, claim_words, token_at, unattribute
from briefing.analysis.frames import speaking_it
from briefing.analysis.quotes import Quotations
from briefing.analysis.speakers import ActorIndex, is_body, lex, speaker_names, speaker_phrase

_PARAGRAPHS_BACK = 2  # the same paragraph and the two before it
_SPEAKING_TYPES = ("organisation", "place")  # an organisation or a state


class NeuterAntecedents:
    """The recent subjects "it" can point back to, in text order: (start, end, paragraph,
    name), name None for one that stands in the way."""

    def __init__(self, index: ActorIndex, quotes: Quotations) -> None:
        self.index = index
        self.quotes = quotes
        self.seen: list[tuple[int, int, int, str | None]] = []
        # plural subjects: (start, end, paragraph, name), the name None for one that cannot
        # speak, or the subject's (token, block offset) until a "they" asks for its name
        self.plural_seen: list[tuple[int, int, int, Any]] = []

    def note(self, sent: Any, offset: int, paragraph: int) -> None:
        """Record the subjects of a sentence's main clauses and of its reporting verbs."""
        reporting = claim_words()["reporting"]
        for tok in sent:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ == "it":
                continue
            if self.quotes.inside(offset + tok.idx):
                continue  # a name inside a quotation is spoken about, not speaking
            verb = tok.head
            main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
            end = offset + tok.idx + len(tok.text)
            subject = self.index.at(offset + tok.idx, offset + tok.idx + len(tok.text)) or next(
                (self.index.at(offset + c.idx, offset + c.idx + len(c.text))
                 for c in tok.children if c.dep_ == "appos"), None)  # "A member, Jane Roe,"
            if subject is not None and (main or verb.lemma_.lower() in reporting):
                self.index.note_subject(offset + tok.idx, subject)
            if _plural(tok) and (main or verb.lemma_.lower() in reporting):
                self.plural_seen.append((offset + tok.idx, end, paragraph, (tok, offset)))
                if is_body(tok) or any(is_body(c) for c in tok.conjuncts):
                    # "The X campaign and some experts alleged": the body is what a later
                    # "the campaign" is, whether or not a "they" asks for the group
                    speaker_names(tok, offset, self.index)
            name = self._speaker_name(tok, offset)
            if name and (main or verb.lemma_.lower() in reporting):
                # (not "if a Democrat wins ...": a subordinate clause's subject)
                self.seen.append((offset + tok.idx, end, paragraph, name))
            elif name is None and (main or not _reported(verb, reporting)):
                # "The rate is a term with a definition: it refers to ...": a thing in
                # the writer's own words is what "it" is; one inside a report is not
                self.seen.append((offset + tok.idx, end, paragraph, None))

    def _speaker_name(self, tok: Any, offset: int) -> str | None:
        """The name "it" would take for this subject; "" for one passed over (persons,
        plurals, pronouns), None for one that stands in the way (a thing, an unknown name)."""
        if tok.tag_ in ("NNS", "NNPS") or tok.conjuncts or tok.pos_ == "PRON":
            return ""
        actor = self.index.at(offset + tok.idx, offset + tok.idx + len(tok.text))
        if actor is not None:
            return self._one_name(tok, offset) if actor.type in _SPEAKING_TYPES else ""
        if tok.ent_type_ in ("PERSON", "NORP"):
            return ""
        if tok.ent_type_ == "ORG":
            return self._one_name(tok, offset)  # "Twitter said": a name the finder missed
        if tok.pos_ == "PROPN":
            return None  # no telling what it is
        lemma = tok.lemma_.lower()
        if lemma in lex()["person_nouns"]:
            return ""
        if lemma in lex()["nominal_named_organisations"] or lemma in lex()["body_nouns"]:
            # "the embassy said": the embassy it resolves to ("the Russian embassy in X")
            return self._one_name(tok, offset)
        if lemma in claim_words()["data_sources"] or lemma in claim_words()["statement_nouns"] or (
                lemma in lex()["nominal_organisations"]
                or lemma in lex()["nominal_named_organisations"]):
            # "the white paper", "the newspaper": kept as written, not guessed to be the
            # last organisation named (a paper may be a document)
            left, right = speaker_phrase(tok)
            return tok.doc[left:right + 1].text
        return None

    def _group_name(self, tok: Any, offset: int) -> str | None:
        """The name "they" would take for a plural subject: persons or bodies as the
        subject itself resolves ("The leaders" -> the two leaders named before); None for
        a subject that cannot speak ("Prices", "The talks")."""
        lemma = tok.lemma_.lower()
        actor = self.index.at(offset + tok.idx, offset + tok.idx + len(tok.text))
        speaks = (lemma in lex()["person_nouns"] or lemma in lex()["body_nouns"]
                  or tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "NORP", "ORG")
                  or (actor is not None and actor.type != "place"))
        if not speaks:
            return None
        return " and ".join(speaker_names(tok, offset, self.index)) or None

    def resolve_plural(self, at: int, paragraph: int) -> str | None:
        """The group "they" at offset `at` stands for, or None."""
        for i in range(len(self.plural_seen) - 1, -1, -1):
            start, end, para, name = self.plural_seen[i]
            if start >= at:
                continue
            if para < paragraph - _PARAGRAPHS_BACK:
                return None
            if isinstance(name, tuple):
                name = self._group_name(*name)
                self.plural_seen[i] = (start, end, para, name)
            return name
        return None

    def _one_name(self, tok: Any, offset: int) -> str | None:
        names = speaker_names(tok, offset, self.index)
        return names[0] if len(names) == 1 else None

    def resolve(self, at: int, paragraph: int) -> str | None:
        """The name "it" at offset `at` stands for, or None."""
        for start, end, para, name in reversed(self.seen):
            if start >= at:
                continue
            if para < paragraph - _PARAGRAPHS_BACK or name is None:
                return None
            if self._rival_between(end, at, name):
                return None
            return name
        return None

    def _rival_between(self, start: int, end: int, name: str) -> bool:
        """Another organisation named between the antecedent and "it" could be what it is."""
        return any(a.type == "organisation" and a.name != name
                   and not any(self.quotes.inside(s) for s, e in a.mentions if start <= s < end)
                   for a in self.index.all_in(start, end))

    def _in_sentence(self, tok: Any, sent: Any, offset: int) -> str | None:
        """'Protesters gathered outside the Daily News after it backed Clinton': "it" in
        a subordinate clause is the one organisation named before it in its sentence
        (an actor, or a name the actor finder left out), when no person is named there."""
        if tok.head.dep_ in ("ROOT", "conj"):
            return None
        names: set[str] = set()
        for ent in sent.ents:
            start = offset + ent.start_char
            if ent.end > tok.i or self.quotes.inside(start):
                continue
            if ent.root.dep_ in ("amod", "compound", "poss", "nmod"):
                continue  # not the head of its phrase: "a Republican race", "its plan"
            actor = self.index.at(start, offset + ent.end_char)
            if actor is not None:
                kind = actor.type
            elif ent.label_ == "PERSON":
                kind = "person"
            else:  # a name the model mislabels ("the Dallas Morning News" as an event)
                kind = "organisation" if ent.root.pos_ == "PROPN" and ent.label_ in (
                    "ORG", "EVENT", "WORK_OF_ART", "PRODUCT") else ""
            if kind == "person":
                return None  # "Roe criticised the ministry after it said ...": who is it?
            if kind == "organisation":  # (a place in the sentence is where, not who)
                names.add(actor.name if actor is not None
                          else ent.text.removeprefix("the ").removeprefix("The "))
        return names.pop() if len(names) == 1 else None

    def speak_for(self, claims: list[Claim], sent: Any, offset: int, paragraph: int) -> None:
        """Give each "it" claim its antecedent's name, or no speaker; a resolved "it" is
        itself the subject the next "it" points back to."""
        for claim in claims:
            span = claim.speaker_span
            tok = token_at(sent, offset, span[0]) if span else None
            if tok is None or span[1] != span[0] + len(tok.text):
                continue  # (a span that only opens with "It" names someone else)
            if tok.lower_ in ("they", "their") and claim.speaker == tok.text:
                name = self.resolve_plural(span[0], paragraph)
                if name is None:
                    unattribute(claim)
                    continue
                claim.speaker = name
                self.plural_seen.append((span[0], span[1], paragraph, name))
                self.plural_seen.sort(key=lambda s: s[0])
                continue
            if tok.lower_ != "it":
                continue
            name = None
            if speaking_it(tok):
                name = self._in_sentence(tok, sent, offset) or self.resolve(span[0], paragraph)
            if name is not None:
                claim.speaker = name
                self.seen.append((span[0], span[1], paragraph, name))
                self.seen.sort(key=lambda s: s[0])
                continue
            unattribute(claim)


def _plural(tok: Any) -> bool:
    """A plural subject that is no pronoun: 'The leaders', 'Roe and Berg'."""
    return tok.pos_ != "PRON" and (tok.tag_ in ("NNS", "NNPS") or bool(tok.conjuncts))


def _reported(verb: Any, reporting: frozenset[str]) -> bool:
    """A clause inside what a reporting verb reports ("said the border would reopen")."""
    node = verb
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in reporting:
            return True
        node = node.head
    return False
