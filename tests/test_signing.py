"""Signed checkpoints: with signing_key in the config every line carries an Ed25519
signature, and verify checks each one with the public key."""

import json
import sys

import pytest
import yaml

from conftest import add_person
from test_checkpoints import heads_file, lines, rewrite_history
from test_cli_tracks import SmallCli
from wbpctl.config import PACKAGED

pytest.importorskip("cryptography")


@pytest.fixture
def signed(db, tmp_path):
    """A ledger whose config signs checkpoints with keys/wbp.key (beside the config)."""
    data = yaml.safe_load(PACKAGED.read_text())
    data["signing_key"] = "keys/wbp.key"
    config = tmp_path / "signed.yaml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True))
    cli = SmallCli(db, str(config))
    cli.ok("init")
    cli.ok("keygen")
    add_person(cli)
    return cli


def key(tmp_path, name="wbp.key"):
    return tmp_path / "keys" / name


def without_cryptography(monkeypatch):
    for name in [m for m in sys.modules if m == "cryptography" or m.startswith("cryptography.")]:
        monkeypatch.setitem(sys.modules, name, None)
    for name in ("cryptography", "cryptography.exceptions",
                 "cryptography.hazmat.primitives.asymmetric.ed25519"):
        monkeypatch.setitem(sys.modules, name, None)


def test_keygen_writes_an_owner_only_pair_and_never_overwrites(signed, tmp_path):
    for path in (key(tmp_path), key(tmp_path, "wbp.key.pub")):
        assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert b"PRIVATE KEY" in key(tmp_path).read_bytes()
    assert b"PUBLIC KEY" in key(tmp_path, "wbp.key.pub").read_bytes()
    before = key(tmp_path).read_bytes()
    again = signed("keygen")
    assert again.exit_code == 1 and "never overwritten" in again.stderr
    assert key(tmp_path).read_bytes() == before
    other = signed.ok("keygen", str(tmp_path / "elsewhere" / "k"))
    assert "k.pub" in other.stderr and (tmp_path / "elsewhere" / "k.pub").exists()


def test_a_signed_checkpoint_verifies_with_the_public_key(signed, tmp_path):
    signed.ok("checkpoint")
    signed.ok("report", "monthly")             # a second head? the same one: not written
    add_person(signed, "B.I-2/2025", name="Agus")
    signed.ok("report", "monthly")
    kept = lines(signed)
    assert len(kept) == 2 and all(len(line["signature"]) == 88 for line in kept)
    result = signed.ok("verify")               # the .pub beside signing_key
    assert "2 checkpoint(s)" in result.stderr and "signed by the key of" in result.stderr
    office = SmallCli(signed.db, str(PACKAGED))      # no signing_key: given on the line
    result = office.ok("verify", "--public-key", str(key(tmp_path, "wbp.key.pub")))
    assert "signed by the key of" in result.stderr
    unchecked = office.ok("verify")
    assert "2 signed, signatures not checked" in unchecked.stderr


def test_a_changed_line_fails_its_signature(signed, tmp_path):
    signed.ok("checkpoint")
    [line] = lines(signed)
    for field, value in (("actor", "someone"), ("written_at", "2026-01-01T00:00:00+00:00"),
                         ("at", "2026-01-01T00:00:00.000000+00:00")):
        heads_file(signed).write_text(json.dumps({**line, field: value}) + "\n")
        result = signed("verify")
        assert result.exit_code == 1 and "line 1" in result.stderr
        assert "signature does not match" in result.stderr


def test_a_rewritten_ledger_with_its_checkpoints_rewritten_too_fails(signed):
    """Someone with the database and its checkpoint file but not the key: the file can be
    made to match the rewritten ledger, but not signed."""
    signed.ok("checkpoint")
    rewrite_history(signed.db)
    [line] = lines(signed)
    new = signed.json("head")
    heads_file(signed).write_text(json.dumps({**line, "hash": new["hash"]}) + "\n")
    result = signed("verify")
    assert result.exit_code == 1 and "signature does not match" in result.stderr
    heads_file(signed).write_text(json.dumps({k: v for k, v in line.items()
                                              if k != "signature"} | {"hash": new["hash"]})
                                  + "\n")
    result = signed("verify")
    assert result.exit_code == 1 and "is not signed" in result.stderr


def test_a_line_signed_with_another_key_fails(signed, tmp_path):
    signed.ok("checkpoint")
    signed.ok("keygen", str(tmp_path / "other.key"))
    result = signed("verify", "--public-key", str(tmp_path / "other.key.pub"))
    assert result.exit_code == 1 and "signature does not match" in result.stderr
    assert "other.key.pub" in result.stderr


def test_keys_that_cannot_be_used(signed, tmp_path):
    signed.ok("checkpoint")
    missing = signed("verify", "--public-key", str(tmp_path / "none.pub"))
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
    private_as_public = signed("verify", "--public-key", str(key(tmp_path)))
    assert private_as_public.exit_code == 1 and "not an Ed25519 public key" in \
        private_as_public.stderr
    key(tmp_path).write_text("not a key\n")
    result = signed("checkpoint")
    assert result.exit_code == 1 and "not an Ed25519 private key" in result.stderr


def test_without_the_cryptography_package_it_says_how_to_get_it(signed, tmp_path,
                                                                 monkeypatch):
    signed.ok("checkpoint")
    add_person(signed, "B.I-2/2025", name="Agus")
    without_cryptography(monkeypatch)
    hint = "pip install 'wbpctl[signing]'"
    for args in (["keygen", str(tmp_path / "new.key")], ["checkpoint"],
                 ["verify", "--public-key", str(key(tmp_path, "wbp.key.pub"))]):
        result = signed(*args)
        assert result.exit_code == 1 and result.stderr.count("\n") == 1, args
        assert hint in result.stderr, args
    report = signed("report", "monthly")           # the report is still made, with a warning
    assert report.exit_code == 0 and "Ledger KTL#" in report.stdout
    assert "warning" in report.stderr and hint in report.stderr
    plain = SmallCli(signed.db, str(PACKAGED))
    assert plain.ok("checkpoint").exit_code == 0   # without a key: nothing changes
