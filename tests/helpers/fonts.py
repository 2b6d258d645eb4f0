"""A machine without a Devanagari font, made with fontconfig instead of removing packages.

``FONTCONFIG_FILE`` naming ``WITHOUT_DEVANAGARI`` gives a process the system's fonts minus every
font that covers Hindi (``fonts-noto-core``, Lohit, FreeSans...). It applies to processes
started with it: fontconfig reads its configuration once per process.
"""

from __future__ import annotations

import os
from pathlib import Path

WITHOUT_DEVANAGARI = Path(__file__).with_name("fonts-without-devanagari.conf").resolve()


def without_devanagari(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a process that finds no Devanagari font."""
    return {**env, "FONTCONFIG_FILE": str(WITHOUT_DEVANAGARI)}


def devanagari_hidden(env: dict[str, str] | None = None) -> bool:
    """True if ``env`` (default: this process's) hides the Devanagari fonts."""
    value = (os.environ if env is None else env).get("FONTCONFIG_FILE", "")
    return bool(value) and Path(value).resolve() == WITHOUT_DEVANAGARI
