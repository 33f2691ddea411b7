#!/usr/bin/env bash
# Exchange benchmark (issue 23): a file of N penalty rows ingested with the province answering at once, against the
# same file ingested with the exchange off, in the same run, on fresh databases, with the JVM limited to -Xmx512m.
#
#   bench/exchange.sh [rows]     (default 200000; needs the jar: ./mvnw -DskipTests package)
#
# Measured: (1) the ingest time (first byte of the upload to the batch's COMPLETED) with the exchange off, the baseline,
# and on; (2) with it on, when the last item reached the stand-in province (every item DELIVERED), from the start of
# the upload and from COMPLETED. Targets: ingest with the exchange at least 0.9x as fast; everything delivered within
# 1x the ingest time after it.
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
trap 'kill $province 2>/dev/null || true; rm -rf "$work"' EXIT
until grep -q "Stand-in province at" "$work/province.log"; do kill -0 $province || { cat "$work/province.log"; exit 1; }; sleep 0.2; done

# run: $1 = on|off; prints "ingest_ms delivered_ms_from_start"
run() {
  local mode=$1 dir=$work/$1 extra=()
  mkdir -p "$dir"
  if [ "$mode" = on ]; then extra=(--gongxin.exchange.province.url=http://127.0.0.1:$province_port); fi
  GONGXIN_DEMO_API_KEY=$key java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" \
    --gongxin.demo.enabled=true --gongxin.demo.records=0 --gongxin.evaluation.worker=false "${extra[@]}" > "$dir/app.log" 2>&1 &
  local app=$!
  until grep -q "Started GongxinApplication" "$dir/app.log"; do kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log" >&2; exit 1; }; sleep 0.2; done
  local pg; pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$dir/app.log" | head -1 | cut -d: -f2)
  psql_() { psql -X -q -h 127.0.0.1 -p "$pg" -U postgres -d gongxin "$@"; }
  # the demo's own seeding (its items pushed) settles first
  until [ "$(psql_ -At -c "select count(*) from event_publication where completion_date is null")" = 0 ]; do sleep 0.5; done
  if [ "$mode" = on ]; then
    until [ "$(psql_ -At -c "select count(*) from exchange.outbound where status = 'PENDING'")" = 0 ]; do sleep 0.5; done
  fi
  local before=0
  [ "$mode" = on ] && before=$(psql_ -At -c "select count(*) from exchange.outbound")
  local start; start=$(date +%s%N)
  local answer; answer=$(curl -s -H "Authorization: Bearer $key" -F "file=@$file;filename=penalties.csv" -F item=XZCF \
    "http://127.0.0.1:$port/api/v1/submissions/files")
  local id; id=$(echo "$answer" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  while echo "$answer" | grep -q '"status":"PROCESSING"'; do
    sleep 0.1
    answer=$(curl -s -H "Authorization: Bearer $key" -H "X-Purpose: benchmark" "http://127.0.0.1:$port/api/v1/submissions/$id")
  done
  local ingest_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  local delivered_ms=0
  if [ "$mode" = on ]; then
    # every item of the file queued (one per record) and none pending
    until [ "$(psql_ -At -c "select count(*) >= $before + $rows and count(*) filter (where status = 'PENDING') = 0 from exchange.outbound")" = t ]; do
      sleep 0.2
    done
    delivered_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "   items: $(psql_ -At -c "select status || ' ' || count(*) from exchange.outbound group by status order by 1" | tr '\n' ' ')" >&2
    echo "   batches at the stand-in: $(grep -c '^batch of' "$work/province.log")" >&2
  fi
  kill $app; wait $app 2>/dev/null || true
  echo "$ingest_ms $delivered_ms"
}

read off_ms _ < <(run off)
echo "exchange off: ingest ${off_ms} ms = $(( rows * 1000 / off_ms )) rows/s"
read on_ms delivered_ms < <(run on)
echo "exchange on:  ingest ${on_ms} ms = $(( rows * 1000 / on_ms )) rows/s; ratio on/off speed = $(python3 -c "print(round($off_ms/$on_ms, 2))")"
echo "delivered:    all $rows items at the province ${delivered_ms} ms after the upload began, $(( delivered_ms - on_ms )) ms after COMPLETED = $(python3 -c "print(round(($delivered_ms-$on_ms)/$on_ms, 2))")x the ingest time"
