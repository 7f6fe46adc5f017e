"""The one reader of ledger heads as people write them (KTL#5120:3f9a2c71)."""

import pytest

from wbpctl.domain.errors import Invalid
from wbpctl.domain.heads import Head, parse_head

FULL = "3f9a2c71" + "0" * 56


@pytest.mark.parametrize("text, lapas, seq, digest", [
    ("KTL#5120:3f9a2c71", "KTL", 5120, "3f9a2c71"),
    (" ktl#5120:3F9A2C71 ", "ktl", 5120, "3f9a2c71"),
    ("KTL#5120", "KTL", 5120, None),
    ("#5120", None, 5120, None),
    ("5120:3f9a2c71", None, 5120, "3f9a2c71"),
    ("5120", None, 5120, None),
    ("3f9a2c71", None, None, "3f9a2c71"),
    (FULL, None, None, FULL),
    ("1" * 64, None, None, "1" * 64),        # 64 digits: a hash, not a seq
    (f"KTL#7:{FULL}", "KTL", 7, FULL),
])
def test_every_written_form(text, lapas, seq, digest):
    ref = parse_head(text)
    assert (ref.lapas, ref.seq, ref.hash) == (lapas, seq, digest)


@pytest.mark.parametrize("text", ["", "KTL", "KTL#", "KTL#x", "KTL#5120:3f9a", "3f9a2c7",
                                  "KTL#5120:3f9a2c71zz", "f" * 65, "9" * 30, "abc" * 30, "KTL#-5",
                                  "KTL 5120", "5120:"])
def test_what_is_not_a_head(text):
    with pytest.raises(Invalid) as caught:
        parse_head(text, field="at")
    assert caught.value.field == "at" and caught.value.rule == "head_unparseable"


def test_seq_zero_is_refused():
    with pytest.raises(Invalid) as caught:
        parse_head("KTL#0")
    assert caught.value.rule == "head_seq_zero"


def test_short_form_and_what_differs():
    head = Head("KTL", 5120, FULL, "2026-11-28T06:00:00+00:00")
    assert head.short == "KTL#5120:3f9a2c71"
    assert head.as_dict() == {"seq": 5120, "hash": FULL, "at": head.at, "lapas": "KTL"}
    assert parse_head("ktl#5120:3f9a2c71").differs(head) is None
    assert parse_head("5120").differs(head) is None
    assert parse_head("KTL#5120:3f9a2c72").differs(head) == "hash"
    assert parse_head("JMB#5120:3f9a2c71").differs(head) == "lapas"
