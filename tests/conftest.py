"""Shared fixtures: offscreen Qt, an in-memory keyring, a sandbox, a data directory, Xvfb."""

from __future__ import annotations

import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from dialer_app.sandbox import Sandbox
from tests.helpers.hours import allow_any_hour
from tests.helpers.keys import SENTINEL, MemoryKeyring
from tests.helpers.xvfb import xvfb_display

# Failures whose traceback has a frame without a line number are reported, not an INTERNALERROR.
pytest_plugins = ["tests.helpers.tracebacks"]


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """The built-in sandbox on loopback, with the sentinel as its authcode."""
    with Sandbox(authcode=SENTINEL, call_seconds=0) as server:
        yield server


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh data directory whose settings allow calls at any hour (the suite runs at night)."""
    path = tmp_path / "data"
    path.mkdir()
    allow_any_hour(path)
    return path


@pytest.fixture
def root_logging() -> Iterator[logging.Logger]:
    """The root logger, restored after the test (the app's configure() replaces handlers)."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield root
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    for handler in handlers:
        root.addHandler(handler)


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb display (the smoke and packaging tests); skipped without Xvfb."""
    with xvfb_display() as name:
        yield name
