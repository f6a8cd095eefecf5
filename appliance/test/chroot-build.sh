#!/bin/bash
# Builds the appliance root file system without Packer: debootstrap Debian 13 (trixie), run
# site.yml into it through the chroot connection, check the result, run it again and require
# zero changes, then seal it (no SSH host keys, empty machine-id).
#
#   appliance/test/chroot-build.sh [PATH/TO/procura.jar]
#
# Without an argument it uses webapp/target/procura.jar, or a dummy jar when that is missing.
# Root file system: $PROCURA_CI_CACHE/rootfs (default /var/cache/procura-ci), kept for boot-test.sh.
# Prints "N passed, M failed" last; exits non-zero on any failure.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
ansible_dir=$repo/appliance/ansible
# shellcheck source=lib.sh
. "$here/lib.sh"

cache=${PROCURA_CI_CACHE:-/var/cache/procura-ci}
rootfs=$cache/rootfs
started=$(date +%s)

timing() { echo "TIME $1: $(($(date +%s) - $2)) s"; }

unmount_rootfs() {
    for m in dev/pts dev sys proc var/cache/apt/archives; do
        mountpoint -q "$rootfs/$m" && umount -l "$rootfs/$m"
    done
    rm -f "$rootfs/usr/sbin/policy-rc.d"
}
trap unmount_rootfs EXIT
trap 'exit 130' INT TERM

need_packages debootstrap:debootstrap ansible-playbook:ansible unzip:unzip \
    || { echo "0 passed, 1 failed"; exit 1; }

# --- the release -------------------------------------------------------------------------------
jar=${1:-$repo/webapp/target/procura.jar}
mkdir -p "$cache"
if [ ! -f "$jar" ]; then
    jar=$cache/dummy-procura.jar
    echo "no procura.jar given or built: using a dummy jar for the structure test"
    python3 - "$jar" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Version: 0.0.0-dummy\n")
PY
fi
jar=$(readlink -f "$jar")
version=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Implementation-Version: *//p' | head -1)
version=${version:-0.0.0-$(sha256sum "$jar" | cut -c1-12)}
echo "release $version from $jar"

# --- the upgrade manager and a throw-away channel repository (fresh keys every run) -------------
upgrade_jar=${PROCURA_UPGRADE_JAR:-$repo/upgrade/target/procura-upgrade.jar}
upgrade_test=$cache/upgrade-test
# Inside the image: metadata only (what status and check read), not the bundles.
upgrade_test_repo=/srv/procura-test-repository
step=$(date +%s)
if ! "$here/upgrade-test-repo.sh" "$upgrade_test" "$jar" "$upgrade_jar"; then
    echo "0 passed, 1 failed"
    exit 1
fi
timing "test channel repository" "$step"

# --- debootstrap (cached as a tarball of the finished bootstrap) -------------------------------
read -r mirror security_mirror < <(host_debian_mirrors)
if [ -z "$mirror" ]; then
    echo "no Debian mirror in this machine's APT sources"
    echo "0 passed, 1 failed"
    exit 1
fi
unmount_rootfs
if ! bootstrap_debian "$rootfs" "$mirror" "$cache"; then
    echo "0 passed, 1 failed"
    exit 1
fi

# Keep daemons from starting inside the chroot (the host may run its own MariaDB on 3306).
printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
chmod 0755 "$rootfs/usr/sbin/policy-rc.d"
mount -t proc proc "$rootfs/proc"
mount -t sysfs sysfs "$rootfs/sys"
mount --bind /dev "$rootfs/dev"
mount --bind /dev/pts "$rootfs/dev/pts"
# Downloaded packages survive between runs.
mkdir -p "$cache/apt-archives/partial"
mount --bind "$cache/apt-archives" "$rootfs/var/cache/apt/archives"
cp -L /etc/resolv.conf "$rootfs/etc/resolv.conf"

# --- the playbook, twice -----------------------------------------------------------------------
export ANSIBLE_CONFIG=$ansible_dir/ansible.cfg ANSIBLE_NOCOLOR=1 PROCURA_ROOTFS=$rootfs
playbook() {
    (cd "$ansible_dir" && ansible-playbook -i inventory/chroot.yml site.yml \
        -e "procura_jar_path=$jar" -e "procura_version=$version" \
        -e "procura_upgrade_jar_path=$upgrade_jar" -e "procura_upgrade_trust_root_path=$upgrade_test/repo/root.json" \
        -e "procura_upgrade_repository=$upgrade_test_repo" \
        -e "base_apt_mirror=$mirror" -e "base_apt_security_mirror=$security_mirror" \
        -e base_network_dhcp_enabled=true)
}
step=$(date +%s)
if playbook >"$cache/run1.log" 2>&1; then
    pass "first playbook run"
else
    fail "first playbook run (log: $cache/run1.log)"
    grep -E 'fatal:|failed:|ERROR' -A5 "$cache/run1.log" | head -40 | sed 's/^/    /'
    summary
    exit 1
fi
timing "first playbook run" "$step"

in_root() { chroot "$rootfs" "$@"; }
mode_is() { # mode_is PATH MODE OWNER GROUP
    # Inside the chroot, so that names come from the image's passwd and group.
    actual=$(chroot "$rootfs" stat -c '%a %U %G' "$1" 2>&1)
    [ "$actual" = "$2 $3 $4" ] || { echo "$1: $actual, expected $2 $3 $4"; return 1; }
}
enabled() { # enabled UNIT: wanted by some target (nftables and timesyncd by sysinit.target)
    ls "$rootfs"/etc/systemd/system/*.wants/"$1" >/dev/null 2>&1 || { echo "$1 is not enabled"; return 1; }
}

check "user procura has no login shell" sh -c "grep -q '^procura:[^:]*:[0-9]*:[0-9]*:[^:]*:/var/lib/procura:/usr/sbin/nologin$' '$rootfs/etc/passwd'"
check "user procura has no password" sh -c "grep -q '^procura:!' '$rootfs/etc/shadow'"
check "current points at releases/$version" test "$(readlink "$rootfs/opt/procura/current")" = "releases/$version"
check "release jar is read-only and owned by root" mode_is "/opt/procura/releases/$version/procura.jar" 444 root root
check "jar is the given jar" cmp "$jar" "$rootfs/opt/procura/current/procura.jar"
check "/etc/procura 0750 root:procura" mode_is /etc/procura 750 root procura
check "procura.properties 0640 root:procura" mode_is /etc/procura/procura.properties 640 root procura
check "procura.properties has the contract keys" sh -c "grep -qx 'mode=production' '$rootfs/etc/procura/procura.properties' &&
    grep -qx 'server.https.port=8443' '$rootfs/etc/procura/procura.properties' &&
    grep -qx 'database.url=jdbc:mariadb://127.0.0.1:3306/procura' '$rootfs/etc/procura/procura.properties'"
check "no database password in the image" sh -c "! test -e '$rootfs/etc/procura/database.password' &&
    grep -qx 'database.password=' '$rootfs/etc/procura/procura.properties'"
check "/var/lib/procura 0750 procura:procura" mode_is /var/lib/procura 750 procura procura
check "/var/log/procura 0750 procura:procura" mode_is /var/log/procura 750 procura procura
check "/var/backups/procura 0700 procura:procura" mode_is /var/backups/procura 700 procura procura
check "sshd policy 0600 root:root" mode_is /etc/ssh/sshd_config.d/10-procura.conf 600 root root
check "sshd policy: keys only, no root, nobody without admin network" sh -c "
    grep -qx 'PermitRootLogin no' '$rootfs/etc/ssh/sshd_config.d/10-procura.conf' &&
    grep -qx 'PasswordAuthentication no' '$rootfs/etc/ssh/sshd_config.d/10-procura.conf' &&
    grep -qx 'DenyUsers \*' '$rootfs/etc/ssh/sshd_config.d/10-procura.conf'"
check "effective sshd configuration" sh -c "chroot '$rootfs' /usr/local/sbin/procura-sshd-check /etc/ssh/sshd_config"
check "nftables ruleset is valid" in_root nft -c -f /etc/nftables.conf
check "MariaDB bound to 127.0.0.1" grep -qx 'bind-address = 127.0.0.1' "$rootfs/etc/mysql/mariadb.conf.d/90-procura.cnf"
check "Java 21 runtime" sh -c "chroot '$rootfs' java -version 2>&1 | grep -q 'version \"21'"
for unit in procura.service mariadb.service nftables.service procura-first-boot.service procura-grow-root.service \
            procura-setup-token.path systemd-timesyncd.service systemd-networkd.service; do
    check "$unit enabled" enabled "$unit"
done
check "procura-backup.timer enabled" enabled procura-backup.timer
check "monitoring agent not installed (off by default)" sh -c "! test -e '$rootfs/usr/bin/prometheus-node-exporter'"
check "procura.service sandbox" sh -c "u='$rootfs/etc/systemd/system/procura.service'
    grep -qx 'User=procura' \"\$u\" && grep -qx 'ProtectSystem=strict' \"\$u\" && grep -qx 'CapabilityBoundingSet=' \"\$u\" &&
    grep -qx 'SystemCallFilter=@system-service' \"\$u\" && grep -q 'ExecStart=/usr/bin/java .*-Xmx256m .*-jar /opt/procura/current/procura.jar serve --config /etc/procura/procura.properties' \"\$u\""
verify_units() {
    out=$(chroot "$rootfs" systemd-analyze verify /etc/systemd/system/procura.service \
        /etc/systemd/system/procura-backup.timer /etc/systemd/system/procura-first-boot.service \
        /etc/systemd/system/procura-grow-root.service 2>&1)
    echo "$out"
    ! grep -E '^/etc/systemd/system/procura[^:]*:[0-9]+:' <<<"$out"
}
check "systemd-analyze verify of the Procura units" verify_units
check "kernel module blacklist" grep -qx 'install usb-storage /bin/false' "$rootfs/etc/modprobe.d/procura-blacklist.conf"
check "sysctl hardening" grep -qx 'kernel.kptr_restrict = 2' "$rootfs/etc/sysctl.d/90-procura.conf"
check "unattended security upgrades" grep -q 'Debian-Security' "$rootfs/etc/apt/apt.conf.d/52procura-unattended-upgrades"
check "auditd enabled with the Procura rules" sh -c "ls '$rootfs'/etc/systemd/system/*.wants/auditd.service >/dev/null &&
    grep -qx -- '-w /etc/procura -p wa -k procura-config' '$rootfs/etc/audit/rules.d/50-procura.rules'"
check "apparmor.service enabled" enabled apparmor.service
check "password hashing rounds and no core dumps" sh -c "grep -qE '^SHA_CRYPT_MIN_ROUNDS[[:space:]]+500000$' '$rootfs/etc/login.defs' &&
    grep -qE '^\*[[:space:]]+hard[[:space:]]+core[[:space:]]+0$' '$rootfs/etc/security/limits.d/10-procura-no-core.conf'"
check "host name procura, resolvable" sh -c "grep -qx procura '$rootfs/etc/hostname' && grep -qP '^127\.0\.1\.1\tprocura$' '$rootfs/etc/hosts'"
check "/dev/shm nodev,nosuid,noexec" grep -qx 'tmpfs /dev/shm tmpfs defaults,nodev,nosuid,noexec 0 0' "$rootfs/etc/fstab"

# The upgrade manager (upgrade/README.md): files, owners, modes, units, and a status against the test repository.
check "procura-upgrade.jar read-only, owned by root" mode_is /opt/procura-upgrade/procura-upgrade.jar 444 root root
check "procura-upgrade command for root only" mode_is /usr/local/sbin/procura-upgrade 700 root root
check "trust root is the test repository's root.json" sh -c "cmp '$upgrade_test/repo/root.json' '$rootfs/etc/procura/trust/root.json'"
check "trust root 0644 root:root" mode_is /etc/procura/trust/root.json 644 root root
check "upgrade.properties: channel live, systemctl, MariaDB snapshot" sh -c "f='$rootfs/etc/procura/upgrade.properties'
    grep -qx 'channel=live' \"\$f\" && grep -qx 'service=systemctl' \"\$f\" && grep -qx 'repository=$upgrade_test_repo' \"\$f\" &&
    grep -q '^snapshot.command=mariadb-dump --protocol=socket -u root --single-transaction .*--databases procura ' \"\$f\" &&
    grep -qx 'snapshot.stops.service=false' \"\$f\" && ! grep -q '^auto.window' \"\$f\""
check "/var/lib/procura-upgrade 0750 root:procura" mode_is /var/lib/procura-upgrade 750 root procura
check "requests folder 2770 root:procura" mode_is /var/lib/procura-upgrade/requests 2770 root procura
check "pre-upgrade snapshots 0700 root:root" mode_is /var/lib/procura-upgrade/snapshots 700 root root
check "procura.properties names the upgrade state folder" grep -qx 'upgrade.state-dir=/var/lib/procura-upgrade' "$rootfs/etc/procura/procura.properties"
check "procura.service may write upgrade requests" grep -qx 'ReadWritePaths=-/var/lib/procura-upgrade/requests' "$rootfs/etc/systemd/system/procura.service"
check "procura-upgrade-requests.path enabled" enabled procura-upgrade-requests.path
check "procura-upgrade-auto.timer not enabled (no maintenance window)" sh -c "! ls '$rootfs'/etc/systemd/system/*.wants/procura-upgrade-auto.timer >/dev/null 2>&1"
check "upgrade service sandbox" sh -c "u='$rootfs/etc/systemd/system/procura-upgrade-requests.service'
    grep -qx 'ExecStart=/usr/local/sbin/procura-upgrade run-requests' \"\$u\" && grep -qx 'ProtectSystem=strict' \"\$u\" &&
    grep -qx 'ReadWritePaths=/opt/procura /var/lib/procura-upgrade' \"\$u\" &&
    grep -qx 'CapabilityBoundingSet=CAP_DAC_READ_SEARCH CAP_DAC_OVERRIDE' \"\$u\""
verify_upgrade_units() {
    out=$(chroot "$rootfs" systemd-analyze verify /etc/systemd/system/procura-upgrade-requests.path \
        /etc/systemd/system/procura-upgrade-requests.service /etc/systemd/system/procura-upgrade-auto.timer \
        /etc/systemd/system/procura-upgrade-auto.service 2>&1)
    echo "$out"
    ! grep -E '^/etc/systemd/system/procura-upgrade[^:]*:[0-9]+:' <<<"$out"
}
check "systemd-analyze verify of the upgrade units" verify_upgrade_units
upgrade_status() { # procura-upgrade status inside the image against the test repository's metadata
    mkdir -p "$rootfs$upgrade_test_repo"
    cp -a "$upgrade_test/repo/." "$rootfs$upgrade_test_repo/"
    rm -rf "$rootfs$upgrade_test_repo/bundles"
    out=$(chroot "$rootfs" /usr/local/sbin/procura-upgrade status 2>&1)
    rc=$?
    echo "$out" | sed 's/^/    /'
    # The image starts without trusted metadata or a status of the build machine's check; the
    # playbook's folders (requests, snapshots) stay, else the second run would create them again.
    find "$rootfs/var/lib/procura-upgrade" -mindepth 1 -maxdepth 1 ! -name requests ! -name snapshots -exec rm -rf {} +
    [ "$rc" = 0 ] && grep -qE "^installed: +$version$" <<<"$out" && grep -qE '^channel: +live$' <<<"$out" &&
        grep -qE '^metadata: +verified' <<<"$out"
}
check "procura-upgrade status: installed $version, channel live, metadata verified" upgrade_status

step=$(date +%s)
playbook >"$cache/run2.log" 2>&1
recap=$(grep -E '^rootfs +:' "$cache/run2.log")
echo "second run: $recap"
check "second playbook run changes nothing" sh -c "echo '$recap' | grep -q 'changed=0 .*failed=0'"
if ! echo "$recap" | grep -q 'changed=0 '; then
    grep -B2 -E '^changed:' "$cache/run2.log" | head -30 | sed 's/^/    /'
fi
timing "second playbook run" "$step"

# --- seal --------------------------------------------------------------------------------------
# Unmounted first: seal.sh cleans the APT cache, which must not empty the shared one.
umount "$rootfs/var/cache/apt/archives"
cp "$repo/appliance/packer/scripts/seal.sh" "$rootfs/tmp/seal.sh"
check "seal" chroot "$rootfs" env BUILD_USER=procura-build sh -eu /tmp/seal.sh
check "no SSH host keys in the image" sh -c "! ls '$rootfs'/etc/ssh/ssh_host_* >/dev/null 2>&1"
check "empty machine-id" test ! -s "$rootfs/etc/machine-id"
rm -f "$rootfs/etc/resolv.conf"

timing "chroot build total" "$started"
summary
