"""A big participants file is read and checked by a second process while this one writes
(``services.import_rows``): what the import says, writes and refuses is what one process
says, writes and refuses, row for row."""

import pickle

import pytest

from conftest import dump

import wbpctl.services.import_rows as import_rows
from wbpctl.cores import may_fork
from wbpctl.domain.errors import Invalid, Notice, Rejected

pytestmark = pytest.mark.skipif(not may_fork(), reason="needs fork and two cores")

HEADER = "reg_no,name,nik,gender,birth_date,detained_on,admitted_on,sentence,crime\n"


def mixed_rows() -> str:
    """Good rows with bad ones among them, more than one chunk of each."""
    rows = []
    for i in range(1, 41):
        nik = f"15060412039{i:05d}" if i % 3 else ""
        rows.append(f"B.I-{i}/2025,Peserta {i},{nik},L,1990-03-12,2025-01-10,,3y,pencurian")
    rows[4] = "B.I-5/2025,Peserta 5,1506041203999999,P,1990-03-12,2025-01-10,,3y,x"  # NIK says L
    rows[9] = "B.I-10/2025,,,L,1990-03-12,2025-01-10,,3y,x"                     # no name
    rows[14] = "B.I-15/2025,Peserta 15,,L,1990-03-12,2031-01-10,,3y,x"            # future
    rows[19] = "B.I-3/2025,Peserta 3 again,,L,1990-03-12,2025-01-10,,3y,x"        # taken
    rows[24] = "B.I-25/2025,Peserta 25,,L,1990-03-12,2025-01-10,,3y,x,stray"       # stray
    rows[29] = "B.I-30/2025,Peserta 30,,L,1990-03-12,2025-01-10,,99 tahun,x"      # sentence
    rows[34] = HEADER.strip()                                                      # cat-joined
    rows[35] = "B.IIa-36/2025,Peserta 36,,L,1990-03-12,2025-01-10,,1y,x"           # class
    return HEADER + "\n".join(rows) + "\n"


@pytest.fixture
def two_processes(monkeypatch):
    """Every file goes through the reading process, in chunks of 7 rows (so chunks end
    in the middle of everything)."""
    monkeypatch.setattr(import_rows, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(import_rows, "CHUNK", 7)


def both(cli, monkeypatch, tmp_path, text: str, *args: str):
    """The same import in one process and in two, each on a fresh copy of the ledger;
    (result, errors file text) of each."""
    source = tmp_path / "in.csv"
    source.write_text(text, encoding="utf-8")
    start = cli.db.read_bytes()
    outcomes = []
    for processes in ("1", "2"):
        cli.db.write_bytes(start)
        monkeypatch.setenv("WBPCTL_PROCESSES", processes)
        errors = tmp_path / f"errors-{processes}.csv"
        result = cli("import", "participants", str(source), "--errors", str(errors), *args)
        outcomes.append((result, errors.read_text(encoding="utf-8") if errors.exists()
                         else None, dump(cli.db)))
    return outcomes


def test_every_error_is_said_and_kept_as_one_process_does(cli, monkeypatch, tmp_path,
                                                          two_processes):
    (one, one_errors, _), (two, two_errors, _) = both(cli, monkeypatch, tmp_path,
                                                       mixed_rows())
    assert one.exit_code == two.exit_code == 1
    assert two.stderr == one.stderr and "6 rejected" in two.stderr
    assert two_errors == one_errors and two_errors.count("\n") == 7


def test_a_good_file_writes_the_same_people(cli, monkeypatch, tmp_path, two_processes):
    text = HEADER + "".join(
        f"B.I-{i}/2025,Peserta {i},{f'15060412039{i:05d}' if i % 2 else ''},L,1990-03-12,"
        f"10/01/2025,,{['3y', '18 bulan', '2 tahun 6 bulan'][i % 3]},pencurian\n"
        for i in range(1, 60))
    (one, _, one_rows), (two, _, two_rows) = both(cli, monkeypatch, tmp_path, text)
    assert one.exit_code == two.exit_code == 0 and two.stderr == one.stderr
    assert "59 new" in two.stderr
    # the same people and stays, their ids and times aside
    people = {t: r for t, r in two_rows}["people"]
    assert [p[2:] for p in people] == [p[2:] for p in {t: r for t, r in one_rows}["people"]]
    assert len(cli.json("participant", "list")) == 59
    cli.ok("verify")


def test_a_readmission_later_in_the_file_waits_for_the_rows_before_it(
        cli, monkeypatch, tmp_path, two_processes):
    cli.ok("import", "participants", str(_file(tmp_path, HEADER + (
        "B.I-1/2024,Budi Santoso,1506041203900001,L,1990-03-12,2024-01-10,,18 bulan,x\n"))))
    uid = cli.json("participant", "show", "B.I-1/2024")["uid"]
    cli.ok("release", "B.I-1/2024", "--on", "2025-07-10", "--type", "ekspirasi")
    text = ("reg_no,name,person_uid,detained_on,sentence\n"
            + "".join(f"B.I-{i}/2025,Peserta {i},,2025-01-10,3y\n" for i in range(1, 20))
            + f"B.I-20/2025,Budi Santoso,{uid},2025-08-01,2y\n")
    (one, _, _), (two, _, _) = both(cli, monkeypatch, tmp_path, text)
    assert one.exit_code == two.exit_code == 0 and two.stderr == one.stderr
    assert len(cli.json("participant", "show", uid)["stays"]) == 2


@pytest.mark.parametrize("tail, words", [
    ('B.I-99/2025,"Unclosed,,L,1990-03-12,2025-01-10,,3y,x\n', "line"),
    ("X-3f9a2c71d0e4,Peserta,,L,1990-03-12,2025-01-10,,3y,x\n", "anonymi"),
])
def test_a_file_refused_near_its_end_is_refused_the_same_way(cli, monkeypatch, tmp_path,
                                                             two_processes, tail, words):
    text = HEADER + "".join(f"B.I-{i}/2025,Peserta {i},,L,1990-03-12,2025-01-10,,3y,x\n"
                            for i in range(1, 30)) + tail
    before = dump(cli.db)
    (one, _, one_rows), (two, _, two_rows) = both(cli, monkeypatch, tmp_path, text)
    assert one.exit_code == two.exit_code == 1
    assert two.stderr == one.stderr and words in two.stderr.lower()
    assert one_rows == two_rows == before


def test_a_plan_and_an_error_cross_whole():
    from wbpctl.services.participants import Registration

    plan = Registration("B.I-5/2025", "1506041203900001", "Budi", "1506041203900001",
                        ("B.I", 5, 2025), [Notice("sentence_long", years=21)], None,
                        '{"name":"Budi"}')
    assert pickle.loads(pickle.dumps(plan)) == plan
    error = pickle.loads(pickle.dumps(Invalid("nik", "15", "nik_length", digits=2)))
    assert (type(error), error.field, error.value, error.rule, error.params["digits"]) == \
        (Invalid, "nik", "15", "nik_length", 2)
    refused = pickle.loads(pickle.dumps(Rejected("import_anonymized", file="x.csv")))
    assert refused.key == "import_anonymized" and refused.params == {"file": "x.csv"}


def _file(tmp_path, text: str):
    path = tmp_path / "first.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_wbpctl_processes_1_keeps_one_process(monkeypatch, tmp_path):
    """The knob README names, for a shared server: no reading process for an import, no
    second process for verify."""
    from wbpctl.services.csv_source import open_source
    from wbpctl.store import ledger

    big = tmp_path / "big.csv"
    big.write_text(HEADER + "B.I-1/2025,A,,L,1990-03-12,2025-01-10,,3y,x\n" * 30000)
    source = open_source(str(big))
    monkeypatch.setenv("WBPCTL_PROCESSES", "1")
    assert not import_rows.Rows(source, None, parallel=True).parallel
    assert not ledger._parallel()
    monkeypatch.delenv("WBPCTL_PROCESSES")
    assert import_rows.Rows(source, None, parallel=True).parallel
    source.close()
