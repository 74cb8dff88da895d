"""A real HTTP server on 127.0.0.1 for tests and benchmarks: routes set per test, every
request counted, conditional GET answered as a server would (ETag / Last-Modified -> 304)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)  # e.g. {"Location": "/b"}
    etag: str | None = None
    last_modified: str | None = None
    send_length: bool = True  # False: no Content-Length, the body's end is the connection's
    delay: float = 0.0  # seconds before answering (a slow site)
    gate: threading.Event | None = None  # answer only once the test sets it (max 30 s)


class WebServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: Counter[str] = Counter()  # path -> requests received
        self.not_modified: Counter[str] = Counter()  # path -> 304s sent
        self.user_agents: set[str] = set()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.requests[self.path] += 1
                server.user_agents.add(self.headers.get("User-Agent", ""))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                time.sleep(route.delay)
                if route.gate is not None:
                    route.gate.wait(30)
                if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                        route.last_modified and not route.etag
                        and self.headers.get("If-Modified-Since") == route.last_modified):
                    server.not_modified[self.path] += 1
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                else:
                    self.close_connection = True
                for name, value in ((("ETag", route.etag), ("Last-Modified", route.last_modified))
                                    + tuple(route.headers.items())):
                    if value:
                        self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (a size limit): what is being tested

            def log_message(self, *args: object) -> None:
                pass  # quiet

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, title: str, paragraphs: list[str], **route: object) -> str:
        """Serve an article page at `path`; return its URL."""
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        html = (f"<!doctype html><html><head><title>{title}</title></head><body><article>"
                f"<h1>{title}</h1>{body}</article></body></html>")
        self.routes[path] = Route(html.encode("utf-8"), **route)
        return self.url(path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
