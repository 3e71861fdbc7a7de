"""Who performs an action. Every journal row names one."""

from __future__ import annotations

import getpass
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    username: str
    role: str = "admin"
    account_id: int | None = None

    @classmethod
    def local(cls) -> Actor:
        """The person at this workstation when no login is required (embedded SQLite)."""
        try:
            name = getpass.getuser()
        except Exception:  # no user name in the environment (some containers)
            name = "lokal"
        return cls(username=name, role="admin")


SYSTEM = Actor(username="sistem", role="admin")
