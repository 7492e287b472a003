"""The report's ``index.html``: the document, the headline, the verdicts, links to every page and file.

Everything shown comes from the JSON the notebooks wrote beside it (``force_vs_national.json``, ``claims.json``,
``letter_claims.json``) and the build's data signature, laid out by ``templates/index.html.j2`` (Jinja2, which
comes with nbconvert); every text is HTML-escaped by the template.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jinja2
from markupsafe import Markup

from peelstats import __version__, formats
from peelstats.ingest.build_record import read_build_info
from peelstats.reference import periods
from peelstats.reporting import claim_views, labels


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


_TITLES = {"force_vs_national": "Force versus national", "offence_trends": "Offence trends",
           "peel_grades": "PEEL grades", "letter_claims": "Claims and verdicts",
           "policeuk_local": "Local picture (data.police.uk)"}
_ABOUT = {"force_vs_national": "the force's change against every meaning of \u201cnational\u201d, all 43 forces, "
                               "the trend, rates and every edition's figures",
          "offence_trends": "each offence group's change this year against earlier years and England and Wales",
          "peel_grades": "HMICFRS PEEL grades year by year, against the alliance partner, with sources",
          "letter_claims": "every claim in the document with its evidence, chart and definition sensitivity",
          "policeuk_local": "street-level categories, places and outcomes from data.police.uk"}

def page_title(name: str, force: str, period_end: str) -> str:
    """A page's title (its browser tab): 'Claims and verdicts: West Mercia, year ending March 2018'."""
    return f"{_TITLES.get(name, name)}: {force}, {periods.label(period_end)}"


STYLE = """
body { font-family: Arial, Helvetica, sans-serif; max-width: 1160px; margin: 2em auto; padding: 0 16px;
       color: #0b0c0c; line-height: 1.4; }
h1 { font-size: 1.9em; margin-bottom: 0.3em; } h2 { margin-top: 1.6em; }
a { color: #1d70b8; } a:visited { color: #4c2c92; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { border-bottom: 1px solid #bfbfbf; padding: 6px; text-align: left; vertical-align: top; }
th { vertical-align: bottom; } td.number { text-align: right; white-space: nowrap; }
.verdict { padding: 2px 6px; border-radius: 3px; white-space: nowrap; }
.headline { font-size: 1.15em; } .small { font-size: 0.85em; color: #3d3d3d; }
.quote { margin: 0 0 4px 0; } .id { color: #3d3d3d; font-size: 0.85em; }
details summary { cursor: pointer; color: #1d70b8; } details p { margin: 4px 0; }
.document { border-left: 4px solid #12436d; padding: 4px 12px; }
.timing { background: #f3f2f1; padding: 8px 12px; }
code { font-size: 0.95em; }
"""


def write_index(run) -> Path:
    """index.html: the document, the headline, the verdicts, links to every page and file (a Jinja2 template,
    every text escaped by it; the few pieces of HTML built here, links and badges, are marked safe)."""
    folder = run.folder
    comparison = _read_json(folder / "force_vs_national.json").get("comparison", {})
    claims = _read_json(folder / "claims.json") or []
    about = _read_json(folder / "letter_claims.json") if claims else {}
    document = about.get("document") or {}
    title = f"Evidence report: {run.force}, {periods.label(run.period_end)}"
    page = _template().render(
        title=title, style=Markup(STYLE), version=__version__,
        headline=formats.minus(comparison["headline"]) if comparison.get("headline") else None,
        headline_source=Markup(labels.source_link(comparison.get("source"), comparison.get("edition")))
        if comparison.get("source") else None,
        **_verdicts(claims, document, about.get("latest_public")),
        pages=_pages(run), inputs=_inputs())
    run.index.write_text(page, encoding="utf-8")
    return run.index


@functools.cache
def _template():
    environment = jinja2.Environment(loader=jinja2.PackageLoader("peelstats.reporting", "templates"),
                                     autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True)
    return environment.get_template("index.html.j2")


def _verdicts(claims: list[dict], document: dict, latest: dict | None) -> dict:
    """The document block and the verdict table's rows."""
    if not claims:
        return {"claims": [], "document": None, "timing": None, "on": ""}
    date = document.get("date")
    shown_document = None
    if document:
        recipient = f"to {document['recipient']}" if document.get("recipient") else ""
        author = labels.known_author(document)
        byline = " ".join(p for p in (author or "", recipient) if p)
        shown_document = {"title": document.get("title", ""), "url": document.get("url"),
                          "byline": f"{byline[:1].upper()}{byline[1:]}, " if byline else "Dated ",
                          "date": formats.long_date(date) if date else ""}
    rows = []
    for c in claims:
        timing = claim_views.as_of(c, date, latest, periods.label) if date else {"public": "", "then": ""}
        measured = formats.measured_figure(c)
        if c.get("period_end"):
            measured += f" ({periods.label(c['period_end'])})"
        rows.append({"quote": str(c.get("quote", "")), "id": str(c.get("id", "")),
                     "why": formats.minus(labels.readable(c.get("reason") or "")),
                     "badge": Markup(labels.verdict_badge(c.get("verdict", ""))), "measured": measured,
                     "public": timing["public"], "then": timing["then"],
                     "source": Markup(claim_views.source_html(c))})
    summary = claim_views.timing_summary(claims, date, latest) if date else ""
    return {"claims": rows, "document": shown_document, "timing": formats.minus(summary) if summary else None,
            "on": formats.long_date(date) if date else "the document's date"}


def _pages(run) -> list[dict]:
    from peelstats.reporting.report import NOTEBOOKS, NotebookRun

    folder = run.folder
    ran = {n.name for n in run.notebooks}
    earlier = [NotebookRun(n, folder / f"{n}.ipynb") for n in NOTEBOOKS
               if n not in ran and (folder / f"{n}.html").is_file()]  # pages from earlier runs, still current
    return [{"name": notebook.name, "title": _TITLES.get(notebook.name, notebook.name),
             "linked": (folder / f"{notebook.name}.html").is_file() or bool(notebook.html),
             "about": _ABOUT.get(notebook.name), "figures": (folder / f"{notebook.name}.json").is_file(),
             "error": notebook.error} for notebook in [*run.notebooks, *earlier]]


def _inputs() -> list[dict]:
    """The published files the data were built from, by source, with their checksums (for reproducing it)."""
    build = read_build_info() or {}
    rows = []
    for key, digest in sorted(build.get("signature", {}).get("inputs", {}).items()):
        source, _, name = str(key).partition("/")
        rows.append({"source": Markup(labels.source_link(source)) if name else "", "file": name or source,
                     "digest": str(digest)[:12]})
    return rows
