#!/bin/bash
# Boots the sealed root file system of chroot-build.sh under QEMU and checks the running
# appliance: first boot on the serial console, the setup token, HTTPS through the 443 redirect,
# and that a firewalled port (SSH without an admin network) does not answer.
#
#   appliance/test/boot-test.sh            (after chroot-build.sh)
#
# The disk: an ext4 file system made with mkfs.ext4 -d from the root file system, written at
# 1 MiB into a raw disk with one MBR partition, booted by extlinux; converted to qcow2.
# The guest network is QEMU user mode with restrict=on; forwards bind 127.0.0.1 only.
# Prints "N passed, M failed" last; exits non-zero on any failure.
set -u

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

cache=${PROCURA_CI_CACHE:-/var/cache/procura-ci}
rootfs=$cache/rootfs
timeout=${PROCURA_BOOT_TIMEOUT:-300}
work=$(mktemp -d /tmp/procura-boot.XXXXXX)
https_port=$((20000 + $$ % 10000))
ssh_port=$((https_port + 1))
http_port=$((https_port + 2))
direct_http_port=$((https_port + 3))
qemu_pid=
started=$(date +%s)

cleanup() {
    stop_vm
    rm -f "$work/admin-password" "$work/cookies"
    [ -n "${PROCURA_KEEP_IMAGE:-}" ] || rm -rf "$work"
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

# --- disk image --------------------------------------------------------------------------------
step=$(date +%s)
check "raw disk with extlinux, converted to qcow2" make_boot_disk "$rootfs" "$work" "$work/procura.qcow2"
[ -f "$work/procura.qcow2" ] || give_up "no disk image"
echo "TIME disk image: $(($(date +%s) - step)) s"
echo "image size: $(du -m --apparent-size "$work/procura.qcow2" | cut -f1) MiB qcow2 (uncompressed), $(qemu-img info --output=json "$work/procura.qcow2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["virtual-size"] // 2**30)') GiB virtual"

# --- boot --------------------------------------------------------------------------------------
accel=$(qemu_accel)
step=$(date +%s)
qemu-system-x86_64 -accel "$accel" -m 2048 -smp 2 -display none -monitor none \
    -drive file="$work/procura.qcow2",if=virtio,format=qcow2 \
    -netdev "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:$https_port-:443,hostfwd=tcp:127.0.0.1:$ssh_port-:22,hostfwd=tcp:127.0.0.1:$http_port-:80,hostfwd=tcp:127.0.0.1:$direct_http_port-:8080" \
    -device virtio-net-pci,netdev=n0 \
    -serial file:"$work/serial.log" >"$work/qemu.log" 2>&1 &
qemu_pid=$!
echo "booting with -accel $accel (serial log: $work/serial.log)"

# Every wait has its own PROCURA_BOOT_TIMEOUT, counted from when it begins.
wait_for() { # wait_for REGEX: waits for REGEX on the serial console
    since=$(date +%s)
    while [ $(($(date +%s) - since)) -lt "$timeout" ]; do
        grep -qaE "$1" "$work/serial.log" 2>/dev/null && return 0
        kill -0 "$qemu_pid" 2>/dev/null || return 1
        sleep 2
    done
    return 1
}
check "kernel boots to the console login" wait_for 'login:' || give_up "no login prompt"
echo "TIME boot to login prompt: $(($(date +%s) - step)) s"
check "first boot created the TLS certificate" wait_for "created a self-signed TLS certificate"
check "setup token on the serial console" wait_for 'Setup token: +[^ ]+' || give_up "no setup token"
token=$(grep -aoE 'Setup token: +[^ ]+' "$work/serial.log" | tail -1 | awk '{print $3}' | tr -d '\r')
# The token is a credential until setup is done: only its shape goes into the log.
if [ -n "$token" ]; then echo "setup token: found (${#token} characters)"; else echo "setup token: none"; fi
echo "TIME boot to setup token: $(($(date +%s) - step)) s"

check "HTTPS address on the serial console" wait_for 'Procura setup: open https://[0-9.]+/setup'

base=https://127.0.0.1:$https_port
# Requests may take long too (first JIT compilation, Argon2id under TCG): each gets the timeout.
https_ready() { # polls until Procura answers 200 through the 443 redirect (Java under TCG is slow)
    since=$(date +%s)
    while [ $(($(date +%s) - since)) -lt "$timeout" ]; do
        code=$(curl -ks -o /dev/null -w '%{http_code}' --max-time 10 "$base/health/ready")
        [ "$code" = 200 ] && return 0
        kill -0 "$qemu_pid" 2>/dev/null || return 1
        sleep 2
    done
    echo "last answer: $code"
    return 1
}
check "HTTPS through 443 answers /health/ready with 200" https_ready || give_up "Procura never answered over HTTPS"
echo "TIME boot to first HTTPS 200: $(($(date +%s) - step)) s"

# The first administrator, created with the token from the serial console, then a login.
# The password is random and only kept in a 0600 file under the work directory.
cookies=$work/cookies
(umask 077 && openssl rand -base64 24 | tr -d '\n' >"$work/admin-password")
form_csrf() { # form_csrf PATH: GETs a form page with the cookie jar, prints its CSRF token
    curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" "$base$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1
}
setup_admin() {
    [ -n "$token" ] || { echo "no setup token"; return 1; }
    csrf=$(form_csrf /setup)
    [ -n "$csrf" ] || { echo "no setup form"; return 1; }
    answer=$(curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" -o "$work/setup.html" -w '%{http_code} %{redirect_url}' \
        --data-urlencode "_csrf=$csrf" --data-urlencode "token=$token" --data-urlencode username=admin \
        --data-urlencode "displayName=Boot test" --data-urlencode "password@$work/admin-password" \
        --data-urlencode "confirm@$work/admin-password" "$base/setup")
    echo "POST /setup: $answer"
    [ "${answer%% *}" = 302 ] && case $answer in *"/login") ;; *) false ;; esac
}
check "setup with the console token creates the administrator" setup_admin
login_admin() {
    rm -f "$cookies"
    csrf=$(form_csrf /login)
    [ -n "$csrf" ] || { echo "no login form"; return 1; }
    answer=$(curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" -o /dev/null -w '%{http_code} %{redirect_url}' \
        --data-urlencode "_csrf=$csrf" --data-urlencode username=admin \
        --data-urlencode "password@$work/admin-password" "$base/login")
    echo "POST /login: $answer"
    [ "${answer%% *}" = 302 ] || return 1
    code=$(curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" -o /dev/null -w '%{http_code}' "$base/dashboard")
    echo "GET /dashboard: $code"
    [ "$code" = 200 ]
}
check "login over HTTPS as the new administrator" login_admin
# The upgrade manager as wired in the image: the admin page's "Check now" drops a request, the path unit starts
# procura-upgrade-requests.service (root, sandboxed), which checks the test repository baked in by
# chroot-build.sh and writes status.json, which the page then shows.
installed_version=$(readlink "$rootfs/opt/procura/current")
installed_version=${installed_version#releases/}
upgrade_check() {
    csrf=$(form_csrf /admin/upgrade)
    [ -n "$csrf" ] || { echo "no form on /admin/upgrade"; return 1; }
    answer=$(curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" -o /dev/null -w '%{http_code} %{redirect_url}' \
        --data-urlencode "_csrf=$csrf" --data-urlencode action=check "$base/admin/upgrade")
    echo "POST /admin/upgrade (check): $answer"
    [ "${answer%% *}" = 302 ] || return 1
    since=$(date +%s)
    while [ $(($(date +%s) - since)) -lt "$timeout" ]; do
        curl -ks -b "$cookies" --max-time "$timeout" -o "$work/upgrade.html" "$base/admin/upgrade"
        grep -q "<dd id=\"installed\">$installed_version</dd>" "$work/upgrade.html" &&
            grep -q '<dd id="channel">live</dd>' "$work/upgrade.html" &&
            grep -q "<dd id=\"newest\">$installed_version</dd>" "$work/upgrade.html" && return 0
        sleep 3
    done
    sed -e 's/<[^>]*>/ /g' "$work/upgrade.html" | tr -s ' \n' | head -c 1500
    return 1
}
check "admin page check through the upgrade service: installed $installed_version, channel live" upgrade_check
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
http_redirects() {
    answer=$(curl -s --max-time "$timeout" -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/orders")
    echo "GET http://.../orders through 80: $answer"
    [ "${answer%% *}" = 301 ]
}
check "HTTP through 80 redirects to HTTPS" http_redirects
silent() { # silent PORT: the forward accepts on the host side; a dropped guest port never answers
    ! timeout 15 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf 'GET / HTTP/1.0\r\n\r\n' >&3 && head -c 4 <&3" 2>/dev/null | grep -q .
}
check "SSH (no admin network) does not answer" silent "$ssh_port"
check "8080 directly (not through 80) does not answer" silent "$direct_http_port"

restarts() { # a second, different token on the console means Procura restarted (crashed) meanwhile
    n=$(grep -aoE 'Setup token: +[^ ]+' "$work/serial.log" | awk '{print $3}' | tr -d '\r' | sort -u | wc -l)
    [ "$n" -le 1 ] || { echo "$n different setup tokens on the console"; return 1; }
}
check "Procura did not restart during the test" restarts

[ "$FAILED" -eq 0 ] || diagnostics
echo "TIME boot test total: $(($(date +%s) - started)) s"
summary
