"""Who speaks for a line without a frame of its own: a transcript turn's label, or a
name and a colon opening the line (a headline, a social-media card)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefing.analysis.actors import is_title_line
from briefing.analysis.claim import Claim, attribute, claim_words, make_claim
from briefing.analysis.lexicon import table
from briefing.analysis.speakers import ActorIndex, speaker_names
from briefing.analysis.speakers import lex as speaker_lex


class Turns:
    """Transcript turns: a speaker label ("MR. MILLER:", "SENIOR ADMINISTRATION OFFICIAL:")
    governs its paragraph and the unlabelled paragraphs after it, up to the next label, in
    a text that has at least two labels (one label alone may be a headline's "BREAKING:")."""

    def __init__(self, parsed: list[tuple[Any, Any]], index: ActorIndex) -> None:
        self.index = index
        self.transcript = sum(b.turn is not None for b, _ in parsed) >= 2
        self.current: tuple[str, list[int] | None, list[int] | None] | None = None
        self.asking = False
        # the turn is the host's ("MODERATOR:", "OPERATOR:"): what the host says to run the
        # call ("Next question goes to ...") is no claim (a reporter's "Q:" premise is)
        self.aside = False
        self.interview = (interview_parties(parsed, index)
                          if any(b.is_answer for b, _ in parsed)
                          and any(b.is_question for b, _ in parsed) else None)
        # An interview whose questions carry no label (bold on the page, plain here): from
        # its first question on, a paragraph ending in "?" asks, every other one answers.
        self.questions: frozenset[int] = frozenset()
        self.answering_from: int | None = None
        questions = unlabelled_questions(parsed)
        if questions and self.interview is None:
            first = min(questions)
            intro = [(b, doc) for b, doc in parsed if b.start < first]
            if _tells_of_an_interview(intro):
                self.questions, self.answering_from = questions, first
                self.interview = interview_parties(intro, index)

    def lone_label(self, block: Any) -> tuple[str, list[int], list[int]] | None:
        """A label of two words or more outside a transcript that names an actor ("Dr. Jane
        Roe: Tolls Must Fall", a headline) speaks for its whole line, like a labelled line."""
        if block.turn is None or self.transcript or block.is_question or block.is_answer:
            return None
        label, start, end = block.turn
        actor = self.index.at(start, end)
        if actor is None or len(label.split()) < 2 or _furniture(label.split()):
            return None  # one word ("BOOM:", "LOOK:") is a headline's shout, not a name
        return actor.name, [start, end], [end, end + 1]

    def speaker_of(self, block: Any) -> tuple[str, list[int] | None, list[int] | None] | None:
        """(speaker, label span, colon span) of the turn `block` belongs to, or None."""
        if block.turn is not None and _furniture(block.turn[0].split()):
            self.current, self.asking, self.aside = None, False, False  # "CORRECTION:"
            return None
        if block.turn is not None:
            self.asking = block.is_question
            label, start, end = block.turn
            self.aside = label.lower().rstrip(".") in table("claims")["host_labels"]
            actor = self.index.at(start, end)
            if actor is not None and actor.name.split()[-1].lower() in speaker_lex()[
                    "person_nouns"]:
                actor = None  # "SENIOR (STATE DEPARTMENT) OFFICIAL": a role, not a name
            name = actor.name if actor is not None else label.title()
            if self.interview is not None and block.is_question:
                name = self.interview.interviewer or "interviewer"
            elif self.interview is not None and block.is_answer:
                # unresolved: a role, as for the question ("A" names no one)
                name = self.interview.interviewee or "interviewee"
            self.current = (name, [start, end], [end, end + 1])
            return self.current
        if self.answering_from is not None and block.start >= self.answering_from:
            return self._unlabelled_turn(block)
        if not self.transcript or is_promo(block.text) or _ends_turns(block.text):
            # "Follow Jane Roe on Twitter @janeroe", "Source: ..."
            self.current, self.asking, self.aside = None, False, False
        return self.current

    def _unlabelled_turn(self, block: Any) -> tuple[str, None, None]:
        """The interviewer's turn for a question paragraph, the interviewee's for the rest:
        no label, so no label span and no cue."""
        assert self.interview is not None
        self.asking = block.start in self.questions
        if self.asking:
            return (self.interview.interviewer or "interviewer", None, None)
        return (self.interview.interviewee or "interviewee", None, None)


# Opening or closing marks of a paragraph that is a quotation or a bold line, not a question.
_OPENING_QUOTES = ('"', "“", "'", "‘")
_EMPHASIS = "*_ "


def unlabelled_questions(parsed: list[tuple[Any, Any]]) -> frozenset[int]:
    """Starts of the paragraphs that ask an unlabelled interview's questions: in a text
    with no labelled line, paragraphs ending in "?" (not a quotation), each followed by
    one that does not; three at least, the first paragraph (a headline) aside, and one
    paragraph in _ANSWERS_PER_QUESTION or more from the first on (a column's two or three
    rhetorical questions among twenty paragraphs are no interview). Empty when the text
    is not so laid out."""
    if any(b.turn is not None for b, _ in parsed):
        return frozenset()
    found = []
    for (block, _), (after, _) in zip(parsed[1:], parsed[2:], strict=False):
        if _asks(block.text) and not _asks(after.text):
            found.append(block.start)
    if len(found) < 3:
        return frozenset()
    after_first = [b for b, _ in parsed if b.start >= found[0]]
    asking = frozenset(b.start for b in after_first if _asks(b.text))
    return asking if len(asking) * _ANSWERS_PER_QUESTION >= len(after_first) else frozenset()


# At most this many paragraphs per question in an interview with unlabelled questions
# (an answer of three or four paragraphs is long; a column asks once in a dozen or more).
_ANSWERS_PER_QUESTION = 5


def _asks(line: str) -> bool:
    """A paragraph that ends in a question of its own (not a quoted one)."""
    words = line.strip(_EMPHASIS)
    return words.endswith("?") and not words.startswith(_OPENING_QUOTES)


def _tells_of_an_interview(intro: list[tuple[Any, Any]]) -> bool:
    """The paragraphs before the first question say there was an interview: an interview
    noun ("This interview has been edited"), a verb of talking with someone ("She spoke to
    the Gazette"), or questions answered ("He answered our questions by email")."""
    nouns, verbs = _interview_words()
    for _, doc in intro:
        for token in doc:
            lemma = token.lemma_.lower()
            if token.lower_ in nouns or (token.pos_ == "NOUN" and lemma in nouns):
                return True
            if token.pos_ == "VERB" and (lemma in verbs or lemma == "interview") and (
                    _object_of(token, ("with", "to")) is not None or lemma == "interview"):
                return True
            if _answers_questions(token):
                return True
    return False


def _answers_questions(token: Any) -> bool:
    """'answered our questions', 'took questions from readers'."""
    return (token.pos_ == "VERB" and token.lemma_.lower() in _answer_verbs()
            and any(c.dep_ == "dobj" and c.lemma_.lower() == "question"
                    for c in token.children))


@lru_cache(maxsize=1)
def _answer_verbs() -> frozenset[str]:
    return frozenset(table("speakers")["interview_answer_verbs"])


@dataclass
class Interview:
    """Who asks and who answers in an interview's Q:/A: turns, as its intro names them."""

    interviewer: str | None
    interviewee: str | None


@lru_cache(maxsize=1)
def _interview_words() -> tuple[frozenset[str], frozenset[str]]:
    data = table("speakers")
    return frozenset(data["interview_nouns"]), frozenset(data["interview_verbs"])


def interview_parties(parsed: list[tuple[Any, Any]], index: ActorIndex) -> Interview:
    """The interviewer and interviewee an interview's intro names, before its first label:
    "In an interview with X" (X a person: interviewed; an outlet: interviewing the
    subject), "X spoke with / sat down with / talked to Y", "Y interviewed X", "X was
    interviewed by Y"; else the one person the headline names is interviewed. What the
    intro does not say stays None (no guess)."""
    interviewer = interviewee = None
    for block, doc in parsed:
        if block.turn is not None:
            break
        for token in doc:
            asking, answering = _parties_at(token, block.start, index)
            interviewer, interviewee = interviewer or asking, interviewee or answering
    if interviewee is None and parsed and parsed[0][0].turn is None:
        headline = parsed[0][0]
        persons = [a for a in index.all_in(headline.start, headline.start + len(headline.text))
                   if a.type == "person"]
        if len(persons) == 1:
            interviewee = persons[0].name
    return Interview(interviewer, interviewee)


def _parties_at(token: Any, offset: int, index: ActorIndex) -> tuple[str | None, str | None]:
    """(interviewer, interviewee) an interview word at `token` names."""
    nouns, verbs = _interview_words()
    if token.lower_ in nouns or (token.pos_ == "NOUN" and token.lemma_.lower() in nouns):
        other = _object_of(token, ("with",))
        if other is None:
            return None, None
        party = _party(other, offset, index)
        if party[1]:
            return None, party[0]  # "Q&A with Jane Roe"
        # "In an interview with the Gazette, Jane Roe said": the clause's subject answers
        head = token.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        answering = _party(subject, offset, index) if subject is not None else (None, False)
        return party[0], answering[0] if answering[1] else None
    if token.pos_ != "VERB":
        return None, None
    lemma = token.lemma_.lower()
    if _answers_questions(token):
        # "Jane Roe answered our questions": the subject is interviewed
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        answering = _party(subject, offset, index) if subject is not None else (None, False)
        return None, answering[0] if answering[1] else None
    if lemma == "interview":
        doer = next((c for c in token.children if c.dep_ == "nsubj"), None) \
            or _object_of(token, ("by",), "agent")
        done = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
        asking = _party(doer, offset, index)[0] if doer is not None else None
        answering = _party(done, offset, index) if done is not None else (None, False)
        return asking, answering[0] if answering[1] else None
    if lemma not in verbs or (lemma == "sit" and not any(c.lower_ == "down"
                                                         for c in token.children)):
        return None, None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None, None
    other = _object_of(token, ("with", "to"))
    talker = _party(subject, offset, index)
    listener = _party(other, offset, index) if other is not None else (None, False)
    if talker[1]:
        return listener[0], talker[0]  # "Jane Roe sat down with the Gazette"
    if listener[1]:
        return talker[0], listener[0]  # "The Gazette sat down with Jane Roe"
    return None, None


def _object_of(token: Any, preps: tuple[str, ...], dep: str = "prep") -> Any | None:
    """The object of `token`'s preposition ("with" in "spoke with Y")."""
    for prep in token.children:
        if prep.dep_ == dep and prep.lower_ in preps:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _party(token: Any, offset: int, index: ActorIndex) -> tuple[str | None, bool]:
    """(names, is a person) of an interview's party: a named actor, a pronoun resolved to
    one, or a phrase as written ("a reporter")."""
    names = speaker_names(token, offset, index)
    if not names:
        return None, False
    actor = index.at(offset + token.idx, offset + token.idx + len(token.text))
    if token.lower_ in speaker_lex()["pronouns"]:
        person = names[0].lower() != token.lower_ and token.lower_ in ("he", "she")
        return (names[0] if person else None), person
    # a name with an article ("the Gazette") is an outlet or body whatever the tagger said
    titled = any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.children)
    return " and ".join(names), actor is not None and actor.type == "person" and not titled


_LABEL = re.compile(r"^\s*([A-Z][^:.!?\n\"“]{1,60}):\s+\S")


def labelled_line(block: Any, index: ActorIndex) -> tuple[str, list[int], list[int]] | None:
    """'Senator Jane Roe: We will not back down' (a headline or a social-media card): a
    line opened by a name and a colon is that actor speaking, cue ":"."""
    m = _LABEL.match(block.text)
    if m is None or _name_list(block.text[m.end(1) + 1:]):
        return None  # "Iowa: Jane Roe, Tomas Berg, Ada Lund, ...": who is in a list, not speech
    start, end = block.start + m.start(1), block.start + m.end(1)
    colon = [end, end + 1]
    spans = [(block.start + w.start(), block.start + w.end())
             for w in re.finditer(r"\S+", block.text[:m.end(1)])]
    words = [block.text[s - block.start:e - block.start] for s, e in spans]
    to = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _LABEL_PREPOSITIONS),
              None)
    if to is not None and to <= 6 and len(words) <= 12:
        # "Jane Roe to Port Workers:", "Board Chair On Tolls:": the words before the
        # preposition speak (to whom or about what follows)
        words, end = words[:to], spans[to - 1][1]
    actors = index.all_in(start, end)
    if len(words) > 6 or (len(words) == 1 and words[0].isupper()):  # "UPDATE:", "BREAKING:"
        return None
    if _furniture(words):
        return None  # "Correction: ...", "Follow Jane Roe on Twitter: @janeroe"
    if _source_label(words) and len(actors) <= 1:
        # "Poll: ...", "Insiders: ...", "WSJ editorial: ...": a source that is no name
        return " ".join(words), [start, end], colon
    if any(w[:1].islower() for w in words):
        return None
    # "Port Challenger Ada Lund: ...": the name that ends at the colon is the label's head
    named = index.ending_at(end, start) if len(actors) > 1 else None
    if named is not None:
        return named[1].name, named[0], colon
    if len(actors) != 1:
        return None
    return actors[0].name, [start, end], colon


def heads_a_section(block: Any, doc: Any, colon: list[int]) -> bool:
    """'Lund: Now or never.', 'Harbour Board: A closing surge.': a name and a colon before
    a few words with no verb and no quotation mark head a section about that actor (what
    the writer expects of each candidate, say), which the actor did not say. A longer
    line is a headline's gist of what was said ("Roe: No outside influence on the port
    inquiry"), a quoted one its words ("Berg: Tolls 'fair game'"; an apostrophe is taken
    for a mark too: the safer side), and a source's label keeps its finding ("Poll: Roe
    ahead in Dover"), unless it credits where the page's text came from ("Source:
    Ministry of Transport"). (A transcript's label is blanked in the block's text.)"""
    rest = [t for t in doc if block.start + t.idx >= colon[1] and not t.is_punct]
    label = block.text[:colon[0] - block.start].split()
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in rest)
    if label and _is_credit(label) and verbless:
        return True  # "Source: Office of the Spokesperson for the Relief Agency"
    if not 0 < len(rest) <= _HEADING_WORDS or not verbless:
        return False
    if _QUOTE_MARKS.search(block.text[colon[1] - block.start:]):
        return False
    return not (label and _source_label(label))


# The most words a section's heading after a name and colon has (PolNeAR train: the
# headings have 2-4; a verbless headline of 5 or more gives what the name said)
_HEADING_WORDS = 4
_QUOTE_MARKS = re.compile(r"[\"“”‘’']")


# Prepositions after a label's speaker: to whom or about what ("Jane Roe to Port Workers:").
_LABEL_PREPOSITIONS = {"to", "on", "at", "about"}


@lru_cache(maxsize=1)
def _furniture_labels() -> frozenset[str]:
    return frozenset(table("claims")["furniture_labels"])


def _name_list(rest: str) -> bool:
    """Four or more comma-separated items, nearly all of one to three capitalised words."""
    items = [i.split() for i in rest.strip(" .\n").split(",")]
    named = [i for i in items if 1 <= len(i) <= 3 and all(w[:1].isupper() for w in i)]
    return len(items) >= 4 and len(named) >= 0.8 * len(items)


def _furniture(words: list[str]) -> bool:
    """A label that is the page's furniture: an editor's correction, a byline's 'Follow'."""
    labels = _furniture_labels()
    return words[0].lower() in labels or " ".join(words[:2]).lower() in labels


def _ends_turns(line: str) -> bool:
    """A line the page adds after a transcript's turns: its credit ("Source: Ministry of
    Transport"), a caption or an editor's note ("Photo: ...", "Updated: ..."), opened by a
    label of the page's furniture, which no speaker of the turns says."""
    m = _LABEL.match(line)
    if m is None:
        return False
    words = m.group(1).split()
    return _furniture(words) or _is_credit(words)


def _is_credit(words: list[str]) -> bool:
    """'Source:', 'Via:': a label crediting where a page's text came from."""
    return " ".join(words).lower() in table("claims")["credit_labels"]


# "(5-min read)", "(3 minute read)": a link's promise of its length; "This is a 4-minute
# read.": a newsletter's (a line of a few words only).
_READ_TIME = re.compile(r"\(\s*\d+[- ]min(?:ute)?s?\.? read\s*\)\s*$"
                        r"|^(?:\W*\w+\W+){0,6}\d+[- ]min(?:ute)?s?\.? read\W*$", re.I)


# "(Reporting by Jane Roe; editing by Tomas Berg)", "Additional reporting by ...": the
# staff who made the story (a wire's closing credit).
_STAFF_CREDIT = re.compile(
    r"^\s*[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|"
    r"translated|translation|research)\s+by\b", re.I)


def is_furniture_line(line: str) -> bool:
    """'Go deeper: Why the price cap failed (5-min read)', 'Read more: ...', '(Reporting by
    Jane Roe; editing by Tomas Berg)': a line that only links to another page or credits
    the story's staff, no claim whatever its words."""
    m = _LABEL.match(line)
    label = " ".join(m.group(1).lower().split()) if m is not None else ""
    return (label in table("claims")["link_labels"] or bool(_READ_TIME.search(line))
            or bool(_STAFF_CREDIT.match(line)))


def is_promo(line: str) -> bool:
    """A byline's promotion after a story or transcript ("Follow Jane Roe on Twitter
    @janeroe", "Email her at ..."): the page's furniture, no speaker's turn."""
    words = line.lstrip(" \"“").split()
    return bool(words) and _furniture(words[:2]) and ("@" in line or "twitter" in line.lower())


def _source_label(words: list[str]) -> bool:
    """A label whose last word is a poll, a report or a kind of person ("Poll", "New
    survey", "Senior officials", "Historians")."""
    if "," in " ".join(words) or (len(words) > 2 and any(w[:1].islower() for w in words)):
        return False  # "But beware, Republicans:": a sentence, not a label
    last = words[-1].lower()
    nouns = claim_words()["data_sources"] | speaker_lex()["person_nouns"] | {
        "editorial", "insider", "historian", "source"}
    return last in nouns or (last.endswith("s") and last[:-1] in nouns)


def speak_for_turn(claims: list[Claim], speaker: str, label: list[int] | None,
                   colon: list[int] | None, text: str) -> None:
    """In a transcript turn, the label speaks (cue ":"): for claims with no speaker, and for
    'I'/'we'. A turn with no label (an unlabelled interview's answer) gives no cue. One the
    turn's words name in the third person ("The minister has said ...") is someone else
    than the label, whoever the name was taken to be: as written; what "there are reports"
    the turn mentions (in `text`, the document) stays unnamed."""
    for claim in claims:
        if claim.speaker == speaker and claim.speaker_span and claim.speaker_span != label:
            written = text[claim.speaker_span[0]:claim.speaker_span[1]]
            words = written.split()
            if words and words[-1].lower() in speaker_lex()["person_nouns"] and not set(
                    speaker.split()) & set(words):
                # ("the minister" fell back on the one person named: the speaker)
                attribute(claim, " ".join(words[1:] if words[0].lower() == "the" else words))
                continue
        if claim.speaker is None and _unnamed_sources(claim, text):
            continue
        if claim.speaker is None or claim.speaker.lower() in speaker_lex()["first_person"]:
            attribute(claim, speaker)
            claim.speaker_span = label
            if claim.cue is None and colon is not None:
                claim.cue, claim.cue_span = ":", colon


# "There are (new) reports", "There is (growing) speculation": up to the statement noun.
_THERE_BE = re.compile(
    r"\bthere (?:is|are|was|were|has been|have been|had been)(?: [\w-]+)?\s+$", re.I)


def _unnamed_sources(claim: Claim, text: str) -> bool:
    """'There are reports that ...', 'There is speculation that ...': a statement noun's
    claim whose holders are unnamed others, not the turn's speaker who mentions them."""
    if claim.cue is None or claim.cue_span is None:
        return False
    cue = claim.cue.lower()
    nouns = claim_words()["statement_nouns"]
    before = text[max(0, claim.cue_span[0] - 40):claim.cue_span[0]]
    return (cue in nouns or cue.rstrip("s") in nouns) and bool(_THERE_BE.search(before))


# Adverbs a headline may put between its speaker and verb ("Trump Finally Endorses Ryan").
_HEADLINE_ADVERBS = {"just", "finally", "also", "now", "again", "still", "openly", "quietly",
                     "reportedly", "officially", "formally", "publicly"}


def headline_frame(sent: Any, text: str, offset: int, index: ActorIndex) -> Claim | None:
    """'Jane Roe Slams Harbour Tolls', 'Port Is Safe, Harbour Board Finds': in a title-case
    line the model tags every word a proper noun, so the frame is found by word order: a
    reporting verb's -s form right after an actor's name (adverbs aside) makes that actor
    speak for the rest of the line, or, at the line's end, for what precedes the name.
    `text` is the sentence's text (the caller has it)."""
    if not is_title_line(text):
        return None
    doc = sent.doc
    for verb in sent[1:]:
        if not _reports_in_present(verb.lower_):
            continue
        before = verb.i - 1
        while before > sent.start and doc[before].lower_ in _HEADLINE_ADVERBS:
            before -= 1
        end = offset + doc[before].idx + len(doc[before].text)
        found = index.ending_at(end, offset + sent.start_char)
        if found is None:
            continue
        span, speaker = found
        words = [t for t in doc[verb.i + 1:sent.end] if not t.is_punct]
        if not words:  # "..., Harbour Board Finds": the words before the name
            words = [t for t in sent if offset + t.idx < span[0] and not t.is_punct]
        if not words:
            return None
        claim = make_claim(sent, offset, words[0].i, words[-1].i, speaker.name, verb)
        claim.speaker_span = span
        return claim
    return None


def _reports_in_present(word: str) -> bool:
    """'slams', 'praises': the -s form of a reporting verb."""
    reporting = claim_words()["reporting"]
    return word.endswith("s") and (word[:-1] in reporting
                                   or (word.endswith("es") and word[:-2] in reporting))
