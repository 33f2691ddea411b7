package gongxin.catalog;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.idev.excel.ExcelReader;
import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.event.AnalysisEventListener;
import gongxin.shared.DateText;
import gongxin.shared.RuleViolation;
import gongxin.shared.Text;
import org.springframework.stereotype.Component;

/**
 * The catalog as an XLSX workbook, so that a credit office can load the official tables as they are published and
 * take the catalog out again: sheet 信息项 (one row per item version) and sheet 字段 (the items' data fields).
 */
@Component
class CatalogWorkbook {

    static final String ITEMS_SHEET = "信息项";
    static final String FIELDS_SHEET = "字段";
    static final int MAX_ROWS = 10_000;

    /** Item columns: header → property (the name used in rule violations). */
    static final Map<String, String> ITEM_COLUMNS = new LinkedHashMap<>();
    static final List<String> FIELD_COLUMNS = List.of("信息项编码", "字段编码", "字段名称", "字段类型", "必填", "可选值", "说明",
            "角色", "别名", "主键", "按主体类别必填", "条件必填");

    static {
        ITEM_COLUMNS.put("信息项编码", "code");
        ITEM_COLUMNS.put("信息项名称", "name");
        ITEM_COLUMNS.put("生效日期", "effectiveFrom");
        ITEM_COLUMNS.put("状态", "withdrawn");
        ITEM_COLUMNS.put("目录版本", "edition");
        ITEM_COLUMNS.put("类别序号", "categoryNo");
        ITEM_COLUMNS.put("类别名称", "categoryName");
        ITEM_COLUMNS.put("记录的行为", "behaviour");
        ITEM_COLUMNS.put("提供单位", "provider");
        ITEM_COLUMNS.put("设定依据", "legalBasis");
        ITEM_COLUMNS.put("信息性质", "nature");
        ITEM_COLUMNS.put("共享属性", "shareAttribute");
        ITEM_COLUMNS.put("公开属性", "disclosure");
        ITEM_COLUMNS.put("信息类型", "infoType");
        ITEM_COLUMNS.put("公示方式", "publicity");
        ITEM_COLUMNS.put("公示期限（月）", "publicityMonths");
        ITEM_COLUMNS.put("保存期限（年）", "retentionYears");
        ITEM_COLUMNS.put("默认失信程度", "defaultSeverity");
        ITEM_COLUMNS.put("目录层级", "scope");
        ITEM_COLUMNS.put("示例", "example");
        ITEM_COLUMNS.put("报送部门", "departments");
        ITEM_COLUMNS.put("报送时限", "timelinessDeadline");
        ITEM_COLUMNS.put("依据文书类型", "basisDocumentType");
        ITEM_COLUMNS.put("版本", "version");
        ITEM_COLUMNS.put("变更说明", "changeNote");
    }

    /** Writes the items in force on {@code on}, with their fields. */
    void export(List<CatalogItem> items, OutputStream out) {
        List<List<Object>> itemRows = new ArrayList<>();
        List<List<Object>> fieldRows = new ArrayList<>();
        for (CatalogItem item : items) {
            itemRows.add(Arrays.asList(item.code(), item.name(), item.effectiveFrom().toString(),
                    item.withdrawn() ? "停用" : "在用", item.edition(), item.categoryNo(), item.categoryName(),
                    item.behaviour(), item.provider(), item.legalBasis(), item.nature().label(),
                    item.shareAttribute().label(), item.disclosure().label(), orEmpty(item.infoType()),
                    item.publicity().label(), item.publicityMonths() == null ? "" : item.publicityMonths(),
                    item.retentionYears() == null ? "" : item.retentionYears(),
                    item.defaultSeverity() == null ? "" : item.defaultSeverity().label(), item.scope().label(),
                    item.example() ? "是" : "否", String.join(";", item.departments()),
                    orEmpty(item.timelinessDeadline()), orEmpty(item.basisDocumentType()), item.version(),
                    orEmpty(item.changeNote())));
            for (ItemField field : item.fields()) {
                fieldRows.add(Arrays.asList(item.code(), field.code(), field.name(), field.type().label(),
                        FieldText.yes(field.required()), FieldText.list(field.values()), orEmpty(field.description()),
                        FieldText.role(field.role()), FieldText.list(field.aliases()), FieldText.yes(field.key()),
                        FieldText.categories(field.requiredFor()), FieldText.condition(field.requiredWhen())));
            }
        }
        ExcelWriter writer = FastExcel.write(out).build();
        try {
            writer.write(itemRows, FastExcel.writerSheet(0, ITEMS_SHEET).head(heads(ITEM_COLUMNS.keySet())).build());
            writer.write(fieldRows, FastExcel.writerSheet(1, FIELDS_SHEET).head(heads(FIELD_COLUMNS)).build());
        } finally {
            writer.finish();
        }
    }

    /** Reads both sheets; rows keep their line numbers (header = line 1). */
    Sheets read(InputStream in) {
        SheetCollector items = new SheetCollector();
        SheetCollector fields = new SheetCollector();
        ExcelReader reader = FastExcel.read(in).build();
        try {
            reader.read(FastExcel.readSheet(ITEMS_SHEET).registerReadListener(items).headRowNumber(1).build(),
                    FastExcel.readSheet(FIELDS_SHEET).registerReadListener(fields).headRowNumber(1).build());
        } finally {
            reader.finish();
        }
        return new Sheets(items.rows, fields.rows, items.headers, items.tooMany || fields.tooMany);
    }

    /**
     * Turns the sheets into drafts. Refusals are collected, not thrown, so that every error of the workbook is
     * reported at once.
     */
    List<ImportRow> drafts(Sheets sheets, LocalDate defaultEffectiveFrom, List<RuleViolation> errors) {
        Map<String, List<ItemField>> fieldsByItem = new LinkedHashMap<>();
        for (Row row : sheets.fieldRows()) {
            String code = upper(row.get("信息项编码"));
            if (code == null) {
                continue;
            }
            Optional<FieldType> type = Labeled.parse(FieldType.class, row.get("字段类型"));
            if (type.isEmpty()) {
                errors.add(violation(FIELDS_SHEET, row, "字段类型", "one-of", "字段类型应为：文本、日期、数值、整数、代码值、统一社会信用代码或身份证号码"));
                continue;
            }
            Optional<Optional<FieldRole>> role = FieldText.role(row.get("角色"));
            if (role.isEmpty()) {
                errors.add(violation(FIELDS_SHEET, row, "角色", "one-of", "角色不是已定义的字段角色"));
                continue;
            }
            java.util.List<gongxin.shared.SubjectCategory> requiredFor = FieldText.categories(row.get("按主体类别必填"));
            if (requiredFor == null) {
                errors.add(violation(FIELDS_SHEET, row, "按主体类别必填", "one-of", "主体类别应为：法人及非法人组织、个体工商户或自然人"));
                continue;
            }
            ItemField.Condition condition;
            try {
                condition = FieldText.condition(row.get("条件必填"));
            } catch (IllegalArgumentException e) {
                errors.add(violation(FIELDS_SHEET, row, "条件必填", "format", "条件必填应写作“字段编码=词1/词2”，如 CF_CFLB=罚款"));
                continue;
            }
            fieldsByItem.computeIfAbsent(code, k -> new ArrayList<>()).add(new ItemField(upper(row.get("字段编码")),
                    Text.clean(row.get("字段名称")), type.get(), FieldText.yes(row.get("必填")), FieldText.list(row.get("可选值")),
                    blankToNull(Text.clean(row.get("说明"))), role.get().orElse(null), FieldText.list(row.get("别名")),
                    FieldText.yes(row.get("主键")), requiredFor, condition));
        }
        List<ImportRow> drafts = new ArrayList<>();
        for (Row row : sheets.itemRows()) {
            int before = errors.size();
            String code = upper(row.get("信息项编码"));
            LocalDate effectiveFrom = defaultEffectiveFrom;
            String dateText = row.get("生效日期");
            if (!Text.isBlank(dateText)) {
                effectiveFrom = DateText.parse(dateText).orElse(null);
                if (effectiveFrom == null) {
                    errors.add(violation(ITEMS_SHEET, row, "生效日期", "date", "生效日期不是有效日期"));
                }
            } else if (effectiveFrom == null) {
                errors.add(violation(ITEMS_SHEET, row, "生效日期", "required", "请填写生效日期，或在导入时指定默认生效日期"));
            }
            Nature nature = enumCell(Nature.class, row, "信息性质", "基础信息、守信信息或失信信息", errors, true);
            ShareAttribute share = enumCell(ShareAttribute.class, row, "共享属性", "无条件共享、有条件共享或不予共享", errors, true);
            Disclosure disclosure = enumCell(Disclosure.class, row, "公开属性", "社会公开、授权查询或不予公开", errors, true);
            Publicity publicity = enumCell(Publicity.class, row, "公示方式", "按规则集分级公示、固定期限公示、有效期内公示或不公示", errors, true);
            Severity severity = enumCell(Severity.class, row, "默认失信程度", "轻微、一般或严重", errors, false);
            CatalogScope scope = enumCell(CatalogScope.class, row, "目录层级", "国家基础目录、省级补充目录或市级补充目录", errors, true);
            Integer categoryNo = integerCell(row, "类别序号", errors);
            Integer months = integerCell(row, "公示期限（月）", errors);
            Integer years = integerCell(row, "保存期限（年）", errors);
            String status = Text.normalize(row.get("状态"));
            if (status != null && !status.isEmpty() && !status.equals("在用") && !status.equals("停用")) {
                errors.add(violation(ITEMS_SHEET, row, "状态", "one-of", "状态应为“在用”或“停用”"));
            }
            if (errors.size() > before) {
                continue;
            }
            drafts.add(new ImportRow(row.line(), new ItemDraft(code, effectiveFrom, "停用".equals(status),
                    Text.clean(row.get("信息项名称")), categoryNo, Text.clean(row.get("记录的行为")),
                    Text.clean(row.get("提供单位")), Text.clean(row.get("设定依据")), nature, share, disclosure,
                    blankToNull(row.get("信息类型")), publicity, months, years, severity, scope, FieldText.yes(row.get("示例")),
                    FieldText.list(row.get("报送部门")).stream().map(CatalogWorkbook::upper).toList(),
                    fieldsByItem.getOrDefault(code, null), blankToNull(row.get("变更说明")),
                    blankToNull(row.get("报送时限")), blankToNull(row.get("依据文书类型"))),
                    fieldsByItem.containsKey(code)));
        }
        return drafts;
    }

    static RuleViolation violation(String sheet, Row row, String header, String rule, String message) {
        return RuleViolation.of(sheet + "!第" + row.line() + "行 " + header, row.get(header), rule, message);
    }

    private static <E extends Enum<E> & Labeled> E enumCell(Class<E> type, Row row, String header, String allowed,
                                                            List<RuleViolation> errors, boolean required) {
        String value = row.get(header);
        if (Text.isBlank(value)) {
            if (required) {
                errors.add(violation(ITEMS_SHEET, row, header, "required", header + "不能为空，应为" + allowed));
            }
            return null;
        }
        Optional<E> parsed = Labeled.parse(type, Text.normalize(value));
        if (parsed.isEmpty()) {
            errors.add(violation(ITEMS_SHEET, row, header, "one-of", header + "应为" + allowed));
        }
        return parsed.orElse(null);
    }

    private static Integer integerCell(Row row, String header, List<RuleViolation> errors) {
        String value = Text.normalize(row.get(header));
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
        } catch (NumberFormatException e) {
            errors.add(violation(ITEMS_SHEET, row, header, "integer", header + "应为整数"));
            return null;
        }
    }

    private static List<List<String>> heads(Iterable<String> names) {
        List<List<String>> heads = new ArrayList<>();
        names.forEach(name -> heads.add(List.of(name)));
        return heads;
    }

    private static String upper(String value) {
        String v = Text.normalizeIdentifier(value);
        return v == null || v.isEmpty() ? null : v;
    }

    private static String blankToNull(String value) {
        String v = Text.clean(value);
        return v == null || v.isEmpty() ? null : v;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** One data row, its cells by header. */
    record Row(int line, Map<String, String> cells) {
        /** The cell under {@code header}; headers are compared after normalisation (全角/半角 brackets alike). */
        String get(String header) {
            return cells.get(Text.normalize(header));
        }
    }

    record Sheets(List<Row> itemRows, List<Row> fieldRows, List<String> itemHeaders, boolean tooManyRows) {
    }

    /** A row of the items sheet turned into a draft; {@code fieldsGiven} when the 字段 sheet listed its fields. */
    record ImportRow(int line, ItemDraft draft, boolean fieldsGiven) {
    }

    private static final class SheetCollector extends AnalysisEventListener<Map<Integer, String>> {
        private final List<Row> rows = new ArrayList<>();
        private final List<String> headers = new ArrayList<>();
        private Map<Integer, String> headerByColumn = Map.of();
        private boolean tooMany;

        @Override
        public void invokeHeadMap(Map<Integer, String> headMap, AnalysisContext context) {
            headerByColumn = new LinkedHashMap<>();
            headMap.forEach((column, name) -> {
                String header = Text.normalize(name);
                if (header != null && !header.isEmpty()) {
                    headerByColumn.put(column, header);
                    headers.add(header);
                }
            });
        }

        @Override
        public void invoke(Map<Integer, String> data, AnalysisContext context) {
            if (rows.size() >= MAX_ROWS) {
                tooMany = true;
                return;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            headerByColumn.forEach((column, header) -> cells.put(header, data.get(column)));
            if (cells.values().stream().allMatch(Text::isBlank)) {
                return;
            }
            rows.add(new Row(context.readRowHolder().getRowIndex() + 1, cells));
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
        }
    }
}
