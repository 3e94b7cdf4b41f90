"""Loopback "mock web": fictional news sites over real HTTP on 127.0.0.1, and the MockWeb helper."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.processes import end_process

WIRE_HOST = "apnews.com"
PARTNER_HOSTS = ["www.kvtn7.com", "www.rivertonledger.com"]
MIRROR_HOSTS = ["capitatum.com", "sagebrushwire.com", "ledgerpostdaily.com"]
HOSTILE_HOST = "www.brokenpress.com"
ALL_HOSTS = [WIRE_HOST, *PARTNER_HOSTS, *MIRROR_HOSTS, HOSTILE_HOST]

REPO_ROOT = Path(__file__).resolve().parents[2]

__all__ = ["MockWeb", "WIRE_HOST", "PARTNER_HOSTS", "MIRROR_HOSTS", "HOSTILE_HOST", "ALL_HOSTS"]


class MockWeb:
    """Run the mock web in a subprocess for the duration of a `with` block.

    >>> with MockWeb(phase=1) as web:
    ...     settings = {"NEWSCRAWL_HOST_MAP": web.host_map}
    """

    def __init__(self, phase: int = 1, verbose: bool = False, startup_timeout: float = 20.0):
        self.phase, self.verbose, self.startup_timeout = phase, verbose, startup_timeout
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def host_map(self) -> dict[str, str]:
        """Every site host -> "127.0.0.1:PORT", the value of NEWSCRAWL_HOST_MAP."""
        return {host: self.address for host in ALL_HOSTS}

    def url(self, path: str = "/") -> str:
        """Plain-HTTP loopback URL for `path`; send the site's `Host` header with it."""
        return f"http://{self.address}{path}"

    def start(self) -> "MockWeb":
        cmd = [sys.executable, "-m", "tests.mockweb", "--port", "0", "--phase", str(self.phase)]
        if self.verbose:
            cmd.append("--verbose")
        self.proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True)
        line = self._first_line()
        prefix = "mockweb listening on 127.0.0.1:"
        if not line.startswith(prefix):
            self.stop()
            raise RuntimeError(f"mock web failed to start: {line!r}")
        self.port = int(line[len(prefix):].strip())
        return self

    def _first_line(self) -> str:
        import threading

        result: list[str] = []
        reader = threading.Thread(target=lambda: result.append(self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(self.startup_timeout)
        return result[0] if result else ""

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            end_process(self.proc, timeout=5)
        if self.proc.stdout:
            self.proc.stdout.close()
        self.proc = None

    def __enter__(self) -> "MockWeb":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
