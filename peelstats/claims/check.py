"""From words to verdicts: read a text into draft claims, evaluate them, and give one record per claim found.

>>> import peelstats
>>> peelstats.check("Crime in Gwent fell 15 per cent, the biggest drop in England and Wales",
...                 date="2012-07-20")                                          # doctest: +SKIP

The drafts are a claim file (schema ``peelstats-claims/2``): ``Check.yaml()`` writes it, so a reader can correct a
reading and run ``peelstats claims`` on it. Sentences with no checkable claim appear once, with ``kind: null``
and the reason.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import textwrap
from dataclasses import dataclass, field

import pandas as pd
import yaml
from pydantic import TypeAdapter, ValidationError

from peelstats import formats
from peelstats.claims.claim_file import SELECTABLE_KINDS, parse_claim_file
from peelstats.claims.evaluation import Evaluation, evaluate
from peelstats.claims.model import AnyClaim, SelectionGroup
from peelstats.claims.reader import GENERIC_TOTAL, Context, Draft, SentenceReading, read_text, untestable_reason
from peelstats.claims.verdict import Verdict
from peelstats.errors import DataNotBuiltError, PeelstatsError, UsageError
from peelstats.ingest.dataset import Dataset, load
from peelstats.reference import forces, periods, releases
from peelstats.reference.offences import TOTAL_INCLUDING_FRAUD

log = logging.getLogger(__name__)

_CLAIM = TypeAdapter(AnyClaim)
RECORD_FIELDS = ("sentence", "span", "id", "kind", "subject", "offence", "quoted", "verdict", "measured",
                 "measured_text", "period_end", "baseline_end", "comparator", "source", "edition", "published",
                 "public_on_document_date", "reason", "read")


@dataclass
class Check:
    """What ``peelstats check`` found in a text."""

    date: dt.date
    date_given: bool
    force: forces.Force | None
    readings: list[SentenceReading]
    claims: list[dict]  # the claim-file entries drafted, in order
    title: str
    drafts: dict[str, tuple[SentenceReading, Draft]]  # claim id -> where it came from
    evaluation: Evaluation | None
    records: list[dict] = field(default_factory=list)

    # ------------------------------------------------------------------------------------------- outputs
    def claim_file(self) -> dict:
        document = {"id": "checked-text", "title": self.title, "author": "unknown", "date": self.date.isoformat()}
        if self.force is not None:
            document["force"] = self.force.name
        groups = _groups(self)
        return {"schema": "peelstats-claims/2", "document": document,
                **({"selection": groups} if groups else {}), "claims": self.claims}

    def yaml(self) -> str:
        """A claim file draft, valid for ``peelstats claims``: edit a reading and run it again."""
        lines = ["# Drafted by `peelstats check`: each claim's quote is the words it came from, and its note says",
                 "# how they were read. Correct what is misread, then run `peelstats claims THIS_FILE`."]
        if not self.date_given:
            lines.append(f"# No --date was given: the text was read as of today ({self.date.isoformat()}).")
        for reading in self.readings:
            for item in reading.not_recognised:
                lines.append(f"# not recognised in {_short(reading.text)!r}: {item}")
            for draft in reading.drafts:
                if draft.untestable:
                    lines.append(f"# not testable with these data, in {_short(reading.text)!r}: {draft.untestable}")
        body = yaml.safe_dump(self.claim_file(), sort_keys=False, allow_unicode=True, width=110)
        return "\n".join(lines) + "\n" + body

    def table(self, width: int = 110) -> str:
        out = []
        if not self.date_given:
            out.append(f"(no --date given: read as of today, {self.date.isoformat()})\n")
        by_sentence: dict[str, list[dict]] = {}
        for record in self.records:
            by_sentence.setdefault(record["sentence"], []).append(record)
        unread_in = {reading.text for reading in self.readings if reading.not_recognised}
        quiet = unrecognised = 0
        for sentence, records in by_sentence.items():
            found = [r for r in records if r["kind"] is not None]
            if not found:
                if sentence in unread_in:
                    unrecognised += 1  # figures or words listed below, not tied into a claim
                else:
                    quiet += 1
                continue
            out.append(textwrap.fill(f"\u201c{sentence}\u201d", width))
            for r in found:
                figure = r["measured_text"] or ""
                where = ", ".join(x for x in (r["subject"], r["offence"], r["period_end"] and periods.short_label(
                    r["period_end"]), r["source"] and f"{r['source']} {r['edition']}") if x)
                if r["kind"] in ("grade", "grade_comparison"):
                    where = r.get("definition") or ""
                label = r["id"] or "not drafted"  # a thing the data do not hold: no claim in the claim file
                out.append(f"  [{label}] {str(r['verdict']).upper()}  {figure}   ({r['kind']}: {where})")
                out.append(textwrap.fill(r["reason"], width, initial_indent="      ", subsequent_indent="      "))
            out.append("")
        unread = [(reading.text, item) for reading in self.readings for item in reading.not_recognised]
        if unread:
            out.append("Not recognised:")
            out += [textwrap.fill(f"- {item} in \u201c{_short(text, 90)}\u201d", width, subsequent_indent="  ")
                    for text, item in unread]
        claims = sum(1 for r in self.records if r["kind"])
        summary = [f"{claims} {'claim' if claims == 1 else 'claims'} found"]
        if unrecognised:
            summary.append(f"{unrecognised} {'sentence' if unrecognised == 1 else 'sentences'} with figures not "
                           "recognised")
        summary.append(f"{quiet} {'sentence' if quiet == 1 else 'sentences'} with no claim about police recorded "
                       "crime")
        out.append("\n" + "; ".join(summary) + ".")
        return "\n".join(out)


def read(text: str, *, date=None, force=None, data: Dataset | None = None,
         title: str = "Claims drafted by peelstats check") -> Check:
    """Read ``text`` (a sentence or a whole document) into claims and their verdicts."""
    if text is None or not str(text).strip():
        raise UsageError("There is no text to check: give a sentence, or --file with a document.")
    when, given = _date(date)
    subject = _force(force)
    data = data if data is not None else _built_dataset()
    ctx = Context(when, subject, latest_period=_latest_period(when, data))
    readings = read_text(str(text), ctx)
    claims, drafts = [], {}
    ids: dict[int, str] = {}
    for number, reading in enumerate(readings, start=1):
        for k, draft in enumerate(reading.drafts, start=1):
            if draft.untestable:
                continue
            claim_id = f"s{number}-{k}"
            entry = _entry(claim_id, reading, draft, subject)
            problem = _invalid(entry, subject)
            if problem:
                reading.not_recognised.append(f"a {draft.kind} claim that could not be drafted ({problem})")
                continue
            ids[id(draft)] = claim_id
            claims.append(entry)
            drafts[claim_id] = (reading, draft)
    for entry in claims:
        draft = drafts[entry["id"]][1]
        if draft.year_before is not None and id(draft.year_before) in ids:
            entry["period"] = {"same_as": ids[id(draft.year_before)], "years_earlier": 1}
    _share_figure_periods(claims, drafts)
    _share_paragraph_periods(claims, drafts)
    check = Check(when, given, subject, readings, claims, title, drafts, None)
    if claims:
        parsed = parse_claim_file(check.claim_file(), "drafted claims")
        check.evaluation = evaluate(parsed, data=data)
    check.records = _records(check)
    _with_fraud_reading(check, data)
    return check


def check(text: str, *, date=None, force=None, data: Dataset | None = None) -> list[dict]:
    """One record per claim found in ``text`` (and one per sentence with none), as ``peelstats check`` gives."""
    return read(text, date=date, force=force, data=data).records


# ------------------------------------------------------------------------------------------------ helpers


_LATEST: dict[tuple[dt.date, str], str | None] = {}  # by date and dataset folder: release dates do not change


def _latest_period(when: dt.date, data: Dataset | None) -> str | None:
    """What "last year" and "this year" mean on the date: the latest 12 months published by then. None when an
    estimated release date lies within three weeks of the date (the figures may have been out, or not yet)."""
    key = (when, str(getattr(data, "folder", None)))
    if key not in _LATEST:
        _LATEST[key] = _latest_period_on(when, data)
    return _LATEST[key]


def _latest_period_on(when: dt.date, data: Dataset | None) -> str | None:
    latest = releases.latest_public(when, data)
    if latest is None:
        return None
    following = releases.first_published(latest.period_end + pd.offsets.QuarterEnd(1), data)
    near = pd.Timedelta(days=21)
    if (latest.estimated and pd.Timestamp(when) - latest.date <= near) or (
            following.estimated and following.date - pd.Timestamp(when) <= near):
        return None
    return latest.period_end.date().isoformat()


def _built_dataset() -> Dataset | None:
    try:
        return load()
    except DataNotBuiltError:
        return None  # read without it; evaluating says how to build it


def _date(value) -> tuple[dt.date, bool]:
    if value is None:
        return dt.date.today(), False
    if isinstance(value, dt.date):
        return value, True
    text = str(value).strip()
    try:
        day_first = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)  # 20/07/2018: the UK's order, as periods
        if day_first:
            return dt.date(int(day_first[3]), int(day_first[2]), int(day_first[1])), True
        return dt.date.fromisoformat(text), True
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date: give the date the words were published, "
                         "as YYYY-MM-DD (or DD/MM/YYYY)") from None


def _force(value) -> forces.Force | None:
    if value is None:
        return None
    if not str(value).strip():  # given, but empty: not the same as leaving it out
        raise UsageError("--force is empty: give a force's name, police.uk slug or ONS code, or leave --force out")
    force = value if isinstance(value, forces.Force) else forces.lookup(str(value))
    if not force.territorial and force.code != forces.BTP_CODE:
        raise UsageError(f"--force {force.name!r} is a {force.kind}, not a police force")
    return force


def _entry(claim_id: str, reading: SentenceReading, draft: Draft, force: forces.Force | None) -> dict:
    quote = reading.text[draft.span[0]:draft.span[1]] if draft.span[1] > draft.span[0] else reading.text
    entry = {"id": claim_id, "quote": _whole_words(reading.text, draft.span) or quote, "kind": draft.kind}
    fields = dict(draft.fields)
    if isinstance(fields.get("subject"), list):
        fields["subject"] = list(fields["subject"])
    entry.update(fields)
    entry["note"] = "; ".join(f"{what}: {how}" for what, how in draft.read if how)
    return entry


def _whole_words(text: str, span: tuple[int, int]) -> str:
    start, end = span
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end].strip(" ,;")


def _invalid(entry: dict, force) -> str | None:
    try:
        _CLAIM.validate_python(entry, context={"force": force})
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        return f"{'.'.join(str(p) for p in first['loc'][1:])}: {first['msg'].removeprefix('Value error, ')}"
    return None


_PERIODIC_FIGURES = ("change", "count", "count_change", "rate", "rank", "comparison", "count_of_forces")


def _share_figure_periods(claims: list[dict], drafts: dict) -> None:
    """A rank or comparison beside the figure it ranks or compares, with no period of its own, is judged on that
    figure's period ("violent crime rose 28%, the third highest increase"): not on another that happens to fit. So
    is a run of years beside the change that ends it ("a 12% rise, the third consecutive annual increase")."""
    for entry in claims:
        if entry["kind"] not in ("rank", "comparison", "streak") or "period" in entry:
            continue
        reading = drafts[entry["id"]][0]
        measure = entry.get("measure", "change")  # a rank of changes beside a change, of rates beside a rate
        figure = next((c for c in claims if drafts[c["id"]][0] is reading and c["kind"] == measure
                       and c.get("subject") == entry.get("subject") and c.get("offence") == entry.get("offence")
                       and not (c.get("period") or {}).get("months")), None)
        if figure is None and entry["kind"] == "rank":
            # "All four forces in Wales rose, with Gwent seeing the largest": the rank among the forces counted
            figure = next((c for c in claims if drafts[c["id"]][0] is reading and c["kind"] == "count_of_forces"
                           and c.get("within") == entry.get("within") and c.get("offence") == entry.get("offence")
                           and "period" not in c), None)
        if figure is not None:
            entry["period"] = {"same_as": figure["id"]}
            entry["note"] += f"; period: that of {figure['id']}, the figure it is set beside"


def _share_paragraph_periods(claims: list[dict], drafts: dict) -> None:
    """A period read once serves the paragraph: claims after a figure about the same place, with no period of their
    own, take that figure's period ("...has only risen by 5%. ... there has also been a reduction in robberies"); so
    does a figure in a sentence that refers back to the one before ("It marks a 10% rise")."""
    anchors: dict[tuple[int, str], str] = {}
    for entry in claims:
        reading, draft = drafts[entry["id"]]
        key = (reading.paragraph, str(entry.get("subject")))
        referring = any(what == "place" and how.endswith("from the sentence before") for what, how in draft.read)
        if key in anchors and "period" not in entry and (entry["kind"] in ("direction", "earlier_years", "causal")
                                                         or referring and entry["kind"] in _PERIODIC_FIGURES):
            entry["period"] = {"same_as": anchors[key]}
            entry["note"] += f"; period: that of {anchors[key]}, the figure before it in the paragraph"
        elif entry["kind"] in _PERIODIC_FIGURES and key not in anchors:
            anchors[key] = entry["id"]


def _groups(check: Check) -> list[dict]:
    """Figures set side by side in one sentence share a period ("rose 12% nationally, 5% here", "5.3 million crimes,
    a 14% rise")."""
    by_sentence: dict[int, list[str]] = {}
    for claim_id, (reading, draft) in check.drafts.items():
        entry = next(c for c in check.claims if c["id"] == claim_id)
        if draft.kind in SELECTABLE_KINDS and "period" not in entry and "quoted_value" in entry:
            by_sentence.setdefault(reading.start, []).append(claim_id)
    return [SelectionGroup(claims=ids, rule="all_reproduce_then_closest").model_dump()
            for ids in by_sentence.values() if len(ids) > 1]


_FRAUD_SENSITIVE = ("count", "change", "count_change")
_NATIONAL = ("England and Wales", "England", "Wales")
_SAYS_WHICH_TOTAL = re.compile(r"fraud|total\s+recorded\s+crime", re.IGNORECASE)


def _with_fraud_reading(check: Check, data: Dataset | None) -> None:
    """A national count or change of "crime" whose words do not say whether fraud is in it ("crimes", "recorded
    offences"; not "total recorded crime") is judged on the total excluding fraud (what the forces' tables give),
    but ONS's bulletins also give police recorded crime including fraud (Action Fraud's and the industry bodies'
    referrals), and headlines quote either: where that reading gives another verdict, the reason says so, with its
    figure ("5.5 million crimes, up 11%" in July 2018 is the total including fraud). Before July 2015 the reader
    already reads "crime" as including fraud."""
    if check.evaluation is None or Context(check.date).fraud_included:
        return
    by_id = {r["id"]: r for r in check.records if r["id"]}
    alternatives = []
    for entry in check.claims:
        record = by_id.get(entry["id"])
        reading = check.drafts[entry["id"]][0]
        # the words say which: fraud named, or "total recorded crime", the forces' tables' name for the total
        # excluding fraud
        said = _SAYS_WHICH_TOTAL.search(reading.text)
        if (record is None or entry["kind"] not in _FRAUD_SENSITIVE or entry.get("offence") != GENERIC_TOTAL
                or entry.get("subject") not in _NATIONAL or said or not record.get("period_end")
                or record["verdict"] in (None, str(Verdict.NOT_TESTABLE))):
            continue
        period = {"end": record["period_end"]}
        if record.get("baseline_end"):
            period["baseline"] = record["baseline_end"]
        alternatives.append({**{k: v for k, v in entry.items() if k not in ("period", "note")},
                             "id": f"{entry['id']}-including-fraud", "offence": TOTAL_INCLUDING_FRAUD,
                             "period": period})
    if not alternatives:
        return
    claim_file = {**check.claim_file(), "claims": alternatives}
    claim_file.pop("selection", None)
    try:
        results = evaluate(parse_claim_file(claim_file, "drafted claims, including fraud"), data=data).records()
    except PeelstatsError as error:  # the main reading stands; this one is an aside
        log.info("the reading including fraud was not evaluated: %s", error)
        return
    for result in results:
        record = by_id[result["id"].removesuffix("-including-fraud")]
        if not result["verdict"] or result["verdict"] == record["verdict"] or \
                result["verdict"] == str(Verdict.NOT_TESTABLE):
            continue
        edition = f"; {result['source']}, {result['edition']}" if result.get("source") else ""
        if result.get("public_on_document_date") is False:
            edition += f", first published {formats.long_date(result['published'])}, after the document's date"
        elif result.get("edition_published") and pd.Timestamp(result["edition_published"]) > pd.Timestamp(check.date):
            edition += (f", an edition published {formats.long_date(result['edition_published'])}: the figure "
                        "public on the document's date may differ")
        record["reason"] += (f" Read as including fraud (police recorded crime as ONS's bulletins also give it, "
                             f"with Action Fraud's and the industry bodies' referrals): {result['measured_text']} "
                             f"({result['verdict']}{edition}).")
        record["including_fraud"] = {k: result[k] for k in ("verdict", "measured", "measured_text", "source",
                                                            "edition", "period_end")}


def _records(check: Check) -> list[dict]:
    results = {r["id"]: r for r in check.evaluation.records()} if check.evaluation else {}
    out = []
    for reading in check.readings:
        found = []
        for k, draft in enumerate(reading.drafts, start=1):
            span = _whole_words(reading.text, draft.span)
            read = [{"words": what, "read_as": how} for what, how in draft.read if how]
            if draft.untestable:
                place = draft.fields.get("subject")  # a place outside England and Wales, or else a thing not held
                found.append(_record(reading.text, span, None, draft.kind, place, None if place else draft.untestable,
                                     None, Verdict.NOT_TESTABLE, None, f"{draft.untestable} is not in these data: "
                                     f"{untestable_reason(draft.untestable)}.", read))
                continue
            claim_id = next((i for i, (r, d) in check.drafts.items() if d is draft), None)
            if claim_id is None:
                continue
            result = results[claim_id]
            found.append({**_record(reading.text, span, claim_id, result["kind"], result["subject"],
                                    result["offence"], result["quoted"], result["verdict"], result["measured"],
                                    result["reason"], read),
                          **{k: result[k] for k in ("measured_text", "period_end", "baseline_end", "comparator",
                                                    "source", "edition", "published", "public_on_document_date",
                                                    "definition")},
                          "reading": result["reading"], "candidates": result["candidates"]})
        if not found:
            why = "; ".join(reading.not_recognised) or "no figure, direction, rank or grade about police recorded crime"
            found.append(_record(reading.text, None, None, None, None, None, None, None, None,
                                 f"No checkable claim recognised: {why}.", []))
        out += found
    for record in out:
        record.setdefault("measured_text", formats.measured(record["measured"], record["kind"]))
    return out


def _record(sentence, span, claim_id, kind, subject, offence, quoted, verdict, measured, reason, read) -> dict:
    return {"sentence": sentence, "span": span, "id": claim_id, "kind": kind, "subject": subject, "offence": offence,
            "quoted": quoted, "verdict": str(verdict) if verdict is not None else None, "measured": measured,
            "period_end": None, "baseline_end": None, "comparator": None, "source": None, "edition": None,
            "published": None, "public_on_document_date": None, "reason": reason, "read": read}


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
