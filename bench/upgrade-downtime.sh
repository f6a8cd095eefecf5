#!/usr/bin/env bash
# Upgrade benchmark with the real application: webapp/target/procura.jar as A, the same jar with a higher version as B.
# Downtime of an upgrade without schema change (a client polls /health/ready every 100 ms) and the time to roll back
# an upgrade whose migration fails, over RUNS fresh appliances (H2, process mode, the ./procura JVM settings).
# Usage: bench/upgrade-downtime.sh [RUNS] [cds|no-cds]   (env: JAVA_HOME picks the JDK; needs the built jar)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cds=${2:-cds}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=$PWD/webapp/target/procura.jar
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -B -q package -DskipTests -pl idoc,webapp)" >&2; exit 1; }
mvn -B -q -pl upgrade test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$java" -Djava.io.tmpdir="$work" -Dprocura.jar="$jar" \
  -cp "upgrade/target/classes:upgrade/target/test-classes:$(cat upgrade/target/test-classpath.txt)" \
  com.procura.upgrade.benchmark.UpgradeDowntimeBenchmark "$runs" "$cds"
