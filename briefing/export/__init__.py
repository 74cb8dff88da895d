"""Export an article with its annotations to Markdown or W3C Web Annotation JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

from briefing.analysis.cache import cached_analysis
from briefing.claim_grades import follow_grades, orphaned_grades
from briefing.errors import BriefingError
from briefing.export import markdown, webannotation
from briefing.export.paths import earlier_export_name, export_name, inside
from briefing.model import Analysis, Article
from briefing.source_grades import Library
from briefing.storage import atomic_write
from briefing.store import Store

__all__ = ["export_articles", "export_article_text"]


def exported_analysis(store: Store, article: Article, model: str | None) -> Analysis | None:
    """The analysis the reader shows for the configured pipeline (`model`, None: the
    configured one), so that grades follow onto the claims the reader shows them on and
    the export prints each where the reader does; when that pipeline has not analysed this
    text, the newest stored analysis (export never runs spaCy itself)."""
    return cached_analysis(store, article.hash, model) or store.analysis_of(article.hash)


def _markdown_parts(store: Store, article_id: int, vault: bool = False,
                    model: str | None = None, library: Library | None = None
                    ) -> tuple[str, str]:
    """(front matter, managed region) of an article's Markdown export (`library`: the
    rest of the library, read once for every article exported)."""
    article = store.require_article(article_id)
    highlights = store.annotations(article_id)
    notes = store.notes(article_id)
    analysis = exported_analysis(store, article, model)
    # the grades on the claims exported (claim_grades.py)
    followed = follow_grades(store, article_id, article.hash, analysis, library) \
        if analysis is not None else None
    orphans = orphaned_grades(store, article_id, analysis, followed)
    return (markdown.front_matter(article, highlights, notes, analysis, vault=vault,
                                  orphaned_grades=orphans),
            markdown.render_region(article, highlights, notes, analysis, store.grades(),
                                   vault=vault, renamed=store.renamed_sources(),
                                   orphaned_grades=orphans))


def export_article_text(store: Store, article_id: int, fmt: str = "md",
                        vault: bool = False, model: str | None = None,
                        library: Library | None = None) -> str:
    """The whole export of one article as text (Markdown or Web Annotation JSON).
    `vault`: Markdown for Obsidian/Logseq, actors as [[links]] (see markdown.front_matter).
    `model`: the configured pipeline (None: config.model_name), whose analysis is used."""
    if fmt == "json":
        article = store.require_article(article_id)
        return json.dumps(webannotation.render(article, store.annotations(article_id)),
                          ensure_ascii=False, indent=2) + "\n"
    front, region = _markdown_parts(store, article_id, vault, model, library)
    return front + "\n" + region


def export_articles(store: Store, ids: list[int], output: Path, fmt: str = "md",
                    force: bool = False, single_file: bool = True,
                    vault: bool = False, model: str | None = None) -> list[Path]:
    """Write one file per article; returns the paths written.

    `output` is a folder, or (one article) a file path ending in .md/.json.
    """
    suffix = ".json" if fmt == "json" else ".md"
    written = []
    library = Library(store)  # who speaks where, read once (not once per article)
    for article_id in ids:
        article = store.require_article(article_id)
        if single_file and output.suffix.lower() == suffix:
            folder, name = output.parent, output.name
            earlier = None
        else:
            folder, name = output, export_name(article.title, article_id, suffix)
            earlier = earlier_export_name(article.title, article_id, suffix)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BriefingError(f"cannot create {folder}: {exc.strerror}") from None
        target = inside(folder, name)
        if earlier is not None:
            _rename_earlier_export(inside(folder, earlier), target)
        written.append(_write(store, article_id, target, fmt, force, vault, model, library))
    return written


def _rename_earlier_export(earlier: Path, target: Path) -> None:
    """An export under the name exports used to get takes the new name, so a re-export
    updates it (keeping what the analyst wrote around the region) instead of copying it."""
    if target.exists() or target.is_symlink() or earlier == target:
        return
    if earlier.is_file() and not earlier.is_symlink():
        try:
            os.replace(earlier, target)
        except OSError as exc:
            raise BriefingError(f"cannot rename {earlier}: {exc.strerror}") from None


def _write(store: Store, article_id: int, target: Path, fmt: str, force: bool,
           vault: bool, model: str | None, library: Library) -> Path:
    if target.is_symlink():
        raise BriefingError(f"{target} is a symbolic link; refusing to write through it")
    if target.exists() and not force:
        if fmt != "md":
            raise BriefingError(f"{target} exists; use --force to replace it")
        existing = target.read_text(encoding="utf-8", errors="replace")
        content = markdown.merge_into_existing(
            existing, *_markdown_parts(store, article_id, vault, model, library))
        if content is None:
            raise BriefingError(f"{target} exists and has no Briefing region; use --force")
    else:
        content = export_article_text(store, article_id, fmt, vault, model, library)
    try:
        atomic_write(target, content.encode("utf-8"))
        os.chmod(target, 0o644)
    except OSError as exc:
        raise BriefingError(f"cannot write {target}: {exc.strerror}") from None
    return target
