"""The worked examples in docs/claims.md are run, so the documentation cannot drift from what peelstats says.

Each ```yaml block in "The kinds, each with a worked example" and "Periods, editions and what was public" is read
as claims, evaluated on the published files, and its verdict compared with the **verdict** in the quoted result
that follows it. The document each example comes from (its date, and the force "the force" means) is stated here,
beside the example's id, because the docs show only the claim.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from peelstats.claims import evaluate
from peelstats.claims.claim_file import parse_claim_file

pytestmark = pytest.mark.realdata
DOCS = Path(__file__).parents[1] / "docs" / "claims.md"
LETTER = {"date": "2018-06-04", "force": "West Mercia"}
FORCE_5 = {"id": "force-5", "quote": "in West Mercia total recorded crime has only risen by 5%", "kind": "change",
           "subject": "force", "offence": "total recorded crime excluding fraud", "quoted_value": 5}
DOCUMENT_OF = {  # example id -> the document it comes from (the letter unless named)
    "drop-15": {"date": "2012-07-20"}, "ew-count": {"date": "2017-07-20"},
    "northumbria-30000": {"date": "2017-07-20"}, "north-yorkshire-only": {"date": "2017-07-20"},
    "dyfed-powys-rate": {"date": "2017-01-20"}, "cleveland-gap": {"date": "2015-07-17"},
    "norfolk-faster": {"date": "2013-07-18"}, "second-only": {"date": "2014-07-18"},
    "durham-reductions": {"date": "2014-07-17"},
}
VERDICT = re.compile(r"^ *>\s*(?:`(?P<id>[\w-]+)`\s*)?\*\*(?P<verdict>[a-z ]+)\*\*", re.MULTILINE)
BLOCK = re.compile(r"```yaml\n(?P<yaml>.*?)```(?P<after>.*?)(?=```yaml|\Z)", re.DOTALL)


def _examples() -> list[tuple[str, list[dict], dict[str, str]]]:
    text = DOCS.read_text(encoding="utf-8")
    text = text[text.index("## The kinds, each with a worked example"):text.index("## Missing data and breaks")]
    out = []
    for block in BLOCK.finditer(text):
        claims = yaml.safe_load(textwrap.dedent(block["yaml"]))
        verdicts = {m["id"] or claims[0]["id"]: m["verdict"] for m in VERDICT.finditer(block["after"])}
        out.append((claims[0]["id"], claims, verdicts))
    return out


EXAMPLES = _examples()


def test_every_kind_has_a_worked_example_with_its_result():
    kinds = {c["kind"] for _, claims, _ in EXAMPLES for c in claims}
    assert kinds >= {"change", "direction", "earlier_years", "causal", "count", "count_change", "rate",
                     "comparison", "rank", "count_of_forces", "grade", "grade_comparison", "streak"}
    assert all(verdicts for _, _, verdicts in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_worked_example_gives_the_documented_verdict(real_data, example):
    name, claims, verdicts = example
    document = {"id": f"docs-{name}", "title": "docs/claims.md worked example", "author": "peelstats",
                **LETTER, **DOCUMENT_OF.get(name, {})}
    if any((c.get("period") or {}).get("same_as") == "force-5" for c in claims):
        claims = [FORCE_5, *claims]
    parsed = parse_claim_file({"schema": "peelstats-claims/2", "document": document, "claims": claims}, DOCS)
    got = {r["id"]: r["verdict"] for r in evaluate(parsed, data=real_data).records()}
    assert {i: got[i] for i in verdicts} == verdicts
