"""The real accessibility bus (AT-SPI, from Debian's at-spi2-core) read over D-Bus with jeepney:
what a screen reader sees of a running app, and what it is told."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from jeepney import (  # type: ignore[import-untyped]
    DBusAddress,
    MatchRule,
    Message,
    message_bus,
    new_method_call,
)
from jeepney.io.blocking import (  # type: ignore[import-untyped]
    DBusConnection,
    open_dbus_connection,
)

__all__ = ["DBusConnection", "Message", "Node", "accessibility_bus", "announcements",
           "application_named", "connect", "listen_for", "tree"]  # fmt: skip
LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
ACCESSIBLE = "org.a11y.atspi.Accessible"
REGISTRY = "org.a11y.atspi.Registry"
EVENT_OBJECT = "org.a11y.atspi.Event.Object"


@dataclass(frozen=True)
class Node:
    """One accessible object: what a screen reader reads out for it."""

    name: str
    role: str
    description: str


@dataclass
class AccessibilityBus:
    """A private session bus with the accessibility bus behind it."""

    session_address: str
    address: str
    runtime_dir: str

    def env(self) -> dict[str, str]:
        """What an app needs to publish its accessibility tree on this bus."""
        return {
            "DBUS_SESSION_BUS_ADDRESS": self.session_address,
            "XDG_RUNTIME_DIR": self.runtime_dir,
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }


@contextmanager
def accessibility_bus() -> Iterator[AccessibilityBus]:
    """dbus-daemon (session) + at-spi-bus-launcher; skips (fails on CI) without them."""
    if shutil.which("dbus-daemon") is None or not LAUNCHER.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install dbus-daemon and at-spi2-core (scripts/setup --test)")
        pytest.skip("dbus-daemon or at-spi2-core not installed")
    with tempfile.TemporaryDirectory() as runtime:
        os.chmod(runtime, 0o700)
        env = {**os.environ, "XDG_RUNTIME_DIR": runtime}
        read_fd, write_fd = os.pipe()
        daemon = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", f"--print-address={write_fd}"],
            pass_fds=(write_fd,), env=env, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            session = pipe.readline().strip()
        launcher = subprocess.Popen(
            [str(LAUNCHER), "--launch-immediately"],
            env={**env, "DBUS_SESSION_BUS_ADDRESS": session},
            stderr=subprocess.DEVNULL,
        )
        try:
            yield AccessibilityBus(session, _a11y_address(session), runtime)
        finally:
            launcher.terminate()
            launcher.wait(timeout=10)
            daemon.terminate()
            daemon.wait(timeout=10)


def _a11y_address(session: str) -> str:
    bus = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
    with open_dbus_connection(bus=session) as connection:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            reply = connection.send_and_get_reply(new_method_call(bus, "GetAddress"), timeout=5)
            if reply.body and reply.body[0]:
                return str(reply.body[0])
            time.sleep(0.1)
    raise AssertionError("the accessibility bus did not start")


def connect(bus: AccessibilityBus) -> DBusConnection:
    return open_dbus_connection(bus=bus.address)


def listen_for(connection: DBusConnection, event: str) -> None:
    """Tell the registry a client listens for ``event`` (apps only send what someone hears)."""
    registry = DBusAddress(
        "/org/a11y/atspi/registry", bus_name=REGISTRY, interface="org.a11y.atspi.Registry"
    )
    connection.send_and_get_reply(new_method_call(registry, "RegisterEvent", "s", (event,)))


def announcements(connection: DBusConnection) -> MatchRule:
    """The rule for announcements, added on the bus (the bus then routes them to us)."""
    rule = MatchRule(type="signal", interface=EVENT_OBJECT, member="Announcement")
    connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=5)
    return rule


def _call(connection: DBusConnection, name: str, path: str, method: str) -> Message:
    target = DBusAddress(path, bus_name=name, interface=ACCESSIBLE)
    return connection.send_and_get_reply(new_method_call(target, method), timeout=5)


def _property(connection: DBusConnection, name: str, path: str, key: str) -> str:
    target = DBusAddress(path, bus_name=name, interface="org.freedesktop.DBus.Properties")
    message = new_method_call(target, "Get", "ss", (ACCESSIBLE, key))
    reply = connection.send_and_get_reply(message, timeout=5)
    return str(reply.body[0][1])


def applications(connection: DBusConnection) -> list[tuple[str, str]]:
    """(bus name, path) of every app on the bus, from the registry's root."""
    reply = _call(connection, REGISTRY, "/org/a11y/atspi/accessible/root", "GetChildren")
    return [(str(name), str(path)) for name, path in reply.body[0]]


def application_named(connection: DBusConnection, wanted: str) -> tuple[str, str] | None:
    for name, path in applications(connection):
        if _property(connection, name, path, "Name") == wanted:
            return name, path
    return None


def tree(connection: DBusConnection, name: str, path: str, depth: int = 14) -> list[Node]:
    """Every accessible object under (name, path), as a screen reader walks it."""
    found: list[Node] = []
    role = str(_call(connection, name, path, "GetRoleName").body[0])
    found.append(Node(_property(connection, name, path, "Name"), role,
                      _property(connection, name, path, "Description")))  # fmt: skip
    if depth and role not in ("table", "tree table"):  # a table's cells are many: not needed
        for child_name, child_path in _call(connection, name, path, "GetChildren").body[0]:
            found += tree(connection, str(child_name), str(child_path), depth - 1)
    return found
