#!/bin/sh
# Installs Procura on this host (Debian 12/13, Ubuntu 22.04/24.04) with the appliance playbook,
# then prints the HTTPS address and the one-time setup token.
#
#   sudo installer/install.sh --jar procura.jar --trust-root root.json [--upgrade-jar procura-upgrade.jar]
#                             [--repository URL] [--channel live|pre-release|feature]
#                             [--admin-network CIDR]... [--public-host NAME] [--java-package PKG] [--wait SECONDS]
#
# Run from a source tree or release bundle that holds appliance/, config-templates/, installer/.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jar=
upgrade_jar=$root/upgrade/target/procura-upgrade.jar
trust_root=
repository=
channel=live
admin_networks=
public_host=
java_package=
wait_seconds=300

usage() {
    sed -n '2,10s/^# \{0,1\}//p' "$0"
    exit "$1"
}

while [ $# -gt 0 ]; do
    case $1 in
        --jar) jar=$2; shift 2 ;;
        --upgrade-jar) upgrade_jar=$2; shift 2 ;;
        --trust-root) trust_root=$2; shift 2 ;;
        --repository) repository=$2; shift 2 ;;
        --channel) channel=$2; shift 2 ;;
        --admin-network) admin_networks="$admin_networks $2"; shift 2 ;;
        --public-host) public_host=$2; shift 2 ;;
        --java-package) java_package=$2; shift 2 ;;
        --wait) wait_seconds=$2; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "install.sh: unknown argument '$1'" >&2; usage 2 ;;
    esac
done

if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run as root (sudo)" >&2
    exit 1
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
    echo "install.sh: --jar must name an existing procura.jar (got '$jar')" >&2
    exit 2
fi
jar=$(readlink -f "$jar")
if [ ! -f "$upgrade_jar" ]; then
    echo "install.sh: --upgrade-jar must name procura-upgrade.jar, the upgrade manager (got '$upgrade_jar')" >&2
    exit 2
fi
if [ -z "$trust_root" ] || [ ! -f "$trust_root" ]; then
    echo "install.sh: --trust-root must name the channel repository's root.json, which the upgrade manager trusts (got '$trust_root')" >&2
    exit 2
fi
upgrade_jar=$(readlink -f "$upgrade_jar")
trust_root=$(readlink -f "$trust_root")

. /etc/os-release
case "$ID:$VERSION_ID" in
    debian:12|debian:13|ubuntu:22.04|ubuntu:24.04) ;;
    *) echo "install.sh: $PRETTY_NAME is not supported (Debian 12/13, Ubuntu 22.04/24.04)" >&2; exit 1 ;;
esac

# An install over SSH must not lock its own session out.
if [ -z "$admin_networks" ] && [ -n "${SSH_CLIENT:-}" ]; then
    client=${SSH_CLIENT%% *}
    case $client in
        *:*) admin_networks="$client/128" ;;
        *) admin_networks="$client/32" ;;
    esac
    echo "install.sh: no --admin-network given; allowing SSH from this session's address $admin_networks"
fi

echo "install.sh: installing Ansible from $PRETTY_NAME"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends ansible python3-apt unzip >/dev/null

version=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Implementation-Version: *//p' | head -1)
version=${version:-0.0.0-$(sha256sum "$jar" | cut -c1-12)}

vars=$(mktemp)
trap 'rm -f "$vars"' EXIT
python3 - "$vars" "$jar" "$version" "$public_host" "$java_package" "$upgrade_jar" "$trust_root" "$repository" "$channel" \
    $admin_networks <<'PY'
import json, sys
out, jar, version, public_host, java_package, upgrade_jar, trust_root, repository, channel, *networks = sys.argv[1:]
values = {"procura_jar_path": jar, "procura_version": version, "procura_admin_networks": networks,
          "procura_public_host": public_host, "procura_upgrade_jar_path": upgrade_jar,
          "procura_upgrade_trust_root_path": trust_root, "procura_upgrade_repository": repository,
          "procura_upgrade_channel": channel}
if java_package:
    values["java_runtime_package"] = java_package
json.dump(values, open(out, "w"))
PY

echo "install.sh: installing Procura $version"
cd "$root/appliance/ansible"
ANSIBLE_CONFIG=$root/appliance/ansible/ansible.cfg \
    ansible-playbook -i inventory/hosts.yml site.yml -e "@$vars"

address=$(ip -4 route get 192.0.2.1 2>/dev/null | sed -n 's/.* src \([0-9.]*\).*/\1/p')
address=${public_host:-${address:-127.0.0.1}}
token_file=/var/lib/procura/setup-token
https_port=$(sed -n 's/^server\.https\.port=//p' /etc/procura/procura.properties)
# Procura writes a new setup token at every start without an administrator, and the playbook's handlers may
# restart it after its first start: the token file is the running process's only once that process answers.
# Its certificate is its own self-signed one, so this loopback check does not verify it.
ready() {
    python3 - "${https_port:-8443}" <<'PY'
import ssl, sys, urllib.request
try:
    with urllib.request.urlopen("https://127.0.0.1:%s/health/ready" % sys.argv[1],
                                context=ssl._create_unverified_context(), timeout=10) as answer:
        sys.exit(0 if answer.status == 200 else 1)
except Exception:
    sys.exit(1)
PY
}
waited=0
while ! ready && [ "$waited" -lt "$wait_seconds" ]; do
    sleep 2
    waited=$((waited + 2))
done

echo
echo "Procura $version is installed."
echo "HTTPS address: https://$address/"
if [ -s "$token_file" ]; then
    echo "Setup:         https://$address/setup"
    echo "Setup token:   $(cat "$token_file")"
else
    echo "No setup token yet (Procura writes it when it starts without an admin; it did not answer within $wait_seconds s):"
    echo "  journalctl -u procura    and    cat $token_file"
fi
