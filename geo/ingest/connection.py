"""One HTTP(S) connection to an address checked beforehand, under one deadline for a whole fetch.

    with Deadline(20.0) as deadline:
        connection = pinned_connection("https", "news.example", 443, ["93.184.216.34"], deadline)
        connection.request("GET", "/story"); response = connection.getresponse()
        ...
        if deadline.expired: ...   # whatever was read may be cut short: the fetch failed

Pinning: the connection goes to one of the addresses given (resolved and checked by ``geo.ingest.fetch``),
never to a second DNS answer, so a host cannot pass the check with a public address and then be
reached at a private one (DNS rebinding). The Host header, the TLS server name (SNI) and the name the
certificate must carry stay the URL's host.

The deadline: a socket timeout bounds each read only, so a server that sends a byte now and then
holds a connection forever. ``Deadline`` starts a timer that, when the time is up, shuts down every
socket opened under it; a blocked read then returns at once and the caller sees ``expired``.

May import: nothing of GeoBrief's (the standard library's socket, ssl, http.client and threading).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from collections.abc import Callable
from types import TracebackType

Connector = Callable[[tuple[str, int], float], socket.socket]  # socket.create_connection's shape


class Deadline:
    """One time limit over everything a fetch does; the sockets it watches are shut down when it passes."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()

    @property
    def expired(self) -> bool:
        """True once the time is up (whatever was read since may be cut short)."""
        return self._fired or time.monotonic() >= self._end

    def remaining(self) -> float:
        """Seconds left, never below a millisecond (a socket timeout of 0 would mean non-blocking)."""
        return max(self._end - time.monotonic(), 0.001)

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down when the time is up (at once if it already is)."""
        with self._lock:
            self._sockets.append(sock)
            fired = self._fired
        if fired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self._fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    """Shut a socket down from another thread: a read blocked on it returns. The plain socket's method,
    also for a TLS socket (whose own ``shutdown`` would drop its TLS state under the reading thread)."""
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:  # already closed, or handed over to a TLS socket (which is watched itself)
        pass


class PinnedConnection(http.client.HTTPConnection):
    """An HTTP connection to ``host`` that connects to the checked ``addresses`` only, in their order."""

    def __init__(
        self, host: str, port: int, addresses: list[str], deadline: Deadline, connector: Connector
    ) -> None:
        super().__init__(host, port, timeout=deadline.remaining())
        self._addresses = addresses
        self._deadline = deadline
        self._connector = connector

    def connect(self) -> None:
        self.sock = self._open()

    def _open(self) -> socket.socket:
        """A socket to the first of the addresses that answers, watched by the deadline."""
        failure: OSError = TimeoutError("no time was left to connect")
        for address in self._addresses:
            if self._deadline.expired:
                break
            try:
                sock = self._connector((address, self.port), self._deadline.remaining())
            except OSError as exc:
                failure = exc
                continue
            self._deadline.watch(sock)
            return sock
        raise failure


class PinnedTLSConnection(PinnedConnection):
    """The HTTPS kind: TLS over the pinned socket, SNI and the certificate's name check on ``host``."""

    default_port = http.client.HTTPS_PORT

    def __init__(
        self, host: str, port: int, addresses: list[str], deadline: Deadline, connector: Connector,
        tls: ssl.SSLContext,
    ) -> None:
        super().__init__(host, port, addresses, deadline, connector)
        self._tls = tls

    def connect(self) -> None:
        sock = self._tls.wrap_socket(self._open(), server_hostname=self.host, do_handshake_on_connect=False)
        self._deadline.watch(sock)  # the plain socket it wraps is closed now: watch the TLS one
        sock.do_handshake()
        self.sock = sock


def pinned_connection(
    scheme: str, host: str, port: int, addresses: list[str], deadline: Deadline, *,
    connector: Connector = socket.create_connection, tls: ssl.SSLContext | None = None,
) -> PinnedConnection:
    """A connection (not yet open) for ``scheme`` ("http" or "https") to ``host``, at ``addresses`` only."""
    if scheme == "https":
        return PinnedTLSConnection(host, port, addresses, deadline, connector, tls or ssl.create_default_context())
    return PinnedConnection(host, port, addresses, deadline, connector)
