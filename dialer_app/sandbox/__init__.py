"""A built-in CallerDesk-compatible server for the demo mode, the end-to-end tests and benchmarks.

Stdlib only, loopback only, no Qt. It implements the endpoints the dialer uses
(``click_to_call_v3``, ``getmemberlist_V2``, ``getdeskphone_v2``, ``profile_billing_v2``,
``call_list_v2``, ``live_call_v2``) with demo data, simulated calls and injectable faults::

    with Sandbox(clock=ManualClock()) as sandbox:
        sandbox.inject("click_to_call_v3", Fault.DROP)
        ...  # talk to sandbox.base_url
        assert sandbox.received("click_to_call_v3")
"""

from dialer_app.sandbox.clock import Clock, ManualClock, system_clock
from dialer_app.sandbox.data import DEMO_AUTHCODE
from dialer_app.sandbox.faults import Fault
from dialer_app.sandbox.server import Received
from dialer_app.sandbox.service import Sandbox

__all__ = [
    "DEMO_AUTHCODE",
    "Clock",
    "Fault",
    "ManualClock",
    "Received",
    "Sandbox",
    "system_clock",
]
