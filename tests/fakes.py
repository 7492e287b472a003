"""Test doubles shared by tests: a clock that only moves when something sleeps."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FakeClock:
    """Advances only when something sleeps; records every sleep (peelstats.policeuk.ratelimit.Clock)."""

    now: float = 0.0
    wall: float = 1_700_000_000.0

    def __post_init__(self):
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.sleeps.append(seconds)
            self.now += seconds
            self.wall += seconds

    def time(self) -> float:
        return self.wall
