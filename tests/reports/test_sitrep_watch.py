"""The situation report's TPS watch section (XI. PEMANTAUAN TPS), checked by hand on the
small operation: the figures per Polres at the report's cut-off (nothing recorded later
counts), the overdue TPS (the first 20, the rest counted) with their deadlines in WIB, the
disturbed TPS with their incidents; printed in Indonesian; absent from a report whose period
does not touch voting day and holds no record of the watch."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pdfplumber
import pytest

from opscenter import clock, incidents, sitrep
from opscenter.model import Incident, IncidentType, Severity
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from reports.sitrep import render
from reports.sitrep.labels import Text
from tests.builders import ADMIN, Small, build_small_operation
from tests.core.test_watch import _report, _tps

WIB = ZoneInfo("Asia/Jakarta")
# The report's cut-off: voting day 21:00 WIB; its period the 24 hours before.
CUT = datetime(2024, 11, 27, 21, 0, tzinfo=WIB)
LO = datetime(2024, 11, 26, 21, 0, tzinfo=WIB)


def _at(hour: int, minute: int = 0, day: int = 27) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=WIB)


@pytest.fixture
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Small]]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('watch') / 'uji.db'}")
    yield store, build_small_operation(store)
    store.dispose()


def _incident(store: Store, ids: Small, desa: str, number: int, at: datetime) -> int:
    op = ids.operation_id
    with store.read() as s:
        kind = by_code(s, IncidentType, op)["bentrokan"].id
        severity = by_code(s, Severity, op)["sedang"].id
    return incidents.record(
        store,
        ADMIN,
        incidents.IncidentDraft(
            operation_id=op,
            type_id=kind,
            severity_id=severity,
            occurred_at=at,
            title="Keributan di TPS",
            region_id=ids.regions[desa],
            tps_id=_tps(store, ids, desa, number),
        ),
    )


def _assemble(store: Store, lo: datetime, hi: datetime) -> sitrep.Sitrep:
    with store.read() as s:
        return sitrep.assemble(s, period_from=lo, period_to=hi, now=hi)


def _text(r: sitrep.Sitrep) -> str:
    with pdfplumber.open(io.BytesIO(render(r))) as doc:
        return "\n".join(p.extract_text() or "" for p in doc.pages)


def _day(store: Store, ids: Small) -> None:
    """A1 (13 TPS): 1-4 counted, 5 arrived late; A2 (9): 1 voting, 9 disturbed at 09:00;
    B1 (5): 1 counted at 20:30. A count at 22:00 lies after the cut-off."""
    _report(
        store,
        ids,
        [
            ("A1a", 1, "hitung", _at(17, 0)),
            ("A1a", 2, "hitung", _at(18, 0)),
            ("A1a", 3, "ppk", _at(20, 40)),
            ("A1a", 4, "hitung", _at(19, 0)),
            ("A1a", 5, "tiba", _at(6, 30)),
            ("A2a", 1, "mulai", _at(7, 0)),
            ("A2a", 9, "tiba", _at(5, 0)),
            ("B1a", 1, "hitung", _at(20, 30)),
        ],
    )


def test_the_section_at_the_cut_off_by_hand(small: tuple[Store, Small]) -> None:
    store, ids = small
    _day(store, ids)
    made = _incident(store, ids, "A2a", 9, _at(9, 0))
    _incident(store, ids, "A1a", 6, _at(21, 30))  # after the cut-off
    w = _assemble(store, LO, CUT).watch
    assert w is not None
    assert w.as_of == CUT
    assert w.steps[0] == "Petugas tiba" and w.steps[3] == "Penghitungan selesai"
    polres = {r.name: r for r in w.polres}
    # Polres A: A1 (13) and A2 (9). Reached: tiba 1-5 A1 + 1, 9 A2 = 7; counted 1-4 A1 = 4.
    assert polres["Polres A"].tps == 22
    assert polres["Polres A"].reached == (7, 5, 4, 4, 1, 1)
    assert polres["Polres A"].disturbed == 1
    # Overdue at 21:00: no arrival by 06:00 (A1 8, A2 7, B1 4 = 19), then no count by 20:00
    # (A1a 5, A2a 1 and 9 = 3); B1a 1 counted at 20:30, late but counted.
    assert polres["Polres A"].overdue == 18 and polres["Polres B"].overdue == 4
    assert w.total.tps == 27 and w.total.overdue == w.overdue_total == 22
    assert len(w.overdue) == 20
    assert {x.step for x in w.overdue} <= {"Petugas tiba", "Penghitungan selesai"}
    assert w.overdue[0].due == _at(6, 0) and w.overdue[0].due.tzinfo is not None
    with store.read() as s:
        number = s.get_one(Incident, made).number
    assert [(d.tps, d.kecamatan, d.polres, d.incidents) for d in w.disturbed] == [
        ("TPS 009 Desa A2a", "Kecamatan A2", "Polres A", (f"KEJ-{number:04d}",))
    ]


def test_nothing_recorded_after_the_cut_off_counts(small: tuple[Store, Small]) -> None:
    """The report made the next morning for the evening before tells the evening before."""
    store, ids = small
    _day(store, ids)
    _report(store, ids, [("B1a", 2, "hitung", _at(22, 0))])
    # Closed at 12:00: calm at the cut-off. Closed after it: disturbed at the cut-off.
    calm = _incident(store, ids, "B1a", 3, _at(10, 0))
    later_closed = _incident(store, ids, "B1a", 4, _at(10, 0))
    clock.simulate(_at(12, 0))
    try:
        incidents.set_status(store, ADMIN, calm, "selesai", expected_version=None)
    finally:
        clock.use_real()
    incidents.set_status(store, ADMIN, later_closed, "selesai", expected_version=None)
    w = _assemble(store, LO, CUT).watch
    assert w is not None
    assert {r.name: r for r in w.polres}["Polres B"].reached[0] == 1
    assert [d.tps for d in w.disturbed] == ["TPS 004 Desa B1a"]
    later = _assemble(store, CUT, datetime(2024, 11, 28, 6, 0, tzinfo=WIB)).watch
    assert later is not None
    assert {r.name: r for r in later.polres}["Polres B"].reached[3] == 2


def test_the_section_printed_in_indonesian(small: tuple[Store, Small]) -> None:
    store, ids = small
    _day(store, ids)
    made = _incident(store, ids, "A2a", 9, _at(9, 0))
    with store.read() as s:
        number = s.get_one(Incident, made).number
    whole = _text(_assemble(store, LO, CUT))
    assert "XI. PEMANTAUAN TPS" in whole
    assert "Keadaan per 27 November 2024 21.00 WIB: 27 TPS, 22 TPS terlambat" in whole
    assert "Kemajuan per Polres" in whole and "TPS terlambat dari batas waktu" in whole
    assert "Penghitungan" in whole and "Gangguan Terlambat" in whole
    # Polres A: 22 TPS, 7 arrived (31,8%) ... 1 disturbed, 18 overdue.
    assert "Polres A 22 7 5 4 4 1 1 1 18" in whole
    assert "31,8% 22,7% 18,2% 18,2% 4,5% 4,5%" in whole
    assert "Jumlah 27 8 6 5 5 1 1 1 22" in whole
    assert "27-11-2024 06.00 WIB" in whole
    assert "dan 2 TPS lainnya." in whole
    assert "TPS ada gangguan" in whole
    assert f"TPS 009 Desa A2a Kecamatan A2 Polres A KEJ-{number:04d}" in whole


def test_a_share_reads_100_only_when_every_tps_is_there() -> None:
    """A province's 12.000 TPS with one missing read "100,0%" at one decimal; one reported of
    12.000 read "0,0%"."""
    text = Text("id", "WIB")
    assert text.percent(11_999, 12_000) == "99,9%"
    assert text.percent(1, 12_000) == "0,1%"
    assert text.percent(12_000, 12_000) == "100,0%"
    assert text.percent(0, 12_000) == "0,0%"
    assert Text("en", "WIB").percent(11_999, 12_000) == "99.9%"


def test_no_section_when_the_period_does_not_touch_voting_day(
    small: tuple[Store, Small],
) -> None:
    store, ids = small
    _day(store, ids)
    early = _assemble(
        store,
        datetime(2024, 11, 19, 6, 0, tzinfo=WIB),
        datetime(2024, 11, 20, 6, 0, tzinfo=WIB),
    )
    assert early.watch is None
    assert "PEMANTAUAN TPS" not in _text(early)
    # The evening before voting day holds the guards who came with the logistics.
    _report(store, ids, [("B1a", 4, "tiba", _at(19, 0, day=26))])
    eve = _assemble(store, _at(6, 0, day=26), _at(20, 0, day=26)).watch
    assert eve is not None and eve.total.reached[0] == 1
    assert eve.overdue_total == 0  # no deadline has passed by then
    # Nothing of the watch, and not voting day: no section.
    quiet = _assemble(store, _at(6, 0, day=25), _at(6, 0, day=26))
    assert quiet.watch is None
