#!/bin/bash
# Makes the Packer base disk from the sealed root file system of chroot-build.sh: a copy of it
# with a temporary build account that Packer logs in with (key only, from QEMU's user-mode host
# address 10.0.2.2, passwordless sudo), then the same disk layout as boot-test.sh.
#
#   appliance/test/base-image.sh            (after chroot-build.sh)
#
# Writes $PROCURA_CI_CACHE/procura-base.qcow2 (default /var/cache/procura-ci) and, once, a
# throw-away key pair $PROCURA_CI_CACHE/build-key/id_ed25519 (0600, never printed). The account,
# its sudo rule and the widened sshd/nftables rules exist only in the base disk: the playbook run
# by Packer writes the hardened files back and seal.sh/the shutdown command remove the account.
# Needs network once (installs sudo into the copy from the root file system's own APT sources).
# Prints the Packer arguments for the disk and "N passed, M failed" last.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
ansible_dir=$repo/appliance/ansible
# shellcheck source=lib.sh
. "$here/lib.sh"

cache=${PROCURA_CI_CACHE:-/var/cache/procura-ci}
rootfs=$cache/rootfs
base=$cache/base-rootfs
build_user=${PROCURA_BUILD_USER:-procura-build}
key=$cache/build-key/id_ed25519
image=$cache/procura-base.qcow2
work=$(mktemp -d /tmp/procura-base.XXXXXX)
started=$(date +%s)

unmount_base() {
    for m in dev/pts dev sys proc; do
        mountpoint -q "$base/$m" && umount -l "$base/$m"
    done
}
cleanup() {
    unmount_base
    rm -rf "$work" "$base"
}
trap cleanup EXIT

if [ ! -x "$rootfs/usr/local/sbin/procura-first-boot" ] || [ -s "$rootfs/etc/machine-id" ]; then
    echo "no sealed appliance root file system in $rootfs: run chroot-build.sh first"
    echo "0 passed, 1 failed"
    exit 1
fi
need=()
command -v qemu-img >/dev/null || need+=(qemu-utils)
command -v extlinux >/dev/null || need+=(extlinux)
command -v sfdisk >/dev/null || need+=(fdisk)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
if [ "${#need[@]}" -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null \
        || { echo "cannot install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

step=$(date +%s)
rm -rf "$base"
check "copy of the sealed root file system" cp -a "$rootfs" "$base"

if [ ! -s "$key" ]; then
    install -d -m 0700 "$(dirname "$key")"
    ssh-keygen -q -t ed25519 -N '' -C "$build_user (Procura image build)" -f "$key"
fi

install_sudo() {
    mount -t proc proc "$base/proc" && mount -t sysfs sysfs "$base/sys" &&
    mount --bind /dev "$base/dev" && mount --bind /dev/pts "$base/dev/pts" &&
    cp -L /etc/resolv.conf "$base/etc/resolv.conf" &&
    printf '#!/bin/sh\nexit 101\n' >"$base/usr/sbin/policy-rc.d" && chmod 0755 "$base/usr/sbin/policy-rc.d" &&
    chroot "$base" apt-get update -q &&
    chroot "$base" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends sudo &&
    chroot "$base" apt-get clean && rm -rf "$base"/var/lib/apt/lists/* &&
    rm -f "$base/usr/sbin/policy-rc.d" "$base/etc/resolv.conf"
}
check "sudo installed into the copy" install_sudo
unmount_base

add_account() {
    chroot "$base" useradd --create-home --shell /bin/sh --comment "Procura image build (temporary)" "$build_user" &&
    install -d -m 0700 "$base/home/$build_user/.ssh" &&
    install -m 0600 "$key.pub" "$base/home/$build_user/.ssh/authorized_keys" &&
    chroot "$base" chown -R "$build_user:" "/home/$build_user/.ssh" &&
    printf '%s ALL=(ALL:ALL) NOPASSWD: ALL\n' "$build_user" >"$base/etc/sudoers.d/$build_user" &&
    chmod 0440 "$base/etc/sudoers.d/$build_user" &&
    chroot "$base" visudo -c -f "/etc/sudoers.d/$build_user"
}
check "build account $build_user with key and sudo rule" add_account

# SSH from QEMU's host address only: the role templates rendered with that as the admin network.
export ANSIBLE_CONFIG=$ansible_dir/ansible.cfg ANSIBLE_NOCOLOR=1 ANSIBLE_LOCALHOST_WARNING=0 ANSIBLE_INVENTORY_UNPARSED_WARNING=0
render() { # render TEMPLATE DEST MODE ROLE
    ansible localhost -c local -o -m ansible.builtin.template \
        -a "src=$repo/config-templates/$1 dest=$2 mode=$3" \
        -e "@$ansible_dir/group_vars/all.yml" -e "@$ansible_dir/roles/$4/defaults/main.yml" \
        -e '{"procura_admin_networks": ["10.0.2.2/32"]}' >/dev/null
}
build_sshd() {
    render sshd-procura.conf.j2 "$base/etc/ssh/sshd_config.d/10-procura.conf" 0600 hardening &&
    grep -qx 'AllowUsers \*@10.0.2.2/32' "$base/etc/ssh/sshd_config.d/10-procura.conf"
}
check "sshd allows SSH from 10.0.2.2 (build only)" build_sshd
build_nft() {
    render nftables.conf.j2 "$base/etc/nftables.conf" 0700 firewall &&
    grep -q '10.0.2.2/32.*dport 22 accept' "$base/etc/nftables.conf" &&
    chroot "$base" nft -c -f /etc/nftables.conf
}
check "nftables accepts SSH from 10.0.2.2 (build only)" build_nft
echo "TIME base root file system: $(($(date +%s) - step)) s"

step=$(date +%s)
check "base disk $image" make_boot_disk "$base" "$work" "$work/base.qcow2"
[ -f "$work/base.qcow2" ] && mv "$work/base.qcow2" "$image"
echo "TIME base disk: $(($(date +%s) - step)) s"

if [ -f "$image" ]; then
    echo "Packer arguments for this disk:"
    echo "  -var base_image=$image -var base_image_checksum=sha256:$(sha256sum "$image" | cut -d' ' -f1)"
    echo "  -var build_ssh_user=$build_user -var build_ssh_private_key=$key"
fi
echo "TIME base image total: $(($(date +%s) - started)) s"
summary
