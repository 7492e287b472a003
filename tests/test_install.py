"""``pip install .`` (not editable) into a fresh virtual environment; then, from an empty folder, ``peelstats
fetch``, ``build`` and ``report`` work with the mirror, writing under that folder only: never into the installed
package, never into the source checkout.

The fresh environment gets this environment's dependencies through a ``.pth`` file rather than installing them
again from the package index (minutes), and finds their data files (nbconvert's templates) through JUPYTER_PATH:
what is tested is peelstats' own packaging (its data files, notebooks, claim files and the console script), and
where it writes.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _snapshot(folder: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in folder.rglob("*") if p.is_file()} if folder.exists() else {}


def test_installed_package_works_from_an_empty_folder(tmp_path, mirror):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    fresh_site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                                              "['purelib'])"], text=True).strip())
    (fresh_site / "_peelstats_test_deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    build = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--quiet",
                            str(ROOT)], capture_output=True, text=True, cwd=tmp_path)
    assert build.returncode == 0, build.stderr[-2000:]
    installed = fresh_site / "peelstats"
    assert (installed / "notebooks" / "force_vs_national.ipynb").is_file()
    assert (installed / "data" / "ons_pfa_editions.csv").is_file() and (installed / "py.typed").is_file()

    work = tmp_path / "empty"
    work.mkdir()
    checkout_data, checkout_reports = _snapshot(ROOT / "data"), _snapshot(ROOT / "reports")
    package_files = _snapshot(installed)
    env = {k: v for k, v in os.environ.items() if k not in ("PEELSTATS_DATA_DIR", "PEELSTATS_NOTEBOOKS_DIR")}
    # the dependencies' data files (nbconvert's templates) live beside the environment they were installed into
    env |= {"PEELSTATS_MIRROR": str(mirror), "PATH": f"{env_dir / 'bin'}:{env['PATH']}",
            "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter")}
    for command in (["fetch"], ["build"], ["report"], ["--version"]):
        done = subprocess.run([str(env_dir / "bin" / "peelstats"), *command], capture_output=True, text=True,
                              cwd=work, env=env, timeout=600)
        assert done.returncode == 0, (command, done.stderr[-2000:])
    assert (work / "data" / "processed" / "counts.parquet").is_file()
    index = work / "reports" / "west-mercia" / "2018-03-31" / "index.html"
    assert index.is_file() and (index.parent / "claims.json").is_file()
    assert _snapshot(installed) == package_files  # nothing written into the installed package
    assert _snapshot(ROOT / "data") == checkout_data and _snapshot(ROOT / "reports") == checkout_reports
    # python -m peelstats is the same command
    assert subprocess.run([str(python), "-m", "peelstats", "--version"], capture_output=True, text=True,
                          cwd=work, env=env).stdout.startswith("peelstats ")
    assert sys.version_info >= (3, 11)
