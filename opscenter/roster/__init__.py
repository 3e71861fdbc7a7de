"""Importing and exporting spreadsheets of personnel, polling stations (TPS) and units.

The import runs in stages, each a module: ``reading`` (python-calamine or csv) ->
``headers`` and ``sheet_guess`` (find the table, map columns) -> ``normalise`` (ranks, NRP,
phone) -> ``validate`` (per row and cell; ``row_shapes``, ``reference_data``, ``specs``,
``problems``) -> ``classify`` (new / changed / unchanged / rejected, held in a ``preview``)
-> ``commit`` (one journaled transaction, or none; with ``stale_rows``, ``new_units`` and
``row_updates``). ``history`` lists the imports and reverts one. ``errors_xlsx`` writes
rejected rows back, ``template`` and ``export`` write files that import back unchanged.

Sarpras lists (``opscenter.readiness.sarpras_io``), incident logs
(``opscenter.incident_import``) and the TPS watch's lists (``opscenter.watch.imports``) reuse
these stages (their sheet readers on ``cell_reader.CellReader``) and are saved whole or not
at all (``whole_file.WholeFile``).

Long work follows the shared worker contract (``opscenter.progress``).
"""

from __future__ import annotations

from opscenter.roster.errors import RosterError

KINDS = ("personnel", "tps", "units")

__all__ = ["KINDS", "RosterError"]
