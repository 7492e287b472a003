"""How figures and words are written for readers, in one place: signed percentages, whole counts with separators,
rates, dates, Yes/No, sources by name with their landing pages, and the verdict badges' colours."""

from __future__ import annotations

import math
import re
from html import escape
from urllib.parse import urlparse

import pandas as pd

NOT_AVAILABLE = "n/a"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def pct(value, digits: int = 1) -> str:
    """+4.2%"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):+.{digits}f}%"


def pp(value, digits: int = 1) -> str:
    """+4.2 pp (a difference of percentages)"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):+.{digits}f} pp"


def count(value) -> str:
    """84,342"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):,.0f}"


def signed_count(value) -> str:
    """+3,406"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):+,.0f}"


def rate(value) -> str:
    """66.9 per 1,000"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):,.1f} per 1,000"


def ratio(value) -> str:
    return NOT_AVAILABLE if _missing(value) else f"{float(value):.2f} times"


def moved(change) -> str:
    """'rose', 'fell' or 'did not change'."""
    if _missing(change):
        return "changed by an unknown amount"
    return "rose" if change > 0 else "fell" if change < 0 else "did not change"


def change_words(change, digits: int = 1) -> str:
    """'rose 4.2%', 'fell 5.3%', 'did not change'."""
    if _missing(change):
        return "changed by an unknown amount"
    if round(float(change), digits) == 0:
        return "did not change"
    return f"{moved(change)} {abs(float(change)):.{digits}f}%"


# ------------------------------------------------------------------------------------------ words and dates

def yes_no(value) -> str:
    """'Yes', 'No', or '' for unknown (never True/False on a page)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return "Yes" if bool(value) else "No"


def long_date(value) -> str:
    """'4 June 2018' (from a date, timestamp or ISO text); '' when missing."""
    if value in (None, ""):
        return ""
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%B %Y}"


def month_year(value) -> str:
    """'July 2018' from '2018-07' or a date; '' when missing."""
    if value in (None, ""):
        return ""
    return f"{pd.Timestamp(str(value)):%B %Y}"


def time_between(earlier, later) -> str:
    """'6 weeks', '10 days', '1 week': how long after ``earlier`` ``later`` came (whole weeks from two weeks on)."""
    days = (pd.Timestamp(later) - pd.Timestamp(earlier)).days
    if abs(days) >= 14:
        weeks = abs(days) // 7
        return f"{weeks} weeks"
    return f"{abs(days)} day{'' if abs(days) == 1 else 's'}"


def measured_of(record: dict) -> str:
    """A claim record's measured figure as its evaluator wrote it (a ratio as 3.96x, a gap between two rates),
    else as :func:`measured` shows the bare value."""
    return record.get("measured_text") or measured(record.get("measured"), record.get("kind"))


def measured(value, kind: str | None = None) -> str:
    """A claim's measured figure as readers see it: +4.2% for changes, 84,342 for counts, text as it is."""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int | float):
        if _missing(value):
            return ""
        if kind == "count":
            return count(value)
        if kind == "count_change":
            return signed_count(value)
        if kind == "rate":
            return rate(value)
        if kind in ("rank", "count_of_forces"):
            return f"{float(value):.0f}"
        return pct(value)
    return "" if value is None else str(value)


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
    from peelstats.analysis.comparators import National

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
    "supported": ("#28A197", DARK_TEXT),
    "partly supported": ("#F46A25", DARK_TEXT),
    "not supported": ("#801650", LIGHT_TEXT),
    "not comparable": ("#3D3D3D", LIGHT_TEXT),
    "not testable with these data": ("#12436D", LIGHT_TEXT),
}
OTHER_VERDICT = ("#3D3D3D", LIGHT_TEXT)


def verdict_badge(verdict) -> str:
    """HTML: the verdict as a coloured badge whose text is the verdict itself (colour is never the only cue)."""
    background, text = VERDICT_COLOURS.get(str(verdict), OTHER_VERDICT)
    return (f'<span class="verdict" style="background:{background};color:{text};padding:2px 6px;'
            f'border-radius:3px;white-space:nowrap">{escape(str(verdict))}</span>')


# ------------------------------------------------------------------------------------------ pages (HTML)
# Pages follow the GSS style: a true minus sign (U+2212) for negative figures and no sign on zero. CSV, JSON and
# the terminal keep ASCII '-' (scripts parse them), so these are separate functions, used by the pages only.

MINUS = "\u2212"
_NEGATIVE = re.compile(r"(?<![\w.\-/\u2212])-(?=\d)")


def minus(text) -> str:
    """Text with each hyphen used as a minus sign before a figure ('-5.3%', '(-3.8%)') made a true minus sign;
    hyphens in words, dates and ranges ('2017-18', 'peel-2016') are left alone."""
    return _NEGATIVE.sub(MINUS, "" if text is None else str(text))


def _page_signed(value, digits: int, unit: str) -> str:
    if _missing(value):
        return NOT_AVAILABLE
    shown = f"{float(value):+.{digits}f}"
    if float(shown) == 0:
        shown = f"{0:.{digits}f}"  # '0.0', never '+0.0' or '-0.0'
    return minus(shown) + unit


def page_pct(value, digits: int = 1) -> str:
    """For pages: '+4.2%', '−5.3%', '0.0%'."""
    return _page_signed(value, digits, "%")


def page_pp(value, digits: int = 1) -> str:
    """For pages: '+1.3 pp', '−0.2 pp', '0.0 pp'."""
    return _page_signed(value, digits, " pp")


def page_signed_count(value) -> str:
    """For pages: '+3,406', '−12', '0'."""
    if _missing(value):
        return NOT_AVAILABLE
    return "0" if round(float(value)) == 0 else minus(signed_count(value))


def ordinal(n) -> str:
    """'1st', '2nd', '3rd', '11th', '43rd'."""
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def measured_figure(record: dict) -> str:
    """A claim record's figure for a page: :func:`measured_of`, a rank as '5th of 43' even in records written before
    ``measured_text`` existed, and a true minus sign."""
    text = record.get("measured_text")
    value = record.get("measured")
    if not text and record.get("kind") == "rank" and isinstance(value, int | float) and not _missing(value):
        standings = (record.get("evidence") or {}).get("standings") or []
        out_of = standings[0].get("out_of") if standings and isinstance(standings[0], dict) else None
        text = ordinal(value) + (f" of {out_of}" if out_of else "")
    return minus(text or measured(value, record.get("kind")))


_HOW_MANY = re.compile(r"\b(?:sum|mean|median) of (?:the )?(\d+) (?:territorial )?force", re.I)


def comparator_label(name, definition=None) -> str:
    """A comparator's name saying how many forces it is made of, as its definition does: 'Sum of 42 territorial
    forces' when only 42 had figures (the label and the definition never disagree)."""
    text = "" if name is None else str(name)
    found = _HOW_MANY.search(str(definition or ""))
    if not found:
        return text
    n = found.group(1)
    for generic, counted in (("Sum of territorial forces", f"Sum of {n} territorial forces"),
                             ("Mean of force % changes", f"Mean of {n} force % changes"),
                             ("Median of force % changes", f"Median of {n} force % changes")):
        if text == generic:
            return counted
    return text


def known_author(document: dict) -> str | None:
    """A document's author, or None when its claim file does not know it ('unknown': drafted from a text)."""
    author = str(document.get("author") or "").strip()
    return None if author.lower() in ("", "unknown", "n/a", "none") else author
