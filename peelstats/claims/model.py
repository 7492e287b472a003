"""The claim model: one pydantic model per kind of claim, joined in a union discriminated on ``kind``.

Everything a claim file says is parsed here, once, into typed values (forces, geographies, offences, periods,
quoted figures); the evaluators take only these. pydantic v2 collects every error of a claim in one pass, which
is what lets a file's errors be reported together, each naming its claim and field.

Schema ``peelstats-claims/1`` holds the six original kinds; ``peelstats-claims/2`` adds the rest. Both are read.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Final, Literal, overload

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from peelstats.analysis.comparators import National
from peelstats.analysis.panel import PANEL_SOURCES
from peelstats.claims.kind import Kind
from peelstats.claims.words import SIZES, Quantifier, Quoted, parse_quoted, quantifier
from peelstats.errors import PeelstatsError
from peelstats.reference import forces, geography, grades, periods
from peelstats.reference import offences as off

SCHEMA_V1: Final = "peelstats-claims/1"
SCHEMA_V2: Final = "peelstats-claims/2"
SchemaVersion = Literal["peelstats-claims/1", "peelstats-claims/2"]
SCHEMAS: tuple[SchemaVersion, ...] = (SCHEMA_V1, SCHEMA_V2)


V1_KINDS = (Kind.CHANGE, Kind.DIRECTION, Kind.EARLIER_YEARS, Kind.CAUSAL, Kind.GRADE, Kind.GRADE_COMPARISON)


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class Measure(StrEnum):
    CHANGE = "change"
    COUNT = "count"
    RATE = "rate"


class Relation(StrEnum):
    ABOVE = "above"
    BELOW = "below"
    FASTER_RISE = "faster_rise"
    FASTER_FALL = "faster_fall"
    SAME_DIRECTION = "same_direction"
    OPPOSITE_DIRECTION = "opposite_direction"
    RATIO = "ratio"


class Order(StrEnum):
    HIGHEST = "highest"
    LOWEST = "lowest"


# ------------------------------------------------------------------------------------- field types


def _as_value_error(func):
    """pydantic reports ValueErrors as field errors; peelstats' own lookup errors become ValueErrors here."""
    def wrapped(value):
        try:
            return func(value)
        except PeelstatsError as error:
            raise ValueError(str(error)) from None
    return wrapped


@_as_value_error
def _force(value) -> forces.Force:
    if isinstance(value, forces.Force):
        return value
    return forces.lookup(str(value))


@_as_value_error
def _offence(value) -> str:
    return off.canonical(str(value))


def _period_end(value):
    return periods.parse_period_end(value)


def _quoted(value) -> Quoted:
    quoted = value if isinstance(value, Quoted) else parse_quoted(value)
    if not math.isfinite(quoted.value):
        raise ValueError(f"must be a finite number, got {value!r}")
    return quoted


def _not_negative(quoted: Quoted) -> Quoted:
    if quoted.value < 0:
        raise ValueError(f"must not be negative (a number of offences or a rate), got {quoted.text!r}")
    return quoted


def _pillar(value) -> str:
    text = " ".join(str(value).split()).capitalize()
    if text not in grades.PILLARS:
        raise ValueError(f"must be one of: {', '.join(grades.PILLARS)}")
    return text


def _quantifier(value) -> Quantifier:
    return value if isinstance(value, Quantifier) else quantifier(value)


def _source(value) -> str:
    if value not in PANEL_SOURCES:
        raise ValueError(f"unknown source {value!r}; claims read {', '.join(PANEL_SOURCES)}")
    return str(value)


def _as_list(value):
    if isinstance(value, str):
        raise ValueError(f"must be a list, e.g. [{value}], got the text {value!r}")
    return value


ForceRef = Annotated[forces.Force, BeforeValidator(_force), PlainSerializer(lambda f: f.name)]
OffenceName = Annotated[str, BeforeValidator(_offence)]
PeriodEnd = Annotated[Any, BeforeValidator(_period_end), PlainSerializer(lambda p: p.date().isoformat())]
QuotedFigure = Annotated[Quoted, BeforeValidator(_quoted), PlainSerializer(lambda q: q.text)]
UnsignedFigure = Annotated[Quoted, BeforeValidator(_quoted), AfterValidator(_not_negative),
                           PlainSerializer(lambda q: q.text)]
Pillar = Annotated[str, BeforeValidator(_pillar)]
QuantifierRef = Annotated[Quantifier, BeforeValidator(_quantifier), PlainSerializer(lambda q: q.key)]
SourceId = Annotated[str, BeforeValidator(_source)]
ClaimId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[str, Field(min_length=1)]
SubjectText = str | list[str]  # resolved to a Geography with the claim's force as context


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, frozen=True)


# ----------------------------------------------------------------------------------- file-level parts


class Document(Strict):
    id: Text
    title: Text
    author: Text
    date: dt.date
    force: ForceRef | None = None
    recipient: str = ""
    text: str = ""
    url: str = ""

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a YYYY-MM-DD date") from None

    @field_validator("date")
    @classmethod
    def _not_after_today(cls, value: dt.date) -> dt.date:
        # the date the words were published: a later one would judge them on figures nobody has yet
        if value > dt.date.today():
            raise ValueError(f"{value.isoformat()} is after today ({dt.date.today().isoformat()}): give the date "
                             "the words were published")
        return value


def _panel_sources() -> list[str]:
    """The panel sources in their default order (a fresh list each time; ``SourceId`` members are text)."""
    return list(PANEL_SOURCES)


class Defaults(Strict):
    """Tolerances and choices; each is documented in docs/claims.md."""

    tolerance_pp: float = Field(default=1.0, gt=0)
    partly_tolerance_pp: float = Field(default=3.0, gt=0)
    count_tolerance_pct: float = Field(default=1.0, gt=0)
    approx_tolerance_pct: float = Field(default=5.0, gt=0)
    partly_count_tolerance_pct: float = Field(default=10.0, gt=0)
    rate_tolerance_pct: float = Field(default=2.0, gt=0)
    verbal_tolerance_pct: float = Field(default=10.0, gt=0)
    ratio_tolerance_pct: float = Field(default=10.0, gt=0)
    no_change_max_pp: float = Field(default=0.5, gt=0)
    slight_max_pp: float = Field(default=5.0, gt=0)
    large_min_pp: float = Field(default=10.0, gt=0)
    rank_partly_positions: int = Field(default=1, ge=0)
    sources: list[SourceId] = Field(default_factory=_panel_sources, min_length=1)
    candidate_window_months: int = Field(default=12, ge=1, le=60)

    _as_list = field_validator("sources", mode="before")(classmethod(lambda cls, v: _as_list(v)))


class Period(Strict):
    end: PeriodEnd | None = None
    baseline: PeriodEnd | None = None
    same_as: ClaimId | None = None
    years_earlier: int = Field(default=0, ge=0, le=20)  # with same_as: that claim's period, this many years before
    months: int = Field(default=12, ge=1, le=12)  # a stated length other than 12 months cannot be tested
    source: SourceId | None = None
    edition: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value):
        if value in (None, "unstated"):
            return {}
        if isinstance(value, str | dt.date):
            return {"end": value}
        return value

    @model_validator(mode="after")
    def _consistent(self):
        if self.same_as and (self.end or self.baseline):
            raise ValueError("give either same_as or end/baseline, not both")
        if self.baseline is not None and self.end is not None and self.baseline >= self.end:
            raise ValueError("the baseline must end before the period")
        if self.baseline is not None and self.end is None:
            raise ValueError("a baseline needs an end")
        if self.edition and not self.source:
            raise ValueError("an edition needs its source")
        if self.years_earlier and not self.same_as:
            raise ValueError("years_earlier counts back from the period of same_as")
        return self

    @property
    def stated(self) -> bool:
        return self.end is not None


# ----------------------------------------------------------------------------------------- the kinds


class Claim(Strict):
    id: ClaimId
    quote: Text
    force: ForceRef | None = None  # defaults to the document's force
    period: Period = Field(default_factory=Period)
    note: str = ""  # the analyst's comment: how the claim was read
    # overrides of the file's defaults
    tolerance_pp: float | None = Field(default=None, gt=0)
    partly_tolerance_pp: float | None = Field(default=None, gt=0)
    count_tolerance_pct: float | None = Field(default=None, gt=0)
    approx_tolerance_pct: float | None = Field(default=None, gt=0)

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, value):
        return Period.model_validate(value) if not isinstance(value, Period) else value

    @field_validator("quote", mode="before")
    @classmethod
    def _one_line(cls, value):
        return " ".join(str(value).split()) if value is not None else value

    def subject_force(self, info_force: forces.Force | None) -> forces.Force | None:
        return self.force or info_force


def _resolve_subject(value, info: ValidationInfo) -> geography.Geography:
    """A geography; "force" and "the region" are read against the claim's force, else the document's."""
    if isinstance(value, geography.Geography):
        return value
    context = info.context or {}
    context_force = (info.data or {}).get("force") or context.get("force")
    if context_force is None and context.get("force_unknown"):
        raise PydanticCustomError("force_unknown", "the document's force is not valid")  # reported there
    try:
        return geography.resolve([str(v) for v in value] if isinstance(value, list) else str(value), context_force)
    except PeelstatsError as error:
        raise ValueError(str(error)) from None


Subject = Annotated[geography.Geography, PlainSerializer(lambda g: g.name)]


class _WithSubject(Claim):
    subject: Subject = Field(default="force", validate_default=True)

    @field_validator("subject", mode="before")
    @classmethod
    def _subject(cls, value, info: ValidationInfo):
        return _resolve_subject(value, info)


class ChangeClaim(_WithSubject):
    """A % change: "total recorded crime has risen by 5%", "fell by a quarter", "a slight fall"."""

    kind: Literal[Kind.CHANGE] = Kind.CHANGE
    offence: OffenceName
    quoted_value: QuotedFigure | None = None
    quantifier: QuantifierRef | None = None
    size: Literal["no_change", "slight", "large"] | None = None
    direction: Direction | None = None
    comparators: list[National] | None = None  # for England and Wales: restrict the meanings of "national"

    _as_list = field_validator("comparators", mode="before")(classmethod(lambda cls, v: _as_list(v)))

    @model_validator(mode="after")
    def _figure_or_size(self):
        if self.quoted_value is None and self.size is None:
            raise ValueError("quoted_value: is required: give quoted_value (e.g. 12, 'almost 10%', 'a quarter') or "
                             f"size ({', '.join(SIZES)})")
        if self.quoted_value is not None and self.direction is not None:
            value = self.quoted_value.value
            if value > 0 and self.direction is Direction.DECREASE:
                object.__setattr__(self, "quoted_value", _signed(self.quoted_value, -1))
        return self


class DirectionClaim(_WithSubject):
    """A rise or a fall: "there has also been a reduction in robberies"."""

    kind: Literal[Kind.DIRECTION] = Kind.DIRECTION
    offence: OffenceName
    direction: Direction


class EarlierYearsClaim(_WithSubject):
    """This year's change against earlier years': "the increase is far less than in previous years"."""

    kind: Literal[Kind.EARLIER_YEARS] = Kind.EARLIER_YEARS
    offence: OffenceName
    direction: Direction
    previous_years: int = Field(ge=1, le=15)
    far_less_margin_pp: float


class StreakClaim(_WithSubject):
    """A run of years in one direction: "crime has risen for the fifth year in a row", "a third consecutive fall"."""

    kind: Literal[Kind.STREAK] = Kind.STREAK
    offence: OffenceName
    direction: Direction
    years: int = Field(ge=2, le=20)  # "the fifth year in a row": this year's change and the four before it


class CausalClaim(_WithSubject):
    """A cause: never testable with counts; the evidence bearing on it is shown."""

    kind: Literal[Kind.CAUSAL] = Kind.CAUSAL
    offence: OffenceName
    related_offences: list[OffenceName] = Field(default_factory=list)

    _as_list = field_validator("related_offences", mode="before")(classmethod(lambda cls, v: _as_list(v)))


def _question(value) -> str:
    text = str(value)
    if text != grades.OVERALL and text not in grades.QUESTIONS:
        raise ValueError(f"must be 'overall' or one of: {'; '.join(grades.QUESTIONS)}")
    return text


Question = Annotated[str, BeforeValidator(_question)]
Grade = Annotated[str, BeforeValidator(grades.normalise_grade)]
PeelYear = Annotated[str, BeforeValidator(lambda v: str(v))]


class GradeClaim(Claim):
    """An HMICFRS PEEL grade: "West Mercia Police were graded as 'good' in 2016"."""

    kind: Literal[Kind.GRADE] = Kind.GRADE
    peel_year: PeelYear
    pillar: Pillar = "Effectiveness"
    question: Question
    quoted_grade: Grade


class GradeComparisonClaim(Claim):
    """Two forces' grades: "as forces we then received different gradings"."""

    kind: Literal[Kind.GRADE_COMPARISON] = Kind.GRADE_COMPARISON
    peel_year: PeelYear
    pillar: Pillar = "Effectiveness"
    question: Question
    other_force: ForceRef
    expect: Literal["different", "same"]


class CountClaim(_WithSubject):
    """A number of offences: "Cleveland Police recorded 50,901 offences", "nearly five million"."""

    kind: Literal[Kind.COUNT] = Kind.COUNT
    offence: OffenceName
    quoted_value: UnsignedFigure
    quantifier: QuantifierRef | None = None


class CountChangeClaim(_WithSubject):
    """A change in the number of offences: "6,714 fewer crimes", "more than 30,000 more crimes"."""

    kind: Literal[Kind.COUNT_CHANGE] = Kind.COUNT_CHANGE
    offence: OffenceName
    quoted_value: QuotedFigure
    quantifier: QuantifierRef | None = None
    direction: Direction | None = None

    @model_validator(mode="after")
    def _signed_by_direction(self):
        if self.direction is Direction.DECREASE and self.quoted_value.value > 0:
            object.__setattr__(self, "quoted_value", _signed(self.quoted_value, -1))
        return self


class ComparisonClaim(_WithSubject):
    """The subject against a comparator: "falling faster than the national average", "over double that of the
    national average", "going against the national picture"."""

    kind: Literal[Kind.COMPARISON] = Kind.COMPARISON
    offence: OffenceName
    against: Subject = Field(default="national", validate_default=True)
    measure: Measure = Measure.CHANGE
    relation: Relation
    quoted_value: QuotedFigure | None = None  # the ratio, for relation 'ratio' ("double" = 2)
    quantifier: QuantifierRef | None = None

    @field_validator("against", mode="before")
    @classmethod
    def _against(cls, value, info: ValidationInfo):
        return _resolve_subject(value, info)

    @model_validator(mode="after")
    def _ratio_needs_value(self):
        if self.relation is Relation.RATIO and self.quoted_value is None:
            raise ValueError("quoted_value: is required for relation 'ratio' (e.g. 2 or 'double')")
        return self


def _scope(value, info: ValidationInfo):
    """'all' (the 43 forces), 'region' (the subject's), 'England', 'Wales', a region name, or a list of forces."""
    if value in (None, "all", "England and Wales", "all forces"):
        return None
    subject = (info.data or {}).get("subject")
    if isinstance(subject, geography.Geography) and subject.is_force and str(value).strip().lower() in (
            "region", "the region", "our region", "its region"):
        return geography.region(subject.force.region_code)
    return _resolve_subject(value, info)


Scope = Annotated[geography.Geography | None, PlainSerializer(lambda g: g.name if g else "all")]


class RankClaim(_WithSubject):
    """A place among forces: "the biggest drop in England and Wales", "the second highest of the 43 forces",
    "second only to Northamptonshire", "among the ten safest"."""

    kind: Literal[Kind.RANK] = Kind.RANK
    offence: OffenceName
    measure: Measure = Measure.CHANGE
    order: Order
    position: int | None = Field(default=None, ge=1)
    top: int | None = Field(default=None, ge=1)  # "one of the N", "among the ten"
    within: Scope = None
    behind: list[ForceRef] | None = None  # "second only to X": X is first; "only A and B had more": A and B lead

    @field_validator("behind", mode="before")
    @classmethod
    def _behind(cls, value):
        return [value] if isinstance(value, str | forces.Force) else value
    direction: Direction | None = None  # "the biggest drop" is also a drop

    @field_validator("within", mode="before")
    @classmethod
    def _within(cls, value, info: ValidationInfo):
        return _scope(value, info)

    @model_validator(mode="after")
    def _one_place(self):
        if self.position is not None and self.top is not None:
            raise ValueError("position: give position or top, not both")
        if self.position is None and self.top is None:
            object.__setattr__(self, "position", len(self.behind) + 1 if self.behind else 1)
        if self.subject.kind not in (geography.GeographyKind.FORCE, geography.GeographyKind.FORCES):
            raise ValueError(f"subject: ranks are among forces; {self.subject.name} is not a force")
        return self


class ForceCountClaim(Claim):
    """How many forces did something: "All forces except Cumbria and North Yorkshire showed an annual increase",
    "one of only three forces to record a fall", "the only police force in our region to see a drop"."""

    kind: Literal[Kind.FORCE_COUNT] = Kind.FORCE_COUNT
    offence: OffenceName
    direction: Direction
    within: Scope = None
    quoted_count: int | None = Field(default=None, ge=0)
    quantifier: QuantifierRef | None = None
    exceptions: list[ForceRef] | None = None  # "all except X and Y"
    members: list[ForceRef] = Field(default_factory=list)  # forces the claim places among those counted

    _as_list = field_validator("exceptions", "members", mode="before")(classmethod(lambda cls, v: _as_list(v)))

    @field_validator("within", mode="before")
    @classmethod
    def _within(cls, value, info: ValidationInfo):
        return _scope(value, info)

    @model_validator(mode="after")
    def _something_to_test(self):
        if self.quoted_count is None and self.exceptions is None:
            raise ValueError("quoted_count: is required: give quoted_count (e.g. 3) or exceptions (the forces that "
                             "did not)")
        return self


class RateClaim(_WithSubject):
    """Offences per 1,000 people: "one crime for every 10 people", "83 crimes per 1,000 residents"."""

    kind: Literal[Kind.RATE] = Kind.RATE
    offence: OffenceName
    quoted_value: UnsignedFigure  # per 1,000, or "one in 12"
    quantifier: QuantifierRef | None = None


AnyClaim = Annotated[
    ChangeClaim | DirectionClaim | EarlierYearsClaim | CausalClaim | GradeClaim | GradeComparisonClaim | CountClaim
    | CountChangeClaim | ComparisonClaim | RankClaim | ForceCountClaim | RateClaim | StreakClaim,
    Field(discriminator="kind"),
]

GRADE_KINDS = (Kind.GRADE, Kind.GRADE_COMPARISON)  # about a force's grades: no period, no figures
PERIODIC_KINDS = tuple(k for k in Kind if k not in GRADE_KINDS)


class SelectionGroup(Strict):
    claims: list[ClaimId] = Field(min_length=1)
    rule: Literal["all_reproduce_then_closest", "closest"] = "closest"


class ClaimFile(Strict):
    """A parsed claim file: the document, the defaults, the selection groups and the claims."""

    path: Path
    schema_version: SchemaVersion
    document: Document
    defaults: Defaults
    selection: list[SelectionGroup]
    claims: list[AnyClaim]

    def claim(self, claim_id: str):
        return next(c for c in self.claims if c.id == claim_id)

    def force_of(self, claim: Claim) -> forces.Force | None:
        return claim.force or self.document.force


def _signed(quoted: Quoted, sign: int) -> Quoted:
    return Quoted(sign * abs(quoted.value), quoted.quantifier, quoted.text, quoted.verbal, quoted.percent,
                  quoted.one_in)


@overload
def figure(claim: CountClaim | CountChangeClaim | RateClaim) -> Quoted: ...
@overload
def figure(claim: ChangeClaim | ComparisonClaim) -> Quoted | None: ...
def figure(claim: ChangeClaim | ComparisonClaim | CountClaim | CountChangeClaim | RateClaim) -> Quoted | None:
    """The claim's quoted figure with its quantifier: a separate ``quantifier`` field overrides words in the value.

    Counts, changes in counts and rates always quote a figure; a change may give a size instead, and a comparison
    quotes one only for a ratio."""
    quoted = claim.quoted_value
    override = claim.quantifier
    if quoted is None or override is None:
        return quoted
    return Quoted(quoted.value, override, quoted.text, quoted.verbal, quoted.percent, quoted.one_in)
