#!/bin/bash
# Two later releases of the appliance build for the boot test's upgrade, published to every channel of the
# throw-away repository that upgrade-test-repo.sh made (its keys sign them):
#   B = MAJOR.(MINOR+1).0, the same jar with B in its manifest: an upgrade without schema change;
#   C = MAJOR.(MINOR+1).1, which requires a stop at B and carries a Flyway migration that creates a table and
#       then fails: the upgrade manager must roll C back, restore B's database and mark C bad.
# An appliance on A therefore plans A -> B -> C, reaches B and stays there.
#
#   appliance/test/upgrade-test-releases.sh OUT_DIR PROCURA_JAR [PROCURA_UPGRADE_JAR]
#
# Prints "B C" (the two versions) on its last line.
set -eu

out=${1:?usage: upgrade-test-releases.sh OUT_DIR PROCURA_JAR [PROCURA_UPGRADE_JAR]}
jar=${2:?usage: upgrade-test-releases.sh OUT_DIR PROCURA_JAR [PROCURA_UPGRADE_JAR]}
here=$(cd "$(dirname "$0")" && pwd)
tool=${3:-$here/../../upgrade/target/procura-upgrade.jar}
[ -d "$out/repo" ] && [ -d "$out/keys" ] || { echo "no repository in $out: run upgrade-test-repo.sh first" >&2; exit 1; }
[ -f "$tool" ] || { echo "no $tool: build it first (mvn -B package)" >&2; exit 1; }
# shellcheck source=lib.sh
. "$here/lib.sh"
java=$(java_21) || { echo "no Java 21 or newer found for procura-release" >&2; exit 1; }
release() { "$java" -cp "$tool" com.procura.upgrade.cli.ReleaseMain "$@" >/dev/null; }

installed=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Implementation-Version: *//p' | head -1)
IFS=. read -r major minor _ <<<"${installed%%-*}"
b=$major.$((minor + 1)).0
c=$major.$((minor + 1)).1

# variant JAR VERSION [MIGRATION_NAME MIGRATION_SQL]: writes $out/jars/procura-VERSION.jar
variant() {
    mkdir -p "$out/jars"
    python3 - "$1" "$out/jars/procura-$2.jar" "$2" "${3:-}" "${4:-}" <<'PY'
import re, sys, zipfile
source, target, version, migration, sql = sys.argv[1:]
with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
    for item in src.infolist():
        data = src.read(item)
        if item.filename == "META-INF/MANIFEST.MF":
            data = re.sub(rb"Implementation-Version: *[^\r\n]*", b"Implementation-Version: " + version.encode(), data)
        dst.writestr(item, data)
    if migration:
        dst.writestr("db/migration/" + migration, sql)
PY
}

variant "$jar" "$b"
variant "$jar" "$c" V1000__half_done.sql $'CREATE TABLE upgrade_half_done (id INT);\nINSERT INTO no_such_table VALUES (1);\n'
rm -rf "$out/later-bundles"
release bundle --jar "$out/jars/procura-$b.jar" --notes "Procura $b: the boot test's upgrade without schema change" \
    --min-upgrade-from "$installed" --out "$out/later-bundles"
release bundle --jar "$out/jars/procura-$c.jar" --notes "Procura $c: a migration that fails half-way" \
    --required-stop "$b" --out "$out/later-bundles"
for version in "$b" "$c"; do
    release publish --repo "$out/repo" --keys "$out/keys" --channel feature "$out/later-bundles/procura-$version.zip"
    release promote --repo "$out/repo" --keys "$out/keys" --from feature --to pre-release "$version"
    release promote --repo "$out/repo" --keys "$out/keys" --from pre-release --to live "$version"
done
rm -rf "$out/jars"
echo "$b $c"
