"""The analysis tables (lexicons/*.toml), loaded once."""

from __future__ import annotations

import tomllib
from functools import cache, lru_cache
from pathlib import Path

_FOLDER = Path(__file__).with_name("lexicons")


@cache
def table(name: str) -> dict:
    with (_FOLDER / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    places = table("places")
    return frozenset(set(places["demonyms"].values()) | set(places["capitals"].values()))


@lru_cache(maxsize=1)
def organisations() -> frozenset[str]:
    return frozenset(v for v in table("places")["aliases"].values() if v not in countries())
