#!/usr/bin/env bash
# Brute-force run on 127.0.0.1 against a fresh demo: ATTEMPTS password guesses from one address over
# 10 account names (the 5 demo accounts and 5 that do not exist), while wrk measures a logged-in
# user's order list. Passes when no guess gets in; prints wrk's p99 for the legitimate user.
# Usage: bench/bruteforce.sh [ATTEMPTS] [CONCURRENCY]   (env: JAR, JAVA, PROCURA_JAVA_OPTS, PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
attempts=${1:-2000}
concurrency=${2:-8}
jar=${JAR:-webapp/target/procura.jar}
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
port=${PORT:-18543}
read -r -a opts <<< "${PROCURA_JAVA_OPTS:-}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

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

wrk -t1 -c4 -d3s -H "Cookie: PROCURA_SESSION=$session" "$base/orders" >/dev/null   # warm-up
echo "baseline (no attack):"
wrk -t2 -c8 -d10s --latency -H "Cookie: PROCURA_SESSION=$session" "$base/orders" \
  | awk '/Requests\/sec/ {print "  req_per_s=" $2} $1 == "99%" {print "  p99=" $2} /Non-2xx/ {print "  non_2xx_or_3xx=" $NF}'

"$java" bench/BruteForce.java "$base" "$data/tls/procura.crt" "$attempts" "$concurrency" \
  admin,buyer,supplier,supplier2,support,root,administrator,test,user,procura > "$data/brute.out" 2>&1 &
brute=$!
echo "during the attack:"
wrk -t2 -c8 -d15s --latency -H "Cookie: PROCURA_SESSION=$session" "$base/orders" \
  | awk '/Requests\/sec/ {print "  req_per_s=" $2} $1 == "99%" {print "  p99=" $2} /Non-2xx/ {print "  non_2xx_or_3xx=" $NF}'
status=0
wait "$brute" || status=$?
cat "$data/brute.out"
curl -sk -o /dev/null -w "legitimate user after the attack: HTTP %{http_code}\n" -H "Cookie: PROCURA_SESSION=$session" "$base/orders"
exit "$status"
