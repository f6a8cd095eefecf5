# shellcheck shell=bash
# Shared helpers of the appliance test scripts (sourced).

PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); echo "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }

# check NAME COMMAND...: runs the command, keeps its output only when it fails; returns its success.
check() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then
        pass "$name"
    else
        fail "$name"
        printf '%s\n' "$out" | tail -40 | sed 's/^/    /'
        return 1
    fi
}

summary() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}

# Prints the first Debian (not security) and security mirror URLs of this machine's APT sources,
# one-line or deb822 format, as "MIRROR SECURITY_MIRROR".
host_debian_mirrors() {
    python3 - <<'PY'
import glob, re
main = sec = ""
files = ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")) + sorted(glob.glob("/etc/apt/sources.list.d/*.sources"))
for path in files:
    try:
        text = open(path).read()
    except OSError:
        continue
    entries = []
    if path.endswith(".sources"):
        for stanza in re.split(r"\n\s*\n", text):
            fields = {}
            for line in stanza.splitlines():
                if line.startswith("#") or ":" not in line:
                    continue
                key, value = line.split(":", 1)
                fields[key.strip().lower()] = value.strip()
            if fields.get("enabled", "yes") == "no" or "deb" not in fields.get("types", "").split():
                continue
            for uri in fields.get("uris", "").split():
                entries.append((uri, fields.get("suites", "")))
    else:
        for line in text.splitlines():
            m = re.match(r"^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)", line)
            if m:
                entries.append((m.group(1), m.group(2)))
    for uri, suites in entries:
        uri = uri.rstrip("/")
        if "security" in suites:
            sec = sec or uri
        elif uri.endswith("/debian"):
            main = main or uri
print(main, sec)
PY
}

# bootstrap_debian ROOTFS MIRROR CACHE: a minimal bootable Debian 13 in ROOTFS (emptied first) by
# debootstrap from MIRROR, kept as a tarball of the finished bootstrap in CACHE (keyed by suite,
# packages and mirror) so that the next run only unpacks it. Prints a TIME line; on failure the
# end of CACHE/debootstrap.log.
bootstrap_debian() {
    local root=$1 mirror=$2 cache=$3 suite=trixie key tarball started
    local packages=systemd,systemd-sysv,dbus,python3,python3-apt,ca-certificates,iproute2,linux-image-amd64,initramfs-tools,zstd
    key=$(printf '%s %s %s' "$suite" "$packages" "$mirror" | sha256sum | cut -c1-12)
    tarball=$cache/rootfs-$suite-$key.tar
    started=$(date +%s)
    rm -rf "$root"
    mkdir -p "$root" "$cache"
    if [ -f "$tarball" ]; then
        tar -C "$root" -xpf "$tarball"
        echo "TIME root file system from cache: $(($(date +%s) - started)) s"
        return 0
    fi
    if ! debootstrap --variant=minbase --include="$packages" "$suite" "$root" "$mirror" >"$cache/debootstrap.log" 2>&1; then
        tail -20 "$cache/debootstrap.log"
        return 1
    fi
    rm -rf "$root/var/cache/apt/archives"/*.deb
    tar -C "$root" -cpf "$tarball.new" . && mv "$tarball.new" "$tarball"
    echo "TIME debootstrap: $(($(date +%s) - started)) s"
}

# need_packages COMMAND:PACKAGE...: installs the packages whose command is missing (apt-get update
# first, since a fresh machine may have no package lists). Prints what it installs.
need_packages() {
    missing=()
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    echo "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
        || { echo "cannot install ${missing[*]}"; return 1; }
}

# Stops the VM the caller started in the background and keeps in $qemu_pid.
stop_vm() {
    if [ -n "$qemu_pid" ]; then
        kill "$qemu_pid" 2>/dev/null
        wait "$qemu_pid" 2>/dev/null
        qemu_pid=
    fi
}

# java_21: prints a java executable of version 21 or newer (JAVA_HOME, /usr/lib/jvm, PATH).
java_21() {
    for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
        [ -x "$candidate" ] || continue
        major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        [ "${major:-0}" -ge 21 ] 2>/dev/null && { echo "$candidate"; return 0; }
    done
    return 1
}

# qemu_accel: the -accel argument for this machine. KVM where the CPU has vmx/svm and /dev/kvm is
# usable; else TCG with one translation thread: with multi-threaded TCG the guest's JVM crashed in
# JIT-compiled code (SIGSEGV in code HotSpot had just patched on another vCPU, a cross-modifying
# code race of the emulator), which restarted Procura with a new setup token mid-test.
qemu_accel() {
    if grep -qE 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ]; then
        echo kvm
    else
        echo tcg,thread=single
    fi
}

# pick_forwards: host ports (127.0.0.1) for the guest's 443, 22, 80 and 8080, derived from this
# process's id so that parallel tests do not collide; sets https_port, ssh_port, http_port and
# direct_http_port. forwards prints them as QEMU hostfwd options.
pick_forwards() {
    https_port=$((20000 + $$ % 10000))
    ssh_port=$((https_port + 1))
    http_port=$((https_port + 2))
    direct_http_port=$((https_port + 3))
}
forwards() {
    echo "hostfwd=tcp:127.0.0.1:$https_port-:443,hostfwd=tcp:127.0.0.1:$ssh_port-:22,hostfwd=tcp:127.0.0.1:$http_port-:80,hostfwd=tcp:127.0.0.1:$direct_http_port-:8080"
}

# discard_vm: stops the VM, removes the admin password and cookies, and the work folder unless
# PROCURA_KEEP_IMAGE is set (for the EXIT trap).
discard_vm() {
    stop_vm
    rm -f "$work/admin-password" "$work/cookies"
    [ -n "${PROCURA_KEEP_IMAGE:-}" ] || rm -rf "$work"
}

# start_vm DISK MEMORY_MB NETDEV: boots DISK (qcow2, or raw when named *.raw) under QEMU in the
# background, 2 vCPUs, serial console into $work/serial.log; NETDEV is the -netdev value, whose
# id must be n0. Sets qemu_pid (stop_vm stops it).
start_vm() {
    local format=qcow2 accel
    case $1 in *.raw) format=raw ;; esac
    accel=$(qemu_accel)
    qemu-system-x86_64 -accel "$accel" -m "$2" -smp 2 -display none -monitor none \
        -drive file="$1",if=virtio,format=$format -netdev "$3" -device virtio-net-pci,netdev=n0 \
        -serial file:"$work/serial.log" >"$work/qemu.log" 2>&1 &
    qemu_pid=$!
    echo "booting with -accel $accel (serial log: $work/serial.log)"
}

# make_boot_disk ROOTFS WORKDIR OUT.qcow2: a bootable disk from a root file system. Writes fstab and
# extlinux.conf into ROOTFS, makes an ext4 file system from it (mkfs.ext4 -d) directly at 1 MiB of a
# 6 GiB raw disk with one MBR partition, installs extlinux through a loop device and converts to
# qcow2. Needs root, qemu-img, extlinux, sfdisk.
make_boot_disk() {
    (
        set -e
        root=$1 dir=$2 out=$3
        kernel=$(cd "$root/boot" && ls vmlinuz-* | sort -V | tail -1)
        # The root line replaces any other for /; the rest of fstab (e.g. /dev/shm options) stays.
        touch "$root/etc/fstab"
        sed -i -E '/^[^#[:space:]]+[[:space:]]+\/[[:space:]]/d' "$root/etc/fstab"
        printf 'LABEL=procura-root / ext4 errors=remount-ro 0 1\n' >>"$root/etc/fstab"
        mkdir -p "$root/boot/extlinux"
        cat >"$root/boot/extlinux/extlinux.conf" <<CONF
DEFAULT procura
TIMEOUT 1
LABEL procura
    LINUX /boot/$kernel
    INITRD /boot/initrd.img-${kernel#vmlinuz-}
    APPEND root=LABEL=procura-root ro console=tty0 console=ttyS0,115200 quiet systemd.default_device_timeout_sec=300
CONF
        rm -f "$dir/disk.raw"
        truncate -s $((6 * 1024 + 1))M "$dir/disk.raw"
        mkfs.ext4 -q -L procura-root -E offset=$((1024 * 1024)),nodiscard -d "$root" "$dir/disk.raw" 6G
        echo 'start=2048, type=83, bootable' | sfdisk -q "$dir/disk.raw"
        loop=$(losetup --find --show --offset $((1024 * 1024)) "$dir/disk.raw")
        trap 'mountpoint -q "$dir/mnt" && umount "$dir/mnt"; losetup -d "$loop"' EXIT
        mkdir -p "$dir/mnt"
        mount "$loop" "$dir/mnt"
        extlinux --install "$dir/mnt/boot/extlinux"
        umount "$dir/mnt"
        dd if=/usr/lib/EXTLINUX/mbr.bin of="$dir/disk.raw" bs=440 count=1 conv=notrunc status=none
        qemu-img convert -f raw -O qcow2 "$dir/disk.raw" "$out"
        rm "$dir/disk.raw"
    )
}

# redact_tokens: hides setup tokens (six groups of four) in logs that a failed test prints.
redact_tokens() {
    sed -E 's/[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){5}/<setup token>/g'
}

# guest_journal DISK.qcow2 WORKDIR: after the VM stopped, prints the guest's journal of the Procura
# units and the head of any JVM crash report, for a failed test's log.
guest_journal() {
    (
        disk=$1 dir=$2
        qemu-img convert -f qcow2 -O raw "$disk" "$dir/inspect.raw" || exit 1
        mkdir -p "$dir/inspect"
        trap 'mountpoint -q "$dir/inspect" && umount "$dir/inspect"; rm -f "$dir/inspect.raw"' EXIT
        mount -o ro,noload,loop,offset=$((1024 * 1024)) "$dir/inspect.raw" "$dir/inspect" || exit 1
        echo "--- guest journal (procura-first-boot, mariadb, procura, procura-upgrade-requests), last 80 lines"
        journalctl --directory="$dir/inspect/var/log/journal" --no-pager -o short-monotonic \
            -u procura-first-boot.service -u mariadb.service -u procura.service \
            -u procura-upgrade-requests.path -u procura-upgrade-requests.service 2>&1 | tail -80 | redact_tokens
        for f in "$dir"/inspect/var/lib/procura/hs_err_pid*.log; do
            [ -f "$f" ] || continue
            echo "--- $(basename "$f") (head)"
            head -25 "$f"
        done
    )
}

# --- a booted appliance, seen from the host -----------------------------------------------------
# For boot-test.sh and install-test.sh. They set: work (folder with serial.log), qemu_pid, timeout
# (seconds each wait and request may take), base (https://127.0.0.1:PORT), http_port (forward of
# 80), cookies (cookie jar), token (the setup token), and keep the admin password in
# $work/admin-password (0600).

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
form_csrf() { # form_csrf PATH: GETs a form page with the cookie jar, prints its CSRF token
    curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" "$base$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1
}
setup_admin() {
    [ -n "$token" ] || { echo "no setup token"; return 1; }
    csrf=$(form_csrf /setup)
    [ -n "$csrf" ] || { echo "no setup form"; return 1; }
    answer=$(curl -ks -c "$cookies" -b "$cookies" --max-time "$timeout" -o "$work/setup.html" -w '%{http_code} %{redirect_url}' \
        --data-urlencode "_csrf=$csrf" --data-urlencode "token=$token" --data-urlencode username=admin \
        --data-urlencode "displayName=Appliance test" --data-urlencode "password@$work/admin-password" \
        --data-urlencode "confirm@$work/admin-password" "$base/setup")
    echo "POST /setup: $answer"
    [ "${answer%% *}" = 302 ] && case $answer in *"/login") ;; *) false ;; esac
}
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
http_redirects() { # HTTP through the forward of port 80 ($http_port) answers 301
    answer=$(curl -s --max-time "$timeout" -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/orders")
    echo "GET http://.../orders through 80: $answer"
    [ "${answer%% *}" = 301 ]
}
silent() { # silent PORT: the forward accepts on the host side; a dropped guest port never answers
    ! timeout 15 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf 'GET / HTTP/1.0\r\n\r\n' >&3 && head -c 4 <&3" 2>/dev/null | grep -q .
}
