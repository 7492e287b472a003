"""Reports a reader trusts at a glance: what the index and the pages show, and how.

* Verdict badges reach WCAG AA contrast (4.5:1), computed from the colours the code uses.
* The index names the claim file's document and says, next to each verdict, whether its figures were public on the
  document's date and what the latest published figures said then.
* Tables read in the GSS style: whole counts with separators, signed percentages, plain-English headers, Yes/No,
  sources by name with links; no analyst's path or papermill instruction on a page; every page links to the index.
* Charts' alt text says what they show (the force's value and rank, the comparators); the league chart's national
  lines are told apart by direct labels, not dash patterns.
* Notebook parameters carry a type and a help line (``papermill --help-notebook``); run with default parameters a
  notebook writes its JSON in the current folder.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest
from matplotlib.text import Text
from synthetic import dataset

from peelstats import config, formats
from peelstats.analysis.comparison import compare
from peelstats.analysis.league_table import league
from peelstats.analysis.trends import trend
from peelstats.ingest.sources import REGISTRY
from peelstats.reporting import labels, plots, sections
from peelstats.reporting.report import NotebookRun, ReportRun, notebooks_dir, report, write_index

NOTEBOOK_NAMES = ("force_vs_national", "offence_trends", "peel_grades", "letter_claims", "policeuk_local")
RAW_IDENTIFIERS = ("ons-pfa-tables", "rec-crime-pfa", "prc-open-data", "baseline_count", "gap_pp", "median_force",
                   "change_pct", "force_count", "n_forces", "source_url", "True", "False", "NaN", "None")
ANALYST_ONLY = ("papermill", "results_dir", "Key figures written", "Verdicts written", "reports/<", "docs/claims.md",
                "peelstats/data", "PEELSTATS_MIRROR")


# ----------------------------------------------------------------------------------------------- helpers


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour given as #RRGGBB."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(one: str, other: str) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def badge_colours(page: str) -> list[tuple[str, str]]:
    """(background, text) of every verdict badge in an HTML page."""
    return re.findall(r'class="verdict" style="background:(#[0-9A-Fa-f]{6});color:(#[0-9A-Fa-f]{6})', page)


def visible_text(page: str) -> str:
    """What a reader sees: tags, scripts and styles removed, entities decoded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def alt_texts(page: str) -> list[str]:
    return [html.unescape(a) for a in re.findall(r'<img [^>]*alt="([^"]*)"', page)]


def raw_identifiers(text: str) -> list[str]:
    """Identifiers meant for code shown as words (a published file's name, e.g. rec-crime-pfa.csv, is allowed)."""
    return [word for word in RAW_IDENTIFIERS if re.search(rf"(?<![\w./-]){re.escape(word)}(?![\w./-])", text)]


def whole_counts_with_decimals(text: str) -> list[str]:
    return re.findall(r"\b\d{1,3}(?:,\d{3})+\.0\b", text)


# ------------------------------------------------------------------------------------- contrast (WCAG AA)


def test_contrast_formula_matches_the_wcag_reference_values():
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("verdict", [*labels.VERDICT_COLOURS, "some future verdict"])
def test_verdict_badges_reach_wcag_aa(verdict):
    background, text = labels.VERDICT_COLOURS.get(verdict, labels.OTHER_VERDICT)
    assert contrast_ratio(background, text) >= 4.5, (verdict, background, text)
    shown = badge_colours(labels.verdict_badge(verdict))  # the badge really uses the tested colours
    assert shown == [(background, text)]
    assert html.escape(verdict) in labels.verdict_badge(verdict)  # the verdict is written, not only coloured


# ----------------------------------------------------------------------------------- the index (no data)

DOCUMENT = {"id": "letter", "title": "PEEL: Police effectiveness 2017", "author": "The Commissioner",
            "recipient": "The Home Secretary", "date": "2018-06-04", "force": "West Mercia", "url": None}
LATEST = {"period_end": "2017-12-31", "published": "2018-04-26", "estimated": False}


def _record(claim_id, subject, comparator, measured, then, **extra):
    late = {"period_end": "2018-03-31", "source": "ons-pfa-tables", "edition": "YE Mar 2018",
            "published": "2018-07-19", "published_estimated": False, "public_on_document_date": False,
            "comparator": comparator, "measured": measured}
    earlier = {**late, "period_end": "2017-12-31", "source": "rec-crime-pfa", "edition": "QE Dec 2018 vintage",
               "published": "2018-04-26", "public_on_document_date": True, "measured": then}
    return {"id": claim_id, "quote": f"{claim_id} quote", "kind": "change", "subject": subject,
            "force": "West Mercia", "offence": "Total recorded crime (excluding fraud)", "verdict": "supported",
            "measured": measured, "comparator": comparator, "period_end": "2018-03-31",
            "baseline_end": "2017-03-31", "source": "ons-pfa-tables", "edition": "YE Mar 2018",
            "published": "2018-07-19", "published_estimated": False, "public_on_document_date": False,
            "reason": "Reproduced only by figures first published later (ons-pfa-tables).",
            "candidates": [earlier, late], **extra}


def _index(tmp_path, records, about=None) -> str:
    (tmp_path / "claims.json").write_text(json.dumps(records), encoding="utf-8")
    if about is not None:
        (tmp_path / "letter_claims.json").write_text(json.dumps(about), encoding="utf-8")
    run = ReportRun("West Mercia", "2018-03-31", tmp_path, [NotebookRun("letter_claims", tmp_path / "x.ipynb")])
    return write_index(run).read_text(encoding="utf-8")


def test_index_names_the_document_and_says_what_was_public_on_its_date(tmp_path):
    grade = {"id": "peel-2016", "quote": "graded good", "kind": "grade", "verdict": "supported", "measured": "Good",
             "period_end": None, "published": None, "public_on_document_date": None, "reason": "graded Good",
             "source": "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/west-mercia/",
             "edition": "PEEL 2016", "candidates": []}
    page = _index(tmp_path, [_record("national-12", "England and Wales", "england_and_wales", 12.86, 15.27),
                             _record("force-5", "West Mercia", "subject", 4.21, 9.46), grade],
                  {"document": DOCUMENT, "latest_public": LATEST})
    text = visible_text(page)
    for shown in ("PEEL: Police effectiveness 2017", "The Commissioner", "The Home Secretary", "4 June 2018"):
        assert shown in text
    table = visible_text(page[page.index("<table"):page.index("</table>")])
    assert "Public on 4 June 2018?" in table and "Latest published on 4 June 2018" in table
    assert table.count("No: first published 19 July 2018, 6 weeks later") == 2
    assert "+15.3% (year ending December 2017)" in table and "+9.5% (year ending December 2017)" in table
    assert "2 of the 3 verdicts rest on figures first published on 19 July 2018, 6 weeks after" in text
    assert "England and Wales (incl. BTP) +15.3%, West Mercia +9.5%" in text
    assert 'href="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/west-mercia/"' in page
    assert f'href="{REGISTRY["ons-pfa-tables"].landing_page}"' in page
    assert not raw_identifiers(text), raw_identifiers(text)
    for background, colour in badge_colours(page):
        assert contrast_ratio(background, colour) >= 4.5


def test_index_prefers_a_records_own_latest_public_figure(tmp_path):
    record = _record("robbery", "West Mercia", "subject", -5.3, None, candidates=[],
                     latest_public={"period_end": "2017-12-31", "measured": -3.8})
    text = visible_text(_index(tmp_path, [record], {"document": DOCUMENT, "latest_public": LATEST}))
    assert "\u22123.8% (year ending December 2017)" in text  # a true minus sign on a page


def test_index_without_the_document_file_still_lists_the_verdicts(tmp_path):
    text = visible_text(_index(tmp_path, [_record("force-5", "West Mercia", "subject", 4.21, 9.46)]))
    assert "force-5" in text and "supported" in text and "+4.2%" in text


# ------------------------------------------------------------------------------------- tables (no data)


def test_styled_tables_follow_the_gss_style():
    frame = pd.DataFrame({"Area": ["West Mercia", "England and Wales"], "Count": [84342.0, 4876282.0],
                          "Rank": [5.0, None], "% change": [4.208, -12.0], "Comparable": [True, False],
                          "Source": ["ons-pfa-tables", "rec-crime-pfa"],
                          "Link": ["https://example.org/a?b=1&c=2", None]})
    page = sections.styled(frame, kinds={"Source": "source"}).to_html()
    text = visible_text(page)
    assert "84,342" in text and "4,876,282" in text and not whole_counts_with_decimals(text)
    assert "+4.2%" in text and "\u221212.0%" in text and " 5 " in text
    assert "Yes" in text and "No" in text and not raw_identifiers(text)
    assert "ONS Police Force Area data tables" in text
    assert f'href="{REGISTRY["rec-crime-pfa"].landing_page}"' in page
    assert 'href="https://example.org/a?b=1&amp;c=2">example.org</a>' in page


def test_every_source_links_to_its_registered_landing_page():
    for source_id, source in REGISTRY.items():
        assert labels.source_url(source_id) == source.landing_page
        assert f'href="{source.landing_page}"' in labels.source_link(source_id, "an edition")
        assert labels.source_name(source_id) != source_id and " " in labels.source_name(source_id)
    assert labels.readable("ons-pfa-tables, YE Mar 2018; per 1,000 population") == \
        "ONS Police Force Area data tables, YE Mar 2018; per 1,000 population"  # plain words stay


# ------------------------------------------------------------------------------------- charts (synthetic)


@pytest.fixture(scope="module")
def data():
    return dataset()


def test_league_chart_alt_text_and_direct_labels(data):
    table = league("robbery", "2018-03-31", data=data)
    result = compare("west mercia", "robbery", "2018-03-31", data=data)
    fig = plots.force_changes(table, "West Mercia", result)
    alt = fig.alt_text()
    rank = int(table.table.set_index("force").loc["West Mercia", "rank"])
    assert f"West Mercia: \u22125.3%, rank {rank} of" in alt
    labelled = 0
    for comparator in ("England and Wales (incl. BTP)", "Median of force % changes", "Sum of territorial forces"):
        found = result.comparator(comparator)
        if found.change_pct is None:  # not in this small synthetic world
            continue
        labelled += 1
        name, value = labels.comparator_label(comparator, found.definition), formats.page_pct(found.change_pct)
        assert f"{name}: {value}" in alt  # the comparators' values, not only the title
        assert f"{name} {value}" in " ".join(t.get_text() for t in fig.findobj(Text))  # labelled lines
    assert labelled >= 1  # the synthetic world is small; tests/test_plots.py labels all three (Gwent's case)
    lines = [line for line in fig.axes[0].get_lines() if line.get_linestyle() not in ("-", "None")]
    assert not lines  # no dash pattern carries meaning
    assert fig._repr_mimebundle_()["text/html"].count(html.escape(alt, quote=True)) == 1


def test_trend_and_small_multiples_alt_text_give_value_rank_and_comparators(data):
    history = trend("west mercia", "robbery", data=data)
    alt = plots.trend_chart(history).alt_text()
    last = history.table.iloc[-1]
    assert f"West Mercia {formats.page_pct(last.force_change_pct)}, rank {int(last['rank'])} of" in alt
    assert f"England and Wales {formats.page_pct(last.england_and_wales_change_pct)}" in alt and "median force" in alt
    trends = {name: trend("west mercia", name, data=data) for name in ("robbery", "burglary")}
    alt = plots.offence_small_multiples(trends, "West Mercia").alt_text()
    assert "West Mercia" in alt and "Robbery \u22125.3%, rank" in alt and "England and Wales" in alt


# --------------------------------------------------------------------------------- notebooks (no data)


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_every_parameter_has_a_type_and_help(name):
    path = notebooks_dir() / f"{name}.ipynb"
    parameters = papermill.inspect_notebook(str(path))
    assert parameters and "results_dir" in parameters
    for parameter, about in parameters.items():
        assert about["inferred_type_name"] not in ("None", ""), (name, parameter)
        assert len(about["help"]) > 10, (name, parameter)
    assert parameters["results_dir"]["default"] == '"."'  # the current folder, never a checkout's reports/
    shown = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(path)], capture_output=True,
                           text=True, check=True).stdout
    assert "Unknown type" not in shown and all(p in shown for p in parameters)


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_intro_has_no_analyst_instructions_and_links_the_index(name):
    notebook = nbformat.read(notebooks_dir() / f"{name}.ipynb", as_version=4)
    intro = notebook.cells[0].source
    assert "](index.html)" in intro.splitlines()[0]
    assert not [words for words in ANALYST_ONLY if words in intro]
    assert "`results_dir`" not in intro and "<force>" not in intro


@pytest.mark.slow
def test_a_notebook_run_with_its_defaults_writes_beside_its_output(tmp_path):
    """As in JupyterLab: no parameters given, the kernel's folder is the notebook's; the JSON lands there."""
    papermill.execute_notebook(str(notebooks_dir() / "peel_grades.ipynb"), str(tmp_path / "peel_grades.ipynb"),
                               kernel_name="python3", cwd=str(tmp_path), progress_bar=False)
    assert json.loads((tmp_path / "peel_grades.json").read_text())["force"] == "West Mercia"
    assert not (tmp_path / "reports").exists()


def test_a_notebook_opened_where_it_ships_writes_outside_the_package(monkeypatch):
    """`make lab` opens the notebooks inside the package: their JSON goes to reports/lab/, never beside them."""
    monkeypatch.chdir(notebooks_dir())
    folder = sections.results_folder(".")
    package = Path(sections.__file__).resolve().parents[1]
    assert not folder.resolve().is_relative_to(package)
    assert folder.parts[-2:] == ("reports", "lab") or folder.name == "peelstats-lab"
    assert sections.results_folder(str(notebooks_dir().parent.parent / "elsewhere")).name == "elsewhere"


# ------------------------------------------------------------------------- claims shown on pages (no data)


def test_every_claim_kind_has_a_view():
    from peelstats.claims.model import Kind
    from peelstats.reporting import claim_views

    assert set(claim_views.VIEWS) == {k.value for k in Kind}


def test_a_streak_shows_each_year_of_the_run_with_its_change():
    import world

    from peelstats.claims import evaluate
    from peelstats.claims.claim_file import parse_claim_file
    from peelstats.reporting import claim_views

    raw = {"schema": "peelstats-claims/2", "document": {"id": "t", "title": "T", "author": "A", "date": "2019-08-01"},
           "defaults": {"sources": ["rec-crime-pfa"]},
           "claims": [{"id": "s", "quote": "risen for the fifth year in a row", "kind": "streak",
                       "subject": "West Mercia", "offence": "total", "direction": "increase", "years": 5,
                       "period": {"end": "2019-03-31"}}]}
    record = evaluate(parse_claim_file(raw, "t.yaml"), data=world.dataset()).records()[0]
    shown = claim_views.evidence(record)
    assert list(shown.frame.columns) == ["Year ending", "% change on a year earlier", "Comparable with a year earlier"]
    assert len(shown) == 5 and shown.frame["Year ending"].iloc[-1] == "2019-03-31"
    assert "Source" in shown.caption


def test_index_says_a_grade_is_not_a_figure_and_when_the_latest_figures_give_none(tmp_path):
    grade = {"id": "peel-2016", "quote": "graded good", "kind": "grade", "verdict": "supported", "measured": "Good",
             "period_end": None, "published": None, "public_on_document_date": None, "reason": "graded Good",
             "source": "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/west-mercia/",
             "edition": "PEEL 2016", "candidates": []}
    alliance = {**grade, "id": "peel-alliance", "kind": "grade_comparison", "source": None, "edition": "PEEL 2017",
                "measured": "Inadequate vs Requires improvement", "evidence": {"side_by_side": [
                    {"pillar": "Effectiveness", "question": "tackling serious and organised crime",
                     "West Mercia": "Inadequate", "West Mercia source": "https://www.shropshirestar.com/news/x",
                     "Warwickshire": "Requires improvement",
                     "Warwickshire source": "https://www.justiceinspectorates.gov.uk/hmicfrs/peel/w", "same": False},
                    {"pillar": "Effectiveness", "question": "overall", "West Mercia": "Requires improvement",
                     "West Mercia source": "https://example.org/same", "Warwickshire": "Requires improvement",
                     "Warwickshire source": "https://example.org/same2", "same": True}]}}
    burglary = _record("burglary", "West Mercia", "subject", -4.2, None, verdict="not comparable",
                       latest_public={"period_end": "2017-12-31", "measured": None, "shown": None})
    causal = _record("prevention", "West Mercia", "subject", 4.2, None, kind="causal",
                     verdict="not testable with these data", candidates=[],
                     latest_public={"period_end": "2017-12-31", "measured": None})
    page = _index(tmp_path, [grade, alliance, burglary, causal], {"document": DOCUMENT, "latest_public": LATEST})
    table = page[page.index("<table"):page.index("</table>")]
    rows = {re.search(r"class=[\"']id[\"']>([^<]+)<", row).group(1): row for row in table.split("<tr>")[2:]}
    for claim in ("peel-2016", "peel-alliance"):
        assert "Not a figure: a PEEL grade" in visible_text(rows[claim])  # no blank cells for a grade
    assert "No comparable figure (year ending December 2017)" in visible_text(rows["burglary"])
    assert "Not testable (year ending December 2017)" in visible_text(rows["prevention"])
    # the alliance claim's source: each force's page for the grades that differ, as links
    assert 'href="https://www.shropshirestar.com/news/x"' in rows["peel-alliance"]
    assert 'href="https://www.justiceinspectorates.gov.uk/hmicfrs/peel/w"' in rows["peel-alliance"]
    assert "example.org" not in rows["peel-alliance"] and "PEEL 2017" in rows["peel-alliance"]
    assert "\u22124.2%" in visible_text(rows["burglary"])  # a true minus sign


def test_an_unknown_author_is_left_out(tmp_path):
    document = {**DOCUMENT, "author": "unknown", "recipient": None, "title": "Claims in letter.txt"}
    text = visible_text(_index(tmp_path, [_record("force-5", "West Mercia", "subject", 4.21, 9.46)],
                               {"document": document, "latest_public": LATEST}))
    assert "unknown" not in text.lower() and "Claims in letter.txt" in text and "4 June 2018" in text
    shown = sections.document_markdown(document)
    assert "unknown" not in shown and "4 June 2018" in shown and "/" not in shown


def test_a_text_documents_title_is_its_heading_or_its_file_name_never_a_path():
    from peelstats.reporting.report import document_title

    letter = "Rt Hon A Minister\nHome Office\n\nDear Minister,\n\nPEEL: Police effectiveness 2017\n\nI write..."
    assert document_title("/home/me/letters/letter.txt", letter) == "PEEL: Police effectiveness 2017"
    assert document_title("/home/me/notes.txt", "Re: crime figures for 2018\nBody.") == "crime figures for 2018"
    long = "Crime in West Mercia rose by 5% last year, the commissioner said, against 12% nationally."
    assert document_title("/home/me/notes.txt", long) == "Claims in notes.txt"


def test_rank_claims_show_the_position_of_how_many_and_say_which_way_they_count():
    from peelstats.reporting import claim_views

    standings = [{"force": "West Mercia", "position": 1, "out_of": 43, "value": 35.2, "tied_with": []}]
    order = [{"force": "West Mercia", "position": 1, "out_of": 43, "value": 35.2},
             {"force": "Kent", "position": 2, "out_of": 43, "value": 34.7}]
    record = {"id": "rank-1", "kind": "rank", "measured": 1.0, "measured_text": None, "verdict": "supported",
              "source": "ons-pfa-tables", "edition": "YE Mar 2018", "period_end": "2018-03-31",
              "evidence": {"standings": standings, "order": order, "measure": "change", "descending": True},
              "candidates": [{"period_end": "2017-12-31", "source": "rec-crime-pfa", "edition": "QE Dec 2018",
                              "comparator": "the 43 forces", "measured": 3.0, "verdict": "partly supported",
                              "published": "2018-04-26", "public_on_document_date": True}]}
    assert formats.measured_figure(record) == "1st of 43"
    assert formats.measured_figure({**record, "measured_text": "1st of 43"}) == "1st of 43"
    table = claim_views.evidence(record)
    assert list(table.frame.columns)[0] == "Position (largest rise first)" and table.frame.iloc[0, 0] == "1st"
    assert "rank 1 is the lowest change" in table.caption  # the chart counts the other way: said
    candidates = visible_text(sections.candidates_table(record).to_html())
    assert "3rd of 43" in candidates


def test_page_tables_use_a_true_minus_sign_and_no_sign_on_zero():
    frame = pd.DataFrame({"Area": ["A", "B"], "% change": [-5.317, 0.004], "Gap (pp)": [0.0, -1.25],
                          "Revised by": [-12.0, 0.0]})
    text = visible_text(sections.styled(frame, kinds={"Gap (pp)": "pp", "Revised by": "signed_count"}).to_html())
    assert "\u22125.3%" in text and "0.0%" in text and "+0.0" not in text and "-0.0" not in text
    assert "0.0 pp" in text and "\u22121.2 pp" in text and "\u221212" in text
    assert "-5.3" not in text  # no hyphen-minus for a negative figure on a page
    assert formats.minus("YE Mar 2015 -9.3%; 2017-18; peel-2016; (-3.8%)") == \
        "YE Mar 2015 \u22129.3%; 2017-18; peel-2016; (\u22123.8%)"


def test_a_comparators_label_says_how_many_forces_it_sums():
    assert labels.comparator_label("Sum of territorial forces", "England and Wales excluding BTP: sum of 42 "
                                    "forces") == "Sum of 42 territorial forces"
    assert labels.comparator_label("Median of force % changes", "median of 41 force % changes") == \
        "Median of 41 force % changes"
    assert labels.comparator_label("England and Wales (incl. BTP)", "ONS published") == \
        "England and Wales (incl. BTP)"


# ---------------------------------------------------------------------------------- PEEL grades (no data)


def test_peel_grades_put_overall_first_and_leave_out_rows_neither_force_has():
    pivot = sections.grade_pivot("West Mercia").reset_index()
    for pillar in pivot.pillar.unique():
        assert pivot[pivot.pillar == pillar].question.iloc[0] == "overall", pillar
    assert list(dict.fromkeys(pivot.pillar)) == ["Effectiveness", "Efficiency", "Legitimacy"]
    partner, table = sections.alliance_grades("West Mercia")
    assert partner == "Warwickshire" and len(table)
    assert (table["West Mercia"].notna() | table["Warwickshire"].notna()).all()
    for _, year in table.groupby("peel_year"):
        assert year.question.iloc[0] == "overall"
    shown = visible_text(sections.side_by_side_view(table).to_html())
    assert "not in the table" in shown  # a grade the curated table lacks says so, not a blank


def test_peel_grades_say_which_years_the_curated_table_lacks():
    from peelstats.reference import grades

    every = sorted(set(grades.grades_table().peel_year))
    note = sections.grade_coverage_markdown("Gwent")
    held = sorted(set(grades.history("Gwent").peel_year))
    assert all(year in note for year in held)
    missing = [y for y in every if y not in held]
    if missing:
        assert "not in the table" in note and all(year in note for year in missing)
    assert "every PEEL year" in sections.grade_coverage_markdown("West Mercia") or "not in" in \
        sections.grade_coverage_markdown("West Mercia")


# --------------------------------------------------------------------------- the real report, end to end


@pytest.fixture(scope="module")
def letter_report(real_data, tmp_path_factory):
    out = tmp_path_factory.mktemp("presentation")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(config.DATA_DIR_ENV, str(real_data.folder.parent))
        run = report(out=out)
    assert not run.failed, [(n.name, n.error) for n in run.failed]
    return run.folder


def pages(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))}


@pytest.mark.realdata
@pytest.mark.slow
def test_real_index_shows_the_letter_and_its_timing(letter_report):
    page = (letter_report / "index.html").read_text(encoding="utf-8")
    text = visible_text(page)
    for shown in ("HMICFRS PEEL Inspection Reports: PEEL: Police effectiveness 2017",
                  "John Campion, Police and Crime Commissioner for West Mercia", "Rt Hon Sajid Javid MP",
                  "4 June 2018"):
        assert shown in text
    table = page[page.index("<table"):page.index("</table>")]
    rows = {re.search(r"class=[\"']id[\"']>([^<]+)<", row).group(1): visible_text(row)
            for row in table.split("<tr>")[2:]}
    for claim, then in (("national-12", "+15.3%"), ("force-5", "+9.5%")):
        assert "supported" in rows[claim]
        assert "No: first published 19 July 2018, 6 weeks later" in rows[claim]
        assert f"{then} (year ending December 2017)" in rows[claim]
    assert "Yes" not in rows["peel-2016"] and "No:" not in rows["peel-2016"]


@pytest.mark.realdata
@pytest.mark.slow
def test_real_pages_read_as_gss_tables(letter_report):
    for name, page in pages(letter_report).items():
        text = visible_text(page)
        assert not whole_counts_with_decimals(text), (name, whole_counts_with_decimals(text)[:3])
        assert not raw_identifiers(text), (name, raw_identifiers(text))
        assert not [words for words in ANALYST_ONLY if words in text], name
        assert str(letter_report) not in text and "/tmp/" not in text, name
        if name != "index":
            assert 'href="index.html"' in page, name


@pytest.mark.realdata
@pytest.mark.slow
def test_real_pages_say_why_editions_disagree(letter_report):
    national = visible_text((letter_report / "force_vs_national.html").read_text(encoding="utf-8"))
    assert "count 84,350 here, 84,342 in the headline" in national and "rank 4 against 5" in national
    assert "QE Dec 2018 vintage" in national and "YE Mar 2018 (v2, North Wales revised)" in national
    assert "ONS revises earlier figures" in national
    trends = visible_text((letter_report / "offence_trends.html").read_text(encoding="utf-8"))
    assert "robbery \u22125.7% here, \u22125.3% there" in trends and "ONS revises earlier figures" in trends


@pytest.mark.realdata
@pytest.mark.slow
def test_real_chart_alt_text_states_the_force_rank_and_comparators(letter_report):
    alts = alt_texts((letter_report / "force_vs_national.html").read_text(encoding="utf-8"))
    league_alt = next(a for a in alts if a.startswith("Dot chart"))
    assert "West Mercia: +4.2%, rank 5 of 43" in league_alt
    assert "England and Wales (incl. BTP): +12.9%" in league_alt and "Median of 43 force % changes: +11.6%" in \
        league_alt
    trend_alt = next(a for a in alts if a.startswith("Line chart"))
    assert "West Mercia +4.2%, rank 4 of 43" in trend_alt
    for name in ("offence_trends", "letter_claims"):
        assert all("West Mercia" in a and "rank" in a
                   for a in alt_texts((letter_report / f"{name}.html").read_text(encoding="utf-8")))


@pytest.mark.realdata
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs headless Chromium to lay the pages out")
def test_real_pages_fit_a_1300_pixel_window(letter_report, tmp_path):
    probe = ("<script>window.addEventListener('load',()=>{const e=document.documentElement;"
             "document.body.setAttribute('data-width',e.scrollWidth+'/'+e.clientWidth);});</script>")
    for name, page in pages(letter_report).items():
        copy = tmp_path / f"{name}.html"
        copy.write_text(page.replace("</body>", probe + "</body>"), encoding="utf-8")
        dom = subprocess.run(["chromium", "--headless", "--disable-gpu", "--no-sandbox", "--window-size=1300,2000",
                              "--virtual-time-budget=5000", "--dump-dom", copy.as_uri()],
                             capture_output=True, text=True, timeout=180).stdout
        width = re.search(r'data-width="(\d+)/(\d+)"', dom)
        assert width, name
        assert int(width.group(1)) <= int(width.group(2)) <= 1300, (name, width.groups())  # no horizontal scroll


@pytest.mark.realdata
@pytest.mark.slow
def test_real_pages_name_the_force_and_period_and_load_nothing_from_elsewhere(letter_report):
    for name, page in pages(letter_report).items():
        title = re.search(r"<title>([^<]*)</title>", page).group(1)
        assert "West Mercia" in title and "2018" in title, (name, title)
        assert not re.findall(r"<script[^>]+src=", page), name  # no MathJax, require.js or mermaid from a CDN
        assert "cdnjs" not in page and "mathjax" not in page.lower(), name
        text = visible_text(page)
        assert "+0.0 pp" not in text and "-0.0" not in text, name
        assert not re.search(r"(?<![\w.\-])-\d", text), (name, re.findall(r".{30}(?<![\w.\-])-\d.{10}", text)[:3])


@pytest.mark.realdata
@pytest.mark.slow
def test_real_claims_page_shows_each_chart_once_and_each_source_once(letter_report):
    page = (letter_report / "letter_claims.html").read_text(encoding="utf-8")
    alts = alt_texts(page)
    league = [a for a in alts if a.startswith("Dot chart") and "total recorded crime" in a]
    assert len(league) == 1  # national-12, force-5 and prevention share one chart: drawn once, referred to twice
    assert page.count('href="#claim-national-12"') == 2 and 'id="claim-national-12"' in page
    text = visible_text(page)
    robbery = " ".join(text[text.index("robbery: SUPPORTED"):text.index("prevention:")].split())
    assert robbery.count("Source:") == 1, robbery  # named once, under the evidence table
    definition = robbery[robbery.index("Definition:"):robbery.index("Source:")]
    assert "data tables" not in definition and "YE Mar 2018" not in definition, definition
    assert "Sum of 42 territorial forces" in robbery and "sum of 42 forces" in robbery  # label as summed


@pytest.mark.realdata
@pytest.mark.slow
def test_real_index_has_no_blank_timing_cells(letter_report):
    page = (letter_report / "index.html").read_text(encoding="utf-8")
    table = page[page.index("<table"):page.index("</table>")]
    for row in table.split("<tr>")[2:]:
        cells = re.findall(r"<td>(.*?)</td>", row, flags=re.S)
        assert all(visible_text(cell).strip() for cell in cells[1:4]), visible_text(row)[:120]
