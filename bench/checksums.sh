#!/usr/bin/env bash
# The first read of fresh rows with and without data checksums (docs/benchmarks.md, ADR 0020): a 1M-row table written,
# a checkpoint, then one full scan; prints the scan's time and the WAL it wrote. Needs root (initdb runs as postgres).
#
#   bench/checksums.sh [bin-dir]   (default: the embedded server's binaries, unpacked by a first start under /tmp/embedded-pg)
set -euo pipefail
bin=${1:-$(dirname "$(ls -d /tmp/embedded-pg/*/bin/postgres | head -1)")}
sql=$(mktemp /tmp/checksums-XXXX.sql)
cat > "$sql" <<'SQL'
\timing on
create table h (id bigserial primary key, k text, v text, j jsonb);
create index on h (k);
insert into h (k, v, j) select md5(i::text), repeat('x', 300), jsonb_build_object('a', i, 'b', repeat('y', 300)) from generate_series(1, 1000000) i;
checkpoint;
select pg_current_wal_lsn() as l1 \gset
select count(*) from h where v like 'x%';
select pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), :'l1')) as wal_written_by_the_scan;
SQL
chmod 644 "$sql"
run() {   # label, initdb option, server option
  local d; d=$(mktemp -d /tmp/checksums-pg-XXXX); chown postgres "$d"
  su postgres -c "$bin/initdb -D $d/data -U postgres -A trust -E UTF8 $2" > /dev/null
  su postgres -c "$bin/pg_ctl -D $d/data -w -o '-p 5439 -c shared_buffers=512MB -c fsync=on -c listen_addresses=127.0.0.1 -c unix_socket_directories=$d $3' -l $d/log start" > /dev/null
  echo "== $1 (data_checksums $(psql -X -At -h 127.0.0.1 -p 5439 -U postgres -c 'show data_checksums'))"
  psql -X -q -h 127.0.0.1 -p 5439 -U postgres -f "$sql" | grep -E "B$|bytes$|Time: [0-9]{3,}" | tail -2
  su postgres -c "$bin/pg_ctl -D $d/data -m fast stop" > /dev/null
  rm -rf "$d"
}
run "initdb default" "" ""
run "no checksums" "--no-data-checksums" ""
run "default, wal_compression pglz" "" "-c wal_compression=pglz"
rm -f "$sql"
