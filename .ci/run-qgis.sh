#!/usr/bin/env bash
# `make run`: start the sandbox STAC catalog, then QGIS with the eo-explorer
# profile pointed at it, on a project (build/sandbox.qgs) showing where the sandbox
# has data; stop the sandbox when QGIS exits.
#
# Expects `make deploy` to have been run (the Makefile does it).
# Environment:
#   SANDBOX_PORT      (8765)          port of tests.servers.sandbox
#   SANDBOX_WAIT      (60)            seconds to wait for the sandbox to answer
#   QGIS_PROFILE      (eo-explorer)   QGIS profile name
#   QGIS_BIN          (qgis)          QGIS executable
#   QGIS_ARGS         ()              extra QGIS arguments, e.g. "--nologo"
#   SANDBOX_ONLY=1                    start the sandbox, wait for it, stop it (smoke test)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

PY=${PY:-$ROOT/.venv/bin/python}
SANDBOX_PORT=${SANDBOX_PORT:-8765}
SANDBOX_WAIT=${SANDBOX_WAIT:-60}
SANDBOX_URL="http://127.0.0.1:${SANDBOX_PORT}/"
QGIS_PROFILE=${QGIS_PROFILE:-eo-explorer}
QGIS_BIN=${QGIS_BIN:-qgis}
LOG_DIR=$ROOT/build
SANDBOX_LOG=$LOG_DIR/sandbox.log

log() { printf '[run-qgis] %s\n' "$*"; }
die() {
    printf '[run-qgis] ERROR: %s\n' "$*" >&2
    exit 1
}

[ -x "$PY" ] || die "$PY missing: run 'make install' first"
[ -f tests/servers/sandbox/__main__.py ] ||
    die "tests/servers/sandbox/__main__.py does not exist"

url_ok() {
    "$PY" - "$1" <<'PY' >/dev/null 2>&1
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    sys.exit(0 if r.status < 500 else 1)
PY
}

if url_ok "$SANDBOX_URL"; then
    die "something already answers on $SANDBOX_URL (an old sandbox?). Stop it or set SANDBOX_PORT."
fi

# ------------------------------------------------------------------ sandbox
mkdir -p "$LOG_DIR"
SANDBOX_PID=""
stop_sandbox() {
    [ -n "$SANDBOX_PID" ] || return 0
    if kill -0 "$SANDBOX_PID" 2>/dev/null; then
        log "stopping sandbox (process group $SANDBOX_PID)"
        # setsid below made the sandbox a process-group leader: this also stops
        # any server it spawned (e.g. `rustac serve`).
        kill -TERM -- "-$SANDBOX_PID" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$SANDBOX_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$SANDBOX_PID" 2>/dev/null || true
    fi
    wait "$SANDBOX_PID" 2>/dev/null || true
    SANDBOX_PID=""
}
trap stop_sandbox EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "starting sandbox: $PY -m tests.servers.sandbox --port $SANDBOX_PORT (log: $SANDBOX_LOG)"
SANDBOX_CONFIG=$LOG_DIR/sandbox.json
rm -f "$SANDBOX_CONFIG"
setsid "$PY" -m tests.servers.sandbox --port "$SANDBOX_PORT" --config "$SANDBOX_CONFIG" \
    >"$SANDBOX_LOG" 2>&1 </dev/null &
SANDBOX_PID=$!

log "waiting up to ${SANDBOX_WAIT}s for $SANDBOX_URL"
deadline=$((SECONDS + SANDBOX_WAIT))
until url_ok "$SANDBOX_URL" && [ -s "$SANDBOX_CONFIG" ]; do
    if ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
        tail -n 30 "$SANDBOX_LOG" >&2 || true
        SANDBOX_PID=""
        die "the sandbox exited before answering (log above, full log in $SANDBOX_LOG)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        tail -n 30 "$SANDBOX_LOG" >&2 || true
        die "the sandbox did not answer on $SANDBOX_URL within ${SANDBOX_WAIT}s"
    fi
    sleep 0.5
done
log "sandbox is up at $SANDBOX_URL"

if [ "${SANDBOX_ONLY:-0}" = "1" ]; then
    log "SANDBOX_ONLY=1: not starting QGIS"
    exit 0
fi

# ------------------------------------------------------------------ QGIS
command -v "$QGIS_BIN" >/dev/null || die "$QGIS_BIN not found (apt-get install qgis)"

# QGIS embeds the system Python, not .venv: put the venv's site-packages
# (pydantic 2, shapely, numpy<2, requests...) first on its path.
VENV_SITE=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
export PYTHONPATH="$VENV_SITE${PYTHONPATH:+:$PYTHONPATH}"
export EO_EXPLORER_SANDBOX_URL=$SANDBOX_URL
export EO_EXPLORER_SANDBOX_CONFIG=$SANDBOX_CONFIG

# The project it opens: country outlines and where the sandbox has data, zoomed there
# (written into build/ each time; the user's own projects are not touched).
PROJECT=$LOG_DIR/sandbox.qgs
log "writing $PROJECT"
QT_QPA_PLATFORM=offscreen "$PY" -m tests.servers.sandbox.project "$LOG_DIR" >>"$SANDBOX_LOG" 2>&1 ||
    die "cannot write the sandbox project (see $SANDBOX_LOG)"

# shellcheck disable=SC2206  # QGIS_ARGS is intentionally word-split
cmd=("$QGIS_BIN" --profile "$QGIS_PROFILE" --project "$PROJECT" ${QGIS_ARGS:-})
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || die "no \$DISPLAY and xvfb-run missing (apt-get install xvfb)"
    log "no \$DISPLAY: running QGIS under xvfb-run -a (virtual screen, nothing will be visible)"
    cmd=(xvfb-run -a -s "-screen 0 1600x1000x24" "${cmd[@]}")
fi

log "EO_EXPLORER_SANDBOX_URL=$EO_EXPLORER_SANDBOX_URL ${cmd[*]}"
set +e
"${cmd[@]}"
rc=$?
set -e
log "QGIS exited with code $rc"
exit "$rc"
