#!/usr/bin/env bash
# Health probes (issue 27, 2): /actuator/health against liveness and readiness on the same node, four clients each.
#
#   bench/health.sh [jar] [clients] [seconds]   (default: the packaged jar, 4 clients, 10 s per path)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-$(ls target/gongxin-*.jar | grep -v original | head -1)}
clients=${2:-4}
seconds=${3:-10}
port=18091
dir=$(mktemp -d /tmp/gongxin-health-XXXX)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); jar $jar"
java -Xmx512m -jar "$jar" --server.port=$port --gongxin.data-dir="$dir/data" --gongxin.demo.enabled=true \
  --gongxin.demo.records=0 > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$dir"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; do
  kill -0 $app 2>/dev/null || { tail -20 "$dir/app.log"; exit 1; }
  sleep 0.5
done
for path in /actuator/health/liveness /actuator/health /actuator/health/readiness /actuator/health; do
  python3 bench/health_client.py $port $path "$clients" 2 > /dev/null   # warm-up
  python3 bench/health_client.py $port $path "$clients" "$seconds"
done
