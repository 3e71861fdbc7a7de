"""``opscenter account add | list``: the accounts of a database. The first account
becomes its first admin (``accounts.bootstrap_admin``); after that an admin says who they
are (--as) and gives their password."""

from __future__ import annotations

import argparse
import getpass
import sys

from opscenter.cli.context import EXIT_OK, Refusal, command_context, say, t
from opscenter.cli.parser import add_subcommands, command


def _arguments(p: argparse.ArgumentParser) -> None:
    add = add_subcommands(p, "account_command")
    q = add("add", "add an account (the first one must be an admin)")
    q.add_argument("username")
    q.add_argument("--role", required=True, choices=("operator", "staff", "commander", "admin"))
    q.add_argument("--name", metavar="NAME", help="full name (default: the user name)")
    q.add_argument(
        "--as",
        dest="as_admin",
        metavar="ADMIN",
        help="the admin adding it (required once any account has a password)",
    )
    q.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (with --as: the admin's password on "
        "the first line, the new one on the second)",
    )
    add("list", "list the accounts (never their passwords)")


@command("account", "user accounts: add one, or list them", _arguments)
def cmd_account(args: argparse.Namespace) -> int:
    from opscenter import accounts

    with command_context(args, must_exist=False) as ctx:
        if args.account_command == "list":
            with ctx.store.read() as s:
                rows = accounts.rows(s)
            if not rows:
                say(ctx.t("Belum ada akun.", "No accounts yet."))
            for r in rows:
                state = (
                    ctx.t("aktif", "active") if r.active else ctx.t("nonaktif", "inactive")
                ) + ("" if r.has_password else ", -")
                say(f"{r.username:<24} {r.role:<10} {state:<12} {r.full_name}")
            return EXIT_OK
        first = accounts.needs_bootstrap(ctx.store)
        if not first and not args.as_admin:
            raise Refusal(
                "Basis data ini sudah memiliki akun berkata sandi: sebutkan admin yang "
                "menambahkan dengan --as NAMA_ADMIN.",
                "This database already has accounts with passwords: name the admin "
                "adding this one with --as ADMIN_NAME.",
            )
        admin_password, password = _passwords(args, first)
        name = args.name or args.username
        if first and args.role == "admin":
            accounts.bootstrap_admin(ctx.store, args.username, password, name)
        elif first:  # once it has a password, someone must be able to manage accounts
            raise accounts.FirstMustBeAdmin(username=args.username)
        else:
            actor = accounts.authenticate(ctx.store, args.as_admin, admin_password)
            accounts.create_account(ctx.store, actor, args.username, name, args.role, password)
    say(
        ctx.t(
            f"Akun {args.username} ({args.role}) dibuat di {ctx.store.describe()}.",
            f"Account {args.username} ({args.role}) created in {ctx.store.describe()}.",
        )
    )
    return EXIT_OK


def _passwords(args: argparse.Namespace, first: bool) -> tuple[str, str]:
    """The admin's password (none for the ``first`` account) and the new account's: from
    standard input (--password-stdin), else asked on the terminal, the new one twice."""
    admin_password = ""
    if args.password_stdin:
        lines = sys.stdin.read().splitlines()
        if not first:
            admin_password, lines = (lines[0] if lines else ""), lines[1:]
        return admin_password, (lines[0] if lines else "")
    if not sys.stdin.isatty():  # getpass would read an empty line and stop at its end
        raise Refusal(
            "Kata sandi tidak dapat ditanyakan tanpa terminal; berikan --password-stdin dan "
            "tulis kata sandinya ke masukan standar. Tidak ada yang disimpan.",
            "The password cannot be asked for without a terminal; give --password-stdin and "
            "write the password to standard input. Nothing was saved.",
        )
    if not first:
        admin_password = getpass.getpass(
            t(args, f"Kata sandi {args.as_admin}: ", f"Password of {args.as_admin}: ")
        )
    password = getpass.getpass(
        t(args, f"Kata sandi baru untuk {args.username}: ", "New password: ")
    )
    if password != getpass.getpass(t(args, "Ulangi kata sandi: ", "Repeat it: ")):
        raise Refusal(
            "Kedua kata sandi tidak sama; tidak ada yang disimpan.",
            "The two passwords differ; nothing was saved.",
        )
    return admin_password, password
