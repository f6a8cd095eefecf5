#!/bin/bash
# A throw-away channel repository for the appliance tests: fresh keys (never committed, never reused),
# init-repo, and - when the jar is a real Procura build - that jar bundled, published to feature and
# promoted to pre-release and live, as a publisher would.
#
#   appliance/test/upgrade-test-repo.sh OUT_DIR PROCURA_JAR [PROCURA_UPGRADE_JAR]
#
# Writes OUT_DIR/repo (the repository; OUT_DIR/repo/root.json is the appliance's trust root), with the
# keys in OUT_DIR/keys and OUT_DIR/offline (0600). Needs Java 21 or newer (JAVA_HOME, /usr/lib/jvm, PATH).
set -eu

out=${1:?usage: upgrade-test-repo.sh OUT_DIR PROCURA_JAR [PROCURA_UPGRADE_JAR]}
jar=${2:?usage: upgrade-test-repo.sh OUT_DIR PROCURA_JAR [PROCURA_UPGRADE_JAR]}
here=$(cd "$(dirname "$0")" && pwd)
tool=${3:-$here/../../upgrade/target/procura-upgrade.jar}
[ -f "$tool" ] || { echo "no $tool: build it first (mvn -B package)" >&2; exit 1; }

# shellcheck source=lib.sh
. "$here/lib.sh"
java=$(java_21) || { echo "no Java 21 or newer found for procura-release" >&2; exit 1; }
release() { "$java" -cp "$tool" com.procura.upgrade.cli.ReleaseMain "$@"; }

rm -rf "$out"
mkdir -p "$out"
(umask 077 && mkdir -p "$out/keys" "$out/offline")
release keygen --out "$out/offline/root.key" >/dev/null
for role in targets snapshot timestamp; do
    release keygen --out "$out/keys/$role.key" >/dev/null
done
release init-repo --repo "$out/repo" --root-key "$out/offline/root.key" --keys "$out/keys" >/dev/null
# bundle starts the jar (--version): only a real build can be published.
if release bundle --jar "$jar" --notes "Test release of the appliance build" --out "$out/bundles" >"$out/bundle.log" 2>&1; then
    bundle=$(ls "$out"/bundles/procura-*.zip)
    version=$(basename "$bundle" .zip)
    version=${version#procura-}
    release publish --repo "$out/repo" --keys "$out/keys" --channel feature "$bundle" >/dev/null
    release promote --repo "$out/repo" --keys "$out/keys" --from feature --to pre-release "$version" >/dev/null
    release promote --repo "$out/repo" --keys "$out/keys" --from pre-release --to live "$version" >/dev/null
    echo "test repository $out/repo: $version on feature, pre-release and live"
else
    echo "test repository $out/repo: empty ($jar is not a Procura build: $(tail -1 "$out/bundle.log"))"
fi
