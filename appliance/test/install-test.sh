#!/bin/bash
# installer/install.sh end to end, as a customer who cannot import images runs it: a plain Debian 13
# host (debootstrap, DHCP, nothing of Procura) boots under QEMU, runs
#   install.sh --jar procura.jar --upgrade-jar procura-upgrade.jar --trust-root root.json
# at its first boot (its output on the serial console), and the installed Procura is then checked
# from the outside: install.sh's address and setup token, HTTPS through 443, setup with that token,
# login, HTTP redirect, SSH and 8080 dropped by the firewall.
#
#   sudo appliance/test/install-test.sh [PROCURA_JAR]      (on demand; about an hour under TCG)
#
# The guest reaches the Debian mirror of this machine's APT sources through QEMU's user-mode NAT
# (install.sh installs Ansible, the playbook Java and MariaDB); forwards bind 127.0.0.1 only.
# PROCURA_CI_CACHE (default /var/cache/procura-ci) holds the debootstrap tarball that chroot-build.sh
# also uses. Prints "N passed, M failed" last; exits non-zero on any failure.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

jar=${1:-$repo/webapp/target/procura.jar}
upgrade_jar=${PROCURA_UPGRADE_JAR:-$repo/upgrade/target/procura-upgrade.jar}
cache=${PROCURA_CI_CACHE:-/var/cache/procura-ci}
# One wait covers the whole installation (apt and the playbook under emulation).
install_timeout=${PROCURA_INSTALL_TIMEOUT:-7200}
timeout=${PROCURA_BOOT_TIMEOUT:-300}
work=$(mktemp -d /tmp/procura-install.XXXXXX)
host=$work/host-rootfs
pick_forwards
qemu_pid=
started=$(date +%s)

trap discard_vm EXIT
trap 'exit 130' INT TERM

give_up() {
    echo "FATAL: $*"
    stop_vm
    echo "--- serial console, last 60 lines ($work/serial.log)"
    tail -60 "$work/serial.log" 2>/dev/null | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' | redact_tokens
    [ -s "$work/qemu.log" ] && { echo "--- QEMU"; cat "$work/qemu.log"; }
    echo "TIME install test total: $(($(date +%s) - started)) s"
    summary
    exit 1
}

if [ "$(id -u)" -ne 0 ]; then
    echo "install-test.sh needs root (debootstrap, loop devices)"
    echo "0 passed, 1 failed"
    exit 1
fi
for f in "$jar" "$upgrade_jar"; do
    [ -f "$f" ] || { echo "no $f: build it first (mvn -B package)"; echo "0 passed, 1 failed"; exit 1; }
done
need_packages debootstrap:debootstrap qemu-system-x86_64:qemu-system-x86 qemu-img:qemu-utils extlinux:extlinux \
    sfdisk:fdisk curl:curl openssl:openssl unzip:unzip || { echo "0 passed, 1 failed"; exit 1; }
read -r mirror _ < <(host_debian_mirrors)
[ -n "$mirror" ] || give_up "no Debian mirror in this machine's APT sources"

# --- the customer's host: plain Debian 13 with DHCP, the source tree and the release files -----
step=$(date +%s)
bootstrap_debian "$host" "$mirror" "$cache" || give_up "debootstrap failed"
"$here/upgrade-test-repo.sh" "$work/upgrade-test" "$jar" "$upgrade_jar" >/dev/null || give_up "no test channel repository"
prepare_host() {
    printf 'customer-host\n' >"$host/etc/hostname"
    : >"$host/etc/machine-id"
    printf 'nameserver 10.0.2.3\n' >"$host/etc/resolv.conf"
    printf 'deb %s trixie main\n' "$mirror" >"$host/etc/apt/sources.list"
    mkdir -p "$host/etc/systemd/network"
    printf '[Match]\nType=ether\n\n[Network]\nDHCP=yes\n' >"$host/etc/systemd/network/20-wired.network"
    mkdir -p "$host/etc/systemd/system/multi-user.target.wants"
    ln -sf /usr/lib/systemd/system/systemd-networkd.service "$host/etc/systemd/system/multi-user.target.wants/systemd-networkd.service"
    mkdir -p "$host/etc/systemd/system/network-online.target.wants"
    ln -sf /usr/lib/systemd/system/systemd-networkd-wait-online.service \
        "$host/etc/systemd/system/network-online.target.wants/systemd-networkd-wait-online.service"
    src=$host/root/procura
    mkdir -p "$src"
    cp -a "$repo/appliance" "$repo/config-templates" "$repo/installer" "$src/"
    cp "$jar" "$src/procura.jar"
    cp "$upgrade_jar" "$src/procura-upgrade.jar"
    cp "$work/upgrade-test/repo/root.json" "$src/root.json"
    # The customer's command, run once at the first boot with its output on the console.
    cat >"$host/etc/systemd/system/procura-install-under-test.service" <<'UNIT'
[Unit]
Description=installer/install.sh as a customer runs it
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
ExecStart=/bin/sh -c '/root/procura/installer/install.sh --jar /root/procura/procura.jar --upgrade-jar /root/procura/procura-upgrade.jar --trust-root /root/procura/root.json; echo "install.sh exited with $?"'
StandardOutput=journal+console
StandardError=journal+console
SyslogIdentifier=install.sh
TimeoutStartSec=infinity

[Install]
WantedBy=multi-user.target
UNIT
    ln -sf /etc/systemd/system/procura-install-under-test.service \
        "$host/etc/systemd/system/multi-user.target.wants/procura-install-under-test.service"
}
check "plain Debian 13 host with the source tree, procura.jar, procura-upgrade.jar and root.json" prepare_host
check "raw disk with extlinux, converted to qcow2" make_boot_disk "$host" "$work" "$work/host.qcow2" || give_up "no disk image"
rm -rf "$host"
echo "TIME host disk: $(($(date +%s) - step)) s"

# --- boot and install -------------------------------------------------------------------------
step=$(date +%s)
# No restrict=on: the host reaches the Debian mirror through QEMU's NAT.
start_vm "$work/host.qcow2" 3072 \
    "user,id=n0,$(forwards)"

check "the host boots and install.sh starts" wait_for 'install.sh: installing Ansible' || give_up "install.sh never started"
echo "TIME boot to install.sh: $(($(date +%s) - step)) s"
timeout=$install_timeout check "install.sh finishes" wait_for 'install.sh exited with [0-9]+' || give_up "install.sh did not finish"
echo "TIME install.sh: $(($(date +%s) - step)) s"
check "install.sh exits 0" grep -qa 'install.sh exited with 0' "$work/serial.log" || give_up "install.sh failed"
check "install.sh prints the HTTPS address" grep -qaE 'HTTPS address: https://10\.0\.2\.15/' "$work/serial.log"
# The token as install.sh printed it (the console's own banner shows it too): the customer types this one.
check "install.sh prints the setup token" grep -qaE 'install\.sh\[[0-9]+\]: Setup token: +[^ ]+' "$work/serial.log" || give_up "no setup token"
token=$(grep -aoE 'install\.sh\[[0-9]+\]: Setup token: +[^ ]+' "$work/serial.log" | tail -1 | awk '{print $4}' | tr -d '\r')

base=https://127.0.0.1:$https_port
cookies=$work/cookies
(umask 077 && openssl rand -base64 24 | tr -d '\n' >"$work/admin-password")
check "HTTPS through 443 answers /health/ready with 200" https_ready || give_up "Procura never answered over HTTPS"
echo "TIME boot to first HTTPS 200: $(($(date +%s) - step)) s"
check "setup with install.sh's token creates the administrator" setup_admin
check "login over HTTPS as the new administrator" login_admin
check "HTTP through 80 redirects to HTTPS" http_redirects
check "SSH (no admin network given) does not answer" silent "$ssh_port"
check "8080 directly does not answer" silent "$direct_http_port"

echo "TIME install test total: $(($(date +%s) - started)) s"
summary
