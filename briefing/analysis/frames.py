"""Reporting frames in a parsed sentence: a reporting verb (or "according to", a
statement noun) with its speaker and its content, each a claim.

The small English model mis-parses some frames ("plan" as a noun root, "that" as subject),
so every rule has a fallback that uses word order instead of the tree.
"""

from __future__ import annotations

import weakref
from typing import Any

from briefing.analysis.actor_roles import person_noun
from briefing.analysis.claim import Claim, claim_words, make_claim
from briefing.analysis.content import report_set_off_before, set_inside
from briefing.analysis.non_claims import in_idiom, is_imperative
from briefing.analysis.speakers import (
    ActorIndex,
    bound_possessive,
    can_speak,
    holder_nouns,
    phrase_actors,
    speaker_names,
    speaker_phrase,
)
from briefing.analysis.speakers import lex as speaker_lex

# Only an active subject speaks: in "Beijing is expected to ..." Beijing is the topic.
_SPEAKER_DEPS = {"nsubj"}


_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "attr", "advcl", "oprd", "parataxis"}

# Every rule in find_frames asks first for one of these parts of speech (verbs and nouns as
# frames, adjectives as attitudes) or words ("according to", a source "in" a poll, a hearsay
# adverb): a token with none of them is skipped before the rules, which can take none.
_RULE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
_RULE_WORDS = frozenset({"in", "according", "to", "by"})


def _inside(ranges: list[tuple[int, int]], at: int) -> bool:
    # (a plain loop: asked for every token of every sentence, mostly of no quotation)
    for s, e in ranges:
        if s < at < e:
            return True
    return False


def find_frames(sent: Any, offset: int, quotes: list, index: ActorIndex) -> list[Claim]:
    lex = claim_words()
    found: list[Claim] = []
    media: list[Claim] = []  # "according to a note": a document, not an actor
    hypothetical: set[int] = set()  # where the cues of stances in conditions are
    circumstances: list[Any] = []  # clauses set before a frame's speaker: not its content
    openers = _RULE_WORDS | lex["hearsay_adverbs"]
    for token in sent:
        # (each rule below is asked only of the part of speech or word it starts by testing)
        pos, word = token.pos_, token.lower_
        if pos not in _RULE_POS and word not in openers:
            continue  # (most tokens: no rule below can take them, see _RULE_POS)
        if quotes and _inside(quotes, token.idx):
            continue  # a cue word inside a quotation belongs to the quote
        source_in = _source_in(token) if word == "in" else None
        if (word == "according" and _is_according_to(token)) or source_in is not None:
            speaker_tok = source_in if source_in is not None else next(
                (t for t in token.nbor(1).children if t.dep_ == "pobj"), None)
            claim = _with_speaker(sent, offset, sent[0].i, sent[-1].i, token, speaker_tok, index)
            if speaker_tok is None or (not phrase_actors(speaker_tok, offset, index)
                                       and _is_document(speaker_tok)) or (
                    source_in is not None and _said_in(token, source_in)):
                media.append(claim)
            found.append(claim)
            continue
        poll = _named_poll_in(token) if word == "in" else None
        if poll is not None:
            # "Roe leads Doe by 12 points in a new Marist poll": the poll reports the
            # standing, the clause of the verb the "in" hangs on
            lo, hi = _clause_span(token.head, sent)
            found.append(_with_speaker(sent, offset, lo, hi, token, poll, index))
            continue
        viewer = (_viewpoint_holder(token) if pos == "NOUN"
                  else _opening_to_whom(token) if word == "to" else None)
        if viewer is not None:
            # "The only other action, in Professor Roe's view, would be ...": her view;
            # "To many voters, the levy is a tax": theirs
            lo, hi = _clause_span(token.head.head if pos == "NOUN" else token.head, sent)
            found.append(_with_speaker(sent, offset, lo, hi, token, viewer, index))
            continue
        count = _opening_by_count(token) if word == "by" else None
        if count is not None:
            # "By the ministry's count, 300 people died": the ministry counts; "By some
            # measures, X leads": someone unnamed does
            counter = _noun_holder(count)
            found.append(_with_speaker(sent, offset, sent[0].i, sent[-1].i, token, counter,
                                       index))
            continue
        holder = (_attitude_holder(token) if pos == "ADJ"
                  else _role_holder(token) or _view_holder(token) if pos == "NOUN" else None)
        if holder is not None and pos == "NOUN" and _reported_clause(token.head, quotes):
            continue  # "Cruz said he is a supporter of ...": the report is the claim
        if holder is not None:
            # "The ministry is worried that ...", "X was critical of ...": a held stance
            lo = min(holder.left_edge.i, token.head.i)
            hi = _cut_nested_frames(token, token.head.right_edge.i, quotes)
            found.append(_with_speaker(sent, offset, max(lo, sent[0].i), min(hi, sent[-1].i),
                                       token, holder, index))
            continue
        if pos in ("VERB", "AUX") and _hedged_judgement(token):
            # its own clause ("X led and appeared poised to win")
            lo, hi = _clause_span(token, sent)
            found.append(make_claim(sent, offset, lo, hi, None, token))
            continue
        if word in openers and _hearsay(token):
            # "X reportedly met Y": others report it, unnamed; the adverb is the cue
            verb = token.head
            found.append(make_claim(sent, offset, max(_clause_start(verb), sent[0].i),
                                    min(verb.right_edge.i, sent[-1].i), None, token))
            continue
        if pos not in ("VERB", "AUX", "NOUN") or (
                frame_lemma(token) is None and not _quotation_tag(token)
                and not _that_clause_stance(token)) or (
                not _speech_act(token)):
            continue
        if _not_made(token):
            continue  # "declined to say whether ...": said nothing; the refusal is the claim
        if _done_by_a_thing(token):
            continue  # "no information that would support that allegation": no one speaks
        if _hypothetical(token):
            # "if Berg backs the plan", "asked whether Berg supported it": a stance no one
            # took yet; its claim stays (PolNeAR counts it) marked as speculation
            hypothetical.add(offset + token.idx)
        if token.pos_ == "NOUN" and token.dep_ != "ROOT":
            # A noun is a frame only where the parser mistook the verb: as the root ("X plan
            # to"), or just before "that" and its clause ("Analysts at Rystad Energy
            # estimate that ...", read as "Energy estimate"): then the sentence is the claim.
            if _misread_frame(token):
                found.append(_with_speaker(sent, offset, sent[0].i, sent[-1].i, token,
                                           _speaker_of(token), index))
            continue
        if token.dep_ == "acl" and ((token.head.lemma_.lower() in lex["data_sources"]
                                     and not _done_to(token)) or _participle_holder(token)):
            # "polls showing Roe's lead has evaporated": the poll speaks, from its verb on
            found.append(_with_speaker(sent, offset, token.i, min(token.right_edge.i,
                                                                   sent[-1].i),
                                       token, _issuer_of(token.head) or token.head, index))
            continue
        speaker_tok = _speaker_of(token)
        under_subject = _verb_under_its_subject(token)
        if under_subject:
            speaker_tok = token.head  # "Mr Roe, who ..., denied that ...": Roe denied
        if speaker_tok is not None and _inside(quotes, speaker_tok.idx):
            speaker_tok = _speaker_outside_quotes(token, quotes)
        if _nested_frame(token, speaker_tok, quotes) and not _after_quotation(token):
            continue  # (a verb after a closing mark frames the quotation, whatever the parse)
        if (token.dep_ == "acl" and not under_subject) or (
                token.dep_ == "advcl" and token.lower_ == "reported"
                and not any(c.dep_ == "nsubj" for c in token.children)):
            # "as reported by VOA": the sentence is attributed to the agent
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is None:
                continue
            found.append(_with_speaker(sent, offset, sent[0].i, sent[-1].i, token, pobj, index))
            continue
        content = [c for c in token.children if c.dep_ in _CONTENT_DEPS
                   # "telling reporters ... that ...": the addressee is not what is said
                   and not (token.lemma_.lower() in lex["addressee"] and c.dep_ == "dobj"
                            and c.pos_ in ("PROPN", "PRON", "NOUN"))
                   # a reporting clause hanging off this one is a claim of its own
                   and not (c.dep_ in ("advcl", "parataxis") and not is_imperative(c)
                            and c.lemma_.lower() in lex["reporting"] and _speech_act(c))]
        cleft = _cleft_content(token)
        if cleft is not None:
            content = [cleft]  # "What I can tell you is that ...": the clause after "is"
        if speaker_tok is not None and speaker_tok.i < token.i and not set_inside(token) and any(
                c.i > token.i and c.dep_ != "advcl" for c in content):
            # what is said follows the verb; a clause before the speaker is no part of it
            circumstances += [c for c in content if _circumstance(c, speaker_tok)
                              or _report_before(c, speaker_tok)]
            content = [c for c in content if not (_circumstance(c, speaker_tok)
                                                  or _report_before(c, speaker_tok))]
        elif speaker_tok is not None and speaker_tok.i < token.i:
            # "He calls for X; she calls for Y": with nothing said after the verb but a
            # preposition, the report before the semicolon is still its own claim
            circumstances += [c for c in content if _report_before(c, speaker_tok)]
            content = [c for c in content if not _report_before(c, speaker_tok)]
        if any(c.dep_ == "dobj" for c in content):
            # "portraying Sanders as hypocritical": what the object is cast as is said too
            content += [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "as"]
        if speaker_tok is not None and speaker_tok.i > token.i:
            # "The treaty's rejection signals ..., said Jane Roe": the clause before the
            # inverted frame is what it reports, its subject included
            content += [c for c in token.lefts if c.dep_ == "nsubj"]
        if speaker_tok is None and _unnamed_judgement(token):
            # "Delaware is widely seen as a Clinton stronghold": a judgement no one is named
            # for; the passive verb is its cue, the clause its content
            found.append(make_claim(sent, offset, max(_clause_start(token), sent[0].i),
                                    min(token.right_edge.i, sent[-1].i), None, token))
            continue
        if speaker_tok is None and not content:
            continue
        lo, hi = token.i, token.i
        # A speaker inherited from another verb ("China condemned ..., saying ...") is not
        # part of this clause: the claim is the participle and what it says.
        own_speaker = speaker_tok is not None and speaker_tok.head.i == token.i
        if own_speaker and speaker_tok.i < token.i and _holds_frame(speaker_tok):
            # "Roe, who estimates that ..., described ...": the speaker's relative clause
            # is a claim of its own; this one is the verb and what it says
            own_speaker = False
        for part in content + ([speaker_tok] if own_speaker else []):
            lo, hi = min(lo, part.left_edge.i), max(hi, part.right_edge.i)
        if token.dep_ == "ROOT" or not content:
            # the frame's own clause: from the speaker to the end of the sentence, but not
            # into a subordinate clause that has its own reporting verb
            hi = max(hi, _clause_end(token))
        if _interposed(token, content):
            # "Many of the closures, he said, have involved ...": the frame sits inside the
            # sentence it reports; the whole sentence is the claim (the clause's verb, when
            # the parser hangs the frame on its auxiliary: "he said, he's learned ...")
            clause = token.head
            while clause.dep_ in ("aux", "auxpass") and clause.head.i != clause.i:
                clause = clause.head
            lo, hi = clause.left_edge.i, clause.right_edge.i
        if cleft is not None:
            # not "I can tell you is that": the clause from after its "that"
            lo = next((t.i for t in cleft.subtree
                       if not (t.dep_ == "mark" and t.head.i == cleft.i)), cleft.i)
            hi = cleft.right_edge.i
        lo, hi = max(lo, sent[0].i), min(hi, sent[-1].i)
        hi = _cut_nested_frames(token, hi, quotes)
        if speaker_tok is not None and speaker_tok.i > token.i:
            hi = min(hi, _before_relative_clause(speaker_tok, hi))
        found.append(_with_speaker(sent, offset, lo, hi, token, speaker_tok, index))
    if any(c.speaker for c in found if c not in media):
        # "Economists at Deutsche Bank expect ..., according to a note to clients": the note
        # is where they said it, not a second claim.
        found = [c for c in found if c not in media]
    for clause in circumstances:
        # the writer's own statement, unless a frame inside it reports it
        lo, hi = offset + clause.left_edge.idx, offset + clause.right_edge.idx
        if not any(c.cue_span and lo <= c.cue_span[0] <= hi for c in found):
            found.append(make_claim(sent, offset, clause.left_edge.i, clause.right_edge.i,
                                    None, None))
    for claim in found:
        if claim.cue_span and claim.cue_span[0] in hypothetical and (
                "speculation" not in claim.kinds):
            claim.kinds.append("speculation")
    return found


def _verb_under_its_subject(verb: Any) -> bool:
    """'Mr Roe, who has led the board since 2019, denied last night that ...': with a long
    clause between subject and verb the model may make the name the sentence's root and
    the verb a participle on it. A reporting verb so hung on a root name, with a "that"
    clause of its own, is the sentence's verb and the name its subject."""
    head = verb.head
    return (verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ == "PROPN"
            and head.i < verb.i and any(
                c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                          for m in c.children) for c in verb.children))


def _cleft_content(verb: Any) -> Any | None:
    """'What I can tell you is that the talks failed', 'What we know is that ...': the
    reporting verb in a "what" clause that is the subject of "is"; what is said is the
    clause after "is", not the "what"."""
    if verb.dep_ != "csubj" or verb.head.lemma_ != "be" or not any(
            c.lower_ == "what" and c.tag_ == "WP" for c in verb.children):
        return None
    return next((c for c in verb.head.rights if c.dep_ == "ccomp"), None)


# Verbs whose infinitive is speech not made ("declined to say", "refused to comment",
# "failed to mention").
_WITHHELD = {"decline", "refuse", "fail"}


def _not_made(verb: Any) -> bool:
    """'declined to say whether ...', 'refused to endorse', 'investigators had yet to
    publish evidence': a report its subject did not make."""
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    return head.lemma_.lower() in _WITHHELD or (
        head.lemma_.lower() == "have" and any(c.lower_ == "yet" for c in head.children))


def _circumstance(clause: Any, speaker: Any) -> bool:
    """'While Democrats plot ..., Republicans are looking to ...', 'As boos erupt from the
    crowd, the executive says ...': a clause with its own subject, set before the frame's
    speaker, is the writer's circumstance of the report, not what the speaker says."""
    return (clause.dep_ == "advcl" and clause.right_edge.i < speaker.left_edge.i
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in clause.children))


def _report_before(clause: Any, speaker: Any) -> bool:
    """'Six in 10 said they were worried; 46 percent said they were not': a report with a
    speaker of its own, set off by a semicolon before this frame's speaker (the parser
    hangs it on this frame's verb), is a claim of its own, no part of this one's."""
    return (clause.dep_ in ("ccomp", "parataxis") and clause.pos_ == "VERB"
            and frame_lemma(clause) is not None
            and report_set_off_before(clause, speaker.left_edge.i))


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


# Several rules ask _speech_act of the same token (as a frame, as a clause under another
# frame, as a nested frame); its answer depends on the parse alone, so it is kept per doc.
_SPEECH_ACTS: weakref.WeakKeyDictionary[Any, dict[int, bool]] = weakref.WeakKeyDictionary()


def _speech_act(verb: Any) -> bool:
    """'made clear', 'raised concerns': verbs that report speech only with such an object;
    'added', 'continued' only alone or with a clause ("added that ...")."""
    known = _SPEECH_ACTS.get(verb.doc)
    if known is None:
        known = _SPEECH_ACTS[verb.doc] = {}
    answer = known.get(verb.i)
    if answer is None:
        answer = known[verb.i] = _reports_speech(verb)
    return answer


def _reports_speech(verb: Any) -> bool:
    """_speech_act's answer, worked out."""
    lemma = frame_lemma(verb) or verb.lemma_.lower()
    if verb.dep_ in ("amod", "compound", "nmod") or _participle_modifier(verb):
        return False  # "pledged delegates": a modifier, not a frame
    if in_idiom(verb):
        return False  # "That said, X says ...": an idiom frames nothing, the verb under it may
    if lemma == "know" and verb.tag_ == "VBN":
        return False  # "known as ISIS", "made their views known": no one knowing
    if _physical_act(verb):
        return False  # "defending its border", "defending itself against an invasion"
    if _object_task(verb, lemma):
        return False  # "thousands of patients called its helpline": phoned, said nothing
    objects = claim_words()["speech_act_objects"].get(lemma)
    # the word may hang on the object instead of the verb ("see Roe as ..."), or mark the
    # clause after it ("sees Roe as captured by ...")
    # (gathered only for a verb that needs its object: most verbs report without one)
    words = [*verb.children, *(g for c in verb.children if c.dep_ == "dobj"
                               for g in c.children if g.dep_ == "prep"),
             *(g for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
               for g in c.children if g.dep_ in ("mark", "advmod") and g.lower_ == "as")
             ] if objects is not None else []
    with_object = objects is not None and any(
        (w.lemma_.lower() in objects or w.lower_ in objects) and not _setting(w, verb)
        # "After the news went viral": the clause's own "after" is no object ("went after")
        and not (w.dep_ == "mark" and w.head.i == verb.i)
        for w in words)
    if lemma in claim_words()["clause_speech"]:
        if verb.i + 1 < len(verb.doc) and verb.nbor(1).lower_.endswith(("self", "selves")):
            return False  # "found himself embroiled in ...": where one ended up, not a finding
        return (with_object or _after_quotation(verb) or _introduces_quotation(verb)
                or _quotation_tag(verb)) or any(
            c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "punct" and c.text == ":")
            or (c.dep_ == "nsubj" and c.lemma_.lower() in claim_words()["data_sources"])
            for c in verb.children) or (
            verb.dep_ == "acl" and not _done_to(verb)
            and verb.head.lemma_.lower() in claim_words()["data_sources"])
    if lemma in claim_words()["intention"]:
        if _with_infinitive(verb):
            return True  # "offered to debate": an intention, whatever else the verb does
        if objects is None:
            return False
    if lemma in claim_words()["bare_speech"]:
        # ('"...," Roe added to reporters': the tag's form says it, whatever follows)
        return (_after_quotation(verb) or _introduces_quotation(verb)
                or _quotation_tag(verb)) or not any(
            c.dep_ in ("xcomp", "prep", "dobj", "dative", "acomp", "prt") for c in verb.children)
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT":
        # "Editor's note: ...": a noun heading, unless the parser mistook the verb (its
        # subject then hangs on it: "Officials plan to ...")
        return any(c.dep_ == "nsubj" for c in verb.children)
    # ('"...," remembered Jane Roe': the quotation is what the object would have said)
    return objects is None or with_object or _quotation_tag(verb)


def _setting(word: Any, verb: Any) -> bool:
    """'After the vote, the mayor went to the port', 'costs will go up after 2018': a
    preposition before the verb, or one whose object is a year, sets the scene; it is not
    the word that makes the verb speech ('went after the mayor'). (A named day or "decades"
    is left alone: the parser hangs "Friday" on "in" of "weighed in Friday about".)"""
    if word.dep_ not in ("prep", "prt"):
        return False
    return word.i < verb.i or any(c.dep_ == "pobj" and c.ent_type_ == "DATE" and c.like_num
                                  for c in word.children)


def _done_to(participle: Any) -> bool:
    """'a video posted on its website', 'a report called "Broken Promises"': a passive
    participle is done to the noun it hangs on, which says nothing by it (the small model
    also reads a finite verb after a noun as one: "the letter called Oz a quack, a fake",
    two objects, is the letter's writer speaking)."""
    return participle.tag_ == "VBN" and sum(
        c.dep_ in ("dobj", "oprd") for c in participle.children) < 2


def _object_task(verb: Any, lemma: str) -> bool:
    """'called its helpline', 'called the police', 'called a hearing': a verb whose one
    object is a task's (lexicons/claims.toml object_tasks), with nothing that says what was
    said (what the object is called, a clause, a preposition but a time, a quotation)."""
    tasks = claim_words()["object_tasks"].get(lemma)
    if tasks is None or _introduces_quotation(verb):
        return False
    # (the small model may read "called its helpline" as what something was called)
    children = list(verb.children)
    objects = [c for c in children if c.dep_ in ("dobj", "oprd")]
    return (len(objects) == 1 and objects[0].lemma_.lower() in tasks
            and not any(t.is_quote for t in objects[0].subtree) and not any(
                c.dep_ in ("ccomp", "xcomp", "attr", "acomp", "parataxis", "prt", "dative",
                           "conj") or (c.dep_ == "prep" and not _sets_the_time(c))
                for c in children))


def _sets_the_time(prep: Any) -> bool:
    """'on Monday', 'since the weekend': when, not what."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _participle_modifier(verb: Any) -> bool:
    """'The figures include pledged delegates', 'leads by 271 pledged delegates': a
    participle with no auxiliary right before a bare plural noun the parser made its object,
    after a number or with no subject of its own, modifies that noun ('has pledged
    delegates', 'Clinton pledged her support', 'X, an aide, told reporters' stay frames)."""
    doc = verb.doc
    if (verb.tag_ not in ("VBN", "VBD") or verb.i + 1 >= len(doc) or verb.i == 0
            or any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
        return False
    noun = doc[verb.i + 1]
    if noun.tag_ != "NNS" or noun.head.i != verb.i or noun.dep_ != "dobj":
        return False
    return doc[verb.i - 1].tag_ == "CD" or (verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _physical_act(verb: Any) -> bool:
    """The verb acts on a place or against an armed act: what it does, not a stance."""
    words = claim_words()
    for child in verb.children:
        # (not any place name: "criticized China", "backed Israel" are stances)
        # (a passive's subject, with its doer named, is what it acts on: "borders were
        # being defended by ..."; not "the base was considered a contender")
        if (child.dep_ == "dobj" or (child.dep_ == "nsubjpass" and _names_its_doer(verb))) and (
                child.lemma_.lower() in words["physical_objects"]):
            return True
        if child.dep_ == "prep" and child.lower_ == "against" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in words["hostile_acts"]
                for g in child.children):
            return True
    return False


def _names_its_doer(verb: Any) -> bool:
    """A passive with its "by" phrase and nothing said ("was defended by the army")."""
    deps = {c.dep_ for c in verb.children}
    return "agent" in deps and not deps & {"oprd", "attr", "xcomp", "ccomp", "acomp"}


def _participle_holder(verb: Any) -> bool:
    """'a super PAC backing Jeb Roe', 'voters saying they want ...', 'a petition calling on
    him to ...', 'delegates looking to unseat him': a reporting verb's -ing participle on a
    noun is that noun's stance or speech, when it has a complement of its own."""
    head = verb.head
    if (verb.tag_ != "VBG" or head.pos_ not in ("NOUN", "PROPN")
            or head.lemma_.lower() in speaker_lex()["event_nouns"]
            or any(c.dep_ == "prt" for c in verb.children)):
        return False  # "backing down from": no stance
    # what is said: a clause, or an object that is more than a pronoun ("backing him") and
    # a position rather than a task ("answering the phones")
    task = verb.lemma_.lower() in claim_words()["participle_task_verbs"]
    return any(c.dep_ in ("ccomp", "xcomp", "oprd", "parataxis")
               or (c.dep_ == "dobj" and c.pos_ != "PRON" and not task)
               or (c.dep_ == "prep" and c.lower_ in _STANCE_PREPOSITIONS
                   and any(g.pos_ != "PRON" for g in c.children))
               for c in verb.children)


def _issuer_of(noun: Any) -> Any | None:
    """'The office put out a statement saying ...', 'X ran a spot attacking Y', 'X fired off
    a response calling ...': a participle on the object of a verb says what the verb's
    subject put out through that object, so the subject speaks, not the thing. Not when the
    object can speak itself (a person, a body, a poll: "hired a firm backing Y") or has an
    owner of its own ("followed Roe's speech denouncing ..."), nor when the subject only
    received it or took it in ("received letters urging ...", "read the pages outlining
    ...": their makers speak), nor for a subject that points at no one ("This prompted the
    paper to run a cover saying ...": the cover says it). So does the thing a subject spoke
    in ("X shot back in an article stating ...", "during a speech attacking Y"), when the
    verb is active (in "X was named in a report alleging ...", the report's maker speaks)
    and no name sits on the thing ("in the Roe release announcing ...": Roe's, whoever
    speaks in it)."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ in _SPOKEN_IN and not any(
            c.dep_ == "auxpass" for c in verb.head.children) and not any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children):
        verb = verb.head  # (the preposition's verb)
    elif noun.dep_ != "dobj":
        return None
    lex = claim_words()
    lemma = verb.lemma_.lower()
    if (verb.pos_ != "VERB" or can_speak(noun)
            or any(c.dep_ == "poss" for c in noun.children)
            or lemma in lex["receiving_verbs"] or lemma in lex["taking_in_verbs"]):
        return None
    subject = _speaker_of(verb)
    if subject is None or subject.lower_ in _POINTING_WORDS:
        return None
    return subject


# The prepositions of the thing a subject speaks in ("in an article", "during a speech").
_SPOKEN_IN = frozenset({"in", "during", "through", "via"})
# Demonstratives: "This prompted ...", "That led ...": a happening, never who speaks.
_POINTING_WORDS = {"this", "that", "these", "those"}


# The prepositions that take what a participle says or stands for ("calling for", "talking
# about", "referring to", "protesting against"); "tweeting after", "writing for" say nothing.
_STANCE_PREPOSITIONS = {"for", "against", "about", "to", "on", "over", "with"}


def _unnamed_judgement(verb: Any) -> bool:
    """'is widely seen as', 'was viewed as', 'is regarded as': a passive verb of judging,
    with what its subject is judged as and no agent."""
    children = list(verb.children)
    return (verb.tag_ == "VBN" and verb.lemma_.lower() in claim_words()["judging_verbs"]
            and any(c.dep_ == "nsubjpass" for c in children)
            # "can be seen as": the writer's own reading, not a view others hold
            and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in children)
            and not any(c.dep_ == "agent" for c in children)
            and any(c.dep_ == "prep" and c.lower_ == "as" for c in children))


def _that_clause_stance(verb: Any) -> bool:
    """'Roe clarified that ...', 'the senator is betting that ...', 'Roe fired back that
    ...', 'Doe confided to her that ...': a verb the lexicon does not know, whose subject
    can speak, with a "that"-clause right after it (at most a particle, an adverb or the
    person spoken to between them), states what its subject holds or said, whatever the
    verb. On PolNeAR train 24 of 36 such verbs outside quotations are gold cues; without
    the subject that can speak ("the move means that ...") or with anything else before
    "that" ("polarized the electorate with harangues that ...") far fewer."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.pos_ != "VERB" or not can_speak(subject) or subject.lower_ == "you":
        return False  # ("you can bet that ...": the writer's aside to the reader)
    for clause in verb.children:
        that = clause.left_edge
        if (clause.dep_ != "ccomp" or clause.i < verb.i or that.lower_ != "that"
                or that.dep_ != "mark" or that.head.i != clause.i
                or not 0 <= that.i - verb.i - 1 <= 3):
            continue
        if all(_before_that(verb, word) for word in verb.doc[verb.i + 1:that.i]):
            return True
    return False


def _before_that(verb: Any, word: Any) -> bool:
    """A word that may stand between a verb and its "that"-clause: a particle or an adverb
    of the verb ("fired back that", "later clarified that"), or its "to" and the person
    spoken to ("confided to her that")."""
    if word.head.i == verb.i:
        return word.dep_ in ("prt", "advmod") or (word.dep_ in ("prep", "dative")
                                                  and word.lower_ == "to")
    return word.dep_ == "pobj" and word.head.head.i == verb.i and word.head.lower_ == "to"


def _with_infinitive(verb: Any) -> bool:
    """'plans to run', 'sought to temper', 'would like to see': the verb governs a
    to-infinitive (not 'plans the trip', 'women who seek')."""
    return any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)
               for c in verb.children)


def _quoted_as_saying(verb: Any) -> Any | None:
    """The person quoted in "TASS quoted Peskov as saying ..." or "The ministry was quoted
    by RIA Novosti as saying ...": the speaker is who was quoted, not who quoted."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_ != "quote":
        return None
    quote = verb.head.head
    return next((c for c in quote.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _after_quotation(verb: Any) -> bool:
    """The verb follows a closing quotation mark: '"...," added ...' (a stray space
    between them aside)."""
    before = _word_before(verb)
    return before is not None and (before.is_quote or before.text in ("”", "''"))


def _word_before(token: Any) -> Any | None:
    """The token before `token` in its document, whitespace tokens skipped."""
    at = token.i - 1
    while at > 0 and token.doc[at].is_space:
        at -= 1
    return token.doc[at] if at >= 0 and not token.doc[at].is_space else None


def _inverted_tag(verb: Any) -> bool:
    """'"...," remembered Jane Roe, a former aide.': after a quotation closed on a comma,
    the verb and then only the one who spoke (with an apposition)."""
    after = [c for c in verb.rights if c.dep_ != "punct"]
    comma = _word_before(_word_before(verb)) if _after_quotation(verb) else None
    # ("'...,' became a byword": what a linking verb says the quotation is, no speaker)
    # (a name the parser made the object speaks too: '"...," added Roe'; a common noun
    # only as the subject: "'...,' ignores losses" is a headline's second verb)
    return (comma is not None and comma.text in (",", "?", "!") and len(after) == 1
            and ((after[0].dep_ == "nsubj" and after[0].pos_ in ("PROPN", "NOUN"))
                 or (after[0].dep_ in ("dobj", "npadvmod") and after[0].pos_ == "PROPN"))
            and verb.lemma_.lower() not in _LINKING_VERBS)


def _quotation_tag(verb: Any) -> bool:
    """'"...," Jane Roe shot back.', '"...," one reader commented.': a quotation closed on a
    comma and followed by nothing but a subject and its verb (or the verb and then its
    subject: '"...," remembered Jane Roe') is that subject's speech, whatever the verb
    (quipped, interjected, fumed); the form itself says so."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") or verb.dep_ not in (
            "ROOT", "ccomp", "parataxis"):
        return False
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None:
        return _inverted_tag(verb)
    if subject.tag_ in ("WDT", "WP"):
        return False  # "a chant ... that ricocheted through the arena": no speaker
    doc = verb.doc
    mark = subject.left_edge.i - 1
    if mark <= verb.sent.start or verb.i - subject.left_edge.i > 6:
        return False
    closing = doc[mark].is_quote or doc[mark].text in ("”", "''")
    return closing and doc[mark - 1].text in (",", "?", "!") and all(
        t.dep_ in ("prt", "advmod", "punct", "npadvmod", "prep") or t.head.i != verb.i
        for t in doc[verb.i + 1:verb.sent.end])


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


def _speaker_outside_quotes(verb: Any, quotes: list) -> Any | None:
    """'"Thanks for coming," said the host', '"Anybody who attacks him ...," said Jane Roe':
    the parser may take a word of the quotation as the subject of the verb that frames it;
    the speaker is the noun after the verb, else one between the closing mark and the verb;
    None rather than a quoted word. A noun after a verb that no quotation ends right before
    is what the verb acts on, not its speaker ('..., telling the crowd, "..."': the crowd
    is told; "said by telephone this week": when)."""
    doc = verb.doc
    inverted = _after_quotation(verb)
    after = next((c for c in verb.rights if c.dep_ in ("nsubj", "dobj", "attr", "npadvmod",
                                                       "oprd", "dative", "appos")
                  and c.pos_ in ("NOUN", "PROPN") and not _inside(quotes, c.idx)
                  and (inverted or c.dep_ == "nsubj")
                  and c.ent_type_ not in ("DATE", "TIME")), None)
    if after is not None:
        return after
    between, tag = [], False
    for t in reversed(doc[verb.sent.start:verb.i]):
        if t.is_quote or t.text in ("”", "''") or _inside(quotes, t.idx):
            tag = True
            break
        between.append(t)
    # (a relative or demonstrative pronoun points at a word of the quotation: no speaker)
    nouns = [t for t in between if t.pos_ in ("NOUN", "PROPN", "PRON")
             and t.tag_ not in ("WDT", "WP", "DT")]
    # the nearest subject before the verb ('Jane Roe joked about the visit to Ohio, telling
    # the crowd, "..."'), else a noun the verb governs, else the nearest person or body
    # named but not as an object ('"...," Jane Roe, Democrat of Ohio, told ...'), else, in
    # a short tag right after the quotation ('"...," the email read'), its nearest noun
    return next((t for t in nouns if t.dep_ in ("nsubj", "nsubjpass")
                 and t.pos_ in ("NOUN", "PROPN")), None) or next(
        (t for t in nouns if t.head.i == verb.i), None) or next(
        (t for t in nouns if t.ent_type_ in ("PERSON", "ORG")
         and t.dep_ not in ("compound", "dobj", "pobj", "dative")), None) or (
        nouns[0] if nouns and tag and len(between) <= _SHORT_TAG else None)


# Words between a closing mark and its verb in a tag ('"...," the campaign's email read'):
# more is a sentence going on, its nouns no speaker.
_SHORT_TAG = 5


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


def _source_in(token: Any) -> Any | None:
    """'In the latest survey, X leads ...': the poll or record an "in" opening the clause
    sources the sentence; returns its noun. "In the talks" sources nothing."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.head.dep_ != "ROOT":
        return None
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in claim_words()["data_sources"]:
        return None
    # only as the sentence's opening, set off by a comma: "trails in the polls" is the
    # polls' standing, not their report
    doc = token.doc
    after = noun.right_edge.i + 1
    opens = token.i - token.sent.start <= 1
    return noun if opens and after < len(doc) and doc[after].text == "," else None


def _said_in(prep: Any, source: Any) -> bool:
    """'In his financial disclosure report, the nominee reported ...', 'In a memo to
    Congress, the Saudis insist ...': the sentence's own reporting verb names who speaks;
    the record it was said in is where, not a second source. (A poll's respondents are
    not its speaker: "In the poll, most voters say ..." stays the poll's.)"""
    verb = prep.head
    if (source.lemma_.lower() in claim_words()["standing_polls"] or verb.pos_ != "VERB"
            or frame_lemma(verb) is None or not _speech_act(verb)):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # (not a pronoun: "In a 2013 study, they estimated ..." keeps the study when "they"
    # finds no one)
    return subject is not None and (
        subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP")
        or subject.lemma_.lower() in speaker_lex()["person_nouns"])


def _named_poll_in(token: Any) -> Any | None:
    """'Roe led Doe by 12 points in a new Marist poll', 'trails in the RealClearPolitics
    average': an "in" on a verb that names a poll or record by who made it (a proper noun
    before the noun, or after its 'from' / 'by') sources the verb's clause; returns the
    noun. An unnamed poll ('ahead in several recent surveys': the writer's summary) or the
    setting of a reporting verb ('said in the Marist poll': the speaker's) is none."""
    verb = token.head
    if (token.lower_ != "in" or token.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX")
            or frame_lemma(verb) is not None):
        return None
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    if (noun is None or noun.pos_ != "NOUN"
            or noun.lemma_.lower() not in claim_words()["standing_polls"]):
        return None
    makers = [t for c in noun.children if c.i < noun.i or (
        c.dep_ == "prep" and c.lower_ in ("from", "by")) for t in c.subtree]
    # ("in Iowa polls": where the poll was taken, not who took it)
    return noun if any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC")
                       for t in makers) else None


def _viewpoint_holder(noun: Any) -> Any | None:
    """Whose view an 'in X's view' / 'in the opinion of X' sets the clause in: the noun's
    possessor or 'of' object (None for any other noun, or 'in view of the costs')."""
    if (noun.pos_ != "NOUN" or noun.lemma_.lower() not in claim_words()["viewpoint_nouns"]
            or noun.dep_ != "pobj" or noun.head.lower_ != "in"
            or noun.head.head.pos_ not in ("VERB", "AUX")
            # "divided in their opinions of Sanders": an opinion about something, no frame
            or any(c.dep_ == "prep" and c.lower_ in ("on", "about") for c in noun.children)):
        return None
    for child in noun.children:
        if child.dep_ == "poss" and (child.pos_ in ("PROPN", "NOUN")
                                     or child.lower_ in ("his", "her", "their")):
            return None if any(c.lower_ == "of" for c in noun.rights) else child
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                g.dep_ == "det" for g in noun.children):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _opening_to_whom(to: Any) -> Any | None:
    """'To many voters, the levy is a tax', 'To Roe, the vote was a betrayal': a "to"
    opening the sentence, set off by a comma after one who can hold a view, sets the
    sentence in that one's view (as "in Roe's view" does); returns its object. On PolNeAR
    train 8 of 11 such openings are gold cues ("To China, Roe sent a letter" is no view, but
    rare)."""
    verb = to.head
    if to.i != to.sent.start or to.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return None
    if frame_lemma(verb) is not None and can_speak(
            next((c for c in verb.children if c.dep_ == "nsubj"), None)):
        return None  # "To them, voters want ...": the verb's own frame and speaker
    holder = next((c for c in to.children if c.dep_ == "pobj"), None)
    if not can_speak(holder):
        return None
    after = holder.right_edge.i + 1
    return holder if after < len(to.doc) and to.doc[after].text == "," else None


def _opening_by_count(by: Any) -> Any | None:
    """'By the ministry's count, ...', 'By one estimate, ...', 'By all accounts, ...': a
    "by" opening the sentence, set off by a comma after a noun of reckoning (count_nouns
    in claims.toml), sets the sentence in that reckoning; returns the noun."""
    if by.i != by.sent.start or by.dep_ != "prep":
        return None
    noun = next((c for c in by.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in claim_words()["count_nouns"]:
        return None
    if (noun.lemma_.lower() in claim_words()["yardstick_nouns"] and _noun_holder(noun) is None
            and not any(c.lower_ in claim_words()["unnamed_yardsticks"]
                        for c in noun.children if c.i < noun.i)):
        return None  # "By any measure, ...": the writer's own judgement
    after = noun.right_edge.i + 1
    return noun if after < len(by.doc) and by.doc[after].text == "," else None


def _attitude_holder(adjective: Any) -> Any | None:
    """The subject of 'is worried that', 'was critical of', 'remains skeptical': an
    attitude adjective after a linking verb; returns the subject (None if it has none)."""
    if (adjective.dep_ != "acomp" or adjective.pos_ != "ADJ"
            or adjective.lower_ not in claim_words()["attitude_adjectives"]
            or adjective.head.lemma_.lower() not in ("be", "remain", "become", "seem", "appear")):
        return None
    subject = next((c for c in adjective.head.children if c.dep_ == "nsubj"
                    and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if (subject is not None and subject.pos_ == "NOUN" and not subject.ent_type_
            and subject.lemma_.lower() not in holder_nouns()
            and not any(c.dep_ in ("prep", "ccomp", "xcomp") for c in adjective.children)):
        # "this issue may become critical if ...": no one's attitude to anything (but
        # "parents are worried about ...", whoever the noun names)
        return None
    return subject


def _role_holder(noun: Any) -> Any | None:
    """'X is a vocal supporter of Y', 'X has been a dogged defender of Y', 'X is one of the
    celebrity supporters of Y': a noun of one who holds a stance (stance_holder_nouns in
    claims.toml), with the preposition that names its object, after a linking verb: the
    verb's subject holds the stance. Returns the subject, else None."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "pobj"):
        return None
    role = noun
    if noun.dep_ == "pobj":
        # "one of the celebrity supporters of Y": the role hangs on "one"
        one = noun.head.head
        if noun.head.lower_ != "of" or one.lower_ != "one" or one.dep_ != "attr":
            return None
        role = one
    prepositions = claim_words()["stance_holder_nouns"].get(noun.lemma_.lower())
    if not prepositions or not any(c.dep_ == "prep" and c.lower_ in prepositions
                                   for c in noun.children):
        return None
    verb = role.head
    if verb.lemma_.lower() not in _LINKING_VERBS:
        return None
    return _stance_subject(verb)


def _view_holder(noun: Any) -> Any | None:
    """'X had strong views on Y', 'Voters have negative feelings toward Y', 'X has some
    advice for Democrats: ...': a noun of a view (held_view_nouns in claims.toml) with its
    complement, the object of 'have' or 'hold': the verb's subject
    holds it ("X has the backing of Y", "X held up Y's proposal": Y's, not X's). Returns
    the subject, else None."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj":
        return None  # (asked of every token: the cheap tests first)
    verb = noun.head
    if (verb.lemma_.lower() not in ("have", "hold")
            or any(c.dep_ == "prt" for c in verb.children)
            or any(c.dep_ == "poss" for c in noun.children)):
        return None
    complements = claim_words()["held_view_nouns"].get(noun.lemma_.lower())
    if not complements or not any(
            (c.dep_ == "prep" and c.lower_ in complements)
            or (c.dep_ == "punct" and c.text == ":" and ":" in complements)
            for c in [*noun.children, *noun.head.children]):
        return None
    return _stance_subject(noun.head)


_LINKING_VERBS = {"be", "become", "remain"}


def _stance_subject(verb: Any) -> Any | None:
    """The subject of a linking or holding verb that can hold a stance: a name, a noun of
    people or organisations, or a pronoun (resolved later); not a relative pronoun or a
    thing ("the plan is a supporter of ..." is no one)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in ("WDT", "WP", "EX") or subject.lower_ in (
            "it", "that", "this", "there"):
        return None
    if _hypothetical(verb) or any(c.tag_ in ("WDT", "WP") for c in subject.children):
        return None  # "asked whether they had concerns", "which candidate is the best ..."
    if subject.pos_ == "NOUN" and not subject.ent_type_ and (
            subject.lemma_.lower() not in holder_nouns()):
        return None
    return subject


def _reported_clause(verb: Any, quotes: list) -> bool:
    """The verb's clause is what a reporting frame above it says ("Cruz said he is a
    supporter of ..."): that frame's claim holds it."""
    return any(frame_lemma(a) is not None and a.pos_ == "VERB" and _speech_act(a)
               and not _inside(quotes, a.idx) for a in _governors(verb))


def _hedged_judgement(token: Any) -> bool:
    """'X does not seem to relish ...', 'it appears that ...', 'the levy seems like a tax',
    'the strike appeared as if it might last': the writer's hedged judgement, cued by the
    verb (no speaker). 'appeared on a show' has no complement: an event."""
    return (token.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl")
            and token.pos_ in ("VERB", "AUX")
            and token.lemma_.lower() in claim_words()["hedge_verbs"]
            and any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") or _likeness(c)
                    for c in token.children))


def _likeness(child: Any) -> bool:
    """'seems like a tax', 'appeared as if it might ...', 'looks as though': what a hedge
    verb judges, hung by the parser on a preposition or a clause instead of a complement.
    On PolNeAR train 13 of 18 such hedges are gold cues (none of "appeared on", "at", "in")."""
    if child.dep_ == "prep":  # (not "appeared like a ghost": came into view so)
        return child.lower_ == "like" and child.head.lemma_.lower() in claim_words()[
            "likeness_verbs"]
    return child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "though", "like") for m in child.children)


def _hearsay(token: Any) -> bool:
    """'reportedly', 'allegedly' on a verb: a claim others make, unnamed."""
    return (token.lower_ in claim_words()["hearsay_adverbs"] and token.dep_ == "advmod"
            and token.head.pos_ in ("VERB", "AUX"))


def _clause_span(verb: Any, sent: Any) -> tuple[int, int]:
    """(first, last) token of what `verb` heads: the whole sentence for its root, else the
    verb's own clause from its subject, within the sentence."""
    if verb.dep_ == "ROOT":
        return sent[0].i, sent[-1].i
    return max(_clause_start(verb), sent[0].i), min(verb.right_edge.i, sent[-1].i)


def _clause_start(verb: Any) -> int:
    """Where a verb's own clause starts: its subject's first word, else the verb."""
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject.left_edge.i if subject is not None else verb.i


def _is_document(noun: Any) -> bool:
    """'a note to clients', 'audio provided by ...': the medium someone said it in, not who
    said it ('people familiar with the plans', 'the Sun', 'a survey' are sources)."""
    return noun.lemma_.lower() in claim_words()["media"] and noun.pos_ == "NOUN"


def _is_according_to(token: Any) -> bool:
    return (token.lower_ == "according" and token.i + 1 < len(token.doc)
            and token.nbor(1).lower_ == "to")


_CLAUSE_JOINERS = {"although", "though", "while", "but", "and", "whereas", "even", "as",
                   "despite", "however"}


def _cut_nested_frames(cue: Any, hi: int, quotes: list) -> int:
    """End the claim before a later clause that has its own reporting frame
    ("X estimate that ..., although Y deny ...": Y's denial is a claim of its own)."""
    doc = cue.doc
    # "A poll found that 28 percent backed X, while 23 percent favored Y": what the
    # respondents said is the poll's finding, not a claim beside it
    polled = _found_by_record(cue)
    for t in doc[cue.i + 1:hi + 1]:
        according = t.lower_ == "according" and _is_according_to(t)
        if polled and not according and not _found_by_record(t):
            continue  # (another record's own finding still ends this one's)
        if according and not cue.lower_ == "according":
            hi = t.i - 1  # "..., according to the Sun": the Sun's report is another claim
            break
        if t.dep_ not in ("advcl", "conj", "relcl"):
            continue  # (each frame below is one of these clauses: the cheap test first)
        if (t.dep_ in ("advcl", "conj") and (_beside(t, cue) or _second_speakers_report(t))
                and t.lemma_.lower() in claim_words()["reporting"]
                and t.pos_ == "VERB" and not _inside(quotes, t.idx) and _speech_act(t)
                and any(c.dep_ in _SPEAKER_DEPS and c.tag_ not in ("WP", "WDT")
                        for c in t.children)) or (  # "who to back" is no second speaker
                t.dep_ == "relcl" and _second_report(t) and not _inside(quotes, t.idx)
                and any(c.dep_ in _SPEAKER_DEPS and c.lower_ == "who" for c in t.children)):
            # (", who added that ...": the speaker's own second report)
            hi = min(hi, t.left_edge.i - 1)
            break
        if (_own_relative_report(t) and not _inside(quotes, t.idx)
                and t.right_edge.i >= hi - 1):
            # "..., in a finish that he said defied expectations": the relative clause that
            # ends this claim is a claim of its own
            hi = min(hi, t.left_edge.i - 1)
            break
        if (_set_off_participle(t) and t.head.i != cue.i and not _inside(quotes, t.idx)
                and t.head.pos_ == "VERB" and frame_lemma(t.head) is not None
                and _speech_act(t.head)
                and any(c.dep_ in ("ccomp", "parataxis") for c in t.children)):
            # "Carson said he plans to ..., insisting that ...": a participle reporting beside
            # a frame inside this claim's content is a claim of its own, no part of this one
            hi = min(hi, t.i - 1)
            break
        resumed = None if _inside(quotes, t.idx) else _resumed_frame(t)
        if resumed is not None and resumed.i == cue.i:
            hi = min(hi, t.left_edge.i - 1)  # "X said A and said B": B is X's second claim
            break
    while hi > cue.i and ((doc[hi].is_punct and doc[hi].text != "%")  # "rose 8%"
                          or doc[hi].lower_ in _CLAUSE_JOINERS):
        hi -= 1
    return hi


_CONTRASTS = {"although", "though", "while", "whereas", "but", "however"}


def _found_by_record(verb: Any) -> bool:
    """The verb's subject is a poll, a study or a record ('A poll found ...')."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in claim_words()["data_sources"]
               for c in verb.children)


def _second_speakers_report(verb: Any) -> bool:
    """'The union said the offer was too low, and the port authority said it would not
    raise it': a reporting verb conjoined to another frame's content, with a speaker of its
    own named by a noun and no "that" tying it to the first verb, is that second speaker's
    report, beside the first ('and he feels ...' goes on with the first speaker's words)."""
    return (verb.dep_ == "conj" and verb.pos_ == "VERB" and frame_lemma(verb) is not None
            and verb.head.dep_ == "ccomp" and frame_lemma(verb.head.head) is not None
            and not any(c.dep_ == "mark" for c in verb.children)
            and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children))


def _beside(clause: Any, cue: Any) -> bool:
    """A clause that stands beside the frame's claim rather than inside it: hung on the
    frame's verb, or set against its content ("..., although Y deny ..."). 'X said that if
    Y opted to ..., Z should ...' keeps Y's clause inside X's claim."""
    return clause.head.i == cue.i or any(
        c.dep_ in ("mark", "cc") and c.lower_ in _CONTRASTS for c in clause.children)


def _interposed(verb: Any, content: list) -> bool:
    """'X, he said, Y', 'In any case, Ms. Roe said, Y', 'Sales were great, he said, ...', 'as
    The Times reported, Y': a frame with no content of its own, set off by a comma or "as"
    inside or after the clause it reports (the parser hangs it on that clause)."""
    doc = verb.doc
    if any(not (c.dep_ == "advcl" and c.i < verb.i) for c in content):
        return False  # (a clause fronted before the frame is the reported sentence's, below)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return True  # "..., as The Times reported on Saturday, he has ..."
    if verb.dep_ != "parataxis":
        return False
    # the opening comma may hang on the verb or stand before it; a clause fronted before
    # the sentence it is part of may hang on the verb too ("If elected, Roe said, she
    # would cut taxes"): the frame starts after it
    first = min([verb.i, *(c.left_edge.i for c in verb.children
                           if not (c.dep_ == "advcl" and c.i < verb.i))])
    return doc[first].text in (",", "—", "–") or (
        first > 0 and doc[first - 1].text in (",", "—", "–"))


def _nested_frame(verb: Any, speaker: Any | None, quotes: list) -> bool:
    """'X said it would propose ...', 'Varga said incidents suggested ...': a reporting verb
    inside another's complement whose subject is a pronoun or a thing belongs to the outer
    claim rather than making a claim of its own. A reporting verb inside the quoted words
    is no outer frame ('"That," he added, "promises ...": the parser hangs "added" on the
    quote's own verb)."""
    reporting = claim_words()["reporting"]
    if _resumed_frame(verb) is not None:
        return False  # "X said A and said B": X's second report, not part of A
    if verb.dep_ == "parataxis" and _interposed(
            verb, [c for c in verb.children if c.dep_ in _CONTENT_DEPS]):
        # "His wife, he says, plans to ...": the frame set off inside the sentence reports
        # it, whatever verb the parser hangs it on
        return False
    if not any(a.lemma_.lower() in reporting and a.pos_ == "VERB"
               and not _inside(quotes, a.idx) for a in _governors(verb)):
        return False
    outer = next((a for a in _governors(verb) if a.lemma_.lower() in reporting
                  and a.pos_ == "VERB" and not _inside(quotes, a.idx) and _speech_act(a)
                  and not is_imperative(a)),
                 None)
    if outer is None:
        # "continues to insist that", "went on to say": the verb above frames nothing, so
        # this one reports on its own, given a speaker
        return speaker is None
    if _own_relative_report(verb) or _report_in_circumstance(verb):
        return False
    outer_speaker = _speaker_of(outer)
    if outer_speaker is not None and _report_before(verb, outer_speaker):
        return False  # "Most said A; the ministry insisted B": a report of its own
    if (outer_speaker is not None
            and outer_speaker.left_edge.i <= verb.i <= outer_speaker.right_edge.i):
        # "said Scott Reed, who added that ...", "X, who has argued that ..., said": a frame
        # in the outer speaker's own phrase is that speaker's second report, not its content
        return False
    if verb.dep_ in ("advcl", "conj") and verb.head.i == outer.i and (any(
            c.dep_ in ("ccomp", "parataxis") for c in verb.children) or verb.dep_ == "conj"
            or _set_off_participle_of(verb)):
        # "X praised Y, saying he was ...", "she praised Y and said Z should ...", "The
        # embassy denied any involvement, calling the accusations 'baseless'": a second
        # report, not a complement
        return False
    if (verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in reporting
            and not any(c.dep_ in _CONTENT_DEPS for c in verb.children)):
        return True  # "saying Moscow would respond": an act reported, not a second report
    if _second_speakers_report(verb):
        return False  # "X said A, and Y said B": Y's report, beside X's
    if verb.dep_ == "conj" and verb.head.lemma_.lower() not in reporting:
        return True  # "saying X would disrupt ... and vowing": still the outer frame
    if speaker is None or speaker.pos_ == "PRON":
        return True
    # A lower-case "proper noun" ("said the bloc would respond") is a tagging slip.
    proper = speaker.pos_ == "PROPN" and speaker.text[:1].isupper()
    return (not proper and not speaker.ent_type_
            and speaker.lemma_.lower() not in speaker_lex()["person_nouns"])


# Conjunctions that set a clause beside a frame as its circumstance ("..., as she urges
# ...", "..., though she conceded ...", "while he praised ..."), not as what it says.
_CIRCUMSTANCE_MARKS = {"as", "while", "though", "although", "whereas", "after"}


def _report_in_circumstance(verb: Any) -> bool:
    """'Roe is touting the budget as she urges the council to ...', 'Roe defended the
    budget, though she urged ...': a reporting verb with a subject and something said of its
    own, in a clause of circumstance hung on the frame's verb after it, is a second report
    beside the frame, not part of what the frame says. Inside what the frame says ("X has
    said that while he fears ..., Y") the clause stays X's words. On PolNeAR train 38 of 53
    such clauses hung on the frame's verb (before or after it) are gold cues; with
    "because", "if", "until" and the like far fewer."""
    head = verb.head
    if _contrast_beside_content(verb):
        return True
    # (after the frame: "Even as he accused X, Roe ..." names its speaker only after it)
    return (verb.dep_ == "advcl" and verb.i > head.i
            and frame_lemma(head) is not None and head.pos_ == "VERB"
            and any(c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in verb.children)
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT", "EX")
                    for c in verb.children)
            # "as the crowd applauded": no report without something said
            and any(c.dep_ in _CONTENT_DEPS for c in verb.children))


def _contrast_beside_content(verb: Any) -> bool:
    """'The dockers said they would strike while the employers insisted the offer was
    fair': a report with a named subject, set after what a frame says by "while" or
    "whereas" (the parser hangs it on that content's verb), is another speaker's report
    set against it, not the frame's words (the content already stops before it)."""
    head = verb.head
    return (verb.dep_ == "advcl" and verb.i > head.i and head.dep_ == "ccomp"
            and frame_lemma(head.head) is not None and head.head.pos_ == "VERB"
            and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas")
                    for c in verb.children)
            and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                    for c in verb.children)
            and any(c.dep_ in _CONTENT_DEPS for c in verb.children))


def _set_off_participle_of(verb: Any) -> bool:
    """'..., calling the accusations "baseless"': an -ing participle set off by a comma
    after the verb it hangs on, with an object of its own: what the same subject does
    next."""
    doc = verb.doc
    first = verb.left_edge.i
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i
            and first > 0 and doc[first - 1].text == ","
            and any(c.dep_ in ("dobj", "oprd") for c in verb.children))


_HYPOTHESES = {"if", "unless", "whether"}


def _hypothetical(verb: Any) -> bool:
    """'If Berg backs the plan, ...', 'Roe asked whether Berg supported it', '... if X is
    sending troops to support Y': a verb in a condition or an open question (its own clause,
    or the one a subjectless verb hangs in, below any reporting verb) states a stance no one
    has taken yet. ('If, as I've suggested, ...', 'whether ..., engaging in what analysts described
    as ...': a clause with a subject of its own asserts its report.)"""
    reporting = claim_words()["reporting"]
    node = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHESES for c in node.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) or (
                node.head.i == node.i
                or node.dep_ not in ("advcl", "xcomp", "ccomp", "pcomp", "conj")):
            return False
        node = node.head
        if node.pos_ == "ADP":
            node = node.head  # "against sending troops to ...": the clause above the phrase
        if node.lemma_.lower() in reporting:
            return False


def _governors(verb: Any) -> list[Any]:
    """The verbs whose complement `verb` may be: its ancestors, less the verb a conjunct
    with its own subject is coordinated with ('X said ..., and he urged ...': "urged" is
    no part of what X said)."""
    found = []
    node = verb
    while node.head.i != node.i and not (node.dep_ == "relcl" and _relative_antecedent(node)):
        own_clause = node.dep_ == "conj" and any(c.dep_ in _SPEAKER_DEPS for c in node.children)
        node = node.head
        if not own_clause:
            found.append(node)
    return found


def _own_relative_report(verb: Any) -> bool:
    """'..., in a finish that he said defied expectations', 'Clinton's email use, which an
    FBI investigation said was "extremely careless"': a reporting verb in a relative clause
    with a subject of its own (not the relative pronoun) and a clause it reports is that
    subject's claim, not part of the claim the relative clause sits in."""
    return (verb.dep_ == "relcl" and verb.pos_ == "VERB" and frame_lemma(verb) is not None
            # a relative word opens it ("... on Friday that he thinks ...", with none, may
            # be a clause the parser hung on the wrong noun)
            and verb.left_edge.tag_ in ("WDT", "WP", "WP$") and _speech_act(verb)
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children)
            and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children))


def _done_by_a_thing(verb: Any) -> bool:
    """'information that would support that allegation', 'records that could confirm the
    sale': a verb of a relative clause with a modal ('would', 'could'), whose relative
    pronoun stands for a thing that cannot speak, with an object and no reported clause,
    is what the thing would do, not a report."""
    if verb.dep_ != "relcl" or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in _SPEAKER_DEPS), None)
    return (subject is not None and subject.lower_ in ("that", "which")
            and any(c.dep_ == "dobj" for c in verb.children)
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
            and verb.head.pos_ == "NOUN" and not can_speak(verb.head))


def _relative_antecedent(verb: Any) -> Any | None:
    """'the ministry, which said that ...', 'Jane Roe, who warned that ...': a relative
    clause whose subject is the relative pronoun and which reports a clause speaks as the
    noun it hangs on."""
    if (verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN")
            or not any(c.dep_ == "ccomp" for c in verb.children)):
        return None
    subject = next((c for c in verb.children if c.dep_ in _SPEAKER_DEPS), None)
    if subject is None or subject.tag_ not in ("WDT", "WP"):
        return None
    if any(c.dep_ in _SPEAKER_DEPS and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None  # "the licences, which green groups have said they will challenge": the
        # relative is the object (read as a second subject): the groups speak
    head = verb.head
    while head.dep_ == "appos":  # "Scott Reed, the group's strategist, who added ..."
        head = head.head
    return head


def _issued_thing(verb: Any, antecedent: Any) -> bool:
    """The relative clause hangs on a thing its verb's subject put out, not on someone:
    "which" or "that" opens it (not "who"), its noun names no person ("a piece that noted",
    not "a young woman that said") and the verb it is the object of issues things (claims.toml
    issuing_verbs: "ran", "released", not "autographed a picture that showed")."""
    opener = next((c for c in verb.children if c.dep_ in _SPEAKER_DEPS), None)
    return (opener is not None and opener.lower_ in ("which", "that")
            and not person_noun(antecedent.lemma_)
            and antecedent.head.lemma_.lower() in claim_words()["issuing_verbs"])


def _clause_end(verb: Any) -> int:
    end = verb.i
    for child in verb.rights:
        if child.dep_ == "advcl" and any(t.lemma_.lower() in claim_words()["reporting"]
                                         and _speech_act(t) for t in child.subtree):
            break
        if child.dep_ == "conj" and (_second_report(child) or _conjoined_report(child)):
            break  # "X praised Y and said Z ...": the second report is a claim of its own
        end = max(end, child.right_edge.i)
    return end


def _before_relative_clause(speaker: Any, hi: int) -> int:
    """'"...," said Jane Roe, a professor at the port college, who likened the plan to a
    car crash': a reporting relative clause on a speaker named after the verb is the
    speaker's claim of its own, not what this frame reports; this claim ends before it."""
    doc = speaker.doc
    for t in doc[speaker.i:speaker.right_edge.i + 1]:
        if (t.dep_ == "relcl" and t.left_edge.i > speaker.i and t.pos_ == "VERB"
                and frame_lemma(t) is not None and _speech_act(t)):
            hi = min(hi, t.left_edge.i - 1)
            while hi > speaker.i and doc[hi].is_punct:
                hi -= 1
            break
    return hi


def _holds_frame(phrase: Any) -> bool:
    """The phrase has a relative clause that is a frame of its own ("Roe, who estimates
    that ...")."""
    return any(t.dep_ == "relcl" and t.pos_ == "VERB" and frame_lemma(t) is not None
               and _speech_act(t) and any(c.dep_ in ("ccomp", "xcomp", "dobj")
                                          for c in t.children)
               for t in phrase.subtree)


def _conjoined_report(verb: Any) -> bool:
    """'Clinton slammed the shift and accused Sanders of a "flip-flop"', 'They called him an
    opportunist and urged him to resign': a reporting verb conjoined to a frame's own verb
    is the same speaker's second report, with or without a clause of its own."""
    return (verb.dep_ == "conj" and verb.pos_ == "VERB" and frame_lemma(verb) is not None
            and _speech_act(verb))


def _second_report(verb: Any) -> bool:
    """A conjoined reporting verb with a clause of its own ("... and said the senator can
    ..."): a frame beside the first, not part of its content."""
    return (verb.pos_ == "VERB" and frame_lemma(verb) is not None
            and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children))


def _resumed_frame(verb: Any) -> Any | None:
    """'X said A and said B', 'Podesta said Gates was not working ... and said Manafort was
    not involved': the parser hangs a second reporting verb with no subject of its own on
    the first one's complement. In the same form as the first frame and with a clause of its
    own, it resumes that frame: the same speaker's second report. Returns the first frame's
    verb, else None. ('X said Y won and insisted Z', both past: ambiguous, left to Y.)"""
    trailing = _trailing_participle_frame(verb)
    if trailing is not None:
        return trailing
    if (verb.dep_ != "conj" or verb.pos_ != "VERB" or frame_lemma(verb) is None
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            or not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)):
        return None
    complement = verb.head
    outer = complement.head
    if (complement.dep_ != "ccomp" or outer.pos_ != "VERB" or frame_lemma(outer) is None
            or verb.tag_ != outer.tag_):
        return None
    if complement.tag_ == verb.tag_ and frame_lemma(verb) != frame_lemma(outer):
        return None  # the complement's own verb could be the one resumed
    if frame_lemma(verb) != frame_lemma(outer) and frame_lemma(verb) in claim_words()["mental"]:
        return None  # "said she did not condone it and hoped ...": a state of mind she said
    return outer if _speech_act(outer) else None


def _trailing_participle_frame(verb: Any) -> Any | None:
    """'X went after Y over his refusal to release his taxes, calling it "disqualifying"',
    'X has sought to bolster ..., painting others as weak and suggesting that ...': a
    reporting participle set off by a comma after a frame's complement speaks as the frame's
    subject when no other subject (but a pronoun) stands between them, wherever the parser
    hangs it.
    Returns the frame's verb, else None."""
    if not _set_off_participle(verb):
        return None
    quoted = _after_quotation(verb)
    outer = next((a for a in verb.ancestors if a.pos_ == "VERB" and frame_lemma(a) is not None
                  and _speech_act(a)), None)
    if outer is None or outer.i == verb.head.i or outer.i > verb.i:
        return None
    node, doer = verb.head, None
    while node.i != outer.i:
        # a subject below the frame would do the participle's saying
        doer = doer or next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")),
                            None)
        if node.dep_ not in ("ccomp", "xcomp", "conj", "acomp", "attr"):
            return None  # "X asks as a guy walks in, saying ...": not X's complement
        node = node.head
    if doer is not None and not quoted and doer.pos_ != "PRON" and (
            can_speak(doer) or person_noun(doer.lemma_)):
        # "X said the mayor quieted the chatter, telling the crowd ...": the mayor tells;
        # a thing does not ("X hopes the bridge could help the city, pointing to ...": X
        # points); after a quotation the frame's speaker goes on ('X told N that Y "had a
        # policy," adding'); so it does after a pronoun ('Carson said he saw no need to
        # change, telling ...')
        return None
    return outer


def _listed_verb(verb: Any) -> bool:
    """'X paused, then revealed ...', 'X obfuscated facts, admitted ...': a finite verb
    the parser hung as a bare "dep" on the verb before it, after a comma, with no subject
    of its own: a second verb of the same subject."""
    if (verb.dep_ != "dep" or verb.head.pos_ != "VERB" or verb.head.i > verb.i
            or verb.tag_ not in ("VBD", "VBZ", "VBP")
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            # ("a decision which he has, so far, refused": another verb between them)
            or any(t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.head.i + 1:verb.i])):
        return False
    before = _word_before(verb)  # (back over "then", "also", "and")
    while before is not None and before.i > verb.sent.start and (
            before.pos_ in ("ADV", "PART", "CCONJ")):
        before = _word_before(before)
    return before is not None and before.text == ","


def _after_conjunction(verb: Any) -> bool:
    """'... and predicted', 'but has since lauded': a conjoined verb that a coordinating
    conjunction introduces (past its own auxiliaries and adverbs), not one the parser joined
    to a clause it does not belong to ('..., Jane Roe, 58, told AFP')."""
    at = verb.i - 1
    while at > verb.sent.start and verb.doc[at].head.i == verb.i and verb.doc[at].dep_ in (
            "aux", "advmod", "neg"):
        at -= 1
    return verb.doc[at].pos_ == "CCONJ"


def _set_off_participle(verb: Any) -> bool:
    """'..., adding that ...', 'Cruz said that Trump represents "New York values," stating
    ...': a reporting participle with no subject of its own, set off by a comma (which may
    sit inside the closing mark of a quotation that ends what comes before)."""
    doc = verb.doc
    if (verb.dep_ != "advcl" or verb.tag_ != "VBG" or frame_lemma(verb) is None
            or verb.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return False
    if doc[verb.i - 1].text != "," and not (_after_quotation(verb)
                                            and doc[verb.i - 2].text == ","):
        return False
    # "..., considering the party is ...", "seeing as ...": no report
    return frame_lemma(verb) not in claim_words()["mental"] and _speech_act(verb)


def _speaker_of(verb: Any) -> Any | None:
    found = _speaker_token(verb)
    if found is not None and found.pos_ == "NOUN" and (
            found.lemma_.lower() in speaker_lex()["event_nouns"]):
        return None  # "The NATO summit will bring together leaders to discuss ...": no one
    return found


def _speaker_token(verb: Any) -> Any | None:
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    absolute = _with_doer(verb)
    if absolute is not None:
        return absolute
    if verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # "..., said Jane Roe, founder of ...": the parser may give the verb two subjects,
        # the reported clause's and the inverted speaker's; the one after the verb speaks
        inverted = next((c for c in verb.rights if c.dep_ == "nsubj"), None)
        if inverted is None:
            # "The contrast, said Jane Roe, would be clear": the parser makes the speaker
            # the subject of the reported clause that resumes after her name
            inverted = next((g for c in verb.rights if c.dep_ == "ccomp" for g in c.children
                             if g.dep_ == "nsubj" and g.left_edge.i == verb.i + 1
                             and g.pos_ in ("NOUN", "PROPN")
                             and "," in (verb.doc[g.right_edge.i].text,
                                         verb.doc[g.right_edge.i + 1].text)), None)
            left = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
            if left is not None and (left.pos_ in ("PRON", "PROPN") or left.ent_type_
                                     or left.lemma_.lower() in speaker_lex()["person_nouns"]):
                inverted = None  # "Jane Roe, a salesman, said Y will ...": the usual order
        if inverted is not None:
            return inverted
    antecedent = _relative_antecedent(verb)
    if antecedent is not None:
        # "X ran a piece that noted ...": what X put out speaks as X, like "a piece noting"
        return (_issuer_of(antecedent) if _issued_thing(verb, antecedent) else None
                ) or antecedent
    for child in verb.children:
        if speaking_it(child):
            return child  # "It said ...": an organisation's pronoun, resolved in it_speakers
        if child.dep_ in _SPEAKER_DEPS and child.lower_ not in ("that", "which", "there", "it"):
            # "Washington (AFP) - Jane Roe has taken ...": a dateline read as a second
            # subject; the subject nearest the verb speaks, unless it is a date ("X has
            # today (14 May) announced ...")
            return next((c for c in reversed(list(verb.lefts)) if c.dep_ in _SPEAKER_DEPS
                         and c.lower_ not in ("that", "which", "there", "it")
                         and c.ent_type_ not in ("DATE", "TIME")), child)
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    resumed = _resumed_frame(verb)
    if resumed is not None and _speaker_of(resumed) is not None:
        return _speaker_of(resumed)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and _after_conjunction(verb):
        # "FBI officials were angered by the deal and predicted ...": a passive's subject,
        # not its agent; "Weber is no fan of Trump but lauded ...": a linking verb's subject
        passive = next((c for c in verb.head.children if c.dep_ == "nsubjpass"
                        and c.tag_ not in ("WP", "WDT", "EX")), None)
        if passive is not None and verb.tag_ == "VBN":
            return None  # "X were mocked and criticized": a passive too, its agent unnamed
        return passive if passive is not None else _speaker_of(verb.head)
    left = _left_doing(verb)
    if left is not None:
        return left
    if (verb.dep_ == "conj" and verb.head.pos_ == "VERB") or (
            verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG") or (
            verb.dep_ == "advcl" and any(c.tag_ == "TO" for c in verb.children)) or (
            _listed_verb(verb)):
        # "X warned ..., labeling ...": X labels; "X went on to say", "X took to Twitter
        # to attack": X says, X attacks; "X paused, then revealed": X reveals
        return _speaker_of(verb.head)
    purpose = _purpose_of(verb)
    if purpose is not None:
        return _speaker_of(purpose)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        doer = _gerund_doer(verb.head.head, verb.head)
        if doer is not None:
            return doer
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        # "X declined to discuss", "X goes on to list": the subject of the head speaks;
        # "urged Y to say": its object does, if it can speak ("used her column to attack",
        # "had this to say": the subject does)
        controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        return controller if can_speak(controller) else _speaker_of(verb.head)
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "X is expected to": no speaker but the agent, found above
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    if verb.dep_ == "relcl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "PROPN":
        # "Jane Roe, speaking in Springfield, did not mention ...": the parser made the
        # name the root and its verb a relative clause on it; the name speaks
        return verb.head
    # Fallback for mis-parses: the nearest proper noun before the verb in its sentence
    # outside brackets, a person's name before a place ("Col. Jane Roe, a spokesman in
    # Baghdad, said", "Sen. Jane Roe (D-MA) said": where she serves is not who speaks).
    found, aside, bracketed = None, False, None
    for t in reversed(list(verb.sent[: verb.i - verb.sent.start])):
        if t.text in (")", "("):
            aside = t.text == ")"  # "Sen. Jane Roe (D-Ill.) said": the bracket is an aside
            continue
        if t.pos_ == "VERB":
            break
        if t.ent_type_ in _NOT_SPEAKERS:
            continue  # "on Sunday", "Oct. 23": when, not who
        named = t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        if aside:
            bracketed = bracketed or (t if named else None)
            continue  # (the bracket speaks only if nothing outside it does)
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and (
                found is None or found.ent_type_ in ("GPE", "LOC")):
            return t
        if found is None and named:
            found = t
            if t.ent_type_ not in ("GPE", "LOC"):
                return t
    return found or bracketed


def _left_doing(verb: Any) -> Any | None:
    """'The delay has left many voters wondering whether ...', 'Members were left wondering
    ...', 'kept reporters guessing': who is left doing it is the object of "leave" (the
    subject of its passive), not what left them so. Not a thing ("kept the upper hand,
    telling ...", "leave the race, echoing ..."), nor after a comma ("left X, saying ...":
    the subject says it)."""
    head = verb.head
    if (verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "ccomp")
            or head.lemma_.lower() not in _LEAVING or head.i > verb.i):
        return None
    # (a comma that closes an aside on the object is no break: "left many Republicans,
    # including his supporters, wondering ...")
    return next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < verb.i
                 and c.tag_ not in ("WP", "WDT", "EX")
                 and (can_speak(c) or person_noun(c.lemma_))
                 and (not verb.doc[verb.i - 1].is_punct or _closes_aside(c, verb.i - 1))),
                None)


def _closes_aside(phrase: Any, comma: int) -> bool:
    """The comma at `comma` closes an aside the phrase opened with a comma of its own
    ("many Republicans, including his supporters, ...")."""
    return phrase.right_edge.i == comma - 1 and any(
        t.text == "," for t in phrase.doc[phrase.i:phrase.right_edge.i])


# Verbs that leave their object doing something ("left voters wondering", "kept them guessing")
_LEAVING = frozenset({"leave", "keep"})


def _with_doer(verb: Any) -> Any | None:
    """'The debate ended with Jane Roe asking ...', 'The ad closes with a narrator saying
    ...': in "with X -ing" the participle is X's doing, whatever subject the parser hangs
    on it from before the "with"."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    doer = verb.doc[verb.i - 1]
    if (doer.dep_ != "pobj" or doer.head.lower_ != "with" or doer.head.i >= doer.i
            or doer.pos_ not in ("NOUN", "PROPN") or doer.sent.start != verb.sent.start
            or doer.head.head.pos_ not in ("VERB", "AUX")
            # ("features five voters with varied backgrounds talking ...": after an object,
            # the phrase describes the object, whatever verb the parser hangs it on)
            or any(c.dep_ == "dobj" and c.i < doer.head.i for c in doer.head.head.children)):
        return None
    return doer


def _purpose_of(verb: Any) -> Any | None:
    """'X held a press briefing to brag that ...', 'X cut an ad to attack Y': an infinitive
    on the thing a subject made or used says why the subject made it; the subject speaks.
    Returns the verb whose subject that is, or None (an object that can speak itself, "hired
    a firm to argue ...", or a second object, "gave voters a chance to say ...", are not;
    nor a subject that cannot speak)."""
    noun = verb.head
    if (verb.dep_ not in ("acl", "relcl") or not any(c.tag_ == "TO" for c in verb.children)
            or any(c.dep_ in _SPEAKER_DEPS for c in verb.children)
            or noun.dep_ != "dobj" or noun.pos_ != "NOUN" or noun.head.pos_ != "VERB"
            or can_speak(noun) or noun.lower_ in _NO_THING):
        return None
    if any(c.dep_ == "dative" for c in noun.head.children):
        return None
    # ("her debate performance, hailing ...", "The spread of attacks leaves many to worry":
    # a subject that cannot speak made nothing to speak through)
    return noun.head if can_speak(_speaker_of(noun.head)) else None


# "had little to say", "had a lot to say about it": how much was said, no claim
_NO_THING = {"nothing", "little", "lot", "much", "something", "plenty", "anything"}


def speaking_it(tok: Any) -> bool:
    """'It said the border would reopen': "it" as the active subject of a reporting verb
    stands for an organisation or document; never an expletive ("it is said that", "it was
    reported", "it seems", "it is clear that": passive, hedging or no reporting verb)."""
    verb = tok.head
    lex = claim_words()
    return (tok.lower_ == "it" and tok.dep_ == "nsubj" and tok.i < verb.i
            and verb.pos_ == "VERB" and verb.lemma_.lower() in lex["reporting"]
            and verb.lemma_.lower() not in lex["hedge_verbs"]
            and not any(c.dep_ == "auxpass" for c in verb.children))


def _gerund_doer(head: Any, prep: Any) -> Any | None:
    """'X erred in saying ...', 'After suggesting ..., X disagreed', 'X was mocked for
    claiming ...': a gerund after a preposition has no subject of its own; the subject of
    the clause it modifies does the saying (a passive subject too: the agent mocks, the
    subject claims), or the party it names as its object ('X warned Y against sending
    troops', 'X praised Y for saying': Y does it; 'X made headlines by saying': X). A
    gerund on a noun ('suspicion of supporting') has no such doer."""
    if head.dep_ == "acomp" and head.pos_ == "ADJ":
        head = head.head  # "X has been aggressive in pushing ..."
    if head.pos_ not in ("VERB", "AUX"):
        return None
    passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive
    party = next((c for c in head.children if c.dep_ == "dobj" and (
        c.pos_ in ("PROPN", "PRON") or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))),
        None)
    if party is not None and prep.lower_ in _DONE_BY_THE_OBJECT and prep.i > party.i:
        return party
    return _speaker_of(head)


# The prepositions whose gerund, after the clause's object, the object does: "praised Y for
# saying", "warned Y against sending", "accused Y of lying", "sold Y on backing", "joined Y
# in writing", "saw Y as advocating". Others set the subject's own act in time or manner
# ("endorsed Y before backing Z", "made headlines by saying"), and so does a gerund before
# the object ("In discussing X, Y told Z").
_DONE_BY_THE_OBJECT = frozenset({"for", "against", "of", "from", "over", "into", "on", "in",
                                 "as"})


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


def nominal_frames(sent: Any, offset: int, already: list[Claim],
                   index: ActorIndex) -> list[Claim]:
    """'There are speculations that ...', 'claims that ...' with no verb frame; the noun's
    possessor or its 'by' phrase speaks ("Roe's claim that ...", "claims by the agencies
    that ...")."""
    lex = claim_words()
    found = []
    for token in sent:
        if token.pos_ != "NOUN":
            continue  # (both rules below are of nouns: the cheap test once, first)
        stance = _stance_noun(token, offset, index)
        if stance is not None:
            found.append(stance)
            continue
        if token.lemma_.lower() not in lex["statement_nouns"]:
            continue
        clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(w.lower_ == "that" for w in c.subtree)), None)
        if clause is None:
            continue
        start = offset + token.idx
        if any(c.start <= start < c.end for c in already):
            continue
        holder = _noun_holder(token)
        if holder is not None:
            claim = _with_speaker(sent, offset, token.left_edge.i, clause.right_edge.i, token,
                                  holder, index)
        else:
            claim = make_claim(sent, offset, token.left_edge.i, clause.right_edge.i, None,
                               token)
        if token.lemma_.lower() in lex["speculative_nouns"] and "speculation" not in claim.kinds:
            claim.kinds.append("speculation")
        found.append(claim)
    return found


def _stance_noun(noun: Any, offset: int, index: ActorIndex) -> Claim | None:
    """'X's support for the bill', 'their criticism of Y', 'the senator's decision to run':
    a stance noun with its complement is its holder's claim (possessor or 'by' phrase);
    None without either."""
    if noun.pos_ != "NOUN":
        return None  # (asked of every token: the cheap test first)
    complements = claim_words()["stance_nouns"].get(noun.lemma_.lower(), frozenset())
    if not (complements or noun.lemma_.lower()
                                   in claim_words()["received_stances"]):
        return None
    complement = next((c for c in noun.rights if (c.dep_ == "prep" and c.lower_ in complements)
                       or (c.dep_ == "acl" and "to" in complements
                           and any(a.tag_ == "TO" for a in c.children))), None)
    holder = _noun_holder(noun, pronouns=True)
    if complement is None or holder is None:
        holder = _stance_received_from(noun)
        if holder is None:
            return None
        # "The proposal has drawn criticism from Y": Y's stance on the subject; the claim
        # is the receiving clause
        verb = noun.head
        while verb.dep_ in ("conj", "xcomp") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head  # "... and won the endorsement", "continues to draw support"
        lo, hi = _clause_start(verb), max(noun.right_edge.i, holder.right_edge.i)
        return _with_speaker(noun.sent, offset, lo, hi, noun, holder, index)
    lo = min(noun.left_edge.i, holder.left_edge.i)
    hi = max(complement.right_edge.i, holder.right_edge.i)
    # "Both parents stiffened their denunciation of X": "their" is the clause's subject
    holder = bound_possessive(holder) or holder
    return _with_speaker(noun.sent, offset, lo, hi, noun, holder, index)


def _stance_received_from(noun: Any) -> Any | None:
    """The holder of a stance someone receives: 'won the endorsement of Y', 'drew criticism
    from Y', 'faced attacks from Y', 'has strong support among Y' (the noun is the object of
    a receiving verb; its 'of', 'from', 'by' or 'among' names who holds it)."""
    verb = noun.head
    if (noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX")
            or noun.lemma_.lower() not in claim_words()["received_stances"]
            or verb.lemma_.lower() not in claim_words()["receiving_verbs"]):
        return None
    for prep in [*noun.children, *verb.children]:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "by", "among") and (
                prep.head.i == noun.i or prep.lower_ != "of"):
            found = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if found is not None:
                return found
    return None


def _noun_holder(noun: Any, pronouns: bool = False) -> Any | None:
    """Whose claim a statement noun is: its possessor ("Roe's claim", not "its claim"), or
    the object of its 'by' / 'from' ("claims by the agencies")."""
    for child in noun.children:
        if child.dep_ == "poss" and (child.pos_ in ("PROPN", "NOUN") or (
                pronouns and child.lower_ in ("his", "her", "their"))):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
