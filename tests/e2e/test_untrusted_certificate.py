"""Behind a TLS-inspecting proxy whose CA is not installed: the window says which host's
certificate is not trusted, who issued it and what to do, where the failure shows (the
boxes' tooltip, the banner) and again when a call is attempted then. A real CA made for the
test signs the server's certificate; nothing trusts it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dialer_app.sandbox import Sandbox
from tests.helpers.harness import rendered
from tests.helpers.keys import SENTINEL, MemoryKeyring
from tests.helpers.window import Launch

ISSUER = "Acme Inspection CA"
SAID = (
    "the security certificate of 127.0.0.1 could not be verified",
    f"issued by “{ISSUER}”",
    "which this computer does not trust",
    "install the company's certificate authority (CA) into this computer's trusted certificates",
)


@pytest.fixture
def inspected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """The sandbox over HTTPS with a certificate from a CA this computer does not trust."""
    pytest.importorskip("cryptography")
    from tests.helpers.local_tls import server_context

    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
    _ca, context = server_context(tmp_path / "ca", ["127.0.0.1"], ISSUER)
    with Sandbox(authcode=SENTINEL, call_seconds=0, tls=context) as server:
        yield server


def test_an_untrusted_certificate_is_named_with_its_issuer_and_what_to_do(
    qtbot: QtBot, launch: Launch, inspected: Sandbox, memory_keyring: MemoryKeyring
) -> None:
    assert inspected.base_url.startswith("https://127.0.0.1:")
    memory_keyring.set_password("dialer-app", inspected.base_url, SENTINEL)
    desk = launch(base_url=inspected.base_url)
    window, form = desk.window, desk.window.form
    qtbot.waitUntil(lambda: bool(form.member_combo.toolTip()), timeout=10_000)

    assert form.member_combo.placeholderText() == "Could not load: press ⟳ to retry"
    for box in (form.member_combo, form.deskphone_combo):
        tooltip = rendered(box.toolTip())
        assert all(words in tooltip for words in SAID), tooltip
    banner = rendered(window.outcome_label.text())
    assert banner.startswith("Lists not loaded:")
    assert all(words in banner for words in SAID), banner

    form.number_edit.setText("98765 43210")
    form.number_edit.returnPressed.emit()  # a call attempted then
    banner = rendered(window.outcome_label.text())
    assert banner.startswith("Not called: the members could not be loaded:")
    assert all(words in banner for words in SAID), banner
    assert inspected.received("click_to_call_v3") == []
