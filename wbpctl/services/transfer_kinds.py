"""The record kinds ``wbpctl import`` reads and ``wbpctl export`` writes, with their columns."""

from __future__ import annotations

from dataclasses import dataclass

WHO = ("reg_no", "nik")


@dataclass(frozen=True)
class Kind:
    name: str
    columns: tuple[str, ...]      # in export order
    required: tuple[str, ...]     # header must be present
    by_who: bool                  # rows name a person by reg_no or nik
    date_column: str | None       # where the service's ``on`` date comes from


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("participants", ("reg_no", "name", "nik", "gender", "birth_date", "detained_on",
                          "admitted_on", "sentence", "crime", "person_uid", "crime_category"),
         ("reg_no", "name", "detained_on", "sentence"), False, None),
    Kind("enrolments", ("reg_no", "nik", "track", "assigned_on", "sponsor"),
         ("track", "assigned_on"), True, "assigned_on"),
    Kind("completions", ("reg_no", "nik", "track", "completed_on", "hours", "result",
                         "certificate"), ("track", "completed_on"), True, "completed_on"),
    Kind("drops", ("reg_no", "nik", "track", "dropped_on", "reason"),
         ("track", "dropped_on", "reason"), True, "dropped_on"),
    Kind("releases", ("reg_no", "nik", "released_on", "release_type", "override", "to_lapas"),
         ("released_on", "release_type"), True, "released_on"),
    Kind("remissions", ("reg_no", "nik", "granted_on", "kind", "days", "override"),
         ("granted_on", "kind", "days"), True, "granted_on"),
    Kind("verdicts", ("reg_no", "nik", "sentenced_on", "register_class", "sentence",
                      "new_reg_no"), ("sentenced_on", "sentence"), True, "sentenced_on"),
    Kind("returns", ("reg_no", "nik", "returned_on", "from_lapas"), ("returned_on",), True,
         "returned_on"),
    Kind("revocations", ("reg_no", "nik", "revoked_on", "reason"), ("revoked_on", "reason"),
         True, "revoked_on"),
    Kind("voids", ("reg_no", "nik", "target", "act_on", "kind", "reason"),
         ("target", "act_on", "reason"), True, "act_on"),
    # sponsors and their money: a person, when a row names one, by reg_no, nik or the
    # global person_uid (which wins: it is exact across ledgers)
    Kind("sponsors", ("sponsor", "name", "kind", "contact", "sponsor_uid"), ("name",), False,
         None),
    Kind("donations", ("sponsor", "received_on", "amount", "in_kind", "track", "reg_no", "nik",
                       "person_uid", "ref", "donation_uid", "voided_on", "void_reason"),
         ("sponsor", "received_on", "amount"), False, "received_on"),
    Kind("adoptions", ("sponsor", "reg_no", "nik", "person_uid", "from_on", "until_on",
                       "consent"), ("sponsor", "from_on"), False, "from_on"),
    Kind("spending", ("track", "spent_on", "amount", "what", "funded_by", "reg_no", "nik",
                      "person_uid", "ref", "override", "spending_uid"),
         ("track", "spent_on", "amount", "what"), False, "spent_on"),
    # products: makers by register number or NIK (comma-separated), or by global id
    # (maker_uids, which wins); a sale may carry the split it was made with
    Kind("production", ("product", "produced_on", "qty", "makers", "shares", "batch",
                        "maker_uids", "production_uid"), ("product", "produced_on", "qty"),
         False, "produced_on"),
    Kind("sales", ("product", "sold_on", "qty", "price", "channel", "buyer", "ref",
                   "premi_share", "cooperative_share", "sale_uid"),
         ("product", "sold_on", "qty", "channel"), False, "sold_on"),
    Kind("payouts", ("reg_no", "nik", "person_uid", "paid_on", "amount", "ref", "payout_uid"),
         ("paid_on", "amount"), False, "paid_on"),
)}

# ``all``: every record of a ledger in the order it was made, one kind per row, so an
# export of a whole ledger imports into an empty one and gives the same tables.
ALL_COLUMNS = ("record", *dict.fromkeys(c for k in KINDS.values() for c in k.columns))
KINDS["all"] = Kind("all", ALL_COLUMNS, ("record",), False, None)

# The column ``import --errors FILE`` adds to the rows it rejects; an import skips it, so
# that file loads again once fixed.
REJECTION_COLUMN = "rejection_reason"

# Which column a service's field name refers to, for error reports.
FIELD_COLUMNS = {"detained": "detained_on", "admitted": "admitted_on", "type": "release_type",
                 "who": "reg_no", "to": "to_lapas", "from": "from_lapas",
                 "class": "register_class"}
