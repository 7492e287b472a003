"""The five verdicts, defined once."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    SUPPORTED = "supported"
    PARTLY = "partly supported"
    NOT_SUPPORTED = "not supported"
    NOT_COMPARABLE = "not comparable"  # a classification break or missing data prevents a like-for-like test
    NOT_TESTABLE = "not testable with these data"

    @property
    def holds(self) -> bool:
        """The words are reproduced by the figures."""
        return self is Verdict.SUPPORTED

    @property
    def tested(self) -> bool:
        """The data could test the words (whatever the answer)."""
        return self in (Verdict.SUPPORTED, Verdict.PARTLY, Verdict.NOT_SUPPORTED)


VERDICTS = tuple(v.value for v in Verdict)
