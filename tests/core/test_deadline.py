"""The deadline of an HTTP exchange: one watchdog thread shuts a request's socket in time."""

from __future__ import annotations

import socket
from types import SimpleNamespace

from dialer_app.core.callerdesk.deadline import Deadline


def stream_of(sock: socket.socket) -> SimpleNamespace:
    """What httpcore hands over: a stream whose extra info holds its socket."""
    return SimpleNamespace(get_extra_info=lambda name: sock if name == "socket" else None)


def test_a_socket_is_shut_at_its_deadline_and_a_disarmed_one_never() -> None:
    kept, kept_peer = socket.socketpair()
    shut, shut_peer = socket.socketpair()
    with kept, kept_peer, shut, shut_peer:
        with Deadline(0.05) as early:
            early.watch(stream_of(kept))
            early.disarm()  # the answer came in time
            with Deadline(0.2) as late:
                late.watch(stream_of(shut))
                assert shut.recv(1) == b""  # blocks until the deadline shuts it
                assert late.expired
        assert not early.expired
        kept_peer.sendall(b"x")
        assert kept.recv(1) == b"x"  # still open, well past its own deadline


def test_deadlines_started_together_each_end_on_time() -> None:
    pairs = [socket.socketpair() for _ in range(3)]
    deadlines = [Deadline(0.3 - 0.1 * i) for i in range(3)]  # the last one is due first
    try:
        for deadline, (sock, _peer) in zip(deadlines, pairs, strict=True):
            deadline.__enter__()
            deadline.watch(stream_of(sock))
        for sock, _peer in reversed(pairs):
            assert sock.recv(1) == b""
        assert all(deadline.expired for deadline in deadlines)
    finally:
        for deadline in deadlines:
            deadline.__exit__(None, None, None)
        for sock, peer in pairs:
            sock.close()
            peer.close()
