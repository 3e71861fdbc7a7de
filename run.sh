#!/usr/bin/env bash
# Start OpsCenter with the Jambi demo data (loaded into the default database when it is empty).
# Sets up .venv and the system libraries first (scripts/bootstrap.sh). Arguments go to
# `opscenter open-demo`; relative paths in them are taken from the current directory.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$here/scripts/bootstrap.sh"
exec "$here/.venv/bin/opscenter" open-demo "$@"
