"""Who a speaker is: the canonical actor a speaker phrase names or points back to.

A named speaker becomes its actor; a pronoun the most recent compatible person named outside
any quotation (number and gender from the pronoun, courtesy titles and gendered role words);
"the senator" / "the company" the last actor of that role or type; an unnamed source is kept
as written ("one GOP operative in the state"). Tables: lexicons/speakers.toml.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

from briefing.analysis.actor_roles import person_noun, titles
from briefing.analysis.actors import Actor
from briefing.analysis.claim import block_text, claim_words
from briefing.analysis.lexicon import table
from briefing.analysis.person_names import name_suffixes
from briefing.analysis.quotes import Quotations

_LONGEST_PHRASE = 12  # words: a longer subject is cut at its head ("X, who ..., said")


@lru_cache(maxsize=1)
def lex() -> dict[str, Any]:
    data = table("speakers")
    return {
        "pronouns": {k: tuple(v) for k, v in data["pronouns"].items()},
        "first_person": frozenset(data["first_person"]),
        "courtesy": data["courtesy_titles"],
        "gendered_roles": data["gendered_roles"],
        "nominal_persons": data["nominal_persons"],
        "nominal_organisations": frozenset(data["nominal_organisations"]),
        "nominal_named_organisations": frozenset(data["nominal_named_organisations"]),
        "person_nouns": frozenset(data["person_nouns"]),
        "body_nouns": frozenset(data["body_nouns"]),
        "organisation_kinds": {k: tuple(v) for k, v in data["organisation_kinds"].items()},
        "kin_nouns": data["kin_nouns"],
        "event_nouns": frozenset(data["event_nouns"]),
        "owned_bodies": frozenset(data["owned_bodies"]),
        "collective_nouns": frozenset(data["collective_nouns"]),
        "example_markers": frozenset(data["example_markers"]),
        "spokesperson_nouns": frozenset(data["spokesperson_nouns"]),
        "place_prepositions": frozenset(data["place_prepositions"]),
    }


class ActorIndex:
    """Which canonical actor covers a character offset; the last compatible one before an
    offset, outside quotations. Lookups bisect the sorted mentions, so the claim layer
    stays linear in text length."""

    _LONGEST = 200  # no mention is longer: how far back an overlapping one can start
    _TITLE_REACH = 400  # how far back a title before a name still tells who "the X" is

    def __init__(self, actors: list[Actor], text: str, quotes: Quotations) -> None:
        self.spans = sorted((s, e, a) for a in actors for s, e in a.mentions)
        self.starts = [s for s, _, _ in self.spans]
        self.quotes = quotes
        self.text = text
        self.gender = _genders(actors, text)
        # genders learned from pronouns resolved to a person: a hint, never a filter (one
        # wrong resolution must not block the right ones after it)
        self.learned: dict[str, str] = {}
        # actors that were the subject of a main clause or a reporting verb, outside
        # quotations, in text order: (offset, actor); the salient ones a pronoun prefers
        self.subject_starts: list[int] = []
        self._mention_lists: dict[tuple[str | None, tuple[str, ...]],
                                  tuple[list[int], list[Actor]]] = {}
        self.subject_actors: list[Actor] = []
        # the gender of the pronoun each subject was, if it was one ("" for a name): a
        # "she" is never the person a "he" just was, whatever the actor's gender is taken to be
        self.subject_genders: list[str] = []
        # bodies named by a speaker phrase that is no actor ("the Japanese foreign
        # ministry"), in text order: (offset, head lemma, words as written)
        self.bodies: list[tuple[int, str, str]] = []
        self._noted_bodies: set[tuple[int, str, str]] = set()
        # the sentences read so far, in text order: (start, end, start of their paragraph);
        # where "the two leaders" of a paragraph that names no one look back to
        self.sentences: list[tuple[int, int, int]] = []

    def note_sentence(self, start: int, end: int, paragraph: int) -> None:
        """The claim layer reads the sentence from `start` to `end` of the paragraph that
        starts at `paragraph` (sentences are noted in text order)."""
        if not self.sentences or self.sentences[-1][0] < start:
            self.sentences.append((start, end, paragraph))

    def paragraph_before(self, paragraph: int) -> int:
        """Where the paragraph before the one starting at `paragraph` starts (itself when
        it is the first read)."""
        i = bisect.bisect_left(self.sentences, (paragraph,)) - 1
        return self.sentences[i][2] if i >= 0 else paragraph

    def last_owned(self, offset: int, lemmas: tuple[str, ...], owner: Actor) -> str | None:
        """The name of the last body (a speaker phrase, or an organisation named) before
        `offset` whose head is one of `lemmas` and whose words name `owner` ("Senator Jane
        Roe's campaign", "the Roe campaign")."""
        owner_words = set(owner.name.lower().split())
        body = next(((at, written) for at, lemma, written in reversed(self.bodies)
                     if at < offset and lemma in lemmas and any(
                         at - len(written) <= s < at for s, _ in owner.mentions)), None)
        starts, actors = self._mentions("organisation", lemmas)
        i = bisect.bisect_left(starts, offset) - 1
        while i >= 0 and not owner_words & set(actors[i].name.lower().split()):
            i -= 1
        if i >= 0 and (body is None or starts[i] > body[0]):
            return actors[i].name
        return body[1] if body is not None else None

    def persons_in(self, start: int, end: int) -> list[Actor]:
        """The persons named from `start` to `end` outside quotations, in text order."""
        return [a for a in self.all_in(start, end) if a.type == "person" and any(
            start <= s < end and not self.quotes.inside(s) for s, _ in a.mentions)]

    def note_subject(self, at: int, actor: Actor, pronoun_gender: str = "") -> None:
        """`actor` is a subject at `at` (named there, or a pronoun of `pronoun_gender`
        resolved to it)."""
        i = bisect.bisect_left(self.subject_starts, at)
        if i == len(self.subject_starts) or self.subject_starts[i] != at:
            self.subject_starts.insert(i, at)
            self.subject_actors.insert(i, actor)
            self.subject_genders.insert(i, pronoun_gender)

    def last_subject(self, at: int, not_before: int, kind: str, gender: str = ""
                     ) -> Actor | None:
        """The last actor of type `kind` (and not of another gender) that was a subject
        from `not_before` up to `at`."""
        for i in range(bisect.bisect_left(self.subject_starts, at) - 1, -1, -1):
            if self.subject_starts[i] < not_before:
                return None
            actor = self.subject_actors[i]
            if actor.type == kind and (not gender or (
                    self.gender.get(actor.name, gender) == gender
                    and self.subject_genders[i] in ("", gender))):
                return actor
        return None

    def pronoun_antecedent(self, at: int, block_start: int, gender: str) -> Actor | None:
        """The person 'he' / 'she' at `at` is: the last compatible person who was a subject
        earlier in the same paragraph (the paragraph's speaker, not a name in an object:
        "Roe told reporters the board had lost confidence in Berg ... 'X,' she said"), else
        the last person named in this paragraph or the one before who is known to be of
        that gender (a title, a gendered role, a pronoun resolved to them before), else the
        last compatible person named."""
        actor = self.last_subject(at, block_start, "person", gender)
        if actor is None and gender:
            prev = self.text.rfind("\n", 0, len(self.text[:block_start].rstrip())) + 1
            # in the paragraph before, its subjects first, as in this one ("Roe advocates X;
            # he calls for Y. Berg aims to build on Rask's act. // He proposes ...": Roe,
            # not Rask named in an object)
            actor = (self._last_named(at, block_start, gender)
                     or self._last_subject_known(block_start, prev, gender)
                     or self._last_named(block_start, prev, gender))
        if actor is None:
            actor = self.last_before(at, "person", gender, unplaced=True)
        if actor is not None and gender:
            self.learned.setdefault(actor.name, gender)
        return actor

    def _only_a_place(self, actor: Actor) -> bool:
        """Every mention of `actor` reads as a place: after a preposition of place ("the
        camp at Adre", "near Tolmar") or naming a thing's place ("the Kessan aquifer"). The
        model types unknown places as persons; no pronoun refers to them."""
        words = lex()
        for start, end in actor.mentions:
            before = self.text[max(0, start - 12):start].split()
            after = self.text[end:end + 20].split()
            if before and before[-1].lower() in words["place_prepositions"] and not (
                    after and after[0].startswith(("'s", "’s"))):
                continue
            if (before and before[-1].lower() == "the" and after and after[0].isalpha()
                    and after[0].islower() and after[0] not in words["collective_nouns"]
                    and after[0] not in words["owned_bodies"]):
                continue
            return False
        return bool(actor.mentions)

    def _gender_of(self, actor: Actor) -> str | None:
        return self.gender.get(actor.name, self.learned.get(actor.name))

    def _last_named(self, at: int, not_before: int, gender: str) -> Actor | None:
        """The last person named from `not_before` up to `at`, outside quotations, known to
        be of `gender`."""
        for i in range(bisect.bisect_left(self.starts, at) - 1, -1, -1):
            start, _, found = self.spans[i]
            if start < not_before:
                return None
            if (found.type == "person" and not self.quotes.inside(start)
                    and self._gender_of(found) == gender):
                return found
        return None

    def _last_subject_known(self, at: int, not_before: int, gender: str) -> Actor | None:
        """The last person known to be of `gender` who was a subject named (not a pronoun:
        one wrong resolution must not carry on) from `not_before` up to `at`."""
        for i in range(bisect.bisect_left(self.subject_starts, at) - 1, -1, -1):
            if self.subject_starts[i] < not_before:
                return None
            actor = self.subject_actors[i]
            if (actor.type == "person" and not self.subject_genders[i]
                    and self._gender_of(actor) == gender):
                return actor
        return None

    def note_body(self, at: int, lemma: str, written: str) -> None:
        """A body spoke at `at` under the name `written` (what a later "the ministry" is)."""
        if (at, lemma, written) not in self._noted_bodies:
            self._noted_bodies.add((at, lemma, written))
            bisect.insort(self.bodies, (at, lemma, written))

    def last_body(self, offset: int, lemmas: tuple[str, ...]) -> tuple[int, str] | None:
        """The last body before `offset` whose head is one of `lemmas`: (offset, name)."""
        for at, lemma, written in reversed(self.bodies):
            if at < offset and lemma in lemmas:
                return at, written
        return None

    def last_mention(self, actor: Actor, offset: int) -> int:
        """Where `actor` was last named before `offset` outside quotations (-1: never)."""
        return max((s for s, _ in actor.mentions if s < offset and not self.quotes.inside(s)),
                   default=-1)

    def _around(self, start: int, end: int) -> list[tuple[int, int, Actor]]:
        lo = bisect.bisect_left(self.starts, start - self._LONGEST)
        hi = bisect.bisect_left(self.starts, end)
        return self.spans[lo:hi]

    def at(self, start: int, end: int) -> Actor | None:
        best = None
        for _, e, actor in self._around(start, end):
            if e > start and (best is None or actor.type == "person"):
                best = actor
        return best

    def all_in(self, start: int, end: int) -> list[Actor]:
        found: list[Actor] = []
        for s, e, actor in self._around(start, end):
            if s >= start and e <= end and actor not in found:
                found.append(actor)
        return found

    def ending_at(self, offset: int, not_before: int) -> tuple[list[int], Actor] | None:
        """The mention (span, actor) that ends exactly at `offset` and starts at or after
        `not_before`."""
        for s, e, actor in self._around(not_before, offset):
            if e == offset and s >= not_before:
                return [s, e], actor
        return None

    def _mentions(self, kind: str | None, named: tuple[str, ...]
                  ) -> tuple[list[int], list[Actor]]:
        """The mentions outside quotations of actors of type `kind` whose name holds a word
        of `named` (any, if empty), in text order: each lookup walks only these (a search
        for a ministry that was never named no longer walks the whole document)."""
        key = (kind, named)
        found = self._mention_lists.get(key)
        if found is None:
            words = set(named)
            pairs = [(s, a) for s, _, a in self.spans
                     if (kind is None or a.type == kind) and not self.quotes.inside(s)
                     and (not words or words & set(a.name.lower().split()))]
            found = ([s for s, _ in pairs], [a for _, a in pairs])
            self._mention_lists[key] = found
        return found

    def starting_at(self, offset: int) -> Actor | None:
        """The actor whose mention starts exactly at `offset`."""
        i = bisect.bisect_left(self.starts, offset)
        return self.spans[i][2] if i < len(self.spans) and self.starts[i] == offset else None

    def last_before(self, offset: int, kind: str | None, gender: str = "",
                    role: tuple[str, ...] = (), named: tuple[str, ...] = (),
                    unplaced: bool = False) -> Actor | None:
        """The last actor named before `offset` outside quotations (a name inside a quote is
        spoken about, not speaking), of type `kind`, not of another gender, whose name holds
        a word of `named` if given, preferring one whose role holds a word of `role`; with
        `unplaced`, not one only ever written as a place (see _only_a_place)."""
        fallback = None
        starts, actors = self._mentions(kind, named)
        for i in range(bisect.bisect_left(starts, offset) - 1, -1, -1):
            actor = actors[i]
            if gender and self.gender.get(actor.name, gender) != gender:
                continue
            if unplaced and self._only_a_place(actor):
                continue
            if not role or _has_role(actor, role) or self._titled(actor, role, offset):
                return actor
            fallback = fallback or actor
        return fallback

    def _titled(self, actor: Actor, words: tuple[str, ...], offset: int) -> bool:
        """A mention of `actor` shortly before `offset` follows one of `words` ("Secretary
        Margaret Olsen spoke with ... The Secretary said"): a title the actor's role did not
        keep (a title far back may be another's: "nominee X" of another party)."""
        for s, _ in actor.mentions:
            if not offset - self._TITLE_REACH <= s < offset:
                continue
            before = self.text[max(0, s - 30):s].lower().split()
            if before and before[-1] in words:
                return True
        return False


def _has_role(actor: Actor, words: tuple[str, ...]) -> bool:
    held = (actor.role or "").lower().split()
    return any(w in held for w in words)


def _genders(actors: list[Actor], text: str) -> dict[str, str]:
    """Gender of persons from a courtesy title right before a mention ("Ms. Conway") or a
    gendered role ("spokeswoman"); persons with neither are compatible with he and she."""
    table_ = lex()
    found: dict[str, str] = {}
    for actor in actors:
        if actor.type != "person":
            continue
        for word in (actor.role or "").lower().split():
            if word in table_["gendered_roles"]:
                found[actor.name] = table_["gendered_roles"][word]
        for start, _ in actor.mentions:
            before = text[max(0, start - 6):start].split()
            if before and before[-1] in table_["courtesy"]:
                found[actor.name] = table_["courtesy"][before[-1]]
                break
    return found


def speaker_phrase(tok: Any) -> tuple[int, int]:
    """Token range [first, last] of the speaker's own words: the subject's phrase up to a
    comma or a clause hanging on it ("Western diplomats in the region, speaking on ..."),
    without leading determiners or trailing punctuation and adverbs ("workers here"), at
    most a dozen words."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    for t in doc[tok.i + 1:right + 1]:
        if t.dep_ == "prep" and t.head.i == tok.i and any(
                c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in t.children):
            right = t.i - 1  # "an arbitration panel in 2001": when, not who
            break
        if t.text in ",;:(—–" or (t.head.i == tok.i and t.dep_ in ("relcl", "acl", "appos")) or (
                t.dep_ == "relcl" and tok.i < t.head.i < t.i):
            # (a relative clause on a later noun of the phrase ends it too: "Many of the
            # local leaders who'd rather be working on ...")
            # a clause hanging on the head starts at its own left edge ("who spoke ...")
            right = min(t.i, t.left_edge.i) - 1 if t.left_edge.i > tok.i else t.i - 1
            break
    right = min(right, left + _LONGEST_PHRASE - 1) if right > tok.i else right
    right = max(right, tok.i)
    while left < tok.i and (doc[left].dep_ in ("det", "punct", "cc", "preconj")
                            or doc[left].is_space):  # a blanked dateline or label
        left += 1
    # (and a possessive's mark: "the ministry's criticism of ..." is the ministry's)
    while right > tok.i and (doc[right].is_punct or doc[right].pos_ in ("ADP", "CCONJ", "ADV")
                             or doc[right].tag_ == "POS"):
        right -= 1
    return left, right


# A live blog's clock time or a list's bullet glued to the name that follows it
# ("9:52PMWalsh says ...", "-Tom Walsh and Ann Berg provide ..."): the tokenizer keeps them
# one word, and the name is the speaker. (A bullet and its space, "• Coast guard says", the
# parser may keep in the phrase too.)
_GLUED_PREFIX = re.compile(
    r"^(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?|[-–—•*]+|[•*▪◦‣]\s+)(?=[A-Z])")


def _without_titles(written: str) -> str:
    """A name the model did not tag, written after its titles ("Det Supt Ann Roe"): the
    name, as an actor's would be. Only when two or more words are left, every one
    capitalised and none a title itself ("Foreign Minister", "State Department spokesman"
    and a bare surname, "Gen. Roe", stay as written)."""
    words = written.split()
    first = 0
    while (first < len(words) - 1 and words[first][:1].isupper()
           and words[first].lower() in titles()):
        first += 1
    rest = words[first:]
    if first and len(rest) > 1 and all(w[:1].isupper() and w.lower() not in titles()
                                       for w in rest):
        return " ".join(rest)
    return written


def conjunct_phrase(tok: Any) -> tuple[int, int]:
    """speaker_phrase of one conjunct: its own words, not the whole list after it ("teachers
    unions and both the X and Y"; "a spokesman and Paul Moreau" is the spokesman, Moreau
    speaking as the next conjunct)."""
    left, right = speaker_phrase(tok)
    return left, min([right, *(c.i - 1 for c in tok.children if c.dep_ == "cc" and c.i > tok.i)])


def _one_speaker_behind(t: Any, offset: int, index: ActorIndex) -> bool:
    """A coordinated subject the parser made of one speaker: roles coordinated before one
    person's name ("chief pollster and strategist Joel Benenson": the first role is the
    head, the named person its conjunct), or a verb's object joined to the next clause's
    subject ("has won a state and Cruz suggested"). The person named in the whole phrase
    then speaks for the first conjunct too."""
    if t.tag_ in ("NNS", "NNPS"):
        return False
    own = index.at(offset + t.idx, offset + t.idx + len(t.text))
    if own is not None and own.type != "place":
        return False
    doc = t.doc
    before = doc[t.left_edge.i - 1] if t.left_edge.i > t.sent.start else None
    if (before is not None and before.pos_ == "VERB"
            and not any(c.dep_ == "dobj" for c in before.children)):
        return True
    return any(_named_after_a_role(doc[c.left_edge.i:c.right_edge.i + 1]) for c in t.conjuncts)


def _named_after_a_role(words: Any) -> bool:
    """'strategist Joel Benenson', 'DNC Chairman Ed Rendell': a person's name with a word of
    their role before it (which the model may tag a verb)."""
    first = next((w.i for w in words if w.ent_type_ == "PERSON"), None)
    return first is not None and any(
        w.is_alpha and w.ent_type_ != "PERSON" and w.pos_ not in ("DET", "CCONJ", "ADP")
        for w in words if w.i < first)


def speaker_names(tok: Any, offset: int, index: ActorIndex) -> list[str]:
    """Canonical names for a speaker token, conjuncts expanded, pronouns resolved."""
    pronouns = lex()["pronouns"]
    names: list[str] = []
    for n, t in enumerate([tok, *list(tok.conjuncts)]):
        conjunct = n > 0  # (t itself may become a relative pronoun's antecedent below)
        if conjunct and t.text in name_suffixes():
            continue  # "Joseph R. Biden, Jr. and Fumio Kishida": "Jr." is no one
        if conjunct and _left_out(t):
            continue  # "Everyone but Hewlett said yes": Hewlett did not
        if t.lower_ == "who" and t.head.dep_ == "relcl":
            t = t.head.head
            while t.dep_ == "appos":  # "Scott Reed, the group's strategist, who ..."
                t = t.head
        if t.lower_ in lex()["first_person"]:
            names.append(t.text)  # the speaker of the quote or turn, resolved by the caller
            continue
        if t.lower_ in pronouns:
            number, gender = pronouns[t.lower_]
            if gender == "neuter" or number == "plural":
                # "it": the recent organisation speaking; "they": the recent group (a plural
                # subject, persons named together), never a state inside an object: both
                # resolved once the sentence's subjects are known, see it_speakers
                names.append(t.text)
                continue
            shared = _first_clauses_subject(t, gender)
            if shared is not None:
                names.extend(speaker_names(shared, offset, index))
                continue
            actor = index.pronoun_antecedent(offset + t.idx, offset, gender)
            if actor is not None and t.dep_ in ("nsubj", "nsubjpass"):
                index.note_subject(offset + t.idx, actor, gender)
            names.append(actor.name if actor else t.text)
            continue
        # the first that answers: the actors the phrase names, the one "the ministry" points
        # back to, the persons "the leaders" are, the relative "her father" is
        found = (phrase_actors(t, offset, index)
                 or [n for n in [definite_antecedent(t, offset, index)] if n]
                 or [n for n in [spokesperson_of(t, offset, index)] if n]
                 or [n for n in [its_people(t, offset, index)] if n]
                 or persons_together(t, offset, index)
                 or [r.name for r in [kin_of(t, offset, index)] if r])
        if found:
            names.extend(found)
            continue
        if conjunct and _speaks_not(t):
            continue  # "Ted Cruz and cowboy hat": a thing the parser joined to the speaker
        # An unnamed source as written: "two people familiar with the matter".
        left, right = conjunct_phrase(t)
        written = _without_titles(_GLUED_PREFIX.sub("", t.doc[left:max(left, right) + 1].text))
        if is_body(t):
            index.note_body(offset + t.idx, t.lemma_.lower(), written)
        names.append(written)
    return list(dict.fromkeys(names))


def _first_clauses_subject(pronoun: Any, gender: str) -> Any | None:
    """'The Secretary made clear that ..., and he urged ...': the subject of a clause
    joined to the first one is the first clause's subject when that is a person named by
    a role noun ("the Secretary", "the spokeswoman"), not a name (the pronoun resolver
    finds names) and not of the other gender."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    words = lex()
    if subject is None or subject.tag_ not in ("NN", "NNP") or not (
            subject.lower_ in words["person_nouns"] or subject.lower_ in words["nominal_persons"]
    ) or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None  # (capitalised as a title, "the Secretary" is tagged a proper noun)
    role_gender = words["gendered_roles"].get(subject.lower_, "")
    return subject if not (gender and role_gender and role_gender != gender) else None


@lru_cache(maxsize=1)
def holder_nouns() -> frozenset[str]:
    """Common nouns that can hold an attitude: people, organisations, polls."""
    words = lex()
    return (words["person_nouns"] | words["nominal_organisations"]
            | words["nominal_named_organisations"] | claim_words()["data_sources"])


# Entity labels of who can speak: people, organisations, nationalities, states
_NAME_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")
# "led some to question", "caused many to wonder": people, counted
_SPEAKING_QUANTIFIERS = {"some", "many", "others", "few", "most", "several", "both", "all",
                         "each", "everyone", "everybody", "anyone", "someone", "nobody"}


def can_speak(noun: Any | None) -> bool:
    """A name, a personal pronoun, or a noun of people, organisations or polls: who can
    be told to say something (not "her weekly column", "this")."""
    if noun is None:
        return False
    if noun.pos_ == "PROPN" or noun.ent_type_ in _NAME_ENTITIES or (
            noun.lower_ in _SPEAKING_QUANTIFIERS):
        return True
    if noun.pos_ == "PRON":
        return noun.tag_ == "PRP" and noun.lower_ not in ("it", "this", "that")
    return noun.lemma_.lower() in holder_nouns()


# Words that join a conjunct to leave it out of what is said ("everyone but X").
_EXCLUDING = frozenset(("but", "except", "save"))


def _left_out(conjunct: Any) -> bool:
    """The conjunct follows an excluding "but" / "except": it is the one who did not."""
    before = conjunct.head
    return any(c.dep_ == "cc" and c.lower_ in _EXCLUDING and before.i < c.i < conjunct.i
               for c in before.children)


def _speaks_not(conjunct: Any) -> bool:
    """A common noun naming no actor, no person, no body and no poll or document ("cowboy
    hat", "the plan"): it cannot speak, so it is a thing the parser coordinated with the
    speaker."""
    lemma = conjunct.lemma_.lower()
    words = lex()
    if conjunct.tag_ != "NN" or conjunct.lower_ in words["collective_nouns"]:
        return False  # plurals are mostly people ("entertainers", "thinkers")
    if can_speak(conjunct):
        return False  # "the poll and a new survey show": a survey speaks
    if any(w.pos_ == "PROPN" or w.ent_type_ in _NAME_ENTITIES for w in conjunct.subtree):
        return False  # a name the tagger missed ("author Dinesh D’Souza" tagged a noun)
    if any(w.tag_ == "NNS" and person_noun(w.lemma_) for w in conjunct.subtree):
        return False  # "a clutch of other liberal lawmakers": people, counted
    return (conjunct.pos_ == "NOUN" and not is_body(conjunct) and not person_noun(lemma)
            and lemma not in words["organisation_kinds"] and lemma not in words["kin_nouns"])


def bound_possessive(t: Any) -> Any | None:
    """The subject a possessive pronoun refers to inside its own clause: 'Latino Republicans
    have been unsparing in their criticism of X', 'Both parents stiffened their denunciation
    of Y' (their = the subject, not the last persons named before). Only a subject that agrees
    in number (and for his/her, a person or a pronoun of that gender), and not when the
    pronoun's noun is the subject itself ('their criticism was unfair')."""
    if t.dep_ != "poss" or t.lower_ not in ("his", "her", "their"):
        return None
    node = t.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i <= t.i <= subject.right_edge.i:
        return None
    pronouns = lex()["pronouns"]
    number, gender = pronouns[t.lower_]
    if subject.lower_ in pronouns or subject.lower_ == "we":
        return subject if pronouns.get(subject.lower_, ("plural", ""))[:2] == (
            number, gender) else None
    plural = subject.tag_ in ("NNS", "NNPS") or bool(subject.conjuncts)
    if number == "plural":
        return subject if plural else None
    person = subject.ent_type_ == "PERSON" or (
        subject.pos_ == "NOUN" and subject.lemma_.lower() in lex()["person_nouns"])
    return subject if person and not plural else None


def phrase_actors(t: Any, offset: int, index: ActorIndex) -> list[str]:
    """Actors named by a speaker's noun phrase: the head's own actor ("Finland's National
    Bureau" -> the Bureau), else its persons ("Niger's minister, Salifou Moussa"), else every
    actor in it ("The Chinese government" -> China, "officials in Bamako and Ouagadougou").
    A person noun whose phrase names only an organisation or place ("one GOP operative in
    the state") is not that organisation: it is kept as written (empty list)."""
    capitals = table("places")["capitals"]

    def name(actor: Actor) -> str:
        # "the government in Niamey" speaks for Niger
        return capitals.get(actor.name, actor.name) if actor.type == "place" else actor.name

    head = index.at(offset + t.idx, offset + t.idx + len(t.text))
    if head is not None and head.type != "place":
        return [head.name]
    doc = t.doc
    left_i, right_i = (speaker_phrase(t) if _one_speaker_behind(t, offset, index)
                       else conjunct_phrase(t))
    left_start = doc[left_i].idx
    right_end = doc[right_i].idx + len(doc[right_i].text)
    head_end = t.idx + len(t.text)
    # Modifiers before the head own it ("The Russian embassy in Helsinki": Russia); what
    # follows counts only when nothing precedes ("officials in Bamako"), persons always.
    left = index.all_in(offset + left_start, offset + head_end)
    right = index.all_in(offset + head_end, offset + right_end)
    persons = [a for a in left + right if a.type == "person"]
    owners: list[Actor] = []
    if _singular_person_noun(t) or _plural_person_noun(t):
        # "Trump's campaign manager" is not Trump: a possessor does not speak for its aide,
        # nor for its aides, critics or supporters ("Roe's opponents" are not Roe)
        owners = [a for c in t.children if c.dep_ == "poss"
                  for a in index.all_in(offset + doc[c.left_edge.i].idx,
                                        offset + c.idx + len(c.text) + 2)]
        persons = [a for a in persons if a not in owners]
        left = [a for a in left if a not in owners]
    # An apposition names the head itself: "Germany's main contractor, Rheinmetall,".
    # (up to the apposition's own clause: "Senators Roe and Berg, who lead a caucus in
    # Congress," are not Congress)
    named = [a for c in t.children if c.dep_ == "appos"
             for a in index.all_in(offset + doc[c.left_edge.i].idx,
                                   offset + doc[_appos_end(c)].idx
                                   + len(doc[_appos_end(c)].text))
             if not _hails_from(a, c, offset, index)]
    if is_body(t):
        # "The Japanese foreign ministry", "the Trump campaign": the body speaks, not the
        # state or person its modifiers name (empty: kept as written or "the ministry"
        # named before); an organisation named right before the noun is the body itself
        # ("the United Auto Workers union")
        own = index.ending_at(offset + doc[t.i - 1].idx + len(doc[t.i - 1].text),
                              offset + left_start) if t.i > left_i else None
        # (not an adjective the model took for a name: "the Norlandic ministry" is no body
        # called "Norlandic")
        if (own is not None and own[1].type == "organisation" and doc[t.i - 1].tag_ != "POS"
                and doc[t.i - 1].pos_ != "ADJ"):
            named = [own[1], *named]
        return list(dict.fromkeys(name(a) for a in named))
    if t.tag_ == "NNS" and (left or right) and all(
            _example_of(t, a, offset) for a in left + right):
        return []  # "Analysts like Jane Roe", "Firms such as Velora": the group, as written
    if t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in lex()["person_nouns"]:
        # "Prosecutors in Baltimore": a town is where they work, not whom they speak for
        # (a state or its capital is: "officials in Bamako" speak for Mali)
        right = [a for a in right if a.type != "place" or a.name in capitals
                 or not _located_in(a, offset, doc)]
    # The small model sometimes reads "Analysts at Meridian Capital estimate that" with
    # "Meridian Capital estimate" as one noun, leaving the preposition without its object:
    # the actor that starts right after a dangling preposition is still the phrase's.
    last = doc[t.right_edge.i]
    if not right and last.pos_ == "ADP" and not list(last.children):
        after = last.idx + len(last.text)
        rest = block_text(doc)[after:]
        after += len(rest) - len(rest.lstrip())
        follower = index.starting_at(offset + after)
        if follower is not None:
            right = [follower]
    if not (persons or named) and (_singular_person_noun(t) or owners):
        # "a GOP operative": a person, not the party; "Roe's Ohio supporters": not Ohio
        return []
    chosen = persons or named or left or right
    return list(dict.fromkeys(name(a) for a in chosen))


def _example_of(t: Any, actor: Actor, offset: int) -> bool:
    """`actor` is named in `t`'s phrase of examples ("like Jane Roe", "such as Tomas
    Berg", "including Ada Lund")."""
    for prep in t.children:
        if prep.dep_ != "prep" or prep.i < t.i:
            continue
        word = prep.lower_
        if word == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such":
            word = "such as"
        if word not in lex()["example_markers"]:
            continue
        lo = offset + prep.idx
        hi = offset + prep.doc[prep.right_edge.i].idx + len(prep.doc[prep.right_edge.i].text)
        if any(lo <= s < hi for s, _ in actor.mentions):
            return True
    return False


def _hails_from(actor: Actor, appos: Any, offset: int, index: ActorIndex) -> bool:
    """The place a person named in an apposition is from ("Jane Roe of Springfield", "Sens.
    A of Texas and B of Ohio"): where they are from, not a second speaker."""
    if actor.type != "place":
        return False
    for tok in appos.subtree:
        if tok.dep_ == "prep" and tok.head.ent_type_ == "PERSON" and tok.head.i < tok.i:
            start, end = tok.idx, tok.right_edge.idx + len(tok.doc[tok.right_edge.i].text)
            if actor in index.all_in(offset + start, offset + end):
                return True
    return False


def _appos_end(appos: Any) -> int:
    """Where an apposition's names end: before a clause hanging in it ("Roe and Berg, who
    lead a caucus in Congress"), else its whole phrase (a list of names, "Sens. A (D-WV),
    B (D-PA), ...")."""
    end = appos.right_edge.i
    for tok in appos.subtree:
        if tok.dep_ in ("relcl", "acl") and tok.left_edge.i > appos.i:
            end = min(end, tok.left_edge.i - 1)
    while end > appos.i and appos.doc[end].is_punct:
        end -= 1
    return end


def kin_of(t: Any, offset: int, index: ActorIndex) -> Actor | None:
    """'Her father', "Roe's daughter": the person of the kin noun's gender named before who
    shares the possessor's family name (the possessor a pronoun resolved as a pronoun is,
    or a person named); None when there is no such one person."""
    kin = lex()["kin_nouns"]
    lemma = t.lemma_.lower()
    if lemma not in kin or t.tag_ != "NN":
        return None
    owner_tok = next((c for c in t.children if c.dep_ == "poss"), None)
    if owner_tok is None:
        return None
    at = offset + t.idx
    pronouns = lex()["pronouns"]
    if owner_tok.lower_ in ("his", "her"):
        owner = index.pronoun_antecedent(offset + owner_tok.idx, offset,
                                         pronouns[owner_tok.lower_][1])
    else:
        owner = index.at(offset + owner_tok.idx, offset + owner_tok.idx + len(owner_tok.text))
    if owner is None or owner.type != "person" or len(owner.name.split()) < 2:
        return None
    family = owner.name.split()[-1]
    gender = kin[lemma]
    relatives = {a.name: a for _, _, a in index.spans[:bisect.bisect_left(index.starts, at)]
                 if a.type == "person" and a is not owner and a.name.split()[-1] == family
                 and (not gender or index.gender.get(a.name, gender) == gender)}
    return next(iter(relatives.values())) if len(relatives) == 1 else None


def _located_in(actor: Actor, offset: int, doc: Any) -> bool:
    """A mention of `actor` in `doc` is the object of "in" ("Prosecutors in Dayton"), not
    of "at" ("Researchers at Bruegel": where they work, whatever its type)."""
    text = block_text(doc)  # (Doc.text joins the block's words anew on every call)
    for start, _ in actor.mentions:
        at = start - offset
        if 0 <= at < len(text) and text[max(0, at - 3):at] == "in ":
            return True
    return False


def is_body(t: Any) -> bool:
    """'ministry', 'embassy', 'prosecutors': a common noun that heads a body of its own."""
    # (the small model tags a lowercase "ministry" as a proper noun)
    return (t.pos_ in ("NOUN", "PROPN") and (t.text[:1].islower() or t.i == t.sent.start)
            and t.lemma_.lower() in lex()["body_nouns"])


def _state_modifiers(t: Any) -> bool:
    """'The Japanese foreign ministry', "Norway's defence ministry": a modifier before the
    head names a state or place (not "the Amsterdam-based agency": where it sits)."""
    for child in t.lefts:
        if child.dep_ in ("det", "predet"):
            continue
        for w in child.subtree:
            if w.ent_type_ in ("GPE", "NORP", "LOC") and not any(
                    x.lower_ == "based" for x in child.subtree):
                return True
    return False


def persons_together(t: Any, offset: int, index: ActorIndex) -> list[str]:
    """'The leaders', 'the two men', 'both ministers': a definite plural person noun that
    names no one is the persons named together in the nearest earlier sentence of its
    paragraph that names any person (outside quotations), or, for a counted phrase, of the
    paragraph before when its own names no one ("President X spoke with Prime Minister Y.
    ... ¶ The office said the two leaders had agreed ..."), when it names two or more (and
    as many as a number in the phrase says); else none."""
    if t.tag_ != "NNS" or t.lemma_.lower() not in lex()["person_nouns"] or not any(
            c.lower_ in ("the", "both") for c in t.lefts):
        return []
    if any(c.dep_ in ("poss", "compound", "amod", "prep") and c.lower_ not in _GROUP_WORDS
           for c in t.children):
        return []  # "the Republican leaders", "the leaders of both parties": not these two
    count = next((_COUNTS[c.lower_] for c in t.lefts if c.lower_ in _COUNTS), None)
    i = bisect.bisect_left(index.sentences, (offset + t.sent.start_char,)) - 1
    paragraph = offset  # the paragraph searched: this one, then the one before if needed
    while i >= 0:
        start, end, block = index.sentences[i]
        if block != paragraph:
            if paragraph != offset or count is None:
                break
            # this paragraph named no one: "the two leaders" are the two of the last (a
            # bare "the leaders" there may be any: "all the experts I interviewed")
            paragraph = block
        persons = index.persons_in(start, end)
        if persons:
            if len(persons) >= 2 and count in (None, len(persons)):
                return [a.name for a in persons]
            return []
        i -= 1
    return []


_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
_GROUP_WORDS = frozenset(("two", "three", "four", "both"))


def _singular_person_noun(t: Any) -> bool:
    """'one GOP operative', 'a State Department spokesman': one unnamed person. Plurals
    ("Chinese officials") still speak for the organisation or country they name."""
    return (t.pos_ == "NOUN" and t.tag_ == "NN"
            and t.lemma_.lower() in lex()["person_nouns"])


def _plural_person_noun(t: Any) -> bool:
    """'Roe's advisers', 'Chinese officials': several people of a kind (who speak for the
    country they name, but not for whoever owns them)."""
    return (t.pos_ == "NOUN" and t.tag_ == "NNS"
            and t.lemma_.lower() in lex()["person_nouns"])


def spokesperson_of(t: Any, offset: int, index: ActorIndex) -> str | None:
    """'The Trust said it had been told in May. A spokesman said ...': a spokesman named for
    no one ("a spokesman", no "for X", no possessor or modifier naming whose) speaks for
    the organisation that was last a subject in the same paragraph; else None."""
    if t.tag_ != "NN" or t.lemma_.lower() not in lex()["spokesperson_nouns"]:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) or any(
            c.dep_ in ("poss", "compound", "prep", "nmod") for c in t.children):
        return None
    actor = index.last_subject(offset + t.idx, offset, "organisation")
    return actor.name if actor else None


def its_people(t: Any, offset: int, index: ActorIndex) -> str | None:
    """'Its researchers said ...', 'its spokesman': people of a kind owned by "its" speak
    for the organisation that was last a subject in this paragraph or the one before."""
    if not person_noun(t.lemma_.lower()) or not any(
            c.dep_ == "poss" and c.lower_ == "its" for c in t.children):
        return None
    actor = index.last_subject(offset + t.idx, index.paragraph_before(offset), "organisation")
    return actor.name if actor else None


def definite_antecedent(t: Any, offset: int, index: ActorIndex) -> str | None:
    """'the company' -> the last organisation named; 'the senator' -> the last person
    whose role is senator (else the last person); 'the company's chief executive' -> the
    last person named with that role."""
    if t.tag_ in ("NNS", "NNPS"):
        return None  # "the ministers" are several: no one actor
    if not any(c.lower_ == "the" for c in t.lefts):
        holder = role_holder(t, offset, index)  # "its finance chief", "the group's ..."
        return holder.name if holder else None
    lemma = t.lemma_.lower()
    at = offset + t.idx
    if lemma in lex()["nominal_organisations"]:
        # the organisation that was a subject earlier in the paragraph ("Velora said it had
        # halted production at its plant in Cork. The company said ...") before any other
        actor = index.last_subject(at, offset, "organisation") or index.last_before(
            at, "organisation")
        return actor.name if actor else None
    kinds = lex()["organisation_kinds"].get(lemma)
    if lemma in lex()["nominal_named_organisations"] or kinds:
        if _state_modifiers(t):
            return None  # "the Japanese foreign ministry": that state's own, as written
        # "the ministry": the last organisation named a ministry, or the last ministry that
        # spoke under a description ("the Japanese foreign ministry said ...")
        words = kinds or (lemma,)
        if lemma in lex()["owned_bodies"]:
            # "Donald Trump spoke in Ohio. The campaign said ...": Trump's, or no one named;
            # "the Trump campaign" names its own owner (kept as written)
            if any(c.pos_ == "PROPN" for c in t.lefts):
                return None
            owner = index.last_subject(at, index.paragraph_before(offset), "person")
            if owner is not None:
                return index.last_owned(at, words, owner)
        actor = index.last_before(at, "organisation", named=words)
        body = index.last_body(at, words)
        if body is not None and (actor is None or body[0] > index.last_mention(actor, at)):
            return body[1]
        return actor.name if actor else None
    roles = lex()["nominal_persons"].get(lemma)
    if roles:
        gender = lex()["gendered_roles"].get(lemma, "")
        actor = index.last_before(offset + t.idx, "person", gender, tuple(roles))
        if actor is not None and not _has_role(actor, tuple(roles)) and (
                actor.role or actor is not index.last_subject(
                    offset + t.idx, index.paragraph_before(offset), "person")):
            # "the Secretary" is not "Anna Roe, a reporter", nor a person only mentioned
            # in an object ("... about Anna Roe"): kept as written
            return None
        return actor.name if actor else None
    holder = role_holder(t, offset, index)
    return holder.name if holder else None


def role_holder(t: Any, offset: int, index: ActorIndex) -> Actor | None:
    """'The company's chief executive said', 'its finance chief added': the last person
    named before with that role ("..., the company's chief executive, Anna Vogel, said"),
    else, before any person is named, the first named after with it. The title's words
    (the noun and the words compounding it) end the role the person was given. A singular
    definite or owned title only ("a chief executive" is anyone)."""
    owner = next((c for c in t.lefts if c.dep_ == "poss"), None)
    if t.tag_ != "NN" or not person_noun(t.text) or (
            owner is None and not any(c.lower_ == "the" for c in t.lefts)):
        return None
    if owner is not None and owner.lower_ in lex()["pronouns"] and owner.lower_ != "its":
        return None  # "his lawyer": whose is a guess ("its", a company's, is not)
    named_owner = (index.at(offset + owner.idx, offset + owner.idx + len(owner.text))
                   if owner is not None and owner.pos_ == "PROPN" else None)
    words = [c.lower_ for c in t.lefts if c.dep_ in ("compound", "amod")] + [t.lower_]
    title = " ".join(words)
    starts, actors = index._mentions("person", ())
    at = bisect.bisect_left(starts, offset + t.idx)
    # the last named before; else, in a lede that names no one before it ("The company's
    # chief executive said ... Anna Vogel, the chief executive, told ..."), the first after
    for i in [*range(at - 1, -1, -1), *(range(at, len(starts)) if at == 0 else ())]:
        role = (actors[i].role or "").lower()
        if not (role == title or (role.endswith(" " + title) and len(words) >= 2)):
            continue
        if named_owner is None or any(
                named_owner.name.split()[-1] in index.text[max(0, s - 80):s]
                for s, _ in actors[i].mentions):
            return actors[i]  # "Germany's president" is not whoever else is a president
    return None
