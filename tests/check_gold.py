"""Scoring ``peelstats check`` against the annotated corpora (tests/check_corpus.yaml and the held-out files).

The corpus: real sentences from press coverage of the official figures (each with its address, the article's
date and force), and the claims a careful reader drafts from their words, annotated independently of the reader.
A drafted claim is *read correctly* when its kind, place, offence, figure (with its direction) and period all match
one annotated claim, and so does how it is set against others: a rank's order, measure and the forces it is among
(``within``), a count of forces' pool, a comparison's measure and relation. A multi-year change matches only an
annotation with the same baseline (``baseline_end``). A claim drafted with no period (the words named none) matches
an annotated period in the year before the document: the reader left it to the engine, which tries every period of
that year. Before July 2015 "total recorded crime" included fraud recorded by the police; the reader reads generic
crime words in such documents that way, and it counts as the annotated "total".
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from peelstats.claims.check import read
from peelstats.claims.words import parse_quoted
from peelstats.reference import forces, geography
from peelstats.reference import offences as off

CORPUS = Path(__file__).parent / "check_corpus.yaml"
HOLDOUT = Path(__file__).parent / "check_holdout.yaml"
HOLDOUT2 = Path(__file__).parent / "check_holdout2.yaml"  # annotated before the reader first read it
HOLDOUT3 = Path(__file__).parent / "check_holdout3.yaml"  # annotated after the holdout2 fixes, before a first read
HOLDOUT4 = Path(__file__).parent / "check_holdout4.yaml"  # annotated after the holdout3 fixes, before a first read
HOLDOUT5 = Path(__file__).parent / "check_holdout5.yaml"  # annotated after the holdout4 fixes, before a first read
FRAUD_INCLUDED_UNTIL = dt.date(2015, 7, 1)


def corpus(path: Path | None = None) -> list[dict]:
    return yaml.safe_load((path or CORPUS).read_text(encoding="utf-8"))


@dataclass
class Score:
    drafted: int = 0
    annotated: int = 0
    correct: int = 0
    sentences: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)  # annotated claims not read
    wrong: list[str] = field(default_factory=list)  # drafted claims that match nothing

    @property
    def precision(self) -> float:
        return self.correct / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.annotated if self.annotated else 1.0


def _place(value) -> str:
    if isinstance(value, list):
        return "+".join(sorted(geography.resolve(v).key for v in value))
    try:
        return geography.resolve(str(value)).key
    except Exception:  # noqa: BLE001 - an unreadable annotation matches nothing
        return f"?{value}"


def _offence(value: str, date: dt.date) -> str:
    name = off.canonical(value)
    if name == off.TOTAL_INCLUDING_FRAUD and date < FRAUD_INCLUDED_UNTIL:
        return off.TOTAL
    return name


_ALL_FORCES = frozenset(f.code for f in forces.TERRITORIAL_FORCES)


def _pool(value, subject=None) -> str:
    """The forces a rank or count of forces is among, as their codes ("region" is the subject force's): "all" for the
    43 forces."""
    if value is None or str(value).strip().lower() in ("all", "all forces", "england and wales", "national"):
        return "all"
    if isinstance(value, str) and value.strip().lower() in ("region", "the region", "our region", "its region"):
        force = forces.try_lookup(str(subject)) if subject else None
        codes = frozenset(f.code for f in forces.TERRITORIAL_FORCES if force and f.region_code == force.region_code)
    else:
        try:
            codes = frozenset(geography.resolve(value).members)
        except Exception:  # noqa: BLE001 - an unreadable scope matches nothing
            return f"?{value}"
    return "all" if codes == _ALL_FORCES else _POOL_NAMES.get(codes) or "+".join(sorted(codes)) or f"?{value}"


_POOL_NAMES = {frozenset(geography.resolve(name).members): name
               for name in ["England", "Wales", *(r.name for r in forces.REGIONS)]}  # to print a pool shortly


def _setting(kind: str, fields: dict, *, annotated: bool) -> tuple:
    """How a claim is set against others: (name, value) pairs; an annotation compares only what it gives, plus the
    defaults a claim file has (measure: change; among all 43 forces)."""
    if kind == "rank":
        return (("order", fields.get("order")), ("measure", fields.get("measure") or "change"),
                ("within", _pool(fields.get("within"), fields.get("subject"))))
    if kind == "count_of_forces":
        scope = fields.get("within")
        if annotated and scope is None and fields.get("subject") not in (None, "England and Wales"):
            scope = fields["subject"]  # the annotation gives the pool as its subject
        return (("within", _pool(scope, fields.get("force") or (fields.get("members") or [None])[0])),)
    if kind == "comparison":
        return (("measure", fields.get("measure") or "change"), ("relation", fields.get("relation")))
    return ()


def annotated_keys(sentence: dict) -> list[tuple]:
    date = _date(sentence["date"])
    keys = []
    for claim in sentence["claims"]:
        value = claim.get("quoted")
        if claim["kind"] == "rank":
            value = claim.get("top") or value or 1
        period = _iso(claim.get("period_end"))
        if claim.get("baseline_end"):
            period = (period, _iso(claim["baseline_end"]))
        keys.append((claim["kind"], _place(claim["subject"]) if claim["kind"] != "count_of_forces" else "-",
                     _offence(claim["offence"], date), value, claim.get("direction"), period,
                     _setting(claim["kind"], claim, annotated=True)))
    return keys


def drafted_keys(record: dict, entry: dict, date: dt.date) -> list[tuple]:
    """One key per place (a rank of several forces is a claim about each)."""
    kind = entry["kind"]
    value = None
    if "quoted_value" in entry:
        quoted = parse_quoted(entry["quoted_value"])
        value = quoted.one_in and round(1000 / quoted.one_in, 1) or abs(quoted.value)
    elif kind == "rank":
        value = entry.get("top") or entry.get("position") or 1
    elif kind == "count_of_forces":
        value = entry.get("quoted_count")
    direction = entry.get("direction")
    if kind == "change" and direction is None and "quoted_value" in entry:
        direction = "decrease" if parse_quoted(entry["quoted_value"]).value < 0 else None
    subjects = entry.get("subject")
    if kind == "rank" and isinstance(subjects, list):
        places = [_place(s) for s in subjects]
    elif kind == "count_of_forces":
        places = ["-"]
    else:
        places = [_place(subjects)]
    period_fields = entry.get("period") or {}
    if period_fields.get("end"):
        period = _iso(period_fields["end"])
        if period_fields.get("baseline"):
            period = (period, _iso(period_fields["baseline"]))
    elif period_fields.get("same_as"):
        period = _iso(record.get("period_end"))
    else:
        period = ("window", date)
    setting = _setting(kind, entry, annotated=False)
    return [(kind, place, _offence(entry["offence"], date), value, direction, period, setting) for place in places]


def _matches(drafted: tuple, annotated: tuple) -> bool:
    kind, place, offence, value, direction, period, setting = drafted
    a_kind, a_place, a_offence, a_value, a_direction, a_period, a_setting = annotated
    if (kind, place, offence) != (a_kind, a_place, a_offence):
        return False
    given = dict(setting)
    if any(a_value_ is not None and given.get(name) != a_value_ for name, a_value_ in a_setting):
        return False
    if isinstance(period, tuple) and period[0] != "window" or isinstance(a_period, tuple):
        return period == a_period  # a change over several years: the same end and baseline
    if a_value is not None and (value is None or not math.isclose(float(value), float(a_value), rel_tol=0.01,
                                                                  abs_tol=0.05)):
        return False
    if a_direction and direction and a_direction != direction:
        return False
    if isinstance(period, tuple):  # no period named: any period of the year before the document
        end = dt.date.fromisoformat(a_period) if a_period else None
        return end is None or period[1] - dt.timedelta(days=366) < end <= period[1]
    return not (a_period and period and a_period != period)


def score(data, sentences: list[dict] | None = None) -> Score:
    import time

    result = Score()
    for sentence in sentences or corpus():
        date = _date(sentence["date"])
        started = time.perf_counter()
        check = read(sentence["sentence"], date=date, force=sentence.get("force"), data=data)
        result.seconds += time.perf_counter() - started
        result.sentences += 1
        records = {r["id"]: r for r in check.records if r["id"]}
        annotated = annotated_keys(sentence)
        result.annotated += len(annotated)
        unmatched = list(annotated)
        for entry in check.claims:
            if (entry.get("period") or {}).get("months", 12) != 12:
                continue  # a part-year: the reader reports it as not testable, as the annotation does
            for key in drafted_keys(records.get(entry["id"], {}), entry, date):
                result.drafted += 1
                hit = next((a for a in unmatched if _matches(key, a)), None)
                if hit is None:
                    result.wrong.append(f"{sentence['sentence']!r}\n      drafted {key}")
                else:
                    unmatched.remove(hit)
                    result.correct += 1
        result.misses += [f"{sentence['sentence']!r}\n      missed {a}" for a in unmatched]
    return result


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]
