"""The dependency lock: pyproject.toml and requirements/*.lock must agree (scripts/lock)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = """
[project]
name = "x"
dependencies = ["httpx==0.28.1"]
[project.optional-dependencies]
test = ["pytest==9.2.0"]
build = ["pyinstaller==6.22.3"]
"""
HASH = "    --hash=sha256:" + "0" * 64
APP = f"httpx==0.28.1 \\\n{HASH}\npyinstaller==6.22.3 \\\n{HASH}\n"
DEV = APP + f"pytest==9.2.0 \\\n{HASH}\n"


def load_lockcheck() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lockcheck", ROOT / "scripts/lockcheck.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["lockcheck"] = module
    spec.loader.exec_module(module)
    return module


def check(tmp_path: Path, pyproject: str, app: str, dev: str) -> list[str]:
    files = [tmp_path / "pyproject.toml", tmp_path / "app.lock", tmp_path / "dev.lock"]
    for path, text in zip(files, (pyproject, app, dev), strict=True):
        path.write_text(text)
    result: list[str] = load_lockcheck().problems(*files)
    return result


def test_the_repository_locks_match_pyproject() -> None:
    lockcheck = load_lockcheck()
    locks = ROOT / "requirements"
    assert lockcheck.problems(ROOT / "pyproject.toml", locks / "app.lock", locks / "dev.lock") == []


def test_agreeing_files_pass(tmp_path: Path) -> None:
    assert check(tmp_path, PYPROJECT, APP, DEV) == []


@pytest.mark.parametrize(
    ("pyproject", "app", "dev", "expected"),
    [
        (
            PYPROJECT.replace("0.28.1", "0.28.2"),
            APP,
            DEV,
            "httpx is 0.28.1, pyproject.toml says 0.28.2",
        ),
        (
            PYPROJECT.replace("httpx==0.28.1", "httpx>=0.28"),
            APP,
            DEV,
            "not pinned with ==: httpx>=0.28",
        ),
        (PYPROJECT, APP, APP, "pytest is missing"),
        (
            PYPROJECT,
            APP.replace(f" \\\n{HASH}\npyinstaller", "\npyinstaller"),
            DEV,
            "httpx has no hash",
        ),
        (PYPROJECT, APP, DEV + f"anyio==4.0 \\\n{HASH}\n", ""),
        (
            PYPROJECT,
            APP + f"anyio==4.0 \\\n{HASH}\n",
            DEV + f"anyio==4.1 \\\n{HASH}\n",
            "anyio is 4.1",
        ),
    ],
    ids=[
        "version-differs",
        "not-pinned",
        "test-pin-unlocked",
        "no-hash",
        "extra-ok",
        "locks-differ",
    ],
)
def test_disagreements_are_named(
    tmp_path: Path, pyproject: str, app: str, dev: str, expected: str
) -> None:
    found = check(tmp_path, pyproject, app, dev)
    if expected:
        assert any(expected in line for line in found), found
    else:
        assert found == []
