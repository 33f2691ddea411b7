#!/usr/bin/env bash
# Measures what a newcomer waits for: time from `java -jar` to health UP and to the first page, and the resident
# memory of the JVM and of the embedded PostgreSQL afterwards. Runs a first start on an empty data directory
# (initdb, migrations, demo seeding) and a second start on the same directory.
#
#   bench/startup.sh [runs]      (default 3 runs of each kind; needs the jar: ./mvnw -DskipTests package)
#   CDS=1 bench/startup.sh [runs]  the same with class-data sharing: the jar extracted (Spring Boot's jarmode=tools)
#                                  and an AppCDS archive made by a training run that stops after the context refresh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/gongxin-*.jar | grep -v original | head -1)
port=18080
java_opts=(${JAVA_OPTS:-})   # JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/startup.sh: more JVM options
if [ -n "${CDS:-}" ]; then
  cds=$(mktemp -d /tmp/gongxin-cds-XXXX)
  java -Djarmode=tools -jar "$jar" extract --destination "$cds/app" > /dev/null
  jar="$cds/app/$(basename "$jar")"
  t0=$(date +%s%3N)
  java -XX:ArchiveClassesAtExit="$cds/app.jsa" -Dspring.context.exit=onRefresh -jar "$jar" \
    --gongxin.data-dir="$cds/training" --server.port=$port > "$cds/training.log" 2>&1
  echo "CDS archive: $(du -m "$cds/app.jsa" | cut -f1) MB, made in $(( $(date +%s%3N) - t0 )) ms"
  java_opts+=(-XX:SharedArchiveFile="$cds/app.jsa")
fi

now_ms() { date +%s%3N; }

wait_for() { # url expected-text → milliseconds since $start
  until curl -fs "$1" 2>/dev/null | grep -q "$2"; do sleep 0.05; done
  echo $(( $(now_ms) - start ))
}

rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }

pg_pss_kb() { # proportional set size of the postmaster and its children: shared buffers are counted once, not per process
  local total=0
  for pid in $(pgrep -f "$1/pg" || true); do
    for p in $pid $(pgrep -P "$pid" || true); do
      total=$(( total + $(awk '/^Pss:/{print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0) ))
    done
  done
  echo $total
}

run() { # data-dir label
  start=$(now_ms)
  java "${java_opts[@]}" -jar "$jar" --server.port=$port --gongxin.data-dir="$1" --gongxin.demo.enabled=true > "$1.log" 2>&1 &
  local pid=$!
  local health page
  health=$(wait_for "http://127.0.0.1:$port/actuator/health" '"status":"UP"')
  page=$(wait_for "http://127.0.0.1:$port/" "示例市公共信用信息平台")
  # let start-up tasks (seeding) finish before reading memory
  until grep -q "Started GongxinApplication" "$1.log"; do sleep 0.05; done
  curl -fs "http://127.0.0.1:$port/login" > /dev/null
  local jvm pg
  jvm=$(rss_kb $pid)
  pg=$(pg_pss_kb "$1")
  printf '%-12s health_up_ms=%-6s first_page_ms=%-6s jvm_rss_mb=%-5s postgres_pss_mb=%s\n' "$2" "$health" "$page" $(( jvm / 1024 )) $(( pg / 1024 ))
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "jar: $jar ($(du -m "$jar" | cut -f1) MB)"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/gongxin-bench-XXXX)
  run "$dir/data" "first-start"
  run "$dir/data" "restart"
  rm -rf "$dir"
done
