"""The report's fingerprint: SHA-256 of a canonical serialisation of its content.

The content is every field but the report number, the serial and the time it was
generated: the same data and period give the same fingerprint.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from opscenter.sitrep.content import Sitrep

_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """JSON-ready form: dataclasses as dicts, times in UTC ISO form (hot: 20,000 incidents)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if kind is tuple or kind is list:
        return [_plain(v) for v in value]
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def fingerprint(content: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the content (sorted keys, UTC times)."""
    text = json.dumps(
        _plain(dict(content)), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_of(sitrep: Sitrep) -> dict[str, Any]:
    """The fields the fingerprint covers (all but number, serial and generation time)."""
    skip = {"number", "serial", "generated_at", "fingerprint"}
    return {
        f.name: getattr(sitrep, f.name) for f in dataclasses.fields(sitrep) if f.name not in skip
    }
