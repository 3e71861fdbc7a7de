"""The body of the report, section by section: each function turns the core's ``Sitrep``
snapshot into the flowables of one section (letterhead, I to IX, signature)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from opscenter.shares import money_percent, percent
from opscenter.sitrep import Count, Letterhead, Signatory, Sitrep
from reports.sitrep.charts import day_chart, region_chart
from reports.sitrep.labels import Text, where, who
from reports.sitrep.layout import BODY_W, Styles, para
from reports.sitrep.map import operation_map
from reports.sitrep.tables import (
    alert_marks,
    grid_table,
    kept_with_table,
    layout_table,
    rank_marks,
    wrap,
)

Section = Callable[[Sitrep, Text, Styles], list[Flowable]]
# A numbered section's body: its flowables, opening with ``lead`` (the section's heading)
# kept with what follows it on one page: its first table's header and first row, or its
# first paragraph.
Body = Callable[[Sitrep, Text, Styles, Sequence[Flowable]], list[Flowable]]

LEVEL_COLOURS = {"green": "#2e7d32", "amber": "#f9a825", "red": "#c62828"}
# Body actions shown at most; the rest are counted.
ACTIONS_LIMIT = 60
# A vulnerability table of fewer rows stays on one page with its heading.
KEEP_ROWS = 30


def letterhead(s: Sitrep, text: Text, st: Styles) -> list[Flowable]:
    stage = s.stage.name if s.stage else "\u2014"
    days = text.days_to_voting(s.days_to_voting)
    meta = [
        (text("number"), s.number),
        (text("operation"), s.operation_name),
        (text("period"), f"{text.when(s.period_from)} \u2013 {text.when(s.period_to)}"),
        (text("as_of"), text.when(s.period_to)),
        (text("stage"), f"{stage}  \u00b7  {days}" if days else stage),
    ]
    return letterhead_of(s, title(s, text), meta, text, st)


def title(s: Sitrep, text: Text) -> str:
    """The report's title: "LAPORAN SITUASI HARIAN" for the daily period, "LAPORAN SITUASI"
    for any other (the 24 hours up to now on voting evening was titled a daily report)."""
    return text("title" if s.daily else "title_period")


def letterhead_of(
    issuer: Letterhead,
    title: str,
    meta: Sequence[tuple[str, str]],
    text: Text,
    st: Styles,
) -> list[Flowable]:
    """The letterhead every report opens with: KEPOLISIAN NEGARA REPUBLIK INDONESIA, the
    issuer's command and unit (kop surat), the title, then ``meta`` as "label : value" lines."""
    kop = ParagraphStyle("kop", parent=st["head"], alignment=TA_CENTER)
    lines = (text("polri"), issuer.command_name, issuer.unit_name)
    head = layout_table(
        [[para(line, kop)] for line in lines],
        [9.5 * cm],
        [
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
        align="LEFT",
    )
    return [
        head,
        Spacer(1, 0.5 * cm),
        para(title, st["h1"]),
        Spacer(1, 0.3 * cm),
        meta_table(meta, st),
    ]


def meta_table(meta: Sequence[tuple[str, str]], st: Styles) -> Flowable:
    """``meta`` as "label : value" lines across the body, a long value wrapping under itself."""
    return layout_table(
        [[para(a, st["body"]), para(f": {b}", st["body"])] for a, b in meta],
        [3.2 * cm, BODY_W - 3.2 * cm],
        [
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
        align="LEFT",
    )


def assessment(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    level = s.assessment.level
    colour = colors.HexColor(LEVEL_COLOURS[level])
    # Black on amber, where white would not read; white on green and red.
    ink = colors.black if level == "amber" else colors.white
    badge = layout_table(
        [[para(text(level), ParagraphStyle("badge", parent=st["head"], textColor=ink))]],
        [BODY_W],
        [("BACKGROUND", (0, 0), (-1, -1), colour), ("BOX", (0, 0), (-1, -1), 0.5, colour)],
    )
    reasons = "; ".join(text.reason(r) for r in s.assessment.reasons)
    summary = text.pick(
        (
            "Situasi kamtibmas dalam periode ini dinilai {level}: {reasons}.",
            "The security situation in the period is assessed {level}: {reasons}.",
        ),
        level=text(level).split(" \u2014")[0].lower(),
        reasons=reasons,
    )
    return [KeepTogether([*lead, badge, Spacer(1, 4), para(summary, st["body"])])]


def aspects(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    rows = [text.headings("aspect", "regions_by_level", "high_regions", "incidents", "main_types")]
    for a in s.aspects:
        levels = ", ".join(f"{c.name} {c.n}" for c in a.levels)
        rows.append(
            [
                para(a.name, st["cellb"]),
                para(levels, st["cell"]),
                para(", ".join(a.high_regions) or "\u2014", st["cell"]),
                text.number(a.incidents),
                para(", ".join(f"{c.name} ({c.n})" for c in a.top_types) or "\u2014", st["cell"]),
            ]
        )
    widths = [2.8 * cm, 3.5 * cm, 4.4 * cm, 1.6 * cm]
    align = [("ALIGN", (3, 1), (3, -1), "RIGHT")]
    table = grid_table(rows, [*widths, BODY_W - sum(widths)], extra=align)
    note = text.pick(
        (
            "Tingkat kerawanan menurut penilaian Polri untuk tahapan {stage}; kejadian "
            "dikelompokkan menurut aspek yang paling terdampak oleh jenisnya.",
            "Vulnerability levels as rated by Polri for the stage {stage}; incidents are "
            "grouped by the aspect their type bears on most.",
        ),
        stage=s.stage.name if s.stage else "\u2014",
    )
    return [*kept_with_table(lead, table), para(note, st["italic"])]


def _count_table(title: str, counts: Sequence[Count], total: int, text: Text) -> Flowable:
    rows: list[list[Any]] = [[title, text("count"), text("share")]]
    for c in counts:
        pct = f"{percent(c.n, total):.0f}"
        rows.append([wrap(c.name, 5.0 * cm - 6), text.number(c.n), pct])
    rows.append([text("total"), text.number(sum(c.n for c in counts)), "100" if total else "0"])
    return grid_table(rows, [5.0 * cm, 1.5 * cm, 1.1 * cm], numeric_from=1, total_row=True)


def statistics(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    total = s.incidents_total
    line = text("stats_line", total=total, open=s.incidents_open, dead=s.dead, injured=s.injured)
    out: list[Flowable] = [*lead, para(line, st["body"]), Spacer(1, 4)]
    half = BODY_W / 2
    pairs = [
        (("type", s.by_type), ("severity", s.by_severity)),
        (("region", s.by_region), ("status", s.by_status)),
    ]
    for n, pair in enumerate(pairs):
        side_by_side = [_count_table(text(key), counts, total, text) for key, counts in pair]
        tables = layout_table(
            [side_by_side],
            [half, half],
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
            align="LEFT",
        )
        # The heading and its line stay with the first two tables (one row: both whole).
        out = kept_with_table(out, tables) if n == 0 else [*out, tables]
        out.append(Spacer(1, 6))
    if "charts" in s.sections:
        out += [KeepTogether([region_chart(s, text, BODY_W)]), Spacer(1, 6)]
        out += [KeepTogether([day_chart(s, text, BODY_W)])]
    return out


def significant(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    for n, i in enumerate(s.significant, 1):
        head = (
            f"{n}. {i.number} \u00b7 {text.short(i.occurred_at)} {s.tz_label} \u00b7 {i.type} "
            f"\u00b7 {i.severity} \u00b7 {i.status}"
        )
        body = f"{i.title}. {where(i.location, i.region)}."
        if i.description:
            body += f" {i.description}"
        if i.dead or i.injured:
            body += text.pick(
                (" Korban: {d} meninggal dunia, {j} luka.", " Casualties: {d} dead, {j} injured."),
                d=i.dead,
                j=i.injured,
            )
        block: list[Flowable] = [para(head, st["h3"]), para(body, st["body"])]
        for f in i.follow_ups:
            status = f" [{f.status}]" if f.status else ""
            line = f"\u2013 {text.short(f.at)}{status} {f.text} ({who(f.unit, f.actor)})"
            block.append(para(line, st["small"]))
        out.append(KeepTogether([*(lead if n == 1 else ()), *block[:3]]))
        out += block[3:]
    if s.significant_total > len(s.significant):
        shown = text("shown_of", shown=len(s.significant), total=s.significant_total)
        out.append(para(shown, st["italic"]))
    return out


def strength(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    stage = s.strength_stage.name if s.strength_stage else "\u2014"
    note = [*lead, para(text("strength_for", stage=stage), st["body"]), Spacer(1, 4)]
    rows = [
        text.headings(
            "unit", "tps", "required", "assigned", "bko_in", "bko_out", "available", "deficit"
        )
    ]
    marks: list[tuple[Any, ...]] = []
    for n, u in enumerate([*s.strength, s.strength_total], 1):
        rows.append(
            [
                wrap(u.name, 4.6 * cm - 6),
                text.number(u.tps),
                text.number(u.required),
                text.number(u.assigned),
                text.number(u.bko_in),
                text.number(u.bko_out),
                text.number(u.available),
                text.number(u.deficit) if u.deficit else "\u2013",
            ]
        )
        if u.deficit and n <= len(s.strength):
            marks += alert_marks(7, n)
    w = (BODY_W - 4.6 * cm - 1.5 * cm) / 6  # "Kekurangan" must fit its column
    widths = [4.6 * cm, 1.5 * cm] + [w] * 6
    table = grid_table(rows, widths, numeric_from=1, total_row=True, extra=marks)
    out = [*kept_with_table(note, table)]
    # Annex A's Polda row counts the reserve too (2.829 there against 2.500 here in the walk's
    # demo, read as two answers to one sum): the difference is named under the total.
    whole = sum(u.available for u in s.units if u.kind == "polda")
    reserve = whole - s.strength_total.available
    if reserve > 0:
        line = text("polda_reserve", n=text.number(reserve), whole=text.number(whole))
        out += [Spacer(1, 3), para(line, st["small"])]
    out.append(Spacer(1, 8))
    rows = [text.headings("category", "pattern", "tps", "guarded", "police_req", "linmas_req")]
    for c in [*s.tps_coverage, s.tps_total]:
        rows.append(
            [
                c.name,
                c.pattern,
                text.number(c.tps),
                text.number(c.guarded),
                text.number(c.police_required),
                text.number(c.linmas_required),
            ]
        )
    w = (BODY_W - 4.0 * cm) / 5
    out.append(grid_table(rows, [4.0 * cm] + [w] * 5, numeric_from=2, total_row=True))
    return out


def vulnerability(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    for v in s.vulnerability:
        rows: list[list[Any]] = [[text("region"), *v.aspects]]
        marks: list[tuple[Any, ...]] = []
        for i, r in enumerate(v.rows, 1):
            rows.append([r.region, *(x or "\u2013" for x in r.levels)])
            marks += [rank_marks(j, i, rank) for j, rank in enumerate(r.ranks, 1)]
        w = (BODY_W - 5.5 * cm) / max(1, len(v.aspects))
        heading = [*lead, para(text("vuln_of", stage=v.stage.name), st["h3"])]
        table = grid_table(rows, [5.5 * cm] + [w] * len(v.aspects), extra=marks)
        if len(v.rows) < KEEP_ROWS:
            out.append(KeepTogether([*heading, table]))
        else:
            out += kept_with_table(heading, table)
        lead = ()
    if s.map is not None:
        out.append(KeepTogether([*lead, *operation_map(s.map, text, st)]))
    return out


def actions(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    shown = s.actions[-ACTIONS_LIMIT:]
    widths = [2.0 * cm, 4.4 * cm, BODY_W - 2.0 * cm - 4.4 * cm - 3.6 * cm, 3.6 * cm]
    rows = [text.headings("time", "incident", "action", "by")]
    for a in shown:
        status = f" [{a.status}]" if a.status else ""
        rows.append(
            [
                text.short(a.at).replace(" ", "\n"),
                wrap(f"{a.incident} {a.incident_title}", widths[1] - 6),
                wrap(f"{a.text}{status}", widths[2] - 6),
                wrap(who(a.unit, a.actor), widths[3] - 6),
            ]
        )
    out = kept_with_table(lead, grid_table(rows, widths, long=True))
    if len(s.actions) > len(shown):
        counted = text("actions_shown", shown=len(shown), total=len(s.actions))
        out.append(para(counted, st["italic"]))
    return out


def outlook(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    for o in s.outlook:
        dates = ""
        if o.stage.starts_on:
            end = o.stage.ends_on or o.stage.starts_on
            dates = text.date(o.stage.starts_on)
            if end != o.stage.starts_on:
                dates += f" \u2013 {text.date(end)}"
        line = f"<b>{escape(o.stage.name)}</b> ({escape(dates)}): " + escape(
            text.pick(
                ("diperkirakan ancaman {t}.", "expected threats: {t}."),
                t=text.names([t[:1].lower() + t[1:] for t in o.threats]) or "\u2014",
            )
        )
        if o.high_regions:
            line += " " + escape(
                text.pick(
                    ("Perhatian khusus: {r}.", "Special attention: {r}."),
                    r=text.names(list(o.high_regions)),
                )
            )
        out.append(Paragraph(line, st["body"]))
    return [KeepTogether([*lead, out[0]]), *out[1:]]


def recommendations(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    out = [
        para(f"{n}. {text.recommendation(r)}", st["body"])
        for n, r in enumerate(s.recommendations, 1)
    ]
    return [KeepTogether([*lead, *out[:1]]), *out[1:]]


def signature(s: Sitrep, text: Text, st: Styles) -> list[Flowable]:
    return signature_of(s.place, s.report_date, s.signatory, text("closing"), text, st)


def signature_of(
    place: str, day: date, sig: Signatory, closing: str, text: Text, st: Styles
) -> list[Flowable]:
    """The closing sentence, then place and date, "a.n." when signed on behalf, the title,
    room to sign, the name underlined, rank and NRP: kept together at the right."""
    center = st["center"]
    lines: list[Flowable] = [
        para(f"{place}, {text.date(day)}", center),
        Spacer(1, 4),
    ]
    if sig.on_behalf_of:
        lines.append(para(f"{text('on_behalf')} {sig.on_behalf_of}", center))
    lines += [para(sig.title, center), Spacer(1, 1.6 * cm)]
    name = sig.name.upper() or "\u2026" * 12
    lines.append(Paragraph(f"<u><b>{escape(name)}</b></u>", center))
    rank_nrp = " ".join(x for x in (sig.rank.upper(), f"NRP {sig.nrp}" if sig.nrp else "") if x)
    lines.append(para(rank_nrp or " ", center))
    block = layout_table(
        [["", lines]], [BODY_W - 8.5 * cm, 8.5 * cm], [("VALIGN", (0, 0), (-1, -1), "TOP")]
    )
    return [Spacer(1, 8), KeepTogether([para(closing, st["body"]), Spacer(1, 10), block])]


def readiness(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    """Section X: the units and aspects not ready, cells per level, overdue follow-ups; the
    sarpras shortfalls and budget realisation when their sources hold figures."""
    r = s.readiness
    n = {c.key: c.n for c in r.levels}
    line = text(
        "readiness_line",
        units=r.units,
        stage=r.stage or "\u2014",
        cells=sum(n.values()),
        siap=n.get("siap", 0),
        catatan=n.get("catatan", 0),
        belum=n.get("belum", 0),
        none=n.get("", 0),
    )
    units = [para(f"\u2013 {x.unit}: {', '.join(x.aspects)}.", st["body"]) for x in r.not_ready]
    units = units or [para(text("none"), st["body"])]
    opening = [*lead, para(line, st["body"]), para(text("not_ready"), st["h3"]), units[0]]
    out: list[Flowable] = [KeepTogether(opening), *units[1:]]
    heading = para(text("overdue_follow_ups"), st["h3"])
    if r.overdue:
        rows: list[list[Any]] = [text.headings("unit", "aspect", "finding", "pic", "due")]
        for f in r.overdue:
            rows.append(
                [
                    para(f.unit, st["cell"]),
                    para(f.aspect, st["cell"]),
                    para(f.finding, st["cell"]),
                    para(f.person_in_charge or "\u2014", st["cell"]),
                    para(text.date(f.due_on) if f.due_on else "\u2014", st["cell"]),
                ]
            )
        widths = [3.4 * cm, 2.8 * cm, 0.0, 3.2 * cm, 2.6 * cm]
        widths[2] = BODY_W - sum(widths)
        out += kept_with_table([heading], grid_table(rows, widths))
    else:
        out.append(KeepTogether([heading, para(text("none"), st["body"])]))
    if r.sarpras:
        rows = [text.headings("unit", "sarpras_category", "required", "usable", "deficit")]
        marks: list[tuple[Any, ...]] = []
        for i, x in enumerate(r.sarpras, 1):
            figures = [text.number(v) for v in (x.required, x.usable, x.deficit)]
            rows.append([para(x.unit, st["cell"]), para(x.category, st["cell"]), *figures])
            marks += alert_marks(4, i)
        w = 2.3 * cm
        widths = [4.6 * cm, BODY_W - 4.6 * cm - 3 * w, w, w, w]
        table = grid_table(rows, widths, numeric_from=2, extra=marks)
        out += kept_with_table([para(text("sarpras_short"), st["h3"])], table)
    if r.budget:
        rows = [text.headings("unit", "need", "pagu", "realised", "realised_share")]
        for b in r.budget:
            paid = money_percent(b.realised, b.pagu)
            share = f"{paid}%" if paid is not None else "\u2013"
            money = [text.rupiah(v) for v in (b.need, b.pagu, b.realised)]
            rows.append([para(b.unit, st["cell"]), *money, share])
        w = 3.3 * cm
        widths = [BODY_W - 3 * w - 2.4 * cm, w, w, w, 2.4 * cm]
        table = grid_table(rows, widths, numeric_from=1)
        out += kept_with_table([para(text("budget_realised"), st["h3"])], table)
    return out


@dataclass(frozen=True)
class Numbered:
    """A numbered section: its heading, then its body, which keeps the heading on the page
    where it begins; a section that lists things (``lists``) and has none to list prints
    "Nihil." under its heading instead."""

    heading: str  # the label key, "s1" .. "s11"
    body: Body
    lists: Callable[[Sitrep], Sequence[object]] | None = None

    def __call__(self, s: Sitrep, text: Text, st: Styles) -> list[Flowable]:
        head = para(text(self.heading), st["h2"])
        if self.lists is not None and not self.lists(s):
            return [KeepTogether([head, para(text("none"), st["body"])])]
        return self.body(s, text, st, [head])


# Sections I to VIII in print order, each with the key that selects it
# (``opscenter.sitrep.SECTIONS``). IX and the signature close every report.
NUMBERED: tuple[tuple[str, Section], ...] = (
    ("assessment", Numbered("s1", assessment)),
    ("aspects", Numbered("s2", aspects, lambda s: s.aspects)),
    ("statistics", Numbered("s3", statistics)),
    ("significant", Numbered("s4", significant, lambda s: s.significant)),
    ("strength", Numbered("s5", strength)),
    (
        "vulnerability",
        Numbered("s6", vulnerability, lambda s: (*s.vulnerability, *filter(None, [s.map]))),
    ),
    ("actions", Numbered("s7", actions, lambda s: s.actions)),
    ("outlook", Numbered("s8", outlook, lambda s: s.outlook)),
)
RECOMMENDATIONS = Numbered("s9", recommendations)
# X: readiness, in every report (the section choice of the sitrep dialog predates it); "Nihil."
# while nothing is known of it.
READINESS = Numbered("s10", readiness, lambda s: [s.readiness] if s.readiness.known else [])
