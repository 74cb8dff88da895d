"""Actors across the library: each canonical actor with the briefings it appears in, its
mention counts and its claims as speaker, merged across articles as within one."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.analysis.actors import short_name_owners
from briefing.model import Analysis
from briefing.store import Store

_TYPE_RANK = {"person": 0, "country": 1, "organisation": 2, "group": 3, "place": 4}


@dataclass
class Appearance:
    article_id: int
    title: str
    mentions: list[tuple[int, int]]


@dataclass(eq=False)
class IndexedActor:
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    appearances: list[Appearance] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)  # by it (speaker) or about it

    @property
    def mention_count(self) -> int:
        return sum(len(a.mentions) for a in self.appearances)

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "aliases": sorted(self.aliases),
                "mentions": self.mention_count,
                "briefings": [{"article_id": a.article_id, "title": a.title,
                               "mentions": len(a.mentions)} for a in self.appearances],
                "claims": self.claims}


def build_index(store: Store) -> list[IndexedActor]:
    analyses = store.analyses_by_hash()
    analysed = [(article, Analysis.from_dict(analyses[article.hash]))
                for article in store.articles() if analyses.get(article.hash)]
    persons = {a.name for _, an in analysed for a in an.actors if a.type == "person"}
    joined = short_name_owners(persons)
    index: dict[str, IndexedActor] = {}
    for article, analysis in analysed:
        local: dict[str, IndexedActor] = {}
        for actor in analysis.actors:
            name = joined.get(actor.name, actor.name) if actor.type == "person" else actor.name
            entry = index.setdefault(name, IndexedActor(name=name, type=actor.type))
            if _TYPE_RANK.get(actor.type, 9) < _TYPE_RANK.get(entry.type, 9):
                entry.type = actor.type
            entry.aliases.update(actor.aliases)
            mentions = [tuple(m) for m in actor.mentions]
            if entry in local.values():
                # Two actors of one briefing that are one across the library ("Putin" and
                # "Vladimir Putin"): one appearance, so the briefing is counted once.
                shared = next(a for a in entry.appearances if a.article_id == article.id)
                shared.mentions = sorted(set(shared.mentions) | set(mentions))
            else:
                entry.appearances.append(Appearance(article.id, article.title, mentions))
            local[actor.name] = entry
        for claim in analysis.claims:
            speakers = (claim.speaker or "").split(" and ")
            involved = {local[s] for s in speakers if s in local}
            for actor in analysis.actors:
                if any(claim.start <= s < claim.end for s, _ in actor.mentions):
                    involved.add(local[actor.name])
            for entry in involved:
                entry.claims.append({"article_id": article.id, "title": article.title,
                                     "start": claim.start, "text": claim.text,
                                     "kinds": claim.kinds, "speaker": claim.speaker,
                                     "role": "speaker" if entry.name in speakers or any(
                                         joined.get(s) == entry.name for s in speakers)
                                     else "about"})
    return sorted(index.values(), key=lambda a: (-len(a.appearances), -a.mention_count, a.name))


def analyse_library(store: Store, model: str | None = None) -> int:
    """Analyse (and cache) every article that has no analysis yet; returns how many."""
    from briefing.analysis.cache import analyse_and_cache

    done = 0
    analysed = store.analysed_hashes()
    for article in store.articles():
        if article.hash not in analysed:
            analyse_and_cache(store, article, model)
            done += 1
    return done
