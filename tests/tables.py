"""Every row of every table of a database, to compare two databases (a backup's round trip)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from opscenter.model import Base
from opscenter.store import parse_url, resolve_url

Rows = dict[str, list[tuple[Any, ...]]]


def all_rows(url: str) -> Rows | None:
    """Each table's rows ordered by primary key (the model's tables and ``alembic_version``);
    None for an SQLite file that does not exist. Read without opening a store: nothing is
    created, migrated or tightened."""
    parsed = parse_url(resolve_url(url))
    if parsed.get_backend_name() == "sqlite" and not Path(str(parsed.database)).exists():
        return None
    engine = create_engine(make_url(parsed.render_as_string(hide_password=False)))
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
            rows: Rows = {}
            for name in sorted(present):
                model = Base.metadata.tables.get(name)
                if model is not None:
                    # An older schema (a backup from before a migration) lacks later columns.
                    have = {c["name"] for c in inspect(conn).get_columns(name)}
                    columns = [c for c in model.columns if c.name in have]
                    order = list(model.primary_key.columns)
                    rows[name] = [tuple(r) for r in conn.execute(select(*columns).order_by(*order))]
                else:
                    rows[name] = sorted(
                        tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}"'))
                    )
            return rows
    finally:
        engine.dispose()
