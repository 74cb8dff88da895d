"""Feeds: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed read here (feedparser 6
does not read it), and the update that brings each new entry into the library once.

An update fetches every feed (conditionally: an unchanged one costs a 304) and the pages of
its new entries, without holding the database's lock, then stores everything in one commit.
A failed feed or entry is reported and the rest are still imported. Analysis is not run.
"""

from __future__ import annotations

import hashlib
import html
import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

from briefing.errors import BriefingError
from briefing.fetch import Fetched, check_url, fetch
from briefing.ingest import Document, load_web
from briefing.library import ImportResult, fetch_document, import_web_document
from briefing.sanitize import sanitise_line
from briefing.store import Record, Store

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
PAGE_WORKERS = 4  # pages fetched at once during an update: polite to one site, quick enough
# An entry that fails this many updates in a row is given up (reported once, then skipped):
# a page gone for good would otherwise cost a request and a stderr line on every cron run.
ENTRY_ATTEMPTS = 3
_JSON_FEED = "https://jsonfeed.org/version/"


@dataclass
class Entry:
    key: str  # what makes it "the same entry" next time: guid/id, else link
    link: str | None
    title: str
    published: str | None  # YYYY-MM-DD
    author: str | None
    content: str | None  # the full text the feed carries (HTML), if any; not a summary
    summary: str | None = None  # RSS <description> / Atom summary: used only without a page


@dataclass
class ParsedFeed:
    title: str
    kind: str  # "RSS 2.0", "Atom 1.0", "JSON Feed 1.1", ...
    entries: list[Entry]


def parse_feed(page: Fetched) -> ParsedFeed:
    """A fetched feed, or a one-line BriefingError if the page is not one."""
    body = page.body.lstrip()
    if page.content_type in ("application/feed+json", "application/json") or (
            body.startswith(b"{")):
        return _parse_json_feed(page)
    import feedparser

    # Bytes, never a str: feedparser would take a str for a URL or a file name to open.
    parsed = feedparser.parse(body, response_headers={"content-location": page.url})
    if not parsed.get("version"):
        shown = page.content_type or "an unknown type"
        raise BriefingError(f"{page.url}: not a feed (RSS, Atom or JSON Feed); it is {shown}")
    entries = [_xml_entry(e) for e in parsed.entries]
    return ParsedFeed(sanitise_line(parsed.feed.get("title", "")) or page.url,
                      _KINDS.get(parsed.version, parsed.version), entries)


_KINDS = {"rss090": "RSS 0.90", "rss091n": "RSS 0.91", "rss091u": "RSS 0.91",
          "rss092": "RSS 0.92", "rss093": "RSS 0.93", "rss094": "RSS 0.94",
          "rss20": "RSS 2.0", "rss10": "RSS 1.0", "atom03": "Atom 0.3", "atom10": "Atom 1.0"}


def _xml_entry(e: dict) -> Entry:
    stamp = e.get("published_parsed") or e.get("updated_parsed")
    content = next((c.get("value") for c in e.get("content") or [] if c.get("value")), None)
    link = e.get("link") or None
    title = e.get("title") or ""
    summary = e.get("summary") or None
    return Entry(key=e.get("id") or link or _key_of(title, e.get("published", "")), link=link,
                 title=title, published=time.strftime("%Y-%m-%d", stamp) if stamp else None,
                 author=e.get("author") or None, content=content,
                 summary=summary if summary != content else None)


def _parse_json_feed(page: Fetched) -> ParsedFeed:
    try:
        data = json.loads(page.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BriefingError(f"{page.url}: not a feed (not valid JSON)") from None
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(version, str) or not version.startswith(_JSON_FEED):
        raise BriefingError(f"{page.url}: not a feed (JSON without a JSON Feed version)")
    entries = []
    for item in data.get("items") or []:
        if not isinstance(item, dict):
            continue
        # Relative links are resolved against the feed (fetching then checks the scheme).
        link = urljoin(page.url, item["url"]) if isinstance(item.get("url"), str) else None
        title = str(item.get("title") or "")
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
        content = item.get("content_html") or (
            "".join(f"<p>{html.escape(p)}</p>" for p in str(item["content_text"]).split("\n\n"))
            if item.get("content_text") else None)
        summary = item.get("summary")
        published = str(item.get("date_published") or "")[:10] or None
        entries.append(Entry(key=str(item.get("id") or link or _key_of(title, published)),
                             link=link, title=title, published=published,
                             author=", ".join(map(str, names)) or None,
                             content=content if isinstance(content, str) else None,
                             summary=html.escape(summary) if isinstance(summary, str) else None))
    kind = f"JSON Feed {version[len(_JSON_FEED):].strip('/')}"
    return ParsedFeed(sanitise_line(str(data.get("title") or "")) or page.url, kind, entries)


def _key_of(title: str, published: str | None) -> str:
    return "sha1:" + hashlib.sha1(f"{title}\n{published}".encode()).hexdigest()


def fetch_feed(url: str, etag: str | None = None,
               last_modified: str | None = None) -> tuple[Fetched, ParsedFeed | None]:
    page = fetch(url, etag, last_modified, accept=FEED_ACCEPT)
    return page, None if page.not_modified else parse_feed(page)


def add_feed(store: Store, url: str) -> tuple[int, ParsedFeed]:
    """Subscribe to a feed (fetched once to check it is one); its entries come with
    `update_feeds`. The validators are not kept, so the first update fetches it whole."""
    url = check_url(url)
    _, parsed = fetch_feed(url)
    return store.add_feed(url, parsed.title), parsed


# -- update --------------------------------------------------------------------------------
@dataclass
class FeedReport:
    feed_id: int
    title: str
    unchanged: bool = False
    imported: list[ImportResult] = field(default_factory=list)  # new entries
    known: int = 0  # entries new to the feed but already in the library (same text or URL)
    failures: list[str] = field(default_factory=list)  # one line each: a feed or an entry

    def describe(self) -> str:
        if self.unchanged:
            return f"feed {self.feed_id} {self.title}: unchanged"
        failed = f", {len(self.failures)} failed" if self.failures else ""
        known = f", {self.known} already in the library" if self.known else ""
        return f"feed {self.feed_id} {self.title}: {len(self.imported)} new{known}{failed}"


Progress = Callable[[int, int, str], None]  # (done, total, what) as pages arrive


@dataclass
class _Plan:
    feed: Record
    report: FeedReport
    page: Fetched | None = None
    parsed: ParsedFeed | None = None
    new: list[Entry] = field(default_factory=list)
    documents: list[Document | BriefingError] = field(default_factory=list)


def update_feeds(store: Store, feed_ids: list[int] | None = None,
                 progress: Progress | None = None) -> list[FeedReport]:
    """Fetch the feeds (all, or `feed_ids`) and import each entry not seen before, in one
    commit. Entries that failed are retried next time (the feed's validators are then not
    kept, so the next update fetches it again)."""
    feeds = ([store.require_feed(i) for i in feed_ids] if feed_ids else store.feeds())
    plans = [_Plan(f, FeedReport(f.id, f["title"])) for f in feeds]
    with ThreadPoolExecutor(PAGE_WORKERS) as pool:
        for plan, outcome in zip(plans, pool.map(_fetch_plan_feed, plans), strict=True):
            if isinstance(outcome, BriefingError):
                plan.report.failures.append(f"feed {plan.feed.id}: {outcome}")
        jobs = [(plan, entry) for plan in plans for entry in plan.new]
        done = 0
        if progress:
            progress(0, len(jobs), "feeds fetched")
        for (plan, entry), doc in zip(jobs, pool.map(_entry_document, jobs), strict=True):
            plan.documents.append(doc)
            done += 1
            if progress:
                progress(done, len(jobs), entry.title or entry.link or entry.key)
    with store.batch():
        for plan in plans:
            if plan.parsed is not None:
                _store_entries(store, plan)
    return [plan.report for plan in plans]


def _fetch_plan_feed(plan: _Plan) -> BriefingError | None:
    feed = plan.feed
    try:
        plan.page, plan.parsed = fetch_feed(feed["url"], feed.get("etag"),
                                            feed.get("last_modified"))
    except BriefingError as exc:
        return exc
    if plan.parsed is None:
        plan.report.unchanged = True
        return None
    seen, keys = set(feed.get("seen") or []), set()
    for entry in plan.parsed.entries:
        if entry.key not in seen and entry.key not in keys:
            keys.add(entry.key)
            plan.new.append(entry)
    return None


def _entry_document(job: tuple[_Plan, Entry]) -> Document | BriefingError:
    plan, entry = job
    fallback = {"published": entry.published, "author": entry.author,
                "source": plan.parsed.title if plan.parsed else None}
    fallback = {k: v for k, v in fallback.items() if v}
    try:
        if not entry.link:
            raise BriefingError("the entry has no link")
        doc = fetch_document(entry.link, entry.title or None, fallback)
    except BriefingError as exc:
        # The page cannot be had: the feed's full text if it carries one, else its summary
        # (an RSS item may be a guid and a description with no page at all; a guid that is
        # not a URL is read by feedparser as a link relative to the feed, which then 404s).
        own_text = entry.content or entry.summary
        if not own_text:
            return BriefingError(f"{_entry_name(plan, entry)}: {exc}")
        try:
            doc = _content_document(entry, own_text, fallback)
        except BriefingError as inner:
            return BriefingError(f"{_entry_name(plan, entry)}: {exc}; and the feed's own "
                                 f"text: {inner}")
        if not entry.content:
            doc.meta["excerpt"] = "feed summary only: the page could not be fetched"
    doc.meta.update(feed=plan.feed.id, entry=entry.key, read=False)
    return doc


def _entry_name(plan: _Plan, entry: Entry) -> str:
    """How a failure names its entry: errors from fetching name the URL themselves."""
    return f"feed {plan.feed.id} entry {sanitise_line(entry.title) or entry.key}"


def _content_document(entry: Entry, body: str, fallback: dict) -> Document:
    page = (f"<!doctype html><html><head><title>{html.escape(entry.title)}</title></head>"
            f"<body><article>{body}</article></body></html>")
    doc = load_web(page.encode("utf-8"), entry.link or "", "text/html", "utf-8",
                   entry.title or None, fallback)
    if not entry.link:
        doc.meta.pop("url", None)
    return doc


def _store_entries(store: Store, plan: _Plan) -> None:
    """Under the batch: import the new entries and remember what was seen."""
    try:
        # Read again under the lock: another update (cron, another window) may have run
        # meanwhile, or the feed been removed.
        feed = store.require_feed(plan.feed.id)
    except BriefingError:
        return
    seen = set(feed.get("seen") or [])
    attempts: dict[str, int] = dict(feed.get("attempts") or {})
    for entry, doc in zip(plan.new, plan.documents, strict=True):
        if entry.key in seen:
            continue
        try:
            if isinstance(doc, BriefingError):
                raise doc
            result = import_web_document(store, doc)
        except BriefingError as exc:
            failure = str(exc) if exc is doc else f"{_entry_name(plan, entry)}: {exc}"
            attempts[entry.key] = attempts.get(entry.key, 0) + 1
            if attempts[entry.key] >= ENTRY_ATTEMPTS:
                # Given up: remembered as seen, so later updates neither fetch nor report it.
                seen.add(entry.key)
                failure += f" (given up after {ENTRY_ATTEMPTS} updates; not retried)"
            plan.report.failures.append(failure)
            continue
        seen.add(entry.key)
        if result.existing or result.updated is not None:
            plan.report.known += 1
        else:
            plan.report.imported.append(result)
    current = [e.key for e in plan.parsed.entries]
    # Only entries still in the feed are remembered (a feed is a window on recent items).
    fields = {"title": plan.parsed.title, "kind": plan.parsed.kind,
              "seen": [k for k in current if k in seen],
              "attempts": {k: n for k, n in attempts.items() if k in current and k not in seen},
              "checked": datetime.now(UTC).isoformat(timespec="seconds")}
    if not fields["attempts"]:
        fields.update(etag=plan.page.etag, last_modified=plan.page.last_modified)
    else:
        fields.update(etag=None, last_modified=None)  # fetch it whole next time: retry
    store.update_feed(plan.feed.id, **fields)
    plan.report.title = plan.parsed.title
