"""Fetching pages over real HTTP (a server on 127.0.0.1) and `briefing import URL`."""

from __future__ import annotations

import pytest

from briefing import __version__
from briefing.cli import main
from briefing.fetch import FetchError, fetch, looks_like_url
from briefing.ingest import MAX_BYTES
from briefing.store import Store
from tests.web_server import Route

PARAGRAPHS = [
    "Port authorities in the northern harbour said on Monday that inspections of incoming "
    "freight would be doubled after a customs review found gaps in the paperwork.",
    "The harbour master told reporters the new checks would add about a day to clearance "
    "times, while shipping companies warned of queues at the container terminal.",
    "Officials from the transport ministry are expected to visit the port next week to "
    "review the measures with local operators and the customs service.",
]


def test_a_page_is_fetched_with_a_user_agent_naming_briefing(web):
    url = web.page("/story", "Harbour checks doubled", PARAGRAPHS)
    page = fetch(url)
    assert page.url == url and page.content_type == "text/html"
    assert b"customs review" in page.body
    assert any(ua.startswith(f"Briefing/{__version__}") for ua in web.user_agents)


def test_redirects_are_followed_and_a_loop_is_stopped_in_one_line(web):
    target = web.page("/final", "Harbour checks doubled", PARAGRAPHS)
    web.routes["/old"] = Route(status=301, headers={"Location": "/final"})
    assert fetch(web.url("/old")).url == target
    web.routes["/a"] = Route(status=302, headers={"Location": "/b"})
    web.routes["/b"] = Route(status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError) as info:
        fetch(web.url("/a"))
    assert "redirect loop" in str(info.value) and "\n" not in str(info.value)
    assert web.requests["/a"] == 1 and web.requests["/b"] == 1


def test_only_http_and_https_are_fetched_even_through_a_redirect(web, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    for url in (f"file://{secret}", "ftp://127.0.0.1/x", "data:text/plain,hi"):
        with pytest.raises(FetchError, match="only http and https"):
            fetch(url)
    web.routes["/sneaky"] = Route(status=302, headers={"Location": f"file://{secret}"})
    with pytest.raises(FetchError, match="only http and https"):
        fetch(web.url("/sneaky"))


def test_an_oversized_page_is_refused(web):
    web.routes["/huge"] = Route(b"<p>" + b"x" * MAX_BYTES + b"</p>")
    with pytest.raises(FetchError, match="over the 10 MB limit"):
        fetch(web.url("/huge"))
    # A server that does not say the size is cut off while reading, at the limit.
    web.routes["/unsized"] = Route(b"x" * (MAX_BYTES + 1), send_length=False)
    with pytest.raises(FetchError, match="larger than the 10 MB limit"):
        fetch(web.url("/unsized"))


def test_conditional_get_answers_not_modified(web):
    web.page("/feed", "x", PARAGRAPHS, etag='"v1"')
    first = fetch(web.url("/feed"))
    again = fetch(web.url("/feed"), etag=first.etag)
    assert first.etag == '"v1"' and again.not_modified and again.body == b""
    assert web.not_modified["/feed"] == 1


def test_failures_are_one_line_naming_the_url(web):
    with pytest.raises(FetchError) as info:
        fetch(web.url("/missing"))
    assert str(info.value) == f"{web.url('/missing')}: HTTP 404 Not Found"
    closed = web.url("/x").rsplit(":", 1)[0] + ":9/x"  # the discard port: nothing listens
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(closed, timeout=5)


def test_urls_are_told_from_file_names():
    assert looks_like_url("https://example.org/a") and looks_like_url("file:///etc/passwd")
    assert not looks_like_url("notes/report.md") and not looks_like_url("-")


def test_import_url_keeps_the_link_and_takes_a_changed_page_as_a_new_version(
        web, db_path, capsys):
    url = web.page("/story", "Harbour checks doubled", PARAGRAPHS)
    assert main(["--db", str(db_path), "import", url]) == 0
    with Store(db_path) as store:
        article = store.articles()[0]
        assert article["url"] == url and article["title"] == "Harbour checks doubled"
        start = article["text"].index("harbour master")
        store.add_annotation(article.id, start, start + len("harbour master"))
    assert main(["--db", str(db_path), "import", url]) == 0
    assert "already in library" in capsys.readouterr().out
    web.page("/story", "Harbour checks doubled",
             ["A new first paragraph was added to the story overnight."] + PARAGRAPHS)
    assert main(["--db", str(db_path), "import", url]) == 0
    assert "new version" in capsys.readouterr().out
    with Store(db_path) as store:
        (article,) = store.articles()
        assert len(article["revisions"]) == 1
        (highlight,) = store.annotations(article.id)
        assert article["text"][highlight.start:highlight.end] == "harbour master"


def test_import_of_a_bad_url_is_one_line_and_the_rest_import(web, db_path, capsys):
    good = web.page("/story", "Harbour checks doubled", PARAGRAPHS)
    assert main(["--db", str(db_path), "import", web.url("/gone"), good]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"briefing: {web.url('/gone')}: HTTP 404 Not Found"]
    with Store(db_path) as store:
        assert [a["url"] for a in store.articles()] == [good]
