"""Make untrusted text safe to show in a terminal and stable to index into.

Order matters: whole escape sequences go first (so their parameters do not survive as
visible garbage), then lone control characters, then invisible formatting characters.
"""

from __future__ import annotations

import re
import unicodedata

# ECMA-48: CSI, OSC, DCS/SOS/PM/APC strings, and two-byte escapes; 7-bit and 8-bit forms.
_ESCAPE_SEQUENCES = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?          # CSI ... final
    | (?:\x1b\]|\x9d) .*? (?:\x07|\x1b\\|\x9c|\Z)                      # OSC ... ST/BEL
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f]) .*? (?:\x1b\\|\x9c|\Z)          # DCS, SOS, PM, APC
    | \x1b [\x20-\x2f]* [\x30-\x7e]?                                    # other ESC sequences
    """,
    re.VERBOSE | re.DOTALL,
)
# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings/overrides/isolates and marks, and zero-width characters. U+200D (ZWJ) stays:
# emoji sequences and several scripts need it.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2000-\u200a\u3000]")


# Every character `sanitise` removes or replaces (escape sequences start with one of them).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    "\u200b\u2060\ufeff\u2028\u2029]"
)


def is_safe(text: str) -> bool:
    """True when `text` holds nothing that `sanitise` would strip: safe to show as it is.
    One scan in C, for text that was sanitised before and stored outside the database."""
    return _UNSAFE.search(text) is None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace(
        "\u2029", "\n\n"
    )


def sanitise(text: str) -> str:
    """Return `text` with newlines as `\\n`, no escape sequences, controls, bidi overrides or
    zero-width characters, non-breaking spaces as spaces, in Unicode NFC."""
    text = normalise_newlines(text)
    text = _ESCAPE_SEQUENCES.sub("", text)
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def sanitise_line(text: str) -> str:
    """`sanitise` for one-line fields (titles, file names): newlines and tabs become spaces."""
    return " ".join(sanitise(text).split())


def clip_line(text: str, width: int) -> str:
    """One safe line of at most `width` characters (a name in a notice, a quote in a
    question): `sanitise_line`, then cut with an ellipsis."""
    text = sanitise_line(text)
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
