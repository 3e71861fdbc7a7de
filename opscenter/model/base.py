"""Declarative base, shared column types and mixins of the schema."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

# Stable constraint names, so Alembic migrations are the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time, stored in UTC, always returned timezone-aware (UTC).

    SQLite has no time zones, so there the value is stored naive in UTC. Naive input
    is refused: a time without a zone is a bug waiting to happen in a two-zone country.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class JsonDoc(TypeDecorator[Any]):
    """A JSON document: JSONB on PostgreSQL, JSON text elsewhere.

    Written as a decorator rather than ``JSON().with_variant(JSONB(), "postgresql")`` so the
    PostgreSQL dialect (and the asyncio it pulls in, 50 ms) is imported only by a process
    that talks to PostgreSQL, not by every start on the embedded SQLite file.
    """

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


def utcnow() -> datetime:
    return datetime.now(UTC)


def one_of(column: str, values: tuple[str, ...]) -> str:
    """A check constraint's SQL: ``column`` holds one of ``values``, the tuple the code
    names too, so that the database and the services check against one list."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcDateTime(), dict[str, Any]: JsonDoc()}

    # Tables whose rows are written only through services and journaled. The journal
    # tables themselves set this to False.
    __journaled__ = True


class Versioned:
    """Rows that people edit: a version counter refuses stale writes (optimistic locking)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class OperationScoped:
    """Rows that belong to one operation."""

    @declared_attr
    def operation_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("operation.id", ondelete="CASCADE"), index=True)


class ReferenceItem(OperationScoped):
    """An entry of an editable reference list, seeded per operation.

    ``code`` is the stable key code and imports refer to; ``name`` is what users read
    (Indonesian), ``name_en`` the English label; ``ordinal`` orders the list.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str | None] = mapped_column(String(120))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
