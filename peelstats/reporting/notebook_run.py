"""What running a report's notebooks gives: per notebook, its files, time and error; per report, its folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class NotebookRun:
    name: str
    ipynb: Path
    html: Path | None = None
    seconds: float = 0.0
    error: str | None = None


@dataclass
class ReportRun:
    force: str
    period_end: str
    folder: Path
    notebooks: list[NotebookRun] = field(default_factory=list)
    skipped: bool = False
    seconds: float = 0.0

    @property
    def failed(self) -> list[NotebookRun]:
        return [n for n in self.notebooks if n.error]

    @property
    def index(self) -> Path:
        return self.folder / "index.html"
