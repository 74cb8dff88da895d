"""Command line: parses arguments, calls the core, turns failures into one-line errors."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from briefing import __version__, config
from briefing.errors import BriefingError

if TYPE_CHECKING:
    import argparse

COMMANDS = ("open", "import", "list", "export", "analyze", "serve", "search", "actors", "tags",
            "revisions", "feed")

EPILOG = """examples:
  briefing                          open the library (bundled samples on first run)
  briefing import --samples         add the bundled sample briefings
  briefing report.txt               import report.txt (if new) and read it
  briefing import a.md b.html -     import files, and stdin
  briefing import https://example.org/story   fetch a page (again: its new version)
  briefing import --update 3 v2.txt replace article 3's text, re-anchoring its highlights
  briefing revisions 3              article 3's versions: what moved or was orphaned at each
  briefing list --json              the library as JSON
  briefing feed add https://example.org/rss.xml   subscribe (RSS, Atom, JSON Feed)
  briefing feed update              import every feed's new entries (cron-friendly)
  briefing analyze report.txt --json  actors, claims and flags as JSON
  briefing export 3 -o notes/       Markdown with front matter into notes/
  briefing export --all -o vault/   every article, one file each
  briefing search "cable"           text, highlights, notes, claims, actors
  briefing search "#baltic"         highlights and notes tagged #baltic
  briefing actors --analyse         every actor across the library
  briefing serve --port 8000        the reader in a browser (localhost only)

environment: BRIEFING_DB (database file), BRIEFING_SPACY_MODEL (spaCy pipeline)"""


def _global_options(default: object) -> argparse.ArgumentParser:
    import argparse

    # Accepted before and after the command; after it, SUPPRESS keeps a value given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=default,
                        help="database file (default: $BRIEFING_DB or the user data folder)")
    common.add_argument("--model", metavar="NAME", default=default, help="spaCy pipeline")
    common.add_argument("--debug", action="store_true", default=default,
                        help="show tracebacks")
    return common


def build_parser() -> argparse.ArgumentParser:
    import argparse

    top = _global_options(None)
    common = _global_options(argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="briefing", parents=[top], epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="A terminal reader for news and intelligence briefings.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", parents=[common], help="open the reader (the default command)")
    p.add_argument("file", nargs="?", help="a file to import and read (omit for the library)")
    p.add_argument("--no-mouse", action="store_true", help="keyboard only (good over SSH)")
    p.add_argument("--theme", help="theme name")

    p = sub.add_parser("import", parents=[common], help="import files or web pages")
    p.add_argument("files", nargs="*", metavar="FILE|URL",
                   help="files to import; - for stdin; http(s) URLs of pages")
    p.add_argument("--samples", action="store_true",
                   help="import the bundled sample briefings (to try Briefing out)")
    p.add_argument("--update", type=int, metavar="ID",
                   help="replace article ID's text with FILE (or URL) and re-anchor its "
                        "annotations")

    p = sub.add_parser("revisions", parents=[common],
                       help="an article's versions and what each update moved or orphaned")
    p.add_argument("id", type=int, help="article id")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("list", parents=[common], help="list the library")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("export", parents=[common], help="export articles to Markdown or JSON")
    p.add_argument("id", nargs="?", type=int, help="article id")
    p.add_argument("--all", action="store_true", help="every article")
    p.add_argument("-o", "--output", metavar="PATH", help="file or folder (default: .)")
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.add_argument("--force", action="store_true",
                   help="replace an existing export even outside its managed region")
    p.add_argument("--vault", action="store_true",
                   help="for Obsidian/Logseq: actors as [[links]], tags as vault tags "
                        '(settings.json "export_vault": true makes it the default)')

    p = sub.add_parser("analyze", parents=[common], help="actors and claims of a file")
    p.add_argument("file", help="file to analyse; - for stdin")
    p.add_argument("--json", action="store_true", help="print JSON (the default)")

    p = sub.add_parser("search", parents=[common], help="search the whole library")
    p.add_argument("query", help="text to find; #tag for tagged highlights and notes")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=50)

    p = sub.add_parser("actors", parents=[common], help="actors across the library")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--analyse", action="store_true",
                   help="analyse articles that have no analysis yet first")

    p = sub.add_parser("tags", parents=[common], help="tags with their counts")

    p = sub.add_parser("feed", parents=[common], help="subscribe to feeds, import new entries")
    feed = p.add_subparsers(dest="feed_command", metavar="ACTION", required=True)
    f = feed.add_parser("add", parents=[common], help="subscribe to an RSS, Atom or JSON feed")
    f.add_argument("url", metavar="URL")
    f = feed.add_parser("list", parents=[common], help="the feeds subscribed to")
    f.add_argument("--json", action="store_true", help="print JSON")
    f = feed.add_parser("remove", parents=[common],
                        help="unsubscribe (the articles it brought stay)")
    f.add_argument("id", type=int, metavar="ID")
    f = feed.add_parser("update", parents=[common],
                        help="fetch feeds and import their new entries (all, or one)")
    f.add_argument("id", type=int, nargs="?", metavar="ID")

    p = sub.add_parser("serve", parents=[common], help="serve the reader in a browser")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    at = _first_positional(args_list)
    asks_help = any(a in ("-h", "--help", "--version") for a in args_list[:at])
    if not asks_help and (at == len(args_list) or args_list[at] not in COMMANDS):
        # `briefing [options] [FILE]` is `briefing open [options] [FILE]`: every option,
        # global or the reader's own (--no-mouse, --theme), is accepted after "open".
        args_list.insert(0, "open")
    if len(args_list) == 2 and args_list[0] == "open" and not args_list[1].startswith("-"):
        # `briefing FILE`, the common case, without building the parser (it delays the
        # first paint); tests check this equals what the parser gives.
        args = reader_arguments(args_list[1])
    else:
        args = build_parser().parse_args(args_list)
    try:
        return _dispatch(args)
    except BriefingError as exc:
        return _fail(str(exc), args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `briefing list | head`: the reader went away, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the promise: one line, never a traceback, unless --debug
        if args.debug:
            raise
        return _fail(f"unexpected error: {exc.__class__.__name__}: {exc} (run with --debug)", args)


def reader_arguments(file: str | None) -> SimpleNamespace:
    """What `briefing open FILE` parses to, with every option at its default."""
    return SimpleNamespace(command="open", file=file, db=None, model=None, debug=None,
                           no_mouse=False, theme=None)


def _first_positional(args: list[str]) -> int:
    # Global options may come first: `briefing --db x.json report.txt`.
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "-":
        i += 2 if args[i] in ("--db", "--model") else 1
    return min(i, len(args))


def _fail(message: str, args: argparse.Namespace) -> int:
    if args.debug:
        import traceback

        traceback.print_exc()
    from briefing.sanitize import sanitise_line

    print(f"briefing: {sanitise_line(message)}", file=sys.stderr)
    return 1


def _store(args: argparse.Namespace):
    from briefing.store import Store

    return Store(config.database_path(args.db))


def _dispatch(args: argparse.Namespace) -> int:
    if args.model:
        os.environ["BRIEFING_SPACY_MODEL"] = args.model
    handler = {
        "open": _cmd_open, "import": _cmd_import, "list": _cmd_list, "export": _cmd_export,
        "analyze": _cmd_analyze, "serve": _cmd_serve, "search": _cmd_search,
        "actors": _cmd_actors, "tags": _cmd_tags, "revisions": _cmd_revisions,
        "feed": _cmd_feed,
    }[args.command]
    return handler(args)


def _cmd_open(args: argparse.Namespace) -> int:
    import gc

    # Start-up (imports, styles, the first frame) allocates a lot and frees little, yet the
    # cyclic collector ran ~20 ms worth of passes over it before the text showed. The reader
    # turns it back on once the text is on screen (BriefingApp.resume_gc).
    gc.disable()
    try:
        return _open_reader(args)
    finally:
        gc.enable()


def _open_reader(args: argparse.Namespace) -> int:
    opened = None
    early = []  # the analysis process, started before the file is even read

    def start_analysis() -> None:
        # A file never read before is a new article: its analysis (spaCy's import and
        # load, ~1.5 s) starts now, in another process, beside ingest and the UI's start,
        # when a core is free for it (else the reader starts it once the text is on screen).
        # A file read before is left alone: its analysis is most likely stored already.
        from briefing.analysis.runner import AnalysisProcess, has_spare_core

        if has_spare_core():
            early.append(AnalysisProcess.start(args.model))

    try:
        if args.file:
            from briefing.opened_files import open_file

            # Refused files fail here, before the screen changes.
            opened = open_file(args.file, before_ingest=start_analysis)
            if early:
                doc = opened.document
                early[0].send(doc.text, doc.title, doc.meta)
        else:
            from briefing.library import ensure_samples

            with _store(args) as store:
                ensure_samples(store)
        if not sys.stdout.isatty() and not os.environ.get("BRIEFING_FORCE_TUI"):
            raise BriefingError("the reader needs a terminal; use `briefing list` or `analyze`")
        from briefing.tui.app import BriefingApp

        # The reader shows the file's text at once and imports it after the first paint.
        app = BriefingApp(db_path=config.database_path(args.db), opened=opened,
                          theme_name=args.theme, model=args.model,
                          early_analysis=early.pop() if early else None)
        app.run(mouse=not args.no_mouse)
        return app.return_code or 0
    finally:
        for process in early:  # not handed to the reader (a refused file, no terminal)
            process.cancel()


def _cmd_import(args: argparse.Namespace) -> int:
    from briefing.fetch import looks_like_url
    from briefing.library import (
        fetch_document,
        import_file,
        import_web_document,
        update_article,
        update_article_text,
    )

    if args.update is not None:
        if len(args.files) != 1:
            raise BriefingError("--update takes exactly one FILE or URL")
        source = args.files[0]
        doc = fetch_document(source) if looks_like_url(source) else None
        with _store(args) as store:
            summary = (update_article_text(store, args.update, doc) if doc is not None
                       else update_article(store, args.update, source))
        print(summary.describe())
        return 0
    if not args.files and not args.samples:
        raise BriefingError("give FILEs or URLs to import, or --samples for the bundled "
                            "samples")
    names = [*args.files, *map(str, config.sample_paths() if args.samples else ())]
    # Pages are fetched before the database is locked: a slow site must not hold up a
    # reader saving highlights meanwhile.
    fetched: dict[str, object] = {}
    for name in names:
        if looks_like_url(name) and name not in fetched:
            try:
                fetched[name] = fetch_document(name)
            except BriefingError as exc:
                fetched[name] = exc
    failed = 0
    try:
        with _store(args) as store, store.batch():  # one commit for all: none if interrupted
            for name in names:
                try:
                    got = fetched.get(name)
                    if isinstance(got, BriefingError):
                        raise got
                    result = (import_web_document(store, got) if got is not None
                              else import_file(store, name))
                except BriefingError as exc:
                    # One bad file among many: say so in its line, import the rest, exit 1.
                    failed += 1
                    _fail(str(exc), args)
                    continue
                _report_import(result, "URL" if name in fetched else "FILE")
    except KeyboardInterrupt:
        print("briefing: interrupted before the import was saved: nothing was imported",
              file=sys.stderr)
        raise
    return 1 if failed else 0


def _report_import(result, new_version_from: str) -> None:
    if result.updated is not None:
        print(f"{result.article_id}\tnew version\t{_safe(result.title)} "
              f"({result.updated.describe()})")
        return
    verb = "already in library" if result.existing else "imported"
    print(f"{result.article_id}\t{verb}\t{_safe(result.title)}")
    if result.earlier_version is not None:
        print(f"\tlooks like a new version of article {result.earlier_version}: to move "
              f"its highlights, `briefing import --update {result.earlier_version} "
              f"{new_version_from}` (and `briefing` lets you delete article "
              f"{result.article_id})")


def _cmd_revisions(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from briefing.revisions import version_lines, versions

    with _store(args) as store:
        article = store.require_article(args.id)
    if args.json:
        print(json.dumps([asdict(v) for v in versions(article)], ensure_ascii=False, indent=2))
        return 0
    print("\n".join(version_lines(article)))  # sanitised there, indentation kept
    return 0


def _safe(value: object) -> str:
    from briefing.sanitize import is_safe, sanitise_line

    text = str(value)
    # Stored titles were sanitised on the way in: one C-level scan confirms it (`list` of
    # 10,000 articles spent 0.1 s sanitising them again); anything else is cleaned.
    if is_safe(text) and "\n" not in text and "\t" not in text:
        return text
    return sanitise_line(text)


def _cmd_list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    with _store(args) as store:
        rows = store.library_rows()
    return _print_table(
        [asdict(row) for row in rows] if args.json else None, rows,
        "(library is empty: briefing import FILE, or briefing import --samples to try the "
        "bundled samples)",
        f"{'ID':>4}  {'PUBLISHED':10}  {'HL':>3}  {'NOTES':>5}  TITLE",
        lambda row: f"{row.id:>4}  {(row.published or '')[:10]:10}  "
                    f"{row.highlights:>3}  {row.notes:>5}  {_safe(row.title)[:70]}")


def _print_table(as_json: list | None, rows: list, empty: str, header: str, line) -> int:
    """JSON when asked for, else a header and one formatted line per row."""
    if as_json is not None:
        print(json.dumps(as_json, ensure_ascii=False, indent=2))
    elif not rows:
        print(empty)
    else:
        print(header)
        for row in rows:
            print(line(row))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from briefing.export import export_articles

    if args.all == (args.id is not None):
        raise BriefingError("give an article ID or --all")
    with _store(args) as store:
        ids = [a.id for a in store.articles()] if args.all else [args.id]
        written = export_articles(store, ids, Path(args.output or "."), fmt=args.format,
                                  force=args.force, single_file=not args.all,
                                  vault=config.export_vault(args.vault), model=args.model)
    for path in written:
        print(path)
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from briefing.analysis import analyse_document
    from briefing.ingest import load

    doc = load(args.file)
    result = analyse_document(doc)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    from briefing.search import SearchIndex

    with _store(args) as store:
        hits = SearchIndex(store).search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"no match for {_safe(args.query)}")
        return 1
    print_hits(hits, heading=sys.stdout.isatty())
    return 0


def print_hits(hits: list, heading: bool) -> None:
    """As ripgrep does: in a terminal, each briefing's title (and id) once as a heading,
    then its hits by paragraph; piped, one line per hit that names the briefing."""
    last = None
    for hit in hits:
        briefing = f"{_safe(hit.title)} [{hit.article_id}]"
        where = f"¶{hit.paragraph}" if hit.paragraph is not None else "-"
        if not heading:
            print(f"{briefing}:{where}:{hit.kind}: {_safe(hit.snippet)}")
            continue
        if hit.article_id != last:
            print(("\n" if last is not None else "") + briefing)
            last = hit.article_id
        print(f"  {where:>4}  {hit.kind:<12} {_safe(hit.snippet)}")


def _cmd_actors(args: argparse.Namespace) -> int:
    from briefing.actor_index import analyse_library, build_index

    with _store(args) as store:
        if args.analyse:
            from briefing.analysis import PipelineUnavailable

            try:
                analyse_library(store, args.model)
            except PipelineUnavailable as exc:
                raise BriefingError(str(exc)) from None
        actors = build_index(store)
    return _print_table(
        [a.to_dict() for a in actors] if args.json else None, actors,
        "no analysed articles yet: open them in the reader, or use --analyse",
        f"{'ACTOR':40} {'TYPE':13} {'BRIEFINGS':>9} {'MENTIONS':>8} {'CLAIMS':>6}",
        lambda a: f"{_safe(a.name)[:40]:40} {a.type:13} {len(a.appearances):>9} "
                  f"{a.mention_count:>8} {len(a.claims):>6}")


def _cmd_tags(args: argparse.Namespace) -> int:
    from briefing.search import SearchIndex

    with _store(args) as store:
        tags = SearchIndex(store).tags()
    for tag, count in tags.items():
        print(f"{count:>5}  #{_safe(tag)}")
    return 0


def _cmd_feed(args: argparse.Namespace) -> int:
    from briefing import feeds

    if args.feed_command == "update":
        with _store(args) as store:
            reports = feeds.update_feeds(store, [args.id] if args.id else None)
        failed = False
        for report in reports:
            print(_safe(report.describe()))
            for line in report.failures:  # each on its own line; the rest were imported
                failed = True
                _fail(line, args)
        return 1 if failed else 0
    with _store(args) as store:
        if args.feed_command == "add":
            feed_id, parsed = feeds.add_feed(store, args.url)
            print(f"{feed_id}\t{_safe(parsed.title)}\t{parsed.kind}, {len(parsed.entries)} "
                  f"entries (`briefing feed update {feed_id}` imports them)")
            return 0
        if args.feed_command == "remove":
            feed = store.remove_feed(args.id)
            print(f"removed feed {feed.id} {_safe(feed.title)} (its articles stay)")
            return 0
        rows = store.feeds()
    return _print_table(
        [{**f.to_dict(), "seen": len(f.seen)} for f in rows] if args.json else None, rows,
        "(no feeds: briefing feed add URL)",
        f"{'ID':>4}  {'CHECKED':16}  {'TITLE':30}  URL",
        lambda f: f"{f.id:>4}  {(f.checked or 'never')[:16]:16}  "
                  f"{_safe(f.title)[:30]:30}  {_safe(f.url)}")


def _cmd_serve(args: argparse.Namespace) -> int:
    from briefing.serve import serve

    serve(args.host, args.port, db=args.db)
    return 0
