#!/bin/bash
# Fast checks of the appliance code (< 2 minutes): syntax, lint, Packer, and the nftables
# ruleset applied inside network namespaces this script creates. Run as root on Debian 12+.
# Prints "N passed, M failed" last; exits non-zero on any failure.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
ansible_dir=$repo/appliance/ansible
packer_dir=$repo/appliance/packer
# shellcheck source=lib.sh
. "$here/lib.sh"

work=$(mktemp -d /tmp/procura-static.XXXXXX)
ns_srv=pcs-srv-$$
ns_cli=pcs-cli-$$
server_pid=

cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null
    fi
    ip netns del "$ns_srv" 2>/dev/null
    ip netns del "$ns_cli" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

need=()
command -v ansible-playbook >/dev/null || need+=(ansible)
command -v ansible-lint >/dev/null || need+=(ansible-lint)
command -v packer >/dev/null || need+=(packer)
command -v nft >/dev/null || need+=(nftables)
command -v ip >/dev/null || need+=(iproute2)
command -v openssl >/dev/null || need+=(openssl)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
command -v qemu-img >/dev/null || need+=(qemu-utils)
if [ "${#need[@]}" -gt 0 ]; then
    echo "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null \
        || { echo "cannot install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

export ANSIBLE_CONFIG=$ansible_dir/ansible.cfg ANSIBLE_NOCOLOR=1 ANSIBLE_LOCALHOST_WARNING=0 ANSIBLE_INVENTORY_UNPARSED_WARNING=0

# --- Ansible -----------------------------------------------------------------------------------
cd "$ansible_dir" || exit 1
check "ansible syntax (inventory/hosts.yml)" ansible-playbook -i inventory/hosts.yml --syntax-check site.yml
check "ansible syntax (inventory/chroot.yml)" ansible-playbook -i inventory/chroot.yml --syntax-check site.yml
check "ansible-lint (production profile)" ansible-lint --nocolor -q

# --- Shell scripts -----------------------------------------------------------------------------
for f in "$repo"/installer/install.sh "$repo"/installer/first-boot/procura-first-boot \
         "$repo"/installer/first-boot/procura-console-issue "$repo"/installer/first-boot/procura-grow-root \
         "$ansible_dir"/roles/*/files/procura-* \
         "$packer_dir"/scripts/*.sh "$here"/*.sh; do
    [ -f "$f" ] || continue
    shell=sh
    head -1 "$f" | grep -q bash && shell=bash
    check "$shell -n ${f#"$repo"/}" "$shell" -n "$f"
done

# --- Packer ------------------------------------------------------------------------------------
read -r mirror security_mirror < <(host_debian_mirrors)
if [ -z "$mirror" ]; then
    fail "no Debian mirror found in this machine's APT sources"
fi
touch "$work/base.qcow2" "$work/procura.jar" "$work/procura-upgrade.jar" "$work/root.json"
ssh-keygen -q -t ed25519 -N '' -f "$work/build_key"
packer_vars=(-var "debian_mirror=$mirror" -var "debian_security_mirror=$security_mirror"
    -var "base_image=$work/base.qcow2" -var "base_image_checksum=sha256:$(printf '0%.0s' $(seq 64))"
    -var "build_ssh_private_key=$work/build_key" -var "procura_jar=$work/procura.jar" -var "procura_version=0.0.0"
    -var "upgrade_jar=$work/procura-upgrade.jar" -var "upgrade_trust_root=$work/root.json")
cd "$packer_dir" || exit 1
for target in targets/*.pkrvars.hcl; do
    check "packer validate ($target)" packer validate -var-file="$target" "${packer_vars[@]}" procura.pkr.hcl
done
rejects() { # rejects MESSAGE PACKER_ARGS...: validation fails with MESSAGE
    msg=$1
    shift
    ! out=$(packer validate "${packer_vars[@]}" "$@" procura.pkr.hcl 2>&1) && grep -q "$msg" <<<"$out"
}
check "packer validate rejects accelerator=hvf" rejects "accelerator value must be" \
    -var-file=targets/kvm.pkrvars.hcl -var accelerator=hvf
check "packer validate rejects a mirror that is not a URL" rejects "debian_mirror value must be" \
    -var-file=targets/kvm.pkrvars.hcl -var debian_mirror=mirror.example
check "packer fmt -check (template)" packer fmt -check .
check "packer fmt -check (targets)" packer fmt -check targets

# --- OVA packaging -----------------------------------------------------------------------------
# make-ova.sh on a small blank disk: the archive an importer reads (descriptor, manifest, VMDK).
small_ova() {
    qemu-img create -q -f qcow2 "$work/small.qcow2" 64M &&
    sh "$packer_dir/scripts/make-ova.sh" "$work/small.qcow2" "$work/small.ova" 0.0.0-test 2>/dev/null &&
    python3 "$here/check-ova.py" "$work/small.ova"
}
check "make-ova.sh writes an OVA that check-ova.py accepts" small_ova
broken_ova() { # a manifest that no longer matches must be caught
    d=$work/broken && mkdir -p "$d" && tar -C "$d" -xf "$work/small.ova" &&
    sed -i 's/0.0.0-test/0.0.1-test/' "$d/procura.ovf" &&
    tar -C "$d" --format=ustar -cf "$work/broken.ova" procura.ovf procura.mf procura-disk1.vmdk &&
    python3 "$here/check-ova.py" "$work/broken.ova" | grep -q 'digest of procura.ovf does not match'
}
check "check-ova.py catches a descriptor changed after the manifest" broken_ova

# --- No mirror host name in committed files ----------------------------------------------------
check "no Debian mirror host name in the tree" sh -c "! grep -rIlE '(deb|ftp[.a-z0-9]*|security)\.debian\.org' \
    '$repo/appliance' '$repo/config-templates' '$repo/installer'"

# --- nftables ruleset --------------------------------------------------------------------------
render() { # render OUT EXTRA_VARS_JSON
    ansible localhost -c local -o -m ansible.builtin.template \
        -a "src=$repo/config-templates/nftables.conf.j2 dest=$1 mode=0600" \
        -e "@$ansible_dir/roles/firewall/defaults/main.yml" -e "$2" >/dev/null
}
check "render nftables (defaults: no admin network)" \
    render "$work/default.nft" '{"procura_admin_networks": [], "procura_monitoring_networks": []}'
check "nft -c (defaults)" nft -c -f "$work/default.nft"
check "render nftables (IPv4+IPv6 admin, monitoring, ping, logging)" render "$work/full.nft" \
    '{"procura_admin_networks": ["192.0.2.0/24", "2001:db8::/64"], "procura_monitoring_networks": ["198.51.100.7"], "firewall_allow_ping": true, "firewall_log_dropped": true}'
check "nft -c (IPv4+IPv6 admin, monitoring, ping, logging)" nft -c -f "$work/full.nft"
check "no SSH rule without an admin network" sh -c "! grep -q 'dport 22' '$work/default.nft'"
check "render nftables (test namespace admin network)" \
    render "$work/netns.nft" '{"procura_admin_networks": ["10.77.0.128/25"], "procura_monitoring_networks": []}'

# Server namespace with the ruleset and listeners; client namespace with an ordinary address
# (10.77.0.2) and an admin-network address (10.77.0.130).
setup_netns() {
    ip netns add "$ns_srv" && ip netns add "$ns_cli" &&
    ip link add pcs-srv$$ type veth peer name pcs-cli$$ &&
    ip link set pcs-srv$$ netns "$ns_srv" && ip link set pcs-cli$$ netns "$ns_cli" &&
    ip -n "$ns_srv" addr add 10.77.0.1/24 dev pcs-srv$$ &&
    ip -n "$ns_cli" addr add 10.77.0.2/24 dev pcs-cli$$ &&
    ip -n "$ns_cli" addr add 10.77.0.130/24 dev pcs-cli$$ &&
    ip -n "$ns_srv" link set lo up && ip -n "$ns_cli" link set lo up &&
    ip -n "$ns_srv" link set pcs-srv$$ up && ip -n "$ns_cli" link set pcs-cli$$ up &&
    ip netns exec "$ns_srv" nft -f "$work/netns.nft"
}
check "network namespaces with the rendered ruleset" setup_netns

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=test -keyout "$work/key.pem" \
    -out "$work/cert.pem" >/dev/null 2>&1
ip netns exec "$ns_srv" python3 "$here/netns_probe.py" serve "$work/cert.pem" "$work/key.pem" \
    8443 8080 5555 22 9100 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
    grep -q listening "$work/server.log" 2>/dev/null && break
    sleep 0.1
done

probe() { ip netns exec "$1" python3 "$here/netns_probe.py" connect "$2" "$3" "$4" "${5:-}"; }
refused() { ! probe "$@" 2>/dev/null; }
check "HTTPS on 443 is accepted (redirected to 8443, TLS handshake)" probe "$ns_cli" 10.77.0.2 10.77.0.1 443 tls
check "HTTPS on 8443 is accepted" probe "$ns_cli" 10.77.0.2 10.77.0.1 8443 tls
check "HTTP on 80 is accepted (redirected to 8080)" probe "$ns_cli" 10.77.0.2 10.77.0.1 80
check "8080 directly is dropped" refused "$ns_cli" 10.77.0.2 10.77.0.1 8080
check "closed port 5555 is dropped" refused "$ns_cli" 10.77.0.2 10.77.0.1 5555
check "monitoring port 9100 is dropped" refused "$ns_cli" 10.77.0.2 10.77.0.1 9100
check "SSH from outside the admin network is dropped" refused "$ns_cli" 10.77.0.2 10.77.0.1 22
check "SSH from the admin network is accepted" probe "$ns_cli" 10.77.0.130 10.77.0.1 22
check "5555 from the admin network is dropped" refused "$ns_cli" 10.77.0.130 10.77.0.1 5555
check "loopback inside the server is accepted" probe "$ns_srv" 127.0.0.1 127.0.0.1 5555

summary
