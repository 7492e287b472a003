"""Charts in the Government Analysis Function style (``afcharts``): returned as figures, never shown.

Figures are :class:`Chart` objects (a ``matplotlib.figure.Figure``) built outside pyplot's registry, so batch
runs do not accumulate open figures, and they render themselves in Jupyter, papermill and nbconvert HTML as a
PNG whose alt text describes what the chart shows: the force's value and rank and the comparators' values
(:attr:`Chart.description`), not only its title.

Every chart has an active title (what it shows, not just what it is), axis labels, a source and edition
caption, and labels the highlighted force and the comparator lines directly, so neither colour nor a dash
pattern is ever the only carrier of meaning.
"""

from __future__ import annotations

import base64
import html
import io
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from afcharts.af_colours import get_af_colours
from matplotlib import dates as mdates
from matplotlib.figure import Figure

from peelstats import formats, periods
from peelstats.comparators import National
from peelstats.comparison import Comparison

STYLE = "afcharts.afcharts"
HIGHLIGHT, MUTED = get_af_colours("focus")
CATEGORICAL = get_af_colours("categorical")


class Chart(Figure):
    """A Figure that displays itself (PNG with alt text) without pyplot or an inline backend."""

    description: str = ""  # the alt text: what the chart shows, in words (set by the function drawing it)

    def alt_text(self) -> str:
        if self.description:
            return self.description
        titles = [self._suptitle.get_text()] if self._suptitle else []
        titles += [ax.get_title(loc="left") for ax in self.axes if ax.get_visible() and ax.get_title(loc="left")]
        return " ".join(t.replace("\n", " ") for t in titles[:1]) or "chart"

    def png(self, dpi: int = 100) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        return buffer.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = self.png()
        encoded = base64.b64encode(data).decode("ascii")
        alt = html.escape(self.alt_text(), quote=True)
        return {"image/png": encoded,
                "text/html": f'<img src="data:image/png;base64,{encoded}" alt="{alt}" style="max-width:100%">',
                "text/plain": f"<chart: {self.alt_text()}>"}


def _caption(fig: Figure, text: str) -> None:
    fig.text(0.01, 0.005, text, ha="left", va="bottom", fontsize=9, color="#3D3D3D", wrap=True)


def _sentence(text: str) -> str:
    """Text starting a sentence: its first letter in capitals."""
    return text[:1].upper() + text[1:]


def _signed(value: float) -> str:
    return formats.pct(value)


def _source_text(source, edition) -> str:
    """'rec-crime-pfa (ONS / Home Office Recorded crime data at Police Force Area level), QE Dec 2018 vintage'."""
    name = formats.source_name(source)
    return f"{source} ({name}), {edition}" if name != str(source) else f"{source}, {edition}"


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


def force_changes(league: pd.DataFrame, highlight: str, comparison: Comparison | None = None) -> Figure:
    """Dot chart of every force's % change, the highlighted force labelled, national comparators as labelled
    lines."""
    frame = league.dropna(subset=["change_pct"]).sort_values("change_pct")
    period = periods.label(league.attrs["period_end"])
    offence = league.attrs["offence"]
    subject = frame[frame.force == highlight]
    national = []
    if comparison is not None:
        for name in (National.ENGLAND_AND_WALES.label, National.MEDIAN_FORCE.label, National.SUM_OF_FORCES.label):
            value = comparison.comparator(name).change_pct
            if value is not None and np.isfinite(value):
                national.append((name, value))
    with plt.style.context(STYLE):
        fig = Chart(figsize=(9, max(6, 0.2 * len(frame) + 2)))
        ax = fig.subplots()
        y = np.arange(len(frame))
        is_subject = (frame.force == highlight).to_numpy()
        ax.scatter(frame.change_pct[~is_subject], y[~is_subject], color=MUTED, s=28, zorder=2, label="Other forces")
        ax.scatter(frame.change_pct[is_subject], y[is_subject], color=HIGHLIGHT, s=70, marker="D", zorder=3,
                   label=highlight)
        ax.set_yticks(y, frame.force, fontsize=8)
        for yy, (_, row) in zip(y[is_subject], frame[is_subject].iterrows(), strict=True):
            ax.annotate(f"{highlight} {_signed(row.change_pct)}", (row.change_pct, yy), xytext=(8, 0),
                        textcoords="offset points", va="center", fontweight="bold", color=HIGHLIGHT)
        for _, value in national:
            ax.axvline(value, color="#3D3D3D", linewidth=1, zorder=1)
        ax.axvline(0, color="#BFBFBF", linewidth=0.8)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        _label_verticals(ax, national, len(frame))
        lead = (f"{highlight} {_signed(subject.change_pct.iloc[0])}, rank {int(subject['rank'].iloc[0])} of "
                f"{len(frame)}" if len(subject) else offence)
        ax.set_title(f"{lead}\n{offence}, {period} vs a year earlier", loc="left", fontsize=12)
        ax.set_xlabel("% change on the previous year")
        ax.set_ylabel("Police force (sorted by change)")
        _caption(fig, f"Source: {_source_text(league.attrs['source'], league.attrs['edition'])}. Forces whose base "
                      "is under 50 are not shown (ONS rule).")
        fig.tight_layout(rect=(0, 0.03, 1, 1))
    lowest, highest = (frame.iloc[0], frame.iloc[-1]) if len(frame) else (None, None)
    fig.description = (
        f"Dot chart of the % change in {offence.lower()}, {period} against a year earlier, for each of the "
        f"{len(frame)} forces shown, sorted by change. "
        + (f"{highlight}: {_signed(subject.change_pct.iloc[0])}, rank {int(subject['rank'].iloc[0])} of "
           f"{len(frame)} (1 = lowest change). " if len(subject) else f"{highlight} is not shown. ")
        + "".join(f"{name}: {_signed(value)}. " for name, value in national)
        + (f"Lowest: {lowest.force} {_signed(lowest.change_pct)}; highest: {highest.force} "
           f"{_signed(highest.change_pct)}." if lowest is not None else ""))
    return fig


def _label_verticals(ax, lines: list[tuple[str, float]], rows: int) -> None:
    """Name each vertical comparator line directly, one label per row so that close lines' labels never overlap.

    Forces are sorted by change, so the top left and the bottom right of the chart are empty: a label sits at the
    top, ending at its line, or (when there is no room on the line's left) at the bottom, starting from it."""
    if not lines:
        return
    ax.autoscale_view()
    low, high = ax.get_xlim()
    width = ax.get_window_extent().width * 72 / ax.figure.dpi  # the axes' width in points
    top = bottom = 0
    for name, value in sorted(lines, key=lambda item: -item[1]):
        text = f"{name} {_signed(value)}"
        needed = len(text) * 8 * 0.6 + 8  # points, at 8 pt
        room_left = (value - low) / (high - low) * width
        left = room_left < needed
        if left:
            y, bottom = bottom * 1.4, bottom + 1
        else:
            y, top = rows - 1 - top * 1.4, top + 1
        ax.annotate(text, (value, y), xytext=(4 if left else -4, 0), textcoords="offset points",
                    ha="left" if left else "right", va="center", fontsize=8, color="#0B0C0C",
                    bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"}, zorder=4)


def _extreme(trend: pd.DataFrame, column: str, highest: bool) -> str:
    values = trend.dropna(subset=[column])
    if values.empty:
        return "n/a"
    row = values.loc[values[column].idxmax() if highest else values[column].idxmin()]
    return f"{_signed(row[column])} ({periods.short_label(row.period_end)})"


def trend_chart(trend: pd.DataFrame) -> Figure:
    """The force's year-on-year change against England and Wales and the median force, over time."""
    force, offence = trend.attrs.get("force", ""), trend.attrs.get("offence", "")
    with plt.style.context(STYLE):
        fig = Chart(figsize=(9, 5))
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
        fig.tight_layout(rect=(0, 0.04, 1, 1))
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


def offence_small_multiples(trends: dict[str, pd.DataFrame], force: str) -> Figure:
    """One panel per offence group: the force's year-on-year change and England and Wales'."""
    names = [name for name, frame in trends.items() if len(frame)]
    cols = 3
    rows = max(1, math.ceil(len(names) / cols))
    with plt.style.context(STYLE):
        fig = Chart(figsize=(12, 3.0 * rows + 1))
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
            ax.set_title(f"{frame.attrs.get('offence', name)}: {value}", loc="left", fontsize=10)
            ax.set_ylabel("% change", fontsize=8)
            ax.tick_params(labelsize=8)
        for ax in list(axes.flat)[len(names):]:
            ax.set_visible(False)
        handles, labels = axes.flat[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.01, 0.95), ncol=2, fontsize=9)
        end = max((trends[n].period_end.max() for n in names), default=None)
        fig.suptitle(f"{force}: year-on-year change by offence group to {periods.label(end) if end else ''}"
                     " (x = series break)", x=0.01, ha="left", fontsize=12)
        first = trends[names[0]] if names else pd.DataFrame(columns=["source", "edition"])
        sources = "; ".join(_source_text(s, e) for s, e in first[["source", "edition"]].drop_duplicates().itertuples(
            index=False))
        height = fig.get_figheight()
        fig.supxlabel("Year ending", fontsize=9, y=0.005 + 0.2 / height)  # above the source caption
        _caption(fig, f"Source: {sources}.")
        fig.tight_layout(rect=(0, 0.005 + 0.42 / height, 1, 0.92))
    latest = []
    for name in names:
        last = trends[name].iloc[-1]
        rank = f", rank {int(last['rank'])} of {int(last.n_forces)}" if pd.notna(last.get("rank")) else ""
        latest.append(f"{trends[name].attrs.get('offence', name)} {_signed(last.force_change_pct)}{rank} "
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
    with plt.style.context(STYLE):
        fig = Chart(figsize=(9, 5.5))
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
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    biggest = crimes.sort_values("count", ascending=False)
    fig.description = (
        f"Bar chart of {force}'s {int(crimes['count'].sum()):,} crimes in {month} by police.uk category, largest "
        "first: " + "; ".join(f"{row.category} {int(row['count']):,}" for _, row in biggest.iterrows())
        + f". {asb:,} anti-social behaviour reports are counted separately.")
    return fig


def locations_map(records: pd.DataFrame, force: str, month: str) -> Figure:
    """A map-like scatter of crime locations, which are anonymised snap points."""
    crimes = records[records.is_crime].dropna(subset=["latitude", "longitude"])
    with plt.style.context(STYLE):
        fig = Chart(figsize=(8, 8))
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
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    fig.description = (
        f"Map of where {len(crimes):,} crimes in {force} in {month} were recorded, as anonymised points (dot size = "
        "crimes at the point)" + (f"; the busiest point has {int(busiest.n)} crimes" if busiest is not None else "")
        + (f"; {outside} points lie outside the frame" if outside else "") + ".")
    return fig
