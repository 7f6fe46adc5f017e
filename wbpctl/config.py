"""Loads and validates the configuration (packaged default + the user's file).

Which file: ``--config`` > ``WBPCTL_CONFIG`` > ``./config.yaml`` > the user
config folder (``$XDG_CONFIG_HOME/wbpctl/config.yaml``) > the packaged default.
The chosen file is laid over the packaged default key by key (lists such as
``tracks`` replace the default's list whole), then every key is checked: an
unknown key, a wrong type, a duplicate code or a track naming an unknown OPD is
refused with the file, the key and what is wrong.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .domain.catalog import KINDS, PEMBINAAN, PHASES, Opd, Track, normalize_code
from .domain.dates import ZONES
from .domain.errors import ConfigError, Message
from .domain.milestones import SentenceRules
from .domain.offences import Rules as OffenceRules
from .domain.words import normalize

# which file, and the packaged default, are found without the checks below (config_files)
from .config_files import (LANGUAGES, PACKAGED, PACKAGED_JSON, find_config_path,
                           is_packaged, packaged_default)

# domain.products (and fractions, which it loads) only when the products or the sales split
# are first used (Config.products): most starts neither make nor sell anything
if TYPE_CHECKING:
    from .domain.products import Product, Split


class Config(NamedTuple):
    """The checked configuration. A named tuple, not a dataclass: every start makes this
    class, and a frozen dataclass of this many fields took 2 ms to make on Python 3.11."""

    path: Path
    lapas_code: str
    lapas_name: str
    database: Path | None
    language: str
    day_first: bool
    mask_nik: bool
    regno_format: str
    busy_timeout: float
    rules: SentenceRules
    default_capacity: int
    opds: tuple[Opd, ...]
    tracks: tuple[Track, ...]
    import_headers: dict[str, tuple[str, ...]]
    offence_rules: OffenceRules = ()
    programme_start: date | None = None
    signing_key: Path | None = None     # Ed25519 private key: checkpoints are signed
    privacy_key: Path | None = None     # the secret of linkable anonymised exports
    csv_dialect: str = "plain"          # or excel-id: how CSV is written by default
    date_display: str = "numeric"       # dates in tables: 29-11-2026 (or short: 29 Nov 2026)
    timezone: str = "Asia/Jakarta"      # the office's: times in tables (WIB)
    signatories: tuple[dict, ...] = ()  # who signs the printed monthly report
    # The products (code, name, unit, track, price) and the shares of a sale (premi,
    # cooperative) as checked; made into domain.products' objects when first used.
    product_items: tuple[tuple[str, str, str, str, int], ...] = ()
    sales_shares: tuple[float, float] = (0.5, 0.2)
    sales_regulation: str = ""          # what the split follows, printed with it

    @property
    def products(self) -> tuple[Product, ...]:
        return _products_of(self.product_items)

    @property
    def sales_split(self) -> Split:
        return _split_of(self.sales_shares)

    @property
    def offence_categories(self) -> tuple[str, ...]:
        return tuple(category for category, _ in self.offence_rules)

    def track(self, code: str) -> Track | None:
        return next((t for t in self.tracks if t.code == code), None)


@lru_cache(maxsize=8)
def _products_of(items: tuple[tuple[str, str, str, str, int], ...]) -> tuple[Product, ...]:
    from .domain.products import Product
    return tuple(Product(*item) for item in items)


@lru_cache(maxsize=8)
def _split_of(shares: tuple[float, float]) -> Split:
    from .domain.products import Split
    return Split.of(*shares)


def _read_yaml(path: Path) -> dict:
    import yaml  # deferred: only commands that need the config pay for it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config_missing", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("config_unreadable", file=str(path), reason=str(exc)) from None
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "?"
        raise ConfigError("config_yaml", file=str(path), where=where,
                          reason=getattr(exc, "problem", None) or str(exc)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("config_bad", file=str(path), key="(top)", reason="must be a mapping")
    return data


def _merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value
    return merged


class _Checker:
    """Reads typed values out of nested mappings, naming file and key on error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, reason: str, /, **params: object) -> ConfigError:
        """The config refused at ``key``: ``reason`` is a sentence of the catalogue (the
        admin reads it in their language), filled from ``params``."""
        return ConfigError("config_bad", file=str(self.path), key=key,
                           reason=Message(reason, **params))

    def mapping(self, data: object, key: str, allowed: set[str]) -> dict:
        if not isinstance(data, dict):
            raise self.fail(key, "cfg_mapping")
        for name in data:
            if name not in allowed:
                where = f"{key}.{name}" if key else str(name)
                raise self.fail(where, "cfg_unknown_key", allowed=", ".join(sorted(allowed)))
        return data

    def value(self, data: dict, name: str, key: str, kind: type, choices=None,
              minimum: float | None = None):
        where = f"{key}.{name}" if key else name
        if name not in data:
            raise self.fail(where, "cfg_required")
        value = data[name]
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok, value = True, float(value)
        if not ok:
            raise self.fail(where, "cfg_type", kind=Message(f"cfg_kind_{kind.__name__}"),
                            value=repr(value))
        if kind is str and not value.isprintable():
            # what the config names is shown in tables and titles: no terminal controls
            raise self.fail(where, "cfg_one_line", value=repr(value))
        if choices and value not in choices:
            raise self.fail(where, "cfg_choice", choices=", ".join(choices), value=repr(value))
        if minimum is not None and value < minimum:
            raise self.fail(where, "cfg_minimum", minimum=minimum, value=repr(value))
        return value


_TOP_KEYS = {"lapas", "database", "language", "date_input_order", "privacy",
             "register_number_format", "storage", "sentence_rules",
             "default_track_capacity", "opds", "tracks", "import_headers",
             "offence_categories", "programme_start", "signing_key", "csv_dialect",
             "date_display", "timezone", "report", "products", "sales", "privacy_key"}
IMPORT_COLUMNS = {"reg_no", "name", "nik", "gender", "birth_date", "detained_on",
                  "admitted_on", "sentence", "crime", "person_uid", "track", "assigned_on",
                  "sponsor", "completed_on", "hours", "result", "certificate", "released_on",
                  "release_type", "granted_on", "kind", "days", "dropped_on", "reason",
                  "override", "to_lapas", "sentenced_on", "register_class", "new_reg_no",
                  "returned_on", "from_lapas", "target", "act_on", "revoked_on",
                  "crime_category", "contact", "sponsor_uid", "received_on", "amount",
                  "in_kind", "ref", "donation_uid", "voided_on", "void_reason", "from_on",
                  "until_on", "consent", "spent_on", "what", "funded_by", "spending_uid",
                  "product", "qty", "produced_on", "makers", "maker_uids", "shares", "batch",
                  "production_uid", "sold_on", "price", "channel", "buyer", "premi_share",
                  "cooperative_share", "sale_uid", "paid_on", "payout_uid"}
_RULE_KEYS = {"deduct_remission_before_fractions", "pb_min_two_thirds_months",
              "cb_max_sentence_months", "cmb_max_leave_months", "pb_trial_years",
              "ekspirasi_grace_days"}
_TRACK_KEYS = {"code", "opd", "name", "kind", "phase", "pembinaan", "capacity"}


def load_config(option: str | None = None) -> Config:
    """Find, read, merge and validate the configuration."""
    path = find_config_path(option)
    data = packaged_default()
    if not is_packaged(path):
        user = _read_yaml(path)
        check = _Checker(path)
        check.mapping(user, "", _TOP_KEYS)
        extra_headers = user.get("import_headers")
        data = _merge(data, user)
        if "tracks" in user and "products" not in user:
            # the packaged products are made in the packaged tracks, which were replaced
            data["products"] = []
        if isinstance(extra_headers, dict):
            # aliases add to the packaged ones instead of replacing them
            base = packaged_default().get("import_headers", {})
            data["import_headers"] = {
                key: [*base.get(key, []), *(extra_headers.get(key) or [])]
                for key in {*base, *extra_headers}}
    return _build(data, path)


def _build(data: dict, path: Path) -> Config:
    check = _Checker(path)
    check.mapping(data, "", _TOP_KEYS)
    lapas = check.mapping(data.get("lapas"), "lapas", {"code", "name"})
    privacy = check.mapping(data.get("privacy", {}), "privacy", {"mask_nik"})
    storage = check.mapping(data.get("storage", {}), "storage", {"busy_timeout_seconds"})
    rules = check.mapping(data.get("sentence_rules"), "sentence_rules", _RULE_KEYS)
    fmt = check.value(data, "register_number_format", "", str)
    for part in ("{cls}", "{seq}", "{year}"):
        if part not in fmt:
            raise check.fail("register_number_format", "cfg_contains", part=part)
    database = data.get("database")
    if database is not None and not isinstance(database, str):
        raise check.fail("database", "cfg_type", kind=Message("cfg_kind_str"),
                         value=repr(database))
    default_capacity = check.value(data, "default_track_capacity", "", int, minimum=1)
    signing_key = data.get("signing_key")
    if signing_key is not None and not (isinstance(signing_key, str) and signing_key.strip()):
        raise check.fail("signing_key", "cfg_path", value=repr(signing_key))
    privacy_key = data.get("privacy_key")
    if privacy_key is not None and not (isinstance(privacy_key, str) and privacy_key.strip()):
        raise check.fail("privacy_key", "cfg_path", value=repr(privacy_key))

    opds: list[Opd] = []
    raw_opds = data.get("opds")
    if not isinstance(raw_opds, list) or not raw_opds:
        raise check.fail("opds", "cfg_nonempty_list")
    for i, raw in enumerate(raw_opds):
        key = f"opds[{i}]"
        check.mapping(raw, key, {"code", "name"})
        code = check.value(raw, "code", key, str)
        if any(o.code == code for o in opds):
            raise check.fail(f"{key}.code", "cfg_duplicate_opd", code=repr(code))
        opds.append(Opd(code, check.value(raw, "name", key, str)))
    opd_codes = {o.code for o in opds}

    tracks: list[Track] = []
    raw_tracks = data.get("tracks")
    if not isinstance(raw_tracks, list):
        raise check.fail("tracks", "cfg_list")
    for i, raw in enumerate(raw_tracks):
        key = f"tracks[{i}]"
        check.mapping(raw, key, _TRACK_KEYS)
        code = check.value(raw, "code", key, str)
        if any(t.code == code for t in tracks):
            raise check.fail(f"{key}.code", "cfg_duplicate_track", code=repr(code))
        opd = check.value(raw, "opd", key, str)
        if opd not in opd_codes:
            raise check.fail(f"{key}.opd", "cfg_unknown_opd", opd=repr(opd),
                             known=", ".join(sorted(opd_codes)))
        capacity = raw.get("capacity", default_capacity)
        if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 1:
            raise check.fail(f"{key}.capacity", "cfg_capacity", value=repr(capacity))
        tracks.append(Track(
            code=code, opd=opd, name=check.value(raw, "name", key, str),
            kind=check.value(raw, "kind", key, str, KINDS),
            phase=check.value(raw, "phase", key, str, PHASES),
            pembinaan=check.value(raw, "pembinaan", key, str, PEMBINAAN),
            capacity=capacity,
        ))

    headers = check.mapping(data.get("import_headers", {}), "import_headers", IMPORT_COLUMNS)
    import_headers: dict[str, tuple[str, ...]] = {}
    # An alias may name columns of different kinds ("Tanggal": the date of a donation and
    # of a spending; the import of one kind sees only its own columns), but never another
    # column's own name.
    own = {normalize(c): c for c in IMPORT_COLUMNS}
    for column, aliases in headers.items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise check.fail(f"import_headers.{column}", "cfg_header_list")
        for alias in aliases:
            if own.get(normalize(alias), column) != column:
                raise check.fail(f"import_headers.{column}", "cfg_header_is_column",
                                 alias=repr(alias), column=own[normalize(alias)])
        import_headers[column] = tuple(aliases)

    offence_rules = _offence_rules(check, data.get("offence_categories", {}))
    products = _products(check, data.get("products", []), {t.code for t in tracks})
    shares, regulation = _sales(check, data.get("sales", {}))
    start = data.get("programme_start")
    if start is not None:
        try:
            start = start if isinstance(start, date) else date.fromisoformat(str(start))
        except ValueError:
            raise check.fail("programme_start", "cfg_date", value=repr(start))

    return Config(
        path=path,
        lapas_code=check.value(lapas, "code", "lapas", str),
        lapas_name=check.value(lapas, "name", "lapas", str),
        database=(path.parent / database) if database else None,
        language=check.value(data, "language", "", str, LANGUAGES),
        day_first=check.value(data, "date_input_order", "", str,
                              ("day-first", "month-first")) == "day-first",
        mask_nik=check.value(privacy, "mask_nik", "privacy", bool) if "mask_nik" in privacy else True,
        regno_format=fmt,
        busy_timeout=check.value(storage, "busy_timeout_seconds", "storage", float, minimum=0)
        if "busy_timeout_seconds" in storage else 10.0,
        rules=SentenceRules(
            deduct_remission_first=check.value(rules, "deduct_remission_before_fractions",
                                               "sentence_rules", bool),
            pb_min_two_thirds_months=check.value(rules, "pb_min_two_thirds_months",
                                                 "sentence_rules", int, minimum=0),
            cb_max_sentence_months=check.value(rules, "cb_max_sentence_months",
                                               "sentence_rules", int, minimum=0),
            cmb_max_leave_months=check.value(rules, "cmb_max_leave_months",
                                             "sentence_rules", int, minimum=0),
            pb_trial_years=check.value(rules, "pb_trial_years", "sentence_rules", int, minimum=0),
            ekspirasi_grace_days=check.value(rules, "ekspirasi_grace_days", "sentence_rules",
                                             int, minimum=0)
            if "ekspirasi_grace_days" in rules else 0,
        ),
        default_capacity=default_capacity,
        opds=tuple(opds),
        tracks=tuple(tracks),
        import_headers=import_headers,
        offence_rules=offence_rules,
        programme_start=start,
        signing_key=path.parent / Path(signing_key).expanduser() if signing_key else None,
        privacy_key=path.parent / Path(privacy_key).expanduser() if privacy_key else None,
        csv_dialect=check.value(data, "csv_dialect", "", str, ("plain", "excel-id"))
        if "csv_dialect" in data else "plain",
        date_display=check.value(data, "date_display", "", str, ("numeric", "short", "iso"))
        if "date_display" in data else "numeric",
        timezone=_timezone(check, data.get("timezone", "Asia/Jakarta")),
        signatories=_signatories(check, data.get("report", {})),
        product_items=products,
        sales_shares=shares,
        sales_regulation=regulation,
    )


def _signatories(check: "_Checker", raw: object) -> tuple[dict, ...]:
    """``report: signatories:``: each with a role, a name and (optionally) a NIP."""
    report = check.mapping(raw, "report", {"signatories"})
    people = report.get("signatories") or []
    if not isinstance(people, list):
        raise check.fail("report.signatories", "cfg_list")
    out = []
    for i, person in enumerate(people):
        key = f"report.signatories[{i}]"
        check.mapping(person, key, {"role", "name", "nip"})
        out.append({"role": check.value(person, "role", key, str),
                    "name": check.value(person, "name", key, str),
                    **({"nip": str(person["nip"])} if person.get("nip") else {})})
    return tuple(out)


def _timezone(check: "_Checker", name: object) -> str:
    if isinstance(name, str) and name in ZONES:
        return str(name)
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(str(name))
    except Exception:
        raise check.fail("timezone", "cfg_timezone", value=repr(name))
    return str(name)


_PRODUCT_KEYS = {"code", "name", "unit", "track", "price"}


def _products(check: "_Checker", raw: object, tracks: set[str]
              ) -> tuple[tuple[str, str, str, str, int], ...]:
    """``products``: code, name, unit, the track whose participants make it, list price."""
    if not isinstance(raw, list):
        raise check.fail("products", "cfg_list")
    products: list[tuple[str, str, str, str, int]] = []
    for i, item in enumerate(raw):
        key = f"products[{i}]"
        check.mapping(item, key, _PRODUCT_KEYS)
        code = normalize_code(check.value(item, "code", key, str))
        if any(p[0] == code for p in products):
            raise check.fail(f"{key}.code", "cfg_duplicate_product", code=repr(code))
        track = check.value(item, "track", key, str)
        if track not in tracks:
            raise check.fail(f"{key}.track", "cfg_unknown_track", track=repr(track))
        products.append((code, check.value(item, "name", key, str),
                         check.value(item, "unit", key, str), track,
                         check.value(item, "price", key, int, minimum=1)))
    return tuple(products)


def _sales(check: "_Checker", raw: object) -> tuple[tuple[float, float], str]:
    """``sales``: the premi and cooperative shares of net revenue (the rest is PNBP) and
    the regulation they follow."""
    sales = check.mapping(raw, "sales", {"premi_share", "cooperative_share", "regulation"})
    premi = check.value(sales, "premi_share", "sales", float, minimum=0) \
        if "premi_share" in sales else 0.5
    cooperative = check.value(sales, "cooperative_share", "sales", float, minimum=0) \
        if "cooperative_share" in sales else 0.2
    if not _shares_fit(premi, cooperative):
        raise check.fail("sales", "cfg_shares", premi=premi, cooperative=cooperative)
    regulation = sales.get("regulation", "")
    if not isinstance(regulation, str):
        raise check.fail("sales.regulation", "cfg_type", kind=Message("cfg_kind_str"),
                         value=repr(regulation))
    return (premi, cooperative), regulation


def _shares_fit(premi: float, cooperative: float) -> bool:
    """Whether ``Split.of`` takes the shares: from 0, adding up to at most 1 read exactly
    as decimals (0.2 is 1/5). Floats err by far less than 0.001, so shares whose float sum
    is below 0.999 fit exactly too, and need neither domain.products nor fractions (3 ms
    of every start); only a sum near 1 or above (or NaN) is checked exactly."""
    if premi + cooperative < 0.999:
        return True
    from .domain.products import Split
    try:
        Split.of(premi, cooperative)
    except ValueError:
        return False
    return True


def _offence_rules(check: "_Checker", raw: object) -> OffenceRules:
    """``offence_categories``: category -> keywords, in the order they are tried."""
    if not isinstance(raw, dict) or not raw:
        raise check.fail("offence_categories", "cfg_offence_mapping")
    rules = []
    for category, keywords in raw.items():
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise check.fail(f"offence_categories.{category}", "cfg_offence_keywords")
        rules.append((str(category), tuple(keywords)))
    if "lainnya" not in raw:
        raise check.fail("offence_categories", "cfg_offence_lainnya")
    return tuple(rules)


if __name__ == "__main__":
    PACKAGED_JSON.write_text(json.dumps(_read_yaml(PACKAGED), ensure_ascii=False, indent=1,
                                        default=str)
                             + "\n", encoding="utf-8")
    print(f"wrote {PACKAGED_JSON}")
