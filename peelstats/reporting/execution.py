"""Executing one notebook with papermill (its own engine, writing the notebook once) and converting it to HTML
with nbconvert (templates compiled once). Kept apart from :mod:`peelstats.reporting.report`, and imported only
when the first notebook runs: papermill and nbconvert take half a second to import, which a report spends while
its kernels start rather than before.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter
from nbconvert.exporters.html import Highlight2HTML, WidgetsDataTypeFilter
from nbconvert.exporters.templateexporter import TemplateExporter
from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

from peelstats.reporting.kernels import QuietKernelManager
from peelstats.reporting.notebook_run import NotebookRun

log = logging.getLogger(__name__)


class _SaveAtEnd(NotebookExecutionManager):
    """Papermill writes the whole notebook before and after every cell, so that a long run can be watched; a
    report's notebook is written once, when it ends (or fails): its charts were written and validated a dozen
    times, most of papermill's own time."""

    final = False

    def save(self, **kwargs):
        if self.final:
            super().save(**kwargs)

    def notebook_complete(self, **kwargs):
        self.final = True
        return super().notebook_complete(**kwargs)


class _Engine(NBClientEngine):
    """papermill's own engine, with :class:`_SaveAtEnd` (as ``Engine.execute_notebook`` does, with that class)."""

    @classmethod
    def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True, log_output=False,
                         autosave_cell_every=30, **kwargs):
        nb_man = _SaveAtEnd(nb, output_path=output_path, progress_bar=progress_bar, log_output=log_output,
                            autosave_cell_every=autosave_cell_every)
        nb_man.notebook_start()
        try:
            cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
        finally:
            nb_man.cleanup_pbar()
            nb_man.notebook_complete()
        return nb_man.nb


ENGINE = "peelstats"
papermill_engines.register(ENGINE, _Engine)


def execute(name: str, source: Path, folder: Path, parameters: dict, kernel_name: str, *,
            km=None) -> tuple[NotebookRun, nbformat.NotebookNode | None]:
    """Run one notebook into ``folder`` (its page is written by :func:`convert`); returns its run and the executed
    notebook (None if papermill gave none back)."""
    target = folder / f"{name}.ipynb"
    run = NotebookRun(name, target)
    started = time.perf_counter()
    executed = None
    try:
        executed = papermill.execute_notebook(
            str(source), str(target), parameters=parameters, kernel_name=kernel_name, engine_name=ENGINE,
            cwd=str(folder), progress_bar=False, log_output=False,
            **({"km": km} if km is not None else {"kernel_manager_class": QuietKernelManager}))
    except papermill.PapermillExecutionError as error:
        run.error = f"{error.ename}: {error.evalue}"
        log.error("%s failed in cell %s: %s", name, error.exec_count, run.error)
    except Exception as error:  # kernel died, notebook unreadable...: reported, never silently dropped
        run.error = f"{type(error).__name__}: {error}"
        log.error("%s failed: %s", name, run.error)
    run.seconds = time.perf_counter() - started
    return run, executed


def convert(run: NotebookRun, executed=None, title: str | None = None) -> NotebookRun:
    """Write the page of a notebook :func:`execute` ran (failed ones too: the page shows the error); a page that
    cannot be written is the notebook's error."""
    if run.ipynb.is_file():
        try:
            run.html = to_html(run.ipynb, title=title, node=executed)
        except Exception as error:  # noqa: BLE001 - reported against the notebook, never dropped
            run.error = run.error or f"page not written: {type(error).__name__}: {error}"
            log.error("%s: page not written: %s", run.name, error)
    return run


# The lab template without the scripts it loads from a CDN (MathJax, require.js, mermaid): no page needs them, and
# a reader's browser should make no third-party request.
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
_EXPORTER: dict = {}
_EXPORTER_LOCK = threading.Lock()  # an exporter registers filters as it converts: one conversion at a time
_NO_ALT = "No description has been provided for this image"  # nbconvert's words
_FOCUSABLE = {"jp-Cell-inputWrapper", "jp-OutputArea-output"}
_TAG = re.compile(r"<(div|img)\b[^>]*>")
_CLASSES = re.compile(r'\sclass="([^"]*)"')
_ALT = re.compile(r"\salt=")


class _PageExporter(HTMLExporter):
    """nbconvert's HTML exporter, less its last step: parsing the whole page again (300-500 KB, most of it the
    lab theme's CSS) with BeautifulSoup, then CSS selectors, to add three accessibility attributes. That step was
    two fifths of a report's conversion time; the same attributes are added here to the tags nbconvert's template
    writes (a test converts a notebook both ways and compares the parsed pages)."""

    def from_notebook_node(self, nb, resources=None, **kw):
        # as HTMLExporter.from_notebook_node (nbconvert 7), up to its BeautifulSoup pass
        language = nb.metadata.get("language_info", {})
        lexer = language.get("pygments_lexer", language.get("name", None))
        self.register_filter("highlight_code",
                             self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
        resources = self._init_resources(resources)
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources))
        html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return _accessible(html), resources


def _accessible(html: str) -> str:
    """What nbconvert's BeautifulSoup pass adds: alt text on an image that has none (and a warning), and
    ``tabindex="0"`` on each cell's input and output, so a keyboard reaches them."""
    missing = 0

    def fix(match: re.Match) -> str:
        nonlocal missing
        tag = match.group(0)
        if match.group(1) == "img":
            if _ALT.search(tag):
                return tag
            missing += 1
            return f'{tag[:-1].rstrip("/").rstrip()} alt="{_NO_ALT}">'
        classes = _CLASSES.search(tag)
        if classes and _FOCUSABLE & set(classes.group(1).split()) and "tabindex=" not in tag:
            return f'{tag[:-1]} tabindex="0">'
        return tag

    html = _TAG.sub(fix, html)
    if missing:
        log.warning("Alternative text is missing on %s image(s).", missing)
    return html


def _exporter() -> HTMLExporter:
    """One exporter for every page (its templates are compiled once, not once per page)."""
    if "html" not in _EXPORTER:
        _EXPORTER["html"] = page_exporter(_PageExporter)
    return _EXPORTER["html"]


def page_exporter(kind: type[HTMLExporter] = _PageExporter) -> HTMLExporter:
    """An exporter of ``kind`` set up for report pages: the lab template without CDN scripts, code cells hidden."""
    from jinja2 import DictLoader

    exporter = kind(template_name="lab", extra_loaders=[DictLoader({"peelstats.html.j2": _TEMPLATE})],
                    template_file="peelstats.html.j2")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def to_html(notebook: Path, title: str | None = None, node=None) -> Path:
    """The executed notebook as HTML with code cells hidden; ``title`` names the page (its browser tab);
    ``node``: the notebook already in memory (else it is read from ``notebook``)."""
    if node is None:
        node = nbformat.read(notebook, as_version=4)
    name = title or node.metadata.get("title", notebook.stem)
    node.metadata["title"] = name  # the template prefers the notebook's own title
    with _EXPORTER_LOCK:
        body, _ = _exporter().from_notebook_node(node, resources={"metadata": {"name": name}})
    path = notebook.with_suffix(".html")
    path.write_text(body, encoding="utf-8")
    return path


