"""The evidence beside the readiness matrix: what a chosen cell rests on.

For a unit's cell: the judgement (level, note, evidence, who and when), what the data
suggests and why, in sentences with the figures ("Kebutuhan 14 personel, tersedia 11:
kurang 3"), then what the sources hold for it: personnel against the requirement, sarpras
lines short of their requirement, the budget (need, pagu, realisation in rupiah), the open
findings with overdue follow-ups standing out, and the unit's latest visit. A source with
nothing for the unit says "belum ada data". For the unit's overall column every source;
for the Polda's roll-up row, the counts per aspect.

``evidence_html`` is plain (data in, rich text out); ``EvidencePane`` shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QTextBrowser, QWidget

from opscenter.operations import local_text
from opscenter.readiness.matrix import AspectRef, Cell, Readiness, UnitReadiness
from opscenter.readiness.sarpras_figures import worst_line
from opscenter.shares import money_percent
from ui import theme
from ui.readiness_model import LEVEL_COLOURS, counts_text, full_level, short_level
from ui.translations import translator

_tr = translator("ReadinessEvidence")


def kind_names() -> dict[str, str]:
    """A visit's kind as an officer reads it (the pane and the visits form)."""
    return {
        "kunker": _tr("kunjungan kerja"),
        "supervisi": _tr("supervisi"),
        "asistensi": _tr("asistensi"),
    }


def status_names() -> dict[str, str]:
    """A follow-up's status as an officer reads it."""
    return {"terbuka": _tr("terbuka"), "proses": _tr("dalam proses"), "selesai": _tr("selesai")}


def rupiah(amount: int, locale: QLocale) -> str:
    """Whole rupiah with the locale's thousands separator: "Rp25.000.000.000"."""
    return "Rp" + locale.toString(int(amount))


def _badge(level: str | None, text: str | None = None) -> str:
    label = escape(text if text is not None else full_level(level))
    colour = LEVEL_COLOURS.get(level) if level is not None else None
    if colour is None:
        return f"<b>{label}</b>"
    return theme.badge_html(colour, label)


def _alert(text: str) -> str:
    return theme.badge_html(theme.DEFICIT, escape(text))


def _p(text: str) -> str:
    return f"<p style='margin: 2px 0'>{text}</p>"


def _h(text: str) -> str:
    return f"<h3 style='margin: 10px 0 2px 0'>{escape(text)}</h3>"


def _none() -> str:
    return _p(f"<i>{escape(_tr('belum ada data'))}</i>")


class Evidence:
    """The rich text of one selection; ``zone``: the operation's time zone."""

    def __init__(self, r: Readiness, zone: str, locale: QLocale) -> None:
        self.r, self.zone, self.locale = r, zone, locale

    def n(self, value: int) -> str:
        return self.locale.toString(int(value))

    # -- the selection -----------------------------------------------------------------------

    def html(self, unit_id: int | None, aspect_id: int | None) -> str:
        r = self.r
        if unit_id is None:
            return self.rollup(aspect_id)
        try:
            unit = r.unit(unit_id)
        except KeyError:
            return _p(escape(_tr("Satuan ini tidak lagi dinilai.")))
        aspect = next((a for a in r.aspects if a.id == aspect_id), None)
        if aspect is None:
            return self.overall(unit)
        c = unit.cells.get(aspect.id)
        if c is None:
            return ""
        return "".join(
            [
                f"<h2 style='margin: 0'>{escape(unit.name)} \u2014 {escape(aspect.name)}</h2>",
                _p(_badge(c.level)),
                self.judgement(c),
                self.suggested(c),
                *self.sources(unit.unit_id, [aspect]),
            ]
        )

    def overall(self, unit: UnitReadiness) -> str:
        parts = [
            f"<h2 style='margin: 0'>{escape(unit.name)} \u2014 {escape(_tr('keseluruhan'))}</h2>",
            _p(_badge(unit.level)),
            _h(_tr("Per aspek")),
        ]
        for a in self.r.aspects:
            c = unit.cells[a.id]
            mark = "*" if c.overridden else ""
            parts.append(_p(f"{escape(a.name)}: {_badge(c.level, short_level(c.level) + mark)}"))
        parts += self.sources(unit.unit_id, list(self.r.aspects))
        return "".join(parts)

    def rollup(self, aspect_id: int | None) -> str:
        r = self.r
        title = _tr("{polda} \u2014 rekap").format(polda=r.polda_name or _tr("Polda"))
        parts = [f"<h2 style='margin: 0'>{escape(title)}</h2>", _p(_badge(r.level))]
        if r.stage_name:
            parts.append(_p(escape(_tr("Tahapan: {stage}").format(stage=r.stage_name))))
        for a in r.aspects:
            if aspect_id is not None and a.id != aspect_id:
                continue
            up = r.rollup[a.id]
            line = f"{escape(a.name)}: {_badge(up.level)} {escape(counts_text(up.counts))}"
            if up.overdue_findings:
                line += " " + _alert(
                    _tr("{n} tindak lanjut lewat tenggat").format(n=up.overdue_findings)
                )
            parts.append(_p(line))
        return "".join(parts)

    # -- what people and data say ------------------------------------------------------------

    def judgement(self, c: Cell) -> str:
        parts = [_h(_tr("Penilaian petugas"))]
        j = c.judgement
        if j is None:
            parts.append(_p(escape(_tr("Belum dinilai: tingkat sel mengikuti data."))))
            return "".join(parts)
        parts.append(_p(_badge(j.level)))
        if j.note:
            parts.append(_p(escape(_tr("Catatan: {note}").format(note=j.note))))
        if j.evidence:
            parts.append(_p(escape(_tr("Dasar: {evidence}").format(evidence=j.evidence))))
        parts.append(
            _p(
                escape(
                    _tr("Oleh {who}, {when}").format(
                        who=j.set_by, when=local_text(j.set_at, self.zone)
                    )
                )
            )
        )
        return "".join(parts)

    def suggested(self, c: Cell) -> str:
        parts = [_h(_tr("Yang ditunjukkan data"))]
        if c.derived is None:
            parts.append(_p(escape(_tr("Data belum cukup untuk menilai aspek ini."))))
        else:
            parts.append(_p(_badge(c.derived)))
            if c.overridden:
                parts.append(_p(escape(_tr("Penilaian petugas berbeda dari data (ditandai *)."))))
        for reason in c.reasons:
            sentence = self.reason(reason, c)
            if sentence:
                parts.append(_p("\u2022 " + escape(sentence)))
        return "".join(parts)

    def reason(self, key: str, c: Cell) -> str:
        """One reason key as a sentence with its figures."""
        r, uid = self.r, c.unit_id
        if key.startswith("personel"):
            s = r.strength.get(uid)
            if s is None:
                return ""
            if key == "personel_ok":
                return _tr("Kebutuhan {need} personel, tersedia {have}: cukup").format(
                    need=self.n(s.police_required), have=self.n(s.police_available)
                )
            return _tr("Kebutuhan {need} personel, tersedia {have}: kurang {short}").format(
                need=self.n(s.police_required),
                have=self.n(s.police_available),
                short=self.n(s.deficit),
            )
        if key.startswith("sarpras"):
            lines = [ln for ln in r.sources.sarpras.get(uid, ()) if ln.required]
            short = [ln for ln in lines if ln.deficit > 0]
            w = worst_line(short)
            if key == "sarpras_ok" or w is None:
                return _tr("Semua {n} jenis sarpras memenuhi kebutuhan").format(n=len(lines))
            return _tr(
                "{n} jenis sarpras di bawah kebutuhan; terparah {name}: butuh {need}, "
                "laik pakai {have}, kurang {short}"
            ).format(
                n=len(short),
                name=w.name,
                need=self.n(w.required or 0),
                have=self.n(w.usable),
                short=self.n(w.deficit),
            )
        if key.startswith("anggaran"):
            b = r.sources.budget.get(uid)
            if b is None:
                return ""
            if key == "anggaran_ok":
                return _tr("Pagu {pagu} menutup kebutuhan {need}").format(
                    pagu=rupiah(b.pagu, self.locale), need=rupiah(b.need, self.locale)
                )
            share = b.pagu * 100 // b.need if b.need else 0
            return _tr("Pagu {pagu} dari kebutuhan {need}: {share} %").format(
                pagu=rupiah(b.pagu, self.locale), need=rupiah(b.need, self.locale), share=share
            )
        if key == "finding_overdue":
            return _tr("{n} tindak lanjut temuan lewat tenggat").format(n=c.overdue_findings)
        if key == "finding_open":
            return _tr("{n} temuan belum selesai ditindaklanjuti").format(n=c.open_findings)
        return key

    # -- what the sources hold ---------------------------------------------------------------

    def sources(self, unit_id: int, aspects: list[AspectRef]) -> list[str]:
        kinds = {a.evidence for a in aspects}
        parts: list[str] = []
        if "personel" in kinds:
            parts.append(self.personnel(unit_id))
        if "sarpras" in kinds:
            parts.append(self.sarpras(unit_id))
        if "anggaran" in kinds:
            parts.append(self.budget(unit_id))
        parts.append(self.findings(unit_id, {a.id for a in aspects}, len(aspects) > 1))
        parts.append(self.visit(unit_id))
        return parts

    def personnel(self, unit_id: int) -> str:
        s = self.r.strength.get(unit_id)
        head = _h(_tr("Personel"))
        if s is None or s.police_required == 0:
            return head + _none()
        text = _tr(
            "Kebutuhan {need} (TPS {tps}); personel sendiri {own}, BKO masuk {bko_in}, "
            "BKO keluar {bko_out}: tersedia {have}"
        ).format(
            need=self.n(s.police_required),
            tps=self.n(s.tps_total),
            own=self.n(s.police_assigned),
            bko_in=self.n(s.bko_in),
            bko_out=self.n(s.bko_out),
            have=self.n(s.police_available),
        )
        return head + _p(escape(text))

    def sarpras(self, unit_id: int) -> str:
        head = _h(_tr("Sarana prasarana"))
        lines: tuple[Any, ...] = tuple(self.r.sources.sarpras.get(unit_id, ()))
        if not lines:
            return head + _none()
        short = [ln for ln in lines if ln.required and ln.deficit > 0]
        if not short:
            return head + _p(
                escape(_tr("Tidak ada kekurangan ({n} jenis tercatat).").format(n=len(lines)))
            )
        rows = [
            "<tr>"
            + "".join(
                f"<th align='{a}'>{escape(t)}</th>"
                for t, a in (
                    (_tr("Jenis"), "left"),
                    (_tr("Butuh"), "right"),
                    (_tr("Baik"), "right"),
                    (_tr("RR"), "right"),
                    (_tr("RB"), "right"),
                    (_tr("Kurang"), "right"),
                )
            )
            + "</tr>"
        ]
        for ln in sorted(short, key=lambda ln: -ln.deficit / ln.required):
            figures = (ln.required, ln.baik, ln.rusak_ringan, ln.rusak_berat)
            cells = "".join(f"<td align='right'>{self.n(v)}</td>" for v in figures)
            rows.append(
                f"<tr><td>{escape(ln.name)}</td>{cells}"
                f"<td align='right'>{_alert(self.n(ln.deficit))}</td></tr>"
            )
        note = _tr("RR: rusak ringan, RB: rusak berat; yang laik pakai dihitung tersedia.")
        return (
            head
            + "<table cellspacing='0' cellpadding='3'>"
            + "".join(rows)
            + "</table>"
            + _p(f"<small>{escape(note)}</small>")
        )

    def budget(self, unit_id: int) -> str:
        head = _h(_tr("Anggaran"))
        b = self.r.sources.budget.get(unit_id)
        if b is None:
            return head + _none()
        loc = self.locale
        parts = [
            head,
            _p(escape(_tr("Kebutuhan: {v}").format(v=rupiah(b.need, loc)))),
            _p(escape(_tr("Pagu: {v}").format(v=rupiah(b.pagu, loc)))),
            _p(escape(_tr("Realisasi: {v}").format(v=rupiah(b.realised, loc)))),
        ]
        by_source = b.by_source
        if isinstance(by_source, Mapping):  # source -> rupiah (DIPA, hibah daerah, ...)
            for source, amount in by_source.items():
                shown = rupiah(amount, loc) if isinstance(amount, int) else str(amount)
                parts.append(_p("\u2022 " + escape(f"{source}: {shown}")))
        paid = money_percent(b.realised, b.need)
        if paid is not None:
            parts.append(_p(escape(_tr("Hak yang sudah dibayar: {p}%").format(p=paid))))
        return "".join(parts)

    def findings(self, unit_id: int, aspect_ids: set[int], all_aspects: bool) -> str:
        head = _h(_tr("Temuan terbuka") if not all_aspects else _tr("Temuan terbuka (semua aspek)"))
        mine: Iterable[Any] = self.r.sources.findings.get(unit_id, ())
        today = self.r.today
        open_ = [f for f in mine if f.aspect_id in aspect_ids and f.status != "selesai"]
        if not open_:
            if not self.r.sources.findings:
                return head + _none()
            return head + _p(escape(_tr("Tidak ada temuan terbuka.")))
        open_.sort(key=lambda f: (not f.overdue(today), f.due_on or today))
        statuses = status_names()
        parts = [head]
        for f in open_:
            due = f.due_on.strftime("%d-%m-%Y") if f.due_on else _tr("tanpa tenggat")
            line = escape(f.finding)
            if all_aspects:
                line = f"<b>{escape(f.aspect_name)}</b>: {line}"
            detail = _tr("Saran: {advice} · PJ: {who} · tenggat {due} · {status}").format(
                advice=f.advice or "\u2014",
                who=f.person_in_charge or "\u2014",
                due=due,
                status=statuses.get(f.status, f.status),
            )
            flag = " " + _alert(_tr("LEWAT TENGGAT")) if f.overdue(today) else ""
            parts.append(_p(f"\u2022 {line}{flag}<br/>&nbsp;&nbsp;<small>{escape(detail)}</small>"))
        return "".join(parts)

    def visit(self, unit_id: int) -> str:
        head = _h(_tr("Kunjungan terakhir"))
        v = self.r.sources.latest_visit.get(unit_id)
        if v is None:
            return head + _none()
        kinds = kind_names()
        text = _tr("{date}, {kind} dipimpin {lead}").format(
            date=v.visited_on.strftime("%d-%m-%Y"),
            kind=kinds.get(v.kind, v.kind),
            lead=v.led_by or "\u2014",
        )
        parts = [head, _p(escape(text))]
        if v.team:
            parts.append(_p(escape(_tr("Tim: {team}").format(team=v.team))))
        if v.checked:
            parts.append(_p(escape(_tr("Yang diperiksa: {what}").format(what=v.checked))))
        parts.append(_p(escape(_tr("{n} temuan").format(n=len(v.findings)))))
        return "".join(parts)


class EvidencePane(QTextBrowser):
    """Shows the evidence of the selected cell (``show_cell``); empty until one is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessEvidence")
        self.setOpenLinks(False)
        self.setFont(theme.scaled_font(self, 1.0))
        self._shown: tuple[Readiness, str, int | None, int | None] | None = None
        self.show_hint()
        theme.mode.changed.connect(self._theme_changed)  # the badges follow the theme

    def show_hint(self) -> None:
        self._shown = None
        self.setHtml(_p(escape(_tr("Pilih satu sel matriks untuk melihat dasar penilaiannya."))))

    def show_cell(
        self, r: Readiness, zone: str, unit_id: int | None, aspect_id: int | None
    ) -> None:
        """The evidence of one cell (``unit_id`` None: the roll-up row; ``aspect_id`` None:
        the overall column)."""
        same = self._shown is not None and self._shown[2:] == (unit_id, aspect_id)
        self._shown = (r, zone, unit_id, aspect_id)
        bar = self.verticalScrollBar()
        keep = bar.value() if same else 0  # a live update of the same cell keeps the place
        self.setHtml(Evidence(r, zone, self.locale()).html(unit_id, aspect_id))
        bar.setValue(keep)

    def retarget(self, r: Readiness) -> None:
        """A newer matrix whose evidence for the shown cell is the same: keep it for the
        next repaint (the theme) without drawing now."""
        if self._shown is not None:
            self._shown = (r, *self._shown[1:])

    def _theme_changed(self, _night: bool) -> None:
        if self._shown is not None:
            self.show_cell(*self._shown)
