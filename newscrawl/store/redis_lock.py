"""QueueLock: redis-py's Lock, whose waiters block on a wake-up list instead of polling."""

from __future__ import annotations

import time
import uuid

from redis.exceptions import LockNotOwnedError
from redis.lock import Lock

__all__ = ["QueueLock"]

# KEYS: the lock, its wake-up list; ARGV: the token, how long a wake-up is kept (ms).
_RELEASE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('LPUSH', KEYS[2], 1)
redis.call('LTRIM', KEYS[2], 0, 0)
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1
"""


class QueueLock(Lock):
    """A lock many processes take in turn, each for milliseconds (a batch of linking).

    Polling a held lock every few ms costs each waiter a round trip per poll: with a few
    linkers that is several times the holder's own traffic, on the same server and CPUs.
    Here a waiter blocks in BLPOP on `NAME:wake`, which Redis serves first come, first
    served, and a release pushes one wake-up. SET NX is still the lock itself; a wake-up
    is only a hint (a stale one costs one more try), and a waiter tries again every
    `sleep` seconds anyway, since a holder that dies wakes no one (its lock expires).
    """

    def __init__(self, client, name: str, **kwargs):
        super().__init__(client, name, **kwargs)
        self.wake = f"{name}:wake"
        self._release_script = client.register_script(_RELEASE)

    def acquire(self, sleep=None, blocking=None, blocking_timeout=None, token=None) -> bool:
        token = uuid.uuid1().hex.encode() if token is None else self.redis.get_encoder().encode(token)
        blocking = self.blocking if blocking is None else blocking
        timeout = self.blocking_timeout if blocking_timeout is None else blocking_timeout
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if self.do_acquire(token):
                self.local.token = token
                return True
            wait = self.sleep if sleep is None else sleep
            if deadline is not None:
                wait = min(wait, deadline - time.monotonic())
            if not blocking or wait <= 0:
                return False
            self.redis.blpop([self.wake], timeout=max(wait, 0.001))  # 0 would block for ever

    def do_release(self, expected_token) -> None:
        keep = int((self.timeout or 60) * 1000)
        if not self._release_script(keys=[self.name, self.wake], args=[expected_token, keep], client=self.redis):
            raise LockNotOwnedError("Cannot release a lock that's no longer owned", lock_name=self.name)
