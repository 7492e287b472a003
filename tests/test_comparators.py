"""Property tests of the comparator arithmetic on synthetic data (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelstats.analysis import comparators as cmp

counts = st.integers(min_value=50, max_value=500_000)
forces = st.lists(st.tuples(counts, counts), min_size=2, max_size=43)


@given(forces)
def test_sum_of_forces_is_baseline_weighted_mean_of_changes(pairs):
    current = np.array([c for c, _ in pairs], dtype=float)
    baseline = np.array([b for _, b in pairs], dtype=float)
    changes = cmp.pct_change(current, baseline)
    weighted = float(np.sum(baseline * changes) / np.sum(baseline))
    assert np.isclose(cmp.sum_of_forces_change(current, baseline), weighted, rtol=1e-9, atol=1e-9)


@given(forces, st.randoms(use_true_random=False))
def test_rank_is_invariant_to_row_order(pairs, rnd):
    changes = cmp.pct_change([c for c, _ in pairs], [b for _, b in pairs])
    order = list(range(len(pairs)))
    rnd.shuffle(order)
    shuffled = changes[order]
    for new_position, old_position in enumerate(order):
        assert cmp.rank_of(changes, old_position) == cmp.rank_of(shuffled, new_position)
    assert np.array_equal(cmp.ranks(changes)[order], cmp.ranks(shuffled))


@settings(max_examples=200)
@given(forces, st.integers(min_value=0, max_value=42), counts, counts)
def test_excluding_a_force_moves_national_the_right_way(pairs, pick, extra_now, extra_before):
    current = np.array([c for c, _ in pairs], dtype=float)
    baseline = np.array([b for _, b in pairs], dtype=float)
    i = pick % len(pairs)
    national_now, national_before = current.sum() + extra_now, baseline.sum() + extra_before  # + BTP-like body
    national = cmp.pct_change(national_now, national_before)
    rest = cmp.rest_change(national_now, national_before, current[i], baseline[i])
    force = cmp.pct_change(current[i], baseline[i])
    if np.isclose(force, national, rtol=0, atol=1e-9):
        assert np.isclose(rest, national, rtol=0, atol=1e-6)
    elif force > national:
        assert rest < national  # taking out a force above the national figure pulls the rest down
    else:
        assert rest > national


def test_rank_conventions():
    changes = np.array([5.0, -1.0, np.nan, 5.0, 10.0])
    assert cmp.rank_of(changes, 1).as_dict() == {"rank": 1, "n_forces": 4, "percentile": 0.0}
    assert cmp.rank_of(changes, 0).rank == cmp.rank_of(changes, 3).rank == 2  # ties share the lower rank
    assert cmp.rank_of(changes, 4).percentile == 100.0
    assert cmp.rank_of(changes, 2).rank is None
    assert list(cmp.ranks(changes)[[0, 1, 3, 4]]) == [2, 1, 2, 4]


def test_missing_forces_are_left_out_not_zeroed():
    assert cmp.sum_of_forces_change([110, np.nan], [100, 100]) == pytest.approx(10.0)
    assert np.isnan(cmp.pct_change(10, 0))
    assert list(cmp.suppressed([49, 50])) == [True, False]
