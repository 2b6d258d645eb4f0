"""Check that pyproject.toml and the hashed locks agree (run by ``scripts/lock --check``).

Every direct dependency must be pinned with ``==`` in pyproject.toml and locked at that same
version; every locked package must carry hashes; the two locks must agree on shared packages.
Exits 1 with one line per disagreement.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path) -> tuple[dict[str, str], list[str]]:
    """The locked versions by name, and the names locked without a hash."""
    versions: dict[str, str] = {}
    unhashed: list[str] = []
    entries = re.split(r"\n(?=\S)", path.read_text(encoding="utf-8"))
    for entry in entries:
        match = _NAME.match(entry)
        if match is None:
            continue
        name = normalise(match.group(1))
        versions[name] = match.group(2)
        if "--hash=sha256:" not in entry:
            unhashed.append(name)
    return versions, unhashed


def direct_pins(pyproject: Path) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Runtime+build pins, test pins, and requirements that are not ``==`` pins."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    loose: list[str] = []

    def pins(requirements: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for requirement in requirements:
            match = _NAME.match(requirement.replace(" ", ""))
            if match is None:
                loose.append(requirement)
            else:
                found[normalise(match.group(1))] = match.group(2)
        return found

    app = pins(project["dependencies"]) | pins(extras.get("build", []))
    return app, pins(extras.get("test", [])), loose


def problems(pyproject: Path, app_lock: Path, dev_lock: Path) -> list[str]:
    app_pins, test_pins, loose = direct_pins(pyproject)
    found = [f"{pyproject}: not pinned with ==: {requirement}" for requirement in loose]
    app_locked, app_unhashed = read_lock(app_lock)
    dev_locked, dev_unhashed = read_lock(dev_lock)
    for lock, locked, wanted in (
        (app_lock, app_locked, app_pins),
        (dev_lock, dev_locked, app_pins | test_pins),
    ):
        for name, version in sorted(wanted.items()):
            if locked.get(name) != version:
                have = locked.get(name, "missing")
                found.append(f"{lock}: {name} is {have}, pyproject.toml says {version}")
    found += [f"{app_lock}: {name} has no hash" for name in app_unhashed]
    found += [f"{dev_lock}: {name} has no hash" for name in dev_unhashed]
    for name, version in sorted(app_locked.items()):
        if dev_locked.get(name, version) != version:
            found.append(f"{dev_lock}: {name} is {dev_locked[name]}, {app_lock} has {version}")
    return found


def main(argv: list[str]) -> int:
    pyproject, app_lock, dev_lock = (Path(arg) for arg in argv)
    found = problems(pyproject, app_lock, dev_lock)
    for line in found:
        print(f"lock: {line}", file=sys.stderr)
    if found:
        print(
            "lock: run scripts/lock to bring the locks in line with pyproject.toml", file=sys.stderr
        )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
