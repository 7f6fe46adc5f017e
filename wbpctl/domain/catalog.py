"""The OPDs and their tracks, as plain values."""

from __future__ import annotations

from dataclasses import asdict, dataclass

KINDS = ("training", "service")
PHASES = ("custody", "post-release", "any")
PEMBINAAN = ("kemandirian", "kepribadian")


def normalize_code(text: str) -> str:
    """OPD and track codes as stored: ``olah-madu`` is ``OLAH-MADU``."""
    return str(text).strip().upper()


@dataclass(frozen=True)
class Opd:
    code: str
    name: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Track:
    code: str
    opd: str
    name: str
    kind: str
    phase: str
    pembinaan: str
    capacity: int

    def as_dict(self) -> dict:
        return asdict(self)

    def open_to(self, in_custody: bool) -> bool:
        """Custody tracks serve people inside, post-release tracks people released."""
        if self.phase == "any":
            return True
        return (self.phase == "custody") == in_custody
