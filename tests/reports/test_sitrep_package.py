"""The printed report's code keeps one job a module (issue 13): every module of reports/
says its job in a docstring and stays within 500 lines. (That the package still offers what
its callers import, ``render``, ``write_pdf`` and ``wrap``, the tests beside this one prove by
importing them.)"""

from __future__ import annotations

import ast
from pathlib import Path

import reports

ROOT = Path(reports.__file__).parent


def test_every_report_module_says_its_job_and_stays_small() -> None:
    for path in sorted(ROOT.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT)
        assert ast.get_docstring(ast.parse(source)), f"{name}: no docstring"
        assert source.count("\n") <= 500, f"{name}: {source.count(chr(10))} lines"
