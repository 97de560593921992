"""Bulk mail: render a message once, then send a personal copy of its MIME bytes to each recipient.

The newsletter sends thousands of copies of one issue that differ only in the recipient and an unsubscribe
link; rendering and encoding each copy would cost more than handing it to the SMTP server.
"""

import re
from dataclasses import dataclass
from email.utils import formatdate, make_msgid

from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address

from hyte_portal.emails import message_id_domain, render_email


class PreparedEmail(EmailMultiAlternatives):
    """A message whose MIME bytes were built beforehand; every mail backend sends those bytes as they are."""

    def __init__(self, *args, prepared_bytes: bytes, envelope: tuple[str, list[str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared_bytes = prepared_bytes
        self.envelope = envelope  # (sender, recipients), already encoded for SMTP

    def message(self, **kwargs):
        return _PreparedMIME(self.prepared_bytes)


class _PreparedMIME:
    def __init__(self, data: bytes):
        self.data = data

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self.data if linesep == "\r\n" else self.data.replace(b"\r\n", linesep.encode())

    def get_charset(self):  # the console backend asks; None means UTF-8
        return None


@dataclass(frozen=True)
class PersonalCopy:
    """One recipient's copy of a bulk message: its MIME bytes and SMTP envelope, ready to send. The e-mail object
    with every field (email()) is built only for a backend that needs it: building it for each of thousands of
    copies sent over SMTP cost more than sending them."""

    bulk: "BulkEmail"
    to: str
    swaps: dict
    date: str
    message_id: str
    prepared_bytes: bytes
    envelope: tuple[str, list[str]]

    @property
    def from_email(self) -> str:
        return self.bulk.template.from_email

    def message(self):
        return _PreparedMIME(self.prepared_bytes)

    def email(self) -> PreparedEmail:
        return self.bulk.email_for(self)


PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")


def envelope_address(address: str) -> str:
    """An address as the SMTP envelope and the To header carry it. A plain ASCII address (nearly every one) is
    already in that form; any other goes through Django's sanitize_address (IDNA domains, encoded local parts),
    whose header parsing costs about as much as sending a message."""
    if PLAIN_ADDRESS.fullmatch(address):
        return address
    return sanitize_address(("", address), "utf-8")


class BulkEmail:
    """Render one message once, then personalise it for each recipient by replacing placeholders.

    Rendering and MIME-encoding a message costs far more than sending it over an open SMTP
    connection, so bulk mail (the newsletter) renders each language once and only swaps the
    recipient, the Date, the Message-ID and the `personal` values (URL-safe strings such as an
    unsubscribe link) per message. If the encoding would have split a placeholder (long lines
    are quoted-printable), `personalise` falls back to rendering each message in full.
    """

    RECIPIENT = "recipient@placeholder.invalid"

    def __init__(self, *, personal: tuple[str, ...] = (), **render_kwargs):
        self.render_kwargs = render_kwargs
        self.placeholders = {name: f"zzPERSONAL{index}{name.upper().replace('_', '')}zz" for index, name in
                             enumerate(personal)}  # fmt: skip
        context = {**(render_kwargs.get("context") or {}), **self.placeholders}
        headers = {k: self._fill(v, self.placeholders) for k, v in (render_kwargs.get("headers") or {}).items()}
        self.template = render_email(**{**render_kwargs, "to": self.RECIPIENT, "context": context, "headers": headers})
        self.template_bytes = self.template.message().as_bytes(linesep="\r\n")
        self.envelope_from = sanitize_address(self.template.from_email, "utf-8")
        self.date = self.template.extra_headers["Date"].encode()
        self.message_id = self.template.extra_headers["Message-ID"].encode()
        self.is_exact = (
            all(self.template_bytes.count(p.encode()) == self._expected_count(p) for p in self.placeholders.values())
            and self.template_bytes.count(self.RECIPIENT.encode()) == 1
        )

    def _expected_count(self, placeholder: str) -> int:
        html = "".join(content for content, _mimetype in self.template.alternatives)
        headers = "".join(str(v) for v in self.template.extra_headers.values())
        return sum(text.count(placeholder) for text in (self.template.subject, self.template.body, html, headers))

    @staticmethod
    def _fill(text, values: dict[str, str]):
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    def personalise(self, *, to: str, personal: dict[str, str]) -> "PersonalCopy | EmailMultiAlternatives":
        if not self.is_exact:
            context = {**(self.render_kwargs.get("context") or {}), **personal}
            headers = {k: self._fill(v, personal) for k, v in (self.render_kwargs.get("headers") or {}).items()}
            return render_email(**{**self.render_kwargs, "to": to, "context": context, "headers": headers})
        swaps = {self.placeholders[name]: value for name, value in personal.items()}
        recipient = envelope_address(to)
        data = self.template_bytes.replace(self.RECIPIENT.encode(), recipient.encode(), 1)
        date, message_id = formatdate(localtime=True), make_msgid(domain=message_id_domain())
        data = data.replace(self.date, date.encode(), 1).replace(self.message_id, message_id.encode(), 1)
        for placeholder, value in swaps.items():
            data = data.replace(placeholder.encode(), value.encode())
        return PersonalCopy(self, to, swaps, date, message_id, data, (self.envelope_from, [recipient]))

    def email_for(self, copy: "PersonalCopy") -> PreparedEmail:
        """The whole e-mail object of a personal copy, for a backend other than SMTP (files, tests)."""
        template, swaps = self.template, copy.swaps
        return PreparedEmail(
            subject=self._swap(template.subject, swaps),
            body=self._swap(template.body, swaps),
            from_email=template.from_email,
            to=[copy.to],
            reply_to=template.reply_to,
            headers={
                **{k: self._swap(str(v), swaps) for k, v in template.extra_headers.items()},
                "Date": copy.date,
                "Message-ID": copy.message_id,
            },
            alternatives=[(self._swap(content, swaps), mimetype) for content, mimetype in template.alternatives],
            prepared_bytes=copy.prepared_bytes,
            envelope=copy.envelope,
        )

    @staticmethod
    def _swap(text: str, swaps: dict[str, str]) -> str:
        for placeholder, value in swaps.items():
            text = text.replace(placeholder, value)
        return text


def send_over(connection, message: EmailMultiAlternatives) -> bool:
    """Send one message over an open connection; True when the server took it (errors propagate).

    A personal copy over SMTP goes straight to the open smtplib session: its bytes and envelope are
    ready, and Django's per-message re-parsing of the addresses would cost more than the sending.
    """
    if isinstance(message, PersonalCopy | PreparedEmail):
        if isinstance(connection, SMTPBackend) and connection.connection:
            sender, recipients = message.envelope
            connection.connection.sendmail(sender, recipients, message.prepared_bytes)
            return True
        if isinstance(message, PersonalCopy):
            message = message.email()
    return bool(connection.send_messages([message]))
