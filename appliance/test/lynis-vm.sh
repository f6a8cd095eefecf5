#!/bin/bash
# Boots a copy of an appliance image and audits it from the inside with Lynis, which only means
# something in the running VM (in a chroot or with --rootdir it sees the host's kernel and
# services). Also takes a backup with the appliance's backup service and restores it.
#
#   appliance/test/lynis-vm.sh IMAGE.qcow2 [MIN_INDEX]       (MIN_INDEX default 75)
#
# The copy (the image itself stays untouched) gets what a customer sets up to administer the
# appliance: an admin network (QEMU's host address 10.0.2.2/32, rendered with the role templates
# for sshd and nftables, as procura_admin_networks does), an account procura-audit with a key made
# for this run only and a sudo rule, and Debian's lynis package from the image's own APT sources.
# Writes the Lynis report and log to $PROCURA_CI_CACHE/lynis/ (default /var/cache/procura-ci).
# Prints the hardening index, the suggestions, and "N passed, M failed" last.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
ansible_dir=$repo/appliance/ansible
# shellcheck source=lib.sh
. "$here/lib.sh"

image=$(readlink -f "${1:?usage: lynis-vm.sh IMAGE.qcow2 [MIN_INDEX]}")
min_index=${2:-75}
cache=${PROCURA_CI_CACHE:-/var/cache/procura-ci}
report_dir=$cache/lynis
timeout=${PROCURA_BOOT_TIMEOUT:-600}
work=$(mktemp -d /tmp/procura-lynis.XXXXXX)
user=procura-audit
ssh_port=$((30000 + $$ % 10000))
https_port=$((ssh_port + 1))
qemu_pid=
started=$(date +%s)

unmount_copy() { # the loop device of the copy is released with its mount (mount -o loop: autoclear)
    for m in dev/pts dev sys proc ""; do
        mountpoint -q "$work/mnt/$m" && { umount "$work/mnt/$m" || umount -l "$work/mnt/$m"; }
    done
}
cleanup() {
    stop_vm
    unmount_copy
    [ -n "${PROCURA_KEEP_IMAGE:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need_packages qemu-system-x86_64:qemu-system-x86 qemu-img:qemu-utils ssh:openssh-client \
    ansible:ansible curl:curl || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$report_dir"

# --- the audit copy ----------------------------------------------------------------------------
step=$(date +%s)
ssh-keygen -q -t ed25519 -N '' -C "$user (Lynis run, $(date -u +%F))" -f "$work/key"
export ANSIBLE_CONFIG=$ansible_dir/ansible.cfg ANSIBLE_NOCOLOR=1 ANSIBLE_LOCALHOST_WARNING=0 ANSIBLE_INVENTORY_UNPARSED_WARNING=0
render() { # render TEMPLATE DEST MODE ROLE: a role template with 10.0.2.2/32 as the admin network
    ansible localhost -c local -o -m ansible.builtin.template \
        -a "src=$repo/config-templates/$1 dest=$2 mode=$3" \
        -e "@$ansible_dir/group_vars/all.yml" -e "@$ansible_dir/roles/$4/defaults/main.yml" \
        -e '{"procura_admin_networks": ["10.0.2.2/32"]}' >/dev/null
}
prepare_copy() {
    qemu-img convert -f qcow2 -O raw "$image" "$work/audit.raw" &&
    mkdir -p "$work/mnt" && mount -o loop,offset=$((1024 * 1024)) "$work/audit.raw" "$work/mnt" &&
    mount -t proc proc "$work/mnt/proc" && mount -t sysfs sysfs "$work/mnt/sys" &&
    mount --bind /dev "$work/mnt/dev" && mount --bind /dev/pts "$work/mnt/dev/pts" &&
    cp -L /etc/resolv.conf "$work/mnt/etc/resolv.conf" &&
    printf '#!/bin/sh\nexit 101\n' >"$work/mnt/usr/sbin/policy-rc.d" && chmod 0755 "$work/mnt/usr/sbin/policy-rc.d" &&
    chroot "$work/mnt" apt-get update -q >/dev/null &&
    chroot "$work/mnt" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends lynis sudo >/dev/null &&
    chroot "$work/mnt" apt-get clean && rm -rf "$work"/mnt/var/lib/apt/lists/* &&
    rm -f "$work/mnt/usr/sbin/policy-rc.d" "$work/mnt/etc/resolv.conf" &&
    chroot "$work/mnt" useradd --create-home --shell /bin/sh --comment "Lynis run (test only)" "$user" &&
    install -d -m 0700 "$work/mnt/home/$user/.ssh" &&
    install -m 0600 "$work/key.pub" "$work/mnt/home/$user/.ssh/authorized_keys" &&
    chroot "$work/mnt" chown -R "$user:" "/home/$user/.ssh" &&
    printf '%s ALL=(ALL:ALL) NOPASSWD: ALL\n' "$user" >"$work/mnt/etc/sudoers.d/$user" &&
    chmod 0440 "$work/mnt/etc/sudoers.d/$user" &&
    render sshd-procura.conf.j2 "$work/mnt/etc/ssh/sshd_config.d/10-procura.conf" 0600 hardening &&
    render nftables.conf.j2 "$work/mnt/etc/nftables.conf" 0700 firewall &&
    chroot "$work/mnt" nft -c -f /etc/nftables.conf
}
check "audit copy with admin network 10.0.2.2/32, account $user, lynis" prepare_copy || { unmount_copy; summary; exit 1; }
unmount_copy
echo "TIME audit copy: $(($(date +%s) - step)) s"

# --- boot --------------------------------------------------------------------------------------
step=$(date +%s)
start_vm "$work/audit.raw" 2048 "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:$ssh_port-:22,hostfwd=tcp:127.0.0.1:$https_port-:443"
ssh_opts=(-i "$work/key" -p "$ssh_port" -o BatchMode=yes -o StrictHostKeyChecking=no
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=20 -o ServerAliveInterval=30)
vm() { ssh "${ssh_opts[@]}" "$user@127.0.0.1" "$@"; }
ssh_up() {
    since=$(date +%s)
    while [ $(($(date +%s) - since)) -lt "$timeout" ]; do
        vm true 2>/dev/null && return 0
        kill -0 "$qemu_pid" 2>/dev/null || return 1
        sleep 5
    done
    return 1
}
if ! check "SSH with the run's key from the admin network" ssh_up; then
    tail -30 "$work/serial.log" | tr -d '\r'
    summary
    exit 1
fi
echo "TIME boot to SSH: $(($(date +%s) - step)) s"
# Lynis looks at the running services: let the first boot finish and Procura start first.
ready() {
    since=$(date +%s)
    while [ $(($(date +%s) - since)) -lt "$timeout" ]; do
        [ "$(curl -ks -o /dev/null -w '%{http_code}' --max-time 10 "https://127.0.0.1:$https_port/health/ready")" = 200 ] && return 0
        sleep 5
    done
    return 1
}
check "Procura ready over HTTPS" ready
echo "TIME boot to Procura ready: $(($(date +%s) - step)) s"

# --- Lynis -------------------------------------------------------------------------------------
step=$(date +%s)
vm "sudo lynis audit system --quick --no-colors" >"$report_dir/lynis-output.txt" 2>&1
vm "sudo cat /var/log/lynis-report.dat" >"$report_dir/lynis-report.dat"
vm "sudo cat /var/log/lynis.log" >"$report_dir/lynis.log"
echo "TIME Lynis: $(($(date +%s) - step)) s"
index=$(sed -n 's/^hardening_index=//p' "$report_dir/lynis-report.dat")
echo "Lynis $(sed -n 's/^lynis_version=//p' "$report_dir/lynis-report.dat"), tests performed: $(sed -n 's/^lynis_tests_done=//p' "$report_dir/lynis-report.dat")"
echo "hardening index: ${index:-none} (at least $min_index wanted)"
echo "warnings:"
sed -n 's/^warning\[\]=//p' "$report_dir/lynis-report.dat" | sed 's/^/  /'
echo "suggestions:"
sed -n 's/^suggestion\[\]=//p' "$report_dir/lynis-report.dat" | sed 's/^/  /'
check "Lynis hardening index ${index:-none} >= $min_index" test "${index:-0}" -ge "$min_index"

# --- backup and restore ------------------------------------------------------------------------
# The nightly snapshot, taken now; then an account is added, the snapshot restored, and the
# database must equal the snapshot again (the account gone) with Procura answering afterwards.
step=$(date +%s)
checksums() { # CHECKSUM TABLE of every table of the procura database, one line each
    vm "sudo sh -s" <<'SH'
tables=$(mariadb --protocol=socket -N -e "SELECT GROUP_CONCAT(CONCAT('procura.', table_name) ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'procura'")
mariadb --protocol=socket -N -e "CHECKSUM TABLE $tables EXTENDED"
SH
}
backup() {
    vm "sudo systemctl start procura-backup.service && sudo sh -c 'ls -1d /var/backups/procura/procura-* | tail -1'" >"$work/snapshot" &&
    snapshot=$(cat "$work/snapshot") && echo "snapshot $snapshot" &&
    vm "sudo ls -l $snapshot && sudo gzip -t $snapshot/database.sql.gz && sudo tar -tzf $snapshot/data.tar.gz >/dev/null" &&
    checksums >"$work/before" && [ -s "$work/before" ]
}
check "procura-backup.service writes a snapshot (database dump, data folder)" backup
restore() {
    snapshot=$(cat "$work/snapshot")
    vm "cd / && sudo -u procura procura user create-admin --config /etc/procura/procura.properties --username restore-check" >/dev/null &&
    checksums >"$work/changed" && ! cmp -s "$work/before" "$work/changed" &&
    vm "sudo systemctl stop procura.service &&
        sudo sh -c 'zcat $snapshot/database.sql.gz | mariadb --protocol=socket' &&
        sudo find /var/lib/procura -mindepth 1 -delete &&
        sudo tar -C /var/lib/procura -xzf $snapshot/data.tar.gz" &&
    checksums >"$work/after" && diff "$work/before" "$work/after" &&
    vm "sudo systemctl start procura.service" && ready
}
check "restoring the snapshot brings the database back (the later account gone), Procura answers" restore
echo "TIME backup and restore: $(($(date +%s) - step)) s"

echo "TIME Lynis run total: $(($(date +%s) - started)) s"
summary
