"""Small result types: a table of figures with what it is about beside it, as typed fields.

``trend``, ``league``, ``vintages`` and ``cross_check`` return one of these (pandas documents ``DataFrame.attrs`` as
experimental, and ``merge`` drops them). Each renders as a table in Jupyter, and ``to_dict`` gives the fields and
the rows, JSON-ready through :func:`peelstats.output.to_json` (the one JSON converter).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from html import escape

import pandas as pd

from peelstats import formats
from peelstats.output import jsonable, records
from peelstats.reference import periods


@dataclass(frozen=True)
class Result:
    """A table of results (``table``) and the fields that say what it is."""

    table: pd.DataFrame

    def __len__(self) -> int:
        return len(self.table)

    def about(self) -> dict:
        """The fields that describe the table (everything but the table)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "table"}

    def to_dict(self) -> dict:
        """The fields and rows as JSON carries them (ISO dates, integers for counts and ranks)."""
        return jsonable({**self.about(), "rows": records(self.table)})

    def title(self) -> str:
        return type(self).__name__

    def _repr_html_(self) -> str:
        return f"<p><b>{escape(self.title())}</b></p>" + self.table.to_html(index=False, na_rep="")


def _pct(value) -> str:
    return formats.pct(value)


@dataclass(frozen=True)
class Trend(Result):
    """Year-on-year changes of a force and the national comparators, one row per period end."""

    force: str = ""
    offence: str = ""
    every: str = "year"

    def title(self) -> str:
        return f"{self.force}: {self.offence.lower()}, change on a year earlier, every {self.every}"

    def headline(self) -> str:
        """'West Mercia +4.2% (YE Mar 2018), rank 4 of 43; England and Wales +12.8%; median force +11.5%'."""
        if self.table.empty:
            return f"{self.force}: no {self.offence.lower()} change in the data"
        last = self.table.iloc[-1]
        rank = f", rank {int(last['rank'])} of {int(last['n_forces'])}" if pd.notna(last.get("rank")) else ""
        broken = "" if bool(last.get("comparable", True)) else " (not comparable with a year earlier: a series break)"
        return (f"{self.force} {_pct(last['force_change_pct'])} ({periods.short_label(last['period_end'])}){rank}; "
                f"England and Wales {_pct(last['england_and_wales_change_pct'])}; median force "
                f"{_pct(last['median_force_change_pct'])}{broken}")


@dataclass(frozen=True)
class League(Result):
    """Every territorial force for one offence: count, change, rate per 1,000, rank (one block per period when
    ``period_end`` is None: every period of the source)."""

    offence: str = ""
    period_end: pd.Timestamp | None = None
    baseline_end: pd.Timestamp | None = None
    source: str = ""
    edition: str = ""
    population: str = ""  # which mid-year estimate the rates use
    note: str | None = None  # what the reader must know: counts only, a baseline from another edition

    def title(self) -> str:
        when = (f"{periods.short_label(self.period_end)} vs {periods.short_label(self.baseline_end)}"
                if self.period_end is not None else "every period")
        return f"{self.offence}, {when}: all 43 forces"

    def headline(self) -> str:
        """'Total recorded crime (excluding fraud), YE Mar 2018: median force +11.6%; lowest City of London -1.3%,
        highest Kent +34.7% (43 forces ranked)'."""
        frame = self.table
        ranked = frame.dropna(subset=["change_pct"]).sort_values("change_pct") if "change_pct" in frame else frame[:0]
        if ranked.empty:
            return f"{self.offence}: no force has a change to rank" + (f" ({self.note})" if self.note else "")
        end = self.period_end
        if end is None:  # every period: the latest one speaks for the table
            end = ranked["period_end"].max()
            ranked = ranked[ranked["period_end"] == end]
        low, high = ranked.iloc[0], ranked.iloc[-1]
        return (f"{self.offence}, {periods.short_label(end)}: median force "
                f"{_pct(float(ranked['change_pct'].median()))}; lowest {low['force']} {_pct(low['change_pct'])}, "
                f"highest {high['force']} {_pct(high['change_pct'])} ({len(ranked)} forces ranked)")


@dataclass(frozen=True)
class Vintages(Result):
    """The same period as each edition published it, oldest first, with the revisions."""

    force: str = ""
    offence: str = ""
    period_end: pd.Timestamp | None = None
    first_published: str = ""  # the period's first release (ISO date), whether or not an edition of it is held
    first_held: bool = True  # the oldest figure held is that first release's

    def title(self) -> str:
        return f"{self.force}: {self.offence.lower()}, {periods.label(self.period_end)}, in every edition"

    def revised_from(self) -> str:
        """What "revised by" is measured from: the first published figure, or the oldest the data hold."""
        if self.first_held or self.table.empty:
            return "the first published figure"
        oldest = self.table.iloc[0]
        return (f"the oldest figure held ({oldest.edition}, published {oldest.published}); the figure first "
                f"published on {self.first_published} is not in the data")


@dataclass(frozen=True)
class CrossCheck(Result):
    """An ONS edition's published % changes (Table P2) against the changes computed from counts."""

    edition: str = ""
    period_end: pd.Timestamp | None = None
    baseline_end: pd.Timestamp | None = None

    def title(self) -> str:
        return f"{self.edition}: computed against published % changes"
