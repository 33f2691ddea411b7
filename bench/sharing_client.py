#!/usr/bin/env python3
"""Times shared queries and a long query history through the HTTP API (issue 24).

    sharing_client.py PORT KEY CODES_FILE HISTORY_CODE_FILE [queries] [histories]

Each query is a random generated company, for FISCAL-SUPPORT (a duty of the demo system's department), written to the
subject's history as it answers; then the first page of the history of the subject read 10,000 times. The floor, in
the same run: an authenticated GET that reads one small table. Prints p50/p95/p99/max in milliseconds.
"""
import http.client
import json
import random
import sys
import time
import urllib.parse

port, key, codes_file, history_file = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
queries = int(sys.argv[5]) if len(sys.argv) > 5 else 2000
histories = int(sys.argv[6]) if len(sys.argv) > 6 else 200
codes = [line.strip() for line in open(codes_file, encoding="utf-8") if line.strip()]
history_code = open(history_file, encoding="utf-8").read().strip()
random.seed(2024)
conn = http.client.HTTPConnection("127.0.0.1", port)
purpose = urllib.parse.quote("财政资金申报信用审查")
headers = {"Authorization": "Bearer " + key, "Content-Type": "application/json", "X-Purpose": purpose}


def timed(method, path, body=None, expect=200):
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    start = time.perf_counter()
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != expect:
        raise SystemExit(f"{path}: {response.status} {payload[:300]!r}")
    return elapsed, payload


def stats(name, values):
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"{name}: n={len(values)} p50={pick(0.50):.2f} ms p95={pick(0.95):.2f} ms p99={pick(0.99):.2f} ms max={values[-1]:.2f} ms")


def query(code):
    return {"subject": {"creditCode": code}, "matter": "FISCAL-SUPPORT"}


for code in codes[:200]:  # warm-up
    timed("POST", "/api/v1/sharing/queries", query(code))

floor = [timed("GET", "/api/v1/checks/matters")[0] for _ in range(queries)]
stats("floor (authenticated GET of the matters)", floor)

times, entries = [], 0
for i in range(queries):
    elapsed, payload = timed("POST", "/api/v1/sharing/queries", query(random.choice(codes)))
    times.append(elapsed)
    entries += len(json.loads(payload)["entries"])
stats("shared query (one subject, its history written)", times)
print(f"entries answered: {entries} over {queries} queries")

history = [timed("GET", "/api/v1/sharing/history?creditCode=" + history_code)[0] for _ in range(histories)]
stats("history, first page of 100 of 10,000 reads", history)
