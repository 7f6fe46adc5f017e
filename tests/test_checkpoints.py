"""Checkpoints: heads kept outside the database, and verify proving they are still in it."""

import json
import os
import shutil
import sqlite3

from conftest import add_person
from test_heads import last_event
from test_reports import october  # noqa: F401  (a fixture)


def heads_file(cli):
    return cli.db.parent / (cli.db.name + ".heads")


def lines(cli):
    return [json.loads(t) for t in heads_file(cli).read_text().splitlines()]


def rewrite_history(db, old="Budi Santoso", new="Budi Santosa"):
    """What anyone who can write the file can do: change a fact, recompute every hash
    from there on, and change the table to match. The chain and the replay both agree."""
    from wbpctl.domain.search import search_key
    from wbpctl.store.chain import GENESIS, hash_v2

    conn = sqlite3.connect(db)
    prev = GENESIS
    for seq, uid, at, actor, lapas, kind, subject, payload, batch in conn.execute(
            "SELECT e.seq, e.uid, c.at, c.actor, c.lapas, e.kind, e.subject, e.payload,"
            " c.batch FROM events e JOIN commands c ON c.id = e.command"
            " ORDER BY e.seq").fetchall():
        payload = payload.replace(json.dumps(old), json.dumps(new))
        digest = hash_v2(prev, uid, at, actor, lapas, kind, subject, payload, batch)
        conn.execute("UPDATE events SET payload = ?, hash = ? WHERE seq = ?",
                     (payload, digest, seq))
        prev = digest
    conn.execute("UPDATE people SET name = ?, name_key = ? WHERE name = ?",
                 (new, search_key(new), old))
    conn.commit()
    conn.close()


def test_checkpoint_appends_the_head_once_owner_only(cli):
    add_person(cli)
    seq, digest, at, _ = last_event(cli.db)
    first = cli.ok("checkpoint")
    assert first.stdout.splitlines()[0] == f"KTL#{seq}:{digest[:8]}"
    assert "added to" in first.stderr and str(heads_file(cli)) in first.stderr
    assert oct(heads_file(cli).stat().st_mode & 0o777) == "0o600"
    [line] = lines(cli)
    assert {k: line[k] for k in ("seq", "hash", "at", "lapas")} == \
        {"seq": seq, "hash": digest, "at": at, "lapas": "KTL"}
    assert line["actor"] and line["written_at"] and "signature" not in line
    again = cli.ok("checkpoint")
    assert "nothing written" in again.stderr and len(lines(cli)) == 1
    add_person(cli, "B.I-2/2025", name="Agus")
    assert cli.json("checkpoint")["seq"] == seq + 1 and len(lines(cli)) == 2


def test_actor_of_a_checkpoint_is_who_kept_it(cli):
    from wbpctl.cli.state import os_user

    cli.ok("--actor", "kalapas", "checkpoint")
    assert lines(cli)[0]["actor"] == f"kalapas (os: {os_user()})"


def test_the_monthly_report_keeps_its_head(october):
    october.ok("report", "monthly", "--month", "2026-10")
    seq, digest, _, _ = last_event(october.db)
    assert [(l["seq"], l["hash"]) for l in lines(october)] == [(seq, digest)]
    october.ok("report", "monthly", "--month", "2026-10", "-f", "json")
    assert len(lines(october)) == 1                              # same head: nothing
    october.ok("report", "monthly", "--month", "2026-10", "--at", "5")
    assert len(lines(october)) == 1                              # a past head: not kept
    for other in (["opd"], ["readiness"], ["recidivism"]):
        october.ok("report", *other)
    assert len(lines(october)) == 1                              # only the monthly keeps


def test_a_monthly_report_whose_checkpoint_cannot_be_written_is_still_written(october,
                                                                             tmp_path):
    heads_file(october).mkdir()       # stands for a read-only folder (tests run as root)
    target = tmp_path / "laporan.html"
    result = october("report", "monthly", "--month", "2026-10", "-o", str(target))
    assert result.exit_code == 0 and "<footer>" in target.read_text()
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("wbpctl: warning: the report was written, but not its"
                                    " checkpoint: Cannot write checkpoint file")
    indonesian = october("--lang", "id", "report", "monthly", "--month", "2026-10")
    assert indonesian.exit_code == 0 and "Buku besar KTL#" in indonesian.stdout
    assert indonesian.stderr.startswith("wbpctl: peringatan: laporan ditulis")
    assert october("checkpoint").exit_code == 4                  # asked for: an error


def test_verify_checks_every_head_in_the_checkpoint_file(cli):
    add_person(cli)
    cli.ok("checkpoint")
    add_person(cli, "B.I-2/2025", name="Agus")
    cli.ok("checkpoint")
    result = cli.ok("verify")
    assert "2 checkpoint(s)" in result.stderr and str(heads_file(cli)) in result.stderr
    assert "2 checkpoint(s)" in cli.ok("verify", "--quick").stderr


def test_a_rewritten_ledger_passes_verify_alone_and_fails_against_its_checkpoints(cli,
                                                                               tmp_path):
    """The issue's attack: the chain is rewritten with recomputed hashes. Without heads
    kept elsewhere nothing can tell; with them, verify names the first one lost."""
    add_person(cli)                                        # Budi: event 2
    add_person(cli, "B.I-2/2025", name="Agus")
    cli.ok("--actor", "kalapas", "checkpoint")             # seq 3
    add_person(cli, "B.I-3/2025", name="Candra")
    cli.ok("checkpoint")                                   # seq 4
    kept, first = heads_file(cli), lines(cli)[0]
    assert first["actor"].startswith("kalapas")
    shutil.copy(kept, tmp_path / "kanwil.heads")           # the regional office's copy
    rewrite_history(cli.db)
    result = cli("verify")
    assert result.exit_code == 1 and result.stdout == ""
    now = sqlite3.connect(cli.db).execute("SELECT lower(hex(hash)) FROM events WHERE seq = 3").fetchone()[0]
    assert result.stderr == (
        f"wbpctl: Checkpoint KTL#3:{first['hash'][:8]} ({kept} line 1, written"
        f" {first['written_at']} by {first['actor']}) is not in this ledger: its event #3 is now"
        f" KTL#3:{now[:8]}; the ledger was rewritten after that checkpoint\n")
    os.rename(kept, tmp_path / "aside.heads")
    cli.ok("verify")                                       # alone, the rewrite passes
    result = cli("verify", "--heads", str(tmp_path / "kanwil.heads"))
    assert result.exit_code == 1 and "kanwil.heads line 1" in result.stderr


def test_a_ledger_cut_short_fails_against_its_checkpoints(cli):
    add_person(cli)
    cli.ok("checkpoint")
    conn = sqlite3.connect(cli.db)
    conn.execute("DELETE FROM events WHERE seq = 2")
    conn.execute("DELETE FROM stays")
    conn.execute("DELETE FROM people")
    conn.commit()
    conn.close()
    result = cli("verify")
    assert result.exit_code == 1 and "holds only 1 events" in result.stderr


def test_checkpoint_files_that_cannot_be_used(cli, tmp_path):
    add_person(cli)
    missing = cli("verify", "--heads", str(tmp_path / "nope.heads"))
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
    bad = tmp_path / "bad.heads"
    cli.ok("checkpoint")
    bad.write_text(heads_file(cli).read_text() + '{"seq": 2, "hash": "abc"}\n')
    result = cli("verify", "--heads", str(bad))
    assert result.exit_code == 1 and f"{bad} line 2 is not a checkpoint" in result.stderr
    bad.write_text("not json\n")
    assert "line 1" in cli("verify", "--heads", str(bad)).stderr
    folder = tmp_path / "folder.heads"
    folder.mkdir()
    assert cli("verify", "--heads", str(folder)).exit_code == 4


def test_verify_head(cli):
    add_person(cli)
    seq, digest, _, _ = last_event(cli.db)
    short = f"KTL#{seq}:{digest[:8]}"
    assert f"{short} is in the ledger" in cli.ok("verify", "--head", short).stderr
    assert cli.ok("verify", "--head", digest).exit_code == 0
    second = sqlite3.connect(cli.db).execute("SELECT lower(hex(hash)) FROM events WHERE seq = 2"
                                             ).fetchone()[0]
    by_seq = cli.ok("verify", "--quick", "--head", "KTL#2")      # named in full when proven
    assert f"KTL#2:{second[:8]} is in the ledger" in by_seq.stderr
    wrong = cli("verify", "--head", f"KTL#{seq}:{'0' * 8}")
    assert wrong.exit_code == 1 and f"its event #{seq} is {short}" in wrong.stderr
    beyond = cli("verify", "--head", f"KTL#{seq + 1}")
    assert beyond.exit_code == 1 and f"no event #{seq + 1}" in beyond.stderr
    assert cli("verify", "--head", "f" * 64).exit_code == 1
    assert cli("verify", "--head", "kemarin").exit_code == 1
    rewrite_history(cli.db)
    result = cli("verify", "--head", short)
    assert result.exit_code == 1 and short in result.stderr
    cli.ok("verify")


def test_verify_names_a_broken_chain_before_a_head(cli):
    add_person(cli)
    seq, digest, _, _ = last_event(cli.db)
    conn = sqlite3.connect(cli.db)
    conn.execute("UPDATE commands SET actor = 'x' WHERE id = (SELECT command FROM events"
                 " WHERE seq = 2)")
    conn.commit()
    conn.close()
    result = cli("verify", "--head", f"KTL#{seq}:{digest[:8]}")
    assert result.exit_code == 1 and "event #2" in result.stderr
