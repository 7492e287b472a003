"""How the claims notebook shows each kind of claim: one renderer per kind, in one registry (:data:`VIEWS`).

A renderer takes a claim's record (as :meth:`peelstats.claims.engine.Result.record` gives it) and returns the
evidence table most useful for that kind, and optionally a chart. Adding a kind of claim means one model, one
evaluator (:mod:`peelstats.claims.kinds`) and one renderer here.

Evidence tables carry plain-English headers; ``frame.attrs["kinds"]`` says how :func:`peelstats.sections.styled`
shows each column (counts, signed percentages, links...) and ``frame.attrs["caption"]`` the source line.

:func:`as_of` and :func:`timing_summary` say, from the records' own fields, whether each verdict rests on figures
public on the document's date and, if not, what the latest figures published by then said.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from peelstats import forces, formats, periods
from peelstats.claims.model import Kind

EDITIONS_WHY = ("different editions of the same period: ONS revises earlier figures in later editions as forces "
                "correct their records")


@dataclass(frozen=True)
class View:
    evidence: Callable[[dict], pd.DataFrame]
    chart: Callable[[dict, object], object] | None = None


def _source_caption(source, edition, prefix: str = "Source") -> str:
    return f"{prefix}: {formats.source_link(source, edition)}." if source else ""


def _with(frame: pd.DataFrame, kinds: dict | None = None, caption: str = "") -> pd.DataFrame:
    frame.attrs["kinds"] = kinds or {}
    if caption:
        frame.attrs["caption"] = caption
    return frame


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
                            "change_pct": measure["change_pct"], "gap_pp": None}] if measure else []) + rows,
                         columns=["name", "definition", "count", "baseline_count", "change_pct", "gap_pp"])
    frame = frame.rename(columns={"name": "Area", "definition": "Definition", "count": "Count",
                                  "baseline_count": "A year earlier", "change_pct": "% change",
                                  "gap_pp": "Claim's area minus this one"})
    return _with(frame, {"Count": "count", "A year earlier": "count", "% change": "pct",
                         "Claim's area minus this one": "pp"}, _source_caption(record["source"], record["edition"]))


def _not_comparable(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    counts = evidence.get("counts") or {}
    alternative = evidence.get("alternative") or {}
    frame = pd.DataFrame([{"Series": record.get("offence"), "Count": counts.get("period"),
                           "A year earlier": counts.get("baseline"), "Series a year earlier":
                           counts.get("baseline_offence"), "Comparable series": alternative.get("offence"),
                           "Comparable series % change": alternative.get("change_pct")}])
    return _with(frame, {"Count": "count", "A year earlier": "count", "Comparable series % change": "pct"},
                 _source_caption(alternative.get("source") or record["source"],
                                 alternative.get("edition") or record["edition"]))


def _earlier_years(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    if record["verdict"] == "not comparable":
        return _not_comparable(record)
    rows = [*evidence.get("previous_years", []),
            {"period_end": record["period_end"], "change_pct": evidence.get("this_year"), "comparable": True,
             "source": record["source"], "edition": record["edition"]}]
    frame = pd.DataFrame(rows, columns=["period_end", "change_pct", "comparable", "source", "edition"])
    editions = frame[["source", "edition"]].drop_duplicates()
    caption = ""
    if len(editions) == 1:
        caption = _source_caption(*editions.iloc[0])
        frame = frame.drop(columns=["source", "edition"])
    elif len(editions) == 2 and len(frame) > 1:
        earlier, last = editions.iloc[0], frame.iloc[-1]
        caption = (f"Earlier years from {formats.source_link(earlier.source, earlier.edition)}; "
                   f"{html.escape(periods.label(last.period_end))} from "
                   f"{formats.source_link(last.source, last.edition)}: {EDITIONS_WHY}, so each year is shown as "
                   "its edition publishes it.")
    frame = frame.rename(columns={"period_end": "Year ending", "change_pct": "% change",
                                  "comparable": "Comparable with a year earlier", "source": "Source",
                                  "edition": "Edition"})
    return _with(frame, {"Year ending": "period", "% change": "pct", "Comparable with a year earlier": "yesno",
                         "Source": "source"}, caption)


def _causal(record: dict) -> pd.DataFrame:
    rows = (record.get("evidence") or {}).get("related_offences", [])
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    caption = ""
    editions = frame[["source", "edition"]].drop_duplicates() if {"source", "edition"} <= set(frame) else None
    if editions is not None and len(editions) == 1:
        caption = _source_caption(*editions.iloc[0])
        frame = frame.drop(columns=["source", "edition"])
    partner = ((record.get("evidence") or {}).get("alliance_partner") or {}).get("force")
    frame = frame.rename(columns={
        "offence": "Offence", "force_change_pct": f"{record.get('subject') or 'Force'} % change",
        "england_and_wales_change_pct": "England and Wales % change",
        "alliance_partner_change_pct": f"{partner or 'Alliance partner'} (alliance partner) % change",
        "rank": "Rank (1 = lowest change)", "n_forces": "Forces ranked", "source": "Source", "edition": "Edition"})
    return _with(frame, {"Rank (1 = lowest change)": "count", "Forces ranked": "count", "Source": "source"},
                 caption)


def _grade(record: dict) -> pd.DataFrame:
    """The graded question across PEEL years (the whole history when the record does not name it)."""
    evidence = record.get("evidence") or {}
    frame = pd.DataFrame(evidence.get("history") or [])
    if frame.empty:
        return frame
    claimed = evidence.get("grade") or {}
    if claimed.get("pillar") and claimed.get("question"):
        same = frame[(frame.pillar == claimed["pillar"]) & (frame.question == claimed["question"])]
        frame = same if len(same) else frame
    frame = frame[["peel_year", "pillar", "question", "grade", "source_url"]].rename(columns={
        "peel_year": "PEEL year", "pillar": "Pillar", "question": "Question", "grade": "Grade",
        "source_url": "Source"})
    return _with(frame, {"PEEL year": "text", "Source": "link"})


def _grade_comparison(record: dict) -> pd.DataFrame:
    frame = pd.DataFrame((record.get("evidence") or {}).get("side_by_side", []))
    if frame.empty:
        return frame
    names = [c for c in frame.columns if c not in ("pillar", "question", "same") and not c.endswith(" source")]
    order = ["pillar", "question"] + [x for n in names for x in (n, f"{n} source")] + ["same"]
    frame = frame[[c for c in order if c in frame.columns]].rename(columns={
        "pillar": "Pillar", "question": "Question", "same": "Same grade"})
    return _with(frame, {**{f"{n} source": "link" for n in names}, "Same grade": "yesno"})


def _measure(record: dict) -> pd.DataFrame:
    measure = (record.get("evidence") or {}).get("measure")
    if not measure:
        return pd.DataFrame()
    frame = pd.DataFrame([{"Area": measure["geography"], "Definition": measure["definition"],
                           "Count": measure["count"], "A year earlier": measure["baseline_count"],
                           "Difference": measure["difference"], "% change": measure["change_pct"],
                           "Left out": ", ".join(measure["left_out"])}])
    return _with(frame, {"Count": "count", "A year earlier": "count", "Difference": "signed_count",
                         "% change": "pct"}, _source_caption(record["source"], record["edition"]))


def _rate(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    if "rate_per_1000" not in evidence:
        return pd.DataFrame()
    per_1000 = evidence["rate_per_1000"]
    frame = pd.DataFrame([{"Area": record["subject"], "Rate per 1,000 population": per_1000,
                           "One offence for every": f"{1000 / per_1000:.1f} people" if per_1000 else None,
                           "Population": evidence["population"], "Population used": evidence["population_note"]}])
    return _with(frame, {"Rate per 1,000 population": "rate", "Population": "count"},
                 _source_caption(record["source"], record["edition"]))


def _comparison(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    if not evidence.get("subject"):
        return pd.DataFrame()
    rows = [{"Area": evidence["subject"]["name"], "Value": evidence["subject"]["value"]},
            {"Area": evidence["against"]["name"], "Value": evidence["against"]["value"]}]
    measure = evidence.get("measure")
    kind = {"change": "pct", "count": "count", "rate": "rate"}.get(measure, "number") if measure else None
    return _with(pd.DataFrame(rows), {"Value": kind} if kind else {},
                 _source_caption(record["source"], record["edition"]))


def _standings(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    order = evidence.get("order") or []
    subjects = {s["force"] for s in evidence.get("standings", [])}
    shown = [s for s in order if s["position"] is not None and (s["position"] <= 5 or s["force"] in subjects)]
    fmt = {"change": formats.pct, "count": formats.count, "rate": formats.rate}.get(evidence.get("measure"), str)
    frame = pd.DataFrame([{"Position": s["position"], "Force": s["force"], "Value": fmt(s["value"]),
                           "Claimed": "Yes" if s["force"] in subjects else ""} for s in shown])
    return _with(frame, {"Position": "count"}, _source_caption(record["source"], record["edition"]))


def _force_count(record: dict) -> pd.DataFrame:
    evidence = record.get("evidence") or {}
    if "meeting" not in evidence:
        return pd.DataFrame()
    frame = pd.DataFrame([{"Forces that did": ", ".join(evidence["meeting"]) or "none",
                           "Forces that did not": ", ".join(evidence["not_meeting"]) or "none",
                           "No % change published": ", ".join(evidence["without_change"]) or "none"}])
    return _with(frame, {}, _source_caption(record["source"], record["edition"]))


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


# ------------------------------------------------------------------------------- the document's date


def latest_figure(record: dict, latest: dict | None):
    """The claim's figure on the latest period public on the document's date, from the record's own fields: a
    ``latest_public`` entry when the record has one, else its candidate for that period under the same meaning.
    None when neither holds it."""
    own = record.get("latest_public")
    if isinstance(own, dict) and own.get("measured") is not None:
        return own["measured"]
    if not latest:
        return None
    for candidate in record.get("candidates") or []:
        if (candidate.get("period_end") == latest["period_end"] and candidate.get("public_on_document_date")
                and candidate.get("comparator") == record.get("comparator")
                and candidate.get("measured") is not None):
            return candidate["measured"]
    return None


def as_of(record: dict, document_date, latest: dict | None, label=periods.short_label) -> dict:
    """Short cells for a verdict table: ``public`` (was the figure public on the document's date?) and ``then``
    (if not, the latest figure published by then), from the record's fields."""
    public = record.get("public_on_document_date")
    if public is None or not record.get("published"):
        return {"public": "", "then": ""}
    if public:
        return {"public": f"Yes (published {formats.long_date(record['published'])})", "then": ""}
    estimated = " (estimated)" if record.get("published_estimated") else ""
    text = (f"No: first published {formats.long_date(record['published'])}{estimated}, "
            f"{formats.time_between(document_date, record['published'])} later")
    then = ""
    if latest:
        value = latest_figure(record, latest)
        then = label(latest["period_end"])
        then = f"{formats.measured(value, record.get('kind'))} ({then})" if value is not None \
            else then[:1].upper() + then[1:]
    return {"public": text, "then": then}


def timing_summary(records: list[dict], document_date, latest: dict | None) -> str:
    """One or two sentences: how many verdicts rest on figures published after the document's date, and what the
    latest figures public on that date said (where the records hold them)."""
    dated = [r for r in records if r.get("public_on_document_date") is not None and r.get("published")]
    late = [r for r in dated if not r["public_on_document_date"]]
    on = formats.long_date(document_date)
    if not dated:
        return ""
    if not late:
        return f"Every dated verdict rests on figures that were public on the document's date ({on})."
    when = sorted({r["published"] for r in late})
    if len(when) == 1:
        dates = f"{formats.long_date(when[0])}, {formats.time_between(document_date, when[0])} after"
    else:
        dates = " and ".join(f"{formats.long_date(d)} ({formats.time_between(document_date, d)} after)"
                             for d in when)
    text = (f"{len(late)} of the {len(records)} verdicts rest on figures first published on {dates} the "
            f"document's date ({on}).")
    if latest:
        said: dict[str, list[str]] = {}
        for r in late:
            value = latest_figure(r, latest)
            if value is None:
                continue
            who = formats.comparator_name(r.get("comparator"), r.get("subject"))
            shown = f"{who} {formats.measured(value, r.get('kind'))}"
            group = said.setdefault(str(r.get("offence") or "").lower(), [])
            if shown not in group:
                group.append(shown)
        text += (f" On {on} the latest published figures were for the {periods.label(latest['period_end'])} "
                 f"(published {formats.long_date(latest['published'])})")
        text += (": " + "; ".join(f"{offence}: {', '.join(values)}" if offence else ", ".join(values)
                                  for offence, values in said.items()) + ".") if said else "."
    return text
