"""Personal names: their parts (suffixes, given names, courtesy titles), the forms of one
person's name, and which of several people sharing a surname a bare surname means."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from briefing.analysis.lexicon import table


@lru_cache(maxsize=1)
def courtesy_sex() -> dict[str, str]:
    """ "Mr." -> "male", "Mrs." -> "female"."""
    return {word: sex for sex, words in table("names")["courtesy"].items() for word in words}


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    return {name: sex for sex, names in table("names")["given"].items() for name in names}


@lru_cache(maxsize=1)
def name_suffixes() -> frozenset[str]:
    return frozenset(table("names")["suffixes"])


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, frozenset[str]]:
    return {short: frozenset(formal) for short, formal in table("names")["nicknames"].items()}


def is_epithet(word: str) -> bool:
    """ "Crooked", "Lyin'", "Sleepy": a word of mockery or praise before a person's name."""
    return word in table("names")["epithets"] or (
        word[:1].isupper() and word.endswith(("ed", "in'", "in’")) and word not in given_names())


def is_short_given_name(word: str) -> bool:
    """ "Al", "Bill", "Joe": the short form of a given name."""
    return word in _nicknames()


def same_given_name(a: str, b: str) -> bool:
    """ "Joe" and "Joseph", "Pat" and "Patrick": one given name, short or formal."""
    return a == b or a in _nicknames().get(b, ()) or b in _nicknames().get(a, ())


def core_words(name: str) -> list[str]:
    """A person's name without the suffix: "Donald Trump Jr." -> ["Donald", "Trump"]."""
    words = name.split()
    while len(words) > 1 and words[-1] in name_suffixes():
        words.pop()
    return words


_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
             "she": "female", "her": "female", "hers": "female", "herself": "female"}


def pronoun_sex(ent: Any) -> str | None:
    """ "voters want Clinton because she would be the first woman": the sex of the pronouns
    after a name in its sentence, when they are all of one sex (up to the next person's
    name: in "Clinton led Sanders, who said he ...", "he" is his). Nothing when a person is
    named before it in the sentence ("Powell wrote Clinton a memo describing his use"), and
    nothing of a sex whose pronoun comes before it ("he did remember telling Clinton about
    his email"): those pronouns may be the subject's."""
    found = set()
    for token in ent.doc[ent.end:]:  # to the sentence's end (ent.sent also scans back)
        if token.is_sent_start or token.ent_type_ == "PERSON":
            break
        if token.lower_ in _PRONOUNS:
            found.add(_PRONOUNS[token.lower_])
    for token in reversed(ent.doc[:ent.start]):
        if token.ent_type_ == "PERSON":
            return None
        found.discard(_PRONOUNS.get(token.lower_, ""))
        if token.is_sent_start:
            break
    return found.pop() if len(found) == 1 else None


def is_suffixed(name: str, other: str) -> bool:
    """ "Donald Trump Jr." is "Donald Trump" with a suffix: another person."""
    return other.startswith(name + " ") and other.split()[-1] in name_suffixes() and len(
        other.split()) == len(name.split()) + 1


_DERIVING = ("ian", "esque", "ite", "ism", "ist")


def derived_from(word: str, names: set[str]) -> bool:
    """ "Trumpian", "Reaganesque": an adjective made from one of `names`."""
    return any(word.endswith(ending) and word[:-len(ending)] in names for ending in _DERIVING)


def name_variants(persons: set[str], mentions: list) -> dict[str, str]:
    """Full names of one person written with and without middle names or initials
    ("Donald J. Trump", "Donald Trump") or without the surname before a suffix ("Donald
    Jr.", "Donald Trump Jr."), mapped to the fullest form (the most used on a tie)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for mention, name, kind in mentions:
        if kind == "person":
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, mention.start)
    full = sorted((n for n in persons if len(n.split()) > 1),
                  key=lambda n: (-len(n.split()), -counts.get(n, 0), first.get(n, 0)))
    joined: dict[str, str] = {}
    for i, name in enumerate(full):
        if name in joined:
            continue
        for other in full[i + 1:]:
            if other not in joined and same_person(name, other):
                joined[other] = name
    return joined


def same_person(a: str, b: str) -> bool:
    words_a, words_b = a.split(), b.split()
    suffix_a = words_a[-1] if words_a[-1] in name_suffixes() else None
    suffix_b = words_b[-1] if words_b[-1] in name_suffixes() else None
    core_a, core_b = core_words(a), core_words(b)
    if suffix_a != suffix_b or not same_given_name(core_a[0], core_b[0]):
        return False
    short, long = sorted((core_a, core_b), key=len)
    if len(short) == 1:
        return (suffix_a is not None and len(long) == 2  # "Donald Jr." / "Donald Trump Jr."
                and short[0] == long[0])
    if short[-1] != long[-1]:
        return False
    if len(short) == len(long):
        return short[0] != long[0] and short[1:] == long[1:]  # "Pat Caddell", "Patrick ..."
    middle = long[1:-1]
    return all(w in middle for w in short[1:-1])


def name_owners(persons: set[str], mentions: list, joined: dict[str, str],
                roles: dict[str, str] | None = None
                ) -> tuple[dict[str, list[str]], dict[str, str]]:
    """One-word names ("Obama", "Hillary") that are a word of full names, each with its
    bearers best first: the one whose sex fits what the sentences say of the bare name
    ("Mrs. Clinton", "Clinton ... she"), then the one named in full first (the one the text
    introduces), then the one named in full most often; none when every bearer is of the sex
    the sentences deny, or when the bare name has a title of its own (`roles`: "President
    Obama") that no bearer is given and the sentences say no sex. Also the sex of each full
    name, known from a courtesy title or the given name."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    sexes: dict[str, str] = {}
    votes: dict[str, dict[str, int]] = {}  # "Clinton": how often "Mrs."/"she" says female
    titled: dict[str, set[str]] = {}  # "Obama": the sexes its courtesy titles say
    for mention, name, kind in mentions:
        said = courtesy_sex()[mention.courtesy] if mention.courtesy else mention.pronoun
        if said and " " not in name:
            tally = votes.setdefault(name, {})
            tally[said] = tally.get(said, 0) + 1
        if mention.courtesy and " " not in name:
            titled.setdefault(name, set()).add(courtesy_sex()[mention.courtesy])
        if kind != "person" or " " not in name:
            continue
        name = joined.get(name, name)
        counts[name] = counts.get(name, 0) + 1
        first.setdefault(name, mention.start)
        if mention.courtesy:
            sexes.setdefault(name, courtesy_sex()[mention.courtesy])
    for name in persons:
        given = given_names().get(name.split()[0])
        if given and " " in name:
            sexes.setdefault(name, given)
    full = [n for n in persons if " " in n]
    one_word = {name for _, name, _ in mentions if " " not in name}
    # "Virginia" the state beside "Virginia Foxx": a name only ever a place is no one's given
    # name (though it may be a surname, "Romney" tagged as a place).
    places = one_word - {name for _, name, kind in mentions if kind not in ("place", "country")}
    owners_of = {}
    for short in one_word:
        owners = [f for f in full if short in core_words(f)
                  and (short not in places or core_words(f)[-1] == short)]
        tally = votes.get(short, {})
        said = max(tally, key=lambda sex: tally[sex]) if tally else None
        if said and list(tally.values()).count(tally[said]) > 1:
            said = None  # as many "he" as "she": the sentences do not say

        def fit(owner: str, said: str | None = said) -> int:
            return 1 if said is None or owner not in sexes else 0 if sexes[owner] == said else 2

        role = (roles or {}).get(short)
        if role and said is None and len(owners) > 1 and all(
                w.lower() in table("titles")["titles"] for w in role.split()):
            # "President Obama" beside Michelle and Barack Obama: the bearer given that
            # title, or none (a wrong bearer would lend her his words). (Not a description,
            # "Clinton, a former secretary of state": that may be any bearer's.)
            owners = [f for f in owners if (roles or {}).get(f) == role]
            if not owners:
                owners_of[short] = []
                continue
        if owners:
            # "Mr. Obama" beside "Michelle Obama" alone: a bare surname whose courtesy titles
            # give the other sex is another bearer, named by the surname only (an empty
            # list). (A pronoun is weaker evidence: "Obama and Clinton, his secretary".)
            sex = next(iter(titled[short])) if len(titled.get(short, ())) == 1 else None
            owners_of[short] = sorted((f for f in owners if sex is None or sexes.get(
                f, sex) == sex), key=lambda f: (fit(f), first.get(f, 0), -counts.get(f, 0)))
    return owners_of, sexes


def courtesy_bearer(mention: Any, owners: list[str], sexes: dict[str, str],
                     text: str, relatives: dict[str, str] | None = None
                     ) -> tuple[str, str, tuple[int, int]]:
    """(actor name, alias, span) of "Mr. Clinton" when several people are called Clinton:
    the best bearer whose sex fits the title; with none, the one relative of that sex named
    by a given name only (`relatives`: sex -> name; "his wife, Melania" is "Ms. Trump"), or
    a person of its own, "Mr. Clinton"."""
    sex = courtesy_sex()[mention.courtesy or ""]
    fitting = [o for o in owners if sexes.get(o, sex) == sex]
    if fitting and fitting[0] == owners[0]:
        return owners[0], mention.surface, (mention.start, mention.end)
    # Not the main bearer: the alias keeps the title, so the bare surname stays the main
    # bearer's alone.
    titled = f"{mention.courtesy} {mention.surface}"
    name = fitting[0] if fitting else (relatives or {}).get(sex, titled)
    start = mention.end - len(titled)
    if start >= 0 and text[start:mention.end] == titled:
        return name, titled, (start, mention.end)
    return name, mention.surface, (mention.start, mention.end)
