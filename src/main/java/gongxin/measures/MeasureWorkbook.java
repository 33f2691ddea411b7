package gongxin.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import gongxin.collection.TabularFiles;
import gongxin.shared.DateText;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/** The measure list as a workbook (one row per measure, Chinese headers), for export and import. */
final class MeasureWorkbook {

    static final List<String> COLUMNS = List.of("措施代码", "措施名称", "种类", "类别", "来源", "措施内容", "适用对象", "设定依据",
            "实施部门", "是否必须", "示例", "触发名单类型", "触发信息项", "失信程度", "适用事项", "生效日期", "停止日期",
            "触发承诺事项", "触发评价等级");
    static final int MAX_ROWS = 5_000;

    private MeasureWorkbook() {
    }

    static void write(List<Measure> measures, OutputStream out) {
        List<List<Object>> rows = new ArrayList<>();
        for (Measure m : measures) {
            rows.add(List.of(m.code(), m.name(), m.kind() == Measure.Kind.PUNISHMENT ? "惩戒" : "激励",
                    m.category() == null ? "" : m.category().toString(), m.source().name(), m.content(), orEmpty(m.target()),
                    m.basis(), m.implementedBy(), m.mandatory() ? "是" : "否", m.example() ? "是" : "否",
                    String.join("、", m.listTypes()), String.join("、", m.recordItems()), String.join("、", m.severities()),
                    String.join("、", m.matters()), m.effectiveFrom().toString(), m.withdrawnOn() == null ? "" : m.withdrawnOn().toString(),
                    String.join("、", m.breachMatters()), String.join("、", m.grades())));
        }
        List<List<String>> heads = COLUMNS.stream().map(List::of).toList();
        ExcelWriter writer = FastExcel.write(out).build();
        try {
            writer.write(rows, FastExcel.writerSheet(0, "措施清单").head(heads).build());
        } finally {
            writer.finish();
        }
    }

    static List<Measure.Draft> read(InputStream in) throws IOException {
        TabularFiles.Table table = TabularFiles.readAll(in, MAX_ROWS);
        List<String> header = table.header();
        List<TabularFiles.Row> rows = table.rows();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.put(Text.clean(header.get(i)), i);
        }
        for (String required : List.of("措施代码", "措施名称", "种类", "设定依据", "适用事项")) {
            if (!at.containsKey(required)) {
                throw RuleViolationException.of("file", required, "layout", "工作簿缺少“" + required + "”列");
            }
        }
        List<Measure.Draft> drafts = new ArrayList<>();
        for (TabularFiles.Row row : rows) {
            java.util.function.Function<String, String> cell = name -> {
                Integer i = at.get(name);
                return i == null || i >= row.cells().size() ? null : Text.clean(row.cells().get(i));
            };
            String kind = cell.apply("种类");
            String category = cell.apply("类别");
            drafts.add(new Measure.Draft(cell.apply("措施代码"), cell.apply("措施名称"),
                    "惩戒".equals(kind) ? "PUNISHMENT" : "激励".equals(kind) ? "INCENTIVE" : kind,
                    category == null || !category.matches("[1-3]") ? null : Integer.valueOf(category), cell.apply("来源"),
                    cell.apply("措施内容"), cell.apply("适用对象"), cell.apply("设定依据"), cell.apply("实施部门"),
                    "是".equals(cell.apply("是否必须")), "是".equals(cell.apply("示例")), split(cell.apply("触发名单类型")),
                    split(cell.apply("触发信息项")), split(cell.apply("失信程度")), split(cell.apply("适用事项")),
                    date(cell.apply("生效日期")), date(cell.apply("停止日期")), split(cell.apply("触发承诺事项")), split(cell.apply("触发评价等级"))));
        }
        return drafts;
    }

    private static List<String> split(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : DateText.parse(value).orElse(null);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
