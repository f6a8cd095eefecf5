#!/bin/bash
# The appliance image chains. Run as root.
#
#   appliance/test/image-chain.sh PATH/TO/procura.jar            (CI, every run: about 15 minutes)
#       chroot-build.sh (debootstrap Debian 13, the playbook into it through the chroot connection,
#       checks, a second run with zero changes, seal), then boot-test.sh (disk image, boot under
#       QEMU, first-boot setup with the console token, HTTPS login, closed ports, an upgrade and a
#       rollback from the admin page).
#   appliance/test/image-chain.sh --packer PATH/TO/procura.jar   (on demand: about 45 minutes)
#       chroot-build.sh, base-image.sh, packer-build.sh (qcow2 and OVA), then lynis-vm.sh on the
#       Packer image (Lynis inside the booted VM, hardening index >= 75, backup and restore).
#
# PROCURA_CI_CACHE (default /var/cache/procura-ci) holds the root file system, the bootstrap
# tarball and the downloaded packages; CI points it at an empty folder of its clone, so that every
# CI run bootstraps from the mirror like a new machine. PROCURA_CI_CLEAN=1 removes the root file
# system and the bootstrap tarball at the end (the logs stay).
# Prints both scripts' lines, the figures, and "N passed, M failed" over both last.
set -u

here=$(cd "$(dirname "$0")" && pwd)
packer=
if [ "${1:-}" = --packer ]; then
    packer=1
    shift
fi
jar=${1:?usage: image-chain.sh [--packer] PATH/TO/procura.jar}
cache=${PROCURA_CI_CACHE:-/var/cache/procura-ci}
export PROCURA_CI_CACHE=$cache
started=$(date +%s)

if [ "$(id -u)" -ne 0 ]; then
    echo "image-chain.sh needs root (debootstrap, chroot, loop devices)"
    echo "0 passed, 1 failed"
    exit 1
fi
if [ ! -f "$jar" ]; then
    echo "no $jar: build it first (mvn -B package)"
    echo "0 passed, 1 failed"
    exit 1
fi

passed=0 failed=0
run() { # run SCRIPT ARGS...: runs one stage, adds its counts
    out=$(mktemp)
    "$@" 2>&1 | tee "$out"
    rc=${PIPESTATUS[0]}
    counts=$(tail -1 "$out")
    rm -f "$out"
    if [[ $counts =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=$((passed + BASH_REMATCH[1]))
        failed=$((failed + BASH_REMATCH[2]))
    fi
    [ "$rc" -eq 0 ] || [ "$failed" -gt 0 ] || failed=$((failed + 1))
    return "$rc"
}

echo "=== appliance root file system (chroot-build.sh)"
if ! run "$here/chroot-build.sh" "$jar"; then
    echo "chroot build failed: nothing booted"
elif [ -z "$packer" ]; then
    echo "=== appliance boot test (boot-test.sh)"
    run "$here/boot-test.sh" "$jar"
else
    echo "=== Packer base disk (base-image.sh)"
    run "$here/base-image.sh" &&
    echo "=== packer build (packer-build.sh)" &&
    run "$here/packer-build.sh" "$jar" &&
    echo "=== Lynis inside the Packer image, backup and restore (lynis-vm.sh)" &&
    run "$here/lynis-vm.sh" "$cache/packer-output/procura.qcow2"
fi

if [ "${PROCURA_CI_CLEAN:-}" = 1 ]; then
    rm -rf "$cache/rootfs" "$cache"/rootfs-*.tar
fi
echo "TIME appliance image chain total: $(($(date +%s) - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
