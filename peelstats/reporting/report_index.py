"""The report's ``index.html``: the document, the headline, the verdicts, links to every page and file.

Everything shown comes from the JSON the notebooks wrote beside it (``force_vs_national.json``, ``claims.json``,
``letter_claims.json``) and the build's data signature; every text is HTML-escaped.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

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
    """index.html: the document, the headline, the verdicts, links to every page and file."""
    esc = html.escape
    folder = run.folder
    comparison = _read_json(folder / "force_vs_national.json").get("comparison", {})
    claims = _read_json(folder / "claims.json") or []
    about = _read_json(folder / "letter_claims.json") if claims else {}
    document = about.get("document") or {}
    latest = about.get("latest_public")
    parts = [f"<h1>Evidence report: {esc(run.force)}, {esc(periods.label(run.period_end))}</h1>"]
    if comparison:
        parts.append(f"<p class='headline'>{_headline(comparison)}</p>")
    if claims:
        parts.append(_verdicts(claims, document, latest))
    parts.append(_pages(run))
    parts.append(_data())
    parts.append(f"<p class='small'>Made by peelstats {esc(__version__)}. Police recorded crime reflects recording "
                 "practice as well as crime; see each page's caveats.</p>")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evidence report: {esc(run.force)}, {esc(periods.label(run.period_end))}</title>
<style>{STYLE}</style></head><body><main>{''.join(parts)}</main></body></html>"""
    run.index.write_text(page, encoding="utf-8")
    return run.index


def _headline(comparison: dict) -> str:
    esc = html.escape
    rank = comparison.get("rank")
    ranked = (f"; rank {esc(str(rank))} of {esc(str(comparison.get('n_forces')))} forces (1 = lowest change)"
              if rank is not None else "")
    return (f"{esc(str(comparison.get('force', '')))}: {esc(str(comparison.get('offence', '')).lower())} "
            f"{esc(formats.page_pct(comparison.get('force_change_pct')))} ({esc(str(comparison.get('period', '')))} "
            f"against {esc(str(comparison.get('baseline_period', '')))}); England and Wales "
            f"{esc(formats.page_pct(comparison.get('england_and_wales_change_pct')))}{ranked}. Source: "
            f"{labels.source_link(comparison.get('source'), comparison.get('edition'))}.")


def _verdicts(claims: list[dict], document: dict, latest: dict | None) -> str:
    esc = html.escape
    date = document.get("date")
    on = formats.long_date(date) if date else "the document's date"
    out = []
    if document:
        recipient = f"to {esc(document['recipient'])}" if document.get("recipient") else ""
        author = labels.known_author(document)
        byline = " ".join(p for p in (esc(author) if author else "", recipient) if p)
        byline = f"{byline[:1].upper()}{byline[1:]}, " if byline else "Dated "
        title = labels.link(document.get("url"), document.get("title", "")) if document.get("url") \
            else esc(document.get("title", ""))
        out.append(f"<h2>The document</h2><p class='document'><strong>{title}</strong><br>"
                   f"{byline}{esc(formats.long_date(date))}.</p>")
    out.append("<h2>Verdicts</h2>")
    summary = claim_views.timing_summary(claims, date, latest) if date else ""
    if summary:
        out.append(f"<p class='timing'>{esc(formats.minus(summary))}</p>")
    rows = []
    for c in claims:
        timing = claim_views.as_of(c, date, latest, periods.label) if date else {"public": "", "then": ""}
        measured = formats.measured_figure(c)
        if c.get("period_end"):
            measured += f" ({periods.label(c['period_end'])})"
        source = claim_views.source_html(c)
        why = labels.readable(c.get("reason") or "")
        rows.append(
            f"<tr><td><p class='quote'>&ldquo;{esc(str(c.get('quote', '')))}&rdquo;</p>"
            f"<span class='id'>{esc(str(c.get('id', '')))}</span>"
            + (f"<details><summary>Why</summary><p>{esc(formats.minus(why))}</p></details>" if why else "")
            + f"</td><td>{labels.verdict_badge(c.get('verdict', ''))}</td><td>{esc(measured)}</td>"
            f"<td>{esc(timing['public'])}</td><td>{esc(timing['then'])}</td><td>{source}</td></tr>")
    out.append("<table><thead><tr><th style='width:30%'>Claim</th><th>Verdict</th><th style='width:12%'>Measured"
               f"</th><th style='width:14%'>Public on {esc(on)}?</th><th style='width:13%'>Latest published on "
               f"{esc(on)}</th><th style='width:17%'>Source</th></tr></thead>"
               f"<tbody>{''.join(rows)}</tbody></table>"
               "<p class='small'>Every claim's evidence, chart and definition sensitivity: "
               "<a href='letter_claims.html'>Claims and verdicts</a>. Download the verdicts: "
               "<a href='claims.csv'>CSV</a> · <a href='claims.json'>JSON</a>.</p>")
    return "".join(out)


def _pages(run) -> str:
    esc = html.escape
    folder = run.folder
    from peelstats.reporting.report import NOTEBOOKS, NotebookRun

    ran = {n.name for n in run.notebooks}
    earlier = [NotebookRun(n, folder / f"{n}.ipynb") for n in NOTEBOOKS
               if n not in ran and (folder / f"{n}.html").is_file()]  # pages from earlier runs, still current
    items = []
    for notebook in [*run.notebooks, *earlier]:
        title = esc(_TITLES.get(notebook.name, notebook.name))
        status = f" <strong>This page failed: {esc(notebook.error)}</strong>" if notebook.error else ""
        page = (f"<a href='{esc(notebook.name)}.html'>{title}</a>" if (folder / f"{notebook.name}.html").is_file()
                or notebook.html else title)
        about = f": {esc(_ABOUT[notebook.name])}" if notebook.name in _ABOUT else ""
        files = [f"<a href='{esc(notebook.name)}.ipynb'>notebook</a>"]
        if (folder / f"{notebook.name}.json").is_file():
            files.append(f"<a href='{esc(notebook.name)}.json'>key figures (JSON)</a>")
        items.append(f"<li>{page}{about}. <span class='small'>Download: {' · '.join(files)}</span>{status}</li>")
    return f"<h2>Pages</h2><ul>{''.join(items)}</ul>"


def _data() -> str:
    """The published files the data were built from, by source, with their checksums (for reproducing it)."""
    esc = html.escape
    build = read_build_info() or {}
    inputs = build.get("signature", {}).get("inputs", {})
    if not inputs:
        return ""
    rows = []
    for key, digest in sorted(inputs.items()):
        source, _, name = str(key).partition("/")
        rows.append(f"<tr><td>{labels.source_link(source) if name else ''}</td><td>{esc(name or source)}</td>"
                    f"<td><code>{esc(str(digest)[:12])}</code></td></tr>")
    return ("<h2>Data</h2><details><summary>The published files behind these figures, with checksums</summary>"
            "<table><thead><tr><th>Source</th><th>File</th><th>SHA-256 (first 12 characters)</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></details>")
