"""What a document's own metadata says about where it comes from: the site behind its URL,
and a headline without the site's name that pages append to it ("Ports reopen | Harbour
Times", "Talks resume - St. Lucia Times News")."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SITE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}")
_MAX_SITE_WORDS = 5
# Lower-case words a site's name may contain ("Voice of America", "The Times and Sunday").
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "la", "el"})
_SENTENCE_PUNCTUATION = re.compile("[,;!?\"“”‘’]|'(?!\\w)|(?<!\\w)'")
_NOT_SITE_LABELS = frozenset({"www", "m", "amp", "news", "en", "edition", "mobile"})


def domain_of(url: str) -> str:
    """The host a URL points at, without "www." ("" when it is not a web address)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    return host.removeprefix("www.") if "." in host else ""


def split_site(title: str, known_sites: tuple[str, ...] = ()) -> tuple[str, str]:
    """(headline, site name) of a title that ends in its site's name, else (title, "").

    With a known site (a name, or a domain such as "stluciatimes.com") the suffix is cut
    when it names that site. Without one, a suffix counts when every part of it reads like
    a name (short, capitalised) and the headline before it is not shorter: "Russia -
    Ukraine Talks Resume" keeps its dash. " | A | B" suffixes go whole; the site is the part
    matching a known site, else the longest part.
    """
    keys = [key for key in (_key_of_site(site) for site in known_sites) if len(key) >= 3]
    for separator in _SITE_SEPARATORS:
        parts = title.split(separator)
        for cut in range(1, len(parts)):  # the longest suffix first
            headline = separator.join(parts[:cut]).strip()
            suffix = [part.strip() for part in parts[cut:]]
            if not headline or not all(suffix):
                continue
            named = [part for part in suffix if _names_site(part, keys)]
            if named and all(_reads_like_name(p) or p in named for p in suffix):
                return headline, named[0]
            if all(_reads_like_name(p) for p in suffix) and _headline_holds(
                    headline, suffix, separator):
                return headline, max(reversed(suffix), key=len)
    return title, ""


def _reads_like_name(part: str) -> bool:
    words = part.split()
    # "Not Indicted, Yet!" and "Yet." end a headline; a site's name has no such punctuation.
    if _SENTENCE_PUNCTUATION.search(part) or part.endswith("."):
        return False
    return 0 < len(words) <= _MAX_SITE_WORDS and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_JOINERS
        or _DOMAIN.fullmatch(w.lower()) for w in words)


def _headline_holds(headline: str, suffix: list[str], separator: str) -> bool:
    words = len(headline.split())
    if separator.strip() == "|":
        return words >= 2
    # A dash also joins the parts of a headline; a site name is the shorter side.
    return words >= 2 and words >= sum(len(part.split()) for part in suffix)


def _key_of_site(site: str) -> str:
    """A site reduced to what its name and domain share: "St. Lucia Times" and
    "stluciatimes.com" both give "stluciatimes"."""
    site = site.strip().lower()
    if _DOMAIN.fullmatch(site):
        labels = [label for label in site.split(".")[:-1] if label not in _NOT_SITE_LABELS]
        site = max(labels, key=len, default="")
    return re.sub(r"\W|_", "", site)


def _names_site(part: str, keys: list[str]) -> bool:
    own = _key_of_site(part)
    return len(own) >= 3 and any(own.startswith(key) or key.startswith(own) for key in keys)
