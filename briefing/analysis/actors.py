"""NER output -> canonical actors with every mention.

Steps, each small: collect entity mentions per block; clean each surface form (articles,
possessives, titles -> role); name the actor it refers to (alias and demonym tables, acting
capitals, surnames joined to full names); then find the mentions the model missed by matching
every known alias across the whole text in one pass.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from briefing.analysis.actor_roles import (
    PARTY_TAG,
    calls_to_action,
    named_by_relation,
    names_a_person,
    noise,
    role_from_context,
    said_of_people,
    shared_plural_title,
    singular_title,
    titles,
    valid_role,
)
from briefing.analysis.lexicon import countries, table
from briefing.analysis.person_names import (
    core_words,
    courtesy_bearer,
    courtesy_sex,
    derived_from,
    familiar_forms,
    given_names,
    is_epithet,
    is_short_given_name,
    is_suffixed,
    name_owners,
    name_suffixes,
    name_variants,
    pronoun_sex,
)
from briefing.analysis.pipeline import DATELINE, QUESTION_LABELS

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_LABEL_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group",
                "LOC": "place", "FAC": "place"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’‘]s|['’‘])$")
# Markup and web fragments: "Venezuela](https://...", "@handle", "(WB" - never in a name.
_MARKUP = re.compile(r"[\[\]()<>{}|*#@\\]|://|\bwww\.|\.(?:com|html?|php)\b")
# Layout that may open a tagged name: Markdown's link, emphasis and heading marks, and the
# bullets of a list's items.
_LAYOUT_MARKS = {"[", "*", "_", "#", "•", "◦", "▪", "‣"}
_ACTING_DEPS = {"nsubj", "nsubjpass", "agent", "poss", "csubj"}
_NAV_NOISE = re.compile(r"\b(?:home|back|menu|share|photo|getty|reuters|afp|copyright)\b", re.I)
_TYPE_RANK = {"person": 0, "country": 1, "organisation": 2, "group": 3, "place": 4}


@dataclass
class Actor:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "aliases": self.aliases,
                "role": self.role, "mentions": [list(m) for m in self.mentions]}


@dataclass
class _Mention:
    start: int
    end: int
    surface: str
    label: str
    acting: bool
    role: str | None = None
    plural: bool = False  # a plural proper noun ("the Houthis") names a group, not a person
    courtesy: str | None = None  # "Mr.", "Mrs.", ... written before the name (says the sex)
    adjectival: bool = False  # "a Democratic senator": the party named only as a modifier
    pronoun: str | None = None  # "male" / "female": the sentence's later pronouns, if one sex


# Lower-case words inside personal names: "Ursula von der Leyen", "Mohammed bin Salman".
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "della",
                            "dos", "das", "bin", "ibn", "al", "el", "la", "le", "ter", "ten",
                            "zu"})


def _particle_led(name: str) -> bool:
    """ "al-Shabaab", "bin Laden": a name that opens with a lower-case particle."""
    words = re.split(r"[ -]", name)
    i = 0
    while i < len(words) - 1 and words[i].lower() in NAME_PARTICLES:
        i += 1  # "von der Leyen": particles in a row
    return i > 0 and words[i][:1].isupper()


def _lower_particle(name: str) -> str:
    """The particle that opens a name in lower case, as it is written mid-sentence:
    "Al-Shabaab" at a sentence start is "al-Shabaab"."""
    if not _particle_led(name) or is_short_given_name(name.split()[0]):
        return name  # "Al Gore": a given name, not the particle of "al-Shabaab"
    cut = min(i for i in (name.find(" "), name.find("-")) if i > 0)
    return name[:cut].lower() + name[cut:]


def _clean(ent: Any, offset: int, text: str = "") -> _Mention | None:
    """Strip articles, possessives and leading titles; reject noise. Offsets into the text
    (`text`, the whole document, tells a possessive inside a name from one before it)."""
    tokens = list(ent)
    role_tokens: list[Any] = []
    never, lead_ins = noise()
    for i, token in enumerate(tokens):
        if token.text in ("(", "[", "{", "<", "|"):
            tokens = tokens[:i]  # "Administrative Tribunal of the World Bank (WB"
            break
        if "](" in token.text:  # "Ratcliffe](https://www.cia.gov": the link's text ends
            tokens = tokens[:i + 1]
            break
    while tokens and tokens[0].text in _LAYOUT_MARKS:  # (a list's bullet: "• Vestas warned")
        tokens.pop(0)
    while len(tokens) > 1 and (tokens[0].lower_ in ("the", "a", "an")
                               or tokens[0].text in lead_ins):
        tokens.pop(0)  # "Follow Pam Smith": a call to action in a credit line
    label = ent.label_
    if len(tokens) > 1 and _opens_a_question(tokens[0]):
        tokens.pop(0)  # "Will Zambia ask again?": the question's verb, not a given name
        if _known_place(" ".join(t.text for t in tokens)):
            label = "GPE"
    if (ent.label_ == "PERSON" and len(tokens) > 1 and tokens[0].text in _person_lead_ins()
            and tokens[1].is_title):
        tokens.pop(0)  # "Top Clinton adviser ...", "Longtime Clinton foe ...": a headline's
    while (ent.label_ == "ORG" and len(tokens) > 1 and tokens[0].is_lower
           and tokens[0].is_alpha and tokens[0].lower_ not in NAME_PARTICLES
           and tokens[1].is_title):
        tokens.pop(0)  # "the state Division of Gaming Enforcement": a common word before it
    if label in ("GPE", "LOC") and _capitalised_the(ent, tokens):
        label = "ORG"  # "a writer for The Atlantic": a publication, not the ocean
    in_business_list = (label == "PERSON" and len(tokens) == 1 and tokens[0].is_title
                        and tokens[0].text not in given_names()
                        and _listed_with_organisations(ent))
    if in_business_list:
        # "Microsoft, Motorola, Walgreens and UPS", "Bally's, Caesars, Harrah's and ...": a
        # one-word name listed among organisations only is one (with its possessive, a
        # business's name), not a person nor, ending in s, a group
        label = "ORG"
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if (after is not None and after.text in ("'s", "’s") and after.tag_ == "POS"
                and not tokens[0].whitespace_):
            tokens = [*tokens, after]
    owner = next((i for i, t in enumerate(tokens)
                  if 0 < i < len(tokens) - 1 and (t.text in ("'s", "’s", "‘s") or (
                      t.text in ("'", "’") and tokens[i - 1].text.endswith("s")
                      and not tokens[i - 1].whitespace_ and tokens[i + 1].is_title))), None)
    # ("Fox News’ Sean Hannity": a plural's possessive, an apostrophe alone)
    if owner is not None and [t.text for t in tokens[owner + 1:]] == ["Day"]:
        return None  # "Veteran's Day", "New Year's Day": a holiday
    if owner is not None and not (_known_name(ent.text)
                                  or tokens[owner - 1].lower_ in _POSSESSING_NOUNS
                                  or (label in ("ORG", "FAC") and text and owner == 1
                                      and _only_possessed(tokens[0].text, text))):
        # "the Green Party's Jill Stein" is Jill Stein; "Clinton's van", "Pagliano's Fifth
        # Amendment" are the possessor's: one name never runs across a possessive (but
        # "Democratic People's Republic of Korea", "Children's Hospital" are one name).
        after = tokens[owner + 1:]
        plural_owner = tokens[owner].text in ("'", "’")  # an outlet's: "Fox News’ Megyn Kelly"
        if (len(after) >= 2 and all(t.is_title for t in after)
                and (after[0].text in given_names() or (plural_owner and _could_be_personal(
                    " ".join(t.text for t in after))))):
            tokens, label = after, "PERSON"
        else:
            tokens = tokens[:owner]
    before = ent.doc[tokens[0].i - 1] if tokens and tokens[0].i > 0 else None
    courtesy = tokens[0].text if tokens and tokens[0].text in courtesy_sex() else None
    if courtesy is None and before is not None and before.text in courtesy_sex():
        courtesy = before.text
    if (label != "PERSON" and len(tokens) >= 3 and tokens[0].lower_ in titles()
            and tokens[0].text[:1].isupper() and all(t.is_title for t in tokens[1:])
            and _could_be_personal(" ".join(t.text for t in tokens[1:]))):
        label = "PERSON"  # "Actress Amandla Stenberg" taken for an organisation
    if label != "PERSON" and tokens and (courtesy or (
            before is not None and before.lower_ in titles() and before.text[:1].isupper()
            and before.lower_ not in ("state", "first", "special", "supreme", "press"))):
        label = "PERSON"  # "Sen. Fiorina", "Mr. Carson": a person whatever the model said
    if label == "PERSON":
        states = table("places")["us_states"]
        while len(tokens) > 2 and tokens[0].text.endswith(".") and tokens[0].text in states:
            tokens.pop(0)  # "Bedminster, N.J. Roger Ailes": the state ends the sentence before
        parties = table("parties")["aliases"]
        while len(tokens) > 1 and (tokens[0].lower_ in titles()
                                   or tokens[0].text in courtesy_sex()
                                   or (len(tokens) > 2 and tokens[0].text in parties)):
            role_tokens.append(tokens.pop(0))  # "Sen.", "Libertarian" (Gary Johnson)
        regnal = table("names")["regnal"]
        if role_tokens and role_tokens[-1].text in regnal and _one_name(tokens):
            tokens.insert(0, role_tokens.pop())  # "Pope Francis": the title is the name's
        elif (not role_tokens and before is not None and before.text in regnal
              and _one_name(tokens)):
            tokens.insert(0, before)
    named_with_possessive = _named_with_possessive(ent, tokens, label)
    while not named_with_possessive and tokens and (
            tokens[-1].tag_ == "POS" or tokens[-1].text in ("'s", "’s", "'", "’", "‘s", "‘")):
        tokens.pop()
    while tokens and tokens[0].is_space:
        tokens.pop(0)
    if len(tokens) > 2 and tokens[-1].text == "I" and tokens[-2].lower_ in ("&", "and"):
        tokens = tokens[:-2]  # "Ann & I say": a person and the speaker, not one name
        label = "PERSON"
    dash = next((i for i, t in enumerate(tokens) if i and t.text in ("-", "–", "—")
                 and t.whitespace_ and tokens[i - 1].whitespace_), None)
    if dash is not None:
        tokens = tokens[:dash]  # "Minnesota Vikings - while": a spaced dash ends a name
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space
                      or tokens[-1].pos_ in ("ADP", "CCONJ")
                      or (len(tokens) > 1 and tokens[-1].text in lead_ins
                          and tokens[-1].text not in calls_to_action())
                      or (len(tokens) > 1 and tokens[-1].text.isalpha()
                          and tokens[-1].text.islower()
                          and tokens[-1].lower_ not in NAME_PARTICLES
                          and tokens[-2].whitespace_)):  # (not "Ban Ki-moon")
        # "Ministry of Foreign Affairs of" cut at a line's end; "... Video"; "E.U. nations",
        # "voters with young people": a name does not end in a lower-case word.
        tokens.pop()
    if not tokens:
        return None
    if (len(tokens) == 1 and len(ent) > 1 and ent[-1].is_lower and tokens[0].is_sent_start
            and label == "ORG" and not _known_name(tokens[0].text)):
        return None  # "Coast guard says ...": a common noun capitalised by its place, no name
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    # (The Doc's text is rebuilt on each access; a span's is not.)
    surface = ent.doc[tokens[0].i:tokens[-1].i + 1].text.split("](")[0]  # a link's text
    bare = surface.lstrip("[*_•◦▪‣")
    start, surface = start + len(surface) - len(bare), bare
    if not named_with_possessive:
        surface = _POSSESSIVE.sub("", surface)
    if ent.label_ in ("LOC", "GPE") and surface.endswith(" region"):
        surface = surface[: -len(" region")]  # "the Asia-Pacific region" is Asia-Pacific
    end = start + len(surface)
    if (
        not (surface[:1].isupper() or _particle_led(surface)
             or (label == "ORG" and _NUMBER_OPENING.match(surface))) or len(surface) < 2
        or any(ch.isdigit() for ch in _unnumbered(surface, label))
        or (_NAV_NOISE.search(surface) and not _agency_in_a_clause(ent, surface)
            and not (label == "ORG" and (_has_remit(tokens)  # "... and Home Affairs"
                                         or surface.split()[-1] in _REMIT_HEADS)))
        or len(surface.split()) > (12 if label == "ORG" and _has_remit(tokens) else 7)
        or surface.lower() in titles()  # "State" of "Secretary of State" is no actor
        or (surface.isupper() and " " in surface and not _in_lower_case_sentence(ent, tokens[0].i))
        # (a capitalised headline or section title, not "she told USA TODAY")
        or surface in never or surface in name_suffixes() or _MARKUP.search(surface)
        or PARTY_TAG.match(surface)  # "D-Newport News": a party and a district
        or _INITIAL.fullmatch(surface)  # "I."
        or any(_CONTRACTION.search(w) for w in surface.split())  # "I'd", "I’m Muslim"
        or _STANCE_PREFIX.match(surface)  # "Pro-Clinton", "Anti-Trump": an adjective
        or (label == "PERSON" and _glued_words(surface))
    ):
        return None
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if (label in ("ORG", "NORP") and following is not None
            and following.lower_ in _ROLE_HEADS and not _known_name(surface)
            and surface.split()[-1] not in _ORGANISATION_WORDS):
        # "Indian External Affairs Minister Arjun Rao": a fragment of a title. A known
        # actor stays one ("NATO Secretary General Mark Rutte" mentions NATO), and so does
        # one named by its kind ("Chinese Foreign Ministry spokesman Lu Kang").
        return None
    if (label == "PERSON" and following is not None and following.text == "-"
            and not ent[-1].whitespace_ and not following.whitespace_
            and ent.end + 1 < len(ent.doc) and ent.doc[ent.end + 1].is_lower):
        return None  # "Liberal Oscar-winner", "Oscar-winning actress": a compound modifier
    if (label == "PERSON" and len(tokens) > 1 and tokens[-1].lower_ in titles()
            and following is not None and following.ent_type_ == "PERSON"):
        return None  # "Charlotte Mayor Jennifer Roberts": the title before a name, no name
    if label == "PERSON":
        doc = ent.doc
        # "Ursula von der" tagged without "Leyen": a name does not end in a particle.
        last = tokens[-1].i
        while (doc[last].lower_ in NAME_PARTICLES and last + 1 < len(doc)
               and doc[last + 1].is_title and doc[last + 1].pos_ == "PROPN"):
            last += 1
            while last + 1 < len(doc) and doc[last].lower_ in NAME_PARTICLES:
                last += 1  # "von der Leyen": particles in a row
        if last != tokens[-1].i:
            tokens.extend(doc[tokens[-1].i + 1:last + 1])
            end = tokens[-1].idx + len(tokens[-1].text)
            surface = _text_between(doc, start, end)
        # "Van der Berg said": the particles before a tagged surname are the name's.
        first = tokens[0].i
        while first > 0 and doc[first - 1].lower_ in NAME_PARTICLES and doc[first - 1].pos_ in (
                "PROPN", "ADP", "X") and not doc[first - 1].ent_type_:
            first -= 1
        if first != tokens[0].i:
            tokens[:0] = list(doc[first:tokens[0].i])
            start = tokens[0].idx
            surface = _text_between(doc, start, end)
        # "Marja Kallio" tagged as just "Kallio": take the untagged given name back.
        first = tokens[0].i
        while (first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title
               and doc[first - 1].lower_ not in titles() and not doc[first - 1].ent_type_
               and doc[first - 1].text not in table("parties")["aliases"]  # "Libertarian"
               and doc[first - 1].head.i in range(first, tokens[-1].i + 1)):
            first -= 1
        if first != tokens[0].i:
            start = doc[first].idx
            surface = _text_between(doc, start, end)
    root = ent.root
    acting = _acts(root)
    role_tokens = [t for t in role_tokens if t.text not in courtesy_sex()]
    role = " ".join(singular_title(t.text) for t in role_tokens) or None
    # "the Houthis": a one-word proper name in the plural, or with "the" and a final s.
    head = tokens[0]
    plural = len(tokens) == 1 and not in_business_list and surface not in _NAMEPLATES and (
        head.tag_ == "NNPS" or (surface.endswith("s") and head.i > 0
                                and head.doc[head.i - 1].lower_ == "the")) and not (
        head.dep_ in ("compound", "nmod") and head.head.i > head.i)  # "the Sanders aide"
    adjectival = (surface in table("parties")["adjectives"]
                  and root.dep_ in ("amod", "compound") and root.head.i >= ent.end)
    pronoun = pronoun_sex(ent) if label == "PERSON" and len(tokens) == 1 else None
    return _Mention(offset + start, offset + end, surface, label, acting, role, plural,
                    courtesy, adjectival, pronoun)


_CODE_WORD = re.compile(r"(?<!\S)(?=[A-Z\d]*\d)(?=[A-Z\d]*[A-Z])[A-Z\d]{2,5}(?!\S)")


@lru_cache(maxsize=1)
def _person_lead_ins() -> frozenset[str]:
    return frozenset(table("noise")["person_lead_in"])


# A number joined by a hyphen to a capitalised word that opens a name: "5-Star", "7-Eleven".
_NUMBER_OPENING = re.compile(r"^\d+-(?=[A-Z])")


def _unnumbered(surface: str, label: str) -> str:
    """ "Brewery Workers Local 12", "G4S Secure Solutions": an organisation's name without
    the number that closes it and its words of capitals and digits (the rest of a name has
    no digits)."""
    rest, _, last = surface.rpartition(" ")
    if label != "ORG":
        return surface
    surface = _NUMBER_OPENING.sub("", surface)  # "5-Star Movement", "7-Eleven"
    if rest and last.isdigit():
        surface = rest
    return _CODE_WORD.sub("", surface) if " " in surface else surface


def _named_with_possessive(ent: Any, tokens: list[Any], label: str) -> bool:
    """ "Bally's", "Macy's said": a business named by one word and a possessive, which
    possesses nothing in the sentence (the name is no possessor: not "Macy's sales"). A
    person's possessive always goes ("unlike Obama's, ...": Obama's plan), and so does a
    longer name's ("the State Department's" is the department's something)."""
    return (label in ("ORG", "FAC") and len(tokens) == 2 and tokens[-1].text in ("'s", "’s")
            and tokens[-1].tag_ == "POS" and tokens[0].is_title
            and ent.root.dep_ != "poss" and not _known_name(tokens[0].text)
            and not (tokens[-1].i + 1 < len(ent.doc)
                     and ent.doc[tokens[-1].i + 1].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")))


def _in_lower_case_sentence(ent: Any, first: int) -> bool:
    """Is the name (from token `first` of `ent`) written in capitals inside prose ("she told
    USA TODAY", "a reporter for the USA TODAY NETWORK"), where capitals are the name's own
    spelling, rather than in a line all in capitals (a headline, a section title)? Prose: a
    word in lower case right before it (or its "the"), and another in its sentence."""
    doc = ent.doc
    at = first - 1 if first and doc[first - 1].lower_ != "the" else first - 2
    before = doc[at] if at >= 0 else None
    if before is None or not (before.is_alpha and before.is_lower) or before.sent != ent.sent:
        return False
    return any(t.is_alpha and t.is_lower for t in ent.sent if t.i < at or t.i >= ent.end)


def _capitalised_the(ent: Any, tokens: list[Any]) -> bool:
    """ "for The Atlantic", "in The Hill": a one-word place name after a capitalised "The"
    within a sentence is a title's (a publication's), unless the place is known by it ("The
    Hague")."""
    if len(tokens) != 1:
        return False
    the = ent.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    return (the is not None and the.text == "The" and not the.is_sent_start
            and not ent.doc[the.i - 1].is_space and ent.doc[the.i - 1].text not in _OPENERS
            and not _known_place(f"The {tokens[0].text}") and not _known_place(tokens[0].text))


def _is_country(name: str) -> bool:
    return name in countries() or table("places")["aliases"].get(name) in countries()


def _country_pair(ent: Any, offset: int) -> list[_Mention]:
    """ "the U.S.-Mexico border", "US-China talks", "the Asia-Europe route": two countries
    or known regions joined by a hyphen (no space) are two mentions, not one organisation or
    place."""
    if " " in ent.text or ent.text.count("-") != 1 or _known_place(ent.text):
        return []  # ("Guinea-Bissau" is one country)
    first, second = ent.text.split("-")
    if not ((_is_country(first) and _is_country(second)) or (
            _known_place(first) and _known_place(second))):
        return []
    start = offset + ent.start_char
    return [_Mention(start, start + len(first), first, "GPE", False),
            _Mention(start + len(first) + 1, start + len(ent.text), second, "GPE", False)]


def _agency_in_a_clause(ent: Any, surface: str) -> bool:
    """ "when contacted by Reuters", "Reuters reported": a news agency the sentence names
    as a party, unlike a credit ("Photo: Reuters", "REUTERS/Jane Roe") with no verb."""
    if table("places")["aliases"].get(surface) != surface:
        return False
    doc = ent.doc
    if (ent.start > 0 and doc[ent.start - 1].text in (":", "/", "©")) or (
            ent.end < len(doc) and doc[ent.end].text in ("/", ":")):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in ent.root.ancestors)


def _only_possessed(word: str, text: str) -> bool:
    """ "Dick's Sporting Goods", "McDonald's Corporation": a possessor the text never names
    but before a possessive is part of a company's name, not an actor owning it."""
    return not re.search(rf"(?<![\w'’-]){re.escape(word)}(?!['’‘]s\b|[\w'’-])", text)


# Plural nouns that own the rest of a name: "People's Republic", "Children's Hospital".
_POSSESSING_NOUNS = {"people", "children", "women", "men", "workers", "citizens", "veterans",
                     "farmers", "nations", "peoples"}


# The model's labels for named things that are no actor: a name inside one is no mention.
_NAMED_THINGS = {"WORK_OF_ART", "EVENT", "LAW"}


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
_OPENERS = {'"', "“", "‘", "'", "(", "[", "-", "—", "–"}


_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,60})[\"”“]")  # (“...“: a mistyped closing mark)
_QUOTED_TWICE = re.compile(r"''([^\"“”'\n]{2,60})''")  # ''Aunt Tom'': older NYT quotation marks


def _in_quoted_title(line: str, start: int, end: int, person: bool = False) -> bool:
    """ "Fiorina told "Fox and Friends,"": a title-cased phrase in quotation marks names a
    show, book or slogan; its words are no actors (a quoted sentence, "Trump is wrong",
    keeps its names). A quoted name alone is one ("The Wall Street Journal"), unless the
    model took it for a `person` that has no given name ("Squawk Box")."""
    if '"' not in line and "“" not in line and "''" not in line:
        return False
    for quoted in (*_QUOTED.finditer(line), *_QUOTED_TWICE.finditer(line)):
        if quoted.start(1) <= start and end <= quoted.end(1):
            if _LEADING.sub("", quoted.group(1).strip(" ,.")) == line[start:end]:
                return person and " " in line[start:end] and not _looks_personal(
                    line[start:end])
            words = _HEADLINE_WORD.findall(quoted.group(1))
            return len(words) >= 2 and all(
                w[:1].isupper() for w in words if w.lower() not in _TITLE_SMALL_WORDS)
    return False


def _common_word(ent: Any, mention: _Mention, text: str, lower_words: set[str]) -> bool:
    """ "Scholars have long debated...", "Battleground states": one capitalised word opening
    a sentence that the text also writes in lower case is a common word, not a name (unless
    a table knows it)."""
    surface = mention.surface
    if " " in surface or not surface.isalpha() or not surface[1:].islower():
        return False
    first = ent.doc[ent.start]
    opening = first.is_sent_start or first.i == 0 or ent.doc[first.i - 1].text in _OPENERS or (
        ent.doc[first.i - 1].text == ":") or (  # "AP-GfK Poll: Voters Sour on ..."
        ent.doc[first.i - 1].text in _LAYOUT_MARKS)  # "• Partners include ...": a list's item
    if not opening or _known_name(surface) or surface in table("parties")["aliases"]:
        return False
    if (len(ent) == 1 and first.tag_ not in ("NNP", "NNPS") and first.dep_ not in _ACTING_DEPS
            and text.count(surface) == 1):
        # "Halfway into the season", "Wholesale gasoline futures rose": a word the tagger
        # calls no proper noun, that acts in nothing and is not written again (not "Target
        # said ...", a company the tagger took for a noun).
        return True
    if not lower_words:
        lower_words.update(_LOWER_WORD.findall(text))
    return surface.lower() in lower_words


def _text_between(doc: Any, start: int, end: int) -> str:
    """doc.text[start:end] without rebuilding the whole Doc's text (as doc.text does)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text[start - span.start_char:end - span.start_char]


def _opens_a_question(token: Any) -> bool:
    """ "Will", "Does", "Can" opening a sentence that ends in a question mark: the verb of a
    question, which the model may read as a given name ("Will Zambia ask again?")."""
    sentence = token.sent
    return (token.i == sentence.start and (token.tag_ == "MD" or token.pos_ == "AUX")
            and sentence[-1].text == "?")


def _one_name(tokens: list[Any]) -> bool:
    """ "Francis", "Charles III", "Abdullah II": a single name, with a numeral at most."""
    words = [t.text for t in tokens if t.text not in name_suffixes()]
    return len(words) == 1


def _glued_words(surface: str) -> bool:
    """ "Jon StraussCinematography": two words run together by a lost line break (a credit),
    not a name like "McCain", "DeSantis" or "MacArthur" (a short prefix before the capital)."""
    return any(re.search(r"[a-z]{4,}[A-Z][a-z]", word) for word in surface.split())


_PLACE_DESIGNATORS = {"State", "Province", "Region", "County", "District", "Oblast", "Island",
                      "Islands", "Atoll", "Governorate", "Prefecture", "Territory", "Strait", "Sea",
                      "Gulf", "Peninsula", "Valley", "Mountains", "River", "Basin",
                      "Airport", "Airbase", "Base", "Port", "Harbour", "Harbor", "Bridge",
                      "Canal", "Square", "Dam"}

# Places named after a person ("Franklin Delano Roosevelt Park"): with a full name before
# them, these words make a place ("Todd Park" alone may be a person).
_NAMED_AFTER_PERSON = {"Park", "Plaza", "Stadium", "Arena", "Memorial", "Boulevard", "Field",
                       "Highway", "Parkway", "Expressway"}

# Words that end a title written before a name: what precedes them is the role, not an actor.
_ROLE_HEADS = {"minister", "secretary", "spokesperson", "spokesman", "spokeswoman",
               "ambassador", "envoy", "director", "chief", "chairman", "chairwoman",
               "commissioner", "undersecretary", "adviser", "advisor"}

# Nouns through which a capital acts: "officials in Bamako", "the government in Niamey".
# (Not "embassy": "the Russian embassy in Helsinki" is Russia's, not Finland's.)
_GOVERNMENT_NOUNS = {"official", "government", "authority", "diplomat", "ministry", "regime",
                     "administration", "leadership", "junta"}


def _acts(root: Any) -> bool:
    """Is this mention an actor doing something (subject, agent, possessor, 'officials
    in X'), rather than a place where something happens?"""
    if root.dep_ == "conj":
        root = root.head if root.head.dep_ != "conj" else root.head.head
    contexts = table("places")["capital_contexts"]
    if root.dep_ == "poss" and root.head.lemma_.lower() in contexts["city"]:
        return False  # "London's mayor" is the city's
    if root.dep_ in _ACTING_DEPS:
        return True
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ == "by" and prep.dep_ == "agent":
            return True
        if prep.lower_ in ("in", "from") and prep.head.lemma_.lower() in _GOVERNMENT_NOUNS:
            return True
        through = contexts["through"]
        if prep.lower_ in ("from", "with", "to") and (prep.head.lemma_.lower() in through or any(
                c.dep_ == "dobj" and c.lemma_.lower() in through for c in prep.head.children)):
            return True  # "relations with Washington", "(drew) criticism from Berlin"
    return False


_COURTESY = re.compile(r"^(?:MR|MS|MRS|DR|Mr|Ms|Mrs|Dr)\.?\s+")


def _turn_mention(block: Any) -> _Mention | None:
    """A transcript label names a person speaking: "MR. MILLER:" is a mention of Miller."""
    if block.turn is None or block.is_question or block.is_answer:
        return None
    label, start, end = block.turn
    courtesy = _COURTESY.match(label)
    name = label[courtesy.end():] if courtesy else label
    words = name.split()
    while len(words) > 1 and words[0].lower() in titles():
        words = words[1:]  # "SECRETARY BLINKEN" -> "BLINKEN"
    if not words or words[-1].lower() in titles():
        return None
    surface = " ".join(w if not w.isupper() else w.capitalize() for w in words)
    name_start = start + label.rfind(words[0])
    return _Mention(name_start, end, surface, "PERSON", True)


def _known_name(surface: str) -> bool:
    places = table("places")
    return (surface in places["aliases"] or surface in places["demonyms"]
            or surface in countries())


def _canonical(mention: _Mention) -> tuple[str, str]:
    """(name, type) of the actor a cleaned mention refers to, before person merging."""
    places = table("places")
    surface = mention.surface
    if surface in places["aliases"]:
        name = places["aliases"][surface]
        return name, "country" if name in countries() else "organisation"
    parties = table("parties")["aliases"]
    if surface in parties and mention.label in ("NORP", "ORG", "GPE", "PERSON"):
        return parties[surface], "organisation"
    states = places["us_states"]
    if mention.label == "GPE" and surface in states and states[surface] != surface:
        return states[surface], "place"  # "Fla.", "N.Y.", "Vt" (its dot read as a full stop)
    if mention.label == "GPE" and surface not in states and f"{surface}." in states:
        return states[f"{surface}."], "place"  # "(R-Tex)": the abbreviation's dot left out
    if surface.startswith("State of ") and surface[len("State of "):] in states:
        return states[surface[len("State of "):]], "place"  # "a loan from the State of Virginia"
    if surface in places["demonyms"] and mention.label in ("NORP", "GPE", "ORG", "PERSON"):
        return places["demonyms"][surface], "country"
    if surface in places["regions"] and mention.label in ("NORP", "GPE", "LOC"):
        return places["regions"][surface], "place"
    if surface in places["regions"].values():
        return surface, "place"  # "Indo-Pacific" tagged as an organisation is still a region
    if surface in places["capitals"] and mention.acting:
        return places["capitals"][surface], "country"
    if surface in countries():
        return surface, "country"
    if surface in places["capitals"]:
        return surface, "place"  # a capital that does not act is where something happens
    kind = _LABEL_TYPES[mention.label]
    if kind == "person" or "-" in surface.split(" ")[0]:
        # "Von der Leyen" / "Al-Shabaab" opening a sentence are "von der Leyen" and
        # "al-Shabaab" (so they join the same names written mid-sentence); "Al Jazeera",
        # a name that is always capitalised, stays as it is.
        surface = _lower_particle(surface)
    if mention.plural and kind in ("person", "organisation"):
        return surface, "group"
    words = surface.split()
    if kind != "group" and _adjective_state(words):
        kind = "organisation"  # "Islamic State": no place's name
    elif (kind in ("person", "organisation") and (words[-1] in _PLACE_DESIGNATORS or (
            len(words) >= 3 and words[-1] in _NAMED_AFTER_PERSON))
          and not any(w in _ORGANISATION_WORDS for w in words)):
        # "Rakhine State", "Donetsk Oblast": a place, whatever NER said (not "Hofstra
        # University on Long Island")
        kind = "place"
    elif kind in ("place", "person") and " " in surface and surface.split()[-1] in _NAMEPLATES:
        kind = "organisation"  # "Arizona Republic", "Chicago Tribune": a newspaper
    elif kind == "place" and (_DOTTED_ACRONYM.fullmatch(surface)
                              or _organisation_with_place_words(words)):
        # "I.R.S.": a place's abbreviation is known ("N.Y.", "D.C."); "RT America",
        # "Hofstra University on Long Island": an organisation named with a place.
        kind = "organisation"
    elif kind != "person" and _looks_personal(surface):
        kind = "person"  # "Carly Fiorina" tagged as an organisation
    elif (kind == "person" and len(words) > 1 and len(words[0]) >= 3 and words[0].isalpha()
          and words[0].isupper() and not surface.isupper() and mention.courtesy is None):
        kind = "organisation"  # "ERT Kefalonia": an outlet's initials (not "J.R. Smith")
    elif kind == "person" and " " in surface and (words[-1] in _NEVER_SURNAMES or (
            words[-1].endswith("s") and words[-1] in table("parties")["aliases"])):
        # "Donald J. Trump Foundation", "Log Cabin Republicans" tagged as a person
        kind = "organisation"
    return surface, kind


def _adjective_state(words: list[str]) -> bool:
    """ "Islamic State": "State" after an adjective, not after a place's name ("Rakhine
    State", "Washington State")."""
    return (len(words) == 2 and words[1] == "State" and words[0].endswith("ic")
            and not _known_place(words[0]))


def _known_place(name: str) -> bool:
    places = table("places")
    return (name in countries() or name in places["capitals"] or name in places["us_states"]
            or name in places["regions"] or name in places["regions"].values()
            or name in places["aliases"])


# Words of an organisation's name that no place's name holds: a place-tagged name with one
# is the organisation ("Center for Strategic and International Studies", "District of
# Columbia Circuit"); "Center" only before "for"/"of" ("Boston Center" may be a place).
_ORGANISATION_WORDS = {"University", "College", "Institute", "Foundation", "Committee",
                       "Council", "Agency", "Association", "Society", "Corporation", "Company",
                       "Circuit", "Commission", "Department", "Ministry", "Studies"}
_ACRONYM = re.compile(r"[A-Z]{2,4}")


def _organisation_with_place_words(words: list[str]) -> bool:
    """ "RT America", "BBC America": an acronym that is no place's before a known place;
    or a word only organisations' names hold."""
    if (len(words) >= 2 and _ACRONYM.fullmatch(words[0]) and not _known_place(words[0])
            and _known_place(" ".join(words[1:]))):
        return True
    return any(w in _ORGANISATION_WORDS or (
        w in ("Center", "Centre") and i + 1 < len(words) and words[i + 1] in ("for", "of"))
        for i, w in enumerate(words))


# Designators that end an organisation's name and never a person's ("Hall", "Press" may).
_NEVER_SURNAMES = {"University", "College", "Institute", "Foundation", "Company", "Corporation",
                   "Inc.", "Party", "Committee", "Association", "Society", "Fund", "Hospital",
                   "Center", "Centre", "Council", "Coalition", "Alliance", "Agency", "Network",
                   "Group", "Project", "Museum", "Library", "Energy", "Mining", "Industries",
                   "Enterprises", "Technologies", "Airlines", "Motors", "Pharmaceuticals",
                   "Holdings", "Resources", "Fuels", "Coal", "Petroleum", "Logistics",
                   "Systems", "Solutions", "Ventures", "Symposium", "Conference", "Summit",
                   "Strategies", "Associates", "Consulting", "Communications"}


# Last words of newspapers' names: "the Arizona Republic" is no place (a country's name,
# "Czech Republic", is known before this is asked).
_NAMEPLATES = {"Times", "Post", "Journal", "Tribune", "Herald", "Gazette", "Chronicle",
               "Inquirer", "Enquirer", "Observer", "Examiner", "Sentinel", "Dispatch",
               "Courier", "Register", "Bulletin", "Republic", "Ledger", "Star-Ledger"}


def _could_be_personal(name: str) -> bool:
    """Two or three capitalised words, none an organisation's or place's designator."""
    words = name.split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
            and words[0].replace("-", "").isalpha() and words[-1].replace("-", "").isalpha()
            and not any(_acronym_word(w) for w in words)  # "RT America", "Virginia AFL-CIO"
            and not any(w in _ORG_DESIGNATORS or w in _PLACE_DESIGNATORS or w in _NAMEPLATES
                        or w in _NEVER_SURNAMES or w.lower() in _institution_nouns()
                        for w in words)
            and not _known_name(name))


@lru_cache(maxsize=1)
def _institution_nouns() -> frozenset[str]:
    """ "court", "department", "guard", "union": nouns that head institutions' names."""
    speakers = table("speakers")
    return frozenset(speakers["nominal_named_organisations"]) | frozenset(
        speakers["nominal_organisations"]) | _EXTRA_INSTITUTION_NOUNS


_EXTRA_INSTITUTION_NOUNS = frozenset({
    "guard", "house", "senate", "congress", "navy", "force", "corps", "mall", "inc", "show",
    "education", "school", "church", "club", "team", "league", "network", "studio", "press",
    "healthcare", "health", "media", "care", "services", "review", "magazine",
    # a company's part: "Minera Esperanza, a unit of Corvel Metals"
    "unit", "subsidiary", "division", "affiliate"})


_ORG_DESIGNATORS = {"University", "College", "School", "Institute", "Foundation", "Center",
                    "Centre", "Group", "Company", "Co.", "Corp.", "Corporation", "Inc.",
                    "Party", "Fund", "Network", "News", "Post", "Times", "Journal", "Radio",
                    "Agency", "Bank", "Council", "Committee", "Association", "Society", "Club",
                    "Church", "Street", "Avenue", "Hospital", "Reports", "Report", "Media",
                    "Press", "Tribune", "Herald", "Channel", "Coalition", "Alliance", "Project",
                    "Trust", "Partners", "Capital", "Holdings", "Museum", "Library", "Hall"}


_INITIAL = re.compile(r"[A-Z]\.")
_STANCE_PREFIX = re.compile(r"(?:Pro|Anti|Non|Never)-", re.IGNORECASE)
_CONTRACTION = re.compile(r"['’](?:d|ll|m|ve|re)$")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){3,}")


def _acronym_word(word: str) -> bool:
    """ "AFL-CIO", "RT", "U.N.": a word in capitals, which no personal name is."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _looks_personal(surface: str) -> bool:
    """A common given name and a capitalised surname ("Carly Fiorina", "Sean Hannity",
    "Jean-Marc Ayrault"), or a given name, a middle initial and a surname ("Vann R. Newkirk")."""
    words = core_words(surface)
    given = words[0] in given_names() or (
        "-" in words[0] and all(p in given_names() for p in words[0].split("-")))
    initialled = (len(words) == 3 and bool(_INITIAL.fullmatch(words[1]))
                  and words[0].isalpha() and len(words[0]) > 1 and words[0][:1].isupper())
    return (2 <= len(words) <= 3 and (given or initialled)
            and words[-1][:1].isupper() and not _acronym_word(words[-1])  # "Virginia AFL-CIO"
            and words[-1] not in _ORG_DESIGNATORS
            and words[-1] not in _NEVER_SURNAMES and words[-1] not in _PLACE_DESIGNATORS
            and surface not in table("places")["us_states"])


def find_actors(parsed: Iterable[tuple[Any, Any]], text: str) -> list[Actor]:
    """Canonical actors of `text` from (block, spaCy Doc) pairs (see pipeline.parse)."""
    mentions: list[tuple[_Mention, str, str]] = []
    roles: dict[str, str] = {}
    outlets: set[str] = set()  # names of media the model may take for persons
    pollsters: set[str] = set()
    subjects: set[str] = set()  # names of persons the subject of a verb
    lower_words: set[str] = set()  # filled on first need
    titles_spans: list[tuple[int, int]] = []  # works, events, laws: no actor's mention
    org_sites: dict[str, set[str]] = {}  # how each organisation's mentions name a site
    placed: set[str] = set()  # names a context makes a place's ("the Ouaddai region")
    for block, doc in parsed:
        line = text[block.start:block.start + len(block.text)]
        found = _line_mentions(block, line)
        if _is_headline(line) or is_title_line(line):
            mentions.extend((m, *_canonical(m)) for m in found)
            for mention in _headline_credit(doc, line, block.start):
                mentions.append((mention, *_canonical(mention)))
                role = valid_role(mention.role)
                if role:
                    roles.setdefault(mentions[-1][1], role)
            continue  # "Trump Says He Is Unlikely To...": known names are matched later
        ents = list(doc.ents)  # built anew on every access: once per block
        titles_spans.extend((block.start + e.start_char, block.start + e.end_char)
                            for e in ents if e.label_ in _NAMED_THINGS)
        found.extend(_list_mentions(doc, block.text, ents, block.start, found))
        for mention in found:
            mentions.append((mention, *_canonical(mention)))
        covered_until = -1  # a person name extended over the next entity ("Leyen") owns it
        retagged = _retagged(doc, ents)
        for ent in sorted(retagged + _untagged_persons(doc, retagged)
                          + _untagged_known_organisations(doc, retagged)
                          + _untagged_bodies(doc, retagged)
                          + _untagged_speakers(doc, retagged, text)
                          + _untagged_known_places(doc, retagged),
                          key=lambda e: e.start):
            if ent.label_ not in ACTOR_LABELS:
                continue
            pair = _country_pair(ent, block.start)
            if pair:
                mentions.extend((m, *_canonical(m)) for m in pair)
                continue
            mention = _clean(ent, block.start, text)
            if mention is None or mention.start < covered_until or any(
                    m.start < mention.end and mention.start < m.end for m in found):
                continue
            person_tagged = ent.label_ == "PERSON"
            if _common_word(ent, mention, text, lower_words) or _in_quoted_title(
                    line, mention.start - block.start, mention.end - block.start,
                    person_tagged) or (person_tagged and _programme(ent)
                                       and not _looks_personal(mention.surface)) or (
                    ent.label_ == "ORG" and _ends_a_law_title(ent)) or _names_a_law(
                    mention.surface):
                continue
            covered_until = mention.end
            name, kind = _canonical(mention)
            if " " in name and _on_outlet(ent) and not _looks_personal(name):
                outlets.add(name)  # "a comparison done on Zero Hedge": a medium
            if " " not in name and kind in ("person", "place") and not _known_place(
                    name) and _modifies(ent, "poll_nouns"):  # (not "the Iowa poll")
                pollsters.add(name)  # "the Rasmussen poll": a pollster
            elif kind == "person" and ent.root.dep_ == "nsubj":
                subjects.add(name)
            elif kind == "place" and not _known_place(name) and (
                    _modifies(ent, "company_nouns") or "&" in name
                    or (" " not in name and _on_outlet(ent))
                    or (" " not in name and _speaks(ent.root)
                        and not _written_as_surname(name, text))
                    or (" " in name and name.split()[-1] in _kind_words(
                        "company_designators"))):
                # "the Netflix thriller", "AT&T", "on Netflix", "a deal with Great Lakes
                # Beverage", "Fortum said" (no place): a business
                kind = "organisation"
            if (kind == "organisation" or (kind == "place" and not _known_place(name))) and (
                    _could_be_personal(name)) and (names_a_person(
                    role_from_context(ent, person=False)) or named_by_relation(ent)
                    or _ist_before(ent) or names_a_person(shared_plural_title(ent))):
                # "Lester Holt, anchor of ...", "the moderator, Lester Holt of NBC News",
                # "the prohibitionist Carry Nation": a person, whatever NER said
                kind = "person"
            elif kind == "person" and _names_an_organisation(ent):
                kind = "organisation"  # "Latino Decisions, a public opinion research group"
            elif kind in ("organisation", "place") and _could_be_personal(name) and (
                    _in_wire_credit(line, mention.start - block.start)):
                kind = "person"  # "(Editing by Raju Gopalakrishnan and Lincoln Feast)"
            elif kind in ("person", "organisation") and " " not in name and (
                    _apposed_settlement(ent)):
                kind = "place"  # "Wilmington, the state's biggest city"
            elif (kind in ("place", "organisation") and " " not in name
                  and not _known_place(name) and (named_by_relation(ent) or (
                      name in given_names() and _listed_with_person(ent))
                      or _said_of_a_person(ent))):
                # "his wife, Melania,", "Bill, Hillary, and Chelsea", "Romney said he
                # would": a person, whatever NER said
                kind = "person"
            if kind in ("organisation", "person", "place") and not _known_name(name) and (
                    _place_by_context(ent)):
                kind = "place"  # "the mayor of Limni-Rovies-Agia", "the Ouaddai region"
                placed.add(name)
            mentions.append((mention, name, kind))
            if kind == "organisation":
                org_sites.setdefault(name, set()).add(_site_of(ent))
            elif kind == "place":
                org_sites.setdefault(name, set()).add("place")
            if kind == "person":
                role = valid_role(mention.role) or valid_role(role_from_context(ent))
                if role and all(w.lower() in NAME_PARTICLES for w in role.split()):
                    role = None  # "Van der" before "Berg" is the name's, not a title
                if role and name not in roles:
                    roles[name] = role
            elif kind == "organisation" and name not in roles:
                role = valid_role(role_from_context(ent, person=False))
                if role and not said_of_people(role):
                    roles[name] = role
    # A medium or pollster the model also took for a person ("Zero Hedge asked") is one
    # still (but not a person's surname, "Scott Rasmussen", nor a pollster that is a
    # person's subject elsewhere: "a Trump poll ..., Trump said").
    pollsters -= subjects | {name.split()[-1] for _, name, kind in mentions
                             if kind == "person" and " " in name and name not in outlets}
    # "its plant in Cork", "the Cork plant", "two properties in Annapolis", tagged as an
    # organisation: a one-word name that is only ever where a site is (or a place where
    # tagged as one) is a place's.
    sited = {name for name, sites in org_sites.items()
             if "" not in sites and sites & {"in", "place"}}
    if sited or placed:
        # (and a name once written as a place's, "the Ouaddai region", is no organisation
        # where the model tags it one: "water in Ouaddai")
        # (A courtesy title says a person: "Mr. Kermani" of a surname tagged a place.)
        mentions = [(m, name, "place" if (name in sited and not m.courtesy) or (
            name in placed and kind == "organisation") else kind)
            for m, name, kind in mentions]
    if outlets or pollsters:
        mentions = [(m, name, "organisation" if (name in outlets and kind == "person") or (
            name in pollsters and kind in ("person", "place")) else kind)
            for m, name, kind in mentions]
        for name in outlets | pollsters:
            roles.pop(name, None)
    mentions = _capitals_named_as_cities(mentions, text)
    mentions = _union_seats_acting(mentions)
    # "Ben Blanchard in BEIJING" beside "Beijing": one name, once written in capitals.
    written = {name.lower(): name for _, name, _ in mentions if not name.isupper()}
    mentions = [(m, written[name.lower()], kind) if name.isupper() and name.lower() in written
                else (m, name, kind) for m, name, kind in mentions]
    mentions = _capitals_acting_throughout(mentions, text)
    mentions = _businesses_without_possessive(mentions)
    return _merge(_join_wrapped_names(mentions, roles, text), roles, text, titles_spans)


@lru_cache(maxsize=1)
def _city_contexts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words before ("mayor of ") and after ("'s new mayor") a capital's name that make
    it the city."""
    nouns = "|".join(map(re.escape, table("places")["capital_contexts"]["city"]))
    return (re.compile(rf"\b(?:{nouns}) of $", re.IGNORECASE),
            re.compile(rf"['’]s (?:\w+ )?(?:{nouns})\b", re.IGNORECASE))


def _named_as_city(capital: str, text: str) -> bool:
    """Is `capital` written anywhere as a city ("mayor of London", "London's new mayor")?
    (Each place it is written is read a few words either side, found with str.find: a
    pattern run over the whole text cost a few per cent of the layer on a long text.)"""
    before, after = _city_contexts()
    at = text.find(capital)
    while at >= 0:
        end = at + len(capital)
        if text[end:end + 1].isalnum():
            pass  # "Londonderry" is not London
        elif (text[at - 4:at] == " of " and before.search(text, max(0, at - 40), at)) or (
                text[end:end + 1] in ("'", "’") and after.match(text, end)):
            return True
        at = text.find(capital, end)
    return False


def _capitals_named_as_cities(mentions: list[tuple[_Mention, str, str]], text: str
                              ) -> list[tuple[_Mention, str, str]]:
    """ "mayor of London", "London's new mayor": a capital the text names as a city (its
    mayor, council, police...) is the city throughout, even where it acts ("London has
    proved him wrong", said by its mayor), not its country's government."""
    capitals = table("places")["capitals"]
    acting = {m.surface for m, name, kind in mentions
              if kind == "country" and m.surface in capitals and name != m.surface}
    if not acting:
        return mentions
    cities = {capital for capital in acting if _named_as_city(capital, text)}
    if not cities:
        return mentions
    return [(m, m.surface, "place") if m.surface in cities and kind == "country" else
            (m, name, kind) for m, name, kind in mentions]


def _businesses_without_possessive(mentions: list[tuple[_Mention, str, str]]
                                   ) -> list[tuple[_Mention, str, str]]:
    """ "Harrah’s by 4.3 percent" (the model reads "’s" as "is") beside the business
    "Harrah’s": a one-word name that is an organisation's name without its possessive is
    that organisation."""
    businesses = {_POSSESSIVE.sub("", name): name for _, name, kind in mentions
                  if kind == "organisation" and " " not in name and _POSSESSIVE.search(name)}
    if not businesses:
        return mentions
    return [(m, businesses[name], "organisation") if name in businesses else (m, name, kind)
            for m, name, kind in mentions]


def _named_as_state(capital: str, text: str) -> bool:
    """ "Washington state", "caucuses in Alaska, Hawaii, and Washington": a capital that is
    also a US state's name, written as the state somewhere in the text (then its other
    mentions are no evidence of the government's voice)."""
    states = table("places")["us_states"]
    if capital not in states:
        return False
    others = "|".join(re.escape(s) for s in states if s != capital and "." not in s)
    return re.search(rf"\b{re.escape(capital)} [Ss]tate\b|\b(?:{others}),? (?:and |or )?"
                     rf"{re.escape(capital)}\b", text) is not None


def _capitals_acting_throughout(mentions: list[tuple[_Mention, str, str]], text: str
                                ) -> list[tuple[_Mention, str, str]]:
    """ "Beijing said it would retaliate ... (Reporting by Ben Blanchard in BEIJING)",
    "Mexico's ambassador to Washington ... the Mexican Embassy in Washington": a capital
    the text uses as its government's voice is the country in its other mentions too (one
    sense a text; a capital the text names as a city is the city throughout instead, see
    _capitals_named_as_cities). A text where it never acts keeps the city."""
    capitals = table("places")["capitals"]
    acting = {m.surface.lower(): name for m, name, kind in mentions
              if kind == "country" and m.surface in capitals and name != m.surface}
    if not acting:
        return mentions
    states = {capital for capital in acting if _named_as_state(capital.title(), text)}
    if states:  # (the state throughout: "wins in Alaska, Hawaii, and Washington")
        mentions = [(m, m.surface, "place") if m.surface.lower() in states else
                    (m, name, kind) for m, name, kind in mentions]
        acting = {capital: name for capital, name in acting.items() if capital not in states}
    return [(m, acting[name.lower()], "country")  # (also when written in capitals)
            if kind == "place" and name.lower() in acting else (m, name, kind)
            for m, name, kind in mentions]


def _place_by_context(ent: Any) -> bool:
    """ "the mayor of X", "the town of X", "the X region", "the border at X": words around
    the name that make it a place's (actor_kinds.toml place_of_nouns, place_after_nouns,
    place_at_nouns)."""
    doc = ent.doc
    if ent.start > 1 and doc[ent.start - 1].lower_ == "of" and (
            doc[ent.start - 2].lower_ in _kind_words("place_of_nouns")):
        return True
    root = ent.root
    if (len(ent) == 1 and root.dep_ == "pobj" and root.head.i == ent.start - 1
            and root.head.lower_ in _PLACE_PREPOSITIONS | {"around", "across"}
            and root.head.head.lower_ in _kind_words("place_at_nouns")):
        return True  # "the border at Koufroun", "camps around Koufroun"
    after = doc[ent.end] if ent.end < len(doc) else None
    return (after is not None and after.is_lower and after.lower_ in _kind_words(
        "place_after_nouns") and ent.root.head.i == after.i)


def _union_seats_acting(mentions: list[tuple[_Mention, str, str]]
                        ) -> list[tuple[_Mention, str, str]]:
    """ "despite objections from Brussels": a union's seat (places.toml union_seats) where
    it acts is the union's institution the text names most (then first; "the Commission"
    counts for the European Commission), or the union itself, never its host country."""
    seats = table("places")["union_seats"]
    acting = {m.surface for m, _, kind in mentions if kind == "country" and m.surface in seats}
    if not acting:
        return mentions
    chosen = {}
    for seat in acting:
        bodies = seats[seat]
        named = [(m.start, body) for m, name, _ in mentions for body in bodies
                 if name == body or name == body.split()[-1]]
        counts = {body: sum(1 for _, b in named if b == body) for _, body in named}
        first = {body: min(at for at, b in named if b == body) for body in counts}
        chosen[seat] = max(counts, key=lambda b: (counts[b], -first[b])) if counts else bodies[0]
    return [(m, chosen[m.surface], "organisation")
            if kind == "country" and m.surface in chosen else (m, name, kind)
            for m, name, kind in mentions]


@lru_cache(maxsize=8)
def _kind_words(key: str) -> frozenset[str]:
    """A list of actor_kinds.toml: words around a name that say its kind."""
    return frozenset(table("actor_kinds")[key])


def _on_outlet(ent: Any) -> bool:
    """ "a comparison done on Zero Hedge", "posted on Red State Watcher": a name after "on"
    with a verb or noun of saying or publishing names a medium."""
    root = ent.root
    return (root.dep_ == "pobj" and root.head.lower_ == "on"
            and root.head.head.lemma_.lower() in _kind_words("on_outlet"))


def _said_of_a_person(ent: Any) -> bool:
    """ "Romney said he would run": the subject of a verb whose reported clause has "he" or
    "she" as its subject is a person (an organisation says "it"); not where the verb has an
    object the pronoun may stand for ("Google told the engineer he was fired")."""
    root = ent.root
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
        return False
    return any(t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")
               and t.head.dep_ == "ccomp" and t.head.head.i == verb.i for t in verb.subtree)


def _listed_with_person(ent: Any) -> bool:
    """ "Bill, Hillary, and Chelsea": the name is listed (conjoined) with a person's name."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    listed = [first, *(t for t in first.subtree if t.dep_ == "conj")]
    return any(t.ent_type_ == "PERSON" for t in listed if not ent.start <= t.i < ent.end)


# A wire story's closing credit: "(Additional reporting by A, B and C in Singapore; Editing
# by D and E)": the names credited (up to a place after "in", a ";" or the bracket).
_WIRE_CREDIT = re.compile(
    r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Rr]esearch) by ([^;)\n]+)")


def _in_wire_credit(line: str, start: int) -> bool:
    """Does the name at `start` of `line` stand in a wire credit's list of people (not
    after "in", where the credit says where they work)?"""
    return any(credit.start(1) <= start < credit.end(1)
               and not line[max(0, start - 3):start] == "in "
               for credit in _WIRE_CREDIT.finditer(line))


def _apposed_settlement(ent: Any) -> bool:
    """ "Wilmington, the state's biggest city": a settlement's noun (actor_kinds.toml) stands
    in apposition to the name."""
    return any(child.dep_ == "appos" and child.i >= ent.end
               and child.lower_ in _kind_words("settlement_nouns")
               for child in ent.root.children)


def _listed_with_organisations(ent: Any) -> bool:
    """ "Metlife, Microsoft, Motorola, Walgreens and UPS": the name is listed (conjoined)
    with at least two names tagged as organisations, and with no person's."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    others = [t.ent_type_ for t in (first, *(t for t in first.subtree if t.dep_ == "conj"))
              if not ent.start <= t.i < ent.end]
    return others.count("ORG") >= 2 and "PERSON" not in others


def _site_of(ent: Any) -> str:
    """ "in" for "its plant in Cork", "modifier" for "the Cork plant": a one-word name
    (not an acronym) that says where a site (actor_kinds.toml's site_nouns) is; "" when the
    name does anything else."""
    root, sites = ent.root, _kind_words("site_nouns")
    if len(ent) != 1 or not ent.text.istitle():
        return ""
    if root.dep_ in ("compound", "nmod") and root.head.i >= ent.end and (
            root.head.lower_ in sites):
        return "modifier"
    preposition = root.head
    if (root.dep_ == "pobj" and preposition.lower_ == "in"
            and preposition.head.lower_ in sites and ent.start > 0
            and ent.doc[ent.start - 1].i == preposition.i):  # (not "in the Navy")
        return "in"
    return ""


def _modifies(ent: Any, nouns: str) -> bool:
    """ "the Netflix thriller", "the Rasmussen poll": the name modifies one of a list of
    actor_kinds.toml's nouns (by the parse, or as the noun that ends the phrase right after
    it and its adjectives: "the Netflix serial thriller")."""
    root, doc, words = ent.root, ent.doc, _kind_words(nouns)
    if root.dep_ in ("compound", "nmod", "amod") and root.head.i >= ent.end and (
            root.head.lower_ in words):
        return True
    for token in doc[ent.end:ent.end + 3]:
        if token.lower_ in words:  # the phrase's head ("a Los Angeles movie theater": no)
            return token.i + 1 >= len(doc) or doc[token.i + 1].pos_ not in ("NOUN", "PROPN")
        if token.pos_ != "ADJ" or not token.is_lower:
            return False  # (not "the Trump campaign poll")
    return False


_TITLE_LINKS = {"to", "of", "the", "on", "for", "against", "and"}


def _ends_a_law_title(ent: Any) -> bool:
    """ "the Status of Refugees" of "Convention Relating to the Status of Refugees": the
    words before the name, capitalised or linking, run back to a law's noun over a
    capitalised word that is neither ("Relating"), so the name ends the law's title."""
    doc = ent.doc
    linked = False
    for token in reversed(doc[max(0, ent.start - 5):ent.start]):
        if token.text in _kind_words("law_nouns"):
            return linked
        if token.lower_ in _TITLE_LINKS:
            continue
        if not token.is_title:
            return False
        linked = True
    return False


# Last words of a law's or a treaty's own name (of actor_kinds.toml's law_nouns, those that
# end no body's or gathering's name: not "Convention", "Charter", "Resolution", "Law").
_LAW_ENDS = {"Act", "Treaty", "Protocol", "Covenant", "Agreement", "Accord", "Statute"}


def _names_a_law(surface: str) -> bool:
    """ "the Affordable Care Act", "the North American Free Trade Agreement": a law or a
    treaty the model tagged as an organisation is no actor (laws are not listed)."""
    words = surface.split()
    return len(words) >= 2 and words[-1] in _LAW_ENDS


def _programme(ent: Any) -> bool:
    """ "CNBC's "Squawk Box" program", "an interview on CNBC's Squawk Box": a name a
    programme noun follows or comes right before, or an organisation's own after "on", is
    a programme's."""
    doc = ent.doc
    after = ent.end + (1 if ent.end < len(doc) and doc[ent.end].is_quote else 0)
    if after < len(doc) and doc[after].lower_ in _kind_words("programme_nouns"):
        return True
    named = doc[ent.start - 1] if ent.start > 0 else None
    if (named is not None and named.pos_ == "NOUN"
            and named.lower_ in _kind_words("programme_nouns")):
        return True  # "on radio show Penny's Playlist": the show's name, written after it
    before = ent.start - (1 if ent.start > 0 and doc[ent.start - 1].is_quote else 0)
    owned = (before > 1 and doc[before - 1].tag_ == "POS"
             and doc[before - 2].ent_type_ == "ORG")
    return owned and _on_outlet(ent)


_WRAP = re.compile(r"[ \t]*\n[ \t]*")


def _join_wrapped_names(mentions: list[tuple[_Mention, str, str]], roles: dict[str, str],
                        text: str) -> list[tuple[_Mention, str, str]]:
    """ "Vladimir" at a line's end and "Putin" opening the next line of the same paragraph:
    one person, named "Vladimir Putin" (each line keeps its own mention)."""
    ordered = sorted(mentions, key=lambda m: m[0].start)
    for (first, name_a, kind_a), (second, name_b, kind_b) in zip(ordered, ordered[1:],
                                                                 strict=False):
        gap = text[first.end:second.start]
        if (_WRAP.fullmatch(gap) and " " not in name_a and " " not in name_b
                and "person" in (kind_a, kind_b) and name_a[:1].isupper()
                and name_b[:1].isupper() and kind_a not in ("country", "place")):
            full = f"{name_a} {name_b}"
            role = roles.get(name_a) or roles.get(name_b)
            if role:
                roles.setdefault(full, role)
            for i, (mention, _, _) in enumerate(mentions):
                if mention is first or mention is second:
                    mentions[i] = (mention, full, "person")
    return mentions


_ITEM = r"(?:the )?[A-Z][\w.&'’-]*(?: (?:of|the|for|de|[A-Z][\w.&'’-]*)){0,5}"
_SEPARATOR = re.compile(r",? (?:and|or|nor) |, ")
_LIST = re.compile(rf"(?<![\w.]){_ITEM}(?:(?:,? (?:and|or|nor) |, ){_ITEM}){{2,}}")


def _list_mentions(doc: Any, line: str, ents: list[Any], offset: int,
                   known: list[_Mention]) -> list[_Mention]:
    """Names in a list whose other items the model tagged alike: "ColorOfChange.org, MPower
    Change, Emerge USA, Bend the Arc and Demand Progress" are all organisations once most
    are; "Obama and Panetta and Biden" all persons. Items run together into one entity
    ("MPower Change, Emerge USA") are taken apart."""
    found: list[_Mention] = []
    for match in _LIST.finditer(line):
        after = doc.char_span(match.end() + 1, match.end() + 2, alignment_mode="expand")
        if (re.match(r" [a-z]", line[match.end():match.end() + 2]) and after is not None
                and after[0].pos_ == "NOUN"):
            continue  # "the Healthcare, Education and Crime subcommittee": a modifier
        items, at = [], match.start()
        for part in _SEPARATOR.split(match.group()):
            at = line.index(part, at)
            items.append((at, at + len(part)))
            at += len(part)
        votes: dict[str, int] = {}
        tagged: dict[int, Any] = {}
        inside = [e for e in ents if e.start_char < match.end() and match.start() < e.end_char]
        for i, (start, end) in enumerate(items):
            for ent in inside:
                if ent.start_char < end and start < ent.end_char:
                    tagged[i] = ent
                    if ent.start_char >= start and ent.end_char <= end and ent.label_ in (
                            "PERSON", "ORG") and _clean(ent, 0) is not None:
                        votes[ent.label_] = votes.get(ent.label_, 0) + 1  # one item's tag
        if not votes:
            continue
        label, count = max(votes.items(), key=lambda vote: vote[1])
        if count < 2 or count < 3 * (sum(votes.values()) - count):
            continue  # (one item the model tagged otherwise among five does not split a list)
        for i, (start, end) in enumerate(items):
            ent = tagged.get(i)
            if ent is not None and ent.label_ in ACTOR_LABELS and (
                    ent.start_char >= start and ent.end_char <= end):
                continue  # tagged already (a mistagged "Panetta" PRODUCT is retagged)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not any(t.pos_ == "PROPN" or "." in t.text[1:-1] for t in span):
                continue  # "Crime": a capitalised common word, no name
            cut = _sentence_end(line[start:end])
            if cut is not None:
                end = start + cut  # "..., Wells Fargo, and UPS. It seems": the list ended
            text = line[start:end]
            if text.startswith(("The ", "the ")):
                start, text = start + 4, text[4:]
            if text.lower() in titles() or text in noise()[0] or len(text) < 2:
                continue
            mention = _Mention(offset + start, offset + end, text, label, False)
            if not any(m.start < mention.end and mention.start < m.end for m in known):
                found.append(mention)
    return found


_WORD_AND_DOT = re.compile(r"(\S+)\.(?= |$)")


def _sentence_end(item: str) -> int | None:
    """Where a sentence ends inside a list's item ("UPS. It" of "... and UPS. It seems"): a
    full stop after a word that is no abbreviation ("U.S.", "Inc.", "Co.") or initial."""
    for match in _WORD_AND_DOT.finditer(item):
        word = match.group(1)
        if "." in word or len(word) == 1 or (len(word) <= 4 and word.istitle()):
            continue
        return match.end(1)
    return None


_SAYING = {"say", "tell", "add", "argue", "write", "note"}


def _name_word(token: Any) -> bool:
    text = token.text
    return (token.tag_ == "NNP" and len(text) > 1 and text[:1].isupper()
            and text[1:].replace("-", "").isalpha() and text[1:].islower()
            and token.lower_ not in titles() and text not in noise()[0])


def _untagged_persons(doc: Any, ents: list[Any]) -> list[Any]:
    """Two or three capitalised proper nouns the model left untagged that the sentence says
    are a person: with a person's role in apposition ("Reince Priebus, the GOP chairman,"),
    after a country's possessive ("France's Francois Hollande") or saying something
    ("Murshed Zaheed said")."""
    from spacy.tokens import Span

    proper = doc.to_array("TAG") == doc.vocab.strings["NNP"]  # (no Token objects: fast)
    if len(doc) < 2 or not (proper[:-1] & proper[1:]).any():
        return []  # quick: no two proper nouns in a row
    tagged = {i for e in ents for i in range(e.start, e.end)}
    found = []
    # Each whole run of proper nouns, two or three long, none tagged, all name-like words.
    indices = proper.nonzero()[0].tolist()
    for i in (i for i in indices if i == 0 or not proper[i - 1]):
        j = i
        while j < len(doc) and proper[j]:
            j += 1
        if not 2 <= j - i <= 3 or any(k in tagged or not _name_word(doc[k])
                                      for k in range(i, j)):
            continue
        span = Span(doc, i, j, label="PERSON")
        root = span.root
        owner = doc[i - 2] if i > 1 and doc[i - 1].tag_ == "POS" else None
        if (names_a_person(role_from_context(span, person=False))
                or (owner is not None and owner.ent_type_ in ("GPE", "NORP"))
                or (root.dep_ == "nsubj" and root.head.lemma_ in _SAYING)) and not (
                _known_name(span.text)):
            found.append(span)
    return found


# Verbs whose subject says something, as a source does: "Equinor said", "Elering denied".
_SPEAKING = _SAYING | {"deny", "warn", "announce", "confirm", "report", "insist"}


# Prepositions before a place where something happens: "spoke to reporters in Accra".
_PLACE_PREPOSITIONS = {"in", "to", "from", "at", "near", "outside", "via"}


def _untagged_known_places(doc: Any, ents: list[Any]) -> list[Any]:
    """A country or capital the tables know that the model left untagged after a
    preposition of place ("spoke to Harbour Daily in Accra"): no given name ("to
    Jordan" may be a person's)."""
    from spacy.tokens import Span

    tagged = {i for e in ents for i in range(e.start, e.end)}
    places = table("places")
    return [Span(doc, t.i, t.i + 1, label="GPE") for t in doc
            if t.i not in tagged and t.pos_ == "PROPN" and t.dep_ == "pobj"
            and t.head.lower_ in _PLACE_PREPOSITIONS and t.head.i == t.i - 1
            and (t.text in places["capitals"] or t.text in countries())
            and t.text not in given_names()]


def _speaks(token: Any) -> bool:
    """The subject (or one of two) of a verb of saying: "Fortum said", "X and Y denied"."""
    subject = token if token.dep_ == "nsubj" else (
        token.head if token.dep_ == "conj" and token.head.dep_ == "nsubj" else None)
    return subject is not None and subject.head.lemma_ in _SPEAKING


def _written_as_surname(word: str, text: str) -> bool:
    """Is `word` written anywhere after a capitalised word that is no function word
    ("Lena Karis"): a person's surname, not an organisation's one-word name."""
    return any(before.group(1).lower() not in _NOT_GIVEN for before in re.finditer(
        rf"\b([A-Z][a-z]+) {re.escape(word)}\b", text))


def _untagged_speakers(doc: Any, ents: list[Any], text: str) -> list[Any]:
    """One capitalised word the model left untagged that says something ("Norway: Equinor
    said", "Elering denied", "Statkraft and Fortum both said", the items of a quick list,
    "the Inspectorate of Mines said"): an organisation. Not a word the text also writes in
    lower case ("Mom said") or after another capitalised word (a surname), nor a known place
    or title."""
    from spacy.tokens import Span

    tagged = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for token in doc:
        if token.i in tagged or token.pos_ != "PROPN" or not _single_name_word(token):
            continue
        if not _speaks(token) or re.search(rf"\b{re.escape(token.lower_)}\b", text) or (
                _written_as_surname(token.text, text)):
            continue  # (a surname, "Murshed Zaheed" ... "Zaheed said": the full name's)
        end = _name_of_the(doc, token.i + 1)
        found.append(Span(doc, token.i, end, label="ORG"))
    return found


def _name_of_the(doc: Any, i: int) -> int:
    """Where a name that may go on with "of (the)" and capitalised words ends, from token
    `i` just after its head word ("Superintendency" + "of the Environment")."""
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 1 + (doc[i + 1].lower_ == "the")
        end = j
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end > j:
            return end
    return i


def _single_name_word(token: Any) -> bool:
    """A capitalised word (or one in capitals, "EDF") with no proper noun either side."""
    doc, text = token.doc, token.text
    return (len(text) > 1 and text.isalpha() and text[:1].isupper()
            and (text[1:].islower() or text.isupper())
            and not (token.i > 0 and doc[token.i - 1].pos_ == "PROPN")
            and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
            and token.lower_ not in titles() and text not in noise()[0]
            and text not in noise()[1] and not _known_name(text) and not _known_place(text))


def _untagged_known_organisations(doc: Any, ents: list[Any]) -> list[Any]:
    """A one-word organisation the name tables know ("Facebook", "Reuters", "Gallup") that
    the model left untagged, where it acts ("Facebook activated a tool"): no country, and
    no short capitals ("WHO" may be a shouted word)."""
    from spacy.tokens import Span

    known = _known_organisation_words()
    if known.search(doc.text) is None:
        return []  # quick: none written
    tagged = {i for e in ents for i in range(e.start, e.end)}
    return [Span(doc, t.i, t.i + 1, label="ORG") for t in doc
            if t.pos_ == "PROPN" and t.i not in tagged and known.fullmatch(t.text)
            and t.dep_ in _ACTING_DEPS]


def _untagged_bodies(doc: Any, ents: list[Any]) -> list[Any]:
    """ "the anti-EU 5-Star Movement": capitalised words ending in a capitalised body noun
    (actor_kinds.toml's body_nouns: "Movement", "League", "Party"...) that the model left
    untagged, one organisation (its words may open with a number joined by a hyphen)."""
    from spacy.tokens import Span

    bodies = {noun.title() for noun in _kind_words("body_nouns")}
    tagged = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for token in doc:
        if token.text not in bodies or token.i in tagged or token.i == 0:
            continue
        start = token.i
        while start > 0 and doc[start - 1].i not in tagged and (
                doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title):
            start -= 1
        if (start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_
                and not doc[start - 1].whitespace_ and doc[start - 2].like_num
                and doc[start - 2].i not in tagged):
            start -= 2  # "5-Star"
        if start < token.i and not (start > 0 and doc[start - 1].lower_ in ("a", "an")):
            # (not after "a": "Students for a Democratic Society" is a longer name's end)
            found.append(Span(doc, start, token.i + 1, label="ORG"))
    return found


@lru_cache(maxsize=1)
def _known_organisation_words() -> re.Pattern[str]:
    aliases = table("places")["aliases"]
    words = [a for a, name in aliases.items()
             if " " not in a and len(a) >= 4 and name not in countries()]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


def _retagged(doc: Any, ents: list[Any]) -> list[Any]:
    """The model's entities, with three of its slips mended: a team named by its city and a
    nickname tagged as a product ("Dallas" + "Cowboys") is one organisation, an
    organisation "at" another ("Fletcher School at Tufts University") is two, and so is a
    name across a colon; a person's name before an organisation's designator left out
    ("Rasmussen" + "Reports") is an organisation's."""
    from spacy.tokens import Span

    mended: list[Any] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        following = ents[i + 1] if i + 1 < len(ents) else None
        opening = _untagged_opening(doc, ent, mended[-1] if mended else None)
        if opening is not None:
            # "G4S" + "Secure Solutions USA Inc.", "UK" + "Independence Party": a proper
            # noun the model left out before the name it opens.
            ent = Span(doc, opening, ent.end, label="ORG")
        if (ent.label_ == "GPE" and following is not None and following.label_ == "PRODUCT"
                and following.start == ent.end and following.text[:1].isupper()):
            mended.append(Span(doc, ent.start, following.end, label="ORG"))
            i += 2
            continue
        if (ent.label_ == "GPE" and following is not None and following.start == ent.end
                and following.label_ in ("ORG", "NORP")
                and following.text in table("parties")["aliases"]
                and (following.text == "GOP" or following.text.endswith(
                    ("Party", "Democrats", "Republicans")))  # (not "the Nevada Democrat")
                and ent.root.head.i in range(following.start, following.end)
                and not (following.root.dep_ in ("compound", "amod", "nmod")
                         and following.root.head.i >= following.end)  # "the Ohio GOP primary"
                and ent.start > 0 and doc[ent.start - 1].lower_ == "the"):
            # "the Cuyahoga County" + "GOP": a local party, one organisation.
            mended.append(Span(doc, ent.start, following.end, label="ORG"))
            i += 2
            continue
        gap = doc[ent.end] if following is not None and following.start == ent.end + 1 else None
        if (ent.label_ == "ORG" and gap is not None and gap.lower_ in _CONNECTORS
                and following.label_ in ("GPE", "LOC", "ORG")
                and _bracketed_initials(doc, following.end) == _initials(
                    doc[ent.start:following.end].text).upper()):
            # "Citizens for Responsibility and Ethics" + "in" + "Washington" + "(CREW)": the
            # acronym in brackets spells the whole name.
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            mended.append(Span(doc, start, following.end, label="ORG"))
            i += 2
            continue
        if (ent.label_ == "PERSON" and gap is not None and not gap.ent_type_
                and gap.pos_ == "PROPN" and gap.text[:1].isupper() and gap.dep_ == "compound"
                and gap.head.i == following.start and len(following) == 1
                and following.label_ in ("PERSON", "GPE", "ORG") and following[0].is_title):
            # "Enrique" + "Peña" (untagged: the model knew no such word) + "Nieto": one
            # person's name, not a person and a place.
            mended.append(Span(doc, ent.start, following.end, label="PERSON"))
            i += 2
            continue
        if (following is not None and following.start == ent.end and len(ent) > 2
                and ent[-1].tag_ == "POS" and ent[-2].lower_ in _POSSESSING_NOUNS
                and ent[-2].is_title and following.label_ in ("ORG", "FAC")):
            # "St. Jude Children's" + "Research Hospital": one name across its possessive.
            mended.append(Span(doc, ent.start, following.end, label=following.label_))
            i += 2
            continue
        after = doc[ent.end] if ent.end < len(doc) else None
        if (ent.label_ == "NORP" and ent.end + 1 < len(doc) and after.text == "-"
                and not ent[-1].whitespace_ and not after.whitespace_
                and doc[ent.end + 1].text in table("places")["demonyms"]):
            # "Afghan" + "-American", "Iranian-German": a heritage, one group of people, not
            # the first nation (but "Russian-backed rebels" are Russia's).
            mended.append(Span(doc, ent.start, ent.end + 2, label="NORP"))
            i += 2 if following is not None and following.start < ent.end + 2 else 1
            continue
        if (ent.label_ == "NORP" and len(ent) == 1 and following is not None
                and following.start == ent.end and following.label_ == "ORG"
                and ent.root.head.i in range(following.start, following.end)
                and following[-1].text in _ORGANISATION_WORDS):
            # "Chinese" + "Foreign Ministry": the nation's ministry, one organisation.
            mended.append(Span(doc, ent.start, following.end, label="ORG"))
            i += 2
            continue
        if (ent.label_ == "NORP" and len(ent) == 1 and after is not None
                and not after.ent_type_ and after.pos_ == "PROPN" and after.is_title
                and ent.root.head.i == after.i
                and (_adjective_state([ent.text, after.text])
                     or after.text in _ORGANISATION_WORDS)):
            # "Islamic" + "State", "Muslim" + "Council": the model took the adjective for a
            # nationality and left the organisation's head word out.
            mended.append(Span(doc, ent.start, ent.end + 1, label="ORG"))
            i += 1
            continue
        hyphened = _hyphened_end(doc, ent)
        if hyphened is not None:
            # "Saxony" + "-Anhalt", "Mantoudi" + "-Kireas-Prokopi": a place named with
            # hyphens, one place (not "Texas-Mexico", two places the model both tagged).
            mended.append(Span(doc, ent.start, hyphened, label=ent.label_))
            i += 1
            while i < len(ents) and ents[i].start < hyphened:
                i += 1
            continue
        if (ent.label_ in ("WORK_OF_ART", "PRODUCT") and len(ent) > 2 and ent[0].is_title
                and ent[0].lower_ in titles() and _could_be_personal(ent[1:].text)):
            # "Superintendent Elena Vidal" taken for a title of a work: a titled person.
            mended.append(Span(doc, ent.start, ent.end, label="PERSON"))
            i += 1
            continue
        if (ent.label_ == "WORK_OF_ART" and ent.start > 0 and ent[0].is_title
                and doc[ent.start - 1].lower_ in _kind_words("body_nouns")):
            # "the group Showing Up for Racial Injustice": a body's name, however much it
            # reads like a title.
            mended.append(Span(doc, ent.start, ent.end, label="ORG"))
            i += 1
            continue
        if (ent.label_ == "ORG" and following is not None and following.start == ent.end
                and len(following) == 1 and following[0].is_upper and following[0].is_alpha
                and len(following[0].text) > 2 and ent[-1].is_upper and len(ent) > 1):
            # "the USA TODAY" + "NETWORK": a name in capitals the model cut before its
            # last word in capitals, one organisation.
            mended.append(Span(doc, ent.start, following.end, label="ORG"))
            i += 2
            continue
        if _hyphenated_place_in_places(ent):
            # "Saxony-Anhalt, Baden-Württemberg and Rheinland-Palatinate": a double-barrelled
            # name listed with places is one more place, not an organisation.
            mended.append(Span(doc, ent.start, ent.end, label="GPE"))
            i += 1
            continue
        cause = _cause_for_place(doc, ent, following, mended[-1] if mended else None)
        if cause is not None:
            # "Alternative" + "for" + "Germany", "Solidarity for" + "Poland": a movement
            # named by what it stands for and the country it is for, one organisation.
            mended.append(Span(doc, cause[0], cause[1], label="ORG"))
            i += 1 if cause[1] == ent.end else 2
            continue
        surname = _particle_surname(doc, ent, following)
        if surname is not None:
            # "Sophie" + "in 't" + "Veld", "Lotte van '" + "t Hek": a Dutch name whose
            # particles the model left out or cut, one person.
            mended.append(Span(doc, ent.start, surname.end, label="PERSON"))
            i += 2
            continue
        remit_end = _remit_list_end(doc, ent)
        if remit_end is not None:
            # "Committee on Science" + ", Space and Technology": the model cut the list of
            # a committee's remits at its first comma; one organisation.
            mended.append(Span(doc, ent.start, remit_end, label="ORG"))
            i += 1
            while i < len(ents) and ents[i].start < remit_end:
                i += 1
            continue
        campus = _campus_end(doc, ent, following)
        if campus is not None:
            # "University of North Carolina" + "at" + "Chapel Hill": one university's
            # campus, one organisation (not the university and a town).
            mended.append(Span(doc, ent.start, campus, label="ORG"))
            i += 2
            continue
        if ent.label_ == "ORG" and _name_goes_on(doc, ent, following):
            # "Brewery Workers Local" + "12", "Heart Health" + "UK": a number or a country's
            # code closing the name is the name's last word (a local, a national branch).
            mended.append(Span(doc, ent.start, ent.end + 1, label="ORG"))
            i += 2 if following is not None and following.start == ent.end else 1
            continue
        at = [t.i for t in ent if t.lower_ == "at" and ent.start < t.i < ent.end - 1] if (
            ent.label_ == "ORG" and len(ent) > 2) else []
        colon = next((t.i for t in ent if t.text == ":" and ent.start < t.i < ent.end - 1), None)
        designator = doc[ent.end] if ent.end < len(doc) else None
        if (ent.label_ == "PERSON" and designator is not None and not designator.ent_type_
                and designator.text in _ORG_DESIGNATORS and designator.pos_ == "PROPN"):
            # "Rasmussen" + "Reports", "Smith" + "Foundation": the designator the model left
            # out makes it an organisation's name.
            mended.append(Span(doc, ent.start, ent.end + 1, label="ORG"))
        elif colon is not None:
            # "De Blasio: Trust Bratton": a headline's speaker and the start of what he
            # says, never one name.
            mended.append(Span(doc, ent.start, colon, label=ent.label_))
            mended.append(Span(doc, colon + 1, ent.end, label=ent.label_))
        elif len(at) == 1 and doc[at[0] + 1].is_title and not _university_of(doc, ent):
            mended.append(Span(doc, ent.start, at[0], label="ORG"))
            mended.append(Span(doc, at[0] + 1, ent.end, label="ORG"))
        else:
            mended.append(ent)
        i += 1
    return mended


def _hyphened_end(doc: Any, ent: Any) -> int | None:
    """Where a place's name written with hyphens ends when the model tagged only its first
    part ("Saxony" of "Saxony-Anhalt", "Mantoudi" of "Mantoudi-Kireas-Prokopi"): each
    further part a capitalised proper noun the model left untagged, joined without spaces.
    An organisation's name is a place's only with two parts more (a company may be
    "Mercedes-Benz"). None when the name goes on with no such part."""
    if ent.label_ not in ("GPE", "LOC", "ORG") or ent[-1].whitespace_ or _known_name(ent.text):
        return None
    end = ent.end
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_
           and not doc[end + 1].ent_type_ and doc[end + 1].is_title
           and doc[end + 1].pos_ == "PROPN"):
        end += 2
        if doc[end - 1].whitespace_:
            break
    if end == ent.end or (ent.label_ == "ORG" and end < ent.end + 4):
        return None
    return end


_COUNTRY_CODE = re.compile(r"[A-Z]{2,3}")


def _untagged_opening(doc: Any, ent: Any, previous: Any) -> int | None:
    """Where an organisation's name starts that the model began one word late: an untagged
    proper noun with a capital letter right before it, a compound of its head ("G4S" of
    "G4S Secure Solutions USA Inc.") and no title, lead-in or generic word."""
    if ent.label_ != "ORG" or ent.start == 0 or ent[0].lower_ == "the":
        return None
    word = doc[ent.start - 1]
    never, lead_ins = noise()
    if (word.ent_type_ or word.tag_ != "NNP" or word.dep_ != "compound"
            or not word.whitespace_ or word.head.i not in range(ent.start, ent.end)
            or not word.text[:1].isalnum() or not any(c.isupper() for c in word.text)
            or word.text.lower() in titles() or word.text in never or word.text in lead_ins
            or word.text in courtesy_sex()
            or (previous is not None and previous.end > word.i)):
        return None
    return word.i


_DUTCH_PARTICLES = {"in", "van", "de", "der", "den", "ter", "ten", "'t", "’t", "'", "’", "t"}


def _particle_surname(doc: Any, ent: Any, following: Any) -> Any:
    """The one-word surname after a given name and particles with a "'t" ("in 't", "van
    't"): the name's end, when the model tagged the two apart."""
    if (following is None or ent.label_ not in ("PERSON", "ORG") or len(following) != 1
            or following.label_ not in ("PERSON", "ORG") or not following[0].is_title):
        return None
    core = ent.end
    while core > ent.start and doc[core - 1].lower_ in _DUTCH_PARTICLES:
        core -= 1
    gap = doc[core:following.start]
    if (core == ent.start or not doc[ent.start].is_title or not 2 <= len(gap) <= 4
            or any(t.lower_ not in _DUTCH_PARTICLES for t in gap)
            or not any(t.lower_ in ("'t", "’t", "t") for t in gap)):
        return None
    return following


_PLACE_LABELS = ("GPE", "LOC")


def _hyphenated_place_in_places(ent: Any) -> bool:
    """An organisation-tagged name of capitalised words joined by hyphens ("Rheinland-
    Palatinate") coordinated with a place's name (conjunct or apposition)."""
    words = [t for t in ent if t.text != "-"]
    if (ent.label_ != "ORG" or len(words) < 2 or len(ent) != 2 * len(words) - 1
            or any(t.whitespace_ for t in ent[:-1]) or not all(t.is_title for t in words)):
        return False
    root = ent.root
    partners = [root.head] if root.dep_ in ("conj", "appos") else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    # (A partner's own hyphenated start counts: "Saxony" of "Saxony-Anhalt".)
    return any(p.ent_type_ in _PLACE_LABELS or any(
        c.dep_ in ("compound", "nmod") and c.ent_type_ in _PLACE_LABELS and c.i == p.i - 2
        for c in p.children) for p in partners)


def _cause_for_place(doc: Any, ent: Any, following: Any, previous: Any
                     ) -> tuple[int, int] | None:
    """Where a name starts and ends that is a cause "for" a place ("Alternative for
    Germany"): a capitalised noun mid-sentence (not "Bad for New Jersey") that no place or
    title is, on which "for" and the place's name right after it hang, whether the model
    tagged the word (as a place, say) or not.
    `ent` is the place's name or the word's; `following` the place's when `ent` is the
    word's."""
    if (ent.label_ in ("GPE", "ORG") and len(ent) == 1 and following is not None
            and following.label_ in ("GPE", "LOC") and following.start == ent.end + 1):
        place, word = following, ent[0]
    elif ent.label_ in ("GPE", "LOC") and len(ent) <= 3 and ent.start >= 2:
        place, word = ent, doc[ent.start - 2]  # the word untagged before "for"
        if word.ent_type_ or (previous is not None and previous.end > word.i):
            return None
    else:
        return None
    linker = doc[word.i + 1]
    if (linker.lower_ != "for" or linker.head.i != word.i or place.start != linker.i + 1
            or place.root.head.i != linker.i or place.root.dep_ != "pobj"
            or not place[0].is_title or not _known_place(place.text)):
        return None  # ("Sanders for Massachusetts voters": the place names the voters)
    if (word.is_sent_start or not word.is_title or word.pos_ not in ("PROPN", "NOUN")
            or word.lower_ in titles() or _known_name(word.text) or _known_place(word.text)):
        return None
    return word.i, place.end


# Heads of a body named by its remit: "Committee on Civil Liberties, Justice and Home Affairs".
_REMIT_HEADS = {"Committee", "Subcommittee", "Commission", "Council", "Department", "Ministry",
                "Office", "Bureau", "Agency", "Institute", "Center", "Centre", "Board"}


def _has_remit(tokens: Any) -> bool:
    """ "Committee on ...", "Department of ...": a body's head word and its remit."""
    return any(t.text in _REMIT_HEADS and t.i + 1 < len(t.doc)
               and t.doc[t.i + 1].lower_ in ("on", "of", "for") for t in tokens)


def _remit_list_end(doc: Any, ent: Any) -> int | None:
    """Where a body's name ends whose list of remits the model cut at the first comma
    ("..., Space and Technology"): capitalised words after commas and a last "and"."""
    if ent.label_ != "ORG" or not _has_remit(ent) or ent.end >= len(doc) - 2:
        return None
    i = ent.end
    joined = False
    while i + 1 < len(doc) and not joined:
        if doc[i].text == "," and doc[i + 1].lower_ in ("and", "&"):
            i += 1
        if doc[i].text not in (",",) and doc[i].lower_ not in ("and", "&"):
            break
        joined = doc[i].lower_ in ("and", "&")
        j = i + 1
        while j < len(doc) and doc[j].is_title and doc[j].pos_ in ("PROPN", "NOUN", "ADJ"):
            j += 1
        item = doc[i + 1:j]
        if j == i + 1 or _known_name(item.text) or any(
                t.text in _REMIT_HEADS or t.text in _ORG_DESIGNATORS for t in item):
            return None  # ("the Department of Justice, the State Department and ...")
        i = j
    return i if joined else None


def _university_of(doc: Any, ent: Any) -> bool:
    """ "(the) University of Oregon ...": a university named by its state or city."""
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    return start + 2 < ent.end and doc[start].text == "University" and doc[start + 1].text == "of"


def _campus_end(doc: Any, ent: Any, following: Any) -> int | None:
    """Where a university's name ends that the model cut before its campus: "University of
    Nevada at" + "Elko", "University of Nevada" + "at" + "Elko"."""
    if ent.label_ != "ORG" or following is None or not _university_of(doc, ent):
        return None
    if following.label_ not in ("GPE", "LOC", "ORG") or not following[0].is_title:
        return None
    if ent[-1].lower_ == "at" and following.start == ent.end:
        return following.end
    if following.start == ent.end + 1 and doc[ent.end].lower_ == "at":
        return following.end
    return None


def _name_goes_on(doc: Any, ent: Any, following: Any) -> bool:
    """ "Brewery Workers Local 12, which", "Heart Health UK, said": the word right after an
    organisation's name is a number counting its last word or a country's code, and the
    name ends there (punctuation, or nothing, follows: not "Acme 12 percent", "the BBC UK
    service")."""
    if ent.end + 1 > len(doc) or ent.end == 0 or doc[ent.end - 1].whitespace_ != " ":
        return False
    word = doc[ent.end]
    closed = ent.end + 1 == len(doc) or doc[ent.end + 1].is_punct
    if not closed:
        return False
    if word.text.isdigit() and len(word.text) <= 4:
        return word.dep_ == "nummod" and word.head.i in range(ent.start, ent.end)
    return (following is not None and following.start == ent.end and len(following) == 1
            and following.label_ == "GPE" and _COUNTRY_CODE.fullmatch(word.text) is not None
            and _is_country(word.text))


def _names_an_organisation(ent: Any) -> bool:
    """ "Latino Decisions, a public opinion research group": the name's apposition, written
    right after its comma, is headed by a noun for an organisation."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return False
    return any(child.dep_ == "appos" and child.left_edge.i <= ent.end + 2
               and child.lemma_.lower() in _institution_nouns() for child in ent.root.children)


def _ist_before(ent: Any) -> bool:
    """ "the ax-wielding prohibitionist Carry Nation", "columnist Jane Roe": the name of the
    noun just before it, a person's cause or trade in -ist (no company's or place's)."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return (before is not None and before.pos_ == "NOUN" and before.lower_.endswith("ist")
            and (ent.root.head.i == before.i or before.head.i in range(ent.start, ent.end)))


def _bracketed_initials(doc: Any, i: int) -> str | None:
    """The all-capital word in brackets at token `i` ("(CREW)"), if any."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[
            i + 1].text.isupper():
        return doc[i + 1].text
    return None


_FUNCTION_WORDS = {"a", "an", "the", "to", "of", "in", "on", "for", "with", "and", "or", "is",
                   "are", "was", "he", "she", "it", "his", "her", "at", "by", "from", "as"}
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_LOWER_SMALL_WORD = re.compile(r"\s(?:" + "|".join(sorted(_FUNCTION_WORDS)) + r")\s")


def _is_headline(line: str) -> bool:
    """A title-cased line ("Trump Says He Is Unlikely To Meet Star Norbert Leo Butz"): every
    word capitalised, so the model takes headline words for names."""
    if _LOWER_SMALL_WORD.search(line):
        return False  # quick: a small word in lower case is prose
    words = _HEADLINE_WORD.findall(line)
    if len(words) < 4:
        return False
    capital = sum(1 for w in words if w[:1].isupper())
    small = [w for w in words[1:] if w.lower() in _FUNCTION_WORDS]
    return capital / len(words) >= 0.8 and bool(small) and all(w[:1].isupper() for w in small)


# Words a title-cased headline leaves in lower case (AP and Chicago style).
_TITLE_SMALL_WORDS = {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as",
                      "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs",
                      "vs.", "from", "with", "into", "onto", "over", "than", "if"}


_CREDIT = re.compile(r"^([^:\n]{3,40}):\s")


def _headline_credit(doc: Any, line: str, offset: int) -> list[_Mention]:
    """ "Governor Ada Lund: Harbour Tolls 'Will Not Rise'": the person a headline opens with
    before a colon is named there (the rest of a headline's capitals are no evidence)."""
    credit = _CREDIT.match(line)
    if credit is None:
        return []
    found = [_clean(ent, offset) for ent in doc.ents
             if ent.label_ == "PERSON" and ent.end_char <= credit.end(1)]
    return [m for m in found if m is not None]


def is_title_line(line: str) -> bool:
    """A line in title case, its small words in lower case or not ("Clinton Was Headed to ER
    But Diverted to Avoid Bad Optics", "Trump's East European Achilles Heel", a video's
    caption): a headline, whose capitalised words are no evidence of names."""
    words = _HEADLINE_WORD.findall(line)
    if not 4 <= len(words) <= 25:
        return False
    return all(w[:1].isupper() for w in words if w.lower() not in _TITLE_SMALL_WORDS)


_QUOTED_TURN = re.compile(r"^[\"“'‘]\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")


def _line_mentions(block: Any, line: str) -> list[_Mention]:
    """Mentions the line's form gives, before the model: a transcript speaker label (also
    inside an opening quote: '"RAMOS: ...'), a dateline's news agency, and the
    state of a party tag ("Sen. Ted Cruz (R-Texas)")."""
    found = []
    turn = _turn_mention(block)
    quoted = _QUOTED_TURN.match(line) if turn is None else None
    if quoted and quoted.group(1).rstrip(".") not in QUESTION_LABELS:
        label = quoted.group(1)
        start = block.start + quoted.start(1)
        turn = _Mention(start, start + len(label), label.title(), "PERSON", True)
    never = noise()[0]
    if turn is not None and turn.surface not in never and turn.surface.upper() not in never:
        found.append(turn)  # (not '"VIDEO: ...', a clip's label)
    dateline = DATELINE.match(line) or _AGENCY_DATELINE.match(line)
    if dateline:
        found.extend(_dateline_mentions(dateline.group(), block.start))
    found.extend(_joint_poll_mentions(line, block.start))
    states = table("places")["us_states"]
    for tag in _PARTY_TAG_IN_TEXT.finditer(line):
        state = tag.group(1)
        if state not in states and state.rstrip(".") in states:
            state = state.rstrip(".")
        if state in states:
            start = block.start + tag.start(1)
            found.append(_Mention(start, start + len(state), state, "GPE", False))
    return found


# "(R-Texas)", "(D-Nev.)", ", R-S.C.,": the state after a party letter.
_PARTY_TAG_IN_TEXT = re.compile(
    r"(?<![\w-])[RDI]\s?[-–]\s?([A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?)(?=[),;:\s]|$)")
_DATELINE_AGENCY = re.compile(r"\(([^)]+)\)")
# "New York (AFP) –": a dateline with its place in title case (only its agency is used).
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}(?:,[^(\n]{0,30})? "
    r"\([^)\n]{1,40}\)\s*[-–—―]+\s")


_SPONSOR = r"[A-Z][\w&.'’-]*(?: (?:the|of|and|[A-Z][\w&.'’-]*))*"
_JOINT = re.compile(rf"(?<![\w/])(?:(?:A|An|The) )?({_SPONSOR})/({_SPONSOR}) ([a-z]+)")


def _joint_poll_mentions(line: str, offset: int) -> list[_Mention]:
    """ "a Reuters/Ipsos poll", "a USA TODAY/Rock the Vote survey": the two organisations
    behind a poll, written with a slash (the model sees one word or none)."""
    found = []
    for joint in _JOINT.finditer(line):
        if joint.group(3) not in _kind_words("poll_nouns"):
            continue
        for side in (1, 2):
            found.append(_Mention(offset + joint.start(side), offset + joint.end(side),
                                  joint.group(side), "ORG", False))
    return found


def _dateline_mentions(dateline: str, offset: int) -> list[_Mention]:
    """ "LONDON (Reuters) -": the news agency, when it is a known one, and the place: where
    the story was reported, a place of the story (never acting: "WASHINGTON -" is the city,
    not the government speaking)."""
    agency = _DATELINE_AGENCY.search(dateline)
    known_agency = agency is not None and agency.group(1) in table("places")["aliases"]
    found = []
    if dateline[:2].isupper() or known_agency:
        # (a place in title case only before a known agency: "Sen. Ted Cruz (R-Texas) -"
        # is a name and its party tag)
        found.extend(_dateline_places(dateline, offset))
    if known_agency:
        start = offset + agency.start(1)
        found.append(_Mention(start, agency.end(1) + offset, agency.group(1), "ORG", True))
    return found


_DATELINE_PLACE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}")


def _dateline_places(dateline: str, offset: int) -> list[_Mention]:
    """ "MEXICO CITY -", "TOKYO/BEIJING (Reuters) -", "New York (AFP) -": each place
    before the date or agency, in title case; not a word of a headline or a label that
    only looks like one ("EXCLUSIVE -", "IOWA POLLS NOT NECESSARILY WRONG -": at most three
    words, none a generic word)."""
    head = re.split(r"[,(]|\s[-–—―]", dateline, maxsplit=1)[0].rstrip()
    never, lead_in = noise()
    found = []
    at = 0
    for part in head.split("/"):
        place = _DATELINE_PLACE.fullmatch(part.strip())
        if place is not None:
            surface = " ".join(w.capitalize() if w.isupper() and "." not in w[:-1] else w
                               for w in place.group().split())
            if not ({surface, *surface.split()} & (never | lead_in)):
                start = offset + at + part.index(place.group())
                found.append(_Mention(start, start + len(surface), surface, "GPE", False))
        at += len(part) + 1
    return found


def short_name_owners(names: set[str]) -> dict[str, str]:
    """Each one-word name ("Putin") that is a word of exactly one longer name
    ("Vladimir Putin"), mapped to that name. Used within an article and across the library."""
    full = [n for n in names if len(n.split()) > 1]
    joined: dict[str, str] = {}
    for short in {n for n in names if len(n.split()) == 1}:
        owners = {f for f in full if short in f.split()}
        if len(owners) == 1:
            joined[short] = owners.pop()
    return joined


def _name_joins(names: set[str]) -> dict[str, str]:
    """Name -> the unique longer (or, for organisations, shorter canonical) name it joins."""
    full = [n for n in names if len(n.split()) > 1]
    joined = short_name_owners(names)
    # "United Nations World Food Programme" -> "World Food Programme" (a longer form).
    for long in full:
        owners = {f for f in full if f != long and len(f.split()) > 1 and long.endswith(" " + f)}
        if len(owners) == 1:
            joined[long] = owners.pop()
    # "Kim Jong" / "Jong Un" style fragments that sit inside one longer name (but "Donald
    # Trump" is not "Donald Trump Jr.", his son).
    for part in full:
        owners = {f for f in full if f != part and f" {part} " in f" {f} "
                  and not is_suffixed(part, f)}
        if len(owners) == 1:
            joined[part] = owners.pop()
    return joined


def _relatives_by_given_name(persons: set[str], roles: dict[str, str]) -> dict[str, str]:
    """ "his wife, Melania": the one person of each sex named by one name and given a
    relation of that sex as role, whom "Ms. Trump" names when no full name of hers is
    known."""
    sexes = {relation: sex for sex in ("female", "male")
             for relation in table("titles")[f"{sex}_relations"]}
    found: dict[str, list[str]] = {}
    for name in persons:
        sex = sexes.get((roles.get(name) or "").lower())
        if " " not in name and sex and given_names().get(name, sex) == sex:
            found.setdefault(sex, []).append(name)
    return {sex: names[0] for sex, names in found.items() if len(names) == 1}


def _unit_of(name: str) -> bool:
    """ "Columbia University Graduate School of Journalism": a unit named after the body it
    belongs to (two designators), whose first word names the body, not the unit."""
    return sum(1 for w in name.split() if w in _ORG_DESIGNATORS) > 1


def _surnames_of_full_names(mentions: list) -> set[str]:
    """Surnames of persons known by a full name (never treated as a plural's singular)."""
    return {core_words(name)[-1] for _, name, kind in mentions
            if kind == "person" and " " in name}


def _without_lead_words(mentions: list[tuple[_Mention, str, str]], text: str = ""
                        ) -> list[tuple[_Mention, str, str]]:
    """ "Crooked Hillary Clinton", "Miss Universe Alicia Machado", "Celebrating Clinton": words
    the model took into a name that another mention gives without them. The name is the
    full name ("Hillary Clinton": a given name first), or after a gerund ("Entrusting Donald
    Trump"), any name of a person in the text or one that looks personal, or after an
    epithet ("Crooked Hillary") or a headline's colon ("De Blasio: Trust Bratton"), that
    or a given name."""
    persons = {name for _, name, kind in mentions if kind == "person"}
    full = {p for p in persons if len(p.split()) >= 2 and p.split()[0] in given_names()}
    surnames = persons | {p.split()[-1] for p in full}
    cleaned = []
    for mention, name, kind in mentions:
        words = name.split()
        said = text[max(0, mention.start - 2):mention.start] == ": " and kind in (
            "person", "organisation")  # "Trust Bratton": the start of what is said
        if (kind == "person" or said) and mention.surface == name and len(words) >= 2 and (
                words[0] not in given_names() and words[0].lower() not in titles()):
            for cut in (1, 2):
                rest = " ".join(words[cut:])
                named = rest in surnames or (len(words) - cut >= 2 and _looks_personal(rest))
                if rest in full or (cut == 1 and words[0].endswith("ing") and named) or (
                        cut == 1 and (is_epithet(words[0]) or said)
                        and (named or rest in given_names())):
                    start = mention.start + len(name) - len(rest)
                    mention = replace(mention, start=start, surface=rest, role=None)
                    name, kind = rest, "person"
                    break
        cleaned.append((mention, name, kind))
    return cleaned


def _one_apostrophe(mentions: list[tuple[_Mention, str, str]]
                    ) -> list[tuple[_Mention, str, str]]:
    """ "O’Neill" and "O'Neill" (typographic and straight apostrophes in one text) are one
    name: names take the apostrophe the text's names use most."""
    curly = sum(1 for _, name, _ in mentions if "’" in name)
    straight = sum(1 for _, name, _ in mentions if "'" in name)
    if not (curly and straight):
        return mentions
    old, new = ("'", "’") if curly >= straight else ("’", "'")
    return [(m, name.replace(old, new), kind) for m, name, kind in mentions]


_COORDINATOR = re.compile(r",? (?:and|&) ")


def _shared_surnames(mentions: list[tuple[_Mention, str, str]], text: str
                     ) -> list[tuple[_Mention, str, str]]:
    """ "Bill and Hillary Clinton", "Charles G. and David H. Koch": a given name (with an
    initial at most) joined by "and" to a full name shares its surname."""
    by_start = {m.start: (m, name) for m, name, kind in mentions if kind == "person"}
    # "both Hillary and Huma Abedin": a given name another full name already has is that
    # person's, not a second bearer of the surname after it.
    taken = {name.split()[0] for _, name, kind in mentions if kind == "person" and " " in name}
    shared = []
    for mention, name, kind in mentions:
        words = name.split()
        bare = (len(words) == 1 and words[0] in given_names()) or (
            len(words) == 2 and words[0] in given_names() and _INITIAL.fullmatch(words[1]))
        if kind == "person" and bare:
            joint = _COORDINATOR.match(text, mention.end)
            other = by_start.get(joint.end()) if joint else None
            if other is not None and len(other[1].split()) >= 2 and (
                    other[1].split()[0] in given_names()
                    or (other[0].label == "PERSON" and words[0] not in taken)):
                name = f"{name} {core_words(other[1])[-1]}"
        shared.append((mention, name, kind))
    return shared


def _persons_by_surname(mentions: list[tuple[_Mention, str, str]], text: str
                        ) -> list[tuple[_Mention, str, str]]:
    """ "Lester Holt" tagged an organisation while "Holt" alone is a person or is written
    alone ("Trump accused Holt"): a text shortens a person's two-word name to its last word,
    an organisation's hardly ever ("Wells Fargo" is not "Fargo")."""
    surnames = {name for mention, name, kind in mentions
                if kind == "person" and mention.label == "PERSON" and " " not in name}
    # Two words, a given name and a surname (not "Klan" of the "Ku Klux Klan").
    candidates = {name for _, name, kind in mentions if kind == "organisation"
                  and len(name.split()) == 2 and _could_be_personal(name)}
    alone = _used_alone({name.split()[-1] for name in candidates} - surnames, text)
    retyped = {name for name in candidates if name.split()[-1] in surnames | alone}
    if not retyped:
        return mentions
    return [(m, name, "person" if name in retyped else kind) for m, name, kind in mentions]


def _demonym_surnames(mentions: list[tuple[_Mention, str, str]]
                      ) -> list[tuple[_Mention, str, str]]:
    """ "Cuban demurred" beside "Mark Cuban": a demonym that is the surname of a person
    named in full is that person, not the country."""
    surnames = _surnames_of_full_names(mentions)
    demonyms = table("places")["demonyms"]
    return [(m, m.surface, "person") if (
        m.surface in surnames and m.surface in demonyms and name == demonyms[m.surface]
        and not m.plural) else (m, name, kind) for m, name, kind in mentions]


def _used_alone(words: set[str], text: str) -> set[str]:
    """Those of `words` written at least once with no capitalised word beside them ("Trump
    accused Holt of bias"; not "Wells Fargo", "Fargo Police"). One pass over the text."""
    if not words:
        return set()
    alone: set[str] = set()
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    for found in pattern.finditer(text):
        if found.group() in alone:
            continue
        before = text[max(0, found.start() - 40):found.start()].split()
        after = text[found.end():found.end() + 40].split() if text[
            found.end():found.end() + 1] == " " else []
        named_before = bool(before) and text[found.start() - 1:found.start()] == " " and (
            before[-1].lstrip("\"“‘'([")[:1].isupper()  # '“Judicial Watch': no quote mark
            and not before[-1].endswith((".", ",", ":", ";")))
        if not named_before and not (after and after[0][:1].isupper()):
            alone.add(found.group())
    return alone


def _merge(mentions: list[tuple[_Mention, str, str]], roles: dict[str, str],
           text: str, named_things: list[tuple[int, int]] | None = None) -> list[Actor]:
    mentions = _shared_surnames(_without_lead_words(_one_apostrophe(mentions), text), text)
    mentions = _persons_by_surname(_demonym_surnames(mentions), text)
    # "Trumpian", "Reaganesque": an adjective made from a person's name is no actor.
    named = {w for _, name, kind in mentions if kind == "person" for w in name.split()}
    mentions = [m for m in mentions if " " in m[1] or not derived_from(m[1], named)]
    # "al-Shabaab" tagged an organisation once and a person once is the organisation.
    org_tagged = {name for _, name, kind in mentions if kind in ("organisation", "group")}
    person_names = {name for _, name, kind in mentions if kind == "person"
                    and not (name in org_tagged and " " not in name and _particle_led(name))}
    # "Donald J. Trump" and "Donald Trump" are one name; so are "Donald Jr." and "Donald
    # Trump Jr.".
    joined = name_variants(person_names, mentions)
    persons = {joined.get(n, n) for n in person_names}
    # A person's name joins a longer one, never a shorter ("Ursula von der Leyen" is not
    # merged into "von der Leyen"; that rule is for organisations' long forms).
    for short, full in _name_joins(persons).items():
        if len(full.split()) > len(short.split()):
            joined.setdefault(short, full)
    owners_of, sexes = name_owners(persons, mentions, joined, roles)
    for short, owners in owners_of.items():
        if owners:
            joined.setdefault(short, owners[0])  # a shared surname: the bearer meant
    unowned = {short for short, owners in owners_of.items() if not owners}
    for short, full in familiar_forms(persons).items():
        joined.setdefault(short, full)
    group_names: set[str] = set()
    titled_surnames: set[str] = set()
    # A one-word ORG/GPE that is really a known person's surname (small models do this),
    # and a one-word organisation fragment of one longer organisation name.
    all_names = {name for _, name, _ in mentions}
    org_names = {name for _, name, kind in mentions if kind in ("organisation", "group")}
    for short, full in _name_joins(all_names).items():
        if len(short.split()) == 1 and (full in persons or (
                short in org_names and full in org_names and not _unit_of(full))
                ) and short not in countries():
            joined.setdefault(short, full)
    for long, short in _name_joins(org_names).items():
        if len(long.split()) > len(short.split()):
            joined.setdefault(long, short)
    org_parts = _organisation_parts(mentions, all_names, org_names, persons)
    for short, full in org_parts.items():
        joined.setdefault(short, full)
    # "Von der Leyen" opening a sentence, tagged as an organisation: her surname.
    # "van Voorhis" beside "Chandler Van Voorhis": particles are capitalised either way.
    # (The full names that end in the surname decide, so the answer does not depend on
    # which spelling of the bare surname, "Le Pen" or "le Pen", is looked at first; the
    # bare surname spelled otherwise is only its owner when no full name has it.)
    for name in sorted(all_names):
        first, _, rest = name.partition(" ")
        if rest and first.lower() in NAME_PARTICLES:
            surname = f"{first.lower()} {rest}".lower()
            owners = {_final(joined, p) for p in persons if p.lower().endswith(" " + surname)}
            if not owners:
                owners = {_final(joined, p) for p in persons
                          if p != name and p.lower() == surname}
            if len(owners) == 1:
                joined[name] = owners.pop()
    # "General Petraeus" the model took for an organisation (the title left in the name)
    # beside "David H. Petraeus": the one person with that surname.
    by_surname: dict[str, set[str]] = {}
    for person in persons:
        if " " in person and person.split()[0].lower() not in titles():
            by_surname.setdefault(core_words(person)[-1], set()).add(_final(joined, person))
    for name in all_names:
        words = name.split()
        if (len(words) == 2 and words[0].lower() in titles() and words[0][:1].isupper()
                and len(by_surname.get(words[1], ())) == 1):
            joined.setdefault(name, next(iter(by_surname[words[1]])))
            titled_surnames.add(name)
    # "Houthi forces" beside "the Houthis": one group, named in the plural. (Not a person's
    # surname: "the Clintons" is a family, "Clinton" one of them.)
    one_word = {name for _, name, _ in mentions if " " not in name}
    surnames = _surnames_of_full_names(mentions) | person_names
    for name in one_word:
        for plural in (name + "s", name + "es"):
            if (plural in one_word and name not in surnames and plural not in _NAMEPLATES
                    and not _known_place(plural)):
                # (not "Time" magazine beside "the Times", nor "Philippine" beside "the
                # Philippines", a country)
                joined.setdefault(name, plural)
                group_names.add(plural)
    # "the Baltic" beside "the Baltic Sea": a one-word place that begins a longer place
    # named by a designator ("Fort Bragg" does not swallow "Fort Liberty", nor "Miami" the
    # "Miami Dolphins").
    place_names = {name for _, name, kind in mentions if kind == "place"}
    for short in place_names:  # ("Cape Breton" beside "Cape Breton Island" too)
        owners = [p for p in place_names if p.startswith(short + " ")
                  and len(p.split()) == len(short.split()) + 1
                  and p.split()[-1] in _PLACE_DESIGNATORS]
        if len(owners) == 1:
            joined.setdefault(short, owners[0])
    # "KKK" beside "Ku Klux Klan": an acronym joins the one name it abbreviates.
    acronyms = _acronym_joins(all_names, text, persons)
    for short, full in acronyms.items():
        joined.setdefault(short, full)
    for other, name in _known_as_joins(all_names, text).items():
        joined.setdefault(other, name)
    joined = {name: _final(joined, name) for name in joined if name not in unowned}
    relatives = _relatives_by_given_name(persons, roles)
    actors: dict[str, Actor] = {}
    spoken: set[str] = set()  # parties named other than as a modifier
    for mention, name, kind in mentions:
        if name in org_parts or name in acronyms:
            kind = "organisation"  # "Klan" tagged as a person is the Ku Klux Klan
        if name in titled_surnames:
            kind = "person"
        if mention.courtesy and owners_of.get(name):
            # "Mr. Clinton" beside Hillary Clinton: the sentence says which bearer.
            name, surface, span = courtesy_bearer(mention, owners_of[name], sexes, text,
                                                  relatives)
            mention = _Mention(*span, surface, mention.label, mention.acting)
        name = joined.get(name, name)
        if not mention.adjectival:
            spoken.add(name)
        if name in group_names or _names_followers(name, persons):
            kind = "group"
        elif name in persons or name in joined.values() and kind == "person":
            kind = "person"
        elif kind == "person" and name in org_tagged:
            kind = "organisation"
        actor = actors.get(name)
        if actor is None:
            actor = actors[name] = Actor(name=name, type=kind)
        elif _TYPE_RANK[kind] < _TYPE_RANK[actor.type]:
            actor.type = kind
        if mention.surface not in actor.aliases:
            actor.aliases.append(mention.surface)
        actor.mentions.append((mention.start, mention.end))
    parties = set(table("parties")["aliases"].values())
    for name in [n for n in actors if n in parties and n not in spoken]:
        del actors[name]  # "a Democratic senator" alone does not make the party an actor
    # An actor's role is first the one given its own name ("the first lady, Michelle
    # Obama"), then one given a shorter form joined to it ("President Obama").
    for own in (True, False):
        for name, role in roles.items():
            target = actors.get(joined.get(name, name))
            if target is not None and target.role is None and (name == target.name) == own:
                target.role = role
    bearers = {short: actors[owners[0]] for short, owners in owners_of.items()
               if owners and owners[0] in actors}
    _add_missed_mentions(actors, text, bearers, named_things)
    _complete_single_names(actors, text)
    _us_state_namesakes(actors, text)
    for actor in actors.values():
        actor.mentions = sorted(set(actor.mentions))
    return sorted(actors.values(), key=lambda a: (-len(a.mentions), a.mentions[0][0]))


def _names_followers(name: str, persons: set[str]) -> bool:
    """ "Trump Train", "Bernie Army": a word of another person's full name and a movement
    noun name the person's followers (not "Carry Nation", a name of its own)."""
    words = name.split()
    return (len(words) == 2 and words[1] in _kind_words("movement_nouns")
            and any(words[0] in core_words(p) for p in persons if " " in p and p != name))


def _us_state_namesakes(actors: dict[str, Actor], text: str) -> None:
    """ "states like Arizona, North Carolina and Georgia": a country that shares its name
    with a US state is the state where its sentences name more US states than other
    countries ("invasions of Georgia and Ukraine" keep the country), or, if they name
    neither more, where the whole text does."""
    places = table("places")
    states = set(places["us_states"].values()) - {"Washington"}  # also the capital
    for name in places["state_namesakes"]:
        actor = actors.get(name)
        if actor is None or actor.type != "country":
            continue
        others = [a for a in actors.values() if a is not actor]
        state_mentions = sorted(m[0] for a in others if a.type == "place" and a.name in states
                                for m in a.mentions)
        country_mentions = sorted(m[0] for a in others if a.type == "country"
                                  and a.name != "United States" for m in a.mentions)
        votes = 0
        for start, end in actor.mentions:
            left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
            right = min(i for i in (text.find(". ", end), text.find("\n", end), len(text))
                        if i >= 0)
            in_states = bisect.bisect(state_mentions, right) - bisect.bisect(state_mentions, left)
            in_countries = (bisect.bisect(country_mentions, right)
                            - bisect.bisect(country_mentions, left))
            votes += (in_states > in_countries) - (in_states < in_countries)
        if votes == 0:
            votes = (len({a.name for a in others if a.type == "place" and a.name in states})
                     - len({a.name for a in others if a.type == "country"
                            and a.name != "United States"}))
        if votes > 0:
            actor.type = "place"


_GIVEN_NAME = re.compile(r"(?<![\w.])([A-Z][a-zà-ÿ'’-]+) $")
_NOT_GIVEN = {"the", "a", "an", "in", "on", "at", "by", "for", "with", "and", "but", "of",
              "to", "from", "as", "said", "says", "told", "after", "when", "while", "if"}


def _complete_single_names(actors: dict[str, Actor], text: str) -> None:
    """A person known by one name ("Kallio") written once with a given name before it
    ("Superintendent Marja Kallio") that NER missed: the actor is "Marja Kallio"."""
    for key, actor in list(actors.items()):
        if actor.type != "person" or len(actor.name.split()) != 1:
            continue
        for start, end in sorted(actor.mentions):
            found = _GIVEN_NAME.search(text[max(0, start - 25):start])
            if not found:
                continue
            given = found.group(1)
            if (given.lower() in titles() or given.lower() in _NOT_GIVEN or is_epithet(given)
                    or given in noise()[1]):
                continue  # "Crooked Hillary", "Later Trump": no given name
            before = next((a for a in actors.values() if a is not actor and a.type == "person"
                           and a.name.endswith(" " + given) and (
                               start - 1 - len(a.name), start - 1) in a.mentions), None)
            if before is not None:
                # "Hillary Rodham" + "Clinton", the model's name cut before the surname: one
                # person, "Hillary Rodham Clinton".
                first = (start - 1 - len(before.name), start - 1)
                _join_surname(actors, before, actor, first, (start, end), text)
                break
            full = f"{given} {actor.name}"
            if full in actors:
                continue
            actors.pop(key)
            actor.name = full
            actor.aliases.insert(0, full)
            actor.mentions = [m for m in actor.mentions if m != (start, end)]
            actor.mentions.append((start - len(given) - 1, end))
            actors[full] = actor
            _join_given_name(actors, actor, given, start - len(given) - 1)
            if actor.role is None:
                actor.role = _titles_before(text, start - len(given) - 1)
            break


def _join_given_name(actors: dict[str, Actor], full: Actor, given: str, at: int) -> None:
    """ "Thanks, Maria" beside "Maria" + "Lindgren" just completed into "Maria Lindgren"
    (`full`, its given name written at `at`): the person named by the given name alone is
    the one, when no other person's full name opens with it."""
    alone = actors.get(given)
    if alone is None or alone.type != "person" or any(
            a is not full and a.type == "person" and a.name.startswith(given + " ")
            for a in actors.values()):
        return
    actors.pop(given)
    full.mentions.extend(m for m in alone.mentions if m != (at, at + len(given)))
    full.aliases.extend(a for a in alone.aliases if a not in full.aliases)
    full.role = full.role or alone.role


def _join_surname(actors: dict[str, Actor], named: Actor, surname: Actor,
                  first: tuple[int, int], last: tuple[int, int], text: str) -> None:
    """`named` ("Hillary Rodham", its mention `first`) written just before `surname`
    ("Clinton", its mention `last`): one person under the whole name, with both actors'
    aliases and mentions, the two mentions one."""
    full = text[first[0]:last[1]]
    actors.pop(surname.name, None)
    actors.pop(named.name, None)
    named.aliases = [full] + [a for a in named.aliases + surname.aliases if a != full]
    named.mentions = [m for m in named.mentions + surname.mentions if m not in (first, last)]
    named.mentions.append((first[0], last[1]))
    named.role = named.role or surname.role
    named.name = full
    actors[full] = named


def _titles_before(text: str, start: int) -> str | None:
    """ "Detective Superintendent Marja Kallio": the capitalised title words written just
    before a name that starts at `start`."""
    words: list[str] = []
    line = text[max(0, start - 60):start].rsplit("\n", 1)[-1]  # (not across a line break)
    for word in reversed(line.split(" ")[:-1]):
        if not (word[:1].isupper() and word.lower() in titles()):
            break
        words.insert(0, word)
    return valid_role(" ".join(words)) if words else None


def _organisation_parts(mentions: list, names: set[str], organisations: set[str],
                        persons: set[str]) -> dict[str, str]:
    """ "Klan" beside "the Ku Klux Klan", "Quinnipiac" beside "Quinnipiac University": a
    one-word name that ends one organisation's name, or begins one named with a designator
    (never a person's "Trump" beside the "Trump Foundation", nor a place or a party, nor the
    city that opens a newspaper's name, "Chicago" beside the "Chicago Tribune")."""
    tagged_person = {name for mention, name, _ in mentions if mention.label == "PERSON"}
    in_person_names = {w for p in persons if " " in p for w in p.split()}
    places = table("places")
    parties = table("parties")["aliases"]
    longer = [o for o in organisations if " " in o]
    parts: dict[str, str] = {}
    typed = {}
    for _, name, kind in mentions:
        typed.setdefault(name, set()).add(kind)
    for short in names:
        if " " in short and typed.get(short) == {"person"} and not _looks_personal(short):
            # "the local Log Cabin chapter", tagged a person, beside the "Log Cabin
            # Republicans": the opening words of one organisation's name (not "Donald
            # Trump" of his Foundation).
            owners = [o for o in longer if o.startswith(short + " ")]
            if len(owners) == 1:
                parts[short] = owners[0]
            continue
        if (" " in short or short in in_person_names or _known_name(short)
                or short in places["us_states"] or short in places["capitals"]
                or short in parties):
            continue
        # (A city that ends a name, "Trump National Doral Resort Miami", stays the city.)
        ends = typed[short] != {"place"}
        owners = [o for o in longer if (ends and o.split()[-1] == short) or (
            o.split()[0] == short and o.split()[-1] in _ORG_DESIGNATORS
            and o.split()[-1] not in _NAMEPLATES and short not in tagged_person) or (
            o.split()[0] == short and o.split()[-1] in _kind_words("company_designators")
            and short not in given_names())]
        if len(owners) == 1:
            parts[short] = owners[0]
    return parts


def _final(joined: dict[str, str], name: str) -> str:
    """Where a chain of joins ends ("Trump" -> "Donald J. Trump" -> "Donald Trump")."""
    for _ in range(6):
        if name not in joined or joined[name] == name:
            break
        name = joined[name]
    return name


_CONNECTORS = {"of", "the", "and", "for", "on", "in", "de", "&"}


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _CONNECTORS)


def _title_case_acronym(name: str) -> bool:
    """ "Rhcp", "Nato": an acronym written as a word (no given name nor known place)."""
    return (3 <= len(name) <= 6 and name.isalpha() and name[0].isupper()
            and name[1:].islower() and name not in given_names() and not _known_place(name))


def _acronym_joins(names: set[str], text: str, persons: set[str]) -> dict[str, str]:
    """ "KKK" -> "Ku Klux Klan", "BVI" -> "British Virgin Islands": an all-capital name (not
    a person's) and the one longer name of the text whose initials it is, or that it follows
    in brackets ("Drug Enforcement Administration (DEA)"). An acronym written as a word
    ("Rhcp", even taken for a person) joins the one organisation whose initials it is; and
    of two names it abbreviates, a gathering's ("... Convention") yields to the body's."""
    acronyms = {n for n in names - persons
                if n.isupper() and 2 <= len(n) <= 6 and " " not in n}
    longer = [n for n in names if len(n.split()) > 1 and n not in persons]
    joined: dict[str, str] = {}
    for word in filter(_title_case_acronym, names):
        owners = [n for n in longer if len(n.split()) >= 3 and _initials(n).upper() == word.upper()]
        if len(owners) == 1:
            joined[word] = owners[0]
    for acronym in acronyms:
        owners = [n for n in longer if _initials(n).upper() == acronym]
        bodies = [n for n in owners if n.split()[-1] not in _kind_words("event_nouns")]
        if len(owners) > 1 and bodies:
            owners = bodies
        if not owners:
            # (not a known name in brackets: "New York (AFP) –" is a dateline's agency)
            owners = [n for n in longer if f"{n} ({acronym})" in text
                      and table("places")["aliases"].get(acronym, n) == n]
        if len(owners) == 1:
            joined[acronym] = owners[0]
    return joined


# "Brian Burton, AKA Danger Mouse", "Chelsea Manning - then known as Bradley Manning", "the
# hacker known as “Guccifer”": what may stand between a name and another name of its bearer.
_KNOWN_AS = re.compile(
    r"(?:,|\s?[-–—(])?\s*(?:(?:the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+)?"
    r"(?:AKA|aka|a\.k\.a\.?|a/k/a|(?:(?:also|then|formerly|better|now|once|popularly|widely"
    r"|commonly|otherwise)\s+)?known\s+as)\s+[\"“‘']?")


def _known_as_joins(names: set[str], text: str) -> dict[str, str]:
    """ "Danger Mouse" -> "Brian Burton": a name the text says the name before it is (also,
    then, better) known as joins that name, its bearer's as written first."""
    joined: dict[str, str] = {}
    if "known as" not in text and not re.search(r"\b(?:AKA|aka|a\.k\.a|a/k/a)\b", text):
        return joined
    for name in names:
        start = text.find(name)
        while start != -1:
            cue = _KNOWN_AS.match(text, start + len(name))
            if cue is not None and cue.end() > start + len(name):
                after = [n for n in names if n != name and text.startswith(n, cue.end())
                         and not re.match(r"[\w'’]", text[cue.end() + len(n):][:1])]
                if after:
                    joined.setdefault(max(after, key=len), name)
            start = text.find(name, start + 1)
    return joined


def _add_missed_mentions(actors: dict[str, Actor], text: str,
                         bearers: dict[str, Actor] | None = None,
                         named_things: list[tuple[int, int]] | None = None) -> None:
    """Match every known alias across the text in one pass (linear in text length), but not
    inside the name of a work, event or law (`named_things`: "on the Trump Train")."""
    capitals = table("places")["capitals"]
    owner: dict[str, Actor] = {}
    for actor in actors.values():
        for alias in actor.aliases:
            # A capital is the country only where it acts; elsewhere it is the city.
            if actor.type == "country" and alias in capitals:
                continue
            if len(alias) >= 3 or alias.isupper():
                owner.setdefault(alias, actor)
        if actor.type == "group" and actor.name.endswith("s") and len(actor.name) >= 5 \
                and " " not in actor.name:
            owner.setdefault(actor.name[:-1], actor)  # "Houthi forces" are the Houthis
    # A person's surname alone ("Brummer notes") when no other actor shares it.
    surnames: dict[str, list[Actor]] = {}
    for actor in actors.values():
        if actor.type == "person" and len(core_words(actor.name)) > 1:
            surnames.setdefault(core_words(actor.name)[-1], []).append(actor)
    for surname, owners in surnames.items():
        bearer = owners[0] if len(owners) == 1 else (bearers or {}).get(surname)
        if (bearer is not None and len(surname) >= 3 and surname not in owner
                and surname.lower() not in titles()):
            owner[surname] = bearer  # (its alias once the text writes it alone)
    if not owner:
        return
    pattern = re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in sorted(owner, key=len, reverse=True))
        + r")(?![\w])"
    )
    taken = sorted(m for a in actors.values() for m in a.mentions)
    starts = [m[0] for m in taken]
    things = sorted(named_things or [])
    thing_starts = [s for s, _ in things]

    for found in pattern.finditer(text):
        start, end = found.span()
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and taken[i][1] > start:
            continue  # inside a mention already known
        if i + 1 < len(taken) and taken[i + 1][0] < end:
            continue
        j = bisect.bisect_right(thing_starts, start) - 1
        if j >= 0 and things[j][1] >= end and _LEADING.sub(
                "", text[things[j][0]:things[j][1]]) != found.group():
            continue  # a word of a work's or event's name ("the Trump Train" as a title)
        if text[end:end + 1] == " " and text[end + 1:].split(" ", 1)[0].rstrip(
                ".,;:!?'’\"”") in _kind_words("movement_nouns"):
            continue  # "the Trump Train": his followers, not him
        actor = owner[found.group()]
        actor.mentions.append((start, end))
        if found.group() not in actor.aliases:
            actor.aliases.append(found.group())
