#!/usr/bin/env bash
# SAP inbound throughput: COUNT ORDERS05 IDocs (10 lines each) from the file port to stored orders
# with STATUS queued, on H2 or MariaDB, and the raw parse rate as the ceiling.
# Usage: bench/sap-inbound.sh [COUNT] [h2|mariadb]   (env: JAVA, PROCURA_JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
mvn -B -q -pl idoc,webapp -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="webapp/target/test-classes:webapp/target/classes:idoc/target/classes:$(cat webapp/target/bench-classpath.txt)"
# The JVM settings of ./procura (CDS left out) unless PROCURA_JAVA_OPTS says otherwise (empty: the JVM's defaults).
read -r -a opts <<< "${PROCURA_JAVA_OPTS-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmx512m"}"
exec "$java" "${opts[@]}" -cp "$cp" com.procura.bench.SapInboundBenchmark "${1:-5000}" "${2:-h2}"
