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
        what = f"Unknown force {name!r}." if name.strip() else "No force given (the name is empty)."
        super().__init__(f"{what}{hint} Run `peelstats forces` for the full list.")

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
    """The body ended before the advertised Content-Length (``stalled``: because the server stopped sending)."""

    def __init__(self, message: str, *, stalled: bool = False):
        super().__init__(message)
        self.stalled = stalled


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


# ------------------------------------------------------------------------------------------- what was asked


class UsageError(PeelstatsError):
    """Arguments that do not go together, or a value a function does not take (names the valid choices)."""


class ConfigurationError(PeelstatsError):
    """An environment setting (``PEELSTATS_MIRROR``, ``PEELSTATS_NOTEBOOKS_DIR``...) that cannot be used."""


class InputFileError(PeelstatsError):
    """A file the user gave that cannot be read: missing, a folder, not UTF-8, not readable."""


class GeographyError(PeelstatsError):
    """A place that is not a geography the data hold, or one that needs a force it was not given."""


class NotTerritorialError(GeographyError):
    """A body that is not one of the 43 territorial forces (British Transport Police, the fraud bodies) where one
    is needed."""


class ScheduleError(PeelstatsError):
    """A batch schedule that cannot be run: unreadable, or a field of the wrong kind."""


class ClusterError(PeelstatsError):
    """A Dask cluster that cannot run the batch: unreachable, not a scheduler, no workers, another dataset."""


class NoClaimsError(PeelstatsError):
    """A text in which no checkable claim was found, where a report of its claims was asked for."""


# ---------------------------------------------------------------------------------------------- the cache


class ReadOnlyCacheError(PeelstatsError):
    """The cache folder cannot be written, and the command needs to write to it."""


class IncompleteRawDataError(DataNotBuiltError):
    """``build --strict``: registered files are missing from the raw cache."""


class RefusedDownloadError(DownloadError):
    """A file arrived but failed its checks (checksum and parser): kept aside in ``rejected/``, never used."""


class EditionError(PeelstatsError):
    """An edition that cannot be added or discovered (no period, not a workbook, a page not as expected)."""


# ------------------------------------------------------------------------------------------------- claims


class ClaimFileError(PeelstatsError):
    """Every problem in a claim file, one line each (``problems``: each with a ``line(path)``)."""

    def __init__(self, path, problems: list):
        self.path = path
        self.problems = problems
        self.lines = [p.line(path) for p in problems]
        super().__init__("\n".join(self.lines))


# -------------------------------------------------------------------------------------------- data.police.uk


class PoliceUKError(PeelstatsError):
    """data.police.uk refused or failed a request."""


class TooManyCrimesError(PoliceUKError):
    """HTTP 503 for a polygon: more than 10,000 crimes."""


class PolygonTooDenseError(PoliceUKError):
    """Still over the cap after splitting to the depth limit."""


class MonthNotAvailableError(PoliceUKError):
    """The API no longer (or not yet) serves that month."""


class UnsafeArchiveError(PeelstatsError):
    """A zip member whose path would escape the target folder."""


class ArchiveLayoutError(PeelstatsError):
    """A file that is not a police.uk street CSV: by its name, its bytes (not UTF-8 CSV text) or its columns."""


class CorruptArchiveError(PeelstatsError):
    """A zip that cannot be read: truncated, damaged, or not a zip at all."""
