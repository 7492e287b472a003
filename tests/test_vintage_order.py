"""Several editions of one period: figures come from the newest, never their sum (an audit found a second YE Jun
2025 edition doubled every count)."""

from __future__ import annotations

import pandas as pd
import pytest
from synthetic import _row

from peelstats.analysis.panel import get_panel
from peelstats.ingest import schema, vintage_order
from peelstats.ingest.dataset import Dataset

ONS = "ons-pfa-tables"
END = pd.Timestamp("2018-03-31")
WM = "E23000016"


def _data(editions: dict[str, int]) -> Dataset:
    rows = [_row(WM, "Robbery", END, count, source=ONS, edition=label) for label, count in editions.items()]
    tables = {t: schema.empty(t) for t in schema.TABLES}
    tables["counts"] = schema.conform("counts", pd.DataFrame(rows))
    return Dataset(**tables)


def test_two_editions_of_one_period_are_not_added():
    data = _data({"YE Mar 2018 (first issue)": 500, "YE Mar 2018 (correction)": 510})
    panel = get_panel(data, ONS, "robbery")
    assert panel.counts[panel.row(END)][panel.column(WM)] == 510
    assert panel.editions[panel.row(END)] == "YE Mar 2018 (correction)"


@pytest.mark.parametrize("older, newer", [
    # the registry's first-publication months
    ("YE Mar 2017 (corrected)", "YE Mar 2018 (v2, North Wales revised)"),
    # a whole workbook is preferred to sheets exported from the same edition
    ("YE Jun 2025 (Tables P1 and C2, sheet exports)", "YE Jun 2025"),
])
def test_registered_editions_are_ordered_by_the_registry(older, newer):
    assert vintage_order.newest(ONS, [older, newer]) == newer
    assert vintage_order.newest(ONS, [newer, older]) == newer


def test_vintages_shows_the_edition_set_aside():
    from peelstats.analysis.revisions import vintages

    data = _data({"YE Mar 2018 (first issue)": 500, "YE Mar 2018 (correction)": 510})
    frame = vintages("West Mercia", "robbery", "2018-03-31", data=data).table
    assert sorted(zip(frame.edition, frame.force_count, strict=True)) == [("YE Mar 2018 (correction)", 510),
                                                             ("YE Mar 2018 (first issue)", 500)]
