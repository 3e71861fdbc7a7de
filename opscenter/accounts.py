"""Accounts: argon2 passwords, login, roles, and the services that manage them.

Every change goes through ``store.transaction`` and is journaled like any other row; the
journal redacts ``password_hash`` (``journal._REDACTED_FIELDS``), so an audit row shows
*that* a password changed, never the hash.

Login throttling (documented rule): after ``MAX_FAILURES`` (5) failed logins in a row for
one user name, further attempts for that name are refused for ``LOCK_FOR`` (5 minutes)
without even checking the password; a success resets the count. The count is kept in this
process (per database), not in the database: the schema has no column for it, and a
lockout shared by every workstation would let anyone lock the commander out of the whole
command room. Unknown user names are throttled the same way, so the lockout does not tell
which names exist.
"""

from __future__ import annotations

import functools
import logging
import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit
from opscenter.errors import InvalidValue, NotFound, OpsError, ServerReadOnly
from opscenter.model import Account, utcnow
from opscenter.model.accounts import ROLES
from opscenter.permissions import require
from opscenter.store import Store

log = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 8
MAX_USERNAME_LENGTH = 80  # the column's width (``model.accounts.Account.username``)
MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=5)

# argon2id with the library's defaults (RFC 9106 low-memory profile). When these change in a
# later version, ``authenticate`` stores a fresh hash at the next successful login.
_HASHER = PasswordHasher()


class AccountError(OpsError):
    code = "account"


class LoginFailed(AccountError):
    """Wrong user name or wrong password: one error for both, so names cannot be probed."""

    code = "account.login_failed"


class AccountInactive(AccountError):
    """The password was right but the account is deactivated. data: username."""

    code = "account.inactive"


class LoginLocked(AccountError):
    """Too many failed logins for this name. data: username, until, minutes."""

    code = "account.locked"


class LastAdmin(AccountError):
    """The change would leave no active admin who can log in. data: username."""

    code = "account.last_admin"


class FirstMustBeAdmin(AccountError):
    """The first account with a password must be an admin: once it exists a login is
    required, and someone must be able to manage accounts."""

    code = "account.first_must_be_admin"


class AlreadySetUp(AccountError):
    """``bootstrap_admin`` on a database that already has an admin with a password."""

    code = "account.already_set_up"


class SignInRequired(AccountError):
    """A command that writes, on a database where everyone logs in, named no account."""

    code = "account.sign_in_required"


class PasswordNeeded(AccountError):
    """No password file and no terminal to ask on. data: username."""

    code = "account.password_needed"


class PasswordFileOpen(AccountError):
    """A password file that other users may read or change. data: path, mode."""

    code = "account.password_file_open"


class PasswordFileUnreadable(AccountError):
    """data: path, detail."""

    code = "account.password_file_unreadable"


@dataclass(frozen=True, slots=True)
class AccountRow:
    """An account as lists show it (never the hash)."""

    id: int
    username: str
    full_name: str
    role: str
    active: bool
    has_password: bool
    version: int


# --- passwords -------------------------------------------------------------------------------


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """The argon2 hash to store; a random salt unless one is given (the demo's, fixed)."""
    _check_password(password)
    return _HASHER.hash(password, salt=salt)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidValue(field="password", value="", reason="too_short")


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@functools.cache
def _dummy_hash() -> str:
    """A hash of nothing anyone types: verified against for unknown names, so a wrong name
    takes as long as a wrong password. Made at the first such login, not at import (argon2
    costs 0.16 s, which every start of the program would pay)."""
    return _HASHER.hash("opscenter-no-such-account")


# --- login -----------------------------------------------------------------------------------


class LoginThrottle:
    """Failed-login counts per (database, user name), thread-safe; see the module docstring."""

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        lock_for: timedelta = LOCK_FOR,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.max_failures = max_failures
        self.lock_for = lock_for
        self.clock = clock
        self._failures: dict[tuple[str, str], tuple[int, datetime | None]] = {}
        self._lock = threading.Lock()

    def check(self, key: tuple[str, str]) -> None:
        with self._lock:
            _count, until = self._failures.get(key, (0, None))
        now = self.clock()
        if until is not None and now < until:
            minutes = max(1, int((until - now).total_seconds() + 59) // 60)
            raise LoginLocked(username=key[1], until=until, minutes=minutes)

    def failed(self, key: tuple[str, str]) -> None:
        with self._lock:
            count, until = self._failures.get(key, (0, None))
            if until is not None and self.clock() >= until:
                count = 0  # the lock ran out: a fresh series
            count += 1
            locked = self.clock() + self.lock_for if count >= self.max_failures else None
            self._failures[key] = (count, locked)

    def succeeded(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._failures.pop(key, None)


THROTTLE = LoginThrottle()


def _norm(username: str) -> str:
    return username.strip().lower()


def authenticate(
    store: Store, username: str, password: str, *, throttle: LoginThrottle | None = None
) -> Actor:
    """The actor for a user name and password, or ``LoginFailed`` / ``AccountInactive`` /
    ``LoginLocked``. Rehashes the password when the hashing parameters have changed."""
    throttle = throttle or THROTTLE
    name = _norm(username)
    key = (store.describe(), name)
    throttle.check(key)
    with store.read() as s:
        acc = s.scalars(select(Account).where(func.lower(Account.username) == name)).first()
        found = (acc.id, acc.username, acc.role, acc.active, acc.password_hash) if acc else None
    if found is None or not found[4]:
        verify_password(_dummy_hash(), password)  # same time as a real check
        throttle.failed(key)
        raise LoginFailed()
    account_id, real_name, role, active, stored = found
    if not verify_password(stored, password):
        throttle.failed(key)
        raise LoginFailed()
    throttle.succeeded(key)
    if not active:
        raise AccountInactive(username=real_name)
    actor = Actor(username=real_name, role=role, account_id=account_id)
    if stored and _HASHER.check_needs_rehash(stored):
        try:
            with store.transaction(actor, "account.rehash") as s:
                row = fetch_for_edit(s, Account, account_id, None)
                row.password_hash = _HASHER.hash(password)
        except ServerReadOnly:  # a display on a standby: signing in must not need a write
            log.info("password of %s not rehashed: the server is a read-only standby", real_name)
    return actor


def unattended(store: Store) -> Actor | None:
    """The person at this workstation where no login is required (SQLite while no account
    has a password), else ``None``: then someone must log in. The one place that decides
    to act without a login, for the window and the command line alike."""
    return None if login_required(store) else Actor.local()


def read_password_file(path: Path) -> str:
    """The password on the first line of ``path``, which only its owner may read (0600 or
    stricter on POSIX); a file others could read is refused before it is read."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if os.name == "posix" and mode & 0o077:
            raise PasswordFileOpen(path=str(path), mode=f"{mode:04o}")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise PasswordFileUnreadable(path=str(path), detail=detail) from exc
    return text.splitlines()[0] if text else ""


def login_required(store: Store) -> bool:
    """Always on PostgreSQL; on SQLite only once some account has a password."""
    if store.dialect != "sqlite":
        return True
    with store.read() as s:
        return _any_password(s)


def needs_bootstrap(store: Store) -> bool:
    """True while no account has a password: a new server, whose first admin is to be made."""
    with store.read() as s:
        return not _any_password(s)


def _any_password(s: Session) -> bool:
    found = s.scalar(select(Account.id).where(Account.password_hash.is_not(None)).limit(1))
    return found is not None


def _active_admins(s: Session, excluding: int | None = None) -> int:
    stmt = select(func.count(Account.id)).where(
        Account.role == "admin", Account.active.is_(True), Account.password_hash.is_not(None)
    )
    if excluding is not None:
        stmt = stmt.where(Account.id != excluding)
    return int(s.scalar(stmt) or 0)


# --- services --------------------------------------------------------------------------------


def _check_fields(username: str, full_name: str, role: str) -> None:
    if not username:
        raise InvalidValue(field="username", value=username, reason="required")
    if any(c.isspace() for c in username):  # one word, as it is typed at the login
        raise InvalidValue(field="username", value=username, reason="username_format")
    if len(username) > MAX_USERNAME_LENGTH:
        raise InvalidValue(field="username", value=username, reason="username_too_long")
    if ":" in username:  # "lokal:<user>" names the workstation's user (Actor.local)
        raise InvalidValue(field="username", value=username, reason="reserved_colon")
    if not full_name.strip():
        raise InvalidValue(field="full_name", value=full_name, reason="required")
    if role not in ROLES:
        raise InvalidValue(field="role", value=role, reason="unknown")


def _insert(s: Session, username: str, full_name: str, role: str, password: str) -> int:
    taken = s.scalar(select(Account.id).where(func.lower(Account.username) == _norm(username)))
    if taken is not None:
        raise InvalidValue(field="username", value=username, reason="exists")
    acc = Account(
        username=username,
        full_name=full_name.strip(),
        role=role,
        password_hash=hash_password(password),
        active=True,
    )
    s.add(acc)
    s.flush()
    return int(acc.id)


def create_account(
    store: Store, actor: Actor, username: str, full_name: str, role: str, password: str
) -> int:
    """A new active account; returns its id."""
    require(actor, "account.manage")
    username = username.strip()
    _check_fields(username, full_name, role)
    _check_password(password)
    with store.transaction(actor, "account.create") as s:
        if role != "admin" and not _any_password(s):
            raise FirstMustBeAdmin(username=username)
        return _insert(s, username, full_name, role, password)


def bootstrap_admin(
    store: Store, username: str, password: str, full_name: str | None = None
) -> Actor:
    """The first admin of a new server; refused once any account has a password."""
    username = username.strip()
    full_name = (full_name or username).strip()
    _check_fields(username, full_name, "admin")
    _check_password(password)
    actor = Actor(username=username, role="admin")
    with store.transaction(actor, "account.bootstrap") as s:
        if _any_password(s):
            raise AlreadySetUp()
        account_id = _insert(s, username, full_name, "admin", password)
    return Actor(username=username, role="admin", account_id=account_id)


def set_password(
    store: Store,
    actor: Actor,
    account_id: int,
    password: str,
    expected_version: int | None = None,
) -> int:
    """A new password (an admin's reset); returns the new version."""
    require(actor, "account.manage")
    _check_password(password)
    with store.transaction(actor, "account.set_password") as s:
        acc = fetch_for_edit(s, Account, account_id, expected_version)
        acc.password_hash = hash_password(password)
        s.flush()
        return int(acc.version)


def set_role(
    store: Store, actor: Actor, account_id: int, role: str, expected_version: int | None = None
) -> int:
    """Change an account's role; the last active admin keeps theirs. Returns the version."""
    require(actor, "account.manage")
    if role not in ROLES:
        raise InvalidValue(field="role", value=role, reason="unknown")
    with store.transaction(actor, "account.set_role") as s:
        acc = fetch_for_edit(s, Account, account_id, expected_version)
        if acc.role == "admin" and role != "admin" and _active_admins(s, acc.id) == 0:
            raise LastAdmin(username=acc.username)
        acc.role = role
        s.flush()
        return int(acc.version)


def deactivate(
    store: Store, actor: Actor, account_id: int, expected_version: int | None = None
) -> int:
    """The account can no longer log in; its journal rows stay. Returns the version."""
    require(actor, "account.manage")
    with store.transaction(actor, "account.deactivate") as s:
        acc = fetch_for_edit(s, Account, account_id, expected_version)
        if acc.role == "admin" and _active_admins(s, acc.id) == 0:
            raise LastAdmin(username=acc.username)
        acc.active = False
        s.flush()
        return int(acc.version)


def list_accounts(store: Store, actor: Actor) -> list[AccountRow]:
    require(actor, "account.manage")
    with store.read() as s:
        return rows(s)


def rows(s: Session, ids: list[int] | None = None) -> list[AccountRow]:
    stmt = select(Account).order_by(func.lower(Account.username))
    if ids is not None:
        stmt = stmt.where(Account.id.in_(ids))
    return [
        AccountRow(
            id=a.id,
            username=a.username,
            full_name=a.full_name,
            role=a.role,
            active=bool(a.active),
            has_password=a.password_hash is not None,
            version=int(a.version),
        )
        for a in s.scalars(stmt)
    ]


def get(s: Session, account_id: int) -> AccountRow:
    found = rows(s, [account_id])
    if not found:
        raise NotFound(entity="account", key=account_id)
    return found[0]
