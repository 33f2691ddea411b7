package gongxin.collection;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import gongxin.catalog.CatalogItem;
import gongxin.catalog.ItemField;

/** The XLSX files collection hands out: an item's template to fill in, and a batch's refused rows to fix. */
final class Workbooks {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Workbooks() {
    }

    /** Sheet 数据 with one column per field (required ones marked *), sheet 填写说明 with each field's rules. */
    static void template(CatalogItem item, OutputStream out) {
        template(item, ItemField::name, out);
    }

    /** The same with the headers a provider's profile gives the fields (the others keep our names). */
    static void template(CatalogItem item, java.util.function.Function<ItemField, String> header, OutputStream out) {
        List<List<String>> head = new ArrayList<>();
        for (ItemField field : item.fields()) {
            head.add(List.of(field.required() ? header.apply(field) + "*" : header.apply(field)));
        }
        List<List<Object>> notes = new ArrayList<>();
        for (ItemField field : item.fields()) {
            String rule = field.required() ? "必填" : field.requiredWhen() != null ? "条件必填：" + field.requiredWhen().field()
                    + " 含 " + String.join("/", field.requiredWhen().words())
                    : !field.requiredFor().isEmpty() ? "以下主体必填：" + String.join("、", field.requiredFor().stream().map(c -> c.label()).toList())
                    : "选填";
            notes.add(Arrays.asList(header.apply(field), field.code(), field.type().label(), rule, String.join("、", field.values()),
                    field.description() == null ? "" : field.description()));
        }
        ExcelWriter writer = FastExcel.write(out).build();
        try {
            writer.write(List.of(), FastExcel.writerSheet(0, "数据").head(head).build());
            writer.write(notes, FastExcel.writerSheet(1, "填写说明").head(List.of(List.of("表头"), List.of("字段编码"),
                    List.of("类型"), List.of("是否必填"), List.of("可选值"), List.of("说明"))).build());
        } finally {
            writer.finish();
        }
    }

    /** The refused rows of a batch: line, header, value, rule, reason. */
    static void errors(List<RowError> errors, OutputStream out) {
        List<List<Object>> rows = new ArrayList<>();
        for (RowError e : errors) {
            rows.add(Arrays.asList(e.line(), e.field() == null ? "" : e.field(), e.value() == null ? "" : e.value(),
                    e.rule(), e.message()));
        }
        FastExcel.write(out).head(List.of(List.of("行号"), List.of("字段"), List.of("报送的值"), List.of("规则"), List.of("原因")))
                .sheet("错误明细").doWrite(rows);
    }
}
