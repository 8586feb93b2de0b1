#!/usr/bin/env bash
# Debian chroots with a newer QGIS, for running the test suite on more QGIS versions.
#
#   .ci/chroot.sh build SUITE         create the chroot, or reuse it when up to date
#   .ci/chroot.sh run SUITE CMD...    build if needed, then run CMD in the repository
#                                     (bind-mounted at /src) inside the chroot
#   .ci/chroot.sh shell SUITE         an interactive shell there
#   .ci/chroot.sh path SUITE          print the chroot's directory
#   .ci/chroot.sh remove SUITE        delete the chroot
#
# SUITE is a Debian suite: trixie (QGIS 3.40 LTR), sid (QGIS 3.44), ...
#
# The chroot lives outside the repository, in $EO_CHROOT_CACHE/<suite> (default
# /var/cache/eo-explorer/chroots). It holds Debian's QGIS and what .ci/install.sh installs,
# run inside it: the Debian packages and a venv at /opt/eo-explorer/venv made with
# --system-site-packages (and its venv-qt6 and venv-pgstac beside it, never the
# repository's). A stamp holds a hash of this script and .ci/install.sh: when
# either changes the chroot is built again (into <suite>.new, swapped in when complete);
# otherwise it is reused. Several clones may share the cache: a lock serialises building,
# and running holds a shared lock so a chroot is never replaced under a running command.
#
# /proc, /sys, /dev, /dev/pts and the repository are mounted in a private mount namespace
# (unshare): they vanish with the last process in it, even when that process is killed,
# so no mount outlives a run. A trap unmounts them on a normal exit as well, and mounts
# left under the cache by anything else are lazily unmounted before a build.
#
# Needs root, debootstrap, unshare (util-linux) and flock. Environment:
#   EO_CHROOT_CACHE   where chroots live (default /var/cache/eo-explorer/chroots)
#   EO_DEBIAN_MIRROR  Debian mirror (default: the host's deb.debian.org entry)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
CACHE=${EO_CHROOT_CACHE:-/var/cache/eo-explorer/chroots}
MIRROR=${EO_DEBIAN_MIRROR:-http://deb.debian.org/debian}
VENV_IN_CHROOT=/opt/eo-explorer/venv
SRC_IN_CHROOT=/src

log() { printf '[chroot] %s\n' "$*" >&2; }
die() {
    printf '[chroot] ERROR: %s\n' "$*" >&2
    exit 1
}

usage() {
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# The key of a chroot: what decides its content.
setup_key() {
    cat "$HERE/chroot.sh" "$HERE/install.sh" | sha256sum | cut -c1-16
}

check_suite() {
    [[ "$1" =~ ^[a-z][a-z0-9-]*$ ]] || die "not a Debian suite name: '$1'"
}

# Lazily unmount whatever is still mounted below $1 (deepest first), e.g. after a run
# that was killed while mounts were made outside a private namespace.
unmount_below() {
    local root mounts m
    root=$(realpath -m "$1")
    mounts=$(awk -v r="$root/" 'index($2"/", r) == 1 { print $2 }' /proc/self/mounts | sort -r)
    for m in $mounts; do
        m=$(printf '%b' "$m") # /proc/mounts escapes spaces as \040
        log "unmounting leftover mount $m"
        umount -l "$m" 2>/dev/null || log "WARNING: could not unmount $m"
    done
}

# ------------------------------------------------------------------ inside the namespace
# `chroot.sh __enter ROOT RW CMD...`: runs in a private mount namespace made by unshare.
enter() {
    local root=$1 rw=$2
    shift 2
    MOUNTED=() # global: the EXIT trap runs after this function has returned
    cleanup() {
        local i
        for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
            umount -l "${MOUNTED[$i]}" 2>/dev/null || true
        done
    }
    trap cleanup EXIT
    trap 'exit 130' INT TERM HUP
    mount --make-rprivate / # nothing done here propagates back to the host
    mount -t proc proc "$root/proc" && MOUNTED+=("$root/proc")
    mount --rbind /sys "$root/sys" && MOUNTED+=("$root/sys")
    mount --rbind /dev "$root/dev" && MOUNTED+=("$root/dev")
    if ! mountpoint -q "$root/dev/pts"; then
        mount --bind /dev/pts "$root/dev/pts" && MOUNTED+=("$root/dev/pts")
    fi
    mkdir -p "$root$SRC_IN_CHROOT"
    mount --bind "$REPO" "$root$SRC_IN_CHROOT" && MOUNTED+=("$root$SRC_IN_CHROOT")
    if [ "$rw" = ro ]; then
        mount -o remount,bind,ro "$root$SRC_IN_CHROOT"
    fi
    cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    local rc=0
    chroot "$root" /usr/bin/env -i \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="${TERM:-dumb}" \
        CI="${CI:-}" DEBIAN_FRONTEND=noninteractive \
        PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
        PIP_NO_INPUT=1 PIP_DEFAULT_TIMEOUT="${PIP_DEFAULT_TIMEOUT:-180}" \
        ${PIP_INDEX_URL:+PIP_INDEX_URL="$PIP_INDEX_URL"} \
        ${PIP_EXTRA_INDEX_URL:+PIP_EXTRA_INDEX_URL="$PIP_EXTRA_INDEX_URL"} \
        ${PYTEST_ARGS:+PYTEST_ARGS="$PYTEST_ARGS"} \
        VENV="$VENV_IN_CHROOT" PY="$VENV_IN_CHROOT/bin/python" \
        QT6_VENV="$VENV_IN_CHROOT-qt6" EO_QT6_PYTHON="$VENV_IN_CHROOT-qt6/bin/python" \
        PGSTAC_VENV="$VENV_IN_CHROOT-pgstac" \
        /bin/bash -c 'cd "$0" && exec "$@"' "$SRC_IN_CHROOT" "$@" || rc=$?
    return "$rc"
}

# Run CMD in chroot ROOT, the repository mounted read-write (rw) or read-only (ro).
in_chroot() {
    local root=$1 rw=$2
    shift 2
    unshare --mount --propagation private -- bash "$HERE/chroot.sh" __enter "$root" "$rw" "$@"
}

# ------------------------------------------------------------------ build
build_into() { # build_into SUITE DIR KEY
    local suite=$1 dir=$2 key=$3
    log "$suite: debootstrap into $dir (mirror $MIRROR)"
    debootstrap --variant=minbase --include=ca-certificates,apt-utils "$suite" "$dir" "$MIRROR" \
        >"$dir.debootstrap.log" 2>&1 || {
        tail -n 30 "$dir.debootstrap.log" >&2
        die "$suite: debootstrap failed (log: $dir.debootstrap.log)"
    }
    rm -f "$dir.debootstrap.log"

    # apt: the mirror's unstable Release files may be past their Valid-Until date.
    cat >"$dir/etc/apt/apt.conf.d/90eo-explorer" <<'EOF'
Acquire::Check-Valid-Until "false";
Acquire::Languages "none";
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Dpkg::Options { "--force-confold"; };
EOF
    printf 'deb %s %s main\n' "$MIRROR" "$suite" >"$dir/etc/apt/sources.list"
    # No services start inside the chroot.
    printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
    chmod 755 "$dir/usr/sbin/policy-rc.d"

    # The host's extra CA certificates and pip configuration (index, constraints).
    if [ -d /usr/local/share/ca-certificates ]; then
        mkdir -p "$dir/usr/local/share/ca-certificates"
        cp -a /usr/local/share/ca-certificates/. "$dir/usr/local/share/ca-certificates/"
    fi
    [ -f /etc/pip.conf ] && cp /etc/pip.conf "$dir/etc/pip.conf"
    if [ -d /etc/xdg/pip ]; then
        mkdir -p "$dir/etc/xdg"
        cp -a /etc/xdg/pip "$dir/etc/xdg/"
    fi
    in_chroot "$dir" ro update-ca-certificates >/dev/null

    log "$suite: apt-get update"
    in_chroot "$dir" ro apt-get update -q >/dev/null
    # install.sh installs the Debian packages, the venv and the pip packages.
    log "$suite: .ci/install.sh inside the chroot"
    in_chroot "$dir" ro bash .ci/install.sh
    touch "$dir$VENV_IN_CHROOT/.eo-explorer-installed"
    in_chroot "$dir" ro apt-get clean
    echo "$key" >"$dir/.eo-explorer-chroot"
}

# Make sure $CACHE/$SUITE is built with the current key. Caller holds the exclusive lock.
ensure_built() {
    local suite=$1 dir=$CACHE/$1 key
    key=$(setup_key)
    if [ -f "$dir/.eo-explorer-chroot" ] && [ "$(cat "$dir/.eo-explorer-chroot")" = "$key" ]; then
        log "$suite: up to date ($dir, key $key)"
        return 0
    fi
    if [ -d "$dir" ]; then
        log "$suite: $dir is incomplete or was built by another version of the setup: rebuilding"
    else
        log "$suite: no chroot yet: building $dir"
    fi
    local start=$SECONDS
    unmount_below "$dir.new"
    rm -rf --one-file-system "$dir.new"
    mkdir -p "$dir.new"
    build_into "$suite" "$dir.new" "$key"
    unmount_below "$dir"
    rm -rf --one-file-system "$dir.old"
    if [ -d "$dir" ]; then mv "$dir" "$dir.old"; fi
    mv "$dir.new" "$dir"
    rm -rf --one-file-system "$dir.old"
    log "$suite: built in $((SECONDS - start))s: $(versions "$suite")"
}

versions() {
    in_chroot "$CACHE/$1" ro "$VENV_IN_CHROOT/bin/python" -c '
import sys
from osgeo import gdal
from qgis.core import Qgis
print(f"QGIS {Qgis.QGIS_VERSION}, Python {sys.version.split()[0]}, GDAL {gdal.__version__}")
' 2>/dev/null | tail -n 1
}

# ------------------------------------------------------------------ main
[ "${1:-}" = __enter ] && {
    shift
    enter "$@"
    exit $?
}

[ "$#" -ge 2 ] || usage
action=$1 suite=$2
shift 2
check_suite "$suite"
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, mount, chroot)"
for tool in debootstrap unshare flock chroot; do
    command -v "$tool" >/dev/null || die "'$tool' not found (apt-get install debootstrap util-linux)"
done
mkdir -p "$CACHE"
lock=$CACHE/$suite.lock

case "$action" in
build)
    exec 9>"$lock"
    flock 9
    ensure_built "$suite"
    ;;
run | shell)
    if [ "$action" = shell ]; then set -- bash -i; fi
    [ "$#" -gt 0 ] || usage
    exec 9>"$lock"
    flock 9
    ensure_built "$suite"
    flock -s 9 # downgrade: others may run too, nobody rebuilds meanwhile
    # The stamp tells `make` that install.sh already ran for this venv.
    touch "$CACHE/$suite$VENV_IN_CHROOT/.eo-explorer-installed"
    log "$suite: $(versions "$suite")"
    log "$suite: running: $*"
    in_chroot "$CACHE/$suite" rw "$@"
    ;;
path)
    echo "$CACHE/$suite"
    ;;
remove)
    exec 9>"$lock"
    flock 9
    unmount_below "$CACHE/$suite"
    rm -rf --one-file-system "$CACHE/$suite" "$CACHE/$suite.new" "$CACHE/$suite.old"
    log "$suite: removed"
    ;;
*) usage ;;
esac
