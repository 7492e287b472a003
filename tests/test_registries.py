"""Force registry, offence taxonomy, series breaks and periods."""

from __future__ import annotations

import pandas as pd
import pytest

from peelstats.errors import UnknownForceError, UnknownOffenceError
from peelstats.reference import breaks, forces, periods
from peelstats.reference import offences as off


@pytest.mark.parametrize("text", ["West Mercia", "west mercia", "WEST-MERCIA", "west-mercia", "E23000016",
                                  "West Mercia Police", "e23000016"])
def test_force_lookup_variants(text):
    assert forces.lookup(text).name == "West Mercia"


@pytest.mark.parametrize("text, name", [
    ("London, City of", "City of London"), ("City of London Police", "City of London"),
    ("Avon & Somerset", "Avon and Somerset"), ("Devon & Cornwall Police", "Devon and Cornwall"),
    ("metropolitan", "Metropolitan Police"), ("Metropolitan Police Service", "Metropolitan Police"),
    ("Financial Fraud Action UK", "UK Finance"), ("btp", "British Transport Police"),
    ("Greater Manchester8,9", "Greater Manchester"), ("British Transport Police(2006)", "British Transport Police"),
])
def test_publisher_name_variants(text, name):
    assert forces.lookup(text).name == name


def test_unknown_force_suggests():
    with pytest.raises(UnknownForceError) as caught:
        forces.lookup("West Mercian")
    assert "West Mercia" in caught.value.suggestions
    assert "Did you mean" in str(caught.value) and "peelstats forces" in str(caught.value)
    with pytest.raises(UnknownForceError):
        forces.lookup("E23000099")  # a code never matches loosely


def test_registry_counts_and_non_territorial():
    table = forces.forces_table()
    assert table.territorial.sum() == 43
    assert set(table[~table.territorial].name) == {"British Transport Police", "Action Fraud", "CIFAS",
                                                   "UK Finance"}
    assert table.code.is_unique and table[table.territorial].slug.is_unique
    assert [p.name for p in forces.alliance_partners("E23000016")] == ["Warwickshire"]
    assert forces.alliance_partners("E23000016", on=pd.Timestamp("2021-01-01").date()) == []


@pytest.mark.parametrize("alias, name", [
    ("total", off.TOTAL), ("Total recorded crime (excluding fraud4)", off.TOTAL), ("burglary", off.BURGLARY),
    ("vehicle crime", off.VEHICLE), ("Residental burglary5", off.RESIDENTIAL_BURGLARY),
    ("Stalking\nand harassment", off.STALKING), ("Miscellaneous crimes", off.MISCELLANEOUS),
    ("Death or serious injury caused by illegal driving", off.DEATH_BY_DRIVING),
])
def test_offence_aliases(alias, name):
    assert off.canonical(alias) == name


def test_unknown_offence_lists_valid():
    with pytest.raises(UnknownOffenceError, match="Valid offences: Total recorded crime"):
        off.canonical("littering")


def test_total_burglary_is_all_four_series():
    assert set(off.leaves_of("burglary")) == {off.DOMESTIC_BURGLARY, off.NON_DOMESTIC_BURGLARY,
                                               off.RESIDENTIAL_BURGLARY, off.NON_RESIDENTIAL_BURGLARY}
    total = off.leaves_of(off.TOTAL)
    assert off.FRAUD not in total and len(total) == len(set(total)) == len(off.LEAVES) - 1


def test_breaks_between():
    found = breaks.breaks_between("residential burglary", "2017-03-31", "2018-03-31")
    assert [b.id for b in found] == ["burglary-residential-2017"]
    assert found[0].comparable_offence == off.BURGLARY
    assert breaks.breaks_between("burglary", "2017-03-31", "2018-03-31") == []
    # both years after April 2017: comparable again
    assert breaks.breaks_between("residential burglary", "2018-03-31", "2019-03-31") == []
    # YE Dec 2017 mixes old and new series, so YE Dec 2017 vs YE Dec 2018 still crosses
    assert breaks.breaks_between("residential burglary", "2017-12-31", "2018-12-31")
    # a force that supplied no data is a gap (peelstats.reference.gaps), not a break
    assert breaks.breaks_between("robbery", "2018-12-31", "2019-12-31") == []
    assert [b.id for b in breaks.breaks_between("fraud", "2012-03-31", "2014-03-31")] == ["fraud-national-recording"]
    assert [b.id for b in breaks.breaks_between("total including fraud", "2013-03-31", "2014-03-31")] == [
        "fraud-in-totals"]
    assert len(breaks.breaks_table()) == len(breaks.BREAKS)


@pytest.mark.parametrize("text, iso", [
    ("2018-03-31", "2018-03-31"), ("March 2018", "2018-03-31"), ("YE Mar 2018", "2018-03-31"),
    ("2018-03", "2018-03-31"), ("year ending December 2017", "2017-12-31"),
])
def test_period_parsing(text, iso):
    assert periods.to_timestamp(text) == pd.Timestamp(iso)


def test_quarters_and_snapping():
    assert periods.snap_to_quarter_end(pd.Timestamp("2017-12-30")) == pd.Timestamp("2017-12-31")
    assert periods.snap_to_quarter_end(pd.Timestamp("2018-03-31")) == pd.Timestamp("2018-03-31")
    assert periods.financial_quarter_bounds("2017/18", 4) == (pd.Timestamp("2018-01-01"), pd.Timestamp("2018-03-31"))
    assert periods.year_earlier("2018-03-31") == pd.Timestamp("2017-03-31")


def test_data_gaps_registry():
    from peelstats.reference import gaps

    [gmp] = gaps.registry()
    assert gmp.force == "Greater Manchester" and "YE Dec 2019" in gmp.source
    assert [g.force_code for g in gaps.gaps_in("2019-09-30")] == ["E23000005"]
    assert gaps.gaps_in("2019-06-30") == []
    assert gaps.gaps_in("2020-09-30")  # October 2019 to September 2020 still holds October-December 2019
    assert gaps.gaps_between("2019-12-31", "2020-12-31", code="E23000005")  # the baseline year has the gap
    assert gaps.gaps_in("2019-09-30", code="E23000016") == []


def test_curated_grades_cover_every_force_in_2016_with_sources():
    from peelstats.reference import grades

    table = grades.grades_table()
    effectiveness = table[(table.pillar == "Effectiveness") & (table.question == "overall")]
    overall_2016 = effectiveness[effectiveness.peel_year == "2016"]
    assert overall_2016.force.nunique() == 43
    # Full Fact's tally of the 2016 effectiveness grades: 1 outstanding, 28 good, 13 requires improvement, 1 inadequate
    assert overall_2016.grade.value_counts().to_dict() == {"Good": 28, "Requires improvement": 13, "Outstanding": 1,
                                                           "Inadequate": 1}
    assert table.source_url.str.startswith("http").all()
    assert grades.grade("Durham", "2017")["grade"] == "Outstanding"


def test_a_list_of_nearly_all_forces_is_named_by_what_it_leaves_out():
    from peelstats.reference import forces, geography

    every = list(forces.TERRITORIAL_FORCES)
    outside_london = [f for f in every if f.region != "London"]
    assert geography.combined(outside_london).name == "England and Wales outside London"
    assert len(geography.combined(outside_london).members) == 41
    but_kent = [f for f in every if f.name != "Kent" and f.country == "England"]
    assert geography.combined(but_kent).name == "England except Kent"
    three = [forces.lookup(n) for n in ("Northumbria", "Durham", "Cleveland")]
    assert geography.combined(three).name == "Northumbria, Durham and Cleveland"
    half = every[:20]  # far from whole: named force by force
    assert geography.combined(half).name.count(",") == 18


def test_an_unknown_force_suggests_the_forces_of_that_place():
    from peelstats.errors import UnknownForceError
    from peelstats.reference import forces

    with pytest.raises(UnknownForceError, match="City of London, Metropolitan Police"):
        forces.lookup("London")
    with pytest.raises(UnknownForceError, match="North Yorkshire, South Yorkshire, West Yorkshire"):
        forces.lookup("Yorkshire")
    with pytest.raises(UnknownForceError, match="No force given"):
        forces.lookup("  ")
