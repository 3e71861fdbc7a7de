"""What each role may do, enforced in the core services (not only by hiding buttons).

``PERMISSIONS`` is the one role matrix. Every core service that writes calls
``require(actor, permission)`` with one of its keys before it opens a transaction (a test
scans ``opscenter/`` for that), the menus ask ``permitted`` to hide what a role cannot use,
and the README's table is checked against it (``tests/core/test_roles.py``).
"""

from __future__ import annotations

from opscenter.actor import Actor
from opscenter.errors import OpsError

ROLE_ORDER = ("operator", "staff", "commander", "admin")

# permission -> roles holding it. Operators keep the board and the incidents; staff load
# rosters and keep the reference lists and the vulnerability map; commanders read
# everything, issue reports and decide on reinforcement; admins may do everything.
PERMISSIONS: dict[str, frozenset[str]] = {
    "board.edit": frozenset({"operator", "admin"}),
    "incident.edit": frozenset({"operator", "admin"}),
    "personnel.edit": frozenset({"staff", "admin"}),
    "reference.edit": frozenset({"staff", "admin"}),
    "import.run": frozenset({"staff", "admin"}),
    "plan.edit": frozenset({"staff", "admin"}),
    "plan.accept": frozenset({"commander", "admin"}),
    "plot.edit": frozenset({"staff", "admin"}),
    "watch.record": frozenset({"operator", "staff", "admin"}),
    "readiness.edit": frozenset({"staff", "commander", "admin"}),
    "report.issue": frozenset({"operator", "commander", "admin"}),
    "report.configure": frozenset({"staff", "commander", "admin"}),
    "audit.read": frozenset({"commander", "admin"}),
    "operation.create": frozenset({"admin"}),
    "account.manage": frozenset({"admin"}),
}

# What each permission covers, for the README's table.
DESCRIPTIONS: dict[str, str] = {
    "board.edit": "unit status on the board (F2, undo)",
    "incident.edit": "log incidents, follow-ups, status, responding units",
    "personnel.edit": "add or change personnel",
    "reference.edit": "a unit's details (name, parent, reserve, strength declared); the TPS "
    "watch's steps and deadlines",
    "import.run": "import rosters, TPS, unit lists, incident logs and region boundaries; revert "
    "an import",
    "plan.edit": "vulnerability ratings (in place or from Excel), save a what-if",
    "plan.accept": "accept or withdraw reinforcement (BKO) proposals",
    "plot.edit": "guard posts of a stage: form them from the patterns, move TPS, split, merge",
    "watch.record": "voting-day TPS watch: a TPS's steps and times (typed, by post, imported)",
    "readiness.edit": "readiness: judgements, sarpras counts and rules, budget, visits, findings",
    "report.issue": "take a situation report's number (save, print, scheduled reports)",
    "report.configure": "report settings: number template, unit, place, signatory",
    "audit.read": "read and export the audit journal",
    "operation.create": "create an operation (load a demo)",
    "account.manage": "add accounts, reset passwords, change roles, deactivate",
}


class NotPermitted(OpsError):
    """data: actor, role, permission."""

    code = "not_permitted"


def permitted(actor: Actor, permission: str) -> bool:
    """Whether ``actor``'s role holds ``permission`` (an unknown permission is a bug)."""
    return actor.role in PERMISSIONS[permission]


def require(actor: Actor, permission: str) -> None:
    if not permitted(actor, permission):
        raise NotPermitted(actor=actor.username, role=actor.role, permission=permission)


def matrix_table() -> str:
    """The role matrix as the README shows it: a Markdown table, one permission a row."""
    head = "| permission | what it covers | " + " | ".join(ROLE_ORDER) + " |"
    rule = "|---|---|" + "---|" * len(ROLE_ORDER)
    rows = [
        f"| `{name}` | {DESCRIPTIONS[name]} | "
        + " | ".join("\u2713" if role in roles else "" for role in ROLE_ORDER)
        + " |"
        for name, roles in PERMISSIONS.items()
    ]
    return "\n".join([head, rule, *rows])
