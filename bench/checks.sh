#!/usr/bin/env bash
# Checks benchmark (issue 10): single checks and batches of 1,000 through the API at 1M subjects and 5M hits in the
# check index, next to the same look-ups in in-memory hash maps loaded from the same database in the same run.
#
#   bench/checks.sh [subjects] [hits-per-subject] [singles] [batches]   (default 1000000 5 2000 20; needs the jar)
#   CLIENTS=4 SECONDS=20 bench/checks.sh …   adds checks from four concurrent clients next to liveness (issue 27, 3)
#   EXTRA="--some.property=value" bench/checks.sh …   passes more arguments to the application (experiments)
#   JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/checks.sh …   JVM options (experiments)
#   PGSET="wal_compression=lz4 checkpoint_timeout=15min" bench/checks.sh …   ALTER SYSTEM settings (reloaded) for
#                               the runs, after the data is generated (experiments on the database's side)
#   MAPS_XMX=14g bench/checks.sh 10000000 …   heap of the in-memory baseline (4g holds 1M subjects and 5M hits)
#   WAITS=1 bench/checks.sh …   samples PostgreSQL's active sessions every 20 ms while the clients run and prints
#                               what they waited for, by statement (where the time goes inside the database)
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

GONGXIN_DEMO_API_KEY=$key java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" \
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

for setting in ${PGSET:-}; do
  psql_ -c "alter system set ${setting%%=*} = '${setting#*=}'" > /dev/null
done
[ -n "${PGSET:-}" ] && psql_ -At -c "select pg_reload_conf()" > /dev/null && psql_ -At -c "checkpoint" > /dev/null \
  && echo "database settings: $(psql_ -At -c "select string_agg(name || '=' || setting || coalesce(unit, ''), ' ') from pg_settings where source = 'configuration file' and name in ($(for s in $PGSET; do printf "'%s'," "${s%%=*}"; done | sed 's/,$//'))")"
wal_before=$(psql_ -At -c "select pg_current_wal_lsn()")
commits_before=$(psql_ -At -c "select xact_commit from pg_stat_database where datname = current_database()")
checks_before=$(psql_ -At -c "select count(*) from screening.check")
fsyncs_before=$(psql_ -At -c "select coalesce(sum(fsyncs), 0) from pg_stat_io where object = 'wal'")
[ -n "${PROFILE:-}" ] && jcmd $app JFR.start duration=60s filename=/tmp/checks.jfr settings=profile > /dev/null
if [ -n "${WAITS:-}" ]; then
  ( while kill -0 $app 2>/dev/null; do
      psql_ -At -F'|' -c "select coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'), regexp_replace(left(query, 70), '\s+', ' ', 'g')
                            from pg_stat_activity where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()" 2>/dev/null
      sleep 0.02
    done > "$dir/waits.txt" ) &
  sampler=$!
fi
checkpointer=$(psql_ -At -c "select pid from pg_stat_activity where backend_type = 'checkpointer'")
APP_PID=$app POSTMASTER_PID=$(awk '{print $4}' /proc/$checkpointer/stat) python3 bench/checks_client.py $port "$key" bench/out/check-codes.txt "$singles" "$batches"
if [ -n "${WAITS:-}" ]; then
  kill $sampler 2>/dev/null || true
  echo "PostgreSQL's active sessions, $(wc -l < "$dir/waits.txt") samples (wait type|event|statement), most frequent first:"
  sort "$dir/waits.txt" | uniq -c | sort -rn | head -25
fi
echo "checks stored: $(psql_ -At -c 'select count(*) from screening.check'); audit entries: $(psql_ -At -c 'select count(*) from audit.entry')"
psql_ -At -c "select format('per check answered during the runs: %s bytes of WAL, %s WAL fsyncs, %s commits (the whole database''s, reads included)',
                     round(pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal_before') / greatest(count(*) - $checks_before, 1)),
                     round(((select sum(fsyncs) from pg_stat_io where object = 'wal') - $fsyncs_before)::numeric
                           / greatest(count(*) - $checks_before, 1), 2),
                     round(((select xact_commit from pg_stat_database where datname = current_database()) - $commits_before)::numeric
                           / greatest(count(*) - $checks_before, 1), 1)) from screening.check"

driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
java -Xmx${MAPS_XMX:-4g} -cp "$driver" bench/CheckMapBaseline.java "$pg" bench/out/check-codes.txt "$singles" "$batches"
