"""Reporting frames in a parsed sentence: a reporting verb (or "according to", a
statement noun) with its speaker and its content, each a claim.

The small English model mis-parses some frames ("plan" as a noun root, "that" as subject),
so every rule has a fallback that uses word order instead of the tree.
"""

from __future__ import annotations

from typing import Any

from briefing.analysis.claim import Claim, claim_words, make_claim
from briefing.analysis.speakers import ActorIndex, phrase_actors, speaker_names, speaker_phrase
from briefing.analysis.speakers import lex as speaker_lex

# Only an active subject speaks: in "Beijing is expected to ..." Beijing is the topic.
_SPEAKER_DEPS = {"nsubj"}


_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "attr", "advcl", "oprd", "parataxis"}


def _inside(ranges: list[tuple[int, int]], at: int) -> bool:
    return any(s < at < e for s, e in ranges)


def find_frames(sent: Any, offset: int, quotes: list, index: ActorIndex) -> list[Claim]:
    lex = claim_words()
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
        if token.pos_ not in ("VERB", "AUX", "NOUN") or frame_lemma(token) is None or (
                not _speech_act(token)):
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
        if _nested_frame(token, speaker_tok) and not _after_quotation(token):
            continue  # (a verb after a closing mark frames the quotation, whatever the parse)
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


def frame_lemma(token: Any) -> str | None:
    """The reporting-verb lemma of `token`, or None. The small model's lemmas slip on some
    inflections ("hopes" -> "hop"), so the word's own form is also stripped of -s, -es, -d,
    -ed, -ing and tried against the lexicon."""
    reporting = claim_words()["reporting"]
    lemma = token.lemma_.lower()
    if lemma in reporting:
        return lemma
    if token.pos_ not in ("VERB", "AUX"):
        return None  # "reporters" is not "report"
    word = token.lower_
    for suffix, add in (("s", ""), ("es", ""), ("d", ""), ("ed", ""), ("ing", ""),
                        ("ing", "e")):
        stem = word[:-len(suffix)] + add
        if word.endswith(suffix) and len(stem) >= 3 and stem in reporting:
            return stem
    return None


def _speech_act(verb: Any) -> bool:
    """'made clear', 'raised concerns': verbs that report speech only with such an object;
    'added', 'continued' only alone or with a clause ("added that ...")."""
    lemma = frame_lemma(verb) or verb.lemma_.lower()
    if verb.dep_ in ("amod", "compound", "nmod"):
        return False  # "pledged delegates": a modifier, not a frame
    if lemma in claim_words()["clause_speech"]:
        return _after_quotation(verb) or _introduces_quotation(verb) or any(
            c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "punct" and c.text == ":")
            for c in verb.children)
    if lemma in claim_words()["bare_speech"]:
        return _after_quotation(verb) or _introduces_quotation(verb) or not any(
            c.dep_ in ("xcomp", "prep", "dobj", "dative", "acomp", "prt") for c in verb.children)
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT":
        # "Editor's note: ...": a noun heading, unless the parser mistook the verb (its
        # subject then hangs on it: "Officials plan to ...")
        return any(c.dep_ == "nsubj" for c in verb.children)
    objects = claim_words()["speech_act_objects"].get(lemma)
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


def _introduces_quotation(verb: Any) -> bool:
    """'X responded, "..."', 'X added about Y: "..."': a quotation follows the verb's
    clause within a few words."""
    doc = verb.doc
    for t in doc[verb.i + 1:min(len(doc), verb.i + 6)]:
        if t.is_quote or t.text in ("“", "''", "``"):
            return doc[t.i - 1].text in (",", ":")
        if t.pos_ == "VERB":
            return False
    return False


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
        if (t.dep_ in ("advcl", "conj") and t.lemma_.lower() in claim_words()["reporting"]
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
    reporting = claim_words()["reporting"]
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


def _clause_end(verb: Any) -> int:
    end = verb.i
    for child in verb.rights:
        if child.dep_ == "advcl" and any(t.lemma_.lower() in claim_words()["reporting"]
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
        if t.ent_type_ in _NOT_SPEAKERS:
            continue  # "on Sunday", "Oct. 23": when, not who
        if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return t
    return None


_NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _with_speaker(sent: Any, offset: int, lo: int, hi: int, cue: Any, speaker_tok: Any,
                  index: ActorIndex) -> Claim:
    names = speaker_names(speaker_tok, offset, index) if speaker_tok is not None else []
    claim = make_claim(sent, offset, lo, hi, " and ".join(names) or None, cue)
    if speaker_tok is not None:
        left, right = speaker_phrase(speaker_tok)
        doc = speaker_tok.doc
        claim.speaker_span = [offset + doc[left].idx,
                              offset + doc[right].idx + len(doc[right].text)]
    if "attributed" not in claim.kinds and claim.speaker:
        claim.kinds.insert(0, "attributed")
    if cue is not None and cue.lemma_.lower() in claim_words()["denial"]:
        claim.kinds.append("denial")
    claim.kinds = list(dict.fromkeys(claim.kinds))
    return claim


def nominal_frames(sent: Any, offset: int, already: list[Claim]) -> list[Claim]:
    """'There are speculations that ...', 'claims that ...' with no verb frame."""
    lex = claim_words()
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
        claim = make_claim(sent, offset, token.left_edge.i, clause.right_edge.i, None, token)
        if token.lemma_.lower() in lex["speculative_nouns"] and "speculation" not in claim.kinds:
            claim.kinds.append("speculation")
        found.append(claim)
    return found
