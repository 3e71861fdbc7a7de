"""Demo data: a whole operation, deterministic, loaded in one journaled transaction.

``load_demo(store, "jambi")`` creates Operasi Mantap Praja Siginjai 2024 (Polda Jambi,
about 5,000 TPS and 3,000 personnel); ``"bangka"`` creates Operasi Mantap Praja Menumbing
2024 (Polres Bangka, 363 personnel, 452 TPS). Both can live in one database. Dates are
fixed, so the same scenario always yields the same rows. Each is a live operation as it
stands at the moment ``open-demo`` opens it (``exercise.evening_of``: voting day, 20:00
local): nothing in it happens, is recorded or changes later.
"""

from __future__ import annotations

from opscenter import accounts
from opscenter.actor import SYSTEM, Actor
from opscenter.errors import InvalidValue
from opscenter.permissions import require
from opscenter.store import Store

SCENARIOS = ("jambi", "bangka")
# Who ``open-demo`` signs in as: the scenario's admin, who may open every window.
DEMO_SIGN_IN = {"jambi": "jambi.admin", "bangka": "bangka.admin"}
# The published password of the demo's accounts (the README and the login hint name it).
DEMO_PASSWORD = "latihan2024"


def load_demo(store: Store, scenario: str, actor: Actor = SYSTEM) -> int:
    """Load a demo scenario; returns the new operation's id.

    Raises ``InvalidValue(field="scenario", reason="unknown")`` for an unknown scenario and
    ``InvalidValue(field="code", reason="exists")`` when its operation is already there.
    All or nothing: one transaction, journaled as "demo.load".
    """
    require(actor, "operation.create")
    if scenario not in SCENARIOS:
        raise InvalidValue(field="scenario", value=scenario, reason="unknown")
    # The builders (with the boundaries, shapely and numpy) load only to build: signing in
    # to the demo, at every ``open-demo``, does not need them.
    # Imported by name, not computed: the desktop bundle's analysis must see both.
    if scenario == "jambi":
        from opscenter.demo.jambi import build
    else:
        from opscenter.demo.bangka import build
    with store.transaction(actor, "demo.load", details={"scenario": scenario}) as session:
        return build(session, actor)


def sign_in(store: Store, scenario: str) -> Actor | None:
    """The scenario's admin, signed in with the published demo password (``open-demo``
    on an SQLite demo file), through the login's own check; ``None`` where that fails:
    the password was changed, the account is not there, or the file is not a demo."""
    try:
        return accounts.authenticate(store, DEMO_SIGN_IN[scenario], DEMO_PASSWORD)
    except (KeyError, accounts.AccountError):
        return None
