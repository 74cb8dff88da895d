"""One claim: its span, speaker, cue and kinds (figures, denials, hedges, predictions),
built from a span of parsed tokens. The word lists are lexicons/claims.toml."""

from __future__ import annotations

import re
import weakref
from functools import lru_cache
from typing import Any

from briefing.analysis.lexicon import table
from briefing.model import Claim  # the one Claim: the analysis makes what the store reads

_NUMERIC_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


@lru_cache(maxsize=1)
def claim_words() -> dict[str, Any]:
    data = table("claims")
    return {
        # a verb that is a speech act only with its object is still a reporting verb
        "reporting": frozenset(data["reporting_verbs"] + data["intention_verbs"]
                               + data["intention_verbs_advice"]
                               + data["clause_speech_verbs"] + data["bare_speech_verbs"]
                               + list(data["speech_act_objects"])),
        "intention": frozenset(data["intention_verbs"] + data["intention_verbs_advice"]),
        "mental": frozenset(data["mental_verbs"]),
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
        "physical_objects": frozenset(data["physical_objects"]),
        "hostile_acts": frozenset(data["hostile_acts"]),
        "stance_nouns": {k: frozenset(v) for k, v in data["stance_nouns"].items()},
        "receiving_verbs": frozenset(data["receiving_verbs"]),
        "taking_in_verbs": frozenset(data["taking_in_verbs"]),
        "issuing_verbs": frozenset(data["issuing_verbs"]),
        "received_stances": frozenset(data["received_stances"]),
        "stance_holder_nouns": {k: frozenset(v)
                                for k, v in data["stance_holder_nouns"].items()},
        "held_view_nouns": {k: frozenset(v) for k, v in data["held_view_nouns"].items()},
        "data_sources": frozenset(data["data_sources"]),
        "greetings": _phrase_re(data["greetings"]),
        "standing_polls": frozenset(data["standing_polls"]),
        "media": frozenset(data["media"]),
        "hedge_verbs": frozenset(data["hedge_verbs"]),
        "likeness_verbs": frozenset(data["likeness_verbs"]),
        "judging_verbs": frozenset(data["judging_verbs"]),
        "viewpoint_nouns": frozenset(data["viewpoint_nouns"]),
        "count_nouns": frozenset(data["count_nouns"]),
        "yardstick_nouns": frozenset(data["yardstick_nouns"]),
        "unnamed_yardsticks": frozenset(data["unnamed_yardsticks"]),
        "participle_task_verbs": frozenset(data["participle_task_verbs"]),
        "object_tasks": {k: frozenset(v) for k, v in data["object_tasks"].items()},
        "hearsay_adverbs": frozenset(data["hearsay_adverbs"]),
        "attitude_adjectives": frozenset(data["attitude_adjectives"]),
        "setting_prepositions": frozenset(data["setting_prepositions"]),
        "time_units": frozenset(data["time_units"]),
        "fractions": frozenset(data["fractions"]),
        "editors_note": re.compile(
            r"^\s*[(\[](?:" + "|".join(data["editors_note_verbs"]) + r")\b[^)\]]*[)\]]\s*$",
            re.I),
        "story_note": re.compile(
            r"^\s*(?:(?:" + "|".join(map(re.escape, data["editors_note_labels"])) + r")\s*:"
            r"|this (?:" + "|".join(data["story_nouns"]) + r") (?:has been|had been|was) "
            r"(?:" + "|".join(data["story_update_verbs"]) + r")\b)", re.I),
    }


def _phrase_re(phrases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in phrases)
    if not all(phrases):
        return re.compile(r"\b(?:" + alternatives + r")\b", re.I)
    # The lookahead on the phrases' first letters changes no match (each phrase starts
    # with one of them): it lets the engine pass over a position no phrase starts at
    # instead of trying every phrase there, some ten times faster on a sentence (three
    # of these run on every claim).
    firsts = "".join(sorted({re.escape(c) for p in phrases for c in (p[0].lower(), p[0].upper())}))
    return re.compile(r"\b(?=[" + firsts + r"])(?:" + alternatives + r")\b", re.I)


def attribute(claim: Claim, speaker: str) -> None:
    """Give a claim its speaker: it is attributed, and no longer a speakerless event."""
    claim.speaker = speaker
    claim.kinds = ["attributed", *[k for k in claim.kinds if k not in ("attributed", "event")]]


def unattribute(claim: Claim) -> None:
    """Take a claim's speaker away: it is no longer attributed, and an event if nothing else
    makes it a claim (as make_claim decides for one found with no speaker)."""
    claim.speaker, claim.speaker_span = None, None
    claim.kinds = _unspoken([k for k in claim.kinds if k != "attributed"])


def _unspoken(kinds: list[str]) -> list[str]:
    """The kinds of a claim no one speaks: with no other kind, or only a figure, it is an
    event ("The cable failed", "Repairs will cost 45 million euros")."""
    if not kinds:
        return ["event"]
    return ["event", *kinds] if kinds == ["quantitative"] else kinds


def token_at(sent: Any, offset: int, at: int) -> Any | None:
    """The token of `sent` (of the block starting at `offset`) that starts at document
    offset `at` (a claim's cue or speaker), or None."""
    return next((t for t in sent if offset + t.idx == at), None)


def _is_month(token: Any) -> bool:
    """"May" in "on May 9" is a date, not a hedge."""
    if token.text != "May":
        return False
    doc = token.doc
    return token.ent_type_ == "DATE" or any(
        0 <= i < len(doc) and doc[i].like_num for i in (token.i - 1, token.i + 1))


_CLOSING = re.compile(r"[,.!?]?(?:[\"”»]|'')")


def _with_closing_mark(text: str, following: str) -> str:
    """A claim that opens a quotation ends with its closing mark ("...," she said: the
    span runs to the mark, not the word before it). `following` is the text from the
    claim's start on."""
    opened = len(re.findall(r"[\"“”»«]|''", text))
    if opened % 2 == 0:
        if opened == 0 and text[:1] in "'‘" and not _SINGLE_CLOSED.search(text, 1):
            # 'We will not back down,' she said (British style): its single closing mark
            closing = _SINGLE_CLOSING.match(following, len(text))
            return following[:closing.end()] if closing else text
        return text
    closing = _CLOSING.match(following, len(text))
    return following[:closing.end()] if closing else text


# A single closing mark right after a claim's words, and one already inside them (not an
# apostrophe between letters: "don't").
_SINGLE_CLOSING = re.compile(r"[,.!?]?['’](?=\s|$)")
_SINGLE_CLOSED = re.compile(r"[^\s]['’](?=\s|[,.;:!?]|$)")


def _is_denial(cue: Any, span: Any) -> bool:
    """A denial needs a denying verb: the frame's own ("Moscow denies"), or, with no frame,
    one acting in the span ("the ministry rejected the report"). "Not in dispute" (a noun)
    denies nothing."""
    lex = claim_words()
    if cue is not None:
        return cue.lemma_.lower() in lex["denial"]
    return any(t.lemma_.lower() in lex["denial"] and t.pos_ == "VERB"
               and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in span)


# Each parsed block's text, built once: Doc.text (and Span.text) join the tokens' words on
# every call, and a claim's text is read for every frame found.
_BLOCK_TEXTS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def block_text(doc: Any) -> str:
    """`doc.text`, built once per parsed block (a span's text is its slice from its first
    word's idx to its last word's end)."""
    text = _BLOCK_TEXTS.get(doc)
    if text is None:
        text = _BLOCK_TEXTS[doc] = doc.text
    return text


def span_text(doc: Any, lo: int, hi: int) -> tuple[int, str]:
    """Where the words doc[lo..hi] start in the block, and their text as a claim shows it:
    no trailing comma or semicolon, a quotation's closing mark kept."""
    span = doc[lo:hi + 1]
    if not len(span):
        return span.start_char, ""
    # the words and the few tokens after them, cut from the block's text (a span's text is
    # the block's from its first word's start to its last word's end)
    text = block_text(doc)
    following = text[span.start_char:doc[min(len(doc), hi + 4) - 1].idx
                     + len(doc[min(len(doc), hi + 4) - 1].text)]
    words = text[span.start_char:span.end_char]
    return span.start_char, _with_closing_mark(words.rstrip(" ,;"), following)


def has_figure(tokens: Any) -> bool:
    """A number or amount among `tokens` (not a date, a time or an ordinal)."""
    return any(_is_figure(t) for t in tokens)


def _is_figure(token: Any) -> bool:
    entity = token.ent_type_
    if entity in _NUMERIC_ENTS or (token.like_num and entity not in ("DATE", "TIME",
                                                                      "ORDINAL")):
        return True
    return _is_duration(token) or _is_fraction(token)


def _is_duration(token: Any) -> bool:
    """'90' of "at least 90 days", 'three' of "more than three hours": a count of time units
    in a date or time entity (the model's DATE for a span of time), not "two years ago"."""
    if token.ent_type_ not in ("DATE", "TIME") or token.pos_ != "NUM" or not token.like_num:
        return False
    doc = token.doc
    unit = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if unit is None or unit.lemma_.lower() not in claim_words()["time_units"]:
        return False
    return not (unit.i + 1 < len(doc) and doc[unit.i + 1].lower_ == "ago")


def _is_fraction(token: Any) -> bool:
    """'quarter' of "by about a quarter": a fraction counted ("a", "one", a number), not a
    period named by an ordinal ("the first quarter")."""
    if token.lower_ not in claim_words()["fractions"] or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.lower_ in ("a", "one") or (before.pos_ == "NUM" and before.like_num)


def make_claim(sent: Any, offset: int, lo: int, hi: int, speaker: str | None, cue: Any) -> Claim:
    doc = sent.doc
    while lo < hi and (doc[lo].is_space or doc[lo].is_punct):
        lo += 1
    # the span's tokens, made once: each pass below would make them again from the Doc
    span = list(doc[lo:hi + 1])
    start_char, text = span_text(doc, lo, hi)
    start = offset + start_char
    kinds: list[str] = []
    if speaker:
        kinds.append("attributed")
    lex = claim_words()
    # one pass reads each token's word, entity, number-likeness and lemma once
    words = set()
    figure = speculative = False
    speculative_nouns = lex["speculative_nouns"]
    for t in span:
        word = t.lower_
        if word != "may" or not _is_month(t):  # (only "May" can be a month: asked first)
            words.add(word)
        figure = figure or _is_figure(t)
        speculative = speculative or t.lemma_.lower() in speculative_nouns
    hedges = sorted(w for w in words if w in lex["hedges"])
    if figure:
        kinds.append("quantitative")
    if words & lex["speculation"] or speculative:
        kinds.append("speculation")
    if lex["prediction"].search(text):
        kinds.append("prediction")
    # A denial is the frame's own verb ("Moscow denies"); a denial verb elsewhere in the span
    # belongs to another claim ("a charge the WFP rejected") unless this one has no frame.
    if _is_denial(cue, span):
        kinds.append("denial")
    if not speaker:
        kinds = _unspoken(kinds)
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
