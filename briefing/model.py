"""Briefing's models: plain dataclasses for what the store holds and the analysis finds.

One set shared by the store's typed readers, the reading session, the export and search.
Each `from_dict` reads the stored form (the JSON the store writes) and `to_dict` gives it
back unchanged, keys Briefing does not know included (`extra`), so reading a record through
a model never loses what a newer version or another tool wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from briefing.anchoring import Selector

__all__ = ["Actor", "Analysis", "Article", "ArticleNote", "Claim", "Feed", "Flag", "Grade",
           "Highlight", "LibraryRow", "Mention", "Revision", "Selector"]


def __getattr__(name: str) -> Any:
    # Selector lives with the code that captures and finds it (anchoring.py, which loads a
    # native aligner): imported when first asked for, not before the reader's first paint.
    if name == "Selector":
        from briefing.anchoring import Selector

        return Selector
    raise AttributeError(name)


def _extra(data: dict, known: frozenset[str]) -> dict[str, Any]:
    if data.keys() <= known:  # the usual case, checked in C: search reads thousands
        return {}
    return {k: v for k, v in data.items() if k not in known}


def _span(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def _pair(span: tuple[int, int] | None) -> list[int] | None:
    return list(span) if span is not None else None


# -- the library ---------------------------------------------------------------------------
TextReader = Callable[[str], str]  # a text hash -> the text (the store's files)


class _LazyText:
    """A stored text read from its file when first asked for, so listing ten thousand
    articles reads none of them. Subclasses hold `_text`, `_read_text` and `hash`."""

    __slots__ = ()

    @property
    def text(self) -> str:
        if self._text is None:
            if self._read_text is None:
                raise AttributeError("text")
            self._text = self._read_text(self.hash)
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value


_REVISION_KEYS = frozenset({"hash", "replaced", "text"})


@dataclass(slots=True, init=False)
class Revision(_LazyText):
    """An earlier version of an article's text: its hash and when a newer one replaced it."""

    hash: str
    replaced: str | None
    extra: dict[str, Any]
    _text: str | None = field(repr=False)
    _read_text: TextReader | None = field(repr=False, compare=False)

    def __init__(self, hash: str, replaced: str | None = None, text: str | None = None,
                 extra: dict[str, Any] | None = None,
                 read_text: TextReader | None = None) -> None:
        self.hash, self.replaced, self.extra = hash, replaced, extra or {}
        self._text, self._read_text = text, read_text

    @classmethod
    def from_dict(cls, data: dict, read_text: TextReader | None = None) -> Revision:
        return cls(data["hash"], data.get("replaced"), data.get("text"),
                   _extra(data, _REVISION_KEYS), read_text)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"hash": self.hash, **self.extra}
        if self.replaced is not None:
            out["replaced"] = self.replaced
        return out

    def __getitem__(self, key: str) -> Any:
        """The stored field `key`, as the store's records were read (scripts, tests)."""
        return getattr(self, key) if key in _REVISION_KEYS else self.extra[key]


_ARTICLE_KEYS = frozenset({"id", "title", "text", "hash", "imported", "revisions"})


@dataclass(slots=True, init=False)
class Article(_LazyText):
    """A stored article. `meta` holds the rest of its header (source, published, url, the
    feed it came from, its read state, its revision log...). Its text is read from the
    store's file when first asked for (see _LazyText)."""

    id: int | None
    title: str
    hash: str
    imported: str | None
    revisions: list[Revision]
    meta: dict[str, Any]
    _text: str | None = field(repr=False)
    _read_text: TextReader | None = field(repr=False, compare=False)

    def __init__(self, id: int | None, title: str, text: str | None, hash: str,
                 imported: str | None = None, revisions: list[Revision] | None = None,
                 meta: dict[str, Any] | None = None,
                 read_text: TextReader | None = None) -> None:
        self.id, self.title, self.hash, self.imported = id, title, hash, imported
        self.revisions, self.meta = revisions or [], meta or {}
        self._text, self._read_text = text, read_text

    @classmethod
    def from_dict(cls, data: dict, read_text: TextReader | None = None) -> Article:
        """`read_text`: how to read the text (and the revisions') when it is not inline."""
        revisions = data.get("revisions")  # read by the ten thousand: no work when empty
        return cls(data.get("id"), data["title"], data.get("text"), data["hash"],
                   data.get("imported"),
                   [Revision.from_dict(r, read_text) for r in revisions] if revisions else [],
                   {k: v for k, v in data.items() if k not in _ARTICLE_KEYS}, read_text)

    def to_dict(self) -> dict[str, Any]:
        """The stored form, with the text (read now if it was not yet)."""
        out: dict[str, Any] = {"title": self.title, "text": self.text, "hash": self.hash,
                               "imported": self.imported,
                               "revisions": [r.to_dict() for r in self.revisions], **self.meta}
        if self.id is not None:
            out["id"] = self.id
        return out

    def __getitem__(self, key: str) -> Any:
        """The stored field `key`, as the store's records were read (scripts, tests)."""
        return getattr(self, key) if key in _ARTICLE_KEYS else self.meta[key]

    @property
    def source(self) -> str | None:
        return self.meta.get("source")

    @property
    def published(self) -> str | None:
        return self.meta.get("published")

    @property
    def url(self) -> str | None:
        return self.meta.get("url")

    @property
    def feed(self) -> int | None:
        """The id of the feed that brought it (None: imported by hand)."""
        return self.meta.get("feed")

    @property
    def read(self) -> bool:
        return self.meta.get("read", True)  # only feed entries arrive unread

    @property
    def characters(self) -> int:
        return self.meta.get("characters") or 0

    @property
    def revision_log(self) -> list[dict[str, Any]]:
        """What each update moved or orphaned (see briefing/revisions.py)."""
        return list(self.meta.get("revision_log") or [])

    @property
    def versions(self) -> dict[str, Revision | Article]:
        """Every version of the text the store keeps, by hash, the current one last."""
        found: dict[str, Revision | Article] = {r.hash: r for r in self.revisions}
        found.pop(self.hash, None)
        found[self.hash] = self
        return found

    def version(self, digest: str | None) -> Revision | Article:
        """The version whose text has the hash `digest`; the current one when `digest` is
        None or names no version of this article (offsets are then taken as in the current
        text)."""
        found = self.versions.get(digest) if digest is not None else None
        return found if found is not None else self


# -- analysis ------------------------------------------------------------------------------
class Mention(NamedTuple):
    """Where an actor is named: text[start:end]. Stored as the pair [start, end]."""

    start: int
    end: int

    @classmethod
    def from_dict(cls, data: Any) -> Mention:
        if isinstance(data, dict):
            return cls(int(data["start"]), int(data["end"]))
        return cls._make(data)  # the stored pair: read by the thousand, so no checks

    def to_dict(self) -> list[int]:
        return [self.start, self.end]


_ACTOR_KEYS = frozenset({"name", "type", "aliases", "role", "mentions"})


@dataclass(slots=True)
class Actor:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> Actor:
        return cls(data["name"], data["type"], list(data.get("aliases") or []),
                   data.get("role"), [Mention.from_dict(m) for m in data.get("mentions") or []],
                   _extra(data, _ACTOR_KEYS))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "aliases": self.aliases,
                "role": self.role, "mentions": [m.to_dict() for m in self.mentions],
                **self.extra}


_CLAIM_KEYS = frozenset({"start", "end", "text", "kinds", "speaker", "cue", "hedges",
                         "probability", "cue_span", "speaker_span"})
# What a highlight keeps of the claim it was made on (see Claim.reference).
_CLAIM_REFERENCE = ("kinds", "speaker", "text", "start", "end")


@dataclass(slots=True)
class Claim:
    """Who asserts what: text[start:end], its kinds (statement, denial, speculation...)."""

    start: int
    end: int
    text: str
    kinds: list[str]
    speaker: str | None = None
    cue: str | None = None
    hedges: list[str] = field(default_factory=list)
    probability: dict | None = None
    cue_span: tuple[int, int] | None = None
    speaker_span: tuple[int, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> Claim:
        return cls(int(data["start"]), int(data["end"]), data["text"],
                   list(data.get("kinds") or []), data.get("speaker"), data.get("cue"),
                   list(data.get("hedges") or []), data.get("probability"),
                   _span(data.get("cue_span")), _span(data.get("speaker_span")),
                   _extra(data, _CLAIM_KEYS))

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kinds": self.kinds,
                "speaker": self.speaker, "cue": self.cue, "hedges": self.hedges,
                "probability": self.probability, "cue_span": _pair(self.cue_span),
                "speaker_span": _pair(self.speaker_span), **self.extra}

    def reference(self) -> dict[str, Any]:
        """The short form a highlight stores of the claim it covers."""
        return {key: getattr(self, key) for key in _CLAIM_REFERENCE}

    def overlap(self, start: int, end: int) -> int:
        return min(end, self.end) - max(start, self.start)

    @property
    def cue_words(self) -> str | None:
        """The cue as it reads between the speaker and the content ("said", "according
        to"); None for a mark on the page (a label's colon, a signature's dash), which the
        layout already shows, and for a claim whose words still hold their cue (a frame
        set inside the sentence, a negated one: "She did not say what ..." reads as it is)."""
        if self.cue_span and self.start <= self.cue_span[0] and self.cue_span[1] <= self.end:
            return None
        cue = (self.cue or "").strip()
        if not cue or not any(ch.isalnum() for ch in cue):
            return None
        if cue[:1].isupper() and cue[1:].islower():
            cue = cue.lower()  # "According to X, ...": the cue opened its sentence
        return f"{cue} to" if cue == "according" else cue


_FLAG_KEYS = frozenset({"kind", "start", "end", "message"})


@dataclass(slots=True)
class Flag:
    """A note the analysis makes about the text (a date that disagrees with the article's)."""

    kind: str
    start: int
    end: int
    message: str
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> Flag:
        return cls(data["kind"], int(data["start"]), int(data["end"]), data["message"],
                   _extra(data, _FLAG_KEYS))

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end,
                "message": self.message, **self.extra}


_ANALYSIS_KEYS = frozenset({"title", "model", "actors", "claims", "flags", "seconds"})


@dataclass(slots=True)
class Analysis:
    """What the analysis found in one text. `extra`: the rest (meta, text from the CLI)."""

    model: str
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    title: str = ""
    seconds: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> Analysis:
        return cls(data.get("model", "?"),
                   [Actor.from_dict(a) for a in data.get("actors") or []],
                   [Claim.from_dict(c) for c in data.get("claims") or []],
                   [Flag.from_dict(f) for f in data.get("flags") or []],
                   data.get("title", ""), data.get("seconds"), _extra(data, _ANALYSIS_KEYS))

    def to_dict(self) -> dict[str, Any]:
        out = {"title": self.title, "model": self.model,
               "actors": [a.to_dict() for a in self.actors],
               "claims": [c.to_dict() for c in self.claims],
               "flags": [f.to_dict() for f in self.flags], **self.extra}
        if self.seconds is not None:
            out["seconds"] = self.seconds
        return out


# -- the analyst's work --------------------------------------------------------------------
_HIGHLIGHT_KEYS = frozenset({"id", "article_id", "start", "end", "note", "color", "tags",
                             "status", "selector", "text_hash", "created", "updated", "claim",
                             "original_quote", "anchored_on", "quote_history"})


@dataclass(slots=True, eq=False)
class Highlight:
    """A highlighted span with its colour (1-5), note and tags. `start`/`end` are None once
    orphaned (its words are gone from the text); `selector` finds them again. Compared by
    identity: two highlights over the same words are two highlights."""

    id: int | None
    article_id: int
    start: int | None
    end: int | None
    color: int = 1
    note: str = ""
    tags: list[str] = field(default_factory=list)
    status: str = "anchored"
    claim: Claim | None = None
    selector: Selector | None = None
    text_hash: str | None = None
    created: str | None = None
    updated: str | None = None
    original_quote: str | None = None  # the words first marked, when a new version changed them
    # The text the selector was last found on, and the quotes earlier versions replaced
    # (see briefing/revisions.py).
    anchored_on: str | None = None
    quote_history: list[dict[str, Any]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # The stored keys in the order they were read, so that writing the highlight back (an
    # undone delete) gives the record as it was, byte for byte.
    key_order: tuple[str, ...] = field(default=(), repr=False)
    # The claim as stored, so that the keys beyond the reference (a newer Briefing's) and
    # their order survive writing it back (see claim_reference).
    stored_claim: dict[str, Any] = field(default_factory=dict, repr=False)

    def claim_reference(self) -> dict[str, Any] | None:
        """The claim as the highlight stores it: the claim's reference over what was read."""
        if self.claim is None:
            return None
        return {**self.stored_claim, **self.claim.reference()}

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"

    def covers(self, offset: int) -> bool:
        return not self.orphaned and self.start <= offset < self.end

    @classmethod
    def from_dict(cls, data: dict) -> Highlight:
        claim = data.get("claim")
        # Highlights made before claims had offsets keep their claim as it was written (as
        # does one without its words, or stored as null).
        placed = isinstance(claim, dict) and {"start", "end", "text"} <= claim.keys()
        selector = data.get("selector")
        if selector:
            from briefing.anchoring import Selector
        extra = _extra(data, _HIGHLIGHT_KEYS)
        if "claim" in data and not placed:
            extra["claim"] = claim
        return cls(data.get("id"), int(data["article_id"]), data.get("start"), data.get("end"),
                   int(data.get("color", 1)), data.get("note") or "", list(data.get("tags") or []),
                   data.get("status", "anchored"), Claim.from_dict(claim) if placed else None,
                   Selector.from_dict(selector) if selector else None,
                   data.get("text_hash"), data.get("created"), data.get("updated"),
                   data.get("original_quote"), data.get("anchored_on"),
                   data.get("quote_history"), extra, tuple(data),
                   dict(claim) if placed else {})

    def to_dict(self) -> dict[str, Any]:
        """The stored form, its keys in the order they were read; a new highlight's in the
        order the store writes one."""
        out: dict[str, Any] = {"color": self.color, "tags": self.tags, "status": self.status,
                               **self.extra}
        if self.claim is not None:
            out["claim"] = self.claim_reference()
        out.update(article_id=self.article_id, start=self.start, end=self.end, note=self.note)
        for key in ("selector", "text_hash", "created", "updated", "original_quote",
                    "anchored_on", "quote_history", "id"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value.to_dict() if key == "selector" else value
        if not self.key_order:
            return out
        ordered = {key: out[key] for key in self.key_order if key in out}
        ordered.update(out)  # keys the record did not have come last
        return ordered


_NOTE_KEYS = frozenset({"id", "article_id", "note", "created", "updated"})


@dataclass(slots=True, eq=False)
class ArticleNote:
    """A note on a whole article."""

    id: int | None
    article_id: int
    note: str
    created: str | None = None
    updated: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> ArticleNote:
        return cls(data.get("id"), int(data["article_id"]), data.get("note") or "",
                   data.get("created"), data.get("updated"), _extra(data, _NOTE_KEYS))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {**self.extra, "article_id": self.article_id, "note": self.note}
        for key in ("created", "updated", "id"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


_GRADE_KEYS = frozenset({"key", "value", "text_hash", "selector", "anchored_on", "status"})


@dataclass(frozen=True, slots=True, eq=False)
class Grade:
    """One Admiralty grade, as the "grades" table keeps it: `source:<name>` -> A-F (the
    speaker's reliability) or `claim:<article>:<start>:<end>` -> 1-6 (the claim's
    credibility). See briefing/grades.py. A claim's grade also keeps where its claim is, so
    a new version of the text re-keys it (briefing/revisions.py): the hash of the text its
    offsets are in, the claim's selector, and why no claim shows it (`status`: its words
    are gone, no claim holds them now, or their claim has a newer grade). `extra` holds
    when it was graded and the claim's speaker (briefing/claim_grades.py)."""

    key: str
    value: str
    text_hash: str | None = None
    selector: Selector | None = None
    anchored_on: str | None = None  # the text the selector was last found on
    status: str | None = None  # why no claim shows it: grades.ORPHANED, UNCLAIMED, SUPERSEDED
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_reliability(self) -> bool:
        return self.key.startswith("source:")

    @classmethod
    def from_dict(cls, data: dict) -> Grade:
        selector = data.get("selector")
        if selector:
            from briefing.anchoring import Selector
        return cls(str(data["key"]), str(data["value"]), data.get("text_hash"),
                   Selector.from_dict(selector) if selector else None, data.get("anchored_on"),
                   data.get("status"), _extra(data, _GRADE_KEYS))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "value": self.value, **self.extra}
        for key in ("text_hash", "selector", "anchored_on", "status"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value.to_dict() if key == "selector" else value
        return out


@dataclass(slots=True)
class LibraryRow:
    """One article as the library screen and `briefing list` show it (Store.library_rows)."""

    id: int
    title: str
    source: str | None
    published: str | None
    imported: str | None
    highlights: int
    notes: int
    characters: int
    revisions: int
    hash: str  # its first 12 characters
    analysed: bool
    url: str | None
    feed: int | None  # the feed it came from
    read: bool  # only feed entries arrive unread
    grades: int = 0  # its claim grades (deleted with it)
    reliabilities: int = 0  # given in it (kept when it is deleted: the sources' grades)


_FEED_KEYS = frozenset({"id", "url", "title", "added", "checked", "etag", "last_modified",
                        "seen", "kind", "attempts"})


@dataclass(slots=True, eq=False)
class Feed:
    """A subscribed RSS/Atom feed: what was fetched last (its validators) and the entries
    seen in it (see briefing/feeds.py)."""

    id: int | None
    url: str
    title: str
    added: str | None = None
    checked: str | None = None  # None: never fetched
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)
    kind: str | None = None  # "RSS 2.0", "Atom 1.0"...: set once fetched
    # Updates in a row each entry still failing has failed (None: none recorded).
    attempts: dict[str, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> Feed:
        return cls(data.get("id"), data["url"], data.get("title", ""),
                   data.get("added"), data.get("checked"), data.get("etag"),
                   data.get("last_modified"), list(data.get("seen") or []), data.get("kind"),
                   data.get("attempts"), _extra(data, _FEED_KEYS))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.url, "title": self.title, "added": self.added,
                               "checked": self.checked, "etag": self.etag,
                               "last_modified": self.last_modified, "seen": self.seen}
        if self.kind is not None:
            out["kind"] = self.kind
        if self.attempts is not None:
            out["attempts"] = self.attempts
        out.update(self.extra)
        if self.id is not None:
            out["id"] = self.id
        return out
