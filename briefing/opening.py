"""Opening an article for the reader, and noticing another session's changes to it.

Store jobs (each runs on the database thread) and the little state they need, with no UI:
the reader screen asks for them and shows what they return.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.claim_grades import GradeMoves
    from briefing.document import Document
    from briefing.library import ReanchorSummary
    from briefing.model import Analysis, Article, ArticleNote, Grade, Highlight
    from briefing.store import Store


@dataclass
class Opened:
    """What the reader needs to show a stored article, read in one database job."""

    article: Article
    highlights: list[Highlight]
    notes: list[ArticleNote]
    grades: dict[str, str]
    analysis: Analysis | None  # the cached one, if this text was analysed by this pipeline
    reanchored: ReanchorSummary  # highlights moved or orphaned by a change of text
    update: ReanchorSummary | None = None  # set when this opening replaced an older text
    orphaned_grades: list[Grade] = field(default_factory=list)  # claim grades no claim holds
    grades_followed: GradeMoves | None = None  # claim grades the cached analysis moved
    # reliabilities an analysis moved to a renamed source: key -> name given under
    renamed_sources: dict[str, str] = field(default_factory=dict)

    def notices(self) -> list[tuple[str, float | None]]:
        """What to tell the analyst (and for how many seconds, None: the default): a text
        that replaced an older one, highlights moved or orphaned by a change of text."""
        told: list[tuple[str, float | None]] = []
        if self.update is not None:
            told.append((f"Article {self.update.article_id} updated to this version: "
                         f"highlights {self.update.counts()} (see Notes)", 8))
        if self.reanchored.changed:
            told.append((f"Text changed: highlights {self.reanchored.counts()}", None))
        if self.grades_followed is not None:
            told += [(notice, None) for notice in self.grades_followed.notices()]
        return told


def open_article(store: Store, article_id: int, model: str | None) -> Opened:
    """Re-anchor the article's highlights if its text changed under them, put its claim
    grades on the claims of its cached analysis, then read it with everything the reader
    shows."""
    from briefing.analysis.cache import cached_analysis
    from briefing.claim_grades import follow_grades, orphaned_grades
    from briefing.library import reanchor

    article = store.require_article(article_id)
    reanchored = reanchor(store, article)  # moves highlights and grades, not the article
    analysis = cached_analysis(store, article.hash, model)
    # An analysis saved before grades followed their claims (or by an older Briefing).
    followed = follow_grades(store, article_id, article.hash, analysis) \
        if analysis is not None else None
    return Opened(article, store.annotations(article_id), store.notes(article_id),
                  store.grades(), analysis, reanchored,
                  orphaned_grades=orphaned_grades(store, article_id, analysis, followed),
                  grades_followed=followed,
                  renamed_sources=store.renamed_sources())


@dataclass
class NewVersion:
    """A file that looks like a new version of a stored article: nothing was imported, the
    analyst is asked first whether to replace that article's text or keep both."""

    earlier_id: int
    earlier_title: str
    earlier_highlights: int

    def question(self) -> str:
        count = self.earlier_highlights
        highlights = f"{count} highlight{'s' if count != 1 else ''}"
        return (f"This looks like a new version of “{self.earlier_title}” (article "
                f"{self.earlier_id}, {highlights}). Replace its text with this one and move "
                "the highlights? Its old text is kept as a revision; n keeps both as separate "
                "articles.")


class FileOpening:
    """The jobs that store a file the reader already shows, then open its article.
    `on_imported` runs on the database thread once it is stored (it remembers the file)."""

    def __init__(self, document: Document, model: str | None,
                 on_imported: Callable[[], None] | None = None) -> None:
        self.document = document
        self.model = model
        self._on_imported = on_imported

    def shown(self) -> Article:
        """The file as the reader shows it before (or without) the store."""
        from briefing.model import Article

        doc = self.document
        return Article(None, doc.title, doc.text, "", meta=dict(doc.meta))

    def import_and_open(self, store: Store) -> Opened | NewVersion:
        from briefing.library import import_document

        result = import_document(store, self.document, ask_first=True)
        if result.article_id is None:  # a new version of an article: ask before storing
            earlier = store.require_article(result.earlier_version)
            return NewVersion(earlier.id, earlier.title, len(store.annotations(earlier.id)))
        return self._stored(store, result.article_id)

    def replace_and_open(self, earlier_id: int) -> Callable[[Store], Opened]:
        """The job for "yes": the earlier article takes this text (its highlights move, its
        old text is kept as a revision)."""
        def replace(store: Store) -> Opened:
            from briefing.library import update_article_text

            summary = update_article_text(store, earlier_id, self.document)
            opened = self._stored(store, earlier_id)
            opened.update = summary
            return opened

        return replace

    def keep_both_and_open(self, store: Store) -> Opened:
        """The job for "no": the file becomes an article of its own."""
        from briefing.library import import_document

        return self._stored(store, import_document(store, self.document).article_id)

    def _stored(self, store: Store, article_id: int) -> Opened:
        if self._on_imported is not None:
            self._on_imported()
        return open_article(store, article_id, self.model)


@dataclass
class OtherSessionsRead:
    """What the store holds of an article now that another session changed the database."""

    version: object
    highlights: list[Highlight]
    notes: list[ArticleNote]
    text_hash: str | None  # None: another session deleted the article
    # Every grade and grades.renamed_sources, None when the grades table is unchanged since
    # the last read reported (store.grades_version: `grades_version`).
    grades: dict[str, str] | None = None
    renamed_sources: dict[str, str] | None = None
    grades_version: object = None

    def replaced(self, shown_hash: str) -> bool:
        """Another session (or the library's U) gave the article a new text: everything the
        reader shows points into the old one."""
        return bool(self.text_hash) and self.text_hash != shown_hash


class OtherSessionsPoll:
    """The reader's check for changes made by other sessions (a second SSH login, a browser
    tab) on the same database. One read at a time; a read that this session's own writes
    followed is older than the screen, and its answer is dropped."""

    def __init__(self) -> None:
        self.busy = False  # a read is queued or running
        self.seen_version: object = None  # the database version the last read reported
        self.seen_grades: object = None  # the grades version the last read reported
        self._submitted_at = 0  # the service's job count once the read was queued

    def read(self, article_id: int) -> Callable[[Store], OtherSessionsRead | None]:
        """The job to queue (on the database thread, behind this session's own writes, so
        it never undoes one in flight); call `queued` once it is."""
        self.busy = True
        seen, seen_grades = self.seen_version, self.seen_grades

        def read(store: Store) -> OtherSessionsRead | None:
            version = store.version()  # a stat of the file: cheap when nothing changed
            if version == seen:
                return None
            article = store.article(article_id)  # None: deleted by another session
            found = OtherSessionsRead(version, store.annotations(article_id),
                                      store.notes(article_id),
                                      article.hash if article else None)
            found.grades_version = store.grades_version()
            if found.grades_version is not seen_grades:
                found.grades, found.renamed_sources = store.grades(), store.renamed_sources()
            return found

        return read

    def queued(self, submitted: int) -> None:
        """`submitted`: how many jobs the database thread had been given, this read last."""
        self._submitted_at = submitted

    def answered(self, read: OtherSessionsRead | None, submitted: int
                 ) -> OtherSessionsRead | None:
        """The read to show, or None: nothing changed, or this session queued a write after
        the read (its screen already shows that), so the next poll reads again."""
        self.busy = False
        if read is None or submitted != self._submitted_at:
            return None
        self.seen_version, self.seen_grades = read.version, read.grades_version
        return read

    def failed(self) -> None:
        self.busy = False
