"""An edition of counts only (no Table P2) gives no baseline for any offence, grouped offences included (an audit
found "other crimes against society" with a baseline of 0 on the YE Jun 2025 sheet exports)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from synthetic import _row

from peelstats.analysis.panel import get_panel
from peelstats.ingest import schema
from peelstats.ingest.dataset import Dataset
from peelstats.reference import offences as off

ONS = "ons-pfa-tables"
WITH_P2, COUNTS_ONLY = pd.Timestamp("2019-03-31"), pd.Timestamp("2025-06-30")
WM = "E23000016"
PARTS = off.OFFENCE_BY_NAME[off.OTHER_AGAINST_SOCIETY].components


def _data() -> Dataset:
    counts, changes = [], []
    for end, edition in ((WITH_P2, "YE Mar 2019"), (COUNTS_ONLY, "YE Jun 2025")):
        for part in PARTS:
            counts.append(_row(WM, part, end, 110, source=ONS, edition=edition))
            if end == WITH_P2:
                changes.append({"source": ONS, "edition": edition, "period_end": end, "baseline_end": end
                                - pd.DateOffset(years=1), "geography_code": WM, "geography_name": "West Mercia",
                                "geography_level": "force", "offence": part, "change_pct": 10.0})
    tables = {t: schema.empty(t) for t in schema.TABLES}
    tables["counts"] = schema.conform("counts", pd.DataFrame(counts))
    tables["published_change"] = schema.conform("published_change", pd.DataFrame(changes))
    return Dataset(**tables)


def test_grouped_offence_has_no_baseline_in_a_counts_only_edition():
    panel = get_panel(_data(), ONS, off.OTHER_AGAINST_SOCIETY)
    column = panel.column(WM)
    assert panel.counts[panel.row(COUNTS_ONLY)][column] == 440
    assert np.isnan(panel.baselines[panel.row(COUNTS_ONLY)]).all()
    assert panel.baselines[panel.row(WITH_P2)][column] == 400  # 4 x 110 / 1.10
