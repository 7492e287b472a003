"""Charts in the Government Analysis Function style (``afcharts``): returned as figures, never shown.

Figures are :class:`Chart` objects (a ``matplotlib.figure.Figure``) built outside pyplot (not imported: it costs
a third of a second and keeps a registry of open figures), and they render themselves in Jupyter, papermill and
nbconvert HTML as an SVG image whose text stays text (sharp at any zoom, a fraction of a PNG's size and drawing
time) with alt text describing what the chart shows: the force's value and rank and the comparators' values
(:attr:`Chart.description`), not only its title.

Every chart has an active title (what it shows, not just what it is), axis labels, a source and edition
caption, and labels the highlighted force and the comparator lines directly, so neither colour nor a dash
pattern is ever the only carrier of meaning. Layouts are fixed in inches, with room for the longest force name
and title (no ``tight_layout`` or ``bbox_inches="tight"``: each measures every label again before drawing).
"""

from __future__ import annotations

import base64
import html
import io
import math
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
from afcharts.af_colours import get_af_colours
from matplotlib import style
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from matplotlib.ticker import MaxNLocator

from peelstats import formats
from peelstats.analysis.comparators import National
from peelstats.analysis.comparison import Comparison
from peelstats.analysis.results import League, Trend
from peelstats.reference import periods
from peelstats.reporting import labels

# Titles at a fixed height: matplotlib otherwise measures every tick label of an axes to place its title clear of
# any at the top (there are none here), a third of the time a chart takes to draw.
STYLE: list[str | dict[str, Any]] = ["afcharts.afcharts", {"axes.titley": 1.0}]
HIGHLIGHT, MUTED = get_af_colours("focus")
CATEGORICAL = get_af_colours("categorical")


class Chart(Figure):
    """A Figure that displays itself (SVG with alt text) without pyplot or an inline backend."""

    description: str = ""  # the alt text: what the chart shows, in words (set by the function drawing it)

    def alt_text(self) -> str:
        if self.description:
            return self.description
        titles = [self.get_suptitle()] if self.get_suptitle() else []
        titles += [ax.get_title(loc="left") for ax in self.axes if ax.get_visible() and ax.get_title(loc="left")]
        return " ".join(t.replace("\n", " ") for t in titles[:1]) or "chart"

    def svg(self) -> str:
        buffer = io.BytesIO()
        # SVG text as text (not paths), and stable ids and no date, so the same chart gives the same file; the
        # layout is fixed: no second, measuring pass ("tight")
        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "peelstats"}):
            self.savefig(buffer, format="svg", metadata={"Date": None})
        return buffer.getvalue().decode("utf-8")

    def png(self, dpi: int = 100) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        return buffer.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None):
        svg = self.svg()
        encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        alt = html.escape(self.alt_text(), quote=True)
        return {"image/svg+xml": svg,
                "text/html": f'<img src="data:image/svg+xml;base64,{encoded}" alt="{alt}" style="max-width:100%">',
                "text/plain": f"<chart: {self.alt_text()}>"}


def _chart(width: float, height: float, *, left: float, right: float, top: float, bottom: float) -> Chart:
    """A chart ``width`` x ``height`` inches whose subplots sit inside these margins (inches)."""
    fig = Chart(figsize=(width, height))
    fig.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height)
    return fig


def _caption(fig: Figure, text: str) -> None:
    fig.text(0.01, 0.005, text, ha="left", va="bottom", fontsize=9, color="#3D3D3D", wrap=True)


def _sentence(text: str) -> str:
    """Text starting a sentence: its first letter in capitals."""
    return text[:1].upper() + text[1:]


def _signed(value: float) -> str:
    """'+4.2%', '−5.3%' (a true minus sign, as on the rest of the page)."""
    return formats.page_pct(value)


def _source_text(source, edition) -> str:
    """'ONS Police Force Area data tables, YE Mar 2018 (v2, North Wales revised)': publisher and table, edition."""
    return f"{labels.source_name(source)}, {edition}" if edition else labels.source_name(source)


def _year_ticks(ax, ends: pd.Series) -> None:
    """Year labels at most every few years (fixed ticks: matplotlib's date locator is slow to place them)."""
    ends = pd.Series(sorted(pd.to_datetime(ends.dropna().unique())))
    if ends.empty:
        return
    step = max(1, math.ceil(len(ends) / 6))
    chosen = list(ends[::-1][::step][::-1])  # counted back from the latest year, which is always labelled
    ax.set_xticks(chosen, [f"{t:%Y}" for t in chosen])


def _width_points(text: str, size: float, bold: bool = False) -> float:
    """How wide ``text`` is at ``size`` points, in points (the font's metrics; no drawing)."""
    font = FontProperties(size=size, weight="bold" if bold else "normal")
    lines = str(text).split("\n") if text else [""]
    return max(text_to_path.get_text_width_height_descent(line, font, ismath=False)[0] for line in lines)


def _spread(positions: list[float], gap: float) -> list[float]:
    """Positions moved apart as little as possible so that neighbours are at least ``gap`` apart (order kept)."""
    if not positions:
        return []
    order = sorted(range(len(positions)), key=positions.__getitem__)
    placed = [positions[i] for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    shift = (sum(placed) - sum(positions[i] for i in order)) / len(placed)  # re-centre on the true positions
    out = [0.0] * len(positions)
    for k, i in enumerate(order):
        out[i] = placed[k] - shift
    return out


def _label_line_ends(ax, x, items) -> None:
    """Label the last point of each line directly (text in the line's colour), spread so labels never overlap.

    ``items``: (y value, text, colour, bold). Call after everything is plotted (the spreading uses the limits)."""
    from matplotlib import dates as mdates

    items = [i for i in items if i[0] is not None and np.isfinite(i[0])]
    if not items:
        return
    ax.autoscale_view()
    xnum = mdates.date2num(x) if isinstance(x, pd.Timestamp | np.datetime64) else x
    ys = [ax.transData.transform((xnum, y))[1] for y, *_ in items]
    points = 72 / ax.figure.dpi
    moved = _spread(ys, 13 / points)
    for (y, text, colour, bold), at, target in zip(items, moved, ys, strict=True):
        ax.annotate(text, (x, y), xytext=(8, (at - target) * points), textcoords="offset points", va="center",
                    color=colour, fontweight="bold" if bold else "normal", fontsize=10, annotation_clip=False)


def force_changes(league: League, highlight: str, comparison: Comparison | None = None) -> Figure:
    """Dot chart of every force's % change, the highlighted force labelled, national comparators as lines labelled
    above the chart (one label for lines that coincide)."""
    frame = league.table.dropna(subset=["change_pct"]).sort_values("change_pct")
    period = periods.label(league.period_end)
    offence = league.offence
    subject = frame[frame.force == highlight]
    national = []
    if comparison is not None:
        for name in (National.ENGLAND_AND_WALES.label, National.MEDIAN_FORCE.label, National.SUM_OF_FORCES.label):
            comparator = comparison.comparator(name)
            value = comparator.change_pct
            if value is not None and np.isfinite(value):
                national.append((labels.comparator_label(name, comparator.definition), value))
    label_rows = len(national)  # one line of text per comparator, above the chart
    height = max(6, 0.2 * len(frame) + 2) + 0.2 * label_rows
    with style.context(STYLE):
        fig = _chart(9, height, left=1.9, right=0.35, top=0.75 + 0.2 * label_rows, bottom=0.9)
        ax = fig.subplots()
        y = np.arange(len(frame))
        is_subject = (frame.force == highlight).to_numpy()
        ax.scatter(frame.change_pct[~is_subject], y[~is_subject], color=MUTED, s=28, zorder=2, label="Other forces")
        ax.scatter(frame.change_pct[is_subject], y[is_subject], color=HIGHLIGHT, s=70, marker="D", zorder=3,
                   label=highlight)
        ax.set_yticks(y, frame.force, fontsize=8)
        ax.set_ylim(-0.8, len(frame) - 0.2)
        for yy, (_, row) in zip(y[is_subject], frame[is_subject].iterrows(), strict=True):
            ax.annotate(f"{highlight} {_signed(row.change_pct)}", (row.change_pct, yy), xytext=(8, 0),
                        textcoords="offset points", va="center", fontweight="bold", color=HIGHLIGHT, zorder=5,
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"})
        for _, value in national:
            ax.axvline(value, color="#3D3D3D", linewidth=1, zorder=1)
        ax.axvline(0, color="#BFBFBF", linewidth=0.8)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("% change on the previous year")
        ax.set_ylabel("Police force (sorted by change)")
        rows_height = _label_verticals(ax, national)
        lead = (f"{highlight} {_signed(subject.change_pct.iloc[0])}, rank {int(subject['rank'].iloc[0])} of "
                f"{len(frame)} (1 = lowest change)" if len(subject) else offence)
        ax.set_title(f"{lead}\n{offence}, {period} vs a year earlier", loc="left", fontsize=12,
                     pad=6 + rows_height)
        _caption(fig, f"Source: {_source_text(league.source, league.edition)}. Forces whose base "
                      "is under 50 are not shown (ONS rule).")
    ends = (f"Lowest: {frame.iloc[0].force} {_signed(frame.iloc[0].change_pct)}; highest: {frame.iloc[-1].force} "
            f"{_signed(frame.iloc[-1].change_pct)}." if len(frame) else "")
    fig.description = (
        f"Dot chart of the % change in {offence.lower()}, {period} against a year earlier, for each of the "
        f"{len(frame)} forces shown, sorted by change. "
        + (f"{highlight}: {_signed(subject.change_pct.iloc[0])}, rank {int(subject['rank'].iloc[0])} of "
           f"{len(frame)} (1 = lowest change). " if len(subject) else f"{highlight} is not shown. ")
        + "".join(f"{name}: {_signed(value)}. " for name, value in national)
        + ends)
    return fig


def _line_groups(lines: list[tuple[str, float]], apart: float) -> list[list[tuple[str, float]]]:
    """Comparator lines in order of value; those that show the same figure, or that lie less than ``apart`` (in
    data units) from the previous one, together: on the chart they are one line."""
    groups: list[list[tuple[str, float]]] = []
    for name, value in sorted(lines, key=lambda item: item[1]):
        if groups and (_signed(groups[-1][-1][1]) == _signed(value) or value - groups[-1][-1][1] < apart):
            groups[-1].append((name, value))
        else:
            groups.append([(name, value)])
    return groups


LABEL_SIZE = 8  # points
LINE_HEIGHT = 1.35 * LABEL_SIZE  # points, one line of a label
MERGE_POINTS = 3.0  # lines closer than this on the chart look like one: one label names them all


def _label_verticals(ax, lines: list[tuple[str, float]]) -> float:
    """Name each vertical comparator line directly, above the plotted area, where no force's dot can be.

    Each line (or each set of lines that coincide on the chart, named together in one label, one per line of
    text) is drawn on up to its own row of text, and its label ends (or starts) at the line. Rows rise with the
    lines' order across the chart, so no line crosses another's label, and labels of lines a pixel apart are never
    attributed to the wrong one.
    Returns the height of the rows in points (the title goes above them)."""
    if not lines:
        return 0.0
    ax.autoscale_view()
    low, high = ax.get_xlim()
    fig = ax.figure
    box = ax.get_position()  # in figure fractions: the layout is fixed before labelling
    axes_width = box.width * fig.get_figwidth() * 72  # points
    axes_left = box.x0 * fig.get_figwidth() * 72
    groups = _line_groups(lines, apart=MERGE_POINTS / axes_width * (high - low))
    texts = ["\n".join(f"{name} {_signed(value)}" for name, value in members) for members in groups]
    widths = [_width_points(t, LABEL_SIZE) for t in texts]
    xs = [(np.mean([v for _, v in members]) - low) / (high - low) * axes_width for members in groups]
    # leftwards from its line if every label has room there (it may run into the margin above the force names)
    leftwards = all(x - w - 4 >= -axes_left + 4 for x, w in zip(xs, widths, strict=True))
    order = range(len(groups)) if leftwards else range(len(groups) - 1, -1, -1)
    top = 0.0
    transform = ax.get_xaxis_transform()  # x in data, y in axes fractions
    height_points = box.height * fig.get_figheight() * 72
    for i in order:
        members = groups[i]
        rows = len(members)
        centre = top + LINE_HEIGHT * rows / 2 + 2
        y = 1 + centre / height_points
        x = float(np.mean([v for _, v in members]))
        ax.plot([x, x], [1, y], transform=transform, color="#3D3D3D", linewidth=1, clip_on=False, zorder=1)
        ax.annotate(texts[i], (x, y), xycoords=transform, xytext=(-3 if leftwards else 3, 0),
                    textcoords="offset points", ha="right" if leftwards else "left", va="center",
                    fontsize=LABEL_SIZE, color="#0B0C0C", annotation_clip=False, linespacing=1.2,
                    gid="comparator-label")
        top += LINE_HEIGHT * rows + 4
    return top


def _extreme(trend: pd.DataFrame, column: str, highest: bool) -> str:
    values = trend.dropna(subset=[column])
    if values.empty:
        return "n/a"
    row = values.loc[values[column].idxmax() if highest else values[column].idxmin()]
    return f"{_signed(row[column])} ({periods.short_label(row.period_end)})"


def trend_chart(result: Trend) -> Figure:
    """The force's year-on-year change against England and Wales and the median force, over time."""
    force, offence, trend = result.force, result.offence, result.table
    ends = []
    if len(trend):
        last = trend.iloc[-1]
        ends = [(f"{force} {_signed(last.force_change_pct)}", True),
                (f"E&W {_signed(last.england_and_wales_change_pct)}", False),
                (f"Median force {_signed(last.median_force_change_pct)}", False)]
    labels = max((_width_points(text, 10, bold) for text, bold in ends), default=0)  # right of the lines' ends
    with style.context(STYLE):
        fig = _chart(9, 5, left=0.95, right=max(1.0, (labels + 20) / 72), top=0.75, bottom=0.9)
        ax = fig.subplots()
        x = trend.period_end
        ax.plot(x, trend.force_change_pct, color=HIGHLIGHT, marker="o", label=force)
        ax.plot(x, trend.england_and_wales_change_pct, color=CATEGORICAL[3], linestyle="--", marker="s",
                markersize=4, label=National.ENGLAND_AND_WALES.label)
        ax.plot(x, trend.median_force_change_pct, color=CATEGORICAL[4], linestyle=":", label="Median force")
        ax.axhline(0, color="#BFBFBF", linewidth=0.8)
        not_comparable = trend[~trend.comparable]
        if len(not_comparable):
            ax.scatter(not_comparable.period_end, not_comparable.force_change_pct, marker="x", color="black",
                       zorder=4, label="not comparable (series break)")
        _year_ticks(ax, x)
        span = f"{periods.short_label(x.min())} to {periods.short_label(x.max())}" if len(trend) else ""
        ax.set_title(f"{force}: year-on-year change in {offence.lower()}\nagainst England and Wales, {span}",
                     loc="left", fontsize=12)
        ax.set_xlabel("Year ending")
        ax.set_ylabel("% change on the previous year")
        ax.legend(fontsize=8, loc="best")
        if len(trend):
            last = trend.iloc[-1]
            _label_line_ends(ax, last.period_end, [
                (last.force_change_pct, f"{force} {_signed(last.force_change_pct)}", HIGHLIGHT, True),
                (last.england_and_wales_change_pct, f"E&W {_signed(last.england_and_wales_change_pct)}",
                 CATEGORICAL[3], False),
                (last.median_force_change_pct, f"Median force {_signed(last.median_force_change_pct)}",
                 CATEGORICAL[4], False)])
        sources = "; ".join(_source_text(s, e) for s, e in trend[["source", "edition"]].drop_duplicates().itertuples(
            index=False))
        _caption(fig, f"Source: {sources}.")
    if len(trend):
        last = trend.iloc[-1]
        rank = (f", rank {int(last['rank'])} of {int(last.n_forces)} (1 = lowest change)"
                if pd.notna(last["rank"]) else "")
        breaks = (f" {len(not_comparable)} year(s) marked x are not comparable with a year earlier (series break)."
                  if len(not_comparable) else "")
        fig.description = (
            f"Line chart of {force}'s year-on-year % change in {offence.lower()}, {span}, against England and "
            f"Wales and the median force. {_sentence(periods.label(last.period_end))}: {force} "
            f"{_signed(last.force_change_pct)}{rank}; England and Wales {_signed(last.england_and_wales_change_pct)};"
            f" median force {_signed(last.median_force_change_pct)}. {force}'s highest: "
            f"{_extreme(trend, 'force_change_pct', True)}; lowest: {_extreme(trend, 'force_change_pct', False)}."
            + breaks)
    return fig


def offence_small_multiples(results: dict[str, Trend], force: str) -> Figure:
    """One panel per offence group: the force's year-on-year change and England and Wales'."""
    trends = {name: result.table for name, result in results.items()}
    offences = {name: result.offence for name, result in results.items()}
    names = [name for name, frame in trends.items() if len(frame)]
    cols = 3
    rows = max(1, math.ceil(len(names) / cols))
    height = 3.0 * rows + 1.3
    with style.context(STYLE):
        fig = _chart(12, height, left=0.75, right=0.25, top=1.1, bottom=0.75)
        fig.subplots_adjust(hspace=0.45, wspace=0.25)
        axes = fig.subplots(rows, cols, sharex=True, squeeze=False)
        for ax, name in zip(axes.flat, names, strict=False):
            frame = trends[name]
            ax.plot(frame.period_end, frame.force_change_pct, color=HIGHLIGHT, marker="o", markersize=3,
                    label=force)
            ax.plot(frame.period_end, frame.england_and_wales_change_pct, color=CATEGORICAL[3], linestyle="--",
                    label="England and Wales")
            ax.axhline(0, color="#BFBFBF", linewidth=0.8)
            broken = frame[~frame.comparable]
            if len(broken):
                ax.scatter(broken.period_end, broken.force_change_pct.fillna(0), marker="x", color="black")
            last = frame.iloc[-1]
            value = _signed(last.force_change_pct) if np.isfinite(last.force_change_pct) else "n/a"
            ax.set_title(f"{offences[name]}: {value}", loc="left", fontsize=10)
            ax.set_ylabel("% change", fontsize=8)
            ax.tick_params(labelsize=8)
            ax.yaxis.set_major_locator(MaxNLocator(nbins=5))  # 5 or 6 gridlines a panel, not 8 to 11
            # The panels' x axes are shared and carry no label of their own (the figure's says "Year ending"):
            # placed, not measured, as matplotlib otherwise measures every panel's tick labels for each panel
            ax.xaxis.set_label_coords(0.5, -0.1)
        for ax in list(axes.flat)[len(names):]:
            ax.set_visible(False)
        if names:
            _year_ticks(axes.flat[0], pd.concat([trends[n].period_end for n in names]))
        handles, labels = axes.flat[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.01, 1 - 0.55 / height), ncol=2, fontsize=9)
        end = max((trends[n].period_end.max() for n in names), default=None)
        fig.suptitle(f"{force}: year-on-year change by offence group to {periods.label(end) if end else ''}"
                     " (x = series break)", x=0.01, y=1 - 0.12 / height, ha="left", va="top", fontsize=12)
        first = trends[names[0]] if names else pd.DataFrame(columns=["source", "edition"])
        sources = "; ".join(_source_text(s, e) for s, e in first[["source", "edition"]].drop_duplicates().itertuples(
            index=False))
        fig.supxlabel("Year ending", fontsize=9, y=0.3 / height)  # above the source caption
        _caption(fig, f"Source: {sources}.")
    latest = []
    for name in names:
        last = trends[name].iloc[-1]
        rank = f", rank {int(last['rank'])} of {int(last.n_forces)}" if pd.notna(last.get("rank")) else ""
        latest.append(f"{offences[name]} {_signed(last.force_change_pct)}{rank} "
                      f"(England and Wales {_signed(last.england_and_wales_change_pct)})")
    fig.description = (
        f"{len(names)} small line charts, one per offence group, of {force}'s year-on-year % change and England "
        f"and Wales' over time. {_sentence(periods.label(end)) if end else 'Latest year'} (rank 1 = lowest "
        "change of the forces): " + "; ".join(latest) + ".")
    return fig


def category_bars(mix: pd.DataFrame, force: str, month: str, source: str) -> Figure:
    """Crimes by police.uk category (anti-social behaviour shown apart: it is not a crime)."""
    crimes = mix[mix.is_crime].sort_values("count")
    asb = int(mix.loc[~mix.is_crime, "count"].sum())
    with style.context(STYLE):
        fig = _chart(9, 5.5, left=2.6, right=0.5, top=0.8, bottom=0.95)
        ax = fig.subplots()
        bars = ax.barh(crimes.category, crimes["count"], color=HIGHLIGHT)
        ax.bar_label(bars, labels=[f"{v:,}" for v in crimes["count"]], padding=3, fontsize=8)
        top = crimes.iloc[-1] if len(crimes) else None
        lead = f"{top.category} is the largest police.uk category" if top is not None else "No crimes"
        ax.set_title(f"{force}, {month}: {lead}\n{int(crimes['count'].sum()):,} crimes; {asb:,} anti-social "
                     "behaviour reports counted separately", loc="left", fontsize=12)
        ax.set_xlabel("Crimes in the month")
        ax.set_ylabel("police.uk category")
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        _caption(fig, f"Source: {source}. police.uk categories are not Home Office offence groups.")
    biggest = crimes.sort_values("count", ascending=False)
    fig.description = (
        f"Bar chart of {force}'s {int(crimes['count'].sum()):,} crimes in {month} by police.uk category, largest "
        "first: " + "; ".join(f"{row.category} {int(row['count']):,}" for _, row in biggest.iterrows())
        + f". {asb:,} anti-social behaviour reports are counted separately.")
    return fig


def locations_map(records: pd.DataFrame, force: str, month: str) -> Figure:
    """A map-like scatter of crime locations, which are anonymised snap points."""
    crimes = records[records.is_crime].dropna(subset=["latitude", "longitude"])
    with style.context(STYLE):
        fig = _chart(8, 8, left=1.0, right=0.3, top=0.85, bottom=0.95)
        ax = fig.subplots()
        counts = crimes.groupby(["longitude", "latitude"]).size().rename("n").reset_index()
        ax.scatter(counts.longitude, counts.latitude, s=4 + 3 * np.sqrt(counts.n), color=HIGHLIGHT, alpha=0.4,
                   linewidths=0)
        busiest = counts.sort_values("n").iloc[-1] if len(counts) else None
        if busiest is not None:
            ax.annotate(f"busiest point: {int(busiest.n)} crimes", (busiest.longitude, busiest.latitude),
                        xytext=(10, 10), textcoords="offset points", fontsize=9, color="#3D3D3D",
                        arrowprops={"arrowstyle": "-", "color": "#3D3D3D"})
        outside = 0
        if len(crimes) > 20:  # frame the bulk: a few points lie far outside the force (mislocated records)
            lo_x, hi_x = crimes.longitude.quantile([0.005, 0.995])
            lo_y, hi_y = crimes.latitude.quantile([0.005, 0.995])
            pad_x, pad_y = (hi_x - lo_x) * 0.05, (hi_y - lo_y) * 0.05
            ax.set_xlim(lo_x - pad_x, hi_x + pad_x)
            ax.set_ylim(lo_y - pad_y, hi_y + pad_y)
            outside = int((~crimes.longitude.between(lo_x - pad_x, hi_x + pad_x)
                           | ~crimes.latitude.between(lo_y - pad_y, hi_y + pad_y)).sum())
        ax.set_aspect(1 / np.cos(np.radians(crimes.latitude.mean())) if len(crimes) else "equal")
        beyond = f"; {outside} outside the frame" if outside else ""
        ax.set_title(f"{force}, {month}: where {len(crimes):,} crimes were mapped{beyond}\n(anonymised snap "
                     "points, not exact locations; dot size = crimes at the point)", loc="left", fontsize=12)
        ax.set_xlabel("Longitude")
        ax.set_ylabel("Latitude")
        ax.grid(True, axis="both")
        _caption(fig, "Source: data.police.uk. Each crime is moved to the nearest of a fixed set of map points to "
                      "protect privacy.")
    fig.description = (
        f"Map of where {len(crimes):,} crimes in {force} in {month} were recorded, as anonymised points (dot size = "
        "crimes at the point)" + (f"; the busiest point has {int(busiest.n)} crimes" if busiest is not None else "")
        + (f"; {outside} points lie outside the frame" if outside else "") + ".")
    return fig
