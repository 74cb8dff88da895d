"""Claims: who asserts what, with figures, denials, hedges and predictions.

The steps, each its own module: reporting frames per sentence (frames.py), transcript turns
and labelled lines (turns.py), quotations as units (quotes.py, quote_speakers.py), speakers
resolved to actors (speakers.py); one claim's span and kinds: claim.py.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from briefing.analysis.actors import Actor
from briefing.analysis.claim import Claim, attribute, block_text, claim_words, make_claim
from briefing.analysis.content import trim_to_content
from briefing.analysis.frames import find_frames, nominal_frames
from briefing.analysis.it_speakers import NeuterAntecedents
from briefing.analysis.lost_speakers import recover_speakers
from briefing.analysis.non_claims import (
    credits_the_page,
    frame_claims_nothing,
    names_nothing_said,
    says_only_how_it_was_said,
)
from briefing.analysis.opinion import argues, opinion_author, speak_as_author
from briefing.analysis.quote_speakers import (
    Sentence,
    speak_for_introduced_paragraphs,
    speak_for_quotations,
    speak_for_signed_posts,
)
from briefing.analysis.quotes import find_quotations
from briefing.analysis.speakers import ActorIndex
from briefing.analysis.turns import (
    Turns,
    headline_frame,
    heads_a_section,
    is_furniture_line,
    is_promo,
    labelled_line,
    speak_for_turn,
)

__all__ = ["Claim", "find_claims"]


def find_claims(parsed: list[tuple[Any, Any]], text: str, actors: list[Actor],
                meta: dict[str, Any] | None = None) -> list[Claim]:
    """Every check-worthy statement, in text order. `meta` (the page's metadata) names the
    author an op-ed speaks as (opinion.py)."""
    quotes = find_quotations(text, [(b.start, b.start + len(b.text)) for b, _ in parsed])
    index = ActorIndex(actors, text, quotes)
    author = opinion_author(parsed, quotes, meta or {})
    claims: list[Claim] = []
    sentences: list[Sentence] = []
    turns = Turns(parsed, index)
    antecedents = NeuterAntecedents(index, quotes)
    for paragraph, (block, doc) in enumerate(parsed):
        labelled = turns.lone_label(block) if block.turn else labelled_line(block, index)
        if labelled is not None and heads_a_section(block, doc, labelled[2]):
            labelled = None  # "Lund: Now or never.": a heading, not the actor's words
        turn_speaker = turns.speaker_of(block) or labelled
        if _is_editors_note(block.text) or is_promo(block.text) or is_furniture_line(block.text):
            continue  # an editor's note, a byline's "Follow X on Twitter", a link asserts nothing
        local = quotes.local(block.start, block.start + len(block.text))
        for sent in doc.sents:
            index.note_sentence(block.start + sent.start_char, block.start + sent.end_char,
                                block.start)
            # (Span.text joins its words; the block's text cut at the sentence is the same)
            sent_text = block_text(doc)[sent.start_char:sent.end_char]
            question = sent_text.rstrip().endswith("?")
            if turns.asking and question:
                continue  # an anonymous reporter's question asserts nothing
            found = find_frames(sent, block.start, local, index)
            _share_according_to(found)
            found += nominal_frames(sent, block.start, found, index)
            recover_speakers(found, sent, block.start, index)
            headline = headline_frame(sent, sent_text, block.start, index)
            if headline is not None:
                found = [headline]  # the model's parse of a title-case line is no guide
            found = [c for c in found if not frame_claims_nothing(c, sent, block.start)]
            antecedents.note(sent, block.start, paragraph)
            antecedents.speak_for(found, sent, block.start, paragraph)
            if question:
                # "WALLACE: Do you really expect ...?", "Do you support the mayor? Like the
                # page": the writer or moderator asks; "you" claims nothing
                found = [c for c in found if (c.speaker or "").lower() != "you"]
            lo = sent[0].i
            if labelled is not None:
                # the label's line speaks from after its colon, verb or not (a headline)
                lo = next((t.i for t in sent if block.start + t.idx >= labelled[2][1]), lo)
            whole = (block.start + sent.doc[lo].idx, block.start + sent.end_char - 1)
            if labelled and sent[-1].i - lo >= 2 and not any(
                    c.start <= whole[0] and c.end >= whole[1] for c in found):
                # "Jane Roe: Voters Will Say No": the label speaks for all after its colon,
                # frames inside it included
                found.insert(0, make_claim(sent, block.start, lo, sent[-1].i, None, None))
            elif not found and not credits_the_page(sent) and not turns.aside and (
                    _is_event(sent) or (turn_speaker and _is_turn_speech(sent))
                    or (author and _is_statement(sent)
                        and argues(sent, block.start, quotes))):
                found.append(make_claim(sent, block.start, lo, sent[-1].i, None, None))
            if turns.aside:
                # the host's or an unnamed reporter's own words: only a frame with a speaker
                found = [c for c in found if c.speaker is not None
                         and c.speaker.lower() not in ("i", "we")]
            elif turn_speaker:
                speak_for_turn(found, *turn_speaker, text)
            elif author:
                speak_as_author(found, author, quotes)
            sentences.append(Sentence(block.start, sent, found))
            claims.extend(found)
    claims += speak_for_quotations(sentences, quotes, text, index)
    speak_for_signed_posts(sentences, text, index)
    claims += speak_for_introduced_paragraphs(sentences, text)
    claims = [c for c in _to_content(claims, parsed)
              if _asserts_something(c, text) and not names_nothing_said(c, text)]
    return _merge_same_span(sorted(claims, key=lambda c: (c.start, c.end)))


_WORD = re.compile(r"\w+")
# Words a claim needs beyond its cue and speaker. At 1, "Cruz continued." and a bare "we
# know" go (on PolNeAR train precision 0.922 -> 0.924, found and speaker unchanged); at 2
# also "asked workers", "tell Bharara", but then a short content goes too (found -0.7).
_FEWEST_WORDS = 1


def _asserts_something(claim: Claim, text: str) -> bool:
    """A claim says something beyond who and how: words outside its cue and speaker
    ("Cruz continued.", "we know" assert nothing an analyst could weigh)."""
    if claim.cue_span is None and claim.speaker_span is None:
        return True
    cut = sorted(s for s in (claim.cue_span, claim.speaker_span) if s is not None)
    at, words = claim.start, 0
    for s, e in cut:
        words += len(_WORD.findall(text[at:max(at, s)]))
        at = max(at, e)
    words += len(_WORD.findall(text[at:claim.end]))
    return words >= _FEWEST_WORDS


def _to_content(claims: list[Claim], parsed: list[tuple[Any, Any]]) -> list[Claim]:
    """Every claim's span becomes its content, once its frame is settled (content.py); a
    claim whose words say only how words said elsewhere were said goes
    (non_claims.says_only_how_it_was_said: asked after every claim is trimmed, as before)."""
    starts = [block.start for block, _ in parsed]
    blocks = [bisect.bisect_right(starts, claim.start) - 1 for claim in claims]
    for claim, at in zip(claims, blocks, strict=True):
        if at >= 0:
            trim_to_content(claim, parsed[at][1], starts[at])
    return [claim for claim, at in zip(claims, blocks, strict=True)
            if at < 0 or claim.cue_span is None
            or not says_only_how_it_was_said(claim, parsed[at][1], starts[at])]


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


def _share_according_to(claims: list[Claim]) -> None:
    """'Beijing is expected to ..., according to two people': the sourced frame speaks for
    the sentence's claims that have no speaker of their own."""
    source = next((c for c in claims if c.cue and c.cue.lower() == "according" and c.speaker),
                  None)
    if source is None:
        return
    for claim in claims:
        if claim.speaker is None:
            attribute(claim, source.speaker)


def _is_editors_note(line: str) -> bool:
    """'(Updates with comment from the ministry)', "Correction: An earlier version of this
    story incorrectly said ...", "This story has been updated to include ...": the outlet
    speaking about its story, not reporting the news (what a correction says was wrong is
    no claim either)."""
    words = claim_words()
    return bool(words["editors_note"].match(line) or words["story_note"].match(line))



def _is_statement(sent: Any) -> bool:
    """A sentence that states something (in a transcript turn, every such sentence is the
    speaker's claim): a finite verb, not a question, not a greeting."""
    return (any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in sent)
            and not sent.text.rstrip().endswith("?") and len(sent) >= 4
            and not claim_words()["greetings"].match(sent.text.lstrip()))


def _is_turn_speech(sent: Any) -> bool:
    """What a named speaker of a transcript says in a turn: a statement, or a question of
    a few words ("WALLACE: Do you really think so?", "Why not debate?"): a moderator's
    question is that person's speech (an anonymous reporter's turn was skipped before)."""
    return _is_statement(sent) or (sent.text.rstrip().endswith("?")
                                   and sum(not t.is_punct for t in sent) >= 3)


def _is_event(sent: Any) -> bool:
    """A checkable statement: a finite verb with a named entity or a figure."""
    has_verb = any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in sent)
    has_fact = any(t.ent_type_ and t.ent_type_ != "DATE" for t in sent) or any(
        t.like_num for t in sent)
    return has_verb and has_fact and len(sent) >= 5 and not sent.text.rstrip().endswith("?")
