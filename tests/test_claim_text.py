"""The claims layer's shortcuts give what the plain forms give: a claim's text cut from its
block's text is the span's own text, and the phrase regexes with their first-letter
lookahead find what the bare alternation of phrases finds."""

from __future__ import annotations

import re

from briefing.analysis.claim import _phrase_re, _with_closing_mark, span_text
from briefing.analysis.lexicon import table
from briefing.analysis.pipeline import load_pipeline

TEXT = ('The minister said on Tuesday that taxes "would rise,"  he added;\n'
        "“It is LIKELY,” Roe said ,  of the plan.  Will it pass?")


def test_span_text_is_the_spans_own_text():
    doc = load_pipeline()(TEXT)
    for lo in range(len(doc)):
        for hi in range(lo, len(doc)):
            span = doc[lo:hi + 1]
            following = doc[lo:min(len(doc), hi + 4)].text
            expected = (span.start_char,
                        _with_closing_mark(span.text.rstrip(" ,;"), following))
            assert span_text(doc, lo, hi) == expected, (lo, hi)


def test_phrase_regexes_find_what_the_plain_alternation_finds():
    data = table("claims")
    texts = [TEXT, "WILL they? Highly Likely, said X; it is almost certain.",
             "Due to rain, plans were set to change: ROUGHLY EVEN CHANCE, Low Confidence.",
             "unwilling, replanned, likelyhood, Xwill, next-door, ſet to"]
    for phrases in (data["prediction_words"], data["confidence"],
                    sorted(data["probability"], key=len, reverse=True)):
        plain = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)
        fast = _phrase_re(phrases)
        found = [(m.span(), m.group()) for text in texts for m in fast.finditer(text)]
        assert found, phrases  # (the texts hold phrases of each list, capitalised too)
        assert found == [(m.span(), m.group()) for text in texts for m in plain.finditer(text)]
