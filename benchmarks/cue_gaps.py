"""Which attribution cues of PolNeAR's gold the claims lexicon does not know: the words the
lexicons/claims.toml lists were reviewed against (only plainly general English attribution
cues were kept; see lexicons/README.md).

Run: python benchmarks/cue_gaps.py PATH [--split train|dev] [--cache DIR] [--min N]
  PATH   a local copy of github.com/networkdynamics/PolNeAR (read, never copied)

For every gold attribution whose content one of our claims finds but whose cue none of
them marks, the cue's head word (the word of the gold cue span the others hang on in
spaCy's parse) is counted by lemma and part of speech, with whether the lexicon knows it.
Prints the lemmas seen at least N times (default 5), most frequent first. Only train and
dev are ever read: test is the corpus's held-out set.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution import (  # noqa: E402
    article_tokens,
    articles,
    cue_head,
    ours,
    overlap,
    parsed_article,
    read_gold,
)

from briefing.analysis.claim import claim_words  # noqa: E402
from briefing.analysis.pipeline import load_pipeline  # noqa: E402


def known(lemma: str) -> bool:
    words = claim_words()
    return lemma in words["reporting"] or lemma in words["stance_nouns"] or lemma in (
        words["statement_nouns"] | words["attitude_adjectives"] | words["hearsay_adverbs"]
        | words["hedge_verbs"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, help="a local copy of the PolNeAR repository")
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--cache", type=Path, help="folder to keep parses in between runs")
    ap.add_argument("--min", type=int, default=5, help="print lemmas seen at least N times")
    args = ap.parse_args()
    nlp = load_pipeline()
    missed: Counter[tuple[str, str]] = Counter()
    for text_path, ann in articles(args.path, args.split):
        text = text_path.read_text(encoding="utf-8")
        parsed = parsed_article(nlp, text, args.cache)
        predicted = ours(parsed, text)
        tokens = article_tokens(parsed)
        for gold in read_gold(ann):
            hits = [p for p in predicted if overlap((p.start, p.end), gold.content)]
            if not hits or any(p.cue_span and any(s <= p.cue_span[0] and p.cue_span[1] <= e
                                                  for s, e in gold.cue) for p in hits):
                continue  # not found, or found with its cue
            found = cue_head(tokens, gold.cue)
            if found is not None:
                head = found[1]
                missed[(head.lemma_.lower(), head.pos_)] += 1
    print(f"PolNeAR {args.split}: gold cues missed where the content was found, by head word")
    for (lemma, pos), count in missed.most_common():
        if count < args.min:
            break
        print(f"{count:5}  {lemma:<16} {pos:<6} {'in lexicon' if known(lemma) else ''}")


if __name__ == "__main__":
    sys.exit(main())
