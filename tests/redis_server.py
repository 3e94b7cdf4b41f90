"""A real redis-server on a free loopback port in a temp dir, for the Redis store tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

__all__ = ["RedisServer"]

START_TIMEOUT = 10.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """`with RedisServer() as server:` a server without persistence at `server.url`.

    `restart()` stops and starts it on the same port: by default the data is lost (as a
    server without persistence loses it); `keep_data=True` saves it first (SHUTDOWN SAVE).
    """

    def __init__(self):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.fail("redis-server is not installed: run make install", pytrace=False)
        self.dir = Path(tempfile.mkdtemp(prefix="newscrawl-redis-"))
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self, *words: str) -> bytes:
        """One inline command over a raw socket (no client library involved), its reply line."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
            sock.sendall(" ".join(words).encode() + b"\r\n")
            return sock.recv(4096)

    def ping(self) -> bool:
        try:
            return self.command("PING").startswith(b"+PONG")  # -LOADING while a dump loads
        except OSError:
            return False

    def start(self) -> RedisServer:
        log = (self.dir / "server.log").open("ab")
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.dir)], stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while not self.ping():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"redis-server did not start on port {self.port}:\n"
                            f"{(self.dir / 'server.log').read_text(errors='replace')[-2000:]}", pytrace=False)
            time.sleep(0.01)
        return self

    def stop(self, save: bool = False) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        if save:
            try:
                self.command("SHUTDOWN", "SAVE")  # writes dump.rdb even with --save ''
            except OSError:
                pass  # the server closes the connection as it exits
        else:
            self.proc.terminate()
        self.proc.wait(timeout=10)

    def restart(self, keep_data: bool = False) -> None:
        self.stop(save=keep_data)
        if not keep_data:
            (self.dir / "dump.rdb").unlink(missing_ok=True)
        self.start()

    def restart_inside_a_call(self, commands: tuple[str, ...], timeout: float = 60.0) -> str:
        """Restart while a client's `commands` call is inside the server; returns that command.

        Writes are paused (CLIENT PAUSE WRITE), so the next write a client sends waits in the
        server; if it is one of `commands`, the data is saved, the server killed and started
        again on its dump: that client sees its connection drop in the middle of the call.
        Otherwise writes are let go and the server tries again.
        """
        import redis  # the tests' client; the server itself needs none

        client = redis.Redis(host="127.0.0.1", port=self.port)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            client.client_pause(int(timeout * 1000), all=False)
            waited = time.monotonic() + 1.0
            blocked = []
            while not blocked and time.monotonic() < waited:
                blocked = [c["cmd"] for c in client.client_list() if "b" in c["flags"]]
                time.sleep(0.005)
            if blocked and blocked[0] in commands:
                self.command("SAVE")
                self.proc.kill()
                self.proc.wait(timeout=10)
                client.close()
                self.start()
                return blocked[0]
            client.client_unpause()
            time.sleep(0.05)
        pytest.fail(f"no client sent {commands} while writes were paused", pytrace=False)

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)
