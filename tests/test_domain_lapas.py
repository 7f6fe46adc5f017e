"""``--lapas``: which Lapas a report covers, read by one function (``parse_lapas``), and
what a report does with it (``LapasScope``)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wbpctl.domain.errors import Invalid
from wbpctl.domain.lapas import LapasScope, parse_lapas

LEDGER = ("JMB", "KTL", "MBO")


def test_one_code_any_case():
    assert parse_lapas("KTL", LEDGER) == ("KTL",)
    assert parse_lapas("ktl", LEDGER) == ("KTL",)
    assert parse_lapas("  Ktl ", LEDGER) == ("KTL",)


def test_several_codes_in_the_ledger_order_each_once():
    assert parse_lapas("KTL,JMB", LEDGER) == ("JMB", "KTL")
    assert parse_lapas("ktl, jmb; KTL,", LEDGER) == ("JMB", "KTL")
    assert parse_lapas("mbo;ktl;jmb", LEDGER) == LEDGER


def test_an_unknown_code_names_the_codes_the_ledger_holds():
    with pytest.raises(Invalid) as caught:
        parse_lapas("KTL,XYZ,xyz", LEDGER)
    error = caught.value
    assert (error.key, error.field) == ("lapas_unknown", "lapas")
    assert error.params["unknown"] == "XYZ, xyz"
    assert error.params["known"] == "JMB, KTL, MBO"


def test_spaces_separate_codes_only_where_each_word_is_a_code():
    assert parse_lapas("KTL JMB", LEDGER) == ("JMB", "KTL")
    assert parse_lapas("ktl  jmb, mbo", LEDGER) == LEDGER
    # a code that holds a space is never split on it
    assert parse_lapas("ktl 2", ("KTL", "KTL 2")) == ("KTL 2",)
    with pytest.raises(Invalid) as caught:
        parse_lapas("KTL XYZ", LEDGER)
    assert caught.value.params["unknown"] == "KTL XYZ"


@pytest.mark.parametrize("text", ["", " ", ",", " ; , "])
def test_no_code_at_all_is_refused(text):
    with pytest.raises(Invalid) as caught:
        parse_lapas(text, LEDGER)
    assert caught.value.key == "lapas_none_named"
    assert caught.value.params["known"] == "JMB, KTL, MBO"


def test_a_huge_value_is_refused_before_it_is_split():
    with pytest.raises(Invalid) as caught:
        parse_lapas("KTL," * 10_000, LEDGER)
    assert caught.value.key == "text_too_long"


separators = st.sampled_from([",", ";", ", ", " ,", " ; ", ",,", " ", "\t"])
spaces = st.sampled_from(["", " ", "  ", "\t"])


@given(chosen=st.lists(st.sampled_from(LEDGER), min_size=1, max_size=6),
       seps=st.lists(separators, min_size=6, max_size=6),
       pads=st.lists(spaces, min_size=2, max_size=2),
       cases=st.lists(st.sampled_from([str.upper, str.lower, str.title]), min_size=6,
                      max_size=6))
def test_any_separators_case_and_spaces_name_the_same_codes(chosen, seps, pads, cases):
    text = pads[0] + "".join(case(code) + sep for code, sep, case in
                             zip(chosen, seps, cases)).rstrip(",; ") + pads[1]
    assert parse_lapas(text, LEDGER) == tuple(c for c in LEDGER if c in chosen)


@given(st.text(alphabet="ABCXYZ, ;", max_size=20))
def test_either_codes_of_the_ledger_or_a_refusal(text):
    try:
        found = parse_lapas(text, ("ABC", "XYZ"))
    except Invalid as error:
        assert error.key in ("lapas_unknown", "lapas_none_named")
    else:
        assert found and set(found) <= {"ABC", "XYZ"}


def test_the_usual_ledger_reported_whole():
    scope = LapasScope.choose(None, ["KTL"], "KTL")
    assert scope.codes == ("KTL",) and scope.only is None
    assert scope.usual and not scope.several and not scope.narrowed
    assert not scope.whole_ledger_noted
    # naming its own Lapas changes nothing
    assert LapasScope.choose("ktl", ["KTL"], "KTL") == scope


def test_a_ledger_with_no_stay_holds_the_configs_lapas():
    scope = LapasScope.choose(None, [], "KTL")
    assert scope.usual and scope.ledger == ("KTL",)
    assert LapasScope.choose("KTL", [], "KTL").usual
    with pytest.raises(Invalid):
        LapasScope.choose("JMB", [], "KTL")


def test_a_merged_ledger():
    whole = LapasScope.choose(None, ["JMB", "KTL"], "KTL")
    assert whole.codes == ("JMB", "KTL") and whole.only is None
    assert whole.several and not whole.narrowed and not whole.usual
    assert whole.whole_ledger_noted

    one = LapasScope.choose("ktl", ["JMB", "KTL"], "KTL")
    assert one.codes == ("KTL",) and one.only == ("KTL",)
    assert one.narrowed and not one.several and not one.usual and one.whole_ledger_noted

    both = LapasScope.choose("KTL,JMB", ["JMB", "KTL"], "KTL")
    assert both == whole and both.only is None


def test_a_ledger_of_another_lapas_is_not_the_usual_one():
    """The regional office reading one Lapas's ledger: the report names that Lapas."""
    scope = LapasScope.choose(None, ["JMB"], "KANWIL")
    assert scope.codes == ("JMB",) and scope.only is None
    assert not scope.usual and not scope.several and not scope.whole_ledger_noted
