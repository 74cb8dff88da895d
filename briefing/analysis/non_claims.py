"""What looks like a claim but asserts nothing an analyst could weigh, though a reporting
word is there: a credit line ("Lerer reported from Los Angeles."), a bare negation
("Kadzik wouldn't say."), an idiom ("You know, ...", "time will tell"), the writer's aside
to the reader ("Read the latest updates below"), a markup tag read as a verb ("<tweet
...>"), a participle that names a kind of thing ("pledged delegates"), the quoted name of a
programme ("on CNN's “New Day,”") and a speaker made of markup. The word lists are
lexicons/claims.toml [non_claims]."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from briefing.analysis.claim import Claim, block_text, claim_words, token_at
from briefing.analysis.content import PERSONAL_OBJECTS
from briefing.analysis.lexicon import table


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    data = table("claims")["non_claims"]
    words = {k: frozenset(v) for k, v in data.items()}
    # every word of every idiom: a cue that is none of them is in no idiom (checked per
    # frame, so the phrase windows are built only for the few cues that could be)
    words["idiom_words"] = frozenset(
        w for phrase in data["idioms_anywhere"] + data["idioms_set_off"]
        for w in re.findall(r"'?\w+", phrase.replace("’", "'")))  # "let's" is let + 's
    return words


def frame_claims_nothing(claim: Claim, sent: Any, offset: int) -> bool:
    """A frame found in `sent` (its block starting at `offset`) whose cue reports nothing
    there; without it the sentence is what it would be with no frame (an event, a turn's
    speech). (A cue in an idiom is no frame at all: frames.py asks in_idiom, so that a
    frame under it still reports.)"""
    cue = token_at(sent, offset, claim.cue_span[0]) if claim.cue_span else None
    return cue is not None and (
        _markup_tag(cue) or _credit_line(cue) or _modifier(cue) or _phrasal_act(cue)
        or _bare_negation(claim, cue, sent, offset) or _goal_of_an_act_spoken_of(cue)
        or _talks_on_a_topic(cue) or (claim.speaker is None and _reader_aside(cue)))


def _talks_on_a_topic(cue: Any) -> bool:
    """'Ministers meet to discuss supply chains', 'South Korea and Japan discuss a joint
    response': talks on a topic, the meeting's purpose or a headline's present, with no
    clause of what anyone said; an event, not a claim (a speaker's past 'discussed the
    plan' stays: reported talk, which PolNeAR counts)."""
    if cue.lemma_.lower() not in _words()["topic_verbs"]:
        return False
    if any(c.dep_ in ("ccomp", "xcomp") or c.tag_ in ("WDT", "WP", "WRB")
           or c.lower_ in ("whether", "if", "how") for c in cue.subtree if c.i != cue.i):
        return False  # "discuss whether to ...", "discuss how ...": something said
    purpose = (cue.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
        and cue.head.lemma_.lower() not in claim_words()["reporting"])
    # (the model tags a headline's "discuss" VB at times: a root with no auxiliary is one)
    # ("We discuss the reasons in our op-ed" is the writers' own account: a pronoun stays)
    present = (cue.tag_ in ("VBP", "VBZ") or (
        cue.tag_ == "VB" and cue.dep_ == "ROOT" and not any(
            c.dep_ in ("aux", "auxpass") for c in cue.children))) and not any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in cue.children)
    return purpose or present


def _phrasal_act(cue: Any) -> bool:
    """'backed down', 'Washington backed out', 'Berlin backed off', 'called in to a show',
    'find out who sent it': with this particle and no object the verb is an act, not a
    stance or a report ("backed off some of his proposals" gives up a stated position)."""
    phrases = _words()["phrasal_acts"]
    return any(c.dep_ == "prt" and f"{cue.lemma_.lower()} {c.lower_}" in phrases
               for c in cue.children) and not any(
        c.dep_ == "dobj" or _proposition_after(cue, c) for c in cue.children)


def _proposition_after(verb: Any, clause: Any) -> bool:
    """'found out (that) the tanks had leaked': a clause after the verb that states
    something, what was found (not 'found out who sent it', which names no finding)."""
    first = clause.left_edge
    return (clause.dep_ == "ccomp" and clause.i > verb.i
            and first.tag_ not in ("WDT", "WP", "WP$", "WRB")
            and first.lower_ not in ("whether", "if"))


def _goal_of_an_act_spoken_of(cue: Any) -> bool:
    """'warned North Korea against sending troops to support Russia', 'intelligence
    indicates that it is sending troops to support Russia': a stance verb that is only the
    purpose of an act someone else reports, warns against or supposes is no stance its
    doer voiced (nor is it an act done: "by reciting a passage to encourage voters" is)."""
    head = cue.head
    if not (cue.dep_ == "advcl" and any(c.tag_ == "TO" for c in cue.children)
            and head.pos_ == "VERB" and head.lemma_.lower() not in claim_words()["reporting"]):
        return False
    return head.dep_ == "ccomp" or (head.dep_ == "pcomp" and head.head.lower_ != "by")


def names_nothing_said(claim: Claim, text: str) -> bool:
    """A claim whose words are only the quoted name of a programme, book or ad, or whose
    speaker is markup ('datetime="2016')."""
    return bool(claim.speaker and re.search(r"[<>=]", claim.speaker)) or _quoted_title(
        claim, text)


def _bare_negation(claim: Claim, cue: Any, sent: Any, offset: int) -> bool:
    """'Kadzik wouldn't say.', 'But we'll never know.', 'Ayotte isn't interested.': a
    negated frame with nothing beyond its speaker, auxiliaries and the negation states
    nothing one could weigh."""
    speaker = claim.speaker_span or (0, 0)
    negated = False
    for t in sent:  # stops at the first word that is more than an auxiliary or negation
        at = offset + t.idx
        if at >= claim.end:
            break
        if at < claim.start or t.i == cue.i or t.is_punct or speaker[0] <= at < speaker[1]:
            continue
        if not (t.pos_ in ("AUX", "PART") or t.dep_ in ("neg", "aux", "auxpass")):
            return False
        negated = negated or t.dep_ == "neg"
    return negated


def _markup_tag(cue: Any) -> bool:
    """'<tweet author="...">': the tag's name, not a verb."""
    # (the token before, not doc.text: that property joins the whole document per call)
    if cue.i == 0:
        return False
    before = cue.doc[cue.i - 1]
    return not before.whitespace_ and before.text.endswith("<")


def in_idiom(cue: Any) -> bool:
    """'Believe me.', 'Guess what, Washington!', 'Only time will tell if ...', 'You know,
    the ones who ...', 'easier said than done', 'That said, ...': the cue is part of an
    idiom, which reports nothing (set off by punctuation for "you know", "I mean", "that
    said": "you know that ..." does report)."""
    words = _words()
    doc = cue.doc
    # every idiom has two words or more: the cue and a neighbour are both idiom words
    if not _idiom_word(cue, words):
        return False  # (asked of every candidate cue: the cheap test first)
    neighbours = [doc[i] for i in (cue.i - 1, cue.i + 1) if 0 <= i < len(doc)]
    if not any(_idiom_word(t, words) for t in neighbours):
        return False
    sent = cue.sent
    for size in (2, 3, 4):
        for lo in range(max(sent.start, cue.i - size + 1), cue.i + 1):
            if _is_idiom(doc, sent, lo, lo + size, words):
                return True
    return False


def _idiom_word(token: Any, words: dict[str, Any]) -> bool:
    return token.lower_.replace("’", "'") in words["idiom_words"]


def _is_idiom(doc: Any, sent: Any, lo: int, hi: int, words: dict[str, Any]) -> bool:
    """doc[lo:hi] is an idiom of the lexicon, set off by punctuation where it must be."""
    if hi > sent.end:
        return False
    # (the words' text cut from the block's: Span.text would join them anew per window)
    last = doc[hi - 1]
    phrase = block_text(doc)[doc[lo].idx:last.idx + len(last.text)].lower().replace("’", "'")
    return phrase in words["idioms_anywhere"] or (
        phrase in words["idioms_set_off"] and (hi == sent.end or doc[hi].is_punct)
        and (lo == sent.start or doc[lo - 1].is_punct))


def _reader_aside(cue: Any) -> bool:
    """'Read the latest updates below:', 'Call it viral fundraising.', 'Just ask him.',
    'Seriously, please ask yourself that question.': an imperative with no subject opening
    its sentence (after an adverb or a conjunction at most), the writer's aside to the
    reader."""
    following = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else cue
    # ("Call it ..." names; "Call the GOP's bluff on ..." is the writer's thesis, a claim)
    aside = cue.lower_ in _words()["reader_imperatives"] or (
        f"{cue.lower_} {following.lower_}" in _words()["naming_asides"])
    return aside and cue.dep_ == "ROOT" and is_imperative(cue)


def is_imperative(verb: Any) -> bool:
    """'Just ask him', 'Say no to the tolls', 'Read the updates below': a bare verb opening
    its sentence (after an adverb, interjection or conjunction at most) with no subject or
    auxiliary is an order, not a report of its own."""
    return (verb.tag_ == "VB"
            and all(t.is_punct or t.is_space or t.dep_ in ("advmod", "intj", "cc")
                    for t in verb.doc[verb.sent.start:verb.i])
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl")
                        for c in verb.children))


def credits_the_page(sent: Any) -> bool:
    """'Today's newsletter was edited by Marion Hale.', 'This episode was produced by Z': the
    page's own credit, no event an analyst could weigh."""
    root = sent.root
    words = _words()
    return (root.lemma_.lower() in words["credit_acts"]
            and any(c.dep_ == "agent" for c in root.children)
            and any(c.dep_ == "nsubjpass" and c.lemma_.lower() in words["credited_works"]
                    for c in root.children))


def _credit_line(cue: Any) -> bool:
    """'Lerer reported from Los Angeles.', 'Writing by X; Editing by Y': who reported or
    wrote the story from where, nothing they report."""
    if cue.lemma_.lower() not in _words()["credit_verbs"]:
        return False
    parts = [c for c in cue.children if not (
        c.is_punct or c.dep_ in ("nsubj", "advmod", "cc")
        or (c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")))]  # "..., and Y from Z"
    # ("reported from the front lines that the army had retreated": the parser hangs the
    # report's clause on the place; a clause there is what was reported)
    return bool(parts) and all(c.dep_ == "prep" and c.lower_ in ("from", "by")
                               and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree)
                               for c in parts)


def _modifier(cue: Any) -> bool:
    """'pledged delegates': the participle names a kind of delegate; no one pledges here."""
    doc = cue.doc
    return cue.i + 1 < len(doc) and (
        f"{cue.lower_} {doc[cue.i + 1].lower_}" in _words()["modifier_phrases"])


_WORD = re.compile(r"[\w'’&-]+")
_TITLE_SMALL_WORDS = frozenset(("of", "the", "and", "with", "on", "a", "an", "for", "to",
                                "in", "at", "by", "&"))
_OPENING_MARKS = "\"“‘'"
_CLOSING_MARK = re.compile(r"\s*(?:[\"”’]|'')")


def _quoted_title(claim: Claim, text: str) -> bool:
    """'On ABC's “Good Morning America” Tuesday, he said ...': the quotation is the name of
    the programme (a few capitalised words after "on", "of", "his" or a possessive, no
    sentence or list of its own), not something said."""
    body = claim.text.rstrip(" '\"”’")
    if body.endswith((".", ",")) and _CLOSING_MARK.match(text, claim.start + len(body)):
        # 'on MSNBC's “Morning Joe.”', 'his book, “Doomed to Fail,” and ...': the sentence's
        # stop or comma inside the title's closing mark, as American usage puts it
        body = body[:-1]
    words = _WORD.findall(body)
    if not 0 < len(words) <= 7 or body.endswith((".", "!", "?", ",")):
        return False
    if "," in body:
        return False  # a chant ('chants of “Trump, Trump, Trump”'), not a name
    if claim.cue_span and claim.start <= claim.cue_span[0] < claim.end:
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL_WORDS
               for w in words):
        return False
    before = text[max(0, claim.start - 40):claim.start].rstrip()
    quoted = claim.text[0] in _OPENING_MARKS or before.endswith(tuple(_OPENING_MARKS))
    opener = re.search(r"([\w'’]+)\W*$", before)
    return bool(quoted and opener) and (
        opener.group(1).lower() in _words()["title_openers"]
        or opener.group(1).lower().endswith(("'s", "’s")))


def says_only_how_it_was_said(claim: Claim, doc: Any, offset: int) -> bool:
    """A frame every word of which, beyond its speaker and cue, is to whom, when or where
    something was said: '"...," Lasry told Bloomberg Politics in May.', 'shouted to the
    crowd', 'said as she marched', 'asking her'. What was said is a quotation or a sentence
    of its own (given its speaker before this is asked); this claim adds nothing an analyst
    could weigh. Only the cue's words inside the claim are weighed: what it reports outside
    ('Instead, Roe told Harbour Radio, her plan would be ...', where the parser hangs the
    cue on the clause it reports) is a claim of its own, unless the claim stands inside a
    quotation ('"To all the workers," she said, "..."': what was said, though it reads
    like to whom). `doc` is the parsed block starting at document offset `offset` that holds
    the claim."""
    if claim.cue_span is None or claim.speaker_span is None or _quoted(claim, doc, offset):
        return False
    cue = doc.char_span(claim.cue_span[0] - offset, claim.cue_span[1] - offset)
    if cue is None or len(cue) != 1 or cue[0].pos_ != "VERB":
        return False
    cue = cue[0]
    if cue.dep_ in _SAYS_ITS_HEAD and _holds_its_head(cue, claim, offset):
        return False  # what the cue reports is its head, in the claim
    lemma = cue.lemma_.lower()
    if not (lemma in _words()["audience_verbs"] or lemma in claim_words()["addressee"]
            or lemma in _ASKING or _names_a_saying(cue)):
        return False  # ("went after Trump", "spoke out in favor of ...": what is said)
    speaker = range(claim.speaker_span[0] - offset, claim.speaker_span[1] - offset)
    allowed = set()
    for child in cue.children:
        if not _within(child.left_edge, child.right_edge, claim, offset):
            continue  # said outside the claim: a quotation, a clause with a claim of its own
        if not _tells_how(child, cue, speaker):
            return False  # a clause, an object, a topic: what was said
        allowed.update(range(child.left_edge.i, child.right_edge.i + 1))
    words = doc.char_span(claim.start - offset, claim.end - offset, alignment_mode="expand")
    if words is None or any(t.dep_ == "prep" and t.lower_ == "about" for t in words):
        return False  # "complained to the officials about the use of the emblem": a topic
    return all(
        t.i in allowed or t.i == cue.i or t.is_punct or t.is_space or t.idx in speaker
        for t in words)


def _quoted(claim: Claim, doc: Any, offset: int) -> bool:
    """The claim holds a quotation mark or stands right inside one ('"To all the harbour
    workers," she said, "..."': its marks trimmed, a quotation's first half is still
    what was said, though it reads like to whom)."""
    text = block_text(doc)
    return bool(_QUOTE_MARK.search(
        text[max(0, claim.start - offset - 1):claim.end - offset + 1]))


def _holds_its_head(cue: Any, claim: Claim, offset: int) -> bool:
    """The claim holds words of the clause the cue hangs on, beyond the cue's own ("The
    source of it, members say, ...": the clause's subject is what they say)."""
    own = range(cue.left_edge.i, cue.right_edge.i + 1)
    return any(t.i not in own and not t.is_punct and claim.start <= offset + t.idx < claim.end
               for t in cue.head.subtree)


def _within(first: Any, last: Any, claim: Claim, offset: int) -> bool:
    """Some word from `first` to `last` lies inside the claim's span."""
    return offset + first.idx < claim.end and offset + last.idx + len(last.text) > claim.start


# Verbs of a question and its answer, whose object is the person or the question ("asked
# the engineers", "answering a question at a town hall"): what was asked or answered is a
# quotation or a clause of its own
_ASKING = {"ask", "answer"}
# ... and the one verb of addressing whose object is rather what is asked for ("urged
# restraint", "urged a strong stand")
_URGING = {"urge"}
# A cue whose head is what it reports: "the programs she has proposed", "The source of it,
# members say, is ..."
_SAYS_ITS_HEAD = {"relcl", "acl", "parataxis", "ccomp"}
_QUOTE_MARK = re.compile(r"[\"“”«»]|''|``")
# (not "neg": "Trump Says No To Fox News", "did not tell reporters" deny something)
_FRAME_ONLY_DEPS = {"aux", "auxpass", "punct", "cc", "prt", "mark", "expl"}
_WHEN = ("DATE", "TIME")


def _tells_how(child: Any, cue: Any, speaker: range) -> bool:
    """`child` of the cue says who, how, when, where or to whom, not what."""
    words = claim_words()
    lemma = cue.lemma_.lower()
    if child.dep_ in ("nsubj", "nsubjpass"):
        # the speaker's phrase (the parser may make a reported clause the subject: "The
        # source of the attraction, union members say, is ...")
        return child.idx in speaker
    if child.dep_ in _FRAME_ONLY_DEPS:
        # (a leaf: the parser may hang a whole quotation on its opening mark)
        return child.n_lefts + child.n_rights == 0
    if child.dep_ == "dative" or (child.dep_ == "npadvmod" and child.ent_type_ in _WHEN):
        return True  # "told him", "said Tuesday"
    if child.dep_ == "prep":
        return (_setting(child, lemma in _words()["audience_verbs"] or lemma in _ASKING)
                or (_when_or_where(child) and _names_a_saying(cue)))
    if child.dep_ == "advcl":
        return child.i > cue.i and any(
            m.dep_ == "mark" and m.lower_ in _words()["when_marks"] for m in child.children)
    if child.dep_ == "dobj" and (lemma in words["addressee"] or lemma in _ASKING):
        return _addressee(child, lemma)
    return child.dep_ == "dobj" and _said_thing(child, lemma)


def _setting(prep: Any, audience: bool) -> bool:
    """A prepositional phrase that says when, where or in what medium something was said
    ("in an interview", "during the debate", "on Tuesday"), or, after a verb of plain
    speaking (`audience`), to whom, at what or on what channel ("said to reporters", "at a
    rally", "on CNN")."""
    words = claim_words()
    target = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if target is None or prep.n_lefts or any(t.pos_ in ("VERB", "AUX")
                                             and not _names_the_setting(t, prep)
                                             for t in prep.subtree):
        return False  # (a word before it: "Says No To Fox News")
    if (prep.lower_ in words["setting_prepositions"] and target.ent_type_ != "PERSON"
            or target.ent_type_ in _WHEN):
        return True
    return audience and (
        prep.lower_ in ("to", "at")
        or (prep.lower_ == "on" and (target.pos_ == "PROPN"
                                     or target.lemma_.lower() in words["media"])))


def _names_the_setting(verb: Any, prep: Any) -> bool:
    """A verb in a participle that only says which setting it was ("during a part of the
    debate focused on crime", "in an interview published Monday"), not a clause of its
    own ("after he said ...")."""
    for word in (verb, *verb.ancestors):
        if word.i == prep.i:
            return False
        if word.dep_ == "acl" and word.tag_ in ("VBN", "VBG"):
            return True
    return False


def _when_or_where(prep: Any) -> bool:
    """'during the debate', 'in Richmond', 'on Monday', 'at a rally' (not "on" a topic: "his
    views on the clinic")."""
    return _setting(prep, prep.lower_ == "at")  # (at: "at a rally", as after plain speaking)


def _names_a_saying(cue: Any) -> bool:
    """'made the comments during a visit', 'made his pitch at a rally', 'issued its statement
    in response to ...': the verb and its object only name an act of saying the reader has
    been told of (what was said is elsewhere), and when or where it was."""
    lemma = cue.lemma_.lower()
    said = next((c for c in cue.children if c.dep_ == "dobj" and _said_thing(c, lemma)), None)
    return said is not None and any(c.dep_ == "prep" and _when_or_where(c)
                                    for c in (*cue.children, *said.children))


def _said_thing(noun: Any, lemma: str) -> bool:
    """The object that makes `lemma` an act of saying ("the comments" of "made", "its
    statement" of "issued") with a definite or possessive determiner (words said before:
    "made a statement" may introduce them) and nothing of what was said: no clause, no
    topic, no "that" (a determiner, a possessive, an adjective ("the same comments"), or when
    and where: "made his remarks during the breakfast")."""
    objects = claim_words()["speech_act_objects"].get(lemma, ())
    if noun.lemma_.lower() not in objects and noun.lower_ not in objects:
        return False
    known = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE)
                for c in noun.children)
    return known and _only_plain_modifiers(noun)


_DEFINITE = {"the", "this", "that", "these", "those"}


# What may stand before the noun of a plain addressee: "the cheering crowd", "NBC's Today
# show", "a Senate panel"
_ADDRESSEE_MODIFIERS = {"det", "compound", "amod", "poss", "case", "punct"}


def _addressee(noun: Any, lemma: str) -> bool:
    """The object of "told", "asked", "warned" that is only to whom it was said: "told
    POLITICO", "asking her", "told reporters", "asked the engineers", "told the cheering
    crowd" (not what was told: "told a joke", "tells a different story"), when nothing
    else is told. A plain noun after "urged" is what was urged ("urged restraint")."""
    if noun.lower_ in PERSONAL_OBJECTS or noun.ent_type_ in ("PERSON", "ORG", "NORP"):
        return all(c.dep_ in ("det", "compound", "punct") for c in noun.children)
    return (lemma not in _URGING and noun.pos_ in ("NOUN", "PROPN")
            and noun.lemma_.lower() not in _words()["told_things"]
            and _only_plain_modifiers(noun))


def _only_plain_modifiers(noun: Any) -> bool:
    """Nothing hangs on `noun` but a determiner, a possessive, a one-word modifier or when
    and where ("the same comments", "the cheering crowd", "his remarks during the
    breakfast"): nothing of what was said."""
    return all((c.dep_ in _ADDRESSEE_MODIFIERS and c.n_lefts + c.n_rights <= 1)
               or (c.dep_ == "prep" and _when_or_where(c)) for c in noun.children)
