"""What each kind of import stores (personnel, TPS, units): its table's columns in a fixed
order, its key, the columns' labels, and which file field fills which stored column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Spec:
    """What a kind stores: its table's columns in a fixed order and the key columns."""

    kind: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    labels: dict[str, tuple[str, str]]
    # Stored columns a row's empty cell leaves as they are (a TPS keeps its category).
    kept_when_empty: frozenset[str] = frozenset()
    # What the preview says of a new row besides its key: who or what it adds.
    shown_new: tuple[str, ...] = ()


PERSONNEL = Spec(
    "personnel",
    ("nrp", "id_kind", "name", "rank_id", "position", "home_unit_id", "assigned_unit_id",
     "phone", "duty_status"),
    ("nrp",),
    {"nrp": ("NRP/NIP", "NRP/NIP"), "name": ("Nama", "Name"), "rank_id": ("Pangkat", "Rank"),
     "position": ("Jabatan", "Position"), "home_unit_id": ("Satuan", "Unit"),
     "assigned_unit_id": ("Satuan penugasan", "Assigned unit"), "phone": ("No. HP", "Phone"),
     "duty_status": ("Status", "Duty status"), "id_kind": ("Jenis nomor", "Number kind")},
    shown_new=("name", "rank_id", "home_unit_id"),
)  # fmt: skip
TPS = Spec(
    "tps",
    ("region_id", "number", "category_id", "voters", "unit_id", "address"),
    ("region_id", "number"),
    {"region_id": ("Desa/Kelurahan", "Village"), "number": ("No. TPS", "TPS no."),
     "category_id": ("Kategori", "Category"), "voters": ("DPT", "Voters"),
     "unit_id": ("Satuan", "Unit"), "address": ("Alamat", "Address")},
    frozenset({"category_id"}),
    shown_new=("voters", "unit_id", "address"),
)  # fmt: skip
UNITS = Spec(
    "units",
    ("code", "name", "kind", "parent_id", "agency", "tree"),
    ("code",),
    {"code": ("Kode", "Code"), "name": ("Nama", "Name"), "kind": ("Jenis", "Kind"),
     "parent_id": ("Induk", "Parent"), "agency": ("Instansi", "Agency"),
     "tree": ("Susunan", "Tree")},
    shown_new=("name", "kind", "parent_id"),
)  # fmt: skip
SPECS = {"personnel": PERSONNEL, "tps": TPS, "units": UNITS}

# Which file field fills which stored column (a file field may fill several).
FIELD_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "personnel": {
        "nrp": ("nrp", "id_kind"),
        "rank_nrp": ("nrp", "id_kind", "rank_id"),
        "name": ("name",),
        "rank": ("rank_id",),
        "position": ("position",),
        "unit": ("home_unit_id",),
        "assigned_unit": ("assigned_unit_id",),
        "phone": ("phone",),
        "duty_status": ("duty_status",),
    },
    "tps": {
        "number": ("number",),
        "desa": ("region_id",),
        "category": ("category_id",),
        "voters": ("voters",),
        # L and P fill the DPT only together (their sum), see ``validate.Converter``.
        "voters_l": (),
        "voters_p": (),
        "unit": ("unit_id",),
        "address": ("address",),
    },
    "units": {
        "code": ("code",),
        "name": ("name",),
        "kind": ("kind",),
        "parent": ("parent_id",),
        "agency": ("agency",),
        "tree": ("tree",),
    },
}
