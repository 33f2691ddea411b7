#!/usr/bin/env python3
"""Times checks through the HTTP API: single checks one after another, then batches of 1,000 (issue 10).

    checks_client.py PORT KEY CODES_FILE [singles] [batches]

Each single check is a random credit code of the generated subjects (5 % unknown codes); each batch 1,000 of them.
Prints p50/p95/p99/max in milliseconds and what the answers contained, so that a run that only got errors shows.
"""
import os
import http.client
import json
import random
import sys
import time

# the matter checked: BIDDING (list measures) by default; LICENSING reaches the measure commitment breaches trigger
MATTER = os.environ.get("MATTER", "BIDDING")

port, key, codes_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
singles = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
batches = int(sys.argv[5]) if len(sys.argv) > 5 else 20
codes = [line.strip() for line in open(codes_file, encoding="utf-8") if line.strip()]
random.seed(2026)
unknown = "91329900MA0000000X"  # fails its check: never used; unknown codes below are valid but not generated
conn = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}


def post(path, body):
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    start = time.perf_counter()
    conn.request("POST", path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 201:
        raise SystemExit(f"{path}: {response.status} {payload[:300]!r}")
    return elapsed, json.loads(payload)


def stats(name, values):
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"{name}: n={len(values)} p50={pick(0.50):.2f} ms p95={pick(0.95):.2f} ms p99={pick(0.99):.2f} ms max={values[-1]:.2f} ms")


def check_body(code):
    return {"matter": MATTER, "purpose": "基准测试", "subject": {"creditCode": code}}


for code in codes[:200]:  # warm-up: JIT, connection pools, caches
    post("/api/v1/checks", check_body(code))

# the floor in the same run: an authenticated call that reads one small table (API key check included), no writes
floor = []
for i in range(singles):
    start = time.perf_counter()
    conn.request("GET", "/api/v1/checks/matters", headers={"Authorization": "Bearer " + key})
    response = conn.getresponse()
    response.read()
    floor.append((time.perf_counter() - start) * 1000)
stats("floor: GET /api/v1/checks/matters", floor)

times, hits, measures = [], 0, 0
for i in range(singles):
    code = random.choice(codes)
    elapsed, answer = post("/api/v1/checks", check_body(code))
    times.append(elapsed)
    hits += len(answer["hits"])
    measures += len(answer["measures"])
stats("single check", times)
print(f"  answers: {hits / singles:.2f} hits and {measures / singles:.3f} measures per check on average")

times, subjects_with_hits = [], 0
for b in range(batches):
    chosen = random.sample(codes, 1000)
    elapsed, answer = post("/api/v1/checks/batch", {"matter": MATTER, "purpose": "基准测试",
                                                    "subjects": [{"creditCode": c} for c in chosen]})
    times.append(elapsed)
    subjects_with_hits += sum(1 for r in answer["results"] if r["hits"])
stats("batch of 1,000", times)
print(f"  answers: {subjects_with_hits / batches:.0f} of 1,000 subjects with hits per batch")

# issue 27 (3): checks under load, CLIENTS concurrent clients for SECONDS each, next to liveness in the same run
clients = int(os.environ.get("CLIENTS", "0"))
if clients > 1:
    import threading

    seconds = float(os.environ.get("SECONDS", "20"))

    app_pid = int(os.environ.get("APP_PID", "0"))
    postmaster_pid = int(os.environ.get("POSTMASTER_PID", "0"))
    tick = os.sysconf("SC_CLK_TCK")

    def cpu():
        """CPU seconds so far of the JVM, of the PostgreSQL server's processes, of this client; and the machine's idle."""
        java = pg = 0.0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            rest = stat[stat.rindex(")") + 2:].split()
            used = (int(rest[11]) + int(rest[12])) / tick
            if int(entry) == app_pid:
                java += used
            elif int(entry) == postmaster_pid or int(rest[1]) == postmaster_pid:
                pg += used
        t = os.times()
        with open("/proc/stat") as f:
            idle = int(f.readline().split()[4]) / tick
        return java, pg, t.user + t.system, idle

    def load(name, request):
        latencies, lock = [], threading.Lock()
        before = cpu()
        stop = time.monotonic() + seconds

        def run(seed):
            rnd = random.Random(seed)
            c = http.client.HTTPConnection("127.0.0.1", port)
            mine = []
            while time.monotonic() < stop:
                t = time.perf_counter()
                request(c, rnd)
                mine.append((time.perf_counter() - t) * 1000)
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        latencies.sort()
        n = len(latencies)
        print(f"{name}, {clients} clients, {seconds:.0f} s: {n / seconds:.0f} req/s, p50 {latencies[n // 2]:.2f} ms, "
              f"p99 {latencies[min(n - 1, int(n * 0.99))]:.2f} ms, max {latencies[-1]:.2f} ms")
        if app_pid and postmaster_pid:
            java, pg, client, idle = (a - b for a, b in zip(cpu(), before))
            print(f"  CPU in those {seconds:.0f} s ({os.cpu_count()} cores): JVM {java:.1f} s, PostgreSQL {pg:.1f} s, "
                  f"client {client:.1f} s, idle {idle:.1f} s; per request: JVM {1000 * java / n:.2f} ms, "
                  f"PostgreSQL {1000 * pg / n:.2f} ms, client {1000 * client / n:.2f} ms")

    def liveness(c, rnd):
        c.request("GET", "/actuator/health/liveness")
        r = c.getresponse()
        r.read()

    def check(c, rnd):
        c.request("POST", "/api/v1/checks", body=json.dumps(check_body(rnd.choice(codes)), ensure_ascii=False).encode("utf-8"),
                  headers=headers)
        r = c.getresponse()
        payload = r.read()
        if r.status != 201:
            raise SystemExit(f"check: {r.status} {payload[:200]!r}")

    load("liveness", liveness)
    load("single checks", check)
    load("liveness", liveness)
