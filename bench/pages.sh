#!/usr/bin/env bash
# Page benchmark with wrk on 127.0.0.1: a bare "hello" servlet and the authenticated purchase-order
# list (20 rows), in the same embedded Tomcat, in the same run.
# Usage: bench/pages.sh [SECONDS] [CONNECTIONS]   (env: JAR, JAVA, PROCURA_JAVA_OPTS, PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-16}
jar=${JAR:-webapp/target/procura.jar}
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
port=${PORT:-18443}
# The JVM settings of ./procura (CDS left out) unless PROCURA_JAVA_OPTS says otherwise.
read -r -a opts <<< "${PROCURA_JAVA_OPTS-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmx512m"}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT

"$java" "${opts[@]}" -jar "$jar" demo --data-dir "$data" --https-port "$port" --http-port $((port + 1)) \
  --password bench-password-123 --bench-hello >"$data/out.log" 2>&1 &
pid=$!
base="https://127.0.0.1:$port"
until [ "$(curl -sk -o /dev/null -w '%{http_code}' "$base/health/ready" 2>/dev/null)" = 200 ]; do sleep 0.1; done

jar_file="$data/cookies"
csrf=$(curl -sk -c "$jar_file" -b "$jar_file" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -sk -c "$jar_file" -b "$jar_file" -o /dev/null --data-urlencode "_csrf=$csrf" \
  --data-urlencode username=buyer --data-urlencode password=bench-password-123 "$base/login"
session=$(awk '$6 == "PROCURA_SESSION" {print $7}' "$jar_file")
rows=$(curl -sk -H "Cookie: PROCURA_SESSION=$session" "$base/orders" | grep -c '<td><a href="/orders/')
echo "order list rows: $rows"

run() { # name path [header]
  wrk -t1 -c5 -d5s ${3:+-H "$3"} "$base$2" >/dev/null   # warm-up
  local out rps p99
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency ${3:+-H "$3"} "$base$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
  echo "$1 req_per_s=$rps p99=$p99 non_2xx=${non2xx:-0}"
  echo "$rps" > "$data/$1.rps"
}
run hello /bench/hello
run orders /orders "Cookie: PROCURA_SESSION=$session"
awk -v h="$(cat "$data/hello.rps")" -v o="$(cat "$data/orders.rps")" \
  'BEGIN {printf "ratio orders/hello: %.1f%%\n", 100 * o / h}'
