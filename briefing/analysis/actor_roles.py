"""The role shown under an actor: the title or position the text gives a name.

Where a role is read: a title inside or before the name ("Sen. Ted Cruz", "Clinton campaign
spokesman Brian Fallon"), an apposition after it ("Tim Canova, the Florida law professor,"),
a noun phrase the name is in apposition to ("the Russian president, Vladimir V. Putin"), and
a plural title before a list of names ("Senators Harry Reid, Elizabeth Warren and ...").
A role names one person's position, so it has a singular noun and is no other name, no
list of names and no clause that goes on after it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from briefing.analysis.lexicon import table
from briefing.analysis.person_names import courtesy_sex, name_suffixes


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(table("titles")["titles"])


@lru_cache(maxsize=1)
def noise() -> tuple[frozenset[str], frozenset[str]]:
    """(surfaces that are never actors, words that open a tagged name but are not in it)."""
    lexicon = table("noise")
    never = (frozenset(lexicon["generic"]) | frozenset(lexicon["dates"])
             | frozenset(lexicon["stage"]))
    return never, frozenset(lexicon["lead_in"])


@lru_cache(maxsize=1)
def calls_to_action() -> frozenset[str]:
    """Lead-in words that only open a credit ("Watch Pam Key"): cut before a name, never
    from its end ("Judicial Watch")."""
    return frozenset(table("noise")["calls_to_action"])


@lru_cache(maxsize=1)
def _person_heads() -> frozenset[str]:
    """Nouns that head a person's role: titles, occupations, relations ("wife")."""
    lexicon = table("titles")
    return (titles() | frozenset(table("speakers")["person_nouns"])
            | frozenset(lexicon["relations"]) | frozenset(lexicon["role_nouns"]))


PARTY_TAG = re.compile(r"^[RDI]\s*[-–]")  # "R-Texas", "D - N.Y.": a party and state
RELATIVES = {"who", "whom", "whose", "which", "that"}
# Words that open a noun phrase but are no part of the role shown: "his wife" is a wife.
_OPENING_WORDS = {"a", "an", "the", "another", "his", "her", "their", "its", "our", "my",
                  "your", "both", "either", "neither"}
# Words a role does not end with: "executive director at the Center of Media Justice and
# whose ...", cut at its relative pronoun.
_CLOSING_WORDS = {"and", "or", "but", "of", "to", "in", "at", "for", "with", "on", "by", "from"}
# What closes an apposition: "Tim Canova, the Florida law professor, said".
_CLOSING = {",", ";", ":", ".", "(", ")", "[", "]", "—", "–", "--", "!", "?"}
# Entity labels of a name: an apposition headed by one is another name ("A of X, B of Y").
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART"}
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")
# Title words that are no person alone ("Secretary of State", "Press Secretary"): "his home
# state, Hawaii" names no person.
_TITLE_MODIFIERS = {"state", "press", "first", "special", "supreme", "vice", "prime",
                    "foreign", "senior", "interior", "trade", "finance", "economy", "health",
                    "defence", "defense", "crown"}


def singular_title(word: str) -> str:
    """ "Senators Reid and Warren": each is a Senator ("Sens." -> "Sen.")."""
    bare = word.rstrip(".")
    single = bare[:-1] + word[len(bare):]
    if (len(bare) > 3 and bare.endswith("s") and word.lower() in titles()
            and single.lower() in titles()):
        return single
    return word


def tidy(text: str) -> str:
    text = re.sub(r"\s+([,.'’])", r"\1", text)
    text = re.sub(r"(\w) - (\w)", r"\1-\2", text)  # "Cuban - American" as written
    words = text.strip(" ,").split()
    while len(words) > 1 and words[0].lower() in _OPENING_WORDS:
        words.pop(0)
    while len(words) > 1 and words[-1].lower() in _CLOSING_WORDS:
        words.pop()
    text = " ".join(words)
    # 'host of MSNBC’s “Morning Joe,”': the comma ends the role, not the quotation.
    if text.count("“") > text.count("”"):
        text += "”"
    elif text.count('"') % 2:
        text += '"'
    return text


def valid_role(role: str | None) -> str | None:
    """A role names a position: not an age ("51"), a bare courtesy ("Mr."), a party tag
    ("R-Texas"), a state ("Vt"), a date or one bare adjective ("leading")."""
    if not role:
        return None
    words = role.split()
    if len(words) <= 2:  # "Sens.", "Democratic Senators"; not "Board of Governors"
        words[-1] = singular_title(words[-1])
        role = " ".join(words)
    never, lead_ins = noise()
    states = table("places")["us_states"]
    aged = any(ch.isdigit() for ch in words[0]) and (
        len(words) == 1 or (words[0].isdigit() and len(words[0]) < 4))  # "51", not "2012 ..."
    if (aged or PARTY_TAG.match(role) or len(role) < 3
            or role[0] in "([{"  # "European Parliament (EP": its acronym, opened in brackets
            or role in courtesy_sex() or role in name_suffixes()
            or role in states or f"{role.rstrip('.')}." in states
            or all(w in never or w in lead_ins for w in words)
            or words[0] in table("noise")["dates"]  # "September 27"
            or (len(words) == 1 and role.islower() and not person_noun(role))):
        return None
    return role


def person_noun(word: str) -> bool:
    """ "wife", "senator", "physician", "committeewoman": a noun that can head a person's
    role."""
    word = word.lower()
    return (word in _person_heads() or word.endswith(_PERSON_SUFFIXES)
            or word.endswith(("man", "woman")))


def role_from_context(ent: Any, person: bool = True) -> str | None:
    """'Bruce Bennett, a senior analyst at RAND' or, for a person, 'press secretary Patrick
    Ryder', 'the Russian president, Vladimir Putin', 'Senators A, B and C'. A person's
    apposition is headed by a person's noun (not "Trump, the most significant expression of
    dissent", a misparse)."""
    root = ent.root
    for child in root.children:
        if child.dep_ != "appos" or child.i < ent.end or _bracketed(child):
            continue  # "(R-Ohio)": a party tag, not the role that may follow it
        if _another_name(child):
            break  # "The Congressional Black Caucus, former governor L. Douglas Wilder - ..."
        if not person or person_noun(_head_word(child)):
            role = _apposition(child)
            if role:
                return role
    if not person:
        return None
    return (shared_plural_title(ent) or _title_before(ent) or _phrase_before(ent)
            or _listed_title(ent))


def _apposition(head: Any) -> str | None:
    """ "..., a consultant who said ...": the apposition up to the punctuation that closes
    it or its clause; none in brackets ("(R-Texas)"), none headed by a plural, none that a
    verb goes on after (", a chorus of cheers rose from the crowd")."""
    doc = head.doc
    start = head.left_edge.i
    if doc[start].tag_ == "PRP":
        return None  # "..., himself the nation's first black governor"
    if head.tag_ in ("NNS", "NNPS"):
        return None
    sentence_end = head.sent.end
    end = next((t.i for t in doc[start + 1:sentence_end] if (
        t.text in _CLOSING and not _place_comma(t))
        or (t.text == "-" and t.whitespace_ and doc[t.i - 1].whitespace_)
        or (t.lower_ in RELATIVES and t.i > head.i)), sentence_end)
    clauses = [t.left_edge.i for t in head.subtree if t.dep_ in ("acl", "relcl")
               and t.i > head.i]
    end = min([end, *clauses])
    tail = head.right_edge.i + 1
    if any(t.pos_ in ("VERB", "AUX") for t in doc[tail:end]):
        return None
    while start < end - 1 and doc[start].pos_ == "ADV" and not (
            doc[start + 1].text == "-" and not doc[start].whitespace_):
        start += 1  # "Ted Cruz, also a GOP presidential hopeful," (not "then-administrator")
    span = doc[start:end]
    if not any(t.pos_ in ("NOUN", "PROPN") for t in span) or len(span) > 14:
        return None
    return valid_role(tidy(span.text))


def _place_comma(token: Any) -> bool:
    """ "a nurse from Brownsville, Texas,": the comma between a town and its state or country
    (places on both sides) is inside the role, not its end."""
    doc = token.doc
    return (token.text == "," and 0 < token.i < len(doc) - 1
            and doc[token.i - 1].ent_type_ in ("GPE", "LOC")
            and doc[token.i + 1].ent_type_ in ("GPE", "LOC")
            and doc[token.i + 1].ent_iob_ == "B")


def _bracketed(head: Any) -> bool:
    start = head.left_edge.i
    return start > 0 and head.doc[start - 1].text in ("(", "[")


def _another_name(head: Any) -> bool:
    """ "Harry Reid of Nevada, Elizabeth Warren of ...", "..., Nevada Democrat Lucy Flores and
    Eric Kingson", "..., former governor L. Douglas Wilder": the apposition is another name
    (or its role) in a list, not a role of this one."""
    return ((head.pos_ == "PROPN" and head.ent_type_ in _NAME_LABELS)
            or any(c.ent_type_ == "PERSON" for c in head.conjuncts)
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children))


def _title_before(ent: Any) -> str | None:
    """ "press secretary Patrick Ryder", "London's newly elected mayor Sadiq Khan": the
    title words the name's head governs before it (after any possessor)."""
    root = ent.root
    left = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod")]
    if not left:
        return None
    span = ent.doc[min(t.left_edge.i for t in left):ent.start]
    owner = max((t.i for t in span if t.tag_ == "POS"), default=None)
    if owner is not None:
        span = ent.doc[owner + 1:ent.start]
    words = [t for t in span if t.text not in courtesy_sex()]  # "the younger Mr. Trump"
    text = tidy(span.text if len(words) == len(span) else " ".join(t.text for t in words))
    if (text and not span.text.lower().startswith(("the ", "a ")) and len(words) <= 8
            and any(t.pos_ in ("NOUN", "PROPN") for t in words)
            and not any(t.pos_ == "CCONJ" for t in words)):
        return valid_role(text)
    return None


def _head_word(head: Any) -> str:
    """ "front-runner", whose parsed head is "runner"."""
    doc = head.doc
    if head.i > 1 and doc[head.i - 1].text == "-" and not doc[head.i - 1].whitespace_:
        return doc[head.i - 2:head.i + 1].text
    return head.lemma_ if head.pos_ == "NOUN" else head.text


def _phrase_before(ent: Any) -> str | None:
    """ "the Russian president, Vladimir V. Putin", "Florida's attorney general, Pam Bondi",
    "His son Donald Jr.": the name in apposition to a person's noun just before it (a
    title, an occupation or a relation; not a noun in a list of roles, "the president, the
    vice president, Susan Rice"). A proper-noun possessor stays ("ABC's host"); a
    pronoun's or a common noun's does not ("her husband's Treasury secretary" ->
    "Treasury secretary")."""
    root = ent.root
    head = root.head
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    if (root.dep_ != "appos" and before is not None and before.dep_ == root.dep_
            and before.head.i == root.head.i and before.pos_ == "NOUN"):
        # "his Democratic rival Hillary Clinton would ...", parsed as two subjects of one
        # verb: the noun just before the name is the name's, as in apposition.
        head = before
        if head.tag_ == "NNS" or _head_word(head).lower() not in _person_heads():
            return None
        return _role_before(doc, head)
    if (root.dep_ != "appos" or head.i >= ent.start or head.dep_ == "appos"
            or head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ or head.tag_ == "NNS"
            or not (doc[ent.start - 1].text == "," or head.i == ent.start - 1)
            or not (_head_word(head).lower() in _person_heads()
                    or head.lower_.endswith("ist"))  # "the ax-wielding prohibitionist"
            or head.lower_ in _TITLE_MODIFIERS):
        return None
    return _role_before(doc, head, ent.start)


def _role_before(doc: Any, head: Any, name_start: int | None = None) -> str | None:
    """The role a person's noun before a name heads, without a pronoun's or a common noun's
    possessor ("his Democratic rival" -> "Democratic rival"), with what the noun is of
    before the name's comma ("the current head of its technology division, Russ Pittman":
    not "current head", which would make him the head of the whole)."""
    start = head.left_edge.i
    for owner in (t for t in head.lefts if t.dep_ == "poss"):
        if owner.pos_ != "PROPN":
            start = max(start, owner.right_edge.i + 1)
    if start < head.i and doc[start].tag_ == "POS":
        start += 1
    end = head.i + 1
    for complement in (t for t in head.rights if t.dep_ == "prep"):
        if name_start is not None and complement.right_edge.i < name_start and not any(
                t.pos_ in ("VERB", "AUX") or t.text in _CLOSING
                for t in doc[end:complement.right_edge.i + 1]):
            end = complement.right_edge.i + 1
    return valid_role(tidy(doc[start:end].text))


def named_by_relation(ent: Any) -> bool:
    """ "his wife, Melania,", "the Russian president, Putin,": a name in apposition to a
    person's noun names a person."""
    return _phrase_before(ent) is not None


def _listed_title(ent: Any) -> str | None:
    """ "Senators Harry Reid of Nevada, Elizabeth Warren ... and Chuck Schumer": a plural
    title before a list of names is each one's (singular) role."""
    token = ent.root
    while token.dep_ in ("conj", "appos") and token.head.ent_type_ == "PERSON" and (
            token.head.i < token.i):
        token = token.head
    if token is ent.root:
        return None
    plural = [t for t in token.lefts if t.dep_ == "compound" and t.tag_ in ("NNS", "NNPS")
              and t.lower_ in titles() and singular_title(t.text) != t.text]
    return valid_role(singular_title(plural[-1].text)) if plural else None


def shared_plural_title(ent: Any) -> str | None:
    """ "Democratic presidential candidates Hillary Clinton and Bernie Sanders", "White House
    hopefuls A and B": a plural person's noun just before two names joined by "and" is each
    one's role, in the singular (the model parses such pairs every which way, so this reads
    the words, not the tree)."""
    doc = ent.doc
    start = ent.start
    # (The other name may be tagged anything a name is: "the actresses Salma Hayek and
    # Emma Watson", the first taken for a building.)
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ in ("and", "&") and (
            doc[ent.end + 1].ent_type_ in _NAME_LABELS):
        pass  # the first name of the pair
    elif start >= 2 and doc[start - 1].lower_ in ("and", "&") and (
            doc[start - 2].ent_type_ in _NAME_LABELS):
        start -= 2  # the second: the noun stands before the first
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
    else:
        return None
    noun = doc[start - 1] if start else None
    if noun is None or noun.tag_ != "NNS" or not person_noun(noun.lemma_):
        return None
    first = noun.i
    while first > 0 and doc[first - 1].dep_ in ("amod", "compound", "nmod") and (
            doc[first - 1].pos_ in ("ADJ", "PROPN", "NOUN")
            and doc[first - 1].tag_ not in ("NNS", "NNPS")):
        first -= 1
    lemma = noun.lemma_
    single = noun.text[:len(lemma)] if noun.lower_.startswith(lemma.lower()) else lemma
    return valid_role(tidy(" ".join([*(t.text for t in doc[first:noun.i]), single])))


def _role_head(role: str) -> str:
    """The role's head noun: the last word before its first preposition."""
    words = role.split()
    cut = next((i for i, w in enumerate(words) if i and w in _ROLE_END), len(words))
    return words[cut - 1].lower().strip(",.")


def names_a_person(role: str | None) -> bool:
    """ "anchor of NBC's Nightly News", "foreign minister of France": the role's head noun
    (the last word before its first preposition) is a title or a person's occupation."""
    if not role:
        return False
    head = _role_head(role)
    return head in titles() or head in table("speakers")["person_nouns"]


def said_of_people(role: str | None) -> bool:
    """ "a father and his daughter", "a consultant": a role headed by a person's noun
    (relations and occupations included) describes people, never an organisation: beside a
    body's name it belongs to someone else ("the shareholders of Acme Co., a father and his
    daughter")."""
    return bool(role) and person_noun(_role_head(role))


_ROLE_END = {"of", "at", "for", "in", "with", "to", "on", "from", "and", "who", "whose"}
