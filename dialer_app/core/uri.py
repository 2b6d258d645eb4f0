"""Numbers handed to the dialer by a link or a command line, and links it may open.

A ``tel:``/``callto:`` argument is decoded into the text the number field shows, with nothing
dropped: its parameters (``;ext=12``, ``;phone-context=+91``) stay, so the one number parser
(``core.phone.parse``) refuses or accepts it exactly as it would typed text. Nothing dials
until the agent presses Return.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from dialer_app.core.phone import SCHEMES
from dialer_app.core.text import plain


def number_from_argument(text: str) -> str:
    """``tel:+91-98765-43210;ext=1`` -> ``+91-98765-43210;ext=1``; bare text unchanged."""
    value = plain(text).strip()
    for scheme in SCHEMES:
        if value.lower().startswith(scheme):
            return unquote(value[len(scheme) :]).lstrip("/").strip()
    return value


def is_openable_link(url: str) -> bool:
    """True only for an ``https://`` address with a host: anything else is never opened."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() == "https" and bool(parts.hostname) and plain(url) == url
