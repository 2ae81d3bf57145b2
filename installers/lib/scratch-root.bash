# Shared by installers/test-*-deb: a throw-away Debian root to install a package into, with /proc,
# /dev and the X11 socket folder mounted, removed again on exit. Sourced, not run.
#
# A clean Debian 12 (bookworm) minbase root is made once with debootstrap and kept in
# $RD_ROOTFS_CACHE (default /var/tmp/recruitdesk-rootfs); every test copies it afresh.

RD_ROOTFS_CACHE=${RD_ROOTFS_CACHE:-/var/tmp/recruitdesk-rootfs}
RD_DEBIAN_MIRROR=${RD_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SCRATCH=""
MOUNTS=()

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { say "FAIL: $*" >&2; exit 1; }

need_root_tools() {
    [ "$(id -u)" = 0 ] || die "run as root (it installs into a scratch root with chroot and mount)"
    command -v debootstrap >/dev/null || die "needs debootstrap: apt-get install -y debootstrap"
}

# Makes $SCRATCH: a fresh copy of the cached clean root.
make_scratch_root() {
    need_root_tools
    if [ ! -x "$RD_ROOTFS_CACHE/bin/sh" ]; then
        say "Making a clean Debian 12 root in $RD_ROOTFS_CACHE (once; about a minute)..."
        rm -rf "$RD_ROOTFS_CACHE.partial"
        debootstrap --variant=minbase bookworm "$RD_ROOTFS_CACHE.partial" "$RD_DEBIAN_MIRROR" >/dev/null
        mv "$RD_ROOTFS_CACHE.partial" "$RD_ROOTFS_CACHE"
    fi
    SCRATCH=$(mktemp -d /var/tmp/recruitdesk-scratch.XXXXXX)
    cp -a "$RD_ROOTFS_CACHE/." "$SCRATCH/"
    cp /etc/resolv.conf "$SCRATCH/etc/resolv.conf"
    # debootstrap leaves no /etc/hosts; every installed Debian has one, and PostgreSQL listens on localhost.
    [ -f "$SCRATCH/etc/hosts" ] || printf "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n" >"$SCRATCH/etc/hosts"
    trap cleanup_scratch_root EXIT
    mount -t proc proc "$SCRATCH/proc" && MOUNTS+=("$SCRATCH/proc")
    mount --bind /dev "$SCRATCH/dev" && MOUNTS+=("$SCRATCH/dev")
    mount -t tmpfs shm "$SCRATCH/dev/shm" && MOUNTS+=("$SCRATCH/dev/shm")
    say "Scratch root: $SCRATCH"
}

# Shares the host's X11 sockets, so a program in the root can draw on a host Xvfb.
share_x11() {
    mkdir -p /tmp/.X11-unix "$SCRATCH/tmp/.X11-unix"
    mount --bind /tmp/.X11-unix "$SCRATCH/tmp/.X11-unix" && MOUNTS+=("$SCRATCH/tmp/.X11-unix")
}

in_root() { chroot "$SCRATCH" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

# Installs a .deb into the root: dpkg first, then apt for any dependency the clean root lacks.
install_deb() {
    local deb=$1 name
    name=$(basename "$deb")
    cp "$deb" "$SCRATCH/tmp/$name"
    if ! in_root dpkg -i "/tmp/$name"; then
        say "Fetching the dependencies dpkg named (apt-get in the scratch root)..."
        in_root apt-get update -qq
        in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -f >/dev/null
        in_root dpkg -s "$(dpkg-deb -f "$deb" Package)" >/dev/null || die "$name did not install"
    fi
}

# Ends the processes still running inside the root (only those: their root is the scratch root).
stop_root_processes() {
    local pid
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
        if [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$SCRATCH" ]; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
}

cleanup_scratch_root() {
    [ -n "$SCRATCH" ] || return 0
    stop_root_processes
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        umount -l "${MOUNTS[$i]}" 2>/dev/null || true
    done
    if [ -n "${KEEP_SCRATCH:-}" ]; then
        say "Kept the scratch root $SCRATCH (KEEP_SCRATCH is set)."
    else
        rm -rf --one-file-system "$SCRATCH"
    fi
}

# Polls until "$@" succeeds or $1 seconds pass.
wait_for() {
    local seconds=$1 what=$2; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.5
    done
}
