"""Test every claim in a claim file against the data and give each a verdict, with the evidence shown.

Verdicts: **supported**, **partly supported**, **not supported**, **not comparable** (a classification break
or missing data prevents a like-for-like test), **not testable with these data**.

How each kind of claim is tested (tolerances and selection rules come from the claim file):

* ``change``: a quoted % change for the force or for "national". When the document states no period, every
  quarter end in the ``candidate_window_months`` before its date is a candidate, in every source that holds it,
  and (for national claims) with every comparator: E&W incl. BTP, the 43 forces without BTP, E&W without the
  force, mean and median force change. Each candidate either reproduces the quoted figure (within
  ``tolerance_pp``) or not, and all are reported. The claim file's ``selection`` rule picks the definition.
  Supported within ``tolerance_pp``; partly supported within ``partly_tolerance_pp`` in the same direction.
* ``direction``: rise or fall, on the claim's period.
* ``earlier_years``: (a) the direction and (b) "far less than in previous years": this year's change at least
  ``far_less_margin_pp`` below the mean change of the ``previous_years`` before it. Both: supported; one:
  partly supported; neither: not supported.
* ``causal``: never testable with counts; the evidence bearing on it is shown (rank among 43 forces,
  similar forces, the alliance partner, related offences).
* ``grade``/``grade_comparison``: against the curated HMICFRS grades table, with each grade's source.

Every figure carries the period, the comparator, the source and its edition, and whether it had been published
by the document's date.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

from peelstats import grades, periods, releases
from peelstats.claimfile import Claim, ClaimFile, load_claim_file
from peelstats.comparison import (
    ENGLAND_AND_WALES,
    MEAN_FORCE,
    MEDIAN_FORCE,
    REST_OF_ENGLAND_AND_WALES,
    SUM_OF_FORCES,
    Comparison,
    compare,
)
from peelstats.dataset import Dataset, load
from peelstats.exceptions import PeelstatsError
from peelstats.output import to_json
from peelstats.trends import trend

log = logging.getLogger(__name__)

SUPPORTED = "supported"
PARTLY = "partly supported"
NOT_SUPPORTED = "not supported"
NOT_COMPARABLE = "not comparable"
NOT_TESTABLE = "not testable with these data"
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_COMPARABLE, NOT_TESTABLE)

COMPARATOR_NAMES = {
    "force": None,
    "england_and_wales": ENGLAND_AND_WALES,
    "sum_of_forces": SUM_OF_FORCES,
    "rest_of_england_and_wales": REST_OF_ENGLAND_AND_WALES,
    "mean_force": MEAN_FORCE,
    "median_force": MEDIAN_FORCE,
}
COLUMNS = ["id", "quote", "kind", "force", "offence", "verdict", "measured", "quoted", "comparator", "definition",
           "period_end", "baseline_end", "source", "edition", "published", "public_on_document_date", "reason",
           "candidates", "evidence"]


@dataclass
class Choice:
    """The period and source a claim was evaluated on."""

    period_end: pd.Timestamp
    source: str | None


def _pct(value) -> str:
    return "n/a" if value is None or not np.isfinite(value) else f"{value:+.1f}%"


def _fmt_count(value) -> str:
    return "n/a" if value is None or not np.isfinite(value) else f"{value:,.0f}"


class Evaluator:
    def __init__(self, claim_file: ClaimFile, data: Dataset):
        self.file = claim_file
        self.doc = claim_file.document
        self.data = data
        self.defaults = claim_file.defaults
        self.choices: dict[str, Choice] = {}
        self.candidates: dict[str, list[dict]] = {}
        self._cache: dict[tuple, Comparison | None] = {}  # (force, offence, period, source) -> result

    # ----------------------------------------------------------------------------------------- helpers
    def compare(self, force: str, offence: str, period_end, source: str | None) -> Comparison | None:
        key = (force, offence, pd.Timestamp(period_end), source)
        if key not in self._cache:
            try:
                self._cache[key] = compare(force, offence, period_end, source=source, data=self.data)
            except PeelstatsError as error:
                log.debug("no comparison for %s: %s", key, error)
                self._cache[key] = None
        return self._cache[key]

    def candidate_periods(self) -> list[pd.Timestamp]:
        end = pd.Timestamp(self.doc.date)
        start = end - pd.DateOffset(months=int(self.defaults["candidate_window_months"]))
        quarter_ends = pd.date_range(start, end, freq="QE")
        return [p.normalize() for p in quarter_ends if start < p <= end]

    def published(self, period_end) -> tuple[str | None, bool | None]:
        release = releases.first_published(period_end, self.data)
        if release is None:
            return None, None
        when = release["publication_date"]
        return when.date().isoformat(), bool(when <= pd.Timestamp(self.doc.date))

    # ---------------------------------------------------------------------------------------- candidates
    def change_candidates(self, claim: Claim) -> list[dict]:
        stated = claim.get("period") or {}
        period_list = [stated["end"]] if "end" in stated else self.candidate_periods()
        quoted = claim.get("quoted_value")
        rows = []
        for period_end in period_list:
            for source in self.defaults["sources"]:
                result = self.compare(claim.force, claim.get("offence"), period_end, source)
                if result is None or result.source != source:
                    continue
                names = ["force"] if claim.get("subject") == "force" else claim.get("comparators")
                for name in names:
                    value = result.force_change_pct if name == "force" else result.comparator(
                        COMPARATOR_NAMES[name]).change_pct
                    if value is None:
                        continue
                    published, public = self.published(period_end)
                    rows.append({
                        "period_end": pd.Timestamp(period_end), "source": source, "edition": result.edition,
                        "comparator": name, "measured": value, "distance": abs(value - quoted),
                        "reproduces": abs(value - quoted) <= claim.get("tolerance_pp"),
                        "comparable": result.comparable, "published": published,
                        "public_on_document_date": public,
                    })
        return rows

    def select(self) -> None:
        """Resolve the period/source of every change claim with an unstated period, group by group."""
        change_claims = [c for c in self.file.claims if c.kind == "change"]
        for claim in change_claims:
            self.candidates[claim.id] = self.change_candidates(claim)
        grouped = set()
        for group in self.file.selection:
            ids = group["claims"]
            grouped |= set(ids)
            key = self._group_choice(ids, group["rule"])
            for claim_id in ids:
                self.choices[claim_id] = key
        for claim in change_claims:
            if claim.id not in grouped:
                self.choices[claim.id] = self._group_choice([claim.id], "closest")

    def _group_choice(self, ids: list[str], rule: str) -> Choice:
        frames = {i: pd.DataFrame(self.candidates[i]) for i in ids}
        if any(f.empty for f in frames.values()):
            return Choice(pd.Timestamp(self.doc.date), None)
        keys = set.intersection(*[set(zip(f.period_end, f.source, strict=True)) for f in frames.values()])
        if not keys:
            return Choice(pd.Timestamp(self.doc.date), None)
        source_rank = {s: n for n, s in enumerate(self.defaults["sources"])}
        scored = []
        for period_end, source in keys:
            best = [f[(f.period_end == period_end) & (f.source == source)].distance.min() for f in frames.values()]
            every_reproduces = all(
                f[(f.period_end == period_end) & (f.source == source)].reproduces.any() for f in frames.values())
            scored.append((not every_reproduces if rule == "all_reproduce_then_closest" else False,
                           source_rank.get(source, 99), sum(best), -period_end.value, period_end, source))
        scored.sort()
        return Choice(scored[0][4], scored[0][5])

    def choice_for(self, claim: Claim) -> Choice:
        stated = claim.get("period") or {}
        if "same_as" in stated:
            return self.choices.get(stated["same_as"], Choice(self.latest_candidate(), None))
        if "end" in stated:
            return Choice(stated["end"], None)
        return self.choices.get(claim.id, Choice(self.latest_candidate(), None))

    def latest_candidate(self) -> pd.Timestamp:
        return self.candidate_periods()[-1]

    # ------------------------------------------------------------------------------------------ verdicts
    def evaluate(self) -> pd.DataFrame:
        self.select()
        rows = [getattr(self, f"_{claim.kind}")(claim) for claim in self.file.claims]
        frame = pd.DataFrame(rows, columns=COLUMNS)
        frame.attrs.update(self.document_attrs())
        return frame

    def document_attrs(self) -> dict:
        latest = releases.latest_public(self.doc.date, self.data)
        return {
            "document": {"id": self.doc.id, "title": self.doc.title, "author": self.doc.author,
                         "recipient": self.doc.recipient, "date": self.doc.date.isoformat(), "force": self.doc.force},
            "claim_file": str(self.file.path),
            "latest_public_period": latest.date().isoformat() if latest is not None else None,
        }

    def _base(self, claim: Claim) -> dict:
        return {"id": claim.id, "quote": claim.quote, "kind": claim.kind, "force": claim.force,
                "offence": claim.get("offence"), "candidates": [], "evidence": {},
                "comparator": None, "quoted": None, "measured": None, "period_end": None, "baseline_end": None,
                "source": None, "edition": None, "published": None, "public_on_document_date": None}

    def _with_comparison(self, row: dict, result: Comparison) -> dict:
        published, public = self.published(result.period_end)
        row.update(period_end=result.period_end.date().isoformat(),
                   baseline_end=result.baseline_end.date().isoformat(), source=result.source, edition=result.edition,
                   published=published, public_on_document_date=public)
        return row

    def _definition(self, claim: Claim, result: Comparison, comparator: str = "force") -> str:
        who = (claim.force if comparator == "force" else
               f"{COMPARATOR_NAMES[comparator]} ({result.comparator(COMPARATOR_NAMES[comparator]).definition})")
        return (f"{result.offence}, {who}: {periods.label(result.period_end)} vs "
                f"{periods.label(result.baseline_end)}; {result.source}, {result.edition}")

    def _change(self, claim: Claim) -> dict:
        row = self._base(claim)
        quoted = claim.get("quoted_value")
        row["quoted"] = quoted
        candidates = self.candidates.get(claim.id, [])
        row["candidates"] = [{**c, "period_end": c["period_end"].date().isoformat()} for c in candidates]
        choice = self.choice_for(claim)
        chosen = [c for c in candidates if c["period_end"] == choice.period_end and c["source"] == choice.source]
        if not chosen:
            tried = ", ".join(periods.short_label(p) for p in self.candidate_periods())
            row.update(verdict=NOT_TESTABLE, definition="no candidate period holds this figure",
                       reason=f"None of the candidate periods ({tried}) is in the data for "
                              f"{claim.get('offence').lower()}.")
            return row
        best = min(chosen, key=lambda c: c["distance"])
        result = self.compare(claim.force, claim.get("offence"), best["period_end"], best["source"])
        self._with_comparison(row, result)
        row.update(measured=best["measured"], comparator=best["comparator"],
                   definition=self._definition(claim, result, best["comparator"]))
        if not result.comparable:
            row.update(verdict=NOT_COMPARABLE, reason=result.headline())
            return row
        tolerance, partly = claim.get("tolerance_pp"), claim.get("partly_tolerance_pp")
        same_direction = np.sign(best["measured"]) == np.sign(quoted)
        if best["distance"] <= tolerance:
            verdict = SUPPORTED
        elif best["distance"] <= partly and same_direction:
            verdict = PARTLY
        else:
            verdict = NOT_SUPPORTED
        reproducing = sorted({periods.short_label(c["period_end"]) for c in candidates if c["reproduces"]})
        failing = sorted({periods.short_label(c["period_end"]) for c in candidates if not c["reproduces"]}
                         - set(reproducing))
        who = claim.force if best["comparator"] == "force" else COMPARATOR_NAMES[best["comparator"]]
        timing = "" if row["public_on_document_date"] in (None, True) else (
            f" (first published {row['published']}, after the document's date)")
        others = [c for c in chosen if c is not best]
        also = ("; same period: " + ", ".join(f"{COMPARATOR_NAMES[c['comparator']]} {_pct(c['measured'])}"
                                              for c in others)) if others else ""
        row["reason"] = (
            f"{who}: {_pct(best['measured'])} in {periods.label(result.period_end)}{timing}, against the quoted "
            f"{quoted:g}% (tolerance ±{tolerance:g} pp){also}; periods reproducing it: "
            f"{', '.join(reproducing) or 'none'}" + (f"; not reproduced by {', '.join(failing)}." if failing else ".")
        )
        row["verdict"] = verdict
        row["evidence"] = {"comparators": [c.as_dict() for c in result.comparators], "rank": result.rank,
                           "n_forces": result.n_forces, "caveats": result.caveats,
                           "as_of": self._as_of(claim)}
        return row

    def _as_of(self, claim: Claim) -> dict:
        """The same figure on the latest period published by the document's date."""
        latest = releases.latest_public(self.doc.date, self.data)
        if latest is None:
            return {}
        result = self.compare(claim.force, claim.get("offence"), latest, None)
        if result is None:
            return {"latest_public_period": latest.date().isoformat()}
        value = result.force_change_pct if claim.get("subject") != "national" else None
        out = {"latest_public_period": latest.date().isoformat(), "source": result.source,
               "edition": result.edition, "force_change_pct": result.force_change_pct}
        if claim.get("subject") == "national":
            out["comparators"] = {name: result.comparator(COMPARATOR_NAMES[name]).change_pct
                                  for name in claim.get("comparators")}
        else:
            out["measured"] = value
        return out

    def _direction_result(self, claim: Claim) -> tuple[Choice, Comparison | None]:
        choice = self.choice_for(claim)
        return choice, self.compare(claim.force, claim.get("offence"), choice.period_end, choice.source)

    def _period_comparison(self, row: dict, claim: Claim) -> tuple[Comparison | None, dict | None]:
        """The claim's comparison on its period, or the finished row when the data cannot support a test."""
        choice, result = self._direction_result(claim)
        if result is None:
            return None, self._untestable(row, claim, choice)
        self._with_comparison(row, result)
        row.update(comparator="force", definition=self._definition(claim, result))
        if not result.comparable:
            return None, self._not_comparable(row, result)
        row["measured"] = result.force_change_pct
        return result, None

    def _direction(self, claim: Claim) -> dict:
        row = self._base(claim)
        row["quoted"] = claim.get("direction")
        result, finished = self._period_comparison(row, claim)
        if finished is not None:
            return finished
        change = result.force_change_pct
        if change is None:
            row.update(verdict=NOT_TESTABLE, reason=f"{result.headline()} No % change is shown for so small a base.")
            return row
        wanted = claim.get("direction")
        moved = "rose" if change > 0 else "fell" if change < 0 else "did not change"
        ok = (change > 0) if wanted == "increase" else (change < 0)
        row["verdict"] = SUPPORTED if ok else NOT_SUPPORTED
        row["reason"] = (f"{claim.force} {result.offence.lower()} {moved} {_pct(change)} in "
                         f"{periods.label(result.period_end)} ({_fmt_count(result.force_baseline_count)} to "
                         f"{_fmt_count(result.force_count)}); England and Wales "
                         f"{_pct(result.england_and_wales_change_pct)}.")
        row["evidence"] = {"rank": result.rank, "n_forces": result.n_forces, "caveats": result.caveats,
                           "comparators": [c.as_dict() for c in result.comparators]}
        return row

    def _earlier_years(self, claim: Claim) -> dict:
        row = self._base(claim)
        row["quoted"] = f"{claim.get('direction')}, far less than in the previous {claim.get('previous_years')} years"
        result, finished = self._period_comparison(row, claim)
        if finished is not None:
            return finished
        change = result.force_change_pct
        history = trend(claim.force, claim.get("offence"), period_end=result.period_end, data=self.data)
        earlier = history[history.period_end < result.period_end].tail(claim.get("previous_years"))
        earlier_ok = earlier[earlier.comparable & earlier.force_change_pct.notna()]
        wanted = claim.get("direction")
        direction_ok = change is not None and ((change > 0) if wanted == "increase" else (change < 0))
        margin = claim.get("far_less_margin_pp")
        mean_before = float(earlier_ok.force_change_pct.mean()) if len(earlier_ok) else float("nan")
        far_less = change is not None and np.isfinite(mean_before) and change <= mean_before - margin
        listing = ", ".join(f"{periods.short_label(p)} {_pct(v)}" for p, v in
                            zip(earlier_ok.period_end, earlier_ok.force_change_pct, strict=True))
        if change is None or not len(earlier_ok):
            row.update(verdict=NOT_TESTABLE, reason="No comparable earlier years to set this year's change against.")
        else:
            row["verdict"] = SUPPORTED if direction_ok and far_less else PARTLY if (direction_ok or far_less) \
                else NOT_SUPPORTED
            moved = "rose" if change > 0 else "fell"
            row["reason"] = (
                f"{claim.force} {result.offence.lower()} {moved} {_pct(change)} in {periods.label(result.period_end)}"
                f" ({'as claimed' if direction_ok else 'contrary to the claim'}), but "
                f"{'that is' if far_less else 'that is not'} far less than the previous years "
                f"({listing}; mean {_pct(mean_before)}; 'far less' = at least {margin:g} pp below the mean).")
        row["evidence"] = {"this_year": change, "previous_years": [
            {"period_end": p.date().isoformat(), "change_pct": v, "comparable": bool(c), "source": s}
            for p, v, c, s in zip(earlier.period_end, earlier.force_change_pct, earlier.comparable, earlier.source,
                                  strict=True)],
            "mean_previous": mean_before, "far_less_margin_pp": margin, "direction_ok": bool(direction_ok),
            "far_less": bool(far_less), "caveats": result.caveats}
        return row

    def _causal(self, claim: Claim) -> dict:
        row = self._base(claim)
        row["quoted"] = "causal: prevention strategies led to the improvement"
        choice, result = self._direction_result(claim)
        row["verdict"] = NOT_TESTABLE
        if result is None:
            row.update(definition="no data for the period",
                       reason="Causation cannot be tested with recorded crime counts, and no comparison was possible.")
            return row
        self._with_comparison(row, result)
        row.update(comparator="force", measured=result.force_change_pct, definition=self._definition(claim, result))
        partner = result.alliance_partners[0] if result.alliance_partners else None
        related = []
        for offence in [claim.get("offence"), *claim.get("related_offences", [])]:
            other = self.compare(claim.force, offence, result.period_end, choice.source)
            if other is None:
                continue
            shown = other if other.comparable else other.alternative or other
            related.append({
                "offence": shown.offence, "force_change_pct": shown.force_change_pct,
                "england_and_wales_change_pct": shown.england_and_wales_change_pct,
                "alliance_partner_change_pct": shown.alliance_partners[0]["change_pct"] if shown.alliance_partners
                else None, "rank": shown.rank, "n_forces": shown.n_forces, "source": shown.source,
                "edition": shown.edition})
        similar = ", ".join(f"{s['force']} {_pct(s['change_pct'])}" for s in result.similar_forces)
        contrast = (f"; its alliance partner {partner['force']}, sharing the strategies, {_pct(partner['change_pct'])}"
                    if partner else "")
        row["reason"] = (
            f"Causation is not tested by recorded crime counts: {claim.force}'s {_pct(result.force_change_pct)} ranks "
            f"{result.rank} of {result.n_forces} (1 = lowest) against England and Wales "
            f"{_pct(result.england_and_wales_change_pct)}{contrast}; forces with similar crime rates: {similar}.")
        row["evidence"] = {"rank": result.rank, "n_forces": result.n_forces, "percentile": result.percentile,
                           "alliance_partner": partner, "similar_forces": result.similar_forces,
                           "similar_method": result.similar_method, "related_offences": related,
                           "caveats": result.caveats}
        return row

    def _grade(self, claim: Claim) -> dict:
        row = self._base(claim)
        quoted = claim.get("quoted_grade")
        row.update(quoted=quoted, comparator="force", period_end=None,
                   definition=f"HMICFRS PEEL {claim.get('peel_year')} {claim.get('pillar')}: {claim.get('question')}")
        found = grades.grade(claim.force, claim.get("peel_year"), claim.get("question"), claim.get("pillar"))
        if found is None:
            row.update(verdict=NOT_TESTABLE, reason=f"The curated grades table has no {row['definition']} grade for "
                                                    f"{claim.force}.")
            return row
        row.update(measured=found["grade"], source=found["source_url"], edition=f"PEEL {claim.get('peel_year')}")
        carried = f" (carried over from {found['carried_over_from']})" if found["carried_over_from"] else ""
        row["verdict"] = SUPPORTED if found["grade"] == quoted else NOT_SUPPORTED
        row["reason"] = (f"HMICFRS graded {claim.force} '{found['grade']}'{carried} for {claim.get('question')} "
                         f"({claim.get('pillar')}, PEEL {claim.get('peel_year')}); the claim says '{quoted}'.")
        row["evidence"] = {"grade": found, "history": grades.history(claim.force).to_dict("records")}
        return row

    def _grade_comparison(self, claim: Claim) -> dict:
        row = self._base(claim)
        other = claim.get("other_force")
        year = claim.get("peel_year")
        row.update(quoted=f"{claim.force} and {other} graded {claim.get('expect')}", comparator=other,
                   definition=f"HMICFRS PEEL {year} {claim.get('pillar')}: {claim.get('question')}",
                   edition=f"PEEL {year}")
        mine = grades.grade(claim.force, year, claim.get("question"), claim.get("pillar"))
        theirs = grades.grade(other, year, claim.get("question"), claim.get("pillar"))
        table = grades.side_by_side(claim.force, other, year)
        row["evidence"] = {"side_by_side": table.to_dict("records")}
        if mine is None or theirs is None:
            row.update(verdict=NOT_TESTABLE, reason=f"The curated grades table lacks one of the two {year} grades.")
            return row
        differ = mine["grade"] != theirs["grade"]
        row["measured"] = f"{claim.force}: {mine['grade']}; {other}: {theirs['grade']}"
        row["source"] = f"{mine['source_url']} ; {theirs['source_url']}"
        row["verdict"] = SUPPORTED if differ == (claim.get("expect") == "different") else NOT_SUPPORTED
        same = table[table["same"] == True]  # noqa: E712 - pandas element-wise comparison
        also = (f"; the other {len(same)} of {table['same'].notna().sum()} {year} grades are the same"
                if len(same) else "")
        row["reason"] = (f"For {claim.get('question')} HMICFRS graded {claim.force} '{mine['grade']}' and {other} "
                         f"'{theirs['grade']}' (PEEL {year}){also}.")
        return row

    def _not_comparable(self, row: dict, result: Comparison) -> dict:
        row["verdict"] = NOT_COMPARABLE
        alternative = result.alternative
        alt = (f" The comparable series, {alternative.offence.lower()}, changed "
               f"{_pct(alternative.force_change_pct)} ({_fmt_count(alternative.force_baseline_count)} to "
               f"{_fmt_count(alternative.force_count)}; {alternative.source}, {alternative.edition})."
               if alternative is not None else "")
        explanation = " ".join(b["explanation"] for b in result.breaks if b["severity"] == "not_comparable")
        row["reason"] = (f"{result.offence} in {periods.label(result.period_end)} cannot be compared with "
                         f"{periods.label(result.baseline_end)}: {explanation}{alt}")
        row["measured"] = alternative.force_change_pct if alternative is not None else None
        row["comparator"] = f"force ({alternative.offence})" if alternative is not None else "force"
        row["evidence"] = {"breaks": result.breaks, "counts": {"period": result.force_count,
                           "baseline": result.force_baseline_count, "baseline_offence":
                           result.extra.get("baseline_offence")},
                           "alternative": alternative.to_dict() if alternative is not None else None}
        return row

    def _untestable(self, row: dict, claim: Claim, choice: Choice) -> dict:
        row.update(verdict=NOT_TESTABLE, definition=f"{claim.get('offence')}, {periods.label(choice.period_end)}",
                   reason=f"No source holds {claim.get('offence').lower()} for {claim.force} in "
                          f"{periods.label(choice.period_end)} with a year-earlier baseline.")
        return row


def evaluate(claim_file=None, *, data: Dataset | None = None) -> pd.DataFrame:
    """One row per claim: verdict, measured value(s), comparator, definition, source, edition, reason.

    ``claim_file`` is a path or the name of a bundled claim file (default: the West Mercia letter).
    ``frame.attrs`` holds the document and the latest period public on its date.
    """
    parsed = load_claim_file(claim_file)
    return Evaluator(parsed, data or load()).evaluate()


__all__ = ["VERDICTS", "evaluate", "to_csv", "to_records"]


SCALAR_COLUMNS = [c for c in COLUMNS if c not in ("candidates", "evidence")]


def to_records(frame: pd.DataFrame) -> list[dict]:
    """JSON-ready list of claim objects (nested candidates and evidence included)."""
    return json.loads(to_json(frame[COLUMNS]))


def to_csv(frame: pd.DataFrame) -> str:
    """One line per claim, scalar columns only (candidates/evidence are in the JSON)."""
    return frame[SCALAR_COLUMNS].to_csv(index=False)
