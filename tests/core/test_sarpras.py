"""The sarpras inventory: stock by condition, requirement rules against the guard plan, and
deficits rolled up the tree, all computed by hand from tests/builders.py's small operation.

The guard plan (seeded patterns: kurang rawan 2-8-16, rawan 2-2-4, sangat rawan and khusus
2-1-2), as TPS groups (guarding unit, kecamatan, category):

    Polsek A1, Kec. A1:  9 KR -> ceil(9/8) = 2 teams, 4 police
                         3 R  -> ceil(3/2) = 2 teams, 4 police
                         1 SR -> ceil(1/1) = 1 team,  2 police   (13 TPS, 5 teams, 10 police)
    Polsek A2, Kec. A2:  8 KR -> 1 team, 2 police; 1 K -> 1 team, 2 police
                                                                  (9 TPS, 2 teams, 4 police)
    Polsek B1, Kec. B1:  5 R  -> ceil(5/2) = 3 teams, 6 police    (5 TPS, 3 teams, 6 police)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from opscenter import messages, operations
from opscenter.actor import Actor
from opscenter.errors import InvalidValue, NotFound, OpsError, StaleEdit
from opscenter.model import JournalEntry, SarprasCategory, SarprasStock, Unit
from opscenter.permissions import NotPermitted
from opscenter.readiness import sarpras, sarpras_categories, sarpras_figures
from opscenter.readiness.sarpras import StockValue
from opscenter.readiness.sarpras_figures import SarprasLine, sarpras_by_unit
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation

OPERATOR = Actor("op.malam", role="operator")


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    yield store, build_small_operation(store)
    store.dispose()


def _cats(store: Store, op: int) -> dict[str, int]:
    with store.read() as s:
        return {code: c.id for code, c in by_code(s, SarprasCategory, op).items()}


def _version(store: Store, model: type[SarprasCategory] | type[SarprasStock], row_id: int) -> int:
    with store.read() as s:
        row = s.get(model, row_id)
        assert row is not None
        return int(row.version)


def _lines(store: Store, ids: Small, lang: str = "id") -> dict[str, dict[str, SarprasLine]]:
    with store.read() as s:
        by_unit = sarpras_by_unit(s, ids.operation_id, None, lang)
    names = {v: k for k, v in ids.units.items()}
    return {names[uid]: {line.code: line for line in lines} for uid, lines in by_unit.items()}


def _journal_rows(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(JournalEntry)) or 0)


def test_requirements_from_the_seeded_rules_by_hand(small: tuple[Store, Small]) -> None:
    store, ids = small
    u = _lines(store, ids)
    # r2: 1 per 10 TPS in a kecamatan: A1 ceil(13/10) = 2, A2 ceil(9/10) = 1, B1 1.
    assert (u["PA1"]["r2"].required, u["PA2"]["r2"].required, u["PB1"]["r2"].required) == (2, 1, 1)
    assert (u["PA"]["r2"].required, u["PB"]["r2"].required, u["POLDA"]["r2"].required) == (3, 1, 4)
    # HT: 1 per guard team: A1 5, A2 2, B1 3; Polres A 7, the Polda 10.
    assert (u["PA1"]["ht"].required, u["PA2"]["ht"].required, u["PB1"]["ht"].required) == (5, 2, 3)
    assert (u["PA"]["ht"].required, u["POLDA"]["ht"].required) == (7, 10)
    # R4: 1 per kecamatan guarded: one each; Polres A 2, the Polda 3.
    assert (u["PA1"]["r4"].required, u["PA"]["r4"].required, u["POLDA"]["r4"].required) == (1, 2, 3)
    # Trucks: 2 per Polres/Polresta and 2 for the Polda itself; none for a Polsek.
    assert (u["PA"]["r6"].required, u["PB"]["r6"].required) == (2, 2)
    assert u["POLDA"]["r6"].required == 2 + 2 + 2
    assert "r6" not in u["PA1"] and "r6" not in u["BRIMOB"]
    # A category without a rule and without stock has no line; nobody holds anything yet.
    assert "rantis" not in u["POLDA"]
    assert all(line.usable == 0 and line.deficit == line.required for line in u["PA"].values())
    # The Satgas guards no TPS and is no headquarters: no lines at all.
    assert u["SATGAS"] == {}
    # The partner tree (Linmas) is not in the answer.
    assert "LINMAS" not in u


def test_each_rule_basis_and_the_deficit_by_hand(small: tuple[Store, Small]) -> None:
    store, ids = small
    op = ids.operation_id
    cats = _cats(store, op)

    def rule(code: str, basis: str | None, quantity: int, per: int) -> None:
        cid = cats[code]
        sarpras_categories.set_rule(
            store,
            ADMIN,
            cid,
            basis,
            quantity,
            per,
            expected_version=_version(store, SarprasCategory, cid),
        )

    # Tameng: 3 per 4 police required. A1 3*ceil(10/4) = 9, A2 3*ceil(4/4) = 3, B1 3*ceil(6/4)
    # = 6; Polres A 12, the Polda 18.
    rule("tameng", "personel", 3, 4)
    # Helm: 2 per 2 guard teams. A1 2*ceil(5/2) = 6, A2 2*1 = 2, B1 2*ceil(3/2) = 4.
    rule("helm", "team", 2, 2)
    # R2: 1 per 4 TPS in a kecamatan: A1 ceil(13/4) = 4, A2 ceil(9/4) = 3, B1 ceil(5/4) = 2.
    rule("r2", "tps_kec", 1, 4)
    # HT: no rule any more.
    rule("ht", None, 1, 1)

    stock = [
        # Polsek A1: 6 good + 2 lightly damaged, 1 badly damaged: 8 usable of 9 required.
        StockValue(ids.units["PA1"], cats["tameng"], 6, 2, 1),
        # Polsek A2 holds 5 but may not use them (laik pakai: no): 0 usable of 3.
        StockValue(ids.units["PA2"], cats["tameng"], 5, 0, 0, laik_pakai=False),
        # Polres A itself holds 2 good ones.
        StockValue(ids.units["PA"], cats["tameng"], 2, 0, 0),
        StockValue(ids.units["PA1"], cats["helm"], 10, 0, 0),
        StockValue(ids.units["PA1"], cats["ht"], 4, 0, 3),
        StockValue(ids.units["PA1"], cats["senpi"], 10, 0, 0, ammunition=200),
        StockValue(ids.units["PB"], cats["senpi"], 5, 0, 1, ammunition=100),
    ]
    for v in stock:
        sarpras.set_stock(store, ADMIN, op, v)
    u = _lines(store, ids)
    # Asked for by name, the units' figures are summed by the database instead: the same.
    with store.read() as s:
        every = sarpras_by_unit(s, op, None)
        named = sarpras_by_unit(s, op, None, units=list(every))
    assert named == every

    a1 = u["PA1"]["tameng"]
    assert (a1.required, a1.usable, a1.deficit, a1.total) == (9, 8, 1, 9)
    a2 = u["PA2"]["tameng"]
    assert (a2.required, a2.laik_pakai, a2.usable, a2.deficit) == (3, False, 0, 3)
    # Polres A: required 9 + 3 = 12; holds 6+5+2 = 13 good, 2 lightly damaged, of which A2's 5
    # may not be used: usable 13 + 2 - 5 = 10; deficit 2.
    pa = u["PA"]["tameng"]
    assert (pa.baik, pa.rusak_ringan, pa.rusak_berat) == (13, 2, 1)
    assert (pa.required, pa.laik_pakai, pa.unusable, pa.usable, pa.deficit) == (12, True, 5, 10, 2)
    # The Polda: 12 + 6 (Polres B) = 18 required, still 10 usable: deficit 8.
    assert (u["POLDA"]["tameng"].required, u["POLDA"]["tameng"].deficit) == (18, 8)

    assert (u["PA1"]["helm"].required, u["PA2"]["helm"].required) == (6, 2)
    assert (u["PB1"]["helm"].required, u["POLDA"]["helm"].required) == (4, 12)
    # 10 helmets at A1 against 6: no deficit there; Polres A still needs 8 - 10 -> 0.
    assert (u["PA1"]["helm"].deficit, u["PA"]["helm"].deficit) == (0, 0)
    assert u["PB"]["helm"].deficit == 4

    assert (u["PA1"]["r2"].required, u["PA2"]["r2"].required, u["PB1"]["r2"].required) == (4, 3, 2)
    assert u["POLDA"]["r2"].required == 9

    # No rule: required None, no deficit, but the line stays for the stock.
    ht = u["PA"]["ht"]
    assert (ht.required, ht.deficit, ht.baik, ht.rusak_berat) == (None, 0, 4, 3)
    assert "ht" not in u["PA2"]

    # Ammunition adds up the tree; a unit with no firearm shows none.
    assert (u["PA1"]["senpi"].ammunition, u["POLDA"]["senpi"].ammunition) == (200, 300)
    assert (u["PB"]["senpi"].ammunition, u["PB"]["senpi"].measure) == (100, "pucuk")
    assert u["POLDA"]["senpi"].name == "Senjata api"
    assert _lines(store, ids, "en")["POLDA"]["senpi"].name == "Firearms"


def test_a_stage_of_another_operation_is_refused(small: tuple[Store, Small]) -> None:
    store, ids = small
    other = build_small_operation(store, code="lain")
    with store.read() as s, pytest.raises(NotFound):
        sarpras_by_unit(s, ids.operation_id, other.stages["pemungutan"])
    with store.read() as s:
        by_stage = sarpras_by_unit(s, ids.operation_id, ids.stages["kampanye"])
        by_voting = sarpras_by_unit(s, ids.operation_id, None)
    # The guard plan is the operation's: the same requirement at every stage.
    assert by_stage == by_voting


def test_only_the_units_asked_for_are_built_rolled_up_all_the_same(
    small: tuple[Store, Small],
) -> None:
    store, ids = small
    cats = _cats(store, ids.operation_id)
    sarpras.set_stock(store, ADMIN, ids.operation_id, StockValue(ids.units["PA1"], cats["ht"], 3))
    with store.read() as s:
        some = sarpras_by_unit(s, ids.operation_id, None, units=[ids.units["PA"], 999_999])
        every = sarpras_by_unit(s, ids.operation_id, None)
    assert list(some) == [ids.units["PA"]]
    assert some[ids.units["PA"]] == every[ids.units["PA"]]
    assert {line.code: line.baik for line in some[ids.units["PA"]]}["ht"] == 3


def test_the_databases_roll_up_is_the_plain_sum_of_every_row_below(
    small: tuple[Store, Small],
) -> None:
    """The fast path (the database sums the subtrees of the units shown, nested ones
    included) against a plain walk over every stock row and its ancestors."""
    store, ids = small
    op, u = ids.operation_id, ids.units
    cats = _cats(store, op)
    for key, cat, baik, rr, rb, laik, ammo in [
        ("PA1", "ht", 3, 1, 0, True, None),
        ("PA1", "r2", 2, 0, 1, False, None),
        ("PA2", "ht", 4, 0, 2, True, None),
        ("PA", "ht", 1, 2, 3, False, None),
        ("PA", "senpi", 5, 0, 0, True, 120),
        ("PB1", "senpi", 2, 1, 0, True, 30),
        ("PB", "r2", 0, 0, 4, True, None),
        ("POLDA", "ht", 7, 0, 0, True, None),
        ("BRIMOB", "tameng", 50, 5, 1, False, None),
        ("SATGAS", "ht", 6, 0, 0, True, None),
    ]:
        sarpras.set_stock(store, ADMIN, op, StockValue(u[key], cats[cat], baik, rr, rb, laik, ammo))
    wanted = [u["POLDA"], u["PA"], u["PB"], u["BRIMOB"], u["SATGAS"], u["PA1"]]
    with store.read() as s:
        parents = {i: p for i, p in s.execute(select(Unit.id, Unit.parent_id))}
        fast = sarpras_figures._rolled_stock(s, op, wanted)
        shown = sarpras_by_unit(s, op, None, units=wanted)
        every = sarpras_by_unit(s, op, None)
        rows = sarpras.stock(s, op)
    plain: dict[tuple[int, int], list[int]] = {}
    for row in rows:
        anc: int | None = row.unit_id
        while anc is not None:
            if anc in wanted:
                f = plain.setdefault((anc, row.category_id), [0] * 8)
                usable_off = 0 if row.laik_pakai else row.baik + row.rusak_ringan
                ammo = row.ammunition
                for i, v in enumerate(
                    (row.baik, row.rusak_ringan, row.rusak_berat, usable_off,
                     int(row.laik_pakai), 1, ammo or 0, int(ammo is not None))
                ):  # fmt: skip
                    f[i] += v
            anc = parents[anc]
    assert {k: list(v) for k, v in fast.items()} == plain
    assert plain[(u["POLDA"], cats["ht"])][:3] == [3 + 4 + 1 + 7, 1 + 2, 2 + 3]
    assert plain[(u["PA"], cats["senpi"])][6:] == [120, 1]
    assert shown == {uid: every[uid] for uid in wanted}


def test_set_change_clear_stock_journaled(small: tuple[Store, Small]) -> None:
    store, ids = small
    op = ids.operation_id
    cats = _cats(store, op)
    line = sarpras.set_stock(
        store, ADMIN, op, StockValue(ids.units["PA1"], cats["ht"], 3, 1, 0, note="  cek 12/11  ")
    )
    assert (line.baik, line.rusak_ringan, line.note, line.version) == (3, 1, "cek 12/11", 1)
    again = sarpras.set_stock(
        store,
        ADMIN,
        op,
        StockValue(ids.units["PA1"], cats["ht"], 2, 2, 0, note="cek 12/11"),
        expected_version=1,
    )
    assert (again.id, again.baik, again.version) == (line.id, 2, 2)
    # The same value again writes nothing at all.
    rows = _journal_rows(store)
    same = sarpras.set_stock(
        store, ADMIN, op, StockValue(ids.units["PA1"], cats["ht"], 2, 2, 0, note="cek 12/11")
    )
    assert same.version == 2 and _journal_rows(store) == rows
    with store.read() as s:
        assert [x.baik for x in sarpras.stock(s, op, ids.units["PA1"])] == [2]
    gone = sarpras.clear_stock(store, ADMIN, line.id, expected_version=2)
    assert gone.baik == 2
    with store.read() as s:
        assert sarpras.stock(s, op) == ()


def test_a_stale_edit_is_refused_and_changes_nothing(small: tuple[Store, Small]) -> None:
    store, ids = small
    op = ids.operation_id
    cats = _cats(store, op)
    v = StockValue(ids.units["PA1"], cats["ht"], 3)
    first = sarpras.set_stock(store, ADMIN, op, v)
    sarpras.set_stock(store, ADMIN, op, StockValue(ids.units["PA1"], cats["ht"], 4))
    rows = _journal_rows(store)
    with pytest.raises(StaleEdit) as err:
        sarpras.set_stock(
            store, ADMIN, op, StockValue(ids.units["PA1"], cats["ht"], 9), expected_version=1
        )
    assert "sudah diubah oleh admin.uji" in messages.describe(err.value, "id")
    with pytest.raises(StaleEdit):
        sarpras.clear_stock(store, ADMIN, first.id, expected_version=1)
    cid = cats["ht"]
    with pytest.raises(StaleEdit):
        sarpras_categories.set_rule(store, ADMIN, cid, "team", 2, 1, expected_version=99)
    with store.read() as s:
        assert [x.baik for x in sarpras.stock(s, op)] == [4]
    assert _journal_rows(store) == rows


@pytest.mark.parametrize(
    ("change", "error", "sentence"),
    [
        ({"baik": -1}, InvalidValue, "Kondisi baik tidak boleh negatif."),
        ({"rusak_berat": -2}, InvalidValue, "Kondisi rusak berat tidak boleh negatif."),
        (
            {"ammunition": 50},
            InvalidValue,
            "Jumlah amunisi hanya diisi untuk kategori senjata api.",
        ),
        ({"unit": "other"}, NotFound, "Satuan \u201c"),
        ({"category": "other"}, NotFound, "Kategori sarpras \u201c"),
        (
            {"unit": "LINMAS"},
            InvalidValue,
            "Satuan Linmas Kab. A adalah satuan mitra; sarpras dicatat untuk satuan Polri saja.",
        ),
    ],
)
def test_refusals_are_sentences_and_change_nothing(
    small: tuple[Store, Small], change: dict[str, object], error: type[OpsError], sentence: str
) -> None:
    store, ids = small
    op = ids.operation_id
    other = build_small_operation(store, code="lain")
    cats = _cats(store, op)
    unit = ids.units["PA1"]
    category = cats["ht"]
    if change.get("unit") == "other":
        unit = other.units["PA1"]
    elif change.get("unit") == "LINMAS":
        unit = ids.units["LINMAS"]
    if change.get("category") == "other":
        category = _cats(store, other.operation_id)["ht"]
    counts = {k: v for k, v in change.items() if k not in ("unit", "category")}
    rows = _journal_rows(store)
    with pytest.raises(error) as err:
        sarpras.set_stock(store, ADMIN, op, StockValue(unit, category, **counts))  # type: ignore[arg-type]
    assert messages.describe(err.value, "id").startswith(sentence)
    assert not messages.describe(err.value, "en").startswith("The action failed")
    with store.read() as s:
        assert sarpras.stock(s, op) == ()
    assert _journal_rows(store) == rows


def test_rules_and_categories_are_edited_with_sentences(small: tuple[Store, Small]) -> None:
    store, ids = small
    op = ids.operation_id
    cid = _cats(store, op)["ht"]
    with pytest.raises(InvalidValue) as err:
        sarpras_categories.set_rule(store, ADMIN, cid, "desa", 1, 1, expected_version=1)
    assert messages.describe(err.value, "id") == "Dasar aturan kebutuhan tidak dikenal."
    with pytest.raises(InvalidValue) as err:
        sarpras_categories.set_rule(store, ADMIN, cid, "team", 1, 0, expected_version=1)
    sentence = "Per berapa (aturan kebutuhan) harus lebih dari nol."
    assert messages.describe(err.value, "id") == sentence
    with pytest.raises(InvalidValue):
        sarpras_categories.set_rule(store, ADMIN, cid, "team", -1, 1, expected_version=1)
    cat = sarpras_categories.set_rule(store, ADMIN, cid, "team", 2, 1, expected_version=1)
    assert (cat.rule_basis, cat.rule_quantity, cat.rule_per, cat.version) == ("team", 2, 1, 2)

    added = sarpras_categories.add_category(
        store, ADMIN, op, "Motor-Trail", " Sepeda  motor trail ", "kendaraan", measure="unit"
    )
    assert (added.code, added.name, added.rule_basis, added.ordinal) == (
        "motor-trail",
        "Sepeda motor trail",
        None,
        21,
    )
    with pytest.raises(InvalidValue) as err:
        sarpras_categories.add_category(store, ADMIN, op, "ht", "HT lagi", "komunikasi")
    assert messages.describe(err.value, "id") == (
        "Kode \u201cht\u201d sudah dipakai oleh kategori sarpras \u201cHT\u201d; pilih kode lain. "
        "Tidak ada yang disimpan."
    )
    with pytest.raises(InvalidValue):
        sarpras_categories.add_category(store, ADMIN, op, "x", "X", "dapur")
    renamed = sarpras_categories.rename_category(
        store, ADMIN, added.id, "Motor trail", "Trail bikes", expected_version=1
    )
    assert (renamed.name, renamed.code) == ("Motor trail", "motor-trail")
    with store.read() as s:
        assert [c.name for c in sarpras.categories(s, op, "en")][-1] == "Trail bikes"


def test_an_operator_may_not_edit_sarpras(small: tuple[Store, Small]) -> None:
    store, ids = small
    cats = _cats(store, ids.operation_id)
    with pytest.raises(NotPermitted):
        sarpras.set_stock(
            store, OPERATOR, ids.operation_id, StockValue(ids.units["PA1"], cats["ht"], 1)
        )
    with pytest.raises(NotPermitted):
        sarpras_categories.set_rule(store, OPERATOR, cats["ht"], "team", 1, 1, expected_version=1)


def test_the_voting_stage_is_the_default(small: tuple[Store, Small]) -> None:
    store, ids = small
    with store.read() as s:
        stage = sarpras_figures.voting_stage(s, ids.operation_id, None)
        assert stage is not None and stage.id == ids.stages["pemungutan"]
        assert operations.stage_by_code(s, ids.operation_id, "pemungutan").is_voting
