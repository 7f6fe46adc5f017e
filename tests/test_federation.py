"""Ledgers of several Lapas in one: bundles and merges keep each Lapas's chain as it is,
refuse what does not continue it, and let the regional office see a person across Lapas."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from conftest import Cli, add_person, dump

NIK = "1506041203900001"       # born 12-03-1990, a man


class Lapas(Cli):
    def __init__(self, tmp_path: Path, code: str) -> None:
        folder = tmp_path / code.lower()
        folder.mkdir(parents=True, exist_ok=True)
        self.config = folder / "config.yaml"
        self.config.write_text(f"lapas:\n  code: {code}\n  name: Lapas {code}\n",
                               encoding="utf-8")
        self.code = code
        super().__init__(folder / "wbp.db")

    def __call__(self, *args: str, input: str | None = None):
        return super().__call__("--config", str(self.config), *args, input=input)

    def bundle(self, name: str, *since: str) -> Path:
        path = self.db.parent / name
        self.ok("bundle", "-o", str(path), *(("--since", since[0]) if since else ()))
        return path


def ready(tmp_path: Path, code: str) -> Lapas:
    ledger = Lapas(tmp_path, code)
    ledger.ok("init")
    return ledger


@pytest.fixture
def ktl(tmp_path) -> Lapas:
    return ready(tmp_path, "KTL")


@pytest.fixture
def jmb(tmp_path) -> Lapas:
    return ready(tmp_path, "JMB")


@pytest.fixture
def kanwil(tmp_path) -> Lapas:
    """The regional office's ledger (Kanwil Ditjenpas Jambi)."""
    return ready(tmp_path, "KWJ")


def released_in_ktl(ktl: Lapas) -> None:
    """Budi: two years in Kuala Tungkal, released at expiry in January 2025."""
    add_person(ktl, "B.I-1/2023", detained="2023-01-10", sentence="2y", nik=NIK)
    ktl.ok("release", "B.I-1/2023", "--type", "ekspirasi", "--on", "2025-01-10")


def readmitted_in_jmb(jmb: Lapas) -> None:
    """Budi again, in Jambi, five months later (a new offence)."""
    add_person(jmb, "B.I-7/2025", detained="2025-06-01", sentence="3y", nik=NIK)


def readmitted(ledger: Lapas) -> int:
    report = ledger.json("report", "recidivism", "--windows", "1")
    return sum(row["readmitted"] for row in report["rows"]
               if row["window_years"] == 1 and row["cohort"] == 2025)


def test_a_bundle_is_compressed_and_names_where_it_starts_and_ends(ktl):
    add_person(ktl)
    path = ktl.bundle("ktl.wbpb")
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    header = json.loads(lines[0])
    assert header["lapas"] == "KTL" and header["after"]["seq"] == 0
    assert header["head"]["seq"] == 2 and header["events"] == 2 == len(lines) - 1
    assert ktl.json("head")["hash"] == header["head"]["hash"]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_merging_two_ledgers_keeps_each_chain_and_verifies_each(ktl, jmb, kanwil):
    add_person(ktl)
    add_person(jmb, "B.I-3/2025", name="Siti Aminah")
    before = {k: ktl.json("head") for k in ("ktl",)}
    done = kanwil.ok("merge", str(ktl.bundle("ktl.wbpb")), str(jmb.db))
    assert "KTL#2:" in done.stdout and "JMB#2:" in done.stdout
    assert ktl.json("head") == before["ktl"]                   # the source is untouched
    assert kanwil.json("head")["seq"] == 3                     # init + a merge event each
    names = {p["name"] for p in kanwil.json("participant", "list")}
    assert names == {"Budi Santoso", "Siti Aminah"}
    assert kanwil.ok("verify").exit_code == 0
    tracks = {t["code"] for t in kanwil.json("track", "list")}
    assert {"OLAH-MADU", "KTL:OLAH-MADU", "JMB:OLAH-MADU"} <= tracks    # kept apart


def test_merging_again_writes_nothing_and_says_so(ktl, kanwil):
    add_person(ktl)
    bundle = ktl.bundle("ktl.wbpb")
    kanwil.ok("merge", str(bundle))
    before = dump(kanwil.db)
    again = kanwil.ok("merge", str(bundle))
    assert "Nothing new" in again.stderr and "KTL#2" in again.stderr
    assert dump(kanwil.db) == before


def test_init_after_a_merge_writes_nothing(ktl, kanwil):
    """Another Lapas's catalogue (its codes scoped ``KTL:``) is not this ledger's: the
    config still matches what init synced, so init records no new catalogue."""
    kanwil.ok("merge", str(ktl.db))
    before = dump(kanwil.db)
    assert "up to date" in kanwil.ok("init").stderr
    assert dump(kanwil.db) == before


def test_bundles_in_any_order_but_never_with_a_gap(ktl, kanwil):
    add_person(ktl)
    first = ktl.bundle("one.wbpb")
    add_person(ktl, "B.I-2/2025", name="Agus")
    second = ktl.bundle("two.wbpb", "2")
    before = dump(kanwil.db)
    gap = kanwil("merge", str(second))
    assert gap.exit_code == 1 and "#1-#2 of KTL are missing" in gap.stderr
    assert dump(kanwil.db) == before
    kanwil.ok("merge", str(second), str(first))                # both: taken in order
    assert len(kanwil.json("participant", "list")) == 2
    kanwil.ok("verify")


def test_a_fork_is_refused_with_nothing_written(tmp_path, ktl, kanwil):
    add_person(ktl)
    kanwil.ok("merge", str(ktl.bundle("ktl.wbpb")))
    # the Lapas restores an old copy and writes other events after event 1
    other = ready(tmp_path / "restored", "KTL")
    add_person(other, "B.I-9/2025", name="Lain")
    before = dump(kanwil.db)
    result = kanwil("merge", str(other.db))
    assert result.exit_code == 1 and "ledger KTL was rewritten after event" in result.stderr
    assert dump(kanwil.db) == before


def test_a_tampered_bundle_is_refused(ktl, kanwil):
    add_person(ktl)
    path = ktl.bundle("ktl.wbpb")
    text = gzip.decompress(path.read_bytes()).decode("utf-8").replace("Santoso", "Santosa")
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    before = dump(kanwil.db)
    result = kanwil("merge", str(path))
    assert result.exit_code == 1 and "was altered: event #2" in result.stderr
    assert dump(kanwil.db) == before
    path.write_bytes(b"\x1f\x8bnot really")
    assert "not a wbpctl bundle" in kanwil("merge", str(path)).stderr


def test_verify_proves_every_origin_chain(ktl, jmb, kanwil):
    add_person(ktl)
    add_person(jmb, "B.I-3/2025", name="Siti Aminah")
    kanwil.ok("merge", str(ktl.db), str(jmb.db))
    conn = sqlite3.connect(kanwil.db)
    conn.execute("UPDATE events SET payload = replace(payload, 'Siti', 'Sita')"
                 " WHERE payload LIKE '%Siti%'")
    conn.commit()
    conn.close()
    result = kanwil("verify")
    assert result.exit_code == 1 and "#2" in result.stderr and "JMB" in result.stderr


def test_a_readmission_in_another_lapas_counts_once_merged(ktl, jmb):
    released_in_ktl(ktl)
    readmitted_in_jmb(jmb)
    assert readmitted(ktl) == 0                # Kuala Tungkal alone cannot see Jambi
    done = ktl.ok("merge", str(jmb.bundle("jmb.wbpb")))
    assert "linked to the same person in another Lapas by NIK" in done.stderr
    assert readmitted(ktl) == 1
    scope = ktl.json("report", "recidivism")["scope"]
    assert "JMB" in json.dumps(scope)
    history = ktl.json("log", "B.I-1/2023")
    assert [e["kind"] for e in history][-2:] == ["person.admitted", "person.linked"]
    assert history[-2]["merged"] is True and history[-2]["lapas"] == "JMB"
    ktl.ok("verify")


def test_people_without_a_nik_are_offered_and_linked_only_by_hand(ktl, jmb):
    add_person(ktl, "B.I-1/2023", detained="2023-01-10", sentence="2y", name="Budi Santoso",
               birth_date="1990-03-12")
    ktl.ok("release", "B.I-1/2023", "--type", "ekspirasi", "--on", "2025-01-10")
    add_person(jmb, "B.I-7/2025", detained="2025-06-01", sentence="3y", name="santoso BÚDI",
               birth_date="1990-03-12")
    ktl.ok("merge", str(jmb.db))
    assert readmitted(ktl) == 0                         # not linked: not the same person yet
    [match] = ktl.json("person", "matches")
    assert (match["a"], match["b"]) == ("KTL:B.I-1/2023", "JMB:B.I-7/2025")
    text = ktl.ok("--lang", "id", "person", "matches").stdout      # 80 columns here
    assert "KTL:B.I-1/2023" in text and "JMB:B.I-7/2025" in text and "santoso" in text
    refused = ktl("person", "link", match["a"], match["b"])
    assert refused.exit_code == 1 and "--reason" in refused.stderr
    ktl.ok("person", "link", "B.I-1/2023", "JMB:B.I-7/2025", "--reason", "foto cocok")
    assert ktl.json("person", "matches") == [] and readmitted(ktl) == 1
    link = ktl.json("log", "JMB:B.I-7/2025")[-1]
    assert link["kind"] == "person.linked" and link["payload"]["reason"] == "foto cocok"
    assert ktl("person", "link", "B.I-1/2023", "JMB:B.I-7/2025", "--reason", "x"
               ).exit_code == 1                                 # already one person
    ktl.ok("verify")


def test_ten_lapas_merge_into_the_regional_ledger(tmp_path, kanwil):
    bundles = []
    for i in range(10):
        one = ready(tmp_path, f"L{i}")
        add_person(one, f"B.I-{i + 1}/2025", name=f"Orang {i}")
        bundles.append(str(one.bundle(f"l{i}.wbpb")))
    kanwil.ok("merge", *reversed(bundles))
    assert len(kanwil.json("participant", "list")) == 10
    assert kanwil.json("head")["seq"] == 11
    kanwil.ok("verify")
    assert "Nothing new" in kanwil.ok("merge", *bundles).stderr


def test_a_merged_ledger_reports_at_a_past_head_as_it_was(ktl, jmb):
    add_person(ktl)
    at = ktl.json("head")["head"]
    monthly = ["report", "monthly", "--month", "2026-10", "--generated-at",
               "2026-11-28T06:00:00+00:00", "-f", "json"]
    before = ktl.ok(*monthly).stdout
    add_person(jmb, "B.I-3/2025", name="Siti Aminah")
    ktl.ok("merge", str(jmb.db))
    assert ktl.ok(*monthly, "--at", at).stdout == before


def test_another_lapas_record_is_read_here_and_written_in_its_own_ledger(ktl, jmb):
    readmitted_in_jmb(jmb)
    ktl.ok("merge", str(jmb.db))
    assert ktl.json("participant", "show", "JMB:B.I-7/2025")["name"] == "Budi Santoso"
    before = dump(ktl.db)
    refused = ktl("assign", "JMB:B.I-7/2025", "OLAH-MADU")
    assert refused.exit_code == 1 and "a record of JMB" in refused.stderr
    assert dump(ktl.db) == before
    # the same man registered here after: his NIK is JMB's, which does not stop it
    add_person(ktl, "B.I-9/2026", detained="2026-09-01", sentence="2y", nik=NIK)
    assert ktl.json("participant", "show", NIK)["reg_no"] == "B.I-9/2026"   # ours first
    ktl.ok("verify")


# -- what a review found: nothing outside a checked chain, nothing taken on trust -----------

def rewrite_bundle(path: Path, change) -> None:
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    header = json.loads(lines[0])
    change(header)
    path.write_bytes(gzip.compress(("\n".join([json.dumps(header), *lines[1:]]) + "\n")
                                   .encode("utf-8")))


def test_an_event_outside_every_chain_fails_verify(ktl):
    add_person(ktl)
    conn = sqlite3.connect(ktl.db)
    conn.execute("INSERT INTO events (seq, command, uid, kind, subject, payload, hash)"
                 " SELECT 5 * (1 << 40) + 1, command, uid, kind, subject, payload, hash"
                 " FROM events WHERE seq = 2")
    conn.commit()
    conn.close()
    for quick in ([], ["--quick"]):
        result = ktl("verify", *quick)
        assert result.exit_code == 1 and "belongs to no chain" in result.stderr


@pytest.mark.parametrize("moved_to", [-2, 0, 1 << 40, 3 << 40])
def test_an_event_moved_outside_every_chain_is_named_before_the_gap_it_leaves(ktl, moved_to):
    # verify looks for events between and around the chains' ranges, not by counting
    # them: an event moved out of its chain, which leaves it one short, is named first
    add_person(ktl)
    add_person(ktl, "B.I-2/2025", name="Siti Aminah")
    conn = sqlite3.connect(ktl.db)
    conn.execute("UPDATE events SET seq = ? WHERE seq = 2", (moved_to,))
    conn.commit()
    assert conn.execute("SELECT count(*) FROM events").fetchone() == (3,)
    conn.close()
    for quick in ([], ["--quick"]):
        result = ktl("verify", *quick)
        assert result.exit_code == 1 and "belongs to no chain" in result.stderr


def test_a_merged_chain_cut_short_fails_even_the_quick_verify(ktl, jmb, kanwil):
    add_person(jmb, "B.I-3/2025", name="Siti Aminah")
    kanwil.ok("merge", str(jmb.db))
    conn = sqlite3.connect(kanwil.db)
    conn.execute("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)")
    conn.commit()
    conn.close()
    result = kanwil("verify", "--quick")
    assert result.exit_code == 1 and "JMB" in result.stderr


def test_a_bundle_relabelled_as_another_lapas_is_refused(jmb, kanwil):
    add_person(jmb, "B.I-3/2025", name="Siti Aminah")
    path = jmb.bundle("jmb.wbpb")
    rewrite_bundle(path, lambda header: header.update(lapas="BTH"))
    before = dump(kanwil.db)
    result = kanwil("merge", str(path))
    assert result.exit_code == 1 and "says another Lapas" in result.stderr
    assert dump(kanwil.db) == before


def test_the_format_of_a_bundle_is_read_from_its_hashes_not_its_header(jmb, kanwil):
    add_person(jmb, "B.I-3/2025", name="Siti Aminah")
    first = jmb.bundle("one.wbpb")
    rewrite_bundle(first, lambda header: header.update(legacy_upto=1000))
    kanwil.ok("merge", str(first))
    add_person(jmb, "B.I-4/2025", name="Agus")
    kanwil.ok("merge", str(jmb.bundle("two.wbpb", "JMB#2")))
    kanwil.ok("verify")


def test_a_ledger_that_merged_another_brings_it_first(tmp_path, ktl, jmb):
    xyz = ready(tmp_path, "XYZ")
    add_person(xyz, "B.I-9/2024", name="Budi Santoso", nik=NIK)
    add_person(jmb, "B.I-7/2025", name="Budi Santoso", nik=NIK)
    jmb.ok("merge", str(xyz.db))                        # JMB links its Budi and XYZ's
    alone = ktl("merge", str(jmb.bundle("jmb.wbpb")))   # JMB's link names XYZ's record
    assert alone.exit_code == 1 and "merge that Lapas's ledger or bundles first" \
        in alone.stderr
    ktl.ok("merge", str(jmb.db))                        # XYZ's chain first, then JMB's
    assert ktl.json("participant", "show", "XYZ:B.I-9/2024")["name"] == "Budi Santoso"
    ktl.ok("verify")


def test_a_nik_registered_here_after_a_merge_is_linked_too(ktl, jmb):
    readmitted_in_jmb(jmb)
    ktl.ok("merge", str(jmb.db))
    add_person(ktl, "B.I-9/2026", detained="2026-09-01", sentence="2y", nik=NIK)
    assert ktl.json("log", "B.I-9/2026")[-1]["kind"] == "person.linked"
    ktl.ok("verify")


def test_a_config_of_another_lapas_cannot_write_into_this_ledger(tmp_path, ktl):
    add_person(ktl)
    stranger = Lapas(tmp_path, "JMB")
    stranger.db = ktl.db
    before = dump(ktl.db)
    result = stranger("participant", "add", "--name", "X", "--reg-no", "B.I-50/2025",
                      "--detained", "2025-01-10", "--sentence", "3y")
    assert result.exit_code == 1 and "This ledger is Lapas KTL's" in result.stderr
    assert dump(ktl.db) == before


def test_the_head_of_a_merged_ledger_names_each_chain_merged(ktl, jmb, kanwil):
    add_person(jmb, "B.I-3/2025", name="Siti Aminah")
    assert "merged" not in kanwil.json("head")            # nothing merged: as before
    kanwil.ok("merge", str(jmb.db))
    assert kanwil.json("head")["merged"] == [jmb.json("head")["head"]]
    assert jmb.json("head")["head"] in kanwil.ok("--lang", "id", "head").stdout


def test_a_bare_register_number_two_lapas_gave_must_say_which(ktl, jmb, kanwil):
    add_person(ktl, "B.I-3/2025", name="Budi Santoso")
    add_person(jmb, "B.I-3/2025", name="Siti Aminah")
    add_person(jmb, "B.I-4/2025", name="Agus")
    kanwil.ok("merge", str(ktl.db), str(jmb.db))
    result = kanwil("participant", "show", "B.I-3/2025")
    assert result.exit_code == 1 and "KTL:B.I-3/2025" in result.stderr \
        and "JMB:B.I-3/2025" in result.stderr
    assert kanwil.json("participant", "show", "JMB:B.I-3/2025")["name"] == "Siti Aminah"
    assert kanwil.json("participant", "show", "B.I-4/2025")["name"] == "Agus"   # one Lapas


def test_records_with_different_niks_are_never_linked(ktl, jmb):
    add_person(ktl, "B.I-1/2023", nik=NIK)
    add_person(jmb, "B.I-7/2025", nik="1506041203900002")
    ktl.ok("merge", str(jmb.db))
    before = dump(ktl.db)
    result = ktl("person", "link", "B.I-1/2023", "JMB:B.I-7/2025", "--reason", "mirip")
    assert result.exit_code == 1 and "different NIKs" in result.stderr
    assert dump(ktl.db) == before


def test_a_copy_of_this_ledger_ahead_of_it_is_refused(tmp_path, ktl, kanwil):
    add_person(ktl)
    import shutil
    older = tmp_path / "older.db"
    shutil.copy(ktl.db, older)                       # this ledger as it was
    add_person(ktl, "B.I-2/2025", name="Agus")       # then it moved on
    shutil.copy(ktl.db, tmp_path / "newer.db")
    shutil.copy(older, ktl.db)                       # and was restored from the old copy
    before = dump(ktl.db)
    result = ktl("merge", str(tmp_path / "newer.db"))
    assert result.exit_code == 1 and "this ledger does not have" in result.stderr
    assert dump(ktl.db) == before
