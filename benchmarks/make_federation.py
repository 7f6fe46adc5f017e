"""Ten Lapas ledgers, a regional office merging them, and what it costs.

Usage: python benchmarks/make_federation.py [--lapas 10] [--people 1000] [--runs 3]
                                            [--keep FOLDER] [--json results.json]

Builds one ledger per Lapas (its own config and code) with N people each, through
make_national.py's generator (registrations checked as ``participant add`` checks them,
enrolments, remissions, releases, readmissions in the same Lapas), then readmits about
one in ten of each Lapas's released people in the next Lapas (same NIK, name and birth
date: the merge links them). Then, with the installed ``wbpctl``, times (median of
--runs, each on a fresh regional ledger): a bundle of each Lapas, the merge of all ten
bundles into the regional ledger, the same merge again (nothing new), and the province's
recidivism and monthly reports on the merged ledger, with ``verify`` of it.
Run it with the project's virtual environment's python.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from wbpctl.config import load_config
from wbpctl.services import catalog, participants
from wbpctl.services.session import Session
from wbpctl.store.chain import new_uids

CODES = ["KTL", "JMB", "BKO", "MRB", "SRL", "KRC", "TBO", "SBH", "MSB", "SPN", "LAP", "TJT"]
BIN = Path(sys.executable).parent


def national():
    spec = importlib.util.spec_from_file_location(
        "make_national", Path(__file__).with_name("make_national.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def config_file(folder: Path, code: str) -> Path:
    path = folder / f"{code.lower()}.yaml"
    path.write_text(f"lapas:\n  code: {code}\n  name: Lapas {code}\n", encoding="utf-8")
    return path


def build(folder: Path, index: int, people: int, moved_in: list, rng: random.Random
          ) -> tuple[Path, list]:
    """One Lapas's ledger: its own people, then those readmitted here from the Lapas
    before it (``moved_in``); returns the ledger and the people it releases to the next."""
    gen = national()
    code = CODES[index]
    config = load_config(config_file(folder, code))
    config = config._replace(tracks=tuple(t._replace(capacity=1_000_000)
                                          for t in config.tracks))
    db = folder / f"{code.lower()}.db"
    session = Session(config=config, db_path=db, actor=f"petugas-{code.lower()}",
                      today=gen.TODAY)
    catalog.init_database(session)
    seq: dict = {}
    leaving = []
    with session.transaction(batch=f"make_federation-{code}") as tx:
        records: list = []
        for number in range(people):
            person = gen.Person(session, rng, index * people + number, seq)
            person.build()
            records += person.records
            released = [r for r in person.records if r[0] == "stay.released"]
            if released and person.plan.nik and rng.random() < 0.1:
                # the registration as stored: name, nik, sex, born (store.payloads)
                leaving.append((json.loads(person.plan.stored), released[0][2]["on"]))
        for payload, released_on in moved_in:
            again = (gen.date.fromisoformat(released_on) + timedelta(days=rng.randint(60, 400)))
            if again >= gen.TODAY - timedelta(days=20):
                continue
            text = rng.choice(gen.SENTENCES)
            plan = participants.plan_registration(
                session, name=payload["name"], reg_no=gen.Person(session, rng, 0, seq).reg_no(
                    text, again.year), detained=again, sentence=text, admitted=again,
                nik=payload["nik"], gender=payload.get("sex"),
                birth_date=payload.get("born"))
            records += participants.registration_records([plan], new_uids(1))
        tx.record_many(records)
    session.close()
    return db, leaving


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lapas", type=int, default=10)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", type=Path, help="build here and keep the ledgers")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not 2 <= args.lapas <= len(CODES):
        sys.exit(f"--lapas: 2 to {len(CODES)}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="wbpctl-federation-"))
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    ledgers, moved = [], []
    for index in range(args.lapas):
        db, moved = build(folder, index, args.people, moved, rng)
        ledgers.append(db)
    built = time.perf_counter() - started
    wbpctl = str(BIN / "wbpctl")
    region = config_file(folder, "KWJ")
    figures: dict[str, list[float]] = {}
    bundles = []
    for run in range(args.runs):
        bundles = []
        seconds = 0.0
        for index, db in enumerate(ledgers):
            out = folder / f"{CODES[index].lower()}.wbpb"
            seconds += timed([wbpctl, "--config", str(folder / f"{CODES[index].lower()}.yaml"),
                              "--db", str(db), "bundle", "-o", str(out)])
            bundles.append(str(out))
        figures.setdefault(f"bundle all {args.lapas}", []).append(seconds)
        kanwil = folder / f"kanwil-{run}.db"
        base = [wbpctl, "--config", str(region), "--db", str(kanwil)]
        subprocess.run([*base, "init"], check=True, capture_output=True)
        figures.setdefault(f"merge {args.lapas} bundles", []).append(
            timed([*base, "merge", *bundles]))
        figures.setdefault("merge them again (nothing new)", []).append(
            timed([*base, "merge", *bundles]))
        figures.setdefault("report recidivism (province)", []).append(
            timed([*base, "report", "recidivism", "-f", "json"]))
        figures.setdefault("report monthly (province)", []).append(
            timed([*base, "report", "monthly", "--month", "2026-10", "-f", "json"]))
        figures.setdefault("verify (every chain, replayed)", []).append(
            timed([*base, "verify"]))
    kanwil = folder / f"kanwil-{args.runs - 1}.db"
    report = json.loads(subprocess.run(
        [wbpctl, "--config", str(region), "--db", str(kanwil), "report", "recidivism",
         "-f", "json"], check=True, capture_output=True, text=True).stdout)
    people = sum(1 for _ in subprocess.run(
        [wbpctl, "--config", str(region), "--db", str(kanwil), "participant", "list", "-f",
         "csv"], check=True, capture_output=True, text=True).stdout.splitlines()) - 1
    linked = subprocess.run(
        [wbpctl, "--config", str(region), "--db", str(kanwil), "log", "--kind",
         "person.linked", "-f", "json"], check=True, capture_output=True, text=True).stdout
    print(f"{args.lapas} Lapas x {args.people} people built in {built:.0f} s; merged:"
          f" {people} participants listed, {len(json.loads(linked))} NIK links;"
          f" recidivism scope {report['scope']}")
    print(f"{'step':34} {'median s':>9}  (of {args.runs} runs)")
    summary = {}
    for name, runs in figures.items():
        summary[name] = statistics.median(runs)
        print(f"{name:34} {summary[name]:9.2f}")
    if args.json:
        args.json.write_text(json.dumps({"lapas": args.lapas, "people": args.people,
                                         "runs": args.runs, "seconds": summary}, indent=2))
    if args.keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
