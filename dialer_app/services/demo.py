"""Demo mode's account: the built-in sandbox, started on a worker thread after the first paint."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from dialer_app.services.runner import Job, Runner

if TYPE_CHECKING:
    from dialer_app.sandbox import Sandbox

log = logging.getLogger(__name__)


class DemoService(QObject):
    """Starts the sandbox (once) and gives its address and key; stops it at shutdown.

    ``base_url`` names a sandbox that is already running (tests, benchmarks): then nothing
    is started or stopped here.
    """

    def __init__(
        self, runner: Runner, *, base_url: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._base_url = base_url
        self._sandbox: Sandbox | None = None

    def start(self) -> Job[tuple[str, str]]:
        """The sandbox's (base URL, authcode), starting it first if needed."""
        return self._runner.submit(self._start)

    def _start(self) -> tuple[str, str]:
        # http.server and the sandbox load here, on a worker, never before the first paint.
        from dialer_app.sandbox import Sandbox
        from dialer_app.sandbox.data import DEMO_AUTHCODE, TEAM_DEMO_CUSTOMER

        if self._base_url is None:
            self._sandbox = Sandbox().start()
            # A colleague called this customer a minute ago: the team guard has one to name.
            self._sandbox.add_team_call(TEAM_DEMO_CUSTOMER, seconds_ago=60)
            self._base_url = self._sandbox.base_url
            log.info("Demo sandbox at %s", self._base_url)
        return self._base_url, DEMO_AUTHCODE

    def stop(self) -> None:
        if self._sandbox is not None:
            self._sandbox.stop()
            self._sandbox = None
