"""Feed update speed: a generated RSS feed of 200 entries and their pages, served from a
local HTTP server (127.0.0.1), imported by `briefing feed update` into an empty library.

Prints the first update (fetch feed, fetch and extract 200 pages, import in one commit;
analysis deferred) and a second update of the unchanged feed (one conditional request).
Run: python benchmarks/feeds.py [--entries N]   (targets: first <= 60 s on 2 cores,
second <= 1 s)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from briefing.cli import main as cli_main  # noqa: E402
from briefing.store import Store  # noqa: E402
from tests.web_server import Route, WebServer  # noqa: E402

PLACES = ("the northern harbour", "the border crossing", "the grain terminal", "the capital",
          "the coastal radar station", "the rail yard", "the power plant", "the pipeline")


def page_paragraphs(n: int) -> list[str]:
    place = PLACES[n % len(PLACES)]
    return [f"Paragraph {p}: officials at {place} said on day {n} that inspections would be "
            f"tightened, while a ministry spokesperson denied that shipment {n * 13 + p} had "
            "been held. Operators said the measures would add hours to clearance times."
            for p in range(10)]


def build_site(server: WebServer, entries: int) -> str:
    items = []
    for n in range(entries):
        link = server.page(f"/story/{n}", f"Inspections tightened at site {n}",
                           page_paragraphs(n))
        items.append(f"<item><title>Inspections tightened at site {n}</title>"
                     f"<link>{escape(link)}</link><guid>{escape(link)}</guid>"
                     f"<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate></item>")
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Wire</title>'
            f"<link>{server.base}/</link>{''.join(items)}</channel></rss>").encode()
    server.routes["/feed.xml"] = Route(feed, content_type="application/rss+xml",
                                       etag='"bench-1"', last_modified="Tue, 04 Mar 2025")
    return server.url("/feed.xml")


def update(db: Path) -> tuple[float, str]:
    out = io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = cli_main(["--db", str(db), "feed", "update"])
    took = time.perf_counter() - t0
    if code != 0:
        raise SystemExit(f"feed update failed ({code}): {out.getvalue()}")
    return took, out.getvalue().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=200)
    args = parser.parse_args()
    server = WebServer()
    try:
        url = build_site(server, args.entries)
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "feeds.json"
            with contextlib.redirect_stdout(io.StringIO()):
                assert cli_main(["--db", str(db), "feed", "add", url]) == 0
            first, said = update(db)
            print(f"first update ({args.entries} entries): {first:.1f} s (target <= 60 s) "
                  f"-- {said}")
            pages = sum(n for path, n in server.requests.items() if path.startswith("/story/"))
            second, said = update(db)
            pages_after = sum(n for p, n in server.requests.items() if p.startswith("/story/"))
            print(f"second update, feed unchanged: {second:.3f} s (target <= 1 s) -- {said}; "
                  f"pages fetched: {pages_after - pages}, feed answered 304: "
                  f"{server.not_modified['/feed.xml']}")
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "briefing", "--db", str(db), "feed",
                            "update"], check=True, stdout=subprocess.DEVNULL)
            print(f"third update, unchanged, as cron runs it (a whole `briefing feed update` "
                  f"process): {time.perf_counter() - t0:.3f} s")
            with Store(db) as store:
                print(f"library: {len(store.articles())} articles")
    finally:
        server.close()


if __name__ == "__main__":
    main()
