"""Shared fixtures.

* Every test gets its own ``PEELSTATS_DATA_DIR`` under pytest's tmp folder: nothing is written elsewhere.
* ``mirror`` is the folder named by ``PEELSTATS_MIRROR``: real-data tests skip without it, but under
  ``CI=true`` a missing mirror fails them.
* ``real_data`` fetches and builds the whole tidy dataset once per session from the mirror, through the
  real fetch/cache/parse code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from peelstats import config

MIRROR_AT_START = os.environ.get(config.MIRROR_ENV)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """No test touches the project's data/ folder or reads the developer's mirror unless it asks to."""
    monkeypatch.setenv(config.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.delenv(config.MIRROR_ENV, raising=False)
    return tmp_path / "data"


def _mirror_folder() -> Path:
    if not MIRROR_AT_START:
        reason = f"{config.MIRROR_ENV} is not set: real-data tests need the published files"
    elif not Path(MIRROR_AT_START).is_dir():
        reason = f"{config.MIRROR_ENV}={MIRROR_AT_START} is not a folder"
    else:
        return Path(MIRROR_AT_START).resolve()
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the mirror is required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def mirror() -> Path:
    return _mirror_folder()


@pytest.fixture(scope="session")
def real_data(mirror, tmp_path_factory):
    """The tidy dataset built from the mirror (once per session)."""
    from peelstats.ingest.build import build
    from peelstats.ingest.cache import RawCache
    from peelstats.ingest.dataset import load
    from peelstats.ingest.fetch import fetch

    root = tmp_path_factory.mktemp("real-data")
    cache = RawCache(root / "raw")
    fetch(cache=cache, mirror=str(mirror))
    build(cache=cache, out_dir=root / "processed")
    return load(root / "processed")
