"""Random sequences of assign / complete / drop / release keep the waitlist invariants."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings, strategies as st

from wbpctl.config import load_config
from wbpctl.domain.errors import Rejected
from wbpctl.services import catalog, enrolments, participants, stays
from wbpctl.services.session import Session
from wbpctl.store import ledger, queries

TRACKS = ["OLAH-MADU", "KES-PREVENTIF", "SALUR-KERJA"]
PEOPLE = 5
START = date(2025, 2, 1)

operation = st.tuples(
    st.sampled_from(["assign", "assign", "assign", "complete", "drop", "release"]),
    st.integers(0, PEOPLE - 1),
    st.sampled_from(TRACKS),
    st.integers(0, 3),            # days after the previous step
)


def fresh_session(path) -> Session:
    config = load_config()
    small = tuple(t._replace(capacity=2) for t in config.tracks)
    session = Session(config=config._replace(tracks=small), db_path=path, actor="prop",
                      today=date(2026, 11, 28))
    catalog.init_database(session)
    for n in range(PEOPLE):
        participants.register(session, name=f"P{n}", reg_no=f"B.I-{n + 1}/2025",
                              detained="2025-01-10", sentence="5y")
    return session


def check_invariants(session: Session) -> None:
    conn = session.connect()
    for code in TRACKS:
        capacity = queries.track(conn, code)["capacity"]
        active = queries.count_active(conn, code)
        waiting = queries.count_waiting(conn, code)
        if waiting:
            assert active == capacity, (code, active, waiting)
        assert active <= capacity
        shown = enrolments_positions(session, code)
        assert shown == list(range(1, waiting + 1))
        in_line = conn.execute("SELECT id FROM enrolments WHERE track = ? AND status ="
                               " 'waitlisted' ORDER BY id", (code,)).fetchall()
        assert [queries.waitlist_position(conn, code, row[0]) for row in in_line] == \
            list(range(1, waiting + 1))
    duplicates = conn.execute(
        "SELECT person_id, track, count(*) FROM enrolments WHERE status IN"
        " ('active', 'waitlisted') GROUP BY person_id, track HAVING count(*) > 1").fetchall()
    assert duplicates == []
    total, problem, _ = ledger.verify(str(session.db_path))
    assert problem is None, problem


def enrolments_positions(session: Session, code: str) -> list[int]:
    from wbpctl.services.tracks import show_track
    return [p["waitlist_position"] for p in show_track(session, code)["waitlist"]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(operation, min_size=1, max_size=30))
def test_random_sequences_keep_the_invariants(tmp_path_factory, steps):
    session = fresh_session(tmp_path_factory.mktemp("prop") / "wbp.db")
    day = START
    try:
        for kind, person, track, gap in steps:
            day += timedelta(days=gap)
            who = f"B.I-{person + 1}/2025"
            try:
                if kind == "assign":
                    enrolments.assign(session, who, track, on=day)
                elif kind == "complete":
                    enrolments.complete(session, who, track, on=day)
                elif kind == "drop":
                    enrolments.drop(session, who, track, reason="other", on=day)
                else:
                    stays.release(session, who, on=day, release_type="ekspirasi")
            except Rejected:
                pass   # a refused step must leave everything as it was: checked below
            check_invariants(session)
    finally:
        session.close()
