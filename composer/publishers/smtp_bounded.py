# SPDX-License-Identifier: GPL-3.0-or-later
"""smtplib's client with every step bounded: no server holds a send for ever or fills the memory.

smtplib's timeout bounds each read, so a server that drips its reply one byte every half second,
or sends an endless multi-line reply ("250-…" lines for ever), holds it without end and grows its
reply without limit. Here, each reply must be complete within the account's timeout (a `Watch`
shuts the socket down when it passes, and the step fails with TimeoutError, an OSError as a
timeout is) and at most `MAX_REPLY` bytes long, else `ReplyTooLong`; a reply cut off in the middle
of a line is a closed connection, not a reply ("25" is no code 25); the STARTTLS handshake is
bounded alike. (The implicit-TLS handshake of port 465 needs nothing here: Python's ssl module
gives a whole handshake one deadline, the socket's timeout; test_hostile_smtp.py checks it.)
Writing the message is bounded already: a socket's sendall counts its timeout for the whole call.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from typing import Any, TypeVar

from composer.core.i18n import _
from composer.publishers.deadline import Watch

MAX_REPLY = 64 * 1024  # bytes of one reply, all its lines: real ones are a few hundred
_MAX_LINE = 8192  # smtplib's own limit for one line
T = TypeVar("T")


class ReplyTooLong(smtplib.SMTPServerDisconnected):
    """The server's reply was longer than any SMTP reply is (an endless or a huge one); the connection is closed."""


class BoundedSMTP(smtplib.SMTP):
    """smtplib.SMTP whose replies and STARTTLS end within `timeout` seconds each, and are bounded in size."""

    def _within_deadline(self, step: Callable[[], T]) -> T:
        timeout = self.timeout if isinstance(self.timeout, (int, float)) else 60.0
        watch = Watch(timeout)
        watch.add(self.sock)
        try:
            return step()
        except OSError:
            if not watch.expired:
                raise
            self.close()
            raise TimeoutError(_("no complete reply within {timeout:g} seconds").format(timeout=timeout)) from None
        finally:
            watch.cancel()

    def getreply(self) -> tuple[int, bytes]:
        return self._within_deadline(self._read_reply)

    def starttls(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        return self._within_deadline(lambda: super(BoundedSMTP, self).starttls(*args, **kwargs))

    def _read_reply(self) -> tuple[int, bytes]:
        """smtplib's getreply, with a limit on the whole reply as well as on each line."""
        if self.file is None:
            assert self.sock is not None
            self.file = self.sock.makefile("rb")
        lines: list[bytes] = []
        size = 0
        while True:
            try:
                line = self.file.readline(_MAX_LINE + 1)
            except OSError as error:
                self.close()
                raise smtplib.SMTPServerDisconnected(f"Connection unexpectedly closed: {error}") from None
            if not line:
                self.close()
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            size += len(line)
            if len(line) > _MAX_LINE or size > MAX_REPLY:
                self.close()
                raise ReplyTooLong(
                    _("sent a reply longer than {limit} KB, more than any SMTP reply is").format(
                        limit=MAX_REPLY // 1024
                    )
                    if size > MAX_REPLY
                    else _("sent a reply line longer than {limit} bytes, more than SMTP allows").format(limit=_MAX_LINE)
                )
            if not line.endswith(b"\n"):  # cut off mid-line (smtplib would read "25" as a reply 25)
                self.close()
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed in the middle of a reply")
            lines.append(line[4:].strip(b" \t\r\n"))
            try:
                code = int(line[:3])
            except ValueError:
                return -1, b"\n".join(lines)  # a broken code: no continuation line is read
            if line[3:4] != b"-":
                return code, b"\n".join(lines)


class BoundedSMTPSSL(BoundedSMTP, smtplib.SMTP_SSL):
    """smtplib.SMTP_SSL (implicit TLS), bounded as BoundedSMTP."""
