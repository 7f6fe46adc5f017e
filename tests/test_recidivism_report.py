"""report recidivism as a regency official reads it (issue #14): a verdict per window in
words, each one reachable, in both languages and every format."""

import csv
import io
from html.parser import HTMLParser

import pytest

from conftest import Cli, add_person
from test_recidivism_calibration import ledger


class Built(Cli):
    """The CLI on a ledger made by ``ledger`` (with its ample catalogue)."""

    def __init__(self, session):
        super().__init__(session.db_path)
        self.config = str(session.config.path)

    def __call__(self, *args, input=None):
        return super().__call__("--config", self.config, *args, input=input)


@pytest.fixture
def build(tmp_path):
    def make(p_trained, p_untrained, years=range(2018, 2020)):
        return Built(ledger(tmp_path, 7, years, p_trained, p_untrained))
    return make


@pytest.mark.parametrize("rates, verdict, words_en, words_id", [
    ((0.05, 0.5), "lower", "lower.", "lebih rendah."),
    ((0.5, 0.05), "higher", "higher.", "lebih tinggi."),
    ((0.25, 0.25), "inconclusive", "cannot be concluded.", "belum dapat disimpulkan."),
])
def test_each_verdict_is_said_in_words(build, rates, verdict, words_en, words_id):
    cli = build(*rates)
    report = cli.json("report", "recidivism", "--windows", "1")
    assert report["summary"][0]["verdict"] == verdict
    english = cli.ok("report", "recidivism", "--windows", "1").stdout
    assert "1-year recidivism:" in english and words_en in english
    indonesian = cli.ok("--lang", "id", "report", "recidivism", "--windows", "1").stdout
    assert "Tingkat residivisme 1 tahun:" in indonesian and words_id in indonesian
    assert indonesian.index("Tingkat residivisme") < indonesian.index("Kohort")   # first
    if verdict == "inconclusive":
        assert "takes about" in english          # and what a conclusive answer would take
        assert report["summary"][0]["needed_per_group"] > 300


def test_too_few_releases(cli):
    add_person(cli, "B.I-1/2020", detained="2020-01-10", sentence="2y")
    cli.ok("release", "B.I-1/2020", "--on", "2022-01-10", "--type", "ekspirasi")
    out = cli.ok("report", "recidivism", "--windows", "1").stdout
    assert "too few releases to judge (at least 30 eligible in each group)" in out
    summary = cli.json("report", "recidivism", "--windows", "1")["summary"][0]
    assert (summary["verdict"], summary["eligible_1"], summary["eligible_2"]) == ("too_few", 0, 1)


def test_at_80_columns_each_comparison_keeps_its_verdict(cli, monkeypatch):
    """The verdict of a comparison is a phrase ('pembebasan terlalu sedikit'): it wraps
    in its column at 80 columns rather than the column being left out."""
    cli.ok("init", "--demo")
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli.ok("--lang", "id", "report", "recidivism").stdout
    comparison = shown[shown.index("Perbandingan"):]
    assert "Kesimpulan" in comparison and "tidak ditampilkan" not in comparison, comparison
    assert "pembebasan" in comparison and "sedikit" in comparison
    assert max(map(len, shown.splitlines())) <= 80


def test_json_keys_and_scope(build):
    cli = build(0.2, 0.25)
    report = cli.json("report", "recidivism", "--windows", "1,2")
    assert report["scope"] == {"lapas": ["KTL"], "readmissions_seen_in": ["KTL"]}
    row = report["rows"][0]
    assert {"cohort", "window_years", "group", "released", "eligible", "readmitted",
            "technical_returns", "rate", "ci_low", "ci_high"} <= set(row)
    compared = report["comparisons"][0]
    assert {"difference_pp", "diff_ci_low", "diff_ci_high", "risk_ratio", "rr_ci_low",
            "rr_ci_high", "relative_change", "verdict"} <= set(compared)
    pooled = [c for c in report["comparisons"] if c["cohort"] == "all"]
    assert [c["window_years"] for c in pooled] == [1, 2]
    assert {"needed_per_group", "years_needed", "verdict"} <= set(report["summary"][0])
    text = cli.ok("report", "recidivism").stdout
    assert "readmitted to another Lapas is not counted" in text


def test_adjusted_next_to_the_crude_ratio(build):
    cli = build(0.2, 0.3)
    report = cli.json("report", "recidivism", "--windows", "1", "--adjust",
                      "pidana,umur,perkara")
    assert report["adjust"] == ["sentence", "age", "offence"]
    pooled = next(c for c in report["comparisons"] if c["cohort"] == "all")
    assert pooled["risk_ratio"] is not None and pooled["adjusted_risk_ratio"] is not None
    assert "adjusted for sentence, age, offence" in cli.ok(
        "report", "recidivism", "--windows", "1", "--adjust", "sentence,age,offence").stdout
    bad = cli("report", "recidivism", "--adjust", "hair")
    assert bad.exit_code == 1 and "sentence, age, offence" in bad.stderr


def test_compare_before_and_after_the_programme(cli):
    for n, (released, back) in enumerate((("2024-03-01", "2024-06-01"),
                                          ("2025-12-01", None)), start=1):
        add_person(cli, f"B.I-{n}/2020", name=f"P{n}", detained="2020-01-10", sentence="2y")
        cli.ok("release", f"B.I-{n}/2020", "--on", released, "--type", "ekspirasi",
               "--override", "test")
        if back:
            cli.ok("participant", "readmit", f"B.I-{n}/2020", "--reg-no", f"B.I-{n}/2024",
                   "--detained", back, "--sentence", "2y")
    report = cli.json("report", "recidivism", "--windows", "1", "--compare", "period")
    assert report["groups"] == ["after_programme", "before_programme"]
    assert report["programme_start"] == "2025-10-08"
    cells = {(r["cohort"], r["group"]): r for r in report["rows"]}
    assert (cells[(2024, "before_programme")]["readmitted"],
            cells[(2025, "after_programme")]["released"]) == (1, 1)


def test_a_revocation_is_a_technical_return_not_a_readmission(cli):
    add_person(cli, "B.I-1/2021", detained="2021-01-10", sentence="3y")   # PB 2023-01-10
    cli.ok("release", "B.I-1/2021", "--on", "2023-01-10", "--type", "pb")
    refused = cli("revoke", "B.I-1/2021", "--on", "2023-01-01", "--reason", "x")
    assert refused.exit_code == 1 and "before the release" in refused.stderr
    cli.ok("revoke", "B.I-1/2021", "--on", "2023-06-01", "--reason", "melanggar wajib lapor")
    stay = cli.json("participant", "show", "B.I-1/2021")["stays"][0]
    assert stay["status"] == "in_custody" and stay["released_on"] is None
    assert "conditional release" in cli("revoke", "B.I-1/2021", "--on", "2023-07-01",
                                        "--reason", "x").stderr
    cli.ok("release", "B.I-1/2021", "--on", "2024-01-10", "--type", "ekspirasi")
    cli.ok("verify")
    rows = cli.json("report", "recidivism", "--windows", "1")["rows"]
    cohort = {r["cohort"]: r for r in rows if r["group"] == "no_training"}
    assert (cohort[2023]["released"], cohort[2023]["technical_returns"],
            cohort[2023]["readmitted"]) == (1, 1, 0)
    assert (cohort[2024]["released"], cohort[2024]["technical_returns"]) == (1, 0)
    month = cli.json("report", "monthly", "--month", "2023-06")
    assert month["revoked"] == 1


def test_csv_markdown_and_html(build):
    cli = build(0.2, 0.3)
    rows = list(csv.DictReader(io.StringIO(cli.ok("report", "recidivism", "-f", "csv").stdout)))
    assert {"cohort", "group", "rate", "ci_low", "risk_ratio", "verdict"} <= set(rows[0])
    assert any(r["cohort"] == "all" for r in rows)
    markdown = cli.ok("--lang", "id", "report", "recidivism", "-f", "markdown").stdout
    assert markdown.startswith("# Residivisme KTL") and "## Metode" in markdown
    page = cli.ok("report", "recidivism", "-f", "html").stdout

    class Parts(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.text = [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

        def handle_data(self, data):
            self.text.append(data)

    parts = Parts()
    parts.feed(page)
    assert parts.tags.count("svg") == 3 and "script" not in parts.tags     # a chart a window
    assert "line" in parts.tags and "circle" in parts.tags                 # whiskers, points
    text = " ".join(parts.text)
    assert "3-year recidivism" in text and "Mantel-Haenszel" in text
    assert "readmitted to another Lapas is not counted" in text


def test_the_demo_shows_a_verdict(cli):
    cli.ok("init", "--demo")
    summary = cli.json("report", "recidivism")["summary"]
    assert all(s["verdict"] in ("inconclusive", "lower", "higher") for s in summary)
    assert "cannot be concluded" in cli.ok("report", "recidivism").stdout
