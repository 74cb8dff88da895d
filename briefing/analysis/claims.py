"""Claims: who asserts what, with figures, denials, hedges and predictions.

Built on the dependency parse of each block, with the actors' canonical names as speakers.
The small English model mis-parses some frames ("plan" as a noun root, "that" as subject),
so every rule has a fallback that uses word order instead of the tree.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from briefing.analysis.actors import Actor
from briefing.analysis.lexicon import table
from briefing.ingest.boilerplate import parse_date

_QUOTE_CHARS = "\"“”«»"
_PRONOUNS = {"he": "person", "she": "person", "they": None, "it": None}
_NUMERIC_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Only an active subject speaks: in "Beijing is expected to ..." Beijing is the topic.
_SPEAKER_DEPS = {"nsubj"}
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "attr", "advcl", "oprd", "parataxis"}


@dataclass
class Claim:
    start: int
    end: int
    text: str
    kinds: list[str]
    speaker: str | None = None
    cue: str | None = None
    cue_span: list[int] | None = None
    speaker_span: list[int] | None = None
    hedges: list[str] = field(default_factory=list)
    probability: dict | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kinds": self.kinds,
                "speaker": self.speaker, "cue": self.cue, "hedges": self.hedges,
                "probability": self.probability, "cue_span": self.cue_span,
                "speaker_span": self.speaker_span}


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    data = table("claims")
    return {
        "reporting": frozenset(data["reporting_verbs"]),
        "addressee": frozenset(data["addressee_verbs"]),
        "denial": frozenset(data["denial_verbs"]),
        "statement_nouns": frozenset(data["statement_nouns"]),
        "speculative_nouns": frozenset(data["speculative_nouns"]),
        "hedges": frozenset(data["hedges"]),
        "speculation": frozenset(data["speculation_hedges"]),
        "prediction": _phrase_re(data["prediction_words"]),
        "probability": data["probability"],
        "probability_re": _phrase_re(sorted(data["probability"], key=len, reverse=True)),
        "confidence_re": _phrase_re(data["confidence"]),
    }


def _phrase_re(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (straight quotes pair up in order)."""
    ranges, open_at = [], None
    for i, ch in enumerate(text):
        if ch in _QUOTE_CHARS:
            if open_at is None and ch != "”":
                open_at = i
            elif open_at is not None and ch != "“":
                ranges.append((open_at, i + 1))
                open_at = None
    return ranges


def _inside(ranges: list[tuple[int, int]], at: int) -> bool:
    return any(s < at < e for s, e in ranges)


class _ActorIndex:
    """Which canonical actor covers a character offset; the last person before an offset.
    Lookups bisect the sorted mentions, so the claim layer stays linear in text length."""

    _LONGEST = 200  # no mention is longer: how far back an overlapping one can start

    def __init__(self, actors: list[Actor]) -> None:
        self.spans = sorted((s, e, a) for a in actors for s, e in a.mentions)
        self.starts = [s for s, _, _ in self.spans]

    def _around(self, start: int, end: int):
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

    def starting_at(self, offset: int) -> Actor | None:
        """The actor whose mention starts exactly at `offset`."""
        i = bisect.bisect_left(self.starts, offset)
        return self.spans[i][2] if i < len(self.spans) and self.starts[i] == offset else None

    def last_before(self, offset: int, kind: str | None) -> Actor | None:
        for i in range(bisect.bisect_left(self.starts, offset) - 1, -1, -1):
            actor = self.spans[i][2]
            if kind is None or actor.type == kind:
                return actor
        return None


def find_claims(parsed: list[tuple[Any, Any]], text: str, actors: list[Actor]) -> list[Claim]:
    """Every check-worthy statement, in text order."""
    index = _ActorIndex(actors)
    claims: list[Claim] = []
    for block, doc in parsed:
        if block.is_question:
            continue  # a reporter's question asserts nothing
        quotes = _quoted_ranges(doc.text)
        turn_speaker = _turn_speaker(block, index)
        for sent in doc.sents:
            found = _attributed(sent, block.start, quotes, index)
            _share_according_to(found)
            found += _nominal(sent, block.start, found)
            if not found and (_is_event(sent) or (turn_speaker and _is_statement(sent))):
                found.append(_claim(sent, block.start, sent[0].i, sent[-1].i, None, None))
            if turn_speaker:
                _speak_for_turn(found, turn_speaker)
            claims.extend(found)
    return _merge_same_span(sorted(claims, key=lambda c: (c.start, c.end)))


def _merge_same_span(claims: list[Claim]) -> list[Claim]:
    """Two frames that cover the same words are one claim with the kinds of both."""
    merged: list[Claim] = []
    for claim in claims:
        if merged and (merged[-1].start, merged[-1].end) == (claim.start, claim.end):
            kept = merged[-1]
            kept.kinds = list(dict.fromkeys(kept.kinds + claim.kinds))
            kept.hedges = sorted(set(kept.hedges) | set(claim.hedges))
            kept.speaker = kept.speaker or claim.speaker
            kept.probability = kept.probability or claim.probability
            continue
        merged.append(claim)
    return merged


def _attributed(sent: Any, offset: int, quotes: list, index: _ActorIndex) -> list[Claim]:
    lex = _lex()
    found: list[Claim] = []
    media: list[Claim] = []  # "according to a note": a document, not an actor
    for token in sent:
        if _inside(quotes, token.idx):
            continue  # a cue word inside a quotation belongs to the quote
        if _is_according_to(token):
            speaker_tok = next((t for t in token.nbor(1).children if t.dep_ == "pobj"), None)
            claim = _with_speaker(sent, offset, sent[0].i, sent[-1].i, token, speaker_tok, index)
            if speaker_tok is None or not _phrase_actors(speaker_tok, offset, index):
                media.append(claim)
            found.append(claim)
            continue
        if token.pos_ not in ("VERB", "AUX", "NOUN") or token.lemma_.lower() not in lex[
                "reporting"]:
            continue
        if token.pos_ == "NOUN" and token.dep_ != "ROOT":
            # A noun is a frame only where the parser mistook the verb: as the root ("X plan
            # to"), or just before "that" and its clause ("Analysts at Rystad Energy
            # estimate that ...", read as "Energy estimate"): then the sentence is the claim.
            if _misread_frame(token):
                found.append(_with_speaker(sent, offset, sent[0].i, sent[-1].i, token,
                                           _speaker_of(token), index))
            continue
        speaker_tok = _speaker_of(token)
        if _nested_frame(token, speaker_tok):
            continue
        if token.dep_ == "acl" or (token.dep_ == "advcl" and token.lower_ == "reported"):
            # "as reported by VOA": the sentence is attributed to the agent
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is None:
                continue
            found.append(_with_speaker(sent, offset, sent[0].i, sent[-1].i, token, pobj, index))
            continue
        content = [c for c in token.children if c.dep_ in _CONTENT_DEPS
                   and not (token.lemma_.lower() in lex["addressee"] and c.dep_ == "dobj"
                            and c.pos_ in ("PROPN", "PRON"))
                   # a reporting clause hanging off this one is a claim of its own
                   and not (c.dep_ in ("advcl", "parataxis")
                            and c.lemma_.lower() in lex["reporting"])]
        if speaker_tok is None and not content:
            continue
        lo, hi = token.i, token.i
        # A speaker inherited from another verb ("China condemned ..., saying ...") is not
        # part of this clause: the claim is the participle and what it says.
        own_speaker = speaker_tok is not None and speaker_tok.head.i == token.i
        for part in content + ([speaker_tok] if own_speaker else []):
            lo, hi = min(lo, part.left_edge.i), max(hi, part.right_edge.i)
        if token.dep_ == "ROOT" or not content:
            # the frame's own clause: from the speaker to the end of the sentence, but not
            # into a subordinate clause that has its own reporting verb
            hi = max(hi, _clause_end(token))
        lo, hi = max(lo, sent[0].i), min(hi, sent[-1].i)
        hi = _cut_nested_frames(token, hi, quotes)
        found.append(_with_speaker(sent, offset, lo, hi, token, speaker_tok, index))
    if any(c.speaker for c in found if c not in media):
        # "Economists at Deutsche Bank expect ..., according to a note to clients": the note
        # is where they said it, not a second claim.
        found = [c for c in found if c not in media]
    return found


def _quoted_as_saying(verb: Any) -> Any | None:
    """The person quoted in "TASS quoted Peskov as saying ..." or "The ministry was quoted
    by RIA Novosti as saying ...": the speaker is who was quoted, not who quoted."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_ != "quote":
        return None
    quote = verb.head.head
    return next((c for c in quote.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _misread_frame(noun: Any) -> bool:
    """A reporting noun with no determiner right before "that" and a clause: a verb the
    parser read as a noun. "an estimate that ..." (a real noun) does not count."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or noun.i == 0:
        return False
    that = doc[noun.i + 1]
    return (that.lower_ == "that" and that.dep_ == "mark" and that.head.pos_ == "VERB"
            and that.head.i > noun.i and doc[noun.i - 1].pos_ not in ("DET", "PRON")
            and not any(c.dep_ in ("det", "poss") for c in noun.children))


def _is_according_to(token: Any) -> bool:
    return (token.lower_ == "according" and token.i + 1 < len(token.doc)
            and token.nbor(1).lower_ == "to")


_CLAUSE_JOINERS = {"although", "though", "while", "but", "and", "whereas", "even", "as",
                   "despite", "however"}


def _cut_nested_frames(cue: Any, hi: int, quotes: list) -> int:
    """End the claim before a later clause that has its own reporting frame
    ("X estimate that ..., although Y deny ...": Y's denial is a claim of its own)."""
    doc = cue.doc
    for t in doc[cue.i + 1:hi + 1]:
        if (t.dep_ in ("advcl", "conj") and t.lemma_.lower() in _lex()["reporting"]
                and t.pos_ == "VERB" and not _inside(quotes, t.idx)
                and any(c.dep_ in _SPEAKER_DEPS for c in t.children)):
            hi = min(hi, t.left_edge.i - 1)
            break
    while hi > cue.i and (doc[hi].is_punct or doc[hi].lower_ in _CLAUSE_JOINERS):
        hi -= 1
    return hi


# Nouns for people who can be sources even when unnamed.
_PERSON_NOUNS = {"official", "analyst", "expert", "diplomat", "source", "people", "person",
                 "spokesperson", "spokesman", "spokeswoman", "minister", "researcher",
                 "economist", "observer", "witness", "resident", "worker", "officer",
                 "lawmaker", "leader", "authority", "investigator", "scientist", "critic"}


def _nested_frame(verb: Any, speaker: Any | None) -> bool:
    """'X said it would propose ...', 'Varga said incidents suggested ...': a reporting verb
    inside another's complement whose subject is a pronoun or a thing belongs to the outer
    claim rather than making a claim of its own."""
    reporting = _lex()["reporting"]
    if not any(a.lemma_.lower() in reporting and a.pos_ == "VERB" for a in verb.ancestors):
        return False
    if (verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in reporting
            and not any(c.dep_ in _CONTENT_DEPS for c in verb.children)):
        return True  # "saying Moscow would respond": an act reported, not a second report
    if verb.dep_ == "conj" and verb.head.lemma_.lower() not in reporting:
        return True  # "saying X would disrupt ... and vowing": still the outer frame
    if speaker is None or speaker.pos_ == "PRON":
        return True
    # A lower-case "proper noun" ("said the bloc would respond") is a tagging slip.
    proper = speaker.pos_ == "PROPN" and speaker.text[:1].isupper()
    return (not proper and not speaker.ent_type_
            and speaker.lemma_.lower() not in _PERSON_NOUNS)


def _turn_speaker(block: Any, index: _ActorIndex) -> str | None:
    """The canonical actor of a transcript turn's label ("MR. MILLER" -> Matthew Miller)."""
    if block.turn is None:
        return None
    _, start, end = block.turn
    actor = index.at(start, end)
    return actor.name if actor is not None else None


_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}


def _speak_for_turn(claims: list[Claim], speaker: str) -> None:
    """In a transcript turn, the label speaks: for claims with no speaker, and for 'I'/'we'."""
    for claim in claims:
        if claim.speaker is None or claim.speaker.lower() in _FIRST_PERSON:
            _attribute(claim, speaker)


def _share_according_to(claims: list[Claim]) -> None:
    """'Beijing is expected to ..., according to two people': the sourced frame speaks for
    the sentence's claims that have no speaker of their own."""
    source = next((c for c in claims if c.cue and c.cue.lower() == "according" and c.speaker),
                  None)
    if source is None:
        return
    for claim in claims:
        if claim.speaker is None:
            _attribute(claim, source.speaker)


def _attribute(claim: Claim, speaker: str) -> None:
    """Give a claim its speaker: it is attributed, and no longer a speakerless event."""
    claim.speaker = speaker
    claim.kinds = ["attributed", *[k for k in claim.kinds if k not in ("attributed", "event")]]


def _clause_end(verb: Any) -> int:
    end = verb.i
    for child in verb.rights:
        if child.dep_ == "advcl" and any(t.lemma_.lower() in _lex()["reporting"]
                                         for t in child.subtree):
            break
        end = max(end, child.right_edge.i)
    return end


def _speaker_of(verb: Any) -> Any | None:
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    for child in verb.children:
        if child.dep_ in _SPEAKER_DEPS and child.lower_ not in ("that", "which", "there", "it"):
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if (verb.dep_ == "conj" and verb.head.pos_ == "VERB") or (
            verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG"):
        return _speaker_of(verb.head)  # "X warned ..., labeling ..." : X labels
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "X is expected to": no speaker but the agent, found above
    # Fallback for mis-parses: the nearest proper noun before the verb in its sentence.
    for t in reversed(list(verb.sent[: verb.i - verb.sent.start])):
        if t.pos_ == "VERB":
            break
        if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return t
    return None


def _speaker_names(tok: Any, offset: int, index: _ActorIndex) -> list[str]:
    """Canonical names for a speaker token, conjuncts expanded, pronouns resolved."""
    names: list[str] = []
    for t in [tok, *[c for c in tok.conjuncts]]:
        if t.lower_ == "who" and t.head.dep_ == "relcl":
            t = t.head.head
        if t.lower_ in _FIRST_PERSON:
            names.append(t.text)  # the speaker of the quote or turn, resolved by the caller
            continue
        if t.lower_ in _PRONOUNS:
            actor = index.last_before(offset + t.idx, _PRONOUNS[t.lower_])
            names.append(actor.name if actor else t.text)
            continue
        found = _phrase_actors(t, offset, index)
        if found:
            names.extend(found)
            continue
        antecedent = _definite_antecedent(t, offset, index)
        if antecedent is not None:
            names.append(antecedent)
            continue
        # An unnamed source as written: "two people familiar with the matter".
        left = t.left_edge.i
        right = t.right_edge.i if t.right_edge.i - left < 8 else t.i
        while left < t.i and t.doc[left].dep_ in ("det", "punct"):
            left += 1
        while right > t.i and (t.doc[right].is_punct or t.doc[right].pos_ == "ADP"):
            right -= 1
        names.append(t.doc[left:right + 1].text)
    unique: list[str] = []
    for n in names:
        if n not in unique:
            unique.append(n)
    return unique


# Generic heads that, with "the", point back to the last organisation named ("the company").
_ORG_HEADS = {"company", "firm", "group", "agency", "operator", "bank", "organisation",
              "organization", "manufacturer", "maker", "utility", "carrier", "broadcaster"}


def _phrase_actors(t: Any, offset: int, index: _ActorIndex) -> list[str]:
    """Actors named by a speaker's noun phrase: the head's own actor ("Finland's National
    Bureau" -> the Bureau), else its persons ("Niger's minister, Salifou Moussa"), else every
    actor in it ("The Chinese government" -> China, "officials in Bamako and Ouagadougou")."""
    capitals = table("places")["capitals"]

    def name(actor: Actor) -> str:
        # "the government in Niamey" speaks for Niger
        return capitals.get(actor.name, actor.name) if actor.type == "place" else actor.name

    head = index.at(offset + t.idx, offset + t.idx + len(t.text))
    if head is not None and head.type != "place":
        return [head.name]
    doc = t.doc
    left_start = doc[t.left_edge.i].idx
    right_end = doc[t.right_edge.i].idx + len(doc[t.right_edge.i].text)
    head_end = t.idx + len(t.text)
    # Modifiers before the head own it ("The Russian embassy in Helsinki": Russia); what
    # follows counts only when nothing precedes ("officials in Bamako"), persons always.
    left = index.all_in(offset + left_start, offset + head_end)
    right = index.all_in(offset + head_end, offset + right_end)
    persons = [a for a in left + right if a.type == "person"]
    # An apposition names the head itself: "Germany's main contractor, Rheinmetall,".
    named = [a for c in t.children if c.dep_ == "appos"
             for a in index.all_in(offset + doc[c.left_edge.i].idx,
                                   offset + doc[c.right_edge.i].idx
                                   + len(doc[c.right_edge.i].text))]
    # The small model sometimes reads "Analysts at Meridian Capital estimate that" with
    # "Meridian Capital estimate" as one noun, leaving the preposition without its object:
    # the actor that starts right after a dangling preposition is still the phrase's.
    last = doc[t.right_edge.i]
    if not right and last.pos_ == "ADP" and not list(last.children):
        after = last.idx + len(last.text)
        after += len(doc.text[after:]) - len(doc.text[after:].lstrip())
        follower = index.starting_at(offset + after)
        if follower is not None:
            right = [follower]
    chosen = persons or named or left or right
    return list(dict.fromkeys(name(a) for a in chosen))


def _definite_antecedent(t: Any, offset: int, index: _ActorIndex) -> str | None:
    if t.lemma_.lower() in _ORG_HEADS and any(c.lower_ == "the" for c in t.lefts):
        actor = index.last_before(offset + t.idx, "organisation")
        return actor.name if actor else None
    return None


def _with_speaker(sent: Any, offset: int, lo: int, hi: int, cue: Any, speaker_tok: Any,
                  index: _ActorIndex) -> Claim:
    names = _speaker_names(speaker_tok, offset, index) if speaker_tok is not None else []
    claim = _claim(sent, offset, lo, hi, " and ".join(names) or None, cue)
    if speaker_tok is not None:
        claim.speaker_span = [offset + speaker_tok.idx,
                              offset + speaker_tok.idx + len(speaker_tok.text)]
    if "attributed" not in claim.kinds and claim.speaker:
        claim.kinds.insert(0, "attributed")
    if cue is not None and cue.lemma_.lower() in _lex()["denial"]:
        claim.kinds.append("denial")
    claim.kinds = list(dict.fromkeys(claim.kinds))
    return claim


def _nominal(sent: Any, offset: int, already: list[Claim]) -> list[Claim]:
    """'There are speculations that ...', 'claims that ...' with no verb frame."""
    lex = _lex()
    found = []
    for token in sent:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in lex["statement_nouns"]:
            continue
        clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(w.lower_ == "that" for w in c.subtree)), None)
        if clause is None:
            continue
        start = offset + token.idx
        if any(c.start <= start < c.end for c in already):
            continue
        claim = _claim(sent, offset, token.left_edge.i, clause.right_edge.i, None, token)
        if token.lemma_.lower() in lex["speculative_nouns"] and "speculation" not in claim.kinds:
            claim.kinds.append("speculation")
        found.append(claim)
    return found


def _is_statement(sent: Any) -> bool:
    """A sentence that states something (in a transcript turn, every such sentence is the
    speaker's claim): a finite verb, not a question, not a greeting."""
    return (any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in sent)
            and not sent.text.rstrip().endswith("?") and len(sent) >= 4)


def _is_event(sent: Any) -> bool:
    """A checkable statement: a finite verb with a named entity or a figure."""
    has_verb = any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in sent)
    has_fact = any(t.ent_type_ and t.ent_type_ != "DATE" for t in sent) or any(
        t.like_num for t in sent)
    return has_verb and has_fact and len(sent) >= 5 and not sent.text.rstrip().endswith("?")


def _is_month(token: Any) -> bool:
    """"May" in "on May 9" is a date, not a hedge."""
    if token.text != "May":
        return False
    doc = token.doc
    return token.ent_type_ == "DATE" or any(
        0 <= i < len(doc) and doc[i].like_num for i in (token.i - 1, token.i + 1))


def _claim(sent: Any, offset: int, lo: int, hi: int, speaker: str | None, cue: Any) -> Claim:
    doc = sent.doc
    while lo < hi and (doc[lo].is_space or doc[lo].is_punct):
        lo += 1
    span = doc[lo:hi + 1]
    text = span.text.rstrip(" ,;")
    start = offset + span.start_char
    kinds: list[str] = []
    if speaker:
        kinds.append("attributed")
    lex = _lex()
    words = {t.lower_ for t in span if not _is_month(t)}
    hedges = sorted(w for w in words if w in lex["hedges"])
    if any(t.ent_type_ in _NUMERIC_ENTS for t in span) or any(
            t.like_num and t.ent_type_ not in ("DATE", "TIME", "ORDINAL") for t in span):
        kinds.append("quantitative")
    if words & lex["speculation"] or any(t.lemma_.lower() in lex["speculative_nouns"]
                                         for t in span):
        kinds.append("speculation")
    if lex["prediction"].search(text):
        kinds.append("prediction")
    # A denial is the frame's own verb ("Moscow denies"); a denial verb elsewhere in the span
    # belongs to another claim ("a charge the WFP rejected") unless this one has no frame.
    if (cue is not None and cue.lemma_.lower() in lex["denial"]) or (cue is None and any(
            t.lemma_.lower() in lex["denial"] for t in span)):
        kinds.append("denial")
    if not speaker and not kinds:
        kinds.append("event")
    elif not speaker and kinds == ["quantitative"]:
        kinds.insert(0, "event")
    confidence = lex["confidence_re"].search(text)
    if confidence:
        hedges = sorted({*hedges, confidence.group().lower()})
    probability = None
    term = lex["probability_re"].search(text)
    if term:
        low, high = lex["probability"][term.group().lower()]
        probability = {"term": term.group(), "low": low, "high": high}
    return Claim(start=start, end=start + len(text), text=text, kinds=kinds, speaker=speaker,
                 cue=cue.text if cue is not None else None,
                 cue_span=[offset + cue.idx, offset + cue.idx + len(cue.text)]
                 if cue is not None else None,
                 hedges=hedges, probability=probability)


# -- anomalies ---------------------------------------------------------------------------
_RELATIVE = {"last month": ("month", -1), "next month": ("month", 1),
             "last year": ("year", -1), "next year": ("year", 1),
             "last week": ("day", -7), "next week": ("day", 7),
             "yesterday": ("day", -1), "tomorrow": ("day", 1)}


def find_flags(parsed: list[tuple[Any, Any]], text: str, meta: dict) -> list[dict]:
    """Dates that disagree with the article's published date; relative dates resolved."""
    flags: list[dict] = []
    explicit: list[tuple[date, int, int]] = []
    relative: list[tuple[str, int, int]] = []
    for block, doc in parsed:
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            start, end = block.start + ent.start_char, block.start + ent.end_char
            when = parse_date(ent.text)
            if when is not None:
                explicit.append((when, start, end))
            key = ent.text.lower().removeprefix("the ")
            if key in _RELATIVE:
                relative.append((key, start, end))
    published = parse_date(str(meta.get("published", ""))) if meta.get("published") else None
    if published:
        for when, start, end in explicit:
            if abs((when - published).days) > 30:
                flags.append({"kind": "date_mismatch", "start": start, "end": end,
                              "message": f"text says {when.isoformat()} but the article is "
                                         f"dated {published.isoformat()} "
                                         f"({abs((when - published).days)} days apart)"})
    reference = explicit[0][0] if explicit else published
    if reference:
        for key, start, end in relative:
            unit, step = _RELATIVE[key]
            resolved = _shift(reference, unit, step)
            flags.append({"kind": "relative_date", "start": start, "end": end,
                          "resolved": resolved,
                          "message": f"'{text[start:end]}' = {resolved} "
                                     f"(relative to {reference.isoformat()})"})
    return flags


def _shift(ref: date, unit: str, step: int) -> str:
    if unit == "day":
        return (ref + timedelta(days=step)).isoformat()
    if unit == "month":
        month = (ref.month - 1 + step) % 12 + 1
        year = ref.year + (ref.month - 1 + step) // 12
        return f"{year:04d}-{month:02d}"
    return f"{ref.year + step:04d}"
