"""Headless Chromium driven over the DevTools protocol: open a page, record requests and console errors."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import websocket

from tests.processes import end_process

__all__ = ["Browser", "PageVisit", "chromium_path"]

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", "--hide-scrollbars"]
_LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


def chromium_path() -> str | None:
    """Debian's `chromium` (or another Chromium-family binary on PATH), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageVisit:
    """What the browser saw while a page loaded."""

    url: str
    requests: list[str] = field(default_factory=list)  # every URL the page asked for, itself included
    errors: list[str] = field(default_factory=list)  # console errors, uncaught exceptions, log errors

    @property
    def outside_requests(self) -> list[str]:
        """Requests other than the page itself and inline data."""
        return [u for u in self.requests if u != self.url and not u.startswith(("data:", "about:"))]


class Browser:
    """One headless Chromium with one page; `with Browser() as b: visit = b.open(path)`."""

    def __init__(self, width: int = 1366, height: int = 900, timeout: float = 30.0):
        self.width, self.height, self.timeout = width, height, timeout
        self._profile = tempfile.TemporaryDirectory(prefix="newscrawl-chromium-")
        self._proc: subprocess.Popen | None = None
        self._ws = None
        self._session: str | None = None
        self._next = 0
        self._events: list[dict] = []

    def __enter__(self) -> Browser:
        binary = chromium_path()
        if binary is None:
            raise RuntimeError("chromium not found (make install installs it)")
        self._proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self._ws = websocket.create_connection(self._endpoint(), timeout=self.timeout, suppress_origin=True)
        target = self._call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self._call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self._call(f"{domain}.enable")
        self._call("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height,
                   deviceScaleFactor=1, mobile=False)
        return self

    def _endpoint(self) -> str:
        found: list[str] = []

        def read():
            for line in self._proc.stderr:
                match = _LISTENING.search(line)
                if match:
                    found.append(match.group(1))
                    break

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(self.timeout)
        if not found:
            raise RuntimeError("chromium did not start its DevTools endpoint")
        threading.Thread(target=self._proc.stderr.read, daemon=True).start()  # keep the pipe drained
        return found[0]

    def _call(self, method: str, **params) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if self._session and not method.startswith("Target."):
            message["sessionId"] = self._session
        self._ws.send(json.dumps(message))
        while True:
            reply = json.loads(self._ws.recv())
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == method for e in self._events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} within {self.timeout} s")
            self._events.append(json.loads(self._ws.recv()))

    def open(self, path: Path, settle: float = 0.5) -> PageVisit:
        """Load a local file and wait for its load event (plus `settle` seconds for late requests)."""
        url = Path(path).resolve().as_uri()
        self._events.clear()
        self._call("Page.navigate", url=url)
        self._wait_for("Page.loadEventFired")
        self.evaluate(f"new Promise(r => setTimeout(r, {int(settle * 1000)}))", wait=True)
        visit = PageVisit(url)
        for event in self._events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                visit.requests.append(params["request"]["url"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                visit.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                visit.errors.append(details.get("exception", {}).get("description") or details.get("text", ""))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                visit.errors.append(params["entry"]["text"])
        return visit

    def evaluate(self, expression: str, wait: bool = False):
        """The value of a JavaScript expression in the page (awaited when it is a promise)."""
        result = self._call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=wait)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, target: Path) -> Path:
        """A PNG of the first screen (the viewport)."""
        data = self._call("Page.captureScreenshot", format="png")["data"]
        Path(target).write_bytes(base64.b64decode(data))
        return Path(target)

    def __exit__(self, *exc) -> None:
        if self._ws is not None:
            self._ws.close()
        if self._proc is not None:
            end_process(self._proc, timeout=10)
        self._profile.cleanup()
