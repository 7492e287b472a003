"""Compare one force's change with "national", in every sense of the word, and place it among the 43 forces.

>>> from peelstats import compare
>>> result = compare("west mercia", period_end="2018-03-31")          # doctest: +SKIP
>>> result.force_change_pct, result.england_and_wales_change_pct       # doctest: +SKIP
(4.208..., 12.857...)
>>> result.to_dict()["rank"]                                           # doctest: +SKIP
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from peelstats.analysis import comparators as cmp
from peelstats.analysis.comparators import National
from peelstats.analysis.figures import Figures
from peelstats.analysis.panel import LONG_SERIES, ONS, Panel, describe_periods, get_panel
from peelstats.analysis.rates import denominator, rate_per_1000
from peelstats.analysis.selection import Selection, available_periods, comparable_periods, latest_period, select
from peelstats.errors import NotTerritorialError, PeriodNotAvailableError
from peelstats.ingest.dataset import Dataset, load
from peelstats.output import jsonable, to_json
from peelstats.reference import breaks as brk
from peelstats.reference import forces, geography, periods
from peelstats.reference import offences as off
from peelstats.reference.breaks import Severity

__all__ = ["Comparator", "Comparison", "compare", "available_periods", "comparable_periods", "latest_period",
           "select"]

log = logging.getLogger(__name__)

RECORDING_CAVEAT = ("Police recorded crime is a count of crimes recorded, not a survey of crimes experienced: "
                    "year-on-year changes are heavily affected by recording practice (improvements since the 2014 "
                    "HMIC crime data integrity inspections drove much of the rise in recorded crime).")
N_SIMILAR = 5


@dataclass
class Comparator:
    name: str
    definition: str
    count: float | None
    baseline_count: float | None
    change_pct: float | None
    gap_pp: float | None  # force change minus comparator change, percentage points

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Comparison:
    """The result of :func:`compare`. Renders as a table in Jupyter; ``to_dict``/``to_json`` for scripts."""

    force: str
    force_code: str
    offence: str
    period_end: pd.Timestamp
    baseline_end: pd.Timestamp
    source: str
    edition: str
    baseline_edition: str
    force_count: float | None
    force_baseline_count: float | None
    force_change_pct: float | None
    suppressed: bool
    comparators: list[Comparator]
    rank: int | None
    n_forces: int
    percentile: float | None
    comparable: bool
    breaks: list[dict]
    region: dict
    alliance_partners: list[dict]
    similar_forces: list[dict]
    similar_method: str
    caveats: list[str]
    alternative: Comparison | None = None
    published_force_change_pct: float | None = None
    extra: dict = field(default_factory=dict)

    # -- named comparators --------------------------------------------------------------------------------
    def comparator(self, key: str) -> Comparator:
        return next(c for c in self.comparators if c.name == key)

    @property
    def england_and_wales_change_pct(self) -> float | None:
        return self.comparator(ENGLAND_AND_WALES).change_pct

    @property
    def sum_of_forces_change_pct(self) -> float | None:
        return self.comparator(SUM_OF_FORCES).change_pct

    @property
    def rest_of_england_and_wales_change_pct(self) -> float | None:
        return self.comparator(REST_OF_ENGLAND_AND_WALES).change_pct

    @property
    def mean_force_change_pct(self) -> float | None:
        return self.comparator(MEAN_FORCE).change_pct

    @property
    def median_force_change_pct(self) -> float | None:
        return self.comparator(MEDIAN_FORCE).change_pct

    # -- output -------------------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return jsonable({
            "force": self.force,
            "force_code": self.force_code,
            "offence": self.offence,
            "period_end": self.period_end.date().isoformat(),
            "baseline_end": self.baseline_end.date().isoformat(),
            "period": periods.label(self.period_end),
            "baseline_period": periods.label(self.baseline_end),
            "force_count": _num(self.force_count),
            "force_baseline_count": _num(self.force_baseline_count),
            "force_change_pct": _num(self.force_change_pct),
            "published_force_change_pct": _num(self.published_force_change_pct),
            "suppressed": self.suppressed,
            "england_and_wales_change_pct": _num(self.england_and_wales_change_pct),
            "sum_of_forces_change_pct": _num(self.sum_of_forces_change_pct),
            "rest_of_england_and_wales_change_pct": _num(self.rest_of_england_and_wales_change_pct),
            "mean_force_change_pct": _num(self.mean_force_change_pct),
            "median_force_change_pct": _num(self.median_force_change_pct),
            "rank": self.rank,
            "n_forces": self.n_forces,
            "percentile": _num(self.percentile),
            "comparable": self.comparable,
            "breaks": self.breaks,
            "source": self.source,
            "edition": self.edition,
            "baseline_edition": self.baseline_edition,
            "comparators": [{k: _num(v) for k, v in c.as_dict().items()} for c in self.comparators],
            "region": self.region,
            "alliance_partners": self.alliance_partners,
            "similar_forces": self.similar_forces,
            "similar_method": self.similar_method,
            "caveats": self.caveats,
            "alternative": self.alternative.to_dict() if self.alternative else None,
            "headline": self.headline(),
            **self.extra,
        })

    def to_json(self) -> str:
        return to_json(self.to_dict())

    def table(self) -> pd.DataFrame:
        """Force, comparators, region and alliance partner as rows."""
        rows = [{"area": self.force, "definition": "the force", "count": self.force_count,
                 "baseline_count": self.force_baseline_count, "change_pct": self.force_change_pct,
                 "gap_pp": None}]
        rows += [c.as_dict() | {"area": c.name} for c in self.comparators]
        frame = pd.DataFrame(rows)[["area", "definition", "count", "baseline_count", "change_pct", "gap_pp"]]
        return frame

    def headline(self) -> str:
        change = "not shown (base under 50)" if self.suppressed else _pct(self.force_change_pct)
        if not self.comparable:
            base = self.extra.get("baseline_offence", self.offence)
            counts = f"{_count(self.force_count)} vs {base.lower()} {_count(self.force_baseline_count)}"
            return (f"NOT COMPARABLE: {self.force} {self.offence.lower()} {periods.label(self.period_end)} "
                    f"({counts} in {periods.label(self.baseline_end)}): "
                    + " ".join(b["explanation"] for b in self.breaks if b["severity"] == Severity.NOT_COMPARABLE))
        if self.force_change_pct is None and self.england_and_wales_change_pct is None and not self.suppressed:
            return (f"{self.force}: {self.offence.lower()} {_count(self.force_count)} in "
                    f"{periods.label(self.period_end)} (no change: {periods.label(self.baseline_end)} is not in the "
                    f"data); England and Wales {_count(self.extra.get('england_and_wales_count'))}.")
        text = (f"{self.force}: {self.offence.lower()} {change} ({periods.label(self.period_end)} vs "
                f"{periods.label(self.baseline_end)}); England and Wales {_pct(self.england_and_wales_change_pct)}. "
                + (f"Rank {self.rank} of {self.n_forces} (1 = lowest change)." if self.rank is not None else
                   f"Not ranked: {self.force} has no change here, so it has no place among the {self.n_forces} "
                   "forces that do."))
        return text

    def __str__(self) -> str:
        lines = [self.headline(), f"Source: {self.source}, {self.edition}"
                 + (f" (baseline from {self.baseline_edition})" if self.baseline_edition != self.edition else "")]
        shown = self.table().copy()
        for column in ("count", "baseline_count"):
            shown[column] = shown[column].map(lambda v: "" if v is None or pd.isna(v) else f"{v:,.0f}")
        for column in ("change_pct", "gap_pp"):
            shown[column] = shown[column].map(lambda v: "" if v is None or pd.isna(v) else f"{v:+.1f}")
        lines.append(shown.to_string(index=False))
        if self.alternative is not None:
            lines.append(f"Nearest comparable offence: {self.alternative.headline()}")
        lines += [f"Note: {c}" for c in self.caveats]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        title = html.escape(self.headline())
        note = "".join(f"<li>{html.escape(c)}</li>" for c in self.caveats)
        table = self.table().to_html(index=False, float_format=lambda v: f"{v:,.1f}", na_rep="")
        source = html.escape(f"Source: {self.source}, {self.edition}")
        alt = (f"<p><b>Nearest comparable offence</b>: {html.escape(self.alternative.headline())}</p>"
               if self.alternative else "")
        return f"<p><b>{title}</b></p>{table}{alt}<p><small>{source}</small></p><ul>{note}</ul>"


ENGLAND_AND_WALES = cmp.National.ENGLAND_AND_WALES.label
SUM_OF_FORCES = cmp.National.SUM_OF_FORCES.label
REST_OF_ENGLAND_AND_WALES = cmp.National.REST_OF_ENGLAND_AND_WALES.label
MEAN_FORCE = cmp.National.MEAN_FORCE.label
MEDIAN_FORCE = cmp.National.MEDIAN_FORCE.label


def _num(value):
    if value is None:
        return None
    if isinstance(value, float | np.floating) and not np.isfinite(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def _count(value) -> str:
    return "n/a" if value is None or not np.isfinite(value) else f"{value:,.0f}"


def _pct(value) -> str:
    return "n/a" if value is None or not np.isfinite(value) else f"{value:+.1f}%"


def _finite(value) -> float | None:
    return float(value) if value is not None and np.isfinite(value) else None


# --------------------------------------------------------------------------------------------------- compare


def compare(
    force: str,
    offence: str = off.TOTAL,
    period_end=None,
    baseline=None,
    *,
    source: str | None = None,
    data: Dataset | None = None,
) -> Comparison:
    """How a force's change in ``offence`` compares with every national comparator.

    ``period_end`` defaults to the latest period; ``baseline`` (a period end) to the same period one year
    earlier. The source defaults to the newest ONS PFA edition holding the period (counts from P1, the
    year-earlier counts implied by the same edition's P2), falling back to the long series.

    An offence whose series breaks between baseline and period is returned with ``comparable=False``, the
    breaks explained, and ``alternative`` holding the same comparison for the nearest comparable offence.
    """
    subject = forces.lookup(force)  # validate the user's input before touching data
    if not subject.territorial:
        raise NotTerritorialError(f"{subject.name} is not a territorial force; comparisons rank the 43 territorial "
                             "police forces. Run `peelstats forces --territorial-only`.")
    offence = off.canonical(offence)
    data = data or load()
    period = periods.to_timestamp(period_end) if period_end is not None else latest_period(data, offence,
                                                                                          with_baseline=True)
    base = periods.to_timestamp(baseline) if baseline is not None else periods.year_earlier(period)
    found = brk.breaks_between(offence, base, period)
    blocking = [b for b in found if b.blocks]
    if blocking:
        return _not_comparable(data, subject, offence, period, base, source, found, blocking)
    chosen = select(data, offence, period, base, source, subject.code, counts_only=period_end is not None)
    result = _build(data, subject, offence, chosen, period, base, found)
    if chosen.counts_only:
        result.caveats.insert(0, chosen.counts_only[0].upper() + chosen.counts_only[1:] + ".")
    return result


def _build(data: Dataset, subject: forces.Force, offence: str, chosen: Selection, period, base,
           found: list) -> Comparison:
    """The comparison, presented from :class:`~peelstats.analysis.figures.Figures`: every figure of the period
    (the forces' changes with ONS's small-base rule, ranks, the meanings of "national", regions) is computed there,
    once."""
    panel = chosen.panel
    fig = Figures(data, panel, period, base, chosen.row, chosen.baseline_row)
    own = fig.measure(geography.of_force(subject))
    rank = fig.rank(subject.code)
    force_change = None if own.suppressed else own.change_pct

    def gap(value):
        return None if force_change is None or value is None else force_change - value

    meanings = {meaning: fig.national(meaning, subject) for meaning in National}
    comparators = [Comparator(meaning.label, _definition(meaning, measure, fig, subject),
                              measure.count, measure.baseline_count, measure.change_pct, gap(measure.change_pct))
                   for meaning, measure in meanings.items()]
    region = fig.measure(geography.region(subject.region_code))
    region_row = {"name": subject.region, "count": region.count, "baseline_count": region.baseline_count,
                  "change_pct": region.change_pct,
                  "n_forces": len(region.geography.members) - len(region.left_out) if region.count is not None else 0}
    comparators.append(Comparator(f"Region: {subject.region}", region.definition, region.count,
                                  region.baseline_count, region.change_pct, gap(region.change_pct)))
    partners = []
    for partner in forces.alliance_partners(subject.code, on=period.date()):
        theirs = fig.measure(geography.of_force(partner))
        partners.append({"force": partner.name, "force_code": partner.code, "count": theirs.count,
                         "baseline_count": theirs.baseline_count, "change_pct": theirs.change_pct,
                         "rank": fig.rank(partner.code).rank})
        comparators.append(Comparator(f"Alliance partner: {partner.name}", "separate force in a strategic "
                                      "alliance with shared services", theirs.count, theirs.baseline_count,
                                      theirs.change_pct, gap(theirs.change_pct)))
    similar, method = _similar_forces(data, panel, chosen.row, subject, fig.force_changes)
    caveats = [RECORDING_CAVEAT, *(b.explanation for b in found), *_data_caveats(fig, subject, chosen)]
    edition, baseline_edition = fig.edition, fig.baseline_edition
    if baseline_edition != edition:
        caveats.append(f"Period and baseline come from different editions ({edition}; {baseline_edition}): "
                       "revisions between editions are part of the change.")
    if panel.source == ONS and chosen.baseline_row is None and not chosen.counts_only:
        caveats.append("Baseline counts are implied by ONS's published % change (Table P2) in the same edition.")
    published = _published_force_change(data, edition, subject.code, offence) if panel.source == ONS else None
    england_and_wales = meanings[National.ENGLAND_AND_WALES]
    return Comparison(
        force=subject.name, force_code=subject.code, offence=offence, period_end=period, baseline_end=base,
        source=panel.source, edition=edition, baseline_edition=baseline_edition,
        force_count=own.count, force_baseline_count=own.baseline_count,
        force_change_pct=force_change, suppressed=own.suppressed,
        comparators=comparators, rank=rank.rank, n_forces=rank.n, percentile=rank.percentile,
        comparable=True, breaks=[b.as_dict() for b in found], region=region_row,
        alliance_partners=partners, similar_forces=similar, similar_method=method, caveats=caveats,
        published_force_change_pct=published, extra={"england_and_wales_count": england_and_wales.count},
    )


def _definition(meaning: National, measure, fig: Figures, subject: forces.Force) -> str:
    """How each meaning of "national" was built, as readers see it beside the figure."""
    if meaning is National.ENGLAND_AND_WALES:
        return ("ONS published England and Wales total (includes British Transport Police)"
                if not fig.panel.national_derived else
                "43 territorial forces plus British Transport Police (as ONS builds its total)")
    if measure.count is None and measure.change_pct is None and measure.notes:
        return measure.notes[0]  # why there is no figure
    if meaning is National.SUM_OF_FORCES:
        both = np.isfinite(fig.force_counts) & np.isfinite(fig.baseline[fig.panel.force_columns])
        counted = int(both.sum()) if both.any() else int(np.isfinite(fig.force_counts).sum())
        return (f"sum of the {counted} territorial forces with "
                f"{'figures in both years' if both.any() else 'a count'} (excludes BTP)")
    if meaning is National.REST_OF_ENGLAND_AND_WALES:
        return f"England and Wales minus {subject.name}"
    n = int(np.isfinite(fig.force_changes).sum())
    return f"{'unweighted mean' if meaning is National.MEAN_FORCE else 'median'} of {n} force % changes"


def _data_caveats(fig: Figures, subject: forces.Force, chosen: Selection) -> list[str]:
    """What the figures leave out, and why: data gaps, forces with a figure in one year only, small bases."""
    panel, period, base = fig.panel, fig.period_end, fig.baseline_end
    fcols = panel.force_columns
    current, baseline, taken_out = fig.current, fig.baseline, fig.taken_out
    out = []
    for gap in fig.gaps:
        if gap.force_code == subject.code:
            out.append(f"{gap.force} supplied no data for {gap.months_label}, so it has no figure for "
                       f"{periods.label(period)} against {periods.label(base)} ({gap.source}).")
    if taken_out:
        said = [f"{g.force} supplied no data for {g.months_label}" for g in fig.gaps if g.force_code in taken_out]
        out.append(f"{_names(taken_out)} {'has' if len(taken_out) == 1 else 'have'} a figure in one year only "
                   f"({'; '.join(said) or 'not in the other edition'}): taken out of both years of every total, "
                   "sum, mean, median and ranking, so they cover the same forces.")
    no_count = [panel.codes[c] for c in fcols if not np.isfinite(current[c]) and panel.codes[c] not in taken_out]
    if no_count:
        known = {g.force_code: g for g in fig.gaps}
        why = "; ".join(f"{g.force} supplied no data for {g.months_label}" for c, g in known.items() if c in no_count)
        out.append(f"No figures for {_names(no_count)} ({why or 'data not available'}): left out of both years of "
                   "the sum, mean, median and ranking" + ("; ONS national and regional totals also exclude it."
                                                           if not panel.national_derived else "."))
    no_base = [panel.codes[c] for c in fcols if np.isfinite(current[c]) and not np.isfinite(baseline[c])
               and panel.codes[c] not in taken_out]
    if no_base and not chosen.counts_only:
        why = ("ONS shows no % change (base under 50, or not available)" if panel.source == ONS
               else "no baseline figure")
        out.append(f"{_names(no_base)}: {why}; left out of the mean, median and ranking.")
    small = [panel.codes[c] for c in fcols if np.isfinite(baseline[c]) and baseline[c] < cmp.SUPPRESSION_BASE]
    if small:
        out.append(f"{_names(small)}: base under {cmp.SUPPRESSION_BASE}, so no % change is shown (ONS rule); "
                   "left out of the mean, median and ranking.")
    i = panel.column(subject.code)
    if np.isfinite(baseline[i]) and baseline[i] < cmp.SUPPRESSION_BASE:
        out.append(f"{subject.name}'s baseline is under {cmp.SUPPRESSION_BASE}: ONS does not show a % change "
                   "on so small a base; counts are shown, the change is not.")
    return out


def _names(codes: list[str], limit: int = 8) -> str:
    if len(codes) > limit:
        return f"{len(codes)} forces"
    return ", ".join(forces.by_code(c).name for c in codes)


def _not_comparable(data, subject, offence, period, base, source, found, blocking) -> Comparison:
    """Counts on each side of the break, no % change, and the nearest comparable offence compared instead."""
    current_panel = next((get_panel(data, s, offence) for s in ([source] if source else [ONS, LONG_SERIES])
                          if get_panel(data, s, offence).has(period)), None)
    if current_panel is None:
        available = available_periods(data, offence)
        raise PeriodNotAvailableError(f"{periods.label(period)} is not in the data for {offence}; available: "
                                      f"{describe_periods(available)}.")
    row = current_panel.row(period)
    baseline_offence = brk.predecessor(offence, base) or offence
    before = get_panel(data, LONG_SERIES, baseline_offence)
    j = before.column(subject.code)
    baseline_count = _finite(before.counts[before.row(base)][j]) if before.has(base) else None
    i = current_panel.column(subject.code)
    explanation = " ".join(b.explanation for b in blocking)
    caveats = [f"Not comparable: {explanation}", RECORDING_CAVEAT]
    if baseline_offence != offence:
        caveats.append(f"The baseline shown is {baseline_offence.lower()} ({before.editions[0]}), the category "
                       f"that {offence.lower()} replaced; no % change is computed across the break.")
    comparators = [Comparator(name, "not computed across a series break", None, None, None, None)
                   for name in (ENGLAND_AND_WALES, SUM_OF_FORCES, REST_OF_ENGLAND_AND_WALES, MEAN_FORCE,
                                MEDIAN_FORCE)]
    result = Comparison(
        force=subject.name, force_code=subject.code, offence=offence, period_end=period, baseline_end=base,
        source=current_panel.source, edition=current_panel.editions[row],
        baseline_edition=before.editions[0] if baseline_count is not None else "",
        force_count=_finite(current_panel.counts[row][i]), force_baseline_count=baseline_count,
        force_change_pct=None, suppressed=False, comparators=comparators, rank=None, n_forces=0, percentile=None,
        comparable=False, breaks=[b.as_dict() for b in found], region={"name": subject.region},
        alliance_partners=[], similar_forces=[], similar_method="", caveats=caveats,
        extra={"baseline_offence": baseline_offence},
    )
    alternatives = {b.comparable_offence for b in blocking if b.comparable_offence}
    if len(alternatives) == 1:
        alt = alternatives.pop()
        result.alternative = compare(subject.code, alt, period, base, source=source, data=data)
    return result


def _similar_forces(data: Dataset, panel: Panel, row: int, subject, force_changes) -> tuple[list[dict], str]:
    """Forces with the nearest total recorded crime rate per 1,000 (HMICFRS most similar groups are not in
    the data, so this is the stated stand-in)."""
    total = get_panel(data, panel.source, off.TOTAL)
    total_row = total.row(panel.periods[row])
    denom = denominator(data, total, total_row)
    fcols = total.force_columns
    rates = rate_per_1000(total.counts[total_row][fcols], denom.population[fcols])
    k = list(fcols).index(total.column(subject.code))
    if not np.isfinite(rates[k]):
        return [], "nearest total recorded crime rate per 1,000 population (rate not available)"
    distance = np.abs(rates - rates[k])
    distance[k] = np.inf
    order = [j for j in np.argsort(distance) if np.isfinite(distance[j])][:N_SIMILAR]
    similar = [{"force": forces.by_code(total.codes[fcols[j]]).name, "force_code": total.codes[fcols[j]],
                "rate_per_1000": float(rates[j]), "change_pct": _finite(force_changes[j])} for j in order]
    method = (f"{N_SIMILAR} forces with the nearest total recorded crime rate per 1,000 population "
              f"({denom.note}); {subject.name}: {rates[k]:.1f}. HMICFRS most similar groups are not in the data.")
    return similar, method


def _published_force_change(data: Dataset, edition: str, code: str, offence: str) -> float | None:
    pc = data.published_change
    rows = pc[(pc.edition == edition) & (pc.geography_code == code) & (pc.offence == offence)]
    return _finite(rows.change_pct.iloc[0]) if len(rows) else None
