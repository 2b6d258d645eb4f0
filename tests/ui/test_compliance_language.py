"""Every compliance refusal in the window's language: Hindi, placeholders (and a sentence
inside a sentence) filled in; English otherwise."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from dialer_app.core.compliance import caller_id, hours, opt_out, scrub
from dialer_app.core.compliance.columns import Dnd
from dialer_app.core.compliance.purpose import Purpose, label
from dialer_app.core.text import Sentence
from dialer_app.ui.common.i18n import translated
from tests.helpers.hours import india
from tests.helpers.language import language

NIGHT = india("2026-12-02", "22:00")
OPTED = opt_out.OptOut(
    "9876543210", NIGHT, "Asha", opt_out.reason_text(opt_out.asked_not_to_be_called())
)


def _sentences() -> list[tuple[Sentence | None, str]]:
    """Each refusal and a piece of its Hindi text (with a placeholder's value)."""
    return [
        (hours.refusal(Purpose.PROMOTIONAL, NIGHT, hours.HoursSettings()), "कल 09:00 बजे"),
        (hours.refusal(Purpose.SERVICE, NIGHT, hours.HoursSettings(service="08:00-21:00")),
         "settings.ini में calling/hours_service"),
        (caller_id.warning(Purpose.PROMOTIONAL, False, "01204000000"), "डेस्कफ़ोन 01204000000"),
        (caller_id.warning(Purpose.SERVICE, True, "01204000000"), "1600-सीरीज़"),
        (scrub.row_refusal(Purpose.PROMOTIONAL, scrub.ComplianceRecord(Dnd.REGISTERED)),
         "NCPR (DND) में दर्ज है"),
        (opt_out.refusal(OPTED, "98765 43210"), "(ग्राहक ने कॉल न करने को कहा)"),
        (label(Purpose.TRANSACTIONAL), "ट्रांज़ैक्शनल"),
    ]  # fmt: skip


@pytest.mark.parametrize("index", range(len(_sentences())))
def test_a_refusal_reads_in_hindi_with_its_values(index: int, qtbot: QtBot) -> None:
    del qtbot  # the application the catalogues are installed in
    sentence, piece = _sentences()[index]
    assert sentence is not None
    with language("hi"):
        text = translated(sentence)
    assert piece in text, text
    assert "{" not in text
    assert translated(sentence) == str(sentence)  # English again afterwards
