"""Feeds over real HTTP (a server on 127.0.0.1): RSS, Atom and JSON Feed, `briefing feed`."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

import pytest

from briefing.cli import main
from briefing.store import Store
from tests.web_server import Route


def paragraphs(topic: str) -> list[str]:
    return [f"Officials said on Tuesday that talks about {topic} would resume next week, "
            "although the delegation had not yet confirmed the date of the meeting.",
            f"A spokesperson for the ministry said the dispute over {topic} had been "
            "narrowed to two questions, and that both sides wanted an agreement soon.",
            "Analysts expect the discussions to last several days before any statement."]


def rss(items: list[dict], title: str = "Harbour Wire") -> bytes:
    body = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f"<guid>{escape(i.get('guid', i['link']))}</guid>"
        f"<pubDate>{i.get('date', 'Tue, 04 Mar 2025 09:00:00 GMT')}</pubDate>"
        + (f"<author>{i['author']}</author>" if "author" in i else "")
        + (f"<content:encoded><![CDATA[{i['content']}]]></content:encoded>"
           if "content" in i else "") + "</item>" for i in items)
    return (f'<?xml version="1.0"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{title}</title><link>http://x.test/</link>{body}</channel></rss>").encode()


def atom(items: list[dict]) -> bytes:
    body = "".join(
        f"<entry><id>{i['link']}#id</id><title>{escape(i['title'])}</title>"
        f'<link href="{escape(i["link"])}"/><updated>2025-03-05T10:00:00Z</updated>'
        f"<author><name>Atom Author</name></author></entry>" for i in items)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom Desk</title><id>urn:x</id><updated>2025-03-05T10:00:00Z</updated>"
            f"{body}</feed>").encode()


def json_feed(items: list[dict]) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON Desk",
                       "items": [{"id": i["link"] + "#json", "url": i["link"],
                                  "title": i["title"], "date_published": "2025-03-06T08:00:00Z",
                                  "authors": [{"name": "Jay Son"}]} for i in items]}).encode()


@pytest.fixture
def feeds_site(web):
    """An RSS, an Atom and a JSON feed, two entries each, each with its page."""
    urls = {}
    for kind, build, ctype in (("rss", rss, "application/rss+xml"),
                               ("atom", atom, "application/atom+xml"),
                               ("json", json_feed, "application/feed+json")):
        items = [{"title": f"{kind} story {n}",
                  "link": web.page(f"/{kind}/{n}", f"{kind.upper()} story {n}",
                                   paragraphs(f"{kind} item {n}"))} for n in (1, 2)]
        web.routes[f"/{kind}.feed"] = Route(build(items), content_type=ctype,
                                            etag=f'"{kind}-1"')
        urls[kind] = web.url(f"/{kind}.feed")
    return urls


def cli(db_path, *args: str) -> int:
    return main(["--db", str(db_path), *args])


def test_rss_atom_and_json_feeds_import_each_new_entry_once(web, feeds_site, db_path, capsys):
    for url in feeds_site.values():
        assert cli(db_path, "feed", "add", url) == 0
    out = capsys.readouterr().out
    assert "RSS 2.0, 2 entries" in out and "Atom 1.0, 2 entries" in out
    assert "JSON Feed 1.1, 2 entries" in out
    assert cli(db_path, "feed", "update") == 0
    out = capsys.readouterr().out
    assert out.count(": 2 new") == 3
    with Store(db_path) as store:
        articles = store.articles()
        assert sorted(a["title"] for a in articles) == sorted(
            f"{k.upper()} story {n}" for k in ("rss", "atom", "json") for n in (1, 2))
        assert all(a["read"] is False and a["url"].startswith(web.base) for a in articles)
        json_article = next(a for a in articles if a["title"] == "JSON story 1")
        # The page names no date or author: the entry's are taken.
        assert json_article["published"] == "2025-03-06" and json_article["author"] == "Jay Son"
        assert "json item 1" in json_article["text"]
    # A new entry in the RSS feed: only it is imported, the others not again.
    items = [{"title": f"rss story {n}", "link": web.url(f"/rss/{n}")} for n in (1, 2)]
    new = web.page("/rss/3", "RSS story 3", paragraphs("rss item 3"))
    web.routes["/rss.feed"] = Route(rss(items + [{"title": "rss story 3", "link": new}]),
                                    content_type="application/rss+xml", etag='"rss-2"')
    assert cli(db_path, "feed", "update") == 0
    out = capsys.readouterr().out
    assert "Harbour Wire: 1 new" in out and out.count("unchanged") == 2
    assert web.requests["/rss/1"] == 1 and web.requests["/rss/3"] == 1
    with Store(db_path) as store:
        assert len(store.articles()) == 7


def test_an_unchanged_feed_costs_one_conditional_request_and_fetches_no_page(
        web, feeds_site, db_path):
    assert cli(db_path, "feed", "add", feeds_site["rss"]) == 0
    assert cli(db_path, "feed", "update") == 0
    pages_before = sum(n for path, n in web.requests.items() if path.startswith("/rss/"))
    feed_requests = web.requests["/rss.feed"]
    assert cli(db_path, "feed", "update") == 0
    assert sum(n for p, n in web.requests.items() if p.startswith("/rss/")) == pages_before
    assert web.requests["/rss.feed"] == feed_requests + 1 and web.not_modified["/rss.feed"] == 1


def test_a_failed_entry_is_one_line_while_the_others_import(web, db_path, capsys):
    good = web.page("/ok", "A good story", paragraphs("the good story"))
    web.routes["/feed"] = Route(rss([
        {"title": "Gone", "link": web.url("/gone")},
        {"title": "Good", "link": good},
        {"title": "Local file", "link": "file:///etc/passwd"},
    ]), content_type="application/rss+xml")
    assert cli(db_path, "feed", "add", web.url("/feed")) == 0
    capsys.readouterr()
    assert cli(db_path, "feed", "update") == 1
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    gone = web.url("/gone")
    assert errors[0] == f"briefing: feed 1 entry Gone: {gone}: HTTP 404 Not Found"
    assert "only http and https" in errors[1]
    assert "Harbour Wire: 1 new, 2 failed" in captured.out
    with Store(db_path) as store:
        assert [a["title"] for a in store.articles()] == ["A good story"]


def test_the_feeds_own_full_text_is_used_when_the_page_cannot_be_fetched(web, db_path):
    text = "".join(f"<p>{p}</p>" for p in paragraphs("the carried text"))
    web.routes["/feed"] = Route(rss([{"title": "Carried in full", "link": web.url("/down"),
                                      "content": text, "author": "desk@x.test (Desk)"}]),
                                content_type="application/rss+xml")
    assert cli(db_path, "feed", "add", web.url("/feed")) == 0
    assert cli(db_path, "feed", "update") == 0
    with Store(db_path) as store:
        (article,) = store.articles()
        assert article["title"] == "Carried in full" and "the carried text" in article["text"]
        assert article["url"] == web.url("/down") and article["published"] == "2025-03-04"


def test_a_guid_only_item_is_imported_from_its_description(web, db_path):
    """An RSS item with a guid that is no URL and no <link>: feedparser reads the guid as a
    link relative to the feed, which 404s; the item's own description is the text."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs("the guid-only item"))
    web.routes["/feed"] = Route(
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Bulletin</title>'
         "<link>http://x.test/</link><item><title>Notice 17</title>"
         f"<guid>notice-17</guid><description>{escape(body)}</description>"
         "</item></channel></rss>").encode(), content_type="application/rss+xml")
    assert cli(db_path, "feed", "add", web.url("/feed")) == 0
    assert cli(db_path, "feed", "update") == 0
    with Store(db_path) as store:
        (article,) = store.articles()
        assert article["title"] == "Notice 17" and "the guid-only item" in article["text"]
        assert "summary" in article["excerpt"]  # says it is not the page's text
    out = db_path.parent / "notice.md"
    assert cli(db_path, "export", str(article.id), "-o", str(out)) == 0
    assert "excerpt: 'feed summary only: the page could not be fetched'" in out.read_text()


def test_an_entry_that_keeps_failing_is_given_up_after_three_updates(web, db_path, capsys):
    good = web.page("/ok", "A good story", paragraphs("the good story"))
    web.routes["/feed"] = Route(rss([{"title": "Gone", "link": web.url("/gone")},
                                     {"title": "Good", "link": good}]),
                                content_type="application/rss+xml", etag='"v1"')
    assert cli(db_path, "feed", "add", web.url("/feed")) == 0
    for attempt in (1, 2):
        capsys.readouterr()
        assert cli(db_path, "feed", "update") == 1
        err = capsys.readouterr().err
        assert "HTTP 404" in err and "given up" not in err
        assert web.requests["/gone"] == attempt
        assert web.not_modified.get("/feed", 0) == 0  # refetched whole while retrying
    assert cli(db_path, "feed", "update") == 1
    assert "(given up after 3 updates; not retried)" in capsys.readouterr().err
    # From now on the feed is quiet: no page fetched, no line on stderr, a 304.
    assert cli(db_path, "feed", "update") == 0
    assert capsys.readouterr().err == "" and web.requests["/gone"] == 3
    assert cli(db_path, "feed", "update") == 0
    assert web.not_modified["/feed"] >= 1
    with Store(db_path) as store:
        assert [a["title"] for a in store.articles()] == ["A good story"]


def test_a_url_that_is_not_a_feed_is_refused_in_one_line(web, db_path, capsys):
    page = web.page("/article", "Just a page", paragraphs("a page"))
    assert cli(db_path, "feed", "add", page) == 1
    err = capsys.readouterr().err
    assert err == f"briefing: {page}: not a feed (RSS, Atom or JSON Feed); it is text/html\n"
    web.routes["/data.json"] = Route(b'{"items": []}', content_type="application/json")
    assert cli(db_path, "feed", "add", web.url("/data.json")) == 1
    assert "not a feed" in capsys.readouterr().err
    with Store(db_path) as store:
        assert store.feeds() == []


def test_a_failed_feed_is_reported_and_the_other_feeds_still_import(
        web, feeds_site, db_path, capsys):
    for url in (feeds_site["rss"], feeds_site["atom"]):
        assert cli(db_path, "feed", "add", url) == 0
    del web.routes["/rss.feed"]
    capsys.readouterr()
    assert cli(db_path, "feed", "update") == 1
    captured = capsys.readouterr()
    assert captured.err == f"briefing: feed 1: {feeds_site['rss']}: HTTP 404 Not Found\n"
    assert "Atom Desk: 2 new" in captured.out


def test_feed_list_and_remove_keep_the_articles(feeds_site, db_path, capsys):
    assert cli(db_path, "feed", "add", feeds_site["atom"]) == 0
    assert cli(db_path, "feed", "add", feeds_site["atom"]) == 1  # already subscribed
    assert cli(db_path, "feed", "update", "1") == 0
    capsys.readouterr()
    assert cli(db_path, "feed", "list", "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["url"] == feeds_site["atom"] and listed["seen"] == 2
    assert cli(db_path, "feed", "remove", "1") == 0
    assert cli(db_path, "feed", "remove", "1") == 1
    with Store(db_path) as store:
        assert store.feeds() == [] and len(store.articles()) == 2


def test_a_feed_removed_during_an_update_does_not_cost_the_others(feeds_site, db_path):
    from briefing.feeds import update_feeds

    with Store(db_path) as store:
        for url in (feeds_site["rss"], feeds_site["atom"]):
            assert cli(db_path, "feed", "add", url) == 0

        def remove_rss_meanwhile(done: int, total: int, what: str) -> None:
            if done == 0:  # the feeds are fetched, the pages not yet: another window acts
                with Store(db_path) as other:
                    other.remove_feed(1)

        reports = update_feeds(store, progress=remove_rss_meanwhile)
        assert [len(r.imported) for r in reports] == [0, 2]
        assert sorted(a["title"] for a in store.articles()) == ["ATOM story 1", "ATOM story 2"]
