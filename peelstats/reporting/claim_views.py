"""How the claims notebook shows each kind of claim: one renderer per kind, in one registry (:data:`VIEWS`).

A renderer takes a claim's record (as :meth:`peelstats.claims.engine.Result.record` gives it) and returns the
evidence table most useful for that kind, and optionally a chart. Adding a kind of claim means one model, one
evaluator (:mod:`peelstats.claims.kinds`) and one renderer here.

Evidence tables (:class:`Evidence`) carry plain-English headers, how
:func:`peelstats.reporting.sections.styled` shows each column (counts, signed percentages, links...) and the
source line.

:func:`as_of` and :func:`timing_summary` say, from the records' own fields, whether each verdict rests on figures
public on the document's date and, if not, what the latest figures published by then said.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from peelstats import formats
from peelstats.claims.kind import Kind
from peelstats.claims.verdict import Verdict
from peelstats.reference import forces, periods
from peelstats.reporting import labels

EDITIONS_WHY = ("different editions of the same period: ONS revises earlier figures in later editions as forces "
                "correct their records")


@dataclass(frozen=True)
class View:
    evidence: Callable[[dict], Evidence]
    chart: Callable[[dict, object], object] | None = None


def _source_caption(source, edition, prefix: str = "Source") -> str:
    return f"{prefix}: {labels.source_link(source, edition)}." if source else ""


@dataclass(frozen=True)
class Evidence:
    """A claim's evidence table, how each of its columns is shown, and the line under it (its source)."""

    frame: pd.DataFrame
    kinds: dict = field(default_factory=dict)
    caption: str = ""

    def __len__(self) -> int:
        return len(self.frame)


def _with(frame: pd.DataFrame, kinds: dict | None = None, caption: str = "") -> Evidence:
    return Evidence(frame, kinds or {}, caption)


def _comparators(record: dict) -> Evidence:
    evidence = record.get("evidence") or {}
    if record["verdict"] == Verdict.NOT_COMPARABLE:
        return _not_comparable(record)
    rows = evidence.get("comparators") or []
    measure = evidence.get("measure")
    if measure and measure["geography"] == "England and Wales":
        measure = None  # the first comparator row already is England and Wales
    frame = pd.DataFrame(([{"name": measure["geography"], "definition": measure["definition"],
                            "count": measure["count"], "baseline_count": measure["baseline_count"],
                            "change_pct": measure["change_pct"], "gap_pp": None}] if measure else []) + rows,
                         columns=["name", "definition", "count", "baseline_count", "change_pct", "gap_pp"])
    frame["name"] = [labels.comparator_label(n, d) for n, d in zip(frame.name, frame.definition, strict=True)]
    frame = frame.rename(columns={"name": "Area", "definition": "Definition", "count": "Count",
                                  "baseline_count": "A year earlier", "change_pct": "% change",
                                  "gap_pp": "Claim's area minus this one"})
    return _with(frame, {"Count": "count", "A year earlier": "count", "% change": "pct",
                         "Claim's area minus this one": "pp"}, _source_caption(record["source"], record["edition"]))


def _not_comparable(record: dict) -> Evidence:
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


def _earlier_years(record: dict) -> Evidence:
    evidence = record.get("evidence") or {}
    if record["verdict"] == Verdict.NOT_COMPARABLE:
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
        caption = (f"Earlier years from {labels.source_link(earlier.source, earlier.edition)}; "
                   f"{html.escape(periods.label(last.period_end))} from "
                   f"{labels.source_link(last.source, last.edition)}: {EDITIONS_WHY}, so each year is shown as "
                   "its edition publishes it.")
    frame = frame.rename(columns={"period_end": "Year ending", "change_pct": "% change",
                                  "comparable": "Comparable with a year earlier", "source": "Source",
                                  "edition": "Edition"})
    return _with(frame, {"Year ending": "period", "% change": "pct", "Comparable with a year earlier": "yesno",
                         "Source": "source"}, caption)


def _streak(record: dict) -> Evidence:
    evidence = record.get("evidence") or {}
    if record["verdict"] == Verdict.NOT_COMPARABLE:
        return _not_comparable(record)
    frame = pd.DataFrame(evidence.get("years", []), columns=["period_end", "change_pct", "comparable", "source",
                                                             "edition"])
    editions = frame[["source", "edition"]].drop_duplicates()
    caption = ""
    if len(editions) == 1:
        caption = _source_caption(*editions.iloc[0])
        frame = frame.drop(columns=["source", "edition"])
    frame = frame.rename(columns={"period_end": "Year ending", "change_pct": "% change on a year earlier",
                                  "comparable": "Comparable with a year earlier", "source": "Source",
                                  "edition": "Edition"})
    return _with(frame, {"Year ending": "period", "% change on a year earlier": "pct",
                         "Comparable with a year earlier": "yesno", "Source": "source"}, caption)


def _causal(record: dict) -> Evidence:
    rows = (record.get("evidence") or {}).get("related_offences", [])
    frame = pd.DataFrame(rows)
    if frame.empty:
        return Evidence(frame)
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


def _grade(record: dict) -> Evidence:
    """The graded question across PEEL years (the whole history when the record does not name it)."""
    evidence = record.get("evidence") or {}
    frame = pd.DataFrame(evidence.get("history") or [])
    if frame.empty:
        return Evidence(frame)
    claimed = evidence.get("grade") or {}
    if claimed.get("pillar") and claimed.get("question"):
        same = frame[(frame.pillar == claimed["pillar"]) & (frame.question == claimed["question"])]
        frame = same if len(same) else frame
    frame = frame[["peel_year", "pillar", "question", "grade", "source_url"]].rename(columns={
        "peel_year": "PEEL year", "pillar": "Pillar", "question": "Question", "grade": "Grade",
        "source_url": "Source"})
    return _with(frame, {"PEEL year": "text", "Source": "link"})


def _grade_comparison(record: dict) -> Evidence:
    frame = pd.DataFrame((record.get("evidence") or {}).get("side_by_side", []))
    if frame.empty:
        return Evidence(frame)
    names = [c for c in frame.columns if c not in ("pillar", "question", "same") and not c.endswith(" source")]
    order = ["pillar", "question"] + [x for n in names for x in (n, f"{n} source")] + ["same"]
    frame = frame[[c for c in order if c in frame.columns]].rename(columns={
        "pillar": "Pillar", "question": "Question", "same": "Same grade"})
    return _with(frame, {**{f"{n} source": "link" for n in names}, "Same grade": "yesno"})


def _measure(record: dict) -> Evidence:
    measure = (record.get("evidence") or {}).get("measure")
    if not measure:
        return Evidence(pd.DataFrame())
    frame = pd.DataFrame([{"Area": measure["geography"], "Definition": measure["definition"],
                           "Count": measure["count"], "A year earlier": measure["baseline_count"],
                           "Difference": measure["difference"], "% change": measure["change_pct"],
                           "Left out": ", ".join(measure["left_out"])}])
    return _with(frame, {"Count": "count", "A year earlier": "count", "Difference": "signed_count",
                         "% change": "pct"}, _source_caption(record["source"], record["edition"]))


def _rate(record: dict) -> Evidence:
    evidence = record.get("evidence") or {}
    if "rate_per_1000" not in evidence:
        return Evidence(pd.DataFrame())
    per_1000 = evidence["rate_per_1000"]
    frame = pd.DataFrame([{"Area": record["subject"], "Rate per 1,000 population": per_1000,
                           "One offence for every": f"{1000 / per_1000:.1f} people" if per_1000 else None,
                           "Population": evidence["population"], "Population used": evidence["population_note"]}])
    return _with(frame, {"Rate per 1,000 population": "rate", "Population": "count"},
                 _source_caption(record["source"], record["edition"]))


def _comparison(record: dict) -> Evidence:
    evidence = record.get("evidence") or {}
    if not evidence.get("subject"):
        return Evidence(pd.DataFrame())
    rows = [{"Area": evidence["subject"]["name"], "Value": evidence["subject"]["value"]},
            {"Area": evidence["against"]["name"], "Value": evidence["against"]["value"]}]
    measure = evidence.get("measure")
    kind = {"change": "pct", "count": "count", "rate": "rate"}.get(measure, "number") if measure else None
    return _with(pd.DataFrame(rows), {"Value": kind} if kind else {},
                 _source_caption(record["source"], record["edition"]))


def _standings(record: dict) -> Evidence:
    evidence = record.get("evidence") or {}
    order = evidence.get("order") or []
    subjects = {s["force"] for s in evidence.get("standings", [])}
    shown = [s for s in order if s["position"] is not None and (s["position"] <= 5 or s["force"] in subjects)]
    formatters: dict[str, Callable[[Any], str]] = {"change": formats.page_pct, "count": formats.count,
                                                   "rate": formats.rate}
    fmt = formatters.get(str(evidence.get("measure")), str)
    position = f"Position ({order_words(evidence)})" if order_words(evidence) else "Position"
    frame = pd.DataFrame([{position: formats.ordinal(s["position"]), "Force": s["force"], "Value": fmt(s["value"]),
                           "Claimed": "Yes" if s["force"] in subjects else ""} for s in shown])
    caption = _source_caption(record["source"], record["edition"])
    if evidence.get("measure") == "change" and record.get("period_end"):
        caption += (" The chart of all forces counts the other way: its rank 1 is the lowest change."
                    if evidence.get("descending") else " The chart of all forces counts the same way: its rank 1 is "
                    "the lowest change.")
    return _with(frame, {position: "text"}, caption)


def order_words(evidence: dict) -> str:
    """How a rank claim's positions run: 'largest rise first', 'lowest rate first'..."""
    measure, descending = evidence.get("measure"), evidence.get("descending")
    if measure is None or descending is None:
        return ""
    return {("change", True): "largest rise first", ("change", False): "largest fall first",
            ("count", True): "most offences first", ("count", False): "fewest offences first",
            ("rate", True): "highest rate first", ("rate", False): "lowest rate first"}.get((measure, descending), "")


def _force_count(record: dict) -> Evidence:
    evidence = record.get("evidence") or {}
    if "meeting" not in evidence:
        return Evidence(pd.DataFrame())
    frame = pd.DataFrame([{"Forces that did": ", ".join(evidence["meeting"]) or "none",
                           "Forces that did not": ", ".join(evidence["not_meeting"]) or "none",
                           "No % change published": ", ".join(evidence["without_change"]) or "none"}])
    return _with(frame, {}, _source_caption(record["source"], record["edition"]))


def _league_chart(record: dict, data) -> object | None:
    """Every force's change, with the claim's force highlighted and the national comparators as lines."""
    from peelstats.analysis.comparison import compare
    from peelstats.analysis.league_table import league
    from peelstats.reporting import plots

    subject = forces.try_lookup(record.get("subject") or "")
    force = subject.name if subject is not None and subject.territorial else record.get("force")
    if not record.get("period_end") or not record.get("offence") or not force or \
            record["verdict"] == Verdict.NOT_TESTABLE:
        return None
    result = compare(force, record["offence"], record["period_end"], source=record["source"], data=data)
    if not result.comparable:
        if result.alternative is None:
            return None
        result = result.alternative
    table = league(result.offence, result.period_end, source=result.source, data=data)
    return plots.force_changes(table, result.force, result)


def _trend_chart(record: dict, data) -> object | None:
    from peelstats.analysis.trends import trend
    from peelstats.reporting import plots

    if not record.get("period_end") or record["verdict"] == Verdict.NOT_COMPARABLE or not record.get("force"):
        return None
    return plots.trend_chart(trend(record["force"], record["offence"], period_end=record["period_end"], data=data))


# One renderer per kind (tests/test_presentation.py checks every kind has one).
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
    Kind.STREAK: View(_streak, _trend_chart),
}


def evidence(record: dict) -> Evidence:
    return VIEWS[Kind(record["kind"])].evidence(record)


def chart(record: dict, data=None):
    view = VIEWS[Kind(record["kind"])]
    return view.chart(record, data) if view.chart else None


def chart_key(record: dict) -> tuple | None:
    """What a claim's chart shows (kind of chart, force highlighted, offence, year, source): two claims with the
    same key have the same chart, so the claims page draws it once. None for claims without a chart."""
    view = VIEWS[Kind(record["kind"])]
    if view.chart is None or not record.get("period_end"):
        return None
    if view.chart is _league_chart:
        subject = forces.try_lookup(record.get("subject") or "")
        force = subject.name if subject is not None and subject.territorial else record.get("force")
        return ("league", force, record.get("offence"), record["period_end"], record.get("source"))
    return ("trend", record.get("force"), record.get("offence"), record["period_end"])


def chart_words(record: dict) -> str:
    """The chart of a claim in words, for a line pointing to it: 'all 43 forces' change in total recorded crime
    (excluding fraud), year ending March 2018'."""
    key = chart_key(record)
    if key is None:
        return ""
    when = periods.label(record["period_end"])
    offence = str(record.get("offence") or "").lower()
    if key[0] == "league":
        return f"every force's change in {offence}, {when}, {key[1]} highlighted"
    return f"{key[1]}'s change in {offence} year by year to {when}"


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


GRADE_KINDS = ("grade", "grade_comparison")


def latest_text(record: dict, latest: dict | None) -> str | None:
    """:func:`latest_figure` as the claim's evaluator writes its figures ('+15.3%', '5th of 43'), for a page."""
    own = record.get("latest_public")
    if isinstance(own, dict) and own.get("measured") is not None and own.get("shown"):
        return formats.minus(own["shown"])
    value = latest_figure(record, latest)
    if value is None:
        return None
    return formats.measured_figure({**record, "measured": value, "measured_text": None})


def as_of(record: dict, document_date, latest: dict | None, label=periods.short_label) -> dict:
    """Short cells for a verdict table (a page: true minus signs): ``public`` (was the figure public on the
    document's date?) and ``then`` (if not, the latest figure published by then), from the record's fields. A
    grade is not a figure with a publication date; a claim the latest figures cannot be read on says so."""
    public = record.get("public_on_document_date")
    if str(record.get("kind")) in GRADE_KINDS:
        return {"public": "Not a figure: a PEEL grade", "then": "Not a figure"}
    if public is None or not record.get("published"):
        return {"public": "No dated figure", "then": ""}
    if public:
        return {"public": f"Yes (published {formats.long_date(record['published'])})", "then": ""}
    estimated = " (estimated)" if record.get("published_estimated") else ""
    text = (f"No: first published {formats.long_date(record['published'])}{estimated}, "
            f"{formats.time_between(document_date, record['published'])} later")
    then = ""
    if latest:
        shown = latest_text(record, latest)
        period = label(latest["period_end"])
        if shown is not None:
            then = f"{shown} ({period})"
        elif record.get("verdict") == Verdict.NOT_COMPARABLE:
            then = f"No comparable figure ({period})"
        elif record.get("verdict") == Verdict.NOT_TESTABLE:
            then = f"Not testable ({period})"
        else:
            then = f"No figure ({period})"
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
            who = labels.comparator_name(r.get("comparator"), r.get("subject"))
            shown = f"{who} {latest_text(r, latest)}"
            group = said.setdefault(str(r.get("offence") or "").lower(), [])
            if shown not in group:
                group.append(shown)
        text += (f" On {on} the latest published figures were for the {periods.label(latest['period_end'])} "
                 f"(published {formats.long_date(latest['published'])})")
        text += (": " + "; ".join(f"{offence}: {', '.join(values)}" if offence else ", ".join(values)
                                  for offence, values in said.items()) + ".") if said else "."
    return text


def source_html(record: dict) -> str:
    """HTML: where a claim's figure comes from, linked: the source and edition; for two forces' grades compared,
    each force's source for the grades that differ (else for all)."""
    if record.get("source"):
        return labels.source_link(record["source"], record.get("edition"))
    rows = (record.get("evidence") or {}).get("side_by_side") or []
    differing = [r for r in rows if r.get("same") is False] or rows
    links = []
    for row in differing:
        for key, url in row.items():
            if key.endswith(" source") and url:
                shown = f"{html.escape(key[:-len(' source')])}: {labels.link(url, labels.url_text(url))}"
                if shown not in links:
                    links.append(shown)
    edition = html.escape(str(record.get("edition"))) if record.get("edition") else ""
    if links:
        return "; ".join(links) + (f" ({edition})" if edition else "")
    return edition
