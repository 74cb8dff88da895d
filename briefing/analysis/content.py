"""A claim's span is its content (#14): what is claimed, without who claims it and how.

The frames (frames.py, turns.py, quote_speakers.py) decide a claim's speaker, cue and the
words of its sentence it covers; this step, run once on every claim, takes from those words
the frame itself: the speaker phrase, the cue and what hangs on the cue without being said
(auxiliaries, "in an interview", "told reporters", the comma or colon joining them), the
complementiser "that", and a trailing attribution ('," the senator said'). It reads the
parse tree the frame was found in, not the text.

"The minister said that taxes would rise" -> "taxes would rise";
'"It leaves our farmers behind," the senator said.' -> '"It leaves our farmers behind,"'.

Where the frame sits inside what it reports ("Taxes, the minister said, would rise") the
content is in two parts; the claim keeps the whole sentence, frame included, so its span
stays one run of the article's words that reads as written. So does a claim whose cue has
no speaker and a subject of its own ("Berg does not seem to relish the fight", "Delaware is
widely seen as ...": the subject is part of what is judged).
"""

from __future__ import annotations

import re
from typing import Any

from briefing.analysis.claim import Claim, claim_words, has_figure, span_text

# What a cue's dependent says, rather than who says it or how: a clause, an object, what
# something is called or cast as.
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "parataxis", "acl",
                 "relcl", "acomp", "intj"}
# Parts of speech that carry what is said (a pronoun or a preposition alone does not).
_CONTENT_WORDS = {"NOUN", "PROPN", "VERB", "AUX", "NUM", "ADJ", "ADV"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_OPENING_MARKS = {'"', "“", "«", "``", "'"}
_QUOTE_MARKS = re.compile(r"[\"“”»«]|''|``")


def trim_to_content(claim: Claim, doc: Any, offset: int) -> None:
    """Narrow `claim` (in place) to its content, given the parsed block `doc` that starts
    at document offset `offset`. A claim with no speaker span or cue inside its words, or
    whose content is not one run of words, keeps its span."""
    if claim.speaker is None:
        # "Peacekeepers have been blamed for ...", "Berg does not seem to ...", "X
        # reportedly met Y": with no one speaking, the subject is part of what is claimed
        return
    words = doc.char_span(claim.start - offset, claim.end - offset, alignment_mode="expand")
    if words is None or len(words) == 0:
        return
    speaker = {t.i for t in _tokens_within(doc, offset, claim.speaker_span)
               if words.start <= t.i < words.end}
    cue = next((t for t in _tokens_within(doc, offset, claim.cue_span)
                if words.start <= t.i < words.end
                and offset + t.idx == claim.cue_span[0]), None)
    if cue is not None and any(c.dep_ == "neg" for c in cue.children):
        return  # "She did not say what the measures would be": the negation is the claim
    if cue is None and not speaker:
        # the frame is elsewhere (a label's colon, a quotation's later sentence): the
        # words are the content; a quotation among them keeps its opening mark
        mark = words.start - 1
        if (_opens_quotation(doc, mark) and not doc[mark].whitespace_
                and len(_QUOTE_MARKS.findall(claim.text)) % 2 == 1):
            claim.start -= len(doc[mark].text)
            claim.text = doc[mark].text + claim.text
        return
    frame = set(speaker)
    for i in speaker:
        # the speaker's whole phrase ("The ministry" when its span names "ministry")
        phrase = _subtree(doc[i])
        if cue is None or cue.i not in phrase:
            frame |= phrase & set(range(words.start, words.end))
    content: set[int] = set()
    if cue is not None:
        content, framing = _said_by_cue(cue, speaker, frame)
        frame |= {cue.i} | (framing - content)
        if speaker:
            # "Jane Roe, a spokeswoman, has repeatedly said": all between speaker and cue
            lo, hi = min(min(speaker), cue.i), max(max(speaker), cue.i)
            frame |= {i for i in range(lo, hi + 1) if i not in content}
    # the frame is the run of frame words holding the cue (else the speaker); what it
    # reports is on one side of it, all the way to the claim's edge ("He attacked other
    # candidates for accepting donations, which ...": the object and all after it)
    held = cue.i if cue is not None else min(speaker)
    lo = hi = held
    while lo - 1 >= words.start and lo - 1 in frame:
        lo -= 1
    while hi + 1 < words.end and hi + 1 in frame:
        hi += 1
    before, after = list(doc[words.start:lo]), list(doc[hi + 1:words.end])
    sides = [side for side in (before, after)
             if any(not (t.is_punct or t.is_space) for t in side)]
    if not sides:
        return  # nothing beyond the frame ("Cruz continued.")
    kept = {t.i for t in sides[0]}
    if len(sides) > 1 or kept & speaker or (content and not kept & content):
        # the frame interposed ("Taxes, the minister said, would rise"), or the words left
        # are not what the cue says (a parse that hides the content): the whole claim
        sides = [list(words)]
    run = _trimmed(sides[0])
    if not any(t.pos_ in _CONTENT_WORDS for t in run) and not (
            cue is not None and sides[0] is after and _points_back(run, cue)):
        # "as Ms. Simonyan put it", "Holt asks him": a frame whose content is a quotation
        # elsewhere says nothing by itself; the claim keeps its words
        run = _trimmed(list(words))
    run = _before_restatement(run)
    if not run:
        return
    lo, hi = run[0].i, run[-1].i
    if cue is not None and _topic_of_a_noun(run, cue):
        lo = cue.head.left_edge.i  # "had harsh words to say about the plan": the words too
    if _opens_quotation(doc, lo - 1):
        lo -= 1  # the quotation keeps its opening mark (and span_text its closing one)
    start_char, text = span_text(doc, lo, hi)
    if not text.strip():
        return
    claim.start, claim.end, claim.text = offset + start_char, offset + start_char + len(text), text
    if "quantitative" in claim.kinds and not has_figure(doc[lo:hi + 1]):
        # "Two senators said the plan was dead": the figure counts speakers, not the claim
        claim.kinds = [k for k in claim.kinds if k != "quantitative"]


def _topic_of_a_noun(run: list[Any], cue: Any) -> bool:
    """'X had harsh words to say about the plan', 'X has a message to deliver on taxes':
    the cue an infinitive on the object of its speaker's verb, all it says a preposition
    naming its topic. "about the plan" alone is a topic, not a claim: the noun says what
    was said of it."""
    noun = cue.head
    return (cue.dep_ in ("acl", "relcl") and noun.pos_ == "NOUN" and noun.dep_ == "dobj"
            and noun.i < cue.i and any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children)
            and run[0].dep_ == "prep" and run[0].head.i == cue.i
            and _within(run, run[0]))


def _within(run: list[Any], token: Any) -> bool:
    """Every word of `run` (punctuation aside) is in `token`'s subtree (as _subtree reads
    it, once: not a set built again for each word)."""
    below = _subtree(token)
    return all(t.i in below for t in run if not t.is_punct)


def _before_restatement(run: list[Any]) -> list[Any]:
    """'accused aid groups of smuggling fuel, a charge the WFP rejected as ...': a noun of
    statement set off at the end of the content names the claim again (the writer's aside,
    often another's reply to it), and is no part of what was claimed."""
    nouns = claim_words()["statement_nouns"]
    first = run[0].i if run else 0
    for t in run:
        # ("a charge X denied", "a claim not recognized", "an argument she lost": one
        # statement, indefinite, with what became of it; not "the belief that ...", "his
        # statement that ...", which say what the claim is about)
        if (t.dep_ in ("appos", "npadvmod") and t.lemma_.lower() in nouns
                and t.left_edge.i - 1 > first
                and t.doc[t.left_edge.i - 1].text == ","
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
                and any(c.dep_ in ("relcl", "acl") and not _that_clause(c)
                        for c in t.children)
                and all(w.is_punct for w in run if w.i > t.right_edge.i)):
            return _trimmed([w for w in run if w.i < t.left_edge.i - 1])
    return run


def _points_back(run: list[Any], cue: Any) -> bool:
    """'Julia Brandt denied that.', 'The ministry confirmed it.': the cue's object is a
    word pointing back to what was said before; that word is the content (the claim's
    words would only repeat its speaker and cue). Not a person spoken to ("Holt asks
    him") nor a frame marked as an aside ("as Ms. Simonyan put it")."""
    return (len(run) == 1 and run[0].head.i == cue.i and run[0].dep_ == "dobj"
            and run[0].lower_ in _POINTING_BACK
            and not any(c.dep_ == "mark" for c in cue.children))


# Objects that stand for something said before ("denied that", "confirmed it").
_POINTING_BACK = {"that", "this", "it", "these", "those"}


def _opens_quotation(doc: Any, at: int) -> bool:
    """doc[at] is a quotation's opening mark: one that only opens, or a straight one at the
    start of its sentence or after a space."""
    if at < 0 or doc[at].text not in _OPENING_MARKS:
        return False
    return doc[at].text in ("“", "«", "``") or doc[at].is_sent_start or (
        at > 0 and bool(doc[at - 1].whitespace_))


def _tokens_within(doc: Any, offset: int, span: Any) -> Any:
    """The tokens that lie inside the document span `span` (a label's "Q" glued to the
    answer's first word, "QThe", is not the speaker's)."""
    # (a speaker named in another paragraph; not len(doc.text): that joins the block)
    if span is None or not len(doc) or span[1] <= offset or (
            span[0] - offset >= doc[-1].idx + len(doc[-1].text)):
        return ()
    found = doc.char_span(span[0] - offset, span[1] - offset, alignment_mode="contract")
    return found if found is not None else ()


def _subtree(token: Any) -> set[int]:
    # the run from the token's left to its right edge: its subtree wherever the parse is
    # projective (all but 4 of 29,906 claims on PolNeAR train come out the same), read
    # from two attributes instead of walking every token
    return set(range(token.left_edge.i, token.right_edge.i + 1))


def _said_by_cue(cue: Any, speaker: set[int], phrase: set[int]) -> tuple[set[int], set[int]]:
    """(content, frame): the token indices of what the cue's dependents say (its clause or
    object: "said taxes would rise", "denied the report", "described it as a tactic",
    "called for a ceasefire") and of how and to whom it was said ("has repeatedly",
    "told reporters", "in an interview", "on Tuesday", "When asked about it, ...").
    A dependent the parser gave an unexpected role is content: better a word too many
    than a word of the claim lost."""
    words = claim_words()
    addressee_verb = cue.lemma_.lower() in words["addressee"]
    passive = any(c.dep_ == "auxpass" for c in cue.children)

    # (both asked only of a cue with an object, so only then worked out: they walk subtrees)
    def about_the_object() -> bool:
        # "accused aid groups of smuggling", "urged the council to resign": the object is
        # who the claim is about, not an addressee
        return any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.i > cue.i
                                  and not _sets_the_scene(c, words))
            for c in [*cue.children, *(g for c in cue.children if c.dep_ == "dobj"
                                       for g in c.children)])

    def told_a_clause() -> bool:
        return any(c.dep_ in ("ccomp", "parataxis", "xcomp") or (
            c.dep_ == "prep" and any(_that_clause(d) for d in c.subtree))
            for c in cue.children)

    content: set[int] = set()
    frame: set[int] = set()
    later: list[Any] = []  # prepositions and clauses after the cue, placed below
    for child in cue.children:
        below = _subtree(child)
        if below & speaker:
            if child.dep_ in _CONTENT_DEPS:
                # "The contrast, said Jane Roe, would be clear": the parser made her the
                # subject of the clause she reports; the clause is still what she said
                content |= below - phrase
            frame |= below & phrase if child.dep_ in _CONTENT_DEPS else below
            continue  # "according to the ministry", "the poll's finding": who, not what
        if (child.dep_ in ("ccomp", "parataxis") and speaker
                and child.lemma_.lower() in words["reporting"]
                and report_set_off_before(child, min(speaker))):
            frame |= below  # "He calls for X; she calls for Y": his report, not hers
            continue
        if child.dep_ in _SUBJECT_DEPS:
            if speaker and (child.i < cue.i) != (min(speaker) < cue.i):
                # "The treaty's rejection signals ..., said Jane Roe": the subject on the
                # other side of the cue from its speaker is the reported clause's
                content |= below
            else:
                frame |= below  # the speaker's, or its pronoun's ("who said", "it said")
        elif child.dep_ == "prep":
            if child.i < cue.i or (cue.pos_ == "VERB" and _sets_the_scene(child, words)):
                # "In a statement, X said", "said in an interview": where, not what; the
                # parser may hang the reported clause on the place ("during a visit that")
                that = {i for d in child.subtree if _that_clause(d) for i in _subtree(d)}
                content |= that
                frame |= below - that
            elif child.lower_ == "as" or passive:
                content |= below  # "portraying Roe as weak", "was berated for ..."
            else:
                later.append(child)  # "called for a ceasefire", "said of the plan"
        elif child.dep_ == "advcl":
            if child.i > cue.i:
                later.append(child)  # "..., she said, adding that ...", "after he spoke"
            elif not _reported_clause(child) and not set_inside(cue):
                frame |= below  # "When asked about the plan, the minister said"
            else:
                content |= below  # '"Look at the figures," he said'

        elif child.dep_ == "dobj" and not about_the_object() and told_a_clause() and (
                addressee_verb or child.lower_ in PERSONAL_OBJECTS):
            # "told reporters that ...", "told a briefing that ...", "asked him whether
            # ...": to whom; with no clause the object is what is told ("their stories")
            frame |= below
        elif child.dep_ == "dobj" and addressee_verb and any(
                _that_clause(d) for d in child.subtree):
            # "told a regular briefing that the curbs were ...": the parser hung what was
            # told on whom it was told to
            that = {i for d in child.subtree if _that_clause(d) for i in _subtree(d)}
            content |= that
            frame |= below - that
        elif child.dep_ == "conj":
            # "agreed with Roe and seemed to think ...": a second predicate of the speaker
            # is neither how the first was said nor what it said; it stays where it falls
            continue
        elif child.dep_ == "dobj" and child.lemma_.lower() in words["media"]:
            # "released a statement on Wednesday": the statement's words are elsewhere
            frame |= below
        elif child.dep_ == "prt":
            frame.add(child.i)  # "lashed out at Khan": the particle, not what hangs on it
        elif child.dep_ in _FRAME_DEPS:
            frame |= below
        else:
            content |= below
    for child in sorted(later, key=lambda c: c.i):
        # a preposition after the cue is what it says when nothing else is ("called for a
        # ceasefire", "lashed out at Khan"); a preposition or clause after what it says
        # is more of it ("ruled against X, dealing a blow", "said the plan was dead,
        # citing costs"); before it, or after a quotation, it is where or of what it was
        # said ("said at a briefing that ...", '"...," she said of the plan'), but a
        # clause after a quotation is her next act ('"...," said Jane Roe, summing up')
        first = min((i for i in content if i > cue.i), default=None)
        if (first is not None and child.i > first) or (
                child.dep_ == "prep" and not content) or (
                child.dep_ == "advcl" and content and first is None):
            content |= _subtree(child)
        else:
            frame |= _subtree(child)  # "said as he launched the process": when, not what
    if content and min(content) < cue.i:
        # "X is investigating ..., the bureau said on Friday, the third such incident":
        # a bare noun phrase set off after the frame is an aside on the report, not said
        for child in cue.rights:
            if _aside(child) and child.i in content:
                content -= _subtree(child)
                frame |= _subtree(child)
    return content, frame


# How a cue is said, not what: auxiliaries, negation, adverbs ("also said", "said
# Tuesday"), particles, the mark of its own clause ("as X said"), its punctuation; a
# statement noun's determiner and modifiers ("the ministry's repeated claim").
_FRAME_DEPS = {"aux", "auxpass", "neg", "advmod", "npadvmod", "punct", "cc", "mark", "prt",
               "dative", "agent", "expl", "case", "det", "poss", "amod", "compound",
               "nummod", "preconj", "predet", "quantmod"}


def report_set_off_before(clause: Any, speaker_start: int) -> bool:
    """'Six in 10 said they were worried; 46 percent said they were not': a clause with a
    subject of its own that ends before the speaker's words (starting at token
    `speaker_start`), a semicolon between, is another report (the parser hangs it on the
    later frame's verb)."""
    return (clause.right_edge.i < speaker_start
            and any(c.dep_ == "nsubj" for c in clause.children)
            and any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1:speaker_start]))


def _aside(child: Any) -> bool:
    """A noun phrase after a comma with no verb of its own."""
    doc = child.doc
    return (child.pos_ in ("NOUN", "PROPN") and child.left_edge.i > 0
            and doc[child.left_edge.i - 1].text == ","
            and not any(t.pos_ in ("VERB", "AUX") for t in child.subtree))


# Object pronouns that stand for a person spoken to or about, not for what is said
# ("asked him", "scolded her"; "denied it", "put it" keep "it").
PERSONAL_OBJECTS = {"him", "her", "them", "me", "us", "you"}


def _sets_the_scene(prep: Any, words: dict[str, Any]) -> bool:
    """'in an interview', 'during the debate', 'on Tuesday': where, when or how it was
    said, not what."""
    return prep.lower_ in words["setting_prepositions"] or any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _that_clause(token: Any) -> bool:
    """A clause opened by "that" ("... that he thinks the deal will pass")."""
    return token.dep_ in ("relcl", "ccomp", "acl") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def set_inside(cue: Any) -> bool:
    """'If elected, Roe said, she would cut taxes', 'If the vote fails, the minister said,
    the government will resign': a frame set off by commas inside the sentence it reports
    (the parser hangs it on that sentence, or that sentence on it); a clause fronted before
    it is part of what is reported, not when or why it was said."""
    if cue.dep_ == "parataxis":
        return cue.head.i > cue.i
    after = cue.i + 1
    return (after < len(cue.doc) and cue.doc[after].text == ","
            and any(c.dep_ == "ccomp" and c.i > after for c in cue.children))


def _reported_clause(clause: Any) -> bool:
    """A clause before the cue that is what is reported ('"Look at the figures," he said'),
    not when or why it was said ("When asked about it, ...", "Looking ahead, ...")."""
    doc = clause.doc
    quoted = clause.left_edge.i > 0 and _opens_quotation(doc, clause.left_edge.i - 1)
    return quoted or not (clause.pos_ not in ("VERB", "AUX")  # "Most of the time, ..."
                          or clause.tag_ in ("VBG", "VBN") or any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")  # "when we focus"
        or (c.dep_ == "aux" and c.tag_ == "TO")  # "To satisfy his party, ..."
        for c in clause.children))


def _trimmed(run: list[Any]) -> list[Any]:
    """The run without the punctuation joining it to the frame (a quotation's marks and a
    final question or exclamation mark stay) and without a leading complementiser."""
    lo, hi = 0, len(run)
    while lo < hi and (run[lo].is_space or (run[lo].is_punct
                                             and run[lo].text not in _OPENING_MARKS)):
        lo += 1
    if lo < hi - 1 and run[lo].lower_ == "that" and (run[lo].dep_ == "mark" or (
            run[lo].tag_ in ("WDT", "IN") and run[lo].text == "that"
            and not run[lo + 1].is_quote)):
        # "said that taxes would rise": the content is the clause (the small model may read
        # the complementiser as a relative pronoun: "notes that increased involvement
        # could ...", "that" the subject of "increased"; a demonstrative is DT: "said that
        # was wrong" keeps it, and so does a quoted one: '"That," he added, "...')
        lo += 1
        while lo < hi - 1 and run[lo].text in (",", ";"):
            lo += 1  # "joked that, among voters, ..."
    while hi > lo and (run[hi - 1].is_space or (run[hi - 1].is_punct and not (
            run[hi - 1].is_quote or run[hi - 1].text in ("”", "''", "?", "!", "%")))):
        hi -= 1  # ("%", which the model calls punctuation, is the figure's: "rose 8%")
    return run[lo:hi]
