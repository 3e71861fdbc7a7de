"""The editable reference lists of readiness (issue 15 items 1 and 2): the aspects and the
sarpras categories, added, renamed, moved and removed through one way
(``opscenter.reference_lists``), each change journaled, every refusal a sentence and an
unchanged database, each change undone by its opposite.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from opscenter import messages, sitrep
from opscenter.actor import Actor
from opscenter.errors import InvalidValue, OpsError, StaleEdit
from opscenter.model import JournalEntry, JournalTxn, Operation, ReadinessAspect, SarprasCategory
from opscenter.permissions import NotPermitted
from opscenter.readiness import aspects, sarpras, sarpras_categories, sarpras_figures, visits
from opscenter.readiness.judgements import JudgementValue, set_judgement
from opscenter.readiness.matrix import readiness
from opscenter.reference import READINESS_ASPECTS, items
from opscenter.reference_lists import CodeTaken, InUse
from opscenter.store import Store, open_store
from tests.builders import Small, build_small_operation

STAFF = Actor("bagops.uji", role="staff")
OPERATOR = Actor("piket.uji", role="operator")
TODAY = date(2024, 11, 20)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    try:
        yield s
    finally:
        s.dispose()


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


Model = type[ReadinessAspect] | type[SarprasCategory]


def listed(store: Store, model: Model, op: int) -> list[tuple[Any, ...]]:
    """The list as stored: code, names, ordinal, version, and a category's group and rule."""
    with store.read() as s:
        out = []
        for r in items(s, model, op):
            extra = (
                (r.evidence,)
                if isinstance(r, ReadinessAspect)
                else (
                    r.grp,
                    r.measure,
                    r.rule_basis,
                    r.rule_quantity,
                    r.rule_per,
                    r.has_ammunition,
                )
            )
            out.append((r.code, r.name, r.name_en, r.ordinal, *extra))
        return out


def codes(store: Store, model: Model, op: int) -> list[str]:
    return [row[0] for row in listed(store, model, op)]


def the_id(store: Store, model: Model, op: int, code: str) -> tuple[int, int]:
    with store.read() as s:
        row = next(r for r in items(s, model, op) if r.code == code)
        return row.id, row.version


def journal_rows(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(JournalEntry)) or 0)


# The seeded aspects, in their order.
SEEDED = [code for code, *_rest in READINESS_ASPECTS]


# -- aspects ------------------------------------------------------------------------------------


def test_an_added_aspect_is_a_new_column_of_the_matrix_without_derived_evidence(
    store: Store, small: Small
) -> None:
    op = small.operation_id
    added = aspects.add_aspect(
        store, STAFF, op, " Logistik Pemilu ", "  Logistik   pemilu ", "Election logistics"
    )
    assert (added.code, added.name, added.name_en, added.ordinal) == (
        "logistik-pemilu",
        "Logistik pemilu",
        "Election logistics",
        9,
    )
    assert codes(store, ReadinessAspect, op) == [*SEEDED, "logistik-pemilu"]
    assert listed(store, ReadinessAspect, op)[-1][-1] is None  # evidence
    # The same code in another operation is no clash.
    other = build_small_operation(store, code="lain").operation_id
    aspects.add_aspect(store, STAFF, other, "logistik-pemilu", "Logistik pemilu")
    pa = small.units["PA"]
    with store.read() as s:
        r = readiness(s, op, today=TODAY)
    assert [a.code for a in r.aspects][-1] == "logistik-pemilu"
    assert r.aspects[-1].evidence is None
    for u in r.units:
        cell = u.cells[added.id]
        assert cell.derived is None and cell.judgement is None and cell.reasons == ()
    assert r.rollup[added.id].level is None
    # A judgement on it reaches its cell and the roll-up like any aspect's.
    set_judgement(store, STAFF, op, JudgementValue(pa, added.id, "belum", "kotak suara kurang"))
    with store.read() as s:
        r = readiness(s, op, today=TODAY)
    assert r.unit(pa).cells[added.id].level == "belum"
    assert r.rollup[added.id].level == "belum"
    with store.read() as s:
        rows = {a.item.code: a for a in aspects.aspect_rows(s, op)}
    assert rows["logistik-pemilu"].uses == 1 and rows["posko"].uses == 0
    assert rows["personel"].evidence == "personel"


def test_the_readiness_report_and_workbook_carry_an_added_aspect(
    store: Store, small: Small, tmp_path: Path
) -> None:
    from reports.readiness import ReadinessReport, default_number, render

    op = small.operation_id
    added = aspects.add_aspect(store, STAFF, op, "logistik", "Logistik pemilu")
    pb = small.units["PB"]
    set_judgement(store, STAFF, op, JudgementValue(pb, added.id, "catatan", "Kotak suara telat"))
    with store.read() as s:
        operation = s.get(Operation, op)
        assert operation is not None
        settings = sitrep.report_settings(operation)
        r = readiness(s, op, today=TODAY)
    report = ReadinessReport(
        settings=settings,
        readiness=r,
        number=default_number(settings.number_template, TODAY),
        classification="TERBATAS",
        generated_at=datetime(2024, 11, 20, 8, 30, tzinfo=ZoneInfo("Asia/Jakarta")),
        unit_ids=None,
    )
    data = render(report)
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext") is not None:
        path = tmp_path / "r.pdf"
        path.write_bytes(data)
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Logistik pemilu" in text
        assert "Kotak suara telat" in text  # Polres B's page tells the judgement


def test_rename_keeps_the_code_and_move_swaps_with_the_neighbour(
    store: Store, small: Small
) -> None:
    op = small.operation_id
    posko, v = the_id(store, ReadinessAspect, op, "posko")
    renamed = aspects.rename_aspect(
        store, STAFF, posko, " Posko  pengamanan ", "Command posts", expected_version=v
    )
    assert (renamed.code, renamed.name, renamed.name_en) == (
        "posko",
        "Posko pengamanan",
        "Command posts",
    )
    moved = aspects.move_aspect(store, STAFF, posko, -1, expected_version=renamed.version)
    assert [m.code for m in moved] == ["posko", "latihan"]
    assert [m.version for m in moved] == [renamed.version + 1, 2]
    assert codes(store, ReadinessAspect, op)[3:6] == ["perencanaan", "posko", "latihan"]
    aspects.move_aspect(store, STAFF, posko, 1, expected_version=moved[0].version)
    assert codes(store, ReadinessAspect, op) == SEEDED
    with store.read() as s:
        actions = list(
            s.scalars(
                select(JournalTxn.action)
                .join(JournalEntry, JournalEntry.txn_id == JournalTxn.id)
                .where(JournalEntry.entity == "readiness_aspect")
                .where(JournalTxn.action.like("readiness.%"))
                .order_by(JournalEntry.seq)
            )
        )
        actors = set(s.scalars(select(JournalTxn.actor).where(JournalTxn.action.like("readi%"))))
    assert actions == [
        "readiness.aspect_rename",
        "readiness.aspect_move",
        "readiness.aspect_move",
        "readiness.aspect_move",
        "readiness.aspect_move",
    ]
    assert actors == {"bagops.uji"}


def test_an_unused_aspect_is_removed_and_put_back_in_its_place(store: Store, small: Small) -> None:
    op = small.operation_id
    before = listed(store, ReadinessAspect, op)
    personel, v = the_id(store, ReadinessAspect, op, "personel")
    removed = aspects.remove_aspect(store, STAFF, personel, expected_version=v)
    assert codes(store, ReadinessAspect, op) == SEEDED[1:]
    assert removed.fields == {"evidence": "personel"}
    back = aspects.restore_aspect(store, STAFF, op, removed)
    assert back.id != personel
    assert listed(store, ReadinessAspect, op) == before  # its place and evidence again


@pytest.mark.parametrize("use", ["judgement", "finding"])
def test_an_aspect_in_use_is_not_removed_and_the_sentence_says_why(
    store: Store, small: Small, use: str
) -> None:
    op = small.operation_id
    posko, _ = the_id(store, ReadinessAspect, op, "posko")
    pa = small.units["PA"]
    if use == "judgement":
        set_judgement(store, STAFF, op, JudgementValue(pa, posko, "belum", "genset rusak"))
        what = "1 penilaian kesiapan"
    else:
        visit = visits.add_visit(store, STAFF, op, visits.VisitValue(pa, TODAY, "kunker", "K"))
        for text in ("Genset rusak", "Tenda bocor"):
            visits.add_finding(store, STAFF, visit, visits.FindingValue(posko, text))
        what = "2 temuan"
    before, rows = listed(store, ReadinessAspect, op), journal_rows(store)
    _, v = the_id(store, ReadinessAspect, op, "posko")
    with pytest.raises(InUse) as err:
        aspects.remove_aspect(store, STAFF, posko, expected_version=v)
    assert messages.describe(err.value, "id") == (
        f"Tidak dihapus: aspek kesiapan \u201cPosko\u201d masih dipakai oleh {what}. "
        "Hapus dulu yang memakainya bila memang tidak diperlukan lagi."
    )
    assert "still used by" in messages.describe(err.value, "en")
    assert listed(store, ReadinessAspect, op) == before
    assert journal_rows(store) == rows


Refusal = tuple[str, Callable[[Store, dict[str, tuple[int, int]]], object], type[OpsError], str]


def _refusals(op: int) -> list[Refusal]:
    """(name, the refused call given the aspects' (id, version), its error, its sentence)."""
    return [
        (
            "duplicate code",
            lambda st, a: aspects.add_aspect(st, STAFF, op, "POSKO", "Posko kedua"),
            CodeTaken,
            "Kode \u201cposko\u201d sudah dipakai oleh aspek kesiapan \u201cPosko\u201d; pilih "
            "kode lain. Tidak ada yang disimpan.",
        ),
        (
            "empty name",
            lambda st, a: aspects.add_aspect(st, STAFF, op, "baru", "   "),
            InvalidValue,
            "Nama wajib diisi.",
        ),
        (
            "empty code",
            lambda st, a: aspects.add_aspect(st, STAFF, op, " ", "Baru"),
            InvalidValue,
            "Kode wajib diisi.",
        ),
        (
            "long code",
            lambda st, a: aspects.add_aspect(st, STAFF, op, "k" * 41, "Baru"),
            InvalidValue,
            "Kode terlalu panjang (paling banyak 40 karakter).",
        ),
        (
            "long name",
            lambda st, a: aspects.add_aspect(st, STAFF, op, "baru", "n" * 121),
            InvalidValue,
            "Nama terlalu panjang (paling banyak 120 karakter).",
        ),
        (
            "rename to empty",
            lambda st, a: aspects.rename_aspect(
                st, STAFF, a["posko"][0], "", expected_version=a["posko"][1]
            ),
            InvalidValue,
            "Nama wajib diisi.",
        ),
        (
            "stale rename",
            lambda st, a: aspects.rename_aspect(
                st, STAFF, a["posko"][0], "Posko baru", expected_version=a["posko"][1] + 1
            ),
            StaleEdit,
            "Aspek kesiapan ini sudah diubah oleh ",
        ),
        (
            "stale move",
            lambda st, a: aspects.move_aspect(
                st, STAFF, a["posko"][0], 1, expected_version=a["posko"][1] + 1
            ),
            StaleEdit,
            "Aspek kesiapan ini sudah diubah oleh ",
        ),
        (
            "stale remove",
            lambda st, a: aspects.remove_aspect(
                st, STAFF, a["posko"][0], expected_version=a["posko"][1] + 1
            ),
            StaleEdit,
            "Aspek kesiapan ini sudah diubah oleh ",
        ),
        (
            "first up",
            lambda st, a: aspects.move_aspect(
                st, STAFF, a["personel"][0], -1, expected_version=a["personel"][1]
            ),
            InvalidValue,
            "Urutan sudah di ujung daftar.",
        ),
        (
            "last down",
            lambda st, a: aspects.move_aspect(
                st, STAFF, a["masyarakat"][0], 1, expected_version=a["masyarakat"][1]
            ),
            InvalidValue,
            "Urutan sudah di ujung daftar.",
        ),
        (
            "operator",
            lambda st, a: aspects.add_aspect(st, OPERATOR, op, "baru", "Baru"),
            NotPermitted,
            "Peran operator tidak berwenang",
        ),
        (
            "operator removes",
            lambda st, a: aspects.remove_aspect(
                st, OPERATOR, a["posko"][0], expected_version=a["posko"][1]
            ),
            NotPermitted,
            "Peran operator tidak berwenang",
        ),
        (
            "category duplicate",
            lambda st, a: sarpras_categories.add_category(
                st, STAFF, op, "ht", "HT lagi", "komunikasi"
            ),
            CodeTaken,
            "Kode \u201cht\u201d sudah dipakai oleh kategori sarpras \u201cHT\u201d; pilih "
            "kode lain. Tidak ada yang disimpan.",
        ),
        (
            "category group",
            lambda st, a: sarpras_categories.add_category(st, STAFF, op, "x", "X", "dapur"),
            InvalidValue,
            "Kelompok sarpras tidak dikenal.",
        ),
        (
            "category measure",
            lambda st, a: sarpras_categories.add_category(
                st, STAFF, op, "x", "X", "posko", measure=" "
            ),
            InvalidValue,
            "Satuan ukuran wajib diisi.",
        ),
        (
            "category long measure",
            lambda st, a: sarpras_categories.add_category(
                st, STAFF, op, "x", "X", "posko", measure="m" * 21
            ),
            InvalidValue,
            "Satuan ukuran terlalu panjang (paling banyak 20 karakter).",
        ),
        (
            "change to an unknown group",
            lambda st, a: change(st, op, "ht", group="dapur"),
            InvalidValue,
            "Kelompok sarpras tidak dikenal.",
        ),
        (
            "change to an empty measure",
            lambda st, a: change(st, op, "ht", measure="  "),
            InvalidValue,
            "Satuan ukuran wajib diisi.",
        ),
        (
            "change to a long measure",
            lambda st, a: change(st, op, "ht", measure="buah " * 5),
            InvalidValue,
            "Satuan ukuran terlalu panjang (paling banyak 20 karakter).",
        ),
        (
            "stale change",
            lambda st, a: change(st, op, "ht", group="teknologi", stale=True),
            StaleEdit,
            "Kategori sarpras ini sudah diubah oleh ",
        ),
        (
            "operator changes",
            lambda st, a: change(st, op, "ht", group="teknologi", actor=OPERATOR),
            NotPermitted,
            "Peran operator tidak berwenang",
        ),
    ]


def change(
    store: Store,
    op: int,
    code: str,
    *,
    group: str | None = None,
    measure: str | None = None,
    ammunition: bool | None = None,
    stale: bool = False,
    actor: Actor = STAFF,
) -> sarpras.Category:
    """Change one field of a category's group, measure and ammunition flag, the others as
    stored, at the version read now (or a stale one)."""
    with store.read() as s:
        c = next(c for c in sarpras.categories(s, op) if c.code == code)
    return sarpras_categories.change_category(
        store,
        actor,
        c.id,
        c.group if group is None else group,
        c.measure if measure is None else measure,
        c.has_ammunition if ammunition is None else ammunition,
        expected_version=c.version + (1 if stale else 0),
    )


@pytest.mark.parametrize("case", range(len(_refusals(0))))
def test_every_refusal_is_a_sentence_and_changes_nothing(
    store: Store, small: Small, case: int
) -> None:
    op = small.operation_id
    name, call, error, sentence = _refusals(op)[case]
    with store.read() as s:
        found = {a.code: (a.id, a.version) for a in items(s, ReadinessAspect, op)}
    before = (listed(store, ReadinessAspect, op), listed(store, SarprasCategory, op))
    rows = journal_rows(store)
    with pytest.raises(error) as err:
        call(store, found)
    assert messages.describe(err.value, "id").startswith(sentence), name
    assert not messages.describe(err.value, "en").startswith("The action failed"), name
    assert (listed(store, ReadinessAspect, op), listed(store, SarprasCategory, op)) == before
    assert journal_rows(store) == rows


def test_each_change_is_undone_by_its_opposite(store: Store, small: Small) -> None:
    """What the form's undo history runs: add <-> remove, rename <-> rename back, move up
    <-> move down, remove <-> put back; after all of them the list is as it was."""
    op = small.operation_id
    start = listed(store, ReadinessAspect, op)
    added = aspects.add_aspect(store, STAFF, op, "logistik", "Logistik")
    aspects.remove_aspect(store, STAFF, added.id, expected_version=added.version)
    assert listed(store, ReadinessAspect, op) == start

    posko, v = the_id(store, ReadinessAspect, op, "posko")
    r = aspects.rename_aspect(store, STAFF, posko, "Posko baru", expected_version=v)
    aspects.rename_aspect(store, STAFF, posko, "Posko", "Command posts", expected_version=r.version)
    assert listed(store, ReadinessAspect, op) == start

    moved = aspects.move_aspect(store, STAFF, posko, 1, expected_version=r.version + 1)
    aspects.move_aspect(store, STAFF, posko, -1, expected_version=moved[0].version)
    assert listed(store, ReadinessAspect, op) == start

    latihan, v = the_id(store, ReadinessAspect, op, "latihan")
    removed = aspects.remove_aspect(store, STAFF, latihan, expected_version=v)
    aspects.restore_aspect(store, STAFF, op, removed)
    assert listed(store, ReadinessAspect, op) == start


def test_an_item_put_back_on_a_taken_place_still_moves(store: Store, small: Small) -> None:
    """An undo can put an item back on an ordinal another item has taken meanwhile (the last
    one removed, another added at the end); a move then renumbers the list first, and names
    every row it changed."""
    op = small.operation_id
    last, v = the_id(store, ReadinessAspect, op, "masyarakat")
    removed = aspects.remove_aspect(store, STAFF, last, expected_version=v)
    aspects.add_aspect(store, STAFF, op, "logistik", "Logistik")  # ordinal 8
    aspects.restore_aspect(store, STAFF, op, removed)  # ordinal 8 again
    assert codes(store, ReadinessAspect, op)[-2:] == ["logistik", "masyarakat"]
    back, v = the_id(store, ReadinessAspect, op, "masyarakat")
    moved = aspects.move_aspect(store, STAFF, back, -1, expected_version=v)
    assert codes(store, ReadinessAspect, op) == [*SEEDED, "logistik"]
    assert [row[3] for row in listed(store, ReadinessAspect, op)] == list(range(1, 10))
    assert [m.code for m in moved] == ["masyarakat", "logistik"]
    # The versions the form's history then holds.
    assert all(m.version == the_id(store, ReadinessAspect, op, m.code)[1] for m in moved)


# -- sarpras categories ---------------------------------------------------------------------------


def test_categories_go_the_same_way_and_a_held_one_is_not_removed(
    store: Store, small: Small
) -> None:
    op = small.operation_id
    start = listed(store, SarprasCategory, op)
    added = sarpras_categories.add_category(
        store, STAFF, op, "Motor Trail", "Sepeda motor trail", "kendaraan", name_en="Trail bikes"
    )
    assert (added.code, added.name_en, added.rule_basis, added.ordinal) == (
        "motor-trail",
        "Trail bikes",
        None,
        len(start) + 1,
    )
    rule = sarpras_categories.set_rule(
        store, STAFF, added.id, "team", 1, 1, expected_version=added.version
    )
    moved = sarpras_categories.move_category(
        store, STAFF, added.id, -1, expected_version=rule.version
    )
    assert [m.code for m in moved] == ["motor-trail", "genset"]
    removed = sarpras_categories.remove_category(
        store, STAFF, added.id, expected_version=moved[0].version
    )
    assert removed.fields["rule_basis"] == "team" and removed.fields["grp"] == "kendaraan"
    back = sarpras_categories.restore_category(store, STAFF, op, removed)
    assert (back.rule_basis, back.group, back.name_en) == ("team", "kendaraan", "Trail bikes")

    ht, v = the_id(store, SarprasCategory, op, "ht")
    sarpras.set_stock(store, STAFF, op, sarpras.StockValue(small.units["PA1"], ht, 3))
    before, rows = listed(store, SarprasCategory, op), journal_rows(store)
    with pytest.raises(InUse) as err:
        sarpras_categories.remove_category(store, STAFF, ht, expected_version=v)
    assert messages.describe(err.value, "id").startswith(
        "Tidak dihapus: kategori sarpras \u201cHT\u201d masih dipakai oleh 1 data sarpras."
    )
    assert listed(store, SarprasCategory, op) == before
    assert journal_rows(store) == rows


def test_a_category_changes_group_measure_and_ammunition_and_changes_back(
    store: Store, small: Small
) -> None:
    """Group, measure and the ammunition flag change after the category is added; its code,
    names, place and rule stay; the inventory reads the new group and measure; the change
    is journaled and undone by changing back."""
    op = small.operation_id
    start = listed(store, SarprasCategory, op)
    ht, v = the_id(store, SarprasCategory, op, "ht")
    rows = journal_rows(store)
    done = sarpras_categories.change_category(
        store, STAFF, ht, "teknologi", "  perangkat  ", True, expected_version=v
    )
    assert (done.group, done.measure, done.has_ammunition, done.version) == (
        "teknologi",
        "perangkat",
        True,
        v + 1,
    )
    after = {row[0]: row for row in listed(store, SarprasCategory, op)}
    assert after["ht"] == ("ht", "HT", "Handheld radios", after["ht"][3], "teknologi",
                           "perangkat", "team", 1, 1, True)  # fmt: skip
    assert [r for r in listed(store, SarprasCategory, op) if r[0] != "ht"] == [
        r for r in start if r[0] != "ht"
    ]
    assert journal_rows(store) == rows + 1
    with store.read() as s:
        action, actor = s.execute(
            select(JournalTxn.action, JournalTxn.actor)
            .join(JournalEntry, JournalEntry.txn_id == JournalTxn.id)
            .where(JournalEntry.entity == "sarpras_category")
            .order_by(JournalEntry.seq.desc())
        ).first()  # type: ignore[misc]
    assert (action, actor) == ("sarpras.category_change", "bagops.uji")

    # An ammunition count is now taken for HT, and the lines carry the new group and measure.
    pa1 = small.units["PA1"]
    sarpras.set_stock(store, STAFF, op, sarpras.StockValue(pa1, ht, 3, ammunition=40))
    with store.read() as s:
        [line] = [ln for ln in sarpras_figures.sarpras_by_unit(s, op, None)[pa1] if ln.code == "ht"]
    assert (line.group, line.measure, line.ammunition) == ("teknologi", "perangkat", 40)

    # Changing back (the undo) is refused while the count is there, and nothing changes.
    before, rows = listed(store, SarprasCategory, op), journal_rows(store)
    with pytest.raises(sarpras_categories.AmmunitionCounted) as err:
        sarpras_categories.change_category(
            store, STAFF, ht, "komunikasi", "buah", False, expected_version=done.version
        )
    assert messages.describe(err.value, "id") == (
        "Kategori sarpras \u201cHT\u201d tetap mencatat amunisi: 1 data sarpras masih berisi "
        "jumlah amunisi. Kosongkan dulu jumlah amunisi itu; tidak ada yang disimpan."
    )
    assert messages.describe(err.value, "en").startswith("The sarpras category \u201cHT\u201d")
    assert listed(store, SarprasCategory, op) == before
    assert journal_rows(store) == rows

    # With the count cleared, the change back goes through: the list is as it was.
    sarpras.set_stock(store, STAFF, op, sarpras.StockValue(pa1, ht, 3))
    back = sarpras_categories.change_category(
        store, STAFF, ht, "komunikasi", "buah", False, expected_version=done.version
    )
    assert back.version == done.version + 1
    assert listed(store, SarprasCategory, op) == start
    # A stock row without an ammunition count does not hold the flag on.
    on = change(store, op, "ht", ammunition=True)
    off = change(store, op, "ht", ammunition=False)
    assert (on.has_ammunition, off.has_ammunition) == (True, False)
