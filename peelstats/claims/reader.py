"""Reading sentences into draft claims: rule-based, over peelstats' own registries and ``press_words.yaml``.

Precision before recall: a claim is drafted only when the words give its subject, its offence and its figure (or
its direction); a number, place or offence the rules cannot tie together is listed as not recognised, never
guessed. Every draft keeps the words it came from (its span) and how each word was read.

The steps, per sentence: find the *mentions* (places, offences, figures, directions, periods, rank and comparison
words), then tie figures to the nearest place, offence and direction in the same clause.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, TypeGuard, TypeVar

import pandas as pd
import yaml

from peelstats.claims import words
from peelstats.errors import PeelstatsError
from peelstats.reference import forces, geography, periods
from peelstats.reference import offences as off

# ------------------------------------------------------------------------------------------------ lexicons


@cache
def press_words() -> dict:
    with resources.files("peelstats.claims").joinpath("press_words.yaml").open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _phrase_pattern(phrases) -> re.Pattern:
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"[\s,-]+") for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def _frame_words() -> frozenset[str]:
    return frozenset(press_words()["frame_words"])


@cache
def _offence_lexicon() -> tuple[re.Pattern, dict[str, str], dict[str, str]]:
    table, untestable = {}, {}
    for name, phrases in press_words()["offences"].items():
        for phrase in phrases:
            table[phrase.lower()] = name
    for name, phrases in press_words()["untestable"].items():
        for phrase in phrases:
            untestable[phrase.lower()] = name
    untestable["serious and organised crime"] = "serious and organised crime"
    untestable["serious organised crime"] = "serious and organised crime"
    return _phrase_pattern([*table, *untestable]), table, untestable


_SUFFIXES = ("police", "constabulary", "police service", "police force", "force")


@cache
def _geo_lexicon() -> tuple[re.Pattern, dict[str, str]]:
    """Phrase -> a key for :func:`peelstats.reference.geography.resolve`."""
    table: dict[str, str] = {}
    for force in forces.TERRITORIAL_FORCES + (forces.by_code(forces.BTP_CODE),):
        names = {force.name, *force.variants}
        if force.slug:
            names.add(force.slug.replace("-", " "))
        for name in names:
            if len(name) <= 3 and name.isupper() and name not in ("GMP", "BTP", "Met"):
                continue
            for spelling in {name.lower(), name.lower().replace(" and ", " & ")}:  # "Avon & Somerset"
                table[spelling] = force.code
                for suffix in _SUFFIXES:
                    table[f"{spelling} {suffix}"] = force.code
        table[force.code.lower()] = force.code  # "E23000036"
    table |= {"the met": "E23000001", "met police": "E23000001", "the metropolitan police": "E23000001",
              "scotland yard": "E23000001", "city of london police": "E23000034"}
    table.pop("west midlands", None)  # the force, unless "region" follows
    table["west midlands police"] = "E23000014"
    table["west midlands"] = "E23000014"
    for alias in geography._REGION_ALIASES:  # noqa: SLF001 - the registry's own aliases
        if alias not in ("east", "the east", "london"):
            table.setdefault(alias, alias)
            table.setdefault(f"{alias}-wide", alias)  # "a 15 per cent reduction Yorkshire-wide"
    table |= {"england-wide": "england", "wales-wide": "wales", "london-wide": "london"}
    for adjective, country in (("welsh", "wales"), ("english", "england")):  # "crimes recorded by Welsh police forces"
        for forces_ in ("police forces", "forces", "police force areas", "force areas", "police"):
            table[f"{adjective} {forces_}"] = country
    table |= {"england and wales": "england and wales", "wales and england": "england and wales",
              "england": "england", "wales": "wales",
              "east anglia": "east anglia", "london": "london", "the east of england": "east of england",
              "the north west": "north west", "the south east": "south east", "the south west": "south west",
              "the east midlands": "east midlands", "the west midlands region": "west midlands region",
              "yorkshire and the humber": "yorkshire and the humber"}
    for all_ in ("all 43", "all the 43", "all forty-three", "the 43", "the forty-three"):  # the 43 territorial forces
        for forces_ in ("forces", "police forces", "force areas", "police force areas", "territorial forces"):
            table[f"{all_} {forces_} in england and wales"] = "england and wales excluding btp"
    return _phrase_pattern(table), table


@cache
def _hyphenated_slugs() -> frozenset[str]:
    """police.uk slugs written as such ("avon-and-somerset"): lower case, but a force's name all the same."""
    return frozenset(f.slug for f in forces.TERRITORIAL_FORCES if "-" in f.slug)


@cache
def _outside_lexicon() -> tuple[re.Pattern, dict[str, str]]:
    table = {phrase.lower(): name for name, phrases in press_words()["outside_england_and_wales"].items()
             for phrase in phrases}
    return _phrase_pattern(table), table


@cache
def _untestable_reasons() -> dict[str, str]:
    reasons = dict(press_words()["untestable_reasons"])
    for name in press_words()["outside_england_and_wales"]:
        reasons[name] = ("it is outside England and Wales, and these data are the crimes recorded by the police "
                         "forces of England and Wales")
    return reasons


def untestable_reason(name: str) -> str:
    """Why the data cannot test a claim about ``name`` (knife crime, the Crime Survey, Scotland...)."""
    if isinstance(name, Part):
        return name.reason
    return _untestable_reasons().get(name, "police recorded crime is published by offence group, and this is not one")


class Part(str):
    """Offence words qualified into a part of the offence, or another thing ("attempted murder", "rural crime",
    "thefts from vehicles"): not testable, and the reason names the offence the words alone would have named."""

    reason: str

    def __new__(cls, words: str, offence: str):
        made = super().__new__(cls, words)
        made.reason = (f"'{words}' names only a part of {offence} (or something else), which police recorded crime "
                       "is not published by, so it is not read as the whole offence group")
        return made


@cache
def _qualifier_patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    spec = press_words()["qualifiers"]
    before = "|".join([*(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(spec["before"], key=len, reverse=True)),
                       *(rf"[a-z]+{re.escape(w)}" for w in spec.get("before_suffixes", []))])
    after = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(spec["after"], key=len, reverse=True))
    return (re.compile(rf"(?<![\w-])(?:{before})[\s-]+$", re.IGNORECASE),
            re.compile(rf"\s+(?P<q>{after})\s+(?:(?:a|an|the)\s+)?(?P<head>(?!(?:a|an|the)\b)[a-z][\w-]*)",
                       re.IGNORECASE),
            frozenset(str(w).lower() for w in spec["not_parts"]))


_MONTH_WORD = re.compile(r"(?:january|february|march|april|may|june|july|august|september|october|november|"
                         r"december)$", re.IGNORECASE)


def _qualified(found: list[Mention], text: str) -> list[Mention]:
    """Offence words that a word before or after makes a part of the offence ("attempted murder", "thefts from a
    vehicle", "crimes against households"): listed as not testable (``Part``), never read as the whole group."""
    before, after, not_parts = _qualifier_patterns()
    out = []
    for m in found:
        if m.kind != "offence":
            out.append(m)
            continue
        lead = before.search(text[max(0, m.start - 30):m.start])
        start, end = m.start, m.end
        if lead and re.search(r"\bthe\s+more\s+$", text[max(0, m.start - len(lead.group(0)) - 12):
                                                         m.start - len(lead.group(0))], re.IGNORECASE) and \
                re.match(r"\s+(?:sub[\s-]?)?categor(?:y|ies)\b", text[m.end:], re.IGNORECASE):
            lead = None  # "the more serious Violence with Injury sub category": the category named, described
        if lead and not any(o.start <= m.start - len(lead.group(0)) < o.end for o in found if o is not m):
            start = m.start - len(lead.group(0))
        tail = after.match(text, m.end)
        if tail and start == m.start:
            head_at = tail.start("head")
            starts_mention = any(o.start in (tail.start("q"), head_at) or o.start <= head_at < o.end
                                 for o in found if o.kind in ("figure", "period", "geo", "national", "offence",
                                                              "untestable", "own_force", "outside"))
            head = tail.group("head").lower()
            if m.value == GENERIC_TOTAL and tail.group("q").lower() in ("involving", "of") and any(
                    o.start == head_at and o.kind in ("offence", "untestable") for o in found):
                continue  # "offences involving knives", "crimes involving violence": what they involve is named
            if not (starts_mention or head in not_parts or _MONTH_WORD.match(head) or head[0].isdigit()
                    or text[head_at].isupper()):
                end = tail.end()
        if (start, end) == (m.start, m.end):
            out.append(m)
            continue
        words_ = " ".join(text[start:end].lower().split())
        out.append(Mention("untestable", start, end, text[start:end], Part(words_, str(m.value))))
    return out


@cache
def _not_parts() -> frozenset[str]:
    return frozenset(str(w).lower() for w in press_words()["qualifiers"]["not_parts"]) | {
        "recent", "past", "demand", "reports", "reporting", "calls", "areas", "parts", "number", "numbers"}


# the unknown words a rise or fall is in ("a 4% reduction in assaults where the victim is injured")
_CHANGE_IN = re.compile(r"\s*(?:(?:%|per[\s-]*cent|pc)\s*)?(?:\w+\s+){0,2}?(?:rise|increase|fall|growth|surge|drop|"
                        r"reduction|decrease|decline|jump|hike|spike|cut)s?\s+in\s+(?:the\s+)?"
                        r"(?:(?:overall|total|all)\s+)?(?:number\s+of\s+|levels?\s+of\s+|recorded\s+|reported\s+)?"
                        r"(?P<w>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,5})", re.IGNORECASE)
# an unknown noun just before the verb of a figure's change ("Arson rose by", "assaults were up")
_NOUN_VERB = re.compile(r"(?:^|[\s,(])(?P<w>[A-Za-z][a-z-]*s?)\s+(?:(?:have|has|had|were|was|also)\s+){0,2}"
                        r"(?:rose|risen|rise|fell|fallen|increased|decreased|dropped|declined|jumped|climbed|soared|"
                        r"up|down|went\s+up|went\s+down)\b(?:\s+by)?\s*(?:\w+\s+){0,1}$", re.IGNORECASE)


@cache
def _not_places() -> frozenset[str]:
    return frozenset(str(w).lower() for w in press_words()["not_places"]) | _frame_words()


# ---------------------------------------------------------------------------------------------- mentions


@dataclass(frozen=True)
class Mention:
    kind: str  # geo, offence, untestable, figure, direction, period, own_force, national, rank, comparison...
    start: int
    end: int
    text: str
    # by kind: a code, key or name (geo, offence, direction...), a Figure, a period's groups, or None
    value: str | Figure | dict[str, str | Any] | None = None

    # ``value`` as its kind holds it, for the type checker
    @property
    def key(self) -> str:
        assert isinstance(self.value, str), self
        return self.value

    @property
    def figure(self) -> Figure:
        assert isinstance(self.value, Figure), self
        return self.value

    @property
    def groups(self) -> dict[str, str | Any]:
        """A period's named groups, as ``re.Match.groupdict`` gives them (None for a group that did not match)."""
        assert isinstance(self.value, dict), self
        return self.value


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr" \
          "|jun|jul|aug|sep|sept|oct|nov|dec"
_PERIOD_PATTERNS = (
    # "the same period in 2007", "the same period in the 12 months to September 2007": the same months as the
    # figures the words are about, in that year (read in _Sentence.period, which knows those figures)
    re.compile(rf"(?:the\s+)?same\s+(?:period|12\s+months|time|months|point)\s+(?:in|of|during)\s+(?:(?:the\s+)?"
               rf"(?:(?:12|twelve)\s+months|year)\s+(?:up\s+)?(?:to|ending|ended)\s+(?P<samemonth>{_MONTHS})\s+"
               rf"(?P<sameyear2>(?:19|20)\d{{2}})|(?P<sameyear>(?:19|20)\d{{2}})(?![/\d-]))", re.IGNORECASE),
    # "in the same period between 2015 and 2016": the same months, in the 12 months that end in the later year
    re.compile(r"(?:the\s+)?same\s+(?:period|12\s+months|time|months)\s+(?:between|from)\s+(?P<samefrom>(?:19|20)\d{2})"
               r"\s*(?:and|to|-|\u2013)\s*(?P<sameto>(?:19|20)\d{2})(?![/\d-])", re.IGNORECASE),
    # "a 7.6% drop in the previous year's ONS report", "in the previous year": the 12 months before the figures'
    # "1585 were recorded the previous year": the same, after a verb of recording
    re.compile(r"(?:(?:in|during|for)\s+|(?<=recorded\s)|(?<=reported\s)|(?<=logged\s))the\s+(?P<prior>(?:previous|"
               r"preceding|prior)\s+(?:year|12\s+months)(?:['\u2019]s\s+"
               r"(?:[\w-]+\s+){0,2}?(?:report|figures|statistics|data|release|bulletin|publication))?)"
               r"(?!['\u2019])", re.IGNORECASE),
    # "During this period, the force recorded...", "in the same period": the period stated before
    re.compile(r"(?:in|during|over|for|across|within)\s+(?P<thatperiod>(?:the\s+same|this|that|the\s+said)\s+(?:period|time|"
               r"(?:12|twelve)[\s-]+months?(?:\s+period)?))(?!\s+(?:last|a\s+year|the\s+year|in|of|between|from|to|"
               r"ending|ended|up|a\s+decade)\b)", re.IGNORECASE),
    # "in the year to June 2018", "12 months up to March 2012", "the year ending March 2017", "year to March 31"
    re.compile(rf"(?:in |for |during |over )?(?:the )?(?:12|twelve)?[\s-]*(?:months?|year)\s+(?:up\s+)?"
               rf"(?:to|ending|ended|until|preceding)\s+(?:in\s+)?(?:the\s+end\s+of\s+)?(?:this\s+)?"
               rf"(?:(?:28|29|30|31)(?:st|th)?\s+)?(?P<month>{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?"
               rf"(?:\s+(?P<year>\d{{4}})|\s+(?P<rel>this|last)\s+year)?", re.IGNORECASE),
    re.compile(rf"\bas\s+(?:of|at)\s+(?:the\s+end\s+of\s+)?(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})", re.IGNORECASE),
    # "has increased by 13.74% since September 2016 (40,021)": the 12 months to that month, what the figures are
    # compared with (a baseline, by the word before it)
    re.compile(rf"(?<=\bsince\s)(?P<month>{_MONTHS})\s+(?P<year>(?:19|20)\d{{2}})(?![/\d])", re.IGNORECASE),
    re.compile(rf"(?:up\s+)?to\s+the\s+end\s+of\s+(?P<month>{_MONTHS})(?:\s+(?P<year>\d{{4}})|\s+(?P<rel>this|last)"
               rf"\s+year)", re.IGNORECASE),
    re.compile(r"(?:in |for |during )?(?:the )?(?:financial year |fy ?)?(?P<fy>(?:19|20)\d{2}[/-]\d{2}(?!\d))",
               re.IGNORECASE),
    # "from 397 in 09/10 to 407 in 10/11": a financial year in two digits (the second one year on)
    re.compile(r"(?:in |for |during )(?:the )?(?:financial year )?"
               r"(?P<fy2>(?P<fy2a>[0-9]{2})/(?P<fy2b>[0-9]{2}))(?![\d/])",
               re.IGNORECASE),
    re.compile(rf"between\s+(?P<from>{_MONTHS})\s+(?:(?P<fromyear>\d{{4}})\s+)?and\s+(?P<to>{_MONTHS})\s+"
               rf"(?P<year>\d{{4}})",
               re.IGNORECASE),
    # "between July 01 2012 to June 30 2013", "between 1 April 2012 and 31 March 2013": whole months, from the first
    # day of one to the last day of another (other days are not the months ONS publishes)
    re.compile(rf"between\s+(?:0?1(?:st)?\s+(?P<from>{_MONTHS})|(?P<from2>{_MONTHS})\s+0?1(?:st)?),?\s+"
               rf"(?P<fromyear>\d{{4}})\s+(?:and|to|-|\u2013)\s+(?:(?:28|29|30|31)(?:th|st)?\s+(?P<to>{_MONTHS})|"
               rf"(?P<to2>{_MONTHS})\s+(?:28|29|30|31)(?:th|st)?),?\s+(?P<year>\d{{4}})(?!\d)", re.IGNORECASE),
    # "last year", "the past 12 months", "this year" (not "the past 12 months to March 2018")
    re.compile(r"(?:in |over |during )?(?:the )?(?P<latest>(?:last|past)\s+(?:year|12 months|twelve months)|"
               rf"this\s+year)(?!\s+(?:to|ending|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:{_MONTHS}))", re.IGNORECASE),
    re.compile(rf"from\s+(?P<from>{_MONTHS})\s+(?:(?P<fromyear>\d{{4}})\s+)?to\s+(?P<to>{_MONTHS})"
               rf"(?:\s+(?P<year>\d{{4}}))?",
               re.IGNORECASE),
    # "the period April 2019 to March 2020": from a month of one year to a month of the next
    re.compile(rf"(?<!from\s)\b(?P<from>{_MONTHS})\s+(?P<fromyear>\d{{4}})\s*(?:to|-|\u2013)\s*(?P<to>{_MONTHS})\s+"
               rf"(?P<year>\d{{4}})", re.IGNORECASE),
    # "covering July to September 2009", "October-December 2012": part of a year, with its year
    re.compile(rf"(?<!from\s)\b(?P<from>{_MONTHS})\s*(?:to|-|\u2013)\s*(?P<to>{_MONTHS})\s+(?P<year>\d{{4}})",
               re.IGNORECASE),
    # "an 8% rise in the following year": a year after the period named before it
    re.compile(r"(?:in\s+)?the\s+(?P<following>following|next)\s+(?:year|12\s+months)|the\s+(?P<after>year\s+after)",
               re.IGNORECASE),
    re.compile(r"(?:the\s+)?(?:(?:first|second|third|fourth|final|last)\s+quarter|last\s+three\s+months|"
               r"(?:first|second)\s+half|six\s+months)\s+(?:of\s+)?(?:(?P<qyear>(?:19|20)\d{2})|last\s+year|"
               r"the\s+year|this\s+year)?", re.IGNORECASE),
    re.compile(r"(?:in|during|for)\s+(?P<cal>(?:19|20)\d{2})(?![/\d-])", re.IGNORECASE),
    # "up from 36,736 at the end of 2014", "in the 12 months to the end of 2017": the year to December
    re.compile(r"(?:(?:in\s+)?(?:the\s+)?(?:12|twelve)\s+months\s+)?(?:at|by|to|until|up\s+to)\s+the\s+end\s+of\s+"
               r"(?P<calend>(?:19|20)\d{2})(?![/\d-])", re.IGNORECASE),
    # "crime fell 5% in June", "in March 2018", "last month": one month, not a rolling year
    re.compile(r"(?:\b(?:in|during|for)\s+(?P<onemonth>(?-i:January|February|March|April|May|June|July|August|"
               r"September|October|November|December))(?:\s+(?P<monthyear>(?:19|20)\d{2}))?(?![\w/-])"
               r"(?!\s*(?:to|and|-|\u2013)\s)|\b(?P<lastmonth>last|this)\s+month\b)", re.IGNORECASE),
)
# a period named as what a figure is compared with: "on 2009/10", "compared to 2011/12", "the same period last year"
_BASELINE_WORDS = re.compile(r"(?:\bon|\bcompared\s+(?:to|with)|\bin\s+comparison\s+(?:to|with)|"
                             r"\bthan(?:\s+there\s+(?:were|was))?|\bfrom|"
                             r"\bagainst|\bsince|same\s+period|\bprevious|\bpreceding)\s*(?:the\s+)?"
                             # "a seven per cent decrease on the figures to the same point in 2022"
                             r"(?:(?:figures?|numbers?|levels?|totals?)\s+(?:to|for|of|at)\s+(?:the\s+)?)?"
                             r"(?:same\s+period\s+)?(?:in\s+)?$", re.IGNORECASE)
# "the highest level since 2005/06", "the lowest figure for an equivalent period since records began": a record,
# not a rank among forces, and the year is not the baseline of the figure beside it
_RECORD_SINCE = re.compile(r"(?:\s+(?:levels?|numbers?|figures?|tally|total|counts?|rates?)\b)?(?:\s+(?:for|in|of)\s+"
                           r"[\w\s-]{0,40}?)?\s+since\b", re.IGNORECASE)
_SUPERLATIVE = r"(?:highest|lowest|biggest|largest|greatest|smallest|most|fewest|least|best|worst)"
_SINCE_RECORD = re.compile(rf"\b(?:{_SUPERLATIVE}|first)\b[^.;]{{0,60}}\bsince\s+(?:the\s+)?(?:year\s+)?$",
                           re.IGNORECASE)
_RECORD_FOR = re.compile(rf"\b{_SUPERLATIVE}\b[^.;,]{{0,50}}$", re.IGNORECASE)  # "the lowest figures for 30 years"
# "from 1,955 in 2015", "compared with 44,294 in 2011": a year named for the figure something is compared with
_BASELINE_FIGURE = re.compile(r"(?:\bfrom|\bthan|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\bon)\s+"
                              r"(?:(?:a|the|some|about|around|nearly|almost)\s+)?[\d,.]+(?:\s*(?:million|m|k|thousand))?"
                              r"(?:\s+[a-z]+){0,2}\s*$", re.IGNORECASE)
# "up from 50 last year", "compared with 144 last year": last year as what a figure is compared with
_LAST_YEAR_COMPARED = re.compile(r"(?:\bfrom|\bthan|\bcompared\s+(?:with|to)|\bagainst|\bon|\bover|\bversus|\bvs\.?)"
                                 r"\s+(?:(?:a|an|the)\s+)?(?:[\w,.%]+\s+){0,3}$", re.IGNORECASE)
_DIRECTION = None
_RANK = re.compile(
    r"(?:the\s+)?(?:(?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"[\s-]+(?:the\s+)?)?"
    r"(?P<sup>biggest|largest|highest|greatest|steepest|sharpest|lowest|smallest|fastest|safest|worst|best)"
    r"(?:,?[\s-]+(?P<what>(?:(?:percentage|relative|overall|annual|proportional)\s+)?(?:rises?|increases?|drops?|falls?|reductions?|decreases?|"
    r"(?:recorded\s+)?crime\s+rates?|rates?\s+of\s+(?:recorded\s+)?crime|"
    r"(?:recorded\s+)?crime\s+(?:locations?|areas?|count(?:y|ies)|force\s+areas?|forces?|places?|parts?|regions?|"
    r"cit(?:y|ies)|towns?)|"
    r"rates?|numbers?|levels?|figures?|volumes?|jumps?|hikes?)))?", re.IGNORECASE)
# "the lowest crime location in England", "the lowest crime county": a place with little crime for its people
_CRIME_PLACE = re.compile(r"crime\s+(?:locations?|areas?|count(?:y|ies)|force\s+areas?|forces?|places?|parts?|"
                          r"regions?|cit(?:y|ies)|towns?)$", re.IGNORECASE)
# "the biggest increase was seen in stalking and harassment", "the largest rise of any crime type": a rank among
# offences, not among forces
_AMONG_OFFENCES_AFTER = re.compile(r"[^.;]{0,15}?\b(?:was|were|came|being)\s+(?:\w+\s+){0,2}?(?:in|for|among)\s+",
                                   re.IGNORECASE)
_OF_ANY_OFFENCE = re.compile(r"\s*(?:\w+\s+){0,2}?(?:of|among|across)\s+(?:any|all|the)?\s*(?:other\s+)?"
                             r"(?:crime|offence)s?\s+(?:types?|categor(?:y|ies)|groups?)|\s*(?:\w+\s+){0,3}?"
                             r"(?:crime|offence)\s+(?:types?|categor(?:y|ies))\b", re.IGNORECASE)
# "one of the biggest", "among the highest", "on of the largest" (a typo): one among several, not one place
_OF_THE_SUPERLATIVE = re.compile(r"(?:(?:^|\s)\w{1,5}\s+of|\bamong(?:st)?)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
                                 re.IGNORECASE)
# "the highest number in nine years", "the lowest level on record", "the biggest rise for a decade": over time
_OVER_TIME = re.compile(r"(?:[\w\s-]{0,30}?\s)?(?:(?:in|for|over|within)\s+(?:(?:more\s+than|over|almost|nearly|"
                        r"at\s+least|the\s+(?:last|past))\s+)?(?:[\w-]+\s+)?(?:years|decades?)\b"
                        r"(?!\s+(?:to|ending|ended|up)\b)|on\s+record\b|ever\b|in\s+(?:recent\s+)?(?:memory|history)\b)",
                        re.IGNORECASE)
# words that rank among forces without naming a pool after the superlative: "of any force", "league table"
_AMONG_FORCES = re.compile(r"\b(?:any|every|all|other)\s+(?:other\s+)?(?:police\s+)?(?:forces?|force\s+areas?|"
                           r"constabular(?:y|ies))\b|\bleague\s+table|\banywhere\b|\bnationally\b", re.IGNORECASE)
_SECOND_ONLY = re.compile(r"(?:second\s+only\s+to|coming\s+second\s+to|second\s+behind|second\s+to)\s+(?:the\s+)?",
                          re.IGNORECASE)
_COMPARE_HEAD = (
    r"(?P<rel>faster|quicker|slower|more|less|higher|lower|bigger|smaller|greater|below|above)\s+"
    # "risen more quickly than in the rest of the country"
    r"(?:(?:quickly|rapidly|sharply|steeply|slowly)\s+)?"
    # "a bigger reduction compared to the national average", "a greater rise than the national average"
    r"(?:(?:percentage\s+)?(?:rises?|increases?|falls?|drops?|reductions?|decreases?|declines?)\s+"
    r"(?:than|compared\s+(?:to|with))\s+|(?:in\s+[\w\s-]{2,40}?\s+)?(?:than\s+(?:in\s+|across\s+)?)?)(?:the\s+)?")
_COMPARE_TAIL = (
    r"(?:(?:(?P<adj>[A-Za-z]+)\s+)?(?:national\s+average|national\s+rate|national\s+figure)|"
    r"(?P<adjo>(?-i:[A-Z])[A-Za-z]+)\s+average|"
    r"average\s+for\s+england\s+and\s+wales|"
    r"average\s+(?:across|in)\s+(?:the\s+rest\s+of\s+)?england\s+and\s+wales|"
    r"(?:national\s+)?average\s+(?:for|in|across)\s+(?P<country>england|wales)(?!\s+and\b)|"
    r"england\s+and\s+wales(?:\s+average)?|national\s+picture|rest\s+of\s+the\s+country|nationally|"
    r"country\s+as\s+a\s+whole|rest\s+of\s+england\s+and\s+wales|"
    r"average\s+increase\s+across\s+england\s+and\s+wales)")


@cache
def _compare_pattern() -> re.Pattern:
    """"higher than the national average", "below the English national average", "lower than the Welsh average"."""
    return re.compile(_COMPARE_HEAD + rf"(?:(?P<adjc>{_adjective_words()})\s+(?:average|rate|figure)|"
                      + _COMPARE_TAIL + ")", re.IGNORECASE)
_RATIO = re.compile(r"(?P<q>over |more than |almost |nearly |around |about )?(?P<w>double|twice|treble|triple|three "
                    r"times|four times)\s+(?:that\s+of\s+|the\s+level\s+of\s+)?(?:the\s+)?national\s+average",
                    re.IGNORECASE)
# "bucking the national trend", "which bucks the general national trend of increases"
_AGAINST_TREND = re.compile(r"(?:(?:going|goes|went|gone)\s+against|bucks|bucked|bucking|against|defies|defied|defying)"
                            r"\s+the\s+(?:(?:general|wider|overall)\s+)?national\s+(?:picture|trend)", re.IGNORECASE)
_ALL_EXCEPT = re.compile(r"all\s+(?:the\s+)?(?:police\s+)?forces\s+(?:in\s+england\s+and\s+wales\s+)?"
                         r"(?:except|apart\s+from|bar|but)\s+", re.IGNORECASE)
# "one of only five forces to record a fall", "one of only four areas in England and Wales which has seen a fall"
_ONE_OF_ONLY = re.compile(r"one\s+of\s+(?:only\s+)?(?P<n>\w+)\s+(?:(?:police\s+)?(?:forces?(?:\s+areas)?|areas)\s+|"
                          r"(?=(?:in|across)\s))(?:(?:in|across)\s+[\w\s]+?\s+)?(?:to|which|that)\s+"
                          r"(?:(?:has|have|had)\s+)?(?:record(?:ed)?|see|seen|saw|show(?:n|ed)?|report(?:ed)?|have|"
                          r"register(?:ed)?|post(?:ed)?|suffer(?:ed)?)\s+(?:a|an)\s+(?P<dir>\w+)", re.IGNORECASE)
# "Northumbria and Durham are two of just six in the country that have seen overall recorded crime increase"
_SOME_OF_ONLY = re.compile(r"\b(?P<k>two|three|four|five)\s+of\s+(?:just|only)\s+(?P<n>\w+)\s+(?:(?:police\s+)?"
                           r"(?:forces?|force\s+areas|areas)\s+)?(?:(?:in|across)\s+(?:the\s+country|england\s+and\s+"
                           r"wales)\s+)?(?:that|which|to)\s+(?:have\s+|had\s+|has\s+)?(?:seen|saw|see|recorded|record|"
                           r"reported|report|shown|showed|show)\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?"
                           r"(?P<dir>increase|rise|fall|decrease|drop|reduction|go\s+up|go\s+down|rising|falling)\b",
                           re.IGNORECASE)
_ONLY_FORCE = re.compile(r"the\s+only\s+(?:police\s+)?force\s+(?:in\s+(?P<scope>our\s+region|the\s+region|"
                         r"england\s+and\s+wales|the\s+country|wales|england|(?:the\s+)?[\w\s]+?)\s+)?to\s+"
                         r"(?:record|see|show|report|have)\s+(?:a|an)\s+(?P<dir>\w+)", re.IGNORECASE)
_DIRECTION_NOUN = r"(?P<dir>rises?|falls?|increases?|decreases?|drops?|reductions?)\b"  # "saw a rise"
_PER_1000 = r"(?:per|for\s+every)\s+(?:1,000|1000|one\s+thousand|thousand)"  # "per 1,000", "for every 1000"
_OF_43 = r"(?:out\s+)?of\s+(?:the\s+)?(?:43|forty-three)\s+(?:police\s+)?(?:forces|force\s+areas)"
_N_OF_FORCES = re.compile(rf"(?P<n>[\w-]+)\s+(?:{_OF_43}|(?:police\s+)?(?:forces|force\s+areas))\s+"
                          r"(?:in\s+england\s+and\s+wales\s+)?(?:have\s+|had\s+)?"
                          r"(?:recorded|saw|showed|reported|had|experienced)\s+(?:(?:a|an)\s+)?(?:[\w-]+\s+){0,2}?"
                          + _DIRECTION_NOUN, re.IGNORECASE)
# "Of the 43 forces in England and Wales, 33 are showing an increase": a count out of all the forces
_OF_43_N_FORCES = re.compile(r"\bof\s+the\s+(?:43|forty-three)\s+(?:police\s+)?(?:forces|force\s+areas)"
                             r"(?:\s+in\s+england\s+and\s+wales)?\s*,\s*(?P<n>[\w-]+)\s+(?:(?:are|were|have|had)\s+)?"
                             r"(?:showing|showed|shown|seen|saw|seeing|recorded|recording|reported|reporting|"
                             r"experienced|experiencing|had)\s+(?:(?:a|an)\s+)?(?:[\w-]+\s+){0,2}?"
                             + _DIRECTION_NOUN, re.IGNORECASE)
# "crime fell in 40 of the 43 forces"
_FELL_IN_N_OF_FORCES = re.compile(r"\b(?P<dir>rose|risen|increased|fell|fallen|decreased|dropped|declined|went\s+up|"
                                  rf"went\s+down|gone\s+up|gone\s+down)\s+in\s+(?P<n>[\w-]+)\s+(?:{_OF_43}|"
                                  r"(?:police\s+)?(?:forces|force\s+areas)(?!\s+(?:in|across)\s+(?!england\s+and\s+"
                                  r"wales)))", re.IGNORECASE)
# "a rise in violence in all police force areas", "all 43 forces recorded an increase": every force
_EVERY_FORCE_TAIL = r"(?!\s+(?:except|apart\s+from|bar|but|save|other\s+than|in\s+(?!england\s+and\s+wales)))"
_IN_EVERY_FORCE = re.compile(r"\b(?P<dir>rises?|increases?|falls?|drops?|reductions?|decreases?|rose|risen|increased|"
                             r"fell|fallen|decreased|dropped|declined)\b(?:(?!\b(?:biggest|largest|highest|lowest|"
                             r"smallest|greatest|most|least)\b)[^.;,]){0,60}?\bin\s+(?:all|every|each)\s+(?:of\s+)?"
                             r"(?:the\s+)?(?:43\s+|forty-three\s+)?(?:police\s+)?(?:force\s+areas?|forces?)"
                             r"(?:\s+in\s+england\s+and\s+wales)?" + _EVERY_FORCE_TAIL, re.IGNORECASE)
_EVERY_FORCE_SAW = re.compile(r"\b(?:all|every|each\s+of\s+the)\s+(?:43\s+|forty-three\s+)?(?:police\s+)?"
                              r"(?:forces?|force\s+areas?)\s+(?:in\s+england\s+and\s+wales\s+)?(?:have\s+|has\s+)?"
                              r"(?:recorded|saw|seen|showed|reported|had|experienced)\s+(?:(?:a|an)\s+)?"
                              r"(?:[\w-]+\s+){0,2}?(?P<dir>rises?|falls?|increases?|decreases?|drops?|reductions?)\b",
                              re.IGNORECASE)
# "All four police forces in Wales recorded an increase", "all four Welsh police forces saw increases": every force
# of a place (a country or region), so a count of forces within it
_ALL_FORCES_IN = re.compile(r"\b(?i:all|each\s+of|every\s+one\s+of)\s+(?:(?i:the)\s+)?(?:(?P<n>(?i:two|three|four|"
                            r"five|six|seven|eight|nine|ten)|\d{1,2})\s+)?(?:(?P<adj>[A-Z][a-z]+)\s+)?"
                            r"(?:(?i:police)\s+)?(?i:forces|force\s+areas|constabularies)\s+"
                            r"(?:(?i:in|across|of)\s+(?P<place>(?:(?i:the)\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+)?"
                            r"(?i:(?:have\s+|has\s+)?(?:all\s+)?(?:recorded|saw|seen|showed|shown|reported|had|"
                            r"experienced|registered)\s+(?:(?:a|an)\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?P<dir>rises?|falls?|increases?|decreases?|drops?|reductions?))\b")
# "with Gwent seeing the biggest rise, up 19%": the place named as the one that saw the figure after it
_WITH_SEEING = re.compile(r"\bwith\s+(?P<who>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})\s+(?:seeing|recording|having|"
                          r"showing|reporting|experiencing|registering)\b[^.;]{0,40}?,?\s*(?:(?:a|an|up|down|rising|"
                          r"falling|of|by|at)\s+){0,2}$")
# "..., with Gwent Police seeing the largest": the force first among them
_WITH_THE_MOST = re.compile(r"[^.;]{0,80}?\bwith\s+(?P<who>[A-Z][\w\s-]{1,40}?)\s+(?:seeing|recording|having|"
                            r"showing|reporting|experiencing|registering)\s+the\s+(?P<sup>largest|biggest|highest|"
                            r"greatest|steepest|sharpest|smallest|lowest)\b(?:\s+(?P<what>rises?|increases?|falls?|"
                            r"drops?|reductions?|decreases?))?", re.IGNORECASE)
_RATE = re.compile(r"(?P<fig>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?<=from\s)(?:one|two|three|four|five|six|seven|"
                   r"eight|nine|ten|eleven|twelve))\s+(?:(?:[a-z-]+|(?:19|20)\d{2}(?:/\d{2})?)\s+){0,6}?"
                   + _PER_1000 + r"\s+(?:people|residents|population|of\s+the\s+population|head\s+of\s+population|"
                   r"inhabitants)", re.IGNORECASE)
# "for every 1000 people, 41 crimes are reported": the rate after its "per 1,000"
_RATE_LEAD = re.compile(r"\b" + _PER_1000 + r"\s+(?:people|residents|"
                        r"inhabitants|of\s+the\s+population)\s*,?\s+(?:there\s+(?:are|were)\s+)?"
                        r"(?P<fig>\d+(?:\.\d+)?)(?=\s+(?:recorded\s+)?(?:crimes|offences)\b)", re.IGNORECASE)
_RATE_TO = re.compile(r"\s+to\s+(?P<fig>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                      r"twelve)\b(?!\s*(?:%|per\s*cent|percent|\d))", re.IGNORECASE)  # "from 65 per 1,000 to 62"
_ONE_IN = re.compile(r"one\s+(?:crime|offence)?\s*(?:committed\s+|recorded\s+)?(?:for|in)\s+every\s+(?P<n>[\w,.]+?)\s+"
                     r"(?:people|residents|person)|one\s+in\s+(?P<m>\d+|\w+)(?=\s|,|\.|$)", re.IGNORECASE)
# what makes "one in three" or "40 per cent" a share of the crimes, not a rate or a change: "one in three of the
# crimes were violence", "one in five offences", "36 per cent of all recorded crime", "accounting for 20%"
_SHARE_AFTER = re.compile(r"\s+(?:of\b|(?:all\s+)?(?:recorded\s+|reported\s+)?(?:crimes?|offences?|incidents?|"
                          r"cases)\b|(?:were|was|is|are)\b)", re.IGNORECASE)
_PERCENT_SHARE_AFTER = re.compile(r"\s+of\s+(?:all|the|total|overall|recorded|reported|police|crimes?|offences?|"
                                  r"incidents?|cases|(?:that|this|these|those)\s+(?:number|total|figure|count|"
                                  r"crimes?|offences?))\b", re.IGNORECASE)  # "20 per cent of that number"

_PERCENT_SHARE_BEFORE = re.compile(r"\b(?:account(?:s|ed|ing)?\s+for|ma(?:de|ke|kes|king)\s+up|comprising|comprised|"
                                   r"(?:a|the)\s+(?:share|proportion)\s+of|form(?:s|ed|ing)?)\s+"
                                   r"(?:(?:just|only|almost|nearly|around|about|over|under|some)\s+)*$", re.IGNORECASE)
_CAUSAL = re.compile(r"\b(?:led\s+to|lead\s+to|leads\s+to|resulted\s+in|result\s+of|because\s+of|thanks\s+to|"
                     r"due\s+to|down\s+to|responsible\s+for)\b", re.IGNORECASE)
_FAR_LESS = re.compile(r"(?:far|much|significantly|considerably)\s+(?:less|smaller|lower)\s+than\s+in\s+"
                       r"(?:previous|recent|earlier|past)\s+years", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")
# "53, 116 recorded crimes": a thousands comma with a stray space, before a count's noun
_SPACED_THOUSANDS = re.compile(r"(\d),\s(\d{3})(?!\d)")
_FIGURE_CORE = (r"(?:[-+\u2212]?(?:\d{1,3},\s\d{3}"
                r"(?=\s+(?:recorded\s+|reported\s+)?(?:crimes|offences|incidents|instances))|"
                r"\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|"
                r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety|hundred|a)[\s-]*)+)")
_UNIT = r"(?:[\s-]*(?:%|per[\s-]*cent\b|percent\b|pc\b|percentage\s+points?\b))"  # "19-per-cent"
_SCALE = r"(?:\s*(?:million|m\b|bn\b|billion|thousand|k\b))"


@cache
def _figure_pattern() -> re.Pattern:
    quantifier_words = sorted({w for q in words.quantifiers().values() for w in q.words}, key=len, reverse=True)
    quantifiers = "|".join(re.escape(w) for w in quantifier_words)
    fractions = "|".join(re.escape(f).replace(r"\ ", r"[\s-]+")  # "two-fifths"
                         for f in sorted(words.vocabulary()["fractions"], key=len, reverse=True))
    multipliers = "|".join(re.escape(f) for f in sorted(words.vocabulary()["multipliers"], key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.])(?:by\s+)?(?:(?P<q>{quantifiers})\s+)?(?:(?P<half>(?:\d+|[a-z]+)[\s-]+and[\s-]+a[\s-]+half)"
        rf"{_UNIT}?|(?P<frac>{fractions})(?![\w-])"
        rf"|(?P<num>{_FIGURE_CORE}{_SCALE}?){_UNIT}?(?!\w)|(?P<mult>{multipliers})(?!\w))", re.IGNORECASE)


_ELIDED_BURGLARY = re.compile(r"\b(?:non-residential|residential)\b(?![\s-]+(?:burglar|propert|premises|homes?|areas?|"
                              r"streets?|care|units?|schools?))", re.IGNORECASE)


def _mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    pattern, table, untestable = _offence_lexicon()
    for m in pattern.finditer(text):
        key = " ".join(re.split(r"[\s,-]+", m.group(0).lower()))
        key = next((k for k in (key, m.group(0).lower()) if k in table or k in untestable), key)
        if key in untestable:
            found.append(Mention("untestable", m.start(), m.end(), m.group(0), untestable[key]))
        elif key in table:
            found.append(Mention("offence", m.start(), m.end(), m.group(0), table[key]))
    if re.search(r"\bburglar", text, re.IGNORECASE):  # "(18 per cent residential burglaries; 13 per cent
        for m in _ELIDED_BURGLARY.finditer(text):      # non-residential)": the noun said once, for both
            if not any(o.start <= m.start() < o.end for o in found):
                found.append(Mention("offence", m.start(), m.end(), m.group(0), f"{m.group(0).lower()} burglary"))
    geo_pattern, geo_table = _geo_lexicon()
    for m in geo_pattern.finditer(text):
        key = " ".join(re.split(r"[\s,-]+", m.group(0).lower()))
        value = geo_table.get(key) or geo_table.get(m.group(0).lower())
        if value is None or (" " not in m.group(0).strip() and m.group(0)[0].islower()
                             and m.group(0).lower() not in _hyphenated_slugs()):
            continue  # one word names a place only with a capital: "targets were met", "hospital beds"
        after = text[m.end():m.end() + 8].lower()
        if value == "E23000014" and after.startswith(" region"):
            value = "west midlands region"
        found.append(Mention("geo", m.start(), m.end(), m.group(0), value))
    outside_pattern, outside_table = _outside_lexicon()
    for m in outside_pattern.finditer(text):
        if m.group(0)[0].isupper() or " " in m.group(0).strip():
            key = " ".join(re.split(r"[\s,-]+", m.group(0).lower()))
            found.append(Mention("outside", m.start(), m.end(), m.group(0),
                                 outside_table.get(key) or outside_table[m.group(0).lower()]))
    for m in _adjective_average().finditer(text):  # "the English national average": England, not E&W
        found.append(Mention("geo", m.start(), m.end(), m.group(0), _country_of(m).lower()))
    for phrase_kind in ("national", "own_force"):
        for m in _phrase_pattern(press_words()[phrase_kind]).finditer(text):
            found.append(Mention(phrase_kind, m.start(), m.end(), m.group(0)))
    for pattern_ in _PERIOD_PATTERNS:
        for m in pattern_.finditer(text):
            if m.groupdict().get("onemonth") and re.search(
                    r"\b(?:published|released|issued|announced|revealed|unveiled|out|due|expected|came|comes|come|"
                    r"updated|printed|ending|ended|to|until|year|months)\b[^.;,]{0,30}$",
                    text[max(0, m.start() - 40):m.start()], re.IGNORECASE):
                continue  # "figures published in July", "the year ending in June": not one month's figures
            groups = m.groupdict()
            for key in ("from", "to"):  # "between July 01 2012 to June 30 2013": the month, whichever order
                if groups.get(f"{key}2"):
                    groups[key] = groups.pop(f"{key}2")
            if "from2" in pattern_.groupindex and periods.parse_period_end(f"{groups['to']} {groups['year']}") <= \
                    periods.parse_period_end(f"{groups['from']} {groups['fromyear']}"):
                continue  # "between April 1 2012 and March 31 2012": an end before the start, a slip the words hold
            found.append(Mention("period", m.start(), m.end(), m.group(0), groups))
    direction_words = {w: d for w, d in words._word_index("directions").items()  # noqa: SLF001
                       if w not in ("more", "fewer", "higher", "lower")}
    for m in _phrase_pattern(direction_words).finditer(text):
        found.append(Mention("direction", m.start(), m.end(), m.group(0),
                             direction_words[" ".join(m.group(0).lower().split())]))
    for m in _figure_pattern().finditer(text):
        if (m.group("q") or "").lower() == "up to" and re.match(r"\s+from\s+[\d,.]+", text[m.end():]):
            again = _figure_pattern().match(text, m.start("num"))  # "up to 204 from 186": rose to 204, not at most
            assert again is not None  # the figure's own number, matched again from where it starts
            m = again
        figure = _figure(m, text)
        if figure is not None and not figure.percent and abs(figure.quoted.value) < 100 and re.match(
                r"[\s-]+(?:(?:consecutive|successive|straight)\s+)?(?:years?|decades?)\b", text[m.end():]):
            continue  # "over five years", "a 15-year low", "three consecutive years": a length of time, not a figure
        if figure is not None:
            found.append(Mention("figure", m.start(), m.end(), _figure_text(m), figure))
    return sorted(_negated(_qualified(_drop_overlaps(_merge_nouns(found, text)), text), text), key=lambda x: x.start)


# "these figures do not include fraud", "excluding fraud offences": an offence word the words deny (not "apart from
# sexual offences, which rose": an exception, which the words go on to speak of)
_NEGATION = re.compile(r"(?:(?:\bnot|n['\u2019]t|\bnever|\bno\s+longer)\s+(?:(?:\w+ly)\s+)?(?:include[sd]?|including|"
                       r"count(?:s|ed|ing)?|cover(?:s|ed|ing)?|incorporat(?:e|es|ed|ing)|contain(?:s|ed|ing)?|"
                       r"mean(?:s|t)?|relate[sd]?\s+to|about)|\bwithout|\bexclud(?:e|es|ed|ing)|"
                       r"\bleaving\s+(?:out|aside)|\bset\s+aside|"
                       r"\bnothing\s+to\s+do\s+with)\s+(?:(?:the|any|a|an|all|of)\s+)*[\u201c\u2018'\"]?$",
                       re.IGNORECASE)


def _negated(found: list[Mention], text: str) -> list[Mention]:
    """Offence words the words deny ("these figures do not include fraud", "excluding fraud offences"): not what a
    figure is about, so they are kept as ``negated`` mentions, which no reading takes as an offence."""
    return [Mention("negated", m.start, m.end, m.text, m.value)
            if m.kind in ("offence", "untestable") and _NEGATION.search(text[max(0, m.start - 50):m.start]) else m
            for m in found]


_NOUN = re.compile(r"\s+(?:offences?|crimes?|incidents?|cases|offending)\b", re.IGNORECASE)


def _merge_nouns(found: list[Mention], text: str) -> list[Mention]:
    """"knife and sharp instrument offences", "robbery crimes": the generic noun belongs to the offence before it."""
    specific = [m for m in found if m.kind in ("untestable", "offence") and m.value != GENERIC_TOTAL]
    drop, out = set(), []
    for m in specific:
        noun = _NOUN.match(text, m.end)
        if noun:
            drop |= {id(g) for g in found if g.kind == "offence" and g.value == GENERIC_TOTAL and
                     m.end <= g.start < noun.end()}
            out.append(Mention(m.kind, m.start, noun.end(), text[m.start:noun.end()], m.value))
        else:
            out.append(m)
    kept = [m for m in found if id(m) not in drop and not (m.kind in ("untestable", "offence") and
                                                            m.value != GENERIC_TOTAL)]
    return kept + out


def _drop_overlaps(found: list[Mention]) -> list[Mention]:
    """Places, offences and periods win over the figures and directions inside them ("the year to June 2018")."""
    strong = [m for m in found if m.kind in ("period", "geo", "offence", "untestable")]
    kept = []
    for m in found:
        if m.kind in ("figure", "direction") and any(s.start <= m.start < s.end for s in strong):
            continue
        if m.kind in ("offence", "untestable", "geo", "national") and any(
                o is not m and o.kind in ("offence", "untestable") and o.start <= m.start and m.end <= o.end
                and (o.end - o.start) > (m.end - m.start) for o in found):
            continue
        if m.kind in ("national", "geo") and any(o is not m and o.kind == "geo" and o.start <= m.start and
                                                 m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                                                 for o in found):
            continue  # "national average" in "the English national average", "England" in "average for England"
        if m.kind == "outside" and any(o.kind in ("geo", "offence", "untestable") and o.start <= m.start
                                       and m.end <= o.end for o in found):
            continue  # "Scotland Yard" is the Met
        if m.kind == "period" and any(o is not m and o.kind == "period" and o.start <= m.start and m.end <= o.end
                                      and (o.end - o.start) > (m.end - m.start) for o in found):
            continue  # "this year" inside "the end of March this year"
        kept.append(m)
    return kept


@dataclass(frozen=True)
class Figure:
    quoted: words.Quoted
    percent: bool
    count_noun: str | None  # the offence word right after a count ("50,901 offences")
    year: bool = False


def _figure_text(match: re.Match) -> str:
    """The figure's words as a claim file reads them: "53, 116" is 53,116."""
    return _SPACED_THOUSANDS.sub(r"\1,\2", match.group(0).strip())


def _figure(match: re.Match, text: str) -> Figure | None:
    raw = _figure_text(match)
    number = match.group("num")
    if number is not None:
        bare = number.strip().lower()
        if re.fullmatch(r"a(?:\s+a)*", bare) or bare == "one" and not (
                re.search(_UNIT, raw, re.IGNORECASE) or re.match(r"\s+(?:fewer|less|more)\s+than\b",
                                                                 text[match.end():])):
            return None  # "a", "one": not figures, but "one per cent" and "one fewer than the year before" are
        if _YEAR.fullmatch(bare) and not re.search(_UNIT, raw, re.IGNORECASE):
            return None  # a year, not a figure
    try:
        quoted = words.parse_quoted(_SPACED_THOUSANDS.sub(r"\1,\2", re.sub(r"^(?:by|of)\s+", "", raw,
                                                                            flags=re.IGNORECASE)))
    except ValueError:
        return None
    after = text[match.end():match.end() + 60].lower()
    percent = quoted.percent
    noun = None
    if not percent:
        pattern, table, untestable = _offence_lexicon()
        hit = pattern.match(after.lstrip().removeprefix("more ").removeprefix("fewer ").removeprefix("extra ")
                            .removeprefix("recorded ").removeprefix("reported "))
        if hit:
            noun = hit.group(0)
        elif re.match(r"\s*(?:incidents|cases)\b", after):
            noun = "incidents"
    return Figure(quoted, percent, noun)


# ---------------------------------------------------------------------------------------------- sentences


@dataclass
class Draft:
    """A claim read from words: the claim-file fields, the words it came from, and how each word was read."""

    kind: str | None
    fields: dict
    span: tuple[int, int]
    read: list[tuple[str, str]] = field(default_factory=list)
    untestable: str | None = None  # why the data cannot test it
    year_before: Draft | None = None  # "from A to B": this count is for the year before B's period


@dataclass
class SentenceReading:
    text: str
    start: int  # offset in the document
    drafts: list[Draft]
    not_recognised: list[str]
    paragraph: int = 0  # sentences of one paragraph share context (a period stated once)


_ANAPHORA = re.compile(r"^\s*(?:it|this|that|these|they|the\s+number|the\s+figure)\b", re.IGNORECASE)
_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|No|Supt|Insp|Sgt|Det|Ch|Cllr|Rt|Hon|Co|vs|e\.g|i\.e|approx)\.$",
                            re.IGNORECASE)


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence or line-block of a document; headlines and list items stand alone."""
    return [(offset, sentence) for offset, sentence, _ in _sentences(text)]


def _sentences(text: str) -> list[tuple[int, str, int]]:
    out = []
    for paragraph, block in enumerate(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)):
        chunk, offset = block.group(0), block.start()
        start = 0
        for m in re.finditer(r"[.!?](?:['\"\u201d\u2019])?(?=\s+['\"\u201c\u2018(]?[A-Z0-9])", chunk):
            if _ABBREVIATIONS.search(chunk[start:m.end()]) or re.search(r"\d\.$", chunk[:m.end()]) and \
                    re.match(r"\s*\d", chunk[m.end():]):
                continue
            piece = chunk[start:m.end()]
            if piece.strip():
                out.append((offset + start + len(piece) - len(piece.lstrip()), " ".join(piece.split()), paragraph))
            start = m.end()
        piece = chunk[start:]
        if piece.strip():
            out.append((offset + start + len(piece) - len(piece.lstrip()), " ".join(piece.split()), paragraph))
    return out


_RELATIVE_GAP = re.compile(r"['\"\u2019\u201d]?\s*(?:figures|statistics|numbers|offences|crimes|cases)?[\s,]*")
_WITH_CHANGES = re.compile(r"with\s+(?:\w+\s+)?(?:rises|increases|falls|drops|reductions|decreases|jumps)\s+in\b",
                           re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[\u2013\u2014-]\s|"
                           r",\s+(?:while|whereas|but|although|however|which|where|and|with|alongside|meaning)\b|"
                           # "two per cent above the national average with increases in stalking, violence and ..."
                           r"\s(?=with\s+(?:\w+\s+)?(?:rises|increases|falls|drops|reductions|decreases|jumps)\s+in\b)|"
                           r"\s(?:while|whereas|but)\s", re.IGNORECASE)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clause bounds; a clause opened by a conjunction ("which", "while") starts at that word."""
    bounds, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if re.fullmatch(r"\s[\u2013\u2014-]\s", m.group(0)) and (
                re.match(r"[\d,.]+\s[\u2013\u2014-]\s", text[m.end():]) or
                re.search(r"\s[\u2013\u2014-]\s[\d,.]+$", text[:m.start()])):
            continue  # "almost 20 per cent of these - 44,364 - recorded in Gwent": a figure set between dashes
        bounds.append((start, m.start()))
        word = re.search(r"[a-z]", m.group(0), re.IGNORECASE)
        start = m.start() + word.start() if word else m.end()
    bounds.append((start, len(text)))
    return bounds


def _clause_of(position: int, bounds) -> tuple[int, int]:
    return next((b for b in bounds if b[0] <= position <= b[1]), bounds[-1])


# ------------------------------------------------------------------------------------------------- context


@dataclass
class Context:
    """What a document has told the reader so far, and what the user said (--date, --force)."""

    date: dt.date
    force: forces.Force | None = None  # --force: what "the force", "the county", "we" refer to
    text_force: forces.Force | None = None  # the force the text has been about (the last one named alone)
    peel_year: str | None = None  # the last PEEL year named
    topic_offence: str | None = None  # the offence of the text's first claim (a headline's "the biggest drop")
    previous_offence: str | None = None  # the offence of the sentence before ("It marks a 10% rise")
    previous_subject: str | None = None
    previous_direction: str | None = None
    question: str | None = None  # the last PEEL question named
    latest_period: str | None = None  # the latest 12 months published on the date: "last year", "this year"
    forces_named: set = field(default_factory=set)  # every force the text has named as a place so far
    last_subjects: frozenset = frozenset()  # the places of the last sentence with claims, however far back
    previous_period: str | None = None  # the one 12 months the sentence before stated (or carried) for its figures
    previous_place: str | None = None  # the one place the sentence before named and was about ("... in Wales")

    @property
    def own_force(self) -> forces.Force | None:
        return self.force or self.text_force

    @property
    def fraud_included(self) -> bool:
        """Before ONS's July 2015 bulletin, "total recorded crime" included fraud recorded by the police."""
        return self.date < dt.date(2015, 7, 1)


GENERIC_TOTAL = "total recorded crime"


# "against a 15 per cent reduction", "compared with 5% the year before": a figure set against another
_COMPARED_FIGURE = re.compile(r"\b(?:against|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?)\s+"
                              r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


_FORMER_LATTER = re.compile(r"\bthe\s+(?P<which>former|latter)\b", re.IGNORECASE)


class Outside(str):
    """A place outside England and Wales (Scotland, Northern Ireland, the UK): a subject these data cannot test."""



# the place a figure is about (a name, or the names of forces listed together), and how the words were read as it
_Subject = tuple[str | list[str], str]


class _Sentence:
    """One sentence being read: its mentions and clauses, and helpers that tie them together."""

    def __init__(self, text: str, ctx: Context):
        self.text = text
        self.ctx = ctx
        self.mentions = _mentions(text)
        self.clauses = _clauses(text)
        self.used: set[int] = set()  # start offsets of figures already drafted
        self.restating: set[int] = set()  # figures of speech beside the exact figure ("almost doubled, up 48%")
        self.restated: dict[int, Mention] = {}  # the exact figure's start -> the figure of speech beside it
        self.last: list[Mention] = []  # the mentions the last reading used (they extend a draft's span)
        self.read: list[tuple[str, str]] = []
        self.notes: list[str] = []
        self.explained: set[int] = set()  # figures whose reason is already noted (an unknown offence word)
        self._unknown: list[Name] | None = None
        self.streak_words: list[tuple[int, int]] = []  # the words of runs of years (and their rise or fall) read
        for m in self.of("negated"):
            self.note(f"{m.text!r}: an offence the words deny ({text[max(0, m.start - 25):m.end].strip()!r}), so no "
                      "figure is read as about it")

    def of(self, kind: str, within: tuple[int, int] | None = None) -> list[Mention]:
        found = [m for m in self.mentions if m.kind == kind]
        if within is not None:
            found = [m for m in found if within[0] <= m.start and m.end <= within[1] + 1]
        return found

    def clause(self, position: int) -> tuple[int, int]:
        return _clause_of(position, self.clauses)

    @staticmethod
    def nearest(mentions: list[Mention], position: int) -> Mention | None:
        return min(mentions, key=lambda m: (min(abs(m.start - position), abs(m.end - position)), m.start),
                   default=None)

    # ---------------------------------------------------------------------------------------- segments
    def segment(self, position: int, end: int | None = None) -> tuple[int, int]:
        """The words around a figure: its clause, cut at the figures before and after it."""
        end = end if end is not None else position
        clause = self.clause(position)
        all_figures = [m for m in self.of("figure") if m.start not in self.restating]
        # "up 25 per cent to 383": a count after "to" belongs to the change before it
        figures = [m for k, m in enumerate(all_figures) if not (
            k and all_figures[k - 1].figure.percent and re.search(r"\bto\s*$", self.text[max(0, m.start - 4):m.start]))]
        before = [m.end for m in figures if m.end <= position and m.start >= clause[0]
                  and not re.fullmatch(r"\s*and\s*", self.text[m.end:position])]
        after = [m.start for m in figures if m.start >= end and m.start < clause[1]]
        return (max(before, default=clause[0]), min(after, default=clause[1]))

    # ---------------------------------------------------------------------------------------- subjects
    def subject(self, position: int, *, end: int | None = None, several: str = "combined"
                ) -> _Subject | None:
        """The place a figure at ``position`` is about, and how it was read; None when the words do not say.

        ``several``: what forces listed together with one figure mean, "combined" or "each" (then a list of names
        is returned with "each" in the reading, and the caller drafts one claim per force).
        """
        end = end if end is not None else position
        text = self.text
        places = [m for m in self.mentions if m.kind in ("geo", "national", "own_force", "outside")]
        seg = self.segment(position, end)
        pointer = list(_FORMER_LATTER.finditer(text, seg[0], position))
        if pointer:  # "Humberside and South Yorkshire ..., the former falling by 3%, and the latter rising by 1%"
            said = pointer[-1]
            pair = _listed_before(self, [m for m in places if m.kind == "geo" and not _is_scope(text, m)], 2,
                                  said.start())
            if not pair or any(pair[1].end <= m.start < said.start() for m in places):
                self.note(f"{said.group(0)!r}: the two places it points back to are not the last two named together, "
                          "so the figure is not given a place")
                return None
            pointed = self._place(pair[0 if said.group("which").lower() == "former" else 1])
            if pointed is None:
                return None
            return pointed[0], f"{said.group(0)!r}: {pointed[1]}, the {said.group('which').lower()} of the two"

        # 1. national by its own words: "the national average of 7.2 per cent", "a national fall of six per cent"
        lead = text[max(0, position - 60):position].lower()
        adjective = _adjective_lead().search(lead)
        if adjective:  # "the English national average of 68", "the Welsh average rise of 5%": England, Wales
            place = _adjective_place(adjective.group("adj"))
            return place, f"{adjective.group(0).strip()!r} next to the figure: {place}"
        if re.search(r"(?:(?:national\s+(?:average\s+)?|average\s+national\s+)(?:average|rate|figure|rise|fall|"
                     r"increase|decrease|drop|reduction)"
                     r"(?:\s+in\s+(?:\w+\s+){0,2}\w+)?|england\s+and\s+"
                     r"wales(?:\s+average)?)\s+(?:of|was|is|at|stood\s+at)\s+(?:an?\s+)?$", lead) or re.search(
                r"(?:^|\b)(?:police\s+)?forces\s+have\s+on\s+average\s+seen\s+(?:an?\s+)?$", lead) or re.search(
                # "police forces nationally saw a 1.3 per cent reduction", "crime nationally rose by 3%"
                r"\b(?:forces|police|crimes?|offences|offending)\s+(?:nationally|across\s+the\s+country|nationwide)\s+"
                r"(?:have\s+|has\s+|had\s+)?"
                r"(?:\w+\s+)?(?:(?:an?|by)\s+)?$", lead) or re.search(
                # "the average increase nationwide which was more than 8%": the national figure it goes on to give
                r"\b(?:average|rise|increase|fall|decrease|drop|reduction|figure|rate)\s+(?:nationally|nationwide|"
                r"across\s+the\s+country)\s*,?\s+(?:(?:which|that)\s+)?(?:was|is|stood\s+at|of)\s+(?:an?\s+)?$",
                lead) or re.match(
                r"\s*(?:(?!(?:while|whereas|but|and|compared|against|than)\b)\w+\s+){0,3}?"
                r"(?:nationally|across\s+the\s+country|nationwide)\b", text[end:min(end + 40, seg[1])].lower()):
            # only in the figure's own words: "rose 8% while nationally it rose 3%" is about two places
            return "England and Wales", "national words next to the figure: England and Wales (ONS's total, incl. BTP)"
        regional = re.match(r"\s*(?:(?!(?:while|whereas|but|and|compared|against|than)\b)\w+\s+){0,2}?regionally\b",
                            text[end:min(end + 40, seg[1])], re.IGNORECASE)
        own_force = self.ctx.own_force
        if regional and own_force is not None and own_force.region:
            # "compared to the national average of 13% and 8% regionally": the region of the force the text is about
            region = geography.resolve(own_force.region.lower())
            name = f"{region.name} region" if region.kind is geography.GeographyKind.REGION else region.name
            return name, f"{regional.group(0).strip()!r}: {name}, the region of {own_force.name}"
        if regional:
            self.note(f"{regional.group(0).strip()!r}: whose region the words do not say (give --force)")
            return None
        # "a 15 per cent reduction Wales-wide", "up 4% county-wide": the place the words after the figure name
        wide = next((m for m in places if m.text.lower().endswith("wide") and end <= m.start < seg[1]
                     and not any(o.kind in ("geo", "national", "own_force", "outside", "figure") and end <= o.start
                                 < m.start for o in self.mentions)), None)
        if wide is not None and re.fullmatch(r"[^.;,]{0,40}", text[end:wide.start]):
            return self._place(wide)
        outside = [m for m in places if m.kind == "outside" and seg[0] <= m.start < seg[1]
                   and not _is_scope(text, m)]  # "lower than the UK average" sets the figure against the UK
        if outside and any(m.kind != "outside" and seg[0] <= m.start < seg[1] for m in places):
            self.note(f"{outside[0].text!r}: the figure covers {outside[0].value} as well, which is outside "
                      "England and Wales")
            return None  # "61,159 crimes in England, Scotland and Wales": more than these data hold
        # "with Gwent seeing the biggest rise, up 19%": the place that saw it, named just before
        seeing = _WITH_SEEING.search(text, max(0, position - 80), position)
        if seeing and not any(f.end <= position and f.start >= seeing.start() for f in self.of("figure")):
            who = [m for m in places if m.kind == "geo" and seeing.start("who") <= m.start < seeing.end("who")]
            if len(who) == 1 and not re.match(r"[^.;,]{0,45}?\b(?:in|for|across)\s+(?:the\s+)?[A-Z]", text[end:]):
                return self._place(who[0])
        # 2. right after: "15 per cent in Gwent", "a 13% drop in recorded crime in Kent"
        tail = text[end:seg[1]]
        bound = re.match(r"[^.;]{0,45}?\b(?:in|for|across|at|by|on)\s+(?:the\s+)?"
                         r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)",
                         tail)
        lead_words = text[max(seg[0], position - 40):position]
        unknown_name = re.search(r"(?<![.!?]\s)\b(?P<name>[A-Z][a-z]+)\s+(?:which\s+)?"
                                 r"(?:seeing|saw|had|recorded|experienced|"
                                 r"reported|showed)\s+(?:an?\s+)?(?:\w+\s+)?$", lead_words)
        name_at = position - len(lead_words) + unknown_name.start("name") if unknown_name else -1
        if unknown_name and not any(m.start <= name_at < m.end for m in self.mentions) and \
                unknown_name.group("name").lower() not in _not_places():  # not "Police recorded 5.8 million crimes"
            return None  # "with Ashford seeing a huge 54% increase": a place these data do not hold
        if bound and not re.search(r"\b(?:than|compared|while|whereas|and|followed)\b", tail[:bound.start("name")],
                                   re.I):
            at = end + bound.start("name")
            hit = next((m for m in places if m.start <= at < m.end), None)  # "in the South East", "in the UK"
            ranked_in = re.search(r"\b(?:biggest|largest|highest|lowest|greatest|smallest|steepest|sharpest|"
                                  r"fastest|worst|best|safest|most|least)\b", tail[:bound.start("name")], re.I)
            if hit is not None and not ranked_in:  # not "15 per cent, the biggest drop in England and Wales"
                return self._grouped(hit, places, several)
            if hit is None and not self._offence_at(at) and re.search(r"\b(?:in|across|at)\s+(?:the\s+)?$",
                                                      tail[:bound.start("name")]) and not re.match(
                    r"(?:Office|ONS|Home|National|Statistics|Government|Police|UK|Britain|January|February|March|"
                    r"April|May|June|July|August|September|October|November|December)\b", bound.group("name")):
                self.note(f"{bound.group('name')!r}: a place these data do not hold")
                return None  # "a 54% increase in Ashford": a place these data do not hold
        # 3. before it, in its own words: "In Suffolk and Norfolk, they were down by 2pc", "Crime in Gwent fell 15%"
        own = [m for m in places if seg[0] <= m.start and m.end <= position and not _is_scope(text, m)]
        unknown_before = [u for u in self.unknown_names() if u.locative and seg[0] <= u.start and u.end <= position]
        if unknown_before and (not own or own[-1].end <= unknown_before[-1].start):
            self.note(f"{unknown_before[-1].text!r}: a place these data do not hold (they hold the 43 forces, their "
                      "regions, England, Wales and England and Wales)")
            return None  # "Crime in Bristol rose by 10%": not England and Wales, and not a force
        clause = self.clause(position)
        opening = self.text[clause[0]:clause[0] + 6].lower()
        # "compared to a 13% fall in England and Wales, which is the 6th largest ... and a six per cent fall in
        # burglary": a new item of the sentence's own list, not the relative clause about the figure set against it
        list_item = re.search(r"\S\s+and\s+$", text[clause[0]:position]) is not None and any(
            m.end <= clause[0] and re.fullmatch(r"[\s,]*", text[m.end:clause[0]]) and _is_scope(text, m)
            for m in places)
        if not own and not list_item and (opening.startswith(("which", "who", "where ")) or opening.startswith(
                "with ") and not _WITH_CHANGES.match(self.text, clause[0])):
            just_before = [m for m in places
                           if m.end <= clause[0] and re.fullmatch(r"[\s,]*", self.text[m.end:clause[0]])]
            about_document = re.search(r"\b(?:report|figures|statistics|stats|data|bulletin|study|analysis|"
                                       r"release)\s*,?\s*(?:(?:covering|for|published|released)\b[^.;,]{0,50},\s*)?$",
                                       self.text[:clause[0]], re.IGNORECASE)  # "statistics, covering the year ..."
            if not just_before and not opening.startswith("with") and self._offence_before(clause) is None and \
                    not about_document:  # "The report, which ... shows that": about the report, not a place
                return None  # "the likes of Lncashire which saw": the place before is not one the data hold
            own = just_before[-1:]  # a relative clause ("by Thames Valley Police, with 13%"): the place just before
        if own:
            return self._grouped(own[-1], places, several)
        compared = _COMPARED_FIGURE.search(text, max(clause[0], position - 40), position)
        if compared and not any(m.start <= compared.start() < m.end or seg[0] <= m.start < seg[1] for m in self.mentions
                                if m.kind in ("offence", "untestable")):
            # "down 23 per cent - against a 15 per cent reduction Wales-wide": a figure the words set against another
            # is about something else (another place or year), and its own words do not say what
            self.note(f"{text[compared.start():max(end, position + 12)].strip()!r}: a figure set against another, "
                      "whose own words do not name its place, so it is not given the sentence's place")
            return None
        # 4. the clause, then (if it has one clause) the sentence, when they name one place only
        everywhere = [m for m in places if not _is_scope(text, m)]
        single_before = everywhere and everywhere[-1].end <= position and (
            len({self._place_key(m) for m in everywhere}) == 1 or self._listed(everywhere))
        for scope in ([clause, (0, len(text))] if len(self.clauses) == 1 or single_before else [clause]):
            here = [m for m in places if scope[0] <= m.start and m.end <= scope[1] + 1 and not _is_scope(text, m)]
            keys = {self._place_key(m) for m in here}
            if len(keys) == 1 or (len(keys) > 1 and self._listed(here)):
                return self._grouped(here[-1], places, several)
            if len(keys) > 1:
                return None
        # 5. no place named: "It marks a 10% rise" takes the place of the sentence before; else the force given
        if _ANAPHORA.match(text) and self.ctx.previous_subject:
            return self.ctx.previous_subject, f"no place named: {self.ctx.previous_subject}, from the sentence before"
        unknown = self.unknown_names()
        if any(u.locative for u in unknown):
            named = next(u for u in unknown if u.locative)
            self.note(f"{named.text!r}: a place these data do not hold (they hold the 43 forces, their regions, "
                      "England, Wales and England and Wales)")
            return None  # "In Bristol, ...": the place is named, and it is not one the data hold
        national_size = [f for f in self.of("figure") if not f.figure.percent and f.figure.quoted.value >= 1_200_000]
        if national_size and not places and not unknown:
            return ("England and Wales", f"no place named, and {national_size[0].text!r} is larger than any force's "
                                         "count: England and Wales")
        if self.ctx.force is not None:
            others = [m for m in places if m.kind in ("geo", "outside") and m.value != self.ctx.force.code
                      and not _is_scope(text, m)]
            if others:
                # "Crime in Kent rose 5%, while burglary fell 3%" with --force Surrey: the sentence is about another
                # place, so the force given is too weak a cue for this figure
                self.note(f"{others[0].text!r} is named, and the figure's own words name no place, so it is not "
                          f"taken to be about the force given ({self.ctx.force.name})")
                return None
            return self.ctx.force.name, f"no place named: the force given (--force {self.ctx.force.name})"
        before = self.ctx.previous_place
        if before and not places and not unknown:
            # "Recorded crime has risen by 12% in Wales. A total of 219,111 crimes were recorded ...": the place the
            # sentence before named, and was about
            return before, f"no place named: {before}, the place the sentence before named"
        only = self.ctx.forces_named and len(self.ctx.forces_named) == 1 and forces.by_code(
            next(iter(self.ctx.forces_named)))
        if only and not places and not unknown and (not self.ctx.last_subjects or only.name in self.ctx.last_subjects):
            # a document about one force: "Crime in Gwent rose 14 per cent (15 per cent nationally). Robberies rose
            # 29 per cent." (the sentence before is about the force, if also about England and Wales beside it)
            return only.name, f"no place named: {only.name}, the one force the text names, a subject of the " \
                              "sentence before"
        if not places and self.ctx.text_force is None and not self.ctx.forces_named:
            if unknown:
                self.note(f"{unknown[0].text!r}: a name the reader does not know, so the figure is not assumed to be "
                          "about England and Wales")
                return None
            small = self._below_national(position, end)
            if small is not None:
                self.note(f"{small!r}: a count of all crime far below England and Wales's (millions a year), so it "
                          "is about a place the words do not name, and is not drafted as England and Wales")
                self.explained.add(position)
                return None
            return "England and Wales", "no place named in the text and no --force: England and Wales"
        return None

    def _below_national(self, position: int, end: int) -> str | None:
        """A count of crime as a whole (no offence group named) too small to be England and Wales's total ("A total
        of 219,111 crimes were recorded"): the words of the figure, or None. Not a change ("12,000 more crimes")."""
        figure = next((f for f in self.of("figure") if f.start == position), None)
        if figure is None or figure.figure.percent or not 1_000 <= figure.figure.quoted.value < 1_000_000:
            return None
        if any(m.kind == "untestable" or (m.kind == "offence" and m.value != GENERIC_TOTAL) for m in self.mentions):
            return None
        near = self.text[max(0, position - 25):position] + " " + self.text[end:end + 25]
        if re.search(r"\b(?:more|fewer|less|extra|additional|increase|increases|rise|rises|fall|falls|drop|"
                     r"reduction|decrease|up|down|by|jump|per|every|rate)\b", near, re.IGNORECASE):
            return None
        return figure.text

    def note(self, words: str) -> None:
        if words not in self.notes:
            self.notes.append(words)

    def unknown_names(self) -> list[Name]:
        if self._unknown is None:
            self._unknown = _unknown_names(self.text, self.mentions)
        return self._unknown

    def _offence_at(self, position: int) -> bool:
        return any(m.start == position for m in self.mentions if m.kind in ("offence", "untestable"))

    def _grouped(self, hit: Mention, places: list[Mention], several: str) -> _Subject | None:
        """A place, or the forces listed with it ("Northumbria and Durham", "Suffolk and Norfolk")."""
        if hit.kind != "geo" or not _is_force(hit.value):
            return self._place(hit)
        run = [hit]
        for m in reversed([p for p in places if p.end <= hit.start and p.kind == "geo" and _is_force(p.value)]):
            if self._joined([m, run[0]]):
                run.insert(0, m)
            else:
                break
        for m in [p for p in places if p.start >= hit.end and p.kind == "geo" and _is_force(p.value)]:
            if self._joined([run[-1], m]):
                run.append(m)
            else:
                break
        if len(run) == 1:
            return self._place(hit)
        self.last += run
        names = [forces.by_code(m.key).name for m in run]
        combined_words = re.search(r"\b(?:combined|together|between\s+them|the\s+two\s+forces?|in\s+total)\b",
                                   self.text, re.IGNORECASE)
        how = "each" if (several == "each" and not combined_words) or re.search(
            r"\bboth\b|\beach\b|\(\s*" + re.escape(run[0].text), self.text, re.IGNORECASE) else "combined"
        return (names, f"{' and '.join(m.text for m in run)}: {', '.join(names)}, {how}") if how == "combined" else \
            ([*names, "each"], f"{' and '.join(m.text for m in run)}: each of {', '.join(names)}")

    def _listed(self, places: list[Mention]) -> bool:
        """Forces named together once ("in Hampshire and Dorset"), and no other place."""
        return all(m.kind == "geo" and _is_force(m.value) for m in places) and self._joined(places)

    def _joined(self, places: list[Mention]) -> bool:
        """Places listed together ("Northumbria and Durham", "Norfolk, Suffolk and Essex")."""
        for a, b in zip(places, places[1:], strict=False):
            between = self.text[a.end:b.start].strip().lower()
            if between not in ("and", ",", ", and", "&", "and the", "police and"):
                return False
        return True

    def _place_key(self, mention: Mention) -> str:
        return {"national": "england and wales", "own_force": "own"}.get(mention.kind, str(mention.value))

    def _place(self, mention: Mention) -> _Subject | None:
        self.last.append(mention)
        if mention.kind == "outside":
            return Outside(mention.value), f"{mention.text!r}: {mention.value}, outside England and Wales"
        if mention.kind == "national":
            return "England and Wales", f"{mention.text!r}: England and Wales (ONS's total, incl. BTP)"
        if mention.kind == "own_force":
            force = self.ctx.own_force
            if force is None:
                return None
            return force.name, f"{mention.text!r}: {force.name}"
        value = mention.value
        if _is_force(value):
            force = forces.by_code(value)
            return force.name, f"{mention.text!r}: {force.name}"
        place = geography.resolve(value)
        name = f"{place.name} region" if place.kind is geography.GeographyKind.REGION else place.name
        return name, f"{mention.text!r}: {place.definition}"

    # ---------------------------------------------------------------------------------------- offences
    def offence(self, position: int, end: int | None = None) -> tuple[str | None, str | None, str]:
        """(offence, untestable thing, how read) for a figure at ``position``."""
        end = end if end is not None else position
        offences = [m for m in self.mentions if m.kind in ("offence", "untestable")]
        # "Vehicle crime (which includes theft of and from vehicles) rose by 9%": an aside names no subject
        asides = [a.span() for a in re.finditer(r"\([^()]*\)", self.text) if not a.start() <= position < a.end()]
        outside = [m for m in offences if not any(a <= m.start < b for a, b in asides)]
        offences = outside or offences
        seg = self.segment(position, end)
        tail = self.text[end:seg[1]]
        # "51% rise in violent crimes", "a 13% drop in recorded crime", "50,901 offences"
        bound = re.match(r"\s*(?:(?:%|per\s*cent|pc)\s*)?(?:(?:\w+\s+){0,2}?"
                         r"(?:rise|rises|increase|increases|fall|falls|growth|surge|"
                         r"drop|drops|reduction|decrease|decline|jump|hike|spike|cut|up|down)s?\s+(?:in|of)\s+"
                         # "a four per cent growth in overall “violence against the person” offences"
                         r"(?:the\s+)?(?:(?:overall|total|all)\s+)?(?:number\s+of\s+|levels?\s+of\s+|recorded\s+)?"
                         r"['\"\u2018\u201c]?|(?:more|fewer|extra|"
                         r"additional|recorded|reported)?\s*)", tail, re.IGNORECASE)
        hit = None
        if bound:
            hit = next((m for m in offences if m.start == end + bound.end()), None)
        if hit is None:  # "there were 13 homicides and an increase of six": the offence the figure counts
            # "46,905 recorded crimes", "12,303 incidents of violence": the noun right after a count is what it counts
            noun = re.match(r"\s*(?:(?:more|fewer|extra|additional|recorded|reported)\s+)?"
                            r"(?:(?:incidents|offences|crimes|cases|counts|reports)\s+of\s+)?", tail, re.IGNORECASE)
            starts = {end + noun.end(), end + len(tail) - len(tail.lstrip())} if noun else set()
            hit = next((m for m in offences if m.start in starts), None)
        if hit is None:  # "Robberies increased by 48pc", "violence against the person up 41pc"
            before = [m for m in offences if seg[0] <= m.start and m.end <= position]
            hit = before[-1] if before else None
            if hit is not None and hit.kind == "offence" and len(before) > 1 and before[-2].kind == "untestable" \
                    and re.fullmatch(r"\s+(?:for|about|relating\s+to|involving|of)\s+(?:the\s+)?",
                                     self.text[before[-2].end:hit.start], re.IGNORECASE):
                hit = before[-2]  # "calls to the service for violent crime", "arrests for burglary": not the offence
        if hit is None:
            clause = self.clause(position)
            hit = self._offence_before(clause) if self.text[clause[0]:clause[1]].lower().startswith(
                ("which ", "that ", "where ")) and not [m for m in offences if clause[0] <= m.start <= clause[1] and (
                    m.start < position or seg[0] <= m.start < seg[1])] else None
        if hit is None:
            clause = self.clause(position)
            for scope in (clause, (0, len(self.text))):
                here = [m for m in offences if scope[0] <= m.start and m.end <= scope[1] + 1]
                specific = {m.key for m in here if m.value != GENERIC_TOTAL}
                if len(specific) > 1:
                    return None, None, ""
                if here:
                    hit = next((m for m in here if m.value != GENERIC_TOTAL), here[-1])
                    break
        if hit is None:
            inherited = self.ctx.previous_offence if _ANAPHORA.match(self.text) else None
            if inherited:
                return inherited, None, f"no offence named: {inherited}, from the sentence before"
            unknown = self._unknown_offence(position, end, tail)
            if unknown:  # "a 4 per cent reduction in assaults", "Arson rose by 12%": not crime as a whole
                self.note(f"{unknown!r}: an offence word the data do not hold as a group (the reader does not know "
                          "it), so the figure is not read as total recorded crime")
                self.explained.add(position)
                return None, None, ""
            if not offences and not self.of("untestable") and self._frame_only(position):
                name = "total recorded crime including fraud" if self.ctx.fraud_included else GENERIC_TOTAL
                return name, None, f"no offence named: {name}, the usual subject of these figures"
            return None, None, ""
        clause = self.clause(position)
        survey = next((m for m in offences if m.kind == "untestable" and "Survey" in str(m.value)
                       and clause[0] <= m.start <= clause[1]), None)
        if survey is not None and not (hit.kind == "offence" and re.search(r"police|recorded", hit.text, re.I)):
            hit = survey  # a survey figure is not police recorded crime, whatever the offence named
        elif hit.kind == "offence" and hit.value == GENERIC_TOTAL and \
                hit.text.lower() in ("offences", "offence", "crimes", "cases", "incidents"):
            specific = {m.key for m in offences if m.kind == "offence" and m.value != GENERIC_TOTAL
                        and m.end <= position}
            own = {m.key for m in offences if m.kind == "offence" and m.value != GENERIC_TOTAL
                   and seg[0] <= m.start and m.end <= position}
            if len(specific) == 1:  # "an increase of 67 offences" after "291 robberies": the same offence
                name = specific.pop()
                return name, None, f"{hit.text!r}: {name}, the offence the sentence names"
            if len(own) == 1:  # "..., and robbery rose from 53 offences": the offence of the figure's own words
                name = own.pop()
                self.last.append(hit)
                return name, None, f"{hit.text!r}: {name}, the offence named just before"
        narrower = _narrower_named(self, hit) if re.fullmatch(r"\s+", self.text[end:hit.start]) else None
        if narrower is not None:  # only for the noun a count counts ("thefts by 5 per cent" after "Bike thefts": own)
            # "a sharp rise in domestic burglary ..., 2184 burglaries were reported": the word may mean the narrower
            # offence named before, or the whole group, so the figure is not given either
            self.note(f"{hit.text!r}: {hit.key}, or {narrower.text!r} named before it in the sentence (the words do "
                      "not say which), so the figure is not drafted")
            return None, None, ""
        self.last.append(hit)
        if hit.kind == "untestable":
            return None, hit.key, f"{hit.text!r}: {hit.value}, which these data do not hold"
        name = hit.key
        if name == "domestic burglary" and self.ctx.date >= dt.date(2018, 7, 1):
            name = "residential burglary"  # from April 2017 burglaries of homes are recorded as residential
        if name == GENERIC_TOTAL and self.ctx.fraud_included:
            return ("total recorded crime including fraud", None,
                    f"{hit.text!r}: total recorded crime, which before July 2015 included fraud recorded by the police")
        return name, None, f"{hit.text!r}: {name}"

    def _offence_before(self, clause: tuple[int, int]) -> Mention | None:
        """The offence a relative clause refers to ("stalking and harassment, which saw a 47 per cent increase"):
        named just before the clause ("“violence against a person” figures, which show ...")."""
        return next((m for m in self.mentions if m.kind in ("offence", "untestable") and m.end <= clause[0]
                     and _RELATIVE_GAP.fullmatch(self.text[m.end:clause[0]])), None)

    def _unknown_offence(self, position: int, end: int, tail: str) -> str | None:
        """Words naming what a figure counts that the vocabulary does not know: after its rise or fall ("a four
        per cent reduction in assaults where the victim is injured") or just before the verb ("Arson rose by 12
        per cent"). None when the words are the frame of a figure about crime as a whole."""
        known = _frame_words() | _not_parts()
        after = _CHANGE_IN.match(tail)
        if after and not any(end + after.start("w") <= m.start < end + after.end("w") for m in self.mentions):
            words = after.group("w")
            first = words.split()[0].lower()
            if first not in known and not _MONTH_WORD.fullmatch(first):
                return re.split(r"\s+(?:in|across|for|at|by|from|over|since|during|to|on|compared|and|while)\b",
                                words)[0].strip()
        clause = self.clause(position)
        before = _NOUN_VERB.search(self.text[clause[0]:position])
        if before and not any(clause[0] + before.start("w") <= m.start < clause[0] + before.end("w")
                              for m in self.mentions):
            word = before.group("w")
            at_start = before.start("w") == 0 and clause[0] == 0
            if word.lower() not in known and (word.islower() or at_start) and word.lower() not in _not_places():
                return word
        return None

    def _frame_only(self, position: int) -> bool:
        """No offence named, and the words before the figure name nothing else either ("Gwent saw a 15% fall",
        "the force recorded a 5% rise"), so the figure is about crime as a whole. "Thugs carrying offensive
        weapons went up 24%" names something: not read as total crime."""
        clause = self.clause(position)
        words_before = self.text[clause[0]:position]
        for m in sorted(self.mentions, key=lambda m: -m.start):
            if clause[0] <= m.start and m.end <= position:
                words_before = words_before[:m.start - clause[0]] + " " + words_before[m.end - clause[0]:]
        frame = _frame_words()
        unknown = [w for w in re.findall(r"[A-Za-z]+", words_before) if w.lower() not in frame]
        return not unknown

    def direction(self, position: int) -> tuple[str | None, str]:
        clause = self.clause(position)
        hit = self.nearest(self.of("direction", clause), position)
        if hit is None:
            return None, ""
        self.last.append(hit)
        return hit.key, f"{hit.text!r}: {hit.value}"

    # ----------------------------------------------------------------------------------------- periods
    def period(self, position: int | None = None, *, latest: bool = False, end: int | None = None
               ) -> tuple[dict, str]:
        # "the highest level since 2005/06": a year named for a record, neither the figure's period nor its baseline
        found = [m for m in self.of("period") if not _SINCE_RECORD.search(self.text[max(0, m.start - 90):m.start])]
        part = [m for m in found if _part_year(m, self.ctx)]

        def baseline(m: Mention) -> bool:
            return bool(_BASELINE_WORDS.search(self.text[max(0, m.start - 30):m.start]) or (
                m.groups.get("latest") and _LAST_YEAR_COMPARED.search(self.text[max(0, m.start - 40):m.start])))

        if position is not None and not latest and not part:
            # "down 39 per cent on the same period in 2007 (338 crimes)", "compared to the same period in 2014/15,
            # when 47,191 crimes were recorded": a count given right after the period compared with is that period's
            given = [b for b in found if b.end <= position and baseline(b) and re.fullmatch(
                r"\s*,?\s*(?:\(|:|when\b)?\s*", self.text[b.end:position], re.IGNORECASE)]
            if given:
                return self._read(given[-1])
        if position is not None and not part:
            seg = self.segment(position, end)
            own = [m for m in found if seg[0] <= m.start <= seg[1]]
            others = [m for m in found if not seg[0] <= m.start <= seg[1]]
            # a period inside another figure's words belongs to that figure ("from the 225,407 crimes in the year
            # up to June 2016"); one in no figure's words serves them all
            shared = [m for m in others if not any(self.segment(f.start, f.end)[0] <= m.start <=
                                                    self.segment(f.start, f.end)[1] for f in self.of("figure")
                                                    if f.start not in self.restating)]
            # "In the 12 months to March, forces logged 5.5 million crimes - a rise of 11%": an opening period
            # serves the whole sentence
            opening = [m for m in others if m.start <= 2 and re.match(r"\s*,", self.text[m.end:])]
            found = own or shared or opening
        if part:  # "between April and September 2008": the whole sentence is about part of a year
            return _read_period(part[0], self.ctx)
        baselines = [m for m in found if baseline(m)]
        found = [m for m in found if m not in baselines]
        if latest and not found and any(m.groups.get("latest") for m in baselines):
            # "down 11 per cent on last year", "up by 30% compared to last year": this year's figures against those
            said = next(m for m in baselines if m.groups.get("latest"))
            period, how = _read_period(said, self.ctx)
            return period, how.replace(f"{said.text!r}:", f"{said.text!r} is what the change is compared with, so "
                                                          "the figures are")
        if latest and not found and len(baselines) == 1 and not _part_year(baselines[0], self.ctx):
            # "fell by 1.5 per cent compared to 2013/14": the year after the one compared with
            named = _read_period(baselines[0], self.ctx)[0]
            if named.get("end"):
                end = (pd.Timestamp(named["end"]) + pd.offsets.MonthEnd(12)).date().isoformat()
                if pd.Timestamp(end) < pd.Timestamp(self.ctx.date) - pd.DateOffset(months=18):
                    # "fell 10 per cent compared with 2010/11" in 2015: a change over several years, end unnamed
                    return {"unknown": True}, (f"{baselines[0].text!r}: a change against a year long before the "
                                               f"document, over an end the words do not name, {_NOT_ONE_YEAR}")
                return {"end": end}, (f"{baselines[0].text!r} is what the change is compared with: the year after, "
                                      f"{periods.label(end)}")
        if latest:  # "compares with 48,718 recorded crimes in 2015/16 and represents a 7% increase": a baseline's year
            found = [m for m in found if not re.search(
                r"(?:compare[sd]?\s+(?:with|to)|\bfrom|\bthan|\bagainst)\s+(?:the\s+)?[\d,.]+\s*(?:[a-z]+\s+){0,3}$",
                self.text[max(0, m.start - 60):m.start], re.IGNORECASE)] or (found if len(found) > 1 else [])
        if latest and len(found) > 1:  # "from 229,590 in 2016 to 260,024 in 2017": a change ends in the later year
            dated = [(self._following(m) if m.groups.get("following") or m.groups.get("after")
                      else _read_period(m, self.ctx), m) for m in found]
            dated = [(p, m) for p, m in dated if p[0].get("end")]
            if dated:
                return max(dated, key=lambda x: x[0][0]["end"])[0]
        if position is not None and len(found) > 1:
            after = [m for m in found if m.start >= position]
            found = [min(after, key=lambda m: m.start)] if after else [max(found, key=lambda m: m.end)]
        if not found and self.ctx.previous_period and not self.of("period"):
            # "Crime in Gwent rose 14% in the year to September 2017. Robberies rose 29%.": the period stated before
            return {"end": self.ctx.previous_period}, (f"no period named: {periods.label(self.ctx.previous_period)}, "
                                                       "the period of the sentence before")
        if not found:
            return {}, "no period named: every period in the year before the document is tried"
        if found[0].groups.get("following") or found[0].groups.get("after"):
            return self._following(found[0])
        return self._read(found[0])

    def _read(self, mention: Mention) -> tuple[dict, str]:
        """A period as the sentence gives it: "the same period in 2007" and a calendar year named for a baseline
        figure ("fallen to 1,669 from 1,955 in 2015") are the same months as the figures the sentence is about."""
        groups = mention.groups
        same = groups.get("sameyear") or groups.get("sameyear2")
        if groups.get("sameto"):
            same = groups["sameto"] if int(groups["sameto"]) - int(groups["samefrom"]) == 1 else None
            if same is None:
                return {"unknown": True}, (f"{mention.text!r}: not one 12 months, so it is not drafted")
        baseline_year = groups.get("cal") and _BASELINE_FIGURE.search(self.text[max(0, mention.start - 40):
                                                                                mention.start])
        if not (same or baseline_year or groups.get("prior")):
            return _read_period(mention, self.ctx)
        current = self._current_end(mention)
        if current is None:
            return {"unknown": True}, (f"{mention.text!r}: the same months as the figures it is compared with, "
                                       "which the words do not pin down, so it is not drafted")
        if groups.get("prior"):
            end = (pd.Timestamp(current) - pd.offsets.MonthEnd(12)).date().isoformat()
            return {"end": end}, (f"{mention.text!r}: the 12 months before the figures' own "
                                  f"({periods.label(current)}), {periods.label(end)}")
        month = pd.Timestamp(current).month
        if groups.get("samemonth"):
            named = periods.parse_period_end(f"{groups['samemonth']} {groups['sameyear2']}")
            if named.month != month:
                return {"unknown": True}, (f"{mention.text!r}: not the same months as the figures it is compared "
                                           f"with ({periods.label(current)}), so it is not drafted")
            return {"end": named.date().isoformat()}, f"{mention.text!r}: {periods.label(named)}"
        year = int(same or groups["cal"])
        if not same and month == 12:
            return _read_period(mention, self.ctx)  # the figures are for calendar years: so is this
        end = periods.month_end(year, month).date().isoformat()
        return {"end": end}, (f"{mention.text!r}: the same 12 months as the figures it is compared with "
                              f"({periods.label(current)}), {periods.label(end)}")

    def _current_end(self, besides: Mention | None = None) -> str | None:
        """The end of the 12 months the sentence's figures are for: the one period it names that is not a
        baseline, else the latest published on the date; None when the words name several."""
        ends = set()
        for m in self.of("period"):
            if m is besides or m.groups.get("sameyear") or m.groups.get("sameyear2") or m.groups.get("sameto") or \
                    m.groups.get("prior") or _part_year(m, self.ctx) or \
                    _SINCE_RECORD.search(self.text[max(0, m.start - 90):m.start]) or \
                    _BASELINE_WORDS.search(self.text[max(0, m.start - 30):m.start]) or (
                    m.groups.get("cal") and _BASELINE_FIGURE.search(self.text[max(0, m.start - 40):m.start])):
                continue
            end = _read_period(m, self.ctx)[0].get("end")
            if end:
                ends.add(str(end))
        if len(ends) > 1:
            return None
        return ends.pop() if ends else self.ctx.latest_period

    def _following(self, mention: Mention) -> tuple[dict, str]:
        """"a 3% increase in the year to March 2015, followed by an 8% rise in the following year"."""
        earlier = [m for m in self.of("period") if m.end <= mention.start
                   and not (m.groups.get("following") or m.groups.get("after"))]
        named = _read_period(earlier[-1], self.ctx)[0] if earlier else {}
        if not named.get("end") or named.get("months"):
            return {}, f"{mention.text!r}: no year named before it, so every period in the year before is tried"
        end = (pd.Timestamp(named["end"]) + pd.offsets.MonthEnd(12)).date().isoformat()
        return {"end": end}, f"{mention.text!r}: the year after {earlier[-1].text!r}, {periods.label(end)}"


def _narrower_named(s: _Sentence, hit: Mention) -> Mention | None:
    """An offence named before ``hit`` in the sentence that is a part of it, by the same noun ("domestic burglary"
    before "burglaries"): then the one word may restate the part."""
    if hit.kind != "offence" or hit.value == GENERIC_TOTAL or " " in hit.text.strip():
        return None
    stem = hit.text.strip().lower()[:6]
    for m in s.of("offence"):
        if m.end > hit.start or m.key == hit.key or m.value == GENERIC_TOTAL or " " not in m.text.strip():
            continue
        if not m.text.strip().lower().split()[-1].startswith(stem):
            continue
        try:
            if set(off.leaves_of(m.key)) < set(off.leaves_of(hit.key)):
                return m
        except PeelstatsError:
            continue
    return None


@dataclass(frozen=True)
class Name:
    """Capitalised words no registry knows ("Bristol", "Narnia", "Sara Thornton")."""

    start: int
    end: int
    text: str
    locative: bool  # after "in", "across", "for", "at": named as a place


_CAPITALISED_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z][\w&-]*(?:['\u2019]s)?")
_LOCATIVE = re.compile(r"\b(?:in|across|for|at|throughout|within|around)\s+(?:the\s+)?$", re.IGNORECASE)
_SUBJECT_VERB = re.compile(r"\s+(?:has|had|have|saw|sees|recorded|records|reported|experienced|showed|was|is|crime|"
                           r"police)\b", re.IGNORECASE)


def _unknown_names(text: str, mentions: list[Mention]) -> list[Name]:
    """Capitalised words that the registries, press_words.yaml's ``not_places`` and the frame words do not know.
    A sentence's first word counts only when it reads as a subject ("Bristol saw ...", "Bristol's crime ...")."""
    known = _not_places()
    found: list[Name] = []
    for m in _CAPITALISED_WORD.finditer(text):
        word = re.sub(r"['\u2019]s$", "", m.group(0))
        if any(x.start <= m.start() < x.end for x in mentions) or word.lower() in known or (
                word.isupper() and len(word) <= 6):  # an acronym (ONS, HMICFRS): not a place
            continue
        first = not re.search(r"[\w,;:]", text[:m.start()])
        if first and not (m.group(0) != word or _SUBJECT_VERB.match(text, m.end())):
            continue
        if found and re.fullmatch(r"\s", text[found[-1].end:m.start()]):  # "Sara Thornton": one name
            found[-1] = Name(found[-1].start, m.start() + len(word), text[found[-1].start:m.start() + len(word)],
                             found[-1].locative)
            continue
        found.append(Name(m.start(), m.start() + len(word), word, bool(_LOCATIVE.search(text[:m.start()]))))
    return found


@cache
def _adjectives() -> dict[str, str]:
    return {str(word).lower(): place for place, words_ in press_words()["place_adjectives"].items()
            for word in words_}


def _adjective_place(word: str) -> str:
    return _adjectives()[word.lower()]


@cache
def _adjective_words() -> str:
    return "|".join(re.escape(w) for w in sorted(_adjectives(), key=len, reverse=True))


@cache
def _adjective_lead() -> re.Pattern:
    """"the English national average of 68", "the Welsh average rise of 5 per cent": a figure for England or
    Wales, just before the figure."""
    return re.compile(rf"(?<![\w-])(?<!\band\s)(?P<adj>{_adjective_words()})\s+(?:national\s+)?(?:average|rate|figure)"
                      r"(?:\s+(?:rise|fall|increase|decrease|drop|reduction|rate))?(?:\s+in\s+(?:\w+\s+){0,2}"
                      r"\w+)?\s+(?:of|was|is|at|stood\s+at)\s+(?:an?\s+)?$", re.IGNORECASE)


@cache
def _adjective_average() -> re.Pattern:
    """"the English national average", "the Welsh average", "the average for England": England or Wales, not
    England and Wales."""
    return re.compile(rf"(?<![\w-])(?<!\band\s)(?:(?P<adj>{_adjective_words()})\s+(?:national\s+)?"
                      r"(?:average|rate|figure)|"
                      r"(?:national\s+)?average\s+(?:for|in|across)\s+(?P<country>england|wales)(?!\s+and\b))",
                      re.IGNORECASE)


def _country_of(match: re.Match) -> str:
    adjective = match.groupdict().get("adjc") or match.group("adj")
    return _adjective_place(adjective) if adjective else match.group("country").title()


def _is_scope(text: str, mention: Mention) -> bool:
    """"the biggest drop in England and Wales", "compared to 16 per cent nationally", "the five East Midlands police
    areas", "anywhere except Durham": places that say where a figure is set, not what it is about."""
    before = text[max(0, mention.start - 60):mention.start].lower()
    after = text[mention.end:mention.end + 25].lower()
    if re.match(r"\s*(?:police\s+)?(?:force\s+)?(?:areas|forces)\b", after) or re.search(r"except\s+$", before):
        return True
    if mention.kind == "geo" and _is_force(mention.value):
        return False
    if re.search(r"\bforces\s+(?:in|across)\s+$", before) and re.match(
            r"\s+(?:have\s+|has\s+|had\s+)?(?:recorded|registered|logged|reported)\b", after):
        return False  # "forces in England and Wales registered 5.6 million offences": the place of the count
    return bool(re.search(r"(?:biggest|largest|highest|lowest|greatest|smallest|safest|worst|best|fastest|steepest|"
                          r"sharpest|only|forces?|any|anywhere|than|"
                          r"compared\s+(?:to|with)|against|with|above|below)\b[^.;]{0,40}$", before))


def _latest_month_end(ctx: Context) -> str:
    return (pd.Timestamp(ctx.date) - pd.offsets.QuarterEnd(1)).normalize().date().isoformat()


def _is_force(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and bool(re.fullmatch(r"[EW]\d{8}|X-BTP", value)) and not value.startswith("E12")


def _month_range(groups: dict, ctx: Context) -> tuple[pd.Timestamp, int]:
    """The last month-end and the length in months of "between April and September 2008"."""
    year = groups.get("year") or ctx.date.year
    first = periods.parse_period_end(f"{groups['from']} {groups.get('fromyear') or year}")
    last = periods.parse_period_end(f"{groups['to']} {year}")
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months == 13 and first.month == last.month:  # "between September 2015 and September 2016": the year to the
        return last, 12  # later month, from one end to the other
    return last, months + 12 if months <= 0 else months


def _part_year(mention: Mention, ctx: Context) -> bool:
    groups = mention.groups
    if groups.get("from"):
        try:
            return _month_range(groups, ctx)[1] < 12
        except PeelstatsError:  # "March 1850": not a period the data hold
            return False
    return bool(groups.get("onemonth") or groups.get("lastmonth") or
                re.search(r"quarter|three months|half|six months", mention.text, re.I))


def _read_period(mention: Mention, ctx: Context) -> tuple[dict, str]:
    try:
        return _period_of(mention, ctx)
    except PeelstatsError as error:  # "1999/00", a year the data cannot hold: no period read from it
        return {}, f"{mention.text!r}: not a period the data hold ({error}); every period in the year before is tried"


def _period_of(mention: Mention, ctx: Context) -> tuple[dict, str]:
    groups = mention.groups
    text = mention.text
    if groups.get("following") or groups.get("after"):  # read against the period before it (_Sentence._following)
        return {}, f"{text!r}: no year named before it, so every period in the year before is tried"
    if groups.get("thatperiod"):  # "during this period": the period the sentence before stated
        if ctx.previous_period:
            return {"end": ctx.previous_period}, (f"{text!r}: the period of the sentence before, "
                                                  f"{periods.label(ctx.previous_period)}")
        return {}, (f"{text!r}: a period stated before, which the text read does not give, so every period in the "
                    "year before is tried")
    if groups.get("prior") or groups.get("sameto"):  # read against the figures' own period (_Sentence._read)
        return {}, f"{text!r}: relative to the figures' own period, which the words do not name"
    if re.search(r"quarter|three months", text, re.IGNORECASE) and not groups.get("from"):
        return {"end": _latest_month_end(ctx), "months": 3}, f"{text!r}: three months, not a rolling year"
    if re.search(r"half|six months", text, re.IGNORECASE) and not groups.get("from"):
        return {"end": _latest_month_end(ctx), "months": 6}, f"{text!r}: six months, not a rolling year"
    if groups.get("onemonth") or groups.get("lastmonth"):  # "in June", "last month": one month
        if groups.get("lastmonth"):
            stamp = pd.Timestamp(ctx.date) - pd.offsets.MonthEnd(1 if groups["lastmonth"].lower() == "last" else 0)
            end = stamp.normalize()
        else:
            end = periods.parse_period_end(f"{groups['onemonth']} {groups.get('monthyear') or ctx.date.year}")
            if not groups.get("monthyear") and end > pd.Timestamp(ctx.date):
                end = periods.parse_period_end(f"{groups['onemonth']} {ctx.date.year - 1}")
        return {"end": end.date().isoformat(), "months": 1}, f"{text!r}: one month, not a rolling year"
    if groups.get("calend"):
        end = periods.parse_period_end(f"December {groups['calend']}")
        return {"end": end.date().isoformat()}, f"{text!r}: the 12 months to December, {periods.label(end)}"
    if groups.get("cal"):
        end = periods.parse_period_end(f"December {groups['cal']}")
        if (ctx.latest_period and pd.Timestamp(ctx.latest_period) < end) or \
                pd.Timestamp(ctx.date) < end + pd.DateOffset(months=3):
            # "Crime in Norfolk fell by 3.6pc in 2013" on 23 January 2014: the calendar year was not out, so the words
            # mean some 12 months of that year, and do not say which
            latest = f" (the latest were {periods.label(ctx.latest_period)})" if ctx.latest_period else ""
            return {}, (f"{text!r}: the figures for the calendar year {groups['cal']} were not published by "
                        f"{ctx.date:%-d %B %Y}{latest}, so the words mean 12 months of that year they do not name: "
                        "every period in the year before is tried")
        return {"end": end.date().isoformat()}, f"{text!r}: the calendar year, {periods.label(end)}"
    if groups.get("latest"):  # "last year", "the past 12 months", "this year": the latest figures on the date
        if ctx.latest_period is None:
            return {}, f"{text!r}: the latest figures at the time (every period in the year before is tried)"
        return {"end": ctx.latest_period}, (f"{text!r}: the latest 12 months published on {ctx.date:%-d %B %Y}, "
                                            f"{periods.label(ctx.latest_period)}")
    if groups.get("fy"):
        end = periods.parse_period_end(groups["fy"].replace("-", "/"))
        return {"end": end.date().isoformat()}, f"{text!r}: {periods.label(end)}"
    if groups.get("fy2"):
        first, second = int(groups["fy2a"]), int(groups["fy2b"])
        if (first + 1) % 100 != second:
            return {}, f"{text!r}: not a financial year, so every period in the year before is tried"
        end = periods.parse_period_end(f"20{groups['fy2a']}/{groups['fy2b']}")
        if end + pd.DateOffset(days=200) < pd.Timestamp(ctx.date) <= end + pd.DateOffset(months=12):
            # "from 397 in 09/10 to 407 in 10/11" in October 2011, when the latest figures were a later 12 months:
            # years in two digits are used loosely for the latest year, so the financial year is not assumed
            return {}, (f"{text!r}: financial year 20{groups['fy2a']}/{groups['fy2b']} or a later 12 months (the "
                        "latest on the date): every period in the year before is tried")
        end = periods.parse_period_end(f"20{groups['fy2a']}/{groups['fy2b']}")
        return {"end": end.date().isoformat()}, f"{text!r}: financial year 20{groups['fy2a']}/{groups['fy2b']}, " \
                                                f"{periods.label(end)}"
    if groups.get("from"):
        last, months = _month_range(groups, ctx)
        if months == 12:  # "April 2019 to March 2020": a year
            return {"end": last.date().isoformat()}, f"{text!r}: {periods.label(last)}"
        return ({"end": last.date().isoformat(), "months": max(1, min(months, 12))},
                f"{text!r}: {months} months, not a rolling year")
    month = groups.get("month")
    year = groups.get("year")
    if year is None:
        rel = (groups.get("rel") or "").lower()
        year = ctx.date.year - (1 if rel == "last" else 0)
        end = periods.parse_period_end(f"{month} {year}")
        if not rel and end > pd.Timestamp(ctx.date):
            end = periods.parse_period_end(f"{month} {year - 1}")
    else:
        end = periods.parse_period_end(f"{month} {year}")
    return {"end": end.date().isoformat()}, f"{text!r}: {periods.label(end)}"


# ----------------------------------------------------------------------------------------------- drafting

_GRADE = r"(?P<grade>outstanding|good|requires?\s+improvement|requiring\s+improvement|inadequate)"
_GRADED = re.compile(rf"(?P<who>[\w\s'-]{{2,60}}?)\s+(?:was|were|has\s+been|had\s+been|is|are|been)\s+"
                     rf"(?:graded|rated|judged|assessed)\s+(?:as\s+)?(?:being\s+)?['\"\u2018\u2019\u201c]?{_GRADE}"
                     rf"['\"\u2019\u201d]?(?:\s+in\s+(?P<year>(?:19|20)\d{{2}})(?!\d))?", re.IGNORECASE)
_QUOTE_MARK = "['\"\u2018\u2019\u201c\u201d]?"
_GRADING_OF = re.compile(rf"grad(?:ing|e)\s+of\s+{_QUOTE_MARK}{_GRADE}{_QUOTE_MARK}\s+"
                         rf"(?:in\s+relation\s+to|for|on)\s+(?P<q>[\w\s&]+)", re.IGNORECASE)
_REQUIRES = re.compile(r"(?P<who>the\s+force|[\w\s-]{2,40}?)\s+requires\s+improvement\s+in\s+how\s+effective(?:ly)?\s+"
                       r"it\s+keeps\s+people\s+safe\s+and\s+reduces\s+crime", re.IGNORECASE)
_DIFFERENT_GRADES = re.compile(r"(?:we|they|both\s+forces|the\s+two\s+forces)\s+(?:then\s+)?received\s+"
                               r"(?P<how>different|the\s+same)\s+grad(?:ings|es)", re.IGNORECASE)
_PEEL_YEAR = re.compile(r"PEEL[:\s\w]{0,40}?(?P<year>(?:19|20)\d{2})(?:/\d{2})?", re.IGNORECASE)
# words that make a bare number a count: before it ("was 65,734", "totalling 1,539", "gone up to 21,580") or after
# it ("109,736 recorded in Greater Manchester")
_COUNT_BEFORE = re.compile(r"(?:\b(?:was|were|stood\s+at|totall?ing|totall?ed|a\s+total\s+of|reached|reaching|"
                           r"(?:the|a)\s+(?:total\s+)?figure\s+of|the\s+total)|"
                           r"\b(?:up|down|risen|rose|fallen|fell|increased|decreased|dropped|climbed|jumped|soared)"
                           r"\s+(?:\w+\s+)?to)\s*$", re.IGNORECASE)
_COUNT_AFTER = re.compile(r"\s+(?:[\u2013\u2014-]\s+)?(?:were\s+|was\s+|being\s+)?(?:recorded|reported|logged)\b",
                          re.IGNORECASE)  # "- 44,364 - recorded in Gwent"
# "a rise of 2,000", "fell by 2,000 offences": a change in the count, not a count
# "up 30 per cent to 14,458", "down by 12%, to only 1,675": the count a change reached
_TO_BEFORE = re.compile(r"\b(?:to|at)\s+(?:(?:only|just)\s+)?$", re.IGNORECASE)  # "almost", "over"...: the figure's
_EXTRA_BEFORE = re.compile(r"\b(?:an?\s+)?(?:extra|additional|further)\s+$", re.IGNORECASE)
_CHANGE_BY = re.compile(r"(?:(?:rise|rises|increase|increases|drop|drops|fall|falls|reduction|decrease|jump|up|down)\s+"
                        r"(?:of|by)|(?:rose|risen|fell|fallen|increased|decreased|dropped|declined|reduced|grew|grown|"
                        r"climbed|jumped|(?:went|gone)\s+(?:up|down))\s+by)\s*$", re.IGNORECASE)
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12}


def _count_word(text: str) -> int | None:
    text = text.lower().strip()
    if text.isdigit():
        return int(text)
    number = _WORD_NUMBERS.get(text) or words.number_in_words(text)
    return int(number) if number and number == int(number) else None


def read_sentence(text: str, ctx: Context) -> tuple[list[Draft], list[str]]:
    """Drafts for one sentence, and what in it was not recognised."""
    s = _Sentence(text, ctx)
    drafts: list[Draft] = []
    drafts += _grades(s)
    drafts += _forces_counted(s)
    drafts += _rates(s)
    drafts += _ranks(s)
    drafts += _ranks_behind(s)
    drafts += _comparisons(s)
    drafts += _figures(s)
    drafts += _followed_by(s, drafts)
    drafts += _far_less(s)
    drafts += _streaks(s, drafts)
    drafts += [d for d in _directions(s) if not _covered(d, drafts)]
    drafts += _causal(s)
    drafts += _sizes(s, drafts)
    drafts = [d for d in drafts if not _in_streak(s, d)]
    drafts = _one_reading(s, [one for d in drafts for one in _each(d)])
    for placed in _PLACE_AMONG.finditer(text):  # "seventh place out of the 43 constabularies": no order said
        if not any(d.kind == "rank" and d.span[0] < placed.end() and placed.start() < d.span[1] for d in drafts):
            s.note(f"{placed.group(0)!r}: a place among forces, but the words do not say by which measure or which "
                   "way (highest or lowest first) it is counted, so it is not drafted as a rank")
    not_recognised = list(s.notes)
    for m in s.of("figure"):
        if m.start not in s.used and m.start not in s.explained and not _trivial(m, text):
            not_recognised.append(f"{m.text!r}: a figure not tied to a place, offence and period")
    claim_like = [m for m in s.of("figure") if not _trivial(m, text)] or s.of("direction")
    for m in s.of("untestable"):
        if claim_like and not any(d.untestable == m.value for d in drafts) and not any(
                d.kind in ("grade", "grade_comparison") for d in drafts):
            not_recognised.append(f"{m.text!r}: {m.value}, which these data do not hold")
    _remember(s, ctx, drafts)
    return drafts, not_recognised


_PLACE_AMONG = re.compile(r"\b(?:(?:\d{1,2}(?:st|nd|rd|th))|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                          r"tenth|eleventh|twelfth|last|bottom|top)\s+(?:place|position|spot)\s+(?:out\s+of|of|among|"
                          r"amongst|in)\s+(?:the\s+|all\s+)?(?:43\s+|forty-three\s+|\d{1,2}\s+)?(?:police\s+)?"
                          r"(?:forces|constabularies|force\s+areas)\b", re.IGNORECASE)


_SAME_CLAIM = {"rank": ("subject", "offence", "measure", "within"), "comparison": ("subject", "offence", "measure",
                                                                                 "against"),
               "count_of_forces": ("offence", "direction", "members", "within")}


_SAID = {"rank": ("position", "top", "order"), "comparison": ("relation", "quoted_value"),
         "count_of_forces": ("quoted_count", "exceptions")}  # what two readings of one claim must agree on


def _one_reading(s: _Sentence, drafts: list[Draft]) -> list[Draft]:
    """One claim read twice from two phrasings ("the second biggest drop ... - second only to Northamptonshire") is
    one claim; two readings that disagree (a second and a third place for one force) are neither: listed, not
    drafted."""
    out: list[Draft] = []
    for draft in drafts:
        keys = _SAME_CLAIM.get(draft.kind or "")
        twin = next((d for d in out if keys and d.kind == draft.kind and d.untestable is None
                     and draft.untestable is None and all(d.fields.get(k) == draft.fields.get(k) for k in keys)), None)
        if twin is None:
            out.append(draft)
            continue
        said = _SAID.get(draft.kind or "", ())
        if all(twin.fields.get(k) == draft.fields.get(k) for k in said):
            twin.span = (min(twin.span[0], draft.span[0]), max(twin.span[1], draft.span[1]))
            twin.read.append(("restated", f"{s.text[draft.span[0]:draft.span[1]]!r}: the same claim, said again"))
            for k, v in draft.fields.items():
                twin.fields.setdefault(k, v)  # "behind Northamptonshire", "a decrease": what one phrasing adds
            continue
        s.note(f"{s.text[twin.span[0]:twin.span[1]]!r} and {s.text[draft.span[0]:draft.span[1]]!r}: two readings of "
               f"one {draft.kind} that disagree, so neither is drafted")
        out.remove(twin)
        twin.kind = None  # marks the pair as dropped, so a third reading is not kept either
        out.append(Draft(None, twin.fields, twin.span, untestable=None))
    return [d for d in out if d.kind is not None]


def _each(draft: Draft) -> list[Draft]:
    """One draft per force where the words give one figure for each of several ("both saw a 15% rise")."""
    offence = draft.fields.get("offence")
    if isinstance(offence, list) and offence and offence[-1] == "each":  # one figure for each of several offences
        return [one for name in offence[:-1] for one in _each(Draft(draft.kind, {**draft.fields, "offence": name},
                                                                    draft.span, list(draft.read), draft.untestable,
                                                                    draft.year_before))]
    subject = draft.fields.get("subject")
    if not (isinstance(subject, list) and subject and subject[-1] == "each"):
        return [draft]
    out = []
    for name in subject[:-1]:
        fields = {**draft.fields, "subject": name}
        out.append(Draft(draft.kind, fields, draft.span, list(draft.read), draft.untestable, draft.year_before))
    return out


def _trivial(m: Mention, text: str) -> bool:
    """Numbers that are not claims: small counts of things ("three areas", "43 forces", "12 months")."""
    after = text[m.end:m.end + 25].lower()
    value = abs(m.figure.quoted.value)
    if re.match(rf"\s*{_OF_43}", after, re.IGNORECASE):
        return False  # "40 of the 43 forces": a count of forces, a claim
    return (not m.figure.percent and m.figure.count_noun is None and
            (value < 50 or re.match(r"\s*(?:forces|months|years|weeks|days|per|recommendations|areas|officers|"
                                    r"people|minutes|hours)", after) is not None))


def _remember(s: _Sentence, ctx: Context, drafts: list[Draft] | None = None) -> None:
    if ctx.topic_offence is None:
        ctx.topic_offence = next((d.fields["offence"] for d in drafts or [] if d.fields.get("offence")), None)
    first = next((d for d in drafts or [] if d.fields.get("offence") and isinstance(d.fields.get("subject"), str)),
                 None)
    if first is not None:
        ctx.previous_offence, ctx.previous_subject = first.fields["offence"], first.fields["subject"]
        ctx.previous_direction = first.fields.get("direction")
    else:
        ctx.previous_offence = ctx.previous_subject = ctx.previous_direction = None
    named = {m.value for m in s.of("geo") if _is_force(m.value)}
    ctx.forces_named |= {m.value for m in s.of("geo") if _is_force(m.value) and not _is_scope(s.text, m)}
    if len(named) == 1:
        ctx.text_force = forces.by_code(named.pop())
    subjects = {str(d.fields.get("subject")) for d in drafts or [] if d.untestable is None and d.kind in (
        "change", "count", "count_change", "direction", "rate", "rank", "comparison")}
    if subjects:
        ctx.last_subjects = frozenset(subjects)
    ctx.previous_period = _stated_period(s, ctx, drafts or [])
    named_places = {str(s._place_key(m)) for m in s.of("geo") if not _is_scope(s.text, m)}
    about = {str(d.fields.get("subject")) for d in drafts or [] if d.untestable is None}
    ctx.previous_place = next(iter(about)) if len(named_places) == 1 and len(about) == 1 and not s.of("national") \
        and next(iter(about)) != "England and Wales" else None
    year = _PEEL_YEAR.search(s.text)
    if year:
        ctx.peel_year = year.group("year")
    for question, phrases in press_words()["grades"]["questions"].items():
        if question != "overall" and _phrase_pattern(phrases).search(s.text):
            ctx.question = question


def _stated_period(s: _Sentence, ctx: Context, drafts: list[Draft]) -> str | None:
    """The one 12 months a sentence gives its figures, which the next sentence may carry when it names none: the one
    its drafts share, else the one its words state (not a baseline, a record's year or part of a year)."""
    ends = {str(d.fields["period"]["end"]) for d in drafts if (d.fields.get("period") or {}).get("end")
            and not d.fields["period"].get("months") and not d.fields["period"].get("baseline")
            and d.year_before is None and not any(d is x.year_before for x in drafts)}
    if ends or any(d.kind for d in drafts):
        return ends.pop() if len(ends) == 1 and all(
            (d.fields.get("period") or {}).get("end") or d.untestable for d in drafts) else None
    for m in s.of("period"):
        before = s.text[max(0, m.start - 60):m.start]
        if _part_year(m, ctx) or _BASELINE_WORDS.search(before[-30:]) or _BASELINE_FIGURE.search(before[-40:]) or \
                _SINCE_RECORD.search(s.text[max(0, m.start - 90):m.start]) or re.search(
                    r"(?:compare[sd]?\s+(?:with|to)|\bfrom|\bthan|\bagainst)\s+(?:the\s+)?[\d,.]+\s*(?:[a-z]+\s+){0,3}$",
                    before, re.IGNORECASE) or any(m.groups.get(k)
                                                  for k in ("prior", "sameyear", "sameyear2", "sameto")):
            continue
        end = _read_period(m, ctx)[0].get("end")
        if end:
            ends.add(str(end))
    return ends.pop() if len(ends) == 1 else None


def _base(s: _Sentence, at: int, kind: str, end: int | None = None, several: str = "combined",
          offence_given: tuple | None = None, **fields) -> Draft | None:
    """A draft with subject, offence and period read for the words at ``at``; None when they are not there.
    ``offence_given``: (offence, untestable thing, how read) when other words give it ("respectively")."""
    subject = fields.pop("subject", None) or s.subject(at, end=end, several=several)
    if subject is not None and isinstance(subject[0], Outside):
        s.last = []
        return Draft(kind, {"subject": str(subject[0])}, (at, at), [("place", subject[1])], str(subject[0]))
    offence, untestable, offence_read = offence_given or s.offence(at, end)
    if untestable:
        s.last = []
        return Draft(kind, {}, (at, at), [(offence_read.split(":")[0], offence_read)], untestable)
    if subject is None or offence is None:
        s.last = []
        return None
    if kind in _CHANGE_KINDS and not (kind in ("rank", "comparison") and fields.get("measure") in ("rate", "count")):
        years = _several_years(s, at, end if end is not None else at)
        if years is not None:
            period, period_read = years
            if not period or kind not in _MULTI_YEAR_KINDS:
                s.note(period_read)
                s.used.add(at)
                s.last = []
                return None  # never drafted as a one-year change
            return Draft(kind, {"subject": subject[0], "offence": offence, **fields, "period": period}, (at, at),
                         [("place", subject[1]), ("offence", offence_read), ("period", period_read)])
    period, period_read = s.period(at, latest=kind in ("change", "streak"), end=end)
    if period.get("unknown"):
        s.note(period_read)
        s.used.add(at)
        s.last = []
        return None
    draft = Draft(kind, {"subject": subject[0], "offence": offence, **fields}, (at, at),
                  [("place", subject[1]), ("offence", offence_read), ("period", period_read)])
    if period:
        draft.fields["period"] = period
    return draft


_CHANGE_KINDS = ("change", "count_change", "direction", "rank", "comparison", "count_of_forces")
_MULTI_YEAR_KINDS = ("change", "count_change", "direction")  # a rank or comparison over years: not drafted
_NUMBER_OF_YEARS = r"two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
_N_YEARS = rf"(?P<n>{_NUMBER_OF_YEARS})"
_STATED_END = rf"(?:(?P<month>{_MONTHS})\s+(?P<year>(?:19|20)\d{{2}})|(?P<fy>(?:19|20)\d{{2}}/\d{{2}}))"
# "in the five years to March 2018", "over the five years ending 2017/18"
_YEARS_TO = re.compile(rf"\b{_N_YEARS}[\s-]+years?\s+(?:up\s+)?(?:to|ending|ended|until)\s+(?:the\s+end\s+of\s+)?"
                       rf"{_STATED_END}", re.IGNORECASE)
# "over five years", "in the past five years", "over a decade", "a five-year period"
_OVER_YEARS = re.compile(rf"\b(?:(?:over|in|during|across|within|for)\s+(?:the\s+)?(?P<last>(?:last|past|previous)\s+)?"
                         rf"(?:{_N_YEARS}[\s-]+(?:consecutive\s+|successive\s+)?years?|(?:a\s+)?(?P<decade>decade))|"
                         rf"(?P<n2>{_NUMBER_OF_YEARS})[\s-]+year\s+period)\b", re.IGNORECASE)
_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:the\s+)?(?:year\s+)?(?:19|20)\d{2}(?:/\d{2})?|records\s+began)",
                         re.IGNORECASE)
_BETWEEN_YEARS = re.compile(r"\b(?:between|from)\s+(?P<a>(?:19|20)\d{2}(?:/\d{2})?)\s+(?:and|to)\s+"
                            r"(?P<b>(?:19|20)\d{2}(?:/\d{2})?)(?![\d/])", re.IGNORECASE)
_YEARS_AGO = re.compile(r"(?:compared\s+(?:with|to)|than|on|since)\s+(?P<n>\w+)\s+years?\s+(?:ago|earlier|before)",
                        re.IGNORECASE)
_NOT_ONE_YEAR = ("so it is not drafted as a one-year change: write it as a claim with period end and baseline to "
                 "check it")


def _years_before(end: str, years: int) -> str:
    stamp = pd.Timestamp(end)
    return periods.month_end(stamp.year - years, stamp.month).date().isoformat()


def _several_years(s: _Sentence, at: int, end: int) -> tuple[dict, str] | None:
    """A change the words set over several years, in the words around ``at``: (``{end, baseline}``, how read) when
    they name both ends; ({}, why not) when they do not; None for a change over one year."""
    try:
        return _years_in(s, at, end)
    except PeelstatsError as error:  # "over 40 years": a baseline before the data
        return {}, f"a change over several years that these data cannot reach ({error}), {_NOT_ONE_YEAR}"


def _years_in(s: _Sentence, at: int, end: int) -> tuple[dict, str] | None:
    seg = s.segment(at, end)
    words_ = s.text[seg[0]:seg[1]]
    stated = _YEARS_TO.search(words_)
    n: int | None
    if stated:
        n = _count_word(stated.group("n")) or 0
        if n >= 2:
            last = (periods.parse_period_end(stated.group("fy")) if stated.group("fy") else
                    periods.parse_period_end(f"{stated.group('month')} {stated.group('year')}")).date().isoformat()
            baseline = _years_before(last, n)
            return {"end": last, "baseline": baseline}, (f"{stated.group(0)!r}: a change over {n} years, "
                                                         f"{periods.label(last)} against {periods.label(baseline)}")
    between = _BETWEEN_YEARS.search(words_)
    if between:
        first, second = between.group("a"), between.group("b")
        if "/" in first and "/" in second:  # financial years: "between 2013/14 and 2017/18"
            last = periods.parse_period_end(second).date().isoformat()
            baseline = periods.parse_period_end(first).date().isoformat()
            if baseline < last:
                return {"end": last, "baseline": baseline}, (f"{between.group(0)!r}: {periods.label(last)} against "
                                                             f"{periods.label(baseline)}")
        elif int(second[:4]) - int(first[:4]) >= 2:
            return {}, (f"{between.group(0)!r}: a change over several years, and the words do not say which 12 "
                        f"months of each year (calendar or financial), {_NOT_ONE_YEAR}")
    over = next((o for o in _OVER_YEARS.finditer(words_) if not any(  # not "for three years running"
        a < seg[0] + o.end() and seg[0] + o.start() < b for a, b in _streak_spans(s.text))
        # nor "marking the lowest recorded figures for 30 years": a record over time, not the change's years
        and not _RECORD_FOR.search(s.text[max(0, seg[0] + o.start() - 60):seg[0] + o.start()])), None)
    if over:
        n = 10 if over.group("decade") else _count_word(over.group("n") or over.group("n2"))
        if n and n >= 2:
            named = [m for m in s.of("period") if not _part_year(m, s.ctx) and not m.groups.get("latest")]
            ends = {(_read_period(m, s.ctx)[0].get("end"), m.text) for m in named} - {(None, m.text) for m in named}
            if len(ends) == 1:  # "over five years ... in the year to March 2018"
                last, said = ends.pop()
            elif over.group("last") and s.ctx.latest_period:  # "over the last five years": to the latest figures
                last, said = s.ctx.latest_period, f"the latest 12 months published on {s.ctx.date:%-d %B %Y}"
            else:
                return {}, f"{over.group(0)!r}: a change over {n} years, and the words name no year it ends, " \
                           f"{_NOT_ONE_YEAR}"
            baseline = _years_before(last, n)
            return {"end": last, "baseline": baseline}, (f"{over.group(0)!r}: a change over {n} years to {said}, "
                                                         f"{periods.label(last)} against {periods.label(baseline)}")
    same = next((m for m in s.of("period") if (m.groups.get("sameyear") or m.groups.get("sameyear2"))
                 and seg[0] <= m.start < seg[1] and _BASELINE_WORDS.search(s.text[max(0, m.start - 30):m.start])),
                None)
    if same is not None:  # "down 39 per cent on the same period in 2007": from then to the figures' own period
        compared, how = s._read(same)
        current = s._current_end(same)
        if not compared.get("end") or current is None:
            return {}, (f"{same.text!r}: a change since the same months of another year, and the words do not pin "
                        f"down which months, {_NOT_ONE_YEAR}")
        if pd.Timestamp(current).year - pd.Timestamp(compared["end"]).year >= 2:
            return {"end": current, "baseline": compared["end"]}, (
                f"{same.text!r}: a change over several years, {periods.label(current)} (the figures' own period) "
                f"against {periods.label(compared['end'])}")
    same_period = next((m for m in s.of("period") if m.groups.get("thatperiod") and seg[0] <= m.start < seg[1]), None)
    earlier = [f for f in s.of("figure") if f.end <= seg[0] and f.start not in s.restating]
    if same_period is not None and earlier and (found := _years_in(s, earlier[-1].start, earlier[-1].end)):
        # "up 60 per cent in the past two years ..., while public order offences have nearly tripled over the same
        # period": the years of the change before it
        return found[0], f"{same_period.text!r}: the period of the change before it; {found[1]}"
    named_baseline = next((m for m in s.of("period") if m.groups.get("month") and m.groups.get("year")
                           and seg[0] <= m.start < seg[1] and not _part_year(m, s.ctx)
                           and _BASELINE_WORDS.search(s.text[max(0, m.start - 30):m.start])), None)
    if named_baseline is not None:  # "30,000 more crimes in the year ending September 2016 than in the 12 months
        compared = _read_period(named_baseline, s.ctx)[0]  # preceding September 2014": over two years
        current = s._current_end(named_baseline)
        if compared.get("end") and current is not None and \
                pd.Timestamp(current).year - pd.Timestamp(compared["end"]).year >= 2:
            if pd.Timestamp(current).month != pd.Timestamp(compared["end"]).month:
                return {}, (f"{named_baseline.text!r}: a change against other months of another year, "
                            f"{_NOT_ONE_YEAR}")
            return {"end": current, "baseline": compared["end"]}, (
                f"{named_baseline.text!r}: a change over several years, {periods.label(current)} against "
                f"{periods.label(compared['end'])}")
    both_ends = _from_to_ends(s, at)
    if both_ends is not None:
        return both_ends
    since = _SINCE_YEAR.search(words_)
    if since and re.search(rf"\b(?:{_SUPERLATIVE}|first)\b[^.;]{{0,60}}$", words_[:since.start()], re.IGNORECASE):
        since = None  # "the highest tally since 2005/06": a level not reached since, not the change's baseline
    if since:
        return {}, f"{since.group(0)!r}: a change over several years, from a year the words do not pin down, " \
                   f"{_NOT_ONE_YEAR}"
    ago = _YEARS_AGO.search(words_)
    if ago and (words.number_in_words(ago.group("n")) or 0) >= 2:
        return {}, f"{ago.group(0)!r}: a change over {ago.group('n')} years, {_NOT_ONE_YEAR}"
    if earlier and not any(seg[0] <= m.start < seg[1] for m in s.of("period")) and \
            _SET_BESIDE.search(s.text[earlier[-1].end:at]) and (found := _years_in(s, earlier[-1].start,
                                                                                      earlier[-1].end)):
        # "has risen 10.9 per cent over the past five years compared to a fall of 3.4 per cent nationally": a figure
        # set beside a change over several years, with no period of its own, is over the same years
        return found[0], f"set beside the change before it, over the same years: {found[1]}"
    return None


_APPOSED_CHANGE = re.compile(r"\s*(?:[,\u2013\u2014-]|\()\s*(?:(?:an?\s+)?(?:fall|drop|decrease|reduction|cut|rise|"
                             r"increase)\s+of|(?:down|up)(?:\s+by)?)?\s*", re.IGNORECASE)


def _from_to_ends(s: _Sentence, at: int) -> tuple[dict, str] | None:
    """"fell from 54,974 in the year ending June 2007 to 40,613 in the year ending June 2015 - a fall of 26.1%": a
    change set right after two counts of the same months years apart, each with its own period, is over those years
    (``{end, baseline}``); None otherwise."""
    figures = [f for f in s.of("figure") if f.end <= at and f.start not in s.restating]
    if len(figures) < 2 or not _from_to(s, figures[-2], figures[-1]) or \
            not re.search(r"\bfrom\s*$", s.text[max(0, figures[-2].start - 12):figures[-2].start]):
        return None
    ends = []
    for figure, stop in ((figures[-2], figures[-1].start), (figures[-1], at)):
        named = [m for m in s.of("period") if figure.end <= m.start < stop
                 and re.fullmatch(r"\s*", s.text[figure.end:m.start])]
        if len(named) != 1 or _part_year(named[0], s.ctx):
            return None
        end = _read_period(named[0], s.ctx)[0].get("end")
        if not end or named[0].groups.get("latest"):
            return None
        ends.append((end, named[0]))
    (baseline, first), (last, second) = ends
    if not _APPOSED_CHANGE.fullmatch(s.text[second.end:at]):
        return None
    if pd.Timestamp(last).month != pd.Timestamp(baseline).month or \
            pd.Timestamp(last).year - pd.Timestamp(baseline).year < 2:
        return None
    return {"end": last, "baseline": baseline}, (
        f"{first.text!r} to {second.text!r}: the change between the two counts before it, {periods.label(last)} "
        f"against {periods.label(baseline)}")


_SET_BESIDE = re.compile(r"\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|against|versus|vs\.?|while|"
                         r"whereas|than)\b", re.IGNORECASE)


_D = TypeVar("_D", bound=Draft | None)


def _span(draft: _D, start: int, end: int, s: _Sentence | None = None) -> _D:
    """The words a draft came from: its own words, and the place, offence and direction read for it in its clause."""
    if draft is not None:
        draft.span = (min(start, draft.span[0]), max(end, draft.span[1]))
        if s is not None:
            clause = s.clause(start)
            for m in s.last:
                if clause[0] <= m.start <= clause[1]:
                    draft.span = (min(m.start, draft.span[0]), max(m.end, draft.span[1]))
    if s is not None:
        s.last = []
    return draft


_PER_THOUSAND = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:per|for\s+every)\s+(?:1,000|1000|one\s+thousand|thousand)\b",
                           re.IGNORECASE)
# "a population of 569,800", "a population of about 1.2 million", "the population is 600,000": people, not crimes
_POPULATION = re.compile(r"\bpopulations?\s+(?:of|is|was|stands\s+at|stood\s+at|totals|totalled)\s+"
                         r"(?:about\s+|around\s+|some\s+|almost\s+|nearly\s+|over\s+|more\s+than\s+|just\s+)?$",
                         re.IGNORECASE)
_PER_TIME = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:per|a|every)\s+(?:day|week|hour|minute|month)s?\b", re.IGNORECASE)


def _figures(s: _Sentence) -> list[Draft]:
    """Drafts for figures that are % changes, counts and count changes (rates, ranks and counts of forces are read
    by their own patterns first)."""
    out: list[Draft] = []
    figures = [m for m in s.of("figure") if m.start not in s.used]
    pairs = _respectively(s, figures)
    previous: Draft | None = None
    draft: Draft | None
    later: Draft | None
    for k, m in enumerate(figures):
        if m.start in s.used:
            continue
        figure: Figure = m.figure
        nxt = figures[k + 1] if k + 1 < len(figures) else None
        joined = nxt is not None and re.fullmatch(r"\s*(?:and|or|to)\s*", s.text[m.end:nxt.start])
        percent = figure.percent or bool(joined and nxt is not None and nxt.figure.percent)
        subject, offence_given = pairs.get(m.start, (None, None))
        before = s.text[max(0, m.start - 30):m.start]
        if re.match(r"(?:by|of)\s", m.text, re.IGNORECASE):
            before += m.text[:3]  # "a rise by more than 10,000": the preposition belongs to the change word
        after = s.text[m.end:m.end + 40]
        if re.search(r"\b(?:not|never)\s+(?:\w+\s+){0,2}?(?:by|of)?\s*$|n't\s+(?:\w+\s+){0,2}?(?:by|of)?\s*$",
                     before, re.IGNORECASE):
            s.notes.append(f"{m.text!r}: a figure the words deny ('{before.strip()[-25:]}'), not a claim")
            s.used.add(m.start)
            continue
        years = _several_years(s, m.start, m.end)
        if years is not None and not years[0] and (figure.percent or _CHANGE_BY.search(before) or re.match(
                r"\s*(?:more|fewer|less|extra|additional)\b", after, re.IGNORECASE)):
            s.note(f"{m.text!r}: {years[1]}")  # "66,976 fewer than five years ago": not a one-year change
            s.used.add(m.start)
            continue
        if re.search(r"\bper\s*$", before) or _PER_TIME.match(after) or _PER_THOUSAND.match(after) or re.match(
                r"\s*(?:of\s+(?:the\s+)?)?(?:other\s+)?(?:\d+\s+)?(?:police\s+)?forces?\b", after, re.IGNORECASE):
            continue  # "per 1,000", "359 crimes per day", "43 police force areas", "half of forces": not a figure here
        if _POPULATION.search(before) or re.match(r"\s+(?:people|residents|inhabitants)\s+(?:live|lived|living)\b",
                                                  after, re.IGNORECASE):
            s.note(f"{m.text!r}: a population, not a crime figure, so it is not drafted")
            s.used.add(m.start)  # "A population of 569,800 was recorded in the 2020 census"
            continue
        if not figure.percent and re.search(r"\b(?:increase|rise|fall|drop|reduction|decrease|jump)\s+of\s+the\s*$",
                                            before, re.IGNORECASE):
            # "a 14 per cent increase of the 5,000 recorded": the size of the rise, or the count it rose from?
            s.note(f"{s.text[max(0, m.start - 15):m.end].strip()!r}: the words do not say whether it is the change "
                   "or the count changed from, so it is not drafted")
            s.used.add(m.start)
            continue
        if re.search(r"percentage[\s-]+points?", m.text, re.IGNORECASE):
            s.note(f"{m.text!r}: a difference between two percentages (percentage points), not a % change; no claim "
                   "kind holds it, so it is not drafted")
            s.used.add(m.start)
            continue
        if figure.percent and (_PERCENT_SHARE_AFTER.match(s.text, m.end) or _PERCENT_SHARE_BEFORE.search(
                s.text[max(0, m.start - 40):m.start])) and not _CHANGE_BY.search(before):
            s.note(f"{m.text!r}: a share of the crimes ({s.text[m.start:m.end + 25].strip()!r}...), not a change; no "
                   "claim kind holds a share, so it is not drafted")
            s.used.add(m.start)
            share = _PERCENT_SHARE_AFTER.match(s.text, m.end)
            if share:  # "38 per cent of all crime": the whole the share is of, not what the sentence is about
                denominator = [x for x in s.mentions if x.kind == "offence" and m.end <= x.start <= share.end()]
                s.mentions = [x for x in s.mentions if x not in denominator]
            continue
        restated = _restated(s, m)
        if restated is not None:
            s.note(f"{m.text!r}: a figure of speech restating {restated.text!r} beside it, which is the figure "
                   "checked")
            s.used.add(m.start)
            s.restating.add(m.start)
            s.restated[restated.start] = m
            continue
        segment, clause = s.segment(m.start, m.end), s.clause(m.start)
        per_thousand = r"per\s+(?:1,000|1000|thousand)|for\s+every\s+(?:1,000|1000)"
        # "In terms of recorded crime rates per 1,000 population, Devon and Cornwall recorded 51 crimes"
        rates_here = re.search(per_thousand, s.text[segment[0]:segment[1] + 40], re.IGNORECASE) or re.search(
            rf"\brates?\b[^.;]{{0,30}}(?:{per_thousand})", s.text[clause[0]:m.start], re.IGNORECASE)
        if not percent and (rates_here or ("." in m.text and abs(figure.quoted.value) < 100)):
            continue  # counts are whole numbers; a clause about rates per 1,000 holds rates
        if percent and _apposed(s, m, previous):
            assert previous is not None  # _apposed holds only after a count
            # "recorded 35,533 stalking offences - a 56 per cent increase on the previous year": the count's change
            direction, how = _signed_direction(s, m)
            if direction is None:
                continue
            draft = _alike(previous, m, "change", quoted_value=m.text, direction=direction)
            draft.read[0] = ("figure", f"{m.figure.quoted.describe()}; {how}; set beside the count before it, whose "
                                       "place, offence and period it shares")
        elif percent:
            listed = [] if offence_given else _offences_sharing(s, m)
            testable = [o for o in listed if o.kind == "offence"]
            if testable:  # "violent crime, robbery and theft are all up by a quarter": the figure of each
                offence_given = (testable[0].value, None, f"{testable[0].text!r}: {testable[0].value}")
            draft = _change(s, m, subject, percent_from_next=not figure.percent, offence=offence_given)
            if draft is not None and draft.untestable is None and testable:
                draft.fields["offence"] = [*(o.value for o in testable), "each"]
                draft.read = [(what, f"{', '.join(repr(o.text) for o in listed)}: offences listed with one figure, "
                                     "which is each one's" if what == "offence" else how) for what, how in draft.read]
        elif abs(figure.quoted.value) >= 50 and re.search(r"\(\s*$", before) and re.match(r"\s*\)", after) and any(
                x.kind in ("offence", "untestable") and re.fullmatch(r"\s*\(\s*", s.text[x.end:m.start])
                for x in s.mentions):
            # "The number of public order offences (3,590) in Gwent were up 66 per cent": the count of that offence
            draft = _count(s, m, subject)
        elif label := _YEAR_LABEL.search(before):
            # "Sexual offences increased 37.3% in the 12 months ending September 2017 (2016: 1,694 - 2017: 2,326)":
            # each count of the same months, in the year it is labelled with
            draft = _labelled_count(s, m, subject, int(label.group("year")))
        elif previous is not None and previous.kind == "change" and previous.fields.get("direction") and \
                previous.span[1] >= m.start - 25 and re.search(r"\bwith\s+(?:a\s+further\s+|an?\s+)?$", before) and \
                re.match(r"\s*(?:more|fewer|less|extra|additional)\b", after, re.IGNORECASE) and \
                _nothing_new(s, previous, m) and (re.match(r"\s*(?:fewer|less)\b", after, re.IGNORECASE) is not None)\
                == (previous.fields["direction"] == "decrease"):
            # "sex offences increased by 32% with 583 more reported than the previous year": the same change, in crimes
            draft = _alike(previous, m, "count_change", quoted_value=m.text, direction=previous.fields["direction"])
        elif re.match(r"\s*(?:more|fewer|less|extra|additional)\b", after, re.IGNORECASE) or _CHANGE_BY.search(before) \
                or (_EXTRA_BEFORE.search(before) and abs(figure.quoted.value) >= 10):
            # "an extra 3,896 crimes have been reported", "a further 410 crimes reported": the increase, not a count
            draft = _count_change(s, m, subject, offence=offence_given)
        elif re.search(r"\(\s*$", before) and any(re.fullmatch(r"\s*\(\s*", s.text[p.end:m.start])
                                                   for p in s.of("period")):
            # "on the same period in 2007 (338 crimes)", "September 2007 (2,042)": the count for that period
            draft = _count(s, m, subject)
        elif previous is not None and previous.kind == "change" and previous.fields.get("direction") and \
                previous.span[1] >= m.start - 40 and re.search(
                    r"(?:\(\s*(?:an?\s+(?:additional|extra)\s+)?|the\s+equivalent\s+of\s+|equivalent\s+to\s+|"
                    r"\bor\s+|an?\s+(?:additional|extra)\s+)$", before, re.IGNORECASE):
            # "rose by nine per cent (470)", "up 0.1 per cent, the equivalent of 72 incidents": the same change
            draft = _alike(previous, m, "count_change", quoted_value=m.text, direction=previous.fields["direction"])
        elif _TO_BEFORE.search(before) and previous is not None and previous.untestable is not None \
                and previous.kind in ("change", "count_change") and previous.span[1] >= m.start - 40 and \
                _nothing_new(s, previous, m):
            # "Knife crime rose by 12% to 39,818 offences": the count a change in something the data lack reached
            draft = Draft("count", {}, (m.start, m.start), previous.read, previous.untestable)
        elif _TO_BEFORE.search(before) and previous is not None and \
                previous.kind in ("change", "count_change") and previous.fields.get("subject") and \
                abs(figure.quoted.value) >= 50 and previous.span[1] >= m.start - 40 and _nothing_new(s, previous, m):
            # "an 8% rise in England and Wales, excluding fraud, to 5.2million", "a jump of 844 to 10,340",
            # "up two per cent at 43,334": the count the change reached
            draft = _alike(previous, m, "count", quoted_value=m.text)
        elif previous is not None and previous.kind == "change" and previous.fields.get("subject") and \
                re.search(r"\bfrom\s*$", before) and nxt is not None and _from_to(s, m, nxt) and \
                previous.span[1] >= m.start - 60 and _nothing_new(s, previous, m):
            # "crime fell by 1.5 per cent compared to 2013/14, dropping from 52,479 to 51,687": the change's counts
            later = _alike(previous, nxt, "count", quoted_value=nxt.text)
            draft = _alike(previous, m, "count", quoted_value=m.text)
            draft.fields.pop("period", None)
            draft.year_before = later
            s.used.add(nxt.start)
            out.append(later)
        elif _baseline_of(s, m, previous):
            assert previous is not None  # _baseline_of holds only after a count
            # "58,000 crimes ..., compared to nearly 68,700 12 months before", "4.4 million, down from 4.8m"
            draft = _count(s, m, subject or (previous.fields["subject"], "the place of the count before it"))
            if draft is not None and (not draft.fields.get("period")
                                      or draft.fields.get("period") == previous.fields.get("period")):
                draft.fields.pop("period", None)
                draft.year_before = previous  # the baseline is the year before the count it follows
            elif draft is not None and (draft.fields.get("period") or {}).get("end") and \
                    not previous.fields.get("period") and not draft.fields["period"].get("months"):
                _year_after(s, previous, draft)  # "37,054 crimes last year, up from 36,736 at the end of 2014"
        elif abs(figure.quoted.value) >= 50 and re.search(r"\b(?:up|down)\s+from\s*$", before) and any(
                re.fullmatch(r"\s+", s.text[m.end:p.start]) for p in s.of("period")):
            # "down from 46,496 in 2007": the count of the year named, what the count before it is compared with
            draft = _count(s, m, subject)
        elif figure.count_noun or (
                figure.quoted.verbal and abs(figure.quoted.value) >= 100_000 and
                re.search(r"number\s+of\s+(?:crimes|offences)", s.text, re.IGNORECASE)) or (
                re.search(r"\bfrom\s*$", before) and nxt is not None and _from_to(s, m, nxt)
                and (abs(figure.quoted.value) >= 50 or s.of("offence"))):
            draft = _count(s, m, subject)
            if draft is not None and re.search(r"\bfrom\s*$", before) and nxt is not None and _from_to(s, m, nxt):
                later = _count(s, nxt, subject)  # "from A to B", "from A in 2010/11 to B in 2011/12"
                if (later is None or later.fields.get("offence") != draft.fields.get("offence")) and \
                        draft.untestable is None and _nothing_new(s, draft, nxt):
                    later = _to_count(s, draft, nxt)  # "robbery rose from 53 offences in 09/10 to 67 in 10/11"
                if later is not None:
                    s.used.add(nxt.start)
                    out.append(later)
                    if draft.fields.get("period") == later.fields.get("period") or (
                            "period" not in later.fields and _consecutive_short_years(s, m, nxt)):
                        draft.fields.pop("period", None)
                        draft.year_before = later  # A is the year before B ("from 397 in 09/10 to 407 in 10/11")
        elif abs(figure.quoted.value) >= 50 and (_COUNT_BEFORE.search(before) or _COUNT_AFTER.match(after)):
            # "recorded crime in Herts was 65,734", "gone up dramatically to 21,580", "with 109,736 recorded in"
            draft = _count(s, m, subject)
        else:
            continue
        if draft is not None:
            s.used.add(m.start)
            out.append(draft)
            previous = draft
    return out


_YEAR_LABEL = re.compile(r"(?:\(|[\u2013\u2014-]|,|;)\s*(?P<year>(?:19|20)\d{2})\s*:\s*$")


def _labelled_count(s: _Sentence, m: Mention, subject, year: int) -> Draft | None:
    """A count labelled with a year ("(2016: 1,694 - 2017: 2,326)"): the same 12 months as the figures the sentence
    names, ending in that year; not drafted when the words do not pin down which months."""
    current = s._current_end()
    if current is None or m.figure.percent:
        s.note(f"{m.text!r}: a count labelled {year}, and the words do not say which 12 months of it, so it is not "
               "drafted")
        s.used.add(m.start)
        return None
    end = periods.month_end(year, pd.Timestamp(current).month).date().isoformat()
    draft = _count(s, m, subject)
    if draft is None or draft.untestable is not None:
        return draft
    draft.fields["period"] = {"end": end}
    draft.read = [r for r in draft.read if r[0] != "period"] + [
        ("period", f"'{year}:' labels the count: the same months as the figures of the sentence "
                   f"({periods.label(current)}), {periods.label(end)}")]
    return draft


_RESTATING_GAP = re.compile(r"[\s,;:(\u2013\u2014-]*(?:(?:or|going|went|gone|rising|rose|risen|falling|fell|fallen|"
                            r"climbing|increasing|decreasing|dropping|up|down|a|an|of|some|that\s+is|i\.e\.)[\s,]+)"
                            r"{0,3}(?:by\s+)?", re.IGNORECASE)


def _restated(s: _Sentence, m: Mention) -> Mention | None:
    """A fraction or multiplier set beside a percentage that says it exactly ("almost doubled, going up by 48 per
    cent", "a rise of a tenth (11%)", "almost a fifth - 19 per cent"): the percentage, which is the claim."""
    quoted = m.figure.quoted
    if not (quoted.verbal and quoted.percent):
        return None
    figures = s.of("figure")
    k = next(i for i, f in enumerate(figures) if f.start == m.start)
    for other, gap in ((figures[k + 1], (m.end, figures[k + 1].start)) if k + 1 < len(figures) else (None, None),
                       (figures[k - 1], (figures[k - 1].end, m.start)) if k else (None, None)):
        if other is None or not other.figure.percent or other.figure.quoted.verbal:
            continue
        assert gap is not None  # given with every other figure
        between = s.text[gap[0]:gap[1]]
        named = [x for x in s.mentions if x.kind in ("offence", "untestable", "geo", "national", "own_force", "period")
                 and gap[0] <= x.start < gap[1]]
        if not named and _RESTATING_GAP.fullmatch(between):
            return other
    return None


_CHANGE_NOUN_OF = r"(?:rise|increase|drop|fall|reduction|decrease|jump|change)\s+of\s+"
_WHICH_IS = re.compile(rf"\s*,\s*(?:which|this|that)\s+(?:is|was|represents|represented|marks|marked|means)\s+"
                       rf"(?:(?:an?|the)\s+)?(?:{_CHANGE_NOUN_OF})?", re.IGNORECASE)


def _apposed(s: _Sentence, m: Mention, previous: Draft | None) -> bool:
    """A % change set in apposition right after a count ("35,533 stalking and harassment offences - a 56 per cent
    increase on the previous year", "3,250 fewer homes burgled - a drop of 17.4 per cent"): nothing new is named
    between them, nor in the change's own words."""
    if previous is None or previous.kind not in ("count", "count_change") or not isinstance(
            previous.fields.get("subject"), str) or not previous.fields.get("offence") or previous.year_before:
        return False
    gap = s.text[previous.span[1]:m.start]
    if not re.fullmatch(rf"\s*[,(\u2013\u2014-]\s*(?:(?:an?|the)\s+)?(?:{_CHANGE_NOUN_OF}|(?:up|down)\s+)?(?:by\s+)?",
                        gap, re.IGNORECASE):
        # "191,439 crimes were recorded in Kent last year, which is a 3% decrease": the count's own period, then a
        # clause saying what the count is
        for period in s.of("period"):
            if previous.span[1] <= period.start and period.end <= m.start:
                gap = gap.replace(period.text, " ")
        if not _WHICH_IS.fullmatch(gap):
            return False
    seg = s.segment(m.start, m.end)
    return _nothing_new(s, previous, m) and not [x for x in s.mentions if x.kind in (
        "offence", "untestable", "geo", "national", "own_force", "period") and m.end <= x.start < seg[1]]


def _nothing_new(s: _Sentence, change: Draft, m: Mention) -> bool:
    """No other place or offence named between a change and a figure that may belong to it."""
    return not [x for x in s.mentions if x.kind in ("offence", "untestable", "geo", "national", "own_force")
                and change.span[1] <= x.start < m.start]


def _alike(change: Draft, m: Mention, kind: str, **fields) -> Draft:
    """A figure that belongs to the change before it ("up 46 per cent to 76,404", "rose 9% (470)"): the same place,
    offence and period."""
    shared = {k: v for k, v in change.fields.items() if k in ("subject", "offence", "period")}
    read = [("figure", m.figure.quoted.describe()),
            *[(what, how) for what, how in change.read if what in ("place", "offence", "period")]]
    period = shared.get("period") or {}
    if kind == "count" and period.get("baseline"):  # "up 60 per cent in the past two years to 3,188": the count is
        shared["period"] = {k: v for k, v in period.items() if k != "baseline"}  # for the change's last 12 months
        read = [(what, f"{how}; the count is for the last 12 months, {periods.label(period['end'])}"
                 if what == "period" else how) for what, how in read]
    return Draft(kind, {**shared, **fields}, (m.start, m.end), read)


def _consecutive_short_years(s: _Sentence, first: Mention, second: Mention) -> bool:
    """"from 397 in 09/10 to 407 in 10/11": the two counts' years are one year apart, whichever 12 months they are."""
    named = [p for p in s.of("period") if p.groups.get("fy2") and first.end <= p.start <= second.end + 12]
    return len(named) == 2 and int(named[0].groups["fy2a"]) + 1 == int(named[1].groups["fy2a"])


def _to_count(s: _Sentence, first: Draft, m: Mention) -> Draft:
    """The B of "from A to B": A's place and offence, and B's own period."""
    later = _alike(first, m, "count", quoted_value=m.text)
    later.fields.pop("period", None)
    period, how = s.period(m.start, end=m.end)
    if period:
        later.fields["period"] = period
    later.read = [r for r in later.read if r[0] != "period"] + [("period", how)]
    return later


def _from_to(s: _Sentence, first: Mention, second: Mention) -> bool:
    """"from 35,906 in 2010/11 to 27,327": the words between two counts, periods aside, are a "to"."""
    between = s.text[first.end:second.start]
    for period in s.of("period"):
        if first.end <= period.start and period.end <= second.start:
            between = between.replace(period.text, " ")
    return bool(re.fullmatch(r"[^\d.;]{0,45}?\bto\s*", between))


def _year_after(s: _Sentence, count: Draft, baseline: Draft) -> None:
    """A count with no period of its own, compared with a count of a stated year ("37,054 crimes were recorded last
    year, up from 36,736 at the end of 2014"): the 12 months a year after, when those were out by the document's
    date (not a change over several years)."""
    end = (pd.Timestamp(baseline.fields["period"]["end"]) + pd.offsets.MonthEnd(12)).normalize()
    if not pd.Timestamp(s.ctx.date) - pd.DateOffset(months=15) <= end <= pd.Timestamp(s.ctx.date):
        return
    count.fields["period"] = {"end": end.date().isoformat()}
    count.read = [r for r in count.read if r[0] != "period"] + [
        ("period", f"the year after the count it is compared with ({periods.label(baseline.fields['period']['end'])}),"
                   f" {periods.label(end)}")]


def _baseline_of(s: _Sentence, m: Mention, previous: Draft | None) -> bool:
    """A count given as what the count before it is compared with ("compared to 44,294 in the 12 months to June
    2011", "down from almost 4.8m a year before"): same offence and place, and a like size."""
    if previous is None or previous.kind != "count" or not previous.fields.get("subject"):
        return False
    before = s.text[max(0, m.start - 30):m.start]
    if not re.search(r"(?:compared\s+(?:to|with)|(?:down|up)\s+from|\bfrom|\bagainst|\bversus|\bvs\.?)\s*$",
                     before, re.IGNORECASE):
        return False
    if previous.span[1] < m.start - 80 or s.of("figure", (previous.span[1], m.start - 1)):
        return False
    try:
        earlier = words.parse_quoted(previous.fields["quoted_value"]).value
    except ValueError:
        return False
    return earlier > 0 and 1 / 3 <= m.figure.quoted.value / earlier <= 3


def _respectively(s: _Sentence, figures: list[Mention]) -> dict[int, tuple]:
    """"up 30 and 50 per cent in Northumbria and Durham respectively", "burglary and robbery rose 5% and 10%
    respectively": each figure of a list to its place or offence, as (subject, offence) with None for what the figure's
    own words give. A list the sentence does not hold ("These figures showed rises of 21 and 31 per cent
    respectively", of offences named in the sentence before) pairs with nothing: its figures are marked, not drafted.
    """
    if not re.search(r"\brespectively\b", s.text, re.IGNORECASE):
        return {}
    runs: list[list[Mention]] = []
    run: list[Mention] = []
    for figure in figures:
        if run and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)\s*(?:(?:by|of|to)\s+)?",
                                s.text[run[-1].end:figure.start]):
            run.append(figure)
        else:
            if len(run) > 1:
                runs.append(run)
            run = [figure]
    if len(run) > 1:
        runs.append(run)
    out: dict[int, tuple] = {}
    for run in runs:
        places = _listed_before(s, [m for m in s.of("geo") if _is_force(m.value)], len(run), run[0].start) or \
            _listed_before(s, [m for m in s.of("geo") if _is_force(m.value) and m.start > run[-1].end], len(run))
        offences = _listed_before(s, [m for m in s.of("offence") + s.of("untestable") if m.value != GENERIC_TOTAL],
                                  len(run), run[0].start)
        if places:
            for figure, place in zip(run, places, strict=True):
                name = forces.by_code(place.key).name
                out[figure.start] = ((name, f"{place.text!r}: {name} (figures and places paired, 'respectively')"),
                                     None)
        elif offences:
            for figure, offence in zip(run, offences, strict=True):
                how = f"{offence.text!r}: {offence.value} (figures and offences paired, 'respectively')"
                given = (None, offence.value, how) if offence.kind == "untestable" else (offence.value, None, how)
                out[figure.start] = (None, given)
        else:
            s.note(f"{s.text[run[0].start:run[-1].end]!r} ... 'respectively': the {len(run)} things the figures are "
                   "paired with are not listed in the sentence, so they are not drafted")
            for figure in run:
                s.used.add(figure.start)
    return out


def _listed_before(s: _Sentence, mentions: list[Mention], n: int, before: int | None = None) -> list[Mention]:
    """The last ``n`` mentions listed together ("Northumbria and Durham", "burglary, robbery and theft"), before
    ``before`` when given; [] when no such list of exactly ``n``."""
    found = sorted((m for m in mentions if before is None or m.end <= before), key=lambda m: m.start)
    runs: list[list[Mention]] = []
    run: list[Mention] = []
    for m in found:
        if run and s.text[run[-1].end:m.start].strip().lower() in ("and", ",", ", and", "&", "and the", "or"):
            run.append(m)
        else:
            if run:
                runs.append(run)
            run = [m]
    if run:
        runs.append(run)
    if before is not None:
        runs = runs[-1:]
    return next((r for r in runs if len(r) == n), [])


def _signed_direction(s: _Sentence, m: Mention) -> tuple[str | None, str]:
    if m.figure.quoted.value < 0:
        return "decrease", f"{m.text!r}: negative, a decrease"
    found = s.direction(m.start)
    if found[0] is None and m.start in s.restated:  # "rose by almost a fifth - 19 per cent -": the verb before
        found = s.direction(s.restated[m.start].start)
    lead = s.text[max(0, m.start - 40):m.start]
    if found[0] is None and re.search(r"(?:national|england\s+and\s+wales)\s+average\s+(?:of|was|is|at)\s+$", lead,
                                      re.IGNORECASE):
        # "rose by 19 per cent - compared with a national average of 11 per cent": the average of that rise
        earlier = [d for d in s.of("direction") if d.start < m.start]
        if earlier:
            return earlier[-1].key, f"{earlier[-1].text!r} before it: the national average of the same " \
                                      f"{earlier[-1].value}"
    if found[0] is None and re.search(r"\bwith\s*$", s.text[max(0, m.start - 6):m.start]):
        # "The second biggest drop was by Thames Valley Police, with 13 per cent": the sentence's one direction
        values = {d.key for d in s.of("direction") if d.start < m.start}
        if len(values) == 1:
            word = next(d for d in s.of("direction") if d.start < m.start)
            return values.pop(), f"{word.text!r} earlier in the sentence: {word.value}"
    clause = s.clause(m.start)
    if found[0] is None and re.fullmatch(r"(?:but|while|whereas|and|compared\s+(?:with|to))\b[a-z\s]{0,20}",
                                         s.text[clause[0]:m.start], re.IGNORECASE):
        # "rose 10% but only 5% in Warwickshire": a clause with no verb of its own shares the one before it
        values = {d.key for d in s.of("direction") if d.end <= clause[0]}
        if len(values) == 1:
            word = next(d for d in s.of("direction") if d.end <= clause[0])
            return values.pop(), f"{word.text!r} in the clause before: {word.value}"
    if found[0] is None and re.search(r"\bcompare[sd]?\s+(?:with|to)\b", s.text, re.IGNORECASE) and \
            s.ctx.previous_direction:
        return s.ctx.previous_direction, f"'compares with': {s.ctx.previous_direction}, as in the sentence before"
    return found


_EACH_AFTER = re.compile(r"\s+(?:each|apiece)\b", re.IGNORECASE)
_ALL_BEFORE = re.compile(r"^\s*(?:(?:are|were|have|has|had|is|was|also|all|both|been|each)\s+)*?(?:all|both|each)\s+"
                         r"(?:\w+\s+){0,3}$", re.IGNORECASE)


def _offences_sharing(s: _Sentence, m: Mention) -> list[Mention]:
    """Offences listed before one verb and one figure that is each one's ("drug offences and gun crime dropping by 15
    per cent each", "violent crime, robbery, shoplifting and theft are all up by a quarter"); [] when the words do not
    say the figure is each one's, or the offences are not listed together right before it."""
    clause = s.clause(m.start)
    named = [o for o in s.of("offence") + s.of("untestable") if clause[0] <= o.start and o.end <= m.start
             and o.value != GENERIC_TOTAL]
    named.sort(key=lambda o: o.start)
    if len(named) < 2:
        return []
    run = [named[-1]]
    for o in reversed(named[:-1]):
        if _LISTED.match(s.text[o.end:run[0].start]) and re.fullmatch(r"[\s,]*(?:and\s+)?", s.text[o.end:run[0].start]):
            run.insert(0, o)
        else:
            break
    gap = s.text[run[-1].end:m.start]
    if len(run) < 2 or re.search(r"[,;:()\u2013\u2014]", gap) or len(gap) > 45 or any(
            x.kind in ("geo", "figure", "offence", "untestable") and run[-1].end <= x.start < m.start
            for x in s.mentions):
        return []
    if not (_EACH_AFTER.match(s.text, m.end) or _ALL_BEFORE.search(gap)):
        return []
    return run


def _change(s: _Sentence, m: Mention, subject=None, percent_from_next: bool = False, offence=None) -> Draft | None:
    direction, direction_read = _signed_direction(s, m)
    quoted = m.figure.quoted
    fields = {"quoted_value": m.text + ("%" if percent_from_next else "")}
    if direction is None and quoted.value >= 0 and not re.search(r"doubled|tripled|trebled|halved", m.text, re.I):
        return None  # a percentage with no rise or fall: not a change we can read
    if direction:
        fields["direction"] = direction
    draft = _base(s, m.start, "change", end=m.end, several="each", subject=subject, offence_given=offence, **fields)
    if draft is not None and draft.untestable is None:
        draft.read.insert(0, ("figure", f"{quoted.describe()}" + (f"; {direction_read}" if direction_read else "")))
    return _span(draft, m.start, m.end, s)


def _count(s: _Sentence, m: Mention, subject=None) -> Draft | None:
    draft = _base(s, m.start, "count", end=m.end, subject=subject, quoted_value=m.text)
    if draft is not None and draft.untestable is None:
        draft.read.insert(0, ("figure", m.figure.quoted.describe()))
    return _span(draft, m.start, m.end, s)


def _count_change(s: _Sentence, m: Mention, subject=None, offence=None) -> Draft | None:
    after = s.text[m.end:m.end + 30].lower()
    direction: str | None
    if re.match(r"\s*(?:fewer|less)\b", after):
        direction, how = "decrease", "'fewer': a decrease"
    elif re.match(r"\s*(?:more|extra|additional)\b", after):
        direction, how = "increase", "'more': an increase"
    elif extra := _EXTRA_BEFORE.search(s.text[max(0, m.start - 30):m.start]):
        direction, how = "increase", f"{extra.group(0).strip()!r}: an increase"
    else:
        direction, how = s.direction(m.start)
    if direction is None:
        return None
    draft = _base(s, m.start, "count_change", end=m.end, subject=subject, offence_given=offence, quoted_value=m.text,
                  direction=direction)
    if draft is not None and draft.untestable is None:
        draft.read.insert(0, ("figure", f"{m.figure.quoted.describe()}; {how}"))
    return _span(draft, m.start, m.end + len(after) - len(after.lstrip()) + 5, s)


def _sizes(s: _Sentence, drafts: list[Draft]) -> list[Draft]:
    """Size words: "did not change", "a slight fall", "soared" (with a figure, they add to its reading)."""
    out = []
    index = words._word_index("sizes")  # noqa: SLF001
    pattern = _phrase_pattern(index)
    far = _FAR_LESS.search(s.text)
    draft: Draft | None
    for match in pattern.finditer(s.text):
        size = index[" ".join(match.group(0).lower().split())]
        if far and far.start() <= match.start() < far.end():
            continue
        clause = s.clause(match.start())
        if any(d.kind == "count" and d.year_before is not None and clause[0] <= d.span[0] <= clause[1] + 40
               for d in drafts) or re.match(r"\s+from\s+[\d,.]+", s.text[match.end():]) and sum(
                d.kind == "count" and clause[0] <= d.span[0] <= clause[1] for d in drafts) >= 2:
            continue  # "rose slightly from 397 to 407": the two counts carry it
        changes = [d for d in drafts if d.kind == "change" and clause[0] <= d.span[0] <= clause[1]]
        if not changes and any(d.kind == "change" for d in drafts):
            continue  # "a significant increase in public order offences - a 166.6 per cent jump": one claim
        if changes:
            for draft in changes:
                if draft.fields.get("quoted_value"):  # "a 4% spike", "soared by 27 per cent": the figure is the claim
                    draft.read.append(("size", f"{match.group(0)!r}: {size.replace('_', ' ')}, said of the figure, "
                                               "which is what is checked"))
                elif size != "large" or draft.fields.get("direction"):
                    draft.fields["size"] = size
                    draft.read.append(("size", f"{match.group(0)!r}: {size.replace('_', ' ')}"))
            continue
        if size != "no_change" and not s.of("direction", clause):
            continue
        direction = s.direction(match.start())[0] if size != "no_change" else None
        fields: dict[str, Any] = {"size": size, **({"direction": direction} if direction else {}),
                                  **({"quoted_value": "0%"} if size == "no_change" else {})}
        draft = _base(s, match.start(), "change", **fields)
        if draft is not None and draft.untestable is None:
            draft.read.insert(0, ("size", f"{match.group(0)!r}: {size.replace('_', ' ')}"))
            out.append(_span(draft, match.start(), match.end(), s))
    return out


_DIRECTION_OF = re.compile(r"\b(?:(?:a|an|the)\s+(?:\w+\s+)?(?P<dir>rise|increase|fall|drop|reduction|decrease|decline|"
                           r"jump|spike|hike|cut|surge)|(?:\w+\s+)?(?P<dirs>rises|increases|falls|drops|reductions|"
                           r"decreases|declines|surges))\s+in\s+(?:the\s+number\s+of\s+|levels\s+of\s+)?"
                           r"(?:[\w-]+\s+and\s+)?$", re.IGNORECASE)
_VERB = re.compile(r"^(?:\s+(?:in|across|throughout)\s+(?:the\s+)?(?:county|force\s+area|area|region|country|"
                   r"(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?))?"  # "robberies across the county have also increased"
                   r"\s*(?:have|has|had)?\s*(?:also\s+|all\s+|both\s+)?(?:been\s+)?"
                   r"(?P<dir>risen|rose|rising|increased|fallen|fell|"
                   r"falling|decreased|dropped|declined|gone\s+up|gone\s+down|went\s+up|went\s+down|"
                   r"(?:(?:is|are|was|were)\s+)(?:up|down)|seen\s+(?:an?\s+)?(?:\w+\s+)?(?:rises?|increases?|surges?|"
                   r"falls?|drops?|reductions?|decreases?))\b", re.IGNORECASE)
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", re.IGNORECASE)


_OTHER_PLACES = re.compile(r"\b(?:neighbouring|nearby|surrounding|other\s+forces|elsewhere|some\s+forces|many\s+forces|"
                           r"few\s+(?:police\s+)?forces|only|one\s+of|biggest|largest|highest|lowest|unique|"
                           r"(?:of|in)\s+(?:the\s+)?(?:\d+|forty-three)\s+(?:police\s+)?(?:forces|force\s+areas)|"
                           r"(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:\d+\s+|forty-three\s+)?(?:police\s+)?"
                           r"(?:forces?|force\s+areas?)|[\w-]+\s+(?:police\s+)?(?:forces|force\s+areas)\s+(?:have\s+|"
                           r"had\s+)?(?:recorded|saw|seen|showed|reported|had|experienced))\b",
                           re.IGNORECASE)


def _directions(s: _Sentence) -> list[Draft]:
    """A rise or fall with no figure: "there has also been a reduction in robberies", "burglaries have risen",
    "alongside decreases in vehicle offences, theft from person and criminal damage".

    Only in clauses with no figure and no words about other places or ranks, where a bare direction is the claim.
    """
    out = []
    offences = sorted(s.of("offence") + s.of("untestable"), key=lambda m: m.start)
    carried: dict[int, re.Match] = {}  # offences listed after one with a direction ("decreases in A, B and C")
    for k, offence in enumerate(offences):
        clause = s.clause(offence.start)
        if any(not _trivial(f, s.text) for f in s.of("figure", clause)) or _OTHER_PLACES.search(
                s.text[clause[0]:clause[1]]):
            continue
        before = s.text[max(0, offence.start - 40):offence.start]
        after = s.text[offence.end:offence.end + 40]
        prefix, suffix = _DIRECTION_OF.search(before), _VERB.match(after)
        prefix = prefix or carried.get(offence.start)
        if offence.kind == "offence" and offence.value == GENERIC_TOTAL and not (prefix or suffix):
            continue
        hit = prefix or suffix
        # where the words the direction is read from start in the sentence (None: carried from an earlier offence)
        hit_at: int | None = offence.end if hit is suffix else offence.start - len(before) \
            if prefix is not None and prefix.string == before else None
        if hit is None:
            # "Levels of residential burglary and vehicle crime have risen", "criminal damage, robbery, theft and
            # violence against the person have all fallen": a list of offences before one verb
            last = k
            while last + 1 < len(offences) and _LISTED.match(s.text[offences[last].end:offences[last + 1].start]):
                last += 1
            if last > k:
                hit, hit_at = _VERB.match(s.text[offences[last].end:offences[last].end + 40]), offences[last].end
            else:
                follow = re.match(r"(?:\s*(?:,|and)\s*[\w\s-]{3,40}?)\s*(?=have|has)", after)
                hit = _VERB.match(after[follow.end():]) if follow else None
                hit_at = offence.end + follow.end() if follow else None
            if hit is None:
                continue
        if prefix is not None and k + 1 < len(offences) and _LISTED.match(
                s.text[offence.end:offences[k + 1].start]):
            carried[offences[k + 1].start] = prefix
        word = (hit.group("dir") or hit.groupdict().get("dirs") or "").split()[-1]
        group = "dir" if hit.group("dir") else "dirs"
        if hit_at is not None and any(a <= hit_at + hit.start(group) < b for a, b in s.streak_words):
            continue  # "has fallen for the third year in a row": the rise or fall of a run of years, read as such
        direction = words.direction_word(word) or words.direction_word(word.rstrip("s")) or (
            "increase" if word.lower().endswith("up") else "decrease")
        draft = _base(s, offence.start, "direction", several="each", direction=direction)
        if draft is not None:
            draft.read.insert(0, ("direction", f"{hit.group(0).strip()!r}: {direction}"))
            start = offence.start - len(before) + hit.start() if prefix is not None and prefix.string == before \
                else offence.start
            out.append(_span(draft, min(offence.start, start), offence.end + (hit.end() if suffix else 0), s))
    return out


def _covered(draft: Draft, drafts: list[Draft]) -> bool:
    """A rise or fall another claim on the same place and offence already carries."""
    carriers = [d for d in drafts if d.kind in ("change", "count_change", "direction") or (
        d.kind == "count" and (d.year_before is not None or any(x.year_before is d for x in drafts))) or (
        # "fell more in Lincolnshire than the national average": a faster fall carries the fall
        d.kind == "comparison" and d.fields.get("relation") == {"increase": "faster_rise", "decrease": "faster_fall"}
        .get(str(draft.fields.get("direction"))))]
    return any(d.fields.get("offence") == draft.fields.get("offence") and
               d.fields.get("subject", d.fields.get("members")) in (draft.fields.get("subject"),
                                                                    [draft.fields.get("subject")])
               for d in carriers) or bool(draft.untestable and any(d.untestable == draft.untestable for d in drafts)) \
        or any(d.kind == "count_of_forces" and d.fields.get("within") == draft.fields.get("subject") and  # "all four
               d.fields.get("offence") == draft.fields.get("offence") for d in drafts)  # forces in Wales rose"


# ------------------------------------------------------------------------------------------------ streaks

_CARDINALS = (r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
              r"seventeen|eighteen|nineteen|twenty|\d{1,2}")
_CHANGE_NOUNS = r"rises|rise|increases|increase|falls|fall|drops|drop|reductions|reduction|decreases|decrease|" \
                r"declines|decline|jumps|jump"
_CHANGE_OF = rf"(?:\s+of\s+(?:(?:\w+\s+)?(?P<of>{_CHANGE_NOUNS}|rising|falling|increasing|decreasing|declining)))?"


@cache
def _streak_patterns() -> dict[str, re.Pattern]:
    """The forms of a run of years, built from ``streaks`` in press_words.yaml and ``ordinals`` in words.yaml."""
    spec = press_words()["streaks"]

    def alt(key: str) -> str:
        return "|".join(re.escape(str(w)).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
                        for w in sorted(spec[key], key=len, reverse=True))

    ordinals = "|".join([*sorted(words.vocabulary()["ordinals"], key=len, reverse=True), r"\d{1,2}(?:st|nd|rd|th)"])
    row, consecutive, annual = alt("in_a_row"), alt("consecutive"), alt("annual")
    return {
        # "for the third year in a row", "for a fourth consecutive year", "the fifth successive year of falls"
        "ordinal_year": re.compile(
            rf"\b(?:for\s+)?(?:the|a|an|its|their)\s+(?P<ord>{ordinals})[\s-]+(?:(?P<consec>{consecutive})\s+)?"
            rf"(?:(?:financial|calendar)\s+)?year(?![\s-]+on\b)(?:\s+(?P<row>{row})(?![\w-]))?"
            + _CHANGE_OF, re.IGNORECASE),
        # "the third consecutive annual increase", "a fourth successive yearly fall", "the fourth annual rise in a row"
        "ordinal_change": re.compile(
            rf"\b(?:the|a|an|its|their)\s+(?P<ord>{ordinals})[\s-]+(?:(?P<consec>{consecutive})\s+)?"
            rf"(?:(?P<annual>{annual})\s+)?(?:(?P<unit>[\w-]+)\s+)??(?P<dir>{_CHANGE_NOUNS})\b"
            rf"(?:\s+(?P<row>{row})(?![\w-]))?", re.IGNORECASE),
        # "three years running", "for three consecutive years", "five years in a row", "three successive years of falls"
        "years": re.compile(
            rf"(?<![\w-])(?P<card>{_CARDINALS})[\s-]+(?:(?P<consec>{consecutive})\s+)?years?"
            rf"(?:\s+(?P<row>{row})(?![\w-]))?" + _CHANGE_OF, re.IGNORECASE),
        # "in each of the last three years", "every year for the past five years"
        "each_year": re.compile(
            rf"\b(?:(?:in\s+)?(?:each|every)\s+(?:one\s+)?of\s+the\s+(?:last|past|previous)\s+(?P<card>{_CARDINALS})"
            rf"\s+years|every\s+year\s+(?:for|over|in)\s+the\s+(?:last|past|previous)\s+(?P<card2>{_CARDINALS})\s+"
            r"years)\b", re.IGNORECASE),
        # "year-on-year reductions between 2006 and 2013", "has fallen every year since 2007", "year on year since"
        "open": re.compile(
            rf"\b(?:(?:{annual})\s+(?P<dir>rises|increases|falls|drops|reductions|decreases|declines)\b|"
            rf"(?:(?:every|each)\s+year|(?:{annual}))\s+(?=since\b))", re.IGNORECASE),
        "not_years": re.compile(rf"^(?:{alt('not_years')})$", re.IGNORECASE),
        "annual": re.compile(rf"^(?:{annual})$", re.IGNORECASE),
        "ended": re.compile(rf"(?<![\w-])(?:{alt('ended')})(?![\w-])", re.IGNORECASE),
    }


def _streak_spans(text: str) -> list[tuple[int, int]]:
    """Where the words name a run of years ("for three years running"): not a change over those years."""
    patterns = _streak_patterns()
    return [m.span() for key in ("ordinal_year", "years", "each_year") for m in patterns[key].finditer(text)
            if key == "each_year" or (m.group("consec") or m.group("row")) and not (key == "years"
                                                                                   and _period_of_years(text, m))]


def _period_of_years(text: str, m: re.Match) -> bool:
    """"over three consecutive years": a period the change is over, not a run of years."""
    return bool(re.search(r"\b(?:over|across|during|within|throughout|in)\s+(?:the\s+)?$",
                          text[max(0, m.start() - 20):m.start()], re.IGNORECASE))


_RUN_CONNECTOR = re.compile(r"[\s,;:()\u2013\u2014-]*(?:(?:and\s+)?(?:which\s+(?:is|was|marks|marked)|marking|making\s+"
                            r"(?:it|this)|this\s+is|it\s+is|it\s+was|that\s+is)\s+)?", re.IGNORECASE)
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:highest|lowest|biggest|largest|greatest|smallest|steepest|sharpest|safest|"
                                 r"worst|best|most|least|fewest)\b", re.IGNORECASE)
_NEGATED_CHANGE = re.compile(r"(?:\bnot|n['\u2019]t|\bnever|\bno\s+longer)\s+(?:\w+\s+)?$", re.IGNORECASE)
_YEARS_BETWEEN_AFTER = re.compile(r"[^.;]{0,60}?" + _BETWEEN_YEARS.pattern, re.IGNORECASE)


def _streaks(s: _Sentence, drafts: list[Draft]) -> list[Draft]:
    """A rise or fall that is the latest of a run of years: "Crime in Kent has risen for the third year in a row", "a
    12 per cent rise in violence, the third consecutive annual increase", "burglaries have fallen three years
    running". Drafted as a ``streak`` (with a figure's own change claim beside it, if the words give one); the rise or
    fall it carries is not drafted again as a direction. A run whose length the words do not pin down (``year-on-year
    reductions between 2006 and 2013``: which 12 months of each year?; "every year since 2007") is listed."""
    patterns = _streak_patterns()
    out: list[Draft] = []
    found: list[tuple[re.Match, int | None, str | None, str]] = []  # the words, years, direction word, how counted
    for key in ("ordinal_year", "ordinal_change", "years", "each_year"):
        for m in patterns[key].finditer(s.text):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in s.streak_words):
                continue
            groups = m.groupdict()
            if key == "each_year":
                n = _count_word(groups.get("card") or groups.get("card2") or "")
                found.append((m, n, None, f"{m.group(0).strip()!r}: {n} years in a row"))
                s.streak_words.append(m.span())
                continue
            if not (groups.get("consec") or groups.get("row")):
                continue  # "for the third year", "three years": not said to be a run
            if key == "years" and _period_of_years(s.text, m):
                continue  # "over three consecutive years": a period, not a run
            n = words.ordinal(groups["ord"]) if "ord" in groups else _count_word(groups["card"])
            word = groups.get("dir") or groups.get("of")
            if key == "ordinal_change":
                unit = groups.get("unit") or ""
                if not groups.get("annual") and not patterns["annual"].match(unit):
                    said = f"{unit!r}, not a year's" if patterns["not_years"].match(unit) else "annual"
                    s.note(f"{m.group(0).strip()!r}: a run of changes, and the words do not say each is a year's "
                           f"({said}), so no streak is drafted")
                    s.streak_words.append(m.span())
                    continue
                if unit and not patterns["annual"].match(unit):
                    continue  # "the third consecutive annual police-recorded rise": a word the reader does not know
            found.append((m, n, word, f"{m.group(0).strip()!r}: {n} years in a row"))
            s.streak_words.append(m.span())
    for m, n, word, how in found:
        if n is None or n < 2 or n > 20:
            s.note(f"{m.group(0).strip()!r}: a run of {n} years, which no streak holds (2 to 20 years), so it is not "
                   "drafted")
            continue
        draft = _streak(s, drafts + out, m, n, word, how)
        if draft is not None:
            out.append(draft)
    for m in patterns["open"].finditer(s.text):
        if any(a <= m.start() < b for a, b in s.streak_words):
            continue
        draft = _open_streak(s, m)
        if draft is not None:
            out.append(draft)
    return out


def _streak(s: _Sentence, drafts: list[Draft], m: re.Match, n: int, word: str | None, how: str) -> Draft | None:
    """A streak of ``n`` years for the words ``m``: the rise or fall named in them (``word``), else the one nearest in
    their clause; the place, offence and period of the change before them, if one is drafted, else their own."""
    clause = s.clause(m.start())
    said = None
    # "Crime in Kent rose by 5% - the third year in a row", "a 12% rise, which is the third consecutive annual
    # increase": the change just before, set beside the run by a dash or a connecting word
    joined = [d for d in drafts if d.kind in ("change", "count_change") and d.span[1] <= m.start()
              and _RUN_CONNECTOR.fullmatch(s.text[d.span[1]:m.start()])]
    if word:
        direction = words.direction_word(word) or words.direction_word(word.rstrip("s"))
        dir_at = m.start()
    else:
        said = s.nearest([d for d in s.of("direction", clause)], m.start())
        if said is None:  # "Crime in Kent rose - the third year in a row"
            said = next((d for d in s.of("direction") if d.end <= m.start() and (
                _RUN_CONNECTOR.fullmatch(s.text[d.end:m.start()]) or any(
                    j.span[0] <= d.start < j.span[1] for j in joined))), None)
        direction = said.key if said is not None else None
        dir_at = said.start if said is not None else m.start()
    words_ = m.group(0).strip()
    if direction is None:
        s.note(f"{words_!r}: a run of years with no rise or fall named, so no streak is drafted")
        return None
    if _SUPERLATIVE_BEFORE.search(s.text[clause[0]:m.start()]):
        s.note(f"{words_!r}: a place in a ranking held for a run of years, which no claim kind holds, so no streak "
               "is drafted")
        return None
    if said is not None:
        s.streak_words.append((said.start, said.end))
        if _NEGATED_CHANGE.search(s.text[max(clause[0], said.start - 25):said.start]):
            s.note(f"{s.text[said.start - 8:m.end()].strip()!r}: a run the words deny, so no streak is drafted")
            return None
    lead = s.text[max(clause[0], min(dir_at, m.start()) - 30):m.start()]
    ended = _streak_patterns()["ended"].search(lead)
    if ended or re.search(r"\b(?:run|streak|series|string)\s+of\s+$", lead, re.IGNORECASE):
        s.note(f"{(lead[ended.start():] if ended else '') + words_!r}: a run of years that the words say is over (or "
               "is not the latest year's), so no streak is drafted")
        return None
    before = [d for d in drafts if d.kind in ("change", "count_change") and d.untestable is None
              and (clause[0] <= d.span[0] and d.span[1] <= m.end() or d in joined)
              and d.fields.get("direction") == direction
              and isinstance(d.fields.get("subject"), str) and isinstance(d.fields.get("offence"), str)]
    fields: dict[str, Any] = {"direction": direction, "years": n}
    draft: Draft | None
    if before:  # "a 12 per cent rise in violence, the third consecutive annual increase": that change's
        change = before[-1]
        shared = {k: v for k, v in change.fields.items() if k in ("subject", "offence", "period")}
        period = shared.get("period") or {}
        if period.get("baseline") or period.get("months"):
            s.note(f"{words_!r}: a run of years beside a change that is not one year's, so no streak is drafted")
            return None
        draft = Draft("streak", {**{k: v for k, v in shared.items() if k != "period"}, **fields,
                                 **({"period": dict(period)} if period else {})}, m.span(),
                      [(what, how_) for what, how_ in change.read if what in ("place", "offence", "period")])
        draft.read = [(w, f"{h}, as the change before it" if w == "place" else h) for w, h in draft.read]
    else:
        draft = _base(s, dir_at, "streak", **fields)
        if draft is None or draft.untestable is not None:
            if draft is None:
                s.note(f"{words_!r}: a run of years whose place or offence the words do not tie down, so no streak "
                       "is drafted")
            return draft
        if isinstance(draft.fields.get("subject"), list) or (draft.fields.get("period") or {}).get("months"):
            s.note(f"{words_!r}: a run of years for several places or for part of a year, which a streak does not "
                   "hold, so it is not drafted")
            return None
        named = [o for o in s.of("offence") + s.of("untestable") if clause[0] <= o.start]
        listed = next((_listed_before(s, named, k, dir_at) for k in range(len(named), 1, -1)
                       if _listed_before(s, named, k, dir_at)), [])
        if len(listed) > 1:  # "Burglary and robbery have fallen for the third year in a row": each of them
            if any(o.kind != "offence" for o in listed):
                s.note(f"{words_!r}: a run of years for offences listed together, some of which these data do not "
                       "hold, so no streak is drafted")
                return None
            draft.fields["offence"] = [*dict.fromkeys(str(o.value) for o in listed), "each"]
            draft.read = [(w, f"{', '.join(repr(o.text) for o in listed)}: offences listed before one rise or "
                              "fall, each its own run" if w == "offence" else h) for w, h in draft.read]
    change_word = "a rise" if direction == "increase" else "a fall"
    latest = f"the latest, {said.text!r}, ends the run" if said is not None else "the latest ends the run"
    draft.read.insert(0, ("streak", f"{how}, each {change_word} on the year before; {latest}"))
    return _span(draft, min(m.start(), dir_at), m.end(), s)


def _open_streak(s: _Sentence, m: re.Match) -> Draft | None:
    """Year-on-year changes over a span of years: "year-on-year reductions between 2006/07 and 2012/13" is a run of
    6 (financial years both ends: 2012 - 2006 changes, to the later year); with calendar years ("between 2006 and
    2013") or "since 2007" the number of changes depends on which 12 months each year is, and on the latest figures,
    so it is listed, not drafted."""
    clause = s.clause(m.start())
    words_ = " ".join(s.text[m.start():min(clause[1], m.end() + 40)].split()).rstrip(".,;:!?")
    word = m.group("dir")
    said = None
    if word:
        direction = words.direction_word(word) or words.direction_word(word.rstrip("s"))
        s.streak_words.append(m.span())
    else:
        said = s.nearest(s.of("direction", clause), m.start())
        direction = said.key if said is not None else None
        if said is not None:
            s.streak_words.append((said.start, said.end))
        s.streak_words.append(m.span())
    between = _YEARS_BETWEEN_AFTER.match(s.text[:clause[1]], m.end())
    if between and direction and "/" in between.group("a") and "/" in between.group("b"):
        first, last = int(between.group("a")[:4]), int(between.group("b")[:4])
        if 2 <= last - first <= 20:
            end = periods.parse_period_end(between.group("b")).date().isoformat()
            draft = _base(s, said.start if said else m.start(), "streak", direction=direction, years=last - first)
            if draft is not None and draft.untestable is None and not isinstance(draft.fields.get("subject"), list):
                draft.fields["period"] = {"end": end}
                draft.read = [(w, h) for w, h in draft.read if w != "period"]
                draft.read.insert(0, ("streak", f"{' '.join(s.text[m.start():between.end()].split())!r}: the "
                                                f"{last - first} changes from {between.group('a')} to "
                                                f"{between.group('b')}, each a {direction}"))
                draft.read.append(("period", f"{between.group('b')!r}: {periods.label(end)}, the end of the run"))
                return _span(draft, m.start(), between.end(), s)
            s.last = []
            return draft if draft is not None and draft.untestable is not None else None
    if between:
        why = ("the words do not say which 12 months each year is (calendar or financial), so how many "
               "year-on-year changes the run holds is not pinned down")
    elif re.match(r"\s*since\b", s.text[m.end():]) or re.search(r"\bsince\b", words_):
        why = ("how many years the run holds depends on which 12 months each year is and on the latest figures, "
               "which the words do not pin down")
    else:
        why = "the words do not say how many years the run holds"
    s.note(f"{words_!r}: a run of year-on-year changes, and {why}, so no streak is drafted (write one with `years` "
           "to check it)")
    return None


def _in_streak(s: _Sentence, draft: Draft) -> bool:
    """A direction (or a size with no figure) whose rise or fall is the latest of a run of years the words name: the
    streak carries it (or, listed, the words are about the run, not one year)."""
    if draft.kind not in ("direction", "change") or (draft.kind == "change" and "quoted_value" in draft.fields):
        return False
    return any(draft.span[0] <= a < draft.span[1] or a <= draft.span[0] < b for a, b in s.streak_words)


def _far_less(s: _Sentence) -> list[Draft]:
    """"... have risen, but the increase is far less than in previous years": earlier years, per offence."""
    match = _FAR_LESS.search(s.text)
    if not match:
        return []
    direction = next((d.value for d in s.of("direction") if d.start < match.start()), None)
    if direction is None:
        return []
    out = []
    for offence in s.of("offence"):
        if offence.start > match.start():
            continue
        draft = _base(s, offence.start, "earlier_years", direction=direction, previous_years=3,
                      far_less_margin_pp=5)
        if draft is not None and draft.untestable is None:
            draft.fields["offence"] = offence.value
            draft.read.insert(0, ("comparison", f"{match.group(0)!r}: this year's change at least 5 pp below the "
                                                "mean of the previous 3 years (the default reading)"))
            out.append(_span(draft, offence.start, match.end(), s))
    return out


def _causal(s: _Sentence) -> list[Draft]:
    match = _CAUSAL.search(s.text)
    if not match or not re.search(r"strateg|polic(?:y|ies|ing)|approach|work|initiative|operation|officers",
                                  s.text, re.IGNORECASE):
        return []
    subject = s.subject(match.start())
    if subject is None:
        return []
    related = [m.value for m in s.of("offence") if m.value != GENERIC_TOTAL]
    fields = {"subject": subject[0], "offence": GENERIC_TOTAL, "related_offences": list(dict.fromkeys(related))}
    return [Draft("causal", fields, (0, len(s.text)), [("cause", f"{match.group(0)!r}: a claim about a cause, which "
                                                                 "counts cannot test")])]


def _grades(s: _Sentence) -> list[Draft]:
    out = []
    year_here = _PEEL_YEAR.search(s.text)
    for pattern in (_GRADED, _REQUIRES, _GRADING_OF):
        for match in pattern.finditer(s.text):
            groups = match.groupdict()
            who = groups.get("who") or ""
            force = _graded_force(s, who) if pattern is not _GRADING_OF else s.ctx.own_force
            if force is None:
                continue
            grade = "Requires improvement" if pattern is _REQUIRES else _grade_name(groups["grade"])
            question = "overall"
            if groups.get("q"):
                question = _question(groups["q"]) or "overall"
            elif re.search(r"serious\s+(?:and\s+)?organised\s+crime", s.text, re.IGNORECASE) and pattern is _GRADED:
                question = "tackling serious and organised crime"
            year = groups.get("year") or (year_here.group("year") if year_here else s.ctx.peel_year)
            if year is None:
                continue
            out.append(Draft("grade", {"force": force.name, "peel_year": str(year), "question": question,
                                       "quoted_grade": grade}, (match.start(), match.end()),
                             [("grade", f"{grade}, {question}, PEEL {year}"
                                        + ("" if groups.get("year") else " (the PEEL year named in the text)"))]))
    different = _DIFFERENT_GRADES.search(s.text)
    force = s.ctx.own_force
    partners = forces.alliance_partners(force.code) if force else []
    if different and partners and s.ctx.peel_year:
        assert force is not None  # partners are a force's
        question = s.ctx.question or "overall"
        expect = "different" if different.group("how").lower() == "different" else "same"
        out.append(Draft("grade_comparison", {"force": force.name, "peel_year": s.ctx.peel_year,
                                              "question": question, "other_force": partners[0].name,
                                              "expect": expect}, (different.start(), different.end()),
                         [("forces", f"{different.group(0)!r}: {force.name} and its alliance partner "
                                     f"{partners[0].name}"), ("question", f"{question} (named before in the text)")]))
    return out


def _graded_force(s: _Sentence, who: str) -> forces.Force | None:
    who = who.strip()
    words_ = who.split()
    for n in range(len(words_)):
        candidate = " ".join(words_[n:])
        if candidate.lower() in ("the force", "we", "the alliance", "our force"):
            return s.ctx.own_force
        force = forces.try_lookup(candidate)
        if force is not None and force.territorial:
            return force
    return None


def _grade_name(text: str) -> str:
    text = " ".join(text.lower().split())
    return "Requires improvement" if "improvement" in text else text.capitalize()


def _question(text: str) -> str | None:
    for question, phrases in press_words()["grades"]["questions"].items():
        if _phrase_pattern(phrases).search(text):
            return question
    return None


def _forces_counted(s: _Sentence) -> list[Draft]:
    out = []
    text = s.text
    match = _ALL_EXCEPT.search(text)
    if match:
        rest = text[match.end():]
        named = [m for m in s.of("geo") if m.start >= match.end() and _is_force(m.value)]
        tail = re.match(r"([\w\s,&-]+?)\s+(?:showed|saw|recorded|had|reported|experienced)\s+(?:a|an)\s+"
                        r"(?:\w+\s+)?(?P<dir>\w+)", rest)
        direction = words.direction_word(tail.group("dir")) if tail else None
        named = [m for m in named if tail and m.end <= match.end() + tail.end(1) + 1]
        offence = s.offence(match.start())
        if named and direction and offence[0]:
            period, period_read = s.period(match.start())
            fields: dict[str, Any] = {"offence": offence[0], "direction": direction,
                                      "exceptions": [forces.by_code(m.key).name for m in named]}
            if period:
                fields["period"] = period
            out.append(Draft("count_of_forces", fields, (match.start(), match.end() + (tail.end() if tail else 0)),
                             [("forces", f"{match.group(0)!r}: every force but those named"), ("offence", offence[2]),
                              ("period", period_read)]))
    out += _all_forces_in(s)
    for pattern in (_IN_EVERY_FORCE, _EVERY_FORCE_SAW, _ONE_OF_ONLY, _ONLY_FORCE, _N_OF_FORCES, _FELL_IN_N_OF_FORCES,
                    _OF_43_N_FORCES, _SOME_OF_ONLY):
        for match in pattern.finditer(text):
            said = " ".join(match.group("dir").lower().split())
            direction = words.direction_word(said) or words.direction_word(said.removesuffix("s"))
            every = pattern in (_IN_EVERY_FORCE, _EVERY_FORCE_SAW)
            count = 1 if pattern is _ONLY_FORCE else len(forces.TERRITORIAL_FORCES) if every else \
                _count_word(match.group("n"))
            if direction is None or count is None or any(d.span[0] < match.end() and match.start() < d.span[1]
                                                         for d in out):
                continue  # "All 43 forces recorded a rise" is one count, however many patterns read it
            if pattern in (_N_OF_FORCES, _FELL_IN_N_OF_FORCES) and not re.search(r"\b(?:43|forty-three)\b",
                                                                                 match.group(0)) and any(
                    not _is_force(g.value) and geography_kind(g) not in (None, geography.GeographyKind.NATIONAL)
                    for g in s.of("geo")):
                s.note(f"{match.group(0)!r}: forces counted among a region or country the words do not tie to the "
                       "count, so it is not drafted")
                continue
            offence = s.offence(match.start())
            if offence[0] is None:
                continue
            fields = {"offence": offence[0], "direction": direction, "quoted_count": count}
            read = [("forces", f"{match.group(0)!r}: {count} force{'s' if count != 1 else ''} "
                               f"{'rose' if direction == 'increase' else 'fell'}"), ("offence", offence[2])]
            if pattern is _SOME_OF_ONLY:
                # "Northumbria and Durham are two of just six in the country that have seen crime increase"
                some = _count_word(match.group("k")) or 0
                clause = s.clause(match.start())
                named = _listed_before(s, [m for m in s.of("geo") if _is_force(m.value) and clause[0] <= m.start],
                                       some, match.start())
                if not named or some >= count:
                    s.note(f"{match.group(0)!r}: the {some} forces counted in are not the ones named together before "
                           "it, so it is not drafted")
                    continue
                fields["members"] = [forces.by_code(m.key).name for m in named]
                read.append(("place", f"{', '.join(repr(m.text) for m in named)}: {', '.join(fields['members'])}"))
            elif pattern not in (_N_OF_FORCES, _FELL_IN_N_OF_FORCES, _OF_43_N_FORCES) and not every:
                # the force named before "the only force in the North East": not the place after it
                named = [m for m in s.of("geo", s.clause(match.start())) + s.of("own_force", s.clause(match.start()))
                         if m.end <= match.start() and (m.kind == "own_force" or _is_force(m.value))]
                subject = s._place(max(named, key=lambda m: m.start)) if named else s.subject(match.start())
                if subject is None or isinstance(subject[0], list) or not forces.try_lookup(subject[0]):
                    continue
                fields["members"] = [subject[0]]
                read.append(("place", subject[1]))
            scope = (match.groupdict().get("scope") or "").lower()
            if "our region" in scope and s.ctx.force is None:
                s.note(f"{scope!r}: whose region the words do not say (give --force), so {match.group(0)!r} is not "
                       "drafted")
                continue
            if "our region" in scope:
                assert s.ctx.force is not None  # without --force, "our region" was passed over above
                fields["within"] = s.ctx.force.region
                read.append(("within", f"{scope!r}: the forces of {s.ctx.force.region}, the region of --force "
                                       f"{s.ctx.force.name}"))
            elif "region" in scope:
                fields["within"] = "region"
                fields["force"] = fields["members"][0]
                read.append(("within", f"{scope!r}: {forces.lookup(fields['members'][0]).region} region"))
            elif scope in ("wales", "england"):
                fields["within"] = scope.title()
            elif scope:  # "the only force in the North East"
                within = _scope_after(s, match.start("scope") - 3) if s.text[match.start("scope") - 3:
                                                                            match.start("scope")] == "in " else None
                if within is not None:
                    fields["within"] = within
                    read.append(("within", f"{scope!r}: the forces of {within}"))
            period, period_read = s.period(match.start("dir") if every else match.start())
            if period:
                fields["period"] = period
            read.append(("period", period_read))
            for m in s.of("figure"):
                if match.start() <= m.start < match.end():
                    s.used.add(m.start)
            out.append(Draft("count_of_forces", fields, (match.start(), match.end()), read))
    return out


def _all_forces_in(s: _Sentence) -> list[Draft]:
    """Every force of a place rose (or fell): a count of forces within that place, the pool's size counted ("All
    four police forces in Wales recorded an increase in crime"), and a force named first among them ("..., with
    Gwent Police seeing the largest") a rank within it."""
    out: list[Draft] = []
    for match in _ALL_FORCES_IN.finditer(s.text):
        place = None
        if match.group("place"):
            place = next((m for m in s.of("geo") if m.start - match.start("place") in (0, 4)
                          and not _is_force(m.value)), None)
            if place is None:
                continue
            named = s._place(place)
            if named is None or isinstance(named[0], list):
                continue
            name, how = named
        elif match.group("adj") and match.group("adj").lower() in _adjectives():
            name = _adjective_place(match.group("adj").lower())
            how = f"{match.group('adj')!r}: {name}"
        else:
            continue
        where = geography.try_resolve(name)
        if where is None or where.kind not in (geography.GeographyKind.REGION, geography.GeographyKind.COUNTRY):
            continue  # all forces of England and Wales: read as every force (_EVERY_FORCE_SAW)
        said = match.group("dir").lower()
        direction = words.direction_word(said) or words.direction_word(said.removesuffix("s"))
        offence = s.offence(match.start())
        if direction is None or offence[0] is None:
            continue
        count = _count_word(match.group("n")) if match.group("n") else len(where.members)
        if count is None:
            continue
        period, period_read = s.period(match.start("dir"))  # the period of the rise or fall, not of the number
        for m in s.of("figure"):
            if match.start() <= m.start < match.end():
                s.used.add(m.start)
        fields: dict[str, Any] = {"offence": offence[0], "direction": direction, "quoted_count": count,
                                  "within": name}
        if period:
            fields["period"] = period
        read = [("forces", f"{match.group(0)!r}: all {count} forces of {name} "
                           f"{'rose' if direction == 'increase' else 'fell'}"), ("within", how),
                ("offence", offence[2]), ("period", period_read)]
        out.append(Draft("count_of_forces", fields, (match.start(), match.end()), read))
        most = _WITH_THE_MOST.match(s.text, match.end())
        who = next((m for m in s.of("geo") if most and most.start("who") <= m.start < most.end("who")
                    and _is_force(m.value)), None) if most else None
        if most is None:
            continue
        if who is None or forces.by_code(who.key).code not in where.members:
            s.note(f"{most.group(0).strip(' ,')!r}: the force named first is not one of the forces of {name}, so no "
                   "rank is drafted")
            continue
        smallest = most.group("sup").lower() in ("smallest", "lowest")
        rising = direction == "increase"
        order = "highest" if rising != smallest else "lowest"
        rank = {"subject": forces.by_code(who.key).name, "offence": offence[0], "measure": "change", "order": order,
                "position": 1, "within": name, "direction": direction}
        if period:
            rank["period"] = period
        out.append(Draft("rank", rank, (most.start("who"), most.end()),
                         [("rank", f"{most.group(0).strip(' ,')!r}: first among the forces of {name} by "
                                   f"{'rise' if rising else 'fall'}"), ("place", f"{who.text!r}: {rank['subject']}"),
                          ("offence", offence[2]), ("period", period_read)]))
    return out


def _rates(s: _Sentence) -> list[Draft]:
    out = []
    for pattern in (_RATE, _RATE_LEAD, _ONE_IN):
        for match in pattern.finditer(s.text):
            if pattern is _RATE_LEAD:
                if any(o.start() <= match.start("fig") < o.end() for o in _RATE.finditer(s.text)):
                    continue  # already read as "N per 1,000"
                quoted = match.group("fig")
            elif pattern is _RATE:
                quoted = match.group("fig")
                if re.search(r"\b(?:households?|homes)\b", s.text[match.start():match.end() + 20], re.IGNORECASE):
                    continue  # per household: not per person
            else:
                n = match.group("n") or match.group("m")
                value = words.number_in_words(n.replace(",", "").rstrip(".")) if n else None
                if not value or value < 2 or not re.search(r"crime|offence", s.text, re.IGNORECASE):
                    continue
                if match.group("m") and _SHARE_AFTER.match(s.text, match.end()):
                    # "one in three of the crimes were violence": a share of the crimes, not a rate per person
                    s.note(f"{match.group(0)!r}: a share of the crimes (one in {value:g} of them), not a rate per "
                           "person; no claim kind holds a share, so it is not drafted")
                    for m in s.of("figure"):
                        if match.start() <= m.start < match.end():
                            s.used.add(m.start)
                    continue
                quoted = f"one in {value:g}"
            if pattern is _RATE and (listed := _rates_listed(s, match)) is not None:
                out += listed  # "with 106 and 104 offences per 1,000 people", after "in Humberside and South Yorkshire"
                continue
            subject = _rate_subject(s, match)
            if subject is None:
                continue
            draft = _base(s, match.start(), "rate", subject=subject, quoted_value=quoted)
            for m in s.of("figure"):
                if match.start() <= m.start < match.end():
                    s.used.add(m.start)
            to = _RATE_TO.match(s.text, match.end()) if pattern is _RATE else None
            if draft is not None and draft.untestable is None and to and re.search(r"\bfrom\s+$",
                                                                                   s.text[:match.start()]):
                # "from 65 per 1000 of the population to 62": the rate of the year before, then the rate now
                later = _base(s, match.start(), "rate", subject=subject, quoted_value=to.group("fig"))
                if later is not None and later.untestable is None:
                    later.read.insert(0, ("figure", f"{to.group('fig')!r}: per 1,000 people, the rate it went to"))
                    out.append(_span(later, to.start("fig"), to.end("fig")))
                    s.used |= {m.start for m in s.of("figure") if to.start("fig") <= m.start < to.end()}
                    if draft.fields.get("period") == later.fields.get("period"):
                        draft.fields.pop("period", None)
                        draft.year_before = later  # "from A to B": A is the year before B
            if draft is not None:
                draft.read.insert(0, ("figure", f"{match.group(0)!r}: {quoted} per 1,000"
                                      if pattern is not _ONE_IN else f"{match.group(0)!r}: {quoted}"))
                out.append(_span(draft, match.start(), match.end(), s))
    if out or re.search(r"\bper\s+(?:1,000|1000|thousand)|crime\s+rates?\b", s.text, re.IGNORECASE):
        first = s.of("offence")[0].start if s.of("offence") else 0
        out += _rate_list(s, first)
    return out


def _rates_listed(s: _Sentence, match: re.Match) -> list[Draft] | None:
    """Rates listed before one "per 1,000" ("106 and 104 offences per 1,000 people"): each to the force in the same
    place of a list of as many forces before them ("in Humberside and South Yorkshire ..."), as "respectively" would
    pair them; none drafted when no such list; None when the rate is not listed with others."""
    figures = [m for m in s.of("figure") if m.end <= match.start("fig") + len(match.group("fig")) + 1]
    at = next((k for k, m in enumerate(figures) if m.start >= match.start("fig")), None)
    if at is None:
        return None
    run = [figures[at]]
    for m in reversed(figures[:at]):
        if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", s.text[m.end:run[0].start]) and not m.figure.percent:
            run.insert(0, m)
        else:
            break
    if len(run) < 2:
        return None
    places = _listed_before(s, [m for m in s.of("geo") + s.of("national") if not _is_scope(s.text, m)], len(run),
                            run[0].start)
    for m in run:
        s.used.add(m.start)
    if not places:
        s.note(f"{s.text[run[0].start:match.end()]!r}: {len(run)} rates listed, and the sentence does not list as many "
               "places before them to pair them with, so they are not drafted")
        return []
    out = []
    for m, place in zip(run, places, strict=True):
        subject = s._place(place)
        if subject is None:
            continue
        draft = _base(s, match.start(), "rate", subject=(subject[0], f"{subject[1]} (rates and places listed in the "
                                                                      "same order)"), quoted_value=m.text)
        if draft is not None and draft.untestable is None:
            draft.read.insert(0, ("figure", f"{m.text!r}: per 1,000 people, in a list of rates"))
            out.append(_span(draft, m.start, match.end(), s))
    return out


def _rate_list(s: _Sentence, offence_at: int) -> list[Draft]:
    """In a sentence about rates per 1,000: "66.8 in Gwent and 72.4 in South Wales", "North Yorkshire (46)",
    "Devon and Cornwall recorded 51 crimes, compared to 61 in the south west region and 75 in England and Wales"."""
    out = []
    subject: _Subject | None
    for m in s.of("figure"):
        if m.start in s.used or m.figure.percent:
            continue
        if re.search(r"\b(?:households?|homes)\b", s.text[s.clause(m.start)[0]:m.end + 20], re.IGNORECASE):
            continue  # per household: not per person
        after = s.text[m.end:m.end + 40]
        before = s.text[max(0, m.start - 30):m.start]
        bound = re.match(r"\s*(?:crimes?\s+|offences?\s+)?(?:in|for|across)\s+", after)
        place = None
        if bound:
            at = m.end + bound.end()
            place = next((g for g in s.of("geo") + s.of("national")
                          if g.start == at or (g.start == at + 4 and s.text[at:at + 4].lower() == "the ")), None)
        elif (re.match(r"\)", after) and s.text[max(0, m.start - 2):m.start] == " ("
              or s.text[m.start - 1:m.start] == "("):
            place = next((g for g in s.of("geo") if re.fullmatch(r"\s*\(", s.text[g.end:m.start])), None)
        national_lead = r"national\s+(?:average|rate)\s+(?:of|was|is)\s+$|(?:compared\s+to|against)\s+$"
        adjective = _adjective_lead().search(s.text[max(0, m.start - 60):m.start])
        if place is None and (adjective or re.search(national_lead, before, re.IGNORECASE) and re.search(
                r"national|england\s+and\s+wales", s.text[max(0, m.start - 30):m.end + 20], re.IGNORECASE)):
            subject = ((_adjective_place(adjective.group("adj")), f"{adjective.group(0).strip()!r}: "
                        f"{_adjective_place(adjective.group('adj'))}") if adjective else
                       ("England and Wales", "'national': England and Wales"))
            draft = _base(s, offence_at, "rate", subject=subject, quoted_value=m.text)
            if draft is not None and draft.untestable is None:
                s.used.add(m.start)
                draft.read.insert(0, ("figure", f"{m.text!r}: the {'national' if not adjective else subject[0]} "
                                                "rate per 1,000"))
                out.append(_span(draft, m.start, m.end, s))
            continue
        if place is None and re.search(r"\brates?\b[^.;]{0,30}per\s+(?:1,000|1000|thousand)",
                                       s.text[:m.start], re.IGNORECASE):
            # "In terms of crime rates per 1,000, Devon and Cornwall police recorded 51 crimes": the place before
            clause = s.clause(m.start)
            named = [g for g in s.of("geo") if clause[0] <= g.start and g.end <= m.start and _is_force(g.value)]
            place = named[-1] if len(named) == 1 and not s.of("figure", (named[-1].end, m.start - 1)) else None
        if place is None or (place.kind == "geo" and not _is_force(place.value) and geography_kind(place) is None) \
                or abs(m.figure.quoted.value) > 1000:
            continue
        subject = s._place(place)
        if subject is None:
            continue
        draft = _base(s, offence_at, "rate", subject=subject, quoted_value=m.text)
        if draft is not None and draft.untestable is None:
            s.used.add(m.start)
            draft.read.insert(0, ("figure", f"{m.text!r}: per 1,000 people, in a list of rates"))
            out.append(_span(draft, min(m.start, place.start), max(m.end, place.end), s))
    return out


def geography_kind(mention: Mention):
    """The kind of place a geo mention names (a force, region, country or England and Wales), or None."""
    try:
        return geography.resolve(mention.value).kind
    except PeelstatsError:
        return None


def _rate_subject(s: _Sentence, match: re.Match) -> _Subject | None:
    """A rate's place: named right after it ("one in 12 across England and Wales") or before it in its clause."""
    if re.match(r"\s*(?:\w+\s+){0,2}?(?:nationally|across\s+the\s+country)\b", s.text[match.end():match.end() + 30]):
        return "England and Wales", "'nationally': England and Wales"
    if re.search(r"\bnational\s+(?:average|rate|figure)\s+(?:(?:of|was|is|at|stood\s+at)\s+)?$",
                 s.text[max(0, match.start() - 40):match.start()], re.IGNORECASE):
        # "lower than the national average of 68 per 1000 people": the national rate the words give
        return "England and Wales", "'national average' just before the rate: England and Wales"
    for m in s.of("geo") + s.of("national"):
        gap = s.text[match.end():m.start]
        if m.start >= match.end() and len(gap) <= 30 and \
                re.fullmatch(r"\s*(?:people\s+)?(?:in|across|for)\s+(?:the\s+)?", gap, re.IGNORECASE):
            return s._place(m)
    if re.match(r"\s*(?:people\s+)?in\s+the\s+\w+", s.text[match.end():match.end() + 30], re.IGNORECASE):
        return None  # "in the two force areas": a place the words do not name
    clause = s.clause(match.start())
    before = sorted((m for m in s.of("geo", clause) + s.of("national", clause) + s.of("own_force", clause)
                     if m.end <= match.start() and not _is_scope(s.text, m)), key=lambda m: m.start)
    if before:
        return s._place(before[-1])
    if s.text[clause[0]:clause[0] + 5].lower().startswith("with"):  # "... was in West Yorkshire, with 96.6 crimes"
        earlier = [m for m in s.of("geo") if m.end <= clause[0] and _is_force(m.value) and not _is_scope(s.text, m)]
        if earlier:
            return s._place(earlier[-1])
    named = [m for m in s.of("geo") + s.of("national") if not _is_scope(s.text, m)]
    if not named and s.ctx.own_force is not None:
        return s.ctx.own_force.name, f"no place named: {s.ctx.own_force.name}"
    return _sole_force(s)


def _sole_force(s: _Sentence) -> _Subject | None:
    """The one force a sentence names, when it names no other place but as a scope ("With a crime rate of 46 per
    1,000, this is well below the average and makes Norfolk the safest county in England"): what it is about."""
    named = [m for m in s.of("geo") + s.of("national") + s.of("own_force") + s.of("outside")
             if not _is_scope(s.text, m)]
    if len(named) == 1 and named[0].kind == "geo" and _is_force(named[0].value) and not s.unknown_names():
        name = forces.by_code(named[0].value).name
        return name, f"{named[0].text!r}: {name}, the one place the sentence is about"
    return None


# "the rates in Devon and Cornwall remain", "crime rates in Kent are still": rates, the subject of a bare superlative
_RATES_SUBJECT = re.compile(r"\brates?\b(?:\s+(?:of\s+)?[\w&'-]+){0,6}?\s+(?:remain(?:s|ed)?|is|are|was|were|stays?|"
                            r"stayed|continues?\s+to\s+be)\s+(?:still\s+)?$", re.IGNORECASE)
# "third best performing force for reducing dwelling burglary": a place in the order of falls
_BEST_REDUCING = re.compile(r"[\s-]+performing\s+(?:police\s+)?(?:force|force\s+area|constabulary)\s+"
                            r"(?:in\s+(?:england\s+and\s+wales|the\s+country)\s+)?(?:for|at|in)\s+"
                            r"(?:reducing|cutting|driving\s+down|bringing\s+down)\b", re.IGNORECASE)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10}


def _ranks(s: _Sentence) -> list[Draft]:
    out = []
    for match in _SECOND_ONLY.finditer(s.text):
        leader = next((m for m in s.of("geo") if m.start >= match.end() and _is_force(m.value)), None)
        before = [m for m in s.of("geo") if m.end <= match.start() and _is_force(m.value)]
        if leader is None or not before:
            continue
        name = forces.by_code(before[-1].key).name
        direction = next((d.value for d in s.of("direction") if d.start < match.start()), None)
        fields: dict[str, Any] = {"order": "lowest" if direction == "decrease" else "highest"}
        how = f"in the same direction as the {direction or 'change'}"
        ranked = [r for r in _RANK.finditer(s.text[:match.start()])
                  if r.group("what") or r.group("sup").lower() == "safest"]  # not "the second best performing"
        if ranked:  # "the lowest crime rates in England, second only to City of London": that ranking
            fields = _superlative(s, ranked[-1])
            how = f"in the ranking {ranked[-1].group(0)!r}"
        draft = _base(s, before[-1].start, "rank", subject=(name, f"{before[-1].text!r}: {name}"), position=2,
                      behind=forces.by_code(leader.key).name, **fields)
        if draft is not None and draft.untestable is None:
            draft.read.insert(0, ("rank", f"{match.group(0)}{leader.text!r}: second, behind "
                                          f"{forces.by_code(leader.key).name}, {how}"))
            out.append(_span(draft, match.start(), leader.end, s))
    for match in _RANK.finditer(s.text):
        what = (match.group("what") or "").lower()
        sup = match.group("sup").lower()
        clause = s.clause(match.start())
        if _SECOND_ONLY.search(s.text[clause[0]:clause[1]]):
            continue  # "second only to X" is read on its own
        if _OF_THE_SUPERLATIVE.search(s.text[:match.start("sup")]):
            # "one of the biggest rises", "among the highest", and the typo "on of the largest": no one place
            s.note(f"{s.text[max(0, match.start() - 12):match.end()].strip()!r}: one among several, not one place, "
                   "so it is not drafted as a rank")
            continue
        following = s.text[match.end():match.end() + 40]
        if re.match(r"[\w\s]{0,25}?(?:number\s+of\s+)?(?:crime\s+)?victims", following, re.I):
            continue  # "the 11th lowest number of crime victims": not in these data
        among = _AMONG_OFFENCES_AFTER.match(s.text, match.end())
        named_next = min((m for m in s.mentions if m.kind in ("offence", "untestable", "geo", "national", "own_force")
                          and among and among.end() <= m.start <= among.end() + 60), key=lambda m: m.start,
                         default=None)
        if (named_next is not None and named_next.kind in ("offence", "untestable")) or _OF_ANY_OFFENCE.match(
                s.text, match.end()) or re.search(r"crime[\s-]+by[\s-]+crime|offence[\s-]+by[\s-]+offence",
                                                  s.text[clause[0]:match.start()], re.I):
            s.note(f"{match.group(0)!r}: a place among offences, not among forces, so it is not drafted as a rank")
            continue
        per_person = re.match(r"[\w\s]{0,40}?(?:per\s+(?:1,000|1000|thousand)|crime\s+rate)",
                              s.text[match.end():match.end() + 60], re.I)
        scoped = re.search(r"of\s+the\s+(?:43|forty-three)|(?:in|across|throughout|within)\s+(?:the\s+)?"
                           r"(?:whole\s+of\s+)?"
                           r"(?:england|wales)|in\s+(?:the\s+)?country|"
                           r"nationally|in\s+wales|in\s+the\s+uk|of\s+(?:all\s+)?(?:the\s+)?forces|"
                           r"of\s+any\s+(?:police\s+)?force", s.text[match.end():match.end() + 60], re.I)
        if not scoped and not what and _scope_after(s, match.end()) is not None:
            # "The increase in Cambridgeshire is the highest in the East of England": among that region's forces
            scoped = re.match(r"\s+(?:in|across|within)\s+", s.text[match.end():])
        ranked_word = sup in ("worst", "safest") and match.group("ordinal")  # "the fifth safest", "fourth worst"
        reducing = sup == "best" and not what and _BEST_REDUCING.match(s.text, match.end())
        if reducing:  # "the third best performing force for reducing dwelling burglary": the third biggest fall
            what, scoped = "reduction", reducing
        if sup == "best" and not reducing or (sup == "worst" and not (ranked_word or scoped)) or (
                not what and not scoped and not per_person and not ranked_word):
            continue
        if _RECORD_SINCE.match(s.text, match.end()):
            continue  # "the highest level since 2011": a comparison with the past, not a rank
        over_time = _OVER_TIME.match(s.text, match.end())
        if over_time:  # "the highest number in nine years", "the lowest level on record": a record, not a rank
            s.note(f"{s.text[match.start():over_time.end()].strip()!r}: a record over time, not a place among forces, "
                   "so it is not drafted as a rank")
            continue
        rates_said = None if what else _RATES_SUBJECT.search(s.text, max(clause[0], match.start() - 80),
                                                             match.start())
        if rates_said is not None:
            # "the rates in Devon and Cornwall remain the second lowest": a rank of rates, of the offence its own
            # words name; offences named elsewhere in the sentence leave open which rates
            elsewhere = [o for o in s.of("offence") + s.of("untestable") if o.value != GENERIC_TOTAL
                         and not rates_said.start() <= o.start < match.end()]
            if elsewhere:
                s.note(f"{s.text[rates_said.start():match.end()]!r}: the rates of which offence (all crime, or "
                       f"{elsewhere[0].text!r} named before) the words leave open, so it is not drafted as a rank")
                continue
            what = "rates"
        falling = re.search(r"drop|fall|reduction|decrease", what)
        changing = re.search(r"rise|increase|jump|hike|drop|fall|reduction|decrease", what)
        # "one crime for every 8.6 people ..., the third-highest in the country": a rank of the rate before it
        rate_before = not what and (_RATE.search(s.text[clause[0]:match.start()]) or _ONE_IN.search(
            s.text[clause[0]:match.start()]))
        # "rose by 19 per cent - the joint fourth highest rate": the rate of that rise, in a sentence with no rates
        rate_of_change = re.fullmatch(r"rates?", what) and any(
            f.figure.percent and f.end <= match.start() for f in s.of("figure")) and not _RATE_WORDS.search(
            re.sub(r"\bhighest\s+rates?|\blowest\s+rates?", "", s.text, flags=re.I))
        rate_of = re.match(r"\s+of\s+", s.text[match.end():])
        if rate_of_change and rate_of and any(o.start == match.end() + rate_of.end() for o in s.of("offence")):
            rate_of_change = False  # "the highest rate of thefts": thefts per 1,000 people, not the rate of a rise
        if rate_of_change:
            measure, order = "change", "lowest" if sup in ("lowest", "smallest") else "highest"
        elif "rate" in what or sup == "safest" or (per_person and not changing) or rate_before or \
                _CRIME_PLACE.search(what):
            measure, order = "rate", "lowest" if sup in ("lowest", "smallest", "safest") else "highest"
        elif sup == "worst":
            measure, order = "count", "highest"  # "placing the county fourth worst" for robberies
        elif re.search(r"number|level|figure|volume", what):
            measure, order = "count", "lowest" if sup in ("lowest", "smallest") else "highest"
        elif not what and (bare := _bare_measure(s, clause, match.start())) is None:
            # "it is the lowest amongst the forces in Wales": the lowest what, the words before it do not say
            s.note(f"{match.group(0)!r}: the lowest or highest of what (a change, a count, a rate) the words do not "
                   "say, so it is not drafted as a rank")
            continue
        elif not what and bare == "count":
            measure, order = "count", "lowest" if sup in ("lowest", "smallest") else "highest"
        else:
            measure = "change"
            direction = s.direction(match.start())[0]
            smallest = sup in ("lowest", "smallest")
            if falling and smallest:
                s.note(f"{match.group(0)!r}: the smallest fall is no one place in the order of changes (forces that "
                       "rose sit between), so it is not drafted")
                continue
            if falling:
                order = "lowest"
            elif re.search(r"rise|increase|jump|hike", what):
                order = "lowest" if smallest else "highest"  # "the lowest rise": the smallest change first
            elif sup in ("highest", "biggest", "largest", "greatest", "steepest", "sharpest", "fastest"):
                order = "lowest" if direction == "decrease" and not what else "highest"
            else:
                order = "lowest"
        position = _ORDINALS.get((match.group("ordinal") or "").lower())
        if position is None and match.group("ordinal"):
            position = int(re.sub(r"\D", "", match.group("ordinal")))
        places = [m for m in s.of("geo", s.clause(match.start())) if _is_force(m.value) and not _is_scope(s.text, m)]
        if not places:
            places = [m for m in s.of("geo") if _is_force(m.value) and not _is_scope(s.text, m)]
        was_in = re.match(r"\s*(?:[\w\s]{0,40}?)\b(?:was|were)\s+in\s+(?:\w+\s+)?",
                          s.text[match.end():match.end() + 60])
        if was_in:  # "The highest recorded crime rate ... was in West Yorkshire", "rates were in neighbouring A and B"
            at = match.end() + was_in.end()
            first = [m for m in s.of("geo") if m.start == at and _is_force(m.value)]
            if first:
                run = [first[0]]
                for m in [g for g in s.of("geo") if g.start > first[0].end and _is_force(g.value)]:
                    gap = re.sub(r"\s*\([^()]*\)", "", s.text[run[-1].end:m.start])  # "North Yorkshire (46) and"
                    if gap.strip().lower() in ("and", ",", ", and"):
                        run.append(m)
                    else:
                        break
                places = run
                what = what or ("rates" if len(run) > 1 else what)
        if not places and s.of("own_force"):
            force = s.ctx.own_force
            places = []
            subject: _Subject | None = (force.name, f"{s.of('own_force')[0].text!r}: {force.name}") if force else None
        elif len(places) > 1 and what.endswith("s") and (was_in or s._joined(places)):
            subject = ([forces.by_code(m.key).name for m in places], "the forces named together")
        elif places:
            nearest = s.nearest(places, match.start())
            assert nearest is not None  # places is not empty
            subject = (forces.by_code(nearest.key).name, f"{nearest.text!r}: {forces.by_code(nearest.key).name}")
        else:
            subject = _ranked_subject(s, match.start())
            if subject is None:
                continue
        if subject is None:
            continue
        fields = {"measure": measure, "order": order}
        if isinstance(subject[0], list):
            fields["top"] = len(subject[0])
        else:
            fields["position"] = position or 1
        if falling:
            fields["direction"] = "decrease"
        elif measure == "change" and order == "lowest" and re.search(r"rise|increase|jump|hike", what):
            fields["direction"] = "increase"  # "the lowest rise" is still a rise
        scope = s.text[match.end():match.end() + 40].lower()
        owner = s.text[max(0, match.start() - 12):match.start()].lower()
        # "the highest rate of thefts outside of London": all the forces but London's (read below, once the pool the
        # words name before it is known)
        outside_pool = _OUTSIDE_POOL.match(s.text, match.end())
        named_scope = _scope_after(s, match.end(), before=outside_pool.start("word") if outside_pool else None)
        lead = s.text[max(0, match.start() - 40):match.start()].lower()
        if re.search(r"\b(?:england|wales)['\u2019]s\s*$", owner):  # "England's lowest rates"
            fields["within"] = "England" if "england" in owner else "Wales"
        elif re.search(r"\b(?:welsh|english)\s+(?:police\s+)?forces?\b[^.;]{0,20}$", lead):  # "the Welsh force with"
            fields["within"] = "Wales" if "welsh" in lead else "England"
        elif re.search(r"in\s+our\s+region", scope):
            if s.ctx.force is None:
                s.note(f"'our region': whose region the words do not say (give --force), so {match.group(0)!r} is "
                       "not drafted")
                continue
            fields["within"] = forces.lookup(s.ctx.force.name).region
        elif re.search(r"in\s+the\s+region", scope):
            fields["within"] = "region"
        elif s.text[clause[0]:clause[0] + 5].lower() == "with " and clause[0] > 0:
            # "a 6% rise for Wales as a whole, with the largest increase recorded by Dyfed-Powys": among Wales's forces
            before = [g for g in s.of("geo") if g.end <= clause[0] and not _is_force(g.value)
                      and geography_kind(g) in (geography.GeographyKind.REGION, geography.GeographyKind.COUNTRY)]
            if len({g.value for g in before}) == 1:
                fields["within"] = geography.resolve(before[0].value).name
        elif named_scope is not None:  # "in the North West", "across England", "in Wales"
            fields["within"] = named_scope
        if outside_pool:
            pool = _pool_outside(s, match, outside_pool, fields.get("within"), subject[0])
            if isinstance(pool, str):
                s.note(pool)
                continue
            fields["within"], pool_read = pool
        doubt = _pool_doubt(s, match.end(), fields.get("within"))
        if doubt:
            s.note(doubt)
            continue
        if not (scoped or "within" in fields or match.group("ordinal") or sup == "safest" or (was_in and places)
                or _POOL.match(s.text[:clause[1]], match.end()) or _AMONG_FORCES.search(s.text[clause[0]:clause[1]])):
            # "the biggest rise", with nothing saying among what: forces, offences or years
            s.note(f"{match.group(0)!r}: the words do not say what it is the {sup} among (forces, offences or years), "
                   "so it is not drafted as a rank")
            continue
        draft = _base(s, match.start(), "rank", subject=subject, **fields)
        if draft is not None and draft.untestable is None:
            where = pool_read if outside_pool else {"region": "the force's region"}.get(
                fields.get("within", ""), fields.get("within", "the 43 forces"))
            draft.read.insert(0, ("rank", f"{match.group(0)!r}: {measure}, {order} first, "
                                          + (f"top {fields['top']}" if "top" in fields else
                                             f"position {fields['position']}") + f", among {where}"))
            out.append(_span(draft, match.start(), match.end(), s))
    return out


def _bare_measure(s: _Sentence, clause: tuple[int, int], at: int) -> str | None:
    """What a superlative with no noun ranks ("was the fifth highest of any force"): the noun of an earlier superlative
    in the sentence ("the highest increase ... and third highest in country"), a change where a verb of change comes
    before it in its clause ("has fallen by the joint largest amount"), else the figure before it in its clause, a
    change (a %) or a count; None when none of these says."""
    earlier = [r for r in _RANK.finditer(s.text[:at]) if r.group("what")]
    if earlier and re.search(r"rise|increase|jump|hike|drop|fall|reduction|decrease", earlier[-1].group("what"), re.I):
        return "change"
    if any(clause[0] <= d.start < at for d in s.of("direction")):
        return "change"
    figures = [f for f in s.of("figure", clause) if f.end <= at and f.start not in s.restating
               and not _trivial(f, s.text)]
    if not figures:
        return None
    return "change" if figures[-1].figure.percent else "count"


_SCOPE_GAP = re.compile(r"(?:(?!\b(?:than|compared|while|whereas|but)\b)[\w\s,'-]){0,30}?\b(?:in|across|among|"
                        r"amongst|throughout|of)\s+(?:the\s+)?(?:whole\s+of\s+)?(?:(?P<n>[\w-]+)\s+)??"
                        r"(?:(?:police\s+)?(?:forces|force\s+areas)\s+(?:in|of|across)\s+(?:the\s+)?)?", re.IGNORECASE)
# "out of the four police forces in Wales", "of the four Yorkshire forces", "among the 43 forces": the forces a rank is
# among, with how many the words say there are
_POOL = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:out\s+of|of|among|amongst)\s+(?:the\s+|all\s+)?(?:(?P<n>[\w-]+)\s+)?"
                   r"(?:[\w-]+\s+){0,3}?(?:police\s+)?(?:forces|force\s+areas|constabularies)\b", re.IGNORECASE)


# "the highest rate of thefts outside of London", "the lowest of any force except the Met": every force but some
_OUTSIDE_POOL = re.compile(r"[\w\s,'-]{0,40}?\b(?P<word>outside(?:\s+of)?|excluding|except(?:\s+for)?|apart\s+from|"
                           r"other\s+than|bar|save\s+for)\s+(?P<place>(?:the\s+)?[A-Z]\w*)")


def _pool_outside(s: _Sentence, match: re.Match, outside: re.Match, within: str | None,
                  subject: str | list[str]) -> tuple[list[str], str] | str:
    """The forces a rank is among when the words leave some out ("the highest crime rate in England and Wales outside
    London"): the pool named before (``within``; None for all 43) less the forces of the places named after the word
    (London: the Metropolitan Police and City of London; a region: its forces; a force: that force), as a list of
    forces, and how it was read; or why it is not drafted (a place the reader cannot resolve to forces)."""
    words_ = f"{s.text[match.start():outside.end()].strip()!r}"
    first = next((g for g in s.of("geo") if outside.start("place") <= g.start <= outside.start("place") + 4
                  and g.end >= outside.end("place")), None)
    named = [first] if first is not None else []
    for g in sorted(s.of("geo"), key=lambda g: g.start):
        if named and g.start >= named[-1].end and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*(?:the\s+)?",
                                                               s.text[named[-1].end:g.start], re.IGNORECASE):
            named.append(g)
    if not named or not all(g.kind == "geo" for g in named):
        return (f"{words_}: a rank among the forces outside a place the reader cannot resolve to forces, so it is not "
                "drafted")
    left_out = {code for g in named for code in geography.resolve(g.value).members}
    if within == "region":
        force = forces.try_lookup(subject) if isinstance(subject, str) else None
        pool = [f.code for f in forces.TERRITORIAL_FORCES if force is not None and f.region_code == force.region_code]
    elif within:
        pool = list(geography.resolve(within).members)
    else:
        pool = [f.code for f in forces.TERRITORIAL_FORCES]
    kept = [code for code in pool if code not in left_out]
    ranked = {forces.lookup(name).code for name in ([subject] if isinstance(subject, str) else subject)}
    places = ", ".join(g.text for g in named)
    words_ = f"{s.text[match.start():named[-1].end].strip()!r}"
    if len(kept) == len(pool):
        why = f"no force of {places} is among the forces of {within} (the words leave none of them out)"
    elif not ranked <= set(kept):
        why = f"the force ranked is one of those left out ({places})"
    elif len(kept) < 2:
        why = f"leaving out {places} leaves fewer than two forces to rank"
    else:
        why = ""
    if why:
        return f"{words_}: a rank among the forces outside a place, and {why}, so it is not drafted"
    names = [forces.by_code(code).name for code in kept]
    dropped = ", ".join(forces.by_code(c).name for c in pool if c in left_out)
    how = (f"the {len(kept)} forces of {within or 'England and Wales'} outside "
           f"{' and '.join(g.text for g in named)} (not {dropped})")
    return names, how


def _scope_after(s: _Sentence, at: int, before: int | None = None) -> str | None:
    """The forces a rank or a count of forces is among, named just after it (and before ``before``): a region,
    England or Wales ("the lowest crime rate in the North West", "the biggest rise across England"); None for all 43
    forces."""
    following = sorted((g for g in s.of("geo") + s.of("national") if g.start >= at and (before is None or
                                                                                      g.start < before)),
                       key=lambda g: g.start)
    if not following or not _SCOPE_GAP.fullmatch(s.text[at:following[0].start]):
        return None
    named = following[0]
    if named.kind == "national" or _is_force(named.value) or geography_kind(named) is None:
        return None
    place = geography.resolve(named.value)
    if place.kind in (geography.GeographyKind.NATIONAL, geography.GeographyKind.NATIONAL_EXCLUDING_BTP):
        return None
    return place.name


def _pool_doubt(s: _Sentence, at: int, within: str | None) -> str | None:
    """Why the forces a rank is among are in doubt, or None: the words after it count the forces ("out of the four
    police forces in Wales", "of the seven forces") and the pool read (``within``: a region, England, Wales; None for
    all 43) does not hold that many."""
    pool = _POOL.match(s.text[:s.clause(at)[1]], at)
    if pool is None or not pool.group("n") or s.of("figure", (at, pool.start("n") - 1)):
        return None
    count = _count_word(pool.group("n"))
    if within == "region":
        return None
    members = len(geography.resolve(within).members) if within else len(forces.TERRITORIAL_FORCES)
    if count is None or count == members:
        return None
    return (f"{' '.join(pool.group(0).split())!r}: the words count {count} forces, and the forces read "
            f"({within or 'all 43'}) are {members}, so the rank's pool is not pinned down and it is not drafted")


def _superlative(s: _Sentence, match: re.Match) -> dict:
    """The measure, order and scope of a superlative that another phrase places a force in ("the lowest crime rates
    in England, second only to City of London")."""
    what, sup = (match.group("what") or "").lower(), match.group("sup").lower()
    smallest = sup in ("lowest", "smallest", "safest")
    if "rate" in what or sup == "safest" or _CRIME_PLACE.search(what) or re.match(
            r"[\w\s]{0,40}?per\s+(?:1,000|1000|thousand)", s.text[match.end():match.end() + 50], re.I):
        fields = {"measure": "rate", "order": "lowest" if smallest else "highest"}
    elif re.search(r"number|level|figure|volume", what):
        fields = {"measure": "count", "order": "lowest" if smallest else "highest"}
    else:
        falling = re.search(r"drop|fall|reduction|decrease", what)
        fields = {"measure": "change", "order": "lowest" if falling or smallest else "highest"}
    within = _scope_after(s, match.end())
    return fields | ({"within": within} if within else {})


def _ranked_subject(s: _Sentence, position: int) -> _Subject | None:
    """The force a rank with no force beside it is about: the place of the figure it follows in its clause ("The 30
    per cent increase ... was the fifth highest of any force"), or the place the words give."""
    clause = s.clause(position)
    figures = [f for f in s.of("figure", clause) if f.end <= position]
    subject = s.subject(figures[-1].start, end=figures[-1].end) if figures else s.subject(position)
    if subject is None or isinstance(subject[0], list) or not forces.try_lookup(subject[0]):
        return None
    return subject


_FORCE_LIST = r"(?P<leaders>[A-Z][\w'-]*(?:[\s,]+(?:and\s+)?(?:the\s+)?[A-Z][\w'-]*|,\s+with\s+[\d.,]+,?)*)"
_ANYWHERE_EXCEPT = re.compile(r"(?P<rel>higher|bigger|larger|greater|lower|smaller)\s+than\s+(?:anywhere|any\s+"
                              r"(?:other\s+)?(?:police\s+)?force)\s+(?:else\s+)?(?:except|apart\s+from|bar|but|"
                              r"other\s+than|save\s+for)\s+(?:in\s+)?" + _FORCE_LIST)
_ONLY_LEADERS = re.compile(r"\b[Oo]nly\s+(?:in\s+)?(?:the\s+)?" + _FORCE_LIST +
                           r",?\s+(?:\w+\s+){0,2}?(?:recorded|had|saw|reported|has|have|were|was|showed|experienced)"
                           r"\s+(?:an?\s+)?(?P<rel>higher|bigger|larger|greater|more|lower|smaller|fewer)\b")
_ONLY_N_FORCES = re.compile(r"\b(?:just|only)\s+(?P<n>\w+)\s+(?:other\s+)?(?:police\s+)?forces?(?:\s+areas)?\s+"
                            r"(?:in\s+england\s+and\s+wales\s+)?(?:\w+\s+){0,2}?(?:recorded|reported|had|saw|"
                            r"have|has|showed)\s+(?:an?\s+)?(?P<rel>higher|more|bigger|larger|greater|lower|fewer|"
                            r"smaller)\b", re.IGNORECASE)


def _ranks_behind(s: _Sentence) -> list[Draft]:
    """Ranks given by the forces ahead: "higher than anywhere except Durham", "only Northamptonshire and Sussex had
    a bigger crime reduction than London", "just four forces recorded higher rates than Humberside"."""
    out = []
    for pattern in (_ANYWHERE_EXCEPT, _ONLY_LEADERS, _ONLY_N_FORCES):
        for match in pattern.finditer(s.text):
            clause = s.clause(match.start())
            rest = s.text[match.end():clause[1]]
            if "n" in match.groupdict():
                ahead = words.number_in_words(match.group("n")) if not match.group("n").isdigit() \
                    else int(match.group("n"))
                leaders = []
                if not ahead or ahead > 42:
                    continue
            else:
                span = (match.start("leaders"), match.end("leaders"))
                leaders = [m for m in s.of("geo") if span[0] <= m.start < span[1] + 1 and _is_force(m.value)]
                rest_of_list = s.text[span[0]:span[1]]
                for m in reversed(leaders):
                    rest_of_list = rest_of_list[:m.start - span[0]] + rest_of_list[m.end - span[0]:]
                if not leaders or re.sub(r"\b(?:and|the|with)\b|[\d.,\s]", "", rest_of_list):
                    continue  # a name in the list that is not a force ("Only in Manchester, ...")
                ahead = len(leaders)
            than = re.search(r"\bthan\s+(?:in\s+)?(?:the\s+)?", rest)
            if pattern is _ANYWHERE_EXCEPT:
                subject = _ranked_subject(s, match.start())
            elif than:
                at = match.end() + than.end()
                named = next((m for m in s.of("geo") if m.start == at and _is_force(m.value)), None)
                own = next((m for m in s.of("own_force") if m.start == at), None)
                subject = s._place(named) if named else s._place(own) if own else None
            else:
                force = s.ctx.own_force
                subject = (force.name, f"no place named: the force given ({force.name})") if force else None
            if subject is None:
                continue
            words_after = s.text[match.start("rel"):clause[1]].lower()
            if re.search(r"rates?\b|per\s+(?:1,000|1000|thousand)", words_after) or (
                    pattern is _ONLY_LEADERS and re.search(r"per\s+(?:1,000|1000|thousand)", s.text, re.I)):
                measure = "rate"
            elif re.search(r"increase|rise|reduction|fall|drop|decrease|cut|jump", words_after) or (
                    pattern is _ANYWHERE_EXCEPT and any(f.figure.percent for f in s.of("figure", clause))):
                measure = "change"
            else:
                measure = "count"
            more = match.group("rel").lower() in ("higher", "bigger", "larger", "greater", "more")
            falling = measure == "change" and re.search(r"reduction|fall|drop|decrease|cut", words_after)
            order = ("lowest" if more else "highest") if falling else ("highest" if more else "lowest")
            fields: dict[str, Any] = {"measure": measure, "order": order, "position": ahead + 1}
            if leaders:
                fields["behind"] = [forces.by_code(m.key).name for m in leaders]
            if falling:
                fields["direction"] = "decrease"
            offence_at = next((m.start for m in s.of("offence", clause) if m.start >= match.start()), match.start())
            draft = _base(s, offence_at, "rank", subject=subject, **fields)
            if draft is not None and draft.untestable is None:
                ahead_text = ", ".join(fields.get("behind", [])) or f"{ahead} forces"
                draft.read.insert(0, ("rank", f"{match.group(0)!r}: {measure}, {order} first, behind {ahead_text}, "
                                              f"so position {ahead + 1} among the 43 forces"))
                out.append(_span(draft, match.start(), match.end() + (than.end() if than else 0), s))
            if len(leaders) == 1 and not than and pattern is _ONLY_LEADERS:
                # "Only Durham recorded a higher increase": Durham is first
                name = forces.by_code(leaders[0].key).name
                first = _base(s, offence_at, "rank", subject=(name, f"{leaders[0].text!r}: {name}"),
                              **{k: v for k, v in fields.items() if k != "behind"} | {"position": 1})
                if first is not None and first.untestable is None:
                    first.read.insert(0, ("rank", f"{match.group(0)!r}: {name} first ({measure}, {order} first)"))
                    out.append(_span(first, leaders[0].start, match.end(), s))
    return out


def _followed_by(s: _Sentence, drafts: list[Draft]) -> list[Draft]:
    """"The second biggest drop was by Thames Valley Police, ..., followed by West Midlands Police": the next place."""
    out = []
    for match in re.finditer(r"\bfollowed\s+by\s+(?:the\s+)?", s.text):
        named = next((m for m in s.of("geo") if m.start == match.end() and _is_force(m.value)), None)
        ranked = [d for d in drafts if d.kind == "rank" and d.span[1] <= match.start() and d.fields.get("position")]
        if named is None or not ranked:
            continue
        fields = {k: v for k, v in ranked[-1].fields.items() if k not in ("subject", "behind")}
        fields["position"] = ranked[-1].fields["position"] + 1
        force = forces.by_code(named.key).name
        draft = Draft("rank", {"subject": force, **fields}, (match.start(), named.end),
                      [("rank", f"{match.group(0)}{named.text!r}: {force}, next after "
                                f"{ranked[-1].fields['subject']}, position {fields['position']}"),
                       *[r for r in ranked[-1].read if r[0] != "place"]])
        out.append(draft)
    return out


_RATE_WORDS = re.compile(r"\bcrime\s+rates?\b|\brates?\s+of\s+(?:recorded\s+)?crime\b|\brates?\b(?!\s+of\s+(?:increase|"
                         r"rise|fall|decrease|reduction|change))|per\s+(?:1,000|1000|one\s+thousand|thousand)|"
                         r"for\s+every\s+(?:1,000|1000)|\bone\s+in\s+\w+", re.IGNORECASE)


# "where every other county was on or below the national average", "all the other forces were above": the words
# set other places against the average, not the sentence's subject
_OTHERS_COMPARED = re.compile(r"\b(?:(?:every|each|all|most|many|some|several)\s+(?:of\s+)?(?:the\s+)?(?:other\s+)?|"
                              r"(?:the\s+)?other\s+)(?:police\s+)?(?:count(?:y|ies)|forces?|force\s+areas?|areas?|"
                              r"regions?|parts?\s+of\s+the\s+country)\b", re.IGNORECASE)


def _comparisons(s: _Sentence) -> list[Draft]:
    out = []
    for match in _compare_pattern().finditer(s.text):
        rel = match.group("rel").lower()
        clause = s.clause(match.start())
        others = _OTHERS_COMPARED.search(s.text, clause[0], match.start())
        if others and not s.of("geo", (others.end(), match.start())):
            s.note(f"{s.text[others.start():match.end()]!r}: other places set against the average, not the "
                   "sentence's subject, so no comparison is drafted")
            continue
        # "the crime rate in Cleveland is higher than the national average", "lower than the average ... with 86.4
        # offences per 1,000 people", "104.6 crimes per 1,000 population - well above the national average of 82.3":
        # rates per 1,000, not changes
        measure = "rate" if _RATE_WORDS.search(s.text[clause[0]:clause[1]]) or (
            _RATE_WORDS.search(s.text) and not any(f.figure.percent for f in s.of("figure"))) else "change"
        direction = (next((d.value for d in s.of("direction") if d.end <= match.start() + 1), None) or
                     s.direction(match.start())[0]) if measure == "change" else None
        more = rel in ("more", "higher", "bigger", "greater", "above")
        if measure == "change" and more and direction is None and {d.value for d in s.of("direction")} == {"increase"}:
            # "It's higher than the national average, with crime in England and Wales rising by 13 per cent": higher
            # than a rise is a faster rise
            direction = "increase"
        if rel in ("faster", "quicker") or (more and direction):  # "rose 26.4 per cent, higher than the national"
            relation = "faster_fall" if direction == "decrease" else "faster_rise" if direction == "increase" else None
        elif more:
            relation = "above"
        else:
            relation = "below" if direction != "decrease" else None
        fields: dict = {"relation": relation, "measure": measure}
        adjective = (match.group("adj") or match.group("adjc") or match.group("adjo") or "").lower()
        if match.group("country") or adjective in _adjectives():  # "the English national average": England's
            fields["against"] = _country_of(match)
        elif adjective and adjective not in _NATIONAL_ADJECTIVES:
            s.note(f"{match.group(0)!r}: an average of {match.group('adj') or match.group('adjo')!r}, which is not "
                   "England and Wales (nor a place these data hold), so the comparison is not drafted")
            continue
        size = next((f for f in s.of("figure") if f.figure.percent and f.end <= match.start()
                     and re.fullmatch(r"\s*", s.text[f.end:match.start()])), None)
        if size is not None:  # "30 per cent higher than the national average"
            s.used.add(size.start)
            if measure == "change" or rel in ("faster", "quicker", "slower"):
                # "rose 8% - two per cent above the national average": the gap is in points, which no claim kind
                # holds; the relation it states (a faster rise) is drafted without it
                s.note(f"{size.text!r}: a difference between two changes ({match.group(0)!r}), which the claim "
                       "kinds do not hold, so only the relation is drafted")
                if relation in ("faster_rise", "faster_fall") and rel not in ("slower", "less", "lower", "smaller"):
                    out += _compare_each(s, match, **fields)
                continue
            # "30 per cent higher than the national average": a ratio of 1.3, judged on the gap in percentage points
            if size.figure.quoted.value <= 0 or rel in ("more", "less") and measure != "rate":
                continue
            fields = {**fields, "relation": "ratio", "quoted_value": f"{size.text} {'higher' if more else 'lower'}"}
            out += _compare_each(s, match, start=size.start, **fields)
            continue
        if relation is None:
            continue
        listed = _listed_offences(s, clause[0], match.start()) if measure == "change" else []
        if listed:  # "Violent crime and public order offences fell more in Lincolnshire than the national average"
            for offence in listed:
                out += _compare_each(s, match, offence=(offence.key, None, f"{offence.text!r}: {offence.key}, one "
                                                                             "of the offences listed before the verb"),
                                     **fields)
            continue
        out += _compare_each(s, match, **fields)
    for match in _RATIO.finditer(s.text):
        quoted = ((match.group("q") or "") + match.group("w")).strip()
        clause = s.clause(match.start())
        measure = "rate" if _RATE_WORDS.search(s.text[clause[0]:clause[1]]) else "change"
        out += _compare_each(s, match, relation="ratio", quoted_value=quoted, measure=measure)
    for match in _AGAINST_TREND.finditer(s.text):
        out += _compare_each(s, match, relation="opposite_direction")
    return out


# words that may stand before "national average" and leave it England and Wales's
_NATIONAL_ADJECTIVES = frozenset({"overall", "current", "latest", "wider", "annual", "whole", "new", "published",
                                  "official", "recorded"})


def _listed_offences(s: _Sentence, start: int, end: int) -> list[Mention]:
    """Offences listed before one verb of change ("Violent crime and public order offences fell more ..."), in the
    words from ``start`` to ``end``: each of them, when there are several and nothing else is named between."""
    offences = [m for m in s.of("offence") if start <= m.start and m.end <= end and m.value != GENERIC_TOTAL]
    if len(offences) < 2 or s.of("untestable", (start, end)) or s.of("figure", (start, end)):
        return []
    if not all(_LISTED.match(s.text[a.end:b.start]) for a, b in zip(offences, offences[1:], strict=False)):
        return []
    verb = next((d for d in s.of("direction") if d.start >= offences[-1].end), None)
    if verb is None or verb.start > end or not re.fullmatch(r"\s*(?:(?:have|has|had|also|all|both|been)\s+)*",
                                                           s.text[offences[-1].end:verb.start]):
        return []
    return offences


def _compare_each(s: _Sentence, match: re.Match, *, start: int | None = None, offence: tuple | None = None,
                  **fields) -> list[Draft]:
    places = [m for m in s.of("geo") if _is_force(m.value) and m.end <= match.end() and not _is_scope(s.text, m)]
    if places and not s._joined(places):
        places = places[:1]  # "Nottinghamshire's fall, matched by that in Durham...": the sentence's subject
    chosen = places if places and s._joined(places) else places[-1:] if places else []
    subjects: list[_Subject] = [(forces.by_code(m.key).name, f"{m.text!r}: {forces.by_code(m.key).name}")
                                for m in chosen]
    if not subjects:
        subject = s.subject(match.start()) or _sole_force(s)
        if subject is None or subject[0] == "England and Wales":
            return []
        subjects = [subject]
    offence_given = None
    if fields.get("measure", "change") == "change":
        # "rose by 8% - two per cent above the national average with increases in stalking": the change compared
        # is the figure before, and so is its offence
        changes = [f for f in s.of("figure") if f.figure.percent and f.end <= match.start() and f.start != start
                   and f.start not in s.restating and not re.fullmatch(r"\s*", s.text[f.end:match.start()])]
        if changes and not any(x.kind in ("offence", "untestable") and changes[-1].end <= x.start < match.start()
                               for x in s.mentions):
            offence_given = s.offence(changes[-1].start, changes[-1].end)
            offence_given = offence_given if offence_given[0] or offence_given[1] else None
    offence_given = offence or offence_given
    out = []
    for subject in subjects:
        at = match.start() if start is None else start  # "30 per cent higher than ...": the gap's own words
        draft = _base(s, at, "comparison", end=match.end() if start is not None else None, subject=subject,
                      offence_given=offence_given, **fields)
        if draft is not None and draft.untestable is None:
            what = {"rate": "the rate per 1,000 of", "change": "the change in"}[fields.get("measure", "change")]
            relation = fields["relation"].replace("_", " ") + (f" {fields['quoted_value']}" if fields.get(
                "quoted_value") and fields["relation"] == "ratio" else "")
            against = fields.get("against")
            comparator = (f"{against} (ONS's published figure)" if against or fields.get("measure") != "change"
                          else "England and Wales (ONS's figure; other meanings shown)")
            comparator = comparator.replace("None (", "England and Wales (")
            gap = words.parse_quoted(fields["quoted_value"]) if fields.get("quoted_value") else None
            if gap is not None and gap.percent:  # "30 per cent higher than the national average"
                said = (f"{what.replace(' of', '')} {fields['quoted_value']} than {comparator}: a ratio of "
                        f"{1 + gap.value / 100:.2f}, judged on the gap in percentage points")
            else:
                said = f"{relation} {what} {comparator}"
            draft.read.insert(0, ("comparison", f"{match.group(0)!r}: {said}"))
            out.append(_span(draft, match.start() if start is None else min(start, match.start()), match.end(), s))
    return out


# ------------------------------------------------------------------------------------------------ documents


def read_text(text: str, ctx: Context) -> list[SentenceReading]:
    """Every sentence of a document, read in order (the context carries from one sentence to the next)."""
    out = []
    for offset, sentence, paragraph in _sentences(text):
        drafts, not_recognised = read_sentence(sentence, ctx)
        out.append(SentenceReading(sentence, offset, drafts, not_recognised, paragraph))
    return out
