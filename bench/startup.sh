#!/usr/bin/env bash
# Start-up benchmark: `procura demo` on an existing demo data folder, from process launch to the
# first HTTPS 200 of /health/ready, and the resident memory (VmRSS) 3 s after that.
# Usage: bench/startup.sh [RUNS]   (env: JAR, JAVA, PROCURA_JAVA_OPTS, PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=${JAR:-webapp/target/procura.jar}
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
port=${PORT:-18443}
# The JVM settings of ./procura unless PROCURA_JAVA_OPTS says otherwise (empty: the JVM's defaults).
cds=$(mktemp -d)
default_opts="-XX:SharedArchiveFile=$cds/procura.jsa -XX:+AutoCreateSharedArchive -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmx512m -Xlog:cds=off -Xlog:cds+dynamic=off"
read -r -a opts <<< "${PROCURA_JAVA_OPTS-$default_opts}"
data=$(mktemp -d)
trap 'rm -rf "$data" "$cds"' EXIT

launch() {  # sets pid; extra arguments go to procura
  "$java" "${opts[@]}" -jar "$jar" demo --data-dir "$data" --https-port "$port" --http-port $((port + 1)) \
    "$@" >"$data/out.log" 2>&1 &
  pid=$!
}
stop() {
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}
wait_ready() {
  until ! kill -0 "$pid" 2>/dev/null && { echo "procura ended early:" >&2; tail -5 "$data/out.log" >&2; exit 1; } || [ "$(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/health/ready" 2>/dev/null)" = 200 ]; do
    sleep 0.01
  done
}

launch --password bench-password-123; wait_ready; stop   # the first start creates the demo data

echo "run start_to_first_200_ms rss_mb"
times=()
for i in $(seq 1 "$runs"); do
  t0=$(date +%s%N)
  launch
  wait_ready
  t1=$(date +%s%N)
  sleep 3
  kill -0 "$pid" 2>/dev/null || { echo "procura ended after start:" >&2; grep -m3 -B2 -A3 "Exception" "$data/out.log" >&2; exit 1; }
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  stop
  ms=$(( (t1 - t0) / 1000000 ))
  times+=("$ms")
  echo "$i $ms $rss"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
echo "median start_to_first_200_ms: $median"
