"""The TLS contexts the client verifies with: what they leave behind when a wrap fails."""

from __future__ import annotations

import gc
import select
import socket
import struct
import warnings
from collections.abc import Iterator

import pytest

from dialer_app.core.callerdesk.tls import system_trust


@pytest.fixture
def reset_connection() -> Iterator[socket.socket]:
    """A client socket whose peer reset the connection before any TLS byte was exchanged."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        client = socket.create_connection(listener.getsockname()[:2], timeout=5)
        server, _ = listener.accept()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        server.close()  # a TCP reset, as a proxy or a server going away sends
        select.select([client], [], [], 5)  # the reset has arrived
        yield client
        client.close()


@pytest.mark.parametrize("use_truststore", [True, False], ids=["truststore", "certifi"])
def test_a_wrap_that_fails_leaves_no_socket_open(
    reset_connection: socket.socket, use_truststore: bool
) -> None:
    context = system_trust(use_truststore=use_truststore).context
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with pytest.raises(ConnectionResetError):
            context.wrap_socket(reset_connection, server_hostname="127.0.0.1")
        gc.collect()

    assert [str(w.message) for w in caught if w.category is ResourceWarning] == []
