"""One evaluator per kind of claim, in one registry (:data:`EVALUATORS`).

An evaluator *reads* a claim on one candidate (a period and source edition) and returns a
:class:`~peelstats.claims.engine.Reading`: the verdict there, the figure, a one-sentence reason and how the words
were read. The engine chooses among candidates; the rules for each kind are documented in ``docs/claims.md``.
Adding a kind means one model (:mod:`peelstats.claims.model`), one evaluator here and one renderer
(:mod:`peelstats.reporting.claim_views`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from peelstats import formats
from peelstats.analysis import comparators as cmp
from peelstats.analysis.comparators import National
from peelstats.analysis.figures import Figures, figures
from peelstats.analysis.figures import Measure as Measured
from peelstats.analysis.panel import FORCE_CODES, LONG_SERIES
from peelstats.claims.engine import Candidate, Context, Reading
from peelstats.claims.judge import Judgement, Tolerance, judge
from peelstats.claims.model import (
    CausalClaim,
    ChangeClaim,
    ComparisonClaim,
    CountChangeClaim,
    CountClaim,
    Direction,
    DirectionClaim,
    EarlierYearsClaim,
    ForceCountClaim,
    GradeClaim,
    GradeComparisonClaim,
    Kind,
    Measure,
    Order,
    RankClaim,
    RateClaim,
    Relation,
    StreakClaim,
    figure,
)
from peelstats.claims.verdict import Verdict
from peelstats.claims.words import Quoted
from peelstats.errors import PeelstatsError
from peelstats.reference import breaks as brk
from peelstats.reference import forces, geography, grades, periods
from peelstats.reference import offences as off
from peelstats.reference.geography import Geography, GeographyKind

Evaluator = Callable[[Context, object, Candidate | None], Reading]
EVALUATORS: dict[Kind, Evaluator] = {}


def evaluator(kind: Kind):
    def register(func: Evaluator) -> Evaluator:
        EVALUATORS[kind] = func
        return func
    return register


# ------------------------------------------------------------------------------------------- helpers


def _figures(ctx: Context, claim, candidate: Candidate, *, need_baseline: bool = True) -> Figures | Reading:
    found = ctx.figures(claim.offence, candidate, need_baseline=need_baseline)
    if isinstance(found, str):
        sentence = found if found.endswith(".") else f"{found}."  # some messages end a sentence already
        return Reading(Verdict.NOT_TESTABLE, None, sentence, definition=claim.offence)
    return found


def _period_text(fig: Figures) -> str:
    return f"{periods.label(fig.period_end)} against {periods.label(fig.baseline_end)}"


def _source_text(fig: Figures) -> str:
    return f"{fig.source}, {fig.edition}" + (f" (baseline from {fig.baseline_edition})"
                                              if fig.baseline_edition != fig.edition else "")


def _definition(claim, geo: Geography, fig: Figures, how: str = "") -> str:
    return f"{claim.offence}, {how or geo.definition}: {_period_text(fig)}; {_source_text(fig)}"


SUPPRESSED_NOTE = (f"the baseline is under {cmp.SUPPRESSION_BASE}: ONS does not publish a % change on so small a "
                   "base (computed here from the counts)")


def _notes(*measures: Measured, about_change: bool = True) -> str:
    """The measures' notes (data gaps, forces left out), and ONS's small-base rule where a change is read."""
    notes = [n for m in measures for n in (*m.notes, *([SUPPRESSED_NOTE] if about_change and m.suppressed else []))]
    return (" Note: " + "; ".join(dict.fromkeys(notes)) + ".") if notes else ""


def _from_to(measure: Measured) -> str:
    """' (80,936 to 84,342)', or nothing for a figure with no counts (a mean or median of force changes)."""
    if measure.count is None or measure.baseline_count is None:
        return ""
    return f" ({formats.count(measure.baseline_count)} to {formats.count(measure.count)})"


def _pct_tolerance(ctx: Context, claim, quoted: Quoted) -> Tolerance:
    supported = ctx.tolerance(claim, "tolerance_pp")
    partly = ctx.tolerance(claim, "partly_tolerance_pp")
    if quoted.verbal:  # "a quarter", "doubled": rounded figures of speech
        verbal = ctx.defaults.verbal_tolerance_pct / 100 * abs(quoted.value)
        supported, partly = max(supported, verbal), max(partly, 2 * verbal)
    return Tolerance(supported, partly, f"±{supported:g} pp")


def _relative_tolerance(ctx: Context, claim, quoted: Quoted, exact: str) -> Tolerance:
    approximate = quoted.quantifier.approximate or quoted.verbal
    share = ctx.tolerance(claim, "approx_tolerance_pct" if approximate else exact)
    partly = max(ctx.defaults.partly_count_tolerance_pct, share)
    size = abs(quoted.value)
    return Tolerance(share / 100 * size, partly / 100 * size, f"±{share:g}%")


def _words(quoted: Quoted, tolerance: Tolerance, judgement: Judgement) -> str:
    return f"{quoted.describe()}; allows {judgement.band} (tolerance {tolerance.text})"


def _not_comparable(ctx: Context, claim, fig: Figures, geo: Geography) -> Reading:
    """No change across a classification break: counts either side, and the comparable series instead."""
    blocking = fig.blocking_breaks
    explanation = " ".join(b.explanation for b in blocking)
    measure = fig.measure(geo)
    evidence: dict = {"breaks": [b.as_dict() for b in fig.breaks], "counts": {"period": measure.count}}
    predecessor = brk.predecessor(fig.offence, fig.baseline_end)
    if predecessor:
        try:
            before = figures(ctx.data, predecessor, fig.baseline_end, periods.year_earlier(fig.baseline_end),
                             source=LONG_SERIES).measure(geo)
            evidence["counts"].update(baseline=before.count, baseline_offence=predecessor)
        except PeelstatsError:
            pass
    alternatives = {b.comparable_offence for b in blocking if b.comparable_offence}
    alternative_text, measured, comparator = "", None, None
    if len(alternatives) == 1:
        alternative = alternatives.pop()
        try:
            other = figures(ctx.data, alternative, fig.period_end, fig.baseline_end, source=fig.source)
            alt = other.measure(geo)
            measured, comparator = alt.change_pct, f"{geo.name} ({alternative.lower()})"
            alternative_text = (f" The comparable series, {alternative.lower()}, changed by "
                                f"{formats.pct(alt.change_pct)} ({formats.count(alt.baseline_count)} to "
                                f"{formats.count(alt.count)}; {_source_text(other)}).")
            evidence["alternative"] = {"offence": alternative, **alt.as_dict(), "source": other.source,
                                       "edition": other.edition}
        except PeelstatsError:
            pass
    reason = (f"{fig.offence} in {periods.label(fig.period_end)} cannot be compared with "
              f"{periods.label(fig.baseline_end)}: {explanation}{alternative_text}")
    return Reading(Verdict.NOT_COMPARABLE, measured, reason, comparator=comparator,
                   definition=_definition(claim, geo, fig), evidence=evidence, shown=formats.pct(measured))


def _national_meanings(claim) -> list[National]:
    chosen = claim.comparators if getattr(claim, "comparators", None) else list(National)
    return [n for n in National if n in chosen]


def _measure_of(ctx: Context, claim, fig: Figures, geo: Geography) -> tuple[Measured, list[tuple[National, Measured]]]:
    """The geography's figures, and for England and Wales every meaning of "national" (the first is the headline:
    ONS's published figure unless the claim file restricts the meanings)."""
    if geo.kind is not GeographyKind.NATIONAL:
        return fig.measure(geo), []
    force = ctx.file.force_of(claim)
    meanings = [(n, fig.national(n, force)) for n in _national_meanings(claim)
                if n is not National.REST_OF_ENGLAND_AND_WALES or force is not None]
    return meanings[0][1], meanings


def _context_comparators(ctx: Context, claim, fig: Figures, subject: Measured) -> list[dict]:
    force = ctx.file.force_of(claim)
    rows = []
    for meaning in National:
        if meaning is National.REST_OF_ENGLAND_AND_WALES and (force is None or not subject.geography.is_force):
            continue
        m = fig.national(meaning, force if subject.geography.is_force else None)
        gap = (None if m.change_pct is None or subject.change_pct is None else subject.change_pct - m.change_pct)
        rows.append({"name": meaning.label, "definition": m.definition, "count": m.count,
                     "baseline_count": m.baseline_count, "change_pct": m.change_pct, "gap_pp": gap})
    return rows


def _standing_evidence(fig: Figures, geo: Geography) -> dict:
    if not geo.is_force:
        return {}
    standing = fig.standing(geo.members[0], "change", descending=False)
    return {"rank": standing.position, "n_forces": standing.out_of}


# --------------------------------------------------------------------------------------------- change


def _judge_size(change: float, size: str, direction: Direction | None, ctx: Context, claim) -> tuple[Verdict, str]:
    d = ctx.defaults
    wanted = direction
    right_way = wanted is None or (change > 0 if wanted is Direction.INCREASE else change < 0)
    if size == "no_change":
        band = f"within ±{d.no_change_max_pp:g}% (rounds to no change)"
        if abs(change) <= d.no_change_max_pp:
            return Verdict.SUPPORTED, band
        return (Verdict.PARTLY if abs(change) <= ctx.tolerance(claim, "tolerance_pp") else Verdict.NOT_SUPPORTED), band
    if size == "slight":
        band = f"a change of less than {d.slight_max_pp:g}%" + (f" ({wanted.value})" if wanted else "")
        if not right_way or change == 0:
            return Verdict.NOT_SUPPORTED, band
        return (Verdict.SUPPORTED if abs(change) < d.slight_max_pp else Verdict.PARTLY), band
    band = f"a change of {d.large_min_pp:g}% or more" + (f" ({wanted.value})" if wanted else "")
    if not right_way or change == 0:
        return Verdict.NOT_SUPPORTED, band
    return (Verdict.SUPPORTED if abs(change) >= d.large_min_pp else Verdict.PARTLY), band


def _change_on(ctx: Context, claim, candidate: Candidate, quoted: str):
    """The subject's change on a candidate, or the reading that says why there is none."""
    fig = _figures(ctx, claim, candidate)
    if isinstance(fig, Reading):
        return fig
    geo = claim.subject
    if fig.blocking_breaks:
        return _not_comparable(ctx, claim, fig, geo)
    measure, meanings = _measure_of(ctx, claim, fig, geo)
    if measure.change_pct is None:
        return Reading(Verdict.NOT_TESTABLE, None, f"No % change for {geo.name} ({_period_text(fig)}; "
                       f"{_source_text(fig)}).{_notes(measure)}", definition=_definition(claim, geo, fig),
                       quoted=quoted)
    return fig, geo, measure, meanings


def _size(claim: ChangeClaim) -> str:
    """The size of a change claim that quotes no figure: the model requires one or the other."""
    assert claim.size is not None
    return claim.size


@evaluator(Kind.CHANGE)
def read_change(ctx: Context, claim: ChangeClaim, candidate: Candidate) -> Reading:
    quoted = figure(claim)
    label = quoted.text if quoted else _size(claim).replace("_", " ")
    found = _change_on(ctx, claim, candidate, label)
    if isinstance(found, Reading):
        return found
    fig, geo, measure, meanings = found
    change = measure.change_pct
    extra = ""
    if quoted is not None:
        tolerance = _pct_tolerance(ctx, claim, quoted)
        judgement = judge(change, quoted, tolerance, formats.pct)
        verdict, distance, words = judgement.verdict, judgement.distance, _words(quoted, tolerance, judgement)
        if claim.size:
            size_verdict, band = _judge_size(change, claim.size, claim.direction, ctx, claim)
            extra = f"; '{claim.size.replace('_', ' ')}' read as {band}"
            if size_verdict is not Verdict.SUPPORTED and verdict is Verdict.SUPPORTED:
                verdict = Verdict.PARTLY
    else:
        verdict, band = _judge_size(change, _size(claim), claim.direction, ctx, claim)
        distance = 0.0 if verdict.holds else abs(change)
        words = f"'{label}' read as {band}"
    rows = []
    for meaning, m in meanings:
        if m.change_pct is None:
            continue
        if quoted is not None:
            verdict_here = judge(m.change_pct, quoted, _pct_tolerance(ctx, claim, quoted), formats.pct).verdict
        else:
            verdict_here = _judge_size(m.change_pct, _size(claim), claim.direction, ctx, claim)[0]
        rows.append({"comparator": meaning.value, "label": meaning.label, "measured": m.change_pct,
                     "verdict": str(verdict_here), "definition": m.definition})
    sensitivity = ""
    if len(rows) > 1:
        others = "; ".join(f"{r['label']} {formats.pct(r['measured'])}"
                           + (" (also reproduces the quote)" if r["verdict"] == Verdict.SUPPORTED else "")
                           for r in rows[1:])
        sensitivity = f" Other meanings of \"national\": {others}."
        words += "; \"national\" read as ONS's published England and Wales figure, other meanings shown beside it"
    who = meanings[0][0].label if meanings else geo.name
    wrong_way = (quoted is not None and quoted.value != 0 and round(change, 1) != 0
                 and (change > 0) != (quoted.value > 0))
    way = (f" The words give a {'fall' if quoted.value < 0 else 'rise'}; it {'rose' if change > 0 else 'fell'}."
           if quoted is not None and wrong_way else "")
    reason = (f"{who}: {claim.offence.lower()} {formats.change_words(change)}{_from_to(measure)}, "
              f"{_period_text(fig)}, against the quoted {label!r}.{way}{sensitivity}{_notes(measure)}")
    evidence = {"measure": measure.as_dict(), "comparators": _context_comparators(ctx, claim, fig, measure),
                **_standing_evidence(fig, geo), "breaks": [b.as_dict() for b in fig.breaks]}
    return Reading(verdict, change, reason, distance, comparator=meanings[0][0].value if meanings else "subject",
                   definition=_definition(claim, geo, fig, measure.definition if meanings else ""),
                   words=words + extra, quoted=label, evidence=evidence, meanings=rows, shown=formats.pct(change))


@evaluator(Kind.DIRECTION)
def read_direction(ctx: Context, claim: DirectionClaim, candidate: Candidate) -> Reading:
    found = _change_on(ctx, claim, candidate, claim.direction.value)
    if isinstance(found, Reading):
        return found
    fig, geo, measure, _ = found
    change = measure.change_pct
    holds = change > 0 if claim.direction is Direction.INCREASE else change < 0
    national = fig.national(National.ENGLAND_AND_WALES)
    reason = (f"{geo.name} {claim.offence.lower()} {formats.change_words(change)} in "
              f"{_period_text(fig)}{_from_to(measure)}; "
              f"England and Wales {formats.pct(national.change_pct)}.{_notes(measure)}")
    evidence = {"measure": measure.as_dict(), "comparators": _context_comparators(ctx, claim, fig, measure),
                **_standing_evidence(fig, geo)}
    return Reading(Verdict.SUPPORTED if holds else Verdict.NOT_SUPPORTED, change, reason,
                   0.0 if holds else abs(change), comparator="subject", definition=_definition(claim, geo, fig),
                   words=f"'{claim.direction.value}': any {claim.direction.value}", quoted=claim.direction.value,
                   evidence=evidence, shown=formats.pct(change))


@evaluator(Kind.EARLIER_YEARS)
def read_earlier_years(ctx: Context, claim: EarlierYearsClaim, candidate: Candidate) -> Reading:
    fig = _figures(ctx, claim, candidate)
    if isinstance(fig, Reading):
        return fig
    geo = claim.subject
    quoted = f"{claim.direction.value}, far less than in the previous {claim.previous_years} years"
    if fig.blocking_breaks:
        return replace(_not_comparable(ctx, claim, fig, geo), quoted=quoted)
    change = fig.measure(geo).change_pct
    earlier = []
    for k in range(1, claim.previous_years + 1):
        end = periods.month_end(fig.period_end.year - k, fig.period_end.month)
        try:
            before = figures(ctx.data, claim.offence, end)
        except PeelstatsError:
            continue
        value = before.measure(geo).change_pct
        earlier.append({"period_end": end.date().isoformat(), "change_pct": value,
                        "comparable": not before.blocking_breaks, "source": before.source,
                        "edition": before.edition})
    usable = [e for e in earlier if e["comparable"] and e["change_pct"] is not None]
    margin = claim.far_less_margin_pp
    evidence = {"this_year": change, "previous_years": earlier[::-1], "far_less_margin_pp": margin}
    if change is None or not usable:
        return Reading(Verdict.NOT_TESTABLE, change, "No comparable earlier years to set this year's change against.",
                       definition=_definition(claim, geo, fig), quoted=quoted, evidence=evidence)
    mean_before = float(np.mean([e["change_pct"] for e in usable]))
    direction_ok = change > 0 if claim.direction is Direction.INCREASE else change < 0
    far_less = change <= mean_before - margin
    verdict = (Verdict.SUPPORTED if direction_ok and far_less else
               Verdict.PARTLY if direction_ok or far_less else Verdict.NOT_SUPPORTED)
    listing = ", ".join(f"{periods.short_label(e['period_end'])} {formats.pct(e['change_pct'])}" for e in usable[::-1])
    reason = (f"{geo.name} {claim.offence.lower()} {formats.change_words(change)} in "
              f"{periods.label(fig.period_end)} ({'as claimed' if direction_ok else 'contrary to the claim'}), but "
              f"{'that is' if far_less else 'that is not'} far less than the previous years ({listing}; mean "
              f"{formats.pct(mean_before)}; 'far less' = at least {margin:g} pp below the mean).")
    evidence.update(mean_previous=mean_before, direction_ok=bool(direction_ok), far_less=bool(far_less))
    return Reading(verdict, change, reason, 0.0 if verdict.holds else abs(change - (mean_before - margin)),
                   comparator="subject", definition=_definition(claim, geo, fig),
                   words=f"'far less': at least {margin:g} pp below the mean of the previous {claim.previous_years} "
                         "comparable years", quoted=quoted, evidence=evidence, shown=formats.pct(change))


@evaluator(Kind.CAUSAL)
def read_causal(ctx: Context, claim: CausalClaim, candidate: Candidate) -> Reading:
    from peelstats.analysis.comparison import compare

    geo = claim.subject
    quoted = "a cause of the change"
    base = "Causation cannot be tested with recorded crime counts"
    if not geo.is_force:
        return Reading(Verdict.NOT_TESTABLE, None, f"{base}.", quoted=quoted)
    try:
        result = compare(geo.force.code, claim.offence, candidate.period_end, candidate.baseline_end,
                         source=candidate.source, data=ctx.data)
    except PeelstatsError as error:
        return Reading(Verdict.NOT_TESTABLE, None, f"{base}, and no comparison was possible ({error}).",
                       quoted=quoted)
    related = []
    for offence in [claim.offence, *claim.related_offences]:
        try:
            other = compare(geo.force.code, offence, result.period_end, result.baseline_end, source=result.source,
                            data=ctx.data)
        except PeelstatsError:
            continue
        shown = other if other.comparable else other.alternative or other
        related.append({"offence": shown.offence, "force_change_pct": shown.force_change_pct,
                        "england_and_wales_change_pct": shown.england_and_wales_change_pct,
                        "alliance_partner_change_pct": shown.alliance_partners[0]["change_pct"]
                        if shown.alliance_partners else None, "rank": shown.rank, "n_forces": shown.n_forces,
                        "source": shown.source, "edition": shown.edition})
    partner = result.alliance_partners[0] if result.alliance_partners else None
    similar = ", ".join(f"{s['force']} {formats.pct(s['change_pct'])}" for s in result.similar_forces)
    contrast = (f"; its alliance partner {partner['force']}, sharing the strategies, "
                f"{formats.pct(partner['change_pct'])}" if partner else "")
    reason = (f"{base}: {geo.name}'s {formats.pct(result.force_change_pct)} ranks {result.rank} of "
              f"{result.n_forces} (1 = lowest) against England and Wales "
              f"{formats.pct(result.england_and_wales_change_pct)}{contrast}; forces with similar crime rates: "
              f"{similar}.")
    evidence = {"rank": result.rank, "n_forces": result.n_forces, "percentile": result.percentile,
                "alliance_partner": partner, "similar_forces": result.similar_forces,
                "similar_method": result.similar_method, "related_offences": related, "caveats": result.caveats}
    definition = (f"{result.offence}, {geo.name}: {periods.label(result.period_end)} vs "
                  f"{periods.label(result.baseline_end)}; {result.source}, {result.edition}")
    return Reading(Verdict.NOT_TESTABLE, result.force_change_pct, reason, comparator="subject", definition=definition,
                   words="a claim about causes: the data can show how unusual the change is, not why it happened",
                   quoted=quoted, evidence=evidence, shown=formats.pct(result.force_change_pct))


STREAK_LOOK_FURTHER = 10  # years looked at beyond the words' run, to say how long the run really is


@evaluator(Kind.STREAK)
def read_streak(ctx: Context, claim: StreakClaim, candidate: Candidate) -> Reading:
    fig = _figures(ctx, claim, candidate)
    if isinstance(fig, Reading):
        return fig
    geo = claim.subject
    word = "rose" if claim.direction is Direction.INCREASE else "fell"
    quoted = f"{claim.direction.value} for {claim.years} years in a row"
    if fig.blocking_breaks:
        return replace(_not_comparable(ctx, claim, fig, geo), quoted=quoted)
    years: list[dict] = []  # the latest year first
    for k in range(claim.years + STREAK_LOOK_FURTHER):
        this = fig
        if k:
            try:
                this = figures(ctx.data, claim.offence, periods.month_end(fig.period_end.year - k,
                                                                          fig.period_end.month))
            except PeelstatsError:
                break  # the data reach back no further
        value = this.measure(geo).change_pct
        years.append({"period_end": this.period_end.date().isoformat(), "change_pct": value,
                      "comparable": not this.blocking_breaks, "source": this.source, "edition": this.edition})
        if value is None or this.blocking_breaks or (value > 0) != (claim.direction is Direction.INCREASE) \
                or value == 0:
            break
    run = next((n for n, y in enumerate(years) if y["change_pct"] is None or not y["comparable"]
                or y["change_pct"] == 0 or (y["change_pct"] > 0) != (claim.direction is Direction.INCREASE)),
               len(years))
    evidence = {"years": years[::-1], "run": run, "claimed": claim.years}
    shown_years = years[:min(run + 1, claim.years + 1)]  # the run as far as the words go, and the year that ends it
    listing = ", ".join(f"{periods.short_label(y['period_end'])} {formats.pct(y['change_pct'])}"
                        for y in shown_years if y["change_pct"] is not None)
    where = f"{geo.name} {claim.offence.lower()}"
    stopped = years[run] if run < len(years) else None
    if years[0]["change_pct"] is None:
        verdict, why = Verdict.NOT_TESTABLE, f"No % change for {where} in {periods.label(fig.period_end)}."
    elif run == 0:
        verdict, why = Verdict.NOT_SUPPORTED, (f"{where} {formats.change_words(years[0]['change_pct'])} in "
                                               f"{periods.label(fig.period_end)}: no run of years that {word} "
                                               "ends there.")
    elif run < claim.years and (stopped is None or stopped["change_pct"] is None or not stopped["comparable"]):
        missing = ("the data reach back no further" if stopped is None else
                   f"{periods.label(stopped['period_end'])} has no comparable change")
        verdict, why = Verdict.NOT_TESTABLE, (f"{where} {word} in each of the last {run} years ({listing}), but "
                                              f"{missing}, so a run of {claim.years} cannot be checked.")
    elif run < claim.years:
        assert stopped is not None
        verdict, why = Verdict.PARTLY, (f"{where} {word} in the last {run} year{'s' if run > 1 else ''} ({listing}), "
                                        f"a run of {run}, not {claim.years}: in "
                                        f"{periods.label(stopped['period_end'])} it did not.")
    elif run > claim.years:
        longer = f"at least {run}" if stopped is None or stopped["change_pct"] is None else str(run)
        verdict, why = Verdict.PARTLY, (f"{where} {word} in each of the last {claim.years} years ({listing}), and "
                                        f"further back too: the run is {longer} years, longer than the words say.")
    else:
        before = ("the data reach back no further" if stopped is None or stopped["change_pct"] is None else
                  f"in {periods.label(stopped['period_end'])} it did not")
        verdict, why = Verdict.SUPPORTED, (f"{where} {word} in each of the last {claim.years} years ({listing}); "
                                           f"{before}.")
    distance = 0.0 if verdict is Verdict.SUPPORTED else float(abs(claim.years - run) or 1)
    measured = float(run) if years[0]["change_pct"] is not None else None  # the run is what the words state
    return Reading(verdict, measured, why, distance, comparator="subject",
                   definition=_definition(claim, geo, fig), words=f"'{claim.years} years in a row': the change on a "
                   f"year earlier {word} in each of the {claim.years} years to the period", quoted=quoted,
                   evidence=evidence, shown=f"{run} year{'s' if run != 1 else ''}")


# ------------------------------------------------------------------------------------- counts and rates


@evaluator(Kind.COUNT)
def read_count(ctx: Context, claim: CountClaim, candidate: Candidate) -> Reading:
    fig = _figures(ctx, claim, candidate, need_baseline=False)
    if isinstance(fig, Reading):
        return fig
    geo, quoted = claim.subject, figure(claim)
    measure = fig.measure(geo)
    if measure.count is None:
        return Reading(Verdict.NOT_TESTABLE, None, f"No count for {geo.name} in {periods.label(fig.period_end)} "
                       f"({fig.source}, {fig.edition}).{_notes(measure, about_change=False)}", quoted=quoted.text)
    within = [b for b in brk.breaks_between(claim.offence, fig.period_end, fig.period_end) if b.blocks]
    if within:  # "2,172 domestic burglaries in the 12 months to September 2017": the series covers part of it
        return _part_year_count(ctx, claim, candidate, fig, measure.count, within[0], quoted.text)
    tolerance = _relative_tolerance(ctx, claim, quoted, "count_tolerance_pct")
    judgement = judge(measure.count, quoted, tolerance, formats.count, signed=False)
    reason = (f"{geo.name} recorded {formats.count(measure.count)} {off.as_offences(claim.offence)} in "
              f"{periods.label(fig.period_end)} ({fig.source}, {fig.edition}), against the quoted "
              f"{quoted.text!r}.{_notes(measure, about_change=False)}")
    relative = abs(measure.count - quoted.value) / abs(quoted.value) * 100 if quoted.value else judgement.distance
    return Reading(judgement.verdict, measure.count, reason, relative, comparator="subject",
                   definition=f"{claim.offence}, {measure.definition}: {periods.label(fig.period_end)}; "
                              f"{fig.source}, {fig.edition}",
                   words=_words(quoted, tolerance, judgement), quoted=quoted.text,
                   evidence={"measure": measure.as_dict()}, shown=formats.count(measure.count))


def _part_year_count(ctx: Context, claim: CountClaim, candidate: Candidate, fig: Figures, count: float,
                     cut: brk.SeriesBreak, quoted: str) -> Reading:
    """A count whose 12 months straddle a reclassification: the series holds only the months on one side of it."""
    geo = claim.subject
    comparable = ""
    if cut.comparable_offence:
        other = ctx.figures(cut.comparable_offence, candidate, need_baseline=False)
        whole = other.measure(geo).count if not isinstance(other, str) else None
        if whole is not None:
            comparable = (f" The comparable series, {cut.comparable_offence.lower()}, recorded {formats.count(whole)} "
                          f"in those 12 months.")
    reason = (f"{geo.name}'s {claim.offence.lower()} count for {periods.label(fig.period_end)} "
              f"({formats.count(count)}) covers only part of those 12 months: {cut.explanation}{comparable}")
    return Reading(Verdict.NOT_COMPARABLE, count, reason, comparator="subject",
                   definition=f"{claim.offence}: {periods.label(fig.period_end)}; {fig.source}, {fig.edition}",
                   quoted=quoted, evidence={"breaks": [cut.as_dict()]}, shown=formats.count(count))


@evaluator(Kind.COUNT_CHANGE)
def read_count_change(ctx: Context, claim: CountChangeClaim, candidate: Candidate) -> Reading:
    fig = _figures(ctx, claim, candidate)
    if isinstance(fig, Reading):
        return fig
    geo, quoted = claim.subject, figure(claim)
    if fig.blocking_breaks:
        return _not_comparable(ctx, claim, fig, geo)
    measure = fig.measure(geo)
    if measure.difference is None:
        return Reading(Verdict.NOT_TESTABLE, None, f"No change in the count for {geo.name} ({_period_text(fig)})."
                       f"{_notes(measure, about_change=False)}", quoted=quoted.text)
    tolerance = _relative_tolerance(ctx, claim, quoted, "count_tolerance_pct")
    judgement = judge(measure.difference, quoted, tolerance, formats.signed_count)
    more = "more" if measure.difference >= 0 else "fewer"
    reason = (f"{geo.name} recorded {formats.count(abs(measure.difference))} {more} {off.as_offences(claim.offence)} "
              f"({formats.count(measure.baseline_count)} to {formats.count(measure.count)}), {_period_text(fig)}, "
              f"against the quoted {quoted.text!r}.{_notes(measure, about_change=False)}")
    relative = abs(measure.difference - quoted.value) / abs(quoted.value) * 100 if quoted.value else 0.0
    return Reading(judgement.verdict, measure.difference, reason, relative, comparator="subject",
                   definition=_definition(claim, geo, fig, measure.definition),
                   words=_words(quoted, tolerance, judgement), quoted=quoted.text,
                   evidence={"measure": measure.as_dict()}, shown=formats.signed_count(measure.difference))


@evaluator(Kind.RATE)
def read_rate(ctx: Context, claim: RateClaim, candidate: Candidate) -> Reading:
    fig = _figures(ctx, claim, candidate, need_baseline=False)
    if isinstance(fig, Reading):
        return fig
    geo, quoted = claim.subject, figure(claim)
    rate = fig.rate(geo)
    if rate.per_1000 is None:
        measure = fig.measure(geo)
        lacking = (f"No {claim.offence.lower()} count for {geo.name} in {periods.label(fig.period_end)}"
                   if measure.count is None else f"No population for {geo.name} to make a rate")
        return Reading(Verdict.NOT_TESTABLE, None, f"{lacking} ({fig.source}, {fig.edition})."
                       f"{_notes(measure, about_change=False)}",
                       quoted=quoted.text)
    if quoted.one_in and quoted.quantifier.key == "exact":
        people = 1000 / rate.per_1000
        off_by = abs(people - quoted.one_in)
        verdict = (Verdict.SUPPORTED if round(people) == round(quoted.one_in) else
                   Verdict.PARTLY if off_by <= 1.5 else Verdict.NOT_SUPPORTED)
        words = (f"{quoted.text!r}: one offence for every {quoted.one_in:g} people, i.e. about "
                 f"{1000 / quoted.one_in:.1f} per 1,000; supported when the rate rounds to one in {quoted.one_in:g}")
        distance, shown = off_by, f"one in {people:.1f} ({formats.rate(rate.per_1000)})"
    else:
        tolerance = _relative_tolerance(ctx, claim, quoted, "rate_tolerance_pct")
        judgement = judge(rate.per_1000, quoted, tolerance, formats.rate, signed=False)
        verdict, distance, words = judgement.verdict, judgement.distance, _words(quoted, tolerance, judgement)
        shown = formats.rate(rate.per_1000)
    reason = (f"{geo.name}: {formats.count(fig.measure(geo).count)} {off.as_offences(claim.offence)} in "
              f"{periods.label(fig.period_end)} for a population of {formats.count(rate.population)} ({rate.note}): "
              f"{shown}, against the quoted {quoted.text!r}.")
    return Reading(verdict, rate.per_1000, reason, distance, comparator="subject",
                   definition=f"{claim.offence}, {geo.name}, per 1,000 people: {periods.label(fig.period_end)}; "
                              f"{fig.source}, {fig.edition}; population {rate.note}",
                   words=words, quoted=quoted.text,
                   evidence={"rate_per_1000": rate.per_1000, "population": rate.population,
                             "population_note": rate.note}, shown=shown)


# ------------------------------------------------------------------------------ against other figures


def _value(fig: Figures, geo: Geography, measure: Measure) -> tuple[float | None, str]:
    if measure is Measure.RATE:
        rate = fig.rate(geo)
        return rate.per_1000, formats.rate(rate.per_1000)
    m = fig.measure(geo)
    if measure is Measure.COUNT:
        return m.count, formats.count(m.count)
    return m.change_pct, formats.pct(m.change_pct)


def _compare(a: float, b: float, relation: Relation) -> Verdict:
    if relation is Relation.ABOVE:
        return Verdict.SUPPORTED if a > b else Verdict.NOT_SUPPORTED
    if relation is Relation.BELOW:
        return Verdict.SUPPORTED if a < b else Verdict.NOT_SUPPORTED
    if relation is Relation.FASTER_RISE:
        return Verdict.SUPPORTED if a > b and a > 0 else Verdict.PARTLY if a > b else Verdict.NOT_SUPPORTED
    if relation is Relation.FASTER_FALL:
        return Verdict.SUPPORTED if a < b and a < 0 else Verdict.PARTLY if a < b else Verdict.NOT_SUPPORTED
    if relation is Relation.SAME_DIRECTION:
        return Verdict.SUPPORTED if np.sign(a) == np.sign(b) != 0 else Verdict.NOT_SUPPORTED
    # opposite direction
    if a == 0 or b == 0:
        return Verdict.PARTLY if a != b else Verdict.NOT_SUPPORTED
    return Verdict.SUPPORTED if np.sign(a) != np.sign(b) else Verdict.NOT_SUPPORTED


_RELATION_WORDS = {Relation.ABOVE: "higher than", Relation.BELOW: "lower than",
                   Relation.FASTER_RISE: "rising faster than", Relation.FASTER_FALL: "falling faster than",
                   Relation.SAME_DIRECTION: "moving the same way as",
                   Relation.OPPOSITE_DIRECTION: "moving the opposite way to", Relation.RATIO: "a multiple of"}


def _gap(ratio: float) -> float:
    """A ratio as the gap it makes, in % of the comparator: 1.3 -> +30%."""
    return (ratio - 1) * 100 if np.isfinite(ratio) else ratio


def _ratio_judgement(ctx: Context, claim, quoted: Quoted, a: float, b: float) -> tuple[Judgement, float, Tolerance]:
    """A ratio claim: "double the national average" is a ratio of 2 within ``ratio_tolerance_pct`` of it; "30 per cent
    higher than the national average" is a ratio of 1.30, judged on the gap (+30%) in percentage points with the
    claim's % tolerances (``tolerance_pp``, ``partly_tolerance_pp``), since a stated percentage is as exact as any."""
    ratio = a / b if b else float("inf")
    if quoted.percent:
        tolerance = _pct_tolerance(ctx, claim, quoted)
        return judge(_gap(ratio), quoted, tolerance, formats.pct), ratio, tolerance
    supported = ctx.defaults.ratio_tolerance_pct / 100 * abs(quoted.value)
    tolerance = Tolerance(supported, 2.5 * supported, f"±{ctx.defaults.ratio_tolerance_pct:g}%")
    return judge(ratio, quoted, tolerance, formats.ratio, signed=False), ratio, tolerance


@evaluator(Kind.COMPARISON)
def read_comparison(ctx: Context, claim: ComparisonClaim, candidate: Candidate) -> Reading:
    fig = _figures(ctx, claim, candidate, need_baseline=claim.measure is Measure.CHANGE)
    if isinstance(fig, Reading):
        return fig
    if claim.measure is Measure.CHANGE and fig.blocking_breaks:
        return _not_comparable(ctx, claim, fig, claim.subject)
    a, a_text = _value(fig, claim.subject, claim.measure)
    b, b_text = _value(fig, claim.against, claim.measure)
    label = claim.measure.value if claim.measure is not Measure.RATE else "rate per 1,000"
    involved = [fig.measure(g) for g in (claim.subject, claim.against)]  # their notes: gaps, forces left out
    change_measured = claim.measure is Measure.CHANGE
    if a is None or b is None:
        lacking = claim.subject.name if a is None else claim.against.name
        return Reading(Verdict.NOT_TESTABLE, a, f"No {label} for {lacking} in {periods.label(fig.period_end)} "
                       f"({fig.source}, {fig.edition}).{_notes(*involved, about_change=change_measured)}")
    quoted = figure(claim)
    if claim.relation is Relation.RATIO:
        assert quoted is not None  # the model requires quoted_value for a ratio
        judgement, ratio, tolerance = _ratio_judgement(ctx, claim, quoted, a, b)
        verdict, distance = judgement.verdict, judgement.distance
        words = _words(quoted, tolerance, judgement)
        if quoted.percent:
            words += (f"; a ratio of {1 + quoted.value / 100:.2f}, judged on the gap ({claim.subject.name} against "
                      f"{claim.against.name}, as a % of {claim.against.name}) in percentage points")
        quoted_text = quoted.text
        measured: float = ratio
    else:
        verdict = _compare(a, b, claim.relation)
        distance = 0.0 if verdict.holds else abs(a - b)
        words = f"'{_RELATION_WORDS[claim.relation]}' on the {label}"
        quoted_text = f"{_RELATION_WORDS[claim.relation]} {claim.against.name}"
        measured = a - b
    meanings: list[dict] = []
    if claim.against.kind is GeographyKind.NATIONAL and claim.measure is Measure.CHANGE:
        words += "; \"national\" read as ONS's published England and Wales figure, other meanings shown beside it"
        force = claim.subject.force if claim.subject.is_force else None
        for meaning in National:
            m = fig.national(meaning, force)
            if m.change_pct is None or (meaning is National.REST_OF_ENGLAND_AND_WALES and force is None):
                continue
            if claim.relation is not Relation.RATIO:
                here = _compare(a, m.change_pct, claim.relation)
            else:
                assert quoted is not None  # as above
                here = _ratio_judgement(ctx, claim, quoted, a, m.change_pct)[0].verdict
            meanings.append({"comparator": meaning.value, "label": meaning.label, "measured": m.change_pct,
                             "verdict": str(here), "definition": m.definition})
    others = ""
    if len(meanings) > 1:
        others = "; other meanings of \"national\": " + ", ".join(
            f"{r['label']} {formats.pct(r['measured'])}" for r in meanings[1:])
        failing = [r["label"] for r in meanings if r["verdict"] != str(verdict)]
        others += (f" (the verdict differs against: {', '.join(failing)})" if failing else
                   " (the same verdict against every meaning)")
    shown = f"{a_text} vs {b_text}"
    if claim.relation is Relation.RATIO:
        assert quoted is not None  # as above
        shown = (f"{formats.pct(_gap(measured))} ({formats.ratio(measured)})" if quoted.percent else
                 formats.ratio(measured))
    reason = (f"{claim.subject.name} {a_text} against {claim.against.name} {b_text} ({label}, "
              f"{_period_text(fig) if claim.measure is Measure.CHANGE else periods.label(fig.period_end)}; "
              f"{_source_text(fig)}){others}.{_notes(*involved, about_change=change_measured)}")
    return Reading(verdict, measured, reason, distance, comparator=claim.against.name,
                   definition=_definition(claim, claim.subject, fig, f"{claim.subject.name} vs {claim.against.name}"),
                   words=words, quoted=quoted_text,
                   evidence={"subject": {"name": claim.subject.name, "value": a},
                             "against": {"name": claim.against.name, "value": b}, "measure": claim.measure.value},
                   meanings=meanings, shown=shown)


def _pool(claim, fig: Figures) -> tuple[tuple[str, ...], str]:
    if claim.within is None:
        return FORCE_CODES, "the 43 forces of England and Wales"
    return claim.within.members, f"the {len(claim.within.members)} forces of {claim.within.name}"


@evaluator(Kind.RANK)
def read_rank(ctx: Context, claim: RankClaim, candidate: Candidate) -> Reading:
    need = claim.measure is Measure.CHANGE
    fig = _figures(ctx, claim, candidate, need_baseline=need)
    if isinstance(fig, Reading):
        return fig
    if need and fig.blocking_breaks:
        return _not_comparable(ctx, claim, fig, claim.subject)
    among, pool_text = _pool(claim, fig)
    descending = claim.order is Order.HIGHEST
    measure = claim.measure.value
    subjects = claim.subject.members
    standings = [fig.standing(code, measure, descending=descending, among=among) for code in subjects]
    missing = [s.force for s in standings if s.position is None]
    if missing:
        outside = [f for f in missing if forces.lookup(f).code not in among]
        if outside:  # "Dyfed-Powys has the lowest crime rate in England": the words place it where it is not
            homes = "; ".join(f"{f} is a force of {_home(f)}" for f in outside)
            remedy = (" If the words meant another grouping of forces (a publisher's own region), list its forces "
                      "as `within`." if claim.within is not None and claim.within.kind is GeographyKind.REGION else "")
            return Reading(Verdict.NOT_SUPPORTED, None, f"The words place {', '.join(outside)} among {pool_text}, "
                           f"where {'it is' if len(outside) == 1 else 'they are'} not: {homes}, so "
                           f"{'it has' if len(outside) == 1 else 'they have'} no place there.{remedy}",
                           float(len(outside)), comparator=pool_text, quoted=f"among {pool_text}",
                           shown=f"{', '.join(outside)} outside {pool_text}")
        codes = [forces.lookup(f).code for f in missing]
        return Reading(Verdict.NOT_TESTABLE, None, f"No {measure} for {', '.join(missing)} in {_period_text(fig)} "
                       f"({fig.source}, {fig.edition}) to rank: {fig.why_missing(codes)}.")
    reading = _ranked(ctx, claim, fig, among, pool_text)
    city = forces.lookup("City of London").code
    if (claim.measure is not Measure.RATE or not descending or city not in among or city in subjects
            or fig.standing(city, measure, descending=descending, among=among).position is None):
        return reading
    # City of London's rate per resident (a few thousand residents, hundreds of thousands of workers) tops any
    # ranking by rate; the press sometimes counts it and sometimes not, so both readings are tried
    others = tuple(c for c in among if c != city)
    without = _ranked(ctx, claim, fig, others, f"{pool_text.replace(f'the {len(among)} ', f'the {len(others)} ')}"
                                               " leaving out City of London")
    why = (" City of London's rate is per resident (a few thousand people, with a far larger daytime population), "
           "so rankings by rate are often given without it")
    if without.verdict.holds and not reading.verdict.holds:
        return replace(without, reason=f"{without.reason}{why}; counting it, {reading.shown}.")
    return replace(reading, reason=f"{reading.reason}{why}; leaving it out, {without.shown}.")


def _ranked(ctx: Context, claim: RankClaim, fig: Figures, among: tuple[str, ...], pool_text: str) -> Reading:
    """A rank claim judged among one pool of forces (every subject has a place in it)."""
    need = claim.measure is Measure.CHANGE
    descending = claim.order is Order.HIGHEST
    measure = claim.measure.value
    standings = [fig.standing(code, measure, descending=descending, among=among) for code in claim.subject.members]
    # every subject has a place and a value here (one without returned above), so these keep them all
    places = [s.position for s in standings if s.position is not None]
    values = [s.value for s in standings if s.value is not None]
    ordered = fig.ordered(measure, descending=descending, among=among)
    fmt = {"change": formats.pct, "count": formats.count, "rate": formats.rate}[measure]
    if claim.top is not None:
        wanted = f"in the top {claim.top}"
        off_by = [max(0, p - claim.top) for p in places]
    else:
        assert claim.position is not None  # the model sets a position when there is no top
        expected = list(range(claim.position, claim.position + len(standings)))
        positions = sorted(places)
        wanted = f"position {claim.position}" + (f" to {expected[-1]}" if len(expected) > 1 else "")
        off_by = [0 if any(p <= e <= p + len(s.tied_with) for s in standings if s.position == p) else abs(p - e)
                  for p, e in zip(positions, expected, strict=True)]
    problems = []
    if claim.behind:
        # forces without a value come last, unranked: they are not ahead
        ahead = [s.force for s in ordered if s.position is not None and s.position <= len(claim.behind)]
        astray = [f.name for f in claim.behind if f.name not in ahead]
        if astray:
            problems.append(f"{', '.join(astray)} {'is' if len(astray) == 1 else 'are'} not among the first "
                            f"{len(claim.behind)} ({', '.join(ahead)})" if len(claim.behind) > 1 else
                            f"{astray[0]} is not first (first: {', '.join(ahead)})")
    if claim.direction is not None:
        wrong = [s.force for s, v in zip(standings, values, strict=True)
                 if not (v > 0 if claim.direction is Direction.INCREASE else v < 0)]
        if wrong:
            problems.append(f"{', '.join(wrong)} did not {'rise' if claim.direction is Direction.INCREASE else 'fall'}")
    slack = ctx.defaults.rank_partly_positions
    verdict = (Verdict.SUPPORTED if not any(off_by) and not problems else
               Verdict.PARTLY if max(off_by) <= slack and not problems else Verdict.NOT_SUPPORTED)
    order_words = {("change", True): "largest rise first", ("change", False): "largest fall first",
                   ("count", True): "most offences first", ("count", False): "fewest offences first",
                   ("rate", True): "highest rate first", ("rate", False): "lowest rate first"}[(measure, descending)]
    placed = "; ".join(f"{s.force} {fmt(s.value)} is {_ordinal(s.position)} of {s.out_of}"
                       + (f" (tied with {', '.join(s.tied_with)})" if s.tied_with else "") for s in standings)
    leaders = ", ".join(f"{s.force} {fmt(s.value)}" for s in ordered[:3])
    reason = (f"Ranked by {claim.offence.lower()} {measure} ({order_words}) among {pool_text}: {placed}; the first "
              f"three: {leaders}." + (f" But {'; '.join(problems)}." if problems else "")
              + _left_out(fig, [s.force for s in ordered if s.position is None], measure))
    return Reading(verdict, float(places[0]), reason, float(sum(off_by) + len(problems)),
                   comparator=pool_text, definition=f"{claim.offence}, {measure}, {order_words}, among {pool_text}: "
                                                    f"{_period_text(fig) if need else periods.label(fig.period_end)}; "
                                                    f"{_source_text(fig)}",
                   words=f"read as {wanted} ({order_words}), ties sharing the better place",
                   quoted=wanted, shown=", ".join(_ordinal(s.position) for s in standings) + f" of {ordered[0].out_of}",
                   evidence={"standings": [s.__dict__ for s in standings],
                             "order": [s.__dict__ for s in ordered], "measure": measure, "descending": descending})


@evaluator(Kind.FORCE_COUNT)
def read_force_count(ctx: Context, claim: ForceCountClaim, candidate: Candidate) -> Reading:
    fig = _figures(ctx, claim, candidate)
    if isinstance(fig, Reading):
        return fig
    if fig.blocking_breaks:
        return _not_comparable(ctx, claim, fig, geography.national())
    among, pool_text = _pool(claim, fig)
    outside = [m.name for m in [*claim.members, *(claim.exceptions or [])] if m.code not in among]
    if outside:
        return Reading(Verdict.NOT_TESTABLE, None, f"{', '.join(outside)} {'is' if len(outside) == 1 else 'are'} not "
                       f"among {pool_text}, so the claim cannot be read on them.")
    changes = dict(zip(FORCE_CODES, fig.force_changes, strict=True))
    without = [forces.by_code(c).name for c in among if not np.isfinite(changes[c])]
    rising = claim.direction is Direction.INCREASE
    meeting = [forces.by_code(c).name for c in among if np.isfinite(changes[c]) and
               (changes[c] > 0 if rising else changes[c] < 0)]
    not_meeting = [forces.by_code(c).name for c in among if np.isfinite(changes[c]) and forces.by_code(c).name
                   not in meeting]
    verb = "rose" if rising else "fell"
    problems, partly = [], False
    if claim.exceptions is not None:
        named = {f.name for f in claim.exceptions}
        if named == set(not_meeting):
            pass
        elif named <= set(not_meeting):
            partly = True
            problems.append(f"besides {', '.join(sorted(named))}, {', '.join(sorted(set(not_meeting) - named))} "
                            f"did not {verb[:-1] if rising else 'fall'} either")
        else:
            problems.append(f"{', '.join(sorted(named - set(not_meeting)))} did {verb.replace('rose', 'rise')}")
    quoted_text = f"{claim.quoted_count} forces" if claim.quoted_count is not None else "all except " + ", ".join(
        f.name for f in claim.exceptions or [])
    if claim.quoted_count is not None:
        from peelstats.claims.words import quantifier as q

        quoted = Quoted(float(claim.quoted_count), claim.quantifier or q(None), str(claim.quoted_count))
        judgement = judge(len(meeting), quoted, Tolerance(0.0, 1.0, "exact"), lambda v: f"{v:.0f}", signed=False)
        # "all four forces recorded a rise": every force of the pool, so one exception makes it wrong, not nearly right
        every = claim.quantifier is None and claim.quoted_count >= len(among) - len(without) and not claim.exceptions
        if judgement.verdict is Verdict.PARTLY and not every:
            partly = True
        if not judgement.verdict.holds:
            problems.append(f"{_forces(len(meeting))} {verb}, not {quoted.describe().split(':')[0]}"
                            + (f": the words say every force, and {', '.join(not_meeting)} did not" if every
                               and not_meeting else ""))
    for member in claim.members:
        if member.name not in meeting:
            problems.append(f"{member.name} did not {'rise' if rising else 'fall'}")
            partly = False
    verdict = (Verdict.SUPPORTED if not problems else Verdict.PARTLY if partly and len(problems) == 1
               else Verdict.NOT_SUPPORTED)
    listing = (", ".join(meeting) if len(meeting) <= 8 else f"{len(meeting)} forces") or "none"
    others = ", ".join(not_meeting) if len(not_meeting) <= 8 else f"{len(not_meeting)} forces"
    reason = (f"{claim.offence} {verb} in {len(meeting)} of the {len(among) - len(without)} forces with a % change "
              f"among {pool_text} ({_period_text(fig)}; {_source_text(fig)}): {listing}; did not: {others or 'none'}."
              + (f" {', '.join(without)} have no % change and are left out." if without else "")
              + (f" But {'; '.join(problems)}." if problems else ""))
    return Reading(verdict, float(len(meeting)), reason, float(len(problems)), comparator=pool_text,
                   definition=f"{claim.offence}, forces whose change {'>' if rising else '<'} 0 among {pool_text}: "
                              f"{_period_text(fig)}; {_source_text(fig)}",
                   words=f"counting forces whose {claim.offence.lower()} {verb}", quoted=quoted_text,
                   shown=_forces(len(meeting)), evidence={"meeting": meeting, "not_meeting": not_meeting,
                                                             "without_change": without})


def _home(name: str) -> str:
    """'the North East region, England', 'Wales': where a force is."""
    force = forces.lookup(name)
    if not force.territorial or force.region is None:
        return "no region (it is not one of the 43 territorial forces)"
    return "Wales" if force.code.startswith("W") else f"the {force.region} region, England"


def _forces(n: int) -> str:
    return f"{n} force" if n == 1 else f"{n} forces"


def _left_out(fig: Figures, names: list[str], measure: str) -> str:
    """' Greater Manchester has no change (it supplied no data for ...) and is left out.'"""
    if not names:
        return ""
    why = fig.why_missing([forces.lookup(n).code for n in names])
    listed = ", ".join(names) if len(names) <= 8 else f"{len(names)} forces"
    return (f" {listed} {'has' if len(names) == 1 else 'have'} no {measure} ({why}) and "
            f"{'is' if len(names) == 1 else 'are'} left out.")


def _ordinal(n: int | None) -> str:
    if n is None:
        return "unranked"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ---------------------------------------------------------------------------------------------- grades


@evaluator(Kind.GRADE)
def read_grade(ctx: Context, claim: GradeClaim, candidate: None) -> Reading:
    force = ctx.file.force_of(claim)
    assert force is not None  # the claim file requires a force for a grade
    definition = f"HMICFRS PEEL {claim.peel_year} {claim.pillar}: {claim.question}"
    found = grades.grade(force.name, claim.peel_year, claim.question, claim.pillar)
    if found is None:
        held = grades.history(force.name)
        years = ", ".join(sorted(set(held.peel_year))) or "none"
        return Reading(Verdict.NOT_TESTABLE, None, f"The curated grades table has no {definition} grade for "
                       f"{force.name} (years held for this force: {years}).", comparator="force",
                       definition=definition, quoted=claim.quoted_grade)
    carried = f" (carried over from {found['carried_over_from']})" if found["carried_over_from"] else ""
    holds = found["grade"] == claim.quoted_grade
    reason = (f"HMICFRS graded {force.name} '{found['grade']}'{carried} for {claim.question} ({claim.pillar}, PEEL "
              f"{claim.peel_year}); the claim says '{claim.quoted_grade}'.")
    return Reading(Verdict.SUPPORTED if holds else Verdict.NOT_SUPPORTED, found["grade"], reason,
                   0.0 if holds else 1.0, comparator="force", definition=definition,
                   words=f"grade '{claim.quoted_grade}'", quoted=claim.quoted_grade, shown=found["grade"],
                   evidence={"grade": found, "source": found["source_url"], "edition": f"PEEL {claim.peel_year}",
                             "history": grades.history(force.name).to_dict("records")})


@evaluator(Kind.GRADE_COMPARISON)
def read_grade_comparison(ctx: Context, claim: GradeComparisonClaim, candidate: None) -> Reading:
    force, other = ctx.file.force_of(claim), claim.other_force
    assert force is not None  # the claim file requires a force for a grade
    year = claim.peel_year
    definition = f"HMICFRS PEEL {year} {claim.pillar}: {claim.question}"
    quoted = f"{force.name} and {other.name} graded {claim.expect}"
    mine = grades.grade(force.name, year, claim.question, claim.pillar)
    theirs = grades.grade(other.name, year, claim.question, claim.pillar)
    table = grades.side_by_side(force.name, other.name, year)
    evidence = {"side_by_side": table.to_dict("records"), "edition": f"PEEL {year}"}
    if mine is None or theirs is None:
        lacking = ", ".join(n for n, g in ((force.name, mine), (other.name, theirs)) if g is None)
        return Reading(Verdict.NOT_TESTABLE, None, f"The curated grades table has no {definition} grade for "
                       f"{lacking}.", comparator=other.name, definition=definition, quoted=quoted, evidence=evidence)
    differ = mine["grade"] != theirs["grade"]
    holds = differ == (claim.expect == "different")
    same = table[table["same"] == True]  # noqa: E712 - element-wise
    also = (f"; the other {len(same)} of {table['same'].notna().sum()} {year} grades are the same" if len(same) else "")
    reason = (f"For {claim.question} HMICFRS graded {force.name} '{mine['grade']}' and {other.name} "
              f"'{theirs['grade']}' (PEEL {year}){also}.")
    evidence["sources"] = [mine["source_url"], theirs["source_url"]]
    return Reading(Verdict.SUPPORTED if holds else Verdict.NOT_SUPPORTED,
                   f"{force.name}: {mine['grade']}; {other.name}: {theirs['grade']}", reason, 0.0 if holds else 1.0,
                   comparator=other.name, definition=definition, words=f"grades expected to be {claim.expect}",
                   quoted=quoted, evidence=evidence, shown=f"{mine['grade']} vs {theirs['grade']}")


assert set(EVALUATORS) == set(Kind), "every kind needs an evaluator"
