"""HMICFRS PEEL grades: a curated table in the package, every grade with its source.

HMICFRS publishes no machine-readable grades. ``peelstats/data/peel_grades.csv`` holds the grades transcribed
from HMICFRS pages (and, where the page itself was not available, from press reports quoting them), one row per
force x PEEL year x pillar x question, with the source URL and the words that carry the grade.
``carried_over_from`` marks a question HMICFRS did not re-inspect that year (the earlier judgment stands).
``peel_grade_counts.csv`` holds how many forces got each grade nationally, where a source gives the number.

Coverage is what was read, nothing inferred: the 2016 overall effectiveness grade of all 43 forces; 2017 overall
effectiveness for nine forces; some effectiveness question grades (West Mercia, Warwickshire, Avon and Somerset,
Bedfordshire, Derbyshire); West Mercia and Warwickshire pillar grades 2015 to 2018/19; and national counts.
A grade not in the table makes a claim "not testable with these data", and says which years are held.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pandas as pd

from peelstats.reference import forces

GRADES = ("Outstanding", "Good", "Requires improvement", "Inadequate")
PILLARS = ("Effectiveness", "Efficiency", "Legitimacy")  # PEEL's three pillars, 2014 to 2018/19
OVERALL = "overall"
QUESTIONS = (
    "preventing crime and tackling anti-social behaviour",
    "investigating crime and reducing re-offending",
    "protecting vulnerable people and supporting victims",
    "tackling serious and organised crime",
)


@cache
def _read(name: str) -> pd.DataFrame:
    with resources.files("peelstats.data").joinpath(name).open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


def grades_table() -> pd.DataFrame:
    """Every curated grade (copy)."""
    return _read("peel_grades.csv").copy()


def grade_counts() -> pd.DataFrame:
    return _read("peel_grade_counts.csv").copy()


def normalise_grade(text: str) -> str:
    """'requires improvement' / 'Requires Improvement' / 'RI' -> 'Requires improvement'."""
    key = " ".join(str(text).replace("'", "").replace("\u2018", "").replace("\u2019", "").split()).lower()
    aliases = {"ri": "Requires improvement", "requiring improvement": "Requires improvement"}
    for grade in GRADES:
        if key == grade.lower():
            return grade
    if key in aliases:
        return aliases[key]
    raise ValueError(f"{text!r} is not a PEEL grade; grades are {', '.join(GRADES)}")


def grade(force: str, peel_year: str, question: str = OVERALL, pillar: str = "Effectiveness") -> dict | None:
    """One grade with its source, or None when the curated table has no such grade."""
    name = forces.lookup(force).name
    table = _read("peel_grades.csv")
    rows = table[(table.force == name) & (table.peel_year == str(peel_year))
                 & (table.pillar.str.lower() == pillar.lower()) & (table.question == question)]
    return rows.iloc[0].to_dict() if len(rows) else None


def history(force: str) -> pd.DataFrame:
    """All curated grades for one force, oldest first."""
    name = forces.lookup(force).name
    table = _read("peel_grades.csv")
    return table[table.force == name].reset_index(drop=True)


def side_by_side(force_a: str, force_b: str, peel_year: str) -> pd.DataFrame:
    """Two forces' grades for the same PEEL year, one row per pillar/question."""
    a, b = forces.lookup(force_a).name, forces.lookup(force_b).name
    table = _read("peel_grades.csv")
    year = table[table.peel_year == str(peel_year)]
    keys = year[["pillar", "question"]].drop_duplicates()
    out = []
    for pillar, question in keys.itertuples(index=False):
        row = {"pillar": pillar, "question": question}
        for name in (a, b):
            hit = year[(year.force == name) & (year.pillar == pillar) & (year.question == question)]
            row[name] = hit.grade.iloc[0] if len(hit) else None
            row[f"{name} source"] = hit.source_url.iloc[0] if len(hit) else None
        row["same"] = None if row[a] is None or row[b] is None else row[a] == row[b]
        out.append(row)
    return pd.DataFrame(out)
