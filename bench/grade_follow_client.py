"""Grade-follow benchmark client (issue 22): while a large file is being ingested and graded, submits one penalty at a
time for a new probe company (a JSON batch of one row) every `interval` seconds, and prints the batch ids, one per line,
as `creditCode batchId`. The script measures, in the database, how long after each probe's batch completed its
subject was graded. Standard library only.

    python3 bench/grade_follow_client.py port apiKey probes interval
"""
import datetime
import json
import sys
import time
import urllib.request

sys.path.insert(0, "bench")
import gen_penalties as g  # noqa: E402

port, key, probes, interval = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
base = f"http://127.0.0.1:{port}"
for i in range(probes):
    code = g.credit_code("91", 99_000_000 + i)
    row = dict.fromkeys(g.HEADERS, "")
    decided = datetime.date.today() - datetime.timedelta(days=3)
    row.update({"行政相对人名称": "示例市探针%d有限公司" % i, "行政相对人类别": "法人及非法人组织", "统一社会信用代码": code,
                "法定代表人": "王伟", "行政处罚决定书文号": "示市监罚〔%d〕探%d号" % (decided.year, i), "违法行为类型": "虚假宣传",
                "违法事实": "在网店发布虚假广告，误导消费者", "处罚依据": "《中华人民共和国广告法》第五十五条", "处罚类别": "罚款",
                "处罚内容": "罚款5万元", "罚款金额（万元）": "5", "处罚决定日期": decided.isoformat(), "处罚机关": "示例市市场监督管理局",
                "处罚机关统一社会信用代码": "11329900N4WKEFY538", "数据来源单位": "示例市市场监督管理局",
                "数据来源单位统一社会信用代码": "11329900N4WKEFY538", "失信程度": "严重"})
    body = json.dumps({"item": "XZCF", "records": [{k: v for k, v in row.items() if v}]}).encode()
    req = urllib.request.Request(base + "/api/v1/submissions", data=body, method="POST",
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    answer = json.loads(urllib.request.urlopen(req).read())
    print(code, answer["id"], flush=True)
    time.sleep(interval)
