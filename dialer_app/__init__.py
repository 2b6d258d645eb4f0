"""Desktop click-to-call dialer for CallerDesk's reverse click-to-call API."""

__version__ = "0.1.0"
