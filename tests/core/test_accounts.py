"""Accounts: argon2 hashes, login, lockout, roles enforced in the core, nothing secret journaled."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text

from opscenter import accounts, journal, messages, personnel, units
from opscenter.actor import Actor
from opscenter.errors import InvalidValue
from opscenter.model import Account, JournalEntry, JournalTxn, Personnel, Unit
from opscenter.permissions import NotPermitted
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation

PASSWORD = "rahasia-jambi-2024"


@pytest.fixture
def empty(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    try:
        yield s
    finally:
        s.dispose()


@pytest.fixture
def store(empty: Store, cheap_hashing: None) -> Store:
    """A database whose first admin exists (the first account with a password must be one)."""
    accounts.bootstrap_admin(empty, "kapolda", PASSWORD, "Kapolda Uji")
    return empty


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production parameters cost about a second a hash on a busy CI machine; the logic is
    the same with small ones (``test_production_parameters`` checks the real ones)."""
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_HASHER", cheap)
    dummy = cheap.hash("x")
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: dummy)


def test_production_parameters() -> None:
    from argon2 import PasswordHasher, Type

    real = accounts.PasswordHasher()
    assert real.type is Type.ID
    assert real.memory_cost == PasswordHasher().memory_cost >= 65536


@pytest.fixture
def throttle() -> accounts.LoginThrottle:
    return accounts.LoginThrottle()


def _add(store: Store, username: str, role: str, password: str = PASSWORD) -> int:
    return accounts.create_account(store, ADMIN, username, f"Nama {username}", role, password)


def test_password_is_stored_as_argon2_and_verifies(store: Store) -> None:
    aid = _add(store, "budi", "operator")
    with store.read() as s:
        stored = s.get(Account, aid)
        assert stored is not None
        assert stored.password_hash is not None
        assert stored.password_hash.startswith("$argon2id$")
        assert PASSWORD not in stored.password_hash
    assert accounts.verify_password(stored.password_hash, PASSWORD)
    assert not accounts.verify_password(stored.password_hash, PASSWORD + "x")


def test_authenticate_returns_the_actor_with_role_and_id(
    store: Store, throttle: accounts.LoginThrottle
) -> None:
    aid = _add(store, "Budi", "staff")
    actor = accounts.authenticate(store, " budi ", PASSWORD, throttle=throttle)
    assert actor == Actor(username="Budi", role="staff", account_id=aid)


def test_wrong_name_and_wrong_password_say_the_same_sentence(
    store: Store, throttle: accounts.LoginThrottle
) -> None:
    _add(store, "budi", "operator")
    with pytest.raises(accounts.LoginFailed) as wrong_password:
        accounts.authenticate(store, "budi", "bukan-ini-sandinya", throttle=throttle)
    with pytest.raises(accounts.LoginFailed) as wrong_name:
        accounts.authenticate(store, "tidak-ada", PASSWORD, throttle=throttle)
    for lang in ("id", "en"):
        assert messages.describe(wrong_password.value, lang) == messages.describe(
            wrong_name.value, lang
        )
    assert messages.describe(wrong_name.value, "id") == "Nama pengguna atau kata sandi salah."
    assert wrong_password.value.data == wrong_name.value.data == {}


def test_inactive_account_cannot_log_in(store: Store, throttle: accounts.LoginThrottle) -> None:
    aid = _add(store, "budi", "operator")
    accounts.deactivate(store, ADMIN, aid)
    with pytest.raises(accounts.AccountInactive) as err:
        accounts.authenticate(store, "budi", PASSWORD, throttle=throttle)
    assert "dinonaktifkan" in messages.describe(err.value, "id")
    # A wrong password still says only "wrong name or password": inactivity is not revealed.
    with pytest.raises(accounts.LoginFailed):
        accounts.authenticate(store, "budi", "salah-salah-salah", throttle=throttle)


def test_five_failures_lock_the_name_for_five_minutes(store: Store) -> None:
    now = [datetime(2024, 11, 27, 1, 0, tzinfo=UTC)]
    throttle = accounts.LoginThrottle(clock=lambda: now[0])
    _add(store, "budi", "operator")
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store, "budi", "salah-salah", throttle=throttle)
    with pytest.raises(accounts.LoginLocked) as err:  # even the right password, for now
        accounts.authenticate(store, "budi", PASSWORD, throttle=throttle)
    assert err.value.data["minutes"] == 5
    now[0] += accounts.LOCK_FOR + timedelta(seconds=1)
    assert accounts.authenticate(store, "budi", PASSWORD, throttle=throttle).username == "budi"


def test_success_resets_the_failure_count(store: Store, throttle: accounts.LoginThrottle) -> None:
    _add(store, "budi", "operator")
    for _ in range(3):
        for _ in range(accounts.MAX_FAILURES - 1):
            with pytest.raises(accounts.LoginFailed):
                accounts.authenticate(store, "budi", "salah-salah", throttle=throttle)
        accounts.authenticate(store, "budi", PASSWORD, throttle=throttle)


def test_outdated_hash_parameters_are_rehashed_at_login(
    store: Store, throttle: accounts.LoginThrottle, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argon2 import PasswordHasher

    aid = _add(store, "budi", "operator")
    old = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1).hash(PASSWORD)
    accounts.set_password(store, ADMIN, aid, PASSWORD)  # a normal reset first
    with store.transaction(ADMIN, "test.old_hash") as s:  # then an old-parameter hash
        row = s.get(Account, aid)
        assert row is not None
        row.password_hash = old
    accounts.authenticate(store, "budi", PASSWORD, throttle=throttle)
    with store.read() as s:
        new = s.scalar(select(Account.password_hash).where(Account.id == aid))
        actions = list(s.scalars(select(JournalTxn.action).order_by(JournalTxn.id.desc())))
    assert new != old
    assert new is not None
    assert not accounts._HASHER.check_needs_rehash(new)
    assert actions[0] == "account.rehash"


def test_login_required_on_sqlite_only_once_a_password_exists(empty: Store) -> None:
    store = empty
    if store.dialect == "postgresql":
        assert accounts.login_required(store)
        return
    assert not accounts.login_required(store)
    _add(store, "admin.satu", "admin")
    assert accounts.login_required(store)


def test_first_account_with_a_password_must_be_admin(empty: Store) -> None:
    with pytest.raises(accounts.FirstMustBeAdmin) as err:
        _add(empty, "budi", "operator")
    assert "harus admin" in messages.describe(err.value, "id")
    _add(empty, "admin.satu", "admin")
    _add(empty, "budi", "operator")


def test_bootstrap_admin_once(empty: Store, throttle: accounts.LoginThrottle) -> None:
    store = empty
    assert accounts.needs_bootstrap(store)
    actor = accounts.bootstrap_admin(store, "kapolda", PASSWORD, "Kapolda Uji")
    assert actor.role == "admin"
    assert not accounts.needs_bootstrap(store)
    assert accounts.authenticate(store, "kapolda", PASSWORD, throttle=throttle) == actor
    with pytest.raises(accounts.AlreadySetUp):
        accounts.bootstrap_admin(store, "penyusup", PASSWORD)


def test_password_rules_and_duplicate_names(store: Store) -> None:
    with pytest.raises(InvalidValue) as err:
        _add(store, "budi", "operator", password="pendek")
    assert err.value.data["reason"] == "too_short"
    _add(store, "budi", "operator")
    with pytest.raises(InvalidValue) as err:
        _add(store, "BUDI", "staff")
    assert err.value.data["reason"] == "exists"
    with pytest.raises(InvalidValue):
        _add(store, "andi", "superuser")


def test_last_admin_is_kept(empty: Store) -> None:
    store = empty
    first = accounts.bootstrap_admin(store, "kapolda", PASSWORD)
    assert first.account_id is not None
    with pytest.raises(accounts.LastAdmin):
        accounts.set_role(store, ADMIN, first.account_id, "operator")
    with pytest.raises(accounts.LastAdmin):
        accounts.deactivate(store, ADMIN, first.account_id)
    second = _add(store, "wakapolda", "admin")
    accounts.set_role(store, ADMIN, first.account_id, "commander")
    with pytest.raises(accounts.LastAdmin):
        accounts.deactivate(store, ADMIN, second)


def test_hash_never_reaches_the_journal(store: Store) -> None:
    aid = _add(store, "budi", "operator")
    accounts.set_password(store, ADMIN, aid, "kata-sandi-baru-123")
    accounts.set_role(store, ADMIN, aid, "staff")
    with store.read() as s:
        hashes = {s.scalar(select(Account.password_hash).where(Account.id == aid))}
        entries = list(
            s.scalars(
                select(JournalEntry)
                .where(JournalEntry.entity == "account", JournalEntry.entity_id == aid)
                .order_by(JournalEntry.seq)
            )
        )
        txns = {t.id: t.action for t in s.scalars(select(JournalTxn))}
    assert [txns[e.txn_id] for e in entries] == [
        "account.create",
        "account.set_password",
        "account.set_role",
    ]
    created, reset, role = entries
    assert created.changes["password_hash"] == journal.REDACTED
    assert created.changes["username"] == "budi"
    assert reset.changes == {"password_hash": [journal.REDACTED, journal.REDACTED]}
    assert role.changes == {"role": ["operator", "staff"]}
    everything = " ".join(str(e.changes) for e in entries)
    assert "$argon2" not in everything
    assert not any(h and h in everything for h in hashes)
    assert all(e.actor == ADMIN.username for e in entries)


def test_journal_rows_carry_the_logged_in_account(
    store: Store, small: Small, throttle: accounts.LoginThrottle
) -> None:
    _add(store, "opr.siginjai", "operator")
    actor = accounts.authenticate(store, "opr.siginjai", PASSWORD, throttle=throttle)
    units.set_status(store, actor, small.units["PA"], small.statuses["bergerak"])
    with store.read() as s:
        last = journal.last_entries(s, 5)
        txn = s.get(JournalTxn, last[-1].txn_id)
    assert {e.actor for e in last if e.txn_id == last[-1].txn_id} == {"opr.siginjai"}
    assert txn is not None
    assert txn.actor == "opr.siginjai"


# --- roles -----------------------------------------------------------------------------------


def _snapshot(store: Store) -> tuple[int, int, int, tuple[tuple[int, int | None], ...]]:
    with store.read() as s:
        return (
            journal.head(s),
            int(s.scalar(select(func.count(Account.id))) or 0),
            int(s.scalar(select(func.count(Personnel.id))) or 0),
            tuple(
                (int(i), st)
                for i, st in s.execute(select(Unit.id, Unit.status_id).order_by(Unit.id))
            ),
        )


def _forbidden_calls(
    store: Store, small: Small, target: int
) -> dict[str, Callable[[Actor], object]]:
    draft = personnel.PersonDraft(
        operation_id=small.operation_id, nrp="77010001", name="Baru", home_unit_id=small.units["PA"]
    )
    return {
        "units.set_status": lambda a: units.set_status(
            store, a, small.units["PA"], small.statuses["bergerak"]
        ),
        "personnel.add": lambda a: personnel.add(store, a, draft),
        "accounts.create_account": lambda a: accounts.create_account(
            store, a, "baru", "Baru", "admin", PASSWORD
        ),
        "accounts.set_password": lambda a: accounts.set_password(
            store, a, target, "diambil-alih-123"
        ),
        "accounts.set_role": lambda a: accounts.set_role(store, a, target, "admin"),
        "accounts.deactivate": lambda a: accounts.deactivate(store, a, target),
        "accounts.list_accounts": lambda a: accounts.list_accounts(store, a),
    }


FORBIDDEN = {
    "operator": (
        "personnel.add",
        "accounts.create_account",
        "accounts.set_password",
        "accounts.set_role",
        "accounts.deactivate",
        "accounts.list_accounts",
    ),
    "staff": ("units.set_status", "accounts.create_account", "accounts.set_role"),
    "commander": (
        "units.set_status",
        "personnel.add",
        "accounts.create_account",
        "accounts.set_password",
        "accounts.deactivate",
    ),
}


@pytest.mark.parametrize("role", sorted(FORBIDDEN))
def test_each_role_is_refused_what_it_may_not_do_and_nothing_changes(
    store: Store, small: Small, role: str
) -> None:
    target = _add(store, "sasaran", "operator")
    actor = Actor(username=f"uji.{role}", role=role)
    calls = _forbidden_calls(store, small, target)
    before = _snapshot(store)
    for name in FORBIDDEN[role]:
        with pytest.raises(NotPermitted) as err:
            calls[name](actor)
        assert err.value.data["role"] == role, name
        assert _snapshot(store) == before, name
    assert "tidak berwenang" in messages.describe(err.value, "id")


def test_admin_may_manage_accounts(store: Store, small: Small) -> None:
    target = _add(store, "sasaran", "operator")
    admin = Actor("admin.kedua", role="admin")
    calls = _forbidden_calls(store, small, target)
    for name in ("accounts.set_role", "accounts.set_password", "accounts.list_accounts"):
        calls[name](admin)
    assert any(r.username == "sasaran" for r in accounts.list_accounts(store, admin))


# --- PostgreSQL: the application's own role is not a superuser -------------------------------

# The SQL the README gives, in order. ``{db}`` is the database name. Run 1 and 2 as the
# PostgreSQL superuser, then ``opscenter db upgrade`` as opscenter_owner, then 3 as
# opscenter_owner (or the superuser). Passwords are left out here: the test server trusts
# local connections.
ROLE_SQL_1 = [
    "CREATE ROLE opscenter_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE",
    "CREATE ROLE opscenter_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT",
]
ROLE_SQL_DB = [
    "CREATE DATABASE {db} OWNER opscenter_owner",
    "REVOKE ALL ON DATABASE {db} FROM PUBLIC",
    "GRANT CONNECT ON DATABASE {db} TO opscenter_app",
]
ROLE_SQL_2 = [  # in the new database
    "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
    "GRANT USAGE ON SCHEMA public TO opscenter_app",
]
ROLE_SQL_3 = [  # in the new database, after the schema exists
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO opscenter_app",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO opscenter_app",
    "REVOKE UPDATE, DELETE, TRUNCATE ON journal, journal_txn FROM opscenter_app",
    "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM opscenter_app",
    "ALTER DEFAULT PRIVILEGES FOR ROLE opscenter_owner IN SCHEMA public "
    "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO opscenter_app",
    "ALTER DEFAULT PRIVILEGES FOR ROLE opscenter_owner IN SCHEMA public "
    "GRANT USAGE, SELECT ON SEQUENCES TO opscenter_app",
]


def test_app_runs_as_a_role_that_is_not_a_superuser(postgres_server: Any) -> None:
    import psycopg

    db = "opscenter_roles"
    host, port = "127.0.0.1", postgres_server.port

    def url(role: str) -> str:
        return f"postgresql+psycopg://{role}@{host}:{port}/{db}"

    def run_sql(statements: list[str], role: str = "postgres", dbname: str = db) -> None:
        with psycopg.connect(
            host=host, port=port, user=role, dbname=dbname, autocommit=True
        ) as conn:
            for sql in statements:
                conn.execute(sql.format(db=db))  # type: ignore[arg-type]

    with postgres_server.connect(autocommit=True) as conn:
        existing = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
    run_sql([s for s in ROLE_SQL_1 if s.split()[2] not in existing], dbname="postgres")
    run_sql(ROLE_SQL_DB, dbname="postgres")
    try:
        run_sql(ROLE_SQL_2)
        open_store(url("opscenter_owner")).dispose()  # migrations, as the owner
        run_sql(ROLE_SQL_3, role="opscenter_owner")

        store = open_store(url("opscenter_app"))
        try:
            with store.engine.connect() as conn:
                flags = conn.execute(
                    text(
                        "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles "
                        "WHERE rolname = current_user"
                    )
                ).one()
            assert tuple(flags) == (False, False, False)
            small = build_small_operation(store)
            admin = accounts.bootstrap_admin(store, "kapolda", PASSWORD)
            accounts.create_account(store, admin, "budi", "Budi", "operator", PASSWORD)
            budi = accounts.authenticate(store, "budi", PASSWORD, throttle=accounts.LoginThrottle())
            units.set_status(store, budi, small.units["PA"], small.statuses["bergerak"])
            with store.read() as s:
                head = journal.head(s)
                assert journal.last_entries(s, 1)[0].actor == "budi"
            for forbidden in (
                "DELETE FROM journal",
                "UPDATE journal SET actor = 'x'",
                "TRUNCATE journal_txn CASCADE",
                "ALTER TABLE journal DISABLE TRIGGER ALL",
                "DROP TABLE journal CASCADE",
                "CREATE TABLE intruder (id int)",
            ):
                with pytest.raises(psycopg.Error):
                    run_sql([forbidden], role="opscenter_app")
            with store.read() as s:
                assert journal.head(s) == head
        finally:
            store.dispose()
    finally:
        postgres_server.drop_database(db)


def test_app_role_asked_to_migrate_gets_a_sentence_and_no_schema(postgres_server: Any) -> None:
    """A workstation whose role may not create tables (the README's opscenter_app) meets a
    database that needs its schema built or upgraded: one sentence saying who must run
    ``db upgrade``, and nothing created."""
    import psycopg

    from opscenter.errors import DatabasePermission
    from opscenter.messages import describe

    db = "opscenter_noperm"
    host, port = "127.0.0.1", postgres_server.port
    with postgres_server.connect(autocommit=True) as conn:
        existing = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
    with psycopg.connect(host=host, port=port, user="postgres", autocommit=True) as conn:
        for sql in ROLE_SQL_1:
            if sql.split()[2] not in existing:
                conn.execute(sql)  # type: ignore[arg-type]
        for sql in ROLE_SQL_DB:
            conn.execute(sql.format(db=db))  # type: ignore[arg-type]
    try:
        with psycopg.connect(host=host, port=port, user="postgres", dbname=db,
                             autocommit=True) as conn:  # fmt: skip
            for sql in ROLE_SQL_2:
                conn.execute(sql)  # type: ignore[arg-type]
        with pytest.raises(DatabasePermission) as caught:
            open_store(f"postgresql+psycopg://opscenter_app@{host}:{port}/{db}")
        said = describe(caught.value, "id")
        assert "opscenter_app" in said and "opscenter db upgrade" in said, said
        assert "\n" not in said and "Traceback" not in said
        with psycopg.connect(host=host, port=port, user="postgres", dbname=db) as conn:
            tables = conn.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            ).fetchone()
        assert tables == (0,)
    finally:
        postgres_server.drop_database(db)


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"LOGNAME": "budi"}, "lokal:budi"),
        ({"LOGNAME": "root"}, "lokal:root"),  # a container's root, said as such
        ({"LOGNAME": "root", "SUDO_USER": "siti"}, "lokal:siti"),  # who ran sudo
    ],
)
def test_the_workstation_user_is_named_as_local(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], name: str
) -> None:
    """Issue 14: a file without accounts recorded every change as "root", indistinguishable
    from an account of that name. The person at the workstation is "lokal:<system user>"."""
    monkeypatch.delenv("SUDO_USER", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert Actor.local() == Actor(username=name, role="admin")


def test_unattended_acts_as_the_local_user_until_an_account_has_a_password(
    empty: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    if empty.dialect != "sqlite":
        assert accounts.unattended(empty) is None  # a server: everyone signs in
        return
    monkeypatch.setenv("LOGNAME", "budi")
    monkeypatch.delenv("SUDO_USER", raising=False)
    local = accounts.unattended(empty)
    assert local is not None and local.username == "lokal:budi"
    accounts.bootstrap_admin(empty, "kapolda", PASSWORD, "Kapolda")
    assert accounts.unattended(empty) is None


@pytest.mark.parametrize("username", ["lokal:root", "lokal:budi", "a:b"])
def test_an_account_name_cannot_pass_for_the_local_user(store: Store, username: str) -> None:
    admin = accounts.authenticate(store, "kapolda", PASSWORD)
    with store.read() as s:
        head = journal.head(s)
    with pytest.raises(InvalidValue) as refused:
        accounts.create_account(store, admin, username, "Siapa", "operator", "rahasia-1234")
    assert messages.describe(refused.value, "id") == (
        "Nama pengguna tidak boleh memuat titik dua (\u201clokal:\u2026\u201d menandai "
        "pengguna sistem)."
    )
    with store.read() as s:
        assert journal.head(s) == head


@pytest.mark.parametrize(
    ("username", "reason", "indonesian", "english"),
    [
        (
            "Jambi Op Baru",  # the tester's: spaces inside, not a missing name
            "username_format",
            "Nama pengguna tidak boleh memuat spasi; sambungkan katanya dengan titik, "
            "mis. jambi.op.baru.",
            "User name may not contain spaces; join the words with dots, e.g. jambi.op.baru.",
        ),
        ("jambi\top", "username_format", None, None),
        (
            "j" * 81,
            "username_too_long",
            "Nama pengguna terlalu panjang (paling banyak 80 karakter).",
            "User name is too long (at most 80 characters).",
        ),
        ("   ", "required", "Nama pengguna wajib diisi.", "User name is required."),
    ],
)
def test_a_refused_user_name_says_which_rule_it_breaks(
    store: Store, username: str, reason: str, indonesian: str | None, english: str | None
) -> None:
    with store.read() as s:
        head = journal.head(s)
    with pytest.raises(InvalidValue) as refused:
        _add(store, username, "operator")
    assert refused.value.data["field"] == "username"
    assert refused.value.data["reason"] == reason
    if indonesian is not None:
        assert messages.describe(refused.value, "id") == indonesian
        assert messages.describe(refused.value, "en") == english
    with store.read() as s:
        assert journal.head(s) == head
    _add(store, "j" * 80, "operator")  # the longest name the column holds is taken
