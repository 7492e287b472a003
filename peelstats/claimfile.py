"""Claim files: a document's testable claims as data (YAML), validated before anything is computed.

The schema is documented in ``docs/claims.md``. A malformed file raises :class:`ClaimFileError` naming the
file, the claim id and the field. Bundled claim files live in ``peelstats/claims/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import yaml

from peelstats import forces, grades, periods
from peelstats import offences as off
from peelstats.exceptions import PeelstatsError, UnknownForceError, UnknownOffenceError

SCHEMA = "peelstats-claims/1"
KINDS = ("change", "direction", "earlier_years", "causal", "grade", "grade_comparison")
COMPARATORS = ("england_and_wales", "sum_of_forces", "rest_of_england_and_wales", "mean_force", "median_force")
SELECTION_RULES = ("all_reproduce_then_closest", "closest")
DEFAULTS = {"tolerance_pp": 1.0, "partly_tolerance_pp": 3.0, "sources": ["ons-pfa-tables", "rec-crime-pfa"],
            "candidate_window_months": 12}
_REQUIRED = {
    "change": ("subject", "offence", "quoted_value"),
    "direction": ("offence", "direction"),
    "earlier_years": ("offence", "direction", "previous_years", "far_less_margin_pp"),
    "causal": ("offence",),
    "grade": ("peel_year", "question", "quoted_grade"),
    "grade_comparison": ("peel_year", "question", "other_force", "expect"),
}


class ClaimFileError(PeelstatsError):
    def __init__(self, path, claim_id: str | None, field_name: str | None, problem: str):
        where = str(path)
        if claim_id:
            where += f": claim {claim_id!r}"
        if field_name:
            where += f": field {field_name!r}"
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    kind: str
    force: str  # canonical force name
    spec: dict  # the claim's fields after validation (offence canonical, numbers as floats)

    def get(self, key: str, default=None):
        return self.spec.get(key, default)


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    author: str
    date: date
    force: str
    recipient: str = ""
    text: str = ""


@dataclass(frozen=True)
class ClaimFile:
    path: Path
    document: Document
    defaults: dict
    selection: list[dict]
    claims: list[Claim] = field(default_factory=list)

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)


def bundled() -> list[Path]:
    """Claim files shipped with peelstats."""
    folder = resources.files("peelstats.claims")
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith((".yaml", ".yml")))


def default_claim_file() -> Path:
    return next(p for p in bundled() if p.stem == "west-mercia-2018-06-04")


def resolve(name_or_path: str | Path | None) -> Path:
    """A path, or the stem of a bundled claim file."""
    if name_or_path is None:
        return default_claim_file()
    path = Path(name_or_path)
    if path.is_file():
        return path
    for candidate in bundled():
        if candidate.stem == str(name_or_path) or candidate.name == str(name_or_path):
            return candidate
    names = ", ".join(p.stem for p in bundled())
    raise ClaimFileError(name_or_path, None, None, f"no such file, and no bundled claim file of that name ({names})")


def load_claim_file(name_or_path: str | Path | None = None) -> ClaimFile:
    path = resolve(name_or_path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ClaimFileError(path, None, None, f"not valid YAML ({error})") from error
    if not isinstance(raw, dict):
        raise ClaimFileError(path, None, None, "must be a mapping with 'schema', 'document' and 'claims'")
    if raw.get("schema") != SCHEMA:
        raise ClaimFileError(path, None, "schema", f"must be {SCHEMA!r}, got {raw.get('schema')!r}")
    document = _document(path, raw.get("document"))
    defaults = {**DEFAULTS, **(raw.get("defaults") or {})}
    for key in ("tolerance_pp", "partly_tolerance_pp", "candidate_window_months"):
        _number(path, None, f"defaults.{key}", defaults[key], positive=True)
    claims_raw = raw.get("claims")
    if not isinstance(claims_raw, list) or not claims_raw:
        raise ClaimFileError(path, None, "claims", "must be a non-empty list")
    claims = []
    seen: set[str] = set()
    for index, item in enumerate(claims_raw):
        claim = _claim(path, index, item, document, defaults)
        if claim.id in seen:
            raise ClaimFileError(path, claim.id, "id", "duplicated")
        seen.add(claim.id)
        claims.append(claim)
    for claim in claims:
        same_as = (claim.get("period") or {}).get("same_as")
        if same_as and same_as not in seen:
            raise ClaimFileError(path, claim.id, "period.same_as", f"refers to unknown claim {same_as!r}")
    selection = _selection(path, raw.get("selection") or [], {c.id: c for c in claims})
    return ClaimFile(path, document, defaults, selection, claims)


def _document(path: Path, raw) -> Document:
    if not isinstance(raw, dict):
        raise ClaimFileError(path, None, "document", "must be a mapping")
    for key in ("id", "title", "author", "date", "force"):
        if not raw.get(key):
            raise ClaimFileError(path, None, f"document.{key}", "is required")
    when = raw["date"]
    if not isinstance(when, date):
        try:
            when = date.fromisoformat(str(when))
        except ValueError as error:
            raise ClaimFileError(path, None, "document.date", f"{when!r} is not a YYYY-MM-DD date") from error
    force = _force(path, None, "document.force", raw["force"])
    return Document(str(raw["id"]), str(raw["title"]), str(raw["author"]), when, force,
                    str(raw.get("recipient", "")), str(raw.get("text", "")))


def _force(path, claim_id, field_name, value) -> str:
    try:
        return forces.lookup(str(value)).name
    except UnknownForceError as error:
        raise ClaimFileError(path, claim_id, field_name, str(error)) from error


def _number(path, claim_id, field_name, value, positive=False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ClaimFileError(path, claim_id, field_name, f"must be a number, got {value!r}")
    if positive and value <= 0:
        raise ClaimFileError(path, claim_id, field_name, f"must be positive, got {value!r}")
    return float(value)


def _claim(path: Path, index: int, raw, document: Document, defaults: dict) -> Claim:
    if not isinstance(raw, dict):
        raise ClaimFileError(path, f"#{index + 1}", None, "each claim must be a mapping")
    claim_id = raw.get("id")
    if not claim_id or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(claim_id)):
        raise ClaimFileError(path, f"#{index + 1}", "id", "is required: lower-case letters, digits and hyphens")
    claim_id = str(claim_id)
    if not str(raw.get("quote", "")).strip():
        raise ClaimFileError(path, claim_id, "quote", "is required: the exact words of the claim")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise ClaimFileError(path, claim_id, "kind", f"must be one of {', '.join(KINDS)}; got {kind!r}")
    for key in _REQUIRED[kind]:
        if raw.get(key) in (None, ""):
            raise ClaimFileError(path, claim_id, key, f"is required for kind {kind!r}")
    spec = dict(raw)
    spec["force"] = _force(path, claim_id, "force", raw.get("force", document.force))
    for key in ("tolerance_pp", "partly_tolerance_pp"):
        spec[key] = _number(path, claim_id, key, raw.get(key, defaults[key]), positive=True)
    if "offence" in raw:
        spec["offence"] = _offence(path, claim_id, "offence", raw["offence"])
    if "related_offences" in raw:
        if not isinstance(raw["related_offences"], list):
            raise ClaimFileError(path, claim_id, "related_offences", "must be a list")
        spec["related_offences"] = [_offence(path, claim_id, "related_offences", o) for o in raw["related_offences"]]
    if kind == "change":
        if raw["subject"] not in ("force", "national"):
            raise ClaimFileError(path, claim_id, "subject", f"must be 'force' or 'national', got {raw['subject']!r}")
        spec["quoted_value"] = _number(path, claim_id, "quoted_value", raw["quoted_value"])
        comparators = raw.get("comparators", list(COMPARATORS) if raw["subject"] == "national" else [])
        bad = [c for c in comparators if c not in COMPARATORS]
        if bad or not isinstance(comparators, list):
            raise ClaimFileError(path, claim_id, "comparators", f"unknown {bad}; choose from {', '.join(COMPARATORS)}")
        spec["comparators"] = comparators
    if kind in ("direction", "earlier_years") and raw["direction"] not in ("increase", "decrease"):
        raise ClaimFileError(path, claim_id, "direction", f"must be 'increase' or 'decrease', got {raw['direction']!r}")
    if kind == "earlier_years":
        years = raw["previous_years"]
        if isinstance(years, bool) or not isinstance(years, int) or years < 1:
            raise ClaimFileError(path, claim_id, "previous_years", f"must be a whole number >= 1, got {years!r}")
        spec["far_less_margin_pp"] = _number(path, claim_id, "far_less_margin_pp", raw["far_less_margin_pp"])
    if kind in ("grade", "grade_comparison"):
        question = str(raw["question"])
        if question != grades.OVERALL and question not in grades.QUESTIONS:
            raise ClaimFileError(path, claim_id, "question",
                                 f"must be 'overall' or one of: {'; '.join(grades.QUESTIONS)}")
        spec["peel_year"] = str(raw["peel_year"])
        spec["pillar"] = str(raw.get("pillar", "Effectiveness"))
    if kind == "grade":
        try:
            spec["quoted_grade"] = grades.normalise_grade(raw["quoted_grade"])
        except ValueError as error:
            raise ClaimFileError(path, claim_id, "quoted_grade", str(error)) from error
    if kind == "grade_comparison":
        spec["other_force"] = _force(path, claim_id, "other_force", raw["other_force"])
        if raw["expect"] not in ("different", "same"):
            raise ClaimFileError(path, claim_id, "expect", f"must be 'different' or 'same', got {raw['expect']!r}")
    spec["period"] = _period(path, claim_id, raw.get("period"))
    return Claim(claim_id, " ".join(str(raw["quote"]).split()), kind, spec["force"], spec)


def _offence(path, claim_id, field_name, value) -> str:
    try:
        return off.canonical(str(value))
    except UnknownOffenceError as error:
        raise ClaimFileError(path, claim_id, field_name, str(error)) from error


def _period(path, claim_id, raw) -> dict:
    if raw in (None, "unstated"):
        return {}
    if not isinstance(raw, dict) or not ({"same_as", "end"} & set(raw)):
        raise ClaimFileError(path, claim_id, "period", "must be omitted, {same_as: <claim id>} or {end: <date>}")
    out = dict(raw)
    for key in ("end", "baseline"):
        if key in raw:
            try:
                out[key] = periods.to_timestamp(raw[key])
            except PeelstatsError as error:
                raise ClaimFileError(path, claim_id, f"period.{key}", str(error)) from error
    return out


def _selection(path: Path, raw, claims: dict[str, Claim]) -> list[dict]:
    if not isinstance(raw, list):
        raise ClaimFileError(path, None, "selection", "must be a list of {claims: [...], rule: ...}")
    out = []
    for number, group in enumerate(raw, start=1):
        if not isinstance(group, dict) or not isinstance(group.get("claims"), list):
            raise ClaimFileError(path, None, f"selection[{number}].claims", "must list claim ids")
        for claim_id in group["claims"]:
            if claim_id not in claims:
                raise ClaimFileError(path, claim_id, f"selection[{number}].claims", "no such claim")
            if claims[claim_id].kind != "change":
                raise ClaimFileError(path, claim_id, f"selection[{number}].claims", "only 'change' claims are selected")
        rule = group.get("rule", "closest")
        if rule not in SELECTION_RULES:
            raise ClaimFileError(path, None, f"selection[{number}].rule",
                                 f"must be one of {', '.join(SELECTION_RULES)}")
        out.append({"claims": list(group["claims"]), "rule": rule})
    return out
