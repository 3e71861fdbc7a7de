"""A page of the audit journal as the window reads it, against a same-run baseline.

On the Jambi demo (about 46,000 journal rows), times ``audit.query`` for the pages the
window asks for -- the newest page, a page deep in the journal (keyed by ``seq``), and the
newest page of a few kinds of data -- and, as the baseline, the same page's journal rows
read alone (the select and join, no names). The difference is what naming the rows costs
(``audit._names``: the row's subject and the ids of its changes, a few queries a page).

    .venv/bin/python bench/audit_page.py [--db URL] [--rounds 30]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from opscenter import audit
from opscenter.demo import load_demo
from opscenter.model import JournalEntry, JournalTxn
from opscenter.store import Store, open_store


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    fn()  # warm: the first read pays for the schema and the page cache
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def _bare(store: Store, f: audit.AuditFilter) -> Callable[[], object]:
    def read() -> object:
        with store.read() as s:
            stmt = select(JournalEntry, JournalTxn.action).join(
                JournalTxn, JournalTxn.id == JournalEntry.txn_id
            )
            if f.entity:
                stmt = stmt.where(JournalEntry.entity == f.entity)
            if f.before_seq is not None:
                stmt = stmt.where(JournalEntry.seq < f.before_seq)
            return s.execute(stmt.order_by(JournalEntry.seq.desc()).limit(f.limit)).all()

    return read


def _named(store: Store, f: audit.AuditFilter) -> Callable[[], object]:
    def read() -> object:
        with store.read() as s:
            return audit.query(s, f)

    return read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="a database URL holding the Jambi demo (default: a new one)")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    store = open_store(url)
    if args.db is None:
        load_demo(store, "jambi")
    with store.read() as s:
        total = int(s.scalar(select(func.count()).select_from(JournalEntry)) or 0)
        middle = int(s.scalar(select(func.max(JournalEntry.seq))) or 0) // 2
    print(f"journal: {total:,} rows; page of {audit.PAGE}; median of {args.rounds} rounds")
    pages = {
        "newest": audit.AuditFilter(),
        "deep (seq < middle)": audit.AuditFilter(before_seq=middle),
        "penempatan personel": audit.AuditFilter(entity="guard_assignment"),
        "penilaian kerawanan": audit.AuditFilter(entity="vulnerability_rating"),
        "pemantauan TPS": audit.AuditFilter(entity="tps_watch"),
        "TPS pos pengamanan": audit.AuditFilter(entity="guard_post_tps"),
    }
    for label, f in pages.items():
        bare = _median_ms(_bare(store, f), args.rounds)
        named = _median_ms(_named(store, f), args.rounds)
        print(
            f"{label:24} named {named:7.1f} ms   rows alone {bare:6.1f} ms   "
            f"ratio {named / bare:5.2f}x"
        )
    store.dispose()


if __name__ == "__main__":
    main()
