#!/usr/bin/env python3
"""Generates N realistic 双公示 administrative-penalty rows as a provider's CSV export (the layout of docs/formats.md).

    bench/gen_penalties.py N out.csv [--encoding utf-8|gb18030] [--seed S] [--bad-every K]

Subjects are companies (valid GB 32100 codes, 91 3299 00 …), individual businesses (92 …) and natural persons (valid
GB 11643 ID numbers), with the market regulators, ecology, housing and transport bureaus of the demo city deciding. Decision
dates fall in the last two years. With --bad-every K one row in K carries a mistake real files have (impossible date,
Chinese amount, broken credit code); the default is 0: every row valid, which is what the ingest benchmark measures.
"""
import argparse
import csv
import datetime
import random

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
HEADERS = ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码", "行政处罚决定书文号",
           "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
           "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期",
           "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注", "适用程序", "失信程度"]
AUTHORITIES = [("示例市市场监督管理局", "11329900N4WKEFY538", "市监罚"),
               ("示例市生态环境局", "11329900RP0JHW1YXC", "环罚"),
               ("示例市住房和城乡建设局", "113299004LE9W0QR0M", "建罚"),
               ("示例市交通运输局", "11329900NHXBJ82242", "交罚"),
               ("示例县市场监督管理局", "11329921CCBYGLAJ6G", "县市监罚")]
ORG_WORDS = ["嘉禾", "恒通", "瑞丰", "华宇", "金桥", "鸿运", "新源", "东方", "宏达", "永安", "德润", "中联", "天成", "博远", "锦程"]
INDUSTRIES = ["科技", "商贸", "建材", "食品", "物流", "餐饮", "医药", "电子", "服装", "环保"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
CASES = [("虚假宣传", "在网店发布虚假广告，误导消费者", "《中华人民共和国广告法》第五十五条"),
         ("销售不合格产品", "销售抽检不合格的电线电缆", "《中华人民共和国产品质量法》第四十九条"),
         ("违规施工", "未取得施工许可证擅自施工", "《建设工程质量管理条例》第五十七条"),
         ("超标排放", "废气排放超过国家标准", "《中华人民共和国大气污染防治法》第九十九条"),
         ("无证经营", "未取得食品经营许可从事食品经营", "《中华人民共和国食品安全法》第一百二十二条")]


def org_check(code8):
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(code8, ORG_WEIGHTS))
    c = 11 - s % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_code(prefix, n):
    org = "%08d" % (n % 100_000_000)
    first17 = prefix + "329900" + org + org_check(org)
    return first17 + CHARSET[(31 - sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS)) % 31) % 31]


def id_number(rnd, n):
    birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rnd.randrange(365 * 45))
    first17 = "329900" + birth.strftime("%Y%m%d") + "%03d" % (n % 1000)
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def person(rnd):
    return rnd.choice(SURNAMES) + rnd.choice(GIVEN) + (rnd.choice(GIVEN) if rnd.random() < 0.7 else "")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("rows", type=int)
    p.add_argument("out")
    p.add_argument("--encoding", default="utf-8")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--bad-every", type=int, default=0)
    p.add_argument("--today", default="2026-11-24")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    today = datetime.date.fromisoformat(a.today)
    with open(a.out, "w", encoding=a.encoding, newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADERS)
        for n in range(1, a.rows + 1):
            authority, code, short = rnd.choice(AUTHORITIES)
            behaviour, facts, basis = rnd.choice(CASES)
            decided = today - datetime.timedelta(days=rnd.randrange(1, 730))
            fine = rnd.choice([0.05, 0.2, 0.5, 1, 2, 5, 10, 30])
            row = dict.fromkeys(HEADERS, "")
            kind = rnd.random()
            if kind < 0.75:
                row.update({"行政相对人名称": "示例市%s%s%s有限公司" % (rnd.choice(ORG_WORDS), rnd.choice(ORG_WORDS), rnd.choice(INDUSTRIES)),
                            "行政相对人类别": "法人及非法人组织", "统一社会信用代码": credit_code("91", n), "法定代表人": person(rnd)})
            elif kind < 0.9:
                name = person(rnd)
                row.update({"行政相对人名称": "示例市%s%s店" % (name, rnd.choice(INDUSTRIES)), "行政相对人类别": "个体工商户",
                            "统一社会信用代码": credit_code("92", n), "法定代表人": name})
            else:
                row.update({"行政相对人名称": person(rnd), "行政相对人类别": "自然人", "证件类型": "身份证",
                            "证件号码": id_number(rnd, n)})
            row.update({"行政处罚决定书文号": "示%s〔%d〕%d号" % (short, decided.year, n), "违法行为类型": behaviour, "违法事实": facts,
                        "处罚依据": basis, "处罚类别": "警告;罚款" if rnd.random() < 0.3 else "罚款",
                        "处罚内容": "罚款%s万元" % fine, "罚款金额（万元）": str(fine), "处罚决定日期": decided.isoformat(),
                        "处罚机关": authority, "处罚机关统一社会信用代码": code, "数据来源单位": authority,
                        "数据来源单位统一社会信用代码": code, "失信程度": rnd.choice(["一般", "一般", "一般", "轻微", "严重"])})
            if a.bad_every and n % a.bad_every == 0:
                field, value = rnd.choice([("处罚决定日期", "2026-02-30"), ("罚款金额（万元）", "五千元"),
                                           ("罚款金额（万元）", "-1"), ("统一社会信用代码", "91329900MA1XXXXXX1")])
                if field == "统一社会信用代码" and not row[field]:
                    field = "处罚决定日期"
                    value = "2026-02-30"
                row[field] = value
            w.writerow([row[h] for h in HEADERS])


if __name__ == "__main__":
    main()
