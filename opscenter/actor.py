"""Who performs an action. Every journal row names one."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass

# The prefix of the person at a workstation that needs no login: "lokal:budi" in the journal
# is the operating-system user budi, never an account (account names may not hold a colon).
LOCAL_PREFIX = "lokal:"


@dataclass(frozen=True, slots=True)
class Actor:
    username: str
    role: str = "admin"
    account_id: int | None = None

    @classmethod
    def local(cls) -> Actor:
        """The person at this workstation when no login is required (an SQLite file without
        accounts), named as such: "lokal:<system user>". Under sudo, the user who ran sudo,
        not root; where the system names nobody (some containers), "lokal:tanpa-nama"."""
        try:
            name = getpass.getuser()
        except Exception:  # no user name in the environment (some containers)
            name = ""
        if name == "root" and os.environ.get("SUDO_USER"):
            name = os.environ["SUDO_USER"]
        return cls(username=LOCAL_PREFIX + (name or "tanpa-nama"), role="admin")


SYSTEM = Actor(username="sistem", role="admin")
