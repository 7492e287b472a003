"""What readers see beside the figures: sources by their publishers' names with links, comparators by their labels
(saying how many forces they hold), verdicts as coloured badges, a document's known author."""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlparse

from peelstats.analysis.comparators import National
from peelstats.claims.verdict import Verdict

# ------------------------------------------------------------------------------------------ sources and links

_PUBLISHERS = {"Office for National Statistics": "ONS"}
_HOSTS = {"justiceinspectorates.gov.uk": "HMICFRS", "hmicfrs.justiceinspectorates.gov.uk": "HMICFRS"}


def _registry() -> dict:
    from peelstats.ingest.sources import REGISTRY

    return REGISTRY


def source_name(source_id) -> str:
    """A source's plain name ('ONS Police Force Area data tables'); unknown ids come back as given."""
    source = _registry().get(str(source_id)) if source_id is not None else None
    if source is None:
        return "" if source_id is None else str(source_id)
    publisher = " / ".join(_PUBLISHERS.get(p.strip(), p.strip()) for p in source.publisher.split("/"))
    title = source.title.split(" (")[0]
    return f"{publisher} {title}"


def source_url(source_id) -> str | None:
    """The source's landing page (its registry entry), or the address itself when the source is a web page."""
    if source_id is None:
        return None
    text = str(source_id)
    if text.startswith(("http://", "https://")):
        return text
    source = _registry().get(text)
    return source.landing_page if source is not None else None


def url_text(url: str) -> str:
    """Short link text for a web address: the publisher's name or the site ('HMICFRS', 'shropshirestar.com')."""
    host = urlparse(str(url)).netloc.lower().removeprefix("www.")
    return _HOSTS.get(host, host or str(url))


def link(url, text) -> str:
    """An HTML link; ``url`` and ``text`` are escaped here."""
    if not url:
        return escape(str(text))
    return f'<a href="{escape(str(url), quote=True)}">{escape(str(text))}</a>'


def source_link(source_id, edition=None) -> str:
    """HTML: the source's name linked to its landing page (web pages: the site's name), then the edition."""
    name = url_text(source_id) if str(source_id).startswith(("http://", "https://")) else source_name(source_id)
    shown = link(source_url(source_id), name)
    return shown + (f", {escape(str(edition))}" if edition else "")


def source_markdown(source_id, edition=None) -> str:
    """Markdown: ``[name](landing page)``, edition; the name and edition are HTML-escaped."""
    name = url_text(source_id) if str(source_id).startswith(("http://", "https://")) else source_name(source_id)
    url = source_url(source_id)
    shown = f"[{escape(name)}]({url})" if url else escape(name)
    return shown + (f", {escape(str(edition))}" if edition else "")


def readable(text) -> str:
    """Text written by the analysis with source identifiers replaced by the sources' names."""
    if text is None:
        return ""
    ids = sorted((i for i in _registry() if "-" in i), key=len, reverse=True)  # never a plain word (population)
    pattern = re.compile(r"(?<![\w/.-])(" + "|".join(map(re.escape, ids)) + r")(?![\w/-])")
    return pattern.sub(lambda m: source_name(m.group(1)), str(text))


def comparator_name(key, subject=None) -> str:
    """'England and Wales (incl. BTP)' for ``england_and_wales``; 'subject'/'force' read as the subject itself."""
    if key in (None, ""):
        return ""
    try:
        return National(key).label
    except ValueError:
        pass
    if key in ("subject", "force"):
        return str(subject) if subject else "the force"
    return str(key)


# ------------------------------------------------------------------------------------------ verdict badges

DARK_TEXT = "#0B0C0C"
LIGHT_TEXT = "#FFFFFF"
# Analysis Function accessible palette; each background with the text colour that reaches WCAG AA (4.5:1).
VERDICT_COLOURS: dict[str, tuple[str, str]] = {
    Verdict.SUPPORTED: ("#28A197", DARK_TEXT),
    Verdict.PARTLY: ("#F46A25", DARK_TEXT),
    Verdict.NOT_SUPPORTED: ("#801650", LIGHT_TEXT),
    Verdict.NOT_COMPARABLE: ("#3D3D3D", LIGHT_TEXT),
    Verdict.NOT_TESTABLE: ("#12436D", LIGHT_TEXT),
}
OTHER_VERDICT = ("#3D3D3D", LIGHT_TEXT)


def verdict_badge(verdict) -> str:
    """HTML: the verdict as a coloured badge whose text is the verdict itself (colour is never the only cue)."""
    background, text = VERDICT_COLOURS.get(str(verdict), OTHER_VERDICT)
    return (f'<span class="verdict" style="background:{background};color:{text};padding:2px 6px;'
            f'border-radius:3px;white-space:nowrap">{escape(str(verdict))}</span>')



_HOW_MANY = re.compile(r"\b(?:sum|mean|median) of (?:the )?(\d+) (?:territorial )?force", re.I)


def comparator_label(name, definition=None) -> str:
    """A comparator's name saying how many forces it is made of, as its definition does: 'Sum of 42 territorial
    forces' when only 42 had figures (the label and the definition never disagree)."""
    text = "" if name is None else str(name)
    found = _HOW_MANY.search(str(definition or ""))
    if not found:
        return text
    n = found.group(1)
    counted = {National.SUM_OF_FORCES: f"Sum of {n} territorial forces",
               National.MEAN_FORCE: f"Mean of {n} force % changes",
               National.MEDIAN_FORCE: f"Median of {n} force % changes"}
    return next((label for meaning, label in counted.items() if text == meaning.label), text)


def known_author(document: dict) -> str | None:
    """A document's author, or None when its claim file does not know it ('unknown': drafted from a text)."""
    author = str(document.get("author") or "").strip()
    return None if author.lower() in ("", "unknown", "n/a", "none") else author
