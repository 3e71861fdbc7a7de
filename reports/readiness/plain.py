"""The readiness matrix as a text table for a terminal: one line per unit, a column per
aspect (headed by its code), the Polda's roll-up; then, for the units asked for, each
aspect's level, judgement and what the data says."""

from __future__ import annotations

from opscenter.readiness.matrix import Cell, Readiness, UnitReadiness
from reports.readiness.labels import ReadinessText, joined

GAP = 2


def _word(cell: Cell, text: ReadinessText) -> str:
    """The level's short word: capitals when a person judged it, small letters when it is
    what the data suggests; * when the judgement differs from the data."""
    word = text.short_level(cell.level)
    if cell.judgement is None and cell.derived is not None:
        word = word.lower()
    return word + ("*" if cell.overridden else "")


def table(r: Readiness, text: ReadinessText) -> list[str]:
    codes = [a.code for a in r.aspects]
    names = [u.name for u in r.units] + [text("rollup")]
    rows = [[_word(u.cells[a.id], text) for a in r.aspects] for u in r.units]
    rows.append([text.short_level(r.rollup[a.id].level) for a in r.aspects])
    first = max(len(text("unit")), *(len(n) for n in names))
    widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(codes)]
    pad = " " * GAP

    def line(head: str, cells: list[str]) -> str:
        return (
            head.ljust(first)
            + pad
            + pad.join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(text("unit"), codes), "-" * (first + sum(w + GAP for w in widths))]
    out += [line(n, row) for n, row in zip(names[:-1], rows[:-1], strict=True)]
    out += ["-" * (first + sum(w + GAP for w in widths)), line(names[-1], rows[-1])]
    return out


def legend(r: Readiness, text: ReadinessText) -> list[str]:
    overdue = sum(up.overdue_findings for up in r.rollup.values())
    return [
        text.pick(
            (
                "SIAP, CATATAN (siap dengan catatan), BELUM (belum siap); huruf kecil: menurut "
                "data, belum dinilai; *: penilaian berbeda dari data; \u2013: belum dinilai.",
                "READY, NOTED (ready with notes), NOT (not ready); small letters: from the "
                "data, not judged; *: judged otherwise than the data; \u2013: not judged.",
            )
        ),
        "; ".join(f"{a.code}: {a.name}" for a in r.aspects) + ".",
        text.pick(
            ("Tindak lanjut temuan lewat waktu: {n}.", "Overdue follow-ups of findings: {n}."),
            n=overdue,
        ),
    ]


def details(r: Readiness, u: UnitReadiness, text: ReadinessText, zone: str) -> list[str]:
    out = [f"{u.name}: {text.level(u.level).upper()}"]
    for a in r.aspects:
        c = u.cells[a.id]
        line = f"  {a.name}: {text.level(c.level).upper()}"
        j = c.judgement
        if j is not None:
            said = text("set_by", who=j.set_by, when=text.set_at(j.set_at, zone))
            line += f" \u2014 {joined([j.note or '', j.evidence or '', said])}"
        if c.derived is not None:
            why = joined(text.reasons(r, c))
            line += f" [{text('data_says').lower()}: {text.level(c.derived)}. {why}]"
        out.append(line)
    return out
