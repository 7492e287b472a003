"""Reading claim files: YAML in, a validated :class:`~peelstats.claims.model.ClaimFile` out, or every problem at once.

Each problem is one line naming the file, the claim id and the field (``claims.yaml: claim 'force-5': field
'quoted_value': must be a number, got 'five'``). Nothing is computed until the whole file is valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from peelstats.claims.model import (
    GRADE_KINDS,
    SCHEMA_V1,
    SCHEMA_V2,
    SCHEMAS,
    V1_KINDS,
    AnyClaim,
    ClaimFile,
    Defaults,
    Document,
    Kind,
    SelectionGroup,
)
from peelstats.errors import (
    ClaimFileError,  # noqa: F401 - raised here, importable from here
    )

_CLAIM = TypeAdapter(AnyClaim)
KINDS = tuple(k.value for k in Kind)


@dataclass(frozen=True)
class Problem:
    claim_id: str | None
    field: str | None
    message: str

    def line(self, path) -> str:
        where = str(path)
        if self.claim_id:
            where += f": claim {self.claim_id!r}"
        if self.field:
            where += f": field {self.field!r}"
        return f"{where}: {self.message}"



class _Loader(yaml.SafeLoader):
    """YAML without implicit dates: '2018-13-45' stays text, so the claim model can say what is wrong with it."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# figures that can be reproduced or not on a period: a group of them shares one period (and source)
SELECTABLE_KINDS = (Kind.CHANGE, Kind.COUNT, Kind.COUNT_CHANGE, Kind.RATE)


def bundled() -> list[Path]:
    """Claim files shipped with peelstats."""
    folder = resources.files("peelstats.claims.bundled")
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
    if path.exists():
        raise ClaimFileError(path, [Problem(None, None, "is not a file")])
    raise ClaimFileError(name_or_path, [Problem(None, None, f"no such file, and no bundled claim file of that name "
                                                            f"({names})")])


def read_text(path: Path) -> dict:
    """The YAML mapping in ``path``, or a one-line error saying why not."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ClaimFileError(path, [Problem(None, None, f"is not UTF-8 text (byte {error.start}); save it as "
                                                        "UTF-8")]) from None
    except OSError as error:
        raise ClaimFileError(path, [Problem(None, None, f"cannot be read ({error.strerror})")]) from None
    try:
        raw = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ClaimFileError(path, [Problem(None, None, f"not valid YAML{where}: {problem}")]) from None
    if not isinstance(raw, dict):
        raise ClaimFileError(path, [Problem(None, None, "must be a mapping with 'schema', 'document' and 'claims'")])
    return raw


def load_claim_file(name_or_path: str | Path | None = None) -> ClaimFile:
    path = resolve(name_or_path)
    return parse_claim_file(read_text(path), path)


def parse_claim_file(raw: dict, path) -> ClaimFile:
    """Validate a claim file's content; raise :class:`ClaimFileError` with every problem found."""
    problems: list[Problem] = []
    schema = raw.get("schema")
    if schema not in SCHEMAS:
        problems.append(Problem(None, "schema", f"must be {SCHEMA_V1!r} or {SCHEMA_V2!r}, got {schema!r}"))
    unknown = sorted(set(raw) - {"schema", "document", "defaults", "selection", "claims"})
    if unknown:
        problems.append(Problem(None, unknown[0], "is not a top-level key (schema, document, defaults, selection, "
                                                  "claims)"))
    document = _validate(Document, raw.get("document"), "document", problems)
    if schema == SCHEMA_V1 and document is not None and document.force is None:
        problems.append(Problem(None, "document.force", "is required"))
    defaults = _validate(Defaults, raw.get("defaults") or {}, "defaults", problems)
    given_force = isinstance(raw.get("document"), dict) and raw["document"].get("force")
    context = {"force": document.force if document else None, "force_unknown": document is None and given_force}
    claims, raw_claims = [], raw.get("claims")
    if not isinstance(raw_claims, list) or not raw_claims:
        problems.append(Problem(None, "claims", "must be a non-empty list of claims"))
        raw_claims = []
    ids: list[str] = []
    for number, item in enumerate(raw_claims, start=1):
        claim = _validate_claim(item, number, schema, context, problems)
        if claim is not None:
            claims.append(claim)
        if isinstance(item, dict) and item.get("id"):
            ids.append(str(item["id"]))
    problems += _cross_checks(raw_claims, ids, claims)
    if not context["force"] and not context["force_unknown"]:  # a grade belongs to one force
        problems += [Problem(c.id, "force", "is required (the claim's, or the document's `force`): a grade "
                                            "belongs to one force")
                     for c in claims if c.kind in GRADE_KINDS and c.force is None]
    selection = []
    groups = raw.get("selection") or []
    if not isinstance(groups, list):
        problems.append(Problem(None, "selection", "must be a list of {claims: [...], rule: ...}"))
        groups = []
    for number, group in enumerate(groups, start=1):
        parsed = _validate(SelectionGroup, group, f"selection[{number}]", problems)
        if parsed is None:
            continue
        by_id = {c.id: c for c in claims}
        for claim_id in parsed.claims:
            if claim_id not in ids:
                problems.append(Problem(claim_id, f"selection[{number}].claims", "no such claim"))
            elif claim_id in by_id and by_id[claim_id].kind not in SELECTABLE_KINDS:
                kinds = ", ".join(repr(str(k)) for k in SELECTABLE_KINDS)
                problems.append(Problem(claim_id, f"selection[{number}].claims", f"only {kinds} claims are selected"))
        selection.append(parsed)
    if problems:
        raise ClaimFileError(path, problems)
    assert schema in SCHEMAS  # else a problem was raised above
    return ClaimFile(path=Path(path), schema_version=schema, document=document, defaults=defaults,
                     selection=selection, claims=claims)


def _validate(model, value, prefix: str, problems: list[Problem]):
    if value is None:
        problems.append(Problem(None, prefix, "is required"))
        return None
    try:
        return model.model_validate(value)
    except ValidationError as error:
        problems += [Problem(None, _field(prefix, loc), message) for loc, message in _messages(error, None)]
        return None


def _validate_claim(item, number: int, schema, context: dict, problems: list[Problem]):
    label = f"#{number}"
    if not isinstance(item, dict):
        problems.append(Problem(label, None, "each claim must be a mapping"))
        return None
    claim_id = str(item.get("id") or label)
    kind = item.get("kind")
    if schema == SCHEMA_V1 and kind in KINDS and Kind(kind) not in V1_KINDS:
        problems.append(Problem(claim_id, "kind", f"{kind!r} needs schema {SCHEMA_V2!r}"))
        return None
    try:
        return _CLAIM.validate_python(item, context=context)
    except ValidationError as error:
        kind_text = kind if kind in KINDS else None
        problems += [Problem(claim_id, _field(None, loc), message) for loc, message in _messages(error, kind_text)]
        return None


_FIELD_IN_MESSAGE = re.compile(r"^([a-z_]+(?:\.[a-z_]+)*): (.*)$", re.DOTALL)


def _cross_checks(raw_claims: list, ids: list[str], claims: list) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for claim_id in ids:
        if claim_id in seen:
            problems.append(Problem(claim_id, "id", "duplicated"))
        seen.add(claim_id)
    by_id = {c.id: c for c in claims}  # with duplicated ids the last wins: references are still checked
    for claim in claims:
        target = claim.period.same_as
        if target is None:
            continue
        if target not in seen:
            problems.append(Problem(claim.id, "period.same_as", f"refers to unknown claim {target!r}"))
            continue
        if target in by_id and by_id[target].kind in GRADE_KINDS:
            problems.append(Problem(claim.id, "period.same_as", f"refers to {target!r}, a grade claim, which has "
                                    "no period: name a claim about figures"))
            continue
        chain, current = [claim.id], target
        while current in by_id and by_id[current].period.same_as:
            if current in chain:
                problems.append(Problem(claim.id, "period.same_as", f"goes round in a circle ({' -> '.join(chain)})"))
                break
            chain.append(current)
            current = by_id[current].period.same_as
    return problems


def _field(prefix: str | None, loc: tuple) -> str | None:
    parts = [str(p) for p in loc if not isinstance(p, int)]
    if prefix:
        parts.insert(0, prefix)
    return ".".join(parts) or None


def _messages(error: ValidationError, kind: str | None) -> list[tuple[tuple, str]]:
    out = []
    for item in error.errors(include_url=False):
        if item["type"] == "force_unknown":
            continue  # the document's force is reported once, on the document
        loc = tuple(item["loc"])
        if kind and loc and loc[0] == kind:
            loc = loc[1:]  # the union's tag
        message = _message(item, kind)
        if item["type"].startswith("union_tag"):
            loc = ("kind",)
        elif not loc:  # a check across fields names the field it is about: "quoted_value: is required..."
            match = _FIELD_IN_MESSAGE.match(message)
            if match:
                loc, message = tuple(match.group(1).split(".")), match.group(2)
        out.append((loc, message))
    return list(dict.fromkeys(out))


def _message(item: ErrorDetails, kind: str | None) -> str:
    kind_of = f" for kind {kind!r}" if kind else ""
    given = item.get("input")
    ctx = item.get("ctx") or {}
    text = {
        "missing": f"is required{kind_of}",
        "extra_forbidden": f"is not a field{kind_of}",
        "union_tag_invalid": f"must be one of {', '.join(KINDS)}; got {ctx.get('tag')!r}",
        "union_tag_not_found": f"is required: one of {', '.join(KINDS)}",
        "int_type": f"must be a whole number, got {given!r}",
        "int_parsing": f"must be a whole number, got {given!r}",
        "int_from_float": f"must be a whole number, got {given!r}",
        "float_type": f"must be a number, got {given!r}",
        "float_parsing": f"must be a number, got {given!r}",
        "bool_parsing": f"must be true or false, got {given!r}",
        "list_type": f"must be a list, got {given!r}",
        "dict_type": f"must be a mapping, got {given!r}",
        "model_type": f"must be a mapping, got {given!r}",
        "model_attributes_type": f"must be a mapping, got {given!r}",
        "string_type": f"must be text, got {given!r}",
        "string_too_short": "is required: it is empty",
        "too_short": f"must not be empty, got {given!r}",
        "string_pattern_mismatch": f"must be lower-case letters, digits and hyphens, got {given!r}",
        "literal_error": f"must be {ctx.get('expected')}; got {given!r}",
        "enum": f"must be {ctx.get('expected')}; got {given!r}",
    }.get(item["type"])
    if text is None and item["type"] in ("greater_than", "greater_than_equal", "less_than_equal", "less_than"):
        bound = {"greater_than": f"more than {ctx.get('gt')}", "greater_than_equal": f"at least {ctx.get('ge')}",
                 "less_than_equal": f"at most {ctx.get('le')}", "less_than": f"less than {ctx.get('lt')}"}
        text = ("must be positive" if ctx.get("gt") == 0 else f"must be {bound[item['type']]}") + f", got {given!r}"
    if text is None:
        text = item["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return text
