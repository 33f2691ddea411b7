#!/usr/bin/env bash
# Sharing benchmark (issue 24): shared queries at 1M subjects and 5M records with the history being written, and the
# first page of a subject's history of 10,000 reads, next to an authenticated GET of one small table in the same run.
#
#   bench/sharing.sh [subjects] [records-per-subject] [queries] [histories]   (default 1000000 5 2000 200; needs the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-1000000}
per=${2:-5}
queries=${3:-2000}
histories=${4:-200}
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
port=18084
key=bench-$(date +%s)-key-0123456789abcdef
mkdir -p bench/out
dir=$(mktemp -d /tmp/gongxin-sharing-XXXX)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
GONGXIN_DEMO_API_KEY=$key java -Xmx512m -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" \
  --gongxin.demo.enabled=true --gongxin.demo.records=0 --gongxin.evaluation.worker=false > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$dir"' EXIT
until grep -q "Started GongxinApplication" "$dir/app.log"; do
  kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log"; exit 1; }
  sleep 0.2
done
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/measures")" = 200 ]; do sleep 0.5; done
pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$dir/app.log" | head -1 | cut -d: -f2)
psql_() { psql -X -q -h 127.0.0.1 -p "$pg" -U postgres -d gongxin "$@"; }
start=$(date +%s)
psql_ -v subjects="$subjects" -v per="$per" -f bench/sharing-data.sql > /dev/null
echo "data: $(psql_ -At -c 'select count(*) from subjects.subject') subjects, $(psql_ -At -c 'select count(*) from records.record') records, $(psql_ -At -c 'select count(*) from sharing.read') history lines, generated in $(( $(date +%s) - start )) s"
python3 bench/sharing_client.py $port "$key" bench/out/sharing-codes.txt bench/out/sharing-history-code.txt "$queries" "$histories"
echo "history lines after: $(psql_ -At -c 'select count(*) from sharing.read')"
