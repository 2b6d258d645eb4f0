"""Logs never carry the key, and customer numbers keep only their last 4 digits."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dialer_app.core.logsetup import Redactor, configure
from tests.conftest import SENTINEL


@pytest.fixture
def log_file(tmp_path: Path, root_logging: logging.Logger) -> Path:
    return tmp_path / "dialer.log"


def test_key_and_numbers_are_scrubbed_from_messages_and_tracebacks(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    redactor = Redactor()
    configure(redactor, log_file, debug=True)
    redactor.add_secret(SENTINEL)
    log = logging.getLogger("dialer_app.test")
    log.info("GET /click_to_call_v3?calling_party_a=9876543210&authcode=%s", SENTINEL)
    log.warning("form authcode=other-secret-value&per_page=20")
    try:
        raise RuntimeError(f"boom with {SENTINEL} inside")
    except RuntimeError:
        log.exception("failed")
    logging.getLogger("httpx").info("HTTP Request: GET https://x/?authcode=%s", SENTINEL)
    text = log_file.read_text() + capsys.readouterr().err
    assert SENTINEL not in text
    assert "other-secret-value" not in text
    assert "9876543210" not in text
    assert "…3210" in text
    assert "boom with *** inside" in text
    assert "HTTP Request" not in text  # httpx is held at WARNING
