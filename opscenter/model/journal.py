"""The journal: append-only audit trail and cursor for live sync.

Every write of a journaled row appends, in the same transaction, one ``JournalEntry``
per changed row; every transaction also gets one ``JournalTxn`` that says which user
action it was (an import names its file and SHA-256 there), and, in its last step, one
``JournalCommit``: the order transactions committed in, the cursor of a live reader.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base


class JournalTxn(Base):
    __tablename__ = "journal_txn"
    __journaled__ = False

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    operation_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # What the user did, as a stable key: "unit.set_status", "import.personnel", "demo.load".
    action: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict[str, Any] | None]


class JournalEntry(Base):
    __tablename__ = "journal"
    __journaled__ = False
    # "Who last changed this row" (stale-edit messages, the audit view) reads by entity and id.
    # A transaction's rows in order (a live reader reads a large one in pages) through
    # ix_journal_txn_id_seq.
    __table_args__ = (
        Index("ix_journal_entity_row", "entity", "entity_id", "seq"),
        Index("ix_journal_txn_id_seq", "txn_id", "seq"),
    )

    # The row's number: unique, and for the rows of one transaction in the order written;
    # across transactions, commit order is ``JournalCommit.seq`` (see that class).
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    txn_id: Mapped[int] = mapped_column(ForeignKey("journal_txn.id"))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80), index=True)
    operation_id: Mapped[int | None] = mapped_column(Integer)
    # Indexed through ix_journal_entity_row, whose first column it is.
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(6))  # insert, update, delete
    # {field: [before, after]} for updates; {field: value} for inserts and deletes.
    changes: Mapped[dict[str, Any]]


class JournalCommit(Base):
    """One row a journaled transaction, written in its last step: ``seq`` is commit order.

    A live reader's cursor is a ``seq`` of this table: it reads the journal rows of the
    transactions committed after it. Only this row is written under the journal's ordering
    lock (on PostgreSQL), so the lock is held for one short INSERT whatever the size of the
    transaction; its journal rows are written before. The rows of two transactions that
    change the same row are still in ``JournalEntry.seq`` order: the second waits for the
    first to commit before it can change the row.
    """

    __tablename__ = "journal_commit"
    __journaled__ = False

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    txn_id: Mapped[int] = mapped_column(ForeignKey("journal_txn.id"), unique=True)
    # How many journal rows the transaction wrote: a reader takes small ones together.
    rows: Mapped[int]
