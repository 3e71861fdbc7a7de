"""The one prologue every command runs through, and the words a command speaks.

``with command_context(args) as ctx:`` opens the store named by ``--db`` (or the
settings), migrating it or refusing it as the command asks, signs the actor in when the
command writes, finds the operation on request, and closes the store whatever happens.
A command that fails raises: an ``OpsError``, a ``Refusal`` or a ``UsageError``; ``main``
(``opscenter.cli``) turns each into one sentence and its exit code, in one place.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from opscenter import messages
from opscenter.actor import Actor
from opscenter.store import Store, open_store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from opscenter.errors import OpsError
    from opscenter.model import Operation, Stage

EXIT_OK = 0
EXIT_FAILED = 1  # a refusal the user can act on (bad database, bad value ...)
EXIT_USAGE = 2  # argparse's own code for bad arguments
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug; details in the log


class UsageError(Exception):
    """A value on the command line that cannot be used (a bad time, a bad size): said as
    ``opscenter: <text>`` and exit 2, as argparse does for its own refusals."""


class Refusal(Exception):
    """A refusal the command itself words (not an ``OpsError``): one sentence, exit 1."""

    def __init__(self, id_text: str, en_text: str) -> None:
        super().__init__(en_text)
        self.id_text = id_text
        self.en_text = en_text

    def sentence(self, lang: str | None) -> str:
        return self.en_text if messages.language(lang) == "en" else self.id_text


def say(text: str) -> None:
    print(text, flush=True)


def t(args: argparse.Namespace, id_text: str, en_text: str) -> str:
    """The text in the language of the command line (``--lang``, else $OPSCENTER_LANG)."""
    return en_text if messages.language(args.lang) == "en" else id_text


def signed_in(store: Store, args: argparse.Namespace) -> Actor:
    """The account a command that writes acts as: never silently anyone else.

    ``--user`` (or ``$OPSCENTER_USER``) names it, and its password comes from
    ``--password-file`` (or ``$OPSCENTER_PASSWORD_FILE``; mode 0600, checked) or, on a
    terminal, from a prompt; it is checked like the window's login (argon2, lockout).
    Without a name, only a database that needs no login (SQLite while no account has a
    password) lets the command act as the person at this workstation.
    """
    from opscenter import accounts

    user = args.user or os.environ.get("OPSCENTER_USER") or ""
    if not user.strip():
        local = accounts.unattended(store)
        if local is None:
            raise accounts.SignInRequired()
        return local
    password_file = args.password_file or os.environ.get("OPSCENTER_PASSWORD_FILE")
    if password_file:
        password = accounts.read_password_file(Path(password_file))
    elif sys.stdin is not None and sys.stdin.isatty():
        password = getpass.getpass(t(args, f"Kata sandi {user}: ", f"Password of {user}: "))
    else:
        raise accounts.PasswordNeeded(username=user)
    return accounts.authenticate(store, user, password)


@dataclass
class Context:
    """What a command works with: its arguments, the open store and, once asked for,
    the signed-in actor."""

    args: argparse.Namespace
    store: Store
    _actor: Actor | None = field(default=None, repr=False)

    @property
    def actor(self) -> Actor:
        """The signed-in account (asked for once, on first use: a command that writes
        only sometimes signs in only then)."""
        if self._actor is None:
            self._actor = signed_in(self.store, self.args)
        return self._actor

    def operation(self, session: Session) -> Operation:
        """The operation named by ``--operation``, or the first one."""
        from opscenter import operations

        return operations.get_operation(session, getattr(self.args, "operation", None))

    def stage(
        self, session: Session, operation_id: int, refusal: type[OpsError], *, voting: bool = False
    ) -> Stage | None:
        """The stage ``--stage`` names; without one, the voting stage when ``voting`` asks for
        it, else None. A code the operation does not have (or no voting stage) is refused
        with ``refusal``, naming the codes it has."""
        from opscenter import operations

        code = getattr(self.args, "stage", None)
        if not code and not voting:
            return None
        found = {st.code: st for st in operations.stages(session, operation_id)}
        if code:
            chosen = found.get(code)
        else:
            chosen = next((st for st in found.values() if st.is_voting), None)
        if chosen is None:
            raise refusal(code=code or "", codes=", ".join(found))
        return chosen

    def t(self, id_text: str, en_text: str) -> str:
        return t(self.args, id_text, en_text)


@contextmanager
def command_context(
    args: argparse.Namespace,
    *,
    must_exist: bool = True,
    migrate: bool = True,
    sign_in: bool = False,
) -> Iterator[Context]:
    """Open the store of ``--db`` for one command and close it afterwards.

    ``must_exist`` refuses to create a new SQLite file (commands that read); ``migrate``
    upgrades an old schema (``False``: leave it as it is, refusing a newer one);
    ``sign_in`` signs the actor in before the command does anything else.
    """
    store = open_store(args.db, migrate=migrate, must_exist=must_exist)
    try:
        ctx = Context(args, store)
        if sign_in:
            _ = ctx.actor
        yield ctx
    finally:
        store.dispose()


def as_of(
    store: Store,
    text: str | None,
    option: str = "--as-of",
    *,
    zone: str | None = None,
    lang: str | None = None,
) -> datetime | None:
    """``--as-of`` (or ``option``): an ISO time; without an offset, in ``zone`` (default: the
    operation's own time zone). A bad one is refused in ``lang``."""
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        said = (
            "use e.g. 2024-11-25 or 2024-11-25T08:00"
            if messages.language(lang) == "en"
            else "tulis tanggal atau waktu, mis. 2024-11-25 atau 2024-11-25T08:00"
        )
        raise UsageError(f"{option} {text}: {said}") from None
    if when.tzinfo is None:
        if zone is None:
            from opscenter import operations

            with store.read() as s:
                zone = operations.get_operation(s).timezone
        when = when.replace(tzinfo=ZoneInfo(zone))
    return when.astimezone(UTC)
