#!/usr/bin/env bash
# Ingest benchmark (issue 4): N validated penalty rows through the API against a raw COPY of the same rows into the
# same embedded PostgreSQL, in the same run, with the JVM limited to -Xmx512m.
#
#   bench/ingest.sh [rows] [encoding]     (default 1000000 utf-8; needs the jar: ./mvnw -DskipTests package)
#   FLOORS=1 bench/ingest.sh …   also measures where the storage floor can move (indexes deferred, unlogged staging)
#
# Baseline: psql's \copy of the same CSV file into an unindexed table of 25 text columns (no validation, no JSON, no
# natural-key lookups): the fastest way the same bytes can enter the same database.
# Measured: time from the first byte of the upload to the batch's COMPLETED status (upload, encoding detection,
# validation against the catalog, COPY into records.record, versions, events), and the largest heap after GC.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
encoding=${2:-utf-8}
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
out=bench/out; mkdir -p $out
file=$out/penalties-$rows-$encoding.csv
port=18081
key=bench-$(date +%s)-key-0123456789abcdef

[ -f "$file" ] || python3 bench/gen_penalties.py "$rows" "$file" --encoding "$encoding"
dir=$(mktemp -d /tmp/gongxin-ingest-XXXX)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "file: $file ($(du -m "$file" | cut -f1) MB, $rows rows, $encoding)"

GONGXIN_DEMO_API_KEY=$key java -Xmx512m ${JAVA_OPTS:-} -Xlog:gc:file=$dir/gc.log -jar "$jar" --server.port=$port \
  --gongxin.data-dir="$dir/data" --gongxin.demo.enabled=true --gongxin.demo.records=0 > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; [ -z "${KEEP_LOG:-}" ] || cp "$dir/app.log" "$KEEP_LOG"; rm -rf "$dir"' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
  kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log"; exit 1; }
  sleep 0.2
done
until grep -q "Started GongxinApplication" "$dir/app.log"; do sleep 0.2; done
pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$dir/app.log" | head -1 | cut -d: -f2)
psql_() { psql -X -q -h 127.0.0.1 -p "$pg" -U postgres -d gongxin "$@"; }

cols=$(head -1 "$file" | iconv -f "$encoding" -t utf-8 | tr -d '\r' | awk -F, '{for(i=1;i<=NF;i++) printf "%sc%d text", (i>1?", ":""), i}')
psql_ -c "create table public.bench_raw ($cols)"
start=$(date +%s%N)
psql_ -c "\\copy public.bench_raw from '$file' with (format csv, header true, encoding '$(echo $encoding | tr a-z A-Z | sed 's/UTF-8/UTF8/')')"
copy_ms=$(( ($(date +%s%N) - start) / 1000000 ))
copied=$(psql_ -At -c "select count(*) from public.bench_raw")
psql_ -c "drop table public.bench_raw"
echo "raw COPY:  $copied rows in ${copy_ms} ms = $(( copied * 1000 / copy_ms )) rows/s"

start=$(date +%s%N)
answer=$(curl -s -H "Authorization: Bearer $key" -F "file=@$file;filename=penalties.csv" -F item=XZCF \
  "http://127.0.0.1:$port/api/v1/submissions/files")
id=$(echo "$answer" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
# polled with grep, not a Python per poll (here 0.1-0.7 s to start one: part of the figure otherwise)
while echo "$answer" | grep -q '"status":"PROCESSING"'; do
  sleep 0.1
  answer=$(curl -s -H "Authorization: Bearer $key" -H "X-Purpose: benchmark" "http://127.0.0.1:$port/api/v1/submissions/$id")
done
api_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$answer" | python3 -c 'import json,sys; a=json.load(sys.stdin); a.pop("errors",None); print("answer:", json.dumps(a, ensure_ascii=False))'
accepted=$(echo "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accepted"])')
stored=$(psql_ -At -c "select count(*) from records.record")
echo "API:       $accepted rows accepted ($stored stored) in ${api_ms} ms = $(( accepted * 1000 / api_ms )) rows/s"
[ -z "${API_ONLY:-}" ] || exit 0   # quick experiments: no portal wait, no floor
# The batch's event is then consumed by the portal's read model (after the batch's commit, outside the figure
# above); wait for it so that it does not share the machine with the floor measured next, and say how long it took.
# Each consumer of the batch's event is reported when its publication completes (the website: PortalProjection).
declare -A done_ms=()
while :; do
  pending=$(psql_ -At -c "select string_agg(distinct regexp_replace(listener_id, '^.*\.([A-Za-z]+)\.[a-z][A-Za-z]*\(.*$', '\1'), ' ')
                          from event_publication where completion_date is null")
  now_ms=$(( ($(date +%s%N) - start) / 1000000 - api_ms ))
  for l in $(psql_ -At -c "select distinct regexp_replace(listener_id, '^.*\.([A-Za-z]+)\.[a-z][A-Za-z]*\(.*$', '\1')
                          from event_publication where publication_date >= now() - interval '1 hour'"); do
    if [ -z "${done_ms[$l]:-}" ] && ! [[ " $pending " == *" $l "* ]]; then
      done_ms[$l]=$now_ms
      echo "consumer:  $l done $now_ms ms after COMPLETED"
    fi
  done
  [ -z "$pending" ] && break
  sleep 0.5
done
echo "portal:    the public read model had the batch ${done_ms[PortalProjection]:-?} ms after COMPLETED (every consumer: $now_ms ms)"
# Second baseline: the storage floor. The records just stored, exported in COPY format and copied back into a copy of
# records.record with all its indexes and constraints: what PostgreSQL alone needs to store these records.
C="item_code, item_version, department_code, record_key, subject_category, subject_name, subject_credit_code, subject_id_type, subject_id_cipher, subject_id_digest, decision_number, decision_date, nature, dishonest, severity, exclusion, minor, pilot_era, status, not_published_reason, window_end, valid_until, rule_set, version, content_hash, data, batch_id, first_batch_id, first_received_at, updated_at, timeliness_deadline, deadline_days, working_days_to_arrival, on_time, timeliness_provisional"
psql_ -c "\\copy (select $C from records.record) to '$dir/records.copy' with (format binary)"
psql_ -c "create table public.bench_records (like records.record including all)"
start=$(date +%s%N)
psql_ -c "\\copy public.bench_records ($C) from '$dir/records.copy' with (format binary)"
floor_ms=$(( ($(date +%s%N) - start) / 1000000 ))
psql_ -c "drop table public.bench_records"
echo "floor:     COPY of the stored records into a copy of records.record: $stored rows in ${floor_ms} ms = $(( stored * 1000 / floor_ms )) rows/s"
echo "ratio:     API / storage floor = $(python3 -c "print(round(($accepted/$api_ms)/($stored/$floor_ms), 2))")"
echo "ratio:     API / raw COPY = $(python3 -c "print(round(($accepted/$api_ms)/($copied/$copy_ms), 2))")"
# Where the floor itself can move (issue 27, 5; FLOORS=1): the same binary COPY (a) into a copy without its indexes,
# the indexes built afterwards (a first load that defers them), and (b) into an UNLOGGED copy with its indexes, then
# made durable by SET LOGGED (which writes the whole table and its indexes to the WAL once).
if [ -n "${FLOORS:-}" ]; then
  psql_ -c "create table public.bench_records (like records.record including all excluding indexes)"
  start=$(date +%s%N)
  psql_ -c "\\copy public.bench_records ($C) from '$dir/records.copy' with (format binary)"
  copy_only_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  start=$(date +%s%N)
  psql_ -At -c "select indexdef from pg_indexes where schemaname = 'records' and tablename = 'record'" \
    | sed -e 's/ ON records.record / ON public.bench_records /' -e 's/INDEX [a-z0-9_]* ON/INDEX ON/' \
    | while read -r def; do psql_ -c "set maintenance_work_mem = '256MB'; $def" > /dev/null; done
  index_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  psql_ -c "drop table public.bench_records"
  echo "floor (a): COPY without indexes ${copy_only_ms} ms, then its $(psql_ -At -c "select count(*) from pg_indexes where schemaname = 'records' and tablename = 'record'") indexes built in ${index_ms} ms = $(( copy_only_ms + index_ms )) ms (durable; against ${floor_ms} ms)"
  psql_ -c "create unlogged table public.bench_records (like records.record including all)"
  start=$(date +%s%N)
  psql_ -c "\\copy public.bench_records ($C) from '$dir/records.copy' with (format binary)"
  unlogged_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  start=$(date +%s%N)
  psql_ -c "alter table public.bench_records set logged"
  logged_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  psql_ -c "drop table public.bench_records"
  echo "floor (b): COPY into an unlogged copy ${unlogged_ms} ms, then SET LOGGED ${logged_ms} ms = $(( unlogged_ms + logged_ms )) ms (durable only after the switch; against ${floor_ms} ms)"
fi
# Third baseline: the website's storage floor. The read model's rows (subjects, their search rows; entries until ADR
# 0033, since read from their producers) copied back
# (binary) by PostgreSQL alone into empty copies of the portal's tables with the same indexes (no trigger, no foreign
# key): what PostgreSQL alone needs to store what the website shows, against the projection's time above.
read_model=$(psql_ -At -c "select string_agg(table_name, ' ' order by table_name) from information_schema.tables
                             where table_schema = 'portal' and table_name in ('subject', 'subject_token', 'token_bound', 'entry')")
for t in $read_model; do
  psql_ -c "\\copy portal.$t to '$dir/portal-$t.copy' with (format binary)"
  psql_ -c "create table public.bench_portal_$t (like portal.$t including all)"
done
psql_ -c "checkpoint"
website_floor_ms=0
for t in $read_model; do
  start=$(date +%s%N)
  psql_ -c "\\copy public.bench_portal_$t from '$dir/portal-$t.copy' with (format binary)"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  website_floor_ms=$(( website_floor_ms + ms ))
  echo "           portal.$t: $(psql_ -At -c "select count(*) from public.bench_portal_$t") rows in $ms ms"
  psql_ -c "drop table public.bench_portal_$t"
done
echo "website floor: the read model copied by PostgreSQL alone in ${website_floor_ms} ms = $(python3 -c "print(round($website_floor_ms/$api_ms, 2))") of the ingest time"
[ -z "${JFR:-}" ] || jcmd $app JFR.dump name=ingest filename="$JFR" > /dev/null
echo "heap:      -Xmx512m; largest heap after GC $(grep -o '[0-9]*M->[0-9]*M' "$dir/gc.log" | cut -d'>' -f2 | tr -d M | sort -n | tail -1) MB; peak JVM RSS $(awk '/VmHWM/{print int($2/1024)}' /proc/$app/status) MB"
