"""Text from a claim file or a data file is escaped in every HTML output: tables, Markdown, the index, the pages.

A claim file and a data file are built in code (tests/world.py), their text laced with markup; nothing is fetched.
"""

from __future__ import annotations

import json

import nbformat
import pandas as pd
import pytest
import world
import yaml

from peelstats.analysis.comparison import compare
from peelstats.analysis.league_table import league
from peelstats.analysis.revisions import vintages
from peelstats.analysis.trends import trend
from peelstats.claims import evaluate
from peelstats.claims.model import Kind
from peelstats.reporting import claim_views, sections
from peelstats.reporting.execution import to_html
from peelstats.reporting.report import NotebookRun, ReportRun, write_index

SCRIPT = "<script>alert(1)</script>"
EVIL = f'{SCRIPT} <b>x</b> "quotes" & ampersands'
RAW = ("<script>alert(1)", "<b>x</b>")  # never in any output
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
STATED = {"period": {"end": "2018-03-31"}}


def _claim(claim_id, kind, **fields):
    return {"id": claim_id, "quote": f"{claim_id} said {EVIL}", "note": f"read as {EVIL}", "kind": kind, **fields}


CLAIMS = [  # one or more of every kind, including a 'not comparable' one
    _claim("change", "change", offence="total", quoted_value=1.5, **STATED),
    _claim("direction", "direction", offence="total", direction="increase", **STATED),
    _claim("across-break", "change", offence="residential burglary", quoted_value=3, **STATED),
    _claim("earlier", "earlier_years", offence="total", direction="increase", previous_years=2,
           far_less_margin_pp=5, **STATED),
    _claim("why", "causal", offence="total", **STATED),
    _claim("grade", "grade", peel_year="2016", question="overall", quoted_grade="good"),
    _claim("grades", "grade_comparison", peel_year="2017", question="tackling serious and organised crime",
           other_force="Warwickshire", expect="same"),
    _claim("count", "count", offence="total", quoted_value=1000, **STATED),
    _claim("count-change", "count_change", offence="total", quoted_value=100, **STATED),
    _claim("rate", "rate", subject="South Wales", offence="total", quoted_value=30, **STATED),
    _claim("comparison", "comparison", offence="total", relation="below", **STATED),
    _claim("rank", "rank", subject="Gwent", offence="total", order="highest", position=3, **STATED),
    _claim("forces", "count_of_forces", offence="total", direction="decrease", quoted_count=3, **STATED),
    _claim("run", "streak", offence="total", direction="increase", years=3, **STATED),
]


def assert_safe(html: str, *, shows_payload: bool = True) -> None:
    for raw in RAW:
        assert raw not in html
    if shows_payload:
        assert ESCAPED in html


@pytest.fixture(scope="module")
def data():
    """The claims world with a data-file label (the edition) carrying markup."""
    data = world.dataset()
    data.counts = data.counts.assign(edition=f"vintage {EVIL}")
    return data


@pytest.fixture(scope="module")
def evaluation(data, tmp_path_factory):
    path = tmp_path_factory.mktemp("claims") / "claims.yaml"
    path.write_text(yaml.safe_dump({
        "schema": "peelstats-claims/2",
        "document": {"id": "evil", "title": f"Title {EVIL}", "author": f"Author {EVIL}",
                     "recipient": f"Recipient {EVIL}", "date": "2018-06-04", "force": "West Mercia"},
        "defaults": {"sources": ["rec-crime-pfa"]},
        "claims": CLAIMS,
    }, sort_keys=False), encoding="utf-8")
    return evaluate(path, data=data)


def test_every_kind_is_covered(evaluation):
    assert {r["kind"] for r in evaluation.records()} == {str(k) for k in Kind}


def test_claim_tables_and_markdown_escape_claim_text(evaluation):
    assert_safe(sections.verdict_table(evaluation).to_html())
    document = sections.document_markdown(evaluation.document)
    assert_safe(document)
    assert document.count(ESCAPED) == 3  # title, author, recipient
    assert_safe(sections.as_of_markdown(evaluation), shows_payload=False)
    for record in evaluation.records():
        heading = sections.claim_heading(record)
        assert_safe(heading)
        assert f"{record['id']} said {ESCAPED}" in heading
        assert_safe(sections.candidates_table(record).to_html(), shows_payload=bool(record["candidates"]))  # edition


def test_every_claim_view_escapes_data_text(evaluation):
    shown = 0
    for record in evaluation.records():
        view = sections.evidence_view(record)
        if view is not None:
            assert_safe(view.to_html(), shows_payload=False)
            shown += 1
        assert_safe(sections.styled(claim_views.evidence(record)).to_html(), shows_payload=False)
    assert shown
    # the evidence that names the edition shows it, escaped
    earlier = next(r for r in evaluation.records() if r["id"] == "earlier")
    assert_safe(sections.evidence_view(earlier).to_html())


def test_styled_escapes_cells_and_headers():
    frame = pd.DataFrame({EVIL: [EVIL, None], "% change": [1.5, None]})
    html = sections.styled(frame, percents=("% change",)).to_html()
    assert_safe(html)
    assert html.count(ESCAPED) == 2 and "+1.5" in html


def test_force_and_trend_sections_escape_data_text(data):
    result = compare("West Mercia", "total", "2018-03-31", source=world.SOURCE, data=data)
    assert_safe(sections.caveats_markdown(result))
    assert_safe(sections.comparators_table(result).to_html(), shows_payload=False)
    assert_safe(sections.similar_forces_table(result).to_html(), shows_payload=False)
    history = trend("West Mercia", "total", period_end="2018-03-31", data=data)
    assert_safe(sections.trend_table(history).to_html())
    table = league("total", "2018-03-31", source=world.SOURCE, data=data)
    assert_safe(sections.rates_table(table, "West Mercia").to_html(), shows_payload=False)
    assert_safe(sections.vintages_table(vintages("West Mercia", "total", "2018-03-31", data=data)).to_html())
    changes = sections.offence_change_table(sections.offence_trends("West Mercia", "2018-03-31", data=data))
    assert_safe(sections.offence_change_styled(changes).to_html(), shows_payload=False)


def test_notebook_page_keeps_text_escaped(evaluation, tmp_path):
    """Markdown and HTML outputs as the claims notebook displays them, through the report's HTML export."""
    record = next(r for r in evaluation.records() if r["id"] == "earlier")

    def output(mime, text):
        return nbformat.v4.new_output("display_data", data={mime: text})

    cell = nbformat.v4.new_code_cell("", outputs=[
        output("text/markdown", sections.document_markdown(evaluation.document)),
        output("text/html", sections.verdict_table(evaluation).to_html()),
        output("text/markdown", sections.claim_heading(record)),
        output("text/html", sections.evidence_view(record).to_html()),
    ])
    notebook = tmp_path / "letter_claims.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), notebook)
    assert_safe(to_html(notebook).read_text(encoding="utf-8"))


def test_index_escapes_claims_and_figures(tmp_path):
    (tmp_path / "claims.json").write_text(json.dumps([
        {"id": "c1", "quote": EVIL, "verdict": "supported", "measured": EVIL, "reason": EVIL}]), encoding="utf-8")
    (tmp_path / "force_vs_national.json").write_text(json.dumps({"comparison": {
        "force": "West Mercia", "offence": EVIL, "force_change_pct": 1.5, "period": EVIL, "baseline_period": EVIL,
        "england_and_wales_change_pct": 2.0, "rank": 3, "n_forces": 43, "source": EVIL, "edition": EVIL}}),
        encoding="utf-8")
    run = ReportRun("West Mercia", "2018-03-31", tmp_path,
                    [NotebookRun("letter_claims", tmp_path / "letter_claims.ipynb", error=f"ValueError: {EVIL}")])
    assert_safe(write_index(run).read_text(encoding="utf-8"))


def test_index_escapes_the_document_and_the_timing(tmp_path):
    """The document's title, author and recipient (from the claim file) reach the index escaped."""
    (tmp_path / "claims.json").write_text(json.dumps([
        {"id": "c1", "quote": EVIL, "kind": "change", "verdict": "supported", "measured": 1.5, "reason": EVIL,
         "period_end": "2018-03-31", "published": "2018-07-19", "public_on_document_date": False,
         "source": EVIL, "edition": EVIL, "comparator": EVIL, "subject": EVIL, "offence": EVIL, "candidates": []}]),
        encoding="utf-8")
    (tmp_path / "letter_claims.json").write_text(json.dumps({
        "document": {"title": f"Title {EVIL}", "author": f"Author {EVIL}", "recipient": f"Recipient {EVIL}",
                     "date": "2018-06-04", "url": None},
        "latest_public": {"period_end": "2017-12-31", "published": "2018-04-26", "estimated": False}}),
        encoding="utf-8")
    run = ReportRun("West Mercia", "2018-03-31", tmp_path, [NotebookRun("letter_claims", tmp_path / "x.ipynb")])
    page = write_index(run).read_text(encoding="utf-8")
    assert_safe(page)
    assert page.count(ESCAPED) >= 6  # title, author, recipient, quote, reason, source
