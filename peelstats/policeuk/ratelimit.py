"""A token bucket (data.police.uk: 15 requests/s, bursts up to 30) with an injectable clock.

Tests pass a fake clock (tests/fakes.py), so the rate is checked without sleeping for real.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...

    def time(self) -> float: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)

    def time(self) -> float:
        return time.time()


class TokenBucket:
    """At most ``burst`` requests at once, refilled at ``rate`` per second."""

    def __init__(self, rate: float = 15.0, burst: int = 30, clock: Clock | None = None):
        self.rate = rate
        self.burst = burst
        self.clock = clock or SystemClock()
        self.tokens = float(burst)
        self.updated = self.clock.monotonic()

    def _refill(self) -> None:
        now = self.clock.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def acquire(self) -> None:
        self._refill()
        if self.tokens < 1:
            self.clock.sleep((1 - self.tokens) / self.rate)
            self._refill()
        self.tokens -= 1
