"""The readiness board's background read (``ui.readiness_panel``): the matrix
(``opscenter.readiness.matrix.readiness``: strength, sarpras, budget and findings for hundreds
of units) and its comparison with the rows on screen, both off the GUI thread, so that the
GUI thread only replaces the rows that changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opscenter import journal
from opscenter.errors import NoOperation
from opscenter.operations import get_operation
from opscenter.progress import CancelToken, Job, Progress
from opscenter.readiness.matrix import AspectRef, Readiness, readiness
from opscenter.store import Store
from ui.readiness_model import MatrixRow, RowFilter, changed_rows, matrix_rows


@dataclass(frozen=True, slots=True)
class MatrixRead:
    """One background read: the journal's head before it, the matrix, its rows, and which
    of the rows on screen when it started differ (None: show them all)."""

    seq: int
    readiness: Readiness | None
    zone: str
    rows: tuple[MatrixRow, ...]
    changed: tuple[int, ...] | None


def matrix_job(
    store: Store,
    lang: str,
    *,
    reuse: Readiness | None,
    changed: tuple[str, ...],
    shown: Sequence[MatrixRow],
    aspects: tuple[AspectRef, ...] | None,
    retired: list[Readiness],
    keep: RowFilter | None = None,
) -> Job[MatrixRead]:
    """The read, to run off the GUI thread. ``reuse`` and ``changed``: the matrix shown and
    the journal entities changed since (``readiness(reuse=..., changed=...)`` keeps what
    they do not move); ``shown`` and ``aspects``: the rows and columns on screen, compared
    with the fresh ones; ``retired``: matrices no longer shown, freed by the job (dropping
    them costs the GUI thread milliseconds at national scale); ``keep``: the rows the model
    shows (``ReadinessModel.keep``)."""

    def job(_progress: Progress, cancel: CancelToken) -> MatrixRead:
        retired.clear()  # freed here, off the GUI thread
        with store.read() as s:
            seq = journal.head(s) or 0
            try:
                op = get_operation(s)
            except NoOperation:
                return MatrixRead(seq, None, "Asia/Jakarta", (), None)
            cancel.check()
            r = readiness(s, op.id, lang=lang, reuse=reuse, changed=changed)
            zone = op.timezone
        rows = tuple(matrix_rows(r, keep))
        differ = changed_rows(shown, rows) if r.aspects == aspects else None
        return MatrixRead(seq, r, zone, rows, tuple(differ) if differ is not None else None)

    return job
