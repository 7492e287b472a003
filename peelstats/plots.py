"""Charts in the Government Analysis Function style (``afcharts``): returned as figures, never shown.

Figures are :class:`Chart` objects (a ``matplotlib.figure.Figure``) built outside pyplot's registry, so batch
runs do not accumulate open figures, and they render themselves in Jupyter, papermill and nbconvert HTML as a
PNG whose alt text is the chart's title.

Every chart has an active title (what it shows, not just what it is), axis labels, a source and edition
caption, and labels the highlighted force directly, so colour is never the only carrier of meaning.
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
from matplotlib.figure import Figure

from peelstats import periods
from peelstats.comparators import National
from peelstats.comparison import Comparison

STYLE = "afcharts.afcharts"
HIGHLIGHT, MUTED = get_af_colours("focus")
CATEGORICAL = get_af_colours("categorical")


class Chart(Figure):
    """A Figure that displays itself (PNG with alt text) without pyplot or an inline backend."""

    def alt_text(self) -> str:
        titles = [self._suptitle.get_text()] if self._suptitle else []
        titles += [ax.get_title(loc="left") for ax in self.axes if ax.get_visible() and ax.get_title(loc="left")]
        return " ".join(titles[:1]) or "chart"

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


def _signed(value: float) -> str:
    return f"{value:+.1f}%"


def force_changes(league: pd.DataFrame, highlight: str, comparison: Comparison | None = None) -> Figure:
    """Dot chart of every force's % change, the highlighted force labelled, national comparators as lines."""
    frame = league.dropna(subset=["change_pct"]).sort_values("change_pct")
    period = periods.label(league.attrs["period_end"])
    offence = league.attrs["offence"]
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
        if comparison is not None:
            styles = ["--", ":", "-."]
            for style, name in zip(styles, (National.ENGLAND_AND_WALES.label, National.MEDIAN_FORCE.label,
                                            National.SUM_OF_FORCES.label), strict=True):
                value = comparison.comparator(name).change_pct
                if value is not None:
                    ax.axvline(value, color="#3D3D3D", linestyle=style, linewidth=1.2,
                               label=f"{name}: {_signed(value)}")
        ax.axvline(0, color="#BFBFBF", linewidth=0.8)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        subject = frame[frame.force == highlight]
        lead = (f"{highlight} {_signed(subject.change_pct.iloc[0])}, rank {int(subject['rank'].iloc[0])} of "
                f"{len(frame)}" if len(subject) else offence)
        ax.set_title(f"{lead}\n{offence}, {period} vs a year earlier", loc="left", fontsize=12)
        ax.set_xlabel("% change on the previous year")
        ax.set_ylabel("Police force (sorted by change)")
        ax.legend(loc="lower right", fontsize=8)
        _caption(fig, f"Source: {league.attrs['source']}, {league.attrs['edition']}. Forces whose base is under 50 "
                      "are not shown (ONS rule).")
        fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


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
        if len(trend) and np.isfinite(trend.force_change_pct.iloc[-1]):
            last = trend.iloc[-1]
            ax.annotate(f"{force} {_signed(last.force_change_pct)}", (last.period_end, last.force_change_pct),
                        xytext=(6, 6), textcoords="offset points", color=HIGHLIGHT, fontweight="bold")
            ax.annotate(f"E&W {_signed(last.england_and_wales_change_pct)}",
                        (last.period_end, last.england_and_wales_change_pct), xytext=(6, -12),
                        textcoords="offset points", color=CATEGORICAL[3])
        span = f"{periods.short_label(x.min())} to {periods.short_label(x.max())}" if len(trend) else ""
        ax.set_title(f"{force}: year-on-year change in {offence.lower()}\nagainst England and Wales, {span}",
                     loc="left", fontsize=12)
        ax.set_xlabel("Year ending")
        ax.set_ylabel("% change on the previous year")
        ax.legend(fontsize=8, loc="best")
        sources = "; ".join(f"{s} ({e})" for s, e in trend[["source", "edition"]].drop_duplicates().itertuples(
            index=False))
        _caption(fig, f"Source: {sources}.")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
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
        sources = "; ".join(f"{s} ({e})" for s, e in first[["source", "edition"]].drop_duplicates().itertuples(
            index=False))
        fig.supxlabel("Year ending", fontsize=9)
        _caption(fig, f"Source: {sources}.")
        fig.tight_layout(rect=(0, 0.03, 1, 0.92))
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
        _caption(fig, f"Source: data.police.uk ({source}). police.uk categories are not Home Office offence groups.")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
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
    return fig
