#!/usr/bin/env bash
# Prepare this checkout to run OpsCenter (and, with --tests, its test suite):
#   - the system libraries Qt needs offscreen (Debian/Ubuntu only; with --tests also
#     PostgreSQL, poppler-utils and xvfb),
#   - a virtual environment .venv inside the checkout (Python >= 3.11),
#   - the project installed into it with `pip install -e ".[dev]"`, redone only when
#     pyproject.toml changed since the last install (sha256 stamp in .venv/.opscenter-installed).
# Idempotent and silent when there is nothing to do. Runs from any directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

VENV=.venv
STAMP="$VENV/.opscenter-installed"

want_tests=0
if [[ "${1:-}" == "--tests" ]]; then
    want_tests=1
fi

say() { printf 'bootstrap: %s\n' "$*"; }

# ---------------------------------------------------------------- Python >= 3.11

python_ok() {  # python_ok CMD: CMD runs and is Python >= 3.11
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

venv_ok() {
    [[ -x "$VENV/bin/python" ]] && python_ok "$VENV/bin/python"
}

PYTHON=""
if ! venv_ok; then
    for candidate in python3.11 python3.12 python3.13 python3; do
        if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
            PYTHON=$(command -v "$candidate")
            break
        fi
    done
    if [[ -z "$PYTHON" ]]; then
        echo "bootstrap: OpsCenter needs Python 3.11 or newer (python3.11, python3.12, python3.13 or python3 on PATH); please install it and run this script again." >&2
        exit 1
    fi
fi

# ---------------------------------------------------------------- system packages

# Qt's xcb platform (a desktop under X11) also needs libxcb-cursor0, -icccm4 and -keysyms1.
packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
          libglib2.0-0 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1)
if (( want_tests )); then
    # gcc/g++: the bundle test builds numpy without BLAS (scripts/bundle_numpy.py).
    packages+=(postgresql poppler-utils xvfb gcc g++)
    # ... and a Debian/Ubuntu Python needs its headers for that.
    if [[ -n "$PYTHON" ]] && ! "$PYTHON" -c 'import os, sysconfig, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' >/dev/null 2>&1; then
        packages+=("$("$PYTHON" -c 'import sys; print("python%d.%d-dev" % sys.version_info[:2])')")
    fi
fi
# A Debian/Ubuntu Python without ensurepip cannot create the venv: add its pythonX.Y-venv.
if [[ -n "$PYTHON" ]] && ! "$PYTHON" -c 'import ensurepip' >/dev/null 2>&1; then
    packages+=("$("$PYTHON" -c 'import sys; print("python%d.%d-venv" % sys.version_info[:2])')")
fi

deb_installed() {  # deb_installed PKG: PKG (or its 64-bit-time_t rename PKGt64) is installed
    local pkg status
    for pkg in "$1" "${1}t64"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        if [[ "$status" == *"ok installed" ]]; then
            return 0
        fi
    done
    return 1
}

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    missing=()
    for pkg in "${packages[@]}"; do
        deb_installed "$pkg" || missing+=("$pkg")
    done
    if (( ${#missing[@]} )); then
        sudo_cmd=()
        can_install=1
        if (( EUID != 0 )); then
            if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
                sudo_cmd=(sudo -n)
            else
                can_install=0
            fi
        fi
        if (( can_install )); then
            say "installing system packages: ${missing[*]}"
            if "${sudo_cmd[@]}" apt-get update -qq \
                && "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
                    apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null \
                    >/dev/null; then
                :
            else
                say "warning: could not install ${missing[*]}; install them with apt-get (tests that need PostgreSQL skip themselves without it)" >&2
            fi
        else
            say "missing system packages: ${missing[*]}" >&2
            say "install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
            say "continuing without them (tests that need PostgreSQL skip themselves)" >&2
        fi
    fi
fi

# ---------------------------------------------------------------- virtual environment

if ! venv_ok; then
    if [[ -e "$VENV" ]]; then
        say "recreating $VENV (its Python is missing or older than 3.11)"
        rm -rf "$VENV"
    else
        say "creating $VENV with $("$PYTHON" --version 2>&1)"
    fi
    "$PYTHON" -m venv "$VENV"
fi

# ---------------------------------------------------------------- project install

wanted=$("$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' pyproject.toml)
installed=$(cat "$STAMP" 2>/dev/null || true)
if [[ "$wanted" != "$installed" ]]; then
    if [[ -n "$installed" ]]; then
        say "pyproject.toml changed: reinstalling OpsCenter and its dependencies into $VENV"
    else
        say "installing OpsCenter and its dependencies into $VENV"
    fi
    rm -f "$STAMP"
    # pip's output (including setuptools' build warnings) goes to a log, shown only on failure.
    log="$VENV/.opscenter-pip.log"
    if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -e ".[dev]" \
            </dev/null >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        say "pip install -e \".[dev]\" failed; full output in $log" >&2
        exit 1
    fi
    printf '%s\n' "$wanted" >"$STAMP"
fi

# ---------------------------------------------------------------- interface translations

# The .qm files Qt loads are compiled from the .ts sources (only when out of date).
if ! "$VENV/bin/python" -m ui.translations >/dev/null 2>"$VENV/.opscenter-lrelease.log"; then
    say "could not compile the interface translations (see $VENV/.opscenter-lrelease.log);" \
        "the interface stays in Bahasa Indonesia" >&2
fi
