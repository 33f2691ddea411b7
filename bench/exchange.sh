#!/usr/bin/env bash
# Exchange benchmark (issue 23): a file of N penalty rows ingested with the province answering at once, against the
# same file ingested with the exchange off, in the same run, on fresh databases, with the JVM limited to -Xmx512m.
#
#   bench/exchange.sh [rows]     (default 200000; needs the jar: ./mvnw -DskipTests package)
#
# Measured: (1) the ingest time (first byte of the upload to the batch's COMPLETED) with the exchange off, the baseline,
# and on; (2) with it on, when the last item reached the stand-in province (every item DELIVERED), from the start of
# the upload and from COMPLETED. Targets: ingest with the exchange at least 0.9x as fast; everything delivered within
# 1x the ingest time after it. With DOWN=1 the province is down during the whole ingest and comes back after the
# batch's listeners are done: then (2) is the backlog's drain, from the province's return.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
out=bench/out; mkdir -p $out
file=$out/penalties-$rows-utf-8.csv
port=18082
province_port=18099
key=bench-$(date +%s)-key-0123456789abcdef
[ -f "$file" ] || python3 bench/gen_penalties.py "$rows" "$file" --encoding utf-8
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "file: $file ($(du -m "$file" | cut -f1) MB, $rows rows)"

work=$(mktemp -d /tmp/gongxin-exchange-XXXX)
java src/test/java/gongxin/exchange/StandInProvince.java $province_port > "$work/province.log" 2>&1 &
province=$!
trap 'kill $province 2>/dev/null || true; pkill -f "gongxin.data-dir=$work" 2>/dev/null || true; sleep 1; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
until grep -q "Stand-in province at" "$work/province.log"; do kill -0 $province || { cat "$work/province.log"; exit 1; }; sleep 0.2; done

# the machine's busy CPU time so far, in 1/100 s (user, nice, system, irq, softirq of all cores; the machine is otherwise idle)
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
# a process's CPU time so far (user + system), in 1/100 s
ticks() { awk '{print $14+$15}' /proc/$1/stat 2>/dev/null || echo 0; }
# where the busy time between two points went: the application's JVM, the stand-in province's, the rest (PostgreSQL)
split() { # $1 busy0 $2 app0 $3 province0 $4 app pid
  local b=$(( $(busy) - $1 )) a=$(( $(ticks $4) - $2 )) p=$(( $(ticks $province) - $3 ))
  echo "$(( b * 10 )) ms (application JVM $(( a * 10 )), stand-in province $(( p * 10 )), PostgreSQL and the rest $(( (b - a - p) * 10 )))"
}

# run: $1 = on|off; prints "ingest_ms delivered_ms_from_start"
run() {
  local mode=$1 dir=$work/$1 extra=()
  mkdir -p "$dir"
  if [ "$mode" = on ]; then extra=(--gongxin.exchange.province.url=http://127.0.0.1:$province_port ${EXTRA:-}); fi
  GONGXIN_DEMO_API_KEY=$key java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" \
    --gongxin.demo.enabled=true --gongxin.demo.records=0 --gongxin.evaluation.worker=false "${extra[@]}" > "$dir/app.log" 2>&1 &
  local app=$!
  until grep -q "Started GongxinApplication" "$dir/app.log"; do kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log" >&2; exit 1; }; sleep 0.2; done
  # the demo's API client is seeded after the start
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/measures")" = 200 ]; do sleep 0.5; done
  local pg; pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$dir/app.log" | head -1 | cut -d: -f2)
  psql_() { psql -X -q -h 127.0.0.1 -p "$pg" -U postgres -d gongxin "$@"; }
  # the demo's own seeding (its items pushed) settles first
  until [ "$(psql_ -At -c "select count(*) from event_publication where completion_date is null")" = 0 ]; do sleep 0.5; done
  if [ "$mode" = on ]; then
    until [ "$(psql_ -At -c "select count(*) from exchange.outbound where status = 'PENDING'")" = 0 ]; do sleep 0.5; done
  fi
  local before=0 delivered_before=0
  [ "$mode" = on ] && before=$(psql_ -At -c "select count(*) from exchange.outbound")
  [ "$mode" = on ] && delivered_before=$(psql_ -At -c "select delivered from exchange.delivery_state")
  if [ "$mode" = on ] && [ -n "${DOWN:-}" ]; then curl -s -X POST "http://127.0.0.1:$province_port/control/mode?value=DOWN" > /dev/null; fi
  local start; start=$(date +%s%N)
  local cpu0; cpu0=$(busy)
  local answer; answer=$(curl -s -H "Authorization: Bearer $key" -F "file=@$file;filename=penalties.csv" -F item=XZCF \
    "http://127.0.0.1:$port/api/v1/submissions/files")
  local id; id=$(echo "$answer" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  while echo "$answer" | grep -q '"status":"PROCESSING"'; do
    sleep 0.1
    answer=$(curl -s -H "Authorization: Bearer $key" -H "X-Purpose: benchmark" "http://127.0.0.1:$port/api/v1/submissions/$id")
  done
  local ingest_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  local cpu1 app1 prov1; cpu1=$(busy); app1=$(ticks $app); prov1=$(ticks $province)
  local delivered_ms=0
  if [ "$mode" = off ]; then
    until [ "$(psql_ -At -c "select count(*) from event_publication where completion_date is null")" = 0 ]; do sleep 0.2; done
    echo "   (exchange off) the batch's listeners (website, checks, grades queue) done $(( ($(date +%s%N) - start) / 1000000 )) ms after the upload began" >&2
    echo "   (exchange off) CPU busy: $(( (cpu1 - cpu0) * 10 )) ms during the ingest, $(split $cpu1 $app1 $prov1 $app) from COMPLETED until the listeners were done (2 cores)" >&2
  fi
  if [ "$mode" = on ] && [ -n "${DOWN:-}" ]; then
    until [ "$(psql_ -At -c "select count(*) from event_publication where completion_date is null")" = 0 ]; do sleep 0.5; done
    echo "   province down during the ingest: $(psql_ -At -c "select count(*) from exchange.outbound where status = 'PENDING'") items pending, $(psql_ -At -c "select failures from exchange.delivery_state") failed attempts; back now" >&2
    curl -s -X POST "http://127.0.0.1:$province_port/control/mode?value=ACCEPT" > /dev/null
    start=$(date +%s%N); ingest_ms=0
  fi
  if [ "$mode" = on ]; then
    # every item of the file (one per record) delivered: the sender's running total, read from its one-row state (a
    # count over the queue every 0.2 s took 86 ms of the database's time a poll, 9 s of a run, beside what is measured)
    until [ "$(psql_ -At -c "select delivered >= $delivered_before + $rows from exchange.delivery_state")" = t ]; do
      sleep 0.2
    done
    delivered_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [ -n "${DOWN:-}" ] || echo "   CPU busy: $(( (cpu1 - cpu0) * 10 )) ms during the ingest, $(split $cpu1 $app1 $prov1 $app) from COMPLETED until every item was delivered (2 cores)" >&2
    echo "   items: $(psql_ -At -c "select status || ' ' || count(*) from exchange.outbound group by status order by 1" | tr '\n' ' ')" >&2
    echo "   batches at the stand-in: $(grep -c '^batch of' "$work/province.log")" >&2
    psql_ -At -c "select 'queued from ' || round(extract(epoch from min(queued_at)) * 1000 - $start / 1000000) || ' to ' || round(extract(epoch from max(queued_at)) * 1000 - $start / 1000000)
                  || ' ms, delivered from ' || round(extract(epoch from min(delivered_at)) * 1000 - $start / 1000000) || ' to ' || round(extract(epoch from max(delivered_at)) * 1000 - $start / 1000000)
                  || ' ms after the upload began' from exchange.outbound where seq > $before" >&2
    psql_ -At -c "select 'portal had the batch (event publications complete) at ' || round(extract(epoch from max(completion_date)) * 1000 - $start / 1000000) || ' ms' from event_publication" >&2
  fi
  if [ "$mode" = on ]; then
    # floors: PostgreSQL alone writing the items as JSON out of the stored records, and copying the queue's rows back
    # into a copy of exchange.outbound with its indexes
    local t0; t0=$(date +%s%N)
    psql_ -c "\\copy (select json_build_object('key', 'RECORD:' || id || ':1', 'kind', 'RECORD', 'subject', json_build_object('name', subject_name, 'creditCode', subject_credit_code), 'fields', data, 'entry', json_build_object('status', status, 'date', decision_date)) from records.record) to '$dir/items.json'"
    echo "   floor: PostgreSQL writes the records as JSON items in $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
    psql_ -c "\\copy exchange.outbound to '$dir/outbound.copy' with (format binary)"
    psql_ -c "create table public.bench_outbound (like exchange.outbound including all)"
    t0=$(date +%s%N)
    psql_ -c "\\copy public.bench_outbound from '$dir/outbound.copy' with (format binary)"
    echo "   floor: PostgreSQL copies the queue's $(psql_ -At -c "select count(*) from public.bench_outbound") rows back in $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
  fi
  if [ "$mode" = on ]; then
    # the sender alone, on an idle machine: every item of the file pending again (same keys, same content)
    local d0; d0=$(psql_ -At -c "select delivered from exchange.delivery_state")
    psql_ -c "update exchange.outbound set status = 'PENDING' where seq > $before"
    local t1; t1=$(date +%s%N)
    until [ "$(psql_ -At -c "select delivered >= $d0 + $rows from exchange.delivery_state")" = t ]; do sleep 0.2; done
    echo "   the sender alone (idle machine): $rows items delivered again in $(( ($(date +%s%N) - t1) / 1000000 )) ms" >&2
  fi
  if [ -n "${THREADS:-}" ]; then # the application's threads by CPU time over the whole run (1/100 s)
    for t in /proc/$app/task/*; do echo "$(awk '{print $14+$15}' $t/stat) $(cat $t/comm)"; done \
      | sed -E 's/-?[0-9]+$//' | awk '{n[$2]+=$1} END {for (k in n) if (n[k] >= 20) print "   thread " k ": " n[k] * 10 " ms"}' | sort -t: -k2 -rn >&2
  fi
  [ -z "${JFR:-}" ] || [ "$mode" != on ] || jcmd $app JFR.dump name=bench filename="$JFR" > /dev/null
  kill $app; wait $app 2>/dev/null || true
  echo "$ingest_ms $delivered_ms"
}

if [ -n "${ONLY_ON:-}" ]; then off_ms=1; else read off_ms _ < <(run off); fi
echo "exchange off: ingest ${off_ms} ms = $(( rows * 1000 / off_ms )) rows/s"
read on_ms delivered_ms < <(run on)
if [ -n "${DOWN:-}" ]; then
  echo "backlog:      the province down during the whole ingest; all $rows items delivered ${delivered_ms} ms after it came back"
  exit 0
fi
echo "exchange on:  ingest ${on_ms} ms = $(( rows * 1000 / on_ms )) rows/s; ratio on/off speed = $(python3 -c "print(round($off_ms/$on_ms, 2))")"
echo "delivered:    all $rows items at the province ${delivered_ms} ms after the upload began, $(( delivered_ms - on_ms )) ms after COMPLETED = $(python3 -c "print(round(($delivered_ms-$on_ms)/$on_ms, 2))")x the ingest time"
