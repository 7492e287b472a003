"""Every notebook runs under papermill, on the real files (via the report) and on synthetic data; outputs asserted."""

from __future__ import annotations

import json

import nbformat
import papermill
import pytest
from builders import synthetic_mirror

from peelstats import config
from peelstats.claims import VERDICTS
from peelstats.ingest.build import build
from peelstats.ingest.cache import RawCache
from peelstats.ingest.fetch import fetch
from peelstats.reporting.report import notebooks_dir


@pytest.fixture(scope="module")
def synthetic_data_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    mirror = synthetic_mirror(root / "mirror")
    cache = RawCache(root / "data" / "raw")
    fetch(["ons-pfa-tables", "rec-crime-pfa", "prc-open-data"], cache=cache, mirror=str(mirror))
    build(cache=cache, out_dir=root / "data" / "processed")
    return root / "data"


def execute(name, tmp_path, **parameters):
    out = tmp_path / f"{name}.ipynb"
    papermill.execute_notebook(str(notebooks_dir() / f"{name}.ipynb"), str(out),
                               parameters={"results_dir": str(tmp_path), **parameters}, kernel_name="python3",
                               cwd=str(tmp_path), progress_bar=False)
    return nbformat.read(out, as_version=4)


def test_notebooks_are_committed_clean():
    for path in sorted(notebooks_dir().glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert not any(c.outputs or c.execution_count for c in code), path.name
        assert "parameters" in code[0].metadata.get("tags", []), path.name
        assert nb.cells[0].cell_type == "markdown" and "Parameters" in nb.cells[0].source, path.name


@pytest.mark.slow
def test_notebooks_on_synthetic_data(synthetic_data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(config.DATA_DIR_ENV, str(synthetic_data_dir))
    execute("force_vs_national", tmp_path, force="west-mercia", period_end="2018-03-31")
    figures = json.loads((tmp_path / "force_vs_national.json").read_text())
    comparison = figures["comparison"]
    assert comparison["force"] == "West Mercia" and comparison["source"] == "ons-pfa-tables"
    assert comparison["force_count"] == 600 and round(comparison["force_change_pct"], 1) == 4.2
    assert len(figures["league"]) == 43

    execute("offence_trends", tmp_path, force="West Mercia", period_end="2018-03-31")
    trends = json.loads((tmp_path / "offence_trends.json").read_text())
    assert trends["force"] == "West Mercia" and trends["offences"]

    execute("letter_claims", tmp_path)
    claims = json.loads((tmp_path / "claims.json").read_text())
    assert len(claims) == 10 and {c["verdict"] for c in claims} <= set(VERDICTS)
    assert (tmp_path / "claims.csv").read_text().startswith("id,quote")

    execute("peel_grades", tmp_path, force="Warwickshire")
    grades = json.loads((tmp_path / "peel_grades.json").read_text())
    assert grades["alliance_partner"] == "West Mercia"
    assert any(g["grade"] == "Requires improvement" for g in grades["grades"])


@pytest.mark.slow
def test_unknown_force_fails_fast_in_the_first_code_cell(synthetic_data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(config.DATA_DIR_ENV, str(synthetic_data_dir))
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        execute("force_vs_national", tmp_path, force="West Mercian")
    assert caught.value.ename == "UnknownForceError"
    assert "Did you mean: West Mercia" in caught.value.evalue
    nb = nbformat.read(tmp_path / "force_vs_national.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tags = [c.metadata.get("tags", []) for c in code]
    first_real = next(i for i, t in enumerate(tags) if "parameters" not in t and "injected-parameters" not in t)
    assert "check_parameters" in code[first_real].source
    assert any(o.get("output_type") == "error" for o in code[first_real].outputs)
    assert all(c.execution_count is None for c in code[first_real + 1:])


@pytest.mark.slow
@pytest.mark.realdata
@pytest.mark.parametrize("force, crimes, asb", [("West Mercia", 6_328, 3_420), ("Warwickshire", 3_074, 1_151)])
def test_policeuk_local_on_the_march_2018_files(real_data, mirror, tmp_path, monkeypatch, force, crimes, asb):
    monkeypatch.setenv(config.DATA_DIR_ENV, str(real_data.folder.parent))
    execute("policeuk_local", tmp_path, force=force, month="2018-03",
            source=str(mirror / "policeuk/street/2018-03"))
    figures = json.loads((tmp_path / "policeuk_local.json").read_text())
    cats = figures["categories"]
    assert sum(c["count"] for c in cats if c["is_crime"]) == crimes
    assert sum(c["count"] for c in cats if not c["is_crime"]) == asb
    reconciled = {r["police.uk category"]: r for r in figures["reconciliation"]}
    assert set(reconciled) == {"Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
                               "Possession of weapons", "Public order", "Robbery", "Shoplifting",
                               "Theft from the person", "Vehicle crime"}
    assert all(r["Home Office quarter"] > 0 for r in reconciled.values())  # Jan-Mar 2018 from the open data
