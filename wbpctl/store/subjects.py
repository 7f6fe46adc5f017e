"""Finding events by subject (a person's history, the latest privacy policy, a merge).

The index ``events_subject`` holds the first ``PREFIX`` characters of each subject, not
all of them: for a uid that is its time and counter (``01a2288c-4509-7006``), which
nearly always tells two subjects apart, and the index is 20 bytes an event smaller than
one of the whole text (schema 7). A lookup names the prefix, which the index finds, then
the whole subject, which picks out the few rows that share it.
"""

from __future__ import annotations

from typing import Sequence

PREFIX = 18          # as schema 7 made the index: substr(subject, 1, 18)


def subject_in(column: str, subjects: Sequence[str]) -> tuple[str, list[str]]:
    """(SQL, parameters) of "``column`` is one of ``subjects``", as events_subject serves
    it: the expression must be the index's own, ``substr(subject, 1, 18)``, and the
    whole subject is compared as ``+subject``, since SQLite would otherwise put the given
    subject in place of the column in the prefix too (constant propagation), which then
    names no column and no index (a test reads the plan)."""
    marks = ",".join("?" * len(subjects))
    return (f"substr({column}, 1, {PREFIX}) IN ({marks}) AND +{column} IN ({marks})",
            [s[:PREFIX] for s in subjects] + list(subjects))


def subject_is(column: str, expression: str) -> str:
    """SQL of "``column`` is the subject ``expression`` computes" (a column of another
    table, say), served by events_subject the same way as ``subject_in``."""
    return (f"substr({column}, 1, {PREFIX}) = substr({expression}, 1, {PREFIX})"
            f" AND +{column} = {expression}")
