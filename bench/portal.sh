#!/usr/bin/env bash
# Public website benchmark (issue 5): search, subject-page and list-page latency and throughput at 1M subjects and 5M
# entries, next to a trivial endpoint of the same application measured in the same run. Since ADR 0033 the entries
# are the producer's records (records.record), which subject and list pages read; the website keeps its subjects.
#
#   bench/portal.sh [subjects] [entries-per-subject] [seconds]   (default 1000000 5 20; needs the jar and wrk)
#
# The read model is filled inside PostgreSQL (bench/portal-data.sql) rather than through ingest, which bench/ingest.sh
# measures. Load: wrk on localhost, 2 threads and 8 connections, each request a random query from a list of 2,000.
# The per-address rate limit is raised for the run (it would otherwise answer 429 to the load client).
# Search is measured twice: on the application as configured, where the 2,000 queries repeat and their result pages
# come from the search cache (ADR 0012), and on a second instance of the same jar on the same database with the
# cache off, where every search goes to PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-1000000}
per=${2:-5}
seconds=${3:-20}
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
port=18082
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
dir=$(mktemp -d /tmp/gongxin-portal-XXXX)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"

java -Xmx1g -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" --gongxin.demo.enabled=true --gongxin.demo.records=0 \
  --gongxin.portal.requests-per-minute=1000000000 > "$dir/app.log" 2>&1 &
app=$!
nocache=""
trap 'kill $app $nocache 2>/dev/null || true; wait $app $nocache 2>/dev/null || true; rm -rf "$dir"' EXIT
until grep -q "Started GongxinApplication" "$dir/app.log"; do
  kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log"; exit 1; }
  sleep 0.2
done
pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$dir/app.log" | head -1 | cut -d: -f2)
psql_() { psql -X -q -h 127.0.0.1 -p "$pg" -U postgres -d gongxin "$@"; }

start=$(date +%s)
psql_ -v subjects="$subjects" -v per="$per" -f bench/portal-data.sql > /dev/null
echo "data: $(psql_ -At -c 'select count(*) from portal.subject') subjects, $(psql_ -At -c 'select count(*) from records.record') records, generated in $(( $(date +%s) - start )) s; database $(psql_ -At -c "select pg_size_pretty(pg_database_size('gongxin'))")"

# 2,000 random two-character fragments of real names, at uniformly random positions after 示例市 (so common ones such
# as 有限, 公司 or a district's name come up as often as they do in names), and 2,000 "distinctive" ones: the two
# characters of a company's own word (after 示例市 and the district), what people usually type. And 2,000 codes.
psql_ -At -c "select name from portal.subject tablesample bernoulli (1) order by random() limit 2000" > "$dir/names.txt"
python3 - "$dir" <<'PY'
import random, sys, urllib.parse
d = sys.argv[1]
names = [l.strip() for l in open(d + "/names.txt") if l.strip()]
rnd = random.Random(2026)
with open(d + "/search.txt", "w") as uniform, open(d + "/search-word.txt", "w") as word:
    for n in names:
        i = rnd.randrange(3, len(n) - 1)
        uniform.write("/api/v1/public/subjects?q=" + urllib.parse.quote(n[i:i + 2]) + "\n")
        word.write("/api/v1/public/subjects?q=" + urllib.parse.quote(n[6:8]) + "\n")
PY
psql_ -At -c "select public_id from portal.subject tablesample bernoulli (1) order by random() limit 2000" \
  | sed 's|^|/api/v1/public/subjects/|' > "$dir/subject.txt"
sed 's|/api/v1/public/subjects/|/subjects/|' "$dir/subject.txt" > "$dir/page.txt"
# list pages: the newest penalties, pages 1-50, a tenth of them for one month
for i in $(seq 1 2000); do
  if [ $((i % 10)) = 0 ]; then echo "/api/v1/public/publicity/PENALTY?page=$(( i % 50 + 1 ))&from=2026-03-01&to=2026-03-31"
  else echo "/api/v1/public/publicity/PENALTY?page=$(( i % 50 + 1 ))"; fi
done > "$dir/list.txt"
for i in $(seq 1 2000); do echo "/api/v1/identifiers/validate?value=91329900$(printf '%010d' $i)"; done > "$dir/trivial.txt"
cat > "$dir/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
LUA

run() { # label file [port]
  local target="http://127.0.0.1:${3:-$port}"
  PATHS="$dir/$2" wrk -t2 -c8 -d10s -s "$dir/paths.lua" "$target" > /dev/null   # warm-up (the JIT, the caches)
  PATHS="$dir/$2" wrk -t2 -c8 -d${seconds}s --latency -s "$dir/paths.lua" "$target" > "$dir/$1.out"
  local p50 p99 rps non2xx
  p50=$(awk '/^ +50%/{print $2}' "$dir/$1.out")
  p99=$(awk '/^ +99%/{print $2}' "$dir/$1.out")
  rps=$(awk '/Requests\/sec/{print $2}' "$dir/$1.out")
  non2xx=$(awk '/Non-2xx/{print $NF}' "$dir/$1.out")
  printf '%-22s p50=%-9s p99=%-9s req/s=%-9s non-2xx=%s\n' "$1" "$p50" "$p99" "$rps" "${non2xx:-0}"
}
run trivial trivial.txt
run search-2-chars search.txt
run search-company-word search-word.txt
run subject-api subject.txt
run subject-page-html page.txt
run list-page-api list.txt

# The same searches with the cache off: a second instance on the same database (the first one idles meanwhile).
# (the data directory of the first, for its key file; with a datasource URL no embedded server is started there)
java -Xmx1g -jar "$jar" --server.port=$((port + 1)) --spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg/gongxin" \
  --gongxin.data-dir="$dir/data" \
  --spring.datasource.username=postgres --gongxin.demo.records=0 --gongxin.portal.requests-per-minute=1000000000 \
  --gongxin.portal.search-cache-size=0 > "$dir/app-nocache.log" 2>&1 &
nocache=$!
until grep -q "Started GongxinApplication" "$dir/app-nocache.log"; do
  kill -0 $nocache 2>/dev/null || { tail -20 "$dir/app-nocache.log"; exit 1; }
  sleep 0.2
done
run search-2-chars-nocache search.txt $((port + 1))
run search-word-nocache search-word.txt $((port + 1))
# KEEP_RUNNING=seconds: leave both instances up that long after the runs (for looking into a figure by hand).
[ -z "${KEEP_RUNNING:-}" ] || { echo "instances on :$port and :$((port + 1)), files in $dir"; sleep "$KEEP_RUNNING"; }
