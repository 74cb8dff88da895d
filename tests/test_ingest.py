from __future__ import annotations

import io
import sys

import pytest

from briefing.errors import BriefingError
from briefing.ingest import MAX_BYTES, clean_text, load
from briefing.ingest.layout import unwrap
from briefing.sanitize import sanitise


def write(tmp_path, name, content, mode="w"):
    path = tmp_path / name
    if mode == "wb":
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("a\x1b[31mred\x1b[0m b", "ared b"),  # CSI colour
        ("a\x1b[2J\x1b[Hb", "ab"),  # clear screen + cursor home
        ("t\x1b]0;pwned title\x07x", "tx"),  # OSC title, BEL-terminated
        ("c\x1b]52;c;ZXZpbA==\x1b\\d", "cd"),  # OSC 52 clipboard, ST-terminated
        ("l\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "llink"),  # OSC 8 hyperlink
        ("d\x1bPqpayload\x1b\\e", "de"),  # DCS string
        ("8bit\x9b31mx", "8bitx"),  # 8-bit CSI
        ("bell\x07 bs\x08 del\x7f nul\x00", "bell bs del nul"),  # lone C0 and DEL
        ("c1\x85y\x90payload\x9cz", "c1yz"),  # C1 control; 8-bit DCS string ... ST
        ("r\u202eevil\u202c \u2066iso\u2069", "revil iso"),  # bidi overrides and isolates
        ("zero\u200bwidth\ufeff\u2060", "zerowidth"),  # zero-width characters
        ("emoji\u200djoiner", "emoji\u200djoiner"),  # ZWJ is kept
        ("Xi\u00a0Jinping", "Xi Jinping"),  # non-breaking space
        ("caf\u0065\u0301", "caf\u00e9"),  # NFC
        ("a\r\nb\rc", "a\nb\nc"),  # newlines
    ],
)
def test_sanitise(dirty, clean):
    assert sanitise(dirty) == clean


HARD_WRAPPED = """\
The minister said on Tuesday that the government would review the
agreement with its neighbours before the end of the year, adding that
recent talks between the two delegations and Chinese President Xi
Jinping had been constructive and that a further round was planned.

A second paragraph follows here, also wrapped by a mail client at about
seventy-two columns, with a final short line.
"""


def test_hard_wrapped_paragraphs_are_joined_and_names_survive():
    text = unwrap(HARD_WRAPPED)
    paragraphs = text.strip().split("\n\n")
    assert len(paragraphs) == 2
    assert "\n" not in paragraphs[0] and "\n" not in paragraphs[1]
    assert "Chinese President Xi Jinping had been" in paragraphs[0]


def test_one_paragraph_per_line_is_left_alone():
    text = "Short line one.\nShort line two.\nA third line here.\nAnd a fourth one.\n"
    assert unwrap(text) == text


def test_lists_are_not_joined_into_paragraphs():
    text = ("Officials listed the following measures taken by the ministry this week\n"
            "- first measure affecting the export of components to third countries\n"
            "- second measure affecting the licensing of related software and tools\n"
            "- third measure covering the servicing of equipment already delivered\n")
    assert unwrap(text).count("\n- ") == 3


PASTED = """Home Back

NATO to Address Cooperation at Upcoming Summit

example.com 2024/10/5

Share this article

The summit will bring together leaders from 32 member countries.

Advertisement

Officials said the agenda was agreed last week.

People are also reading

Some other headline
Another headline
"""


def test_web_leftovers_are_removed_and_metadata_lifted():
    doc = clean_text(PASTED)
    assert doc.title == "NATO to Address Cooperation at Upcoming Summit"
    assert doc.meta["source"] == "example.com"
    assert doc.meta["published"] == "2024-10-05"
    assert doc.text == ("The summit will bring together leaders from 32 member countries.\n\n"
                        "Officials said the agenda was agreed last week.")


def test_navigation_words_inside_sentences_are_kept():
    doc = clean_text("Title Here\n\nThe minister went back home to share the news.\n\nMore text.")
    assert "went back home to share the news" in doc.text


def test_related_heading_early_in_article_is_not_a_tail():
    body = "Title\n\nRelated\n\n" + "\n\n".join(f"Paragraph {i} of the story." for i in range(6))
    assert "Paragraph 5 of the story." in clean_text(body).text


def test_markdown_front_matter_becomes_metadata(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: 'Talks: day two'\ndate: 2024-07-07\n"
                 "url: https://example.org/x\nsource: Wire\n---\n\nBody text here.\n")
    doc = load(path)
    assert doc.title == "Talks: day two"
    assert doc.meta["published"] == "2024-07-07"
    assert doc.meta["url"] == "https://example.org/x"
    assert doc.text == "Body text here."


def test_broken_front_matter_is_refused(tmp_path):
    path = write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nBody\n")
    with pytest.raises(BriefingError, match="front matter"):
        load(path)


def test_html_main_text_and_title(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {i}: the foreign ministry said on Monday that talks would continue "
        f"with officials from both countries next week in Geneva.</p>" for i in range(5))
    page = (f"<html><head><title>Talks to continue</title></head><body><nav>Home | News</nav>"
            f"<article>{paragraphs}</article><footer>Copyright</footer></body></html>")
    doc = load(write(tmp_path, "page.html", page))
    assert doc.title == "Talks to continue"
    assert "Paragraph 0: the foreign ministry said" in doc.text
    assert "Paragraph 4" in doc.text
    assert "Copyright" not in doc.text and "<p>" not in doc.text


@pytest.mark.parametrize("reference", ["&#27;", "&#x1b;", "&#X1B", "&#8;", "&#xFFFE;"])
def test_html_with_a_control_character_reference_still_imports(tmp_path, reference):
    # lxml keeps the character a reference names in the tree; one that XML forbids (ESC,
    # backspace) then made trafilatura return nothing: the whole page was refused.
    paragraphs = "".join(
        f"<p>Paragraph {i}: the port {reference}[2J authority said on Monday that the pier "
        f"would reopen after repairs to the damaged cranes.</p>" for i in range(3))
    page = (f"<html><head><title>Pier {reference}reopens</title></head><body>"
            f"<article>{paragraphs}</article></body></html>")
    doc = load(write(tmp_path, "page.html", page))
    assert "Paragraph 2: the port" in doc.text and "authority said on Monday" in doc.text
    assert "\x1b" not in doc.text + doc.title and "\x08" not in doc.text + doc.title


def test_latin1_file_imports_readably(tmp_path):
    path = write(tmp_path, "l1.txt", "Caf\u00e9 talks\n\nThe d\u00e9l\u00e9gation arrived.\n"
                 .encode("latin-1"), mode="wb")
    doc = load(path)
    assert doc.title == "Caf\u00e9 talks"
    assert doc.text == "The d\u00e9l\u00e9gation arrived."


def test_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path, "b.txt", "\ufeffTitle\n\nBody.".encode(), mode="wb")
    assert load(path).title == "Title"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"   \n\n\x1b[0m\n", "^empty.txt: no text in it"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "^bin.txt: looks like a binary"),
    ],
)
def test_refusals_name_the_file_as_typed(tmp_path, name, content, message):
    with pytest.raises(BriefingError, match=message):
        load(write(tmp_path, name, content, mode="wb"))


def test_a_text_too_short_to_read_says_so_with_what_it_held(tmp_path):
    """A one-character file was refused with "no text left after cleaning", as if cleaning
    had taken an article away."""
    with pytest.raises(BriefingError, match="^one.txt: too short to read as an article "
                                           "\\(1 character: “x”\\)$"):
        load(write(tmp_path, "one.txt", b"x", mode="wb"))


def test_missing_and_oversized_files(tmp_path):
    with pytest.raises(BriefingError, match="no such file"):
        load(tmp_path / "nope.txt")
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(BriefingError, match="limit"):
        load(big)


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Head\n\nFrom stdin.")))
    doc = load("-")
    assert (doc.title, doc.text) == ("Head", "From stdin.")


def test_escape_sequences_never_survive_a_file(tmp_path):
    path = write(tmp_path, "e.txt", "Title\x1b]0;x\x07\n\nBody \x1b[5mblink\x1b[0m \x9b2J.")
    doc = load(path)
    assert "\x1b" not in doc.title + doc.text and "\x9b" not in doc.text
    assert doc.text == "Body blink ."


def test_no_control_character_survives_random_input():
    import random
    import re as _re

    rng = random.Random(1)
    alphabet = ("\x1b", "\x9b", "\x9d", "\x90", "\x07", "\x9c", "[", "]", "P", "\\", ";", "0",
                "m", "a", " ", "\n", "\r", "\t", "\u202e", "\u200b", "\ufeff", "\x00", "\x7f",
                "\x85", "é", "\u200d")
    forbidden = _re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b"
                            "\ufeff]")
    for _ in range(2000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        assert not forbidden.search(sanitise(raw)), repr(raw)


def test_unterminated_escape_sequences_do_not_hang_on_large_input():
    import time

    raw = ("text \x1b]0;never terminated " * 20000) + ("\x1b[" * 20000)
    started = time.perf_counter()
    sanitise(raw)
    assert time.perf_counter() - started < 2.0


RELEASE = """FOR IMMEDIATE RELEASE
March 3, 2025

Ministry of Foreign Affairs
Press Office

MINISTRY PLEDGES NEW FUNDING FOR SEARCH AND RESCUE

OSLO - The government will contribute 250 million kroner to a joint search
and rescue centre in Tromso, the foreign minister announced on Monday, and
said that talks with two neighbouring countries on joining it continue.

Media contact: press@example.org

###
"""


def test_press_release_header_and_footer():
    doc = clean_text(RELEASE)
    assert doc.title == "MINISTRY PLEDGES NEW FUNDING FOR SEARCH AND RESCUE"
    assert doc.meta["source"] == "Ministry of Foreign Affairs · Press Office"
    assert doc.meta["published"] == "2025-03-03"
    assert doc.text.startswith("OSLO - The government will contribute")
    assert "\n" not in doc.text  # one re-flowed paragraph, no contact line, no ###


def test_headers_without_wrapping_evidence_are_not_joined():
    text = "Short header\nAnother header line\n\nOne paragraph on its own line.\n"
    assert unwrap(text) == text


def test_front_matter_with_an_unquoted_colon_still_imports(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Weekly Assessment: Red Sea\ndate: 2025-05-12\n"
                 "---\n\nBody.\n")
    doc = load(path)
    assert doc.title == "Weekly Assessment: Red Sea" and doc.meta["published"] == "2025-05-12"


def test_byline_becomes_author():
    doc = clean_text("Talks resume in Geneva\n\nBy Anna Berg and Lars Eide\n\nThe talks resumed on "
                     "Monday after a pause of two weeks, officials said.")
    assert doc.meta["author"] == "Anna Berg and Lars Eide"
    assert doc.text.startswith("The talks resumed")


def test_plain_header_block_becomes_metadata(tmp_path):
    # Wire exports and emailed briefings open with "Key: value" lines, not YAML fences.
    path = tmp_path / "wire.txt"
    path.write_bytes(
        "Subject: Élysée signals shift on Sahel mission\r\nSource: Le Monde\r\n"
        "Date: 2 March 2025\r\nAuthor: Jeanne Dupont\r\n\r\n"
        "PARIS — Officials in Bamako denied the report on Sunday.\r\n".encode())
    doc = load(path)
    assert doc.title == "Élysée signals shift on Sahel mission"
    assert (doc.meta["source"], doc.meta["published"], doc.meta["author"]) == (
        "Le Monde", "2 March 2025", "Jeanne Dupont")
    assert doc.text == "PARIS — Officials in Bamako denied the report on Sunday."


@pytest.mark.parametrize("opening", [
    "Note: this assessment is preliminary.\nSource: field reports\n\n",  # unknown key
    "Source: Reuters\n\n",  # one line could be the article's own attribution
    "Title: Draft\nSource: Desk\nThe first sentence follows without a blank line.\n\n",
])
def test_text_that_only_looks_like_a_header_stays_text(tmp_path, opening):
    path = tmp_path / "a.txt"
    path.write_text(opening + "Officials said the talks would resume on Monday.\n")
    doc = load(path)
    assert "Officials said the talks" in doc.text
    assert opening.split("\n")[0].split(":")[1].strip() in f"{doc.title}\n{doc.text}"


@pytest.mark.parametrize("og, page_title, title, source", [
    ("Ports reopen after strike", "Ports reopen after strike | Harbour Times",
     "Ports reopen after strike", "Harbour Times"),
    ("", "Ports reopen after strike | Harbour Times", "Ports reopen after strike",
     "Harbour Times"),
    ("", "Russia - Ukraine talks resume", "Russia - Ukraine talks resume", None),
    ("Ports reopen after strike", "Ports reopen after strike | harbourtimes.com",
     "Ports reopen after strike", "harbourtimes.com"),
])
def test_html_site_name_from_the_page_title(tmp_path, og, page_title, title, source):
    paragraphs = "".join(
        f"<p>Paragraph {i}: dockworkers returned to work on Wednesday after unions accepted "
        f"a pay rise, the port authority in Rotterdam said.</p>" for i in range(5))
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    page = (f"<html><head><title>{page_title}</title>{meta}</head><body>"
            f"<article>{paragraphs}</article></body></html>")
    doc = load(write(tmp_path, "page.html", page))
    assert doc.title == title and doc.meta.get("source") == source


def test_the_same_page_imports_every_time_in_one_process(tmp_path):
    # trafilatura's deduplication (on by default in crawlers) emptied the 4th import.
    paragraphs = "".join(
        f"<p>Paragraph {i}: dockworkers returned to work on Wednesday after unions accepted "
        f"a pay rise, the port authority in Rotterdam said.</p>" for i in range(5))
    page = write(tmp_path, "same.html", f"<html><head><title>Ports | Harbour Times</title>"
                 f"</head><body><article>{paragraphs}</article></body></html>")
    texts = {load(page).text for _ in range(6)}
    assert len(texts) == 1 and "Paragraph 4" in texts.pop()
