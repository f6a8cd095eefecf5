#!/bin/bash
# Runs the Packer image build end to end on the base disk of base-image.sh: mirror from this
# machine's APT sources, base disk checksum, build key, the jar and its version. Then checks the
# outputs (qcow2 and OVA with its manifest).
#
#   appliance/test/packer-build.sh [PATH/TO/procura.jar]     (after base-image.sh)
#
# Accelerator: kvm when the CPU has vmx/svm and /dev/kvm is usable, else tcg.
# Output: $PROCURA_CI_CACHE/packer-output/procura.qcow2 and procura.ova (replaced on every run);
# Packer's log in $PROCURA_CI_CACHE/packer.log, the build VM's serial console in
# $PROCURA_CI_CACHE/packer-output-serial.log. Prints "N passed, M failed" last.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

cache=${PROCURA_CI_CACHE:-/var/cache/procura-ci}
base=$cache/procura-base.qcow2
key=$cache/build-key/id_ed25519
output=$cache/packer-output
started=$(date +%s)

jar=$(readlink -f "${1:-$repo/webapp/target/procura.jar}")
if [ ! -f "$base" ] || [ ! -f "$key" ] || [ ! -f "$jar" ]; then
    echo "needs $base and $key (base-image.sh) and $jar"
    echo "0 passed, 1 failed"
    exit 1
fi
version=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Implementation-Version: *//p' | head -1)
version=${version:-0.0.0-$(sha256sum "$jar" | cut -c1-12)}
# The upgrade manager and its trust root: a release build passes the real root.json; tests use the
# throw-away repository of chroot-build.sh (or make one).
upgrade_jar=${PROCURA_UPGRADE_JAR:-$repo/upgrade/target/procura-upgrade.jar}
trust_root=${PROCURA_UPGRADE_TRUST_ROOT:-$cache/upgrade-test/repo/root.json}
if [ ! -f "$trust_root" ] && [ -z "${PROCURA_UPGRADE_TRUST_ROOT:-}" ]; then
    "$here/upgrade-test-repo.sh" "$cache/upgrade-test" "$jar" "$upgrade_jar" || { echo "0 passed, 1 failed"; exit 1; }
fi
read -r mirror security_mirror < <(host_debian_mirrors)
accel=tcg
if grep -qE 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ]; then
    accel=kvm
fi
echo "release $version, -accel $accel"

rm -rf "$output" "$output-serial.log"
step=$(date +%s)
build() {
    cd "$repo/appliance/packer" &&
    PACKER_LOG=1 PACKER_LOG_PATH=$cache/packer.log packer build -color=false -var-file="targets/$accel.pkrvars.hcl" \
        -var "debian_mirror=$mirror" -var "debian_security_mirror=$security_mirror" \
        -var "base_image=$base" -var "base_image_checksum=sha256:$(sha256sum "$base" | cut -d' ' -f1)" \
        -var "build_ssh_private_key=$key" -var "procura_jar=$jar" -var "procura_version=$version" \
        -var "upgrade_jar=$upgrade_jar" -var "upgrade_trust_root=$(readlink -f "$trust_root")" \
        -var "upgrade_repository=${PROCURA_UPGRADE_REPOSITORY:-}" \
        -var "output_directory=$output" procura.pkr.hcl >"$cache/packer-build.log" 2>&1
}
if build; then
    pass "packer build"
else
    fail "packer build (log: $cache/packer-build.log)"
    grep -E 'error|Error|fatal|FAILED' "$cache/packer-build.log" | tail -20 | sed 's/^/    /'
fi
echo "TIME packer build: $(($(date +%s) - step)) s"

check "procura.qcow2 is a qcow2 disk" sh -c "qemu-img info '$output/procura.qcow2' | grep -q 'file format: qcow2'"
check "procura.ova: OVF 1.0 descriptor, manifest, streamOptimized disk" python3 "$here/check-ova.py" "$output/procura.ova"
[ -f "$output/procura.qcow2" ] && echo "image size: $(du -m --apparent-size "$output/procura.qcow2" | cut -f1) MiB (qcow2, compressed), $(du -m --apparent-size "$output/procura.ova" 2>/dev/null | cut -f1) MiB (OVA)"
echo "TIME packer total: $(($(date +%s) - started)) s"
summary
