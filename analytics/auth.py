"""Analyst accounts for small deployments without an identity provider: bcrypt-hashed passwords
from the secrets file, and a limit on failed attempts that says nothing about which part was wrong."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import bcrypt

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
#: Checked even for unknown names so that timing does not tell which names exist.
_DUMMY_HASH = bcrypt.hashpw(b"pantau-netralitas-dummy", bcrypt.gensalt(rounds=10))


def hash_password(password: str, rounds: int = 12) -> str:
    """The string to put in the secrets file for a local account."""
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=rounds)).decode("ascii")


@dataclass
class AttemptLimiter:
    """Failed attempts per key (the user name as typed, and the browser session): after
    MAX_FAILURES within WINDOW_SECONDS the key is locked until the window has passed."""

    max_failures: int = MAX_FAILURES
    window: float = WINDOW_SECONDS
    clock: callable = time.monotonic
    _failures: dict[str, list[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, key: str) -> list[float]:
        now = self.clock()
        recent = [t for t in self._failures.get(key, []) if now - t < self.window]
        self._failures[key] = recent
        return recent

    def locked_for(self, *keys: str) -> float:
        """Seconds until every key may try again (0 when none is locked)."""
        with self._lock:
            waits = []
            for key in keys:
                recent = self._recent(key)
                if len(recent) >= self.max_failures:
                    waits.append(self.window - (self.clock() - recent[0]))
            return max(waits, default=0.0)

    def fail(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._recent(key).append(self.clock())

    def succeed(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


LIMITER = AttemptLimiter()


def check_password(accounts: dict[str, str], username: str, password: str) -> bool:
    """True when ``username`` has a local account whose bcrypt hash matches ``password``."""
    stored = accounts.get(username.strip().lower()) if username else None
    candidate = password.encode("utf-8")[:72] if password else b""
    if not stored:
        bcrypt.checkpw(candidate, _DUMMY_HASH)
        return False
    try:
        return bcrypt.checkpw(candidate, stored.encode("ascii"))
    except ValueError:  # a malformed hash in the secrets file
        return False


def login_attempt(
    accounts: dict[str, str], username: str, password: str, session_key: str, limiter: AttemptLimiter = LIMITER
) -> tuple[bool, float]:
    """(accepted, seconds to wait). A locked key is refused without checking the password."""
    keys = (f"user:{(username or '').strip().lower()}", f"session:{session_key}")
    wait = limiter.locked_for(*keys)
    if wait > 0:
        return False, wait
    if check_password(accounts, username, password):
        limiter.succeed(*keys)
        return True, 0.0
    limiter.fail(*keys)
    return False, limiter.locked_for(*keys)


if __name__ == "__main__":  # python -m analytics.auth  -> prints a hash for the secrets file
    import getpass

    print(hash_password(getpass.getpass("Kata sandi / password: ")))
