from __future__ import annotations

import random

import pytest

from briefing.anchoring import Selector, capture, locate, locate_all
from briefing.word_alignment import WordAlignment

BASE = (
    "The ministry said on Tuesday that talks with the delegation would resume next week.\n\n"
    "Officials in the capital denied that any agreement had been reached, although two "
    "diplomats said a draft text was circulating among the parties.\n\n"
    "Grain prices rose 42 percent since January, according to the monitoring network.\n\n"
    "The commission will propose new funding of 1.2 billion euros next month."
)


def span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def check(old: str, new: str, phrase: str, expected: str | None) -> None:
    selector = capture(old, *span_of(old, phrase))
    found = locate(selector, new)
    if expected is None:
        assert found is None
    else:
        assert found is not None, "falsely orphaned"
        assert new[found.start:found.end] == expected


def test_selector_round_trip():
    selector = capture(BASE, *span_of(BASE, "a draft text"))
    assert selector.exact == "a draft text"
    assert BASE.endswith(selector.suffix) or selector.suffix in BASE
    assert Selector.from_dict(selector.to_dict()) == selector
    data = selector.to_dict()
    assert data["quote"]["type"] == "TextQuoteSelector"
    assert data["position"] == {"type": "TextPositionSelector", "start": selector.start,
                                "end": selector.end}


def test_unchanged_text_is_exact():
    found = locate(capture(BASE, *span_of(BASE, "42 percent")), BASE)
    assert (found.method, found.score) == ("exact", 1.0)


def test_paragraphs_inserted_before():
    new = "Breaking: a new opening paragraph was added here.\n\n" + BASE
    check(BASE, new, "a draft text was circulating", "a draft text was circulating")


def test_rewrapped_lines_and_restyled_quotes():
    old = BASE.replace("talks with the delegation", "“talks” with the delegation")
    new = old.replace("“talks”", '"talks"').replace("talks\" with the", "talks\"\nwith  the")
    selector = capture(old, *span_of(old, "“talks” with the delegation"))
    found = locate(selector, new)
    assert found is not None and found.method == "normalised"
    assert new[found.start:found.end] == '"talks"\nwith  the delegation'


def test_words_edited_inside_the_span():
    new = BASE.replace("a draft text was circulating", "a revised draft was circulating")
    check(BASE, new, "a draft text was circulating among the parties",
          "a revised draft was circulating among the parties")


def test_deleted_sentence_is_orphaned():
    new = BASE.replace("Grain prices rose 42 percent since January, according to the "
                       "monitoring network.\n\n", "")
    check(BASE, new, "Grain prices rose 42 percent since January", None)


def test_short_quote_repeated_is_placed_by_context():
    text = ("The minister said yes to the plan. " * 2 + "Later the envoy said yes to the "
            "budget, and the minister said no.")
    start = text.index("envoy said yes") + len("envoy ")
    selector = capture(text, start, start + len("said yes"))
    new = "Preface paragraph.\n\n" + text
    found = locate(selector, new)
    assert new[found.start - 10:found.end] == "the envoy said yes"


def test_short_quote_with_context_gone_is_orphaned():
    selector = capture(BASE, *span_of(BASE, "next week"))
    new = "Unrelated text about next week and other matters.\n\nNothing else here."
    assert locate(selector, new) is None


def test_edited_original_beats_unedited_copy_elsewhere():
    phrase = "two diplomats said a draft text was circulating among the parties"
    selector = capture(BASE, *span_of(BASE, phrase))
    edited = BASE.replace("a draft text was", "a draft text is")
    new = edited + "\n\nRecap: " + phrase + "."
    found = locate(selector, new)
    assert found is not None
    assert found.start < edited.index("Grain prices")  # the original, not the recap copy
    assert new[found.start:found.end] == phrase.replace("text was", "text is")


def test_paragraphs_moved():
    paragraphs = BASE.split("\n\n")
    new = "\n\n".join([paragraphs[2], paragraphs[0], paragraphs[3], paragraphs[1]])
    check(BASE, new, "Officials in the capital denied that any agreement",
          "Officials in the capital denied that any agreement")


def test_span_at_very_start_and_end():
    first = capture(BASE, 0, 12)
    last = capture(BASE, len(BASE) - 10, len(BASE))
    new = BASE + "\n\nAn added closing line."
    assert locate(first, new).start == 0
    found = locate(last, new)
    assert new[found.start:found.end] == BASE[-10:]


@pytest.mark.parametrize("start, end", [(5, 5), (0, 0)])
def test_empty_selection_is_refused(start, end):
    with pytest.raises(ValueError):
        capture(BASE, start, end)


def test_whitespace_only_selection_is_refused():
    at = BASE.index("\n\n")
    with pytest.raises(ValueError):
        capture(BASE, at, at + 2)


def test_locate_all_matches_locate():
    selectors = [capture(BASE, *span_of(BASE, p)) for p in
                 ("42 percent", "draft text", "new funding", "ministry said")]
    new = "Intro.\n\n" + BASE.replace("new funding", "fresh funding")
    def spans(found):
        return [(f.start, f.end) if f else None for f in found]

    assert spans(locate_all(selectors, new)) == spans([locate(s, new) for s in selectors])
    assert None not in spans(locate_all(selectors, new))


def test_previous_text_refuses_a_twin_that_was_always_there():
    twin = "Both sides said the ceasefire would hold through the winter months."
    old = f"Opening paragraph.\n\n{twin}\n\nMiddle paragraph about other things.\n\n{twin}"
    # The first copy is annotated; then it is deleted. Its twin stood there all along.
    start = old.index(twin)
    selector = capture(old, start, start + len(twin))
    new = "Opening paragraph.\n\nMiddle paragraph about other things.\n\n" + twin
    assert locate_all([selector], new, previous=old) == [None]


def test_previous_text_maps_kept_paragraphs_exactly():
    old = "First paragraph here.\n\nThe quote we want sits here.\n\nLast one."
    selector = capture(old, old.index("quote we want"), old.index("quote we want") + 13)
    new = "A new lead paragraph.\n\n" + old.replace("Last one.", "Last one, edited.")
    [found] = locate_all([selector], new, previous=old)
    assert new[found.start:found.end] == "quote we want" and found.method == "exact"


def test_previous_text_still_follows_a_moved_paragraph():
    paragraphs = ["Alpha paragraph with some words.", "Bravo paragraph holds the quote.",
                  "Charlie paragraph closes it."]
    old = "\n\n".join(paragraphs)
    selector = capture(old, old.index("holds the quote"), old.index("holds the quote") + 15)
    new = "\n\n".join([paragraphs[0], paragraphs[2], paragraphs[1]])
    [found] = locate_all([selector], new, previous=old)
    assert found is not None and new[found.start:found.end] == "holds the quote"


def test_a_highlight_over_two_sentences_keeps_the_one_a_revision_left():
    kept = "The port reopened on Monday after divers spent a week searching the channel."
    old = (f"{kept} They found the cable cut. "
           "Repairs will take a month, the operator said.\n\nA second paragraph follows.")
    phrase = f"{kept} They found"  # a highlight running into the next sentence
    selector = capture(old, *span_of(old, phrase))
    new = old.replace(" They found the cable cut.", "")
    [found] = locate_all([selector], new, previous=old)
    # Not orphaned, and not stretched over the next sentence's first word.
    assert found is not None and new[found.start:found.end] == kept


def test_an_edited_passage_is_not_taken_for_its_unedited_copy_elsewhere():
    clause = ("IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY DAMAGES ARISING OUT OF OR IN "
              "CONNECTION WITH THE USE OF THIS SOFTWARE")
    # Both copies stand in the same words around them: context cannot tell them apart.
    section = (f"THE SOFTWARE IS PROVIDED AS IS WITHOUT WARRANTY.\n\n{clause}, EVEN IF "
               "ADVISED OF THE POSSIBILITY OF SUCH DAMAGE, WHETHER IN CONTRACT.\n\n")
    old = f"Licence one.\n\n{section}Licence two.\n\n{section}End."
    start = old.rindex(clause)  # the second copy is highlighted
    selector = capture(old, start, start + len(clause))
    new = old[:start] + clause.replace("ANY DAMAGES", "ANY LOSS") + old[start + len(clause):]
    # The first copy's paragraph is revised too, beyond its context: no paragraph of the
    # first copy stands verbatim to tell the two apart.
    new = new.replace("WHETHER IN CONTRACT", "WHETHER IN CONTRACT OR TORT", 1)
    [found] = locate_all([selector], new, previous=old)
    edited = clause.replace("ANY DAMAGES", "ANY LOSS")
    assert found is not None and found.start == new.index(edited)
    assert new[found.start:found.end] == edited


def test_a_table_of_small_numbers_every_row_revised_re_anchors_quickly():
    # A results table's words repeat (pipes, single digits): aligning its words costs with
    # the square of the matches, and every highlight on a row not kept verbatim is aligned.
    digits = random.Random(0)
    rows = ["| " + " | ".join(str(digits.randrange(4)) for _ in range(12)) + " |"
            for _ in range(1500)]
    old = "\n".join(rows)
    new = old.replace("\n", "\r\n")  # the same table saved with Windows line ends
    starts = [old.index("\n", k * 2000) + 1 for k in range(20)]
    selectors = [capture(old, start, start + 25) for start in starts]
    # Too many equal word pairs to align (the cost): nothing is aligned, search decides.
    window = (starts[3] - 1500, starts[3] + 1525)
    assert WordAlignment(old, new, None, window, window).old_to_new == {}
    found = locate_all(selectors, new, previous=old)
    assert all(f is not None and new[f.start:f.end] == s.exact
               for f, s in zip(found, selectors, strict=True))


def test_a_long_text_with_a_line_repeated_between_its_paragraphs_is_aligned_quickly():
    # Scraped pages repeat a line between paragraphs ("Advertisement", "* * *"); the
    # paragraph alignment compared every copy with every other, minutes on a long report.
    lines = ["Advertisement" if n % 2 else f"Paragraph {n} reports figure {n * 37 % 101}."
             for n in range(1600)]
    old = "\n".join(lines)
    new = "\n".join(line + " (updated)" if n % 6 == 0 else line for n, line in enumerate(lines))
    at = old.index("Paragraph 1000 ")
    # (Its speed is benchmarks/anchoring.py's to measure; here, that it is right.)
    [found] = locate_all([capture(old, at, at + 15)], new, previous=old)
    assert found is not None and new[found.start:found.end] == "Paragraph 1000 "
