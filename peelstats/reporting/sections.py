"""Building blocks for the notebooks: each returns a table, a chart or Markdown, so cells stay glue.

Also the notebooks' shared plumbing: :func:`check_parameters` (fail fast, in the first code cell, with the
library's own error) and :func:`save_results` (the machine-readable JSON written beside every notebook).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from peelstats import formats
from peelstats.analysis.comparison import Comparison
from peelstats.analysis.results import League, Trend, Vintages
from peelstats.analysis.trends import trend
from peelstats.errors import PeelstatsError
from peelstats.output import records, to_json
from peelstats.reference import breaks as brk
from peelstats.reference import forces, grades, periods
from peelstats.reference import offences as off
from peelstats.reporting import labels

# Offence groups shown in the small multiples and the offence table
GROUPS = (off.TOTAL, off.VIOLENCE, off.SEXUAL, off.ROBBERY, off.THEFT, off.BURGLARY, off.VEHICLE,
          off.SHOPLIFTING, off.CRIMINAL_DAMAGE, off.DRUGS, off.WEAPONS, off.PUBLIC_ORDER)


def escape(value) -> str:
    """Text from a claim file or a data file, made safe for HTML and for Markdown (which passes HTML through), its
    negative figures with a true minus sign (GSS style)."""
    return html.escape(formats.minus("" if value is None else str(value)))


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


def results_folder(results_dir: str | None = None) -> Path:
    """Where a notebook writes its JSON: ``results_dir``, else the current folder (beside the notebook's output);
    never inside the package (a notebook opened where it ships, as `make lab` does): then ``reports/lab/`` in the
    project (git-ignored), or ``~/peelstats-lab`` for an installed package."""
    from peelstats import config

    folder = Path(results_dir) if results_dir not in (None, "") else Path.cwd()
    package = Path(__file__).resolve().parents[1]  # the peelstats package, not this subpackage
    if folder.resolve().is_relative_to(package):
        checkout = config.source_checkout()
        folder = checkout / "reports" / "lab" if checkout else Path.home() / "peelstats-lab"
    return folder


def save_results(name: str, payload: dict, results_dir: str | None = None) -> Path:
    """Write ``<name>.json`` (the notebook's key figures) to ``results_dir`` (default: the current folder)."""
    folder = results_folder(results_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(to_json(payload), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ tables

_COUNT_WORDS = ("count", "a year earlier", "baseline", "population", "crimes", "forces", "position", "rank", "of")


def _infer(series: pd.Series, name) -> str:
    """How a column is shown when the caller does not say: from its values, then its header."""
    header = str(name).lower()
    values = series.dropna()
    if pd.api.types.is_bool_dtype(series) or (len(values) and values.map(lambda v: isinstance(v, bool)).all()):
        return "yesno"
    if pd.api.types.is_numeric_dtype(series):
        if "percentage points" in header or "(pp)" in header:
            return "pp"
        if "share" in header or "% of" in header:
            return "share"
        if "%" in header:
            return "pct"
        if len(values) and (values == values.round()).all():
            return "count"
        return "number"
    if len(values) and values.map(lambda v: isinstance(v, str) and v.startswith(("http://", "https://"))).all():
        return "link"
    return "text"


def _numeric(function):
    """A number formatter that also takes numbers written as text ('12'), and shows other text as it is."""
    def format_value(value):
        if isinstance(value, str):
            text = html.unescape(value).strip().replace(",", "")
            try:
                value = float(text)
            except ValueError:
                return html.escape(text)
        return function(value)
    return format_value


def _formatter(kind: str, decimals: int):
    """A cell formatter; text arrives HTML-escaped (Styler escapes before formatting), numbers as numbers."""
    plain, minus = html.unescape, formats.minus
    return {
        "pct": _numeric(lambda v: formats.page_pct(v, decimals)),
        "pp": _numeric(lambda v: formats.page_pp(v, decimals)),
        "share": _numeric(lambda v: f"{float(v):.{decimals}f}%"),
        "count": _numeric(lambda v: minus(formats.count(v))),
        "signed_count": _numeric(formats.page_signed_count),
        "rate": _numeric(lambda v: minus(f"{float(v):,.{decimals}f}")),
        "number": _numeric(lambda v: minus(f"{float(v):,.{decimals}f}")),
        "yesno": formats.yes_no,
        "link": lambda v: labels.link(plain(v), labels.url_text(plain(v))),
        "source": lambda v: labels.source_link(plain(v)),
        "badge": lambda v: labels.verdict_badge(plain(v)),
        "period": lambda v: periods.short_label(plain(v) if isinstance(v, str) else v),
        "date": lambda v: formats.long_date(plain(v) if isinstance(v, str) else v),
        "month": lambda v: formats.month_year(plain(v)),
        "text": lambda v: minus(labels.readable(v) if isinstance(v, str) else str(v)),
    }[kind]


_NUMERIC = {"pct", "pp", "share", "count", "signed_count", "rate", "number"}


def styled(frame: pd.DataFrame, *, percents=(), counts=(), decimals=1, kinds: dict | None = None,
           caption: str | None = None):
    """A table for reading (GSS style): no index, text left-aligned and wrapped, numbers right-aligned, counts as
    whole numbers with separators (84,342), changes signed with their unit (+4.2%), Yes/No for flags, web
    addresses and sources as links, blanks for missing.

    How each column is shown comes from ``kinds`` (column -> pct, pp, share, count, signed_count, rate, number,
    yesno, link, source, badge, period, date, month, text), then an Evidence table's own ``kinds``, then
    ``percents`` and ``counts``, else it is inferred from the values and the header. ``caption`` (safe HTML, e.g.
    the source) goes under the table; default the Evidence table's ``caption``. Cells and headers are
    HTML-escaped: unlike ``DataFrame.to_html``, a Styler writes text raw by default.
    """
    if hasattr(frame, "kinds"):  # a claim's Evidence, or a table built here: its own kinds and caption
        kinds = {**frame.kinds, **(kinds or {})}
        caption = caption if caption is not None else (frame.caption or None)
        frame = frame.frame
    chosen = {**{c: "pct" for c in percents}, **{c: "count" for c in counts}, **(kinds or {})}
    shown = {column: chosen.get(column) or _infer(frame[column], column) for column in frame.columns}
    styler = frame.style.hide(axis="index") \
        .format({c: _formatter(k, decimals) for c, k in shown.items()}, na_rep="", escape="html") \
        .format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    text_columns = [c for c, k in shown.items() if k not in _NUMERIC]
    numeric = {c: [{"selector": "", "props": [("text-align", "right")]},
                   {"selector": "td", "props": [("white-space", "nowrap")]}]
               for c, k in shown.items() if k in _NUMERIC}
    numeric.update({c: [{"selector": "td", "props": [("white-space", "nowrap")]}]
                    for c, k in shown.items() if k in ("period", "date", "month", "badge")})
    styler = styler.set_properties(subset=text_columns, **{"text-align": "left", "white-space": "normal"}) \
        .set_table_styles([{"selector": "th", "props": [("text-align", "left"), ("vertical-align", "bottom")]},
                           {"selector": "td", "props": [("vertical-align", "top"), ("overflow-wrap", "break-word")]},
                           {"selector": "caption", "props": [("caption-side", "bottom"), ("text-align", "left"),
                                                             ("font-size", "0.9em"), ("color", "#3D3D3D"),
                                                             ("padding-top", "4px")]}])
    if numeric:
        styler = styler.set_table_styles(numeric, overwrite=False)
    return styler.set_caption(caption) if caption else styler


def source_caption(source, edition=None, prefix: str = "Source") -> str:
    """HTML: 'Source: <linked name>, <edition>.'"""
    return f"{prefix}: {labels.source_link(source, edition)}."


def _single_source(frame: pd.DataFrame, source: str = "source", edition: str = "edition") -> tuple | None:
    pairs = frame[[source, edition]].drop_duplicates()
    return tuple(pairs.iloc[0]) if len(pairs) == 1 else None


# ----------------------------------------------------------------------------------- force vs national


def comparators_table(result: Comparison):
    """The force and every comparator."""
    table = result.table()
    table["area"] = [labels.comparator_label(a, d) for a, d in zip(table.area, table.definition, strict=True)]
    table = table.rename(columns={"area": "Area", "definition": "Definition", "count": "Count",
                                           "baseline_count": "A year earlier", "change_pct": "% change",
                                           "gap_pp": "Force minus comparator"})
    return styled(table, kinds={"Count": "count", "A year earlier": "count", "% change": "pct",
                                "Force minus comparator": "pp"},
                  caption=source_caption(result.source, result.edition))


def similar_forces_table(result: Comparison):
    rows = [{"Force": s["force"], "Rate per 1,000 population": s["rate_per_1000"], "% change": s["change_pct"]}
            for s in result.similar_forces]
    return styled(pd.DataFrame(rows, columns=["Force", "Rate per 1,000 population", "% change"]),
                  kinds={"Rate per 1,000 population": "rate", "% change": "pct"})


def trend_table(history: Trend):
    """Year by year: the force's change, England and Wales', the median force's and the force's rank."""
    table = history.table[["period_end", "force_count", "force_change_pct", "england_and_wales_change_pct",
                     "median_force_change_pct", "rank", "n_forces", "comparable", "source", "edition"]].copy()
    table = table.rename(columns={"period_end": "Year ending", "force_count": "Count",
                                  "force_change_pct": "Force % change",
                                  "england_and_wales_change_pct": "England and Wales % change",
                                  "median_force_change_pct": "Median force % change",
                                  "rank": "Rank (1 = lowest change)", "n_forces": "Forces ranked",
                                  "comparable": "Comparable with a year earlier", "source": "Source",
                                  "edition": "Edition"})
    kinds = {"Year ending": "period", "Count": "count", "Rank (1 = lowest change)": "count",
             "Forces ranked": "count", "Comparable with a year earlier": "yesno", "Source": "source"}
    single = _single_source(table, "Source", "Edition") if len(table) else None
    if single:
        return styled(table.drop(columns=["Source", "Edition"]), kinds=kinds, caption=source_caption(*single))
    return styled(table, kinds=kinds)


def vintages_table(revisions: Vintages):
    table = revisions.table[["source", "edition", "figure", "published", "force_count", "force_count_revision",
                       "england_and_wales_count", "england_and_wales_count_revision"]].rename(columns={
        "source": "Source", "edition": "Edition", "figure": "Figure", "published": "Edition published (approx.)",
        "force_count": "Force", "force_count_revision": "Force, revised by",
        "england_and_wales_count": "England and Wales",
        "england_and_wales_count_revision": "England and Wales, revised by"})
    force = revisions.force
    if force:
        table = table.rename(columns={"Force": force, "Force, revised by": f"{force}, revised by"})
    signed = [c for c in table.columns if c.endswith("revised by")]
    return styled(table, kinds={"Source": "source", "Edition published (approx.)": "month",
                                **{c: "signed_count" for c in signed},
                                **{c: "count" for c in table.columns[4:] if c not in signed}},
                  caption=f"Revised by: the difference from {revisions.revised_from()}.")


def rates_table(league: League, force: str, n: int = 5):
    """The force and its neighbours in the league ordered by rate per 1,000 (position 1 = highest rate)."""
    by_rate = league.table.sort_values("rate_per_1000", ascending=False).reset_index(drop=True)
    by_rate.insert(0, "Position", by_rate.index + 1)
    position = by_rate.index[by_rate.force == force]
    i = position[0] if len(position) else 0
    window = by_rate.loc[max(0, i - n):i + n, ["Position", "force", "count", "rate_per_1000"]]
    window = window.rename(columns={"Position": "Position (1 = highest rate)", "force": "Force", "count": "Count",
                                    "rate_per_1000": "Rate per 1,000 population"})
    return styled(window, kinds={"Position (1 = highest rate)": "count", "Count": "count",
                                 "Rate per 1,000 population": "rate"})


def population_markdown(league: League) -> str:
    table = league.table
    years = sorted({f"{int(y)}" for y in table.population_mid_year.dropna()}) if "population_mid_year" in table \
        else []
    note = escape(league.population)
    return f"Population: {note}." if note else ("Population: mid-" + ", mid-".join(years) + "." if years else "")


def caveats_markdown(result: Comparison) -> str:
    esc = escape
    lines = [f"- {esc(labels.readable(c))}" for c in result.caveats]
    for entry in result.breaks:
        lines.append(f"- **Series break ({esc(entry['id'])}, effective {esc(formats.long_date(entry['effective']))})"
                     f"**: {esc(entry['explanation'])}")
    if not result.breaks:
        lines.append(f"- No series break lies between {esc(periods.label(result.baseline_end))} and "
                     f"{esc(periods.label(result.period_end))} for {esc(result.offence.lower())}.")
    lines.append(f"- Source: {labels.source_markdown(result.source, result.edition)}."
                 + (f" Most similar forces: {esc(labels.readable(result.similar_method))}"
                    if result.similar_method else ""))
    return "\n".join(lines)


def comparable_view(result: Comparison) -> Comparison:
    """What to chart: the result itself, or its nearest comparable offence when a break blocks it."""
    return result if result.comparable or result.alternative is None else result.alternative


def edition_name(source, edition) -> str:
    """'ONS Police Force Area data tables, YE Mar 2018 (v2), published July 2018' (escaped, for Markdown)."""
    from peelstats.analysis.revisions import edition_published

    published = formats.month_year(edition_published(str(source), str(edition)))
    return (f"{labels.source_markdown(source, edition)}"
            + (f" (published {escape(published)})" if published else ""))


EDITIONS_WHY = ("different editions of the same period: ONS revises earlier figures in later editions as forces "
                "correct their records.")


def trend_editions_note(result: Comparison, history: Trend) -> str:
    """One line, when the trend's last row and the headline give the same period different figures: why."""
    if history.table.empty or not result.comparable:
        return ""
    last = history.table.iloc[-1]
    if pd.Timestamp(last.period_end) != pd.Timestamp(result.period_end) or (
            last.source, last.edition) == (result.source, result.edition):
        return ""
    differences = []
    if formats.count(last.force_count) != formats.count(result.force_count):
        differences.append(f"count {formats.count(last.force_count)} here, {formats.count(result.force_count)} "
                           "in the headline")
    if formats.pct(last.force_change_pct) != formats.pct(result.force_change_pct):
        differences.append(f"change {formats.pct(last.force_change_pct)} against "
                           f"{formats.pct(result.force_change_pct)}")
    if pd.notna(last["rank"]) and result.rank is not None and int(last["rank"]) != int(result.rank):
        differences.append(f"rank {int(last['rank'])} against {int(result.rank)}")
    e_w = result.england_and_wales_change_pct
    if formats.pct(last.england_and_wales_change_pct) != formats.pct(e_w):
        differences.append(f"England and Wales {formats.pct(last.england_and_wales_change_pct)} against "
                           f"{formats.pct(e_w)}")
    if not differences:
        return ""
    return (f"**Why {escape(periods.label(result.period_end))} differs from the headline** "
            f"({escape('; '.join(differences))}): this table uses {edition_name(last.source, last.edition)}, "
            f"the headline {edition_name(result.source, result.edition)}; {EDITIONS_WHY}")


def comparison_payload(result: Comparison, league: League, history: Trend, revisions: Vintages) -> dict:
    return {"comparison": result.to_dict(), "league": records(league.table), "trend": records(history.table),
            "vintages": records(revisions.table)}


# -------------------------------------------------------------------------------------- offence trends


def offence_trends(force: str, period_end, data=None) -> dict[str, Trend]:
    """Year-on-year trend (same month each year) for every offence group."""
    return {name: trend(force, name, period_end=period_end, data=data) for name in GROUPS}


@dataclass(frozen=True)
class OffenceChanges:
    """Per offence: this year's change against the previous years'; the source and year when every row shares
    them (said once, under the table)."""

    frame: pd.DataFrame
    source: tuple[str, str] | None = None
    period_end: pd.Timestamp | None = None

    def to_dict(self, orient: str = "records") -> list[dict]:
        return self.frame.to_dict(orient)


def offence_change_table(trends: dict[str, Trend], previous_years: int = 3) -> OffenceChanges:
    """Per offence: this year's change, the previous years', E&W this year, and any break crossed."""
    rows = []
    for name, result in trends.items():
        frame = result.table
        if frame.empty:
            continue
        last = frame.iloc[-1]
        before = frame.iloc[-1 - previous_years:-1]
        row = {"Offence": name, "Year ending": periods.short_label(last.period_end),
               "Count": last.force_count, "% change": last.force_change_pct}
        for k, (_, earlier) in enumerate(before[::-1].iterrows(), start=1):
            row[f"% change {k} year{'s' if k > 1 else ''} before"] = earlier.force_change_pct
        row["Mean % change of those years"] = before.force_change_pct.mean()
        row["England and Wales % change"] = last.england_and_wales_change_pct
        row["Comparable with a year earlier"] = bool(last.comparable)
        row["Series breaks"] = last.breaks or ""
        rows.append(row)
    lasts = [t.table.iloc[-1] for t in trends.values() if len(t)]
    sources = {(last.source, last.edition) for last in lasts}
    ends = {last.period_end for last in lasts}
    return OffenceChanges(pd.DataFrame(rows), next(iter(sources)) if len(sources) == 1 else None,
                          next(iter(ends)) if len(ends) == 1 else None)


def offence_change_styled(changes: OffenceChanges):
    """The offence table, its columns that say one thing for every row (the year, no break) said once below it."""
    table = changes.frame
    percents = [c for c in table.columns if "% change" in c]
    source = changes.source
    notes = []
    if len(table) and table["Year ending"].nunique() == 1:
        end = changes.period_end
        year = periods.label(end) if end is not None else table["Year ending"].iloc[0]
        notes.append(f"Every row: {escape(year)}.")
        table = table.drop(columns=["Year ending"])
    if len(table) and "Series breaks" in table and not table["Series breaks"].astype(bool).any():
        table = table.drop(columns=["Series breaks"])
        notes.append("No series break lies between any year shown and the year before.")
    if source:
        notes.append(source_caption(*source))
    return styled(table, percents=percents, counts=("Count",), caption=" ".join(notes) if notes else None)


def offence_editions_note(trends: dict[str, Trend], force: str, data=None) -> str:
    """One line, when the headline edition of the period gives an offence a different change: which and why."""
    from peelstats.analysis.comparison import compare

    differences, editions = [], set()
    for name, result in trends.items():
        frame = result.table
        if frame.empty:
            continue
        last = frame.iloc[-1]
        try:
            other = compare(force, name, last.period_end, data=data)
        except Exception:  # noqa: BLE001 - a period or offence missing from the headline source: nothing to say
            continue
        if not other.comparable or (other.source, other.edition) == (last.source, last.edition):
            continue
        if formats.pct(other.force_change_pct) != formats.pct(last.force_change_pct):
            differences.append(f"{name.lower()} {formats.pct(last.force_change_pct)} here, "
                               f"{formats.pct(other.force_change_pct)} there")
            editions.add((other.source, other.edition, last.source, last.edition))
    if len(editions) != 1:
        return ""
    headline_source, headline_edition, source, edition = editions.pop()
    return (f"**Why some figures differ from the other pages** ({escape('; '.join(differences))}): this page uses "
            f"{edition_name(source, edition)}, the Force versus national and claims pages "
            f"{edition_name(headline_source, headline_edition)}; {EDITIONS_WHY}")


def breaks_markdown(trends: dict[str, Trend]) -> str:
    seen = {}
    for result in trends.values():
        for ids in result.table.breaks:
            for break_id in filter(None, str(ids).split(", ")):
                seen[break_id] = next(b for b in brk.BREAKS if b.id == break_id)
    if not seen:
        return "No series break affects these offences in the years shown."
    return "\n".join(f"- **{escape(b.id)}** (from {b.effective:%B %Y}): {escape(b.explanation)}"
                     for b in seen.values())


# --------------------------------------------------------------------------------------------- claims


def latest_public(evaluation) -> dict | None:
    """The latest period whose figures were public on the document's date, and when they were published."""
    latest = evaluation.latest_public
    if latest is None:
        return None
    return {"period_end": latest.period_end.date().isoformat(), "published": latest.date.date().isoformat(),
            "estimated": bool(latest.estimated)}


def verdict_table(evaluation):
    """One line per claim: the verdict, the figure, whether it was public on the document's date (and if not,
    what the latest published figures said then), and why."""
    from peelstats.reporting import claim_views

    date = evaluation.document["date"]
    latest = latest_public(evaluation)
    on = formats.long_date(date)
    rows = []
    for r in evaluation.records():
        timing = claim_views.as_of(r, date, latest)
        measured = formats.measured_figure(r)
        if r["period_end"]:
            measured += f" ({periods.short_label(r['period_end'])})"
        rows.append({"Claim": r["id"], "Quote": r["quote"], "Verdict": r["verdict"], "Measured": measured,
                     f"Public on {on}?": timing["public"], f"Latest published on {on}": timing["then"],
                     "Why": r["reason"]})
    return styled(pd.DataFrame(rows), kinds={"Verdict": "badge"})


def timing_markdown(evaluation) -> str:
    """The verdicts' timing in one paragraph: figures published after the document, and what was public then."""
    from peelstats.reporting import claim_views

    return escape(claim_views.timing_summary(evaluation.records(), evaluation.document["date"],
                                             latest_public(evaluation)))


def save_claims(evaluation, results_dir: str | None = None, claim_file=None) -> Path:
    """``claims.json`` (full records) and ``claims.csv`` (one line per claim) beside the notebook, and
    ``letter_claims.json``: the document, the latest figures public on its date (for the report's index) and the
    claim file's checksum (so a page can tell the verdicts are this file's). An evaluation read back from such
    files (:class:`SavedEvaluation`) is copied, not evaluated again."""
    import shutil

    folder = results_folder(results_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(evaluation, SavedEvaluation):
        for name in ("claims.json", "claims.csv", "letter_claims.json"):
            source = evaluation.folder / name
            if source.is_file() and source.resolve() != (folder / name).resolve():
                shutil.copyfile(source, folder / name)
        return folder / "claims.json"
    from peelstats.claims.evaluation import write_outputs

    path = write_outputs(evaluation, folder)
    checksum = _checksum(claim_file) if claim_file is not None else None
    save_results("letter_claims", {"document": evaluation.document, "latest_public": latest_public(evaluation),
                                   "claim_file_sha256": checksum}, str(folder))
    return path


def _checksum(path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class SavedEvaluation:
    """A claim file's verdicts as :func:`save_claims` wrote them: what the claims page shows, without evaluating
    the claim file again (``peelstats report`` evaluates it once, before the notebooks run)."""

    document: dict
    latest_public: object | None  # period_end, date (timestamps) and estimated, as a Release has them
    saved: list
    folder: Path

    def records(self) -> list[dict]:
        return self.saved

    def __len__(self) -> int:
        return len(self.saved)


def saved_evaluation(claims_json, claim_file=None) -> SavedEvaluation | None:
    """The verdicts saved beside ``claims_json`` (its ``letter_claims.json`` beside it), or None when they are
    missing, unreadable or not this claim file's."""
    import json
    from types import SimpleNamespace

    folder = Path(claims_json).parent
    try:
        records = json.loads(Path(claims_json).read_text(encoding="utf-8"))
        about = json.loads((folder / "letter_claims.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if claim_file is not None and about.get("claim_file_sha256") != _checksum(claim_file):
        return None
    latest = about.get("latest_public")
    release = None if not latest else SimpleNamespace(
        period_end=pd.Timestamp(latest["period_end"]), date=pd.Timestamp(latest["published"]),
        estimated=bool(latest.get("estimated")))
    return SavedEvaluation(about.get("document") or {}, release, records, folder)


def claims_evaluation(claim_file=None, evaluated=None):
    """The claim file's verdicts for the claims page: those ``peelstats report`` saved (``evaluated``: its
    claims.json) when they are this file's, else the claim file evaluated here."""
    if evaluated not in (None, ""):
        path = Path(claim_file) if claim_file not in (None, "") else None
        if path is None or not path.is_file():  # a bundled claim file's name (importing the engine costs 1 s)
            from peelstats.claims.claim_file import resolve

            path = resolve(claim_file)
        saved = saved_evaluation(evaluated, path)
        if saved is not None:
            return saved
    from peelstats.claims import evaluate, load_claim_file

    return evaluate(load_claim_file(claim_file))


def document_markdown(document) -> str:
    """The claim file's document: title as a heading, then author (when known), recipient and date."""
    esc = escape
    recipient = f"to {esc(document['recipient'])}" if document.get("recipient") else ""
    author = labels.known_author(document)
    byline = " ".join(p for p in (esc(author) if author else "", recipient) if p)
    date = esc(formats.long_date(document["date"]))
    return f"## {esc(document['title'])}\n\n" + (f"{byline[:1].upper()}{byline[1:]}, {date}." if byline else
                                                   f"Dated {date}.")


def definition_text(record) -> str:
    """The claim's definition without the source and edition at its end (they are named once, under the
    evidence)."""
    definition = labels.readable(record.get("definition") or "")
    source, edition = record.get("source"), record.get("edition")
    if source and edition:
        for tail in (f"; {labels.source_name(source)}, {edition}", f"; {source}, {edition}"):
            definition = definition.removesuffix(tail)
    return definition


def claim_anchor(record) -> str:
    return "claim-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in str(record["id"]))


def claim_heading(record, *, source: bool = True) -> str:
    """The claim's heading, quote, verdict's reason, reading and definition; ``source``: and a source line (when
    no evidence table below names it)."""
    esc = escape
    shown = ""
    if source and (record.get("source") or record.get("edition")):
        shown = "  \n*Source:* " + (labels.source_markdown(record["source"], record["edition"]) if record["source"]
                                   else esc(record["edition"]))
    return (f'### <span id="{claim_anchor(record)}"></span>{esc(record["id"])}: {esc(record["verdict"].upper())}'
            f"\n\n> {esc(record['quote'])}\n\n{esc(labels.readable(record['reason']))}\n\n"
            f"*How the words were read:* {esc(record['reading'] or 'n/a')}  \n"
            f"*Definition:* {esc(definition_text(record) or 'n/a')}{shown}")


def claim_sections(records, data=None) -> list:
    """Everything the claims page shows claim by claim, as display objects in order: each claim's heading, its
    evidence (with the source under it), its chart and its definition sensitivity. A chart already shown for an
    earlier claim (the same forces, offence and year) is not drawn again: a line points to it."""
    from IPython.display import Markdown

    from peelstats.reporting import claim_views

    shown: dict = {}
    out: list = []
    for record in records:
        evidence = evidence_view(record)
        # the source is named once: under the evidence table, or in its own column, else under the heading
        named = evidence is not None and (bool(evidence.caption) or any("source" in str(c).lower()
                                                                         for c in evidence.data.columns))
        out.append(Markdown(claim_heading(record, source=not named)))
        if evidence is not None:
            out.append(evidence)
        key = claim_views.chart_key(record)
        if key is not None and key in shown:
            first = shown[key]
            out.append(Markdown(f"*Chart:* the same as for [{escape(first['id'])}](#{claim_anchor(first)}) above "
                                f"({escape(claim_views.chart_words(first))})."))
        else:
            try:
                chart = claim_chart(record, data)
            except PeelstatsError as error:  # e.g. no year-earlier figures to chart: said, not a failed page
                chart = None
                out.append(Markdown(f"*Chart:* none ({escape(labels.readable(str(error)))})"))
            if chart is not None:
                out.append(chart)
                if key is not None:
                    shown[key] = record
        if record["candidates"]:
            out.append(Markdown("**Sensitivity**: every candidate period, source and meaning, and the verdict there."))
            out.append(candidates_table(record))
    return out


def candidates_table(record):
    """Definition sensitivity: every candidate period, source and meaning, and whether it reproduces the words."""
    frame = pd.DataFrame(record["candidates"])
    if frame.empty:
        return styled(frame)
    frame = frame[["period_end", "source", "edition", "comparator", "measured", "verdict", "published",
                   "public_on_document_date"]].rename(columns={
        "period_end": "Year ending", "source": "Source", "edition": "Edition", "comparator": "Meaning",
        "measured": "Measured", "verdict": "Verdict there", "published": "First published",
        "public_on_document_date": "Public on the document's date"})
    frame["Measured"] = frame["Measured"].map(lambda v: formats.measured_figure({**record, "measured": v,
                                                                                "measured_text": None}))
    frame["Meaning"] = frame["Meaning"].map(lambda v: labels.comparator_name(v, record.get("subject")))
    return styled(frame, kinds={"Year ending": "period", "Source": "source", "First published": "date",
                                "Public on the document's date": "yesno", "Measured": "text"})


def evidence_view(record):
    """The evidence most useful for the claim's kind, styled for reading (None when there is nothing to show)."""
    from peelstats.reporting import claim_views

    table = claim_views.evidence(record)
    return styled(table) if len(table) else None


def claim_chart(record, data=None):
    from peelstats.reporting import claim_views

    return claim_views.chart(record, data)


def as_of_markdown(evaluation) -> str:
    document = evaluation.document
    latest = evaluation.latest_public
    when = (f"the **{periods.label(latest.period_end)}** (published {formats.long_date(latest.date)}"
            + (", estimated" if latest.estimated else "") + ")") if latest else "an unknown period"
    lines = [f"The document is dated **{escape(formats.long_date(document['date']))}**. The latest police recorded "
             f"crime figures published by then were for {when}."]
    for r in evaluation.records():
        if r["period_end"] is None:
            continue
        state = "were" if r["public_on_document_date"] else "were **not yet**"
        lines.append(f"- **{escape(r['id'])}**: the figures it was judged on "
                     f"({escape(periods.label(r['period_end']))}, first published "
                     f"{escape(formats.long_date(r['published']))}) {state} public on that date.")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- grades


def _question_order(frame: pd.DataFrame, pillar: str = "pillar", question: str = "question") -> pd.DataFrame:
    """Rows in PEEL's order: pillars as PEEL lists them, and within each the overall grade first, then the
    questions in HMICFRS's order."""
    pillars = {p.lower(): i for i, p in enumerate(grades.PILLARS)}
    questions = {q: i for i, q in enumerate((grades.OVERALL, *grades.QUESTIONS))}
    keys = pd.DataFrame({"_p": frame[pillar].map(lambda v: pillars.get(str(v).lower(), len(pillars))),
                         "_q": frame[question].map(lambda v: questions.get(v, len(questions)))}, index=frame.index)
    extra = [c for c in ("peel_year",) if c in frame.columns]
    order = pd.concat([frame[extra], keys], axis=1).sort_values([*extra, "_p", "_q"], kind="stable").index
    return frame.loc[order].reset_index(drop=True)


def grade_history_table(force: str) -> pd.DataFrame:
    table = grades.history(force)
    if table.empty:
        return table
    return _question_order(table[["peel_year", "pillar", "question", "grade", "carried_over_from", "source_url"]])


def grade_history_view(history: pd.DataFrame):
    return styled(history.rename(columns={"peel_year": "PEEL year", "pillar": "Pillar", "question": "Question",
                                          "grade": "Grade", "carried_over_from": "Carried over from",
                                          "source_url": "Source"}), kinds={"Source": "link"})


def grade_pivot(force: str) -> pd.DataFrame:
    """Pillar/question x PEEL year, the overall grade first within each pillar."""
    table = grades.history(force)
    if table.empty:
        return table
    pivot = table.pivot_table(index=["pillar", "question"], columns="peel_year", values="grade", aggfunc="first")
    flat = _question_order(pivot.reset_index())
    return flat.set_index(["pillar", "question"])


def grade_pivot_view(pivot: pd.DataFrame):
    frame = pivot.reset_index().rename(columns={"pillar": "Pillar", "question": "Question"})
    frame.columns = [str(c) for c in frame.columns]
    return styled(frame, kinds={c: "text" for c in frame.columns})


def grade_coverage_markdown(force: str) -> str:
    """Which PEEL years the curated table holds for the force, and which it does not (they are not in it, not
    ungraded)."""
    every = sorted(set(grades.grades_table().peel_year))
    held = sorted(set(grades.history(force).peel_year))
    missing = [y for y in every if y not in held]
    name = escape(forces.lookup(force).name)
    if not held:
        return (f"The curated grades table holds no grade for {name} (it holds PEEL years {escape(', '.join(every))} "
                "for some forces); HMICFRS's pages have them.")
    blank = " A blank cell below is a grade the table does not hold, not a question left ungraded."
    if not missing:
        return (f"The curated grades table holds {name}'s grades for every PEEL year it covers "
                f"({escape(', '.join(held))}), though not every question's grade in every year.{blank}")
    return (f"The curated grades table holds {name}'s grades for {escape(', '.join(held))} only: its grades for "
            f"{escape(', '.join(missing))} are not in the table (not transcribed), which does not mean {name} was not "
            f"graded; HMICFRS's pages have them.{blank}")


def alliance_grades(force: str) -> tuple[str | None, pd.DataFrame]:
    """The force and its alliance partner, PEEL year by year, for the years both have grades in the table; rows
    that neither force has a grade for are left out."""
    partners = forces.alliance_partners(forces.lookup(force).code)
    if not partners:
        return None, pd.DataFrame()
    partner = partners[0].name
    name = forces.lookup(force).name
    years = sorted(set(grades.history(force).peel_year) & set(grades.history(partner).peel_year))
    frames = [grades.side_by_side(force, partner, year).assign(peel_year=year) for year in years]
    if not frames:
        return partner, pd.DataFrame()
    table = pd.concat(frames, ignore_index=True)
    table = table[table[name].notna() | table[partner].notna()]
    return partner, _question_order(table)


def side_by_side_view(table: pd.DataFrame):
    """Two forces' grades, year by year, each with its source as a link; a grade the table does not hold says so."""
    if table.empty:
        return styled(table)
    names = [c for c in table.columns if c not in ("pillar", "question", "same", "peel_year")
             and not c.endswith(" source")]
    order = ["peel_year", "pillar", "question"] + [x for n in names for x in (n, f"{n} source")] + ["same"]
    frame = table[[c for c in order if c in table.columns]].copy()
    for n in names:
        frame[n] = frame[n].map(lambda v: "not in the table" if v is None or (isinstance(v, float) and pd.isna(v))
                                else v)
    frame = frame.rename(columns={"peel_year": "PEEL year", "pillar": "Pillar", "question": "Question",
                                  "same": "Same grade"})
    return styled(frame, kinds={**{f"{n} source": "link" for n in names}, "Same grade": "yesno"})


def grade_counts_view(counts: pd.DataFrame):
    frame = counts.rename(columns={"peel_year": "PEEL year", "question": "Question", "grade": "Grade",
                                   "n_forces": "Forces", "count_text": "As published", "source_url": "Source"})
    return styled(frame, kinds={"PEEL year": "text", "Forces": "count", "Source": "link"})


# ------------------------------------------------------------------------------------------ police.uk


def policeuk_source(where: str) -> str:
    """What the police.uk figures were read from, for readers (never a local file path)."""
    return "the data.police.uk API" if str(where) == "api" else "data.police.uk street-level files"


def category_mix_view(mix: pd.DataFrame):
    frame = mix.rename(columns={"category": "police.uk category", "is_crime": "Crime", "count": "Count",
                                "share_of_crime_pct": "Share of crimes", "home_office_offence":
                                "Nearest Home Office offence group"})
    return styled(frame, kinds={"Crime": "yesno", "Count": "count", "Share of crimes": "share"})


def places_view(places: pd.DataFrame):
    return styled(places.rename(columns={"place": "Place", "crimes": "Crimes"}), counts=("Crimes",))


def outcomes_view(table: pd.DataFrame):
    return styled(table.rename(columns={"outcome": "Latest outcome", "crimes": "Crimes",
                                        "share_pct": "Share of crimes"}),
                  kinds={"Crimes": "count", "Share of crimes": "share"})


def reconciliation_view(reconciled):
    frame = reconciled.table.rename(columns={"quarter / 3": "A third of the quarter",
                                  "police.uk as % of quarter / 3": "police.uk month as % of a third of the quarter"})
    return styled(frame, kinds={"police.uk month": "count", "Home Office quarter": "count",
                                "A third of the quarter": "count",
                                "police.uk month as % of a third of the quarter": "share"})
