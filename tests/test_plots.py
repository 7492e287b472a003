"""Charts: returned (not shown), titled, labelled, captioned with source and edition, force labelled directly."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from synthetic import dataset

from peelstats import plots
from peelstats.comparison import compare
from peelstats.league_table import league
from peelstats.trends import trend


@pytest.fixture(scope="module")
def data():
    return dataset()


def texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(plt.Text))


def assert_accessible(fig, *, force: str):
    axes = [ax for ax in fig.axes if ax.get_visible()]
    title = fig._suptitle.get_text() if fig._suptitle else axes[0].get_title(loc="left")
    assert title and force in title
    assert any(ax.get_xlabel() or fig.supxlabel for ax in axes) and any(ax.get_ylabel() for ax in axes)
    assert "Source: rec-crime-pfa" in texts(fig) and "test vintage" in texts(fig)


def test_force_changes_chart(data):
    table = league("robbery", "2018-03-31", data=data)
    result = compare("west mercia", "robbery", "2018-03-31", data=data)
    fig = plots.force_changes(table, "West Mercia", result)
    assert "West Mercia -5.3%" in texts(fig)  # the force is labelled, not just coloured
    assert_accessible(fig, force="West Mercia")


def test_trend_chart(data):
    fig = plots.trend_chart(trend("west mercia", "robbery", data=data))
    assert "West Mercia -5.3%" in texts(fig)
    assert_accessible(fig, force="West Mercia")


def test_small_multiples(data):
    trends = {name: trend("west mercia", name, data=data) for name in ("robbery", "burglary", "residential burglary")}
    fig = plots.offence_small_multiples(trends, "West Mercia")
    assert "Robbery: -5.3%" in texts(fig) and "x = series break" in texts(fig)
    assert_accessible(fig, force="West Mercia")
