"""Multi-host URLs and the replication picture's meaning, without a server (issue 17).

What a real primary and standby do (the listener, the sentences, failover) is tested in
tests/core/test_standby.py and tests/core/test_failover.py on a cluster from tests/pgcluster.py.
"""

from __future__ import annotations

import pytest

from opscenter.errors import BadDatabaseUrl, DatabaseUnreachable
from opscenter.replication import Replication, Standby, StandbyLag
from opscenter.store import libpq_params, open_store, parse_url, resolve_url, safe_url, servers


def test_libpq_multi_host_url_is_read_with_every_port() -> None:
    url = parse_url(
        resolve_url(
            "postgresql://ops:rahasia@db1:5432,db2:5433/opscenter?target_session_attrs=read-write"
        )
    )
    params = libpq_params(url)
    assert params["host"] == "db1,db2" and params["port"] == "5432,5433"
    assert params["dbname"] == "opscenter" and params["target_session_attrs"] == "read-write"
    assert servers(url) == "db1:5432, db2:5433"
    shown = safe_url(url)
    assert "rahasia" not in shown and "host=db1:5432&host=db2:5433" in shown


def test_hosts_without_ports_and_a_single_host_are_left_as_written() -> None:
    assert resolve_url("postgresql://ops@db1,db2/ops") == "postgresql+psycopg://ops@db1,db2/ops"
    assert servers(parse_url(resolve_url("postgresql://ops@db1,db2/ops"))) == "db1, db2"
    assert resolve_url("postgres://ops@db1:6543/ops") == "postgresql+psycopg://ops@db1:6543/ops"
    assert servers(parse_url(resolve_url("postgres://ops@db1:6543/ops"))) == "db1:6543"


def test_no_server_of_a_multi_host_url_answers_in_one_sentence_naming_both() -> None:
    with pytest.raises(DatabaseUnreachable) as err:
        open_store("postgresql://ops:rahasia@127.0.0.1:1,127.0.0.1:2/ops")
    assert err.value.data["server"] == "127.0.0.1:1, 127.0.0.1:2"
    assert "rahasia" not in str(err.value.data)


def _standby(sync_state: str | None) -> Standby:
    return Standby("standby1", "10.0.0.2", "streaming", sync_state, 0.01, 0)


@pytest.mark.parametrize(
    ("names", "commit", "standbys", "expected"),
    [
        ("ANY 1 (standby1, standby2)", "on", (_standby("quorum"),), "sync"),
        ("standby1", "remote_apply", (_standby("sync"),), "sync"),
        ("", "on", (_standby("async"),), "async"),  # nothing waits for the standby
        ("standby1", "local", (_standby("sync"),), "async"),  # the session does not wait
        ("", "on", (), "async"),  # no standby at all
        ("standby1", "on", (), "waiting"),  # named but gone: every commit waits
        ("standby1", "on", (_standby("potential"),), "waiting"),
        ("standby1", "on", (_standby(None),), "unknown"),  # a role without pg_monitor
    ],
)
def test_whether_a_change_is_on_two_machines(
    names: str, commit: str, standbys: tuple[Standby, ...], expected: str
) -> None:
    assert Replication(False, None, standbys, names, commit).protection == expected


def test_a_standby_is_a_standby_whatever_its_settings_say() -> None:
    picture = Replication(True, StandbyLag(0.4, True), (), "ANY 1 (a, b)", "on")
    assert picture.protection == "standby"


def test_a_host_list_that_cannot_be_split_is_refused_in_a_sentence() -> None:
    """IPv6 hosts with ports in a multi-host URL: refused as a bad URL, not a crash."""
    with pytest.raises(BadDatabaseUrl) as err:
        open_store("postgresql://ops:rahasia@[::1]:5432,[::1]:5433/ops")
    assert err.value.data["reason"] == "syntax" and "rahasia" not in str(err.value.data)
