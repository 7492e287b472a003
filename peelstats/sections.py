"""Building blocks for the notebooks: each returns a table, a chart or Markdown, so cells stay glue.

Also the notebooks' shared plumbing: :func:`check_parameters` (fail fast, in the first code cell, with the
library's own error) and :func:`save_results` (the machine-readable JSON written beside every notebook).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from peelstats import breaks as brk
from peelstats import config, forces, grades, periods
from peelstats import offences as off
from peelstats.comparison import Comparison
from peelstats.output import to_json
from peelstats.trends import trend

# Offence groups shown in the small multiples and the offence table
GROUPS = (off.TOTAL, off.VIOLENCE, off.SEXUAL, off.ROBBERY, off.THEFT, off.BURGLARY, off.VEHICLE,
          off.SHOPLIFTING, off.CRIMINAL_DAMAGE, off.DRUGS, off.WEAPONS, off.PUBLIC_ORDER)


def escape(value) -> str:
    """Text from a claim file or a data file, made safe for HTML and for Markdown (which passes HTML through)."""
    return html.escape("" if value is None else str(value))


@dataclass(frozen=True)
class Parameters:
    force: forces.Force
    offence: str
    period_end: pd.Timestamp | None
    baseline_end: pd.Timestamp | None

    @property
    def slug(self) -> str:
        return self.force.slug or self.force.code.lower()


def check_parameters(force: str, period_end=None, offence: str = off.TOTAL, baseline_end=None) -> Parameters:
    """Validate notebook parameters up front: an unknown force/offence/period fails here, clearly."""
    subject = forces.lookup(force)
    name = off.canonical(offence)
    period = periods.to_timestamp(period_end) if period_end not in (None, "") else None
    base = periods.to_timestamp(baseline_end) if baseline_end not in (None, "") else None
    return Parameters(subject, name, period, base)


def report_folder(force_slug: str, period_end) -> Path:
    """``reports/<force-slug>/<period-end>/`` under the project (or the current folder when installed)."""
    root = config.source_checkout() or Path.cwd()
    label = periods.to_timestamp(period_end).date().isoformat() if period_end is not None else "latest"
    return root / "reports" / force_slug / label


def save_results(name: str, payload: dict, results_dir: str | None = None, *, force_slug: str = "",
                 period_end=None) -> Path:
    """Write ``<name>.json`` (the notebook's key figures) to ``results_dir`` (default: the report folder)."""
    folder = Path(results_dir) if results_dir else report_folder(force_slug or "all", period_end)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(to_json(payload), encoding="utf-8")
    return path


def styled(frame: pd.DataFrame, *, percents=(), counts=(), decimals=1):
    """A table for reading: no index, text left-aligned and wrapped, counts with separators, blanks for missing.

    ``percents`` are shown signed (+4.2); ``counts`` as whole numbers (84,342); other numbers to ``decimals``.
    Cells and headers are HTML-escaped: unlike ``DataFrame.to_html``, a Styler writes text raw by default.
    """
    formats = {}
    for column in frame.columns:
        if column in percents:
            formats[column] = lambda v: "" if pd.isna(v) else f"{v:+.{decimals}f}"
        elif column in counts:
            formats[column] = lambda v: "" if pd.isna(v) else f"{v:,.0f}"
        elif pd.api.types.is_float_dtype(frame[column]):
            formats[column] = lambda v: "" if pd.isna(v) else f"{v:,.{decimals}f}"
    styler = frame.style.hide(axis="index").format(formats, na_rep="", escape="html") \
        .format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    text_columns = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    return styler.set_properties(subset=text_columns, **{"text-align": "left", "white-space": "normal"}) \
        .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])


# ----------------------------------------------------------------------------------- force vs national


def comparators_table(result: Comparison):
    """The force and every comparator."""
    table = result.table().rename(columns={"area": "Area", "definition": "Definition", "count": "Count",
                                           "baseline_count": "A year earlier", "change_pct": "% change",
                                           "gap_pp": "Force minus comparator (pp)"})
    return styled(table, percents=("% change", "Force minus comparator (pp)"), counts=("Count", "A year earlier"))


def similar_forces_table(result: Comparison):
    rows = [{"Force": s["force"], "Rate per 1,000": s["rate_per_1000"], "% change": s["change_pct"]}
            for s in result.similar_forces]
    return styled(pd.DataFrame(rows, columns=["Force", "Rate per 1,000", "% change"]), percents=("% change",))


def trend_table(history: pd.DataFrame):
    table = history[["period_end", "force_count", "force_change_pct", "england_and_wales_change_pct",
                     "median_force_change_pct", "rank", "n_forces", "comparable", "source", "edition"]].copy()
    table["period_end"] = table.period_end.map(periods.short_label)
    table = table.rename(columns={"period_end": "Year ending", "force_count": "Count", "force_change_pct": "Force %",
                                  "england_and_wales_change_pct": "E&W %", "median_force_change_pct": "Median force %",
                                  "rank": "Rank", "n_forces": "of", "comparable": "Comparable", "source": "Source",
                                  "edition": "Edition"})
    return styled(table, percents=("Force %", "E&W %", "Median force %"), counts=("Count", "Rank", "of"))


def vintages_table(revisions: pd.DataFrame):
    table = revisions[["source", "edition", "figure", "published", "force_count", "force_count_revision",
                       "england_and_wales_count", "england_and_wales_count_revision"]].rename(columns={
        "source": "Source", "edition": "Edition", "figure": "Figure", "published": "First published (approx.)",
        "force_count": "Force", "force_count_revision": "Force revision", "england_and_wales_count": "E&W",
        "england_and_wales_count_revision": "E&W revision"})
    return styled(table, counts=("Force", "Force revision", "E&W", "E&W revision"))


def rates_table(league: pd.DataFrame, force: str, n: int = 5):
    """The force and its neighbours in the league ordered by rate per 1,000 (position 1 = highest rate)."""
    by_rate = league.sort_values("rate_per_1000", ascending=False).reset_index(drop=True)
    by_rate.insert(0, "Position", by_rate.index + 1)
    position = by_rate.index[by_rate.force == force]
    i = position[0] if len(position) else 0
    window = by_rate.loc[max(0, i - n):i + n, ["Position", "force", "count", "rate_per_1000", "population_mid_year"]]
    window = window.rename(columns={"force": "Force", "count": "Count", "rate_per_1000": "Rate per 1,000",
                                    "population_mid_year": "Population (mid-year)"})
    window["Population (mid-year)"] = window["Population (mid-year)"].map(lambda v: "" if pd.isna(v) else f"{v:.0f}")
    return styled(window, counts=("Count", "Position"))


def caveats_markdown(result: Comparison) -> str:
    esc = escape
    lines = [f"- {esc(c)}" for c in result.caveats]
    for entry in result.breaks:
        lines.append(f"- **Series break ({esc(entry['id'])}, effective {esc(entry['effective'])})**: "
                     f"{esc(entry['explanation'])}")
    if not result.breaks:
        lines.append(f"- No series break lies between {esc(periods.label(result.baseline_end))} and "
                     f"{esc(periods.label(result.period_end))} for {esc(result.offence.lower())}.")
    lines.append(f"- Source: {esc(result.source)}, {esc(result.edition)}. "
                 f"{'Most similar forces: ' + esc(result.similar_method) if result.similar_method else ''}")
    return "\n".join(lines)


def comparable_view(result: Comparison) -> Comparison:
    """What to chart: the result itself, or its nearest comparable offence when a break blocks it."""
    return result if result.comparable or result.alternative is None else result.alternative


def comparison_payload(result: Comparison, league: pd.DataFrame, trend_table: pd.DataFrame,
                       vintage_table: pd.DataFrame) -> dict:
    return {
        "comparison": result.to_dict(),
        "league": league.to_dict("records"),
        "trend": trend_table.to_dict("records"),
        "vintages": vintage_table.to_dict("records"),
    }


# -------------------------------------------------------------------------------------- offence trends


def offence_trends(force: str, period_end, data=None) -> dict[str, pd.DataFrame]:
    """Year-on-year trend (same month each year) for every offence group."""
    return {name: trend(force, name, period_end=period_end, data=data) for name in GROUPS}


def offence_change_table(trends: dict[str, pd.DataFrame], previous_years: int = 3) -> pd.DataFrame:
    """Per offence: this year's change, the previous years', E&W this year, and any break crossed."""
    rows = []
    for name, frame in trends.items():
        if frame.empty:
            continue
        last = frame.iloc[-1]
        before = frame.iloc[-1 - previous_years:-1]
        row = {"Offence": name, "Year ending": periods.short_label(last.period_end),
               "Count": last.force_count, "% change": last.force_change_pct}
        for k, (_, earlier) in enumerate(before[::-1].iterrows(), start=1):
            row[f"{k} year{'s' if k > 1 else ''} before"] = earlier.force_change_pct
        row["Mean of previous"] = before.force_change_pct.mean()
        row["E&W % change"] = last.england_and_wales_change_pct
        row["Comparable"] = bool(last.comparable)
        row["Breaks"] = last.breaks or ""
        rows.append(row)
    return pd.DataFrame(rows)


def offence_change_styled(table: pd.DataFrame):
    percents = [c for c in table.columns if c not in ("Offence", "Year ending", "Count", "Comparable", "Breaks")]
    return styled(table, percents=percents, counts=("Count",))


def breaks_markdown(trends: dict[str, pd.DataFrame]) -> str:
    seen = {}
    for frame in trends.values():
        for ids in frame.breaks:
            for break_id in filter(None, str(ids).split(", ")):
                seen[break_id] = next(b for b in brk.BREAKS if b.id == break_id)
    if not seen:
        return "No series break affects these offences in the years shown."
    return "\n".join(f"- **{escape(b.id)}** (from {b.effective:%B %Y}): {escape(b.explanation)}"
                     for b in seen.values())


# --------------------------------------------------------------------------------------------- claims


def verdict_table(evaluation):
    """One line per claim: the verdict, the figure, whether it was public on the document's date, and why."""
    rows = []
    for r in evaluation.records():
        rows.append({"Claim": r["id"], "Quote": r["quote"], "Verdict": r["verdict"],
                     "Measured": _measured_text(r["measured"], r["kind"]),
                     "Period": periods.short_label(r["period_end"]) if r["period_end"] else "",
                     "Public on the document's date": _public_text(r), "Why": r["reason"]})
    return styled(pd.DataFrame(rows))


def _public_text(record) -> str:
    public = record.get("public_on_document_date")
    if public is None:
        return ""
    if public:
        return "yes"
    estimated = " (estimated)" if record.get("published_estimated") else ""
    return f"no: first published {record['published']}{estimated}"


def _measured_text(value, kind: str | None = None) -> str:
    if isinstance(value, float | int) and not isinstance(value, bool):
        if not np.isfinite(value):
            return ""
        if kind in ("count", "count_change"):
            return f"{value:,.0f}" if kind == "count" else f"{value:+,.0f}"
        if kind == "rate":
            return f"{value:,.1f} per 1,000"
        if kind in ("rank", "count_of_forces"):
            return f"{value:.0f}"
        return f"{value:+.1f}%"
    return "" if value is None else str(value)


def save_claims(evaluation, results_dir: str | None = None) -> Path:
    """``claims.json`` (full records) and ``claims.csv`` (one line per claim) beside the notebook."""
    from peelstats.claims.evaluation import write_outputs

    force = evaluation.document.get("force")
    slug = forces.lookup(force).slug if force else "national"
    period = next((r.candidate.period_end for r in evaluation if r.candidate is not None), None)
    folder = Path(results_dir) if results_dir else report_folder(slug, period)
    return write_outputs(evaluation, folder)


def document_markdown(document) -> str:
    """The claim file's document: title as a heading, then author, recipient and date."""
    esc = escape
    recipient = f" to {esc(document['recipient'])}" if document.get("recipient") else ""
    return f"## {esc(document['title'])}\n\n{esc(document['author'])}{recipient}, {esc(document['date'])}."


def claim_heading(record) -> str:
    esc = escape
    return (f"### {esc(record['id'])}: {esc(record['verdict'].upper())}\n\n> {esc(record['quote'])}\n\n"
            f"{esc(record['reason'])}\n\n"
            f"*How the words were read:* {esc(record['reading'] or 'n/a')}  \n"
            f"*Definition:* {esc(record['definition'] or 'n/a')}  \n*Source:* {esc(record['source'] or 'n/a')}"
            + (f", {esc(record['edition'])}" if record['edition'] else ""))


def candidates_table(record):
    """Definition sensitivity: every candidate period, source and meaning, and whether it reproduces the words."""
    frame = pd.DataFrame(record["candidates"])
    if frame.empty:
        return styled(frame)
    frame = frame[["period_end", "source", "edition", "comparator", "measured", "verdict", "published",
                   "public_on_document_date"]].rename(columns={
        "period_end": "Period end", "source": "Source", "edition": "Edition", "comparator": "Meaning",
        "measured": "Measured", "verdict": "Verdict there", "published": "First published",
        "public_on_document_date": "Public on document date"})
    frame["Measured"] = frame["Measured"].map(lambda v: _measured_text(v, record["kind"]))
    return styled(frame)


def evidence_view(record):
    """The evidence most useful for the claim's kind, styled for reading (None when there is nothing to show)."""
    from peelstats import claim_views

    table = claim_views.evidence(record)
    return styled(table) if len(table) else None


def claim_chart(record, data=None):
    from peelstats import claim_views

    return claim_views.chart(record, data)


def as_of_markdown(evaluation) -> str:
    document = evaluation.document
    latest = evaluation.latest_public
    when = (f"the **{periods.label(latest.period_end)}** (published {latest.date:%d %B %Y}"
            + (", estimated" if latest.estimated else "") + ")") if latest else "an unknown period"
    lines = [f"The document is dated **{escape(document['date'])}**. The latest police recorded crime figures "
             f"published by then were for {when}."]
    for r in evaluation.records():
        if r["period_end"] is None:
            continue
        state = "were" if r["public_on_document_date"] else "were **not yet**"
        lines.append(f"- **{escape(r['id'])}**: the figures it was judged on "
                     f"({escape(periods.label(r['period_end']))}, first published {escape(r['published'])}) "
                     f"{state} public on that date.")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- grades


def grade_history_table(force: str) -> pd.DataFrame:
    table = grades.history(force)
    if table.empty:
        return table
    return table[["peel_year", "pillar", "question", "grade", "carried_over_from", "source_url"]]


def grade_history_view(history: pd.DataFrame):
    return styled(history.rename(columns={"peel_year": "PEEL year", "pillar": "Pillar", "question": "Question",
                                          "grade": "Grade", "carried_over_from": "Carried over from",
                                          "source_url": "Source"}))


def grade_pivot(force: str) -> pd.DataFrame:
    """Pillar/question x PEEL year."""
    table = grades.history(force)
    if table.empty:
        return table
    return table.pivot_table(index=["pillar", "question"], columns="peel_year", values="grade", aggfunc="first")


def alliance_grades(force: str) -> tuple[str | None, pd.DataFrame]:
    partners = forces.alliance_partners(forces.lookup(force).code)
    if not partners:
        return None, pd.DataFrame()
    partner = partners[0].name
    years = sorted(set(grades.history(force).peel_year) & set(grades.history(partner).peel_year))
    frames = [grades.side_by_side(force, partner, year).assign(peel_year=year) for year in years]
    return partner, (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame())
