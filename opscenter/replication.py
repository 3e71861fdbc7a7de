"""PostgreSQL replication as a workstation sees it: is this server a standby, how far behind
is it, and is the primary's every commit on a second machine (README, "Command room").

OpsCenter does no replication of its own: PostgreSQL's streaming replication copies the
primary to its standbys, and libpq's multi-host URLs find the primary. This module only
reads what the server says, for the live feed (``opscenter.live.PgListener``), the admin's
replication view and ``opscenter db status``. The functions take a DB-API connection (a
psycopg one, or ``Store.engine.raw_connection()``'s), so the feed's own connection can ask.

Roles without ``pg_monitor`` (or ``pg_read_all_stats``) see the standbys' rows but not
their state: those fields read as unknown (None), never as a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import DBAPIError

from opscenter.store import Store, translate

# On a standby: is it one, how far its replay trails what it received (0 when caught up;
# the age of the last replayed commit otherwise), and whether it is receiving at all.
_STANDBY_SQL = """
SELECT pg_is_in_recovery(),
       CASE WHEN NOT pg_is_in_recovery() THEN NULL
            WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
            ELSE extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())
       END,
       (SELECT status FROM pg_stat_wal_receiver LIMIT 1)
"""
# On a primary: its standbys as pg_stat_replication shows them, and the settings that say
# whether a commit waits for one of them.
_STANDBYS_SQL = """
SELECT application_name, client_addr::text, state, sync_state,
       extract(epoch FROM replay_lag), pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)
FROM pg_stat_replication ORDER BY application_name
"""
_SETTINGS_SQL = (
    "SELECT current_setting('synchronous_standby_names'), current_setting('synchronous_commit')"
)


@dataclass(frozen=True, slots=True)
class StandbyLag:
    """What a display on a standby shows: how old its data may be."""

    seconds: float  # replay behind what was received (0: everything received is shown)
    receiving: bool | None  # streaming from a primary now (None: this role may not see)


@dataclass(frozen=True, slots=True)
class Standby:
    """One standby as its primary sees it (None: not visible to this role)."""

    name: str
    address: str | None
    state: str | None  # streaming, catchup, startup, backup
    sync_state: str | None  # sync, quorum, potential, async
    replay_lag_s: float | None
    behind_bytes: int | None


@dataclass(frozen=True, slots=True)
class Replication:
    """The replication picture from the server a workstation is connected to."""

    standby: bool  # this server is a standby (read-only)
    lag: StandbyLag | None  # on a standby
    standbys: tuple[Standby, ...]  # on a primary
    synchronous_names: str  # synchronous_standby_names ('' = no commit waits for a standby)
    synchronous_commit: str

    @property
    def protection(self) -> str:
        """Is a change the user saw succeed on two machines?

        ``standby``: this is a standby (it takes no changes). ``sync``: a synchronous
        standby is streaming, so yes. ``async``: no standby is named synchronous, so a
        change is on this server only until it is copied. ``waiting``: a standby is named
        synchronous but none is streaming, so every commit waits for one. ``unknown``: this
        role may not see the standbys' state.
        """
        if self.standby:
            return "standby"
        if not self.synchronous_names.strip() or self.synchronous_commit in ("off", "local"):
            return "async"
        states = [s.sync_state for s in self.standbys]
        if any(s in ("sync", "quorum") for s in states):
            return "sync"
        if self.standbys and all(s is None for s in states):
            return "unknown"
        return "waiting"


def _rows(conn: Any, sql: str) -> list[tuple[Any, ...]]:
    cur = conn.cursor()
    try:
        cur.execute(sql)
        return list(cur.fetchall())
    finally:
        cur.close()


def standby_lag(conn: Any) -> StandbyLag | None:
    """This server's lag when it is a standby; None when it is a primary."""
    standby, seconds, status = _rows(conn, _STANDBY_SQL)[0]
    if not standby:
        return None
    receiving = None if status is None else status == "streaming"
    return StandbyLag(max(0.0, float(seconds or 0.0)), receiving)


def replication(conn: Any) -> Replication:
    """The whole picture from this server (one round trip a question, no writes)."""
    lag = standby_lag(conn)
    names, commit = _rows(conn, _SETTINGS_SQL)[0]
    if lag is not None:
        return Replication(True, lag, (), str(names), str(commit))
    standbys = tuple(
        Standby(
            str(name),
            address,
            state,
            sync_state,
            None if replay is None else float(replay),
            None if behind is None else int(behind),
        )
        for name, address, state, sync_state, replay, behind in _rows(conn, _STANDBYS_SQL)
    )
    return Replication(False, None, standbys, str(names), str(commit))


def read(store: Store) -> Replication | None:
    """The picture from ``store``'s server; None for SQLite (one machine, no replication)."""
    if store.dialect != "postgresql":
        return None
    try:
        raw = store.engine.raw_connection()
    except DBAPIError as exc:
        raise translate(exc, store.url) from exc
    try:
        try:
            return replication(raw.driver_connection)
        except Exception as exc:  # psycopg's own error: as the store would word it
            raise translate(DBAPIError(None, None, exc), store.url) from exc
    finally:
        raw.rollback()
        raw.close()
