"""Finding people as they are spelt (issue 15, point 8): accents, word order, small
misspellings, register numbers written loosely, a NIK only whole."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wbpctl.domain.search import close_enough, edit_distance, parse_search, search_key

from conftest import add_person


# -- the domain: keys, queries, how close is close enough -----------------------------------

@pytest.mark.parametrize("name, key", [
    ("Andrés", "andres"), ("ANDRÉS  Syah-Putra", "andres syah putra"),
    ("Nur'aini", "nur aini"), ("Çağlar Øster", "caglar øster"), ("  ", ""),
    ("Muhammad Rizki S.", "muhammad rizki s"), ("ﬁrman", "firman"),
    ("Budi_Santoso-2", "budi santoso 2")])
def test_a_name_is_searched_by_its_key(name, key):
    assert search_key(name) == key


@given(st.text(max_size=60))
def test_a_key_is_lower_case_words_without_accents(text):
    key = search_key(text)
    assert key == search_key(key)                      # folding twice changes nothing
    assert "  " not in key and key == key.strip()
    # case folded, which is lower case but for Cherokee: Unicode folds its small letters
    # to the capitals ('ꭰ' -> 'Ꭰ'), so "no capital" fails there (hypothesis found 'Ꭰ')
    assert key == key.casefold()
    assert not any(ch.isupper() for ch in key if not "\u13a0" <= ch <= "\u13fd")


def test_what_a_search_text_asks_for():
    words = parse_search("  Budi  syah-PUTRA ")
    assert words.words == ("budi", "syah", "putra") and words.regno is None
    assert words.exact_query() == '"budi" AND "syah" AND "putra"'
    regno = parse_search("B.I 6/2026")
    assert str(regno.regno) == "B.I-6/2026"
    assert parse_search("1506 4152 0390 0001").nik == "1506415203900001"
    assert parse_search("150641520390").nik is None          # a NIK is found only whole
    short = parse_search("al bu")
    assert short.exact_query() is None and short.short_words() == ("al", "bu")


def test_a_quote_in_a_search_cannot_break_the_fts_query():
    query = parse_search('abc"def').exact_query()
    assert query == '"abc" AND "def"'


@pytest.mark.parametrize("search, name", [
    ("syaputra", "muhammad syahputra"), ("andres", "andres"), ("budi putra", "putra budi"),
    ("santso", "budi santoso"), ("sanotso", "budi santoso"), ("rizky", "muhammad rizki"),
    ("hidayatulah", "ahmad hidayatullah")])
def test_a_small_spelling_difference_is_close_enough(search, name):
    assert close_enough(parse_search(search), name)


@pytest.mark.parametrize("search, name", [
    ("budi", "bayu santoso"), ("andi", "anda"), ("rina", "rini"),  # short: another name
    ("syahputra", "saputri"), ("budi putra", "budi santoso")])
def test_another_name_is_not(search, name):
    assert not close_enough(parse_search(search), name)


@given(st.text("abcde", max_size=8), st.text("abcde", max_size=8))
def test_edit_distance_is_symmetric_and_bounded(a, b):
    d = edit_distance(a, b, 3)
    assert d == edit_distance(b, a, 3) and 0 <= d <= 3 + 1
    assert (d == 0) == (a == b)


# -- through the CLI -------------------------------------------------------------------------

@pytest.fixture
def spelt(cli):
    add_person(cli, name="Muhammad Syahputra", reg_no="B.I-1/2025")
    add_person(cli, name="Andrés Pratama", reg_no="B.I-2/2025")
    add_person(cli, name="Budi Santoso", reg_no="B.I-6/2026", detained="2026-01-10")
    add_person(cli, name="Saputri Wulandari", reg_no="B.I-7/2026", detained="2026-01-10")
    return cli


def found(cli, *search):
    return sorted(row["name"] for row in cli.json("participant", "list", "--search", *search))


@pytest.mark.parametrize("search, names", [
    ("syaputra", ["Muhammad Syahputra"]),
    ("SYAHPUTRA", ["Muhammad Syahputra"]),
    ("andres", ["Andrés Pratama"]),
    ("pratama andrés", ["Andrés Pratama"]),
    ("santoso budi", ["Budi Santoso"]),
    ("B.I 6/2026", ["Budi Santoso"]),
    ("bi-6/2026", ["Budi Santoso"]),
    ("6/2026", ["Budi Santoso"]),
    ("/2026", ["Budi Santoso", "Saputri Wulandari"]),
    ("putri", ["Saputri Wulandari"]),        # part of a word, as written: no fuzzy wanted
    ("wulan", ["Saputri Wulandari"]),
    ("ma", ["Andrés Pratama", "Muhammad Syahputra"]),
    ("zzzz", []),
    ("%", []), ("_", []), ("-- !", []), ('"', []),
])
def test_participant_list_finds_people_as_they_are_spelt(spelt, search, names):
    assert found(spelt, search) == names


def test_a_search_spelt_otherwise_says_so(spelt):
    fuzzy = spelt("participant", "list", "--search", "syaputra", "-f", "csv")
    assert "No name holds 'syaputra' as written" in fuzzy.stderr
    assert "Muhammad Syahputra" in fuzzy.stdout
    exact = spelt("participant", "list", "--search", "syahputra", "-f", "csv")
    assert exact.stderr == "" and "Muhammad Syahputra" in exact.stdout


def test_a_correction_of_a_name_is_searched_at_once(spelt):
    spelt.ok("participant", "edit", "B.I-1/2025", "--name", "Muhammad Syahrul")
    assert found(spelt, "syahrul") == ["Muhammad Syahrul"]
    assert found(spelt, "syahputra") == []
    spelt.ok("verify")


def test_the_search_index_is_checked_by_verify(spelt):
    import sqlite3

    with sqlite3.connect(spelt.db) as conn:
        conn.execute("UPDATE people SET name_key = 'someone else' WHERE name = 'Budi Santoso'")
    result = spelt("verify")
    assert result.exit_code != 0 and "name_key" in result.stdout + result.stderr
