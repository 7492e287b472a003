"""Evaluate a claim file: every claim, in an order that respects ``same_as`` and selection groups.

>>> from peelstats import formats
from peelstats.claims import evaluate
>>> evaluation = evaluate()                 # doctest: +SKIP   (the West Mercia letter)
>>> evaluation.frame()                      # doctest: +SKIP   one row per claim
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from peelstats import formats
from peelstats.claims.claim_file import load_claim_file
from peelstats.claims.engine import (
    Candidate,
    Context,
    Reading,
    Result,
    candidates_for,
    choose,
    choose_group,
    latest_public_figure,
    nearest_note,
    timing_note,
)
from peelstats.claims.kinds import EVALUATORS
from peelstats.claims.model import PERIODIC_KINDS, ClaimFile
from peelstats.claims.verdict import Verdict
from peelstats.ingest.dataset import Dataset, load
from peelstats.output import to_json
from peelstats.reference import periods, releases

COLUMNS = ["id", "quote", "kind", "subject", "force", "offence", "quoted", "reading", "verdict", "measured",
           "measured_text", "comparator", "definition", "period_end", "baseline_end", "source", "edition", "published",
           "published_estimated", "public_on_document_date", "edition_published", "reason", "note", "candidates",
           "evidence"]
SCALAR_COLUMNS = [c for c in COLUMNS if c not in ("candidates", "evidence")]


@dataclass
class Evaluation:
    """The verdicts of one claim file."""

    file: ClaimFile
    results: list[Result]
    latest_public: releases.Release | None

    @property
    def document(self) -> dict:
        doc = self.file.document
        return {"id": doc.id, "title": doc.title, "author": doc.author, "recipient": doc.recipient,
                "date": doc.date.isoformat(), "force": doc.force.name if doc.force else None, "url": doc.url}

    @property
    def latest_public_period(self) -> str | None:
        return self.latest_public.period_end.date().isoformat() if self.latest_public else None

    def __iter__(self):
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def result(self, claim_id: str) -> Result:
        return next(r for r in self.results if r.claim.id == claim_id)

    def records(self) -> list[dict]:
        return json.loads(to_json([r.record() for r in self.results]))

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([r.record() for r in self.results], columns=COLUMNS)

    def csv(self) -> str:
        return self.frame()[SCALAR_COLUMNS].to_csv(index=False)

    def to_json(self) -> str:
        return to_json({"document": self.document, "claim_file": str(self.file.path),
                        "latest_public_period": self.latest_public_period, "claims": self.records()})

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{html.escape(r.claim.id)}</td><td>{html.escape(str(r.verdict))}</td>"
                       f"<td>{html.escape(r.reason)}</td></tr>" for r in self.results)
        return (f"<p><b>{html.escape(self.file.document.title)}</b> ({self.file.document.date})</p>"
                f"<table><tr><th>claim</th><th>verdict</th><th>why</th></tr>{rows}</table>")


def evaluate(claim_file=None, *, data: Dataset | None = None) -> Evaluation:
    """Verdicts for every claim in ``claim_file`` (a path, a bundled name, or a parsed file; default: the letter)."""
    parsed = claim_file if isinstance(claim_file, ClaimFile) else load_claim_file(claim_file)
    ctx = Context(parsed, data if data is not None else load())
    results: dict[str, Result] = {}
    groups = {claim_id: group for group in parsed.selection for claim_id in group.claims}
    for claim in _ordered(parsed):
        if claim.id in results:
            continue
        if claim.id in groups:
            group = groups[claim.id]
            results.update(_evaluate_group(ctx, [parsed.claim(i) for i in group.claims], group.rule))
        else:
            results[claim.id] = _evaluate(ctx, claim)
    return Evaluation(parsed, [results[c.id] for c in parsed.claims], ctx.latest_public())


def _ordered(parsed: ClaimFile) -> list:
    """Claims after the claims whose period they take (``same_as``)."""
    by_id = {c.id: c for c in parsed.claims}
    done: list = []

    def visit(claim):
        target = claim.period.same_as if claim.kind in PERIODIC_KINDS else None
        if target and by_id[target] not in done:
            visit(by_id[target])
        if claim not in done:
            done.append(claim)

    for claim in parsed.claims:
        visit(claim)
    return done


def _read_all(ctx: Context, claim) -> tuple[list[tuple[Candidate, Reading]], str | None]:
    candidates, why = candidates_for(ctx, claim)
    read = EVALUATORS[claim.kind]
    return [(c, read(ctx, claim, c)) for c in candidates], why


def _evaluate(ctx: Context, claim, pairs=None, key=None) -> Result:
    if claim.kind not in PERIODIC_KINDS:
        return _result(ctx, claim, EVALUATORS[claim.kind](ctx, claim, None), None, [], [])
    why = None
    if pairs is None:
        pairs, why = _read_all(ctx, claim)
    if not pairs:
        ctx.chosen[claim.id] = None
        return _result(ctx, claim, Reading(Verdict.NOT_TESTABLE, None, why or "No candidate period in the data."),
                       None, [], [])
    chosen = next((p for p in pairs if (p[0].period_end, p[0].source) == key), None) if key else None
    candidate, reading = chosen or choose(ctx, pairs)
    ctx.chosen[claim.id] = candidate
    return _result(ctx, claim, reading, candidate, pairs, pairs)


def _evaluate_group(ctx: Context, claims: list, rule: str) -> dict[str, Result]:
    readings = {c.id: _read_all(ctx, c)[0] for c in claims}
    key = choose_group(ctx, readings, rule)
    return {c.id: _evaluate(ctx, c, readings[c.id], key) for c in claims}


def _result(ctx: Context, claim, reading: Reading, candidate: Candidate | None, pairs, all_pairs) -> Result:
    reason = reading.reason
    latest = None
    if candidate is not None:
        latest = latest_public_figure(ctx, all_pairs, EVALUATORS[claim.kind], claim)
        reason = timing_note(ctx, candidate, reading, latest) + reason
        if not reading.verdict.holds and len(pairs) > 1:
            reason += nearest_note(pairs, candidate)
        missing = unheld_latest(ctx, claim, candidate)
        if missing is not None:
            reading, reason = _unheld(ctx, reading, reason, missing, candidate)
        else:
            reason += _latest_differs(ctx, claim, candidate, latest)
    force = ctx.file.force_of(claim)
    subject = getattr(claim, "subject", None)
    rows = []
    for c, r in pairs:
        base = {**c.row(), "verdict": str(r.verdict), "reproduces": r.verdict.holds, "distance": r.distance}
        if r.meanings:
            rows += [{**base, "comparator": m["comparator"], "measured": m["measured"], "verdict": m["verdict"],
                      "reproduces": m["verdict"] == Verdict.SUPPORTED} for m in r.meanings]
        else:
            rows.append({**base, "comparator": r.comparator, "measured": r.measured})
    return Result(claim, force.name if force else None, subject.name if subject else None,
                  getattr(claim, "offence", None), reading, candidate, reason, rows, latest)


def unheld_latest(ctx: Context, claim, candidate: Candidate) -> releases.Release | None:
    """The latest period public on the document's date when no source holds it and the claim's period was left to
    the candidates (a stated or borrowed period is the words' own choice): the figures the words most likely quote."""
    period = claim.period
    if period.end is not None or period.same_as or period.source or period.edition:
        return None
    latest = ctx.latest_public()
    if latest is None or latest.period_end <= candidate.period_end:
        return None
    held = any(ctx.candidate(latest.period_end, periods.year_earlier(latest.period_end), source) is not None
               for source in ctx.defaults.sources)
    return None if held else latest


def _latest_differs(ctx: Context, claim, candidate: Candidate, latest: dict | None) -> str:
    """When the words were judged on an earlier period than the latest public on the document's date (because it
    reproduces them), what the latest gave: a reader sees both, not only the one that agrees."""
    period = claim.period
    if (period.end is not None or period.same_as or latest is None or not latest.get("shown")
            or not candidate.public_on_date):
        return ""
    latest_end = pd.Timestamp(latest["period_end"])
    if latest_end <= candidate.period_end:
        return ""
    edition = f" ({latest['source']} {latest['edition']})" if latest.get("edition") else ""
    return (f" On {formats.long_date(ctx.date)} the latest published period was {periods.label(latest_end)}"
            f"{edition}, which gives {latest['shown']}: {latest['verdict']}.")


def _unheld(ctx: Context, reading: Reading, reason: str, latest: releases.Release, candidate: Candidate
            ) -> tuple[Reading, str]:
    """A verdict on older figures, when the latest ones public on the date are not in the data: reproduced, it stands
    with a note; not reproduced, the claim is not testable (the words may quote the figures the data lack)."""
    published = f"first published {formats.long_date(latest.date)}" + (" (estimated)" if latest.estimated else "")
    missing = (f"On {formats.long_date(ctx.date)} the latest published period was "
               f"{periods.label(latest.period_end)} ({published}), which these data do not hold")
    if reading.verdict.holds:
        return reading, (f"{missing}; the words are reproduced by {periods.label(candidate.period_end)}, the latest "
                         f"period the data hold. {reason}")
    older = f"{periods.label(candidate.period_end)}, the latest period the data hold"
    return (replace(reading, verdict=Verdict.NOT_TESTABLE),
            f"{missing}, so the figures the words most likely quote cannot be checked; on {older}, the words would be "
            f"{reading.verdict}: {reason}")



def write_outputs(evaluation: Evaluation, folder: Path) -> Path:
    """``claims.json`` (full records) and ``claims.csv`` (one line per claim) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "claims.json"
    path.write_text(to_json(evaluation.records()), encoding="utf-8")
    (folder / "claims.csv").write_text(evaluation.csv(), encoding="utf-8")
    return path
