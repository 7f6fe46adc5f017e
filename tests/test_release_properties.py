"""For random sentences, remissions and release dates, a release accepted without
--override always agrees with the dates ``participant show`` prints, and one refused
always had a reason in those dates (issue #12)."""

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, event, given, settings, strategies as st

from wbpctl.domain.errors import WbpError
from wbpctl.domain.sentence import Sentence, class_for_sentence
from wbpctl.services import participants, stays

TODAY = date(2026, 11, 28)
DATED = {"ekspirasi": "expiry", "remisi-bebas": "expiry", "pb": "pb_eligible",
         "cb": "cb_eligible", "cmb": "cmb"}
numbers = itertools.count(1)

sentences = st.builds(Sentence, st.integers(0, 6), st.integers(0, 11), st.integers(0, 29),
                      life=st.just(False), death=st.just(False)) \
    .filter(lambda s: s.length_days30 >= 30)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=sentences,
       detained_days_ago=st.integers(40, 3000),
       grants=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["RU", "RK"]),
                                 st.integers(1, 240)), max_size=4),
       release_type=st.sampled_from(sorted(DATED)),
       release_at=st.floats(0, 1),
       aim=st.sampled_from(["anywhere", "on the date", "the day before"]))
def test_an_accepted_release_agrees_with_the_dates_shown(session, sentence, detained_days_ago,
                                                         grants, release_type, release_at,
                                                         aim):
    """Grants and the release fall between detention and today (``*_at``: the share of
    that time gone by); the release is often aimed at the date shown, or the day before."""
    detained = TODAY - timedelta(days=detained_days_ago)
    reg_no = f"{class_for_sentence(sentence)}-{next(numbers)}/2020"
    participants.register(session, name="P", reg_no=reg_no, detained=detained,
                          sentence=sentence.text())
    for at, kind, days in sorted(grants):
        on = detained + timedelta(days=round(at * detained_days_ago))
        try:
            stays.remission(session, reg_no, on=on, kind=kind, days=days)
        except WbpError:
            pass      # outside the stay, after expiry, a second one that year: refused alike
    shown = participants.show(session, reg_no)
    dates, remissions = shown["stays"][0], shown["remissions"]
    on = detained + timedelta(days=round(release_at * detained_days_ago))
    allowed_from = dates[DATED[release_type]]
    if allowed_from and aim != "anywhere":
        aimed = date.fromisoformat(allowed_from) - timedelta(days=aim == "the day before")
        on = aimed if detained <= aimed <= TODAY else on
    expected = allowed_from is not None and on.isoformat() >= allowed_from and \
        (release_type != "remisi-bebas" or bool(remissions))
    try:
        stays.release(session, reg_no, on=on, release_type=release_type)
        accepted = True
    except WbpError:
        accepted = False
    event(f"{release_type} {'accepted' if accepted else 'refused'}")
    assert accepted == expected, (release_type, on, allowed_from, remissions)
