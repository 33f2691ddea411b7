#!/usr/bin/env bash
# Evaluation benchmark (issue 22): a full run grading every subject of the registry from its credit entries (records in
# records.record, list entries), next to the floor: PostgreSQL alone grouping the same entries by subject, in the same run.
#
#   bench/evaluation.sh [subjects] [records-per-subject]   (default 1000000 5; needs the jar: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-1000000}
per=${2:-5}
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
port=18084
dir=$(mktemp -d /tmp/gongxin-evaluation-XXXX)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"

java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" --gongxin.demo.enabled=true \
  --gongxin.demo.records=0 --gongxin.evaluation.worker-delay=PT1H > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$dir"' EXIT
until grep -q "Seeded the demo evaluation model" "$dir/app.log"; do
  kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log"; exit 1; }
  sleep 0.2
done
pg=$(grep -o "ready on 127.0.0.1:[0-9]*" "$dir/app.log" | head -1 | cut -d: -f2)
psql_() { psql -X -q -h 127.0.0.1 -p "$pg" -U postgres -d gongxin "$@"; }

start=$(date +%s)
psql_ -v subjects="$subjects" -v per="$per" -f bench/evaluation-data.sql > /dev/null
echo "data: $(psql_ -At -c 'select count(*) from subjects.subject') subjects, $(psql_ -At -c 'select count(*) from records.record') records, $(psql_ -At -c 'select count(*) from lists.list_entry') list entries, generated in $(( $(date +%s) - start )) s"

# the floor: PostgreSQL alone groups the same entries by subject (the records, the larger producer)
# (three times: it varies between 2.5 and 4.6 s on this machine; the lowest is the floor)
for i in 1 2 3; do
  floor=$(psql_ -At -c '\timing on' -c "select count(*) from (select subject_id, count(*), min(decision_date) from records.record where dishonest or nature = 'DISHONEST' group by subject_id) x" | grep -o 'Time: [0-9.]* ms')
  echo "floor (records grouped by subject, one statement): $floor"
done

python3 bench/evaluation_client.py $port
echo "grade changes written by the first run: $(psql_ -At -c 'select count(*) from evaluation.grade_change')"
python3 bench/evaluation_client.py $port
# the first run of a database writes every grade and every change; the same again with the JIT warm: grades emptied
psql_ -c "truncate evaluation.grade, evaluation.grade_change"
echo "run 3 after emptying the grades (every grade and change written again):"
python3 bench/evaluation_client.py $port
# what writing the grades alone costs PostgreSQL: a copy of the grade table as the runs leave it
write=$(psql_ -At -c '\timing on' -c "create table evaluation.grade_copy as select * from evaluation.grade" | grep -o 'Time: [0-9.]* ms')
echo "writing 1 table of grades alone (create table as select): $write"
echo "grades: $(psql_ -At -c "select string_agg(grade || '=' || n, ' ') from (select grade, count(*) n from evaluation.grade group by grade order by grade) g")"
grep -E "Evaluation run" "$dir/app.log" | tail -1
