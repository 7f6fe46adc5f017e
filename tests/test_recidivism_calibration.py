"""Does the recidivism report's 95% interval mean what it says? Ledgers with a known true
effect, made through the same services as every command (issue #14).

Each calendar year of releases is an independent replicate: 150 people per group released
that year, the trained group readmitted with probability p1, the others with p2, all
within the first year. Over many replicates the 95% interval of the risk ratio must cover
the true ratio about 95% of the time, and the verdict must say "lower" only about as often
as chance allows when there is no effect.

Tolerances: with 100 replicates the count covering the truth has a standard deviation of
about 2.2, so 88 or more (95 expected, -3.2 sd) passes; with no effect "lower" is expected
in 2.5% of replicates and at most 4 of 60 (6.7%) passes. The seeds are fixed, so the test
gives the same answer every run; the tolerances say what a failure would mean.
"""

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from wbpctl.config import PACKAGED, load_config
from wbpctl.domain.dates import add_months
from wbpctl.reports.recidivism import recidivism
from wbpctl.services import catalog, enrolments, participants, stays
from wbpctl.services.session import Session

pytestmark = pytest.mark.slow

PER_GROUP = 150
TODAY = date(2026, 11, 28)


def ample_config(folder: Path):
    """The packaged catalogue with room for everyone, so no one waits for a place."""
    data = yaml.safe_load(PACKAGED.read_text())
    for track in data["tracks"]:
        track["capacity"] = 1_000_000
    path = folder / "ample.yaml"
    path.write_text(yaml.safe_dump(data))
    return load_config(str(path))


def ledger(folder: Path, seed: int, years: range, p_trained: float, p_untrained: float
           ) -> Session:
    session = Session(config=ample_config(folder), db_path=folder / f"calib-{seed}.db",
                      actor="calibration", today=TODAY)
    catalog.init_database(session)
    rng = random.Random(seed)
    number = 0
    with session.transaction() as tx:
        for year in years:
            for trained in (True, False):
                for _ in range(PER_GROUP):
                    number += 1
                    released = date(year, rng.randint(1, 12), rng.randint(1, 28))
                    detained = add_months(released, -18)
                    reg_no = f"B.I-{number}/{detained.year}"
                    participants.register(session, name="P", reg_no=reg_no, detained=detained,
                                          sentence="1y6m", tx=tx)
                    if trained:
                        enrolments.assign(session, reg_no, "OLAH-MADU",
                                          on=detained + timedelta(days=10), tx=tx)
                        enrolments.complete(session, reg_no, "OLAH-MADU",
                                            on=detained + timedelta(days=100), tx=tx)
                    stays.release(session, reg_no, on=released, release_type="ekspirasi",
                                  tx=tx)
                    if rng.random() < (p_trained if trained else p_untrained):
                        number += 1
                        back = released + timedelta(days=rng.randint(20, 340))
                        participants.readmit(session, reg_no, reg_no=f"B.I-{number}/{back.year}",
                                             detained=back, sentence="1y6m", tx=tx)
    return session


def by_cohort(session: Session) -> list[dict]:
    report = recidivism(session, windows=(1,))
    return [c for c in report["comparisons"] if c["cohort"] != "all"]


def test_the_interval_covers_a_known_effect_about_95_percent_of_the_time(tmp_path):
    """Trained 20%, not trained 25%: the agreement's promised 20% drop, RR 0.8."""
    covered = total = higher = 0
    for seed in range(5):
        for c in by_cohort(ledger(tmp_path, seed, range(1990, 2010), 0.20, 0.25)):
            total += 1
            covered += c["rr_ci_low"] <= 0.8 <= c["rr_ci_high"]
            higher += c["verdict"] == "higher"
    assert total == 100
    assert covered >= 88, covered
    assert higher <= 2, higher       # the wrong direction, beyond chance


def test_without_an_effect_lower_is_said_no_more_often_than_chance(tmp_path):
    lower = total = 0
    for seed in (10, 11, 12):
        for c in by_cohort(ledger(tmp_path, seed, range(1990, 2010), 0.25, 0.25)):
            total += 1
            lower += c["verdict"] == "lower"
    assert total == 60
    assert lower <= 4, lower


def test_a_large_effect_is_seen(tmp_path):
    """10% against 30%: with 150 per group the interval almost always excludes no change."""
    found = [c["verdict"] for c in by_cohort(ledger(tmp_path, 20, range(1990, 2010), 0.10,
                                                    0.30))]
    assert found.count("lower") >= 18, found
