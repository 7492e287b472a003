"""Judging a measured figure against a quoted one, with the claim file's tolerances and the quantifier's relation.

Quantifiers work on magnitudes with the direction checked first, so "almost 10 per cent fall" asks for a fall of
between 10 - tolerance and 10 per cent. Every judgement carries the band of values the words allow, in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from peelstats.claims.verdict import Verdict
from peelstats.claims.words import Quoted, Relation


@dataclass(frozen=True)
class Tolerance:
    supported: float  # in the measure's own units
    partly: float
    text: str  # e.g. "±1 pp" or "±1% (509)"


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    distance: float  # 0 or more: how far the measured figure is from the words (for ranking candidates)
    band: str  # the values the words allow


def judge(measured: float, quoted: Quoted, tolerance: Tolerance, fmt: Callable[[float], str], *,
          signed: bool = True) -> Judgement:
    m, q = float(measured), quoted.value
    t, tp = tolerance.supported, tolerance.partly
    relation = quoted.quantifier.relation
    band = _band(q, t, relation, fmt, signed)
    if relation is Relation.WITHIN:
        distance = abs(m - q)
        # "fell by 0.3%" when it rose 0.6%: near in size, wrong in the one thing most readers take from it
        same_way = not signed or q == 0 or round(m, 1) == 0 or np.sign(m) == np.sign(q)
        if distance <= t and same_way:
            return Judgement(Verdict.SUPPORTED, distance, band)
        return Judgement(Verdict.PARTLY if distance <= tp and same_way else Verdict.NOT_SUPPORTED, distance, band)
    if signed and q != 0 and m != 0 and np.sign(m) != np.sign(q):
        return Judgement(Verdict.NOT_SUPPORTED, abs(m - q), band)
    a, b = (abs(m), abs(q)) if signed else (m, q)
    if relation is Relation.AT_MOST:
        ok, partly, distance = b - t <= a <= b, abs(a - b) <= tp, abs(a - b)
    elif relation is Relation.AT_LEAST_TO:
        ok, partly, distance = b <= a <= b + t, abs(a - b) <= tp, abs(a - b)
    elif relation is Relation.ABOVE:
        ok, partly, distance = a > b, a >= b - t, max(0.0, b - a)
    elif relation is Relation.AT_LEAST:
        ok, partly, distance = a >= b, a >= b - t, max(0.0, b - a)
    elif relation is Relation.BELOW:
        ok, partly, distance = a < b, a <= b + t, max(0.0, a - b)
    else:  # UP_TO
        ok, partly, distance = a <= b, a <= b + t, max(0.0, a - b)
    verdict = Verdict.SUPPORTED if ok else Verdict.PARTLY if partly else Verdict.NOT_SUPPORTED
    return Judgement(verdict, distance, band)


def _band(q: float, t: float, relation: Relation, fmt, signed: bool) -> str:
    sign = -1.0 if signed and q < 0 else 1.0
    b = abs(q) if signed else q

    def show(value: float) -> str:
        return fmt(sign * value)

    if relation is Relation.WITHIN:
        low, high = sorted((q - t, q + t))
        return f"{fmt(low)} to {fmt(high)}"
    if relation is Relation.AT_MOST:
        return f"{show(max(b - t, 0.0))} to {show(b)}"
    if relation is Relation.AT_LEAST_TO:
        return f"{show(b)} to {show(b + t)}"
    words = {Relation.ABOVE: "more than", Relation.AT_LEAST: "at least", Relation.BELOW: "less than",
             Relation.UP_TO: "up to"}[relation]
    return f"{words} {show(b)}"
