"""The audit journal's detail pane text: every field of one journal row, before and after.

Stored times (UTC ISO strings among the values) are shown in the row's zone, as the table's
time column is (``ui.audit_model.time_text``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from opscenter import audit
from opscenter.audit import AuditRow
from opscenter.audit_fields import field_name
from opscenter.operations import local_text
from ui.audit_model import action_text, entity_text, time_text

# The line under the head naming the row's journal transaction, per language.
TRANSACTION = {"id": "transaksi jurnal: {txn}", "en": "journal transaction: {txn}"}


def detail_text(row: AuditRow, lang: str = "id") -> str:
    """Every field of a journal row, one per line, named as the officer reads it (``field_name``),
    ids of named rows as names: "status: Siaga → Bergerak"."""
    head = (
        f"#{row.seq}  {time_text(row)}  {row.actor}  {action_text(row)}  {entity_text(row, lang)}"
    )
    # The transaction groups the rows of one action; the import history numbers an import by
    # it ("Jurnal 812"), so an import's rows are found from there.
    txn = TRANSACTION.get(lang, TRANSACTION["id"]).format(txn=row.txn_id)
    lines = [head, txn, ""]
    shown = audit.named(row.changes, row.entity, row.names, lang).values()  # in ``changes``' order
    for column, value in zip(row.changes, shown, strict=True):
        key = field_name(column, lang)
        if row.action == "update" and isinstance(value, list) and len(value) == 2:
            before, after = _plain(value[0], row.timezone), _plain(value[1], row.timezone)
            lines.append(f"{key}: {before} \u2192 {after}")
        else:
            lines.append(f"{key}: {_plain(value, row.timezone)}")
    return "\n".join(lines)


def _plain(value: Any, zone: str) -> str:
    if value is None:
        return "\u2014"
    text = str(value)
    if len(text) >= 19 and text[10:11] == "T":  # a stored time (UTC ISO): in the row's zone
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            return text
        if when.tzinfo is not None:
            return local_text(when, zone, "%d-%m-%Y %H:%M:%S")
    return text
