package gongxin.collection;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import gongxin.identity.Caller;
import gongxin.identity.Scope;
import gongxin.platform.DemoProperties;
import gongxin.platform.GongxinProperties;
import gongxin.shared.CreditCode;
import gongxin.shared.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills an empty demo platform with penalty records, sent through the same submission path as a provider's file (so
 * that validation, records, events and the public website all see them): a few subjects the README names
 * (示例市嘉禾科技有限公司, 张三) and {@code gongxin.demo.records} generated ones. Generated data, marked as such.
 */
@Component
class DemoRecords {

    private static final Logger log = LoggerFactory.getLogger(DemoRecords.class);
    static final String[] HEADERS = {"行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码",
            "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期",
            "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注", "适用程序", "失信程度"};
    private static final String[][] AUTHORITIES = {
            {"示例市市场监督管理局", "11329900N4WKEFY538", "市监"}, {"示例市生态环境局", "11329900RP0JHW1YXC", "环"},
            {"示例市住房和城乡建设局", "113299004LE9W0QR0M", "建"}, {"示例市交通运输局", "11329900NHXBJ82242", "交"},
            {"示例县市场监督管理局", "11329921CCBYGLAJ6G", "县市监"}};
    private static final String[] WORDS = {"嘉禾", "恒通", "瑞丰", "华宇", "金桥", "鸿运", "新源", "东方", "宏达", "永安", "德润", "中联", "天成", "博远", "锦程"};
    private static final String[] TRADES = {"科技", "商贸", "建材", "食品", "物流", "餐饮", "医药", "电子", "服装", "环保"};
    private static final String[][] CASES = {
            {"虚假宣传", "在网店发布虚假广告，误导消费者", "《中华人民共和国广告法》第五十五条"},
            {"销售不合格产品", "销售抽检不合格的电线电缆", "《中华人民共和国产品质量法》第四十九条"},
            {"违规施工", "未取得施工许可证擅自施工", "《建设工程质量管理条例》第五十七条"},
            {"超标排放", "废气排放超过国家标准", "《中华人民共和国大气污染防治法》第九十九条"},
            {"无证经营", "未取得食品经营许可从事食品经营", "《中华人民共和国食品安全法》第一百二十二条"}};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚";

    private final DemoProperties demo;
    private final SubmissionService submissions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final GongxinProperties properties;
    private final gongxin.identity.Departments departments;

    DemoRecords(DemoProperties demo, SubmissionService submissions, JdbcClient jdbc, Clock clock, GongxinProperties properties,
                gongxin.identity.Departments departments) {
        this.departments = departments;
        this.demo = demo;
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(gongxin.platform.DemoDataRequested.class)
    @Order(100)
    void seed() {
        if (!demo.enabled() || demo.records() <= 0) {
            return;
        }
        boolean empty = jdbc.sql("select not exists (select 1 from records.record) and not exists (select 1 from collection.batch)")
                .query(Boolean.class).single();
        if (!empty) {
            return;
        }
        byte[] csv = csv(rows(demo.records(), LocalDate.now(clock.withZone(properties.zone())), 2026));
        // sent for the demo's deciding departments, as the demo collection system would
        Set<String> deciding = new java.util.HashSet<>();
        for (String[] authority : AUTHORITIES) {
            departments.findByCreditCode(authority[1]).ifPresent(d -> deciding.add(d.code()));
        }
        Caller platform = new Caller("示例数据（平台生成）", Caller.Kind.API_CLIENT, "CITY-NDRC", Set.copyOf(deciding), Set.of(),
                Set.of(Scope.SUBMIT));
        Submission result = submissions.submitFile(platform, upload(csv), new SubmissionService.Options("XZCF", false, null));
        log.info("Demo records: {} rows sent, {} accepted, {} refused (status {})", result.rows(), result.accepted(),
                result.rejected(), result.status());
    }

    /** The README's subjects first, then {@code n} generated ones decided in the two years before {@code today}. */
    static List<Map<String, String>> rows(int n, LocalDate today, long seed) {
        Random random = new Random(seed);
        List<Map<String, String>> rows = new ArrayList<>();
        String jiahe = creditCode("91", 1);
        rows.add(row(0, "示例市嘉禾科技有限公司", "法人及非法人组织", jiahe, "周明", "", AUTHORITIES[0], CASES[0], today.minusDays(40), "一般", ""));
        rows.add(row(0, "示例市嘉禾科技有限公司", "法人及非法人组织", jiahe, "周明", "", AUTHORITIES[0], CASES[1], today.minusYears(2), "一般", ""));
        rows.add(row(0, "示例市嘉禾餐饮有限公司", "法人及非法人组织", creditCode("91", 2), "吴敏", "", AUTHORITIES[0], CASES[4], today.minusDays(20), "一般", "简易程序"));
        rows.add(row(0, "张三", "自然人", "", "", idNumber("19800101", 123), AUTHORITIES[1], CASES[3], today.minusDays(60), "一般", ""));
        rows.add(row(0, "李小明", "自然人", "", "", idNumber(today.minusYears(15).toString().replace("-", ""), 456), AUTHORITIES[0], CASES[4], today.minusDays(30), "一般", ""));
        for (int i = 1; rows.size() < n; i++) {
            int seq = 1000 + i;
            String[] authority = AUTHORITIES[random.nextInt(AUTHORITIES.length)];
            String[] c = CASES[random.nextInt(CASES.length)];
            LocalDate decided = today.minusDays(1 + random.nextInt(730));
            String severity = new String[]{"一般", "一般", "一般", "轻微", "严重"}[random.nextInt(5)];
            double kind = random.nextDouble();
            String person = person(random);
            if (kind < 0.75) {
                rows.add(row(seq, "示例市" + WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
                        + TRADES[random.nextInt(TRADES.length)] + "有限公司", "法人及非法人组织", creditCode("91", seq), person, "",
                        authority, c, decided, severity, ""));
            } else if (kind < 0.9) {
                rows.add(row(seq, "示例市" + person + TRADES[random.nextInt(TRADES.length)] + "店", "个体工商户",
                        creditCode("92", seq), person, "", authority, c, decided, severity, ""));
            } else {
                String birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 45)).toString().replace("-", "");
                rows.add(row(seq, person, "自然人", "", "", idNumber(birth, seq), authority, c, decided, severity, ""));
            }
        }
        return rows;
    }

    private static Map<String, String> row(int seq, String name, String category, String code, String representative,
                                           String id, String[] authority, String[] c, LocalDate decided, String severity,
                                           String procedure) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("行政相对人名称", name);
        row.put("行政相对人类别", category);
        row.put("统一社会信用代码", code);
        row.put("法定代表人", representative);
        row.put("证件类型", id.isEmpty() ? "" : "身份证");
        row.put("证件号码", id);
        row.put("行政处罚决定书文号", "示" + authority[2] + "罚〔" + decided.getYear() + "〕" + (seq == 0 ? name.hashCode() & 0xffff : seq) + "号");
        row.put("违法行为类型", c[0]);
        row.put("违法事实", c[1]);
        row.put("处罚依据", c[2]);
        row.put("处罚类别", "罚款");
        row.put("处罚内容", "罚款0.5万元");
        row.put("罚款金额（万元）", "0.5");
        row.put("处罚决定日期", decided.toString());
        row.put("处罚机关", authority[0]);
        row.put("处罚机关统一社会信用代码", authority[1]);
        row.put("数据来源单位", authority[0]);
        row.put("数据来源单位统一社会信用代码", authority[1]);
        row.put("备注", "示例数据");
        row.put("适用程序", procedure);
        row.put("失信程度", severity);
        return row;
    }

    static byte[] csv(List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", HEADERS)).append("\r\n");
        for (Map<String, String> row : rows) {
            for (int i = 0; i < HEADERS.length; i++) {
                out.append(i == 0 ? "" : ",").append(row.getOrDefault(HEADERS[i], ""));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String person(Random random) {
        return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextDouble() < 0.7 ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
    }

    static String creditCode(String prefix, long n) {
        String org = String.format("%08d", n % 100_000_000L);
        String first17 = prefix + "329900" + org + CreditCode.organizationCodeCheckCharacter(org);
        return first17 + CreditCode.checkCharacter(first17);
    }

    static String idNumber(String birthDate, int sequence) {
        String first17 = "329900" + birthDate + String.format("%03d", sequence % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static SubmissionService.Upload upload(byte[] csv) {
        return new SubmissionService.Upload() {
            @Override
            public String filename() {
                return "示例数据-行政处罚.csv";
            }

            @Override
            public long size() {
                return csv.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(csv);
            }

            @Override
            public Path keep() throws java.io.IOException {
                Path kept = java.nio.file.Files.createTempFile("gongxin-demo-", ".csv");
                java.nio.file.Files.write(kept, csv);
                return kept;
            }
        };
    }
}
