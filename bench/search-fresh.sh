#!/usr/bin/env bash
# Uncached public search on a freshly started node (issue 27, 6), at 1M subjects and 5M entries.
#
#   bench/search-fresh.sh [subjects] [entries-per-subject] [seconds]   (default 1000000 5 20; needs the jar and wrk)
#   DATA=/path   keeps the generated data there and reuses it on the next run (default /tmp/gongxin-search-fresh)
#   EXTRA="--some.property=value"   more arguments to the application (experiments)
#   JAVA_OPTS="-XX:TieredStopAtLevel=1"   JVM options (experiments)
#   WINDOWS=4   windows of searches one after the other (default 2)
#
# The node (embedded PostgreSQL on the kept data) is started with the search cache off; as soon as it logs that it
# has started, wrk runs the 2,000 two-character searches of bench/portal.sh for `seconds` without any warm-up of its
# own (the first window: what a node just put behind a load balancer answers), then once more (the second window),
# then the trivial endpoint of the same node. Each restart of the script is a fresh node and a fresh PostgreSQL
# (its shared buffers empty; the operating system's page cache keeps what it had).
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-1000000}
per=${2:-5}
seconds=${3:-20}
data=${DATA:-/tmp/gongxin-search-fresh}
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
port=18084
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
mkdir -p "$data"
log="$data/app.log"

start_node() {
  java -Xmx1g ${JAVA_OPTS:-} -jar "$jar" --server.port=$port --gongxin.data-dir="$data/node" --gongxin.demo.enabled=true \
    --gongxin.demo.records=0 --gongxin.portal.requests-per-minute=1000000000 --gongxin.portal.search-cache-size=0 \
    ${EXTRA:-} > "$log" 2>&1 &
  app=$!
  until grep -q "Started GongxinApplication" "$log"; do
    kill -0 $app 2>/dev/null || { tail -20 "$log"; exit 1; }
    sleep 0.1
  done
  pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$log" | head -1 | cut -d: -f2)
}
psql_() { psql -X -q -h 127.0.0.1 -p "$pg" -U postgres -d gongxin "$@"; }
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT

start_node
if [ ! -s "$data/search.txt" ]; then
  start=$(date +%s)
  psql_ -v subjects="$subjects" -v per="$per" -f bench/portal-data.sql > /dev/null
  echo "data: generated in $(( $(date +%s) - start )) s"
  psql_ -At -c "select name from portal.subject tablesample bernoulli (1) order by random() limit 2000" > "$data/names.txt"
  python3 - "$data" <<'PY'
import random, sys, urllib.parse
d = sys.argv[1]
names = [l.strip() for l in open(d + "/names.txt") if l.strip()]
rnd = random.Random(2026)
with open(d + "/search.txt", "w") as uniform:
    for n in names:
        i = rnd.randrange(3, len(n) - 1)
        uniform.write("/api/v1/public/subjects?q=" + urllib.parse.quote(n[i:i + 2]) + "\n")
PY
  for i in $(seq 1 2000); do echo "/api/v1/identifiers/validate?value=91329900$(printf '%010d' $i)"; done > "$data/trivial.txt"
  # a fresh node for the measurement: stop the one that generated the data
  kill $app; wait $app 2>/dev/null || true
  start_node
fi
echo "data: $(psql_ -At -c 'select count(*) from portal.subject') subjects, $(psql_ -At -c 'select count(*) from records.record') records; database $(psql_ -At -c "select pg_size_pretty(pg_database_size('gongxin'))")"
cat > "$data/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
LUA
run() { # label file
  PATHS="$data/$2" wrk -t2 -c8 -d${seconds}s --latency -s "$data/paths.lua" "http://127.0.0.1:$port" > "$data/$1.out"
  printf '%-28s p50=%-9s p99=%-9s req/s=%-9s non-2xx=%s\n' "$1" "$(awk '/^ +50%/{print $2}' "$data/$1.out")" \
    "$(awk '/^ +99%/{print $2}' "$data/$1.out")" "$(awk '/Requests\/sec/{print $2}' "$data/$1.out")" \
    "$(awk '/Non-2xx/{print $NF}' "$data/$1.out")"
}
# as a load balancer does: traffic once the node says it is ready (after its warm-up, if it has one)
waited=$(date +%s%N)
echo "at start: health $(curl -s "http://127.0.0.1:$port/actuator/health"), readiness $(curl -s "http://127.0.0.1:$port/actuator/health/readiness")"
until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null; do sleep 0.1; done
echo "node started $(grep -o 'Started GongxinApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]* seconds'), ready $(( ($(date +%s%N) - waited) / 1000000 )) ms later"
# WINDOWS=n: n windows of searches one after the other (default 2)
for w in $(seq 1 "${WINDOWS:-2}"); do run "search-window-$w" search.txt; done
run trivial trivial.txt
grep -i "warm" "$log" | tail -3 || true
