"""What each role may do, enforced in the core services (not only by hiding buttons)."""

from __future__ import annotations

from opscenter.actor import Actor
from opscenter.errors import OpsError

# permission -> roles holding it. Commanders read everything and approve reports.
PERMISSIONS: dict[str, frozenset[str]] = {
    "board.edit": frozenset({"operator", "admin"}),
    "incident.edit": frozenset({"operator", "admin"}),
    "personnel.edit": frozenset({"staff", "admin"}),
    "reference.edit": frozenset({"staff", "admin"}),
    "import.run": frozenset({"staff", "admin"}),
    "plan.accept": frozenset({"commander", "admin"}),
    "operation.create": frozenset({"admin"}),
    "account.manage": frozenset({"admin"}),
}


class NotPermitted(OpsError):
    """data: actor, role, permission."""

    code = "not_permitted"


def require(actor: Actor, permission: str) -> None:
    roles = PERMISSIONS[permission]
    if actor.role not in roles:
        raise NotPermitted(actor=actor.username, role=actor.role, permission=permission)
