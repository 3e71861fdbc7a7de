"""Running a check as a user whom file permissions bind, even when the tests run as root.

Root ignores file modes through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, and CI runs as
root. A test about an unreadable or read-only file runs its subject in a subprocess started
through ``without_file_override()``: util-linux's ``setpriv`` drops both capabilities from
the bounding set, so the process keeps its user (and its access to the test's own
folders) but a file whose mode denies access is denied. Never a skip: setpriv is part of
util-linux, which every Debian and Ubuntu machine has.
"""

from __future__ import annotations

import os
import shutil


def without_file_override() -> list[str]:
    """The command prefix that makes file permissions bind (empty when they already do)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise RuntimeError(
            "running as root without util-linux's setpriv: install util-linux so that the "
            "file-permission tests can drop CAP_DAC_OVERRIDE"
        )
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]
