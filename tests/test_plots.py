"""Charts: returned (not shown), titled, labelled, captioned with source and edition, force labelled directly."""

from __future__ import annotations

import pytest
from matplotlib.text import Text
from synthetic import dataset

from peelstats.analysis.comparison import compare
from peelstats.analysis.league_table import league
from peelstats.analysis.results import League
from peelstats.analysis.trends import trend
from peelstats.reporting import plots


@pytest.fixture(scope="module")
def data():
    return dataset()


def texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(Text))


def assert_accessible(fig, *, force: str):
    axes = [ax for ax in fig.axes if ax.get_visible()]
    title = fig.get_suptitle() or axes[0].get_title(loc="left")
    assert title and force in title
    assert fig.get_supxlabel() or any(ax.get_xlabel() for ax in axes)
    assert any(ax.get_ylabel() for ax in axes)
    assert "Source: ONS / Home Office Recorded crime data at Police Force Area level" in texts(fig)
    assert "test vintage" in texts(fig) and "rec-crime-pfa" not in texts(fig)


def test_force_changes_chart(data):
    table = league("robbery", "2018-03-31", data=data)
    result = compare("west mercia", "robbery", "2018-03-31", data=data)
    fig = plots.force_changes(table, "West Mercia", result)
    assert "West Mercia \u22125.3%" in texts(fig)  # the force is labelled, not just coloured
    assert_accessible(fig, force="West Mercia")


def test_trend_chart(data):
    fig = plots.trend_chart(trend("west mercia", "robbery", data=data))
    assert "West Mercia \u22125.3%" in texts(fig)
    assert_accessible(fig, force="West Mercia")


def test_small_multiples(data):
    trends = {name: trend("west mercia", name, data=data) for name in ("robbery", "burglary", "residential burglary")}
    fig = plots.offence_small_multiples(trends, "West Mercia")
    assert "Robbery: \u22125.3%" in texts(fig) and "x = series break" in texts(fig)
    assert_accessible(fig, force="West Mercia")


class _Comparator:
    def __init__(self, name, value, definition=""):
        self.name, self.change_pct, self.definition = name, value, definition


class _Comparison:
    """The comparators a league chart draws, without a dataset."""

    def __init__(self, values: dict):
        self.values = values

    def comparator(self, name):
        value, definition = self.values.get(name, (None, ""))
        return _Comparator(name, value, definition)


def _league(values: list[float]):
    import pandas as pd

    names = [f"Force {i:02d}" for i in range(len(values))]
    frame = pd.DataFrame({"force": names, "change_pct": values})
    frame["rank"] = frame.change_pct.rank(method="min")
    return League(frame, "Total recorded crime (excluding fraud)", pd.Timestamp("2019-03-31"), None,
                  "ons-pfa-tables", "YE Mar 2019")


def _labels(fig):
    """The comparator labels (above the plotted area) with their extent in pixels and the line each ends at."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    out = []
    for text in ax.texts:
        if text.get_gid() != "comparator-label":
            continue
        box = text.get_window_extent(renderer)
        anchor = ax.transData.transform((text.xy[0], 0))[0]
        out.append((text.get_text(), box, anchor))
    return out


@pytest.mark.parametrize("values", [  # the first: Gwent, YE Mar 2019
    {"England and Wales (incl. BTP)": 7.7, "Sum of territorial forces": 7.66, "Median of force % changes": 8.0},
    {"England and Wales (incl. BTP)": 12.86, "Sum of territorial forces": 12.80, "Median of force % changes": 11.59},
    {"England and Wales (incl. BTP)": -2.0, "Sum of territorial forces": 30.0, "Median of force % changes": 5.0},
])
def test_league_chart_labels_name_the_right_line(values):
    """Each label ends at its own line; lines that coincide share one label naming each; no label hides a line."""
    definitions = {"Sum of territorial forces": "sum of 43 forces", "Median of force % changes": "median of 43 force % "
                   "changes", "England and Wales (incl. BTP)": "ONS published"}
    comparison = _Comparison({k: (v, definitions[k]) for k, v in values.items()})
    league = _league([-3 + i * 0.8 for i in range(43)])
    fig = plots.force_changes(league, "Force 05", comparison)
    labels = _labels(fig)
    named = " ".join(t for t, *_ in labels)
    for name, value in values.items():
        shown = plots.labels.comparator_label(name, definitions[name])
        assert f"{shown} {plots._signed(value)}" in named  # every comparator named, with its value
    ax = fig.axes[0]
    for text, box, anchor in labels:
        # the label ends (or starts) at its own line: within 6 px of it
        assert min(abs(box.x1 - anchor), abs(box.x0 - anchor)) < 6, (text, box, anchor)
        for name, value in values.items():
            shown = plots.labels.comparator_label(name, definitions[name])
            if shown in text:
                continue
            x = ax.transData.transform((value, 0))[0]
            own = next(b for t, b, _ in labels if shown in t)
            # another line passing under this label's text stops below it (at its own, lower, label)
            assert not box.x0 + 1 < x < box.x1 - 1 or own.y1 <= box.y0 + 1, (text, shown)
    boxes = sorted((box for _, box, _ in labels), key=lambda b: b.y0)
    assert all(b.y0 >= a.y1 - 1 for a, b in zip(boxes, boxes[1:], strict=False))  # labels never overlap


def test_coincident_lines_share_one_label():
    comparison = _Comparison({"England and Wales (incl. BTP)": (7.7, ""), "Sum of territorial forces": (7.7, ""),
                              "Median of force % changes": (8.0, "")})
    fig = plots.force_changes(_league([-3 + i * 0.8 for i in range(43)]), "Force 05", comparison)
    labels = [t for t, *_ in _labels(fig)]
    together = [t for t in labels if "England and Wales" in t]
    assert len(together) == 1 and "Sum of territorial forces +7.7%" in together[0]
    assert any(t.startswith("Median of force % changes +8.0%") for t in labels)


def test_charts_keep_every_label_inside_the_image(data):
    """Layouts are fixed (no tight bounding box when saving): nothing may fall outside the figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    table = league("robbery", "2018-03-31", data=data)
    result = compare("west mercia", "robbery", "2018-03-31", data=data)
    trends = {name: trend("west mercia", name, data=data) for name in ("robbery", "burglary")}
    for fig in (plots.force_changes(table, "West Mercia", result),
                plots.trend_chart(trend("west mercia", "robbery", data=data)),
                plots.offence_small_multiples(trends, "West Mercia")):
        FigureCanvasAgg(fig)
        box = fig.get_tightbbox(fig.canvas.get_renderer())
        assert box.x0 >= 0 and box.y0 >= 0, box
        assert box.x1 <= fig.get_figwidth() and box.y1 <= fig.get_figheight(), box


def test_captions_name_the_publisher_and_table_not_the_source_id(data):
    fig = plots.trend_chart(trend("west mercia", "robbery", data=data))
    shown = texts(fig)
    assert "ONS / Home Office Recorded crime data at Police Force Area level, test vintage" in shown
    assert "rec-crime-pfa" not in shown


def test_charts_render_as_svg_with_alt_text_and_text_kept_as_text(data):
    fig = plots.trend_chart(trend("west mercia", "robbery", data=data))
    bundle = fig._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml") and "<text" in bundle["image/svg+xml"]
    assert 'src="data:image/svg+xml;base64,' in bundle["text/html"] and 'alt="Line chart of West Mercia' in \
        bundle["text/html"]
    assert "\u2212" in bundle["text/plain"]  # negative figures with a true minus sign
