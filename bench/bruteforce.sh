#!/usr/bin/env bash
# Brute-force run on 127.0.0.1 against a fresh demo: ATTEMPTS password guesses from one address over
# 10 account names (the 5 demo accounts and 5 that do not exist), while wrk measures a logged-in
# user's order list. Passes when no guess gets in and the legitimate user's p99 stays under 200 ms;
# the user requests the order list at a fixed RATE per second (bench/UserLatency.java), before and during
# the attack.
# Usage: bench/bruteforce.sh [ATTEMPTS] [CONCURRENCY] [RATE]   (env: JAR, JAVA, PROCURA_JAVA_OPTS, PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
attempts=${1:-2000}
concurrency=${2:-8}
rate=${3:-20}
jar=${JAR:-webapp/target/procura.jar}
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
port=${PORT:-18543}
read -r -a opts <<< "${PROCURA_JAVA_OPTS:-}"
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

# Clients compiled first, so that compiling them is not measured as load on the server.
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
"$javac" -d "$data/clients" bench/UserLatency.java bench/BruteForce.java

"$java" "${opts[@]}" -jar "$jar" demo --data-dir "$data" --https-port "$port" --http-port $((port + 1)) \
  --password bench-password-123 >"$data/out.log" 2>&1 &
pid=$!
base="https://127.0.0.1:$port"
until [ "$(curl -sk -o /dev/null -w '%{http_code}' "$base/health/ready" 2>/dev/null)" = 200 ]; do sleep 0.1; done

# The demo data (accounts) is created right after the server is ready: wait for the announcement.
until grep -q "Demo accounts:" "$data/out.log"; do sleep 0.1; done
# The legitimate user logs in before the attack starts (same address: the block only stops logins).
jar_file="$data/cookies"
csrf=$(curl -sk -c "$jar_file" -b "$jar_file" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
where=$(curl -sk -c "$jar_file" -b "$jar_file" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$csrf" \
  --data-urlencode username=buyer --data-urlencode password=bench-password-123 "$base/login")
[ "$where" = "$base/dashboard" ] || { echo "the legitimate login failed (got '$where')" >&2; exit 1; }
session=$(awk '$6 == "PROCURA_SESSION" {print $7}' "$jar_file")

probe() {
  "$java" -cp "$data/clients" UserLatency "$base" "$data/tls/procura.crt" "PROCURA_SESSION=$session" /orders "$rate" "$@"
}
echo "baseline (no attack):"
probe 10 | grep -v "warmed up"

echo "during the attack (until it ends, at most 60 s):"
probe 60 "$data/attack-over" > "$data/probe.out" &
probe_pid=$!
until grep -q "warmed up" "$data/probe.out"; do sleep 0.1; done
"$java" -cp "$data/clients" BruteForce "$base" "$data/tls/procura.crt" "$attempts" "$concurrency" \
  admin,buyer,supplier,supplier2,support,root,administrator,test,user,procura > "$data/brute.out" 2>&1 &
brute=$!
status=0
wait "$brute" || status=$?
touch "$data/attack-over"
wait "$probe_pid"
grep -v "warmed up" "$data/probe.out"; cat "$data/brute.out"
p99_ms=$(sed -n 's/.* p99=\([0-9]*\)ms.*/\1/p' "$data/probe.out")
if [ "$p99_ms" -ge 200 ]; then
  echo "the legitimate user's p99 during the attack is ${p99_ms} ms (limit 200 ms)" >&2
  status=1
fi
curl -sk -o /dev/null -w "legitimate user after the attack: HTTP %{http_code}\n" -H "Cookie: PROCURA_SESSION=$session" "$base/orders"
exit "$status"
