"""Pure rules of the training lifecycle."""

import pytest

from wbpctl.domain.enrolment import parse_hours, places_free
from wbpctl.domain.errors import Invalid


@pytest.mark.parametrize("text, hours", [("40", 40.0), ("12,5", 12.5), ("12.5", 12.5),
                                         (" 8 ", 8.0), ("", None), (None, None)])
def test_hours_as_offices_write_them(text, hours):
    assert parse_hours(text) == hours


@pytest.mark.parametrize("text", ["-1", "ten", "1e9", "12,5,0"])
def test_bad_hours(text):
    with pytest.raises(Invalid):
        parse_hours(text)


def test_a_lowered_capacity_frees_no_place_and_removes_no_one():
    assert places_free(capacity=2, active=5) == 0
    assert places_free(capacity=5, active=2) == 3
