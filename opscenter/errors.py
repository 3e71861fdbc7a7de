"""Typed errors raised by the core.

Each error carries a stable ``code`` and the data needed to explain it. The core never
formats a sentence for a person: ``opscenter.messages`` (command line) and ``ui``
turn an error into a sentence in the user's language.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any


class OpsError(Exception):
    """Base of every error a user can cause or meet."""

    code: str = "error"

    def __init__(self, **data: Any) -> None:
        self.data: dict[str, Any] = data
        super().__init__(f"{self.code}: {data}")


# A refusal's data can be long (the rows an import found stale): the log keeps the start.
_REFUSAL_LOG_CHARS = 500


def log_failure(logger: logging.Logger, error: BaseException, where: str) -> None:
    """Log ``error`` met in ``where`` (a command, a background job), by what it is.

    An ``OpsError`` is a refusal the user is told about in one sentence (a missing import
    column, stale rows, a permission refused): expected, logged at INFO on one line. Anything
    else is a bug: logged at ERROR with its traceback.
    """
    if isinstance(error, OpsError):
        text = " ".join(str(error).split())
        if len(text) > _REFUSAL_LOG_CHARS:
            text = text[: _REFUSAL_LOG_CHARS - 1] + "\u2026"
        logger.info("refused in %s: %s", where, text)
    else:
        logger.error(
            "unexpected error in %s", where, exc_info=(type(error), error, error.__traceback__)
        )


# --- storage -----------------------------------------------------------------------------


class StorageError(OpsError):
    code = "storage"


class BadDatabaseUrl(StorageError):
    """The URL cannot be parsed or names an unsupported database. data: url, reason."""

    code = "db.bad_url"


class DatabaseUnreachable(StorageError):
    """The server did not answer or refused the login. data: url, host, port, detail."""

    code = "db.unreachable"


class NoPrimary(StorageError):
    """Every server of a multi-host URL answered, none as the primary (a standby is being
    promoted, or the primary is down and no standby has been promoted yet). data: servers."""

    code = "db.no_primary"


class ServerReadOnly(StorageError):
    """The server is a read-only standby: it refuses every change. data: server."""

    code = "db.read_only_server"


class NotADatabase(StorageError):
    """The file exists but is not an SQLite database. data: path."""

    code = "db.not_a_database"


class DatabaseReadOnly(StorageError):
    """The database (file or folder) cannot be written. data: path."""

    code = "db.read_only"


class DatabasePermission(StorageError):
    """The server refused the account an action (PostgreSQL: insufficient privilege), e.g.
    a workstation's application role asked to upgrade the schema. data: user, detail."""

    code = "db.no_permission"


class DatabaseLocked(StorageError):
    """Another program holds a lock longer than the busy timeout. data: path."""

    code = "db.locked"


class LockTimeout(StorageError):
    """PostgreSQL: another workstation held a row or the journal longer than
    ``lock_timeout``; nothing was saved. data: seconds, detail."""

    code = "db.lock_timeout"


class StatementTimeout(StorageError):
    """PostgreSQL: one statement ran longer than ``statement_timeout`` and was cancelled;
    nothing was saved. data: seconds, detail."""

    code = "db.statement_timeout"


class DatabaseMissing(StorageError):
    """A command that only reads was pointed at an SQLite file that does not exist. data: path."""

    code = "db.missing"


class DatabaseFolderMissing(StorageError):
    """The folder the SQLite file should live in does not exist. data: path."""

    code = "db.folder_missing"


class SchemaTooNew(StorageError):
    """The database was written by a newer program. data: revision."""

    code = "db.schema_too_new"


class SchemaOutdated(StorageError):
    """The database needs a migration that was not allowed here. data: revision, head."""

    code = "db.schema_outdated"


class ConnectionLost(StorageError):
    """The connection dropped during work; the transaction was rolled back. data: detail."""

    code = "db.connection_lost"


class CommitInDoubt(StorageError):
    """The connection dropped while the server was committing (PostgreSQL: the primary
    died, or was stopped, during COMMIT): the change may have been saved. data: detail."""

    code = "db.commit_in_doubt"


class Conflict(StorageError):
    """The database refused the change as inconsistent (a duplicate key, a missing row
    another workstation deleted). data: detail."""

    code = "db.conflict"


class NoOperation(StorageError):
    """The database holds no operation yet. data: url."""

    code = "db.no_operation"


class ExerciseNeedsFile(StorageError):
    """An exercise copies an SQLite file; this database is on a server. data: url."""

    code = "exercise.needs_file"


# Failures that pass by themselves (the server answers again, a standby is promoted, the
# other program lets go of its lock): the same read is worth trying again a little later.
PASSING: tuple[type[StorageError], ...] = (
    DatabaseUnreachable,
    NoPrimary,
    DatabaseLocked,
    LockTimeout,
    StatementTimeout,
    ConnectionLost,
)


# --- domain --------------------------------------------------------------------------------


class NotFound(OpsError):
    """data: entity, key."""

    code = "not_found"


class InvalidValue(OpsError):
    """A value a user supplied is refused. data: field, value, reason."""

    code = "invalid_value"


class PointOutside(InvalidValue):
    """A point (an incident's coordinates) outside the operation's area. data: field
    ("point"), latitude and longitude (Decimal degrees), operation (its name)."""

    code = "point_outside"


class StaleEdit(OpsError):
    """Someone else saved the row after it was read. data: entity, entity_id, by, at, and
    zone (the IANA zone of the row's operation, in which the sentence reads ``at``)."""

    code = "stale_edit"

    @property
    def changed_by(self) -> str | None:
        by = self.data.get("by")
        return str(by) if by is not None else None

    @property
    def changed_at(self) -> datetime | None:
        at = self.data.get("at")
        return at if isinstance(at, datetime) else None


class JournalBypass(OpsError):
    """Code tried to write without an actor or around the journal. data: entity, how."""

    code = "journal.bypass"


class ReadOnlySession(JournalBypass):
    """A read session tried to write. data: entity."""

    code = "journal.read_only_session"


class JournalImmutable(OpsError):
    """The journal is append-only; an update or delete of its rows was refused."""

    code = "journal.immutable"
