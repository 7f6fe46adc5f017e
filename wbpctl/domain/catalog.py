"""The OPDs and their tracks, as plain values."""

from __future__ import annotations

from typing import NamedTuple

KINDS = ("training", "service")
PHASES = ("custody", "post-release", "any")
PEMBINAAN = ("kemandirian", "kepribadian")


def normalize_code(text: str) -> str:
    """OPD and track codes as stored: ``olah-madu`` is ``OLAH-MADU``."""
    return str(text).strip().upper()


class Opd(NamedTuple):
    code: str
    name: str

    def as_dict(self) -> dict:
        return self._asdict()


class Track(NamedTuple):
    code: str
    opd: str
    name: str
    kind: str
    phase: str
    pembinaan: str
    capacity: int

    def as_dict(self) -> dict:
        return self._asdict()

    def open_to(self, in_custody: bool) -> bool:
        """Custody tracks serve people inside, post-release tracks people released."""
        if self.phase == "any":
            return True
        return (self.phase == "custody") == in_custody
