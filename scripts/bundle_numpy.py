"""numpy built from its source release without OpenBLAS, for build.spec (issue 8): see
``numpy_without_blas``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from bundle_elf import read_elf

# meson options of numpy's source build (numpy's meson.options):
NUMPY_SETUP_ARGS = (
    # No BLAS/LAPACK library: numpy's own lapack_lite serves numpy.linalg.
    "-Dblas=none",
    "-Dlapack=none",
    "-Dallow-noblas=true",
    # No extra code paths for newer CPUs (AVX2, AVX-512 ...) chosen at run time: the
    # baseline (SSE up to SSE3 on x86-64) only. The arrays pyqtgraph draws are a few
    # thousand points; the extra paths are 5 MB of machine code.
    "-Dcpu-dispatch=none",
)


def numpy_without_blas(version: str, cache: Path) -> Path | None:
    """A folder holding numpy ``version`` built from its source release with
    ``NUMPY_SETUP_ARGS``, made once per machine in ``cache``; None, with a message, if it
    cannot be built (no compiler, no package index).

    The registry wheels link numpy's core to OpenBLAS (libscipy_openblas64_, 25 MB, plus
    libgfortran and libquadmath, 3 MB), which the loader maps as soon as numpy is
    imported, so it cannot be left out of the bundle. pyqtgraph needs numpy for arrays and
    drawing, not for fast linear algebra. The build takes 5 to 8 minutes on two cores and
    needs a C/C++ compiler and the Python headers (present on the project's machines)
    and the package index (numpy's source release; meson-python, meson, Cython, ninja).
    """
    import hashlib
    import sys

    key = hashlib.sha256(" ".join(NUMPY_SETUP_ARGS).encode()).hexdigest()[:8]
    tag = f"cp{sys.version_info.major}{sys.version_info.minor}-{os.uname().machine}"
    target = cache / f"numpy-{version}-{tag}-{key}"
    stamp = target / ".complete"
    if stamp.exists():
        return target
    print(
        f"bundle_slim: building numpy {version} without BLAS into {target} "
        "(once per machine; 5 to 8 minutes)"
    )
    wheels = target.with_name(target.name + ".wheel")
    shutil.rmtree(wheels, ignore_errors=True)
    shutil.rmtree(target, ignore_errors=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    steps = [
        # --no-cache-dir: pip's wheel cache does not tell builds with other options apart.
        [*pip, "wheel", f"numpy=={version}", "--no-binary", "numpy", "--no-deps",
         "--no-cache-dir", "--wheel-dir", str(wheels),
         *(f"-Csetup-args={arg}" for arg in NUMPY_SETUP_ARGS)],
        [*pip, "install", "--no-deps", "--no-index", "--find-links", str(wheels),
         "--target", str(target), f"numpy=={version}"],
    ]  # fmt: skip
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(
                f"bundle_slim: WARNING: numpy without BLAS could not be built; the bundle "
                f"keeps the wheel's numpy with OpenBLAS (33 MB more).\n{' '.join(step)}\n"
                f"{done.stdout[-2000:]}{done.stderr[-3000:]}"
            )
            return None
    core = [read_elf(p) for p in (target / "numpy" / "_core").glob("_multiarray_umath*")]
    if (
        list(target.glob("numpy*.libs"))
        or len(core) != 1
        or core[0] is None
        or any("blas" in name or "lapack" in name for name in core[0].needed())
    ):
        print(f"bundle_slim: WARNING: {target} is not a BLAS-free numpy; not used")
        return None
    shutil.rmtree(wheels, ignore_errors=True)
    stamp.write_text(version)
    return target
