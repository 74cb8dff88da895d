"""Claims: who asserts what, with figures, denials, hedges and predictions.

Built on the dependency parse of each block, with the actors' canonical names as speakers.
The small English model mis-parses some frames ("plan" as a noun root, "that" as subject),
so every rule has a fallback that uses word order instead of the tree.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from briefing.analysis.actors import Actor
from briefing.analysis.lexicon import table
from briefing.analysis.quotes import Quotation, Quotations, find_quotations
from briefing.analysis.speakers import ActorIndex, phrase_actors, speaker_names, speaker_phrase
from briefing.analysis.speakers import lex as speaker_lex

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
        "bare_speech": frozenset(data["bare_speech_verbs"]),
        "clause_speech": frozenset(data["clause_speech_verbs"]),
        "speech_act_objects": {k: frozenset(v) for k, v in data["speech_act_objects"].items()},
        "editors_note": re.compile(
            r"^\s*[(\[](?:" + "|".join(data["editors_note_verbs"]) + r")\b[^)\]]*[)\]]\s*$",
            re.I),
    }


def _is_editors_note(line: str) -> bool:
    """'(Updates with comment from the ministry)': the editor speaking about the story."""
    return bool(_lex()["editors_note"].match(line))


def _phrase_re(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _inside(ranges: list[tuple[int, int]], at: int) -> bool:
    return any(s < at < e for s, e in ranges)


def find_claims(parsed: list[tuple[Any, Any]], text: str, actors: list[Actor]) -> list[Claim]:
    """Every check-worthy statement, in text order."""
    quotes = find_quotations(text, [(b.start, b.start + len(b.text)) for b, _ in parsed])
    index = ActorIndex(actors, text, quotes)
    claims: list[Claim] = []
    sentences: list[Sentence] = []
    turns = _Turns(parsed, index)
    for block, doc in parsed:
        labelled = None if block.turn else _labelled_line(block, index)
        turn_speaker = turns.speaker_of(block) or labelled
        if turns.asking or _is_editors_note(block.text):
            continue  # a reporter's question or an editor's note asserts nothing
        local = quotes.local(block.start, block.start + len(block.text))
        for sent in doc.sents:
            found = _attributed(sent, block.start, local, index)
            _share_according_to(found)
            found += _nominal(sent, block.start, found)
            lo = sent[0].i
            if labelled is not None:
                # the label's line speaks from after its colon, verb or not (a headline)
                lo = next((t.i for t in sent if block.start + t.idx >= labelled[2][1]), lo)
            if not found and (_is_event(sent) or (turn_speaker and _is_statement(sent))
                              or (labelled and sent[-1].i - lo >= 2)):
                found.append(_claim(sent, block.start, lo, sent[-1].i, None, None))
            if turn_speaker:
                _speak_for_turn(found, *turn_speaker)
            sentences.append(Sentence(block.start, sent, found))
            claims.extend(found)
    claims += _speak_for_quotations(sentences, quotes, text, index)
    return _merge_same_span(sorted(claims, key=lambda c: (c.start, c.end)))


@dataclass
class Sentence:
    """A parsed sentence, where its block starts, and the claims found in it."""

    offset: int
    sent: Any
    claims: list[Claim]

    @property
    def start(self) -> int:
        return self.offset + self.sent.start_char

    @property
    def end(self) -> int:
        return self.offset + self.sent.end_char


def _speak_for_quotations(sentences: list[Sentence], quotes: Quotations, text: str,
                          index: ActorIndex) -> list[Claim]:
    """Every sentence of a quotation carries the quotation's speaker: the frame that
    introduces it ("..., X said", "X said: ..."), else the nearest frame of its paragraph,
    else a label before a colon ("Director Y: “...”"), else (a paragraph that is only a
    quotation) the speaker of the quotation just before it. Returns the claims added for
    quoted sentences that had none."""
    starts = [s.start for s in sentences]
    frames = [c for s in sentences for c in s.claims
              if c.speaker and c.cue_span and not quotes.inside(c.cue_span[0])]
    frame_starts = [c.cue_span[0] for c in frames]
    added: list[Claim] = []
    previous: tuple[Quotation, Claim] | None = None
    for unit in quotes.units:
        frame = _frame_of(unit, frames, frame_starts, text, index, previous)
        if frame is None:
            continue
        previous = (unit, frame)
        first = bisect.bisect_right(starts, unit.start) - 1
        for sentence in sentences[max(0, first):]:
            if sentence.start >= unit.end:
                break
            added += _quoted_sentence(sentence, unit, frame)
    return added


def _frame_of(unit: Quotation, frames: list[Claim], frame_starts: list[int], text: str,
              index: ActorIndex, previous: tuple[Quotation, Claim] | None) -> Claim | None:
    para_start = text.rfind("\n", 0, unit.start) + 1
    para_end = text.find("\n", unit.end)
    para_end = len(text) if para_end == -1 else para_end
    lo = bisect.bisect_left(frame_starts, para_start)
    hi = bisect.bisect_left(frame_starts, para_end)
    near = frames[lo:hi]
    own = [c for c in near if min(c.end, unit.end - 1) - max(c.start, unit.start + 1) > 3]
    if own:
        return min(own, key=lambda c: _distance(c.cue_span, unit))
    if near:
        # the frame of the quotation's own sentence, else the last one before it
        return min(near, key=lambda c: (not _same_sentence(c.cue_span, unit, text),
                                        c.cue_span[0] > unit.start,
                                        _distance(c.cue_span, unit)))
    before = text[para_start:unit.start].rstrip()
    if not before and para_start > 1:
        # the quotation opens its paragraph: introduced by the end of the previous one?
        prev_end = len(text[:para_start].rstrip())
        prev_start = text.rfind("\n", 0, prev_end) + 1
        before = text[prev_start:prev_end]
        para_start = prev_start
    if before.endswith((":", "—", "–")):
        at = para_start + len(before) - 1
        intro = [c for c in frames[bisect.bisect_left(frame_starts, para_start):
                                   bisect.bisect_left(frame_starts, at)] if c.end >= at - 1]
        if intro:
            return intro[-1]
        return _colon_label(at, para_start, text, index)
    if previous is not None and not text[para_start:unit.start].strip():
        earlier, frame = previous
        gap = text[earlier.end:unit.start]
        if gap.count("\n") <= 2 and not gap.strip(" \t\n.,"):
            return frame  # the continuation convention: a paragraph that is only a quote
    return None


def _colon_label(colon: int, line_start: int, text: str, index: ActorIndex) -> Claim | None:
    """'CIA Director Jane Roe: “...”': the actor named just before the colon speaks."""
    label = text[line_start:colon]
    sentence_start = max(label.rfind(". "), label.rfind("? "), label.rfind("! ")) + 1
    if colon - (line_start + sentence_start) > 80:
        return None
    actors = index.all_in(line_start + sentence_start, colon)
    if not actors:
        return None
    actor = actors[-1]
    span = next(([s, e] for s, e in actor.mentions if line_start <= s < colon), None)
    return Claim(start=colon, end=colon + 1, text=":", kinds=["attributed"],
                 speaker=actor.name, cue=":", cue_span=[colon, colon + 1],
                 speaker_span=span)


def _same_sentence(span: list[int], unit: Quotation, text: str) -> bool:
    gap = text[min(span[1], unit.end):max(span[0], unit.start)]
    return not any(stop in gap for stop in (". ", "? ", "! ", ".\n"))


def _distance(span: list[int], unit: Quotation) -> int:
    return max(0, unit.start - span[1], span[0] - unit.end)


def _quoted_sentence(sentence: Sentence, unit: Quotation, frame: Claim) -> list[Claim]:
    """Give `sentence`'s part of the quotation the frame's speaker: its speakerless claims
    take it, or a new claim covers the quoted words."""
    inside = [c for c in sentence.claims
              if any(min(c.end, e - 1) - max(c.start, s + 1) > 3 for s, e in unit.pieces)]
    if any(c.speaker for c in inside):
        return []
    for claim in inside:
        _speak_as(claim, frame)
    if inside:
        return []
    tokens = [t for t in sentence.sent
              if any(s < sentence.offset + t.idx < e for s, e in unit.pieces)
              and not (t.is_punct and t.text in "\"“”«»'`")]
    if len(tokens) < 3:
        return []
    claim = _claim(sentence.sent, sentence.offset, tokens[0].i, tokens[-1].i, frame.speaker,
                   None)
    _speak_as(claim, frame)
    sentence.claims.append(claim)
    return [claim]


def _speak_as(claim: Claim, frame: Claim) -> None:
    _attribute(claim, frame.speaker or "")
    claim.cue, claim.cue_span = frame.cue, frame.cue_span
    claim.speaker_span = frame.speaker_span
    if "denial" in frame.kinds and "denial" not in claim.kinds:
        claim.kinds.append("denial")  # the quoted words of a denial deny too


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


def _attributed(sent: Any, offset: int, quotes: list, index: ActorIndex) -> list[Claim]:
    lex = _lex()
    found: list[Claim] = []
    media: list[Claim] = []  # "according to a note": a document, not an actor
    for token in sent:
        if _inside(quotes, token.idx):
            continue  # a cue word inside a quotation belongs to the quote
        if _is_according_to(token):
            speaker_tok = next((t for t in token.nbor(1).children if t.dep_ == "pobj"), None)
            claim = _with_speaker(sent, offset, sent[0].i, sent[-1].i, token, speaker_tok, index)
            if speaker_tok is None or not phrase_actors(speaker_tok, offset, index):
                media.append(claim)
            found.append(claim)
            continue
        if token.pos_ not in ("VERB", "AUX", "NOUN") or token.lemma_.lower() not in lex[
                "reporting"] or not _speech_act(token):
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


def _speech_act(verb: Any) -> bool:
    """'made clear', 'raised concerns': verbs that report speech only with such an object;
    'added', 'continued' only alone or with a clause ("added that ...")."""
    lemma = verb.lemma_.lower()
    if verb.dep_ in ("amod", "compound", "nmod"):
        return False  # "pledged delegates": a modifier, not a frame
    if lemma in _lex()["clause_speech"]:
        return _after_quotation(verb) or any(
            c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "punct" and c.text == ":")
            for c in verb.children)
    if lemma in _lex()["bare_speech"]:
        return _after_quotation(verb) or not any(
            c.dep_ in ("xcomp", "prep", "dobj", "dative", "acomp", "prt") for c in verb.children)
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT":
        # "Editor's note: ...": a noun heading, unless the parser mistook the verb (its
        # subject then hangs on it: "Officials plan to ...")
        return any(c.dep_ == "nsubj" for c in verb.children)
    objects = _lex()["speech_act_objects"].get(lemma)
    return objects is None or any(c.lemma_.lower() in objects or c.lower_ in objects
                                  for c in verb.children)


def _quoted_as_saying(verb: Any) -> Any | None:
    """The person quoted in "TASS quoted Peskov as saying ..." or "The ministry was quoted
    by RIA Novosti as saying ...": the speaker is who was quoted, not who quoted."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_ != "quote":
        return None
    quote = verb.head.head
    return next((c for c in quote.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _after_quotation(verb: Any) -> bool:
    """The verb follows a closing quotation mark: '"...," added ...'."""
    doc = verb.doc
    return verb.i > 0 and (doc[verb.i - 1].is_quote or doc[verb.i - 1].text in ("”", "''"))


def _inverted_speaker(verb: Any) -> Any | None:
    """'"...," added a senior aide': after a quotation the speaker may follow its verb (the
    parser then calls it an object)."""
    if not _after_quotation(verb):
        return None
    return next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj",
                                                       "oprd", "dative")
                 and c.pos_ in ("NOUN", "PROPN")), None)


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
            and speaker.lemma_.lower() not in speaker_lex()["person_nouns"])


class _Turns:
    """Transcript turns: a speaker label ("MR. MILLER:", "SENIOR ADMINISTRATION OFFICIAL:")
    governs its paragraph and the unlabelled paragraphs after it, up to the next label, in
    a text that has at least two labels (one label alone may be a headline's "BREAKING:")."""

    def __init__(self, parsed: list[tuple[Any, Any]], index: ActorIndex) -> None:
        self.index = index
        self.transcript = sum(b.turn is not None for b, _ in parsed) >= 2
        self.current: tuple[str, list[int], list[int]] | None = None
        self.asking = False

    def speaker_of(self, block: Any) -> tuple[str, list[int], list[int]] | None:
        """(speaker, label span, colon span) of the turn `block` belongs to, or None."""
        if block.turn is not None:
            self.asking = block.is_question
            label, start, end = block.turn
            actor = self.index.at(start, end)
            if actor is not None and actor.name.lower() in speaker_lex()["person_nouns"]:
                actor = None  # "SENIOR OFFICIAL": a role, not a name
            self.current = (actor.name if actor is not None else label.title(),
                            [start, end], [end, end + 1])
            return self.current
        if not self.transcript:
            self.current, self.asking = None, False
        return self.current


_LABEL = re.compile(r"^\s*([A-Z][^:.!?\n\"“]{1,60}):\s+\S")


def _labelled_line(block: Any, index: ActorIndex) -> tuple[str, list[int], list[int]] | None:
    """'Senator Jane Roe: We will not back down' (a headline or a social-media card): a
    line opened by a name and a colon is that actor speaking, cue ":"."""
    m = _LABEL.match(block.text)
    if m is None:
        return None
    start, end = block.start + m.start(1), block.start + m.end(1)
    actors = index.all_in(start, end)
    words = m.group(1).split()
    if (len(actors) != 1 or len(words) > 6 or any(w[:1].islower() for w in words)
            or (len(words) == 1 and words[0].isupper())):  # "UPDATE:", "BREAKING:"
        return None
    return actors[0].name, [start, end], [end, end + 1]


def _speak_for_turn(claims: list[Claim], speaker: str, label: list[int],
                    colon: list[int]) -> None:
    """In a transcript turn, the label speaks (cue ":"): for claims with no speaker, and for
    'I'/'we'."""
    for claim in claims:
        if claim.speaker is None or claim.speaker.lower() in speaker_lex()["first_person"]:
            _attribute(claim, speaker)
            claim.speaker_span = label
            if claim.cue is None:
                claim.cue, claim.cue_span = ":", colon


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
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    # Fallback for mis-parses: the nearest proper noun before the verb in its sentence.
    for t in reversed(list(verb.sent[: verb.i - verb.sent.start])):
        if t.pos_ == "VERB":
            break
        if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return t
    return None


def _with_speaker(sent: Any, offset: int, lo: int, hi: int, cue: Any, speaker_tok: Any,
                  index: ActorIndex) -> Claim:
    names = speaker_names(speaker_tok, offset, index) if speaker_tok is not None else []
    claim = _claim(sent, offset, lo, hi, " and ".join(names) or None, cue)
    if speaker_tok is not None:
        left, right = speaker_phrase(speaker_tok)
        doc = speaker_tok.doc
        claim.speaker_span = [offset + doc[left].idx,
                              offset + doc[right].idx + len(doc[right].text)]
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


_CLOSING = re.compile(r"[,.!?]?(?:[\"”»]|'')")


def _with_closing_mark(text: str, block: str, start: int) -> str:
    """A claim that opens a quotation ends with its closing mark ("...," she said: the
    span runs to the mark, not the word before it)."""
    opened = len(re.findall(r"[\"“”»«]|''", text))
    if opened % 2 == 0:
        return text
    closing = _CLOSING.match(block, start + len(text))
    return block[start:closing.end()] if closing else text


def _is_denial(cue: Any, span: Any) -> bool:
    """A denial needs a denying verb: the frame's own ("Moscow denies"), or, with no frame,
    one acting in the span ("the ministry rejected the report"). "Not in dispute" (a noun)
    denies nothing."""
    lex = _lex()
    if cue is not None:
        return cue.lemma_.lower() in lex["denial"]
    return any(t.lemma_.lower() in lex["denial"] and t.pos_ == "VERB"
               and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in span)


def _claim(sent: Any, offset: int, lo: int, hi: int, speaker: str | None, cue: Any) -> Claim:
    doc = sent.doc
    while lo < hi and (doc[lo].is_space or doc[lo].is_punct):
        lo += 1
    span = doc[lo:hi + 1]
    text = _with_closing_mark(span.text.rstrip(" ,;"), doc.text, span.start_char)
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
    if _is_denial(cue, span):
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
