"""The stale-row check of a roster commit: the rows an import writes, as its preview read
them, against the journal's entries since. A row someone else changed, or a new row's key
someone else stored meanwhile, refuses the commit naming the rows (``stale_rows``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.model import JournalEntry
from opscenter.roster.errors import RosterError
from opscenter.roster.preview import MODELS, Preview
from opscenter.roster.row_updates import table_of

# How many rows a refusal names; the rest are counted.
_NAMED_ROWS = 5


@dataclass(frozen=True, slots=True)
class Watch:
    """The rows an import writes, as the preview read them: stored rows it changes (by id)
    and the keys of the rows it adds. A journal entry since the preview that touches one of
    them makes the preview stale; any other write does not."""

    preview: Preview
    key: list[int]  # positions of the key columns in a row's values
    changed: dict[int, tuple[Any, ...] | None]  # stored row id -> the file's values
    new: list[tuple[Any, ...]]  # the file's new rows (not copied: a million may come)

    @staticmethod
    def of(preview: Preview, new: list[tuple[Any, ...]], changed: list[Any]) -> Watch:
        spec = preview.spec
        return Watch(
            preview=preview,
            key=[spec.columns.index(k) for k in spec.key],
            changed={r.db_id: r.values for r in changed},
            new=new,
        )

    def _key_of(self, values: tuple[Any, ...]) -> Any:
        k = self.key
        return values[k[0]] if len(k) == 1 else tuple(values[i] for i in k)

    def check(self, s: Session, since: int) -> None:
        """Refuse, naming the rows, when a transaction committed after ``since`` (a
        ``journal.head``) touched one."""
        hits: dict[str, None] = {}
        keys: set[Any] = set()  # keys others stored meanwhile: do new rows of the file use one?
        entries = s.execute(
            select(JournalEntry.entity_id, JournalEntry.action, JournalEntry.changes).where(
                JournalEntry.txn_id.in_(journal.committed_after(since)),
                JournalEntry.entity == table_of(MODELS[self.preview.kind]).name,
            )
        )
        for entity_id, action, changes in entries:
            if entity_id in self.changed:
                hits[_row_name(self.preview, self.changed[entity_id])] = None
            elif action != "delete":
                key = self._stored_key(action, changes or {})
                if key is not None:
                    keys.add(key)
        if keys:
            for values in self.new:
                if self._key_of(values) in keys:
                    hits[_row_name(self.preview, values)] = None
        if hits:
            names = list(hits)
            shown = ", ".join(names[:_NAMED_ROWS])
            if len(names) > _NAMED_ROWS:
                shown += ", \u2026"
            raise RosterError("stale_rows", file=self.preview.file, count=len(names), rows=shown)

    def _stored_key(self, action: str, changes: dict[str, Any]) -> Any:
        """The key a journaled insert or update left its row with (None: key unchanged)."""
        parts = []
        for col in self.preview.spec.key:
            value = changes.get(col)
            if action == "update":
                if not isinstance(value, list):
                    return None  # the key did not change: an existing row, not a new key
                value = value[1]
            parts.append(value)
        return parts[0] if len(parts) == 1 else tuple(parts)


def _row_name(preview: Preview, values: tuple[Any, ...] | None) -> str:
    """A row as a person finds it in the file: NRP and name, TPS number and village, code."""
    if values is None:
        return "?"
    if preview.kind == "personnel":
        return f"{values[0]} {values[2]}"
    if preview.kind == "tps":
        return f"TPS {values[1]} {preview.label('region_id', values[0])}"
    return f"{values[0]} {values[1]}"
