#!/usr/bin/env bash
# Run pytest headless for `make test`.
#
#   .ci/pytest.sh [pytest args...]      (default: tests/unit tests/qgis tests/app -v)
#
# - QT_QPA_PLATFORM=offscreen: QGIS/Qt need no X server. tests/app removes it again for
#   the desktop qgis it starts under xvfb-run (the application crashes with it).
# - exit code 5 ("no tests collected") becomes a loud failure.
# - if pytest dies before printing its closing "=== ... in 1.23s ===" line
#   (segfault, faulthandler timeout, kill), a loud replacement summary is printed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=${PY:-.venv/bin/python}
if [ ! -x "$PY" ]; then
    echo "ERROR: $PY not found; run 'make install' (or bash .ci/install.sh) first." >&2
    exit 2
fi
if [ "$#" -eq 0 ]; then
    set -- tests/unit tests/qgis tests/app -v
fi

export QT_QPA_PLATFORM=offscreen
export PYTHONUNBUFFERED=1   # nothing lost in the pipe if the process dies hard
export PYTHONFAULTHANDLER=1 # Python stack dump on segfault/abort
export PYTHONDONTWRITEBYTECODE=1

color=no
if [ -t 1 ]; then color=yes; fi

log=$(mktemp "${TMPDIR:-/tmp}/eo-pytest.XXXXXX.log")
cleanup=("$log")
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then # silences Qt's "XDG_RUNTIME_DIR not set" as root
    XDG_RUNTIME_DIR=$(mktemp -d "${TMPDIR:-/tmp}/eo-xdg-runtime.XXXXXX")
    export XDG_RUNTIME_DIR
    cleanup+=("$XDG_RUNTIME_DIR")
fi
trap 'rm -rf "${cleanup[@]}"' EXIT

echo "+ QT_QPA_PLATFORM=offscreen $PY -m pytest $*"
"$PY" -m pytest --color="$color" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# Closing line looks like "==== 3 passed, 1 skipped in 4.56s ====", or without the "="
# under -q (colour codes stripped).
summary=$(sed -e 's/\x1b\[[0-9;]*m//g' "$log" |
    grep -E '^(=+ )?[0-9]+ (passed|failed|error|errors|skipped|deselected)[^=]* in [0-9.]+s( \([0-9:]+\))?( =+)?$' |
    tail -n 1 || true)

banner() {
    echo
    echo "################################################################################"
    printf '### %s\n' "$@"
    echo "################################################################################"
}

if [ "$rc" -eq 5 ]; then
    banner "FAILURE: pytest collected NO TESTS (exit code 5)." \
        "Check that tests/unit, tests/qgis and tests/app contain test_*.py files and that" \
        "they import without errors. Treating this as a failure."
    echo "${summary:-=== no tests ran ===}"
    exit 1
fi

if [ -z "$summary" ]; then
    n_pass=$(grep -cE ' PASSED( |$)' "$log" || true)
    n_fail=$(grep -cE ' (FAILED|ERROR)( |$)' "$log" || true)
    n_skip=$(grep -cE ' (SKIPPED|XFAIL|XPASS)( |$)' "$log" || true)
    banner "FAILURE: pytest exited with code $rc WITHOUT its closing summary." \
        "It crashed or was killed (segfault, faulthandler/hang timeout, OOM...)." \
        "Look for 'Fatal Python error' / 'Timeout (' stack dumps above; the test" \
        "running at that point is the last one without a PASSED/FAILED status."
    last=$(sed -e 's/\x1b\[[0-9;]*m//g' "$log" | grep -oE '^[^ ]+::[^ ]+' | tail -n 1 || true)
    echo "=== last test started: ${last:-unknown} ==="
    echo "=== INCOMPLETE RUN: ${n_pass} passed, ${n_fail} failed/error, ${n_skip} skipped before pytest died (exit code ${rc}) ==="
    if [ "$rc" -eq 0 ]; then rc=1; fi
    exit "$rc"
fi

if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    banner "FAILURE: pytest exited with code $rc (2=interrupted, 3=internal error," \
        "4=usage error, >128=killed by a signal, possibly while QGIS was shutting down)."
    echo "$summary"
fi
exit "$rc"
