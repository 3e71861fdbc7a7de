"""User accounts and roles."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, Versioned, one_of

# Permissions are enforced in code by role, so roles are a fixed set.
ROLES = ("operator", "staff", "commander", "admin")


class Account(Versioned, Base):
    __tablename__ = "account"
    __table_args__ = (CheckConstraint(one_of("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(160))
    role: Mapped[str] = mapped_column(String(10))
    # argon2 hash; None where the account may not log in with a password (SQLite, local).
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
