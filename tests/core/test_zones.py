"""Indonesia's three zones end to end in the core: an operation in Asia/Makassar (WITA) and one
in Asia/Jayapura (WIT). Every time a person reads is in the operation's zone with its label:
error sentences, the journal command, the audit rows and export, the sitrep's period,
daily cut-off, per-day counts and printed footer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pdfplumber
import pytest

from opscenter import accounts, audit, cli, journal, messages, sitrep, units
from opscenter.actor import Actor
from opscenter.audit import AuditFilter
from opscenter.errors import StaleEdit
from opscenter.incidents import IncidentDraft, record
from opscenter.model import IncidentType, Severity
from opscenter.operations import local_text, zone_label
from opscenter.progress import CancelToken
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from reports.sitrep import write_pdf
from tests.builders import ADMIN, Small, build_small_operation


@dataclass(frozen=True)
class Zoned:
    store: Store
    url: str
    small: Small
    timezone: str
    label: str

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@pytest.fixture(params=[("Asia/Makassar", "WITA"), ("Asia/Jayapura", "WIT")], ids=["WITA", "WIT"])
def zoned(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Zoned]:
    timezone, label = request.param
    url = f"sqlite:///{tmp_path / 'zoned.db'}"
    store = open_store(url)
    try:
        yield Zoned(store, url, build_small_operation(store, timezone=timezone), timezone, label)
    finally:
        store.dispose()


def test_each_zone_has_its_own_label() -> None:
    assert zone_label("Asia/Jakarta") == "WIB"
    assert zone_label("Asia/Pontianak") == "WIB"
    assert zone_label("Asia/Makassar") == "WITA"
    assert zone_label(ZoneInfo("Asia/Jayapura")) == "WIT"
    assert zone_label("UTC") == "UTC"  # elsewhere: the zone's own abbreviation
    assert zone_label("Nowhere/Atlantis") == "Nowhere/Atlantis"
    when = datetime(2024, 11, 27, 1, 5, tzinfo=UTC)
    assert local_text(when, "Asia/Makassar") == "27-11-2024 09:05 WITA"
    assert local_text(when, "Asia/Jayapura") == "27-11-2024 10:05 WIT"


def test_a_stale_edit_names_the_time_in_the_operations_zone(zoned: Zoned) -> None:
    unit_id = zoned.small.units["PA"]
    statuses = zoned.small.statuses
    first = units.set_status(zoned.store, Actor("siti"), unit_id, statuses["bergerak"])
    with pytest.raises(StaleEdit) as refused:
        # Budi's screen still shows the version before Siti's change.
        units.set_status(
            zoned.store,
            Actor("budi"),
            unit_id,
            statuses["siaga"],
            expected_version=first.version - 1,
        )
    with zoned.store.read() as s:
        last = journal.last_change(s, "unit", unit_id)
    assert last is not None
    local = last.at.astimezone(zoned.zone)
    indonesian = messages.describe(refused.value, "id")
    english = messages.describe(refused.value, "en")
    assert f"oleh siti pada {local:%d-%m-%Y %H:%M} {zoned.label};" in indonesian
    assert f"by siti at {local:%d-%m-%Y %H:%M} {zoned.label};" in english
    assert "WIB" not in indonesian + english


def _account_and_status_change(zoned: Zoned) -> None:
    """A row of the operation (a status change) and one of no operation (an account)."""
    units.set_status(
        zoned.store, Actor("siti"), zoned.small.units["PA"], zoned.small.statuses["bergerak"]
    )
    accounts.create_account(zoned.store, ADMIN, "andi", "Andi", "admin", "rahasia-andi-123")


def test_the_journal_command_reads_every_line_in_the_operations_zone(
    zoned: Zoned, capsys: pytest.CaptureFixture[str]
) -> None:
    _account_and_status_change(zoned)
    with zoned.store.read() as s:
        rows = journal.last_entries(s, 500)
    assert any(r.operation_id is None for r in rows)  # the account's rows
    assert cli.main(["--db", zoned.url, "journal", "-n", "500"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(rows)
    by_seq = {r.seq: r for r in rows}
    for line in lines:
        row = by_seq[int(line.split()[0])]
        local = row.at.astimezone(zoned.zone)
        assert f"{local:%Y-%m-%d %H:%M:%S} {zoned.label} " in line, line
        assert "WIB" not in line


def test_audit_rows_and_their_export_read_in_the_operations_zone(
    zoned: Zoned, tmp_path: Path
) -> None:
    _account_and_status_change(zoned)
    with zoned.store.read() as s:
        rows = audit.query(s, AuditFilter(limit=500))
    assert {r.timezone for r in rows} == {zoned.timezone}  # the account's rows too
    admin = Actor("andi", role="admin")
    out = tmp_path / "audit.xlsx"
    written = audit.export_job(zoned.store, admin, AuditFilter(limit=500), out)(
        lambda *_: None, CancelToken()
    )
    assert written == len(rows)
    sheet = openpyxl.load_workbook(out, read_only=True).active
    assert sheet is not None
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {v[2] for v in values} == {zoned.label}
    by_seq = {r.seq: r for r in rows}
    for v in values:
        local = by_seq[int(str(v[0]))].at.astimezone(zoned.zone)
        assert v[1] == local.replace(tzinfo=None, microsecond=0)


def test_the_sitrep_cuts_the_day_and_prints_its_times_in_the_operations_zone(
    zoned: Zoned, tmp_path: Path
) -> None:
    zone = zoned.zone
    oid = zoned.small.operation_id
    with zoned.store.read() as s:
        types = by_code(s, IncidentType, oid)
        sevs = by_code(s, Severity, oid)

    def incident(title: str, local: datetime) -> None:
        record(
            zoned.store,
            Actor("uji", role="operator"),
            IncidentDraft(
                operation_id=oid,
                type_id=types["bentrokan"].id,
                severity_id=sevs["kritis"].id,
                title=title,
                occurred_at=local,
            ),
        )

    # Either side of the 06:00 cut-off and of local midnight, in the operation's own zone.
    incident("Sebelum batas", datetime(2024, 11, 27, 5, 59, tzinfo=zone))
    incident("Sesudah batas", datetime(2024, 11, 27, 6, 1, tzinfo=zone))
    incident("Sebelum tengah malam", datetime(2024, 11, 26, 23, 30, tzinfo=zone))
    now = datetime(2024, 11, 27, 7, 0, tzinfo=zone).astimezone(UTC)
    lo, hi = sitrep.default_period(now, 6, zone)
    assert (lo, hi) == (
        datetime(2024, 11, 26, 6, 0, tzinfo=zone),
        datetime(2024, 11, 27, 6, 0, tzinfo=zone),
    )
    with zoned.store.read() as s:
        report = sitrep.assemble(s, period_from=lo, period_to=hi, now=now)
    assert report.tz_label == zoned.label
    assert {i.title for i in report.incidents} == {"Sebelum batas", "Sebelum tengah malam"}
    assert [(d.day.day, d.n) for d in report.per_day] == [(26, 1), (27, 1)]
    assert report.generated_at.utcoffset() == timedelta(hours=8 if zoned.label == "WITA" else 9)
    path = write_pdf(report, tmp_path / "lapsit.pdf")
    with pdfplumber.open(path) as doc:
        pages = [p.extract_text() or "" for p in doc.pages]
    whole = "\n".join(pages)
    label = zoned.label
    assert f"26 November 2024 06.00 {label} \u2013 27 November 2024 06.00 {label}" in whole
    assert f"27-11-2024 05.59 {label}" in whole  # the incident list
    for page in pages:  # every footer: when it was made, in the operation's zone
        assert f"Dibuat 27 November 2024 07.00 {label}" in page
    assert "WIB" not in whole
