-- The same bulk work on two PostgreSQL servers (docs/benchmarks.md, "A department's daily increment"):
--   psql -X -q -h HOST -p PORT -U postgres -d postgres -f bench/servers.sql | grep Time
-- 1M rows into a table with two indexes, 100,000 more after a checkpoint, then 200,000 index probes.
\timing on
drop table if exists bench_servers_t;
create table bench_servers_t (id bigserial primary key, k text, d text, v text, j jsonb);
create index on bench_servers_t (k); create index on bench_servers_t (d, k);
insert into bench_servers_t (k,d,v,j) select md5(i::text), (i%7)::text, repeat('x',200), jsonb_build_object('a',i, 'b', repeat('y', 100)) from generate_series(1,1000000) i;
checkpoint;
insert into bench_servers_t (k,d,v,j) select md5(i::text), (i%7)::text, repeat('x',200), jsonb_build_object('a',i, 'b', repeat('y', 100)) from generate_series(1000001,1100000) i;
select count(*) from generate_series(1,200000) i cross join lateral (select 1 from bench_servers_t where k = md5((i*5)::text) limit 1) x;
drop table bench_servers_t;
