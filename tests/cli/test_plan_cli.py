"""``opscenter plan``: requirements, deficits and proposals printed and written to a workbook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from opscenter.demo import load_demo
from opscenter.store import open_store

OPSCENTER = str(Path(sys.executable).with_name("opscenter"))


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPSCENTER_", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "d"), XDG_STATE_HOME=str(home / "s"))
    return subprocess.run(
        [OPSCENTER, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_plan_prints_and_writes_the_workbook(tmp_path: Path) -> None:
    db = tmp_path / "jambi.db"
    store = open_store(f"sqlite:///{db}")
    try:
        load_demo(store, "jambi")
    finally:
        store.dispose()
    out = tmp_path / "rencana.xlsx"
    done = run(tmp_path, "plan", "--db", str(db), "--stage", "pemungutan", "--out", str(out))
    assert done.returncode == 0, done.stderr
    # The demo is plotted: Kerinci's posts lack 116 named officers (its Kapolres and two
    # Kompol command rather than guard), 3 more than the count's 113.
    assert (
        "Kekurangan: Polres Kerinci 116 (plotting: 116 kurang di pos, 0 personel belum diplot;"
        " menurut jumlah kurang 113)"
    ) in done.stdout
    kerinci = next(line for line in done.stdout.splitlines() if line.startswith("Polres Kerinci"))
    assert kerinci.split()[2:7] == ["650", "506", "393", "-113", "116"]
    assert "kurang 116 personel di pos pengamanan TPS menurut plotting" in done.stdout
    assert "diperbantukan 116 personel dari Sat Brimob Polda Jambi" in done.stdout
    assert f"Buku kerja ditulis ke {out}." in done.stdout
    wb = load_workbook(out)
    assert wb.sheetnames == ["Kebutuhan", "Wilayah", "Usulan"]
    usulan = [[c.value for c in r] for r in wb["Usulan"].iter_rows()]
    assert usulan[1][:5] == ["Polres Kerinci", "Tinggi", 116, "Sat Brimob Polda Jambi", 116]
    needs = [[c.value for c in r] for r in wb["Kebutuhan"].iter_rows()]
    head = next(r for r in needs if r[0] == "Satuan")
    row = next(r for r in needs if r[0] == "Polres Kerinci")
    got = dict(zip(head, row, strict=True))
    assert (got["Selisih"], got["Kurang di pos (plotting)"], got["Perlu penebalan"]) == (
        -113,
        116,
        116,
    )

    bad = run(tmp_path, "plan", "--db", str(db), "--stage", "pemilu")
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.strip() == (
        "Tahapan \u201cpemilu\u201d tidak ditemukan; mungkin sudah dihapus dari workstation lain."
    )
    nowhere = run(
        tmp_path,
        "plan",
        "--db",
        str(db),
        "--stage",
        "pemungutan",
        "--out",
        str(tmp_path / "tidak-ada" / "x.xlsx"),
    )
    assert nowhere.returncode == 1
    assert "Buku kerja tidak dapat ditulis ke" in nowhere.stderr
    assert run(tmp_path, "plan", "--db", str(db)).returncode == 2  # --stage is required
