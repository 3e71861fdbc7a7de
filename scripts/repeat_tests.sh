#!/usr/bin/env bash
# Hunt flaky tests: run the UI, report and live tests N times in a row (default 20), stop at
# the first failing run and keep its log, print each run's time and the totals.
#
#   scripts/repeat_tests.sh            # 20 runs of the default set
#   scripts/repeat_tests.sh 5          # 5 runs
#   scripts/repeat_tests.sh 50 tests/ui/test_sitrep_dialog.py   # 50 runs of one file
#
# Each run is a fresh pytest process (a crash ends one run, not the hunt) with Python's
# faulthandler on, so a segmentation fault leaves every thread's Python stack in the log.
# Logs go to $REPEAT_LOG_DIR (default: a new folder under /tmp); only the failing run's log
# is kept. Extra pytest options can be given in $PYTEST_ADDOPTS. Runs from any directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs="${1:-20}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
    echo "repeat_tests: the number of runs must be a positive whole number, not '$runs'" >&2
    exit 2
fi
shift $(( $# > 0 ? 1 : 0 ))
if (( $# > 0 )); then
    targets=("$@")
else
    targets=(tests/ui tests/reports tests/core/test_live.py)
fi

scripts/bootstrap.sh --tests
export QT_QPA_PLATFORM=offscreen
logs="${REPEAT_LOG_DIR:-$(mktemp -d /tmp/opscenter-repeat.XXXXXX)}"
mkdir -p "$logs"

echo "repeat_tests: $runs runs of ${targets[*]}; logs in $logs"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds() { printf '%d.%d' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }  # ms -> "12.3"

total_start=$(now_ms)
for (( i = 1; i <= runs; i++ )); do
    log="$logs/run-$i.log"
    start=$(now_ms)
    status=0
    .venv/bin/python -X faulthandler -m pytest -q -p no:cacheprovider "${targets[@]}" \
        >"$log" 2>&1 </dev/null || status=$?
    took=$(( $(now_ms) - start ))
    summary=$(grep -E '^(=+ )?[0-9]+ (passed|failed|error)' "$log" | tail -n 1 | tr -d '=' || true)
    if (( status != 0 )); then
        printf 'run %d/%d: FAILED (exit %d) after %s s: %s\n' \
            "$i" "$runs" "$status" "$(seconds "$took")" "${summary:-no summary (crashed?)}"
        echo "repeat_tests: log of the failing run: $log"
        tail -n 40 "$log"
        exit "$status"
    fi
    printf 'run %d/%d: passed in %s s: %s\n' "$i" "$runs" "$(seconds "$took")" "${summary# }"
    rm -f "$log"
done
total=$(( $(now_ms) - total_start ))
printf 'repeat_tests: %d of %d runs passed in %s s (%s s a run on average)\n' \
    "$runs" "$runs" "$(seconds "$total")" "$(seconds $(( total / runs )))"
rmdir "$logs" 2>/dev/null || true  # nothing failed: no logs to keep
