package gongxin.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.idev.excel.FastExcel;
import gongxin.shared.CreditCode;
import gongxin.shared.IdNumber;

/**
 * 双公示 penalty files as providers export them: rows are valid unless a test changes cells; each row gets its own
 * decision number and subject. Written as CSV (any encoding) or XLSX.
 */
public final class PenaltyFile {

    public static final List<String> HEADERS = List.of("行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型",
            "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
            "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期",
            "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注", "适用程序", "失信程度");
    public static final String SAMR = "11329900N4WKEFY538";
    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final String prefix;

    public PenaltyFile() {
        this(HEADERS);
    }

    public PenaltyFile(List<String> headers) {
        this.headers = headers;
        this.prefix = "测罚〔" + SEQUENCE.incrementAndGet() + "〕";
    }

    /** A valid organisation penalty decided by the market regulator on {@code 2026-10-10}. */
    public Map<String, String> valid() {
        int n = rows.size() + 1;
        Map<String, String> row = new LinkedHashMap<>();
        headers.forEach(h -> row.put(h, ""));
        row.put("行政相对人名称", "示例市测试" + n + "号科技有限公司");
        row.put("行政相对人类别", "法人及非法人组织");
        row.put("统一社会信用代码", creditCode("91329800", SEQUENCE.get() * 10_000L + n));
        row.put("法定代表人", "张" + n);
        row.put("行政处罚决定书文号", prefix + n + "号");
        row.put("违法行为类型", "虚假宣传");
        row.put("违法事实", "在网店发布虚假广告，误导消费者");
        row.put("处罚依据", "《中华人民共和国广告法》第五十五条");
        row.put("处罚类别", "罚款");
        row.put("处罚内容", "罚款五千元");
        row.put("罚款金额（万元）", "0.5");
        row.put("处罚决定日期", "2026-10-10");
        row.put("处罚机关", "示例市市场监督管理局");
        row.put("处罚机关统一社会信用代码", SAMR);
        row.put("数据来源单位", "示例市市场监督管理局");
        row.put("数据来源单位统一社会信用代码", SAMR);
        return row;
    }

    /** Adds a row: the valid one with {@code changes} (header, value, header, value…); returns its line. */
    public int add(String... changes) {
        Map<String, String> row = valid();
        for (int i = 0; i < changes.length; i += 2) {
            row.put(changes[i], changes[i + 1]);
        }
        return addRow(row);
    }

    public int addRow(Map<String, String> row) {
        rows.add(headers.stream().map(h -> row.getOrDefault(h, "")).toList());
        return rows.size() + 1;
    }

    /** Repeats an earlier row verbatim. */
    public int repeat(int line) {
        rows.add(rows.get(line - 2));
        return rows.size() + 1;
    }

    public String decisionNumber(int line) {
        return rows.get(line - 2).get(headers.indexOf("行政处罚决定书文号"));
    }

    public int size() {
        return rows.size();
    }

    public byte[] csv(Charset charset) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", headers.stream().map(PenaltyFile::quote).toList())).append("\r\n");
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(PenaltyFile::quote).toList())).append("\r\n");
        }
        return out.toString().getBytes(charset);
    }

    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<List<String>> head = headers.stream().map(List::of).toList();
        FastExcel.write(out).head(head).sheet("处罚").doWrite(new ArrayList<>(rows));
        return out.toByteArray();
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** Two Chinese characters no other test is likely to use, so that fragment searches find only that test's subjects. */
    public static String uniqueWord() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return new String(Character.toChars(0x5000 + r.nextInt(0x3000))) + new String(Character.toChars(0x5000 + r.nextInt(0x3000)));
    }

    /**
     * A valid unified social credit code of a company registered in the demo city (91 3299 00 …), as tests draw them
     * for the subject they are about. The rows of a file ({@link #valid}) take theirs from another county (91 3298 00 …),
     * so that a test's drawn code never names a subject some file created in the shared database.
     */
    public static String creditCode(long n) {
        return creditCode("91329900", n);
    }

    /** A valid code with this 8-character prefix (registration authority, type, county). */
    public static String creditCode(String prefix, long n) {
        String org = String.format("%08d", n % 100_000_000L);
        String first17 = prefix + org + CreditCode.organizationCodeCheckCharacter(org);
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** A valid ID number of someone born on {@code yyyyMMdd}. */
    public static String idNumber(String birthDate, int sequence) {
        String first17 = "329900" + birthDate + String.format("%03d", sequence % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
