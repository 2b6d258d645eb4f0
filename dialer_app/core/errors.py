"""Errors of the core layer.

The hierarchy::

    DialerError
     ├── InvalidNumber          input that must never reach a request
     ├── ConfigError            a base URL or setting we refuse (plain HTTP to a remote host, …)
     ├── CredentialError        the OS keyring cannot store or give back the key
 │    └── KeyringUnavailable  there is no usable keyring backend at all
     ├── HistoryError           the history database cannot be used
 │    ├── HistoryDamaged      the file is not (or no longer) a readable database
 │    ├── HistoryReadOnly     the file or its disk does not allow writing
 │    └── HistoryFull         the disk holding it is full
     └── ApiError               a list/balance request did not give usable data
          ├── NotSentError      it never left (connect error, TLS failure, connect timeout)
          ├── BadResponseError  it left, and the answer was not a CallerDesk answer
          └── RejectedError     the service answered ``type: error``; ``.message`` is its text

The call request itself does not raise: ``CallerDeskClient.place_call`` classifies every
failure into a ``CallResult`` (see ``core.outcome``), because a call must never be retried.
No error text ever contains the authcode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dialer_app.core.text import Sentence


class DialerError(Exception):
    """Base of every error the dialer raises on purpose."""


class InvalidNumber(DialerError, ValueError):
    """A phone number that is not a valid 10-digit Indian number.

    ``sentence`` says why (the window translates it); ``choices`` holds the numbers found in
    pasted text that held more than one, for the agent to pick from.
    """

    def __init__(self, sentence: Sentence, choices: tuple[str, ...] = ()) -> None:
        super().__init__(str(sentence))
        self.sentence = sentence
        self.choices = choices


class ConfigError(DialerError, ValueError):
    """A configuration value we refuse to use; ``sentence`` says why (the window translates)."""

    def __init__(self, sentence: Sentence) -> None:
        super().__init__(str(sentence))
        self.sentence = sentence


class CredentialError(DialerError):
    """The keyring could not store, read or delete the authcode."""


class KeyringUnavailable(CredentialError):
    """No usable keyring backend: the key can be kept for this session only."""


class HistoryError(DialerError):
    """The history database could not be opened or written; ``reason`` is SQLite's word."""

    reason: str = ""


class HistoryDamaged(HistoryError):
    """The history file is not a database, or its pages are corrupt."""


class HistoryReadOnly(HistoryError):
    """The history can be read but not written (a read-only file, folder or disk).

    ``count``: how many unfinished rows could not be marked, when that was the write.
    """

    count: int = 0


class HistoryFull(HistoryError):
    """The disk holding the history is full: nothing can be written until there is space."""


class TooManyRows(DialerError, ValueError):
    """More rows than one spreadsheet sheet holds (Excel's limit): nothing is written."""


class ApiError(DialerError):
    """A CallerDesk request (other than the call) failed."""


class NotSentError(ApiError):
    """The request never reached the server."""


class BadResponseError(ApiError):
    """The server answered with something that is not a CallerDesk answer."""


class RejectedError(ApiError):
    """The service answered ``type: error``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
