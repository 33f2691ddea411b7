#!/usr/bin/env bash
# A department's daily increment against its storage floor (issue 13): 1M penalties already stored (and projected),
# then an increment of 20,000 rows of which 10,000 are re-sent unchanged (probed as duplicates) and 10,000 are new.
#
#   bench/increment.sh [stored] [increment]   (default 1000000 20000; needs the jar: ./mvnw -DskipTests package)
#   EXTERNAL_PG=host:port PGPASSWORD=… bench/increment.sh …   on an external PostgreSQL instead of the embedded one: its
#   superuser postgres (password PGPASSWORD) runs the migrations in a new database gongxin_bench, the application
#   connects as gongxin_app (created with the same password).
#
#   JAVA_OPTS='-XX:StartFlightRecording=…' bench/increment.sh …   extra options of the application's JVM (a profile
#   from its start; JFR started later, with JFR=file, deoptimises and slows the increment threefold)
#
# Also measured: how long after COMPLETED the last new subject of the increment is found by the public search.
#
# Baseline, same run: the increment's new records, as stored, copied (binary) by PostgreSQL alone into a copy of
# records.record that already holds the earlier records, with the same indexes.
set -euo pipefail
cd "$(dirname "$0")/.."
stored=${1:-1000000}
increment=${2:-20000}
half=$(( increment / 2 ))
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
out=bench/out; mkdir -p $out
all=$out/increment-$(( stored + half ))-$(date +%F).csv
[ -f "$all" ] || python3 bench/gen_penalties.py $(( stored + half )) "$all"
base=$out/increment-base-$stored.csv
inc=$out/increment-$increment.csv
head -$(( stored + 1 )) "$all" > "$base"
{ head -1 "$all"; tail -n +$(( stored - half + 2 )) "$all"; } > "$inc"
port=18083
key=bench-$(date +%s)-key-0123456789abcdef
dir=$(mktemp -d /tmp/gongxin-increment-XXXX)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "stored first: $stored rows; increment: $(( $(wc -l < "$inc") - 1 )) rows ($half already stored, $half new)"

db=gongxin; pghost=127.0.0.1; dbargs=()
if [ -n "${EXTERNAL_PG:-}" ]; then
  db=gongxin_bench; pghost=${EXTERNAL_PG%:*}; pg=${EXTERNAL_PG##*:}
  psql -X -q -h "$pghost" -p "$pg" -U postgres -d postgres -c "drop database if exists $db" \
    -c "create database $db template template0 encoding 'UTF8' locale 'C.UTF-8'" \
    -c "do \$\$ begin if not exists (select 1 from pg_roles where rolname = 'gongxin_app') then create role gongxin_app login; end if; end \$\$" \
    -c "alter role gongxin_app password '$PGPASSWORD'"
  echo "database: external PostgreSQL $(psql -X -At -h "$pghost" -p "$pg" -U postgres -d postgres -c 'show server_version') on $EXTERNAL_PG" \
    "(shared_buffers $(psql -X -At -h "$pghost" -p "$pg" -U postgres -d postgres -c 'show shared_buffers'), fsync $(psql -X -At -h "$pghost" -p "$pg" -U postgres -d postgres -c 'show fsync'))"
  dbargs=(--spring.datasource.url="jdbc:postgresql://$pghost:$pg/$db" --spring.datasource.username=gongxin_app
          --spring.datasource.password="$PGPASSWORD" --spring.flyway.user=postgres --spring.flyway.password="$PGPASSWORD")
fi
GONGXIN_DEMO_API_KEY=$key java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" \
  --gongxin.demo.enabled=true --gongxin.demo.records=0 "${dbargs[@]}" > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$dir"' EXIT
until grep -q "Started GongxinApplication" "$dir/app.log"; do kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log"; exit 1; }; sleep 0.2; done
# the demo key exists once the start-up tasks ran
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/collection/profiles")" = 200 ]; do sleep 0.5; done
[ -n "${EXTERNAL_PG:-}" ] || pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$dir/app.log" | head -1 | cut -d: -f2)
psql_() { psql -X -q -h "$pghost" -p "$pg" -U postgres -d "$db" "$@"; }

send() {   # file → prints "ms answer"; polls every 50 ms without starting a Python (0.1–0.7 s each here)
  local start answer
  start=$(date +%s%N)
  answer=$(curl -s -H "Authorization: Bearer $key" -F "file=@$1;filename=penalties.csv" -F item=XZCF "http://127.0.0.1:$port/api/v1/submissions/files")
  local id=$(echo "$answer" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  while echo "$answer" | grep -q '"status":"PROCESSING"'; do
    sleep 0.05
    answer=$(curl -s -H "Authorization: Bearer $key" -H "X-Purpose: benchmark" "http://127.0.0.1:$port/api/v1/submissions/$id")
  done
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $(echo "$answer" | python3 -c 'import json,sys; a=json.load(sys.stdin); a.pop("errors",None); print(json.dumps(a))')"
}
settle() { until [ "$(psql_ -At -c "select count(*) from event_publication where completion_date is null")" = 0 ]; do sleep 1; done; }

echo "first load: $(send "$base" | cut -d' ' -f1) ms"
settle
psql_ -c "checkpoint"
[ -z "${JFR:-}" ] || jcmd $app JFR.start name=increment settings=profile > /dev/null
[ -z "${BEFORE_INCREMENT:-}" ] || psql_ -c "$BEFORE_INCREMENT"   # e.g. select pg_stat_statements_reset()
read -r inc_ms inc_answer <<< "$(send "$inc")"
[ -z "${JFR:-}" ] || jcmd $app JFR.dump name=increment filename="$JFR" > /dev/null
echo "increment: ${inc_ms} ms: $inc_answer"
completed=$(date +%s%N)
batch=$(echo "$inc_answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "           in the database: $(psql_ -At -c "select round(extract(epoch from completed_at - created_at) * 1000) from collection.batch where id = '$batch'") ms from the batch's creation (after the upload) to COMPLETED"
grep "Batch $batch:" "$dir/app.log" | sed 's/.*: Batch [^:]*: /           the application: /'
# the last new subject of the increment, by its credit code, as the public finds it
last=$(tail -n +2 "$inc" | cut -d, -f3 | grep -v '^$' | tail -1)
# a hit carries the subject's credit code; the answer also repeats the query, so the code alone proves nothing
until curl -s "http://127.0.0.1:$port/api/v1/public/subjects?q=$last" | grep -q "\"creditCode\":\"$last\""; do
  [ $(( ($(date +%s%N) - completed) / 1000000000 )) -lt 600 ] || { echo "website:   $last not found after 600 s"; exit 1; }
  sleep 0.1
done
echo "website:   the last new subject ($last) found by the public search $(( ($(date +%s%N) - completed) / 1000000 )) ms after COMPLETED"
new=$(psql_ -At -c "select count(*) from records.record where batch_id = '$batch'")
settle
echo "           every event of the increment processed $(( ($(date +%s%N) - completed) / 1000000 )) ms after COMPLETED"
C="item_code, item_version, department_code, record_key, subject_category, subject_name, subject_credit_code, subject_id_type, subject_id_cipher, subject_id_digest, decision_number, decision_date, nature, dishonest, severity, exclusion, minor, pilot_era, status, not_published_reason, window_end, valid_until, rule_set, version, content_hash, data, batch_id, first_batch_id, first_received_at, updated_at, timeliness_deadline, deadline_days, working_days_to_arrival, on_time, timeliness_provisional, subject_id"
psql_ -c "\\copy (select $C from records.record where batch_id = '$batch') to '$dir/new.copy' with (format binary)"
psql_ -c "create table public.bench_records (like records.record including all)"
psql_ -c "insert into public.bench_records select * from records.record where batch_id <> '$batch'"
psql_ -c "select setval(pg_get_serial_sequence('public.bench_records', 'id'), (select max(id) from public.bench_records))" > /dev/null
psql_ -c "checkpoint"
start=$(date +%s%N)
psql_ -c "\\copy public.bench_records ($C) from '$dir/new.copy' with (format binary)"
floor_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "floor:     COPY of the $new new records into a copy of records.record holding the $stored earlier ones: ${floor_ms} ms"
[ -z "${KEEP_LOG:-}" ] || cp "$dir/app.log" "$KEEP_LOG"
echo "ratio:     floor / increment = $(python3 -c "print(round($floor_ms/$inc_ms, 2))") (PostgreSQL alone storing the $new new records, against the API taking all $increment rows)"
