"""A screen reader's view of the real app: a separate process in Xvfb publishing its
accessibility tree on a real AT-SPI bus (at-spi2-core), read over D-Bus the way Orca does.

The controls of the flow have their names, roles and descriptions; an outcome is announced
(``QAccessibleAnnouncementEvent`` → AT-SPI ``Object:Announcement``) when a call is placed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import deque
from pathlib import Path

import pytest

from tests.helpers.atspi import (
    DBusConnection,
    Message,
    Node,
    accessibility_bus,
    announcements,
    application_named,
    connect,
    listen_for,
    tree,
)
from tests.helpers.processes import wait_for
from tests.helpers.xvfb import xdotool

pytestmark = pytest.mark.xvfb

# (accessible name, AT-SPI role) of the controls an agent goes through, start to outcome.
# A combo box's name on Linux is its current item (Qt's AT-SPI mapping: the label comes
# through the "labelled by" relation of its buddy), so those are found by description.
CONTROLS = [
    ("Customer number", "text"),
    ("The phone that rings after the customer answers.", "combo box"),
    ("The number the customer sees.", "combo box"),
    ("Call limit in seconds", "spin box"),
    ("Call customer", "push button"),
    ("Refresh members", "push button"),
    ("Outcome of the last call", "notification"),
    ("Campaign history", "table"),
    ("Filter history", "text"),
]


def test_controls_have_names_roles_and_descriptions_and_an_outcome_is_announced(
    display: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    with accessibility_bus() as bus, connect(bus) as reader:
        listen_for(reader, "object:announcement")
        env = {**os.environ, **bus.env(), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("DIALER_BASE_URL", None)
        command = [sys.executable, "-m", "dialer_app", "--demo", "--data-dir", str(data_dir)]
        errors = tmp_path / "stderr.txt"
        with errors.open("w") as stderr:
            app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            wait_for(lambda: application_named(reader, "dialer-app") is not None, "the app")
            found = application_named(reader, "dialer-app")
            assert found is not None
            log = data_dir / "demo" / "dialer.log"
            wait_for(lambda: log.exists() and "Loaded 30 members" in log.read_text(), "lists")
            nodes = tree(reader, *found)
            for name, role in CONTROLS:
                assert _node(nodes, name, role), f"no {role} named or described {name!r}"
            for name in ("Customer number", "Call customer", "Outcome of the last call"):
                assert _node(nodes, name).description, f"{name} has no description"
            with reader.filter(announcements(reader)) as heard:
                window = xdotool(display, "search", "--name", "DEMO").splitlines()[0]
                xdotool(display, "windowfocus", "--sync", window)
                xdotool(display, "type", "--delay", "20", "98765 43210")
                xdotool(display, "key", "Return")  # from the start-up focus: the keyboard flow
                said = _announced(reader, heard, "Ringing customer 98765 43210")
            assert "campaign" in said
        finally:
            app.terminate()  # SIGTERM: the one way out, with the accessibility bridge up
            code = app.wait(timeout=20)
        assert code == 0, errors.read_text()
        assert "Traceback" not in errors.read_text()


def _node(nodes: list[Node], name: str, role: str = "") -> Node:
    matches = [node for node in nodes if name in (node.name, node.description)]
    matches = [node for node in matches if node.role == role] if role else matches
    assert matches, f"no accessible object named {name!r}"
    return matches[0]


def _announced(reader: DBusConnection, heard: deque[Message], wanted: str) -> str:
    """The first announcement holding ``wanted`` (waits up to 20 s)."""
    said: list[str] = []
    while True:
        message = reader.recv_until_filtered(heard, timeout=20)
        text = " ".join(str(part) for part in message.body)
        said.append(text)
        if wanted in text:
            return text
