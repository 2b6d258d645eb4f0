"""Issue 20, item 15: the plain-text filter keeps the joiners Indian scripts spell with and
still neutralises every direction control, in a name typed, from the service or from a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialer_app.core.leads.model import build_preview
from dialer_app.core.leads.read import read_table
from dialer_app.core.text import plain

KEPT = [
    "കാര്\u200dത്തിക്",  # Malayalam chillu with ZWJ: without it another word
    "क्\u200dष",  # Hindi: half form by ZWJ
    "क्\u200cष",  # Hindi: explicit virama by ZWNJ
    "ശ്രീ\u200cകുമാർ",
]
NEUTRALISED = [
    ("Asha\u202eRao", "AshaRao"),  # right-to-left override
    ("\u2066Ravi\u2069", "Ravi"),  # isolates
    ("Meena\u200f", "Meena"),  # right-to-left mark
    ("Pa\u200bri", "Pari"),  # zero-width space: hides what a cell holds
    ("\ufeffJoy", "Joy"),
]


@pytest.mark.parametrize("name", KEPT)
def test_joiners_are_kept(name: str) -> None:
    assert plain(name) == name


@pytest.mark.parametrize(("text", "shown"), NEUTRALISED)
def test_direction_controls_and_invisibles_still_go(text: str, shown: str) -> None:
    assert plain(text) == shown


def test_a_malayalam_name_from_a_file_keeps_its_joiner(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("Name,Mobile\nകാര്\u200dത്തിക്,9876543210\n", "utf-8-sig")
    preview = build_preview("names", path.name, read_table(path), lambda _n: False)
    assert plain(preview.ready[0].name) == "കാര്\u200dത്തിക്"
