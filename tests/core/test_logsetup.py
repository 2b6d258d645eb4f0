"""Logs never carry the key, and customer numbers keep only their last 4 digits."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dialer_app.core.logsetup import Redactor, configure
from tests.helpers.keys import SENTINEL


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


@pytest.mark.parametrize("fault", ["full disk", "file became a directory", "vanished directory"])
def test_a_failing_log_file_is_reported_once_without_a_traceback_or_raw_arguments(
    fault: str, tmp_path: Path, root_logging: logging.Logger, capfd: pytest.CaptureFixture[str]
) -> None:
    import shutil

    # /dev/full: every write fails with ENOSPC, as on a full disk
    target = Path("/dev/full") if fault == "full disk" else tmp_path / "logs" / "dialer.log"
    redactor = Redactor()
    configure(redactor, target, debug=False)
    redactor.add_secret(SENTINEL)
    if fault == "file became a directory":
        root_logging.handlers[-1].close()  # reopened (and refused) on the next write
        target.unlink()
        target.mkdir()
    elif fault == "vanished directory":
        shutil.rmtree(target.parent)
        target.parent.write_text("not a directory any more")
        root_logging.handlers[-1].close()
    log = logging.getLogger("dialer_app.test")
    for _ in range(3):
        log.info("calling %s with authcode=%s", "9876543210", SENTINEL)
    log.warning("still going %s", "9876543210")
    err = capfd.readouterr().err
    assert "Logging error" not in err
    assert "Traceback" not in err
    assert SENTINEL not in err
    assert "9876543210" not in err
    assert err.count("cannot be written") == 1
    assert "still going …3210" in err  # stderr logging goes on, redacted


def test_a_deferred_log_file_gets_every_line_from_before_it_opened(log_file: Path) -> None:
    redactor = Redactor()
    open_log = configure(redactor, log_file, defer_file=True)
    redactor.add_secret(SENTINEL)
    logging.getLogger("dialer_app.test").info("before the first frame, key %s", SENTINEL)
    assert not log_file.exists()  # nothing opened before the window's first frame
    open_log()
    logging.getLogger("dialer_app.test").info("after it")
    open_log()  # a second call changes nothing
    lines = log_file.read_text().splitlines()
    assert [line.split(" ", 3)[-1].split(": ", 1)[-1] for line in lines][-2:] == [
        "before the first frame, key ***",
        "after it",
    ]


def test_an_error_before_the_first_frame_opens_the_log_file_at_once(log_file: Path) -> None:
    configure(Redactor(), log_file, defer_file=True)
    logging.getLogger("dialer_app.test").info("starting")
    logging.getLogger("dialer_app.test").error("the history is damaged")
    text = log_file.read_text()
    assert "starting" in text
    assert "the history is damaged" in text
