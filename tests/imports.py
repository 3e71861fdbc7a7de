"""What importing some modules loads, seen in a fresh interpreter (the start-up tests)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence


def loaded_by(imports: str, watched: Sequence[str]) -> list[str]:
    """Which of ``watched`` a fresh ``python -c "import <imports>"`` has loaded, sorted."""
    code = (
        f"import sys, {imports}; "
        f"print('\\n'.join(sorted(m for m in {tuple(watched)!r} if m in sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.split()
