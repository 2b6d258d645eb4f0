"""A real small disk for storage faults: a tmpfs mounted on a test folder (root only).

``read_only()`` remounts it read-only (even root cannot write then) and ``fill()`` writes a
file until the disk is full; both are faults of the file system itself, not of permissions.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from pathlib import Path

import pytest

SIZE = "4m"


class Disk:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0:
            pytest.skip("mounting a small disk needs root (CI runs as root)")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={SIZE},mode=0755", "tmpfs", str(path)],
            capture_output=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True)

    def writable(self) -> None:
        subprocess.run(["mount", "-o", "remount,rw", str(self.path)], check=True)

    def fill(self) -> None:
        """Write until the disk refuses: every later write of data fails with ENOSPC."""
        chunk = b"\0" * 65536
        with (self.path / ".filler").open("wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(chunk)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
        for size in (4096, 512, 1):
            with (
                (self.path / ".filler").open("ab", buffering=0) as filler,
                contextlib.suppress(OSError),
            ):
                while True:
                    filler.write(b"\0" * size)

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], check=False)
