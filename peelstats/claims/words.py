"""The words around a quoted figure, read from ``words.yaml`` (data, not code): quantifiers ("almost", "more
than"), fractions ("a quarter"), multipliers ("doubled"), ratio words ("double"), size words ("a slight fall") and
direction words; plus numbers written in digits or words ("458,021", "5.2 million", "nearly five million").

:func:`parse_quoted` turns the words of a figure into a :class:`Quoted`, the one type the rest of peelstats reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml


class Relation(StrEnum):
    WITHIN = "within"
    AT_MOST = "at_most"
    AT_LEAST_TO = "at_least_to"
    ABOVE = "above"
    AT_LEAST = "at_least"
    BELOW = "below"
    UP_TO = "up_to"


RELATION_TEXT = {
    Relation.WITHIN: "within the tolerance of the figure",
    Relation.AT_MOST: "at or just below the figure, within the tolerance",
    Relation.AT_LEAST_TO: "at or just above the figure, within the tolerance",
    Relation.ABOVE: "above the figure",
    Relation.AT_LEAST: "at or above the figure",
    Relation.BELOW: "below the figure",
    Relation.UP_TO: "at or below the figure",
}


@dataclass(frozen=True)
class Quantifier:
    key: str
    relation: Relation
    approximate: bool
    words: tuple[str, ...]


@dataclass(frozen=True)
class Quoted:
    """A quoted figure: its value, the quantifier in front of it, and the words as written."""

    value: float
    quantifier: Quantifier
    text: str
    verbal: bool = False  # a fraction, multiplier or number in words: a rounded figure of speech
    percent: bool = False  # written as a percentage ("15%", "15 per cent", "a quarter")
    one_in: float | None = None  # "one in 12": the rate is 1,000 / 12 per 1,000

    def describe(self) -> str:
        return f"{self.text!r}: {self.quantifier.key.replace('_', ' ')} ({RELATION_TEXT[self.quantifier.relation]})"


@cache
def vocabulary() -> dict:
    with resources.files("peelstats.claims").joinpath("words.yaml").open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def quantifiers() -> dict[str, Quantifier]:
    return {key: Quantifier(key, Relation(spec["relation"]), bool(spec.get("approximate")),
                            tuple(str(w) for w in spec["words"]))
            for key, spec in vocabulary()["quantifiers"].items()}


EXACT = "exact"


def quantifier(name: str | None) -> Quantifier:
    """A quantifier by key ("almost") or by any of its words ("nearly", "just under")."""
    table = quantifiers()
    if name is None or not str(name).strip():
        return table[EXACT]
    key = " ".join(str(name).lower().replace("_", " ").split())
    for q in table.values():
        if key == q.key.replace("_", " ") or key in q.words:
            return q
    known = ", ".join(f"{q.key} ({'/'.join(q.words[:3])})" for q in table.values())
    raise ValueError(f"unknown quantifier {name!r}; quantifiers are {known}")


@cache
def _word_index(section: str) -> dict[str, str]:
    return {str(word): key for key, words in vocabulary()[section].items() for word in words}


def size_word(word: str) -> str | None:
    """'slight' -> 'slight', 'did not change' -> 'no_change', 'soared' -> 'large'."""
    return _word_index("sizes").get(" ".join(str(word).lower().split()))


def direction_word(word: str) -> str | None:
    return _word_index("directions").get(" ".join(str(word).lower().split()))


SIZES = ("no_change", "slight", "large")


def ordinal(word: str) -> int | None:
    """'third' -> 3, 'tenth' -> 10, '12th' -> 12; None for a word that is not an ordinal (``ordinals`` in
    words.yaml)."""
    text = str(word).strip().lower()
    digits = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", text)
    if digits:
        return int(digits.group(1))
    value = vocabulary().get("ordinals", {}).get(text)
    return int(value) if value is not None else None

# ------------------------------------------------------------------------------------------------- numbers

_UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {w: 10 * i for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)}
_SCALES = {"hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
           "billion": 1_000_000_000, "bn": 1_000_000_000}
_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_PERCENT = re.compile(r"[\s-]*(?:%|(?:per[\s-]*cent|percent|pc|percentage[\s-]+points?)\b)", re.IGNORECASE)


def number_in_words(text: str) -> float | None:
    """'nine' -> 9, 'forty-two' -> 42, 'five million' -> 5e6, 'half a million' -> 5e5, '5.2 million' -> 5.2e6,
    '458,021' -> 458021, '1.5m' -> 1.5e6; None when the text is not a number."""
    words = re.sub(r"(?<=\d)(?=[a-z])", " ", text.lower().replace("-", " ")).split()
    if not words:
        return None
    if words[:2] == ["half", "a"] and len(words) == 3 and words[2] in _SCALES:
        return 0.5 * _SCALES[words[2]]
    if len(words) >= 4 and words[-3:] == ["and", "a", "half"]:  # "two and a half"
        whole = number_in_words(" ".join(words[:-3]))
        return None if whole is None else whole + 0.5
    if words[0] == "a" and len(words) > 1 and words[1] not in _SCALES:
        words = words[1:]  # "a six per cent fall": the article, not "one"
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word == "and" and seen:
            continue
        digits = _DIGITS.fullmatch(word)
        if digits:
            current += float(word.replace(",", ""))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in ("a", "one") and not seen:
            current += 1
        elif word in _SCALES and seen:
            if _SCALES[word] == 100:
                current *= 100
            else:
                total += current * _SCALES[word]
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


_LOWER = ("lower", "less", "below", "smaller", "fewer")
_COMPARATIVE = re.compile(r"(?P<figure>.+?)\s+(?P<rel>higher|more|above|greater|bigger|larger|lower|less|below|smaller|"
                          r"fewer)(?:\s+than\b.*)?")


def _percentage(text: str) -> Quoted | None:
    """A bare percentage or fraction ("30 per cent", "a third"), or None."""
    try:
        quoted = parse_quoted(text)
    except ValueError:
        return None
    return quoted if quoted.percent and quoted.quantifier.key == EXACT and quoted.value >= 0 else None


def _strip_quantifier(text: str) -> tuple[Quantifier, str]:
    lowered = text.lower().strip()
    best = None
    for q in quantifiers().values():
        for word in q.words:
            if lowered.startswith(word + " ") and (best is None or len(word) > len(best[1])):
                best = (q, word)
    if best is None:
        return quantifiers()[EXACT], text.strip()
    return best[0], text.strip()[len(best[1]):].strip()


def parse_quoted(value) -> Quoted:
    """A quoted figure from a number or words: 12, '12%', '19-per-cent', 'almost 10 per cent', 'nearly five
    million', 'more than 30,000', 'a quarter', 'two-fifths', 'more than half', 'doubled', 'one in 12'; a
    difference as a signed percentage: '30 per cent higher' (+30), 'a third lower' (-33.3). Raises ValueError."""
    if isinstance(value, bool):
        raise ValueError(f"must be a number or a figure in words, got {value!r}")
    if isinstance(value, int | float):
        return Quoted(float(value), quantifiers()[EXACT], f"{value:g}")
    text = " ".join(str(value).split())
    if not text:
        raise ValueError("must be a number or a figure in words, got an empty text")
    text = re.sub(r"^(?:by|of)\s+", "", text, flags=re.IGNORECASE)  # "fell by 5%", "a rise of a quarter"
    q, rest = _strip_quantifier(text)
    rest_lower = rest.lower().rstrip(".")
    one_in = re.fullmatch(r"(?:one|1)\s+(?:in|for every|in every)\s+(.+?)(?:\s+people|\s+residents)?", rest_lower)
    if one_in:
        n = number_in_words(one_in.group(1))
        if n:
            return Quoted(1000.0 / n, q, text, verbal=False, one_in=n)
    comparative = _COMPARATIVE.fullmatch(rest_lower)
    inner = _percentage(comparative.group("figure")) if comparative else None
    if comparative and inner is not None:  # "30 per cent higher", "a third lower": a difference, as a signed percentage
        sign = -1.0 if comparative.group("rel") in _LOWER else 1.0
        return Quoted(sign * abs(inner.value), q, text, verbal=inner.verbal, percent=True)
    fractions, multipliers = vocabulary()["fractions"], vocabulary()["multipliers"]
    # "two-fifths", "three-quarters", "one-third": a hyphen between the words of a fraction is a space
    phrase = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", re.sub(r"^(by|of)\s+", "", rest_lower))
    if phrase in fractions:
        return Quoted(float(fractions[phrase]), q, text, verbal=True, percent=True)
    if phrase in multipliers:
        return Quoted(float(multipliers[phrase]), q, text, verbal=True, percent=True)
    ratios = vocabulary()["ratios"]
    if phrase in ratios:
        return Quoted(float(ratios[phrase]), q, text, verbal=True)
    times = re.fullmatch(r"(.+?)(?:\s*-?\s*fold|\s+times)(?:\s+(?:as\s+\w+|that\s+of|the))?", phrase)
    if times and (multiple := number_in_words(times.group(1))):  # "3 times", "2.5 times", "six times", "tenfold"
        return Quoted(float(multiple), q, text, verbal=not re.fullmatch(r"[\d.]+", times.group(1).strip()))
    percent = bool(_PERCENT.search(rest))
    number_text = _PERCENT.sub("", rest).strip().rstrip(".")
    sign = -1.0 if number_text.startswith(("-", "\u2212")) else 1.0
    number_text = number_text.lstrip("+-\u2212").strip()
    number = number_in_words(number_text)
    if number is None:
        raise ValueError(f"cannot read {text!r} as a figure (a number, a percentage, a fraction such as 'a quarter', "
                         "or words such as 'nearly five million')")
    # a count in words ("five million") is a rounded figure; a percentage spelled out ("nine per cent") is house
    # style for the same exact figure, so it keeps the ordinary tolerance
    verbal = not re.fullmatch(r"[\d,.]+", number_text.replace(" ", "")) and not (percent and number == int(number)
                                                                                  and number < 100)
    return Quoted(sign * number, q, text, verbal=verbal, percent=percent)
