"""The population files: every mid-year estimate must cover all 43 forces, or the file is refused."""

from __future__ import annotations

import pytest

from peelstats.errors import LayoutError
from peelstats.ingest.sources import population
from peelstats.reference import forces


def _coded(path, skip: str | None = None, blank: str | None = None):
    lines = ["code,name,MYE2018"]
    for f in forces.TERRITORIAL_FORCES:
        if f.name == skip:
            continue
        lines.append(f"{f.code},{f.name},{'' if f.name == blank else 1_000_000}")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_whole_file_parses(tmp_path):
    frame = population.parse(_coded(tmp_path / "p.csv"), population.files()[0])["population"]
    assert len(frame) == 43 and set(frame.mid_year) == {2018}


def test_a_force_missing_is_refused(tmp_path):
    with pytest.raises(LayoutError, match=r"mid-2018 has no estimate for Kent"):
        population.parse(_coded(tmp_path / "p.csv", skip="Kent"), population.files()[0])


def test_a_blank_estimate_is_named(tmp_path):
    with pytest.raises(LayoutError, match=r"column 'MYE2018', 'Kent': .* is not a whole number"):
        population.parse(_coded(tmp_path / "p.csv", blank="Kent"), population.files()[0])
