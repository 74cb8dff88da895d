"""Polite, safe HTTP GET for pages and feeds (standard library only).

Only http and https are fetched, whatever a feed links to (no file://, ftp:// or data:);
redirects are followed by hand, each checked the same way, at most MAX_REDIRECTS of them;
a body over the import limit is refused while it is read, not after; every failure is a
`FetchError` with one line naming the URL. A request may carry the validators of an
earlier answer (ETag, Last-Modified) so that an unchanged feed costs one small 304.
"""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import BinaryIO

from briefing import __version__
from briefing.errors import BriefingError
from briefing.ingest import MAX_BYTES

USER_AGENT = f"Briefing/{__version__} (terminal briefing reader; feed and page fetcher)"
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
ALLOWED_SCHEMES = ("http", "https")
_REDIRECTS = (301, 302, 303, 307, 308)
_READ_CHUNK = 64 * 1024


class FetchError(BriefingError):
    """A URL that could not be fetched (one line, naming it)."""


@dataclass
class Fetched:
    url: str  # after redirects
    body: bytes
    content_type: str  # "text/html", lower case, no parameters; "" if the server named none
    charset: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False  # a 304: the caller's copy is current, `body` is empty


def check_url(url: str) -> str:
    """The URL if it is an absolute http(s) URL with a host; else a FetchError."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        raise FetchError(f"{url}: not a valid URL") from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise FetchError(f"{url}: only http and https URLs are fetched ({shown})")
    if not parts.hostname:
        raise FetchError(f"{url}: no host in the URL")
    # A fragment names a place in a page, not another page.
    return urllib.parse.urlunsplit(parts._replace(fragment=""))


def looks_like_url(text: str) -> bool:
    """Whether a command-line argument is meant as a URL rather than a file name."""
    scheme, found, _ = text.partition("://")
    return bool(found) and scheme.isascii() and scheme.replace("+", "").isalnum()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the 3xx reaches `fetch`, which checks the target itself


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    # Only these handlers: no file:, ftp: or data: handler exists to be reached.
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor(), _NoRedirects()):
        opener.add_handler(handler)
    return opener


def fetch(url: str, etag: str | None = None, last_modified: str | None = None,
          timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES,
          accept: str = "text/html,application/xhtml+xml,*/*;q=0.8") -> Fetched:
    """GET `url`; with `etag`/`last_modified`, a conditional GET (see `Fetched.not_modified`)."""
    current = check_url(url)
    opener = _opener()
    seen = [current]
    for _ in range(MAX_REDIRECTS + 1):
        request = urllib.request.Request(current, headers={
            "User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "identity"})
        if etag:
            request.add_header("If-None-Match", etag)
        if last_modified:
            request.add_header("If-Modified-Since", last_modified)
        try:
            with opener.open(request, timeout=timeout) as response:
                return _read(current, response.headers, response, max_bytes)
        except urllib.error.HTTPError as answer:
            with answer:
                if answer.code == 304:
                    return Fetched(current, b"", "", None, answer.headers.get("ETag") or etag,
                                   answer.headers.get("Last-Modified") or last_modified, True)
                target = _redirect_target(url, current, answer)
        except FetchError:
            raise
        except TimeoutError:
            raise FetchError(f"{url}: no answer within {timeout:g} s") from None
        except urllib.error.URLError as exc:
            raise FetchError(f"{url}: cannot connect ({_reason(exc.reason)})") from None
        except (ssl.SSLError, OSError, ValueError) as exc:
            raise FetchError(f"{url}: {_reason(exc)}") from None
        if target in seen:
            raise FetchError(f"{url}: redirect loop (back to {target})")
        seen.append(target)
        current = target
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _redirect_target(url: str, current: str, answer: urllib.error.HTTPError) -> str:
    """Where a 3xx points (checked like any URL); any other status is the error it is."""
    if answer.code not in _REDIRECTS:
        raise FetchError(f"{url}: HTTP {answer.code} {answer.reason}")
    location = answer.headers.get("Location")
    if not location:
        raise FetchError(f"{url}: HTTP {answer.code} without a Location")
    return check_url(urllib.parse.urljoin(current, location))


def _read(url: str, headers: Message, response: BinaryIO, max_bytes: int) -> Fetched:
    limit = (f"{max_bytes // (1024 * 1024)} MB" if max_bytes >= 1024 * 1024
             else f"{max_bytes // 1024} KB")
    declared = headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: {int(declared) // 1024} KB is over the {limit} limit")
    chunks, size = [], 0
    while chunk := response.read(_READ_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: larger than the {limit} limit")
        chunks.append(chunk)
    return Fetched(url, b"".join(chunks), headers.get_content_type().lower()
                   if headers.get("Content-Type") else "", headers.get_content_charset(),
                   headers.get("ETag"), headers.get("Last-Modified"))


def _reason(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return " ".join(str(reason).split()) or reason.__class__.__name__
