"""Every error peelstats raises on purpose.

Each carries a one-line message meant for an analyst: what went wrong, and what to do or choose instead.
The CLI prints ``str(error)`` without a traceback.
"""

from __future__ import annotations


class PeelstatsError(Exception):
    """Base class: anything the user can act on."""


class UnknownForceError(PeelstatsError, KeyError):
    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown force {name!r}.{hint} Run `peelstats forces` for the full list.")

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return self.args[0]


class UnknownOffenceError(PeelstatsError, KeyError):
    def __init__(self, name: str, suggestions: list[str], valid: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown offence {name!r}.{hint} Valid offences: {'; '.join(valid)}.")

    def __str__(self) -> str:
        return self.args[0]


class UnknownSourceError(PeelstatsError, KeyError):
    def __init__(self, name: str, valid: list[str]):
        super().__init__(f"Unknown source {name!r}. Registered sources: {', '.join(valid)}.")

    def __str__(self) -> str:
        return self.args[0]


class PeriodNotAvailableError(PeelstatsError):
    """A period (or baseline) that the data do not hold."""


class PeriodFormatError(PeelstatsError, ValueError):
    """Text that cannot be read as a period end (or a day that is not a month end)."""


class DownloadError(PeelstatsError):
    """A file could not be fetched, or what came back is not the file we asked for."""


class UnexpectedContentError(DownloadError):
    """The server answered, but with something other than the expected format (e.g. an HTML page)."""


class TruncatedDownloadError(DownloadError):
    """The body ended before the advertised Content-Length."""


class RefusedDownloadError(DownloadError):
    """A file arrived but failed its checks (checksum and parser): kept aside in ``rejected/``, never used."""


class ConnectionFailedError(DownloadError):
    """The host could not be reached (after retries): no network, DNS failure, refused connection."""


class StalledDownloadError(ConnectionFailedError):
    """The body stopped arriving (or crawled) past the deadline for one file; says how many bytes came."""


class OfflineError(DownloadError):
    """No network, no cached copy and no mirror."""


class LayoutError(PeelstatsError):
    """A published file no longer has the layout the parser expects. Names file, sheet and column."""


class DataNotBuiltError(PeelstatsError):
    """The tidy dataset has not been built yet (or its raw inputs are missing)."""
