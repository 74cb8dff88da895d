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
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from briefing.analysis.lexicon import countries, table

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_LABEL_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group",
                "LOC": "place", "FAC": "place"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
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
    if not _particle_led(name):
        return name
    cut = min(i for i in (name.find(" "), name.find("-")) if i > 0)
    return name[:cut].lower() + name[cut:]


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(table("titles")["titles"])


def _clean(ent: Any, offset: int) -> _Mention | None:
    """Strip articles, possessives and leading titles; reject noise. Offsets into the text."""
    tokens = list(ent)
    role_tokens: list[Any] = []
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens.pop(0)
    if ent.label_ == "PERSON":
        while len(tokens) > 1 and tokens[0].lower_ in _titles():
            role_tokens.append(tokens.pop(0))
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in ("'s", "’s", "'", "’")):
        tokens.pop()
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("ADP", "CCONJ")):
        tokens.pop()  # "Ministry of Foreign Affairs of" cut at a line's end
    if not tokens:
        return None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    surface = ent.doc.text[start:end]
    surface = _POSSESSIVE.sub("", surface)
    if ent.label_ in ("LOC", "GPE") and surface.endswith(" region"):
        surface = surface[: -len(" region")]  # "the Asia-Pacific region" is Asia-Pacific
    end = start + len(surface)
    if (
        not (surface[:1].isupper() or _particle_led(surface)) or len(surface) < 2
        or any(ch.isdigit() for ch in surface)
        or _NAV_NOISE.search(surface) or len(surface.split()) > 7
        or surface.lower() in _titles()  # "State" of "Secretary of State" is no actor
        or (surface.isupper() and " " in surface)  # a capitalised headline or section title
    ):
        return None
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if (ent.label_ in ("ORG", "NORP") and following is not None
            and following.lower_ in _ROLE_HEADS and not _known_name(surface)):
        # "Indian External Affairs Minister Arjun Rao": a fragment of a title. A known
        # actor stays one ("NATO Secretary General Mark Rutte" mentions NATO).
        return None
    if ent.label_ == "PERSON":
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
            surface = doc.text[start:end]
        # "Van der Berg said": the particles before a tagged surname are the name's.
        first = tokens[0].i
        while first > 0 and doc[first - 1].lower_ in NAME_PARTICLES and doc[first - 1].pos_ in (
                "PROPN", "ADP", "X") and not doc[first - 1].ent_type_:
            first -= 1
        if first != tokens[0].i:
            tokens[:0] = list(doc[first:tokens[0].i])
            start = tokens[0].idx
            surface = doc.text[start:end]
        # "Marja Kallio" tagged as just "Kallio": take the untagged given name back.
        first = tokens[0].i
        while (first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title
               and doc[first - 1].lower_ not in _titles() and not doc[first - 1].ent_type_
               and doc[first - 1].head.i in range(first, tokens[-1].i + 1)):
            first -= 1
        if first != tokens[0].i:
            start = doc[first].idx
            surface = doc.text[start:end]
    root = ent.root
    acting = _acts(root)
    role = " ".join(t.text for t in role_tokens) or None
    # "the Houthis": a one-word proper name in the plural, or with "the" and a final s.
    head = tokens[0]
    plural = len(tokens) == 1 and (head.tag_ == "NNPS" or (
        surface.endswith("s") and head.i > 0 and head.doc[head.i - 1].lower_ == "the"))
    return _Mention(offset + start, offset + end, surface, ent.label_, acting, role, plural)


_PLACE_DESIGNATORS = {"State", "Province", "Region", "County", "District", "Oblast", "Island",
                      "Islands", "Governorate", "Prefecture", "Territory", "Strait", "Sea",
                      "Gulf", "Peninsula", "Valley", "Mountains", "River", "Basin",
                      "Airport", "Airbase", "Base", "Port", "Harbour", "Harbor", "Bridge",
                      "Canal", "Square", "Dam"}

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
    if root.dep_ in _ACTING_DEPS:
        return True
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ == "by" and prep.dep_ == "agent":
            return True
        if prep.lower_ in ("in", "from") and prep.head.lemma_.lower() in _GOVERNMENT_NOUNS:
            return True
        if prep.lower_ == "from" and prep.head.lemma_.lower() in ("pressure", "demand",
                                                                  "request", "warning"):
            return True
    return False


_COURTESY = re.compile(r"^(?:MR|MS|MRS|DR|Mr|Ms|Mrs|Dr)\.?\s+")


def _turn_mention(block: Any) -> _Mention | None:
    """A transcript label names a person speaking: "MR. MILLER:" is a mention of Miller."""
    if block.turn is None or block.is_question:
        return None
    label, start, end = block.turn
    courtesy = _COURTESY.match(label)
    name = label[courtesy.end():] if courtesy else label
    words = name.split()
    while len(words) > 1 and words[0].lower() in _titles():
        words = words[1:]  # "SECRETARY BLINKEN" -> "BLINKEN"
    if not words or words[-1].lower() in _titles():
        return None
    surface = " ".join(w if not w.isupper() else w.capitalize() for w in words)
    name_start = start + label.rfind(words[0])
    return _Mention(name_start, end, surface, "PERSON", True)


def _known_name(surface: str) -> bool:
    places = table("places")
    return (surface in places["aliases"] or surface in places["demonyms"]
            or surface in countries())


def _role_from_context(ent: Any) -> str | None:
    """'Bruce Bennett, a senior analyst at RAND' or 'press secretary Patrick Ryder'."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > ent.end - 1:
            words = [t for t in child.subtree if t.dep_ != "punct" or t.text == "-"]
            text = " ".join(t.text for t in words if t.lower_ not in ("a", "an", "the")
                            or t.i != words[0].i)
            return _tidy(text)
    left = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod")]
    if left:
        span = ent.doc[min(t.left_edge.i for t in left):ent.start]
        text = span.text.strip(" ,")
        if text and not text.lower().startswith(("the ", "a ")) and len(text.split()) <= 8:
            return _tidy(text)
    return None


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.'’])", r"\1", text)
    return _LEADING.sub("", text).strip(" ,")


def _canonical(mention: _Mention) -> tuple[str, str]:
    """(name, type) of the actor a cleaned mention refers to, before person merging."""
    places = table("places")
    surface = mention.surface
    if surface in places["aliases"]:
        name = places["aliases"][surface]
        return name, "country" if name in countries() else "organisation"
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
    if kind in ("person", "organisation") and surface.split()[-1] in _PLACE_DESIGNATORS:
        kind = "place"  # "Rakhine State", "Donetsk Oblast": a place, whatever NER said
    return surface, kind


def find_actors(parsed: Iterable[tuple[Any, Any]], text: str) -> list[Actor]:
    """Canonical actors of `text` from (block, spaCy Doc) pairs (see pipeline.parse)."""
    mentions: list[tuple[_Mention, str, str]] = []
    roles: dict[str, str] = {}
    for block, doc in parsed:
        turn = _turn_mention(block)
        if turn is not None:
            mentions.append((turn, *_canonical(turn)))
        covered_until = -1  # a person name extended over the next entity ("Leyen") owns it
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            mention = _clean(ent, block.start)
            if mention is None or mention.start < covered_until:
                continue
            covered_until = mention.end
            name, kind = _canonical(mention)
            mentions.append((mention, name, kind))
            if kind == "person":
                role = mention.role or _role_from_context(ent)
                if role and all(w.lower() in NAME_PARTICLES for w in role.split()):
                    role = None  # "Van der" before "Berg" is the name's, not a title
                if role and name not in roles:
                    roles[name] = role
            elif kind == "organisation" and name not in roles:
                role = _role_from_context(ent)
                if role:
                    roles[name] = role
    return _merge(mentions, roles, text)


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
    # "Kim Jong" / "Jong Un" style fragments that sit inside one longer name.
    for part in full:
        owners = {f for f in full if f != part and f" {part} " in f" {f} "}
        if len(owners) == 1:
            joined[part] = owners.pop()
    return joined


def _surnames_of_full_names(mentions: list) -> set[str]:
    """Surnames of persons known by a full name (never treated as a plural's singular)."""
    return {name.split()[-1] for _, name, kind in mentions if kind == "person" and " " in name}


def _merge(mentions: list[tuple[_Mention, str, str]], roles: dict[str, str],
           text: str) -> list[Actor]:
    # "al-Shabaab" tagged an organisation once and a person once is the organisation.
    org_tagged = {name for _, name, kind in mentions if kind in ("organisation", "group")}
    person_names = {name for _, name, kind in mentions if kind == "person"
                    and not (name in org_tagged and " " not in name and _particle_led(name))}
    # A person's name joins a longer one, never a shorter ("Ursula von der Leyen" is not
    # merged into "von der Leyen"; that rule is for organisations' long forms).
    joined = {short: full for short, full in _name_joins(person_names).items()
              if len(full.split()) > len(short.split())}
    group_names: set[str] = set()
    # A one-word ORG/GPE that is really a known person's surname (small models do this),
    # and a one-word organisation fragment of one longer organisation name.
    all_names = {name for _, name, _ in mentions}
    org_names = {name for _, name, kind in mentions if kind in ("organisation", "group")}
    for short, full in _name_joins(all_names).items():
        if len(short.split()) == 1 and (full in person_names or (
                short in org_names and full in org_names)) and short not in countries():
            joined.setdefault(short, full)
    for long, short in _name_joins(org_names).items():
        if len(long.split()) > len(short.split()):
            joined.setdefault(long, short)
    # "Von der Leyen" opening a sentence, tagged as an organisation: her surname.
    for name in all_names - person_names:
        first, _, rest = name.partition(" ")
        if rest and first.lower() in NAME_PARTICLES:
            surname = f"{first.lower()} {rest}"
            owners = {p for p in person_names if p == surname or p.endswith(" " + surname)}
            if len(owners) == 1:
                joined[name] = owners.pop()
    # "Houthi forces" beside "the Houthis": one group, named in the plural.
    one_word = {name for _, name, _ in mentions if " " not in name}
    surnames = _surnames_of_full_names(mentions)
    for name in one_word:
        for plural in (name + "s", name + "es"):
            if plural in one_word and name not in surnames:
                joined.setdefault(name, plural)
                group_names.add(plural)
    # "the Baltic" beside "the Baltic Sea": a one-word place that begins one longer place.
    place_names = {name for _, name, kind in mentions if kind == "place"}
    for short in (n for n in place_names if len(n.split()) == 1):
        owners = [p for p in place_names if len(p.split()) > 1 and p.split()[0] == short]
        if len(owners) == 1:
            joined.setdefault(short, owners[0])
    actors: dict[str, Actor] = {}
    for mention, name, kind in mentions:
        name = joined.get(name, name)
        if name in group_names:
            kind = "group"
        elif name in person_names:
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
    for name, role in roles.items():
        target = actors.get(joined.get(name, name))
        if target is not None and target.role is None:
            target.role = role
    _add_missed_mentions(actors, text)
    _complete_single_names(actors, text)
    for actor in actors.values():
        actor.mentions = sorted(set(actor.mentions))
    return sorted(actors.values(), key=lambda a: (-len(a.mentions), a.mentions[0][0]))


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
            if given.lower() in _titles() or given.lower() in _NOT_GIVEN:
                continue
            full = f"{given} {actor.name}"
            if full in actors:
                continue
            actors.pop(key)
            actor.name = full
            actor.aliases.insert(0, full)
            actor.mentions = [m for m in actor.mentions if m != (start, end)]
            actor.mentions.append((start - len(given) - 1, end))
            actors[full] = actor
            break


def _add_missed_mentions(actors: dict[str, Actor], text: str) -> None:
    """Match every known alias across the text in one pass (linear in text length)."""
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
        if actor.type == "person" and len(actor.name.split()) > 1:
            surnames.setdefault(actor.name.split()[-1], []).append(actor)
    for surname, owners in surnames.items():
        if (len(owners) == 1 and len(surname) >= 3 and surname not in owner
                and surname.lower() not in _titles()):
            owner[surname] = owners[0]
            owners[0].aliases.append(surname) if surname not in owners[0].aliases else None
    if not owner:
        return
    pattern = re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in sorted(owner, key=len, reverse=True))
        + r")(?![\w])"
    )
    taken = sorted(m for a in actors.values() for m in a.mentions)
    starts = [m[0] for m in taken]

    for found in pattern.finditer(text):
        start, end = found.span()
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and taken[i][1] > start:
            continue  # inside a mention already known
        if i + 1 < len(taken) and taken[i + 1][0] < end:
            continue
        owner[found.group()].mentions.append((start, end))
