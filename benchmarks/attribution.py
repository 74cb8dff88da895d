"""Who said what, scored against PolNeAR's hand-annotated attributions (source / cue /
content) on news articles nobody on the team wrote.

Run: python benchmarks/attribution.py PATH [--split train|dev] [--limit N] [--cache DIR]
                                          [--agreement]
  PATH   a local copy of github.com/networkdynamics/PolNeAR (read, never copied)
  --cache keeps each article's parse (spaCy DocBin) so reruns score the rules only
  --agreement scores, on the articles of the split that several annotators annotated, each
         annotator against each other one (how far trained humans agree by these same
         measures: the ceiling a target can sensibly ask for) and Briefing against each
         annotator on the same articles

Targets (dev): speaker >= 0.80, cue >= 0.85, found >= 0.92, precision >= 0.95.
Only train and dev are ever read: test is the corpus's held-out set.

Per gold attribution (brat standoff: T lines `Source|Cue|Content start end[;start end]`,
E lines `Attribution:T Content:T Cue:T Source:T`):
- found: one of our claims overlaps the gold content by at least half of the shorter span.
  Of the claims that do, the one scored below is the first with a speaker, else with a
  cue, by overlap (a sentence can hold several claims; the attributed one is the answer);
  of those that cover as much of it, the shortest: in "X said he believes Y", gold "he
  believes Y" is scored on our claim "believes: Y", not on the outer "said: he believes Y"
  that holds it (until session 8 the first in the text was taken: dev speaker 0.760 and cue
  0.779 then, 0.764 and 0.787 with this rule, on the same claims).
- speaker: of gold attributions whose source is not a bare pronoun, found or not: the last
  word of our speaker (its canonical name, or its words as written in the text) occurs among
  the words of the gold source span.
- cue: of found gold attributions: our cue word lies inside a gold cue span.
- precision: the share of our claims with a speaker or cue that overlap a gold content or
  source span (same half-of-the-shorter rule).
Some articles were annotated by several annotators (one .ann each): the first .ann file in
sorted order is the gold; the others are read only by --agreement.

Human agreement (--agreement): an annotator's attribution is scored as a claim spanning its
content fragments (first to last), its speaker the last word of its source, its cue word the
head of its cue span in our parse (the token whose syntactic head lies outside the span:
"said" in "has said"), so that both sides name one cue word as Briefing does.

The spaCy-only baseline, scored the same way in the same run: every sentence with a verb
from the reporting-verb lexicon is a claim, its cue that verb, its speaker the verb's subject.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.analysis import analyse_parsed
from briefing.analysis.pipeline import blocks, load_pipeline, parse, pipeline_id

Span = tuple[int, int]
# Personal, possessive and relative pronouns: "his" in "his claim that", "which" in "the
# ministry, which denied": the words name nobody by themselves, whoever they refer to.
_BARE_PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they",
                  "them", "who", "one", "this", "that", "my", "our", "your", "his", "its",
                  "their", "which", "whom", "whose"}
_WORD = re.compile(r"\w+")


@dataclass
class Gold:
    content: list[Span]
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    source_text: str = ""

    @property
    def named(self) -> bool:
        """The source is a name or noun phrase, not a bare pronoun (the speaker measure's
        denominator)."""
        return bool(self.source) and self.source_text.strip().lower() not in _BARE_PRONOUNS


@dataclass
class Predicted:
    start: int
    end: int
    speaker_words: list[str]  # last words of the speaker's names (canonical, as written)
    cue_span: Span | None


def read_gold(ann: Path) -> list[Gold]:
    spans: dict[str, tuple[str, list[Span], str]] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            fragments = [tuple(int(x) for x in f.split()) for f in where.split(";")]
            spans[parts[0]] = (label, fragments, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            kind = ""
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                if not kind:
                    kind = role
                    continue
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append((kind, roles))
    found = []
    for kind, roles in events:
        if not kind.startswith("Attribution") or "Content" not in roles:
            continue
        gold = Gold([f for ref in roles["Content"] for f in spans[ref][1]])
        for ref in roles.get("Source", []):
            gold.source += spans[ref][1]
            gold.source_text += " " + spans[ref][2]
        for ref in roles.get("Cue", []):
            gold.cue += spans[ref][1]
        found.append(gold)
    return found


def overlap(a: Span, fragments: list[Span]) -> bool:
    """`a` overlaps the fragments by at least half of the shorter of the two."""
    shared = _shared(a, fragments)
    shorter = min(a[1] - a[0], sum(e - s for s, e in fragments))
    return shorter > 0 and shared * 2 >= shorter


def last_word(name: str | None) -> str | None:
    words = _WORD.findall(name or "")
    return words[-1].lower() if words else None


def ours(parsed: list, text: str) -> list[Predicted]:
    _, claims, _ = analyse_parsed(parsed, text, {})
    found = []
    for claim in claims:
        d = claim.to_dict()
        words = [w for w in {last_word(n) for n in (d["speaker"] or "").split(" and ")} if w]
        span = d.get("speaker_span")
        if span:
            written = last_word(text[span[0]:span[1]])
            if written and written not in words:
                words.append(written)
        cue = tuple(d["cue_span"]) if d.get("cue_span") else None
        found.append(Predicted(d["start"], d["end"], words, cue))
    return found


# The baseline's reporting verbs: fixed here (the project's lexicon of #4, before #14), so
# the baseline does not move when the analysis's own lexicon grows.
BASELINE_VERBS = frozenset("""
say tell warn estimate deny suggest note state urge believe predict claim accuse insist
announce express emphasize emphasise highlight indicate add report confirm argue assert
allege acknowledge admit explain reveal declare vow pledge promise threaten caution stress
maintain contend write testify conclude forecast expect fear hope think reject dismiss
refute condemn call describe welcome point observe assess judge calculate project
anticipate doubt question propose recommend agree counter reply respond tweet post complain
blame criticize criticise label dispute""".split())


def article_tokens(parsed: list) -> list[tuple[int, Any]]:
    """(document offset, token) for every token of a parsed article."""
    return [(block.start + t.idx, t) for block, doc in parsed for t in doc]


def cue_head(tokens: list[tuple[int, Any]], spans: list[Span]) -> tuple[int, Any] | None:
    """(offset, token) of the word that heads a cue span: the one whose syntactic head lies
    outside it ("said" in "has said"); None when no token lies inside."""
    inside = [(at, t) for at, t in tokens
              if any(s <= at and at + len(t.text) <= e for s, e in spans)]
    ids = {t.i for _, t in inside}
    return next(((at, t) for at, t in inside if t.head.i not in ids or t.head.i == t.i), None)


def annotator(golds: list[Gold], parsed: list) -> list[Predicted]:
    """One annotator's attributions as claims, scored like ours (see the module docstring)."""
    tokens = article_tokens(parsed)
    found = []
    for gold in golds:
        words = _WORD.findall(gold.source_text)
        cue = None
        if gold.cue:
            head = cue_head(tokens, gold.cue[:1])
            cue = (head[0], head[0] + len(head[1].text)) if head else gold.cue[0]
        found.append(Predicted(min(s for s, _ in gold.content), max(e for _, e in gold.content),
                               [words[-1].lower()] if words else [], cue))
    return found


def agreement(root: Path, split: str, nlp: Any,
              cache: Path | None) -> tuple[Score, Score, Score, int]:
    """Over the split's articles with more than one annotation: (annotators scored against
    one another, Briefing scored against each annotator, Briefing on the attributions every
    other annotator of the article also marked, articles)."""
    humans, briefing, agreed, count = Score(), Score(), Score(), 0
    for text_path, anns in annotated(root, split):
        if len(anns) < 2:
            continue
        count += 1
        text = text_path.read_text(encoding="utf-8")
        parsed = parsed_article(nlp, text, cache)
        predicted = ours(parsed, text)
        golds = [read_gold(ann) for ann in anns]
        as_claims = [annotator(gold, parsed) for gold in golds]
        for i, gold in enumerate(golds):
            briefing.add(gold, predicted)
            others = [claims for j, claims in enumerate(as_claims) if j != i]
            for claims in others:
                humans.add(gold, claims)
            agreed.add([g for g in gold if all(any(overlap((c.start, c.end), g.content)
                                                   for c in claims) for claims in others)],
                       predicted)
    return humans, briefing, agreed, count


def baseline(parsed: list) -> list[Predicted]:
    """spaCy alone: a sentence with a reporting verb; speaker = that verb's subject."""
    reporting = BASELINE_VERBS
    found = []
    for block, doc in parsed:
        for sent in doc.sents:
            verb = next((t for t in sent if t.pos_ == "VERB"
                         and t.lemma_.lower() in reporting), None)
            if verb is None:
                continue
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            words = [subject.lower_] if subject is not None else []
            start = block.start + verb.idx
            found.append(Predicted(block.start + sent.start_char, block.start + sent.end_char,
                                   words, (start, start + len(verb.text))))
    return found


def scored_claim(gold: Gold, predicted: list[Predicted]) -> Predicted | None:
    """The claim a gold attribution is scored on: of ours that overlap its content, the
    first with a speaker, else with a cue, by overlap, then the shortest (see the module
    docstring)."""
    hits = [p for p in predicted if overlap((p.start, p.end), gold.content)]
    return min(hits, key=lambda p: (not p.speaker_words, not p.cue_span,
                                    -_shared((p.start, p.end), gold.content),
                                    p.end - p.start), default=None)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    named: int = 0  # gold sources that are not a bare pronoun
    speaker: int = 0
    cue: int = 0
    claims: int = 0
    correct_claims: int = 0
    # why named sources were missed: no claim found / found without a speaker / wrong one
    missed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("not found", "no speaker", "wrong speaker"), 0))
    # found attributions without the gold cue: our claim has no cue / another cue
    cue_missed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("no cue", "other cue"), 0))

    def add(self, golds: list[Gold], predicted: list[Predicted]) -> None:
        attributed = [p for p in predicted if p.speaker_words or p.cue_span]
        for gold in golds:
            self.gold += 1
            best = scored_claim(gold, predicted)
            named = gold.named
            self.named += named
            if best is None:
                self.missed["not found"] += named
                continue
            self.found += 1
            source_words = {w.lower() for w in _WORD.findall(gold.source_text)}
            if named and any(w in source_words for w in best.speaker_words):
                self.speaker += 1
            elif named:
                self.missed["wrong speaker" if best.speaker_words else "no speaker"] += 1
            if best.cue_span and any(s <= best.cue_span[0] and best.cue_span[1] <= e
                                     for s, e in gold.cue):
                self.cue += 1
            else:
                self.cue_missed["other cue" if best.cue_span else "no cue"] += 1
        spans = [g.content for g in golds] + [g.source for g in golds if g.source]
        self.claims += len(attributed)
        self.correct_claims += sum(any(overlap((p.start, p.end), s) for s in spans)
                                   for p in attributed)

    def line(self, name: str) -> str:
        return (f"{name:<10} found {self.found / max(1, self.gold):.3f}   "
                f"speaker {self.speaker / max(1, self.named):.3f}   "
                f"cue {self.cue / max(1, self.found):.3f}   "
                f"precision {self.correct_claims / max(1, self.claims):.3f}   "
                f"({self.gold} gold, {self.named} named sources, {self.claims} claims)")

    def misses(self) -> str:
        named = ", ".join(f"{k} {v / max(1, self.named):.3f}" for k, v in self.missed.items())
        cues = ", ".join(f"{k} {v / max(1, self.found):.3f}" for k, v in self.cue_missed.items())
        return f"           named sources missed: {named}; found without the cue: {cues}"


def _shared(a: Span, fragments: list[Span]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in fragments)


def annotated(root: Path, split: str) -> list[tuple[Path, list[Path]]]:
    """(text, its .ann files in sorted order) per article of the split that has any: one
    per annotator who annotated it."""
    folder = root / "data" / split
    if not (folder / "text").is_dir():
        raise SystemExit(f"error: no {folder / 'text'} (is {root} a PolNeAR checkout?)")
    found = []
    for text in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{text.stem}_*.ann"))
        if anns:
            found.append((text, anns))
    return found


def articles(root: Path, split: str) -> list[tuple[Path, Path]]:
    """(text, gold .ann) per article: the first annotator's file in sorted order."""
    return [(text, anns[0]) for text, anns in annotated(root, split)]


def parsed_article(nlp: Any, text: str, cache: Path | None) -> list:
    """(block, Doc) pairs of `text`, from the cache when its blocks were parsed before."""
    if cache is None:
        return list(parse(nlp, text))
    from spacy.tokens import DocBin

    found = blocks(text)
    key = hashlib.sha1("\0".join([pipeline_id(nlp), *(b.text for b in found)]).encode())
    path = cache / f"{key.hexdigest()}.spacy"
    if path.exists():
        docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
        return list(zip(found, docs, strict=True))
    pairs = list(parse(nlp, text))
    store = DocBin(store_user_data=False)
    for _, doc in pairs:
        store.add(doc)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(store.to_bytes())
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, help="a local copy of the PolNeAR repository")
    ap.add_argument("--split", choices=("train", "dev"), default="dev")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument("--cache", type=Path, help="folder to keep parses in between runs")
    ap.add_argument("--agreement", action="store_true",
                    help="score the annotators against one another where several annotated "
                         "an article, and Briefing against each of them")
    args = ap.parse_args()
    if args.agreement:
        nlp = load_pipeline()
        humans, briefing, agreed, count = agreement(args.path, args.split, nlp, args.cache)
        print(f"PolNeAR {args.split}: {count} articles with several annotators, every "
              "annotator scored against every other one")
        print(humans.line("annotators"))
        print(humans.misses())
        print(briefing.line("briefing"))
        print(briefing.misses())
        print("of those, the attributions every annotator of the article marked (precision "
              "is not comparable here: it counts every claim against these alone)")
        print(agreed.line("briefing"))
        print(agreed.misses())
        return
    pairs = articles(args.path, args.split)
    if args.limit:
        pairs = pairs[:args.limit]
    nlp = load_pipeline()
    score, base = Score(), Score()
    started = time.perf_counter()
    for text_path, ann in pairs:
        text = text_path.read_text(encoding="utf-8")
        parsed = parsed_article(nlp, text, args.cache)
        golds = read_gold(ann)
        score.add(golds, ours(parsed, text))
        base.add(golds, baseline(parsed))
    print(f"PolNeAR {args.split}: {len(pairs)} articles, pipeline {pipeline_id(nlp)}, "
          f"{time.perf_counter() - started:.0f} s")
    print(score.line("briefing"))
    print(score.misses())
    print(base.line("baseline"))
    print("targets (dev): found >= 0.92, speaker >= 0.80, cue >= 0.85, precision >= 0.95")


if __name__ == "__main__":
    sys.exit(main())
