"""The arithmetic of "national": every comparator a force's change can be set against, as pure functions.

Each function takes plain arrays so it can be property-tested on synthetic data.

* **England and Wales (published)**: ONS's own total, which includes British Transport Police.
* **Sum of the 43 territorial forces**: sum of counts over sum of baselines. Equal to the baseline-weighted
  mean of the force changes.
* **England and Wales excluding the force**: (E&W - force) over (E&W baseline - force baseline).
* **Mean / median of the 43 force % changes**: every force counts once, whatever its size.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

SUPPRESSION_BASE = 50  # ONS does not show a % change on a base under 50


class National(StrEnum):
    """The meanings of "national" a force's change is set against; ``label`` is what readers see."""

    ENGLAND_AND_WALES = "england_and_wales"
    SUM_OF_FORCES = "sum_of_forces"
    REST_OF_ENGLAND_AND_WALES = "rest_of_england_and_wales"
    MEAN_FORCE = "mean_force"
    MEDIAN_FORCE = "median_force"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    National.ENGLAND_AND_WALES: "England and Wales (incl. BTP)",
    National.SUM_OF_FORCES: "Sum of territorial forces",
    National.REST_OF_ENGLAND_AND_WALES: "England and Wales excluding the force (incl. BTP)",
    National.MEAN_FORCE: "Mean of force % changes",
    National.MEDIAN_FORCE: "Median of force % changes",
}


def pct_change(current, baseline):
    """(current / baseline - 1) x 100, NaN where the baseline is missing or not positive."""
    current = np.asarray(current, dtype=float)
    baseline = np.asarray(baseline, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(baseline > 0, (current / baseline - 1.0) * 100.0, np.nan)
    return out if out.ndim else float(out)


def suppressed(baseline) -> np.ndarray:
    """True where ONS's rule hides the % change (base under 50)."""
    return np.asarray(baseline, dtype=float) < SUPPRESSION_BASE


def shown_changes(current, baseline):
    """The % changes ONS would show: NaN where the baseline is missing or under 50. Any shape (a row of forces, or
    periods x forces)."""
    baseline = np.asarray(baseline, dtype=float)
    return np.where(suppressed(baseline), np.nan, pct_change(current, baseline))


def sum_of_forces_change(counts, baselines) -> float:
    """Change of the summed forces, over forces with both values (missing forces are left out, not zeroed)."""
    counts = np.asarray(counts, dtype=float)
    baselines = np.asarray(baselines, dtype=float)
    ok = np.isfinite(counts) & np.isfinite(baselines)
    return pct_change(counts[ok].sum(), baselines[ok].sum()) if ok.any() else float("nan")


def rest_change(national_count: float, national_baseline: float, count: float, baseline: float) -> float:
    """England and Wales excluding one force."""
    return pct_change(national_count - count, national_baseline - baseline)


@dataclass(frozen=True)
class Rank:
    rank: int | None  # 1 = lowest change
    n: int  # forces with a change
    percentile: float | None  # share of the other forces with a lower change, 0-100

    def as_dict(self) -> dict:
        return {"rank": self.rank, "n_forces": self.n, "percentile": self.percentile}


def rank_of(changes, index: int) -> Rank:
    """Rank of ``changes[index]`` among the finite changes (1 = lowest; ties share the lower rank)."""
    changes = np.asarray(changes, dtype=float)
    valid = changes[np.isfinite(changes)]
    value = changes[index]
    if not np.isfinite(value):
        return Rank(None, int(valid.size), None)
    lower = int((valid < value).sum())
    percentile = 100.0 * lower / (valid.size - 1) if valid.size > 1 else None
    return Rank(lower + 1, int(valid.size), percentile)


def ranks(changes) -> np.ndarray:
    """Vectorised :func:`rank_of` for every entry (NaN where the change is missing)."""
    changes = np.asarray(changes, dtype=float)
    valid = np.sort(changes[np.isfinite(changes)])
    out = np.searchsorted(valid, changes, side="left").astype(float) + 1
    out[~np.isfinite(changes)] = np.nan
    return out


def mean_and_median(changes) -> tuple[float, float]:
    changes = np.asarray(changes, dtype=float)
    valid = changes[np.isfinite(changes)]
    if not valid.size:
        return float("nan"), float("nan")
    return float(valid.mean()), float(np.median(valid))
