"""The journal rule: no row changes without its journal row, in the same transaction."""

from __future__ import annotations

import ast
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import MetaData, select, text, update

import opscenter
from opscenter import accounts, incidents, journal, operations, personnel, planning, sitrep, units
from opscenter.demo import load_demo
from opscenter.errors import InvalidValue, JournalBypass, JournalImmutable, ReadOnlySession
from opscenter.model import (
    Account,
    Aspect,
    Base,
    Incident,
    IncidentType,
    JournalEntry,
    JournalTxn,
    Personnel,
    PollingStation,
    ReadinessAspect,
    Region,
    Severity,
    TpsCategory,
    Unit,
    VulnerabilityLevel,
)
from opscenter.planning import RatingValue, WhatIf
from opscenter.plotting import hand, plot, posts, regrouping
from opscenter.readiness.judgements import JudgementValue, clear_judgement, set_judgement
from opscenter.reference import GuardPattern, by_code
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation

SKIP_TABLES = {"journal", "journal_txn", "journal_commit", "alembic_version"}
PACKAGE = Path(opscenter.__file__).resolve().parent
PASSWORD, PASSWORD2 = "rahasia-jambi-2024", "kata-sandi-baru-123"


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    yield store, build_small_operation(store)
    store.dispose()


def snapshot(store: Store) -> dict[tuple[str, int], dict[str, Any]]:
    """Every row of every journaled table, by (table, id)."""
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    meta = MetaData()
    meta.reflect(store.engine)
    with store.engine.connect() as conn:
        for table in meta.sorted_tables:
            if table.name in SKIP_TABLES:
                continue
            for r in conn.execute(select(table)).mappings():
                rows[(table.name, int(r["id"]))] = {k: journal.plain(_utc(v)) for k, v in r.items()}
    return rows


def _utc(value: Any) -> Any:
    """Raw column values as the ORM sees them: SQLite keeps naive UTC, PostgreSQL a zone."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def journal_after(store: Store, seq: int) -> list[JournalEntry]:
    with store.read() as s:
        return journal.entries_after(s, seq)


def head(store: Store) -> int:
    with store.read() as s:
        return journal.head(s)


def _import(kind: str, csv_text: str) -> Callable[[Store], object]:
    """An import through the bulk path of one roster kind, from a CSV of ``csv_text``."""

    def run(store: Store) -> object:
        from opscenter.roster.classify import prepare
        from opscenter.roster.commit import commit
        from opscenter.roster.preview import Options

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{kind}.csv"
            path.write_text(csv_text, encoding="utf-8")
            preview = prepare(store, path, Options(kind=kind))
            assert preview.counts["rejected"] == 0 and preview.counts["new"], [
                (r.row, [(p.field, p.code, p.value) for p in r.problems or ()])
                for r in preview.rows
            ]
            return commit(store, ADMIN, preview)

    return run


# One row changed (position), two new, one unchanged.
_PERSONNEL_CSV = (
    "NRP;NAMA;PANGKAT;JABATAN;SATUAN;NO HP\n"
    "90000001;Personel 1;Bripda;Bhabinkamtibmas;pa1;\n"
    "90000002;Personel 2;Bripda;;pa1;\n"
    "77010001;Baru Satu;AKP;Kapolsek;Polsek A1;0812 3456 7890\n"
    "77010002;Baru Dua;Bripda;;pb;\n"
)
_TPS_CSV = (
    "KECAMATAN;DESA/KEL;NO. TPS;KERAWANAN;DPT;POLSEK\nKecamatan A1;A1b;2;Kurang Rawan;300;pa1\n"
)
_UNITS_CSV = "KODE;NAMA SATUAN;JENIS;KODE INDUK;INSTANSI\npa9;Polres A9;Polres;polda;polri\n"


def _incident_import(store: Store) -> object:
    """The incident log exported, the first incident's title changed in the file, and the
    file imported back: an update journaled as "import.incidents"."""
    from opscenter import incident_import
    from opscenter.roster import export

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kejadian.csv"
        export.write(store, "incidents", path)
        text = path.read_text(encoding="utf-8")
        assert "Bentrokan pendukung paslon" in text
        path.write_text(text.replace("Bentrokan pendukung paslon", "Bentrokan di TPS", 1))
        preview = incident_import.prepare(store, path)
        assert preview.counts["changed"] == 1 and preview.refusal() is None, preview.counts
        return incident_import.commit(store, ADMIN, preview)


def _revert_last_import(store: Store) -> object:
    from opscenter.roster.history import imports, revert

    return revert(store, ADMIN, imports(store)[0].txn_id)


def journaled_actions() -> set[str]:
    """Every action key given to ``Store.transaction`` in opscenter/, read from the source.

    An f-string ``"import.{...}"`` stands for each roster kind. Any other computed key fails
    here: write it as a literal, so that this test can see it.
    """
    from opscenter.roster import KINDS

    found: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "transaction"
            ):
                continue
            args = [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "action")]
            if not args:
                continue  # e.g. Alembic's context.begin_transaction()
            key = args[0]
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                found.add(key.value)
            elif (
                isinstance(key, ast.JoinedStr)
                and isinstance(key.values[0], ast.Constant)
                and key.values[0].value == "import."
                and len(key.values) == 2
            ):
                found.update(f"import.{kind}" for kind in KINDS)
            else:
                raise AssertionError(f"{where}: the journal action is not a literal string")
    return found


@dataclass(frozen=True)
class Step:
    """One user action through a core service; ``setup`` runs before it, unmeasured."""

    name: str
    run: Callable[[Store], object]
    setup: Callable[[Store], None] | None = None
    actor: str = ADMIN.username


def _services(ids: Small) -> list[Step]:
    state: dict[str, Any] = {}

    def record(store: Store) -> object:
        with store.read() as s:
            t = by_code(s, IncidentType, ids.operation_id)["bentrokan"].id
            v = by_code(s, Severity, ids.operation_id)["sedang"].id
        return incidents.record(
            store,
            ADMIN,
            incidents.IncidentDraft(
                operation_id=ids.operation_id,
                type_id=t,
                severity_id=v,
                title="Bentrokan pendukung",
                occurred_at=datetime.now(UTC) - timedelta(hours=1),
                region_id=ids.regions["A1"],
                unit_ids=(ids.units["PA1"], ids.units["BRIMOB"]),
            ),
        )

    def first_incident(store: Store) -> int:
        with store.read() as s:
            return int(s.scalars(select(Incident.id)).first() or record(store))  # type: ignore[arg-type]

    def version_of(store: Store, entity: type[Incident] | type[Personnel], row_id: int) -> int:
        with store.read() as s:
            row = s.get(entity, row_id)
            assert row is not None
            return int(row.version)

    def person(store: Store, nrp: str) -> int:
        with store.read() as s:
            return int(s.scalars(select(Personnel.id).where(Personnel.nrp == nrp)).one())

    def account(store: Store) -> int:
        return int(state["account"])

    def old_hash(store: Store) -> None:
        from argon2 import PasswordHasher

        aid = accounts.create_account(store, ADMIN, "lama.uji", "Akun Lama", "operator", PASSWORD)
        with store.transaction(ADMIN, "test.old_hash") as s:
            row = s.get(Account, aid)
            assert row is not None
            row.password_hash = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1).hash(
                PASSWORD
            )

    def voting(store: Store) -> int:
        with store.read() as s:
            return operations.stage_by_code(s, ids.operation_id, "pemungutan").id

    def reference(store: Store, model: type[Aspect] | type[VulnerabilityLevel]) -> dict[str, int]:
        with store.read() as s:
            return {code: row.id for code, row in by_code(s, model, ids.operation_id).items()}

    def what_if(store: Store) -> object:
        with store.read() as s:
            rawan = by_code(s, TpsCategory, ids.operation_id)["rawan"].id
        return planning.save_what_if(
            store, ADMIN, ids.operation_id, WhatIf(patterns={rawan: GuardPattern(2, 1, 2)})
        )

    def accept(store: Store) -> object:
        stage = voting(store)
        with store.read() as s:
            proposals = planning.plan_for(s, ids.operation_id, stage).proposals
        assert proposals, "the saved what-if leaves a unit short"
        state["accepted"] = planning.accept(store, ADMIN, ids.operation_id, stage, proposals)
        return state["accepted"]

    def judge(store: Store) -> object:
        with store.read() as s:
            aspect = by_code(s, ReadinessAspect, ids.operation_id)["posko"].id
        j = set_judgement(
            store,
            ADMIN,
            ids.operation_id,
            JudgementValue(ids.units["PA"], aspect, "catatan", "genset belum diuji"),
        )
        state["judgement"] = j.id
        return j

    def rate(store: Store) -> object:
        aspects, levels = reference(store, Aspect), reference(store, VulnerabilityLevel)
        value = RatingValue(ids.regions["B"], voting(store), aspects["keamanan"], levels["tinggi"])
        state["rating"] = planning.set_rating(store, ADMIN, ids.operation_id, value).id
        return state["rating"]

    def import_matrix(store: Store) -> object:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "kerawanan.xlsx"
            with store.read() as s:
                planning.export_matrix(s, ids.operation_id, out)
            wb = load_workbook(out)
            for row in wb["Kerawanan"].iter_rows():
                if [c.value for c in row][:3] == ["Pemungutan suara", "Kota B", "Keamanan"]:
                    row[4].value = "sedang"
            wb.save(out)
            result = planning.import_matrix(store, ADMIN, ids.operation_id, out)
            assert result.changed == 1
            return result

    def bko(store: Store) -> object:
        state["bko"] = units.assign_bko(
            store,
            ADMIN,
            from_unit_id=ids.units["BRIMOB"],
            to_unit_id=ids.units["PB"],
            personnel_count=3,
            starts_at=datetime(2024, 11, 26, tzinfo=UTC),
        )
        return state["bko"]

    def sarpras_steps() -> list[Step]:
        from opscenter.model import SarprasCategory
        from opscenter.readiness import sarpras, sarpras_categories, sarpras_io

        def cat(store: Store, code: str) -> int:
            with store.read() as s:
                return int(by_code(s, SarprasCategory, ids.operation_id)[code].id)

        def put(store: Store) -> object:
            value = sarpras.StockValue(ids.units["PA1"], cat(store, "ht"), 4, 1, 1, note="cek")
            state["stock"] = sarpras.set_stock(store, ADMIN, ids.operation_id, value).id
            return state["stock"]

        def remove_category(store: Store) -> object:
            return sarpras_categories.remove_category(
                store, ADMIN, cat(store, "sepeda"), expected_version=None
            )

        def imported(store: Store) -> object:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "sarpras.csv"
                path.write_text("KESATUAN;JENIS;B;RR;RB\npa2;Ranmor R2;3;1;0\n", "utf-8")
                return sarpras_io.commit(store, ADMIN, sarpras_io.prepare(store, path))

        return [
            Step("sarpras stock set", put),
            Step(
                "sarpras stock cleared",
                lambda st: sarpras.clear_stock(st, ADMIN, int(state["stock"])),
            ),
            Step(
                "sarpras rule",
                lambda st: sarpras_categories.set_rule(
                    st, ADMIN, cat(st, "tameng"), "personel", 1, 2, expected_version=None
                ),
            ),
            Step(
                "sarpras category added",
                lambda st: sarpras_categories.add_category(
                    st, ADMIN, ids.operation_id, "sepeda", "Sepeda", "kendaraan"
                ),
            ),
            Step(
                "sarpras category renamed",
                lambda st: sarpras_categories.rename_category(
                    st, ADMIN, cat(st, "sepeda"), "Sepeda dinas", expected_version=None
                ),
            ),
            Step(
                "sarpras category changed",
                lambda st: sarpras_categories.change_category(
                    st, ADMIN, cat(st, "sepeda"), "posko", "buah", True, expected_version=None
                ),
            ),
            Step(
                "sarpras category moved",
                lambda st: sarpras_categories.move_category(
                    st, ADMIN, cat(st, "sepeda"), -1, expected_version=None
                ),
            ),
            Step("sarpras category removed", remove_category),
            Step("sarpras import", imported),
        ]

    def regions_imported(store: Store) -> object:
        from opscenter.geo import imports

        ring = [[101.3, -2.1], [101.4, -2.1], [101.4, -2.0], [101.3, -2.1]]
        features = [
            {"type": "Feature", "properties": {"kode": code, "nama": name},
             "geometry": {"type": "Polygon", "coordinates": [ring]}}
            for code, name in (("15", "Uji"), ("15.01", "Kabupaten A"))
        ]  # fmt: skip
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "batas.geojson"
            path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
            preview = imports.prepare(store, path, operation_id=ids.operation_id)
            return imports.commit(store, ADMIN, preview, ids.operation_id)

    def voting_posts(store: Store) -> list[posts.Post]:
        with store.read() as s:
            return list(posts.posts(s, ids.operation_id, ids.stages["pemungutan"]))

    def post_split(store: Store) -> object:
        big = max(voting_posts(store), key=lambda p: len(p.tps))
        state["post"] = big
        state["new_post"] = regrouping.split_post(
            store, ADMIN, ids.operation_id, big.id, [big.tps[-1].id], expected_version=big.version
        )
        return state["new_post"]

    def post_moved(store: Store) -> object:
        big = state["post"]
        return regrouping.move_tps(
            store, ADMIN, ids.operation_id, ids.stages["pemungutan"], big.tps[0].id,
            int(state["new_post"]),
        )  # fmt: skip

    def posts_merged(store: Store) -> object:
        return regrouping.merge_posts(
            store, ADMIN, ids.operation_id, state["post"].id, int(state["new_post"])
        )

    def voting_plot(store: Store) -> plot.Plotting:
        with store.read() as s:
            return plot.plotting(s, ids.operation_id, ids.stages["pemungutan"])

    def placed_by_hand(store: Store) -> object:
        p = voting_plot(store)
        return hand.place(
            store, ADMIN, ids.operation_id, ids.stages["pemungutan"], p.reserve[0].id,
            p.posts[0].post.id,
        )  # fmt: skip

    def swapped(store: Store) -> object:
        p = voting_plot(store)
        return hand.swap(
            store, ADMIN, ids.operation_id, ids.stages["pemungutan"],
            p.posts[0].officers[0].officer.id, p.posts[1].officers[0].officer.id,
        )  # fmt: skip

    def locked(store: Store) -> object:
        row = voting_plot(store).posts[2].officers[0]
        return hand.set_locked(
            store, ADMIN, ids.operation_id, ids.stages["pemungutan"], row.officer.id, True
        )

    def plotting_imported(store: Store) -> object:
        """A hand-made plotting list puts one person of the reserve on a post: a new,
        locked placement journaled as "import.plotting"."""
        from opscenter.plotting import plot_import
        from opscenter.roster.preview import Options

        p = voting_plot(store)
        person, post = p.reserve[0], p.posts[-1].post
        tps = post.tps[0]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "plotting.csv"
            path.write_text(
                f"KECAMATAN;DESA;TPS;NAMA;PANGKAT;NRP\n{post.kecamatan};{tps.desa.upper()};"
                f"TPS {tps.number};{person.name};{person.rank};{person.nrp}\n",
                encoding="utf-8",
            )
            preview = plot_import.prepare(store, path, Options(kind="plotting"))
        assert preview.counts["new"] == 1 and preview.refusal() is None, preview.problems
        return plot_import.commit(store, ADMIN, preview)

    def created(store: Store) -> object:
        state["account"] = accounts.create_account(
            store, ADMIN, "budi.uji", "Budi Uji", "operator", PASSWORD
        )
        return state["account"]

    return [
        # Before any account has a password: the first admin of a new server.
        Step(
            "account bootstrap",
            lambda st: accounts.bootstrap_admin(st, "kapolda", PASSWORD, "Kapolda Uji"),
            actor="kapolda",
        ),
        Step("account create", created),
        Step(
            "account password", lambda st: accounts.set_password(st, ADMIN, account(st), PASSWORD2)
        ),
        Step("account role", lambda st: accounts.set_role(st, ADMIN, account(st), "staff")),
        Step("account deactivate", lambda st: accounts.deactivate(st, ADMIN, account(st))),
        Step(
            "account rehash at login",
            lambda st: accounts.authenticate(
                st, "lama.uji", PASSWORD, throttle=accounts.LoginThrottle()
            ),
            setup=old_hash,
            actor="lama.uji",
        ),
        Step(
            "unit status",
            lambda st: units.set_status(
                st, ADMIN, ids.units["PA1"], ids.statuses["bergerak"], reason="Patroli"
            ),
        ),
        Step(
            "unit edit",
            lambda st: units.update_unit(st, ADMIN, ids.units["PB"], 1, name="Polresta B"),
        ),
        Step("bko", bko),
        Step("bko end", lambda st: units.end_bko(st, ADMIN, int(state["bko"]))),
        Step(
            "posts formed",
            lambda st: posts.form_posts(st, ADMIN, ids.operation_id, ids.stages["pemungutan"]),
        ),
        Step("post split", post_split),
        Step("post TPS moved", post_moved),
        Step("posts merged", posts_merged),
        Step(
            "plotted",
            lambda st: plot.plot(st, ADMIN, ids.operation_id, ids.stages["pemungutan"]),
        ),
        Step("placed by hand", placed_by_hand),
        Step("placements swapped", swapped),
        Step("placement locked", locked),
        Step("plotting workbook import", plotting_imported),
        Step("incident", record),
        Step(
            "incident edit",
            lambda st: incidents.update(
                st,
                ADMIN,
                first_incident(st),
                version_of(st, Incident, first_incident(st)),
                title="Bentrokan pendukung paslon",
            ),
        ),
        Step(
            "incident point",  # coordinates are journaled as any field (micro-degrees)
            lambda st: incidents.update(
                st,
                ADMIN,
                first_incident(st),
                version_of(st, Incident, first_incident(st)),
                latitude_e6=-2_062_500,
                longitude_e6=101_407_700,
            ),
        ),
        Step("incident import (a title changed in an exported log)", _incident_import),
        Step(
            "follow-up",
            lambda st: incidents.add_follow_up(
                st, ADMIN, first_incident(st), "Massa dibubarkan", status_code="ditangani"
            ),
        ),
        Step(
            "incident status",
            lambda st: incidents.set_status(st, ADMIN, first_incident(st), "selesai", None),
        ),
        Step(
            "incident units",
            lambda st: incidents.set_units(st, ADMIN, first_incident(st), [ids.units["PA2"]]),
        ),
        Step("roster import (new and changed rows)", _import("personnel", _PERSONNEL_CSV)),
        Step("roster import revert", _revert_last_import),
        Step("tps import", _import("tps", _TPS_CSV)),
        Step("units import", _import("units", _UNITS_CSV)),
        Step(
            "personnel add",
            lambda st: personnel.add(
                st,
                ADMIN,
                personnel.PersonDraft(
                    operation_id=ids.operation_id,
                    nrp="85010123",
                    name="Baru Uji",
                    home_unit_id=ids.units["PA2"],
                ),
            ),
        ),
        Step(
            "personnel edit",
            lambda st: personnel.update(
                st,
                ADMIN,
                person(st, "85010123"),
                version_of(st, Personnel, person(st, "85010123")),
                position="Bhabinkamtibmas",
            ),
        ),
        Step("what-if saved", what_if),
        Step("proposals accepted", accept),
        Step("proposals withdrawn", lambda st: planning.withdraw(st, ADMIN, state["accepted"])),
        Step("vulnerability rated", rate),
        Step("vulnerability workbook import", import_matrix),
        Step(
            "vulnerability cleared",
            lambda st: planning.clear_rating(st, ADMIN, int(state["rating"])),
        ),
        # --- issue 15: matrix ---
        Step("readiness judged", judge),
        Step(
            "readiness judgement cleared",
            lambda st: clear_judgement(st, ADMIN, int(state["judgement"])),
        ),
        *_aspect_steps(ids),
        *_watch_steps(ids),
        Step("report settings", lambda st: sitrep.configure(st, ADMIN, place="Muara Bungo")),
        Step("report number", lambda st: sitrep.issue_serial(st, ADMIN)),
        *_budget_and_visit_steps(ids),
        *sarpras_steps(),
        Step("region boundaries and codes imported", regions_imported),
        # Last: a whole demo operation makes every later snapshot slow.
        Step("demo load", lambda st: load_demo(st, "bangka", ADMIN)),
    ]


# --- issue 15: lists ---


def _aspect_steps(ids: Small) -> list[Step]:
    from opscenter.readiness import aspects

    op = ids.operation_id

    def aspect(store: Store, code: str) -> int:
        with store.read() as s:
            return by_code(s, ReadinessAspect, op)[code].id

    return [
        Step("aspect added", lambda st: aspects.add_aspect(st, ADMIN, op, "logistik", "Logistik")),
        Step(
            "aspect renamed",
            lambda st: aspects.rename_aspect(
                st, ADMIN, aspect(st, "logistik"), "Logistik pemilu", expected_version=None
            ),
        ),
        Step(
            "aspect moved",
            lambda st: aspects.move_aspect(
                st, ADMIN, aspect(st, "logistik"), -1, expected_version=None
            ),
        ),
        Step(
            "aspect removed",
            lambda st: aspects.remove_aspect(
                st, ADMIN, aspect(st, "logistik"), expected_version=None
            ),
        ),
    ]


# --- issue 18: the voting-day watch ---


def _watch_steps(ids: Small) -> list[Step]:
    from opscenter.watch import entry, steps

    op = ids.operation_id
    state: dict[str, Any] = {}

    def first(store: Store) -> tuple[int, int]:
        with store.read() as s:
            tps = s.scalars(
                select(PollingStation.id).where(PollingStation.operation_id == op).limit(1)
            ).one()
            return int(tps), steps.steps(s, op)[0].id

    def recorded(store: Store) -> object:
        tps, step = first(store)
        at = datetime(2024, 11, 27, 5, 40, tzinfo=UTC)
        state["changes"] = entry.record(store, ADMIN, op, [entry.Mark(tps, step, at)])
        return state["changes"]

    def undone(store: Store) -> object:
        (c,) = state["changes"]
        return entry.record(store, ADMIN, op, [c.undo()], expect={(c.tps_id, c.step_id): c.after})

    def added(store: Store) -> object:
        state["step"] = steps.add_step(store, ADMIN, op, "apel", "Apel pagi", due_minutes=330)
        return state["step"]

    def imported(store: Store) -> object:
        from opscenter.watch import imports

        tps, _step = first(store)
        with store.read() as s:
            row = s.get(PollingStation, tps)
            assert row is not None
            desa = s.get(Region, row.region_id)
            assert desa is not None
            place = f"{desa.name} {row.number}"
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "pantau.csv"
            path.write_text(f"TPS;LANGKAH;JAM\n{place};mulai;07:05\n", encoding="utf-8")
            preview = imports.prepare(store, path)
            assert preview.counts["new"] == 1 and preview.refusal() is None, preview.problems
            return imports.commit(store, ADMIN, preview)

    return [
        Step("watch recorded", recorded),
        Step("watch undone", undone),
        Step("watch list imported", imported),
        Step("watch step added", added),
        Step(
            "watch step renamed",
            lambda st: steps.rename_step(
                st, ADMIN, state["step"].id, "Apel pagi petugas", expected_version=None
            ),
        ),
        Step(
            "watch step deadline",
            lambda st: steps.set_due(st, ADMIN, state["step"].id, 345, expected_version=None),
        ),
        Step(
            "watch step moved",
            lambda st: steps.move_step(st, ADMIN, state["step"].id, -1, expected_version=None),
        ),
        Step(
            "watch step removed",
            lambda st: steps.remove_step(st, ADMIN, state["step"].id, expected_version=None),
        ),
    ]


# --- issue 15: budget and visits ---


def _budget_and_visit_steps(ids: Small) -> list[Step]:
    from opscenter.model import BudgetComponent, ReadinessAspect
    from opscenter.readiness import budget, visits

    state: dict[str, int] = {}
    gone: dict[str, Any] = {}  # what a removal took, for its restore
    op, pa = ids.operation_id, ids.units["PA"]

    def code(store: Store, model: type[BudgetComponent | ReadinessAspect], key: str) -> int:
        with store.read() as s:
            return by_code(s, model, op)[key].id

    def keep(key: str, value: int) -> int:
        state[key] = value
        return value

    hibah = budget.AllocationValue(pa, "hibah", 10_000_000, "NPHD 1/2024", date(2024, 6, 5))
    paid = budget.RealisationValue(0, date(2024, 11, 20), 2_500_000, "Uang saku TPS")

    def realisation(amount: int) -> budget.RealisationValue:
        return replace(paid, allocation_id=state["allocation"], amount=amount)

    def index(st: Store) -> object:
        entry = budget.set_index(
            st,
            ADMIN,
            op,
            code(st, BudgetComponent, "uang-saku"),
            ids.stages["pemungutan"],
            days=1,
            daily_rupiah=100_000,
        )
        return keep("index", entry.id)

    visit = visits.VisitValue(pa, date(2024, 11, 12), "kunker", "Kapolda Uji", "Irwasda")

    def finding(st: Store, text: str = "HT kurang 12 unit") -> int:
        value = visits.FindingValue(code(st, ReadinessAspect, "sarpras"), text)
        return visits.add_finding(st, ADMIN, state["visit"], value)

    def two_findings(st: Store) -> None:
        finding(st, "Renpam belum ada")
        finding(st, "Posko tanpa genset")

    return [
        Step(
            "budget allocation",
            lambda st: keep("allocation", budget.add_allocation(st, ADMIN, op, hibah)),
        ),
        Step(
            "budget allocation change",
            lambda st: budget.change_allocation(
                st,
                ADMIN,
                state["allocation"],
                replace(hibah, pagu=12_000_000),
                expected_version=1,
            ),
        ),
        Step("budget index set", index),
        Step(
            "budget index clear",
            lambda st: budget.clear_index(st, ADMIN, state["index"], expected_version=1),
        ),
        Step(
            "budget realisation",
            lambda st: keep("paid", budget.add_realisation(st, ADMIN, op, realisation(2_500_000))),
        ),
        Step(
            "budget realisation change",
            lambda st: budget.change_realisation(
                st, ADMIN, state["paid"], realisation(3_000_000), expected_version=1
            ),
        ),
        Step(
            "budget realisation remove",
            lambda st: budget.remove_realisation(st, ADMIN, state["paid"], expected_version=2),
        ),
        Step(
            "budget allocation remove",
            lambda st: budget.remove_allocation(st, ADMIN, state["allocation"], expected_version=2),
        ),
        Step("visit", lambda st: keep("visit", visits.add_visit(st, ADMIN, op, visit))),
        Step(
            "visit change",
            lambda st: visits.change_visit(
                st, ADMIN, state["visit"], replace(visit, kind="supervisi"), expected_version=1
            ),
        ),
        Step("finding", lambda st: keep("finding", finding(st))),
        Step(
            "finding change",
            lambda st: visits.change_finding(
                st,
                ADMIN,
                state["finding"],
                visits.FindingValue(
                    code(st, ReadinessAspect, "sarpras"),
                    "HT kurang 12 unit",
                    person_in_charge="Kasat Sabhara",
                    due_on=date(2024, 11, 20),
                ),
                expected_version=1,
            ),
        ),
        Step(
            "follow-up closed",
            lambda st: visits.set_follow_up(
                st, ADMIN, state["finding"], "selesai", note="HT dipinjam", expected_version=2
            ),
        ),
        Step(
            "finding remove",
            lambda st: gone.setdefault(
                "finding", visits.remove_finding(st, ADMIN, state["finding"], expected_version=3)
            ),
        ),
        Step(
            "finding restored",
            lambda st: visits.restore_finding(st, ADMIN, state["visit"], gone["finding"]),
        ),
        Step(
            "visit removed with its findings",
            lambda st: gone.setdefault(
                "visit", visits.remove_visit(st, ADMIN, state["visit"], expected_version=2)
            ),
            setup=two_findings,
        ),
        Step(
            "visit restored with its findings",
            lambda st: visits.restore_visit(st, ADMIN, gone["visit"]),
        ),
    ]


def test_every_service_change_has_its_journal_rows(small: tuple[Store, Small]) -> None:
    store, ids = small
    exercised: set[str] = set()
    for step in _services(ids):
        if step.setup is not None:
            step.setup(store)
        before, seq = snapshot(store), head(store)
        step.run(store)
        after = snapshot(store)
        entries = journal_after(store, seq)
        name = step.name
        assert entries, f"{name}: no journal rows"
        logged = {(e.entity, e.entity_id): e for e in entries}
        changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        # Every changed row is journaled, and nothing is journaled that did not change.
        assert changed == set(logged), name
        for key in changed:
            e = logged[key]
            assert e.actor == step.actor, name
            if key not in before:
                assert e.action == "insert"
                row = {k: v for k, v in after[key].items() if v is not None and k != "version"}
                assert e.changes == journal._redact(row), name  # secrets show as changed only
            elif key not in after:
                assert e.action == "delete"
            else:
                assert e.action == "update"
                diff = {
                    k: [before[key][k], after[key][k]]
                    for k in after[key]
                    if before[key][k] != after[key][k] and k != "version"
                }
                assert e.changes == journal._redact(diff), name
        # One user action is one journal transaction.
        txns = {e.txn_id for e in entries}
        assert len(txns) == 1, name
        with store.read() as s:
            txn = s.get(JournalTxn, txns.pop())
            assert txn is not None
            exercised.add(txn.action)
    # Every journaled action of the core is exercised above: a new service (a new action
    # key in opscenter/) fails here until a step for it is added to _services.
    expected = journaled_actions()
    assert not expected - exercised, (
        f"journaled actions with no step here: {sorted(expected - exercised)}"
    )
    assert not exercised - expected, (
        f"steps of actions the scan missed: {sorted(exercised - expected)}"
    )


def test_the_action_scan_sees_literals_and_the_import_kinds() -> None:
    actions = journaled_actions()
    assert {"unit.set_status", "sitrep.issue", "import.personnel", "import.units"} <= actions
    assert len(actions) >= 30


def test_read_session_cannot_write(small: tuple[Store, Small]) -> None:
    store, ids = small
    seq = head(store)
    with pytest.raises(ReadOnlySession), store.read() as s:
        s.get(Unit, ids.units["PA"]).name = "Diam-diam"  # type: ignore[union-attr]
        s.commit()
    with store.read() as s:
        assert s.get(Unit, ids.units["PA"]).name == "Polres A"  # type: ignore[union-attr]
    assert head(store) == seq


def test_bulk_statement_around_the_journal_is_refused(small: tuple[Store, Small]) -> None:
    store, ids = small
    with pytest.raises(JournalBypass), store.transaction(ADMIN, "test.bulk") as s:
        s.execute(update(Unit).where(Unit.id == ids.units["PA"]).values(name="X"))
    with store.read() as s:
        assert s.get(Unit, ids.units["PA"]).name == "Polres A"  # type: ignore[union-attr]


def test_failed_action_leaves_neither_change_nor_journal(small: tuple[Store, Small]) -> None:
    store, ids = small
    before, seq = snapshot(store), head(store)
    with pytest.raises(InvalidValue):
        personnel.add(
            store,
            ADMIN,
            personnel.PersonDraft(
                operation_id=ids.operation_id,
                nrp="90000001",
                name="Duplikat",
                home_unit_id=ids.units["PA"],
            ),
        )
    with pytest.raises(RuntimeError), store.transaction(ADMIN, "test.crash") as s:
        s.get(Unit, ids.units["PA"]).name = "Setengah"  # type: ignore[union-attr]
        s.flush()  # the change and its journal row are written ...
        raise RuntimeError("power cut")  # ... and both roll back
    assert snapshot(store) == before
    assert head(store) == seq


def test_journal_is_append_only_in_the_database(small: tuple[Store, Small]) -> None:
    store, _ = small
    for sql in (
        "UPDATE journal SET actor = 'x'",
        "DELETE FROM journal",
        "UPDATE journal_txn SET actor = 'x'",
        "DELETE FROM journal_txn",
    ):
        with pytest.raises(JournalImmutable), store.transaction(ADMIN, "test.tamper") as s:
            s.execute(text(sql))
    if store.dialect == "postgresql":
        with pytest.raises(JournalImmutable), store.transaction(ADMIN, "test.tamper") as s:
            s.execute(text("TRUNCATE journal CASCADE"))


def test_journal_rows_carry_actor_action_and_before_after(small: tuple[Store, Small]) -> None:
    store, ids = small
    seq = head(store)
    units.set_status(store, ADMIN, ids.units["PA1"], ids.statuses["di-lokasi"], reason="TPS 3")
    entries = journal_after(store, seq)
    unit_rows = [e for e in entries if e.entity == "unit"]
    assert len(unit_rows) == 1
    assert unit_rows[0].changes["status_id"] == [ids.statuses["siaga"], ids.statuses["di-lokasi"]]
    assert unit_rows[0].changes["status_reason"] == [None, "TPS 3"]
    assert unit_rows[0].operation_id == ids.operation_id
    with store.read() as s:
        from opscenter.model import JournalTxn

        txn = s.get(JournalTxn, unit_rows[0].txn_id)
        assert txn is not None
        assert (txn.action, txn.actor, txn.operation_id) == (
            "unit.set_status",
            ADMIN.username,
            ids.operation_id,
        )


def test_change_feed_names_what_changed(small: tuple[Store, Small]) -> None:
    store, ids = small
    seen: list[Any] = []
    unsubscribe = store.subscribe(seen.append)
    units.set_status(store, ADMIN, ids.units["PB"], ids.statuses["kembali"])
    unsubscribe()
    units.set_status(store, ADMIN, ids.units["PB"], ids.statuses["siaga"])
    assert len(seen) == 1
    assert seen[0].action == "unit.set_status"
    assert seen[0].last_seq == head(store) - 1  # the commit before the last


def test_all_tables_are_journaled_or_declared_exempt() -> None:
    exempt = {m.local_table.name for m in Base.registry.mappers if not m.class_.__journaled__}
    assert exempt == {"journal", "journal_txn", "journal_commit"}


def test_statement_built_on_the_table_is_refused_too(small: tuple[Store, Small]) -> None:
    store, ids = small
    table = Unit.__table__
    with pytest.raises(JournalBypass), store.transaction(ADMIN, "test.bulk") as s:
        s.execute(update(table).where(table.c.id == ids.units["PA"]).values(name="X"))
    with store.read() as s:
        assert s.get(Unit, ids.units["PA"]).name == "Polres A"  # type: ignore[union-attr]


def test_bulk_insert_journals_the_defaults_it_stores(small: tuple[Store, Small]) -> None:
    from opscenter.model import Personnel

    store, ids = small
    seq = head(store)
    with store.transaction(ADMIN, "test.bulk_insert") as s:
        (new_id,) = journal.insert_rows(
            s,
            Personnel,
            [
                {
                    "operation_id": ids.operation_id,
                    "nrp": "77010001",
                    "name": "Massal",
                    "home_unit_id": ids.units["PB"],
                }
            ],
        )
    (entry,) = journal_after(store, seq)
    stored = snapshot(store)[("personnel", new_id)]
    assert entry.changes == {k: v for k, v in stored.items() if v is not None and k != "version"}
    assert entry.changes["duty_status"] == "aktif"


def test_bulk_times_are_journaled_as_the_orm_journals_them(small: tuple[Store, Small]) -> None:
    """The demo's 25,000 watch marks go through ``insert_rows``; on SQLite its fast path
    journals each time as ISO in UTC, with microseconds only when there are some."""
    from zoneinfo import ZoneInfo

    from opscenter.model import TpsWatch, WatchStep

    store, ids = small
    with store.read() as s:
        tps = s.scalars(select(PollingStation.id).limit(2)).all()
        step = s.scalars(select(WatchStep.id).limit(1)).one()
    wib = ZoneInfo("Asia/Jakarta")
    times = [
        datetime(2024, 11, 27, 5, 40, tzinfo=wib),
        datetime(2024, 11, 27, 6, 1, 2, 345, tzinfo=wib),
    ]
    seq = head(store)
    with store.transaction(ADMIN, "test.bulk_insert") as s:
        new = journal.insert_rows(
            s,
            TpsWatch,
            [
                {
                    "operation_id": ids.operation_id,
                    "tps_id": t,
                    "step_id": step,
                    "at": at,
                    "recorded_by": "Polsek A1",
                }
                for t, at in zip(tps, times, strict=True)
            ],
        )
    entries = journal_after(store, seq)
    assert [e.changes["at"] for e in entries] == [
        "2024-11-26T22:40:00+00:00",
        "2024-11-26T23:01:02.000345+00:00",
    ]
    after = snapshot(store)
    for entry, new_id in zip(entries, new, strict=True):
        stored = after[("tps_watch", new_id)]
        assert entry.changes == {
            k: v for k, v in stored.items() if v is not None and k != "version"
        }
