#!/usr/bin/env bash
# Incremental grading under ingest (issue 22): how long after a single penalty is stored its subject's grade follows,
# while a large file (default 200,000 rows, every row a different subject) is ingested and its subjects graded.
#
#   bench/grade-follow.sh [rows] [probes] [interval-seconds]   (default 200000 120 0.5; needs the jar)
#
# The probes are one-row JSON batches for new companies, one every interval, sent from the moment the file is posted
# until all probes are sent; "while stored" counts the probes that completed while the file was being stored,
# "while graded" those that completed after it, while its 200k subjects were still being graded (the queue's backlog). Latency of a probe: from its batch's completed_at to its subject's first grade
# (evaluation.grade_change.at, the grading transaction's start), both stamped by the application's clock.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
probes=${2:-120}
interval=${3:-0.5}
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
out=bench/out; mkdir -p $out
file=$out/penalties-$rows.csv
[ -f "$file" ] || python3 bench/gen_penalties.py "$rows" "$file"
port=18085
key=bench-$(date +%s)-key-0123456789abcdef
dir=$(mktemp -d /tmp/gongxin-follow-XXXX)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
GONGXIN_DEMO_API_KEY=$key java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" \
  --gongxin.demo.enabled=true --gongxin.demo.records=0 > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$dir"' EXIT
until grep -q "Started GongxinApplication" "$dir/app.log"; do kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log"; exit 1; }; sleep 0.2; done
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/collection/profiles")" = 200 ]; do sleep 0.5; done
until grep -q "Seeded the demo evaluation model" "$dir/app.log"; do sleep 0.2; done
pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$dir/app.log" | head -1 | cut -d: -f2)
psql_() { psql -X -q -h 127.0.0.1 -p "$pg" -U postgres -d gongxin "$@"; }

start=$(date +%s%N)
curl -s -H "Authorization: Bearer $key" -F "file=@$file;filename=penalties.csv" -F item=XZCF \
  "http://127.0.0.1:$port/api/v1/submissions/files" > "$dir/file.json" &
upload=$!
python3 bench/grade_follow_client.py $port "$key" "$probes" "$interval" > "$dir/probes.txt"
wait $upload
batch=$(grep -o '"id":"[^"]*"' "$dir/file.json" | head -1 | cut -d'"' -f4)
until [ "$(psql_ -At -c "select status from collection.batch where id = '$batch'")" != PROCESSING ]; do sleep 0.5; done
until [ "$(psql_ -At -c "select count(*) from event_publication where completion_date is null")" = 0 ] \
   && [ "$(psql_ -At -c "select count(*) from evaluation.pending")" = 0 ]; do sleep 0.5; done
end=$(date +%s%N)
psql_ -At -c "select 'file: ' || status || ', stored in ' || round(extract(epoch from completed_at - created_at)::numeric, 1) || ' s'
               from collection.batch where id = '$batch'"
echo "file graded: $(psql_ -At -c "select count(*) from evaluation.grade") subjects graded; last grade $(psql_ -At -c \
  "select round(extract(epoch from max(at) - (select completed_at from collection.batch where id = '$batch'))::numeric, 1) from evaluation.grade_change") s after the file completed; all quiet $(( (end - start) / 1000000000 )) s after the file was posted"
psql_ -c "create temp table probe (code text, batch uuid)" \
      -c "\copy probe from '$dir/probes.txt' with (delimiter ' ')" \
      -c "select count(*) as probes,
                 count(*) filter (where b.completed_at < f.completed_at) as while_stored,
                 count(*) filter (where b.completed_at >= f.completed_at
                                    and b.completed_at < (select max(at) from evaluation.grade_change)) as while_graded,
                 round(percentile_cont(0.5) within group (order by lat)::numeric, 2) as p50_s,
                 round(percentile_cont(0.99) within group (order by lat)::numeric, 2) as p99_s,
                 round(max(lat)::numeric, 2) as max_s
            from (select b.completed_at, extract(epoch from (select min(c.at) from evaluation.grade_change c where c.subject_id = s.id)
                                                      - b.completed_at) as lat
                    from probe p join collection.batch b on b.id = p.batch
                    join subjects.subject s on s.credit_code = p.code) b,
                 (select completed_at from collection.batch where id = '$batch') f"
