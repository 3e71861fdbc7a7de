"""Demo data: a whole operation, deterministic, loaded in one journaled transaction.

``load_demo(store, "jambi")`` creates Operasi Mantap Praja Siginjai 2024 (Polda Jambi,
about 5,000 TPS and 3,000 personnel); ``"bangka"`` creates Operasi Mantap Praja Menumbing
2024 (Polres Bangka, 363 personnel, 452 TPS). Both can live in one database. Dates are
fixed, so the same scenario always yields the same rows. Each is a live operation as it
stands at the moment ``open-demo`` opens it (``exercise.evening_of``: voting day, 20:00
local): nothing in it happens, is recorded or changes later.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from opscenter import accounts
from opscenter.actor import SYSTEM, Actor
from opscenter.demo import bangka, jambi
from opscenter.demo.builder import DEMO_PASSWORD
from opscenter.errors import InvalidValue
from opscenter.permissions import require
from opscenter.store import Store

SCENARIOS = ("jambi", "bangka")
# Who ``open-demo`` signs in as: the scenario's admin, who may open every window.
DEMO_SIGN_IN = {"jambi": "jambi.admin", "bangka": "bangka.admin"}
_BUILDERS: dict[str, Callable[[Session, Actor], int]] = {
    "jambi": jambi.build,
    "bangka": bangka.build,
}


def load_demo(store: Store, scenario: str, actor: Actor = SYSTEM) -> int:
    """Load a demo scenario; returns the new operation's id.

    Raises ``InvalidValue(field="scenario", reason="unknown")`` for an unknown scenario and
    ``InvalidValue(field="code", reason="exists")`` when its operation is already there.
    All or nothing: one transaction, journaled as "demo.load".
    """
    require(actor, "operation.create")
    build = _BUILDERS.get(scenario)
    if build is None:
        raise InvalidValue(field="scenario", value=scenario, reason="unknown")
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
