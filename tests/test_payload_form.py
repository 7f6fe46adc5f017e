"""The stored form of an event's payload: what its hash covers must be one text for one
payload, the same as the canonical JSON of every earlier wbpctl, whichever encoder
writes it; a registration's compact form gives back what the service wrote."""

import json

from hypothesis import given
from hypothesis import strategies as st

from wbpctl.store.chain import canonical_json, payload_json, payload_of
from wbpctl.store.payloads import compact, expand

# what payloads hold: text (any Unicode but lone surrogates, control characters too),
# whole numbers within 64 bits, floats such as hours, booleans, null, lists and objects
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
scalars = (st.none() | st.booleans() | text
           | st.integers(min_value=-(2 ** 63), max_value=2 ** 63 - 1)
           | st.floats(min_value=-1e15, max_value=1e15, allow_nan=False)
           .filter(lambda f: f == 0 or abs(f) >= 1e-4))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(text, inner, max_size=4), max_leaves=12)
payloads = st.dictionaries(text, values, max_size=6)


@given(payloads)
def test_the_stored_form_is_the_canonical_json_of_every_earlier_wbpctl(payload):
    assert payload_json(payload) == canonical_json(payload)
    assert payload_of(payload_json(payload)) == json.loads(canonical_json(payload))


def test_hours_and_words_are_written_as_before():
    payload = {"uid": "x", "hours": 40.0, "name": "Andrés Ñ\u2028", "z": [1, {"b": 2, "a": 1}]}
    assert payload_json(payload) == \
        '{"hours":40.0,"name":"Andrés Ñ\u2028","uid":"x","z":[1,{"a":1,"b":2}]}'


REGISTRATION = {
    "uid": "01a2-person", "stay": "01a2-stay", "lapas": "KTL", "person": "01a2-person",
    "name": "Budi Santoso", "nik": "1506041203900001", "gender": "L",
    "birth_date": "1990-03-12", "register_class": "B.I", "reg_seq": 123, "reg_year": 2025,
    "detained_on": "2025-10-08", "admitted_on": "2025-10-08",
    "sentence": {"years": 2, "months": 6, "days": 0, "life": False, "death": False},
    "fine_substitute": False, "crime": None}


def test_a_registration_is_stored_compact_and_read_back_whole():
    stored = compact("person.admitted", REGISTRATION)
    assert payload_json(stored) == (
        '{"born":"1990-03-12","det":"2025-10-08","name":"Budi Santoso",'
        '"nik":"1506041203900001","reg":["B.I",123,2025],"sent":"2y6m","sex":"L"}')
    whole = expand("person.admitted", payload_of(payload_json(stored)), "01a2-person",
                   "01a2-stay", "KTL")
    wanted = {k: v for k, v in REGISTRATION.items()
              if v is not None and v is not False and k != "person"}
    assert whole == wanted


@given(st.sampled_from(["8m", "1y", "2y6m", "5y15d", "life", "death", None]),
       st.booleans(), st.sampled_from(["2025-10-08", "2025-10-20"]))
def test_every_sentence_and_admission_day_comes_back(sentence_text, fine, admitted):
    from wbpctl.domain.sentence import parse_sentence
    sentence = parse_sentence(sentence_text).as_dict() if sentence_text else None
    payload = {**REGISTRATION, "sentence": sentence, "fine_substitute": fine,
               "admitted_on": admitted}
    whole = expand("person.admitted", compact("person.admitted", payload), "01a2-person",
                   "01a2-stay", "KTL")
    assert whole["sentence"] == sentence and whole["admitted_on"] == admitted
    assert whole.get("fine_substitute", False) == fine


def test_other_kinds_are_stored_as_written():
    payload = {"uid": "u", "on": "2026-01-01", "reason": None}
    assert compact("enrolment.dropped", payload) is payload
    assert expand("enrolment.dropped", payload, "s", "u", "KTL") is payload
