"""Numbers handed to the dialer by a link or a command line: ``tel:``, ``callto:`` or bare.

Only the number part is taken; it is not validated here: the number field shows what will
be dialled or why not, and nothing dials until the agent presses Return.
"""

from __future__ import annotations

from urllib.parse import unquote

SCHEMES = ("tel:", "callto:")


def number_from_argument(text: str) -> str:
    """``tel:+91-98765-43210;phone-context=x`` -> ``+91-98765-43210``; bare text unchanged."""
    value = text.strip()
    for scheme in SCHEMES:
        if value.lower().startswith(scheme):
            value = value[len(scheme) :].lstrip("/")
            break
    value = unquote(value)
    value = value.split(";", 1)[0].split("?", 1)[0]  # RFC 3966 parameters, query strings
    return value.strip()
