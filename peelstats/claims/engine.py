"""Evaluating a claim file: candidates, readings, the choice of period, and the results.

For every claim about figures (all kinds but grades) peelstats tries each *candidate*: a period end (the stated
one, the one of the claim it is ``same_as``, or every quarter end in the window before the document's date) in
each source that holds it. Each kind's evaluator (:mod:`peelstats.claims.kinds`) *reads* the claim on a
candidate and gives a verdict for it. Then one candidate is chosen:

1. among candidates that reproduce the words, prefer one public on the document's date, then one from the
   edition current on that date, then the file's source order, then the closest, then the latest;
   when only figures published after the date reproduce them, the verdict stands on those and says so first;
2. when none reproduces them, the claim is judged on the latest period public on the document's date, and the
   nearest candidates are named.

Every candidate is kept, with its verdict and figure, as the claim's sensitivity table.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from peelstats import formats
from peelstats.analysis.figures import Figures, figures
from peelstats.analysis.panel import get_panel
from peelstats.claims.model import AnyClaim, ClaimFile
from peelstats.claims.verdict import Verdict
from peelstats.errors import PeelstatsError
from peelstats.ingest.dataset import Dataset
from peelstats.reference import breaks as brk
from peelstats.reference import periods, releases


@dataclass(frozen=True)
class Candidate:
    """A period, its baseline, and the source edition holding them."""

    period_end: pd.Timestamp
    baseline_end: pd.Timestamp
    source: str
    edition: str
    release: releases.Release  # when the period's figures were first published
    edition_release: releases.Release | None  # when this edition came out
    document_date: dt.date

    @property
    def public_on_date(self) -> bool:
        return self.release.public_on(self.document_date)

    @property
    def edition_current(self) -> bool:
        return self.edition_release is not None and self.edition_release.public_on(self.document_date)

    @property
    def label(self) -> str:
        return periods.short_label(self.period_end)

    def row(self) -> dict:
        return {"period_end": _iso(self.period_end), "baseline_end": _iso(self.baseline_end), "source": self.source,
                "edition": self.edition, "published": _iso(self.release.date),
                "published_estimated": self.release.estimated, "public_on_document_date": self.public_on_date,
                "edition_published": _iso(self.edition_release.date) if self.edition_release else None}


@dataclass
class Reading:
    """A claim read on one candidate."""

    verdict: Verdict
    measured: float | str | None
    reason: str
    distance: float = math.inf  # how far the figures are from the words (0 = on them)
    shown: str = ""  # the measured figure as written for readers
    comparator: str | None = None
    definition: str = ""
    words: str = ""  # how the claim's words were read
    quoted: object = None
    evidence: dict = field(default_factory=dict)
    meanings: list[dict] = field(default_factory=list)  # the same candidate under other meanings (comparators)


@dataclass
class Result:
    """A claim's verdict with the evidence: what the records, tables and notebooks show."""

    claim: AnyClaim
    force: str | None
    subject: str | None
    offence: str | None
    reading: Reading
    candidate: Candidate | None
    reason: str
    candidates: list[dict]
    latest_public: dict | None = None  # the claim read on the latest period public on the document's date

    @property
    def verdict(self) -> Verdict:
        return self.reading.verdict

    def record(self) -> dict:
        c = self.candidate
        return {
            "id": self.claim.id, "quote": self.claim.quote, "kind": str(self.claim.kind), "subject": self.subject,
            "force": self.force, "offence": self.offence, "quoted": self.reading.quoted,
            "reading": self.reading.words, "verdict": str(self.verdict), "measured": self.reading.measured,
            "measured_text": self.reading.shown or formats.measured(self.reading.measured, str(self.claim.kind)),
            "comparator": self.reading.comparator, "definition": self.reading.definition,
            **(c.row() if c else {"period_end": None, "baseline_end": None,
                                  "source": self.reading.evidence.get("source"),
                                  "edition": self.reading.evidence.get("edition"), "published": None,
                                  "published_estimated": None, "public_on_document_date": None,
                                  "edition_published": None}),
            "reason": self.reason, "note": self.claim.note, "latest_public": self.latest_public,
            "candidates": self.candidates, "evidence": self.reading.evidence,
        }


class Context:
    """What evaluators share: the data, the file, cached figures and the candidates chosen so far."""

    def __init__(self, claim_file: ClaimFile, data: Dataset):
        self.file = claim_file
        self.data = data
        self.defaults = claim_file.defaults
        self.document = claim_file.document
        self.chosen: dict[str, Candidate | None] = {}
        self._figures: dict[tuple, Figures | str] = {}

    @property
    def date(self) -> dt.date:
        return self.document.date

    def tolerance(self, claim, name: str) -> float:
        value = getattr(claim, name, None)
        return value if value is not None else getattr(self.defaults, name)

    def figures(self, offence: str, candidate: Candidate, *, need_baseline: bool = True) -> Figures | str:
        """The figures for a candidate, or the reason there are none."""
        key = (offence, candidate.period_end, candidate.baseline_end, candidate.source, need_baseline)
        if key not in self._figures:
            self._figures[key] = self._load(offence, candidate, need_baseline)
        return self._figures[key]

    def _load(self, offence: str, candidate: Candidate, need_baseline: bool) -> Figures | str:
        try:
            # across a classification break there is no like-for-like baseline: the reader says so
            blocked = any(b.blocks
                          for b in brk.breaks_between(offence, candidate.baseline_end, candidate.period_end))
            if not need_baseline or blocked:
                panel = get_panel(self.data, candidate.source, offence)
                if not panel.has(candidate.period_end):
                    return (f"{candidate.source} does not hold {offence.lower()} for "
                            f"{periods.label(candidate.period_end)}")
                return Figures(self.data, panel, candidate.period_end, candidate.baseline_end,
                               panel.row(candidate.period_end), None)
            return figures(self.data, offence, candidate.period_end, candidate.baseline_end, source=candidate.source)
        except PeelstatsError as error:
            return str(error)

    def candidate(self, period_end, baseline_end, source: str) -> Candidate | None:
        """The candidate for a period in a source, or None when the source does not hold the period."""
        panel = get_panel(self.data, source, _ANY_OFFENCE)
        if not panel.has(period_end):
            return None
        edition = panel.editions[panel.row(period_end)]
        return Candidate(period_end, baseline_end, source, edition, releases.first_published(period_end, self.data),
                         releases.edition_published(self.data, source, edition), self.date)

    def window(self) -> list[pd.Timestamp]:
        end = pd.Timestamp(self.date)
        start = end - pd.DateOffset(months=self.defaults.candidate_window_months)
        return [p.normalize() for p in pd.date_range(start, end, freq="QE") if start < p <= end]

    def latest_public(self) -> releases.Release | None:
        return releases.latest_public(self.date, self.data)


_ANY_OFFENCE = "total recorded crime"  # periods and editions are the same for every offence of a source


def candidates_for(ctx: Context, claim) -> tuple[list[Candidate], str | None]:
    """The candidates a claim is tried on, or the reason it has none."""
    period = claim.period
    if period.months != 12:
        end = f" ending {periods.label(period.end).removeprefix('year ending ')}" if period.end else ""
        months = f"{period.months} month" + ("s" if period.months != 1 else "")
        return [], (f"The statement is about {months}{end}; the data hold rolling 12-month totals "
                    "(years ending each quarter), so a part-year figure cannot be tested with them.")
    sources = [period.source] if period.source else list(ctx.defaults.sources)
    if period.same_as:
        chosen = ctx.chosen.get(period.same_as)
        if chosen is None:
            return [], f"The claim takes its period from {period.same_as!r}, which has no period in the data."
        end = periods.month_end(chosen.period_end.year - period.years_earlier, chosen.period_end.month)
        ends = [(end, periods.year_earlier(end))]
        # the same period: the same source; a shifted one may be held only by another source (the long series)
        sources = [chosen.source] if not period.years_earlier else list(dict.fromkeys([chosen.source, *sources]))
    elif period.end is not None:
        ends = [(period.end, period.baseline or periods.year_earlier(period.end))]
    else:
        ends = [(p, periods.year_earlier(p)) for p in ctx.window()]
    found = []
    for end, baseline in ends:
        for source in sources:
            candidate = ctx.candidate(end, baseline, source)
            if candidate is None:
                continue
            if period.edition and candidate.edition != period.edition:
                continue
            found.append(candidate)
    if found:
        return found, None
    tried = ", ".join(periods.short_label(e) for e, _ in ends)
    edition = f" edition {period.edition!r} of" if period.edition else ""
    return [], f"No{edition} source ({', '.join(sources)}) holds {tried}."


# -------------------------------------------------------------------------------------------- choosing


def _preference(ctx: Context, candidate: Candidate) -> tuple:
    rank = {s: n for n, s in enumerate(ctx.defaults.sources)}
    return (not candidate.public_on_date, not candidate.edition_current, rank.get(candidate.source, 99))


def choose(ctx: Context, pairs: list[tuple[Candidate, Reading]]) -> tuple[Candidate, Reading]:
    holding = [p for p in pairs if p[1].verdict.holds]
    if holding:
        # people quote the latest figures they have: among public ones, the latest; then the file's source order
        return min(holding, key=lambda p: (not p[0].public_on_date, not p[0].edition_current,
                                           -p[0].period_end.value, *_preference(ctx, p[0])[2:], p[1].distance))
    return min(pairs, key=lambda p: (not p[1].verdict.tested and p[1].verdict is not Verdict.NOT_COMPARABLE,
                                     not p[0].public_on_date, -p[0].period_end.value, *_preference(ctx, p[0])[1:]))


def choose_group(ctx: Context, readings: dict[str, list[tuple[Candidate, Reading]]], rule: str
                 ) -> tuple[pd.Timestamp, str] | None:
    """The (period, source) a group of claims shares."""
    keys = None
    for pairs in readings.values():
        these = {(c.period_end, c.source) for c, _ in pairs}
        keys = these if keys is None else keys & these
    if not keys:
        return None
    scored = []
    for key in keys:
        chosen = [next(p for p in pairs if (p[0].period_end, p[0].source) == key) for pairs in readings.values()]
        every = all(r.verdict.holds for _, r in chosen)
        distance = sum(r.distance for _, r in chosen)
        candidate = chosen[0][0]
        if rule == "closest":
            scored.append(((distance, *_preference(ctx, candidate), -key[0].value), key))
        elif every:  # as for one claim: among public figures that reproduce the words, the latest
            public, current, source = _preference(ctx, candidate)
            scored.append(((0, public, current, -key[0].value, source, distance), key))
        else:
            scored.append(((1, not candidate.public_on_date, -key[0].value, *_preference(ctx, candidate)[1:],
                            distance), key))
    return min(scored)[1]


def latest_public_figure(ctx: Context, pairs: list[tuple[Candidate, Reading]], read=None, claim=None) -> dict | None:
    """The claim read on the latest period published by the document's date: what its author could have quoted."""
    latest = ctx.latest_public()
    if latest is None:
        return None
    found = [(c, r) for c, r in pairs if c.period_end == latest.period_end and r.verdict.tested]
    if not found and read is not None:
        found = [(c, r) for c, r in _read_latest(ctx, latest, read, claim) if r.verdict.tested]
    reading = found[0][1] if found else None
    candidate = found[0][0] if found else None
    return {"period_end": _iso(latest.period_end), "published": _iso(latest.date),
            "published_estimated": latest.estimated, "source": candidate.source if candidate else None,
            "edition": candidate.edition if candidate else None,
            "measured": reading.measured if reading else None, "shown": reading.shown if reading else None,
            "verdict": str(reading.verdict) if reading else None}


def timing_note(ctx: Context, candidate: Candidate, reading: Reading, latest: dict | None) -> str:
    """The words that open a reason when the figures were not public on the document's date."""
    date = formats.long_date(ctx.date)
    if not candidate.public_on_date:
        when = formats.long_date(candidate.release.date) + (" (estimated)" if candidate.release.estimated else "")
        lead = ("Reproduced only by figures first published" if reading.verdict.holds else
                "Judged on figures first published")
        then = ""
        if latest is not None:
            edition = f" ({latest['source']} {latest['edition']})" if latest.get("edition") else ""
            value = f", which gives {latest['shown']}{edition}" if latest.get("shown") else ""
            then = (f"; on {date} the latest published period was "
                    f"{periods.label(latest['period_end'])}{value}")
        return f"{lead} on {when}, after the document's date ({date}){then}. "
    if not candidate.edition_current and candidate.edition_release is not None:
        return (f"Figures from {candidate.source} {candidate.edition}, published "
                f"{formats.long_date(candidate.edition_release.date)}: the figures public on {date} may differ by "
                "later revision. ")
    return ""


def _read_latest(ctx: Context, latest: releases.Release, read, claim) -> list[tuple[Candidate, Reading]]:
    """The claim read on the latest period public on the document's date, in the file's source order."""
    for source in ctx.defaults.sources:
        candidate = ctx.candidate(latest.period_end, periods.year_earlier(latest.period_end), source)
        if candidate is not None:
            return [(candidate, read(ctx, claim, candidate))]
    return []


def nearest_note(pairs: list[tuple[Candidate, Reading]], chosen: Candidate) -> str:
    tested = sorted((p for p in pairs if p[1].verdict.tested and p[0] is not chosen), key=lambda p: p[1].distance)
    if not tested:
        return ""
    shown = "; ".join(f"{c.label} ({c.source}) {r.shown}" for c, r in tested[:2])
    return f" Nearest other candidates: {shown}."



def _iso(value) -> str | None:
    return None if value is None else pd.Timestamp(value).date().isoformat()


