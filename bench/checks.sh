#!/usr/bin/env bash
# Checks benchmark (issue 10): single checks and batches of 1,000 through the API at 1M subjects and 5M hits in the
# check index, next to the same look-ups in in-memory hash maps loaded from the same database in the same run.
#
#   bench/checks.sh [subjects] [hits-per-subject] [singles] [batches]   (default 1000000 5 2000 20; needs the jar)
#   CLIENTS=4 SECONDS=20 bench/checks.sh …   adds checks from four concurrent clients next to liveness (issue 27, 3)
#   EXTRA="--some.property=value" bench/checks.sh …   passes more arguments to the application (experiments)
#
# Measured per request on the client (Python, one keep-alive connection, one request at a time): resolving the subject,
# reading its hits and its legal representative's, evaluating the measures for the matter, signing the receipt (SM2),
# storing the answer and the watch, auditing the read, committing (the embedded PostgreSQL is durable: fsync on).
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-1000000}
per=${2:-5}
singles=${3:-2000}
batches=${4:-20}
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
port=18083
key=bench-$(date +%s)-key-0123456789abcdef
mkdir -p bench/out
dir=$(mktemp -d /tmp/gongxin-checks-XXXX)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"

GONGXIN_DEMO_API_KEY=$key java -Xmx512m -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" \
  --gongxin.demo.enabled=true --gongxin.demo.records=0 ${EXTRA:-} > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$dir"' EXIT
until grep -q "Started GongxinApplication" "$dir/app.log"; do
  kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log"; exit 1; }
  sleep 0.2
done
pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$dir/app.log" | head -1 | cut -d: -f2)
psql_() { psql -X -q -h 127.0.0.1 -p "$pg" -U postgres -d gongxin "$@"; }

start=$(date +%s)
psql_ -v subjects="$subjects" -v per="$per" -f bench/checks-data.sql > /dev/null
echo "data: $(psql_ -At -c 'select count(*) from subjects.subject') subjects, $(psql_ -At -c 'select count(*) from screening.hit') hits, generated in $(( $(date +%s) - start )) s; database $(psql_ -At -c "select pg_size_pretty(pg_database_size('gongxin'))")"

[ -n "${PROFILE:-}" ] && jcmd $app JFR.start duration=60s filename=/tmp/checks.jfr settings=profile > /dev/null
python3 bench/checks_client.py $port "$key" bench/out/check-codes.txt "$singles" "$batches"
echo "checks stored: $(psql_ -At -c 'select count(*) from screening.check'); audit entries: $(psql_ -At -c 'select count(*) from audit.entry')"

driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
java -Xmx4g -cp "$driver" bench/CheckMapBaseline.java "$pg" bench/out/check-codes.txt "$singles" "$batches"
