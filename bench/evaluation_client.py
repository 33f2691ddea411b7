"""Evaluation benchmark client (issue 22): signs in as the demo administrator, starts a full run over every subject
and waits for it, then reports the run's own start and finish times. Standard library only."""
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request

port = int(sys.argv[1])
base = f"http://127.0.0.1:{port}"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
opener.addheaders = []


def csrf(page):
    body = opener.open(base + page).read().decode()
    return re.search(r'name="_csrf" value="([^"]+)"', body).group(1)


form = urllib.parse.urlencode({"username": "admin", "password": "xinyong2026", "_csrf": csrf("/login")}).encode()
opener.open(urllib.request.Request(base + "/login", data=form, method="POST"))
token = csrf("/console")
started = time.monotonic()
answer = opener.open(urllib.request.Request(base + "/api/v1/evaluation/runs", data=b"", method="POST",
                                            headers={"X-CSRF-TOKEN": token})).read()
run = json.loads(answer)["id"]
while True:
    status = json.loads(opener.open(base + "/api/v1/evaluation/runs/" + run).read())
    if status["status"] != "RUNNING":
        break
    time.sleep(0.5)
print(f"run {run}: {status['status']}, {status['subjects']} subjects in {time.monotonic() - started:.1f} s (client); "
      f"grades {status['grades']}; started {status['startedAt']}, finished {status['finishedAt']}")
