"""journal_commit: commit order, one row a transaction, so the ordering lock is O(1)

A live reader follows ``journal_commit.seq`` (commit order) and reads the journal rows of
each transaction committed after its cursor, in ``journal.seq`` order. On PostgreSQL only
the ``journal_commit`` row is written under the journal's ordering lock; the journal rows of
the transaction go in before it, however many there are (an import's 100,000 no longer keep
every other workstation waiting for a second and more).

Existing transactions get their last journal row's ``seq``: the rows of a transaction were
written in one block, in commit order, so that is commit order too. ``ix_journal_txn_id``
becomes ``ix_journal_txn_id_seq``, for reading one transaction's rows in pages.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_commit",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("txn_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["txn_id"], ["journal_txn.id"], name=op.f("fk_journal_commit_txn_id_journal_txn")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_journal_commit")),
        sa.UniqueConstraint("txn_id", name=op.f("uq_journal_commit_txn_id")),
    )
    op.execute(
        "INSERT INTO journal_commit (seq, txn_id, rows)"
        " SELECT max(seq), txn_id, count(*) FROM journal GROUP BY txn_id ORDER BY max(seq)"
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:  # new commits are numbered after the ones just carried over
        op.execute(
            "SELECT setval(pg_get_serial_sequence('journal_commit', 'seq'),"
            " coalesce((SELECT max(seq) FROM journal_commit), 0) + 1, false)"
        )
    _append_only(postgres)
    op.drop_index("ix_journal_txn_id", table_name="journal")
    op.create_index("ix_journal_txn_id_seq", "journal", ["txn_id", "seq"])


def _append_only(postgres: bool) -> None:
    """As the journal (0001): the database itself refuses to change or delete a row."""
    if postgres:  # opscenter_journal_immutable() is 0001's
        op.execute(
            "CREATE TRIGGER journal_commit_append_only BEFORE UPDATE OR DELETE ON journal_commit"
            " FOR EACH ROW EXECUTE FUNCTION opscenter_journal_immutable()"
        )
        op.execute(
            "CREATE TRIGGER journal_commit_no_truncate BEFORE TRUNCATE ON journal_commit"
            " FOR EACH STATEMENT EXECUTE FUNCTION opscenter_journal_immutable()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER journal_commit_no_{verb.lower()} BEFORE {verb} ON journal_commit "
            "BEGIN SELECT RAISE(ABORT, 'opscenter: the journal is append-only'); END"
        )


def downgrade() -> None:
    op.drop_index("ix_journal_txn_id_seq", table_name="journal")
    op.create_index("ix_journal_txn_id", "journal", ["txn_id"])
    # Triggers go with their table.
    op.drop_table("journal_commit")
