from pathlib import Path

import pytest

from wbpctl.config import PACKAGED, load_config
from wbpctl.domain.errors import ConfigError
from wbpctl.render.messages import msg


def reason(error: ConfigError, lang: str = "en") -> str:
    """What is wrong, as the admin reads it."""
    said = error.params["reason"]
    return msg(said.key, lang, **said.params)


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "custom.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_packaged_default_has_the_lapas_eight_opds_and_their_tracks():
    config = load_config()
    assert config.path == PACKAGED
    assert (config.lapas_code, config.lapas_name) == ("KTL", "Lapas Kelas IIB Kuala Tungkal")
    assert len(config.opds) == 8
    assert {t.code for t in config.tracks} >= {"BUN-UNGGUL", "ADMINDUK", "SALUR-KERJA",
                                               "MENTOR-KOMUNITAS"}
    assert config.track("SALUR-KERJA").phase == "post-release"
    assert config.language == "id" and config.day_first and config.mask_nik
    assert config.rules.pb_min_two_thirds_months == 9


def test_user_file_overrides_keys_of_the_default(tmp_path):
    config = load_config(write(tmp_path, "language: en\nsentence_rules:\n  pb_trial_years: 2\n"))
    assert config.language == "en"
    assert config.rules.pb_trial_years == 2
    assert config.rules.pb_min_two_thirds_months == 9   # kept from the default


def test_database_is_relative_to_the_config_file(tmp_path):
    config = load_config(write(tmp_path, "database: db/ledger.db\n"))
    assert config.database == tmp_path / "db" / "ledger.db"


def test_signing_key_is_relative_to_the_config_file_and_off_by_default(tmp_path):
    assert load_config().signing_key is None
    config = load_config(write(tmp_path, "signing_key: keys/wbp.key\n"))
    assert config.signing_key == tmp_path / "keys" / "wbp.key"
    assert load_config(write(tmp_path, "signing_key: /etc/wbp.key\n")).signing_key == \
        Path("/etc/wbp.key")
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, "signing_key: 3\n"))
    assert caught.value.params["key"] == "signing_key"


def test_timezone_is_any_zone_of_the_tz_database(tmp_path):
    """Indonesia's zones are known without reading the tz database; another real zone is
    checked against it; a name that is not a zone, or a list, is refused."""
    for zone in ("Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak", "Europe/Amsterdam"):
        assert load_config(write(tmp_path, f"timezone: {zone}\n")).timezone == zone
    for bad in ("Asia/Kuala_Tungkal", "[Asia/Jakarta]", "WIB"):
        with pytest.raises(ConfigError) as caught:
            load_config(write(tmp_path, f"timezone: {bad}\n"))
        assert caught.value.params["key"] == "timezone"
        assert "is not a time zone" in reason(caught.value)


@pytest.mark.parametrize("text, key, words", [
    ("langauge: en\n", "langauge", "unknown key"),
    ("language: fr\n", "language", "must be one of"),
    ("default_track_capacity: many\n", "default_track_capacity", "must be a whole number"),
    ("sentence_rules:\n  pb_min_two_thirds_months: nine\n", "sentence_rules.pb_min_two_thirds_months",
     "must be a whole number"),
    ("tracks:\n  - {code: A, opd: DINKES, name: a, kind: service, phase: any, pembinaan: kepribadian}\n"
     "  - {code: A, opd: DINKES, name: b, kind: service, phase: any, pembinaan: kepribadian}\n",
     "tracks[1].code", "duplicate track code"),
    ("tracks:\n  - {code: A, opd: NOPE, name: a, kind: service, phase: any, pembinaan: kepribadian}\n",
     "tracks[0].opd", "unknown OPD"),
    ("opds:\n  - {code: X, name: a}\n  - {code: X, name: b}\n", "opds[1].code",
     "duplicate OPD code"),
    ("tracks:\n  - {code: A, opd: DINKES, name: a, kind: lecture, phase: any, pembinaan: kepribadian}\n",
     "tracks[0].kind", "must be one of"),
    ("tracks:\n  - {code: A, opd: DINKES, name: a, kind: service, phase: any, pembinaan: kepribadian,"
     " capacity: 0}\n", "tracks[0].capacity", "at least 1"),
])
def test_bad_config_names_file_key_and_problem(tmp_path, text, key, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.params["file"] == path
    assert caught.value.params["key"] == key
    assert words in reason(caught.value)


def test_a_bad_config_is_explained_in_the_admins_language(tmp_path, cli):
    """An Indonesian admin read 'timezone is not a time zone ... got' after an Indonesian
    prefix: every reason is in the catalogue now."""
    for text, said in (("timezone: Mars/Olympus\n", "timezone bukan zona waktu (seperti"
                                                     " Asia/Jakarta): 'Mars/Olympus'"),
                       ("zona_waktu: WIB\n", "zona_waktu kunci tak dikenal (yang boleh:"),
                       ("date_display: panjang\n", "date_display harus salah satu dari"
                                                   " numeric, short, iso, bukan 'panjang'"),
                       ("default_track_capacity: banyak\n", "default_track_capacity harus"
                                                           " bilangan bulat, bukan 'banyak'")):
        result = cli("--lang", "id", "--config", write(tmp_path, text), "participant", "list")
        assert result.exit_code == 1
        assert said in " ".join(result.stderr.split()), result.stderr
        assert " got " not in result.stderr and "must be" not in result.stderr


def test_every_reason_the_config_gives_is_in_the_catalogue_in_both_languages():
    """A reason key config.py names but the catalogue lacks would be shown as the key."""
    import re

    import wbpctl.config
    from wbpctl.render.messages import MESSAGES

    source = Path(wbpctl.config.__file__).read_text(encoding="utf-8")
    named = set(re.findall(r'"(cfg_[a-z_]+)"', source))
    named |= {f"cfg_kind_{kind.__name__}" for kind in (str, int, float, bool)}
    assert len(named) > 20
    for key in sorted(named):
        assert key in MESSAGES and all(MESSAGES[key]), key


def test_broken_yaml_is_refused(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, "language: [en\n"))
    assert caught.value.key == "config_yaml"


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_config(str(tmp_path / "nope.yaml"))
    assert caught.value.key == "config_missing"


def test_bad_config_is_refused_at_start_by_the_cli(tmp_path, cli):
    path = write(tmp_path, "tracks:\n  - {code: A, opd: NOPE, name: a, kind: service,"
                           " phase: any, pembinaan: kepribadian}\n")
    result = cli("--config", path, "participant", "list")
    assert result.exit_code == 1
    assert path in result.stderr and "tracks[0].opd" in result.stderr
    assert "Traceback" not in result.stderr


def test_config_found_in_working_folder_and_user_folder(tmp_path, monkeypatch):
    (tmp_path / "xdg" / "wbpctl").mkdir(parents=True)
    (tmp_path / "xdg" / "wbpctl" / "config.yaml").write_text("language: en\n")
    assert load_config().language == "en"
    (tmp_path / "config.yaml").write_text("language: id\n")
    assert load_config().path == Path("config.yaml")


def test_packaged_json_twin_matches_the_yaml():
    """config.json is config.yaml parsed ahead (it saves the YAML parser at start-up).
    After editing wbpctl/config.yaml, run: python -m wbpctl.config"""
    import json

    import yaml
    from wbpctl.config import PACKAGED_JSON
    assert json.loads(PACKAGED_JSON.read_text(encoding="utf-8")) == \
        yaml.safe_load(PACKAGED.read_text(encoding="utf-8"))


def test_settings_change_what_the_commands_do(cli, tmp_path):
    """date_input_order, privacy.mask_nik and register_number_format, end to end."""
    config = tmp_path / "custom.yaml"
    config.write_text("date_input_order: month-first\nprivacy:\n  mask_nik: false\n"
                      "register_number_format: '{cls} {seq}/{year}'\n")
    cli.ok("--config", str(config), "participant", "add", "--name", "A", "--reg-no",
           "B.I-1/2025", "--detained", "10/08/2025", "--sentence", "2y", "--nik",
           "1506041203900001")
    # unmasked NIKs need the database's own policy too (and each showing is recorded)
    cli.ok("privacy", "set", "mask-nik", "off", "--reason", "test")
    shown = cli.json("--config", str(config), "participant", "show", "B.I-1/2025")
    assert shown["stays"][0]["detained_on"] == "2025-10-08"        # month first
    assert shown["nik"] == "1506041203900001"                      # not masked
    assert shown["reg_no"] == "B.I 1/2025"                         # the configured form
    default = cli.json("participant", "show", "B.I-1/2025")
    assert default["nik"] == "1506********0001" and default["reg_no"] == "B.I-1/2025"
