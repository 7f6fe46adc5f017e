"""Fictional demo data, made through the same services a user calls.

About 60 people over the last 24 months, and 120 released some years ago (with the
readmissions that followed, so the recidivism report has cohorts to judge): stays of every register class,
tracks with completions, failures, drops and waitlists, remissions on 17 August,
releases (ekspirasi and PB), post-release support and a few readmissions; then a few
pre-trial detainees (two sentenced since, one freed by law), a transfer out and back,
and an assignment voided as entered in error. The same ``today`` always gives the same
data set (a seeded generator).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Callable

from ..domain.errors import Rejected
from ..domain.milestones import milestones
from ..domain.remission import suggested_days
from ..domain.sentence import class_for_sentence, parse_sentence
from ..store import product_queries, queries
from . import enrolments, participants, products, sponsors, stays, voids
from .session import Session, Tx

FIRST_L = ["Budi", "Agus", "Andi", "Rudi", "Joko", "Hendra", "Dedi", "Eko", "Fajar", "Rizky",
           "Yusuf", "Slamet", "Bayu", "Dimas", "Irfan", "Arif", "Taufik", "Wahyu", "Hadi", "Iwan"]
FIRST_P = ["Siti", "Dewi", "Rina", "Wati", "Nur", "Ani", "Yuni", "Lestari"]
LAST = ["Santoso", "Saputra", "Hidayat", "Pratama", "Siregar", "Harahap", "Nasution", "Lubis",
        "Setiawan", "Gunawan", "Kurniawan", "Simanjuntak", "Rahman", "Syahputra", "Daulay"]
SENTENCES = ["2 bulan", "5 bulan", "8 bulan", "1 tahun", "1y6m", "2y", "2y6m", "3y", "4y", "5y"]
CUSTODY_TRACKS = ["BUN-UNGGUL", "NAK-TERNAK", "HORT-ORGANIK", "IKAN-AIRTAWAR", "OLAH-MADU",
                  "KRIYA-DAUR"]
CRIMES = ["pencurian", "narkotika", "penipuan", "penggelapan", "penganiayaan", "illegal logging"]
# Sponsors (issue 17): who funds places in which track, over the last FUNDED_DAYS
SPONSORS = [  # (name, kind, contact)
    ("Yayasan Peduli Jambi", "lembaga", "0812-7400-1122"),
    ("Bank Jambi CSR", "perusahaan", "csr@bankjambi.example"),
    ("PT Sawit Makmur Tungkal", "perusahaan", "0741-555-210"),
    ("Hj. Rosmiati", "perorangan", "0813-6600-4477"),
]
SEATS = {"OLAH-MADU": "YAYASAN-PEDULI-JAMBI", "IKAN-AIRTAWAR": "BANK-JAMBI-CSR",
         "KRIYA-DAUR": "PT-SAWIT-MAKMUR-TUNGKAL"}
FUNDED_DAYS = 420
PEOPLE = 60
HISTORY = 120        # released three to six years ago: the recidivism report's cohorts
SEED = 20250101


def _nik(rng: random.Random, born: date, gender: str, serial: int) -> str:
    day = born.day + (40 if gender == "P" else 0)
    return f"1506{rng.choice(['01', '02', '03', '04', '05'])}{day:02d}{born.month:02d}" \
           f"{born.year % 100:02d}{serial:04d}"


class _Plan:
    """Actions with dates, run in date order so each finds the state it needs."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.actions: list[tuple[date, int, int, Callable[[], None]]] = []

    def at(self, when: date, priority: int, action: Callable[[], None]) -> None:
        if when <= self.today:
            self.actions.append((when, priority, len(self.actions), action))

    def run(self) -> None:
        for _, _, _, action in sorted(self.actions, key=lambda a: a[:3]):
            action()


def _tolerant(action: Callable[[], object]) -> Callable[[], None]:
    """A planned completion or drop is skipped when the person never got a place
    (still waitlisted) or already left: what would happen in the real programme."""
    def run() -> None:
        try:
            action()
        except Rejected as rejected:
            if rejected.key not in ("complete_waitlisted", "not_in_track"):
                raise
    return run


def _release_date(detained: date, sentence, grants: list[tuple[date, int]], rules,
                  pb: bool, today: date) -> tuple[date | None, list[tuple[date, int]]]:
    """The PB-eligible date (``pb``) or expiry, counting only remissions granted before it;
    the remissions after it never happen. None when that date is not reached by today."""
    kept = list(grants)
    while True:
        dates = milestones(detained, sentence, [d for _, d in kept], rules)
        when = dates.pb_eligible if pb else dates.expiry
        if when is None:
            return None, kept
        before = [g for g in kept if g[0] < when]
        if before == kept:
            return (when if when <= today else None), kept
        kept = before


def fill(session: Session) -> dict:
    """Fill an empty database with the demo data set; refuse one that holds data."""
    with session.transaction() as tx:
        if not queries.is_empty(tx.conn):
            raise Rejected("demo_not_empty", path=str(session.db_path))
        people = _plan(session, tx)
        count = tx.written
    return {"people": people, "events": count}


def _plan(session: Session, tx: Tx) -> int:
    rng = random.Random(SEED)
    today = session.today
    plan = _Plan(today)
    rules = session.config.rules
    class_seq: dict[tuple[str, int], int] = {}
    certificates: dict[str, int] = {}
    stayed: list[tuple[str, date, date]] = []    # (register number, admitted, leaves)

    def reg_no(register_class: str, year: int) -> str:
        key = (register_class, year)
        class_seq[key] = class_seq.get(key, 0) + 1
        return f"{register_class}-{class_seq[key]}/{year}"

    def certificate(track: str, year: int) -> str:
        certificates[track] = certificates.get(track, 0) + 1
        return f"{track}/{year}/{certificates[track]:03d}"

    for i in range(PEOPLE):
        gender = "P" if rng.random() < 0.12 else "L"
        name = f"{rng.choice(FIRST_P if gender == 'P' else FIRST_L)} {rng.choice(LAST)}"
        born = date(rng.randint(1968, 2003), rng.randint(1, 12), rng.randint(1, 28))
        nik = _nik(rng, born, gender, i + 1) if rng.random() < 0.8 else None
        detained = today - timedelta(days=rng.randint(20, 730))
        admitted = min(detained + timedelta(days=rng.randint(0, 45)), today)
        text = rng.choice(SENTENCES)
        sentence = parse_sentence(text)
        register_class = "B.III" if text == "2 bulan" and rng.random() < 0.5 \
            else class_for_sentence(sentence)
        number = reg_no(register_class, admitted.year)
        fields = dict(name=name, reg_no=number, detained=detained, sentence=text,
                      admitted=admitted, nik=nik, gender=gender, birth_date=born,
                      crime=rng.choice(CRIMES))
        plan.at(admitted, 0, lambda f=fields: participants.register(session, tx=tx, **f))

        # remissions on 17 August while in custody, as the table would give them
        grants: list[tuple[date, int]] = []
        for year in range(detained.year, today.year + 1):
            grant = date(year, 8, 17)
            if not admitted < grant <= today or register_class == "B.III":
                continue
            days = suggested_days("RU", grant, detained, len(grants))
            after = milestones(detained, sentence, [d for _, d in grants] + [days], rules)
            if days and after.expiry >= grant:
                grants.append((grant, days))
        use_pb = rng.random() < 0.5
        release_on, grants = _release_date(detained, sentence, grants, rules, use_pb, today)
        release_type = "pb" if use_pb and release_on is not None else "ekspirasi"
        if release_on is None:
            release_on, grants = _release_date(detained, sentence, grants, rules, False, today)
        for grant, days in grants:
            plan.at(grant, 1, lambda n=number, g=grant, d=days: stays.remission(
                session, n, on=g, kind="RU", days=d, tx=tx))
        released = release_on is not None and release_on <= today
        leaves = release_on if released else today

        # custody tracks: ID papers and a health check for most, one or two trainings
        wanted = rng.sample(CUSTODY_TRACKS, rng.choice([1, 1, 2]))
        if rng.random() < 0.8:
            wanted.append("ADMINDUK")
        if rng.random() < 0.7:
            wanted.append("KES-PREVENTIF")
        for track in wanted:
            start = admitted + timedelta(days=rng.randint(3, 40))
            if start >= leaves:
                continue
            funder = SEATS.get(track) if start >= today - timedelta(days=FUNDED_DAYS) else None
            plan.at(start, 2, lambda n=number, t=track, s=start, f=funder: enrolments.assign(
                session, n, t, on=s, sponsor=f, tx=tx))
            service = track in ("ADMINDUK", "KES-PREVENTIF")
            end = start + timedelta(days=rng.randint(14, 40) if service else rng.randint(60, 120))
            roll = rng.random()
            if end >= leaves:
                continue
            if roll < 0.1 and not service:
                why = rng.choice(["health", "withdrawn-own", "security"])
                plan.at(end, 3, _tolerant(lambda n=number, t=track, e=end, w=why: enrolments.drop(
                    session, n, t, reason=w, on=e, tx=tx)))
            else:
                result = "fail" if roll < 0.18 and not service else "pass"
                cert = None if service or result == "fail" else certificate(track, end.year)
                hours = None if service else float(rng.choice([24, 32, 40, 48]))
                plan.at(end, 3, _tolerant(lambda n=number, t=track, e=end, r=result, c=cert,
                                          h=hours: enrolments.complete(
                    session, n, t, on=e, result=r, certificate=c, hours=h, tx=tx)))

        stayed.append((number, admitted, leaves))
        # a recent enrolment drive for selling WBP products fills PASAR-KOP past its places
        drive = today - timedelta(days=rng.randint(3, 30))
        if admitted < drive < leaves and rng.random() < 0.8:
            plan.at(drive, 2, lambda n=number, d=drive: enrolments.assign(
                session, n, "PASAR-KOP", on=d, tx=tx))
        if not released:
            continue
        plan.at(release_on, 4, lambda n=number, r=release_on, t=release_type: stays.release(
            session, n, on=r, release_type=t, tx=tx))
        for track in ("SALUR-KERJA", "KONSELING-KELUARGA"):
            start = release_on + timedelta(days=rng.randint(3, 30))
            if rng.random() < 0.6:
                plan.at(start, 5, lambda n=number, t=track, s=start: enrolments.assign(
                    session, n, t, on=s, tx=tx))
                done = start + timedelta(days=rng.randint(7, 30))
                plan.at(done, 6, _tolerant(lambda n=number, t=track, d=done:
                                           enrolments.complete(session, n, t, on=d, tx=tx)))
        if rng.random() < 0.25:
            again = release_on + timedelta(days=rng.randint(45, 240))
            again_text = rng.choice(["1 tahun", "1y6m", "2y"])
            again_class = class_for_sentence(parse_sentence(again_text))
            again_no = reg_no(again_class, again.year)
            plan.at(again, 7, lambda n=number, a=again, s=again_text, r=again_no:
                    participants.readmit(session, n, reg_no=r, detained=a, sentence=s, tx=tx))
            retrain = rng.choice(CUSTODY_TRACKS)
            plan.at(again + timedelta(days=10), 8, lambda r=again_no, t=retrain, a=again:
                    enrolments.assign(session, r, t, on=a + timedelta(days=10), tx=tx))
    extra = _court_and_transfers(session, tx, plan, reg_no, rng)
    _history(session, tx, plan, reg_no, rng)
    _sponsors(session, tx, plan, stayed)
    _products(session, tx, plan)
    plan.run()
    return PEOPLE + extra + HISTORY


def _history(session: Session, tx: Tx, plan: _Plan, reg_no, rng: random.Random) -> None:
    """People released years ago, half of them trained, some back for a new offence:
    somewhat fewer of the trained (20% against 27% within about two years), the kind of
    difference the report must say it cannot yet tell from chance."""
    today = session.today
    rules = session.config.rules
    for _ in range(HISTORY):
        gender = "P" if rng.random() < 0.1 else "L"
        name = f"{rng.choice(FIRST_P if gender == 'P' else FIRST_L)} {rng.choice(LAST)}"
        born = date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
        detained = today - timedelta(days=rng.randint(1500, 2300))
        text = rng.choice(["1y1m", "1y6m", "2y", "2y6m"])
        sentence = parse_sentence(text)
        number = reg_no(class_for_sentence(sentence), detained.year)
        released = milestones(detained, sentence, [], rules).expiry
        plan.at(detained, 0, lambda n=number, d=detained, s=text, nm=name, b=born, g=gender:
                participants.register(session, name=nm, reg_no=n, detained=d, sentence=s,
                                      gender=g, birth_date=b, crime=rng.choice(CRIMES), tx=tx))
        trained = rng.random() < 0.5
        if trained:
            track = rng.choice(CUSTODY_TRACKS)
            start = detained + timedelta(days=rng.randint(10, 60))
            plan.at(start, 2, lambda n=number, t=track, s=start: enrolments.assign(
                session, n, t, on=s, tx=tx))
            plan.at(start + timedelta(days=90), 3, _tolerant(
                lambda n=number, t=track, e=start + timedelta(days=90): enrolments.complete(
                    session, n, t, on=e, hours=40.0, tx=tx)))
        plan.at(released, 4, lambda n=number, r=released: stays.release(
            session, n, on=r, release_type="ekspirasi", tx=tx))
        if rng.random() < (0.20 if trained else 0.27):
            again = released + timedelta(days=rng.randint(60, 700))
            if again < today:
                again_no = reg_no("B.I", again.year)
                plan.at(again, 7, lambda n=number, a=again, r=again_no: participants.readmit(
                    session, n, reg_no=r, detained=a, sentence="1y6m", tx=tx))
                expiry = milestones(again, parse_sentence("1y6m"), [], rules).expiry
                plan.at(expiry, 4, lambda r=again_no, e=expiry: stays.release(
                    session, r, on=e, release_type="ekspirasi", tx=tx))


def _court_and_transfers(session: Session, tx: Tx, plan: _Plan, reg_no, rng: random.Random
                         ) -> int:
    """Pre-trial detainees and their verdicts, a transfer and return, a voided place."""
    today = session.today
    pretrial = [("A.II", 150, ("2y", "B.I")), ("A.III", 200, ("10 bulan", "B.IIa")),
                ("A.II", 45, None), ("A.III", 90, "bebas-demi-hukum")]
    for register_class, days_ago, outcome in pretrial:
        detained = today - timedelta(days=days_ago)
        number = reg_no(register_class, detained.year)
        gender = "L"
        name = f"{rng.choice(FIRST_L)} {rng.choice(LAST)}"
        born = date(rng.randint(1970, 2000), rng.randint(1, 12), rng.randint(1, 28))
        plan.at(detained, 0, lambda n=number, d=detained, nm=name, b=born, g=gender:
                participants.register(session, name=nm, reg_no=n, detained=d, sentence=None,
                                      gender=g, birth_date=b, crime=rng.choice(CRIMES), tx=tx))
        decided = detained + timedelta(days=days_ago // 2)
        if isinstance(outcome, tuple):
            text, new_class = outcome
            new_number = reg_no(new_class, decided.year)
            plan.at(decided, 1, lambda n=number, d=decided, s=text, r=new_number:
                    participants.record_verdict(session, n, sentence=s, on=d, reg_no=r, tx=tx))
        elif outcome:
            plan.at(decided, 4, lambda n=number, d=decided, o=outcome: stays.release(
                session, n, on=d, release_type=o, tx=tx))

    detained = today - timedelta(days=400)
    number = reg_no("B.I", detained.year)
    plan.at(detained, 0, lambda: participants.register(
        session, name="Rahmat Hidayat", reg_no=number, detained=detained, sentence="3y",
        gender="L", birth_date=date(1988, 3, 14), crime="pencurian", tx=tx))
    plan.at(today - timedelta(days=100), 4, lambda: stays.release(
        session, number, on=today - timedelta(days=100), release_type="pindah",
        to="Lapas Kelas IIA Jambi", tx=tx))
    plan.at(today - timedelta(days=70), 5, lambda: stays.return_from_transfer(
        session, number, on=today - timedelta(days=70), tx=tx))
    plan.at(today - timedelta(days=60), 2, lambda: enrolments.assign(
        session, number, "BUN-UNGGUL", on=today - timedelta(days=60), tx=tx))
    plan.at(today - timedelta(days=59), 3, lambda: voids.void(
        session, number, "BUN-UNGGUL", on=today - timedelta(days=60),
        reason="salah orang: ditempatkan di pelatihan lain", tx=tx))
    plan.at(today - timedelta(days=59), 4, lambda: enrolments.assign(
        session, number, "NAK-TERNAK", on=today - timedelta(days=59), tx=tx))
    return len(pretrial) + 1



def _months(first: date, today: date) -> list[date]:
    """The first day of each month after ``first`` up to ``today``."""
    month = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    found = []
    while month <= today:
        found.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return found


def _sponsors(session: Session, tx: Tx, plan: _Plan,
              stayed: list[tuple[str, date, date]]) -> None:
    """Four sponsors: pledges on the 1st of each month for the places they fund, the
    costs of those tracks on the 5th (within what they gave), public money besides, goods
    given twice a year, a donation entered twice and voided, and a woman who adopts two
    inmates (one consents to be named) and gives for each of them. Amounts are fixed, so
    the same ``today`` gives the same data."""
    today = session.today
    since = today - timedelta(days=FUNDED_DAYS)
    for name, kind, contact in SPONSORS:
        plan.at(date.min, 0, lambda n=name, k=kind, c=contact: sponsors.register(
            session, name=n, kind=k, contact=c, tx=tx))
    pledges = [("YAYASAN-PEDULI-JAMBI", "OLAH-MADU", 3_000_000, 2_500_000, "madu mentah, botol"),
               ("BANK-JAMBI-CSR", "IKAN-AIRTAWAR", 4_000_000, 3_500_000, "bibit lele, pakan"),
               ("PT-SAWIT-MAKMUR-TUNGKAL", "KRIYA-DAUR", None, 2_000_000, "bambu, rotan, cat")]
    months = _months(since, today)
    for i, month in enumerate(months):
        pay, spend_on = month, month + timedelta(days=4)
        for code, track, given, cost, what in pledges:
            if given:
                plan.at(pay, 9, lambda c=code, t=track, d=pay, a=given: sponsors.add_donation(
                    session, c, on=d, amount=a, for_track=t, ref=f"{c[:4]}-{d:%Y%m}", tx=tx))
            plan.at(spend_on, 10, lambda c=code, t=track, d=spend_on, a=cost, w=what:
                    sponsors.spend(session, track=t, on=d, amount=a, what=w, funded_by=c,
                                   tx=tx))
        if i % 6 == 0:      # the company gives for the programme, and goods
            plan.at(pay, 9, lambda d=pay: sponsors.add_donation(
                session, "PT-SAWIT-MAKMUR-TUNGKAL", on=d, amount=15_000_000, general=True,
                ref=f"SAWIT-{d:%Y%m}", tx=tx))
            plan.at(pay, 9, lambda d=pay: sponsors.add_donation(
                session, "PT-SAWIT-MAKMUR-TUNGKAL", on=d, in_kind="bambu dan rotan 200 batang",
                value=1_500_000, for_track="KRIYA-DAUR", tx=tx))
        if i % 3 == 2:      # public money: the regency's and the Lapas's own
            plan.at(spend_on, 10, lambda d=spend_on: sponsors.spend(
                session, track="OLAH-MADU", on=d, amount=1_500_000, what="pelatih", tx=tx))
            plan.at(spend_on, 10, lambda d=spend_on: sponsors.spend(
                session, track="ADMINDUK", on=d, amount=750_000, what="blanko, foto",
                funded_by="DIPA", tx=tx))
        if i == 2:          # entered twice by mistake, voided the next day
            plan.at(pay, 9, lambda d=pay: sponsors.add_donation(
                session, "YAYASAN-PEDULI-JAMBI", on=d, amount=3_000_000,
                for_track="OLAH-MADU", ref=f"YAYA-{d:%Y%m}-2", tx=tx))
            plan.at(pay + timedelta(days=1), 9, lambda d=pay: sponsors.void_donation(
                session, f"YAYA-{d:%Y%m}-2", on=d + timedelta(days=1),
                reason="tercatat dua kali", tx=tx))
    adoptees = [(number, max(admitted + timedelta(days=14), since))
                for number, admitted, leaves in stayed
                if admitted <= today - timedelta(days=180) and leaves >= today][:2]
    for (number, start), consent in zip(adoptees, ("yes", "no")):
        plan.at(start, 11, lambda n=number, s=start, c=consent: sponsors.adopt(
            session, "HJ-ROSMIATI", n, start=s, consent=c, tx=tx))
        for month in _months(start, today):
            plan.at(month, 11, lambda n=number, d=month: sponsors.add_donation(
                session, "HJ-ROSMIATI", on=d, amount=500_000, for_who=n, tx=tx))
            plan.at(month + timedelta(days=9), 11, lambda n=number, d=month: sponsors.spend(
                session, track="KES-PREVENTIF", on=d + timedelta(days=9), amount=350_000,
                what="vitamin, perlengkapan mandi", funded_by="HJ-ROSMIATI", for_who=n,
                tx=tx))


# Production (issue 18): what each product's makers make on the 15th of a month, and what
# is sold on the 20th and 28th (as much as is in stock): (product, made, makers, sales)
MAKING = [("MADU-250", 40, 3, [(20, 25, "koperasi", None), (28, 12, "daring", None)]),
          ("MADU-500", 15, 3, [(20, 10, "pameran", "Bazar Kabupaten")]),
          ("TAS-DAUR", 12, 2, [(20, 8, "daring", None), (28, 3, "koperasi", None)]),
          ("KERANJANG-DAUR", 10, 2, [(28, 8, "koperasi", "Koperasi Tungkal Jaya")])]


def _products(session: Session, tx: Tx, plan: _Plan) -> None:
    """Honey and crafts over the last twelve months, made by whoever is in custody and in
    the product's track that day (the first few, with unequal shares when three), sold from
    stock through the cooperative, exhibitions and online, and premi paid out every three
    months (half of what each is owed, in thousands)."""
    today = session.today
    rng = random.Random(SEED + 18)      # its own: the people above stay as they were
    for i, month in enumerate(_months(today - timedelta(days=365), today)):
        made = month + timedelta(days=14)
        for code, qty, most, sales in MAKING:
            qty = qty + rng.randint(-qty // 4, qty // 4)
            plan.at(made, 12, lambda c=code, q=qty, m=most, d=made: _make(session, tx, c, q, m, d))
            for day, units, channel, buyer in sales:
                when = month + timedelta(days=day - 1)
                units = max(1, units + rng.randint(-units // 3, units // 3))
                plan.at(when, 13, lambda c=code, u=units, ch=channel, b=buyer, d=when:
                        _sell(session, tx, c, u, ch, b, d))
        if i % 3 == 2:
            plan.at(month, 14, lambda d=month: _pay(session, tx, d))


def _make(session: Session, tx: Tx, code: str, qty: int, most: int, on: date) -> None:
    makers = products.eligible_makers(session, tx.conn, code, on)[:most]
    if makers:
        shares = "2,1,1" if len(makers) == 3 else None
        products.produce(session, code, on=on, qty=qty, makers=makers, shares=shares, tx=tx)


def _sell(session: Session, tx: Tx, code: str, units: int, channel: str, buyer: str | None,
          on: date) -> None:
    stock = sum(left for _, left in product_queries.batches_in_stock(tx.conn, code,
                                                                     on.isoformat()))
    if stock:
        products.sell(session, code, on=on, qty=min(units, stock), channel=channel,
                      buyer=buyer, tx=tx)


def _pay(session: Session, tx: Tx, on: date) -> None:
    for person, owed in product_queries.premi_owed(tx.conn):
        amount = owed // 2 // 1000 * 1000
        if amount:
            products.pay_premi(session, person, on=on, amount=amount, tx=tx)
