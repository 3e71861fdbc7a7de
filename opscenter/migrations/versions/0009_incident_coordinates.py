"""incident: optional coordinates (latitude_e6, longitude_e6, micro-degrees) and their CHECK

Two nullable integer columns and a constraint that both are set or both are null, within
[-90, 90] and [-180, 180] degrees. Existing incidents get no point.

SQLite cannot add a table CHECK to an existing table without copying it, and the copy
(drop and rename) would run the ON DELETE CASCADE of the follow-ups and responding units
with foreign keys on. The constraint goes on the second column there instead (SQLite lets a
column CHECK name other columns); it holds the same rule, and DROP COLUMN takes it away.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_POINT = (
    "(latitude_e6 IS NULL AND longitude_e6 IS NULL) OR "
    "(latitude_e6 IS NOT NULL AND longitude_e6 IS NOT NULL "
    "AND latitude_e6 BETWEEN -90000000 AND 90000000 "
    "AND longitude_e6 BETWEEN -180000000 AND 180000000)"
)


def upgrade() -> None:
    op.add_column("incident", sa.Column("latitude_e6", sa.Integer(), nullable=True))
    if op.get_context().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE incident ADD COLUMN longitude_e6 INTEGER "
            f"CONSTRAINT ck_incident_point CHECK ({_POINT})"
        )
    else:
        op.add_column("incident", sa.Column("longitude_e6", sa.Integer(), nullable=True))
        op.create_check_constraint(op.f("ck_incident_point"), "incident", sa.text(_POINT))


def downgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        op.drop_constraint(op.f("ck_incident_point"), "incident", type_="check")
    op.drop_column("incident", "longitude_e6")  # on SQLite, with its CHECK
    op.drop_column("incident", "latitude_e6")
