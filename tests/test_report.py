"""The main job end to end (real files), and batch runs (fixture notebooks, one failing on purpose)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from peelstats import cli, config
from peelstats.errors import DataNotBuiltError, PeelstatsError
from peelstats.reporting import report as report_module
from peelstats.reporting.batch import load_schedule, run_batch
from peelstats.reporting.report import NOTEBOOKS_ENV, report

FIXTURES = Path(__file__).parent / "notebooks"


@pytest.mark.slow
@pytest.mark.realdata
def test_default_report_is_the_letter(real_data, tmp_path, monkeypatch):
    monkeypatch.setenv(config.DATA_DIR_ENV, str(real_data.folder.parent))
    run = report(out=tmp_path)
    folder = tmp_path / "west-mercia" / "2018-03-31"
    assert run.folder == folder and not run.failed
    for name in ("force_vs_national", "offence_trends", "peel_grades", "letter_claims"):
        assert (folder / f"{name}.html").is_file() and (folder / f"{name}.ipynb").is_file()
        html = (folder / f"{name}.html").read_text()
        assert "check_parameters" not in html  # code hidden
    index = (folder / "index.html").read_text()
    assert "West Mercia" in index and "not comparable" in index and "partly supported" in index
    claims = {c["id"]: c for c in json.loads((folder / "claims.json").read_text())}
    assert claims["force-5"]["verdict"] == "supported" and claims["force-5"]["period_end"] == "2018-03-31"
    assert claims["vehicle"]["verdict"] == "partly supported"
    assert (folder / "claims.csv").read_text().count("\n") == 11
    figures = json.loads((folder / "force_vs_national.json").read_text())["comparison"]
    assert round(figures["force_change_pct"], 1) == 4.2 and figures["rank"] == 5
    grades = json.loads((folder / "peel_grades.json").read_text())
    assert grades["alliance_partner"] == "Warwickshire"
    assert "<img" in (folder / "force_vs_national.html").read_text()  # charts rendered into the page
    again = report(out=tmp_path)
    assert again.skipped


@pytest.mark.slow
@pytest.mark.realdata
def test_report_from_a_text_names_it_as_a_reader_would(real_data, tmp_path, monkeypatch, capsys):
    """`report --text FILE`: the page's title is the document's heading (else its file name), never a path, and
    an author the text does not give is left out, not shown as 'unknown'."""
    monkeypatch.setenv(config.DATA_DIR_ENV, str(real_data.folder.parent))
    letter = tmp_path / "drafts" / "letter-to-the-minister.txt"
    letter.parent.mkdir()
    letter.write_text("The Minister\nHome Office\n\nDear Minister,\n\nRecorded crime in West Mercia\n\n"
                      "In West Mercia total recorded crime has only risen by 5% in the year to March 2018.\n",
                      encoding="utf-8")
    out = tmp_path / "reports"
    assert cli.main(["report", "--text", str(letter), "--date", "2018-08-01", "--out", str(out),
                     "--notebooks", "letter_claims"]) == 0
    index = next(out.glob("*/*/index.html")).read_text(encoding="utf-8")
    page = next(out.glob("*/*/letter_claims.html")).read_text(encoding="utf-8")
    for shown in (index, page):
        assert "Recorded crime in West Mercia" in shown
        assert str(tmp_path) not in shown and "drafts/" not in shown
        assert ">unknown" not in shown and "unknown," not in shown
    assert "1 August 2018" in index


def test_report_needs_built_data(tmp_path):
    with pytest.raises(DataNotBuiltError, match="make data"):
        report(out=tmp_path)


def schedule(tmp_path, forces, **extra) -> Path:
    path = tmp_path / "schedule.yaml"
    path.write_text(yaml.safe_dump({"period_end": "2018-03-31", "forces": forces, "notebooks": ["force_vs_national"],
                                    "out": str(tmp_path / "reports"), **extra}))
    return path


@pytest.mark.slow
def test_batch_isolates_failures_and_skips_unchanged(real_data, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(config.DATA_DIR_ENV, str(real_data.folder.parent))
    monkeypatch.setenv(NOTEBOOKS_ENV, str(FIXTURES))
    path = schedule(tmp_path, ["West Mercia", "Warwickshire", "city-of-london"])
    summary = run_batch(path, workers=2, progress=False).set_index("force")
    assert summary.status.to_dict() == {"West Mercia": "ok", "Warwickshire": "failed", "City of London": "ok"}
    assert "fixture failure for Warwickshire" in summary.loc["Warwickshire", "error"]
    log = Path(summary.loc["Warwickshire", "log"]).read_text()
    assert "fixture failure" in log
    ok = json.loads((tmp_path / "reports/west-mercia/2018-03-31/force_vs_national.json").read_text())
    assert ok == {"force": "West Mercia", "period_end": "2018-03-31"}
    again = run_batch(path, workers=1, progress=False).set_index("force")
    assert again.status.to_dict() == {"West Mercia": "skipped", "Warwickshire": "failed", "City of London": "skipped"}
    forced = run_batch(path, workers=1, refresh=True, progress=False).set_index("force")
    assert forced.loc["West Mercia", "status"] == "ok"
    assert cli.main(["batch", str(path), "--workers", "2"]) == 1  # any failure: non-zero exit
    assert "3 reports" in capsys.readouterr().err


def test_schedule_validation(tmp_path):
    assert len(load_schedule(schedule(tmp_path, "all")).forces) == 43
    with pytest.raises(PeelstatsError, match="Unknown force 'Atlantis'"):
        load_schedule(schedule(tmp_path, ["Atlantis"]))
    with pytest.raises(PeelstatsError, match="unknown \\['nope'\\]"):
        load_schedule(schedule(tmp_path, "all", notebooks=["nope"]))


def _tiny_notebooks(folder: Path, sources: dict[str, str]) -> list[tuple[str, Path, Path, dict]]:
    import nbformat

    jobs = []
    for name, code in sources.items():
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                    nbformat.v4.new_code_cell(code)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        path = folder / f"{name}.ipynb"
        nbformat.write(nb, path)
        (folder / "out").mkdir(exist_ok=True)
        jobs.append((name, path, folder / "out", {}))
    return jobs


def test_no_kernel_reports_every_notebook_failed(tmp_path):
    jobs = _tiny_notebooks(tmp_path, {"a": "y = 2", "b": "y = 3", "c": "y = 4"})
    runs = report_module.run_notebooks(jobs, "no-such-kernel-peelstats")
    assert [r.name for r in runs] == ["a", "b", "c"]
    assert all(r.error for r in runs)


@pytest.mark.slow
def test_a_notebook_that_kills_its_kernel_does_not_stop_the_others(tmp_path):
    jobs = _tiny_notebooks(tmp_path, {"dies": "import os\nos._exit(1)", "first": "assert x == 1",
                                      "second": "assert 'y' not in dir()\ny = 5", "third": "assert 'y' not in dir()"})
    runs = {r.name: r for r in report_module.run_notebooks(jobs, "python3")}
    assert runs["dies"].error
    assert [n for n, r in runs.items() if r.error] == ["dies"]
    assert all(runs[n].html and runs[n].html.is_file() for n in ("first", "second", "third"))
