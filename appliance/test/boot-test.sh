#!/bin/bash
# Boots the sealed root file system of chroot-build.sh under QEMU and checks the running
# appliance: first boot on the serial console, the setup token, HTTPS through the 443 redirect,
# that a firewalled port (SSH without an admin network) does not answer, and an upgrade from the
# admin page through the upgrade service: the test channel offers B and C (C requires a stop at B
# and its migration fails), so the appliance upgrades to B, rolls C back and stays on B.
#
#   appliance/test/boot-test.sh [PROCURA_JAR]      (after chroot-build.sh with the same jar)
#
# The disk: an ext4 file system made with mkfs.ext4 -d from the root file system, written at
# 1 MiB into a raw disk with one MBR partition, booted by extlinux; converted to qcow2.
# The guest network is QEMU user mode with restrict=on; forwards bind 127.0.0.1 only.
# Prints "N passed, M failed" last; exits non-zero on any failure.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

jar=${1:-$repo/webapp/target/procura.jar}
cache=${PROCURA_CI_CACHE:-/var/cache/procura-ci}
rootfs=$cache/rootfs
upgrade_test=$cache/upgrade-test
test_repository=$rootfs/srv/procura-test-repository
timeout=${PROCURA_BOOT_TIMEOUT:-300}
work=$(mktemp -d /tmp/procura-boot.XXXXXX)
pick_forwards
qemu_pid=
started=$(date +%s)

cleanup() {
    stop_vm
    restore_test_repository
    discard_vm
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# After a failure: what the console and the guest's journal say (the token is long invalid then).
diagnostics() {
    stop_vm
    echo "--- serial console, last 40 lines ($work/serial.log)"
    tail -40 "$work/serial.log" 2>/dev/null | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' | redact_tokens
    [ -s "$work/qemu.log" ] && { echo "--- QEMU"; cat "$work/qemu.log"; }
    [ -f "$work/procura.qcow2" ] && guest_journal "$work/procura.qcow2" "$work"
}
# give_up: a check the rest depends on failed; every later wait would only run into its timeout.
give_up() {
    echo "FATAL: $*"
    diagnostics
    echo "TIME boot test total: $(($(date +%s) - started)) s"
    summary
    exit 1
}

if [ ! -x "$rootfs/usr/local/sbin/procura-first-boot" ]; then
    echo "no appliance root file system in $rootfs: run chroot-build.sh first"
    echo "0 passed, 1 failed"
    exit 1
fi
need_packages qemu-system-x86_64:qemu-system-x86 qemu-img:qemu-utils extlinux:extlinux sfdisk:fdisk \
    curl:curl openssl:openssl || { echo "0 passed, 1 failed"; exit 1; }

# --- later releases on the test channel ---------------------------------------------------------
# The image gets the repository with B and C (bundles too); the root file system gets its own
# metadata-only copy back once the disk is made.
installed_version=$(readlink "$rootfs/opt/procura/current")
installed_version=${installed_version#releases/}
restore_test_repository() {
    if [ -d "$work/test-repository.orig" ]; then
        rm -rf "$test_repository" && mv "$work/test-repository.orig" "$test_repository"
    fi
}
later_releases() { # publishes B and C, prints "B C"
    out=$("$here/upgrade-test-releases.sh" "$upgrade_test" "$jar" 2>&1) || { echo "$out" >&2; return 1; }
    tail -1 <<<"$out"
}
version_b= version_c=
read -r version_b version_c < <(later_releases)
with_later_releases() { # the image's repository: the test repository with B and C
    [ -n "$version_c" ] || { echo "upgrade-test-releases.sh failed"; return 1; }
    cp -a "$test_repository" "$work/test-repository.orig" &&
        cp -a "$upgrade_test/repo/." "$test_repository/" &&
        rm -f "$test_repository/bundles/procura-$installed_version.zip"
}
check "test channel: B and C published after $installed_version" with_later_releases || give_up "no later releases"
echo "releases on live: $installed_version (installed), $version_b, $version_c (requires $version_b, migration fails)"

# --- disk image --------------------------------------------------------------------------------
step=$(date +%s)
check "raw disk with extlinux, converted to qcow2" make_boot_disk "$rootfs" "$work" "$work/procura.qcow2"
restore_test_repository
[ -f "$work/procura.qcow2" ] || give_up "no disk image"
echo "TIME disk image: $(($(date +%s) - step)) s"
echo "image size: $(du -m --apparent-size "$work/procura.qcow2" | cut -f1) MiB qcow2 (uncompressed), $(qemu-img info --output=json "$work/procura.qcow2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["virtual-size"] // 2**30)') GiB virtual"
# As a customer who gives the VM a larger disk at import: the first boot grows the root file system.
check "disk enlarged to 8 GiB before the first boot" qemu-img resize -q "$work/procura.qcow2" 8G

# --- boot --------------------------------------------------------------------------------------
step=$(date +%s)
start_vm "$work/procura.qcow2" 2048 \
    "user,id=n0,restrict=on,$(forwards)"

check "kernel boots to the console login" wait_for 'login:' || give_up "no login prompt"
echo "TIME boot to login prompt: $(($(date +%s) - step)) s"
check "first boot grew the root file system to the 8 GiB disk" wait_for 'procura-grow-root: root file system grown from [0-9]+ MiB to (7[5-9]|8[0-9])[0-9]{2} MiB'
check "first boot created the TLS certificate" wait_for "created a self-signed TLS certificate"
check "setup token on the serial console" wait_for 'Setup token: +[^ ]+' || give_up "no setup token"
token=$(grep -aoE 'Setup token: +[^ ]+' "$work/serial.log" | tail -1 | awk '{print $3}' | tr -d '\r')
# The token is a credential until setup is done: only its shape goes into the log.
if [ -n "$token" ]; then echo "setup token: found (${#token} characters)"; else echo "setup token: none"; fi
echo "TIME boot to setup token: $(($(date +%s) - step)) s"

check "HTTPS address on the serial console" wait_for 'Procura setup: open https://[0-9.]+/setup'

base=https://127.0.0.1:$https_port
check "HTTPS through 443 answers /health/ready with 200" https_ready || give_up "Procura never answered over HTTPS"
echo "TIME boot to first HTTPS 200: $(($(date +%s) - step)) s"
no_version_for_remote_callers() { # requests arrive from QEMU's 10.0.2.2: not loopback inside the guest
    body=$(curl -ks --max-time "$timeout" "$base/health/ready")
    echo "GET /health/ready: $body"
    grep -q '"status"' <<<"$body" && ! grep -q version <<<"$body"
}
check "/health/ready tells a remote caller no version" no_version_for_remote_callers

# The first administrator, created with the token from the serial console, then a login.
# The password is random and only kept in a 0600 file under the work directory.
cookies=$work/cookies
(umask 077 && openssl rand -base64 24 | tr -d '\n' >"$work/admin-password")
check "setup with the console token creates the administrator" setup_admin
check "login over HTTPS as the new administrator" login_admin
# The upgrade manager as wired in the image: the admin page's buttons drop a request, the path unit starts
# procura-upgrade-requests.service (root, sandboxed), which works on the test repository baked into the
# image and writes status.json and the history, which the page then shows.
upgrade_page() { # fetches /admin/upgrade into $work/upgrade.html, logging in again after a restart of Procura
    code=$(curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" -o "$work/upgrade.html" -w '%{http_code}' "$base/admin/upgrade")
    # While a release opens and migrates its database, Procura's ports answer with its maintenance page.
    if [ "$code" = 503 ] && grep -q '<h1>Procura is starting</h1>' "$work/upgrade.html"; then
        touch "$work/maintenance-page-seen"
    fi
    if [ "$code" = 302 ]; then
        login_admin >/dev/null 2>&1 &&
            code=$(curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" -o "$work/upgrade.html" -w '%{http_code}' "$base/admin/upgrade")
    fi
    [ "$code" = 200 ]
}
upgrade_request() { # upgrade_request ACTION: presses the button on the admin page
    upgrade_page || { echo "no /admin/upgrade"; return 1; }
    csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$work/upgrade.html" | head -1)
    answer=$(curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" -o /dev/null -w '%{http_code} %{redirect_url}' \
        --data-urlencode "_csrf=$csrf" --data-urlencode "action=$1" "$base/admin/upgrade")
    echo "POST /admin/upgrade ($1): $answer"
    [ "${answer%% *}" = 302 ]
}
page_shows() { # page_shows SECONDS PATTERN...: waits until the admin page matches every pattern (grep -E)
    limit=$1
    shift
    since=$(date +%s)
    while [ $(($(date +%s) - since)) -lt "$limit" ]; do
        if upgrade_page; then
            all=1
            for pattern in "$@"; do
                grep -qE "$pattern" "$work/upgrade.html" || { all=; break; }
            done
            [ -n "$all" ] && return 0
        fi
        sleep 3
    done
    sed -e 's/<[^>]*>/ /g' "$work/upgrade.html" | tr -s ' \n' | head -c 3000
    return 1
}
upgrade_check() {
    upgrade_request check &&
        page_shows "$timeout" "<dd id=\"installed\">$installed_version</dd>" '<dd id="channel">live</dd>' \
            "<dd id=\"newest\">$version_c</dd>" "<dd id=\"offered\">$version_c \($installed_version → $version_b → $version_c\)</dd>"
}
check "admin page check: installed $installed_version, offered $version_c through the stop $version_b" upgrade_check
echo "TIME boot to upgrade status on the admin page: $(($(date +%s) - step)) s"
token_gone() { # the console's last Procura line is the plain address again (token file removed)
    since=$(date +%s)
    while [ $(($(date +%s) - since)) -lt 60 ]; do
        grep -aoE 'Procura(: | setup: open )https://[0-9.]+/' "$work/serial.log" | tail -1 | grep -q '^Procura: ' && return 0
        sleep 2
    done
    return 1
}
check "the console drops the token after setup" token_gone
check "HTTP through 80 redirects to HTTPS" http_redirects
check "SSH (no admin network) does not answer" silent "$ssh_port"
check "8080 directly (not through 80) does not answer" silent "$direct_http_port"

# The upgrade itself, started from the admin page: A -> B commits (health-gated restart of procura.service),
# B -> C fails in its migration, so the upgrade service restores B's database snapshot, starts B again and
# marks C bad. Under emulation each start of Procura takes minutes: the whole walk gets 20 of them.
step=$(date +%s)
upgrade_apply() {
    upgrade_request apply &&
        page_shows 1200 "<dd id=\"installed\">$version_b</dd>" \
            "<td>committed</td><td>$installed_version → $version_b</td>" \
            "<td>rolled-back</td><td>$version_b → $version_c</td><td></td><td>$version_b is running again; cause: [^<]*V1000__half_done" \
            "<tr><td>$version_c</td><td>marked bad on this appliance"
}
check "apply from the admin page: upgraded to $version_b, $version_c's failed migration rolled back, $version_c marked bad" upgrade_apply
echo "TIME upgrade to $version_b and rollback of $version_c: $(($(date +%s) - step)) s"
check "the maintenance page answered while a release started" test -f "$work/maintenance-page-seen"
check "the administrator logs in to $version_b on its restored database" login_admin

restarts() { # a second, different token on the console means Procura restarted (crashed) meanwhile
    n=$(grep -aoE 'Setup token: +[^ ]+' "$work/serial.log" | awk '{print $3}' | tr -d '\r' | sort -u | wc -l)
    [ "$n" -le 1 ] || { echo "$n different setup tokens on the console"; return 1; }
}
check "Procura did not restart during the test" restarts

[ "$FAILED" -eq 0 ] || diagnostics
echo "TIME boot test total: $(($(date +%s) - started)) s"
summary
