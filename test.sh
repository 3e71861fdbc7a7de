#!/usr/bin/env bash
# Run the test suite: sets up .venv and the system packages the tests need (PostgreSQL,
# poppler-utils, xvfb, Qt libraries) via scripts/bootstrap.sh --tests, then runs pytest from the
# repository root with Qt offscreen. Arguments go to pytest, e.g. ./test.sh tests/core -x
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/bootstrap.sh --tests
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
