"""Recidivism by release cohort, as Recidiviz counts it, and whether the data can carry a
claim such as "recidivism down 20%" (DOMAIN.md, "Recidivism").

A release into the community of a sentenced stay belongs to the cohort of its calendar
year. For a follow-up window of k years, the release is *eligible* once k years have
fully passed by the as-of date, and *readmitted* when the person's next sentenced stay
began no later than k years after it (a new offence). A PB, CB or CMB revoked within the
window is a *technical return*, counted apart and never also as a readmission.

Two groups are compared: those who completed a training during the stay and those who
did not (``compare="training"``), or those released after the programme began and those
released before (``compare="period"``). Every rate carries its 95% Wilson interval; each
cohort and window the difference (Newcombe) and the risk ratio (log scale); each window
the Mantel-Haenszel risk ratio over the cohorts, and, with ``adjust``, over cohorts and
bands of sentence, age and offence, so that like is compared with like. A verdict says
"lower" or "higher" only when the whole interval of the relative change is on one side
of zero, and "too_few" below 30 eligible releases in a group.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from ..domain import statistics as stats
from ..domain.bands import SENTENCE_BANDS, age_band
from ..domain.bounds import WORD, bounded
from ..domain.errors import Invalid
from ..domain.offences import categorize
from ..domain.periods import parse_windows
from ..domain.release import INTO_COMMUNITY
from ..domain.words import word_key
from ..services.heads import report_snapshot
from ..services.session import Session
from ..store import report_queries as rq
from .lapas import lapas_code, scope_fields, scope_of

COMPARISONS = {
    # compare: (group of interest, reference group)
    "training": ("completed_training", "no_training"),
    "period": ("after_programme", "before_programme"),
}
ADJUSTMENTS = ("sentence", "age", "offence")
CLAIMED_CHANGE = -0.2          # the agreement's promise: recidivism down 20%
MINIMUM_ELIGIBLE = 30


def parse_compare(text: str) -> str:
    key = word_key(bounded(text, "compare", WORD))
    aliases = {"pelatihan": "training", "periode": "period", "program": "period"}
    key = aliases.get(key, key)
    if key not in COMPARISONS:
        raise Invalid("compare", text, "compare_unknown", choices=", ".join(COMPARISONS))
    return key


def parse_adjust(text: str | None) -> tuple[str, ...]:
    """``sentence,age,offence`` (any subset, Indonesian ``pidana,umur,perkara`` too)."""
    if not text or not text.strip():
        return ()
    bounded(text, "adjust", WORD)
    aliases = {"pidana": "sentence", "umur": "age", "usia": "age", "perkara": "offence",
               "offense": "offence", "kejahatan": "offence"}
    found = []
    for part in text.split(","):
        key = aliases.get(word_key(part), word_key(part))
        if key not in ADJUSTMENTS:
            raise Invalid("adjust", text, "adjust_unknown", choices=", ".join(ADJUSTMENTS))
        if key not in found:
            found.append(key)
    return tuple(sorted(found, key=ADJUSTMENTS.index))


@dataclass
class Cell:
    released: int = 0
    eligible: int = 0
    readmitted: int = 0
    technical_returns: int = 0


@dataclass
class _Tally:
    """Counts per (cohort, window, group), per stratum, and releases of the last year."""

    cells: dict[tuple[int, int, str], Cell] = field(default_factory=dict)
    strata: dict[tuple, dict[str, list[int]]] = field(default_factory=dict)
    recent: dict[str, int] = field(default_factory=dict)

    def cell(self, cohort: int, window: int, group: str) -> Cell:
        return self.cells.setdefault((cohort, window, group), Cell())


def _rate(cell: Cell) -> dict:
    if not cell.eligible:
        return {"rate": None, "ci_low": None, "ci_high": None}
    low, high = stats.wilson_interval(cell.readmitted, cell.eligible)
    return {"rate": round(cell.readmitted / cell.eligible, 4), "ci_low": round(low, 4),
            "ci_high": round(high, 4)}


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _compare(first: Cell, second: Cell, pooled: stats.Estimate | None,
             adjusted: stats.Estimate | None) -> dict:
    """Group of interest against the reference: difference, risk ratio, verdict."""
    out = {"difference_pp": None, "diff_ci_low": None, "diff_ci_high": None,
           "risk_ratio": None, "rr_ci_low": None, "rr_ci_high": None,
           "relative_change": None, "adjusted_risk_ratio": None, "adj_ci_low": None,
           "adj_ci_high": None, "verdict": "too_few"}
    if not first.eligible or not second.eligible:
        return out
    diff = stats.newcombe_difference(first.readmitted, first.eligible, second.readmitted,
                                     second.eligible)
    out.update(difference_pp=_round(diff.value * 100, 2), diff_ci_low=_round(diff.low * 100, 2),
               diff_ci_high=_round(diff.high * 100, 2))
    ratio = pooled if pooled is not None else stats.risk_ratio(
        first.readmitted, first.eligible, second.readmitted, second.eligible)
    if ratio is not None:
        out.update(risk_ratio=_round(ratio.value), rr_ci_low=_round(ratio.low),
                   rr_ci_high=_round(ratio.high), relative_change=_round(ratio.value - 1))
    if adjusted is not None:
        out.update(adjusted_risk_ratio=_round(adjusted.value), adj_ci_low=_round(adjusted.low),
                   adj_ci_high=_round(adjusted.high))
    judged = adjusted or ratio
    if judged is not None:
        change = judged.relative_change()
        low, high = change.low, change.high
    else:   # no readmission in a group: the ratio is undefined, the difference is not
        low, high = diff.low, diff.high
    out["verdict"] = stats.verdict(low, high, eligible=(first.eligible, second.eligible),
                                   minimum=MINIMUM_ELIGIBLE)
    return out


def _strata(tally: _Tally, window: int, cohort: int | None, groups: tuple[str, str]
            ) -> list[tuple[int, int, int, int]]:
    """(x1, n1, x2, n2) per stratum of one window (and one cohort, or all)."""
    out = []
    for key, counts in tally.strata.items():
        if key[1] != window or (cohort is not None and key[0] != cohort):
            continue
        first, second = counts.get(groups[0], [0, 0]), counts.get(groups[1], [0, 0])
        out.append((first[1], first[0], second[1], second[0]))
    return out


def recidivism(session: Session, *, windows: str | tuple[int, ...] = (1, 2, 3),
               as_of: str | date | None = None, compare: str = "training",
               adjust: str | tuple[str, ...] | None = None, at: str | None = None,
               lapas: str | None = None) -> dict:
    """The report: ``rows`` (cohort x window x group), ``comparisons`` (per cohort and
    window, and pooled over cohorts as cohort ``"all"``), ``summary`` (one verdict per
    window, with what it would take), ``scope`` (whose releases are counted, whose
    readmissions are seen) and the ledger head it was counted from (the ledger as it
    stood at ``at``, when given). ``lapas``: count the releases from those Lapas only
    (``--lapas``; default all); a readmission anywhere in the ledger still counts. Of
    several Lapas, ``by_lapas`` gives each one's summary, and its rows and comparisons
    over all cohorts."""
    windows = parse_windows(windows)
    compare = parse_compare(compare)
    adjust = adjust if isinstance(adjust, tuple) else parse_adjust(adjust)
    today = session.as_of(as_of)
    start = session.config.programme_start
    if compare == "period" and start is None:
        raise Invalid("compare", compare, "programme_start_missing")
    groups = COMPARISONS[compare]
    with report_snapshot(session, at) as (conn, head):
        scope = scope_of(session, conn, lapas)
        releases = rq.recidivism_releases(conn, today.isoformat(), INTO_COMMUNITY,
                                          start.isoformat() if start else None, scope.only)
        seen = rq.lapas_codes(conn)
    rows, comparisons, summary = _analyse(session, releases, windows, compare, groups, adjust)
    report = {"as_of": today.isoformat(), "lapas": lapas_code(session, scope),
              **scope_fields(scope), "ledger_head": head.as_dict(),
              "compare": compare, "groups": list(groups), "adjust": list(adjust),
              "windows": list(windows),
              "programme_start": start.isoformat() if start else None,
              "scope": {"lapas": list(scope.codes) if scope.narrowed else seen,
                        "readmissions_seen_in": seen},
              "summary": summary, "rows": rows, "comparisons": comparisons}
    if scope.several:
        report["by_lapas"] = []
        for code in scope.codes:
            rows, comparisons, summary = _analyse(
                session, [r for r in releases if r["lapas"] == code], windows, compare,
                groups, adjust)
            report["by_lapas"].append({
                "lapas": code, "summary": summary,
                "rows": [r for r in rows if r["cohort"] == "all"],
                "comparisons": [c for c in comparisons if c["cohort"] == "all"]})
    return report


def _analyse(session: Session, releases: list, windows: tuple[int, ...], compare: str,
             groups: tuple[str, str], adjust: tuple[str, ...]
             ) -> tuple[list[dict], list[dict], list[dict]]:
    """(rows, comparisons, summary) of these releases."""
    tally = _tally(session, releases, windows, compare, groups, adjust)

    rows, comparisons, summary = [], [], []
    cohorts = sorted({c for c, _, _ in tally.cells})
    for cohort in cohorts:
        for k in windows:
            pair = [tally.cells.get((cohort, k, g), Cell()) for g in groups]
            for group, cell in zip(groups, pair):
                rows.append({"cohort": cohort, "window_years": k, "group": group,
                             **cell.__dict__, **_rate(cell)})
            adjusted = stats.mantel_haenszel_risk_ratio(_strata(tally, k, cohort, groups)) \
                if adjust else None
            comparisons.append({"cohort": cohort, "window_years": k,
                                **_compare(pair[0], pair[1], None, adjusted)})
    for k in windows:
        pair = [Cell(), Cell()]
        for cohort in cohorts:
            for total, group in zip(pair, groups):
                cell = tally.cells.get((cohort, k, group), Cell())
                for name in ("released", "eligible", "readmitted", "technical_returns"):
                    setattr(total, name, getattr(total, name) + getattr(cell, name))
        by_cohort = [(tally.cells.get((c, k, groups[0]), Cell()),
                      tally.cells.get((c, k, groups[1]), Cell())) for c in cohorts]
        pooled = stats.mantel_haenszel_risk_ratio(
            [(a.readmitted, a.eligible, b.readmitted, b.eligible) for a, b in by_cohort])
        adjusted = stats.mantel_haenszel_risk_ratio(_strata(tally, k, None, groups)) \
            if adjust else None
        compared = _compare(pair[0], pair[1], pooled, adjusted)
        for group, cell in zip(groups, pair):
            rows.append({"cohort": "all", "window_years": k, "group": group,
                         **cell.__dict__, **_rate(cell)})
        comparisons.append({"cohort": "all", "window_years": k, **compared})
        summary.append(_summary(k, groups, pair, compared, tally, adjust))
    return rows, comparisons, summary


def _tally(session: Session, releases: list, windows: tuple[int, ...], compare: str,
           groups: tuple[str, str], adjust: tuple[str, ...]) -> _Tally:
    tally = _Tally()
    rules = session.config.offence_rules
    categories: dict[tuple[str | None, str | None], str] = {}
    for r in releases:
        flag = r["trained"] if compare == "training" else r["after_start"]
        group = groups[0] if flag else groups[1]
        n = r["n"]
        if r["recent"]:
            tally.recent[group] = tally.recent.get(group, 0) + n
        band = ()
        if adjust:
            parts = {"sentence": SENTENCE_BANDS[r["sentence_band"]], "age": age_band(r["age"])}
            if "offence" in adjust:
                key = (r["crime_category"], r["crime"])
                if key not in categories:
                    categories[key] = r["crime_category"] or categorize(r["crime"], rules)
                parts["offence"] = categories[key]
            band = tuple(parts[a] for a in adjust)
        for k in windows:
            cell = tally.cell(r["cohort"], k, group)
            cell.released += n
            if r["elapsed"] < k:                      # the window has not fully passed
                continue
            cell.eligible += n
            back = r["needed"] is not None and r["needed"] <= k
            technical = r["technical"] is not None and r["technical"] <= k
            cell.readmitted += n if back else 0
            cell.technical_returns += n if technical else 0
            if adjust:
                counts = tally.strata.setdefault((r["cohort"], k, *band), {})
                eligible_readmitted = counts.setdefault(group, [0, 0])
                eligible_readmitted[0] += n
                eligible_readmitted[1] += n if back else 0
    return tally


def _summary(window: int, groups: tuple[str, str], pair: list[Cell], compared: dict,
             tally: _Tally, adjust: tuple[str, ...]) -> dict:
    """One window's verdict over all cohorts, and what a conclusive answer would take."""
    first, second = pair
    base = second.readmitted / second.eligible if second.eligible else None
    needed = stats.needed_per_group(base, CLAIMED_CHANGE) if base else None
    per_year = min(tally.recent.get(g, 0) for g in groups)
    years = None
    if needed is not None and per_year:
        short = max(needed - min(first.eligible, second.eligible), 0)
        years = math.ceil(short / per_year) + window if short else 0
    return {"window_years": window, "groups": list(groups),
            "rate_1": None if not first.eligible else round(first.readmitted / first.eligible, 4),
            "rate_2": base if base is None else round(base, 4),
            "eligible_1": first.eligible, "eligible_2": second.eligible,
            "relative_change": compared["relative_change"] if not adjust else (
                None if compared["adjusted_risk_ratio"] is None
                else round(compared["adjusted_risk_ratio"] - 1, 4)),
            "change_ci_low": _change_bound(compared, adjust, "low"),
            "change_ci_high": _change_bound(compared, adjust, "high"),
            "adjusted": bool(adjust), "verdict": compared["verdict"],
            "claimed_change": CLAIMED_CHANGE, "needed_per_group": needed,
            "releases_last_year": per_year, "years_needed": years}


def _change_bound(compared: dict, adjust: tuple[str, ...], side: str) -> float | None:
    key = ("adj_ci_" if adjust else "rr_ci_") + side
    return None if compared[key] is None else round(compared[key] - 1, 4)
