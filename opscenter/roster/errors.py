"""Typed refusals of a whole file. Row and cell problems are ``problems.Problem``s instead."""

from __future__ import annotations

from opscenter.errors import OpsError


class RosterError(OpsError):
    """The file cannot be imported at all. data: reason, file, and per reason: sheet,
    column(s), detail. ``messages`` turns ``import.<reason>`` into a sentence."""

    code = "import.refused"

    def __init__(self, reason: str, **data: object) -> None:
        super().__init__(reason=reason, **data)
        self.reason = reason
