"""The role matrix from the core's end: every service that writes, as every role, on SQLite
and on PostgreSQL; and the README's table is the matrix.

Each role acts as a real account that logged in (``accounts.authenticate``). A role
without the permission is refused with ``NotPermitted`` and the journal does not move; a
role with it succeeds, and the journal transaction names that account. The services are
found by reading ``opscenter/``: a new function that opens ``store.transaction`` without a
case below (and a ``require`` before it) fails ``test_every_writing_service_is_covered``.
"""

from __future__ import annotations

import ast
import dataclasses
import getpass
import importlib
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from opscenter import accounts, incidents, journal, personnel, planning, sitrep, units
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.model import (
    Aspect,
    BudgetComponent,
    BudgetRealisation,
    Incident,
    IncidentType,
    JournalTxn,
    Personnel,
    PollingStation,
    ReadinessAspect,
    Region,
    Severity,
    TpsCategory,
    VulnerabilityLevel,
)
from opscenter.permissions import PERMISSIONS, ROLE_ORDER, NotPermitted, matrix_table
from opscenter.planning import RatingValue, WhatIf
from opscenter.plotting import hand, plot, posts, regrouping
from opscenter.readiness import aspects, budget, sarpras, sarpras_categories, sarpras_io, visits
from opscenter.readiness.judgements import (
    JudgementValue,
    clear_judgement,
    judgements,
    set_judgement,
)
from opscenter.reference import GuardPattern, by_code
from opscenter.roster import commit as roster_commit
from opscenter.roster import history as roster_history
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options
from opscenter.store import Store, open_store
from opscenter.watch import entry as watch_entry
from opscenter.watch import steps as watch_steps
from tests.builders import Small, build_small_operation

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "sandi-uji-2024"

# Functions that open a write transaction without a permission, and why that is right.
EXEMPT = {
    "opscenter.accounts.authenticate": "a login stores a fresh hash of the account's own "
    "password, as that account",
    "opscenter.accounts.bootstrap_admin": "makes the first admin of a new server and is "
    "refused once any account has a password",
}


@dataclass
class World:
    store: Store
    small: Small
    actors: dict[str, Actor]
    setup: Actor  # a real admin account that prepares what a case needs
    tmp: Path
    serial: int = 0

    def fresh(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}{self.serial}"


Call = Callable[[Actor], object]
Prepare = Callable[[World], Call]


@pytest.fixture(scope="module")
def cheap_hashing() -> Iterator[None]:
    """Production argon2 costs up to a second a hash on a busy machine; the checks are the
    same with small parameters (``test_accounts.test_production_parameters``)."""
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    patch = pytest.MonkeyPatch()
    patch.setattr(accounts, "_HASHER", cheap)
    dummy = cheap.hash("x")
    patch.setattr(accounts, "_dummy_hash", lambda: dummy)
    yield
    patch.undo()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    cheap_hashing: None,
) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("roles")
    name = f"roles_{uuid.uuid4().hex[:10]}"
    server = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp / 'roles.db'}"
    else:
        server = request.getfixturevalue("postgres_server")
        url = server.create_database(name)
    store = open_store(url)
    try:
        small = build_small_operation(store)
        setup = accounts.bootstrap_admin(store, "kapolda", PASSWORD, "Kapolda Uji")
        actors = {}
        for role in ROLE_ORDER:
            accounts.create_account(store, setup, f"uji.{role}", f"Uji {role}", role, PASSWORD)
            actors[role] = accounts.authenticate(store, f"uji.{role}", PASSWORD)
        yield World(store, small, actors, setup, tmp)
    finally:
        store.dispose()
        if server is not None and server.running:
            server.drop_database(name)


# --- the cases: what each service needs, and the call -------------------------------------


def _ref(w: World, model: type, code: str) -> int:
    with w.store.read() as s:
        return int(by_code(s, model, w.small.operation_id)[code].id)


def _version(w: World, model: type, row_id: int) -> int:
    with w.store.read() as s:
        return int(s.get_one(model, row_id).version)


def _incident(w: World) -> int:
    return incidents.record(
        w.store,
        w.setup,
        incidents.IncidentDraft(
            operation_id=w.small.operation_id,
            type_id=_ref(w, IncidentType, "bentrokan"),
            severity_id=_ref(w, Severity, "sedang"),
            title="Bentrokan pendukung",
            occurred_at=datetime.now(UTC) - timedelta(hours=1),
            region_id=w.small.regions["A1"],
        ),
    )


def _set_status(w: World) -> Call:
    unit = w.small.units["PA1"]
    w.fresh("")
    status = w.small.statuses["bergerak" if w.serial % 2 else "siaga"]
    return lambda a: units.set_status(w.store, a, unit, status)


def _update_unit(w: World) -> Call:
    unit = w.small.units["PB1"]
    return lambda a: units.update_unit(
        w.store, a, unit, _version(w, units.Unit, unit), name=w.fresh("Polsek B")
    )


def _bko(w: World) -> int:
    return units.assign_bko(
        w.store,
        w.setup,
        from_unit_id=w.small.units["BRIMOB"],
        to_unit_id=w.small.units["PB"],
        personnel_count=1,
        starts_at=datetime(2024, 11, 26, tzinfo=UTC),
    )


def _assign_bko(w: World) -> Call:
    return lambda a: units.assign_bko(
        w.store,
        a,
        from_unit_id=w.small.units["BRIMOB"],
        to_unit_id=w.small.units["PB"],
        personnel_count=1,
        starts_at=datetime(2024, 11, 26, tzinfo=UTC),
    )


def _end_bko(w: World) -> Call:
    bko = _bko(w)
    return lambda a: units.end_bko(w.store, a, bko)


def _person_draft(w: World) -> personnel.PersonDraft:
    return personnel.PersonDraft(
        operation_id=w.small.operation_id,
        nrp=f"8501{w.serial + 1000:04d}",
        name=w.fresh("Baru Uji "),
        home_unit_id=w.small.units["PA2"],
    )


def _add_person(w: World) -> Call:
    draft = _person_draft(w)
    return lambda a: personnel.add(w.store, a, draft)


def _update_person(w: World) -> Call:
    person = personnel.add(w.store, w.setup, _person_draft(w))
    return lambda a: personnel.update(
        w.store, a, person, _version(w, Personnel, person), position="Bhabinkamtibmas"
    )


def _record(w: World) -> Call:
    draft = incidents.IncidentDraft(
        operation_id=w.small.operation_id,
        type_id=_ref(w, IncidentType, "bentrokan"),
        severity_id=_ref(w, Severity, "sedang"),
        title="Perusakan APK",
        occurred_at=datetime.now(UTC) - timedelta(hours=2),
        region_id=w.small.regions["A2"],
    )
    return lambda a: incidents.record(w.store, a, draft)


def _update_incident(w: World) -> Call:
    inc = _incident(w)
    return lambda a: incidents.update(
        w.store, a, inc, _version(w, Incident, inc), title="Bentrokan massa"
    )


def _follow_up(w: World) -> Call:
    inc = _incident(w)
    return lambda a: incidents.add_follow_up(w.store, a, inc, "Personel tiba di lokasi.")


def _incident_status(w: World) -> Call:
    inc = _incident(w)
    return lambda a: incidents.set_status(w.store, a, inc, "ditangani", None)


def _incident_units(w: World) -> Call:
    inc = _incident(w)
    return lambda a: incidents.set_units(w.store, a, inc, [w.small.units["PA2"]])


def _roster(w: World) -> Path:
    path = w.tmp / f"{w.fresh('roster')}.csv"
    nrp = 77020000 + w.serial
    path.write_text(
        f"NRP;NAMA;PANGKAT;JABATAN;SATUAN;NO HP\n{nrp};Baru {w.serial};Bripda;;pa1;\n",
        encoding="utf-8",
    )
    return path


def _commit(w: World) -> Call:
    preview = prepare(w.store, _roster(w), Options(kind="personnel"))
    return lambda a: roster_commit.commit(w.store, a, preview)


def _revert(w: World) -> Call:
    preview = prepare(w.store, _roster(w), Options(kind="personnel"))
    outcome = roster_commit.commit(w.store, w.setup, preview)
    return lambda a: roster_history.revert(w.store, a, outcome.txn_id)


def _voting(w: World) -> int:
    return w.small.stages["pemungutan"]


def _short(w: World) -> None:
    """Every TPS at 2-1-2: Polres A falls short, and Brimob's reserve can lend."""
    cats = {_ref(w, TpsCategory, c): GuardPattern(2, 1, 2) for c in ("rawan", "kurang-rawan")}
    with w.store.read() as s:
        versions = {c: int(s.get_one(TpsCategory, c).version) for c in cats}
        if all(
            (s.get_one(TpsCategory, c).guard_tps == 1) for c in cats
        ):  # already saved by an earlier case
            return
    planning.save_what_if(
        w.store, w.setup, w.small.operation_id, WhatIf(patterns=cats), pattern_versions=versions
    )


def _one_proposal(w: World) -> list[planning.Proposal]:
    _short(w)
    with w.store.read() as s:
        plan = planning.plan_for(s, w.small.operation_id, _voting(w))
    return [dataclasses.replace(plan.proposals[0], count=1)]


def _accept(w: World) -> Call:
    proposals = _one_proposal(w)
    return lambda a: planning.accept(w.store, a, w.small.operation_id, _voting(w), proposals)


def _withdraw(w: World) -> Call:
    done = planning.accept(w.store, w.setup, w.small.operation_id, _voting(w), _one_proposal(w))
    return lambda a: planning.withdraw(w.store, a, done)


def _save_what_if(w: World) -> Call:
    cat = _ref(w, TpsCategory, "khusus")

    def call(a: Actor) -> object:
        with w.store.read() as s:
            row = s.get_one(TpsCategory, cat)
            version, tps = int(row.version), row.guard_tps
        pattern = GuardPattern(2, 2 if tps == 1 else 1, 2)
        return planning.save_what_if(
            w.store,
            a,
            w.small.operation_id,
            WhatIf(patterns={cat: pattern}),
            pattern_versions={cat: version},
        )

    return call


def _rating(w: World, level: str, aspect: str = "politik") -> RatingValue:
    return RatingValue(
        w.small.regions["A"],
        _voting(w),
        _ref(w, Aspect, aspect),
        _ref(w, VulnerabilityLevel, level),
    )


def _set_rating(w: World) -> Call:
    planning.set_rating(w.store, w.setup, w.small.operation_id, _rating(w, "sedang"))
    return lambda a: planning.set_rating(w.store, a, w.small.operation_id, _rating(w, "tinggi"))


def _clear_rating(w: World) -> Call:
    row = planning.set_rating(
        w.store, w.setup, w.small.operation_id, _rating(w, "sedang", "ekonomi")
    )
    return lambda a: planning.clear_rating(w.store, a, row.id)


def _import_matrix(w: World) -> Call:
    planning.set_rating(w.store, w.setup, w.small.operation_id, _rating(w, "tinggi", "keamanan"))
    path = w.tmp / f"{w.fresh('kerawanan')}.xlsx"
    with w.store.read() as s:
        planning.export_matrix(s, w.small.operation_id, path)
    planning.set_rating(w.store, w.setup, w.small.operation_id, _rating(w, "sedang", "keamanan"))
    return lambda a: planning.import_matrix(w.store, a, w.small.operation_id, path)


def _judgement_value(w: World) -> JudgementValue:
    with w.store.read() as s:
        aspect = by_code(s, ReadinessAspect, w.small.operation_id)["posko"].id
    return JudgementValue(w.small.units["PA"], aspect, "catatan", "tenda kurang dua")


def _no_judgement(w: World) -> None:
    with w.store.read() as s:
        found = judgements(s, w.small.operation_id)
    for j in found.values():
        clear_judgement(w.store, w.setup, j.id)


def _set_judgement(w: World) -> Call:
    _no_judgement(w)
    value = _judgement_value(w)
    return lambda a: set_judgement(w.store, a, w.small.operation_id, value)


def _clear_judgement(w: World) -> Call:
    _no_judgement(w)
    j = set_judgement(w.store, w.setup, w.small.operation_id, _judgement_value(w))
    return lambda a: clear_judgement(w.store, a, j.id)


def _sarpras_categories(w: World) -> dict[str, sarpras.Category]:
    with w.store.read() as s:
        return {c.code: c for c in sarpras.categories(s, w.small.operation_id)}


def _set_stock(w: World) -> Call:
    w.serial += 1  # a new count each time: the same count again would change nothing
    value = sarpras.StockValue(w.small.units["PA"], _sarpras_categories(w)["ht"].id, w.serial)
    return lambda a: sarpras.set_stock(w.store, a, w.small.operation_id, value)


def _clear_stock(w: World) -> Call:
    line = sarpras.set_stock(
        w.store,
        w.setup,
        w.small.operation_id,
        sarpras.StockValue(w.small.units["PB"], _sarpras_categories(w)["genset"].id, baik=1),
    )
    return lambda a: sarpras.clear_stock(w.store, a, line.id)


def _set_rule(w: World) -> Call:
    ht = _sarpras_categories(w)["ht"]
    per = 2 + w.serial
    w.serial += 1
    return lambda a: sarpras_categories.set_rule(
        w.store, a, ht.id, "team", 1, per, expected_version=ht.version
    )


def _add_category(w: World) -> Call:
    code = w.fresh("sarpras-")
    return lambda a: sarpras_categories.add_category(
        w.store, a, w.small.operation_id, code, f"Sarpras {code}", "posko"
    )


def _rename_category(w: World) -> Call:
    tenda = _sarpras_categories(w)["tenda"]
    name = w.fresh("Tenda ")
    return lambda a: sarpras_categories.rename_category(
        w.store, a, tenda.id, name, expected_version=tenda.version
    )


def _change_category(w: World) -> Call:
    tenda = _sarpras_categories(w)["tenda"]
    w.serial += 1  # another measure each time: the same fields again would change nothing
    measure = f"lembar {w.serial}"
    return lambda a: sarpras_categories.change_category(
        w.store, a, tenda.id, "posko", measure, False, expected_version=tenda.version
    )


def _fresh_aspect(w: World) -> tuple[int, int]:
    """An aspect nothing uses yet, added by the setup account: (id, version)."""
    code = w.fresh("aspek-")
    item = aspects.add_aspect(w.store, w.setup, w.small.operation_id, code, f"Aspek {code}")
    return item.id, item.version


def _add_aspect(w: World) -> Call:
    code = w.fresh("aspek-")
    return lambda a: aspects.add_aspect(w.store, a, w.small.operation_id, code, f"Aspek {code}")


def _rename_aspect(w: World) -> Call:
    row, version = _fresh_aspect(w)
    return lambda a: aspects.rename_aspect(w.store, a, row, "Aspek baru", expected_version=version)


def _move_aspect(w: World) -> Call:
    row, version = _fresh_aspect(w)
    return lambda a: aspects.move_aspect(w.store, a, row, -1, expected_version=version)


def _remove_aspect(w: World) -> Call:
    row, version = _fresh_aspect(w)
    return lambda a: aspects.remove_aspect(w.store, a, row, expected_version=version)


def _restore_aspect(w: World) -> Call:
    row, version = _fresh_aspect(w)
    gone = aspects.remove_aspect(w.store, w.setup, row, expected_version=version)
    return lambda a: aspects.restore_aspect(w.store, a, w.small.operation_id, gone)


def _fresh_category(w: World) -> tuple[int, int]:
    """A category no unit holds, added by the setup account: (id, version)."""
    code = w.fresh("sarpras-")
    c = sarpras_categories.add_category(
        w.store, w.setup, w.small.operation_id, code, f"Sarpras {code}", "posko"
    )
    return c.id, c.version


def _voting_posts(w: World) -> tuple[int, int, list[posts.Post]]:
    """The small operation's voting-day posts, formed with a new TPS each time (operation,
    stage, posts): forming then always has a TPS to place."""
    op, stage = w.small.operation_id, w.small.stages["pemungutan"]
    w.serial += 1
    with w.store.transaction(w.setup, "test.setup") as s:
        kr = by_code(s, TpsCategory, op)["kurang-rawan"]
        s.add(
            PollingStation(
                operation_id=op,
                number=100 + w.serial,
                region_id=w.small.regions["A2a"],
                category_id=kr.id,
                unit_id=w.small.units["PA2"],
            )
        )
    posts.form_posts(w.store, w.setup, op, stage)
    with w.store.read() as s:
        return op, stage, list(posts.posts(s, op, stage))


def _form_posts(w: World) -> Call:
    op, stage, _held = _voting_posts(w)
    with w.store.transaction(w.setup, "test.setup") as s:
        kr = by_code(s, TpsCategory, op)["kurang-rawan"]
        s.add(
            PollingStation(
                operation_id=op,
                number=500 + w.serial,
                region_id=w.small.regions["A2a"],
                category_id=kr.id,
                unit_id=w.small.units["PA2"],
            )
        )
    return lambda a: posts.form_posts(w.store, a, op, stage)


def _two_posts(w: World) -> tuple[int, int, posts.Post, posts.Post]:
    """Two voting-day posts of one kecamatan (the cases below split, move and merge, so the
    posts' sizes wander from case to case)."""
    op, stage, held = _voting_posts(w)
    by_kecamatan: dict[int, list[posts.Post]] = {}
    for p in held:
        by_kecamatan.setdefault(p.kecamatan_id, []).append(p)
    first, second = max(by_kecamatan.values(), key=len)[:2]
    return op, stage, first, second


def _split_post(w: World) -> Call:
    op, stage, first, second = _two_posts(w)
    if len(first.tps) < 2:
        regrouping.merge_posts(w.store, w.setup, op, first.id, second.id, reason="uji")
    with w.store.read() as s:
        big = next(p for p in posts.posts(s, op, stage) if p.id == first.id)
    off = [big.tps[-1].id]
    return lambda a: regrouping.split_post(
        w.store, a, op, big.id, off, expected_version=big.version
    )


def _move_tps(w: World) -> Call:
    op, stage, first, second = _two_posts(w)
    tps = first.tps[0].id
    return lambda a: regrouping.move_tps(w.store, a, op, stage, tps, second.id, reason="uji")


def _merge_posts(w: World) -> Call:
    op, _stage, first, second = _two_posts(w)
    return lambda a: regrouping.merge_posts(w.store, a, op, first.id, second.id, reason="uji")


def _plotted(w: World) -> tuple[int, int, plot.Plotting]:
    op, stage, _held = _voting_posts(w)
    plot.plot(w.store, w.setup, op, stage)
    with w.store.read() as s:
        return op, stage, plot.plotting(s, op, stage)


def _plot(w: World) -> Call:
    op, stage, p = _plotted(w)
    placed = next(o for pp in p.posts for o in pp.officers if not o.locked)
    hand.place(w.store, w.setup, op, stage, placed.officer.id, None)  # a gap to fill
    return lambda a: plot.plot(w.store, a, op, stage)


def _place(w: World) -> Call:
    op, stage, p = _plotted(w)
    person = p.reserve[w.serial % len(p.reserve)].id
    post = p.posts[w.serial % len(p.posts)].post.id
    return lambda a: hand.place(w.store, a, op, stage, person, post)


def _swap(w: World) -> Call:
    op, stage, p = _plotted(w)
    first, second = p.posts[0].officers[0], p.posts[1].officers[0]
    return lambda a: hand.swap(w.store, a, op, stage, first.officer.id, second.officer.id)


def _set_locked(w: World) -> Call:
    op, stage, p = _plotted(w)
    row = p.posts[0].officers[-1]
    return lambda a: hand.set_locked(
        w.store, a, op, stage, row.officer.id, not row.locked, expected_version=row.version
    )


def _plotting_import(w: World) -> Call:
    """A hand-made plotting list putting one person of the reserve on a post's TPS."""
    from opscenter.plotting import plot_import

    op, _stage, p = _plotted(w)
    person = p.reserve[w.serial % len(p.reserve)]
    post = p.posts[w.serial % len(p.posts)].post
    tps = post.tps[0]
    path = w.tmp / f"{w.fresh('plotting')}.csv"
    path.write_text(
        f"KECAMATAN;DESA;TPS;NAMA;NRP\n{post.kecamatan};{tps.desa};{tps.number:03d};"
        f"{person.name};{person.nrp}\n",
        encoding="utf-8",
    )
    preview = plot_import.prepare(w.store, path, Options(kind="plotting", operation_id=op))
    assert preview.refusal() is None and preview.counts["new"] == 1, preview.problems
    return lambda a: plot_import.commit(w.store, a, preview)


def _move_category(w: World) -> Call:
    row, version = _fresh_category(w)
    return lambda a: sarpras_categories.move_category(w.store, a, row, -1, expected_version=version)


def _remove_category(w: World) -> Call:
    row, version = _fresh_category(w)
    return lambda a: sarpras_categories.remove_category(w.store, a, row, expected_version=version)


def _restore_category(w: World) -> Call:
    row, version = _fresh_category(w)
    gone = sarpras_categories.remove_category(w.store, w.setup, row, expected_version=version)
    return lambda a: sarpras_categories.restore_category(w.store, a, w.small.operation_id, gone)


def _sarpras_import(w: World) -> Call:
    path = w.tmp / f"{w.fresh('sarpras')}.csv"
    path.write_text(f"JENIS SARPRAS;B;RR;RB\nHT;{w.serial};0;0\n", encoding="utf-8")
    preview = sarpras_io.prepare(
        w.store, path, Options(kind="sarpras", operation_id=w.small.operation_id, unit="pa")
    )
    return lambda a: sarpras_io.commit(w.store, a, preview)


def _incident_import(w: World) -> Call:
    from opscenter import incident_import

    name = w.fresh("kejadian")
    minutes = w.serial  # a time of its own, so each call logs a new incident
    path = w.tmp / f"{name}.csv"
    path.write_text(
        f"WAKTU;JENIS;TINGKAT\n01-11-2024 {10 + minutes // 60:02d}.{minutes % 60:02d};"
        "Bentrokan massa;Sedang\n",
        encoding="utf-8",
    )
    preview = incident_import.prepare(
        w.store, path, Options(kind="incidents", operation_id=w.small.operation_id)
    )
    return lambda a: incident_import.commit(w.store, a, preview)


def _regions_import(w: World) -> Call:
    from opscenter.geo import imports

    path = w.tmp / f"{w.fresh('batas')}.geojson"
    x = 101.0 + w.serial / 100
    ring = [[x, -2.0], [x + 0.01, -2.0], [x + 0.01, -1.99], [x, -2.0]]
    feature = {"type": "Feature", "properties": {"kode": f"15.{w.serial:02d}", "nama": "Uji"},
               "geometry": {"type": "Polygon", "coordinates": [ring]}}  # fmt: skip
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    preview = imports.prepare(w.store, path, operation_id=w.small.operation_id)
    return lambda a: imports.commit(w.store, a, preview, w.small.operation_id)


def _issue_serial(w: World) -> Call:
    return lambda a: sitrep.issue_serial(w.store, a)


def _configure(w: World) -> Call:
    return lambda a: sitrep.configure(w.store, a, place=w.fresh("Jambi "))


def _create_account(w: World) -> Call:
    name = w.fresh("baru.")
    return lambda a: accounts.create_account(w.store, a, name, "Baru", "operator", PASSWORD)


def _new_account(w: World) -> int:
    return accounts.create_account(
        w.store, w.setup, w.fresh("sasaran."), "Sasaran", "operator", PASSWORD
    )


def _set_password(w: World) -> Call:
    target = _new_account(w)
    return lambda a: accounts.set_password(w.store, a, target, PASSWORD + "-baru")


def _set_role(w: World) -> Call:
    target = _new_account(w)
    return lambda a: accounts.set_role(w.store, a, target, "staff")


def _deactivate(w: World) -> Call:
    target = _new_account(w)
    return lambda a: accounts.deactivate(w.store, a, target)


def _load_demo(w: World) -> Call:
    return lambda a: load_demo(w.store, "bangka", a)


# --- issue 15: budget and visits ---


def _allocation(w: World) -> int:
    value = budget.AllocationValue(w.small.units["PA"], "dipa", 10_000_000, w.fresh("DIPA "))
    return budget.add_allocation(w.store, w.setup, w.small.operation_id, value)


def _paid(allocation: int, description: str) -> budget.RealisationValue:
    return budget.RealisationValue(allocation, date(2024, 11, 20), 1_000, description)


def _realisation(w: World) -> int:
    value = _paid(_allocation(w), "Uang saku")
    return budget.add_realisation(w.store, w.setup, w.small.operation_id, value)


def _visit(w: World) -> int:
    value = visits.VisitValue(w.small.units["PA"], date(2024, 11, 12), "kunker")
    return visits.add_visit(w.store, w.setup, w.small.operation_id, value)


def _finding_value(w: World) -> visits.FindingValue:
    return visits.FindingValue(_ref(w, ReadinessAspect, "posko"), w.fresh("Temuan "))


def _finding(w: World) -> int:
    return visits.add_finding(w.store, w.setup, _visit(w), _finding_value(w))


def _add_allocation(w: World) -> Call:
    value = budget.AllocationValue(w.small.units["PB"], "lain", 1_000)
    return lambda a: budget.add_allocation(w.store, a, w.small.operation_id, value)


def _change_allocation(w: World) -> Call:
    row = _allocation(w)
    value = budget.AllocationValue(w.small.units["PA"], "dipa", 9_000_000)
    return lambda a: budget.change_allocation(w.store, a, row, value, expected_version=None)


def _remove_allocation(w: World) -> Call:
    row = _allocation(w)
    return lambda a: budget.remove_allocation(w.store, a, row, expected_version=None)


def _set_index(w: World) -> Call:
    component = _ref(w, BudgetComponent, "uang-makan")
    stage = w.small.stages["kampanye"]
    return lambda a: budget.set_index(
        w.store,
        a,
        w.small.operation_id,
        component,
        stage,
        days=3,
        daily_rupiah=int(w.fresh("")) * 1_000,
    )


def _clear_index(w: World) -> Call:
    entry = budget.set_index(
        w.store,
        w.setup,
        w.small.operation_id,
        _ref(w, BudgetComponent, "kesehatan"),
        w.small.stages["pemungutan"],
        days=1,
        daily_rupiah=10_000,
    )
    return lambda a: budget.clear_index(w.store, a, entry.id, expected_version=None)


def _add_realisation(w: World) -> Call:
    value = _paid(_allocation(w), "Uang makan")
    return lambda a: budget.add_realisation(w.store, a, w.small.operation_id, value)


def _change_realisation(w: World) -> Call:
    row = _realisation(w)
    with w.store.read() as s:
        allocation = s.get_one(BudgetRealisation, row).allocation_id
    value = _paid(allocation, "Uang saku TPS")
    return lambda a: budget.change_realisation(w.store, a, row, value, expected_version=None)


def _remove_realisation(w: World) -> Call:
    row = _realisation(w)
    return lambda a: budget.remove_realisation(w.store, a, row, expected_version=None)


def _add_visit(w: World) -> Call:
    value = visits.VisitValue(w.small.units["PB"], date(2024, 11, 13), "supervisi")
    return lambda a: visits.add_visit(w.store, a, w.small.operation_id, value)


def _change_visit(w: World) -> Call:
    row = _visit(w)
    value = visits.VisitValue(w.small.units["PA"], date(2024, 11, 14), "asistensi")
    return lambda a: visits.change_visit(w.store, a, row, value, expected_version=None)


def _remove_visit(w: World) -> Call:
    row = _visit(w)
    return lambda a: visits.remove_visit(w.store, a, row, expected_version=None)


def _add_finding(w: World) -> Call:
    visit, value = _visit(w), _finding_value(w)
    return lambda a: visits.add_finding(w.store, a, visit, value)


def _change_finding(w: World) -> Call:
    row, value = _finding(w), _finding_value(w)
    return lambda a: visits.change_finding(w.store, a, row, value, expected_version=None)


def _remove_finding(w: World) -> Call:
    row = _finding(w)
    return lambda a: visits.remove_finding(w.store, a, row, expected_version=None)


def _restore_visit(w: World) -> Call:
    gone = visits.remove_visit(w.store, w.setup, _finding_visit(w), expected_version=None)
    return lambda a: visits.restore_visit(w.store, a, gone)


def _restore_finding(w: World) -> Call:
    visit = _visit(w)
    row = visits.add_finding(w.store, w.setup, visit, _finding_value(w))
    gone = visits.remove_finding(w.store, w.setup, row, expected_version=None)
    return lambda a: visits.restore_finding(w.store, a, visit, gone)


def _finding_visit(w: World) -> int:
    """A visit with one finding."""
    visit = _visit(w)
    visits.add_finding(w.store, w.setup, visit, _finding_value(w))
    return visit


def _set_follow_up(w: World) -> Call:
    row = _finding(w)
    return lambda a: visits.set_follow_up(
        w.store, a, row, "selesai", note="Sudah ditindaklanjuti", expected_version=None
    )


# --- issue 18: the voting-day watch ---


def _watch_tps(w: World) -> tuple[int, int]:
    """A TPS of the small operation and the watch's first step: (TPS id, step id)."""
    op = w.small.operation_id
    with w.store.read() as s:
        tps = s.scalars(
            select(PollingStation.id).where(PollingStation.operation_id == op).limit(1)
        ).one()
        return int(tps), watch_steps.steps(s, op)[0].id


def _watch_record(w: World) -> Call:
    tps, step = _watch_tps(w)
    w.serial += 1  # another minute each time: the same time again would change nothing
    at = datetime(2024, 11, 26, 23, 0, tzinfo=UTC) + timedelta(minutes=w.serial)
    mark = watch_entry.Mark(tps, step, at)
    return lambda a: watch_entry.record(w.store, a, w.small.operation_id, [mark])


def _watch_import(w: World) -> Call:
    from opscenter.watch import imports

    tps, _step = _watch_tps(w)
    with w.store.read() as s:
        row = s.get(PollingStation, tps)
        assert row is not None
        desa = s.get(Region, row.region_id)
        assert desa is not None
        place = f"{desa.name} {row.number}"
    w.serial += 1  # another minute each time: the same time again would change nothing
    path = w.tmp / f"{w.fresh('pantau')}.csv"
    path.write_text(f"TPS;LANGKAH;JAM\n{place};2;27-11-2024 07:{w.serial % 60:02d}\n", "utf-8")
    preview = imports.prepare(
        w.store, path, Options(kind="watch", operation_id=w.small.operation_id)
    )
    return lambda a: imports.commit(w.store, a, preview)


def _fresh_step(w: World) -> tuple[int, int]:
    code = w.fresh("langkah-")
    item = watch_steps.add_step(w.store, w.setup, w.small.operation_id, code, f"Langkah {code}")
    return item.id, item.version


def _add_step(w: World) -> Call:
    code = w.fresh("langkah-")
    return lambda a: watch_steps.add_step(
        w.store, a, w.small.operation_id, code, f"Langkah {code}", due_minutes=600
    )


def _rename_step(w: World) -> Call:
    row, version = _fresh_step(w)
    return lambda a: watch_steps.rename_step(
        w.store, a, row, "Langkah baru", expected_version=version
    )


def _set_due(w: World) -> Call:
    row, version = _fresh_step(w)
    return lambda a: watch_steps.set_due(w.store, a, row, 420, expected_version=version)


def _move_step(w: World) -> Call:
    row, version = _fresh_step(w)
    return lambda a: watch_steps.move_step(w.store, a, row, -1, expected_version=version)


def _remove_step(w: World) -> Call:
    row, version = _fresh_step(w)
    return lambda a: watch_steps.remove_step(w.store, a, row, expected_version=version)


def _restore_step(w: World) -> Call:
    row, version = _fresh_step(w)
    gone = watch_steps.remove_step(w.store, w.setup, row, expected_version=version)
    return lambda a: watch_steps.restore_step(w.store, a, w.small.operation_id, gone)


# service (module.function) -> (the permission it needs, what it needs first and the call)
CASES: dict[str, tuple[str, Prepare]] = {
    "opscenter.units.set_status": ("board.edit", _set_status),
    "opscenter.units.update_unit": ("reference.edit", _update_unit),
    "opscenter.units.assign_bko": ("plan.accept", _assign_bko),
    "opscenter.units.end_bko": ("plan.accept", _end_bko),
    "opscenter.personnel.add": ("personnel.edit", _add_person),
    "opscenter.personnel.update": ("personnel.edit", _update_person),
    "opscenter.incidents.record": ("incident.edit", _record),
    "opscenter.incidents.update": ("incident.edit", _update_incident),
    "opscenter.incidents.add_follow_up": ("incident.edit", _follow_up),
    "opscenter.incidents.set_status": ("incident.edit", _incident_status),
    "opscenter.incidents.set_units": ("incident.edit", _incident_units),
    "opscenter.roster.commit.commit": ("import.run", _commit),
    "opscenter.roster.history.revert": ("import.run", _revert),
    "opscenter.planning.reinforcement_bko.accept": ("plan.accept", _accept),
    "opscenter.planning.reinforcement_bko.withdraw": ("plan.accept", _withdraw),
    "opscenter.planning.what_if.save_what_if": ("plan.edit", _save_what_if),
    "opscenter.planning.vulnerability.set_rating": ("plan.edit", _set_rating),
    "opscenter.planning.vulnerability.clear_rating": ("plan.edit", _clear_rating),
    "opscenter.planning.workbook.import_matrix": ("plan.edit", _import_matrix),
    "opscenter.readiness.judgements.set_judgement": ("readiness.edit", _set_judgement),
    "opscenter.readiness.judgements.clear_judgement": ("readiness.edit", _clear_judgement),
    "opscenter.readiness.sarpras.set_stock": ("readiness.edit", _set_stock),
    "opscenter.plotting.posts.form_posts": ("plot.edit", _form_posts),
    "opscenter.plotting.regrouping.move_tps": ("plot.edit", _move_tps),
    "opscenter.plotting.regrouping.split_post": ("plot.edit", _split_post),
    "opscenter.plotting.regrouping.merge_posts": ("plot.edit", _merge_posts),
    "opscenter.plotting.plot.plot": ("plot.edit", _plot),
    "opscenter.plotting.hand.place": ("plot.edit", _place),
    "opscenter.plotting.hand.swap": ("plot.edit", _swap),
    "opscenter.plotting.hand.set_locked": ("plot.edit", _set_locked),
    "opscenter.watch.entry.record": ("watch.record", _watch_record),
    "opscenter.watch.imports.commit": ("watch.record", _watch_import),
    "opscenter.watch.steps.add_step": ("reference.edit", _add_step),
    "opscenter.watch.steps.rename_step": ("reference.edit", _rename_step),
    "opscenter.watch.steps.set_due": ("reference.edit", _set_due),
    "opscenter.watch.steps.move_step": ("reference.edit", _move_step),
    "opscenter.watch.steps.remove_step": ("reference.edit", _remove_step),
    "opscenter.watch.steps.restore_step": ("reference.edit", _restore_step),
    "opscenter.plotting.plot_import.commit": ("plot.edit", _plotting_import),
    "opscenter.readiness.sarpras.clear_stock": ("readiness.edit", _clear_stock),
    "opscenter.readiness.sarpras_categories.set_rule": ("readiness.edit", _set_rule),
    "opscenter.readiness.sarpras_categories.add_category": ("readiness.edit", _add_category),
    "opscenter.readiness.sarpras_categories.rename_category": ("readiness.edit", _rename_category),
    "opscenter.readiness.sarpras_categories.change_category": ("readiness.edit", _change_category),
    "opscenter.readiness.sarpras_categories.move_category": ("readiness.edit", _move_category),
    "opscenter.readiness.sarpras_categories.remove_category": ("readiness.edit", _remove_category),
    "opscenter.readiness.sarpras_categories.restore_category": (
        "readiness.edit",
        _restore_category,
    ),
    "opscenter.readiness.aspects.add_aspect": ("readiness.edit", _add_aspect),
    "opscenter.readiness.aspects.rename_aspect": ("readiness.edit", _rename_aspect),
    "opscenter.readiness.aspects.move_aspect": ("readiness.edit", _move_aspect),
    "opscenter.readiness.aspects.remove_aspect": ("readiness.edit", _remove_aspect),
    "opscenter.readiness.aspects.restore_aspect": ("readiness.edit", _restore_aspect),
    "opscenter.readiness.sarpras_io.commit": ("readiness.edit", _sarpras_import),
    "opscenter.incident_import.commit": ("import.run", _incident_import),
    "opscenter.geo.imports.commit": ("import.run", _regions_import),
    "opscenter.sitrep.numbering.issue_serial": ("report.issue", _issue_serial),
    "opscenter.sitrep.numbering.configure": ("report.configure", _configure),
    "opscenter.accounts.create_account": ("account.manage", _create_account),
    "opscenter.accounts.set_password": ("account.manage", _set_password),
    "opscenter.accounts.set_role": ("account.manage", _set_role),
    "opscenter.accounts.deactivate": ("account.manage", _deactivate),
    "opscenter.demo.load_demo": ("operation.create", _load_demo),
    # --- issue 15: budget and visits ---
    "opscenter.readiness.budget.add_allocation": ("readiness.edit", _add_allocation),
    "opscenter.readiness.budget.change_allocation": ("readiness.edit", _change_allocation),
    "opscenter.readiness.budget.remove_allocation": ("readiness.edit", _remove_allocation),
    "opscenter.readiness.budget.set_index": ("readiness.edit", _set_index),
    "opscenter.readiness.budget.clear_index": ("readiness.edit", _clear_index),
    "opscenter.readiness.budget.add_realisation": ("readiness.edit", _add_realisation),
    "opscenter.readiness.budget.change_realisation": ("readiness.edit", _change_realisation),
    "opscenter.readiness.budget.remove_realisation": ("readiness.edit", _remove_realisation),
    "opscenter.readiness.visits.add_visit": ("readiness.edit", _add_visit),
    "opscenter.readiness.visits.change_visit": ("readiness.edit", _change_visit),
    "opscenter.readiness.visits.remove_visit": ("readiness.edit", _remove_visit),
    "opscenter.readiness.visits.add_finding": ("readiness.edit", _add_finding),
    "opscenter.readiness.visits.change_finding": ("readiness.edit", _change_finding),
    "opscenter.readiness.visits.remove_finding": ("readiness.edit", _remove_finding),
    "opscenter.readiness.visits.set_follow_up": ("readiness.edit", _set_follow_up),
    "opscenter.readiness.visits.restore_visit": ("readiness.edit", _restore_visit),
    "opscenter.readiness.visits.restore_finding": ("readiness.edit", _restore_finding),
}


def _heads(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return journal.head(s), int(s.scalar(select(func.max(JournalTxn.id))) or 0)


def _newest_txns(store: Store, after: int) -> list[JournalTxn]:
    with store.read() as s:
        return list(s.scalars(select(JournalTxn).where(JournalTxn.id > after)))


@pytest.mark.parametrize("service", sorted(CASES))
def test_every_role_against_every_service(world: World, service: str) -> None:
    permission, prepare_case = CASES[service]
    for role in ROLE_ORDER:
        actor = world.actors[role]
        call = prepare_case(world)
        seq, txn = _heads(world.store)
        if role in PERMISSIONS[permission]:
            call(actor)
            made = _newest_txns(world.store, txn)
            assert made, f"{service} as {role}: nothing journaled"
            assert {t.actor for t in made} == {f"uji.{role}"}, service
            assert getpass.getuser() != f"uji.{role}"
        else:
            with pytest.raises(NotPermitted) as refused:
                call(actor)
            assert refused.value.data["permission"] == permission
            assert _heads(world.store) == (seq, txn), f"{service} as {role} moved the journal"


# --- the services, found by reading the code -----------------------------------------------


def _writing_functions() -> dict[str, ast.FunctionDef]:
    """module.function -> definition, for every function of opscenter/ that opens a
    ``*.transaction(...)`` (the journaled write of ``Store``)."""
    found: dict[str, ast.FunctionDef] = {}
    for path in sorted((ROOT / "opscenter").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        module = ".".join(parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            if node.name == "transaction" and module == "opscenter.store":
                continue  # the definition itself
            if any(_is_transaction(c) for c in ast.walk(node)):
                found[f"{module}.{node.name}"] = node
    return found


def _is_transaction(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "transaction"
    )


def _required(module: str, fn: ast.FunctionDef) -> list[tuple[int, str]]:
    """(line, permission) of each ``require(actor, P)`` in ``fn``; a name is looked up in
    its module (``PERMISSION``)."""
    out = []
    for c in ast.walk(fn):
        if isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id == "require":
            arg = c.args[1]
            if isinstance(arg, ast.Constant):
                out.append((c.lineno, str(arg.value)))
            elif isinstance(arg, ast.Name):
                out.append((c.lineno, str(getattr(importlib.import_module(module), arg.id))))
    return out


def test_every_writing_service_is_covered() -> None:
    found = _writing_functions()
    assert set(found) - set(EXEMPT) == set(CASES), (
        "a service that writes needs a require() and a case in CASES"
    )
    for name, fn in found.items():
        if name in EXEMPT:
            continue
        module = name.rsplit(".", 1)[0]
        required = _required(module, fn)
        first_write = min(c.lineno for c in ast.walk(fn) if _is_transaction(c))
        assert required, f"{name} opens a transaction without require()"
        assert min(line for line, _ in required) < first_write, f"{name}: require() too late"
        assert {p for _, p in required} == {CASES[name][0]}, name
        assert CASES[name][0] in PERMISSIONS


def test_the_scan_finds_a_new_writer(tmp_path: Path) -> None:
    """The scan reads ``store.transaction`` however the store is named (guards the guard)."""
    code = "def new(store, actor):\n    with store.transaction(actor, 'x') as s:\n        pass\n"
    [fn] = [n for n in ast.walk(ast.parse(code)) if isinstance(n, ast.FunctionDef)]
    assert any(_is_transaction(c) for c in ast.walk(fn))


def test_readme_shows_the_matrix() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert matrix_table() in readme, "README's role table differs from permissions.PERMISSIONS"
    for role in ROLE_ORDER:
        assert any(role in roles for roles in PERMISSIONS.values()), role
    assert PERMISSIONS["account.manage"] == {"admin"}
    assert all("admin" in roles for roles in PERMISSIONS.values())
