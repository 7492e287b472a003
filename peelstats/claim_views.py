"""How the claims notebook shows each kind of claim: one renderer per kind, in one registry (:data:`VIEWS`).

A renderer takes a claim's record (as :meth:`peelstats.claims.engine.Result.record` gives it) and returns the
evidence table most useful for that kind, and optionally a chart. Adding a kind of claim means one model, one
evaluator (:mod:`peelstats.claims.kinds`) and one renderer here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from peelstats import forces, formats
from peelstats.claims.model import Kind


@dataclass(frozen=True)
class View:
    evidence: Callable[[dict], pd.DataFrame]
    chart: Callable[[dict, object], object] | None = None


def _comparators(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    if record["verdict"] == "not comparable":
        return _not_comparable(record)
    rows = evidence.get("comparators") or []
    measure = evidence.get("measure")
    if measure and measure["geography"] == "England and Wales":
        measure = None  # the first comparator row already is England and Wales
    frame = pd.DataFrame(([{"name": measure["geography"], "definition": measure["definition"],
                            "count": measure["count"], "baseline_count": measure["baseline_count"],
                            "change_pct": measure["change_pct"], "gap_pp": None}] if measure else []) + rows)
    return frame.rename(columns={"name": "Area", "definition": "Definition", "count": "Count",
                                 "baseline_count": "A year earlier", "change_pct": "% change",
                                 "gap_pp": "Difference (pp)"})


def _not_comparable(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    counts = evidence.get("counts") or {}
    alternative = evidence.get("alternative") or {}
    return pd.DataFrame([{"Series": record.get("offence"), "Count": counts.get("period"),
                          "Baseline": counts.get("baseline"), "Baseline series": counts.get("baseline_offence"),
                          "Comparable series": alternative.get("offence"),
                          "Comparable % change": alternative.get("change_pct")}])


def _earlier_years(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    if record["verdict"] == "not comparable":
        return _not_comparable(record)
    rows = [*evidence.get("previous_years", []),
            {"period_end": record["period_end"], "change_pct": evidence.get("this_year"), "comparable": True,
             "source": record["source"], "edition": record["edition"]}]
    return pd.DataFrame(rows).rename(columns={"period_end": "Year ending", "change_pct": "% change",
                                              "comparable": "Comparable", "source": "Source", "edition": "Edition"})


def _causal(record: dict) -> pd.DataFrame:
    rows = (record.get("evidence") or {}).get("related_offences", [])
    return pd.DataFrame(rows).rename(columns={
        "offence": "Offence", "force_change_pct": "Force % change", "england_and_wales_change_pct": "E&W % change",
        "alliance_partner_change_pct": "Alliance partner % change", "rank": "Rank", "n_forces": "of",
        "source": "Source", "edition": "Edition"})


def _grade(record: dict) -> pd.DataFrame:
    history = (record.get("evidence") or {}).get("history") or []
    frame = pd.DataFrame(history)
    if frame.empty:
        return frame
    return frame[["peel_year", "pillar", "question", "grade", "source_url"]].rename(columns={
        "peel_year": "PEEL year", "pillar": "Pillar", "question": "Question", "grade": "Grade",
        "source_url": "Source"})


def _grade_comparison(record: dict) -> pd.DataFrame:
    return pd.DataFrame((record.get("evidence") or {}).get("side_by_side", []))


def _measure(record: dict) -> pd.DataFrame:
    measure = (record.get("evidence") or {}).get("measure")
    if not measure:
        return pd.DataFrame()
    return pd.DataFrame([{"Area": measure["geography"], "Definition": measure["definition"],
                          "Count": measure["count"], "A year earlier": measure["baseline_count"],
                          "Difference": measure["difference"], "% change": measure["change_pct"],
                          "Left out": ", ".join(measure["left_out"])}])


def _rate(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    if "rate_per_1000" not in evidence:
        return pd.DataFrame()
    per_1000 = evidence["rate_per_1000"]
    return pd.DataFrame([{"Area": record["subject"], "Rate per 1,000": per_1000,
                          "One offence for every": f"{1000 / per_1000:.1f} people" if per_1000 else None,
                          "Population": evidence["population"], "Population used": evidence["population_note"]}])


def _comparison(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    if not evidence.get("subject"):
        return pd.DataFrame()
    rows = [{"Area": evidence["subject"]["name"], "Value": evidence["subject"]["value"]},
            {"Area": evidence["against"]["name"], "Value": evidence["against"]["value"]}]
    return pd.DataFrame(rows)


def _standings(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    order = evidence.get("order") or []
    subjects = {s["force"] for s in evidence.get("standings", [])}
    shown = [s for s in order if s["position"] is not None and (s["position"] <= 5 or s["force"] in subjects)]
    fmt = {"change": formats.pct, "count": formats.count, "rate": formats.rate}.get(evidence.get("measure"), str)
    return pd.DataFrame([{"Position": s["position"], "Force": s["force"], "Value": fmt(s["value"]),
                          "Claimed": "yes" if s["force"] in subjects else ""} for s in shown])


def _force_count(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    if "meeting" not in evidence:
        return pd.DataFrame()
    return pd.DataFrame([{"Forces": ", ".join(evidence["meeting"]) or "none", "Did not": ", ".join(
        evidence["not_meeting"]) or "none", "No % change": ", ".join(evidence["without_change"]) or "none"}])


def _league_chart(record: dict, data) -> object | None:
    """Every force's change, with the claim's force highlighted and the national comparators as lines."""
    from peelstats import plots
    from peelstats.comparison import compare
    from peelstats.league_table import league

    subject = forces.try_lookup(record.get("subject") or "")
    force = subject.name if subject is not None and subject.territorial else record.get("force")
    if not record.get("period_end") or not record.get("offence") or not force or record["verdict"] in (
            "not testable with these data",):
        return None
    result = compare(force, record["offence"], record["period_end"], source=record["source"], data=data)
    if not result.comparable:
        if result.alternative is None:
            return None
        result = result.alternative
    table = league(result.offence, result.period_end, source=result.source, data=data)
    return plots.force_changes(table, result.force, result)


def _trend_chart(record: dict, data) -> object | None:
    from peelstats import plots
    from peelstats.trends import trend

    if not record.get("period_end") or record["verdict"] == "not comparable" or not record.get("force"):
        return None
    return plots.trend_chart(trend(record["force"], record["offence"], period_end=record["period_end"], data=data))


VIEWS: dict[Kind, View] = {
    Kind.CHANGE: View(_comparators, _league_chart),
    Kind.DIRECTION: View(_comparators, _league_chart),
    Kind.EARLIER_YEARS: View(_earlier_years, _trend_chart),
    Kind.CAUSAL: View(_causal, _league_chart),
    Kind.GRADE: View(_grade),
    Kind.GRADE_COMPARISON: View(_grade_comparison),
    Kind.COUNT: View(_measure),
    Kind.COUNT_CHANGE: View(_measure),
    Kind.COMPARISON: View(_comparison, _league_chart),
    Kind.RANK: View(_standings, _league_chart),
    Kind.FORCE_COUNT: View(_force_count, _league_chart),
    Kind.RATE: View(_rate),
}
assert set(VIEWS) == set(Kind), "every kind needs a renderer"


def evidence(record: dict) -> pd.DataFrame:
    return VIEWS[Kind(record["kind"])].evidence(record)


def chart(record: dict, data=None):
    view = VIEWS[Kind(record["kind"])]
    return view.chart(record, data) if view.chart else None
