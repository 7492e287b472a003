"""Report pages: nbconvert's HTML, less its slow BeautifulSoup pass, with the same accessibility attributes."""

from __future__ import annotations

import base64
import logging

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

from peelstats.reporting.execution import page_exporter

_PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082")).decode()


def _notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["title"] = "A page"
    code = nbformat.v4.new_code_cell("x = 1", execution_count=1)
    code.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="printed\n"),
        nbformat.v4.new_output("display_data", data={
            "text/html": "<table><tr><td>4,876,282</td><td>&minus;5.3%</td></tr></table>",
            "text/plain": "table"}),
        nbformat.v4.new_output("display_data", data={
            "text/html": '<img src="data:image/svg+xml;base64,PHN2Zy8+" alt="Line chart: West Mercia +4.2%">',
            "image/svg+xml": "<svg/>", "text/plain": "chart"}),
        nbformat.v4.new_output("display_data", data={"image/png": _PNG, "text/plain": "png"}),  # no alt text
        nbformat.v4.new_output("display_data", data={"text/markdown": "**Bold** & <i>plain</i>"}),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Heading\n\nSome *text*."), code]
    return nb


def test_pages_are_nbconverts_own_less_its_reparse(caplog):
    """Parsed, a page equals the one nbconvert's exporter makes with its BeautifulSoup pass: the same alt text and
    tabindex attributes, in the same places (fails if nbconvert's last step changes)."""
    nb = _notebook()
    stock, _ = page_exporter(HTMLExporter).from_notebook_node(nb, resources={"metadata": {"name": "A page"}})
    with caplog.at_level(logging.WARNING):
        ours, _ = page_exporter().from_notebook_node(nb, resources={"metadata": {"name": "A page"}})
    assert str(BeautifulSoup(ours, features="html.parser")) == stock
    assert 'tabindex="0"' in ours and "No description has been provided for this image" in ours
    assert "Alternative text is missing on 1 image(s)." in caplog.text
