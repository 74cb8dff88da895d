"""Speakers the small parser loses: a reporting frame whose verb has no subject in the tree
although its words are on the page.

The small English model tags some names as adverbs or modals ("Jolly said",
'"...," Will wrote'), hangs a number subject on the verb as a modifier
("About 4 in 10 say", "Less than a third agreed"), reads a noun as a verb ("Federal
Election Commission records show"), and hangs an inverted speaker after a quotation on the
next clause ('"...," said Jane Roe, half joking'). The frame then has a cue and no speaker.
The words around the verb still say who speaks: the stretch of a noun phrase right before
it (or right after it, after a quotation), read by position, capitalisation and tags rather
than the tree.
"""

from __future__ import annotations

from typing import Any

from briefing.analysis.claim import Claim, attribute, claim_words, token_at
from briefing.analysis.frames import frame_lemma
from briefing.analysis.speakers import ActorIndex, speaker_names, speaker_phrase

# A subject (or the words standing for it) that the frame already has: none is lost.
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "agent"}
# Finite forms only: a participle or infinitive ("calling", "to say") has no subject of its
# own, and its speaker is found through the verb it hangs on.
_FINITE = {"VBD", "VBZ", "VBP"}
# Words that end the stretch before or after the verb: no part of a subject's phrase.
_CLAUSE_WORDS = {"SCONJ", "CCONJ", "PRON", "PART", "INTJ", "SYM", "X"}
_QUOTES = {'"', "”", "“", "''", "``", "’", "‘"}
_LONGEST = 8  # words: a longer stretch is no subject misread but a clause


def recover_speakers(claims: list[Claim], sent: Any, offset: int, index: ActorIndex) -> None:
    """Give a frame with a cue and no speaker the subject the parser lost, in place; a
    participle hanging on a recovered frame ('"...," said Jane Roe, explaining ...')
    speaks as it."""
    found: dict[int, tuple[str, list[int]]] = {}  # verb index -> speaker, speaker span
    open_participles = []
    doc = sent.doc
    for claim in claims:
        if claim.speaker or claim.cue_span is None:
            continue
        verb = token_at(sent, offset, claim.cue_span[0])
        if verb is None:
            continue
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp"):
            open_participles.append((claim, verb))
        if not _lost_subject(verb):
            continue
        shared = _shared_subject(verb)
        if shared is not None:
            first, last = speaker_phrase(shared)
            head = shared
        else:
            stretch = _speaker_stretch(verb, index, offset)
            if stretch is None:
                continue
            first, last = stretch
            head = _stretch_head(doc, first, last)
        names = _names(head, first, last, offset, index)
        if names:
            end = doc[last].idx + len(doc[last].text)
            found[verb.i] = (" and ".join(names), [offset + doc[first].idx, offset + end])
            _give(claim, *found[verb.i])
    for claim, participle in open_participles:
        if participle.head.i in found:
            _give(claim, *found[participle.head.i])


def _names(head: Any, first: int, last: int, offset: int, index: ActorIndex) -> list[str]:
    """The speaker's names, kept to the speaker's own words: a conjunct or modifier the
    parser gave the head from outside them ("companies seek to cut liabilities and
    creditors look to ...", "the minimum $20 million experts say") is none of them."""
    doc = head.doc
    written = doc[first:last + 1].text
    if not all(first <= c.i <= last for c in head.conjuncts):
        actors = index.all_in(offset + doc[first].idx, offset + doc[last].idx + len(doc[last].text))
        return [a.name for a in actors] or [written]
    before = doc.text[:doc[first].idx]
    return [written if len(name) > len(written) and name.endswith(written)
            and before.endswith(name[:-len(written)]) else name  # (an actor's name stays)
            for name in speaker_names(head, offset, index)]


def _give(claim: Claim, speaker: str, span: list[int]) -> None:
    attribute(claim, speaker)
    claim.speaker_span = list(span)


def _shared_subject(verb: Any) -> Any | None:
    """'X was quick to embrace Y and said ...', 'X was forced into a retreat and said ...':
    a verb conjoined to a linking or passive verb shares its subject (the frames follow the
    active subject of a conjoined full verb already)."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("AUX", "VERB") or (
            verb.doc[_skip_adverbs(verb, verb.i - 1)].pos_ != "CCONJ"):
        return None  # ("how X has de-emphasized": a word split at its hyphen, no conjunct)
    # a passive's subject too: "X was forced into a retreat and said ..."
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.tag_ not in ("WP", "WDT", "EX") and c.lower_ != "it"), None)


def _lost_subject(verb: Any) -> bool:
    """A finite reporting verb with no subject, active (a passive "is expected to" has no
    speaker but its agent) and no hedge ("seems to": the writer's judgement)."""
    lex = claim_words()
    if frame_lemma(verb) is None or not _finite(verb):
        return False
    if verb.lemma_.lower() in lex["hedge_verbs"] or verb.dep_ in ("amod", "compound", "acl",
                                                                  "relcl", "xcomp"):
        return False
    return not any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def _finite(verb: Any) -> bool:
    """A finite verb: a past or present tense, or a past participle with no auxiliary of
    its own, which the model tags for a past tense it doubts ("Less than a third agreed",
    "Will wrote")."""
    if verb.tag_ in _FINITE:
        return True
    return verb.tag_ == "VBN" and all(c.tag_ == "MD" and c.text[:1].isupper()
                                      for c in verb.children if c.dep_ == "aux")


def _speaker_stretch(verb: Any, index: ActorIndex, offset: int) -> tuple[int, int] | None:
    """Token range of the lost speaker's words: after the verb when it follows a quotation
    ('"...," said Jane Roe, ...'), else right before it ("Jolly said", "About 4 in 10 say"),
    else the sentence's opening phrase when only an aside stands between it and the verb
    ("Jane Roe, meanwhile, who sits on ..., said")."""
    doc = verb.doc
    if verb.i > verb.sent.start and doc[verb.i - 1].text in _QUOTES:
        after = _stretch_after(verb)
        if after is not None and _names_someone(doc, *after, index, offset):
            return after
    before = _stretch_before(verb, verb.i - 1)
    if before is not None and _names_someone(doc, *before, index, offset):
        return before
    aside = _aside_before(verb)
    if aside is not None:
        before = _stretch_before(verb, aside - 1)
        if before is not None and _names_someone(doc, *before, index, offset):
            return before
    if verb.dep_ == "ROOT" and doc[_skip_adverbs(verb, verb.i - 1)].text == ",":
        opening = next((t.i for t in verb.sent if t.text == ","), verb.i)
        before = _stretch_before(verb, opening - 1)
        if before is not None and before[0] == verb.sent.start and _names_someone(
                doc, *before, index, offset):
            return before
        return _set_off_name(verb, index, offset)
    return None


_ASIDE_MARKS = {")": "(", "-": "-", "—": "—", "–": "–"}


def _aside_before(verb: Any) -> int | None:
    """Where an aside that ends right before the verb opens: 'Sen. Jane Roe (a Democrat so
    young she is taken for an aide) says ...', 'A spokesman for the firm - a family
    business since 1920 - noted ...': the speaker's words stand before it. None when no
    bracket or dash pair ends there."""
    doc = verb.doc
    last = _skip_adverbs(verb, verb.i - 1)
    closing = doc[last].text
    if last <= verb.sent.start or closing not in _ASIDE_MARKS or (
            closing != ")" and not _set_apart(doc[last])):
        return None
    opening = _ASIDE_MARKS[closing]
    return next((t.i for t in reversed(doc[verb.sent.start:last]) if t.text == opening
                 and (opening == "(" or _set_apart(t))), None)


def _set_apart(dash: Any) -> bool:
    """A dash with a space on both sides sets off an aside; "12-employee" joins words."""
    return bool(dash.whitespace_) and dash.i > 0 and bool(dash.doc[dash.i - 1].whitespace_)


def _set_off_name(verb: Any, index: ActorIndex, offset: int) -> tuple[int, int] | None:
    """'Speaking in Harlem, Jane Roe, without naming him, also accused ...': after an
    opening phrase, a person or organisation the text names, set off by commas on its own,
    is the subject of a verb whose clause resumes after the asides. The segments between
    commas are read back from the verb; the first that is only such a name speaks."""
    doc = verb.doc
    commas = [t.i for t in doc[verb.sent.start:verb.i] if t.text == ","]
    for left, right in zip(commas, commas[1:], strict=False):
        stretch = _stretch_before(verb, right - 1)
        if stretch is None or stretch[0] != left + 1 or any(
                doc[i].pos_ not in ("PROPN", "DET") for i in range(*stretch)) or (
                doc[stretch[1]].pos_ != "PROPN"):
            continue
        start, end = offset + doc[stretch[0]].idx, offset + doc[stretch[1]].idx + len(
            doc[stretch[1]].text)
        if any(a.type in ("person", "organisation") for a in index.all_in(start, end)):
            return stretch
    return None


def _skip_adverbs(verb: Any, last: int) -> int:
    """Back over lower-case adverbs right before the verb ("X also said")."""
    doc = verb.doc
    while last > verb.sent.start and doc[last].pos_ == "ADV" and doc[last].is_lower:
        last -= 1
    return last


def _stretch_before(verb: Any, last: int) -> tuple[int, int] | None:
    """The words that end at `last` (adverbs right before the verb skipped) and start after
    the punctuation or clause word before them; None if they are no subject (a place after
    its preposition, the object of an earlier verb)."""
    doc = verb.doc
    last = _skip_adverbs(verb, last)
    first = last
    while first >= verb.sent.start and _in_phrase(doc[first], doc[first].i == last):
        first -= 1
    first += 1
    if first > last or last - first >= _LONGEST:
        return None
    while first < last and doc[first].pos_ == "DET":
        first += 1
    while last > first and doc[last].pos_ == "ADP":
        last -= 1  # "a voice over says"
    if doc[first].pos_ == "ADP" or doc[first].lower_ in ("there", "it"):
        return None  # "In Iowa": where, not who
    head = _stretch_head(doc, first, last)
    if head.dep_ in ("dobj", "dative", "attr", "oprd") and head.head.i < first:
        return None  # "an official who spoke to discuss internal strategy said"
    return first, last


def _stretch_after(verb: Any) -> tuple[int, int] | None:
    """The words after a verb that follows a closing quotation mark, up to the punctuation
    or clause word that ends them."""
    doc = verb.doc
    first = verb.i + 1
    last = first
    while last < verb.sent.end and _in_phrase(doc[last], last == first):
        last += 1
    last -= 1
    if last < first or last - first >= _LONGEST:
        return None
    while first < last and doc[first].pos_ == "DET":
        first += 1
    return first, last


def _in_phrase(token: Any, edge: bool) -> bool:
    """Whether a token can be a word of a speaker's phrase whatever the parser made of it:
    not punctuation, no clause word, no verb but a modifier ("retired neurosurgeon") or a
    name the model took for one ("Will wrote")."""
    if token.ent_type_ == "MONEY" or (token.lower_ == "than" and token.dep_ != "quantmod"):
        # "the minimum $20 million experts say": a sum says nothing; "more ethanol than the
        # industry says": a comparison ends the phrase ("less than a third" is one)
        return False
    if token.is_punct or token.is_space or token.pos_ in _CLAUSE_WORDS:
        return token.pos_ == "PART" and token.tag_ == "POS"  # "the party's chairman"
    if token.pos_ in ("VERB", "AUX"):
        # (a participle before a capitalised word is a title: "ranking Democrat Jane Roe")
        return token.dep_ in ("amod", "compound") or (token.tag_ == "MD" and edge) or (
            token.tag_ in ("VBG", "VBN") and token.i + 1 < len(token.doc)
            and token.nbor(1).text[:1].isupper())
    if token.pos_ == "ADV" and token.is_lower:
        # "briefly with other leaders": an adverb ends the phrase, but "nearly half" has one
        return token.i + 1 < len(token.doc) and token.nbor(1).like_num
    return True


def _names_someone(doc: Any, first: int, last: int, index: ActorIndex, offset: int) -> bool:
    """The stretch names a speaker: an actor the text names ("Jolly said" after "Rep. David
    Jolly"), a noun, a proper noun, a capitalised word the model mis-tagged inside the
    sentence ('"...," Will wrote'), or a number of people ("4 in 10"); never only a date
    ("Tuesday said")."""
    words = doc[first:last + 1]
    if all(t.ent_type_ in ("DATE", "TIME") for t in words):
        return False
    if index.all_in(offset + words[0].idx, offset + words[-1].idx + len(words[-1].text)):
        return True
    # (a capital at the sentence's start shows nothing: "Perhaps", "Just" are no names)
    return any(t.pos_ in ("NOUN", "PROPN", "NUM") or t.like_num
               or (t.text[:1].isupper() and t.i > t.sent.start) for t in words)


def _stretch_head(doc: Any, first: int, last: int) -> Any:
    """The stretch's own head: its last word whose syntactic head lies outside it, unless
    that is a verb or preposition the parser made of the phrase ("Oversight ranking
    Democrat Jane Roe": then its last noun)."""
    words = doc[first:last + 1]
    heads = [t for t in words if (not first <= t.head.i <= last or t.head.i == t.i)
             and t.pos_ not in ("VERB", "AUX", "ADP")]
    if heads:
        return heads[-1]
    return next((t for t in reversed(words) if t.pos_ in ("NOUN", "PROPN")), doc[last])
