"""Where peelstats keeps its data, and where it downloads from.

Environment variables (read on every call, so tests and notebooks can change them at run time):

``PEELSTATS_DATA_DIR``
    Folder holding ``raw/`` (downloads + ``manifest.json``) and ``processed/`` (tidy parquet).
    Default: ``data/`` in the source checkout when peelstats runs from one (the project layout),
    otherwise ``data/`` in the current folder (reports go to ``reports/`` there too).
``PEELSTATS_ONS_PAGE``
    ONS's "Police Force Area data tables" dataset page, where ``peelstats editions --discover`` looks for new
    editions (and its ``/previous`` list). Default: the page on www.ons.gov.uk.
``PEELSTATS_MIRROR``
    A folder or an http(s) base URL laid out like the project's ``shared/data`` folder
    (``ons/pfa_tables/...xlsx``, ``ons/rec-crime-pfa.csv``, ``homeoffice/...``). When set, every source is
    taken from it instead of the publisher, through the same download, checksum and parse code.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from peelstats import __version__
from peelstats.errors import ConfigurationError

DATA_DIR_ENV = "PEELSTATS_DATA_DIR"
MIRROR_ENV = "PEELSTATS_MIRROR"
ONS_PAGE_ENV = "PEELSTATS_ONS_PAGE"

USER_AGENT = f"peelstats/{__version__} (open-source checker of police recorded crime statistics; python-requests)"

_PACKAGE_DIR = Path(__file__).resolve().parent


def source_checkout() -> Path | None:
    """The project folder when peelstats runs from a source checkout (e.g. ``pip install -e .``)."""
    root = _PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and (root / "peelstats").is_dir() else None


def data_dir() -> Path:
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured).expanduser().resolve()
    checkout = source_checkout()
    if checkout is not None:
        return checkout / "data"
    return Path.cwd() / "data"  # an installed package writes where it is run, never into itself


def raw_dir() -> Path:
    return data_dir() / "raw"


def processed_dir() -> Path:
    return data_dir() / "processed"


MIRROR_SCHEMES = ("http", "https", "file")


def mirror() -> str | None:
    """``$PEELSTATS_MIRROR``: a folder, or a file://, http:// or https:// address; anything else is refused."""
    value = os.environ.get(MIRROR_ENV, "").strip()
    if not value:
        return None
    scheme = value.split("://", 1)[0].lower() if "://" in value else None
    if scheme is not None and scheme not in MIRROR_SCHEMES:
        raise ConfigurationError(f"{MIRROR_ENV}={value!r}: the {scheme}:// scheme is not supported; use a folder, or a "
                             "file://, http:// or https:// address laid out like shared/data.")
    if scheme in ("http", "https") and not urlparse(value).hostname:
        raise ConfigurationError(f"{MIRROR_ENV}={value!r} names no host; give e.g. https://mirror.example/data")
    if scheme is None:
        try:
            Path(value).expanduser()
        except RuntimeError as error:  # '~nosuchuser/...'
            raise ConfigurationError(f"{MIRROR_ENV}={value!r}: {error}") from None
    return value


def ons_dataset_page(default: str) -> str:
    return os.environ.get(ONS_PAGE_ENV, "").strip() or default
