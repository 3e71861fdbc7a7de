"""``opscenter strength`` and ``opscenter plan``: required strength against what each
Polres has, and the reinforcement plan of a stage, printed as tables (and, for a plan,
written to a workbook)."""

from __future__ import annotations

import argparse
from pathlib import Path

from opscenter import messages
from opscenter.cli.context import EXIT_OK, Context, command_context, say
from opscenter.cli.parser import add_operation, command


def _title_and_head(ctx: Context, operation: str, stage: str) -> tuple[str, ...]:
    """Say which operation and stage the table is of; return its first five headings."""
    say(f"{operation} \u2014 {ctx.t('tahapan', 'stage')}: {stage}")
    return (
        ctx.t("Satuan", "Unit"),
        "TPS",
        ctx.t("Kebutuhan", "Required"),
        ctx.t("Kekuatan", "Strength"),
        ctx.t("Selisih", "Balance"),
    )


def _strength_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stage", metavar="CODE", help="stage code (default: the current stage)")
    add_operation(p)


@command("strength", "required police and Linmas against strength, per Polres", _strength_arguments)
def cmd_strength(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from opscenter import operations
    from opscenter.model import Stage, Unit
    from opscenter.strength_inputs import required_strength

    with command_context(args) as ctx, ctx.store.read() as s:
        op = ctx.operation(s)
        stages = operations.stages(s, op.id)
        stage: Stage | None
        if args.stage:
            stage = operations.stage_by_code(s, op.id, args.stage)
        else:
            stage = operations.current_stage(stages, operations.local_today(op)) or next(
                (x for x in stages if x.is_voting), None
            )
        report = required_strength(s, op.id, stage)
        polres = s.execute(
            select(Unit.id, Unit.name)
            .where(Unit.operation_id == op.id, Unit.kind.in_(("polres", "polresta")))
            .order_by(Unit.name)
        ).all()
        stage_name = stage.name if stage else "-"
    head = _title_and_head(ctx, op.name, stage_name)
    say(f"{head[0]:<34}{head[1]:>7}{head[2]:>11}{head[3]:>10}{head[4]:>9}")
    for uid, name in polres:
        st = report.by_unit[uid]
        say(
            f"{name:<34}{st.tps_total:>7}{st.police_required:>11}{st.police_available:>10}{st.balance:>+9}"
        )
    tot = report.total
    say(
        f"{ctx.t('Jumlah (kab/kota)', 'Total (regions)'):<34}{tot.tps_total:>7}"
        f"{tot.police_required:>11}{'':>10}{'':>9}   Linmas {tot.linmas_required}"
    )
    return EXIT_OK


def _plan_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stage", required=True, metavar="CODE", help="stage code, e.g. pemungutan")
    add_operation(p)
    p.add_argument("--out", type=Path, metavar="FILE.xlsx", help="also write them to a workbook")


@command("plan", "requirements, deficits and reinforcement proposals for a stage", _plan_arguments)
def cmd_plan(args: argparse.Namespace) -> int:
    from opscenter import operations, planning

    with command_context(args) as ctx, ctx.store.read() as s:
        op = ctx.operation(s)
        stage = operations.stage_by_code(s, op.id, args.stage)
        result = planning.plan_for(s, op.id, stage.id)
        op_name = op.name
    if args.out is not None:
        planning.write_plan(result, args.out, op_name)
    lang = messages.language(args.lang)
    head = (
        *_title_and_head(ctx, op_name, result.stage.name),
        # Named officers still missing on the Polres's guard posts after the plotting.
        ctx.t("Kurang di pos", "Posts short"),
        ctx.t("Dpt dipinjam", "Lendable"),
        ctx.t("Kerawanan", "Vulnerability"),
    )
    say(
        f"{head[0]:<34}{head[1]:>6}{head[2]:>11}{head[3]:>10}{head[4]:>9}{head[5]:>14}"
        f"{head[6]:>13}  {head[7]}"
    )
    for u in result.units:
        short = "-" if u.plotting is None else str(u.plot_short)
        say(
            f"{u.name:<34}{u.tps:>6}{u.police_required:>11}{u.police_available:>10}"
            f"{u.balance:>+9}{short:>14}{u.lendable:>13}  {u.vulnerability_name or '-'}"
        )
    deficits = result.deficits
    say("")
    if not result.plotted:
        say(
            ctx.t(
                "Tahapan ini belum diplot: kebutuhan dihitung dari kekuatan saja.",
                "This stage has no plotting yet: the need is the strength deficit alone.",
            )
        )
    if not deficits:
        say(ctx.t("Tidak ada Polres yang kekurangan personel.", "No Polres is short."))
    for u in deficits:
        line = ctx.t(f"Kekurangan: {u.name} {u.need}", f"Deficit: {u.name} {u.need}")
        if u.need_from_plotting and u.plotting is not None:
            lack, free, count = u.plotting.short, u.plotting.free, u.deficit
            line += ctx.t(
                f" (plotting: {lack} kurang di pos, {free} personel belum diplot;"
                f" menurut jumlah kurang {count})",
                f" (plotting: {lack} short on the posts, {free} people not yet plotted;"
                f" by count short {count})",
            )
        say(line)
    for p in result.proposals:
        say(f"  \u2192 {p.sentence(lang)}")
    for uid, n in result.unmet.items():
        name = result.unit(uid).name
        say(ctx.t(f"Belum tertutup: {name} {n}", f"Not covered: {name} {n}"))
    if args.out is not None:
        say(ctx.t(f"Buku kerja ditulis ke {args.out}.", f"Workbook written to {args.out}."))
    return EXIT_OK
