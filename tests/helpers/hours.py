"""Calling hours in the tests: open at any hour, unless a test is about them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from dialer_app.core.config import Paths
from dialer_app.core.hours import IST


def allow_any_hour(data_dir: Path) -> None:
    """Open calling hours in ``data_dir``'s settings file (what an agent could write too)."""
    set_hours(data_dir, "always")


def set_hours(data_dir: Path, hours: str, **per_purpose: str) -> None:
    """Write ``hours`` (``09:00-21:00``) as the calling hours of ``data_dir``; ``service=``
    and ``transactional=`` write those purposes' windows (``calling/hours_service`` …)."""
    settings = Paths(data_dir).settings
    settings.parent.mkdir(parents=True, exist_ok=True)
    more = "".join(f"hours_{purpose}={value}\n" for purpose, value in per_purpose.items())
    settings.write_text(f"[calling]\nhours={hours}\n{more}", encoding="utf-8")


def india(day: str, clock: str) -> datetime:
    """A moment in India time: ``india("2026-12-02", "20:59")``."""
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=IST)
