"""A real SMTP server on loopback (aiosmtpd), with switches to refuse or drop chosen recipients.

The fixtures `smtp_server` and `smtp_backend` in tests/conftest.py start it for a test.
"""

import email
import email.policy
import socket
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


@dataclass
class ReceivedMessage:
    recipients: list[str]
    message: email.message.EmailMessage

    @property
    def to(self) -> str:
        return self.recipients[0]


@dataclass
class SinkHandler:
    """Keeps every message it accepts; refuses (5xx), defers (4xx) or hangs up on the addresses it is told to."""

    received: list[ReceivedMessage] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)  # 550 at RCPT TO
    defer: set[str] = field(default_factory=set)  # 451 at RCPT TO
    drop: set[str] = field(default_factory=set)  # connection closed at RCPT TO
    on_message: object = None  # called with the count after each accepted message
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.drop:
            server.transport.close()
            return "421 4.4.2 closing the connection"
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        if address in self.defer:
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.lock:
            self.received.append(ReceivedMessage(list(envelope.rcpt_tos), parsed))
            count = len(self.received)
        if self.on_message:
            self.on_message(count)
        return "250 OK"

    def messages_to(self, address: str) -> list[email.message.EmailMessage]:
        with self.lock:
            return [r.message for r in self.received if address in r.recipients]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(handler):
    """Run an SMTP server with `handler` on a free loopback port (set as `handler.port`) while the block runs."""
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.port = controller.port
    try:
        yield handler
    finally:
        controller.stop()


def use_smtp_server(settings, port: int) -> None:
    """Point Django's SMTP e-mail backend at the server on loopback `port` (no TLS, no login)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
