"""Probes of one path from N clients on keep-alive connections for D seconds: req/s, p50, p99 (issue 27, 2)."""
import http.client
import sys
import threading
import time

port, path, clients, seconds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
latencies = []
lock = threading.Lock()
stop = time.monotonic() + seconds


def run():
    conn = http.client.HTTPConnection("127.0.0.1", port)
    mine = []
    while time.monotonic() < stop:
        t = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse()
        r.read()
        if r.status != 200:
            raise SystemExit(f"{path}: {r.status}")
        mine.append((time.perf_counter() - t) * 1000)
    with lock:
        latencies.extend(mine)


threads = [threading.Thread(target=run) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
latencies.sort()
n = len(latencies)
print(f"{path}: {clients} clients {seconds:.0f} s: {n / seconds:.0f} req/s, p50 {latencies[n // 2]:.2f} ms, "
      f"p99 {latencies[int(n * 0.99)]:.2f} ms")
