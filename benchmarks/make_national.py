"""Build a synthetic national-scale ledger through wbpctl's own bulk path.

Usage: python benchmarks/make_national.py [N] [--db PATH] [--seed S]

N people (default 300,000, about Indonesia's prison population), admitted over
ten years, with about five track enrolments each (most completed, some failed or
dropped, the current ones still active), remissions on 17 August as the table
gives them, releases (ekspirasi or PB), post-release job referrals and
counselling, and readmissions for about one in five released.

Registrations go through the same plan and checks as ``wbpctl participant add``;
every other record is written as the ledger event the service would write, through
``Ledger.append_many`` and the projections' ``plan`` and ``run`` (one executemany per
table per batch), so ``wbpctl verify`` proves the result. Track capacities are
raised to national size, since one catalogue serves every Lapas here.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from wbpctl.config import load_config
from wbpctl.domain.milestones import milestones
from wbpctl.domain.regno import parse_regno
from wbpctl.domain.remission import suggested_days
from wbpctl.domain.sentence import class_for_sentence, parse_sentence
from wbpctl.services import catalog, participants
from wbpctl.services.session import Session
from wbpctl.store.chain import new_uids
from wbpctl.store.ledger import Draft, Encoded

TODAY = date(2026, 11, 28)
CUSTODY = ["BUN-UNGGUL", "NAK-TERNAK", "HORT-ORGANIK", "IKAN-AIRTAWAR", "OLAH-MADU",
           "KRIYA-DAUR"]
SENTENCES = ["8 bulan", "1 tahun", "1y6m", "2y", "2y6m", "3y", "4y", "5y", "7y"]
BATCH = 2000


class Person:
    """One person's whole history as (kind, subject, payload[, uid]) records, in order."""

    def __init__(self, session: Session, rng: random.Random, number: int,
                 seq: dict) -> None:
        self.session, self.rng, self.number, self.seq = session, rng, number, seq
        self.records: list[tuple] = []
        self.uid = ""
        self.plan: participants.Registration | None = None

    def reg_no(self, text: str, year: int) -> str:
        cls = class_for_sentence(parse_sentence(text))
        self.seq[(cls, year)] = self.seq.get((cls, year), 0) + 1
        return f"{cls}-{self.seq[(cls, year)]}/{year}"

    def build(self) -> None:
        rng = self.rng
        detained = TODAY - timedelta(days=rng.randint(30, 3650))
        admitted = min(detained + timedelta(days=rng.randint(0, 30)), TODAY)
        text = rng.choice(SENTENCES)
        woman = rng.random() < 0.06
        born = date(rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28))
        nik = None
        if rng.random() < 0.75:
            nik = (f"15{self.number % 90 + 10:02d}{self.number // 90 % 90 + 10:02d}"
                   f"{born.day + (40 if woman else 0):02d}{born.month:02d}{born.year % 100:02d}"
                   f"{self.number // 8100 % 9999 + 1:04d}")
        plan = participants.plan_registration(
            self.session, name=f"Warga {self.number}", reg_no=self.reg_no(text, admitted.year),
            detained=detained, sentence=text, admitted=admitted, nik=nik,
            gender="P" if woman else "L", birth_date=born)
        person_uid, stay_uid = new_uids(2)
        self.uid, self.plan = person_uid, plan
        # the stay's uid is drawn here: this person's later events name the stay
        self.records.append(Draft("person.admitted", person_uid, Encoded(plan.stored),
                                  stay_uid))
        released = self.stay(stay_uid, detained, admitted, text)
        if released and rng.random() < 0.2:
            again = released + timedelta(days=rng.randint(60, 900))
            if again < TODAY - timedelta(days=20):
                text = rng.choice(SENTENCES)
                new_stay = new_uids(1)[0]
                reg = parse_regno(self.reg_no(text, again.year))
                self.records.append(("stay.admitted", person_uid, {
                    "uid": new_stay, "person": person_uid,
                    "lapas": self.session.config.lapas_code,
                    "register_class": reg.register_class, "reg_seq": reg.sequence,
                    "reg_year": reg.year, "detained_on": again.isoformat(),
                    "admitted_on": again.isoformat(),
                    "sentence": parse_sentence(text).as_dict(), "fine_substitute": False,
                    "crime": None}))
                self.stay(new_stay, again, again, text)

    def stay(self, stay_uid: str, detained: date, admitted: date, text: str) -> date | None:
        """Enrolments, remissions and the release of one stay; returns the release date."""
        rng, rules, uid = self.rng, self.session.config.rules, self.uid
        sentence = parse_sentence(text)
        grants: list[tuple[date, int]] = []
        for year in range(detained.year, TODAY.year + 1):
            grant = date(year, 8, 17)
            if not admitted < grant <= TODAY:
                continue
            days = suggested_days("RU", grant, detained, len(grants))
            after = milestones(detained, sentence, [d for _, d in grants] + [days], rules)
            if not days or after.expiry < grant:
                break
            grants.append((grant, days))
        dates = milestones(detained, sentence, [d for _, d in grants], rules)
        leaves = dates.expiry
        kind = "ekspirasi"
        if dates.pb_eligible and rng.random() < 0.5 and all(g < dates.pb_eligible
                                                             for g, _ in grants):
            leaves, kind = dates.pb_eligible, "pb"
        released = leaves if leaves <= TODAY else None
        end = released or TODAY
        events: list[tuple[date, int, tuple]] = []
        for grant, days in grants:
            if grant < end:
                events.append((grant, 0, ("remission.granted", uid, {
                    "uid": new_uids(1)[0], "stay": stay_uid, "on": grant.isoformat(),
                    "kind": "RU", "days": days})))
        open_ones = []
        for track in rng.sample(CUSTODY, 3) + ["ADMINDUK", "KES-PREVENTIF"]:
            start = admitted + timedelta(days=rng.randint(3, 90))
            if start >= end:
                continue
            enrolment = new_uids(1)[0]
            events.append((start, 1, ("enrolment.assigned", uid, {
                "uid": enrolment, "person": uid, "stay": stay_uid, "track": track,
                "on": start.isoformat(), "sponsor": None})))
            finish = start + timedelta(days=rng.randint(20, 120))
            roll = rng.random()
            if finish >= end:
                open_ones.append((enrolment, track))
            elif roll < 0.1:
                events.append((finish, 2, ("enrolment.dropped", uid, {
                    "uid": enrolment, "on": finish.isoformat(), "reason": "withdrawn-own",
                    "track": track})))
            else:
                events.append((finish, 2, ("enrolment.completed", uid, {
                    "uid": enrolment, "on": finish.isoformat(),
                    "hours": float(rng.choice([24, 40])),
                    "result": "fail" if roll < 0.18 else "pass", "certificate": None,
                    "track": track})))
        if released:
            events.append((released, 3, ("stay.released", uid, {
                "uid": stay_uid, "on": released.isoformat(), "type": kind,
                "override": None})))
            for enrolment, track in open_ones:
                if track != "KES-PREVENTIF":
                    events.append((released, 4, ("enrolment.dropped", uid, {
                        "uid": enrolment, "on": released.isoformat(), "reason": "released",
                        "track": track})))
            for track in ("SALUR-KERJA", "KONSELING-KELUARGA"):
                start = released + timedelta(days=rng.randint(3, 40))
                if start < TODAY and rng.random() < 0.6:
                    enrolment = new_uids(1)[0]
                    events.append((start, 5, ("enrolment.assigned", uid, {
                        "uid": enrolment, "person": uid, "stay": stay_uid, "track": track,
                        "on": start.isoformat(), "sponsor": None})))
                    finish = start + timedelta(days=rng.randint(5, 30))
                    if finish < TODAY:
                        events.append((finish, 6, ("enrolment.completed", uid, {
                            "uid": enrolment, "on": finish.isoformat(), "hours": None,
                            "result": "pass", "certificate": None, "track": track})))
        events.sort(key=lambda e: (e[0], e[1]))
        self.records += [record for _, _, record in events]
        return released


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="?", type=int, default=300_000)
    parser.add_argument("--db", type=Path, default=Path("national.db"))
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if args.db.exists():
        sys.exit(f"{args.db} exists: choose a new path")
    config = load_config()
    config = config._replace(tracks=tuple(t._replace(capacity=1_000_000)
                                          for t in config.tracks))
    session = Session(config=config, db_path=args.db, actor="make_national", today=TODAY)
    catalog.init_database(session)
    rng = random.Random(args.seed)
    seq: dict = {}
    started = time.perf_counter()
    written = 0
    with session.transaction(batch="make_national") as tx:
        records: list = []
        for number in range(args.people):
            person = Person(session, rng, number, seq)
            person.build()
            records += person.records
            if (number + 1) % BATCH == 0:
                tx.record_many(records)
                written += len(records)
                records = []
                print(f"\r{number + 1} people, {written} events", end="", file=sys.stderr)
        if records:
            tx.record_many(records)
            written += len(records)
    session.close()
    print(f"\r{args.people} people, {written} events in {time.perf_counter() - started:.0f} s"
          f" -> {args.db}", file=sys.stderr)


if __name__ == "__main__":
    main()
