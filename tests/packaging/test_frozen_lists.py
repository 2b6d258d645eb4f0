"""The built app carries what the call-down lists need: the demo list, the XLSX reader, and
``--export-list`` works from the frozen binary."""

from __future__ import annotations

import subprocess
from pathlib import Path

from dialer_app.core.leads.model import build_preview
from dialer_app.core.leads.read import read_table
from dialer_app.core.leads.sqlite_store import SqliteLeadStore
from tests.helpers.lists import lead_rows, write_xlsx


def test_the_frozen_app_holds_the_demo_list_and_the_xlsx_reader(frozen_app: Path) -> None:
    tree = frozen_app.parent
    [demo] = list(tree.rglob("demo-leads.csv"))
    assert demo.parent.name == "resources"
    assert demo.parent.parent.name == "dialer_app"  # where ui/leads/files.py looks for it
    assert any(tree.rglob("python_calamine*")), "python-calamine is not bundled"


def test_the_frozen_app_exports_a_list(
    frozen_app: Path, app_env: dict[str, str], tmp_path: Path
) -> None:
    source = write_xlsx(tmp_path / "day.xlsx", [["Name", "Mobile"], ["Asha", 9876543210]])
    store = SqliteLeadStore(tmp_path / "data" / "lists.sqlite3")
    made = store.create_list(build_preview("day", "day.xlsx", read_table(source), lambda _: False))
    assert made is not None
    store.close()
    out = tmp_path / "out.xlsx"
    done = subprocess.run(
        [str(frozen_app), "--data-dir", str(tmp_path / "data"), "--export-list", "day", str(out)],
        env=app_env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert lead_rows(out)[1][:3] == ["Asha", "9876543210", "new"]
