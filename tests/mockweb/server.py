"""The loopback HTTP server: routes each request by its Host header to one fictional site."""
from __future__ import annotations

import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .sites import build_all
from .web import Response

NOT_FOUND = Response(404, b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like real sites; every answer has a length

    def version_string(self) -> str:
        return "mockweb/1"

    def lookup(self) -> Response:
        host = (self.headers.get("Host") or "").split(":")[0].strip().lower()
        routes = self.server.routes.get(host)
        if routes is None:
            return NOT_FOUND
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(("http://", "https://")):  # absolute-form request target
            path = "/" + path.split("/", 3)[3] if path.count("/") >= 3 else "/"
        found = routes.get(path)
        if found is None and not path.endswith("/") and path + "/" in routes:
            # Slash-less section and article URLs redirect, as CMS sites do.
            return Response(301, headers={"Location": f"https://{host}{path}/"})
        return found or NOT_FOUND

    def answer(self, with_body: bool) -> None:
        resp = self.lookup()
        if resp.delay:
            time.sleep(resp.delay)
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.content_type)
        self.send_header("Content-Length", str(len(resp.body)))
        for name, value in resp.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            try:
                self.wfile.write(resp.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # clients drop bombs and slow pages on purpose

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self.answer(True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.answer(False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if self.server.verbose:
            sys.stderr.write(f"mockweb {self.headers.get('Host', '-')} {format % args}\n")


class MockWebServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int = 0, phase: int = 1, verbose: bool = False):
        self.routes = {host: b.routes for host, b in build_all(phase).items()}
        self.verbose = verbose
        super().__init__(("127.0.0.1", port), Handler)


def serve(port: int = 0, phase: int = 1, verbose: bool = False) -> None:
    server = MockWebServer(port, phase, verbose)
    print(f"mockweb listening on 127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
